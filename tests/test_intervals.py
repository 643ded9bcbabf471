"""A time claim's 'start/end' read once, for the rules and the derived summaries alike."""

from __future__ import annotations

import pandas as pd
import pytest

from syria_strikes.intervals import time_intervals

CASES = [
    # cell, shaped, open start, start, end, ordered
    ("2020-01-01/2020-01-02", True, False, "2020-01-01", "2020-01-02", True),
    ("2020-01-02/2020-01-02", True, False, "2020-01-02", "2020-01-02", True),
    ("../2020-01-02", True, True, None, "2020-01-02", True),
    ("2020-01-03/2020-01-02", True, False, "2020-01-03", "2020-01-02", False),
    ("2020-02-30/2020-03-01", True, False, None, "2020-03-01", False),  # no real day
    ("2020-01-01/2020-02-30", True, False, "2020-01-01", None, False),
    ("2020-01-01", False, False, None, None, False),
    ("2020-01-01/..", False, False, None, None, False),
    ("x../2020-01-02", False, False, None, None, False),
    (None, False, False, None, None, False),
]


@pytest.mark.parametrize(("cell", "shaped", "open_start", "start", "end", "ordered"), CASES)
def test_a_cell_is_read_as_its_days(
    cell: str | None, shaped: bool, open_start: bool, start: str | None, end: str | None, ordered: bool
) -> None:
    read = time_intervals(pd.Series([cell], dtype="str"))

    def day(value: object) -> str | None:
        return None if pd.isna(value) else f"{value:%Y-%m-%d}"

    assert (bool(read.shaped.iat[0]), bool(read.open_start.iat[0])) == (shaped, open_start)
    assert (day(read.start.iat[0]), day(read.end.iat[0])) == (start, end)
    assert bool(read.ordered.iat[0]) == ordered


def test_the_cells_keep_their_index() -> None:
    cells = pd.Series(["../2020-01-02", "2020-01-01/2020-01-02"], index=[7, 3], dtype="str")
    read = time_intervals(cells)
    assert all(
        list(part.index) == [7, 3] for part in (read.shaped, read.open_start, read.start, read.end, read.ordered)
    )
