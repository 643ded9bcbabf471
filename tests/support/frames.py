"""Small typed frames as the reader makes them, for tests that call one rule without a file."""

from __future__ import annotations

import pandas as pd

from syria_strikes.metadata import Column, Table, table

# A valid actor row; tests change one cell of it. Columns it does not give are empty.
VALID_ACTOR = {
    "actor_id": "act-israeli-air-force",
    "name": "Israeli Air Force",
    "kind": "armed_forces",
    "country": "ISR",
    "parent_actor_id": "act-idf",
    "aliases": "IAF",
}


def typed_frame(name: str, rows: list[dict[str, object]]) -> pd.DataFrame:
    """Every declared column of the table, typed as the reader types it, indexed by line (2, 3, ...);
    a column a row does not give is missing there."""
    declared = table(name)
    index = pd.RangeIndex(2, len(rows) + 2, name="line")
    columns = {}
    for column in declared.columns:
        values = [row.get(column.name) for row in rows]
        if column.type in ("integer", "number"):
            columns[column.name] = pd.Series(
                values, dtype="Int64" if column.type == "integer" else "Float64", index=index
            )
        elif column.type == "date":
            dates = pd.to_datetime(pd.Series(values, dtype="object", index=index), format="%Y-%m-%d")
            columns[column.name] = dates.astype("datetime64[s]")
        else:
            columns[column.name] = pd.Series(values, dtype="str", index=index)
    unknown = {key for row in rows for key in row} - set(declared.column_names)
    assert not unknown, f"{name} has no columns {unknown}"
    return pd.DataFrame(columns, index=index)


# A table declared for the reader's tests, one column of each type, so that a failure points at
# reading alone, not at the rules of a real table.
THINGS = Table(
    "things",
    "Things",
    "one column of each type",
    "thing_id",
    (
        Column("thing_id", "string", "an ID", "t-1", required=True),
        Column("count", "integer", "a count", "4"),
        Column("share", "number", "a decimal", "0.5"),
        Column("day", "date", "a date", "2020-01-14"),
        Column("tags", "list", "a list", "a|b"),
    ),
)
