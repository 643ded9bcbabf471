"""Files generated from the metadata source, and the check that they are current.

Each file is written to a temporary name beside it and renamed over the old one, so a full disk
leaves the old file whole. Before anything is read or written, every generated file's folder must
resolve inside the dataset folder and no generated file may be a link or a folder; otherwise the command is
refused whole: generating never reads or writes outside the dataset folder, nor replaces a link
someone put there.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from pathlib import Path

from syria_strikes.datapackage import package_descriptor, table_schema
from syria_strikes.dictionary import data_dictionary
from syria_strikes.errors import InputError
from syria_strikes.files import DESCRIPTOR, to_json, write_all_atomically
from syria_strikes.leftovers import remove_leftovers
from syria_strikes.metadata import CROSSWALK, CROSSWALK_COLUMNS, TABLES
from syria_strikes.policy import data_policy
from syria_strikes.safefiles import folders_made
from syria_strikes.sqlite import schema_sql


def generated_files() -> dict[str, str]:
    """Relative path -> exact content of every generated file."""
    files = {DESCRIPTOR: to_json(package_descriptor())}
    for table in TABLES:
        files[f"schemas/{table.name}.schema.json"] = to_json(table_schema(table))
    files["schemas/sqlite.sql"] = schema_sql()
    files["docs/data-dictionary.md"] = data_dictionary()
    files["docs/crosswalk.csv"] = crosswalk_csv()
    files["docs/data-policy.md"] = data_policy()
    return files


def is_dataset_root(root: Path) -> bool:
    """Whether ``root`` is a dataset folder, where generated files belong: data/, holding every table's
    file (another project may well have a data/ and a seeds/, and its own datapackage.json and docs/),
    beside seeds/."""
    tables = all(os.path.lexists(root / "data" / table.file_name) for table in TABLES)
    return (root / "data").is_dir() and (root / "seeds").is_dir() and tables


def crosswalk_csv() -> str:
    """The event_type crosswalk to ACLED and UCDP GED, in the canonical CSV form of data/."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CROSSWALK_COLUMNS)
    writer.writerows([getattr(row, name) for name in CROSSWALK_COLUMNS] for row in CROSSWALK)
    return buffer.getvalue()


def check_targets(root: Path, files: dict[str, str] | None = None) -> None:
    """InputError, naming the first generated file that is a link or a folder, or whose folder leads
    outside ``root``."""
    home = root.resolve()
    for name in generated_files() if files is None else files:
        target = root / name
        if target.is_symlink():
            raise InputError(
                f"{target} is a symbolic link, and generate writes only regular files of the dataset; "
                "replace the link with a file or remove it; nothing was written"
            )
        if target.is_dir():  # a rename cannot replace a folder: the run would stop half way
            raise InputError(
                f"{target} is a folder, and generate writes a file of that name; move the folder away; "
                "nothing was written"
            )
        above = next((parent for parent in target.relative_to(root).parents if (root / parent).is_file()), None)
        if above is not None:  # the file could not be written into it: the run would stop half way
            raise InputError(
                f"{root / above} is a file, and generate writes {name} into a folder of that name; move the "
                "file away; nothing was written"
            )
        try:
            folder = target.parent.resolve()
        except (OSError, RuntimeError) as error:  # a loop of links
            raise InputError(f"{target.parent} cannot be followed ({error}); nothing was written") from None
        if folder != home and not folder.is_relative_to(home):
            raise InputError(
                f"{target.parent} leads outside the dataset folder {root}, and generate writes only inside it; "
                "replace the link with a folder; nothing was written"
            )


def stale_files(root: Path, files: dict[str, str] | None = None) -> list[str]:
    """The generated files (``files``, worked out once by the caller, or now) whose copy in ``root`` differs."""
    files = generated_files() if files is None else files
    check_targets(root, files)
    return [path for path, content in files.items() if _current(root / path, len(content.encode())) != content.encode()]


def _current(path: Path, size: int) -> bytes | None:
    """The file's bytes, or None when it is missing, not a regular file, unreadable, or not of the
    ``size`` it must have (stale unread: a sparse file of many gigabytes would not fit in memory)."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_bytes() if path.stat().st_size == size else None
    except OSError:
        return None


def write_generated(root: Path) -> list[str]:
    """Rewrite the stale generated files with the very contents they were found stale against."""
    files = generated_files()
    written = stale_files(root, files)  # every folder written to checked to stay inside root
    for folder in dict.fromkeys((root / path).parent for path in files):
        remove_leftovers(folder)  # a generate killed before its renames left its temporary files there
    with contextlib.ExitStack() as undone_on_failure:  # a failed generate leaves no folder it made
        for folder in dict.fromkeys((root / path).parent for path in written):
            undone_on_failure.enter_context(folders_made(folder))
        # Every file is written beside its target before any replaces it: a full disk half way leaves
        # the descriptor, the schemas and the docs all as they were, never some of them regenerated.
        write_all_atomically([(root / path, files[path].encode(), None) for path in written])
    return written
