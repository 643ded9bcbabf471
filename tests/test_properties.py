"""Properties that must hold for any input, not just the corruptions someone thought of.

The catalogue in tests/support/ names the faults we know; these tests let hypothesis look
for the ones we do not: text that does not survive the CSV round trip, a dirty cell that slips
past the hygiene rule, a quote accepted at the wrong offsets, an ID pattern that a non-ASCII
digit or a stray space satisfies. Example counts stay modest so the suite stays quick, and no
test has a deadline: a slow machine must not turn into a failing test.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from syria_strikes.cache import CACHE_DIR, validate
from syria_strikes.checks.cells import pattern_matches
from syria_strikes.checks.provenance import check_quotes
from syria_strikes.checks.schema import check_table
from syria_strikes.metadata import ACTOR_ID, ACTORS, CLAIM_ID, EVENT_ID, SOURCE_ID, TABLE_NAMES, Column, Table
from syria_strikes.reading import read_table
from syria_strikes.text_policy import CONTROL_CHARS, EDGE_CHARS, FORMULA_PREFIXES
from tests.support.dataset import REPO, Dataset, copy_dataset, link_cache
from tests.support.frames import VALID_ACTOR

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- (a) CSV reading ------------------------------------------------------------------------
# Line endings are normalised to LF on reading (and reported), so a carriage return is the one
# character a cell cannot carry through the round trip; everything else must come back as written.
CELL_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\r")
CELLS = st.text(CELL_CHARS, max_size=12)


def _text_table(width: int) -> Table:
    columns = tuple(Column(f"c{i}", "string", "generated text", "x") for i in range(width))
    return Table("generated", "Generated", "text cells", "c0", columns)


def _write(path: Path, header: list[str], rows: list[list[str]], **dialect: object) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", **dialect)
        writer.writerow(header)
        writer.writerows(rows)


@st.composite
def text_tables(draw: st.DrawFn) -> tuple[Table, list[list[str]]]:
    width = draw(st.integers(1, 4))
    table = _text_table(width)
    rows = draw(st.lists(st.lists(CELLS, min_size=width, max_size=width), min_size=1, max_size=6))
    # A row of empty cells and a copy of the header are reported and dropped by design.
    assume(all(any(row) and row != list(table.column_names) for row in rows))
    return table, rows


@PROPERTY
@given(text_tables())
def test_canonical_csv_reads_back_identical(
    tmp_path_factory: pytest.TempPathFactory, generated: tuple[Table, list[list[str]]]
) -> None:
    table, rows = generated
    path = tmp_path_factory.mktemp("roundtrip") / "generated.csv"
    _write(path, list(table.column_names), rows)
    frame, problems = read_table(path, table)
    assert problems == []
    assert frame is not None
    read_back = frame.astype(object).where(frame.notna(), "").to_numpy().tolist()
    assert read_back == rows


DIRTY = st.one_of(
    st.tuples(CELLS, st.sampled_from(CONTROL_CHARS), CELLS).map("".join),
    st.tuples(st.sampled_from(EDGE_CHARS), CELLS).map("".join),
    st.tuples(CELLS, st.sampled_from(EDGE_CHARS)).map("".join),
    st.tuples(st.sampled_from(FORMULA_PREFIXES), CELLS).map("".join),
)
TEXT_COLUMNS = [column.name for column in ACTORS.columns if column.type in ("string", "list")]


@settings(PROPERTY, max_examples=40)
@given(column=st.sampled_from(TEXT_COLUMNS), dirty=DIRTY)
def test_dirty_cells_are_always_reported_by_the_hygiene_rule(
    tmp_path_factory: pytest.TempPathFactory, column: str, dirty: str
) -> None:
    path = tmp_path_factory.mktemp("dirty") / "actors.csv"
    row = {**dict.fromkeys(ACTORS.column_names, ""), **VALID_ACTOR, column: dirty}
    _write(path, list(ACTORS.column_names), [[row[name] for name in ACTORS.column_names]])
    frame, problems = read_table(path, ACTORS)
    # csv.writer leaves a cell with a bare carriage return unquoted, and every CSV reader takes
    # that CR for a line end: the validator says so (with the broken rows it makes), not clean_text.
    if "\r" in dirty and any(p.rule == "lf_line_endings" and p.row == 2 for p in problems):
        return
    assert frame is not None, problems
    failed = {(p.row, p.column) for p in problems if p.row is not None and p.column is not None}
    problems += check_table(frame, ACTORS, failed)
    cell = [p for p in problems if (p.row, p.column) == (2, column)]
    assert [p.rule for p in cell] == ["clean_text"], problems
    assert all(p.message for p in problems)


# --- (b) offsets and the quote check -----------------------------------------------------------
SEED_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60)


def _claim(quote: str, start: int, end: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source_id": ["src-seed"],
            "quote": [quote],
            "quote_start": pd.array([start], dtype="Int64"),
            "quote_end": pd.array([end], dtype="Int64"),
        },
        index=pd.Index([2], name="line"),
    )


def _accepted(text: str, quote: str, start: int, end: int) -> bool:
    problems = check_quotes(_claim(quote, start, end), {"src-seed": text})
    assert all(p.rule in ("quote_anchored", "quote_grapheme") and p.message for p in problems)
    return problems == []


def _cluster_starts(text: str) -> list[int]:
    """Offsets between user-perceived characters, where a quote may start or end."""
    return [match.start() for match in regex.finditer(r"\X", text)] + [len(text)]


@st.composite
def slices(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(SEED_TEXT)
    bounds = _cluster_starts(text)
    start = draw(st.sampled_from(bounds[:-1]))
    end = draw(st.sampled_from([bound for bound in bounds if bound > start]))
    return text, start, end


@PROPERTY
@given(slices(), st.integers(0, 70), st.integers(1, 70))
def test_a_quote_is_accepted_exactly_where_it_stands(sliced: tuple[str, int, int], start: int, length: int) -> None:
    text, quote_start, quote_end = sliced
    quote = text[quote_start:quote_end]
    assert _accepted(text, quote, quote_start, quote_end)
    end = start + length
    bounds = set(_cluster_starts(text))
    on_bounds = end > len(text) or (start in bounds and end in bounds)
    assert _accepted(text, quote, start, end) == (text[start:end] == quote and on_bounds)


@PROPERTY
@given(slices(), st.data())
def test_an_altered_quote_is_rejected(sliced: tuple[str, int, int], data: st.DataObject) -> None:
    text, start, end = sliced
    quote = text[start:end]
    position = data.draw(st.integers(0, len(quote) - 1))
    edit = data.draw(st.sampled_from(["replace", "insert", "delete"]))
    char = data.draw(st.characters(exclude_categories=["Cs"]).filter(lambda c: c != quote[position]))
    altered = {
        "replace": quote[:position] + char + quote[position + 1 :],
        "insert": quote[:position] + char + quote[position:],
        "delete": quote[:position] + quote[position + 1 :],
    }[edit]
    assume(altered != "")
    assert not _accepted(text, altered, start, end)


@PROPERTY
@given(slices(), st.integers(1, 5))
def test_the_offsets_suggested_for_a_misplaced_quote_are_right(sliced: tuple[str, int, int], shift: int) -> None:
    text, start, end = sliced
    quote = text[start:end]
    problems = check_quotes(_claim(quote, start + shift, end + shift), {"src-seed": text})
    # Shifted onto the same words, a quote may be in place yet cut a character in two
    # (quote_grapheme): there is no other place to suggest then.
    problems = [p for p in problems if p.rule == "quote_anchored"]
    assume(problems)
    # A quote found more than once lists every place; the first listed is as good as any.
    suggested = re.search(r"found (?:[0-9]+ times, )?at ([0-9]+)\.\.([0-9]+)", problems[0].message)
    assert suggested is not None, problems[0].message
    assert text[int(suggested[1]) : int(suggested[2])] == quote


# --- (c) the ID patterns ------------------------------------------------------------------------
SLUG = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=1, max_size=4).map(
    "-".join
)
DIGITS = st.text("0123456789", min_size=1, max_size=6)
# A claim's or uncovered sentence's number: three digits, or more without a leading zero.
ID_NUMBER = st.one_of(st.text("0123456789", min_size=3, max_size=3), st.integers(1000, 10**6).map(str))
VALID_IDS = st.one_of(
    SLUG.map(lambda slug: (ACTOR_ID, f"act-{slug}")),
    SLUG.map(lambda slug: (SOURCE_ID, f"src-{slug}")),
    st.tuples(
        st.text("0123456789", min_size=4, max_size=4),
        st.lists(st.text("0123456789", min_size=2, max_size=2), max_size=2),
        SLUG,
    ).map(lambda p: (EVENT_ID, "-".join(["evt", p[0], *p[1], p[2]]))),
    st.tuples(ID_NUMBER, ID_NUMBER).map(lambda p: (CLAIM_ID, f"clm-{p[0]}-{p[1]}")),
)
# Digits that are not 0-9 (Arabic-Indic, Devanagari, fullwidth...): what \d would wrongly accept.
OTHER_DIGITS = st.characters(categories=["Nd"], exclude_characters="0123456789")
UPPERCASE = st.characters(categories=["Lu"])
SPACES = st.sampled_from(sorted(set(EDGE_CHARS) | set(" \t\n\x0b\x0c\x85\u2028\u2029")))


def _validator_accepts(value: str, pattern: str) -> bool:
    return bool(pattern_matches(pd.Series([value], dtype="str"), pattern).iloc[0])


@PROPERTY
@given(VALID_IDS)
def test_generated_valid_ids_match(generated: tuple[str, str]) -> None:
    pattern, value = generated
    assert re.fullmatch(pattern, value)
    assert _validator_accepts(value, pattern)


@PROPERTY
@given(VALID_IDS, st.one_of(OTHER_DIGITS, UPPERCASE, SPACES), st.data())
def test_ids_with_foreign_digits_uppercase_or_spaces_never_match(
    generated: tuple[str, str], intruder: str, data: st.DataObject
) -> None:
    pattern, value = generated
    position = data.draw(st.integers(0, len(value)))
    spoiled = value[:position] + intruder + value[position:]
    assert not re.fullmatch(pattern, spoiled)
    assert not _validator_accepts(spoiled, pattern)


# --- corruptions nobody named -------------------------------------------------------------------
# Byte-level edits of a real table: whatever they produce, the validator answers with problems in
# plain words (or with none, when the edit happens to leave valid data), never with an exception.
EDIT_BYTES = st.sampled_from(
    [
        b",",
        b'"',
        b"\n",
        b"\r",
        b"|",
        b" ",
        b"\xc2\xa0",
        b"\xe2\x80\x8b",
        b"\xd9\xa3",
        b"0",
        b"-",
        b"=",
        b"\x00",
        b"\t",
        b"\xff",
        b"\xef\xbb\xbf",
        b";",
        b"x",
    ]
)
BYTE_EDITS = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "replace", "truncate"]), st.floats(0, 1), EDIT_BYTES),
    min_size=1,
    max_size=4,
)


def _edit_bytes(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    edited = bytearray(data)
    for operation, where, piece in edits:
        position = int(where * len(edited))
        if operation == "insert":
            edited[position:position] = piece
        elif operation == "delete":
            del edited[position : position + len(piece)]
        elif operation == "replace":
            edited[position : position + 1] = piece
        else:
            del edited[position:]
    return bytes(edited)


@pytest.fixture(scope="module")
def scratch_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return copy_dataset(tmp_path_factory.mktemp("fuzz") / "dataset")


@settings(max_examples=10, deadline=None)
@given(table=st.sampled_from(TABLE_NAMES), edits=BYTE_EDITS)
def test_byte_edits_give_problems_never_an_exception(
    scratch_dataset: Dataset, undamaged_cache: Path, table: str, edits: list[tuple[str, float, bytes]]
) -> None:
    """Checked against the undamaged data's cache: the edited table and every rule across tables
    run, the other tables' own rules (which the edit cannot reach) are answered from the cache."""
    original = (REPO / "data" / f"{table}.csv").read_bytes()
    folder = scratch_dataset.root / CACHE_DIR
    shutil.rmtree(folder, ignore_errors=True)
    link_cache(undamaged_cache, folder)
    scratch_dataset.write_raw(table, _edit_bytes(original, edits))
    try:
        problems = validate(scratch_dataset.data_dir).problems
    finally:
        scratch_dataset.write_raw(table, original)
    assert all(p.rule and p.message and p.table for p in problems)
    assert not [p for p in problems if p.rule == "rule_failed"]  # a rule that raised: the validator's fault


def test_a_shifted_quote_that_lands_on_the_same_words_but_cuts_a_character_is_a_grapheme_problem() -> None:
    text = "0000\u0e31"  # the last '0' carries a Thai vowel sign
    problems = check_quotes(_claim("0", 3, 4), {"src-seed": text})
    assert [p.rule for p in problems] == ["quote_grapheme"]
