"""`syria-strikes info`: what a release holds, read from its own descriptor and Parquet footers."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from syria_strikes.loader import release_descriptor, release_dir
from syria_strikes.metadata import TABLE_NAMES


def release_info(folder: Path | None = None) -> str:
    folder = folder or release_dir()
    descriptor = release_descriptor(folder)
    lines = [
        f"syria-strikes {descriptor['version']}",
        f"release: {folder}",
        "",
        f"{'file':<26} {'rows':>9} {'bytes':>10}  sha256",
    ]
    counts = {name: pq.read_metadata(folder / f"{name}.parquet").num_rows for name in TABLE_NAMES}
    for resource in descriptor["resources"]:
        rows = str(counts.get(resource["path"].rsplit(".", 1)[0], ""))
        digest = resource["hash"].removeprefix("sha256:")
        lines.append(f"{resource['path']:<26} {rows:>9} {resource['bytes']:>10}  {digest}")
    return "\n".join(lines)
