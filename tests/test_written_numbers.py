"""The numbers a quote writes, which a claim's count must be one of."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syria_strikes.written_numbers import bound_written, bounds_lower, written_numbers


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
        ("killed a civilian", 1),
        ("there were no casualties", 0),
        ("two thousand five hundred rockets", 2500),
        ("three thousand two hundred and ten shells", 3210),
        ("two million three hundred thousand", 2_300_000),
        ("sixty-five thousand five hundred", 65_500),
        ("one thousand and one", 1001),
        ("3 thousand people", 3000),
        ("2 million displaced", 2_000_000),
        ("1.5 million", 1_500_000),
        ("2,5 thousand", 2500),
        ("5 dozen", 60),
        ("half a dozen rockets", 6),
        ("a half-dozen rockets", 6),
        ("11\u2009000 shells", 11_000),
        ("Israeli F-16 x4", 4),  # a small letter names no model
        ("In March 12 civilians were killed", 12),  # a date only where nothing else can be meant
        ("On May 5, 2000 people were killed", 2000),  # years stay numbers
        ("On 3 May 1500 residents were killed", 1500),
        ("dead-3, injured-7", 3),
        ("killed12 people", 12),
        ("Killed-12 and wounded-3", 12),  # more than two small letters name no model
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
        ("two thousand five hundred", 200_500),
        ("1.5 thousand", 15000),
        ("eight missiles fired by Israeli F-16 jets", 16),  # a model, not a count
        ("the T4 airbase", 4),
        ("the S-300 system", 300),
        ("two Su-24 jets", 24),  # a capital, one or two small letters and a hyphen: a Russian model
        ("a Tu-22M3 bomber", 22),
        ("a Mi-8 helicopter", 8),
        ("the MiG-29", 29),
        ("the BUK-M2E missile system", 2),
        ("on February 24, 2020", 24),  # a day and a year, no count
        ("a strike on 24\u00a0February", 24),  # a no-break space, as pasted text writes it
        ("24 Feb. 2020", 24),
        ("on 2020-02-24", 24),
    ],
)
def test_a_number_not_written_is_not_read(text: str, number: int) -> None:
    assert number not in written_numbers(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_every_count_written_in_digits_is_read(number: int) -> None:
    assert number in written_numbers(f"they said {number} were killed")
    assert number in written_numbers(f"they said {number:,} were killed")


def test_a_run_of_more_digits_than_any_count_has_is_no_number_and_no_error() -> None:
    """A count has at most 18 digits (the integer type's bound); Python refuses to read a run of more
    than 4300, and a quote that long is max_length's to report, not a fault of the rule."""
    assert written_numbers("killed " + "9" * 5000 + " and 8") == {8}
    assert 7 in written_numbers("0" * 30 + "7")  # leading zeros: as the Arrow reading of a short run


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        ("At least eight Iraqi hashish fighters have been killed", 8, "At least"),
        ("more than 1,200 people", 1200, "more than"),
        ("up to twenty-one missiles", 21, "up to"),
        ("nearly 16 died", 16, "nearly"),
        ("Not more than 10 people were killed", 10, "Not more than"),  # not the 'more than' inside it
        ("Not less than 10 people", 10, "Not less than"),
        ("killed eight people", 8, None),  # written plainly
        ("at least two civilians among eight killed", 8, None),  # the bound is another number's
        ("killed 8, including at least 8 children", 8, None),  # written plainly once
        ("flew over 8 villages", 8, None),  # 'over' is as often a place
        ("at least 8.5 tonnes", 8, None),  # another number
        ("no count here", 8, None),
    ],
)
def test_a_number_written_only_as_a_bound_is_found_with_its_words(text: str, number: int, words: str | None) -> None:
    assert bound_written(text, number) == words


@pytest.mark.parametrize(
    ("words", "lower"),
    [("At least", True), ("more  than", True), ("up to", False), ("Nearly", False), ("Not more than", False)],
)
def test_the_bounding_words_tell_a_lower_bound_from_an_upper_one(words: str, lower: bool) -> None:
    assert bounds_lower(words) is lower
