"""The data dictionary (docs/data-dictionary.md), rendered from the metadata source."""

from __future__ import annotations

from syria_strikes.metadata import LIST_DELIMITER, TABLES, Column, Table
from syria_strikes.version import __version__


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _constraints(column: Column) -> str:
    notes = []
    if column.required:
        notes.append("required")
    if column.unique:
        notes.append("unique")
    if column.references:
        notes.append(f"references `{column.references}`" + (" (each item)" if column.type == "list" else ""))
    if column.pattern:
        notes.append(f"pattern `{column.pattern}`")
    if column.minimum is not None:
        notes.append(f"minimum {column.minimum:g}")
    if column.maximum is not None:
        notes.append(f"maximum {column.maximum:g}")
    if column.text_limit is not None:
        notes.append(f"at most {column.text_limit} characters")
    if column.type == "list":
        notes.append(f"items separated by `{LIST_DELIMITER}`")
    return "; ".join(notes)


def _table_section(declared: Table) -> list[str]:
    lines = [
        f"## {declared.name}",
        "",
        declared.description,
        "",
        f"File `{declared.path}`; primary key `{declared.primary_key}`.",
        "",
        "| column | type | description | constraints | example |",
        "|---|---|---|---|---|",
    ]
    for column in declared.columns:
        kind = f"{column.type} (enum `{column.vocabulary.name}`)" if column.vocabulary else column.type
        lines.append(
            f"| `{column.name}` | {kind} | {_cell(column.description)} | {_cell(_constraints(column))} "
            f"| `{_cell(column.example)}` |"
        )
    for column in declared.columns:
        if column.vocabulary is not None:
            lines += [
                "",
                f"Allowed values of `{column.name}` ({_cell(column.vocabulary.description)}):",
                "",
                "| value | meaning |",
                "|---|---|",
            ]
            lines += [f"| `{code}` | {_cell(meaning)} |" for code, meaning in column.vocabulary.values]
    return [*lines, ""]


def data_dictionary() -> str:
    lines = [
        "# Data dictionary",
        "",
        f"syria-strikes {__version__}. Generated from `syria_strikes/metadata.py` by "
        "`python -m syria_strikes generate`; do not edit by hand.",
        "",
        "Types are those of the CSV files and the Frictionless descriptor. In the loader, enums are "
        "categoricals with every declared value, integers are nullable `Int64`, dates are real dates and "
        "lists are lists. An empty CSV cell means missing.",
        "",
    ]
    for declared in TABLES:
        lines += _table_section(declared)
    return "\n".join(lines)
