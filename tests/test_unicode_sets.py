"""Unicode sets come from the Unicode Character Database, and clusters are never cut."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from syria_strikes.checks.graphemes import Boundaries
from syria_strikes.unicode_sets import invisible_chars, is_invisible


@pytest.mark.parametrize(
    "char", ["\u061c", "\U000e0041", "\u3164", "\u2800", "\u034f", "\ufe0f", "\u200b", "\u00ad", "\ufeff", "\u2066"]
)
def test_default_ignorable_format_and_blank_characters_are_in_the_set(char: str) -> None:
    assert is_invisible(char)
    assert char in invisible_chars()


def test_every_format_character_is_in_the_set_and_letters_are_not() -> None:
    chars = set(invisible_chars())
    format_chars = {chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"}
    # regex's database is at least as new as Python's, and no character ever leaves category Cf.
    assert format_chars <= chars
    assert not {"a", "\u0627", " ", "\u00a0", "-", "é"} & chars


@pytest.mark.parametrize(
    ("text", "offset", "cut"),
    [
        ("plain ascii", 3, False),
        ("e\u0301te", 1, True),  # between e and its combining acute accent
        ("e\u0301te", 2, False),
        ("a\U0001f469\u200d\U0001f692b", 2, True),  # inside the woman-firefighter ZWJ sequence
        ("a\U0001f469\u200d\U0001f692b", 4, False),
        ("\U0001f1f8\U0001f1fe!", 1, True),  # between the two regional indicators of a flag
        ("line\r\nnext", 5, True),
        ("قصف", 1, False),
    ],
)
def test_cluster_boundaries(text: str, offset: int, cut: bool) -> None:
    assert Boundaries().cuts("seed", text, offset, offset) is cut


JOINERS = (
    "a\u0301\u200d\U0001f469\U0001f692\U0001f1f8\U0001f1fe\r\n\u1100\u1161\u11a8\uac00\u0915\u094d\u0937 \u0600x\u0903"
)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(JOINERS)), max_size=40))
def test_offsets_are_judged_as_segmenting_the_whole_text_would(text: str) -> None:
    bounds = {match.start() for match in regex.finditer(r"\X", text)} | {len(text)}
    judge = Boundaries()
    assert [judge.cuts("seed", text, offset, offset) for offset in range(len(text) + 1)] == [
        offset not in bounds for offset in range(len(text) + 1)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=40))
def test_an_ascii_seed_is_judged_as_segmenting_it_would(text: str) -> None:
    """ASCII text is judged without looking at its characters one by one, except for CR."""
    bounds = {match.start() for match in regex.finditer(r"\X", text)} | {len(text)}
    judge = Boundaries()
    assert judge.may_cut("seed", text) is ("\r" in text)
    assert [judge.cuts("seed", text, offset, offset) for offset in range(len(text) + 1)] == [
        offset not in bounds for offset in range(len(text) + 1)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.sampled_from(list(JOINERS)), st.characters(blacklist_categories=["Cs"])), max_size=40))
def test_any_text_is_judged_as_segmenting_it_would(text: str) -> None:
    """Joiners among any characters, ASCII and beyond: which characters a seed holds is found
    from its UTF-8 bytes, and none may be missed."""
    bounds = {match.start() for match in regex.finditer(r"\X", text)} | {len(text)}
    judge = Boundaries()
    assert [judge.cuts("seed", text, offset, offset) for offset in range(len(text) + 1)] == [
        offset not in bounds for offset in range(len(text) + 1)
    ]


def test_a_long_run_of_joining_characters_is_segmented_once() -> None:
    text = "\uac00\u11a8" * 2000 + "e\u0301"
    judge = Boundaries()
    assert judge.cuts("seed", text, 1, 1) and not judge.cuts("seed", text, 2, 2)
    assert judge.cuts("seed", text, 4001, 4001) and not judge.cuts("seed", text, 4000, 4000)


def test_every_char_is_every_scalar_value_in_order() -> None:
    from syria_strikes.unicode_sets import every_char

    chars = every_char()
    assert len(chars) == 0x110000 - 0x800
    assert chars[:3] == "\x00\x01\x02" and chars[-1] == "\U0010ffff"
    assert chars[0xD7FF] == "\ud7ff" and chars[0xD800] == "\ue000"
    codes = [ord(char) for char in chars]
    assert codes == [*range(0xD800), *range(0xE000, 0x110000)]


# Latin (with a modifier letter), Greek and Cyrillic look-alikes, written as escapes so they show.
LETTERS = "aox\u02b0\u03b2\u03bf\u03b3\u0430\u043e\u044f1 -"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(LETTERS)), max_size=12))
def test_the_words_of_mixed_script_name_a_pair_exactly_where_the_check_finds_one(text: str) -> None:
    """The check (RE2) and its message (``regex``) read the same script classes: a cell the check
    refuses always has a word and letter to name, and the letter is one of the scripts' pair."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from syria_strikes.text_policy import MIXED_SCRIPT, mixed_script

    refused = pc.match_substring_regex(pa.array([text]), MIXED_SCRIPT)[0].as_py()
    found = mixed_script(text)
    assert (found is not None) is refused
    if found is not None:
        word, odd = found
        assert odd in word and word in text
