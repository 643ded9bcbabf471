"""Finding a quote in a seed: exact places, ambiguity, and the nearest match with what differs."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syria_strikes import anchoring
from syria_strikes.anchoring import locate

TEXT = "Officials said \u201cthe caf\u00e9 was hit\u201d. Officials said it twice.\u00a0Then\u2013nothing."


def test_a_unique_quote_gives_its_code_point_span() -> None:
    location = locate(TEXT, "the caf\u00e9 was hit")
    assert location.unique == (16, 32)
    assert TEXT[16:32] == "the caf\u00e9 was hit"
    assert location.describe() == "found at 16..32"


def test_an_ambiguous_quote_lists_every_occurrence() -> None:
    location = locate(TEXT, "Officials said")
    assert location.unique is None
    assert location.spans == ((0, 14), (35, 49))
    assert location.describe() == "found 2 times, at 0..14, 35..49: lengthen the quote until it is unique"


@pytest.mark.parametrize(
    ("quote", "reason", "named"),
    [
        ('"the caf\u00e9 was hit"', "quotation marks", "U+201C LEFT DOUBLE QUOTATION MARK"),
        ("twice. Then", "spaces", "U+00A0 NO-BREAK SPACE"),
        ("Then-nothing", "dashes", "U+2013 EN DASH"),
        (
            unicodedata.normalize("NFD", "the caf\u00e9 was hit"),
            "decomposed characters (NFD)",
            "U+0301 COMBINING ACUTE",
        ),
        ("the cafe was hit", "wording", "U+00E9 LATIN SMALL LETTER E WITH ACUTE"),
    ],
)
def test_a_near_miss_names_the_differing_characters_and_the_exact_span(quote: str, reason: str, named: str) -> None:
    location = locate(TEXT, quote)
    assert location.spans == ()
    assert location.near is not None
    message = location.describe()
    assert reason in message
    if named is not None:
        assert named in message
    start, end = location.near.start, location.near.end
    assert f"copy it exactly from offsets {start}..{end}" in message
    assert unicodedata.normalize("NFC", TEXT[start:end]).translate({0x201C: '"', 0x201D: '"'}).replace(
        "\u00a0", " "
    ).replace("\u2013", "-").replace("\u00e9", "e") == unicodedata.normalize("NFC", quote).replace("\u00e9", "e")


def test_a_quote_in_another_letter_case_is_found_with_the_letters_named() -> None:
    location = locate(TEXT, "then\u2013nothing.")
    assert location.near is not None
    assert (location.near.start, location.near.end) == (60, 73)
    assert TEXT[60:73] == "Then\u2013nothing."
    message = location.describe()
    assert "its letter case" in message
    assert "'T' (U+0054 LATIN CAPITAL LETTER T) where the quote has 't' (U+0074 LATIN SMALL LETTER T)" in message


def test_a_letter_whose_lower_case_is_longer_keeps_the_offsets() -> None:
    text = "\u0130stanbul: the STRIKE hit"
    location = locate(text, "the strike hit")
    assert location.near is not None
    assert text[location.near.start : location.near.end] == "the STRIKE hit"


def test_nothing_close_says_so() -> None:
    location = locate(TEXT, "zzzz qqqq")
    assert location.near is None
    assert "nothing in the seed comes close" in location.describe()


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab c.\u2019", min_size=1, max_size=60),
    cut=st.tuples(st.integers(0, 60), st.integers(0, 60)),
    typos=st.lists(st.tuples(st.integers(0, 60), st.sampled_from("abx ")), max_size=4),
)
def test_the_most_similar_stretch_is_the_one_every_full_ratio_picks(
    text: str, cut: tuple[int, int], typos: list[tuple[int, str]]
) -> None:
    """The cheap bounds only skip stretches that could not be chosen: the answer is the plain one's."""
    quote = list(text[min(cut) : max(cut)] or text)
    for at, char in typos:
        quote[at % len(quote)] = char
    plain = anchoring._most_similar(text, "".join(quote), pruned=False)
    assert anchoring._most_similar(text, "".join(quote)) == plain
