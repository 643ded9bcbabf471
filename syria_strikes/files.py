"""Names and file helpers shared by validation, build and loader: one home each."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

from syria_strikes.leftovers import Temporary, temporary_beside
from syria_strikes.metadata import TABLES

DESCRIPTOR = "datapackage.json"
# The files a build writes beside the descriptor, besides each table's CSV and Parquet file.
DATABASE = "syria-strikes.sqlite"
DATASETTE = "datasette-metadata.json"
GEOJSON = "events.geojson"
ANNOTATIONS = "claims.annotations.jsonld"
HASH_BLOCK = 1 << 22


def spreadsheet_copies(csv_files: dict[str, bytes]) -> dict[str, bytes]:
    """Each table's CSV (by file name) again under ``excel/``, with a UTF-8 byte-order mark: opened
    from the plain files, Excel reads UTF-8 as a legacy code page and garbles every accent. The
    release bundle and the site's downloads both carry these copies."""
    return {f"excel/{name}": codecs.BOM_UTF8 + data for name, data in csv_files.items()}


def release_files() -> list[str]:
    """The files a release holds beside its descriptor, in the order the descriptor lists them."""
    return [
        *(declared.file_name for declared in TABLES),
        *(f"{declared.name}.parquet" for declared in TABLES),
        DATABASE,
        DATASETTE,
        GEOJSON,
        ANNOTATIONS,
    ]


def release_file_names() -> frozenset[str]:
    """``release_files``: what ``--out`` may already contain, and all that the site republishes."""
    return frozenset(release_files())


def to_json(document: dict[str, Any]) -> str:
    """JSON as the repository and the release write it: indented, UTF-8 as is, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def sha256_bytes(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


class HashingWriter(io.RawIOBase):
    """A binary file that hashes and counts the bytes passing through it to ``out``, so a file
    written as a stream is stamped without being read back."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._digest = hashlib.sha256()
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data).cast("B")
        self._out.write(view)
        self._digest.update(view)
        self._size += len(view)
        return len(view)

    def stamp(self) -> dict[str, Any]:
        """Bytes and SHA-256 of everything written, as a release descriptor records them."""
        return {"bytes": self._size, "hash": f"sha256:{self._digest.hexdigest()}"}


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read a block at a time so a large file never sits in memory."""
    with path.open("rb") as handle:
        return sha256_blocks(handle.fileno())[0]


def sha256_blocks(descriptor: int, check: Callable[[int], object] = lambda size: None) -> tuple[str, int]:
    """The SHA-256 (hex) and byte count of what an open file descriptor holds from where it stands,
    read a block at a time so a file of many gigabytes costs no memory. ``check`` is given the count
    read so far before each block is hashed: a caller stops the reading by raising there (a size bound
    passed, an interrupt)."""
    digest, size = hashlib.sha256(), 0
    while block := os.read(descriptor, HASH_BLOCK):
        size += len(block)
        check(size)
        digest.update(block)
    return digest.hexdigest(), size


def write_atomically(target: Path, content: bytes, *, like: os.stat_result | None = None, mode: int = 0o644) -> None:
    """Write ``content`` to a temporary file beside ``target``, flush it to disk and rename it over:
    a reader sees the old file or the new one, never half of one. ``like`` is the status of the
    file replaced, whose mode and (where this user may set them) owner and group the new file keeps."""
    write_all_atomically([(target, content, like)], mode=mode)


def write_all_atomically(
    files: list[tuple[Path, bytes, os.stat_result | None]],
    *,
    mode: int = 0o644,
    unchanged: Callable[[], object] = lambda: None,
) -> None:
    """Write several files as ``write_atomically`` writes one, every temporary file first: a failure
    while writing any of them (a full disk, a folder not writable) changes none of the targets.
    ``unchanged`` runs once they are all written, just before the first replaces its target: a caller
    that read the targets raises there when one was saved by someone else since, and none is replaced."""
    written: list[tuple[Temporary, Path]] = []
    try:
        for target, content, like in files:
            written.append((write_beside(target, content, like, mode), target))
        unchanged()
        for temporary, target in written:
            os.replace(temporary.path, target)
    except BaseException:
        for temporary, _ in written:
            temporary.path.unlink(missing_ok=True)
        raise
    finally:
        for temporary, _ in written:
            temporary.close()


def write_beside(target: Path, content: bytes, like: os.stat_result | None, mode: int) -> Temporary:
    """A temporary file beside ``target`` (so on its file system) holding ``content``, on disk, with
    the mode it will keep: ``like``'s, or ``mode``. The caller renames or links it into place, then
    closes it: until then it is locked, so no other run takes it for a killed run's leftover."""
    try:
        temporary = temporary_beside(target)
    except OSError as error:  # name the file the user knows, not the temporary one
        raise OSError(error.errno, error.strerror, str(target)) from None
    try:
        with os.fdopen(temporary.descriptor, "wb", closefd=False) as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary.path, like.st_mode & 0o7777 if like is not None else mode)
        if like is not None and (like.st_uid, like.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(PermissionError):
                os.chown(temporary.path, like.st_uid, like.st_gid)
        temporary.written()
    except BaseException as error:
        temporary.path.unlink(missing_ok=True)
        temporary.close()
        if isinstance(error, OSError) and not error.filename:  # a full disk, named by the file the user knows
            raise OSError(error.errno, error.strerror, str(target)) from None
        raise
    return temporary
