"""`syria-strikes diff OLD NEW`: what changed between two data folders or two releases.

Both hold one ``<table>.csv`` per table (a release carries the validated CSV files byte for
byte), so one comparison serves both: rows matched on the table's primary key, added, removed,
or changed in named columns, and vocabulary codes that NEW uses or declares and OLD neither used
nor declared.
A release is verified against its checksums first, as ``syria-strikes info`` verifies it. A table
present on one side must be a regular file on the other, unless that side's datapackage.json
predates the table (its rows then count as added or removed) or neither side has it; the
output says which.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from syria_strikes.errors import InputError, ReleaseError
from syria_strikes.files import DESCRIPTOR
from syria_strikes.jsonfile import JsonRefused, parse_object
from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES, TABLES, Table
from syria_strikes.rebuilds import once_more_if_rebuilt
from syria_strikes.safefiles import read_file
from syria_strikes.seedfiles import parse_rows, read_rows
from syria_strikes.terminal import escape

LISTED = 50


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
    notes: list[str] = field(default_factory=list)  # tables one side predates, or neither side has

    @property
    def empty(self) -> bool:
        return all(table.empty for table in self.tables) and not self.vocabulary_added


@dataclass(frozen=True)
class Side:
    """One side of the comparison: the path as given, the folder of its tables, and the tables its
    datapackage.json declares (None when it has none)."""

    given: Path
    folder: Path
    descriptor: dict[str, Any] | None
    descriptor_path: Path | None
    release: bool = False  # a release: its tables are read as verified against the descriptor

    @property
    def declared_tables(self) -> set[str] | None:
        if self.descriptor is None:
            return None
        resources = self.descriptor.get("resources")
        listed = resources if isinstance(resources, list) else []
        return {str(resource.get("name")) for resource in listed if isinstance(resource, dict)}


def diff(old: Path, new: Path) -> DatasetDiff:
    """Compare two data folders or releases; raises InputError (bad folder or table) or ReleaseError
    (a release that does not match its checksums), each naming the file. A release's files are read
    twice (verified, then compared): one that fails while a side's descriptor changed in between was
    replaced by a build, not damaged, and the comparison runs once more (syria_strikes/rebuilds.py)."""
    return once_more_if_rebuilt(lambda: [_release_descriptor(path) for path in (old, new)], lambda _: _diff(old, new))


def _release_descriptor(path: Path) -> dict[str, Any] | None:
    """The descriptor of the release ``path`` names, or None: a dataset, or no readable release."""
    from syria_strikes.loader import release_descriptor

    try:
        folder = _tables_folder(path)
        return release_descriptor(folder) if os.path.lexists(folder / DESCRIPTOR) else None
    except (InputError, ReleaseError, OSError):
        return None


def _diff(old: Path, new: Path) -> DatasetDiff:
    old_side, new_side = _side(old), _side(new)
    tables = []
    notes: list[str] = []
    vocabulary: dict[str, list[str]] = {}
    # A code OLD declared is no new vocabulary when NEW's rows first use it (a first 'boilerplate' row):
    # only a code OLD neither used nor declared is one, as the changelog's rules for a version count it.
    old_declared = _enums(old_side.descriptor, old_side.descriptor_path) if old_side.descriptor is not None else {}
    for declared in TABLES:
        if not _comparable(declared, old_side, new_side, notes):
            continue
        old_header, old_rows = _rows(old_side, declared)
        new_header, new_rows = _rows(new_side, declared)
        tables.append(_table_diff(declared, old_header, old_rows, new_header, new_rows))
        for column in declared.columns:
            if column.vocabulary is None:
                continue
            known = {row.get(column.name, "") for row in old_rows.values()}
            known |= set(old_declared.get(f"{declared.name}.{column.name}", []))
            fresh = sorted({row.get(column.name, "") for row in new_rows.values()} - known - {""})
            if fresh:
                vocabulary[f"{declared.name}.{column.name}"] = fresh
    for name, codes in _declared_codes_added(old_side, new_side).items():
        vocabulary[name] = sorted(set(vocabulary.get(name, [])) | set(codes))
    return DatasetDiff(str(old), str(new), tables, dict(sorted(vocabulary.items())), notes)


def _side(path: Path) -> Side:
    """The side's tables folder and descriptor: beside the tables in a release (verified first, every
    file, as ``info`` does), in the folder above them in a dataset."""
    folder = _tables_folder(path)
    if os.path.lexists(folder / DESCRIPTOR):
        from syria_strikes.info import release_info  # pandas and pyarrow: only for a release

        return Side(path, folder, release_info(folder).descriptor, folder / DESCRIPTOR, release=True)
    above = folder.resolve().parent
    if os.path.lexists(above / DESCRIPTOR):
        return Side(path, folder, _descriptor(above / DESCRIPTOR, above), above / DESCRIPTOR)
    return Side(path, folder, None, None)


def _descriptor(path: Path, folder: Path) -> dict[str, Any]:
    try:
        return parse_object(read_file(path, folder, most=DESCRIPTOR_MOST_BYTES)[0])
    except (OSError, JsonRefused) as error:  # FileRefused is an OSError
        raise InputError(f"{path}: is not a readable data package descriptor ({error})") from None


def _comparable(declared: Table, old: Side, new: Side, notes: list[str]) -> bool:
    """Whether both sides can be read for the table. A table on one side only is an error, unless the
    other side's descriptor predates it (then noted, and it compares as empty there); a table on
    neither side is noted and skipped. A name that stands but is no regular file is refused when read."""
    name = f"{declared.name}.csv"
    present = [os.path.lexists(side.folder / name) for side in (old, new)]
    if all(present):
        return True
    if not any(present):
        notes.append(f"{declared.name}: in neither {old.given} nor {new.given}")
        return False
    there, missing = (old, new) if present[0] else (new, old)
    declared_tables = missing.declared_tables
    if declared_tables is not None and declared.name not in declared_tables:
        rows = "added" if missing is old else "removed"
        notes.append(
            f"{declared.name}: not in {missing.given}, whose {DESCRIPTOR} predates the table; its rows count as {rows}"
        )
        return True
    raise InputError(
        f"{missing.folder / name}: no such file, but {there.folder / name} exists: compare folders that both "
        f"hold the table, or a {DESCRIPTOR} that predates it"
    )


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


def _rows(side: Side, declared: Table) -> tuple[list[str], dict[str, dict[str, str]]]:
    path = side.folder / f"{declared.name}.csv"
    if not os.path.lexists(path):  # a side that predates the table (``_comparable``)
        return [], {}
    if side.release and side.descriptor is not None:
        from syria_strikes.loader import verify  # the very bytes compared match the release's checksum

        header, rows = parse_rows(path, verify(path, side.descriptor))
    else:
        header, rows = read_rows(path, side.folder)
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


def _declared_codes_added(old: Side, new: Side) -> dict[str, list[str]]:
    """Enum codes NEW's descriptor declares and OLD's does not, when both sides have one."""
    if old.descriptor is None or new.descriptor is None:
        return {}
    old_enums, new_enums = _enums(old.descriptor, old.descriptor_path), _enums(new.descriptor, new.descriptor_path)
    return {
        name: sorted(set(codes) - set(old_enums.get(name, [])))
        for name, codes in new_enums.items()
        if set(codes) - set(old_enums.get(name, []))
    }


def _enums(descriptor: dict[str, Any], path: Path | None) -> dict[str, list[str]]:
    """The declared codes by ``table.column``; a code that is not text (a descriptor edited by hand)
    could be neither compared with the cells nor sorted, so the descriptor is refused."""
    try:
        enums = {
            f"{resource['name']}.{field_['name']}": list(field_["constraints"]["enum"])
            for resource in descriptor.get("resources", [])
            if resource.get("type", "table") == "table" and "schema" in resource
            for field_ in resource["schema"].get("fields", [])
            if "enum" in field_.get("constraints", {})
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        enums = None
    if enums is None or not all(isinstance(code, str) for codes in enums.values() for code in codes):
        raise InputError(f"{path}: is not a readable data package descriptor")
    return enums


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
            "notes": result.notes,
        },
        ensure_ascii=True,
        indent=2,
    )


def render_text(result: DatasetDiff) -> str:
    notes = [f"note: {note}" for note in result.notes]
    if result.empty:
        return _lines([*notes, f"no differences: {result.old} and {result.new} have the same rows in every table"])
    lines = notes
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
    return _lines(lines)


def _lines(lines: list[str]) -> str:
    """One report line each: a key, column or path is data, and a line break in it is escaped, not a
    new line of the report (or of the CHANGELOG section the markdown becomes)."""
    return "\n".join(escape(line) for line in lines)


def render_markdown(result: DatasetDiff) -> str:
    """The body of a CHANGELOG section: one bullet per changed table, then new vocabulary values."""
    notes = [f"- Note: {note}." for note in result.notes]
    if result.empty:
        return _lines([*notes, "- No data changes."]) + "\n"
    lines = notes
    for table in result.tables:
        if table.empty:
            continue
        lines.append(f"- {code_span(table.name)}: {_counts(table)}.")
        if table.columns_added:
            lines.append(f"  - columns added: {_codes(table.columns_added)}")
        if table.columns_removed:
            lines.append(f"  - columns removed: {_codes(table.columns_removed)}")
        if table.added:
            lines.append(f"  - added: {_codes(table.added)}")
        if table.removed:
            lines.append(f"  - removed: {_codes(table.removed)}")
        if table.changed:
            shown = [
                f"{code_span(key)} ({', '.join(code_span(column) for column in columns)})"
                for key, columns in table.changed[:LISTED]
            ]
            lines.append(f"  - changed: {', '.join(shown)}{_more(len(table.changed))}")
    for name, codes in result.vocabulary_added.items():
        lines.append(f"- Vocabulary {code_span(name)}: added {_codes(codes)}.")
    return _lines(lines) + "\n"


def _counts(table: TableDiff) -> str:
    return f"{len(table.added)} added, {len(table.removed)} removed, {len(table.changed)} changed"


def _codes(values: list[str]) -> str:
    return ", ".join(code_span(value) for value in values[:LISTED]) + _more(len(values))


def code_span(value: str) -> str:
    """``value`` as Markdown code, fenced by more backticks than it holds in a row: an ID holding a
    backtick closed a one-backtick span, and what followed it ('<b>x</b>') was read as HTML."""
    runs = [len(run) for run in re.findall(r"`+", value)]
    fence = "`" * (max(runs, default=0) + 1)
    padded = f" {value} " if value.startswith("`") or value.endswith("`") else value  # one space each side is dropped
    return f"{fence}{padded}{fence}"


def _more(count: int) -> str:
    return f" and {count - LISTED} more" if count > LISTED else ""


def _capped(lines: list[str], indent: str) -> list[str]:
    return lines[:LISTED] + ([f"{indent}... and {len(lines) - LISTED} more"] if len(lines) > LISTED else [])
