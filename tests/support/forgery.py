"""A release put together by hand: a file changed and its checksum recorded again, as a forger would."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def record_checksum(release: Path, path: Path) -> None:
    """Record the file's bytes and checksum in the release's descriptor, as a forger would."""
    descriptor_path = release / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["path"] == path.name)
    resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    resource["bytes"] = path.stat().st_size
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
