"""What a release holds, read from its own descriptor and Parquet footers: no table is loaded.

``release_info()`` answers "which data am I using?" for a script or a paper's methods section;
``syria-strikes info`` prints the same as a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from syria_strikes.loader import release_descriptor, release_dir
from syria_strikes.metadata import TABLE_NAMES


@dataclass(frozen=True)
class ReleaseInfo:
    """One release: ``version`` carries ``+local.<hash>`` when built from data other than the tagged data."""

    version: str
    build_date: str | None  # from SOURCE_DATE_EPOCH at build time; None when the build was not dated
    folder: Path
    rows: dict[str, int]  # table -> row count
    checksums: dict[str, str]  # file -> "sha256:<hex>"
    sizes: dict[str, int]  # file -> bytes

    def __str__(self) -> str:
        lines = [
            f"syria-strikes {self.version}",
            f"built: {self.build_date or 'not dated'}",
            f"release: {self.folder}",
            "",
            f"{'file':<26} {'rows':>9} {'bytes':>10}  sha256",
        ]
        for path, digest in self.checksums.items():
            rows = str(self.rows.get(path.rsplit(".", 1)[0], ""))
            lines.append(f"{path:<26} {rows:>9} {self.sizes[path]:>10}  {digest.removeprefix('sha256:')}")
        return "\n".join(lines)


def release_info(root: str | Path | None = None) -> ReleaseInfo:
    """Version, build date, row counts and checksums; e.g. ``release_info().rows["claims"]``."""
    folder = Path(root) if root is not None else release_dir()
    descriptor = release_descriptor(folder)
    resources = descriptor["resources"]
    return ReleaseInfo(
        version=descriptor["version"],
        build_date=descriptor.get("created"),
        folder=folder,
        rows={name: pq.read_metadata(folder / f"{name}.parquet").num_rows for name in TABLE_NAMES},
        checksums={resource["path"]: resource["hash"] for resource in resources},
        sizes={resource["path"]: resource["bytes"] for resource in resources},
    )
