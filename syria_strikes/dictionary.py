"""The data dictionary (docs/data-dictionary.md), rendered from the metadata source."""

from __future__ import annotations

import pyarrow as pa

from syria_strikes.column_types import ENUM, TYPE_TABLE, TypeForms
from syria_strikes.metadata import (
    CODED_PREDICATES,
    CROSSWALK,
    CROSSWALK_COLUMNS,
    LIST_DELIMITER,
    TABLES,
    Column,
    Table,
    Vocabulary,
)
from syria_strikes.version import __version__


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def column_constraints(column: Column) -> str:
    """A column's rules in words, as the data dictionary and the site's dictionary page both give them."""
    notes = []
    if column.required:
        notes.append("required")
    if column.unique:
        notes.append("unique")
    if column.references:
        notes.append(f"references `{column.references}`" + (" (each item)" if column.type == "list" else ""))
    if column.pattern:
        notes.append(f"pattern `{column.pattern}`")
    if column.standard is not None:
        what = "its first subtag" if column.standard.first_subtag else "a code"
        notes.append(f"{what} of {column.standard.name}")
    if column.minimum_text is not None:
        notes.append(f"minimum {column.minimum_text}")
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
        # The dictionary travels in the release zip too, where the tables sit at the top, not in data/.
        f"File `{declared.path}` in the repository, `{declared.file_name}` in a release and its zip; primary key "
        f"`{declared.primary_key}`.",
        "",
        "| column | type | description | constraints | example |",
        "|---|---|---|---|---|",
    ]
    for column in declared.columns:
        kind = f"{column.type} (enum `{column.vocabulary.name}`)" if column.vocabulary else column.type
        lines.append(
            f"| `{column.name}` | {kind} | {_cell(column.description)} | {_cell(column_constraints(column))} "
            f"| `{_cell(column.example)}` |"
        )
    for column in declared.columns:
        if column.vocabulary is not None:
            lines += _vocabulary_lines(f"`{column.name}`", column.vocabulary)
    if declared.name == "claims":
        for predicate, vocabulary in CODED_PREDICATES.items():
            lines += _vocabulary_lines(f"`value_code` when `predicate` is `{predicate}`", vocabulary)
    return [*lines, ""]


def _vocabulary_lines(what: str, vocabulary: Vocabulary) -> list[str]:
    lines = ["", f"Allowed values of {what} ({_cell(vocabulary.description)}):", "", "| value | meaning |", "|---|---|"]
    return lines + [f"| `{code}` | {_cell(meaning)} |" for code, meaning in vocabulary.values]


def _crosswalk_section() -> list[str]:
    lines = [
        "## Crosswalk to ACLED and UCDP GED",
        "",
        "How each `event_type` maps to ACLED's `event_type`/`sub_event_type` and UCDP GED's "
        "`type_of_violence` (1 state-based, 2 non-state, 3 one-sided), for merging. Also written as "
        "`docs/crosswalk.csv`. Each certainty is `exact` when the event type alone decides the code, "
        "`depends` when the claims must be read, `none` when the other dataset has no counterpart; an "
        "empty code means no single code applies.",
        "",
        "| " + " | ".join(CROSSWALK_COLUMNS) + " |",
        "|" + "---|" * len(CROSSWALK_COLUMNS),
    ]
    lines += ["| " + " | ".join(_cell(getattr(row, name)) for name in CROSSWALK_COLUMNS) + " |" for row in CROSSWALK]
    return [*lines, ""]


# What a reader of the tables meets everywhere, said once for the markdown dictionary and the site's page.
RECURRING_WORDS = (
    "Two words recur. A seed is an archived document, kept byte for byte in `seeds/` and described by a "
    "`sources` row of kind `archived_article` (seed 000 is `src-seed-000`); every claim quotes one verbatim. "
    "An offset counts the characters (Unicode code points) of a seed's file from 0 at its first "
    "character: a quote runs from its start offset up to, not including, its end offset."
)


def data_dictionary() -> str:
    lines = [
        "# Data dictionary",
        "",
        f"syria-strikes {__version__}. Generated from `syria_strikes/metadata.py` by "
        "`python -m syria_strikes generate`; do not edit by hand.",
        "",
        "Types in the tables below are those of the CSV files and the Frictionless descriptor; "
        "the next section says what each becomes in pandas, Arrow and SQLite. An empty CSV cell means missing.",
        "",
        RECURRING_WORDS,
        "",
        *_types_section(),
    ]
    for declared in TABLES:
        lines += _table_section(declared)
    lines += _crosswalk_section()
    return "\n".join(lines)


def _types_section() -> list[str]:
    """Each column type in each of its forms, read from the type table, so the prose cannot drift from the code."""
    lines = [
        "## Types in each form",
        "",
        '`load(name)` gives pandas; `load(name, backend="pyarrow")` and `backend="polars"` keep the Arrow types '
        "of the Parquet files (a `date32` is a polars `Date`, an enum a polars `Enum` of every declared value). "
        "SQLite holds codes and dates as text and lists "
        f"joined with `{LIST_DELIMITER}`.",
        "",
        "| type | CSV cell | pandas (`load`) | Arrow and Parquet | SQLite |",
        "|---|---|---|---|---|",
    ]
    kinds = [*TYPE_TABLE.items(), ("enum", ENUM)]
    lines += [
        f"| {name} | {_cell(_csv_words(name, forms))} | {_cell(forms.loader_words)} | `{_arrow_words(forms.arrow)}` "
        f"| {forms.sqlite} |"
        for name, forms in kinds
    ]
    return [*lines, ""]


def _csv_words(name: str, forms: TypeForms) -> str:
    if forms.csv_words:
        return forms.csv_words.removeprefix("is not ")
    return {"list": f"items separated by `{LIST_DELIMITER}`", "enum": "one of the declared codes"}.get(name, "text")


def _arrow_words(arrow: pa.DataType) -> str:
    """Arrow type names as stable words (pyarrow versions print list fields differently)."""
    if pa.types.is_list(arrow):
        return f"list<{arrow.value_type}>"
    if pa.types.is_dictionary(arrow):
        return f"dictionary<{arrow.index_type}, {arrow.value_type}>"
    return str(arrow)
