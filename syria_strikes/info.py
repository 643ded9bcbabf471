"""`syria-strikes info`: what a release holds, with every file verified against its checksum."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from syria_strikes.errors import ReleaseError
from syria_strikes.loader import release_descriptor, release_dir, verify
from syria_strikes.metadata import TABLE_NAMES


def release_info(folder: Path | None = None) -> dict[str, Any]:
    """Version, folder and each file's rows, bytes and sha256, every file verified first.

    Raises ReleaseError naming every damaged or missing file, not only the first one.
    """
    folder = folder or release_dir()
    descriptor = release_descriptor(folder)
    files = []
    damage = []
    for resource in descriptor["resources"]:
        try:
            data = verify(folder / resource["path"])
        except ReleaseError as error:
            damage.append(str(error))
            continue
        stem, _, extension = resource["path"].rpartition(".")
        rows = _rows(data) if extension == "parquet" and stem in TABLE_NAMES else None
        files.append(
            {"path": resource["path"], "rows": rows, "bytes": resource["bytes"], "sha256": resource["hash"][7:]}
        )
    if damage:
        raise ReleaseError("; ".join(damage))
    return {"name": "syria-strikes", "version": descriptor["version"], "release": str(folder), "files": files}


def _rows(data: bytes) -> int:
    try:
        return int(pq.read_metadata(pa.BufferReader(data)).num_rows)
    except (pa.ArrowException, OSError) as error:
        raise ReleaseError(f"a Parquet file of the release cannot be read ({error})") from None


def render_info(summary: dict[str, Any], output_format: str = "text") -> str:
    if output_format == "json":
        return json.dumps(summary, ensure_ascii=True, indent=2)
    lines = [
        f"syria-strikes {summary['version']}",
        f"release: {summary['release']}",
        "",
        f"{'file':<26} {'rows':>9} {'bytes':>10}  sha256",
    ]
    for file in summary["files"]:
        rows = "" if file["rows"] is None else str(file["rows"])
        lines.append(f"{file['path']:<26} {rows:>9} {file['bytes']:>10}  {file['sha256']}")
    return "\n".join(lines)
