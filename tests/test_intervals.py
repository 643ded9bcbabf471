"""A time claim's 'start/end' read once, for the rules and the derived summaries alike."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from syria_strikes.intervals import relative_days, time_intervals
from syria_strikes.metadata import TIME_INTERVAL

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


DAYS = st.sampled_from(["..", "2020-01-01", "2020-02-30", "0000-00-00", "2020-1-01", "", "2020-01-01\n", "..."])
CELLS = st.one_of(
    st.text(alphabet="0129-./\n ", max_size=24),
    st.builds("{}{}{}".format, DAYS, st.sampled_from(["/", "//", " /", "\n/"]), DAYS),
)


@given(CELLS)
def test_the_parts_are_found_exactly_where_the_declared_pattern_matches(cell: str) -> None:
    assert bool(time_intervals(pd.Series([cell], dtype="str")).shaped.iat[0]) == bool(re.fullmatch(TIME_INTERVAL, cell))


@pytest.mark.parametrize("dtype", ["object", "str"])
def test_cells_of_no_text_at_all_are_no_intervals(dtype: str) -> None:
    read = time_intervals(pd.Series([None, None], dtype=dtype))
    assert not read.shaped.any() and read.start.isna().all() and not read.ordered.any()


def test_the_cells_keep_their_index() -> None:
    cells = pd.Series(["../2020-01-02", "2020-01-01/2020-01-02"], index=[7, 3], dtype="str")
    read = time_intervals(cells)
    assert all(
        list(part.index) == [7, 3] for part in (read.shaped, read.open_start, read.start, read.end, read.ordered)
    )


WEDNESDAY, SUNDAY = date(2020, 1, 15), date(2020, 1, 12)


@pytest.mark.parametrize(
    ("quote", "published", "days"),
    [
        ("on Tuesday", WEDNESDAY, ("2020-01-14", "2020-01-14")),
        ("Wednesday", WEDNESDAY, ("2020-01-15", "2020-01-15")),
        ("on Thursday", WEDNESDAY, ("2020-01-09", "2020-01-09")),
        ("today", WEDNESDAY, ("2020-01-15", "2020-01-15")),
        ("YESTERDAY", WEDNESDAY, ("2020-01-14", "2020-01-14")),
        ("this week", WEDNESDAY, ("2020-01-12", "2020-01-15")),
        ("last week", WEDNESDAY, ("2020-01-05", "2020-01-12")),
        ("this week", SUNDAY, ("2020-01-06", "2020-01-12")),
        ("last week", SUNDAY, ("2019-12-30", "2020-01-11")),
        ("this month", WEDNESDAY, ("2020-01-01", "2020-01-15")),
        ("last month", WEDNESDAY, ("2019-12-01", "2019-12-31")),
        ("last month", date(2020, 3, 31), ("2020-02-01", "2020-02-29")),
        ("this year", WEDNESDAY, ("2020-01-01", "2020-01-15")),
        ("last year", WEDNESDAY, ("2019-01-01", "2019-12-31")),
        ("in the past", WEDNESDAY, (None, "2020-01-15")),  # no first day
        ("Previously", WEDNESDAY, (None, "2020-01-15")),
    ],
)
def test_a_relative_time_word_gives_days_counted_from_the_publication_day(
    quote: str, published: date, days: tuple[str | None, str]
) -> None:
    """A week starts on Sunday or Monday, so a week's days cover both."""
    assert relative_days(quote, published) == tuple(None if day is None else date.fromisoformat(day) for day in days)


@pytest.mark.parametrize("quote", ["said on Tuesday", "last weeks", "next week", "on Tuesday night", ""])
def test_a_quote_that_is_not_only_a_relative_time_word_gives_no_days(quote: str) -> None:
    assert relative_days(quote, WEDNESDAY) is None


@pytest.mark.parametrize("quote", ["on Tue\u017fday", "on Fr\u0130day", "la\u017ft week"])
def test_letters_a_case_blind_match_takes_for_ascii_name_no_day_and_raise_nothing(quote: str) -> None:
    """RE2 and Python match 'Tue\u017fday' (a long s) case-blind; looking the day up then raised
    ValueError, and the rules that read it failed."""
    assert relative_days(quote, WEDNESDAY) is None
    from syria_strikes.intervals import weekdays_named

    assert weekdays_named(quote) <= {1}
