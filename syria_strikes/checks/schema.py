"""pandera schemas built from the metadata source, run lazily so every failure is collected."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache, partial
from typing import Literal

import pandas as pd
import pandera.pandas as pa
from pandera import dtypes
from pandera.engines import pandas_engine

from syria_strikes.checks.cells import column_checks
from syria_strikes.checks.rows import RowRule, rules_for
from syria_strikes.column_types import forms
from syria_strikes.columnar import cell_text, is_missing
from syria_strikes.metadata import Table, table
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId
from syria_strikes.rules import declared as declared_rule

ROWS_PER_PART = 100_000
# pandera turns an error a check raised into the words of a failure of no row: "MemoryError()".
_RESOURCE_ERRORS: dict[str, type[Exception]] = {"MemoryError": MemoryError, "RecursionError": RecursionError}


class ArrowText(pandas_engine.STRING):
    """pandas' Arrow-backed text, judged by its dtype alone. pandera's own STRING answers cell by
    cell even when the dtypes match, and then renders an empty table of failures for every text
    column of every table: a third of the time the schemas took."""

    def check(self, pandera_dtype: dtypes.DataType, data_container: object = None) -> bool:
        return bool(super().check(pandera_dtype))


def _dtype(name: str) -> object:
    """The pandera dtype of a validation dtype named in the type table."""
    resolved = pandas_engine.Engine.dtype(name)
    if isinstance(resolved, pandas_engine.STRING):
        return ArrowText(resolved.storage)
    return name


@cache
def pandera_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of a table: dtypes, required flags and cell rules, plus row rules."""
    declared = table(name)
    columns = {
        column.name: pa.Column(
            _dtype(forms(column).validation_dtype),
            nullable=not column.required,
            checks=column_checks(column),
            coerce=False,
        )
        for column in declared.columns
    }
    row_checks = [pa.Check(rule.passes, error=rule.rule) for rule in rules_for(name)]
    return pa.DataFrameSchema(columns, checks=row_checks, strict=True, ordered=True, name=name)


@dataclass(frozen=True, order=True)
class Piece:
    """A part of a table's schema whose problems depend on some columns only: one column's cell
    rules, or one row rule. A changed table is checked again piece by piece (syria_strikes/cache.py),
    only where the columns a piece ``reads`` changed."""

    kind: Literal["column", "row"]
    name: str
    reads: tuple[str, ...]

    @property
    def label(self) -> str:
        """How the cache names the piece: a row rule's ID never equals a column's name with a kind."""
        return f"{self.kind} {self.name}"


# Where a failure pandera names no column or row rule of goes (the reader lets none through): the
# whole table's, which no piece can answer for, so the run keeps no piece of it.
UNPLACED = Piece("row", "", ())


@cache
def pieces(name: str) -> tuple[Piece, ...]:
    """Every piece of a table's schema: its columns in order, then its row rules."""
    columns = (Piece("column", column.name, (column.name,)) for column in table(name).columns)
    return (*columns, *(Piece("row", rule.rule, rule.reads) for rule in rules_for(name)))


@cache
def _part_schema(name: str, wanted: frozenset[Piece]) -> pa.DataFrameSchema:
    """The schema of some pieces only: each column's checks as declared (so a cell is still reported
    by the first rule it breaks), and the row rules wanted."""
    whole = pandera_schema(name)
    columns = {
        piece.name: whole.columns[piece.name] for piece in pieces(name) if piece.kind == "column" and piece in wanted
    }
    checks = [check for check, piece in zip(whole.checks, _row_pieces(name), strict=True) if piece in wanted]
    return pa.DataFrameSchema(columns, checks=checks, strict=False, ordered=False, name=name)


def _row_pieces(name: str) -> tuple[Piece, ...]:
    return tuple(piece for piece in pieces(name) if piece.kind == "row")


def table_parts(frame: pd.DataFrame, most: int) -> list[pd.DataFrame]:
    """A large table in up to ``most`` parts of at least ROWS_PER_PART rows, to check side by side:
    every rule here looks at one cell or one row, so the parts together find exactly the problems
    of the whole."""
    count = max(1, min(most, -(-len(frame) // ROWS_PER_PART)))
    bounds = [len(frame) * k // count for k in range(count + 1)]
    return [frame.iloc[start:end] for start, end in itertools.pairwise(bounds)]


def check_table(frame: pd.DataFrame, declared: Table, failed: set[tuple[int, str]]) -> list[Problem]:
    """Run the table's pandera schema; ``failed`` holds cells already reported and gains new ones.

    A cell is reported once, by the first rule it breaks in declaration order; a row rule is
    not reported for a row whose cells it reads were already reported.
    """
    return [found for each in check_pieces(frame, declared, failed).values() for found in each]


def check_pieces(
    frame: pd.DataFrame, declared: Table, failed: set[tuple[int, str]], wanted: Collection[Piece] | None = None
) -> dict[Piece, list[Problem]]:
    """The problems of each piece of the table's schema (of those ``wanted``; all by default),
    as ``check_table`` finds them. A piece of a row rule must be run with the pieces of the
    columns it reads, or with ``failed`` already holding their reported cells.

    Only the columns the wanted pieces read are handed to pandera, so a row rule that reaches for
    a column it does not declare fails (rule_failed) instead of being answered from a stale cache.
    """
    every = pieces(declared.name)
    chosen = frozenset(every if wanted is None else wanted)
    found: dict[Piece, list[Problem]] = {piece: [] for piece in every if piece in chosen}
    if not chosen:
        return found
    if chosen == frozenset(every):
        schema, handed = pandera_schema(declared.name), frame
    else:
        read = {column for piece in chosen for column in piece.reads}
        schema = _part_schema(declared.name, chosen)
        handed = frame[[name for name in frame.columns if name in read]]
    try:
        schema.validate(handed, lazy=True)
    except pa.errors.SchemaErrors as errors:
        _raise_resource_error(errors.failure_cases)
        _problems(errors.failure_cases, handed, declared, failed, found)
    return found


def _problems(
    failures: pd.DataFrame,
    frame: pd.DataFrame,
    declared: Table,
    failed: set[tuple[int, str]],
    found: dict[Piece, list[Problem]],
) -> None:
    row_rules: dict[str, RowRule] = {rule.rule: rule for rule in rules_for(declared.name)}
    row_pieces = {piece.name: piece for piece in _row_pieces(declared.name)}
    column_pieces = {piece.name: piece for piece in pieces(declared.name) if piece.kind == "column"}
    # pandera reports a check that raised as a failure of no row: never a pass.
    for column, check, error in _stopped_checks(failures):
        stopped = problem("rule_failed", declared.name, None, column, None, check=check, error=error)
        piece = column_pieces.get(column or "") or row_pieces.get(check)
        found.setdefault(piece if piece is not None and piece in found else UNPLACED, []).append(stopped)
    failures = failures.dropna(subset=["index"]).sort_values("check_number", na_position="first", kind="stable")
    cell_failures = failures[~failures["check"].isin(list(row_rules))]
    for line, name, check in _failed_checks(cell_failures):
        if (line, name) in failed:
            continue
        failed.add((line, name))
        rule = declared_rule("required" if check == "not_nullable" else check)
        value = None if rule == "required" else frame.at[line, name]
        found[column_pieces[name]].append(
            _reported(rule, declared.name, line, partial(_cell_problem, rule, declared, line, name, value))
        )
    reported_rows: set[tuple[int, str]] = set()
    for line, _, check in _failed_checks(failures[failures["check"].isin(list(row_rules))]):
        row_rule = row_rules[check]
        if (line, row_rule.rule) in reported_rows or any((line, name) in failed for name in row_rule.reads):
            continue
        reported_rows.add((line, row_rule.rule))
        row = frame.loc[line]
        assert isinstance(row, pd.Series)  # the index holds each line once
        found[row_pieces[check]].append(
            _reported(row_rule.rule, declared.name, line, partial(_row_problem, row_rule, declared, line, row))
        )


def _cell_problem(rule: RuleId, declared: Table, line: int, name: str, value: object) -> Problem:
    return problem(rule, declared.name, line, name, cell_text(value), declared=declared.column(name), cell=value)


def _row_problem(row_rule: RowRule, declared: Table, line: int, row: pd.Series) -> Problem:
    at = row_rule.column_for(row)
    return problem(row_rule.rule, declared.name, line, at, cell_text(row[at]), **row_rule.context(row))


def _reported(rule: str, table: str, line: int, report: Callable[[], Problem]) -> Problem:
    """The problem a failed check reports; if wording it raises (the rule's column or words met a
    cell they did not expect), that is itself a problem (rule_failed) on the row, never a traceback.
    Running out of memory or stack is the command's to report."""
    try:
        return report()
    except (MemoryError, RecursionError):
        raise
    # Any fault of a rule's wording is reported, whatever its kind.
    except Exception as error:
        return problem("rule_failed", table, line, None, None, check=rule, error=repr(error))


def _raise_resource_error(failures: pd.DataFrame) -> None:
    """Running out of memory or stack in a check is the command's to report, as across tables
    (checks/across.py): no fault of a rule, and no answer for the cache to keep."""
    for error in failures.loc[failures["index"].isna(), "failure_case"]:
        kind = str(error).partition("(")[0]
        if kind in _RESOURCE_ERRORS:
            raise _RESOURCE_ERRORS[kind](str(error))


def _stopped_checks(failures: pd.DataFrame) -> list[tuple[str | None, str, str]]:
    """(column, check, error) of each failure pandera gives no row: a check that raised, or a
    schema-wide fault the reader never lets through (a missing column, a wrong dtype)."""
    stopped = failures[failures["index"].isna()]
    # A check of the whole table (a row rule) names the table where a column check names its column.
    columns = stopped["column"].where(stopped["schema_context"] == "Column", None)
    return [
        (None if is_missing(column) else str(column), str(check), str(error))
        for column, check, error in zip(columns, stopped["check"], stopped["failure_case"], strict=True)
    ]


def _failed_checks(failures: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(line, column, check) of each row of pandera's failure cases."""
    columns = [failures[name].tolist() for name in ("index", "column", "check")]
    return [(int(line), str(column), str(check)) for line, column, check in zip(*columns, strict=True)]
