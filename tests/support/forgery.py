"""A release put together by hand: a file changed and its checksum recorded again, as a forger would."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support.dataset import Dataset


def record_checksum(release: Path, path: Path) -> None:
    """Record the file's bytes and checksum in the release's descriptor, as a forger would."""
    descriptor_path = release / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["path"] == path.name)
    resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    resource["bytes"] = path.stat().st_size
    if path.suffix == ".csv":  # tables other than the tagged ones are a local build's, as a build labels them
        descriptor["version"] = descriptor["version"].partition("+")[0] + "+local." + resource["hash"][7:19]
    descriptor_path.write_text(json.dumps(descriptor), encoding="utf-8")


def rewrite_parquet(release: Path, table: str, column: str, value: str, rows: slice = slice(None)) -> None:
    """Set ``column`` of the chosen rows of a release's Parquet table, and record the file's new
    checksum in its descriptor: a release put together by hand, whose files match its checksums."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = release / f"{table}.parquet"
    arrow = pq.read_table(path)
    index = arrow.schema.get_field_index(column)
    values = arrow.column(column).to_pylist()
    values[rows] = [value] * len(values[rows])
    arrow = arrow.set_column(index, arrow.schema.field(index), pa.array(values, type=arrow.schema.field(index).type))
    pq.write_table(arrow, path)
    record_checksum(release, path)


REBUILT_SUMMARY = "A summary only the rebuilt release holds."
REBUILT_NAME = "A name only the rebuilt release holds"


def rebuilt_while_read(release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Path]]:
    """A copy of ``release`` that a build replaces (in renames, as its swap does) by a release whose
    events all read REBUILT_SUMMARY and actors REBUILT_NAME, just before the loader first reads
    events.parquet: a reader then holds the old descriptor and meets the new file, and has read the
    old actors (they come first). Also the list that records the replacement."""
    old, new = tmp_path / "release", tmp_path / "new"
    shutil.copytree(release, old)
    shutil.copytree(release, new)
    rewrite_parquet(new, "events", "summary", REBUILT_SUMMARY)
    rewrite_parquet(new, "actors", "name", REBUILT_NAME)
    return old, replaced_at_read(monkeypatch, old, new)


def replaced_at_read(
    monkeypatch: pytest.MonkeyPatch, old: Path, new: Path, at: int = 1, name: str = "events.parquet"
) -> list[Path]:
    """Replace the release ``old`` by ``new`` (in renames, as a build's swap does) just before the
    loader reads (or hashes) the file ``name`` of ``old`` for the ``at``-th time; the list records the
    replacement."""
    from syria_strikes import loader
    from syria_strikes.safefiles import FileKey, hash_file, read_file

    reads: list[Path] = []
    replaced: list[Path] = []

    def rebuild_at(path: Path) -> None:
        if path.name == name and path.parent == old:
            reads.append(path)
            if len(reads) == at:
                replaced.append(old.rename(old.with_name(f"{old.name}-retired")))
                new.rename(old)

    def read_after(path: Path, folder: Path, **kwargs: Any) -> tuple[bytes, FileKey]:
        rebuild_at(path)
        return read_file(path, folder, **kwargs)

    def hashed_after(path: Path, folder: Path, **kwargs: Any) -> tuple[str, int, FileKey]:
        rebuild_at(path)
        return hash_file(path, folder, **kwargs)

    monkeypatch.setattr(loader, "read_file", read_after)
    monkeypatch.setattr(loader, "hash_file", hashed_after)
    return replaced


def rebuilt(dataset: Dataset, out: Path) -> Path:
    """A sound release built into ``out`` from ``dataset`` with a source's title and an event's summary
    changed: what a build replacing the session's release would put in its place."""
    from syria_strikes.build import build

    dataset.set_cell("sources", 0, "title", "A title only the rebuilt release holds")
    dataset.set_cell("events", 0, "summary", REBUILT_SUMMARY)
    assert build(dataset.data_dir, out) == []
    return out
