"""The header line: the declared names, in the declared order, separated by commas.

A misspelt name is reported once, with its correction, and a file saved with another delimiter
is recognised as such instead of as one long unknown column name.
"""

from __future__ import annotations

import csv
from collections import Counter
from difflib import get_close_matches

from syria_strikes.metadata import TABLES, Table
from syria_strikes.problems import Report
from syria_strikes.text_policy import EDGE_CHARS

OTHER_DELIMITERS = (";", "\t", "|")


def check_header(line: str, table: Table, report: Report) -> tuple[list[str], bool] | None:
    """Names to parse the rows with, and whether the header line was otherwise clean; None when a
    column name appears twice or the file uses another delimiter, so rows cannot be read safely."""
    declared = list(table.column_names)
    fields = _csv_fields(line, ",")
    if not set(fields) & set(declared) and _other_delimiter(line, declared, report):
        return None
    names = [field.strip(EDGE_CHARS) for field in fields]
    other = _other_table(names, table)
    if other is not None:
        report(1, None, None, "header_other_table", table=table.name, other=other.name)
        return None
    clean = names == fields
    if not clean:
        report(1, None, line, "header_spaces", declared=declared)
    unnamed = [position for position, name in enumerate(names, start=1) if name == ""]
    if unnamed:
        clean = False
        report(1, None, None, "header_unnamed", positions=unnamed)
    named = [name for name in names if name]
    duplicated = sorted(name for name, count in Counter(named).items() if count > 1)
    for name in duplicated:
        report(1, name, name, "header_unique")
    missing, extra, renamed = _check_names(named, declared, table, report)
    if duplicated:
        return None
    if not extra and not missing and named != declared:
        clean = False
        report(1, None, ",".join(named), "header_order", declared=declared)
    # A misspelt column is read under the name it was meant to have, and a missing one as empty,
    # so the table's other columns, and this one's cells, are still checked.
    names = [renamed.get(name, name) or f"(unnamed {position})" for position, name in enumerate(names, start=1)]
    return names, clean and not missing


def _other_table(names: list[str], table: Table) -> Table | None:
    """Another table whose columns the header holds, all and only them: that table's file saved here."""
    present = set(names)
    return next((other for other in TABLES if other.name != table.name and set(other.column_names) == present), None)


def _check_names(
    named: list[str], declared: list[str], table: Table, report: Report
) -> tuple[list[str], list[str], dict[str, str]]:
    """Report undeclared and missing names (returned, with each misspelt name and its correction);
    a misspelt name is reported once, with its correction, instead of once as undeclared and once
    as missing."""
    present, known = set(named), set(declared)  # sets: a wide header must not cost width squared
    missing = [name for name in declared if name not in present]
    extra = [name for name in named if name not in known]
    unclaimed = list(missing)
    renamed: dict[str, str] = {}
    for name in extra:
        guess = _guess(name, unclaimed)
        if guess:
            unclaimed.remove(guess)
            renamed[name] = guess
        report(1, name, name, "header_declared", table=table.name, guess=guess)
    for name in unclaimed:
        report(1, name, None, "header_complete", name=name)
    return missing, extra, renamed


def _guess(name: str, candidates: list[str]) -> str | None:
    folded = name.casefold().replace(" ", "_")
    for candidate in candidates:
        if candidate.casefold() == folded:
            return candidate
    return next(iter(get_close_matches(folded, candidates, n=1)), None)


def _csv_fields(line: str, delimiter: str) -> list[str]:
    """The fields of a header line; one past the csv module's 128 KiB field limit is no column's
    name, so such a line is split without it (changing the limit would change it for every thread)."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _other_delimiter(line: str, declared: list[str], report: Report) -> bool:
    for delimiter in OTHER_DELIMITERS:
        names = {name.strip(EDGE_CHARS) for name in _csv_fields(line, delimiter)}
        if len(names & set(declared)) >= min(2, len(declared)):
            report(1, None, None, "delimiter", delimiter=delimiter)
            return True
    return False
