"""The reader tests and blanks cells with Arrow kernels; it must answer exactly as the pandas
expressions it replaced (``str.fullmatch``, ``where``, ``eq(...).all(axis=1)``), kept here as the
reference, on any cells: line breaks, carriage returns, NUL, digits of other scripts, header copies,
empty rows, missing columns, quoted fields, the csv-module path for records spanning lines.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syria_strikes.column_types import forms
from syria_strikes.columnar import by_line
from syria_strikes.metadata import Column, Table, Vocabulary
from syria_strikes.problems import Report
from syria_strikes.reading import table as reader
from syria_strikes.rules import declared
from tests.support.frames import THINGS as READ

KINDS = Vocabulary("kinds", "two codes", (("a", "A"), ("b", "B")))
# The reader's test table, with a column of codes too.
THINGS = replace(READ, columns=(*READ.columns, Column("kind", "string", "a code", "a", vocabulary=KINDS)))


# --- the pandas reference -------------------------------------------------------------------
def _reference_drop_pasted_rows(strings: pd.DataFrame, table: Table, report: Report) -> pd.DataFrame:
    names = list(table.column_names)
    header_copy = _reference_rows_where(strings[names], pd.Series(names, index=names))
    empty = _reference_rows_where(strings, pd.Series("", index=strings.columns))
    for line in strings.index[header_copy]:
        report(int(line), None, None, "header_repeated")
    for line in strings.index[empty & ~header_copy]:
        report(int(line), None, None, "empty_row")
    pasted = header_copy | empty
    return strings[~pasted] if pasted.any() else strings


def _reference_rows_where(strings: pd.DataFrame, values: pd.Series) -> pd.Series:
    return strings.eq(values).all(axis=1)


def _reference_convert_column(cells: pd.Series, column: Column, report: Report) -> pd.Series:
    kind = forms(column)
    present = cells != ""
    if kind.csv_form is None or kind.parse is None:
        return cells.astype("str") if present.all() else cells.where(present, None).astype("str")
    rule = declared(f"type_{column.type}")
    well_formed = cells.str.fullmatch(kind.csv_form).astype(bool)
    for line, value in by_line(cells[present & ~well_formed]):
        report(int(line), column.name, value, rule, cell=value)
    typed = kind.parse(cells.where(present & well_formed, None))
    for line, value in by_line(cells[present & well_formed & typed.isna()]):
        report(int(line), column.name, value, rule, cell=value, impossible=True)
    return typed


# --- cells and files ------------------------------------------------------------------------
PIECES = [
    *["", "0", "7", "-1", "12", "007", "-0", "1.5", ".5", "-0.25", "9" * 19],
    *["2020-01-14", "2020-02-30", "0000-01-01", "9999-12-31"],
    *["a", "b", "a|b", "|", *THINGS.column_names],
    *["\n", "\r", "\r\n", "\x00", "\t", " ", "\u00a0", "\u2028", "\ufeff", '"', ",", "$", "^", "\\"],
    *["\u0663", "\u06f4", "\u0967", "\uff11", "\U0001d7d9", "\u00e9", "x" * 40],  # digits of other scripts
]
CELL = st.lists(st.sampled_from(PIECES), max_size=3).map("".join)
HEADERS = [
    list(THINGS.column_names),
    ["thing_id", "count", "day"],
    ["kind", "tags", "thing_id", "share", "day", "count"],
    [*THINGS.column_names, "extra"],
]


def _quoted(cell: str) -> str:
    if any(character in cell for character in ',"\n\r') or cell != cell.strip(" "):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    header = draw(st.sampled_from(HEADERS))
    width = len(header)
    row = st.one_of(
        st.lists(CELL, min_size=width, max_size=width),
        st.just(list(header)),
        st.just([""] * width),
        st.lists(CELL, min_size=1, max_size=width + 1),  # ragged now and then
    )
    rows = draw(st.lists(row, max_size=6))
    text = ",".join(header) + "\n" + "".join(",".join(map(_quoted, cells)) + "\n" for cells in rows)
    return text.encode("utf-8")


def _read(content: bytes) -> tuple[pd.DataFrame | None, list[Any]]:
    return reader.read_table(Path("things.csv"), THINGS, raw=content)


@settings(max_examples=150)
@given(_files())
def test_a_file_reads_as_the_pandas_reference_reads_it(content: bytes) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "_drop_pasted_rows", _reference_drop_pasted_rows)
        patch.setattr(reader, "_convert_column", _reference_convert_column)
        expected_frame, expected_problems = _read(content)
    frame, problems = _read(content)
    assert problems == expected_problems
    if expected_frame is None:
        assert frame is None
    else:
        assert frame is not None
        pd.testing.assert_frame_equal(frame, expected_frame)


ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=24) | st.from_regex(
    r"-?[0-9]{1,20}(\.[0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True
)


@settings(max_examples=300)
@given(st.lists(ANY_TEXT, max_size=20), st.sampled_from(THINGS.columns), st.integers(1, 3))
def test_a_column_converts_as_the_pandas_reference_converts_it(values: list[str], column: Column, chunks: int) -> None:
    """Any text, in an Arrow column of several chunks as a large file is read."""
    parts = np.array_split(np.array(values, dtype=object), chunks)
    strings = pa.chunked_array([pa.array(list(part), pa.large_string()) for part in parts], pa.large_string())
    cells = strings.to_pandas()
    cells.index = pd.RangeIndex(2, len(values) + 2, name="line")
    expected: list[tuple[Any, ...]] = []
    found: list[tuple[Any, ...]] = []
    reference = _reference_convert_column(cells, column, lambda *where, **context: expected.append((where, context)))
    converted = reader._convert_column(cells, column, lambda *where, **context: found.append((where, context)))
    assert found == expected
    pd.testing.assert_series_equal(converted, reference)
