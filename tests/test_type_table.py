"""The type table is the one place a column type's forms are written; everything reads it."""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pandera.engines import pandas_engine

import syria_strikes
from syria_strikes.checks.schema import ArrowText, pandera_schema
from syria_strikes.column_types import ENUM, TYPE_TABLE, arrow_schema, forms, loader_dtype
from syria_strikes.datapackage import field_descriptor
from syria_strikes.loader import release_dir
from syria_strikes.metadata import TABLES, Column
from syria_strikes.sqlite import column_sql

COLUMNS = [(declared, column) for declared in TABLES for column in declared.columns]


def test_every_declared_type_has_a_record() -> None:
    assert {column.type for _, column in COLUMNS} == set(TYPE_TABLE)


@pytest.mark.parametrize("declared", TABLES, ids=lambda t: t.name)
def test_the_loader_gives_each_column_its_loader_dtype(declared) -> None:
    frame = syria_strikes.load(declared.name)
    assert {name: frame[name].dtype for name in frame.columns} == {
        column.name: loader_dtype(column) for column in declared.columns
    }


@pytest.mark.parametrize("declared", TABLES, ids=lambda t: t.name)
def test_the_release_parquet_has_the_arrow_types(declared) -> None:
    written = pq.read_schema(release_dir() / f"{declared.name}.parquet")
    assert [field.type for field in written] == [field.type for field in arrow_schema(declared)]


def test_enum_columns_are_categoricals_with_every_code() -> None:
    column = next(column for _, column in COLUMNS if column.vocabulary is not None)
    assert forms(column) is ENUM
    assert list(loader_dtype(column).categories) == list(column.vocabulary.codes)


@pytest.mark.parametrize(("declared", "column"), COLUMNS, ids=lambda c: getattr(c, "name", ""))
def test_descriptor_and_sqlite_read_the_table(declared, column: Column) -> None:
    assert field_descriptor(column)["type"] == forms(column).frictionless
    assert column_sql(column, declared).split()[1] == forms(column).sqlite


@pytest.mark.parametrize(
    ("name", "canonical", "other"),
    [
        ("integer", ["0", "4", "-12", "9" * 18], ["04", "+4", "4.0", "1,000", "9" * 19, "", " 4"]),
        ("number", ["0", "34.52", "-1.5"], ["34,52", "1e3", ".5", "5.", ""]),
        ("date", ["2020-01-14", "2020-02-30"], ["14/01/2020", "2020-01-14T10:00", "43844", ""]),
    ],
)
def test_csv_form_accepts_the_canonical_spelling_only(name: str, canonical: list[str], other: list[str]) -> None:
    form = TYPE_TABLE[name].csv_form
    assert form is not None
    assert all(re.fullmatch(form, value) for value in canonical)
    assert not any(re.fullmatch(form, value) for value in other)


@pytest.mark.parametrize("name", ["integer", "number", "date"])
def test_parse_gives_the_validation_dtype(name: str) -> None:
    kind = TYPE_TABLE[name]
    assert kind.parse is not None
    sample = {"integer": "4", "number": "34.52", "date": "2020-01-14"}[name]
    parsed = kind.parse(pd.Series([sample, None], dtype="str"))
    assert parsed.dtype == kind.validation_dtype
    assert parsed.isna().tolist() == [False, True]


def test_an_impossible_date_parses_to_missing() -> None:
    parse = TYPE_TABLE["date"].parse
    assert parse is not None
    assert parse(pd.Series(["2020-02-30"], dtype="str")).isna().all()


@pytest.mark.parametrize(
    "series",
    [
        pd.Series(["a", None], dtype="str"),
        pd.Series(["a", None], dtype="string[python]"),
        pd.Series(["a", None], dtype=object),
        pd.Series(["a", None], dtype=pd.ArrowDtype(pa.large_string())),
        pd.Series([1, None], dtype="Int64"),
    ],
    ids=["the reader's text", "python strings", "objects", "arrow large_string", "integers"],
)
def test_the_schemas_text_dtype_judges_as_pandera_does_in_one_answer(series: pd.Series) -> None:
    """ArrowText answers once per column where pandera's STRING answers once per cell."""
    expected = pandas_engine.Engine.dtype(TYPE_TABLE["string"].validation_dtype)
    assert isinstance(expected, pandas_engine.STRING)
    pandera_verdict = expected.check(pandas_engine.Engine.dtype(series.dtype), series)
    ours = ArrowText(expected.storage).check(pandas_engine.Engine.dtype(series.dtype), series)
    assert ours is (pandera_verdict if isinstance(pandera_verdict, bool) else bool(pandera_verdict.all()))


def test_every_text_column_of_the_schemas_is_judged_by_arrow_text() -> None:
    for declared, column in COLUMNS:
        dtype = pandera_schema(declared.name).columns[column.name].dtype
        text = isinstance(pandas_engine.Engine.dtype(forms(column).validation_dtype), pandas_engine.STRING)
        assert isinstance(dtype, ArrowText) is text, column.name
