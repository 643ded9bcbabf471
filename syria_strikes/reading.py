"""Read the hand-edited CSV files into typed frames without ever guessing a type.

Every cell is read as text first and then converted by the column's declared type, so a bad
date or a word in a count is reported as exactly that, instead of silently turning the whole
column into text. The file's structure (encoding, BOM, line endings, header, field counts) is
checked before any cell is looked at, because those faults make every later message wrong.
The frame's index holds the line number a curator sees in an editor.
"""

from __future__ import annotations

import csv
import io
import re
from difflib import get_close_matches
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from syria_strikes.metadata import Column, Table
from syria_strikes.problems import Problem

BOM = b"\xef\xbb\xbf"
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_table(path: Path, table: Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Return the typed frame (None when the file cannot be trusted at all) and the problems found."""
    problems: list[Problem] = []

    def report(row: int | None, column: str | None, value: str | None, rule: str, message: str) -> None:
        problems.append(Problem(table.name, row, column, value, rule, message))

    if not path.is_file():
        report(None, None, None, "file_present", f"the file {path.name} is missing; every table needs its CSV file")
        return None, problems
    raw = path.read_bytes()
    if not raw.strip():
        report(1, None, None, "not_empty",
               f"the file is empty; it needs the header line {','.join(table.column_names)} and at least one row")
        return None, problems
    if raw.startswith(BOM):
        report(1, None, None, "no_bom", "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report(line, None, repr(raw[error.start:error.end + 8])[2:-1], "utf8",
               f"byte {error.start} is not valid UTF-8; re-save the file as UTF-8")
        return None, problems
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        report(line, None, None, "lf_line_endings",
               "the file has Windows (CRLF) or old Mac (CR) line endings; canonical files end lines with LF only")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        report(text.count("\n") + 1, None, None, "final_newline", "the last line does not end with a line break")
        text += "\n"

    header = next(csv.reader(io.StringIO(text[: text.index("\n")])), [])
    keep = _check_header(header, table, report)
    if keep is None:
        return None, problems

    strings = _parse_cells(text, header, table, report)
    if strings is None:
        return None, problems
    if len(strings) == 0:
        report(1, None, None, "has_rows", "the file has a header but no rows; every table needs at least one row")
        return None, problems
    return _convert(strings[list(keep)], table, report), problems


def _check_header(header: list[str], table: Table, report) -> list[str] | None:
    """Columns to keep, or None when a declared column is missing and rows cannot be read safely."""
    declared = list(table.column_names)
    seen: set[str] = set()
    for name in header:
        if name in seen:
            report(1, name, name, "header_unique", "this column name appears twice in the header")
        seen.add(name)
    extra = [name for name in header if name not in declared]
    missing = [name for name in declared if name not in header]
    for name in extra:
        guess = get_close_matches(name, missing, n=1)
        hint = f"; did you mean {guess[0]!r}?" if guess else "; remove it or declare it in syria_strikes/metadata.py"
        report(1, name, name, "header_declared", f"the header has a column that {table.name} does not declare{hint}")
    for name in missing:
        report(1, name, None, "header_complete", f"the header lacks the declared column {name!r}")
    if missing or len(seen) != len(header):
        return None
    if not extra and header != declared:
        report(1, None, ",".join(header), "header_order",
               f"the columns are out of order; the canonical order is {','.join(declared)}")
    return declared


def _parse_cells(text: str, header: list[str], table: Table, report) -> pd.DataFrame | None:
    """Parse with Arrow (fast); fall back to the csv module only to locate faults by line."""
    ragged: list[str] = []

    def on_invalid_row(row: pa_csv.InvalidRow) -> str:
        ragged.append(row.text)
        return "skip"

    try:
        arrow_table = pa_csv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 24),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, invalid_row_handler=on_invalid_row),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in header}, strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as error:
        report(None, None, None, "csv_syntax", f"the file cannot be parsed as CSV: {error}")
        return None
    frame = arrow_table.to_pandas()
    physical_lines = text.count("\n")
    if ragged or len(frame) + 1 != physical_lines:
        starts = _record_start_lines(text, len(header), report)
        if ragged:
            return None
        frame.index = pd.Index(starts, name="line")
    else:
        frame.index = pd.RangeIndex(2, len(frame) + 2, name="line")
    return frame


def _record_start_lines(text: str, width: int, report) -> list[int]:
    """Slow path: the starting line of each well-formed record, reporting ragged ones.

    A record spanning lines is not reported here: the cell holding the line break is, by the
    cell rules, with its column.
    """
    reader = csv.reader(io.StringIO(text))
    next(reader)
    starts: list[int] = []
    previous_end = reader.line_num
    for record in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if len(record) != width:
            report(start, None, ",".join(record), "field_count",
                   f"this row has {len(record)} fields where the header has {width}; "
                   "check for a stray comma or an unclosed quote")
            continue
        starts.append(start)
    return starts


def _convert(strings: pd.DataFrame, table: Table, report) -> pd.DataFrame:
    columns = {}
    for column in table.columns:
        columns[column.name] = _convert_column(strings[column.name], column, table, report)
    return pd.DataFrame(columns, index=strings.index)


def _convert_column(cells: pd.Series, column: Column, table: Table, report) -> pd.Series:
    present = cells != ""
    if column.type in ("string", "list"):
        return cells.where(present, None).astype("str")
    if column.type == "integer":
        shape, words = INTEGER, "a whole number such as 4"
    elif column.type == "number":
        shape, words = NUMBER, "a decimal number such as 34.52"
    else:
        shape, words = ISO_DATE, "a date written YYYY-MM-DD"
    well_formed = cells.str.fullmatch(shape.pattern).astype(bool)
    for line, value in cells[present & ~well_formed].items():
        report(int(line), column.name, value, f"type_{column.type}", f"is not {words}")
    usable = cells.where(present & well_formed, None)
    if column.type == "integer":
        return pd.to_numeric(usable, errors="coerce").astype("Int64")
    if column.type == "number":
        return pd.to_numeric(usable, errors="coerce").astype("Float64")
    dates = pd.to_datetime(usable, format="%Y-%m-%d", errors="coerce")
    impossible = present & well_formed & dates.isna()
    for line, value in cells[impossible].items():
        report(int(line), column.name, value, "type_date", "is not a real calendar date")
    return dates.astype("datetime64[s]")
