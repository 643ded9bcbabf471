"""What the dataset holds, told from the metadata source: no data is read and nothing heavy imported."""

from __future__ import annotations

from typing import Any

from syria_strikes.metadata import CODED_PREDICATES, TABLE_NAMES, Column, table


class Description(str):
    """A ``str`` that IPython and Jupyter show as its lines: the last expression of a notebook cell is
    shown by its repr, which would print every line break as ``\\n``."""

    __slots__ = ()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def tables() -> tuple[str, ...]:
    """The names ``load`` accepts, in the order that respects their references; e.g. ``"claims" in tables()``."""
    return TABLE_NAMES


def describe(name: str, column: str | None = None) -> Description:
    """Plain-text documentation of a table, or of one of its columns; e.g. ``print(describe("claims", "stance"))``;
    a notebook shows it as text without the ``print``."""
    return Description(_described(name, column))


def _described(name: str, column: str | None) -> str:
    declared = table(name)
    if column is None:
        lines = [f"{declared.name}: {declared.description}", f"primary key: {declared.primary_key}", ""]
        lines += [f"  {c.name} ({_kind(c)}): {c.description}" for c in declared.columns]
        lists = [c.name for c in declared.columns if c.type == "list"]
        if lists:
            lines += ["", "lists:", *(f"  {name}: {_flatten_hint(declared.name, name)}" for name in lists)]
        return "\n".join(lines)
    described = declared.column(column)
    lines = [
        f"{declared.name}.{described.name} ({_kind(described)})",
        described.description,
        f"example: {described.example}",
    ]
    if described.references:
        lines.append(f"references: {described.references}")
    if described.pattern:
        lines.append(f"pattern: {described.pattern}")
    if described.type == "list":
        lines.append(f"a list in each cell: {_flatten_hint(declared.name, described.name)}")
    if described.vocabulary is not None:
        lines.append("allowed values:")
        lines += [f"  {code}: {meaning}" for code, meaning in described.vocabulary.values]
    if (declared.name, described.name) == ("claims", "value_code"):
        # The codes depend on the claim's predicate, so they are no vocabulary of the column itself.
        for predicate, vocabulary in CODED_PREDICATES.items():
            lines.append(f"allowed values when predicate is {predicate}:")
            lines += [f"  {code}: {meaning}" for code, meaning in vocabulary.values]
        lines.append("when predicate is place: an ISO 3166-1 alpha-3 country code, such as SYR")
    return "\n".join(lines)


def _flatten_hint(name: str, column: str) -> str:
    """How to get one row per list item, the usual first step with a list column: pandas cannot hash a
    list, so counting or deduplicating the column as it is loaded fails."""
    return (
        f'one row per item with load("{name}").explode("{column}") (a row without items keeps one missing '
        "value); count or deduplicate after exploding: pandas cannot hash a list"
    )


def _kind(column: Column) -> str:
    """The type as the data dictionary words it ('string, enum stance, required'): a coded column is
    a categorical in pandas, which 'string' alone would not lead a reader to expect."""
    enum = f", enum {column.vocabulary.name}" if column.vocabulary is not None else ""
    return f"{column.type}{enum}{', required' if column.required else ''}"
