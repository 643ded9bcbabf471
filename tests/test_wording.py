"""The site's words for intervals, counts and codes (syria_strikes/site/wording.py), one case at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from syria_strikes.site.wording import claimed_value, count_range, dates, meaning, plain_meaning, published_interval

JAN_3, JAN_10 = date(2020, 1, 3), date(2020, 1, 10)


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (None, JAN_10, "not after 2020-01-10"),  # the end is the last day it can be, not excluded
        (JAN_3, JAN_3, "2020-01-03"),
        (JAN_3, JAN_10, "2020-01-03 to 2020-01-10"),
    ],
)
def test_an_interval_of_days_in_words(start: date | None, end: date, words: str) -> None:
    assert dates({"date_start": start, "date_end": end}) == words


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (None, None, "unknown"),
        (JAN_3, None, "not before 2020-01-03"),
        (None, JAN_10, "not after 2020-01-10"),
        (JAN_3, JAN_10, "2020-01-03 to 2020-01-10"),
    ],
)
def test_a_publication_known_on_either_side_alone(start: date | None, end: date | None, words: str) -> None:
    assert published_interval(start, end) == words


def _claim(stance: str = "asserts", value: int | None = None, **fields: Any) -> dict[str, Any]:
    return {"stance": stance, "value": value, "value_low": None, "value_high": None, **fields}


@pytest.mark.parametrize(
    ("low", "high", "claims", "words"),
    [
        (8, 8, [_claim(value=8)], "count 8 persons"),
        (8, 12, [_claim(value=8), _claim(value=12)], "counts from 8 to 12 persons"),
        (8, None, [_claim(value_low=8)], "at least 8 persons"),
        (None, 12, [_claim(value_high=12)], "at most 12 persons"),
        (None, None, [_claim()], "no count given"),
        (None, None, [_claim(value=8), _claim(value_low=3)], "no single range: see each claim's count"),
        (None, None, [_claim("reports", value=8)], "no count given"),  # only the accounts' counts span
    ],
)
def test_what_the_accounts_counts_span(
    low: int | None, high: int | None, claims: list[dict[str, Any]], words: str
) -> None:
    assert count_range({"unit": "persons", "low": low, "high": high}, claims) == words


def test_a_predicate_without_a_unit_has_no_range() -> None:
    assert count_range({"unit": None, "low": None, "high": None}, [_claim(value=8)]) is None


@pytest.mark.parametrize(
    ("predicate", "text", "words"),
    [
        ("time", "2020-01-03/2020-01-10", "2020-01-03 to 2020-01-10"),
        ("time", "../2020-01-15", "not after 2020-01-15"),
        ("time", "2020-02-30/2020-03-01", "2020-02-30/2020-03-01"),  # shaped as days but none: as written
        ("place", "../2020-01-15", "../2020-01-15"),  # only a time's value is an interval
    ],
)
def test_a_claimed_value_as_words(predicate: str, text: str, words: str) -> None:
    assert claimed_value({"predicate": predicate, "value_text": text}) == words


def test_a_meaning_loses_the_columns_a_page_reader_cannot_see() -> None:
    assert plain_meaning("Who carried it out (value_actor_id).") == "Who carried it out."
    assert plain_meaning("What the weapons were launched from (aircraft, drones).") == (
        "What the weapons were launched from (aircraft, drones)."
    )
    assert plain_meaning("When it happened; value_text is the interval 'start/end'.") == "When it happened."
    assert meaning("predicate", "attribution") == "Who carried it out."
