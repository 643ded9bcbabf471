"""Arrow, pandas and SQLite types of each column, derived from its metadata declaration.

Enums become dictionaries (Arrow) and categoricals with the full declared category set
(pandas), so a category no row uses yet still exists; counts are nullable integers; dates are
real dates; lists are lists. Imported by the build and the loader only, never at package import.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from syria_strikes.metadata import Column, Table


def arrow_type(column: Column) -> pa.DataType:
    if column.vocabulary is not None:
        return pa.dictionary(pa.int8(), pa.string())
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }[column.type]


def arrow_schema(table: Table) -> pa.Schema:
    fields = [
        pa.field(
            column.name, arrow_type(column), nullable=not column.required, metadata={"description": column.description}
        )
        for column in table.columns
    ]
    return pa.schema(fields, metadata={"table": table.name, "description": table.description})


def pandas_dtype(column: Column) -> object:
    """The dtype a researcher gets from ``load``."""
    if column.vocabulary is not None:
        return pd.CategoricalDtype(list(column.vocabulary.codes), ordered=False)
    return {
        "string": pd.StringDtype("pyarrow"),  # the same nullable strings in pandas 2.2 and 3
        "integer": pd.Int64Dtype(),
        "number": pd.Float64Dtype(),
        "date": pd.ArrowDtype(pa.date32()),
        "list": pd.ArrowDtype(pa.list_(pa.string())),
    }[column.type]


def sqlite_type(column: Column) -> str:
    return {"integer": "INTEGER", "number": "REAL"}.get(column.type, "TEXT")
