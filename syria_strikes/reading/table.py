"""Read one hand-edited CSV file into a typed frame, reporting every fault of its form.

Every cell is read as text first and then converted by the column's declared type (see
syria_strikes.column_types), so a bad date or a word in a count is reported as exactly that.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from syria_strikes.column_types import forms
from syria_strikes.columnar import arrow_strings, by_line, lines_by_column, only_where, text_series
from syria_strikes.datafiles import read_table_file
from syria_strikes.metadata import Column, Table
from syria_strikes.problems import Problem, Report, problem
from syria_strikes.reading import by_blocks
from syria_strikes.reading.by_blocks import KeptBlocks, keep_blocks, layout_of, read_again
from syria_strikes.reading.csvform import check_canonical_form
from syria_strikes.reading.encoding import encoding_fault
from syria_strikes.reading.header import check_header
from syria_strikes.rules import RuleId, declared

BOM = codecs.BOM_UTF8
# Bounds on the work one file can ask for: far beyond any real table (the widest has a dozen
# columns, the longest cell limit is 2,000 characters), near enough that a pasted document or a
# runaway export is refused as such instead of being worked through.
MAX_COLUMNS = 1_000
MAX_CELL_CHARS = 100_000
# Arrow parses a file a block of bytes at a time, and each block becomes a chunk of every column.
ARROW_BLOCK_BYTES = 1 << 22


def read_table(
    path: Path, table: Table, raw: bytes | None = None, kept: KeptBlocks | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Return the typed frame (None when the file cannot be trusted at all) and the problems found.

    ``raw`` is the file's bytes when the caller has read them already (the build publishes exactly
    the bytes that were validated); otherwise the file is read here, safely. With ``kept`` (the
    validation cache), a large file is read again only where it changed since it last read clean
    (syria_strikes/reading/by_blocks.py).
    """
    problems: list[Problem] = []

    def report(row: int | None, column: str | None, value: str | None, rule_id: RuleId, /, **context: Any) -> None:
        problems.append(problem(rule_id, table.name, row, column, value, **context))

    if raw is None:
        raw, refused = read_table_file(path, table.name, path.parent)
        if raw is None:
            return None, refused
    in_blocks = kept is not None and len(raw) >= by_blocks.READ_BY_BLOCKS_FROM
    if in_blocks and kept is not None:
        frame = read_again(raw, table, kept, _read_clean)
        if frame is not None:
            return frame, []
    text = read_text(raw, table, report)
    clean = text is not None and text.one_line and not text.untrusted and not problems
    layout = layout_of(raw, len(text.strings)) if in_blocks and clean and text is not None else None
    del raw  # the file's bytes are as large as the frame: free them before the conversion copies cells
    if text is None:
        return None, problems
    frame = _typed(text, table, report)
    del text  # the cells as text, as large as the frame: freed before the kept cells are written
    if layout is not None and kept is not None and frame is not None and not problems:
        keep_blocks(layout, frame, table, kept)
    return frame, problems


@dataclass(frozen=True)
class Text:
    """A file's cells as text, indexed by the line each record starts on; the cells whose parsed
    text cannot be trusted; the size of the file as parsed; whether every record is one line."""

    strings: pd.DataFrame
    untrusted: set[tuple[int, str]]
    size: int
    one_line: bool


def _read_clean(raw: bytes, table: Table, report: Report) -> pd.DataFrame | None:
    """The typed frame of bytes that read clean, one line per record; None when they do not (a
    fault of form) or hold no record. Faults of type are reported for the caller to judge."""
    text = read_text(raw, table, report)
    if text is None or not text.one_line or text.untrusted or len(text.strings) == 0:
        return None
    return _typed(text, table, report)


def read_text(raw: bytes, table: Table, report: Report) -> Text | None:
    """The file's cells as text, each record by the line it starts on, with the cells whose text
    cannot be trusted; every fault of the file's form (encoding, line endings, header, records,
    quoting) is reported. None when the file cannot be read at all."""
    data = _decode(table, report, raw)
    if data is None:
        return None
    header_line = data[: data.index(b"\n")]
    if header_line.count(b",") >= MAX_COLUMNS:
        columns = header_line.count(b",") + 1
        report(
            1,
            None,
            None,
            "header_width",
            columns=columns,
            table=table.name,
            width=len(table.columns),
            bound=MAX_COLUMNS,
        )
        return None
    header = check_header(header_line.decode("utf-8"), table, report)
    if header is None:
        return None
    names, header_clean = header
    parsed = _parse_cells(data, names, report)
    if parsed is None:
        return None
    strings, ends = parsed
    untrusted = check_canonical_form(data, strings, ends, header_clean, report)
    return Text(strings, untrusted, len(data), one_line=ends is None)


def _typed(text: Text, table: Table, report: Report) -> pd.DataFrame | None:
    """The typed frame of a file's text cells: cells too long, pasted rows and cells of the wrong
    form are reported, and the cells that cannot be trusted are left empty."""
    strings, untrusted = text.strings, set(text.untrusted)
    if text.size > MAX_CELL_CHARS:  # else no cell can be that long
        untrusted |= _oversized(strings, table, report)
    for name in table.column_names:
        if name not in strings.columns:  # reported as header_complete; its cells are not judged
            strings[name] = ""
    strings = _drop_pasted_rows(strings, table, report)
    if len(strings) == 0 and not table.may_be_empty:
        report(1, None, None, "has_rows")
        return None
    strings = strings[list(table.column_names)].copy()
    for column, lines in lines_by_column(untrusted).items():
        strings.loc[strings.index.intersection(lines), column] = ""
    return _convert(strings, table, report)


def _oversized(strings: pd.DataFrame, table: Table, report: Report) -> set[tuple[int, str]]:
    """Cells longer than any cell may be, reported here under the column's length rule and then
    left out of every other rule, so no pattern or comparison works through a pasted document."""
    limits = {column.name: column.text_limit for column in table.columns}
    found: set[tuple[int, str]] = set()
    for name in strings.columns:
        cells = arrow_strings(strings[name])
        # A cell holds no more characters than bytes: a column of short cells is passed on its
        # bytes' lengths, which Arrow reads from its offsets without decoding a character.
        if (pc.max(pc.binary_length(cells)).as_py() or 0) <= MAX_CELL_CHARS:
            continue
        lengths = pc.utf8_length(cells).to_numpy(zero_copy_only=False)
        if lengths.max(initial=0) <= MAX_CELL_CHARS:
            continue
        limit = limits.get(name)
        for line, value in by_line(strings[name][lengths > MAX_CELL_CHARS]):
            report(line, name, value[:1000], "max_length", cell=value, limit=limit, bound=MAX_CELL_CHARS)
            found.add((line, name))
    return found


# --- bytes to text --------------------------------------------------------------------------
def _decode(table: Table, report: Report, raw: bytes) -> bytes | None:
    """The file as UTF-8 bytes with LF line endings and a final newline, or None when it is unusable.

    Why it stays bytes: docs/benchmarks.md#what-the-optimisation-changed.
    """
    has_bom = raw.startswith(BOM)
    body = raw.removeprefix(BOM)
    if not body or body.isspace():  # as `not body.strip()`, without copying the whole file
        report(1, None, None, "not_empty", only_bom=has_bom, columns=table.column_names)
        return None
    if has_bom:
        report(1, None, None, "no_bom")
        raw = raw[len(BOM) :]
    fault = encoding_fault(raw)
    if fault is not None:
        line, value, context = fault
        report(line, None, value, "utf8", **context)
        return None
    if b"\r" in raw:
        line = raw[: raw.index(b"\r")].count(b"\n") + 1
        report(line, None, None, "lf_line_endings")
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if not raw.endswith(b"\n"):
        report(raw.count(b"\n") + 1, None, None, "final_newline")
        raw += b"\n"
    return raw


# --- records --------------------------------------------------------------------------------
def _parse_cells(data: bytes, names: list[str], report: Report) -> tuple[pd.DataFrame, list[int] | None] | None:
    """String cells indexed by the line each record starts on, and the line each ends on (None
    when every record is one line). Arrow reads a well-formed file fast; anything else is read
    again with the csv module, which can say on which line each record starts and ends."""
    ragged: list[str] = []

    def on_invalid_row(row: pa_csv.InvalidRow) -> str:
        ragged.append(row.text)
        return "skip"

    try:
        arrow_table = pa_csv.read_csv(
            io.BytesIO(data),
            # One thread: the tables are read side by side already, and Arrow's own threads
            # would add a third of the work and a fifth of the memory for little gain in time.
            read_options=pa_csv.ReadOptions(
                column_names=names, skip_rows=1, block_size=ARROW_BLOCK_BYTES, use_threads=False
            ),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, invalid_row_handler=on_invalid_row),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.large_string() for name in names},
                strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return _parse_slowly(data.decode("utf-8"), names, report)
    if ragged or arrow_table.num_rows + 1 != data.count(b"\n"):
        return _parse_slowly(data.decode("utf-8"), names, report)
    frame = arrow_table.to_pandas()
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="line")
    return frame, None


@contextmanager
def any_field_size() -> Iterator[None]:
    """The csv module refuses cells over 128 KiB; the max_length rule, not the reader, judges size."""
    previous = csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _parse_slowly(text: str, names: list[str], report: Report) -> tuple[pd.DataFrame, list[int]] | None:
    """Records with their first and last line; blank lines and ragged records are reported.

    A record spanning lines is not reported here: the cell holding the line break is, by the
    cell rules, with its column.
    """
    reader = csv.reader(io.StringIO(text))
    records: list[list[str]] = []
    starts: list[int] = []
    ends: list[int] = []
    blank: list[int] = []
    ragged = False
    with any_field_size():
        try:
            next(reader)
            previous_end = reader.line_num
            for record in reader:
                start, previous_end = previous_end + 1, reader.line_num
                if not record:
                    blank.append(start)
                elif len(record) != len(names):
                    ragged = True
                    _report_ragged(record, start, previous_end, len(names), report)
                else:
                    records.append(record)
                    starts.append(start)
                    ends.append(previous_end)
        except csv.Error as error:
            report(reader.line_num, None, None, "csv_syntax", error=error)
            return None
    _report_blank_lines(blank, previous_end, report)
    if ragged:
        return None
    frame = pd.DataFrame(records, columns=names, index=pd.Index(starts, name="line"), dtype="str")
    return frame, ends


def _report_blank_lines(blank: list[int], last_line: int, report: Report) -> None:
    """Each blank line inside the file, and the blank lines that end it as one fault."""
    trailing = 0
    while trailing < len(blank) and blank[-1 - trailing] == last_line - trailing:
        trailing += 1
    for line in blank[: len(blank) - trailing]:
        report(line, None, None, "blank_line")
    if trailing:
        report(blank[-trailing], None, None, "blank_line", trailing=trailing)


def _report_ragged(record: list[str], start: int, end: int, width: int, report: Report) -> None:
    runs_on_to = end if end > start else None
    report(start, None, ",".join(record), "field_count", fields=len(record), width=width, runs_on_to=runs_on_to)


def _drop_pasted_rows(strings: pd.DataFrame, table: Table, report: Report) -> pd.DataFrame:
    """Drop, reporting each once, rows that are a copy of the header or hold no value at all:
    read as data they would fail every rule of every column."""
    header_copy = _rows_where(strings, {name: name for name in table.column_names})
    empty = _rows_where(strings, dict.fromkeys(strings.columns, ""))
    for line in strings.index[header_copy]:
        report(int(line), None, None, "header_repeated")
    for line in strings.index[empty & ~header_copy]:
        report(int(line), None, None, "empty_row")
    pasted = header_copy | empty
    return strings[~pasted] if pasted.any() else strings


def _rows_where(strings: pd.DataFrame, values: dict[str, str]) -> np.ndarray:
    """Rows whose every named cell holds the value given for its column, as
    ``strings[list(values)].eq(pd.Series(values)).all(axis=1)``. Such rows are rare: the comparing
    stops at the first column that leaves no candidate."""
    matches = np.zeros(len(strings), dtype=bool)
    candidates: pa.ChunkedArray | None = None
    for name, value in values.items():
        equal = pc.equal(arrow_strings(strings[name]), value)
        candidates = equal if candidates is None else pc.and_(candidates, equal)
        if not pc.any(candidates).as_py():
            return matches
    return matches if candidates is None else _numpy(candidates)


# --- typed conversion -----------------------------------------------------------------------
def _convert(strings: pd.DataFrame, table: Table, report: Report) -> pd.DataFrame:
    columns = {}
    for column in table.columns:
        columns[column.name] = _convert_column(strings[column.name], column, report)
    return pd.DataFrame(columns, index=strings.index)


def _convert_column(cells: pd.Series, column: Column, report: Report) -> pd.Series:
    """The column in its validation dtype. The tests of form and the blanking run as Arrow kernels:
    on a short table pandas' per-call overhead cost ten times more (the parse stays in pandas)."""
    kind = forms(column)
    strings = arrow_strings(cells)
    present = pc.not_equal(strings, "")
    if kind.csv_form is None or kind.parse is None:
        kept = strings if pc.all(present).as_py() else only_where(strings, present)
        return text_series(kept, cells.index)
    rule = declared(f"type_{column.type}")
    well_formed = pc.match_substring_regex(strings, f"^(?:{kind.csv_form})$")
    malformed = pc.and_not(present, well_formed)
    if pc.any(malformed).as_py():
        for line, value in by_line(cells[_numpy(malformed)]):
            report(int(line), column.name, value, rule, cell=value)
    parsable = pc.and_(present, well_formed)
    typed = kind.parse(text_series(only_where(strings, parsable), cells.index))
    impossible = _numpy(parsable) & typed.isna().to_numpy(dtype=bool)
    for line, value in by_line(cells[impossible]):
        report(int(line), column.name, value, rule, cell=value, impossible=True)
    return typed


def _numpy(mask: pa.ChunkedArray) -> np.ndarray:
    """A mask of Arrow booleans (never null here: every cell was read as text) as numpy."""
    flags: np.ndarray = mask.to_numpy(zero_copy_only=False).astype(bool, copy=False)
    return flags
