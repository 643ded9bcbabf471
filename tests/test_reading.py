"""Reading one CSV file into a typed frame: every cell read as text, then converted by its declared
type; faults of the file's form reported before any cell, with the line a curator sees in an editor.

These tests call the reader on small files of a table declared here, one column of each type, so a
failure points at reading alone, not at the rules or the command that run after it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from syria_strikes.metadata import table
from syria_strikes.problems import Problem
from syria_strikes.reading import read_table
from syria_strikes.reading.header import check_header
from syria_strikes.rules import rule
from tests.support.frames import THINGS

HEADER = b"thing_id,count,share,day,tags\n"
ROW = b"t-1,4,0.5,2020-01-14,a|b\n"


def _read(tmp_path: Path, content: bytes) -> tuple[pd.DataFrame | None, list[Problem]]:
    path = tmp_path / "things.csv"
    path.write_bytes(content)
    return read_table(path, THINGS)


def _where(problems: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(problem.row, problem.column, problem.rule) for problem in problems]


def test_a_canonical_file_gives_typed_columns_indexed_by_line(tmp_path: Path) -> None:
    frame, problems = _read(tmp_path, HEADER + ROW + b"t-2,,,,\n")
    assert problems == []
    assert frame is not None
    assert list(frame.columns) == list(THINGS.column_names)
    assert frame.index.tolist() == [2, 3] and frame.index.name == "line"
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
        "thing_id": "str",
        "count": "Int64",
        "share": "Float64",
        "day": "datetime64[s]",
        "tags": "str",
    }
    assert frame.loc[2].tolist() == ["t-1", 4, 0.5, pd.Timestamp("2020-01-14"), "a|b"]
    assert frame.loc[3, ["count", "share", "day", "tags"]].isna().all()


def test_a_cell_not_of_its_type_is_reported_and_read_as_missing(tmp_path: Path) -> None:
    frame, problems = _read(tmp_path, HEADER + b't-1,"1,000",0.5,2020-02-30,a\n')
    assert [(p.row, p.column, p.value, p.rule) for p in problems] == [
        (2, "count", "1,000", "type_integer"),
        (2, "day", "2020-02-30", "type_date"),
    ]
    assert "thousands separators: write the digits alone (1000)" in problems[0].message
    assert problems[1].message == "is not a real calendar date"
    assert frame is not None
    assert pd.isna(frame.at[2, "count"]) and pd.isna(frame.at[2, "day"])
    assert frame.at[2, "share"] == 0.5


def test_a_record_over_two_lines_keeps_the_line_it_starts_on(tmp_path: Path) -> None:
    frame, problems = _read(tmp_path, HEADER + b't-1,4,0.5,2020-01-14,"a\nb"\n' + ROW)
    assert problems == []
    assert frame is not None
    assert frame.index.tolist() == [2, 4]
    assert frame.at[2, "tags"] == "a\nb"


@pytest.mark.parametrize(
    ("content", "expected", "lines"),
    [
        (b"\xef\xbb\xbf" + HEADER + ROW, [(1, None, "no_bom")], [2]),
        (HEADER.replace(b"\n", b"\r\n") + ROW.replace(b"\n", b"\r\n"), [(1, None, "lf_line_endings")], [2]),
        (HEADER + ROW.rstrip(b"\n"), [(2, None, "final_newline")], [2]),
        (HEADER + ROW + b"\n" + ROW.replace(b"t-1", b"t-2"), [(3, None, "blank_line")], [2, 4]),
        (HEADER + HEADER + b",,,,\n" + ROW, [(2, None, "header_repeated"), (3, None, "empty_row")], [4]),
        (HEADER + ROW.replace(b"t-1", b'"t-1"'), [(2, "thing_id", "canonical_quoting")], [2]),
    ],
    ids=["byte-order mark", "CRLF", "no final newline", "blank line", "pasted header and empty row", "quoted"],
)
def test_a_fault_of_form_is_reported_once_and_the_rows_still_read(
    tmp_path: Path, content: bytes, expected: list[tuple[int | None, str | None, str]], lines: list[int]
) -> None:
    frame, problems = _read(tmp_path, content)
    assert _where(problems) == expected
    assert frame is not None
    assert frame.index.tolist() == lines
    assert frame["count"].tolist() == [4] * len(lines)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", [(1, None, "not_empty")]),
        (b"\xef\xbb\xbf", [(1, None, "not_empty")]),
        (HEADER, [(1, None, "has_rows")]),
        (HEADER + b"\xe9" + ROW, [(2, None, "utf8")]),
        (HEADER.replace(b",", b";") + ROW.replace(b",", b";"), [(1, None, "delimiter")]),
        (HEADER.replace(b"tags", b"share") + ROW, [(1, "share", "header_unique"), (1, "tags", "header_complete")]),
        (HEADER + ROW.replace(b"\n", b",surplus\n"), [(2, None, "field_count")]),
    ],
    ids=["empty", "only a BOM", "header only", "not UTF-8", "semicolons", "twice", "ragged"],
)
def test_a_file_that_cannot_be_trusted_gives_no_frame(
    tmp_path: Path, content: bytes, expected: list[tuple[int | None, str | None, str]]
) -> None:
    frame, problems = _read(tmp_path, content)
    assert frame is None
    assert _where(problems) == expected
    assert all(problem.table == "things" and problem.message for problem in problems)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    frame, problems = read_table(tmp_path / "things.csv", THINGS)
    assert frame is None
    assert _where(problems) == [(None, None, "file_present")]
    assert "things.csv is missing" in problems[0].message


def test_a_missing_column_is_reported_and_the_other_columns_still_read(tmp_path: Path) -> None:
    frame, problems = _read(tmp_path, HEADER.replace(b"count,", b"") + ROW.replace(b"4,", b"", 1))
    assert _where(problems) == [(1, "count", "header_complete")]
    assert problems[0].message.endswith("the other columns were checked")
    assert frame is not None
    assert frame.loc[2].tolist() == ["t-1", pd.NA, 0.5, pd.Timestamp("2020-01-14"), "a|b"]


def test_a_misspelt_column_is_reported_once_and_its_cells_checked_under_its_correction(tmp_path: Path) -> None:
    frame, problems = _read(tmp_path, HEADER.replace(b"count", b"cuont") + ROW.replace(b"4,", b"x,", 1))
    assert _where(problems) == [(1, "cuont", "header_declared"), (2, "count", "type_integer")]
    assert problems[0].message.endswith("did you mean 'count'? Its cells were checked as count")
    assert frame is not None
    assert list(frame.columns) == list(THINGS.column_names)


def test_windows_1252_is_named_as_what_excel_writes(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, HEADER + "t-1,4,0.5,2020-01-14,caf\u00e9\n".encode("cp1252"))
    assert _where(problems) == [(2, None, "utf8")]
    assert "looks like Windows-1252" in problems[0].message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf_16_is_named_as_what_excel_writes_with_or_without_its_byte_order_mark(
    tmp_path: Path, encoding: str
) -> None:
    """Without a byte-order mark, ASCII as UTF-16 is valid UTF-8 with a NUL between letters."""
    _, problems = _read(tmp_path, (HEADER + ROW).decode("utf-8").encode(encoding))
    assert _where(problems) == [(1, None, "utf8")]
    assert "the file is UTF-16" in problems[0].message


@pytest.mark.parametrize(
    ("value", "column_type", "hint"),
    [
        ("1.2E+02", "integer", "scientific notation"),
        ("34,52", "number", "decimal point (34.52)"),
        ("04", "integer", "leading zero: write 4"),
        ("+4", "integer", "plus sign: write 4"),
        ("eight", "integer", "number written in words: write it in digits (8)"),
        ("twenty-one", "integer", "write it in digits (21)"),
        ("4.0", "integer", "write 4"),
        ("\u0664", "integer", "a digit that is not 0-9"),
        ("TRUE", "integer", "spreadsheet TRUE/FALSE"),
        ("#REF!", "number", "spreadsheet error"),
        ("N/A", "date", "leave the cell empty"),
        ("2020-01-14 00:00:00", "date", "write the date alone (2020-01-14)"),
        ("43844", "date", "day number (that would be 2020-01-14)"),
        ("14/01/2020", "date", "write YYYY-MM-DD"),
        ("2020-01-14 ", "date", "spaces around it"),
    ],
)
def test_type_words_name_the_spreadsheet_habit(value: str, column_type: str, hint: str) -> None:
    assert hint in rule(f"type_{column_type}").message(cell=value)


def test_type_words_without_a_known_habit_say_what_the_type_is() -> None:
    assert rule("type_number").message(cell="north") == "is not a decimal number such as 34.52"
    assert rule("type_integer").message(cell="several") == "is not a whole number such as 4"


def test_another_tables_header_is_named_once_and_the_table_not_read_further() -> None:
    """A table's file saved over another's would otherwise give a fault for every column and cell."""
    found: list[tuple[object, ...]] = []
    header = ",".join(reversed(table("events").column_names))

    def report(row: int, column: str | None, value: object, rule: str, **context: object) -> None:
        found.append((row, column, rule, context))

    assert check_header(header, table("claims"), report) is None
    assert found == [(1, None, "header_other_table", {"table": "claims", "other": "events"})]


def test_a_header_name_past_the_csv_modules_field_limit_is_reported_not_raised() -> None:
    """The csv module raises on a field over 128 KiB (a file of one huge line, such as deeply
    nested JSON saved as a table): the header is judged as any unknown column would be."""
    found: list[tuple[object, ...]] = []
    name = "[" * 70_000 + "]" * 70_000

    def report(row: int, column: str | None, value: object, rule: str, **context: object) -> None:
        found.append((row, column, rule))

    assert check_header(f"{name},claim_id", table("claims"), report) is not None
    assert (1, name, "header_declared") in found
    assert (1, "claim_id", "header_complete") not in found
