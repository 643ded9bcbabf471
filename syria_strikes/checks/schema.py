"""pandera schemas built from the metadata source, run lazily so every failure is collected."""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import pandas as pd
import pandera.pandas as pa

from syria_strikes.checks.cells import cell_words, column_checks
from syria_strikes.checks.rows import rules_for
from syria_strikes.column_types import forms
from syria_strikes.metadata import Table, table
from syria_strikes.problems import Problem
from syria_strikes.rules import declared as declared_rule

ROWS_PER_PART = 100_000
MAX_WORKERS = 4


@cache
def pandera_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of a table: dtypes, required flags and cell rules, plus row rules."""
    declared = table(name)
    columns = {
        column.name: pa.Column(
            forms(column).validation_dtype,
            nullable=not column.required,
            checks=column_checks(column),
            coerce=False,
        )
        for column in declared.columns
    }
    row_checks = [pa.Check(rule.passes, error=rule.rule) for rule in rules_for(name)]
    return pa.DataFrameSchema(columns, checks=row_checks, strict=True, ordered=True, name=name)


def check_table(frame: pd.DataFrame, declared: Table, failed: set[tuple[int, str]]) -> list[Problem]:
    """Run the table's pandera schema; ``failed`` holds cells already reported and gains new ones.

    A cell is reported once, by the first rule it breaks in declaration order; a row rule is
    not reported for a row whose cells it reads were already reported.

    A large table is checked in parts, one per processor, on threads: every rule here looks at
    one cell or one row, so the parts together find exactly the problems of the whole, and the
    work is done in pyarrow's kernels, which release the interpreter lock.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS, -(-len(frame) // ROWS_PER_PART))
    if workers <= 1:
        return _check_part(frame, declared, failed)
    bounds = [len(frame) * k // workers for k in range(workers + 1)]
    parts = [(frame.iloc[start:end], set(failed)) for start, end in itertools.pairwise(bounds)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        found = list(pool.map(lambda part: _check_part(part[0], declared, part[1]), parts))
    for _, part_failed in parts:
        failed |= part_failed
    return [problem for problems in found for problem in problems]


def _check_part(frame: pd.DataFrame, declared: Table, failed: set[tuple[int, str]]) -> list[Problem]:
    try:
        pandera_schema(declared.name).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return _problems(errors.failure_cases, frame, declared, failed)
    return []


def _problems(failures: pd.DataFrame, frame: pd.DataFrame, declared: Table, failed: set) -> list[Problem]:
    row_rules = {rule.rule: rule for rule in rules_for(declared.name)}
    failures = failures.dropna(subset=["index"]).sort_values("check_number", na_position="first", kind="stable")
    problems: list[Problem] = []
    cell_failures = failures[~failures["check"].isin(list(row_rules))]
    for failure in cell_failures.itertuples(index=False):
        line, name = int(failure.index), str(failure.column)
        if (line, name) in failed:
            continue
        failed.add((line, name))
        rule = declared_rule("required" if failure.check == "not_nullable" else str(failure.check))
        column = declared.column(name)
        value = None if rule == "required" else frame.at[line, name]
        problems.append(Problem(declared.name, line, name, _text(value), rule, cell_words(rule, column, value)))
    reported_rows: set[tuple[int, str]] = set()
    for failure in failures[failures["check"].isin(list(row_rules))].itertuples(index=False):
        line, row_rule = int(failure.index), row_rules[str(failure.check)]
        if (line, row_rule.rule) in reported_rows or any((line, name) in failed for name in row_rule.reads):
            continue
        reported_rows.add((line, row_rule.rule))
        row = frame.loc[line]
        column = row_rule.column_for(row)
        problems.append(Problem(declared.name, line, column, _text(row[column]), row_rule.rule, row_rule.words(row)))
    return problems


def _text(value: object) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)
