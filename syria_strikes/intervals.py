"""The days a time claim's value_text gives: 'start/end' (metadata.TIME_INTERVAL), where the
start may be '..', open before. The validator's rules and the derived summaries read them alike."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from syria_strikes.metadata import TIME_INTERVAL


@dataclass(frozen=True)
class Intervals:
    """Per cell: whether it has the interval's form, whether its start is open ('..'), and its
    start and end days, NaT where it has not the form or a part is no real day (2020-02-30)."""

    shaped: pd.Series
    open_start: pd.Series
    start: pd.Series
    end: pd.Series

    @property
    def ordered(self) -> pd.Series:
        """Whether the cell is an interval whose start is open or not after its end."""
        return self.shaped & self.end.notna() & (self.open_start | (self.start <= self.end).fillna(False).astype(bool))


def time_intervals(cells: pd.Series) -> Intervals:
    """Each cell read as a time interval."""
    text = cells.astype("string")
    shaped = text.str.fullmatch(TIME_INTERVAL).fillna(False).astype(bool)
    parts = text.where(shaped).str.split("/")
    start = pd.to_datetime(parts.str[0], format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(parts.str[1], format="%Y-%m-%d", errors="coerce")
    open_start = shaped & text.str.startswith("..").fillna(False).astype(bool)
    return Intervals(shaped, open_start, start, end)
