"""Read the hand-edited CSV files into typed frames without ever guessing a type.

Every cell is read as text first and then converted by the column's declared type, so a bad
date or a word in a count is reported as exactly that, instead of silently turning the whole
column into text. The file's structure (encoding, BOM, line endings, delimiter, header, field
counts, quoting) is checked before any cell is looked at, because those faults make every later
message wrong; a fault that would otherwise repeat on every row (a pasted header, a row of empty
cells, unnamed spreadsheet columns) is reported once and the rest of the file is still checked.
The frame's index holds the line number a curator sees in an editor.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from difflib import get_close_matches
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from syria_strikes.checks.cells import (
    EDGE_CHARS,
    PLACEHOLDERS,
    SPREADSHEET_BOOLEANS,
    SPREADSHEET_ERRORS,
    describe_char,
)
from syria_strikes.checks.csvform import check_canonical_form
from syria_strikes.metadata import Column, Table
from syria_strikes.problems import Problem

Report = Callable[[int | None, str | None, str | None, str, str], None]

BOM = b"\xef\xbb\xbf"
# Canonical numbers: no sign but '-', no leading zeros, at most 18 digits so any value fits int64.
INTEGER = re.compile(r"0|-?[1-9][0-9]{0,17}")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "'|' characters"}
SPREADSHEET_EPOCH = date(1899, 12, 30)


def read_table(path: Path, table: Table) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Return the typed frame (None when the file cannot be trusted at all) and the problems found."""
    problems: list[Problem] = []

    def report(row: int | None, column: str | None, value: str | None, rule: str, message: str) -> None:
        problems.append(Problem(table.name, row, column, value, rule, message))

    data = _decode(path, table, report)
    if data is None:
        return None, problems
    header = _check_header(data[: data.index(b"\n")].decode("utf-8"), table, report)
    if header is None:
        return None, problems
    names, header_clean = header
    parsed = _parse_cells(data, names, report)
    if parsed is None:
        return None, problems
    strings, ends = parsed
    untrusted = check_canonical_form(data, strings, ends, header_clean, report)
    del data  # the file's bytes are as large as the frame: free them before the conversion copies cells
    for name in table.column_names:
        if name not in strings.columns:  # reported as header_complete; its cells are not judged
            strings[name] = ""
    strings = _drop_pasted_rows(strings, table, report)
    if len(strings) == 0 and not table.may_be_empty:
        report(1, None, None, "has_rows", "the file has a header but no rows; every table needs at least one row")
        return None, problems
    strings = strings[list(table.column_names)].copy()
    for line, column in untrusted:
        if line in strings.index:
            strings.at[line, column] = ""
    return _convert(strings, table, report), problems


# --- bytes to text --------------------------------------------------------------------------
def _decode(path: Path, table: Table, report: Report) -> bytes | None:
    """The file as UTF-8 bytes with LF line endings and a final newline, or None when it is unusable.

    The text stays in bytes: decoded, a file with any non-ASCII character takes two to four bytes
    per character in memory, and every later step reads bytes. Line breaks and carriage returns
    are single bytes in UTF-8, so counting them in bytes counts them in text.
    """
    if not path.is_file():
        report(None, None, None, "file_present", f"the file {path.name} is missing; every table needs its CSV file")
        return None
    raw = path.read_bytes()
    has_bom = raw.startswith(BOM)
    body = raw.removeprefix(BOM)
    if not body or body.isspace():  # as `not body.strip()`, without copying the whole file
        what = "holds only a byte-order mark" if has_bom else "is empty"
        report(
            1,
            None,
            None,
            "not_empty",
            f"the file {what}; it needs the header line {','.join(table.column_names)} and at least one row",
        )
        return None
    if has_bom:
        report(1, None, None, "no_bom", "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
        raw = raw[len(BOM) :]
    error = _utf8_error(raw)
    if error is not None:
        _report_encoding(raw, error, report)
        return None
    if b"\r" in raw:
        line = raw[: raw.index(b"\r")].count(b"\n") + 1
        report(
            line,
            None,
            None,
            "lf_line_endings",
            "the file has Windows (CRLF) or old Mac (CR) line endings; canonical files end lines with LF only",
        )
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if not raw.endswith(b"\n"):
        report(raw.count(b"\n") + 1, None, None, "final_newline", "the last line does not end with a line break")
        raw += b"\n"
    return raw


def _utf8_error(raw: bytes) -> UnicodeDecodeError | None:
    """Python's error for bytes that are not UTF-8, else None. Arrow checks the bytes in place, some
    fifteen times faster than decoding them; Python decodes only to locate a fault Arrow found."""
    offsets = pa.py_buffer(np.array([0, len(raw)], dtype=np.int64))
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(raw)).validate(full=True)
        return None
    except pa.ArrowInvalid:
        pass
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error
    return None


def _report_encoding(raw: bytes, error: UnicodeDecodeError, report: Report) -> None:
    line = raw[: error.start].count(b"\n") + 1
    try:
        raw.decode("cp1252")
        hint = "; the file looks like Windows-1252, which Excel writes for plain 'CSV': save it as 'CSV UTF-8' instead"
    except UnicodeDecodeError:
        hint = "; re-save the file as UTF-8"
    report(
        line, None, repr(raw[error.start : error.end + 8])[2:-1], "utf8", f"byte {error.start} is not valid UTF-8{hint}"
    )


# --- the header -----------------------------------------------------------------------------
def _check_header(line: str, table: Table, report: Report) -> tuple[list[str], bool] | None:
    """Names to parse the rows with, and whether the header line was otherwise clean; None when a
    column name appears twice or the file uses another delimiter, so rows cannot be read safely."""
    declared = list(table.column_names)
    fields = _split(line, ",")
    if not set(fields) & set(declared) and _other_delimiter(line, declared, report):
        return None
    names = [field.strip(EDGE_CHARS) for field in fields]
    clean = names == fields
    if not clean:
        report(
            1,
            None,
            line,
            "header_spaces",
            f"the header has spaces around column names; it must read exactly {','.join(declared)}",
        )
    unnamed = [position for position, name in enumerate(names, start=1) if name == ""]
    if unnamed:
        clean = False
        report(
            1,
            None,
            None,
            "header_unnamed",
            f"the header has {len(unnamed)} column(s) without a name (position {', '.join(map(str, unnamed))}), "
            "as spreadsheets export from columns that once held something; delete those columns",
        )
    named = [name for name in names if name]
    duplicated = sorted({name for name in named if named.count(name) > 1})
    for name in duplicated:
        report(1, name, name, "header_unique", "this column name appears twice in the header")
    missing, extra, renamed = _check_names(named, declared, table, report)
    if duplicated:
        return None
    if not extra and not missing and named != declared:
        clean = False
        report(
            1,
            None,
            ",".join(named),
            "header_order",
            f"the columns are out of order; the canonical order is {','.join(declared)}",
        )
    # A misspelt column is read under the name it was meant to have, and a missing one as empty,
    # so the table's other columns, and this one's cells, are still checked.
    names = [renamed.get(name, name) or f"(unnamed {position})" for position, name in enumerate(names, start=1)]
    return names, clean and not missing


def _check_names(
    named: list[str], declared: list[str], table: Table, report: Report
) -> tuple[list[str], list[str], dict[str, str]]:
    """Report undeclared and missing names (returned, with each misspelt name and its correction);
    a misspelt name is reported once, with its correction, instead of once as undeclared and once
    as missing."""
    missing = [name for name in declared if name not in named]
    extra = [name for name in named if name not in declared]
    unclaimed = list(missing)
    renamed = {}
    for name in extra:
        guess = _guess(name, unclaimed)
        if guess:
            unclaimed.remove(guess)
            renamed[name] = guess
            hint = f"; did you mean {guess!r}? Its cells were checked as {guess}"
        else:
            hint = "; remove it or declare it in syria_strikes/metadata.py"
        report(1, name, name, "header_declared", f"the header has a column that {table.name} does not declare{hint}")
    for name in unclaimed:
        report(
            1,
            name,
            None,
            "header_complete",
            f"the header lacks the declared column {name!r}; the other columns were checked",
        )
    return missing, extra, renamed


def _guess(name: str, candidates: list[str]) -> str | None:
    folded = name.casefold().replace(" ", "_")
    for candidate in candidates:
        if candidate.casefold() == folded:
            return candidate
    return next(iter(get_close_matches(folded, candidates, n=1)), None)


def _split(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _other_delimiter(line: str, declared: list[str], report: Report) -> bool:
    for delimiter, plural in OTHER_DELIMITERS.items():
        names = {name.strip(EDGE_CHARS) for name in _split(line, delimiter)}
        if len(names & set(declared)) >= min(2, len(declared)):
            report(
                1,
                None,
                None,
                "delimiter",
                f"the columns are separated by {plural}, not commas; save the file as 'CSV UTF-8 (comma "
                "delimited)' or set the field separator to ','",
            )
            return True
    return False


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
            read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 22, use_threads=False),
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
def _any_field_size() -> Iterator[None]:
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
    with _any_field_size():
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
            report(reader.line_num, None, None, "csv_syntax", f"the file cannot be read as CSV from this line: {error}")
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
        report(line, None, None, "blank_line", "this line is blank; delete it")
    if trailing:
        count = f"{trailing} blank lines" if trailing > 1 else "a blank line"
        report(
            blank[-trailing],
            None,
            None,
            "blank_line",
            f"the file ends with {count}; delete everything after the last row's line break",
        )


def _report_ragged(record: list[str], start: int, end: int, width: int, report: Report) -> None:
    runs_on = (
        f"it runs on to line {end} because a double quote in it is not closed where it should be; "
        if end > start
        else ""
    )
    report(
        start,
        None,
        ",".join(record),
        "field_count",
        f"this row has {len(record)} fields where the header has {width}; {runs_on}"
        "check for a stray comma or an unclosed quote",
    )


def _drop_pasted_rows(strings: pd.DataFrame, table: Table, report: Report) -> pd.DataFrame:
    """Drop, reporting each once, rows that are a copy of the header or hold no value at all:
    read as data they would fail every rule of every column."""
    declared = list(table.column_names)
    header_copy = _rows_where(strings[declared], pd.Series(declared, index=declared))
    empty = _rows_where(strings, "")
    for line in strings.index[header_copy]:
        report(
            int(line),
            None,
            None,
            "header_repeated",
            "this row repeats the header line; delete it (it was probably pasted with the rows below it)",
        )
    for line in strings.index[empty & ~header_copy]:
        report(
            int(line),
            None,
            None,
            "empty_row",
            "this row has no value in any column; delete it (spreadsheets export rows that once held something)",
        )
    pasted = header_copy | empty
    return strings[~pasted] if pasted.any() else strings


def _rows_where(strings: pd.DataFrame, values: pd.Series | str) -> pd.Series:
    """strings.eq(values).all(axis=1), comparing the other columns only on the rows whose first
    column matches: such rows are rare, and comparing every cell of a million rows is not."""
    first = strings.columns[0]
    expected = values[first] if isinstance(values, pd.Series) else values
    candidates = (strings[first] == expected).to_numpy(dtype=bool)
    matches = pd.Series(False, index=strings.index)
    matches[candidates] = strings[candidates].eq(values).all(axis=1).to_numpy(dtype=bool)
    return matches


# --- typed conversion -----------------------------------------------------------------------
def _convert(strings: pd.DataFrame, table: Table, report: Report) -> pd.DataFrame:
    columns = {}
    for column in table.columns:
        columns[column.name] = _convert_column(strings[column.name], column, report)
    return pd.DataFrame(columns, index=strings.index)


def _convert_column(cells: pd.Series, column: Column, report: Report) -> pd.Series:
    present = cells != ""
    if column.type in ("string", "list"):
        # Most text columns have no empty cell; those are kept as read instead of copied.
        return cells.astype("str") if present.all() else cells.where(present, None).astype("str")
    shape = {"integer": INTEGER, "number": NUMBER, "date": ISO_DATE}[column.type]
    well_formed = cells.str.fullmatch(shape.pattern).astype(bool)
    for line, value in cells[present & ~well_formed].items():
        report(int(line), column.name, value, f"type_{column.type}", type_words(value, column.type))
    usable = cells.where(present & well_formed, None)
    if column.type == "integer":
        return usable.astype("Int64")
    if column.type == "number":
        return pd.to_numeric(usable, errors="coerce").astype("Float64")
    dates = pd.to_datetime(usable, format="%Y-%m-%d", errors="coerce")
    impossible = present & well_formed & dates.isna()
    for line, value in cells[impossible].items():
        report(int(line), column.name, value, "type_date", "is not a real calendar date")
    return dates.astype("datetime64[s]")


_GENERAL_WORDS = {
    "integer": "is not a whole number such as 4",
    "number": "is not a decimal number such as 34.52",
    "date": "is not a date written YYYY-MM-DD",
}


def type_words(value: str, column_type: str) -> str:
    """What is wrong with a cell that is not of its column's type, and how to write it instead.

    Spreadsheets rewrite numbers and dates in a handful of known ways; naming the way tells the
    curator which setting to change, not just that the cell is wrong.
    """
    general = _GENERAL_WORDS[column_type]
    hint = _type_hint(value, column_type)
    return f"{general}; {hint}" if hint else general


def _type_hint(value: str, column_type: str) -> str | None:
    odd_digit = next((c for c in value if c.isdigit() and not "0" <= c <= "9"), None)
    if odd_digit is not None:
        return f"it uses {describe_char(odd_digit)}, a digit that is not 0-9: write the number with 0-9"
    if value != value.strip(EDGE_CHARS):
        return "it has spaces around it: remove them"
    if value.lower() in SPREADSHEET_BOOLEANS:
        return "it is a spreadsheet TRUE/FALSE value: write the value itself"
    if value.lower() in SPREADSHEET_ERRORS:
        return "it is a spreadsheet error left by a broken formula: write the value itself"
    if value.lower() in PLACEHOLDERS:
        return "leave the cell empty when there is no value (an empty cell means missing)"
    if column_type == "date":
        return _date_hint(value)
    return _number_hint(value, column_type)


def _number_hint(value: str, column_type: str) -> str | None:
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+", value):
        return (
            "it is in scientific notation, as spreadsheets show long numbers: format the column as "
            f"text and write the digits ({float(value):.15g})"
        )
    if column_type == "number":
        if re.fullmatch(r"-?[0-9]+,[0-9]+", value):
            return f"it has a decimal comma: write a decimal point ({value.replace(',', '.')})"
        return None
    if re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+", value):
        return f"it has thousands separators: write the digits alone ({value.replace(',', '')})"
    if re.fullmatch(r"-?[0-9]+\.0*", value):
        return f"counts and offsets are whole: write {value.split('.')[0]}"
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", value):
        return "counts and offsets are whole numbers; use value_low and value_high for a range"
    if re.fullmatch(r"\+[0-9]+", value):
        return f"it has a plus sign: write {value[1:]}"
    if re.fullmatch(r"-?0[0-9]+", value):
        return f"it has a leading zero: write {int(value)}"
    if re.fullmatch(r"-?[0-9]{19,}", value):
        return "it has more than 18 digits, which no count or offset here can need"
    return None


def _date_hint(value: str) -> str | None:
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ].*", value):
        return f"it has a time after the date: write the date alone ({value[:10]})"
    if re.fullmatch(r"[0-9]{5}", value):
        day = SPREADSHEET_EPOCH + timedelta(days=int(value))
        return (
            f"it looks like a spreadsheet's day number (that would be {day:%Y-%m-%d}): format the column "
            "as text and write the date as YYYY-MM-DD"
        )
    if re.fullmatch(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}", value):
        return "it is written day/month/year or month/day/year: write YYYY-MM-DD"
    return None
