"""The two kinds of corruption and the words their catalogue is written in.

A ``CellEdit`` changes one cell and is a row of data; a ``Mutation`` is a named function for
anything else (several cells, added rows, the bytes or the files themselves). Both damage a valid
copy of the dataset in one way and return the ``Expect``: where the validator must point, and
whether the rule there rejects the data or only warns (a warned kind must leave validate passing).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from syria_strikes.rules import Decision, RuleId
from tests.support.dataset import Dataset

Row = dict[str, str]
# A row of a table, chosen on the undamaged copy: its index, or a function finding it.
RowChoice = int | Callable[[Dataset, str], int]
# The cell's new value: given outright, or made from the row (the cell's old value among others).
NewValue = str | Callable[[Row, str], str]


@dataclass(frozen=True)
class Expect:
    """The problem the validator must report; ``exact``: and no other problem at all. A kind whose
    rule only warns (``decision="warn"``) is judged among the report's warnings, a rejected kind
    among its problems: a rejected fault may leave a warning behind and still be caught exactly."""

    table: str
    row: int | None
    column: str | None
    rule: RuleId
    exact: bool = True
    decision: Decision = "reject"

    @property
    def exit_code(self) -> int:
        """What validate must exit with: 1 for a rejected fault, 0 when the rule only warns."""
        return 1 if self.decision == "reject" else 0

    def findings(self, report: dict[str, Any]) -> list[dict[str, Any]]:
        """The part of validate's JSON report this kind is judged against."""
        return list(report["problems"] if self.decision == "reject" else report.get("warnings", []))


@dataclass(frozen=True)
class Mutation:
    """A corruption that is more than one cell's new value, written as a named function."""

    name: str
    apply: Callable[[Dataset], Expect]


@dataclass(frozen=True)
class CellEdit:
    """One cell of one row gets a new value; the validator must report ``rule`` on that row, in
    that column or in ``reported_in`` when the rule names the column the edit made inconsistent
    (among its warnings, with validate passing, when ``decision="warn"``)."""

    name: str
    table: str
    column: str
    value: NewValue
    rule: RuleId
    row: RowChoice = 0
    exact: bool = True
    reported_in: str | None = None
    decision: Decision = "reject"

    def apply(self, ds: Dataset) -> Expect:
        index = self.row if isinstance(self.row, int) else self.row(ds, self.table)
        old = ds.rows(self.table)[index]
        value = self.value if isinstance(self.value, str) else self.value(old, self.column)
        line = ds.set_cell(self.table, index, self.column, value)
        return Expect(self.table, line, self.reported_in or self.column, self.rule, self.exact, self.decision)


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


def with_year(year: str) -> Callable[[Row, str], str]:
    """The cell's date with its year replaced: a slip of the keyboard that leaves a real day."""
    return lambda row, column: year + row[column][4:]


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
