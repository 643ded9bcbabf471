"""`syria-strikes diff OLD NEW`: what changed between two data folders or two releases.

Both hold one ``<table>.csv`` per table (a release carries the validated CSV files byte for
byte), so one comparison serves both: rows matched on the table's primary key, added, removed,
or changed in named columns, and vocabulary codes that NEW uses or declares and OLD did not.
A table missing on one side counts as empty there, so a release older than a table still compares.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from syria_strikes.errors import InputError
from syria_strikes.metadata import TABLES, Table
from syria_strikes.seedfiles import read_rows

LISTED = 50
DESCRIPTOR = "datapackage.json"


@dataclass
class TableDiff:
    name: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.columns_added or self.columns_removed)


@dataclass
class DatasetDiff:
    old: str
    new: str
    tables: list[TableDiff]
    vocabulary_added: dict[str, list[str]]

    @property
    def empty(self) -> bool:
        return all(table.empty for table in self.tables) and not self.vocabulary_added


def diff(old: Path, new: Path) -> DatasetDiff:
    old_folder, new_folder = _tables_folder(old), _tables_folder(new)
    tables = []
    vocabulary: dict[str, list[str]] = {}
    for declared in TABLES:
        old_header, old_rows = _rows(old_folder, declared)
        new_header, new_rows = _rows(new_folder, declared)
        tables.append(_table_diff(declared, old_header, old_rows, new_header, new_rows))
        for column in declared.columns:
            if column.vocabulary is None:
                continue
            used = {row.get(column.name, "") for row in old_rows.values()}
            fresh = sorted({row.get(column.name, "") for row in new_rows.values()} - used - {""})
            if fresh:
                vocabulary[f"{declared.name}.{column.name}"] = fresh
    for name, codes in _declared_codes_added(old_folder, new_folder).items():
        vocabulary[name] = sorted(set(vocabulary.get(name, [])) | set(codes))
    return DatasetDiff(str(old), str(new), tables, dict(sorted(vocabulary.items())))


def _tables_folder(path: Path) -> Path:
    """The folder holding the CSV tables: the folder itself (data/ or a release), or its data/."""
    if not path.exists():
        raise InputError(f"{path}: no such folder")
    if not path.is_dir():
        raise InputError(f"{path}: is not a folder; give a data folder or a release folder")
    for folder in (path, path / "data"):
        if any((folder / f"{declared.name}.csv").is_file() for declared in TABLES):
            return folder
    raise InputError(f"{path}: holds none of the tables ({', '.join(t.name + '.csv' for t in TABLES)})")


def _rows(folder: Path, declared: Table) -> tuple[list[str], dict[str, dict[str, str]]]:
    path = folder / f"{declared.name}.csv"
    if not path.is_file():
        return [], {}
    header, rows = read_rows(path, folder)
    if declared.primary_key not in header:
        raise InputError(f"{path}: has no column {declared.primary_key}, the table's primary key")
    keyed: dict[str, dict[str, str]] = {}
    for row in rows:
        key = row[declared.primary_key]
        if key in keyed:
            raise InputError(f"{path}: has {declared.primary_key} {key!r} twice; run `syria-strikes validate`")
        keyed[key] = row
    return header, keyed


def _table_diff(
    declared: Table,
    old_header: list[str],
    old_rows: dict[str, dict[str, str]],
    new_header: list[str],
    new_rows: dict[str, dict[str, str]],
) -> TableDiff:
    result = TableDiff(declared.name)
    if old_header and new_header:
        result.columns_added = [name for name in new_header if name not in old_header]
        result.columns_removed = [name for name in old_header if name not in new_header]
    common = [name for name in new_header if name in old_header]
    result.added = [key for key in new_rows if key not in old_rows]
    result.removed = [key for key in old_rows if key not in new_rows]
    for key, row in new_rows.items():
        if key in old_rows:
            columns = [name for name in common if row.get(name) != old_rows[key].get(name)]
            if columns:
                result.changed.append((key, columns))
    return result


def _declared_codes_added(old_folder: Path, new_folder: Path) -> dict[str, list[str]]:
    """Enum codes NEW's descriptor declares and OLD's does not, when both folders have one."""
    old_enums, new_enums = _enums(old_folder), _enums(new_folder)
    if old_enums is None or new_enums is None:
        return {}
    return {
        name: sorted(set(codes) - set(old_enums.get(name, [])))
        for name, codes in new_enums.items()
        if set(codes) - set(old_enums.get(name, []))
    }


def _enums(folder: Path) -> dict[str, list[str]] | None:
    for path in (folder / DESCRIPTOR, folder.parent / DESCRIPTOR):
        if path.is_file():
            try:
                descriptor = json.loads(path.read_text(encoding="utf-8"))
                return {
                    f"{resource['name']}.{field_['name']}": list(field_["constraints"]["enum"])
                    for resource in descriptor.get("resources", [])
                    if resource.get("type", "table") == "table" and "schema" in resource
                    for field_ in resource["schema"].get("fields", [])
                    if "enum" in field_.get("constraints", {})
                }
            except (ValueError, KeyError, TypeError, AttributeError):
                raise InputError(f"{path}: is not a readable data package descriptor") from None
    return None


def render_json(result: DatasetDiff) -> str:
    return json.dumps(
        {
            "old": result.old,
            "new": result.new,
            "identical": result.empty,
            "tables": {
                table.name: {
                    "added": table.added,
                    "removed": table.removed,
                    "changed": [{"key": key, "columns": columns} for key, columns in table.changed],
                    "columns_added": table.columns_added,
                    "columns_removed": table.columns_removed,
                }
                for table in result.tables
            },
            "vocabulary_added": result.vocabulary_added,
        },
        ensure_ascii=True,
        indent=2,
    )


def render_text(result: DatasetDiff) -> str:
    if result.empty:
        return f"no differences: {result.old} and {result.new} have the same rows in every table"
    lines = []
    for table in result.tables:
        if table.empty:
            continue
        lines.append(f"{table.name}: {_counts(table)}")
        lines += [f"  + column {name}" for name in table.columns_added]
        lines += [f"  - column {name}" for name in table.columns_removed]
        lines += _capped([f"  + {key}" for key in table.added], "  ")
        lines += _capped([f"  - {key}" for key in table.removed], "  ")
        lines += _capped([f"  ~ {key}: {', '.join(columns)}" for key, columns in table.changed], "  ")
    for name, codes in result.vocabulary_added.items():
        lines.append(f"vocabulary {name}: + {', '.join(codes)}")
    return "\n".join(lines)


def render_markdown(result: DatasetDiff) -> str:
    """The body of a CHANGELOG section: one bullet per changed table, then new vocabulary values."""
    if result.empty:
        return "- No data changes.\n"
    lines = []
    for table in result.tables:
        if table.empty:
            continue
        lines.append(f"- `{table.name}`: {_counts(table)}.")
        if table.columns_added:
            lines.append(f"  - columns added: {_codes(table.columns_added)}")
        if table.columns_removed:
            lines.append(f"  - columns removed: {_codes(table.columns_removed)}")
        if table.added:
            lines.append(f"  - added: {_codes(table.added)}")
        if table.removed:
            lines.append(f"  - removed: {_codes(table.removed)}")
        if table.changed:
            shown = [f"`{key}` ({', '.join(columns)})" for key, columns in table.changed[:LISTED]]
            lines.append(f"  - changed: {', '.join(shown)}{_more(len(table.changed))}")
    for name, codes in result.vocabulary_added.items():
        lines.append(f"- Vocabulary `{name}`: added {_codes(codes)}.")
    return "\n".join(lines) + "\n"


def _counts(table: TableDiff) -> str:
    return f"{len(table.added)} added, {len(table.removed)} removed, {len(table.changed)} changed"


def _codes(values: list[str]) -> str:
    return ", ".join(f"`{value}`" for value in values[:LISTED]) + _more(len(values))


def _more(count: int) -> str:
    return f" and {count - LISTED} more" if count > LISTED else ""


def _capped(lines: list[str], indent: str) -> list[str]:
    return lines[:LISTED] + ([f"{indent}... and {len(lines) - LISTED} more"] if len(lines) > LISTED else [])
