"""The two kinds of corruption and the words their catalogue is written in.

A ``CellEdit`` changes one cell and is a row of data; a ``Mutation`` is a named function for
anything else (several cells, added rows, the bytes or the files themselves). Both damage a valid
copy of the dataset in one way and return the ``Expect``: where the validator must point.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from syria_strikes.rules import RuleId
from tests.support.dataset import Dataset

Row = dict[str, str]
# A row of a table, chosen on the undamaged copy: its index, or a function finding it.
RowChoice = int | Callable[[Dataset, str], int]
# The cell's new value: given outright, or made from the row (the cell's old value among others).
NewValue = str | Callable[[Row, str], str]


@dataclass(frozen=True)
class Expect:
    """The problem the validator must report; ``exact``: and no other problem at all."""

    table: str
    row: int | None
    column: str | None
    rule: RuleId
    exact: bool = True


@dataclass(frozen=True)
class Mutation:
    """A corruption that is more than one cell's new value, written as a named function."""

    name: str
    apply: Callable[[Dataset], Expect]


@dataclass(frozen=True)
class CellEdit:
    """One cell of one row gets a new value; the validator must report ``rule`` on that row, in
    that column or in ``reported_in`` when the rule names the column the edit made inconsistent."""

    name: str
    table: str
    column: str
    value: NewValue
    rule: RuleId
    row: RowChoice = 0
    exact: bool = True
    reported_in: str | None = None

    def apply(self, ds: Dataset) -> Expect:
        index = self.row if isinstance(self.row, int) else self.row(ds, self.table)
        old = ds.rows(self.table)[index]
        value = self.value if isinstance(self.value, str) else self.value(old, self.column)
        line = ds.set_cell(self.table, index, self.column, value)
        return Expect(self.table, line, self.reported_in or self.column, self.rule, self.exact)


Kind = CellEdit | Mutation


# --- choosing the row ---------------------------------------------------------------------------
class Where:
    """The first row whose cells meet every condition: a value, or a test of the cell."""

    def __init__(self, **conditions: str | Callable[[str], bool]) -> None:
        self.conditions = conditions

    def __call__(self, ds: Dataset, table: str) -> int:
        return ds.find(table, **self.conditions)

    def __repr__(self) -> str:
        return f"Where({self.conditions})"


def filled(value: str) -> bool:
    return value != ""


def one_of(values: Collection[str]) -> Callable[[str], bool]:
    return lambda value: value in values


def containing(text: str) -> Callable[[str], bool]:
    return lambda value: text in value


# --- making the new value -----------------------------------------------------------------------
def appended(suffix: str) -> Callable[[Row, str], str]:
    return lambda row, column: row[column] + suffix


def prepended(prefix: str) -> Callable[[Row, str], str]:
    return lambda row, column: prefix + row[column]


def copied_from(other: str) -> Callable[[Row, str], str]:
    """The value of another column of the same row."""
    return lambda row, column: row[other]


def replaced_once(old: str, new: str) -> Callable[[Row, str], str]:
    """The first ``old`` in the cell becomes ``new``; the cell must hold one, or the edit is void."""

    def edit(row: Row, column: str) -> str:
        assert old in row[column], f"column {column} of {row} lacks {old!r}"
        return row[column].replace(old, new, 1)

    return edit


def translated(table: dict[int, str]) -> Callable[[Row, str], str]:
    return lambda row, column: row[column].translate(table)
