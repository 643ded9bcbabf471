"""The numbers a quote writes, which a claim's count must be one of."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syria_strikes.written_numbers import written_numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("4 missiles reached the target area", 4),
        ("killed eight Iranian-backed Iraqi militia officers", 8),
        ("At least Eight fighters", 8),
        ("twenty-one dead", 21),
        ("twenty one dead", 21),
        ("two hundred and five rockets", 205),
        ("a hundred rockets", 100),
        ("three thousand", 3000),
        ("a dozen drones", 12),
        ("two dozen drones", 24),
        ("1,200 people", 1200),
        ("1 200 people", 1200),
        ("\u0664 missiles", 4),
        ("both pilots", 2),
        ("a single missile", 1),
    ],
)
def test_a_number_written_in_digits_or_words_is_read(text: str, number: int) -> None:
    assert number in written_numbers(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("killed eight people", 9),
        ("some missiles", 1),
        ("several fighters were killed", 3),
        ("eighteen", 8),
        ("400 missiles", 40),
        ("one hundred", 101),
    ],
)
def test_a_number_not_written_is_not_read(text: str, number: int) -> None:
    assert number not in written_numbers(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_every_count_written_in_digits_is_read(number: int) -> None:
    assert number in written_numbers(f"they said {number} were killed")
    assert number in written_numbers(f"they said {number:,} were killed")
