"""A writable copy of the real dataset, and the CLI run in-process, for tests and the mutation suite."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from syria_strikes.cli import main

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Dataset:
    """A writable copy of data/, seeds/ and datapackage.json."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def path(self, table: str) -> Path:
        return self.data_dir / f"{table}.csv"

    def rows(self, table: str) -> list[dict[str, str]]:
        with self.path(table).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def write_rows(self, table: str, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
        if header is None:
            with self.path(table).open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))
        with self.path(table).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def set_cell(self, table: str, index: int, column: str, value: str) -> int:
        """Change one cell; returns the line number of the row in the file."""
        rows = self.rows(table)
        rows[index][column] = value
        self.write_rows(table, rows)
        return index + 2

    def find(self, table: str, **conditions: object) -> int:
        """Index of the first row matching every condition: a value, or a predicate on the cell."""
        for index, row in enumerate(self.rows(table)):
            if all(test(row[column]) if callable(test) else row[column] == test for column, test in conditions.items()):
                return index
        raise LookupError(f"no row of {table} matches {conditions}")

    def raw(self, table: str) -> bytes:
        return self.path(table).read_bytes()

    def write_raw(self, table: str, content: bytes) -> None:
        self.path(table).write_bytes(content)

    def seed(self, name_prefix: str) -> Path:
        return next((self.root / "seeds").glob(f"{name_prefix}*"))

    def validate(self) -> tuple[int, list[dict[str, Any]]]:
        """The exit code and the rejections; the warnings are left out (see ``report``)."""
        code, report = self.report()
        return code, report["problems"]

    def report(self, *, cold: bool = False) -> tuple[int, dict[str, Any]]:
        """The exit code and the whole JSON report: rejections and warnings. ``cold`` runs every
        rule again (``--no-cache``) instead of reusing what an earlier run remembered."""
        no_cache = ["--no-cache"] if cold else []
        code, output = run_cli(["validate", "--data-dir", str(self.data_dir), "--format", "json", *no_cache])
        return code, json.loads(output)


def shown(path: Path) -> str:
    """How messages name a file the user gave: as given, or relative to the current folder when
    that is shorter (a clone beside the temporary folder makes it so)."""
    return min([str(path), os.path.relpath(path)], key=len)


def run_cli(argv: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, buffer.getvalue()


def file_contents(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by its relative path, with its bytes: compared before and after a
    command, it shows whether the command changed, added or removed anything there."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def copy_dataset(target: Path) -> Dataset:
    target.mkdir(parents=True)
    shutil.copytree(REPO / "data", target / "data")
    shutil.copytree(REPO / "seeds", target / "seeds")
    shutil.copy(REPO / "datapackage.json", target / "datapackage.json")
    return Dataset(target)


def add_repository_files(dataset: Dataset) -> Dataset:
    """The citation and licences beside data/ and seeds/, as in a clone: the bundle and the site
    zip them with the data. ``copy_dataset`` leaves them out, so that their absence stays testable."""
    for name in ("CITATION.cff", "LICENSE", "LICENSE-DATA"):
        shutil.copy(REPO / name, dataset.root / name)
    return dataset


def link_cache(cache: Path, target: Path) -> None:
    """A validation cache's entries linked, not copied: an entry is trusted only in the file it was
    written to, and a run replaces an entry by renaming a new file over it, never by writing into it."""
    shutil.copytree(cache, target, copy_function=os.link)
