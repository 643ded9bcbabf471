"""Every printed field is escaped: no file name or cell can drive the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from syria_strikes.terminal import escape, escape_lines


def test_escape_sequences_and_controls_are_written_out() -> None:
    assert escape("\x1b[2Jclaims.csv") == "\\x1b[2Jclaims.csv"
    assert escape("a\x9bb") == "a\\x9bb"  # C1 control sequence introducer
    assert escape("\u202eevil") == "\\u202eevil"  # right-to-left override
    assert escape("tag\U000e0041") == "tag\\U000e0041"
    assert escape("line\nbreak\r") == "line\\x0abreak\\x0d"


def test_plain_text_in_any_script_is_kept() -> None:
    for text in ("claims.csv", "غارة جوية على إدلب", "Ḥamā", "a b"):
        assert escape(text) == text


def test_escape_lines_keeps_only_its_own_line_breaks() -> None:
    assert escape_lines("one\x1b]0;x\x07\ntwo") == "one\\x1b]0;x\\x07\ntwo"


@given(st.text())
def test_escaped_text_is_printable_and_escaping_twice_changes_nothing(text: str) -> None:
    once = escape(text)
    assert once.isprintable()
    assert escape(once) == once
