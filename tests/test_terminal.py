"""Every printed field is escaped: no file name or cell can drive the terminal."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from syria_strikes.terminal import escape, escape_lines, escape_markup
from tests.support.dataset import Dataset, run_cli


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


def test_a_page_keeps_its_layout_and_turns_controls_into_character_references() -> None:
    page = "<p>\tdate\x1b[2J\x1b]0;pwn\x07 \u202eevil\u00a0ok</p>\n"
    assert escape_markup(page) == "<p>\tdate&#x1b;[2J&#x1b;]0;pwn&#x7; &#x202e;evil&#xa0;ok</p>\n"
    assert escape_markup("<p>plain</p>\n") == "<p>plain</p>\n"


def test_coverage_html_sends_no_control_character_to_the_terminal(dataset: Dataset) -> None:
    seed = dataset.seed("000")
    seed.chmod(0o644)
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text + "\x1b[2J\x1b]0;pwn\x07 Trailing words.\n", encoding="utf-8")
    index = dataset.find("sources", source_id="src-seed-000")
    dataset.set_cell("sources", index, "sha256", hashlib.sha256(seed.read_bytes()).hexdigest())
    _, output = run_cli(["coverage", "src-seed-000", "--format", "html", "--data-dir", str(dataset.data_dir)])
    assert "\x1b" not in output and "\x07" not in output
    assert "&#x1b;[2J" in output


def test_locate_fix_and_coverage_text_escape_cells_of_the_data(dataset: Dataset) -> None:
    rows = dataset.rows("claims")
    rows[0]["claim_id"] = "clm-\x1b[2J"
    rows[0]["quote_start"] = ""
    dataset.write_rows("claims", rows)
    _, fixed = run_cli(["locate", "--fix", "--data-dir", str(dataset.data_dir)])
    assert "clm-\\x1b[2J" in fixed and "\x1b" not in fixed
    index = dataset.find("uncovered_sentences", source_id="src-seed-000")
    dataset.set_cell("uncovered_sentences", index, "uncovered_id", "unc-\x1b]0;pwn\x07")
    _, covered = run_cli(["coverage", "--data-dir", str(dataset.data_dir)])
    assert "\x1b" not in covered and "\x07" not in covered
