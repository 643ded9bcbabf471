"""The files of a dataset folder, read once and safely, as the exact bytes the checks judge.

Each table's file is read here, through ``safefiles``, so a link out of the dataset, a FIFO, a
device or an unreadable file becomes a problem instead of a leak, a hang or a traceback, and the
bytes read are the ones validated and, by ``build``, published. Stray copies of a table beside
the real files are reported, since edits made in them would never be checked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from syria_strikes.files import DESCRIPTOR
from syria_strikes.jsonfile import JsonRefused, parse_object
from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES
from syria_strikes.paths import tables_home
from syria_strikes.problems import Problem, problem
from syria_strikes.safefiles import FileRefused, FileTooLarge, list_folder, read_file


def read_data_file(data_dir: Path, table_name: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of ``data/<table>.csv``, or None and the problem that says why not. The dataset
    folder is the one that holds the real data folder, so a data folder that is itself a link works."""
    return read_table_file(data_dir / f"{table_name}.csv", table_name, tables_home(data_dir))


def read_table_file(path: Path, table_name: str, folder: Path) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a table's file inside ``folder``, or None and the problem: missing, refused."""
    try:
        return read_file(path, folder)[0], []
    except FileNotFoundError:
        return None, [problem("file_present", table_name, None, None, None, file=path.name)]
    except FileRefused as refused:
        return None, [problem(refused.rule, table_name, None, None, None, what="the file", reason=refused.words)]
    except MemoryError:  # a sparse file of many gigabytes costs its author nothing
        return None, [problem("file_readable", table_name, None, None, None, what="the file", size=_size_of(path))]


def _size_of(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def stray_files(data_dir: Path, table_names: list[str]) -> list[Problem]:
    """Every entry of data/ that looks like a copy of a table: any other '.csv' (whatever its case
    or trailing spaces), any name holding a table's name, such as 'claims.csv.bak', 'claims.tsv' or
    'claims (1).csv', and any folder or link but a table's own file. Hidden files and folders (an
    editor's lock or swap file) are left alone."""
    declared = {f"{name}.csv" for name in table_names}
    try:
        entries = list_folder(data_dir)
    except FileNotFoundError:
        return []
    except FileRefused as refused:
        return [problem(refused.rule, "data/", None, None, None, what="the folder", reason=refused.words)]
    return [
        problem("file_declared", f"data/{entry.name}", None, None, entry.name, tables=declared, kind=kind)
        for entry, kind in ((entry, _kind(entry)) for entry in entries)
        if entry.name not in declared
        and not entry.name.startswith(".")
        and (kind is not None or _looks_like_a_table(entry.name, table_names))
    ]


def _kind(entry: os.DirEntry[str]) -> str | None:
    """'a folder' or 'a link' for an entry of data/ that may hold or lead to copies of tables, edited
    where validation never looks ('data/old/claims.csv'): reported whatever it holds or leads to, so
    nothing inside or beyond it is read; None for a file."""
    try:
        if entry.is_symlink():
            return "a link"
        return "a folder" if entry.is_dir(follow_symlinks=False) else None
    except OSError:
        return None


def _looks_like_a_table(name: str, table_names: list[str]) -> bool:
    folded = name.casefold().strip()
    return folded.endswith(".csv") or any(table in folded for table in table_names)


def read_descriptor(root: Path) -> tuple[dict[str, Any] | None, Problem | None]:
    """The dataset's datapackage.json as an object; None and no problem when it is missing, None
    and a problem when it is not a regular readable file inside the dataset or not a JSON object."""
    try:
        data = read_file(root / DESCRIPTOR, root, most=DESCRIPTOR_MOST_BYTES)[0]
    except FileNotFoundError:
        return None, None
    except FileRefused as refused:
        return None, problem(refused.rule, DESCRIPTOR, None, None, None, what="the file", reason=refused.words)
    except FileTooLarge:
        too_large = f"it holds more than {DESCRIPTOR_MOST_BYTES} bytes, more than any descriptor; it is not read"
        return None, problem("descriptor_json", DESCRIPTOR, None, None, None, refused=too_large)
    try:
        return parse_object(data), None
    except JsonRefused as refused:
        return None, problem("descriptor_json", DESCRIPTOR, None, None, None, refused=str(refused))
