"""The type table: every form a column type takes, in one record per type.

A column is declared once in the metadata with a Frictionless type; this table says what that
type is in the validator's frames, in the loader's frames, in Arrow (Parquet), in SQLite, and how
a CSV cell of it is spelled and read. Enums become dictionaries (Arrow) and categoricals with the
full declared category set (pandas), so a category no row uses yet still exists. Imported only
where data is read or written, never at package import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.extensions import ExtensionDtype

from syria_strikes.metadata import Column, Table

Parse = Callable[[pd.Series], pd.Series]
LoaderDtype = ExtensionDtype | np.dtype[Any]


@dataclass(frozen=True)
class TypeForms:
    """One column type in each of its forms.

    ``csv_form`` is the canonical spelling of a cell (a whole-cell regex; None: any text) and
    ``parse`` turns well-formed cells into ``validation_dtype`` (None: the text is kept);
    ``csv_words`` says what a cell of another spelling is not, ``impossible_words`` what a
    well-formed cell that does not parse is not.
    """

    frictionless: str
    validation_dtype: str
    loader_dtype: LoaderDtype
    arrow: pa.DataType
    sqlite: str
    csv_form: str | None = None
    parse: Parse | None = None
    csv_words: str = ""
    impossible_words: str = ""
    loader_words: str = ""  # what ``load`` gives, in the data dictionary's words


def _integers(cells: pd.Series) -> pd.Series:
    return cells.astype("Int64")


def _numbers(cells: pd.Series) -> pd.Series:
    return pd.to_numeric(cells, errors="coerce").astype("Float64")


def _dates(cells: pd.Series) -> pd.Series:
    """Years 0001 to 9999, the range Python, frictionless and Arrow all read; numpy alone would also
    take a year 0000, which the release could then not be read back with."""
    in_range = cells.where(~cells.str.startswith("0000").fillna(False).astype(bool), None)
    return pd.to_datetime(in_range, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")


# The loader's text: Arrow-backed strings with pd.NA for missing, the one dtype pandas 2.1 and 3
# both have, used alike by load, load_all and event_summary.
_TEXT = pd.StringDtype("pyarrow")
# The loader's dates: datetime64 at midnight, in the unit pandas itself gives parsed dates
# (microseconds in pandas 3, nanoseconds in pandas 2), so that a reader's own pd.to_datetime
# column compares, merges and merge_asof-joins with them without a cast.
_DATES = np.dtype(f"datetime64[{pd.to_datetime(['2000-01-01']).unit}]")

TYPE_TABLE: dict[str, TypeForms] = {
    "string": TypeForms(
        "string",
        "str",
        _TEXT,
        pa.string(),
        "TEXT",
        loader_words="`string[pyarrow]`, missing as `pd.NA`; the same dtype in `load`, `load_all` and `event_summary`",
    ),
    # Canonical integers: no sign but '-', no leading zeros, at most 18 digits so any value fits int64.
    "integer": TypeForms(
        "integer",
        "Int64",
        pd.Int64Dtype(),
        pa.int64(),
        "INTEGER",
        csv_form=r"0|-?[1-9][0-9]{0,17}",
        parse=_integers,
        csv_words="is not a whole number such as 4",
        loader_words="nullable `Int64`",
    ),
    "number": TypeForms(
        "number",
        "Float64",
        pd.Float64Dtype(),
        pa.float64(),
        "REAL",
        csv_form=r"-?[0-9]+(\.[0-9]+)?",
        parse=_numbers,
        csv_words="is not a decimal number such as 34.52",
        loader_words="nullable `Float64`",
    ),
    "date": TypeForms(
        "date",
        "datetime64[s]",
        _DATES,
        pa.date32(),
        "TEXT",
        csv_form=r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
        parse=_dates,
        csv_words="is not a date written YYYY-MM-DD",
        impossible_words="is not a real calendar date",
        loader_words=(
            "`datetime64` at midnight, in the unit pandas gives parsed dates (`[us]` in pandas 3, `[ns]` in "
            'pandas 2), missing as `NaT`: compare with `"2020-01-10"` or a `Timestamp`, use `.dt`, '
            "`resample`, `to_period` and `merge_asof`"
        ),
    ),
    "list": TypeForms(
        "list",
        "str",
        pd.ArrowDtype(pa.list_(pa.string())),
        pa.list_(pa.string()),
        "TEXT",
        loader_words=(
            "a list per cell (`list<string>[pyarrow]`); `.explode(column)` gives one row per item. pandas cannot "
            'hash a list, so `value_counts`, `nunique`, `duplicated`, `drop_duplicates` and `describe(include="all")` '
            "refuse a frame or column holding lists: explode the column first, or drop the list columns"
        ),
    ),
}
# A column with a vocabulary: text in the CSV and the validator, codes of a dictionary in Arrow, a
# categorical in the loader (whose categories ``loader_dtype`` fills in from the vocabulary).
ENUM = TypeForms(
    "string",
    "str",
    pd.CategoricalDtype(),
    pa.dictionary(pa.int8(), pa.string()),
    "TEXT",
    loader_words="`category` with every declared value, used or not",
)


def forms(column: Column) -> TypeForms:
    return ENUM if column.vocabulary is not None else TYPE_TABLE[column.type]


def loader_dtype(column: Column) -> LoaderDtype:
    """The dtype a researcher gets from ``load``."""
    if column.vocabulary is not None:
        return pd.CategoricalDtype(list(column.vocabulary.codes), ordered=False)
    return forms(column).loader_dtype


def arrow_schema(table: Table) -> pa.Schema:
    fields = [
        pa.field(
            column.name, forms(column).arrow, nullable=not column.required, metadata={"description": column.description}
        )
        for column in table.columns
    ]
    return pa.schema(fields, metadata={"table": table.name, "description": table.description})
