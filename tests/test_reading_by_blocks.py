"""A file parsed again only between its unchanged blocks reads exactly as the whole file reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syria_strikes.column_types import TYPE_TABLE, forms
from syria_strikes.metadata import table
from syria_strikes.problems import Problem
from syria_strikes.reading import by_blocks, read_table
from syria_strikes.reading import table as reading_table
from syria_strikes.reading.by_blocks import Layout, LoadCells
from tests.support.dataset import REPO

CLAIMS = table("claims")
ORIGINAL = (REPO / "data" / "claims.csv").read_bytes()
PATH = Path("claims.csv")
# Tables with columns of every kept type: integers (claims), dates and decimals (events, sources).
TYPED_TABLES = ("claims", "events", "sources")


class Kept:
    """The cache's part, in memory: the last layout kept and its tables."""

    def __init__(self) -> None:
        self.layout_kept: Layout | None = None
        self.segments: list[pa.Table] = []
        self.asked = 0
        self.written: list[int] = []

    def layout(self, name: str) -> tuple[Layout, LoadCells] | None:
        self.asked += 1
        segments = list(self.segments)
        return None if self.layout_kept is None else (self.layout_kept, lambda: segments)

    def keep(self, name: str, layout: Layout, segments: Sequence[pa.Table | int], *, used: bool = False) -> None:
        self.segments = [self.segments[s] if isinstance(s, int) else s for s in segments]
        self.written = [s.num_rows for s in segments if not isinstance(s, int)]
        self.layout_kept = layout


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Blocks of 8 records, and every file read by blocks, so the real claims make many blocks."""
    monkeypatch.setattr(by_blocks, "READ_BY_BLOCKS_FROM", 0)
    monkeypatch.setattr(by_blocks, "BLOCK_ROWS", 8)
    yield


def _lines(name: str = "claims") -> list[bytes]:
    return _original(name).splitlines(keepends=True)


def _original(name: str) -> bytes:
    return (REPO / "data" / f"{name}.csv").read_bytes()


def _typed_cell_set(name: str, line: bytes, value: str) -> bytes:
    """The record with its first cell of a type other than text set to ``value``, quoted as a
    curator's spreadsheet writes it."""
    declared = table(name)
    header = next(csv.reader([_lines(name)[0].decode()]))
    record = next(csv.reader([line.decode()]), [])
    if len(record) != len(header):  # a line some other edit already broke
        return line
    column = next(c.name for c in declared.columns if forms(c).validation_dtype != "str")
    record[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(record)
    return out.getvalue().encode()


def _same(raw: bytes, kept: Kept, name: str = "claims") -> tuple[pd.DataFrame | None, list[Problem]]:
    """What the read by blocks gives, after checking it is what the whole read gives."""
    by_parts = read_table(Path(f"{name}.csv"), table(name), raw, kept)
    whole = read_table(Path(f"{name}.csv"), table(name), raw)
    assert by_parts[1] == whole[1]
    if whole[0] is None:
        assert by_parts[0] is None
    else:
        assert by_parts[0] is not None
        pd.testing.assert_frame_equal(by_parts[0], whole[0])
    return by_parts


def _edited(lines: list[bytes], at: int, line: bytes | None) -> bytes:
    """The file with line ``at`` replaced (None: removed)."""
    return b"".join([*lines[:at], *([] if line is None else [line]), *lines[at + 1 :]])


def test_a_clean_file_read_whole_keeps_its_blocks() -> None:
    kept = Kept()
    _same(ORIGINAL, kept)
    assert kept.layout_kept is not None
    rows = len(_lines()) - 1
    assert [block.rows for block in kept.layout_kept.blocks] == [8] * (rows // 8) + ([rows % 8] if rows % 8 else [])
    assert sum(block.length for block in kept.layout_kept.blocks) == len(ORIGINAL) - len(_lines()[0])


def test_one_longer_line_is_parsed_alone_and_the_rest_comes_from_the_kept_cells() -> None:
    kept = Kept()
    _same(ORIGINAL, kept)
    lines = _lines()
    at = next(n for n in range(len(lines) // 2, len(lines)) if not lines[n].endswith(b'"\n'))
    frame, _ = _same(_edited(lines, at, lines[at][:-1] + b" Edited.\n"), kept)
    assert frame is not None and frame.loc[at + 1, "curator_note"].endswith(" Edited.")
    assert kept.written == [8], "only the block holding the edited line was parsed and kept again"


@pytest.mark.parametrize(
    "where",
    ["first", "middle", "last", "appended", "removed", "two apart"],
)
def test_a_clean_edit_anywhere_reads_as_the_whole_file(where: str) -> None:
    kept = Kept()
    _same(ORIGINAL, kept)
    lines = _lines()
    last = len(lines) - 1
    if where == "first":
        raw = _edited(lines, 1, lines[2])
    elif where == "middle":
        raw = _edited(lines, last // 2, lines[last // 2 + 3])
    elif where == "last":
        raw = _edited(lines, last, lines[1])
    elif where == "appended":
        raw = ORIGINAL + lines[5]
    elif where == "removed":
        raw = _edited(lines, last // 3, None)
    else:
        raw = _edited(_edited(lines, 3, lines[9]).splitlines(keepends=True), last - 2, lines[4])
    frame, problems = _same(raw, kept)
    assert frame is not None
    assert [p.rule for p in problems] == [] or all(p.row is not None for p in problems)


@pytest.mark.parametrize(
    "fault",
    [
        b'clm-x,"unclosed\n',
        b'a"b,c\n',
        b"\n",
        b"claim_id,event_id\n",
        b'"quoted","for no reason"\n',
        b"line\r\n",
        b"\xff\xfe\n",
        b"QUOTED",
        b"CRLF",
    ],
    ids=[
        "unclosed quote",
        "stray quote",
        "blank line",
        "short record",
        "unneeded quotes",
        "CR",
        "not UTF-8",
        "a whole record with an ID quoted",
        "a whole record ending in CR LF",
    ],
)
def test_a_fault_between_the_unchanged_blocks_has_the_whole_file_read(fault: bytes) -> None:
    """The bytes between do not read clean: the whole file is read, and reports every fault."""
    kept = Kept()
    _same(ORIGINAL, kept)
    lines = _lines()
    at = len(lines) // 2
    claim_id, _, rest = lines[at].partition(b",")
    line = {b"QUOTED": b'"' + claim_id + b'",' + rest, b"CRLF": lines[at][:-1] + b"\r\n"}.get(fault, fault)
    raw = _edited(lines, at, line)
    assert _same(raw, kept)[1], "the fault was not reported"


def test_a_quoted_cell_running_over_a_line_has_the_whole_file_read() -> None:
    """A record of two lines: its cell is reported by the cell rules, as when read whole."""
    kept = Kept()
    _same(ORIGINAL, kept)
    lines = _lines()
    at = next(n for n, line in enumerate(lines) if n > len(lines) // 2 and line.rstrip(b"\n").endswith(b'"'))
    raw = _edited(lines, at, lines[at][:-2] + b'\nmore"\n')
    _same(raw, kept)


@pytest.mark.parametrize(("name", "value"), [("claims", "many"), ("events", "2021-02-30"), ("sources", "last week")])
def test_a_cell_of_the_wrong_type_between_the_unchanged_blocks_has_the_whole_file_read(name: str, value: str) -> None:
    """The bytes between are of good form but a cell is not of its column's type: the whole file
    is read and reports it, and the cells kept before stay the ones kept."""
    kept = Kept()
    _same(_original(name), kept, name)
    before = kept.segments
    lines = _lines(name)
    at = len(lines) // 2
    _, problems = _same(_edited(lines, at, _typed_cell_set(name, lines[at], value)), kept, name)
    assert [p.row for p in problems if p.rule.startswith("type_")] == [at + 1]
    assert kept.segments == before


def test_only_the_records_between_the_unchanged_blocks_are_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = Kept()
    _same(ORIGINAL, kept)
    typed: list[int] = []
    typing = reading_table._typed

    def counted(text: reading_table.Text, *args: object) -> pd.DataFrame | None:
        typed.append(len(text.strings))
        return typing(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(reading_table, "_typed", counted)
    lines = _lines()
    at = len(lines) // 2
    frame = read_table(PATH, CLAIMS, _edited(lines, at, lines[at + 1]), kept)[0]
    assert typed == [8]
    assert frame is not None and len(frame) == len(lines) - 1


@pytest.mark.parametrize("name", TYPED_TABLES)
def test_kept_cells_are_in_the_arrow_type_of_each_declared_column(name: str) -> None:
    kept = Kept()
    _same(_original(name), kept, name)
    assert [segment.schema for segment in kept.segments] == [by_blocks.kept_schema(table(name))]


def test_every_validation_dtype_has_a_kept_arrow_type() -> None:
    """A column type added to the type table without one would have its tables never kept."""
    assert {kind.validation_dtype for kind in TYPE_TABLE.values()} <= set(by_blocks.KEPT_TYPES)
    assert {"Int64", "Float64", "datetime64[s]"} <= {
        forms(column).validation_dtype for name in TYPED_TABLES for column in table(name).columns
    }, "the tables the edits are tried on no longer hold every type"


def test_kept_cells_of_another_type_are_not_used() -> None:
    """Cells kept as text (a cache of an earlier version) are not typed values: the file is read whole."""
    kept = Kept()
    _same(ORIGINAL, kept)
    kept.segments = [
        segment.cast(pa.schema([(f.name, pa.large_string()) for f in segment.schema])) for segment in kept.segments
    ]
    lines = _lines()
    _same(_edited(lines, 5, lines[6]), kept)
    assert kept.written == [len(lines) - 1]


@pytest.mark.parametrize("name", ["claims", "uncovered_sentences"])
def test_a_file_cut_to_its_header_reads_as_the_whole_file(name: str) -> None:
    """No record left: claims may not be empty and reports it, a table that may be empty does not."""
    kept = Kept()
    _same(_original(name), kept, name)
    _, problems = _same(_lines(name)[0], kept, name)
    assert [p.rule for p in problems] == ([] if table(name).may_be_empty else ["has_rows"])


def test_blocks_at_the_start_and_at_the_end_never_share_bytes() -> None:
    """A file of one block twice, cut to one copy: the block at its start is also the block at
    its end, and must be read once."""
    header, *records = _lines()
    block = b"".join(records[:8])
    kept = Kept()
    _same(header + block + block, kept)
    frame, _ = _same(header + block, kept)
    assert frame is not None and len(frame) == 8


def test_a_changed_header_or_a_missing_final_line_break_has_the_whole_file_read() -> None:
    kept = Kept()
    _same(ORIGINAL, kept)
    header, *rest = _lines()
    _same(header.replace(b"claim_id", b"claim_id ", 1) + b"".join(rest), kept)
    _same(ORIGINAL[:-1], kept)


def test_kept_cells_of_other_columns_are_not_used() -> None:
    """Kept tables whose columns are not the header's (a cache from another version) are left alone."""
    kept = Kept()
    _same(ORIGINAL, kept)
    kept.segments = [segment.rename_columns([f"x{n}" for n in range(segment.num_columns)]) for segment in kept.segments]
    lines = _lines()
    _same(_edited(lines, 5, lines[6]), kept)


def test_many_edits_keep_few_tables() -> None:
    kept = Kept()
    _same(ORIGINAL, kept)
    lines = _lines()
    for n in range(1, len(lines) - 1, 9):
        lines = _edited(lines, n, lines[n + 1]).splitlines(keepends=True)
        _same(b"".join(lines), kept)
        assert len(kept.segments) <= by_blocks.MOST_SEGMENTS + 1


def test_records_appended_run_after_run_leave_few_short_blocks() -> None:
    """Each append leaves a short block at the end; the next one is parsed again with it."""
    kept = Kept()
    lines = _lines()
    _same(b"".join(lines), kept)
    for n in range(1, 41):
        lines.append(lines[n])
        _same(b"".join(lines), kept)
    assert kept.layout_kept is not None
    short = [block.rows for block in kept.layout_kept.blocks if block.rows < 8]
    assert len(short) <= 1, short


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["copy", "remove", "insert", "append text", "fault", "wrong type"]),
            st.integers(min_value=1, max_value=200),
            st.integers(min_value=1, max_value=200),
        ),
        min_size=1,
        max_size=4,
    )
)
@pytest.mark.parametrize("name", TYPED_TABLES)
def test_any_sequence_of_edits_reads_by_blocks_as_it_reads_whole(name: str, edits: list[tuple[str, int, int]]) -> None:
    kept = Kept()
    _same(_original(name), kept, name)
    lines = _lines(name)
    for kind, at, other in edits:
        at, other = 1 + at % (len(lines) - 1), 1 + other % (len(lines) - 1)
        if kind == "copy":
            lines[at] = lines[other]
        elif kind == "remove" and len(lines) > 2:
            del lines[at]
        elif kind == "insert":
            lines.insert(at, lines[other])
        elif kind == "append text":
            lines[at] = lines[at][:-1] + b" x\n"
        elif kind == "fault":
            lines[at] = b'"' + lines[at]
        elif kind == "wrong type":
            lines[at] = _typed_cell_set(name, lines[at], ("x", "2021-02-30", "1.5", "")[other % 4])
        _same(b"".join(lines), kept, name)
