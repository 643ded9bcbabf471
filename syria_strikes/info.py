"""What a release holds, with every file verified against its checksum: no table is loaded.

``release_info()`` answers "which data am I using?" for a script or a paper's methods section;
``syria-strikes info`` prints the same as a table or as JSON. Every file is checked against the
byte count and sha256 the release's descriptor records, so a damaged release is named, file by
file, instead of being described as if it were whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from syria_strikes.errors import ReleaseError
from syria_strikes.files import release_files
from syria_strikes.loader import across_rebuild, release_folder, remedy, verify, verify_in_blocks
from syria_strikes.metadata import TABLE_NAMES
from syria_strikes.terminal import escape
from syria_strikes.version import __version__


@dataclass(frozen=True)
class ReleaseInfo:
    """One release: ``version`` carries ``+local.<hash>`` when built from data other than the tagged data."""

    version: str
    build_date: str | None  # from SOURCE_DATE_EPOCH at build time; None when the build was not dated
    folder: Path
    rows: dict[str, int]  # table -> row count
    checksums: dict[str, str]  # file -> "sha256:<hex>"
    sizes: dict[str, int]  # file -> bytes
    # The descriptor the files were verified against, parsed: a reader that needs more of it uses
    # this one, not a second read of a file that may have changed since.
    descriptor: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __str__(self) -> str:
        lines = [
            f"syria-strikes {self.version}",
            f"built: {self.build_date or 'not dated'}",
            f"release: {self.folder}",
            "",
            f"{'file':<26} {'rows':>9} {'bytes':>10}  sha256",
        ]
        for path, digest in self.checksums.items():
            rows = self.rows_in(path)
            shown = "" if rows is None else str(rows)
            lines.append(f"{path:<26} {shown:>9} {self.sizes[path]:>10}  {digest.removeprefix('sha256:')}")
        return "\n".join(escape(line) for line in lines)  # a line break in a file name is no line of its own

    def rows_in(self, path: str) -> int | None:
        """The rows of a table's CSV or Parquet file (the two hold the same rows); None for any
        other file, whose records are not a table's rows (the GeoJSON leaves out unplaced events)."""
        stem, _, extension = path.rpartition(".")
        return self.rows.get(stem) if extension in ("csv", "parquet") else None

    def to_dict(self) -> dict[str, Any]:
        """The same facts as plain JSON types, for ``syria-strikes info --format json``."""
        files = [
            {
                "path": path,
                "rows": self.rows_in(path),
                "bytes": self.sizes[path],
                "sha256": digest.removeprefix("sha256:"),
            }
            for path, digest in self.checksums.items()
        ]
        return {
            "name": "syria-strikes",
            "version": self.version,
            "built": self.build_date,
            "release": str(self.folder),
            "files": files,
        }


def release_info(root: str | Path | None = None) -> ReleaseInfo:
    """Version, build date, row counts and checksums, every file verified first.

    e.g. ``release_info().rows["claims"]``. Raises ReleaseError naming every damaged or missing file.
    """
    folder = release_folder(root)
    return across_rebuild(folder, lambda descriptor: verified_info(folder, descriptor))


def verified_info(folder: Path, descriptor: dict[str, Any]) -> ReleaseInfo:
    """``release_info`` of ``folder`` against one reading of its descriptor (``loader.across_rebuild``)."""
    resources = descriptor["resources"]
    rows: dict[str, int] = {}
    damage = _left_out(folder, descriptor)
    for resource in resources:
        stem, _, extension = resource["path"].rpartition(".")
        counted = extension == "parquet" and stem in TABLE_NAMES
        try:  # only the files whose rows are counted are held whole: any other is hashed as it is read
            if counted:
                rows[stem] = _rows(verify(folder / resource["path"], descriptor), resource["path"])
            else:
                verify_in_blocks(folder / resource["path"], descriptor)
        except ReleaseError as error:
            damage.append(str(error))
    if damage:
        raise ReleaseError("; ".join(damage))
    return ReleaseInfo(
        version=descriptor["version"],
        build_date=descriptor.get("created"),
        folder=folder,
        rows={name: rows[name] for name in TABLE_NAMES if name in rows},
        checksums={resource["path"]: resource["hash"] for resource in resources},
        sizes={resource["path"]: resource["bytes"] for resource in resources},
        descriptor=descriptor,
    )


def _left_out(folder: Path, descriptor: dict[str, Any]) -> list[str]:
    """The files every build of this package's version writes that its release's descriptor does not
    list, each in words: a table left out with its files is no smaller release but a damaged one.
    Which files another version's build writes is not known here (a release may predate a table)."""
    version = descriptor["version"]
    if version.partition("+")[0] != __version__:
        return []
    listed = {resource["path"] for resource in descriptor["resources"]}
    return [
        f"the release at {folder} lists no {name}, which every build of {version} writes; {remedy(folder)}"
        for name in release_files()
        if name not in listed
    ]


def _rows(data: bytes, name: str) -> int:
    try:
        return int(pq.read_metadata(pa.BufferReader(data)).num_rows)
    # A column name that is not UTF-8 fails in pyarrow's Python as UnicodeDecodeError, a ValueError.
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ReleaseError(f"{name} of the release cannot be read as Parquet ({error})") from None


def render_info(info: ReleaseInfo, output_format: str = "text", disagreements: list[str] | None = None) -> str:
    """The release described; with ``disagreements`` (a deep look was taken), whether its forms agree."""
    if output_format == "json":
        record = info.to_dict()
        if disagreements is not None:
            record["forms_agree"] = not disagreements
            record["disagreements"] = disagreements
        return json.dumps(record, ensure_ascii=True, indent=2)
    if disagreements is None:
        return str(info)
    verdict = (
        f"{len(disagreements)} difference(s) between the forms of its tables (below)"
        if disagreements
        else (
            "The CSV, Parquet and SQLite forms of every table hold the same rows, and the files derived from "
            "them are those a build writes."
        )
    )
    return f"{info}\n{verdict}"
