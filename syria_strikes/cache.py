"""Incremental validation: the problems of a run, remembered by the content of what it read.

A curator changes a few rows between two runs, and CI validates data that mostly has not changed;
neither should wait for every rule again. The cache lives in ``.syria-strikes-cache/`` inside
the dataset root (the folder holding ``data/``, ``seeds/`` and ``datapackage.json``), and only
when that folder holds a regular ``datapackage.json``: any other folder is validated cold. Every entry
is keyed by the sha256 of the files it was computed from and by the validator's fingerprint
(its version, the source of every module of the package, and the versions of the libraries
that run the rules), so any change to data, seeds, descriptor, rules or libraries misses.

- Nothing changed: the whole answer is read back without importing pandas, pandera or
  frictionless.
- Some tables changed: each unchanged table's cell and row problems, and the descriptor check's
  verdict if the descriptor is unchanged, are read back. A changed table's schema is answered
  piece by piece (syria_strikes/checks/schema.py): a column's cell rules, or a row rule, run again
  only when a column it reads, or the lines of the rows, changed. Each rule across tables
  declares the tables it reads and is handed no other, and for most tables the columns it reads,
  cut to those (syria_strikes/checks/across.py): its problems are read back while none of those
  tables, or of those columns and their lines, changed. The check of the seed files, and each
  check of words quoted from them, is read back likewise while neither its tables nor anything in
  seeds/ changed; the seeds are read only when one must run.

An entry is trusted only when its header names this format, its body matches the sha256 in the
header, the key inside equals the key asked for, and the file is the one it was written to: each
entry names its own device and inode, so a cache copied, restored or checked out from git (where
a pull request could have forged an answer) is never read. Anything else (truncated, corrupted,
foreign) is ignored and overwritten. Entries are written to a temporary file and renamed over
the old one, so two runs at once never leave half a file. Nothing else is ever written.

This module imports nothing heavy: the unchanged case must stay cheap.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TypeVar

from syria_strikes.extras import distribution_folders
from syria_strikes.files import DESCRIPTOR, sha256_blocks, write_beside
from syria_strikes.leftovers import remove_leftovers, temporary_beside
from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES, SEED_MOST_BYTES, TABLE_NAMES
from syria_strikes.paths import dataset_root, tables_home
from syria_strikes.pools import stopping_pool
from syria_strikes.problems import Problem
from syria_strikes.safefiles import SAFE_OPEN, FileKey, FileRefused, inside, read_file

if TYPE_CHECKING:
    import pyarrow as pa

    from syria_strikes.reading.by_blocks import Layout, LoadCells

T = TypeVar("T")
CACHE_DIR = ".syria-strikes-cache"
FORMAT = b"syria-strikes-cache 2"
RESULT_ENTRY = "result.json"
# The typed cells of a large table's file as it last read clean (syria_strikes/reading/by_blocks.py).
CELLS_FILE = re.compile(r"cells-[a-z_]+-[0-9a-f]{16}\.arrow")
RULES_ENTRY = "rules.json"
# The most bytes an entry is read with: one holds a table's problems, far less than this. A larger
# one (a sparse file of a terabyte) is no entry this cache wrote: ignored unread, then written again.
ENTRY_MOST_BYTES = 256 << 20
# The libraries whose behaviour decides what the rules report (regex: the Unicode sets of the cell rules).
RULE_LIBRARIES = ("pandas", "pandera", "pyarrow", "frictionless", "numpy", "polars", "duckdb", "regex")
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# syria-strikes validation cache; safe to delete.\n"


@cache
def fingerprint() -> str:
    """The validator's identity: Python, the package's own source, and the rule libraries' versions."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in distribution_folders(RULE_LIBRARIES):
        digest.update(name.encode() + b"\0")
    return digest.hexdigest()


# --- what a run reads ---------------------------------------------------------------------
# A file whose status (size, inode, change and modification times) is as it was when it was
# hashed has the same content, unless it changed within the filesystem clock's resolution of that
# moment: like git's index, a hash is reused only for files last changed this long before it was taken.
RACY_NANOSECONDS = 2_000_000_000
STAT_ENTRY = "stat.json"


class Stopped(Exception):
    """The run was interrupted while a file was hashed on another thread: the hashing ends there."""


@dataclass
class Digests:
    """sha256 of files, reusing the hash of a file whose status has not changed since it was taken.
    ``stopped`` is set when the run is interrupted: hashing on another thread then ends at its next
    block, instead of keeping the process alive until every seed is hashed."""

    known: dict[str, list[Any]]
    fresh: dict[str, list[Any]] = field(default_factory=dict)
    # Files hashed too soon after they changed for their status to vouch for them, recorded as in ``fresh``.
    unsettled: dict[str, list[Any]] = field(default_factory=dict)
    stopped: threading.Event = field(default_factory=threading.Event, repr=False, compare=False)

    def of(self, path: str, status: os.stat_result, most: int | None = None) -> str:
        """The file's sha256; for a file of more than ``most`` bytes, which validation refuses unread
        whatever it holds, only that (a sparse file of a terabyte is not read to hash it)."""
        if self.stopped.is_set():
            raise Stopped(path)
        if most is not None and status.st_size > most:
            return f"more than {most} bytes"
        identity = FileKey.version_of(status)
        record = self.known.get(path)
        if isinstance(record, list) and len(record) == 7 and record[:5] == identity and isinstance(record[5], str):
            self.fresh[path] = record
            return record[5]
        taken = time.time_ns()
        digest = _file_digest(path, self.stopped)
        if max(status.st_mtime_ns, status.st_ctime_ns) < taken - RACY_NANOSECONDS:
            self.fresh[path] = [*identity, digest, taken]
        else:
            self.unsettled[path] = [*identity, digest, taken]
        return digest

    @property
    def changed(self) -> bool:
        return self.fresh != self.known


def _file_digest(path: str, stopped: threading.Event | None = None) -> str:
    """The sha256 of a regular file, opened without blocking (a FIFO or device swapped in is refused),
    a block at a time; ``Stopped`` once ``stopped`` is set."""
    descriptor = os.open(os.path.realpath(path), SAFE_OPEN)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", path)

        def unless_stopped(size: int) -> None:
            if stopped is not None and stopped.is_set():
                raise Stopped(path)

        return sha256_blocks(descriptor, unless_stopped)[0]
    finally:
        os.close(descriptor)


def _listing(
    folder: str, digests: Digests, roots: tuple[Path, ...], read: Callable[[str], bool], most: int | None = None
) -> dict[str, str]:
    """Every entry of a folder: a file the validator reads (``read`` says which, by name) by its
    sha256, anything else by its kind (and a link's target), so a new, removed, renamed or retyped
    entry changes the key as an edit does. Only the names of the other entries matter to the
    rules, so their content is never opened. A link that leads out of the dataset folder (each of
    ``roots``, the folder as named and as resolved) is keyed by its target's name alone: nothing
    outside the dataset is read, not even to hash it, and validation refuses such a link whatever
    it leads to. ``most`` is the bound of what validation reads of each file (``Digests.of``)."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError as error:
        return {"": f"unreadable: {type(error).__name__}"}
    listing: dict[str, str] = {}
    for entry in entries:
        listing[entry.name] = _entry_key(entry, digests, roots, hashed=read(entry.name), most=most)
    return dict(sorted(listing.items()))


def _entry_key(
    entry: os.DirEntry[str] | Path,
    digests: Digests,
    roots: tuple[Path, ...],
    *,
    hashed: bool = True,
    most: int | None = None,
) -> str:
    kind = ""
    try:
        if entry.is_symlink():
            kind = "link to " + os.readlink(entry) + "; "
            if not any(_leads_into(Path(entry), root) for root in roots):
                return kind + "outside the dataset"
        if not entry.is_file():
            return kind + _kind(entry)
        if not hashed:
            return kind + "a file"
        return kind + digests.of(os.fspath(entry), entry.stat(), most)
    except OSError as error:
        return kind + f"unreadable: {type(error).__name__}"


TABLE_FILES = frozenset(f"{name}.csv" for name in TABLE_NAMES)


def inputs(data_dir: Path, digests: Digests) -> dict[str, dict[str, str]]:
    """The sha256 of every file validation reads: the declared tables in data/, the seeds and the
    descriptor; every other entry of data/ by its name and kind, and seeds/ itself by its kind (the
    same files through a link out of the dataset are refused). A seed or descriptor larger than
    validation reads is keyed by that alone, unread (``Digests.of``). The seeds are hashed on a second
    thread while the tables are hashed on this one: hashing releases the interpreter lock."""
    root = dataset_root(data_dir)
    # Ctrl-C or a kill: the pool waits for its thread, so the seed hashing is told to stop first.
    with stopping_pool(1, on_stop=digests.stopped.set) as pool:
        roots = (root, tables_home(data_dir))
        seeds = pool.submit(_listing, str(root / "seeds"), digests, roots, lambda name: True, SEED_MOST_BYTES)
        data = _listing(str(data_dir), digests, roots, TABLE_FILES.__contains__)
        descriptor = {DESCRIPTOR: _entry_key(root / DESCRIPTOR, digests, roots, most=DESCRIPTOR_MOST_BYTES)}
        folder = {"seeds": _entry_key(root / "seeds", digests, roots, hashed=False)}
        return {"data": data, "seeds": seeds.result(), "folders": folder, "descriptor": descriptor}


def holds_descriptor(root: Path) -> bool:
    """Whether ``root`` holds a regular ``datapackage.json``: only a dataset gets a cache, so
    validating ``/etc`` or ``/proc`` neither hashes nor writes anything there."""
    try:
        return stat.S_ISREG(os.lstat(root / DESCRIPTOR).st_mode)
    except OSError:
        return False


def _leads_into(path: Path, folder: Path) -> bool:
    try:
        inside(path, folder)
    except FileRefused:
        return False
    return True


def _kind(path: os.DirEntry[str] | Path) -> str:
    """What stands where a file was expected: validation words each case differently."""
    if path.is_dir():
        return "a folder"
    return "not a regular file" if os.path.lexists(path) else "absent"


def _key(*parts: object) -> str:
    return hashlib.sha256(json.dumps([fingerprint(), *parts], sort_keys=True).encode()).hexdigest()


# --- entries on disk ----------------------------------------------------------------------
def _encode_problems(problems: Iterable[Problem]) -> list[list[Any]] | None:
    """Problems as JSON lists; None when a field is not of its declared type, which a JSON
    round trip could not give back equal (such a run is simply not cached)."""
    encoded = []
    for p in problems:
        fields = [p.table, p.row, p.column, p.value, p.rule, p.message]
        if not _well_typed(fields):
            return None
        encoded.append(fields)
    return encoded


def _decode_cells(encoded: object) -> set[tuple[int, str]] | None:
    """Reported cells as (line, column), from JSON lists; None when any is not of that form."""
    if not isinstance(encoded, list):
        return None
    if not all(
        isinstance(cell, list)
        and len(cell) == 2
        and isinstance(cell[0], int)
        and not isinstance(cell[0], bool)
        and isinstance(cell[1], str)
        for cell in encoded
    ):
        return None
    return {(line, column) for line, column in encoded}


def _decode_digests(table: str, encoded: object) -> dict[tuple[str, str | None], str]:
    """Column digests kept with a table's entry, as the validator's (table, column) keys; what is
    not a digest of 64 hex digits is left out, to be taken again."""
    if not isinstance(encoded, dict):
        return {}

    def digest(value: object) -> bool:
        return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)

    columns = encoded.get("columns")
    known: dict[tuple[str, str | None], str] = {}
    if isinstance(columns, dict):
        known = {
            (table, column): value for column, value in columns.items() if isinstance(column, str) and digest(value)
        }
    lines = encoded.get("lines")
    if digest(lines):
        assert isinstance(lines, str)
        known[table, None] = lines
    return known


def _well_typed(fields: list[Any]) -> bool:
    table, row, column, value, rule, message = fields
    optional_text = all(item is None or isinstance(item, str) for item in (column, value))
    line = row is None or (isinstance(row, int) and not isinstance(row, bool))
    return isinstance(table, str) and isinstance(rule, str) and isinstance(message, str) and optional_text and line


def _decode_problems(encoded: object) -> list[Problem] | None:
    if not isinstance(encoded, list):
        return None
    problems = []
    for fields in encoded:
        if not (isinstance(fields, list) and len(fields) == 6 and _well_typed(fields)):
            return None
        problems.append(Problem(*fields))
    return problems


@dataclass
class Store:
    """The cache folder of one dataset; ``note`` says why nothing could be written, if so.

    The folder and each entry must be a real folder and real files inside the dataset: a link
    there (to a folder or file anywhere else) is never followed, neither read nor written
    through; the run then goes on without the cache."""

    folder: Path
    note: str | None = None
    writable: bool = True
    prepared: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def of(cls, data_dir: Path) -> Store:
        store = cls(dataset_root(data_dir) / CACHE_DIR)
        try:
            status = os.lstat(store.folder)
        except FileNotFoundError:
            return store
        except OSError as error:
            store._refuse(error.strerror or str(error))
            return store
        if not stat.S_ISDIR(status.st_mode):
            store._refuse("it is a link or a file, not a folder; remove it")
        else:  # a run killed while writing an entry left its temporary file; no run reads it
            remove_leftovers(store.folder)
        return store

    def _refuse(self, reason: str) -> None:
        self.writable = False
        self.note = f"note: could not write the validation cache in {self.folder} ({reason}); validated without it"

    def read(self, name: str, key: str) -> dict[str, Any] | None:
        """The body of an entry written under this key, or None: absent, truncated, corrupted,
        foreign, or not a regular file."""
        if not self.writable:
            return None
        read = _read_regular(self.folder / name)
        if read is None:
            return None
        content, version = read
        header, _, body = content.partition(b"\n")
        if header != FORMAT + b" " + hashlib.sha256(body).hexdigest().encode():
            return None
        try:
            entry = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("key") != key
            or entry.get("home") != _home(version.device, version.inode, version.mtime_ns)
        ):
            return None
        return entry

    def write(self, name: str, key: str, body: dict[str, Any]) -> None:
        """Write an entry atomically: a temporary file in the same folder, renamed over the old one."""
        with self.lock:
            if self.writable:
                self._write(name, {"key": key, **body})

    def _write(self, name: str, content: dict[str, Any]) -> None:
        try:
            self._prepare()
            target = self.folder / name
            if os.path.lexists(target) and not stat.S_ISREG(os.lstat(target).st_mode):
                self._refuse(f"{name} in it is a link or not a regular file; remove it")
                return
            _write_at_home(target, content)
        except OSError as error:
            self._refuse(error.strerror or str(error))

    def write_cells(self, name: str, cells: pa.Table) -> str | None:
        """Write the typed cells of a table's file as an Arrow file, atomically as an entry is
        written; its identity (``_home``, size and sha256), for the entry that names it, or None."""
        import pyarrow as pa

        with self.lock:
            if not self.writable:
                return None
            try:
                self._prepare()
                home = _replace_with(self.folder / name, partial(_write_cells, cells))
            except OSError as error:
                self._refuse(error.strerror or str(error))
                return None
            except pa.ArrowException as error:  # Arrow's own faults in writing: the cells are not kept
                self._refuse(str(error))
                return None
            return home

    def open_cells(self, name: str, home: str) -> pa.Table | None:
        """The Arrow file of cells written under this identity and sha256, read into this
        process's memory (a map of it would let a later write or truncation of the file reach the
        frames, or kill the run) and checked against its sha256 before Arrow reads a byte, or None."""
        import pyarrow as pa

        if not self.writable or not CELLS_FILE.fullmatch(name):
            return None
        identity, _, digest = home.rpartition(":")
        try:
            descriptor = os.open(self.folder / name, SAFE_OPEN)
        except OSError:
            return None
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode) or status.st_size == 0 or _cells_home(status) != identity:
                return None
            content = _read_exactly(descriptor, status.st_size)
        except OSError:
            return None
        finally:
            os.close(descriptor)
        if content is None or hashlib.sha256(content).hexdigest() != digest:
            return None
        try:
            return pa.ipc.open_file(pa.py_buffer(content)).read_all()
        except (pa.ArrowException, OSError, ValueError):
            return None

    def remove_cells(self, table: str, keep: Iterable[str]) -> None:
        """Remove the Arrow files of a table's cells that no entry names any more."""
        kept = set(keep)
        try:
            with os.scandir(self.folder) as listing:
                names = [entry.name for entry in listing if entry.is_file(follow_symlinks=False)]
        except OSError:
            return
        self.remove_cell_files(name for name in names if name.startswith(f"cells-{table}-") and name not in kept)

    def remove_cell_files(self, names: Iterable[str]) -> None:
        """Remove these Arrow files of cells; nothing not named as the cache names them."""
        for name in names:
            if CELLS_FILE.fullmatch(name):
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / name)

    def _prepare(self) -> None:
        """Create the folder, telling git and backup tools to leave it alone; a link or file in
        its place is refused, never followed. Those two files are written again, by a rename, when
        they are missing or not as written: a full disk once left '.gitignore' empty for good."""
        if self.prepared:
            return
        try:
            self.folder.mkdir()
        except FileExistsError:
            if not stat.S_ISDIR(os.lstat(self.folder).st_mode):
                raise NotADirectoryError(errno.ENOTDIR, "it is a link or a file, not a folder; remove it") from None
        for name, text in ((".gitignore", "*\n"), ("CACHEDIR.TAG", CACHEDIR_TAG)):
            target, content = self.folder / name, text.encode("ascii")
            read = _read_regular(target)
            if read is not None and read[0] == content:
                continue
            written = write_beside(target, content, None, 0o644)
            try:
                os.replace(written.path, target)
            finally:
                written.path.unlink(missing_ok=True)
                written.close()
        self.prepared = True


def _well_formed_block(block: object, files: int) -> bool:
    """[length, sha256, rows, file, first row] of a block of a file's records, the file among ``files``."""
    if not (isinstance(block, list) and len(block) == 5):
        return False
    length, digest, rows, segment, start = block
    numbers = (length, rows, segment, start)
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers) or not isinstance(digest, str):
        return False
    return length > 0 and rows > 0 and 0 <= segment < files and start >= 0 and len(digest) == 64


def _read_regular(path: Path) -> tuple[bytes, FileKey] | None:
    """The bytes of a cache entry and the key of the file read, read as every file of the dataset
    is (syria_strikes.safefiles): a link, FIFO or device is never followed or opened in a way that
    blocks, and a file larger than ``ENTRY_MOST_BYTES`` is not read. None for anything else."""
    try:
        return read_file(path, path.parent, most=ENTRY_MOST_BYTES)
    except OSError:  # FileRefused and FileTooLarge are ones
        return None


def _write_cells(cells: pa.Table, handle: BinaryIO, stamped: int | Path) -> str:
    """Write typed cells as an Arrow file with a random modification time; its identity and sha256."""
    import pyarrow as pa

    with pa.ipc.new_file(handle, cells.schema) as writer:
        writer.write_table(cells)
    handle.flush()
    mtime_ns = _random_mtime_ns()
    os.utime(stamped, ns=(mtime_ns, mtime_ns))
    return f"{_cells_home(os.fstat(handle.fileno()))}:{_sha256_of(handle.fileno())}"


def _random_mtime_ns() -> int:
    """A modification time of now, less random nanoseconds: no copy or checkout sets the same."""
    return time.time_ns() - int.from_bytes(os.urandom(4), "big") % 1_000_000_000


def _read_exactly(descriptor: int, size: int) -> bytearray | None:
    """The ``size`` bytes an open file holds, read into memory of this process; None when it holds
    fewer or more (it changed since its status was taken)."""
    content = bytearray(size)
    view, read = memoryview(content), 0
    while read < size:
        count = os.readv(descriptor, [view[read:]])
        if count == 0:
            return None
        read += count
    return content if not os.read(descriptor, 1) else None


def _sha256_of(descriptor: int) -> str:
    """The sha256 of a file just written, read back a block at a time: a map of it would count
    its every page in the run's memory, near its peak."""
    os.lseek(descriptor, 0, os.SEEK_SET)
    return sha256_blocks(descriptor)[0]


def _cells_home(status: os.stat_result) -> str:
    return f"{_home(status.st_dev, status.st_ino, status.st_mtime_ns)}:{status.st_size}"


def _home(device: int, inode: int, mtime_ns: int) -> str:
    """Which file an entry is: a copy, however faithful, is another inode, and a checkout from git
    has another modification time than the one, with random nanoseconds, set when it was written."""
    return f"{device}:{inode}:{mtime_ns}"


def _write_at_home(target: Path, body: dict[str, Any]) -> None:
    """Write an entry naming its own file (``_home``) beside ``target`` and rename it over it."""

    def fill(handle: BinaryIO, stamped: int | Path) -> None:
        written = os.fstat(handle.fileno())
        mtime_ns = _random_mtime_ns()
        # A file system that keeps coarser times (FAT: 2 s, NTFS: 100 ns) rounds the time set;
        # the entry is then written again naming the time the file system kept.
        for _ in range(3):
            home = _home(written.st_dev, written.st_ino, mtime_ns)
            data = json.dumps({**body, "home": home}, ensure_ascii=True, separators=(",", ":")).encode()
            handle.seek(0)
            handle.truncate()
            handle.write(FORMAT + b" " + hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
            handle.flush()
            os.utime(stamped, ns=(mtime_ns, mtime_ns))
            kept = os.fstat(handle.fileno()).st_mtime_ns
            if kept == mtime_ns:
                break
            mtime_ns = kept
        os.fsync(handle.fileno())

    _replace_with(target, fill)


def _replace_with(target: Path, fill: Callable[[BinaryIO, int | Path], T]) -> T:
    """Write a temporary file beside ``target`` through ``fill`` (handed the open file, and what
    ``os.utime`` takes for it), then rename it over ``target``: a reader sees the old file or the
    new one, never half of one. The rename keeps the inode and the modification time."""
    temporary = temporary_beside(target)  # locked until renamed: no other run takes it for a leftover
    try:
        with os.fdopen(temporary.descriptor, "wb", closefd=False) as handle:
            # Windows sets times by path alone (os.utime takes no descriptor there).
            result = fill(handle, handle.fileno() if os.utime in os.supports_fd else temporary.path)
        temporary.written()
        os.replace(temporary.path, target)
    except BaseException:
        temporary.path.unlink(missing_ok=True)
        raise
    finally:
        temporary.close()
    return result


class KnownDigests(Protocol):
    """The validator's digests of the columns rules are handed (syria_strikes/validate.py), with
    those taken so far, by (table, column); column None for the rows' lines."""

    known: dict[tuple[str, str | None], str]

    def __call__(self, table: str, column: str | None) -> str: ...

    def blocks(self, table: str, columns: Iterable[str]) -> list[str]:
        """The digest of each block of rows of the table: its lines and its cells of ``columns``."""
        ...


# The columns each table a check reads is cut to (None: the whole table); None: every table whole.
ColumnsRead = Mapping[str, frozenset[str] | None] | None


@dataclass
class TableCache:
    """The cell and row problems of each table, by the sha256 of its file; handed to the validator."""

    store: Store
    digests: dict[str, str]
    descriptor: dict[str, str] = field(default_factory=dict)
    # seeds/ as ``inputs`` keys it (every entry, and the folder's own kind); None: not known
    seeds: dict[str, dict[str, str]] | None = None
    hits: list[str] = field(default_factory=list)
    # Written only once the run is over and its inputs are known not to have changed meanwhile.
    pending: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    # The rules across tables: what the last run found, by rule name, as [key, problems].
    rules_known: dict[str, Any] | None = None
    rules_found: dict[str, list[Any]] = field(default_factory=dict)
    # The digest of a column of a table as the rules are handed it (None: of its lines), given by
    # the validator once the tables are read; without it a rule is keyed by its tables' files.
    column_digest: KnownDigests | None = None
    # Those digests of each table answered from its file's digest, as the run that checked it took them.
    digests_known: dict[str, dict[tuple[str, str | None], str]] = field(default_factory=dict)
    # The pieces of a changed table's schema (syria_strikes/checks/schema.py): what the last run
    # found, by table, then by piece, as [key, problems, cells reported], and for a column's cell
    # rules the digests of its blocks of rows.
    pieces_known: dict[str, dict[str, Any]] = field(default_factory=dict)
    pieces_found: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    # The Arrow files of each large table's typed cells the last clean read left, as [name, identity].
    cells_known: dict[str, list[list[str]]] = field(default_factory=dict)
    # Those the layouts this run keeps name, by table, and the entries read, as read.
    cells_kept: dict[str, list[str]] = field(default_factory=dict)
    cells_read: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The Arrow files of cells this run wrote, by table.
    cells_written: dict[str, list[str]] = field(default_factory=dict)
    # The tables' files hashed too soon after they changed for their status to vouch for them
    # (``Digests.unsettled``), and the sha256 of the bytes this run read of each, by file name.
    unsettled: frozenset[str] = frozenset()
    read_digests: dict[str, str] = field(default_factory=dict)

    def as_read(self, file_name: str, raw: bytes) -> None:
        """Take the digest of an unsettled table's bytes as the run read them: when it is the digest
        the run is keyed by and the file's status is unchanged at the end, the file is not hashed again."""
        if file_name in self.unsettled:
            self.read_digests[file_name] = hashlib.sha256(raw).hexdigest()

    def _digest(self, table: str) -> str | None:
        """The sha256 of the table's file, or None when it was not hashed (missing, unreadable)."""
        digest = self.digests.get(f"{table}.csv")
        return digest if digest is not None and len(digest) == 64 else None

    def _key(self, table: str) -> str | None:
        digest = self._digest(table)
        return None if digest is None else _key("table", table, digest)

    def get(self, table: str) -> tuple[list[Problem], set[tuple[int, str]]] | None:
        """The problems the table's schema found and the cells reported by then, if known."""
        key = self._key(table)
        entry = None if key is None else self.store.read(f"table-{table}.json", key)
        if entry is None:
            return None
        problems, failed = _decode_problems(entry.get("problems")), _decode_cells(entry.get("failed"))
        if problems is None or failed is None:
            return None
        self.hits.append(table)
        self.digests_known[table] = _decode_digests(table, entry.get("digests"))
        return problems, failed

    def put(self, table: str, problems: list[Problem], failed: set[tuple[int, str]]) -> None:
        key, encoded = self._key(table), _encode_problems(problems)
        cells = sorted(failed, key=repr)
        if key is None or encoded is None or not all(isinstance(line, int) for line, _ in cells):
            return
        self.pending.append((f"table-{table}.json", key, {"problems": encoded, "failed": [list(c) for c in cells]}))

    def piece_key(
        self, table: str, piece: str, reads: Iterable[str], digest: Callable[[str | None], str], reported: Iterable[int]
    ) -> str:
        """A piece of a table's schema is keyed by the digests of the columns it reads and of the
        rows' lines, and by the lines of those columns' cells reported before the schema ran."""
        columns = {column: digest(column) for column in sorted(reads)}
        return _key("piece", table, piece, digest(None), columns, sorted(reported))

    def piece(self, table: str, piece: str, key: str) -> tuple[list[Problem], set[tuple[int, str]]] | None:
        """The problems a piece of the table's schema found, and the cells it reported, if known."""
        record = self._piece_record(table, piece)
        if record is None or record[0] != key:
            return None
        problems, cells = _decode_problems(record[1]), _decode_cells(record[2])
        if problems is None or cells is None:
            return None
        self.hits.append(f"{table} {piece}")
        self.pieces_found.setdefault(table, {})[piece] = record
        return problems, cells

    def piece_blocks(self, table: str, piece: str) -> tuple[list[Problem], set[tuple[int, str]], list[str]] | None:
        """For a column's cell rules, which judge each cell alone: what the last run found, each
        problem naming a row, the cells it reported, and the digests of its blocks of rows, to
        tell which changed."""
        record = self._piece_record(table, piece)
        if record is None or len(record) != 4:
            return None
        problems, cells, blocks = _decode_problems(record[1]), _decode_cells(record[2]), record[3]
        if (
            problems is None
            or cells is None
            or not (isinstance(blocks, list) and all(isinstance(b, str) for b in blocks))
        ):
            return None
        if any(p.table != table or p.row is None for p in problems):
            return None
        self.hits.append(f"{table} {piece}, unchanged rows")
        return problems, cells, blocks

    def _piece_record(self, table: str, piece: str) -> list[Any] | None:
        """What the last run kept of a piece: [key, problems, cells reported], with the digests of
        its blocks of rows after them for a column's cell rules."""
        if table not in self.pieces_known:
            entry = self.store.read(f"pieces-{table}.json", _key("pieces", table))
            known = None if entry is None else entry.get("pieces")
            self.pieces_known[table] = known if isinstance(known, dict) else {}
        record = self.pieces_known[table].get(piece)
        if not (isinstance(record, list) and len(record) in (3, 4) and isinstance(record[0], str)):
            return None
        return record

    def put_piece(
        self,
        table: str,
        piece: str,
        key: str,
        problems: list[Problem],
        cells: set[tuple[int, str]],
        blocks: list[str] | None = None,
    ) -> None:
        """Keep a piece's problems and cells under its key; for a column's cell rules, the digests
        of its blocks of rows as well, when every problem names a row."""
        encoded = _encode_problems(problems)
        if encoded is None or not all(isinstance(line, int) for line, _ in cells):
            return
        record: list[Any] = [key, encoded, [list(c) for c in sorted(cells, key=repr)]]
        if blocks is not None and all(p.table == table and p.row is not None for p in problems):
            record.append(blocks)
        self.pieces_found.setdefault(table, {})[piece] = record

    def forget_pieces(self, table: str) -> None:
        """Keep no piece of the table: its schema failed as a whole, which no piece answers for."""
        self.pieces_found[table] = {}

    def layout(self, table: str) -> tuple[Layout, LoadCells] | None:
        """The layout of the table's file as it last read clean, and the typed cells kept of it
        (syria_strikes/reading/by_blocks.py), when every part of them is as written."""
        from syria_strikes.reading.by_blocks import Block, Layout

        entry = self.store.read(f"cells-{table}.json", _key("cells", table))
        if entry is None:
            return None
        header, blocks, files = entry.get("header"), entry.get("blocks"), entry.get("files")
        if not (
            isinstance(header, str)
            and isinstance(files, list)
            and all(isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in files)
            and isinstance(blocks, list)
            and all(_well_formed_block(block, len(files)) for block in blocks)
        ):
            return None
        self.cells_known[table] = files
        self.cells_read[table] = {"header": header, "blocks": blocks, "files": files}
        layout = Layout(header.encode("utf-8"), tuple(Block(*block) for block in blocks))
        return layout, partial(self._open_cells, files)

    def _open_cells(self, files: list[list[str]]) -> list[pa.Table] | None:
        """The kept tables of cells, or None when any is not as written."""
        segments = []
        for name, home in files:
            cells = self.store.open_cells(name, home)
            if cells is None:
                return None
            segments.append(cells)
        return segments

    def keep(self, table: str, layout: Layout, segments: Sequence[pa.Table | int], *, used: bool = False) -> None:
        """Keep the layout of a table's file that read clean, writing its new typed cells now (they
        are as large as the file, and are not held until the run ends); the entry naming them is
        written with the others, once the run is over, unless it is the one read. ``used``: the
        cells kept before were used for this read."""
        if used:
            self.hits.append(f"{table} cells, unchanged blocks")
        known = self.cells_known.get(table, [])
        files: list[list[str]] = []
        for segment in segments:
            if isinstance(segment, int):
                if not 0 <= segment < len(known):
                    return
                files.append(known[segment])
                continue
            name = f"cells-{table}-{os.urandom(8).hex()}.arrow"
            home = self.store.write_cells(name, segment)
            if home is None:
                return
            self.cells_written.setdefault(table, []).append(name)
            files.append([name, home])
        self.cells_kept[table] = [name for name, _ in files]
        blocks = [[b.length, b.digest, b.rows, b.segment, b.start] for b in layout.blocks]
        body = {"header": layout.header.decode("utf-8"), "blocks": blocks, "files": files}
        if body != self.cells_read.get(table):
            self.pending.append((f"cells-{table}.json", _key("cells", table), body))

    def remove_cells_written(self) -> None:
        """Remove the cells this run wrote, when its entries are not written: none would name them."""
        for names in self.cells_written.values():
            self.store.remove_cell_files(names)

    def remove_cells(self) -> None:
        """Remove the cells of each table kept again that its entry no longer names."""
        if not self.store.writable:  # the entries naming them may not have been written
            return
        for table, names in self.cells_kept.items():
            self.store.remove_cells(table, names)

    def _rule_key(
        self,
        name: str,
        reads: Iterable[str],
        present: Iterable[str],
        seeds: bool,
        columns: ColumnsRead = None,
        rows: str | None = None,
    ) -> str | None:
        """A rule across tables is keyed by what it is handed (syria_strikes/checks/across.py): of a
        table whose columns it declares, the digest of each of those columns and of the lines of the
        rows; of a table it reads whole, the sha256 of its file; of a table not at hand, its absence.
        A check of the seeds or of the words quoted from them is keyed by seeds/ as well. With
        ``rows``, the table whose rows the rule judges each alone is keyed by its columns' names
        only: its blocks of rows are compared one by one (``rule_rows``)."""
        if seeds and self.seeds is None:
            return None
        readable = set(present)
        digests: dict[str, Any] = {}
        for table in sorted(reads):
            wanted = None if columns is None else columns.get(table)
            if table == rows and wanted is not None:
                digests[table] = {"rows": sorted(wanted)}
                continue
            if table in readable and wanted is not None and self.column_digest is not None:
                digests[table] = {
                    "lines": self.column_digest(table, None),
                    "columns": {column: self.column_digest(table, column) for column in sorted(wanted)},
                }
                continue
            digest = self._digest(table) if table in readable else None
            if table in readable and digest is None:
                return None
            digests[table] = digest
        return _key("rule", name, digests, self.seeds if seeds else None)

    def rule(
        self,
        name: str,
        reads: Iterable[str],
        present: Iterable[str],
        *,
        seeds: bool = False,
        columns: ColumnsRead = None,
    ) -> list[Problem] | None:
        """The problems a rule across tables found in the same tables (and seeds), if known."""
        key = self._rule_key(name, reads, present, seeds, columns)
        if key is None:
            return None
        record = self._rule_record(name)
        if record is None or record[0] != key:
            return None
        problems = _decode_problems(record[1])
        if problems is not None:
            self.hits.append(f"rule {name}")
            self.rules_found[name] = record
        return problems

    def _rule_record(self, name: str) -> list[Any] | None:
        """What the last run kept of the rule: [key, problems], with [row key, blocks] after them
        for a rule that judges rows alone."""
        if self.rules_known is None:
            entry = self.store.read(RULES_ENTRY, _key("rules"))
            known = None if entry is None else entry.get("rules")
            self.rules_known = known if isinstance(known, dict) else {}
        record = self.rules_known.get(name)
        if not (isinstance(record, list) and len(record) in (2, 4) and isinstance(record[0], str)):
            return None
        return record

    def rule_rows(
        self, name: str, reads: Iterable[str], present: Iterable[str], columns: ColumnsRead, rows: str
    ) -> tuple[list[Problem], list[str]] | None:
        """For a rule that judges the rows of ``rows`` each alone, whose other tables (and the names
        of the columns it reads) are as the last run found them: that run's problems, each naming a
        row of ``rows``, and the digests of its blocks of rows, to tell which changed."""
        if rows not in set(present) or self.column_digest is None:
            return None
        key = self._rule_key(name, reads, present, False, columns, rows)
        record = self._rule_record(name)
        if key is None or record is None or len(record) != 4 or record[2] != key:
            return None
        problems, blocks = _decode_problems(record[1]), record[3]
        if problems is None or not (isinstance(blocks, list) and all(isinstance(b, str) for b in blocks)):
            return None
        if any(p.table != rows or p.row is None for p in problems):
            return None
        self.hits.append(f"rule {name}, unchanged rows")
        return problems, blocks

    def put_rule(
        self,
        name: str,
        reads: Iterable[str],
        present: Iterable[str],
        problems: list[Problem],
        *,
        seeds: bool = False,
        columns: ColumnsRead = None,
        rows: str | None = None,
    ) -> None:
        """Keep the rule's problems under its key; for a rule that judges the rows of ``rows`` each
        alone and named only those rows, the digests of those rows' blocks as well."""
        key, encoded = self._rule_key(name, reads, present, seeds, columns), _encode_problems(problems)
        if key is None or encoded is None:
            return
        self.rules_found[name] = [key, encoded]
        wanted = None if columns is None or rows is None else columns.get(rows)
        if wanted is None or rows not in set(present) or self.column_digest is None:
            return
        if any(p.table != rows or p.row is None for p in problems):
            return
        row_key = self._rule_key(name, reads, present, False, columns, rows)
        if row_key is not None:
            self.rules_found[name] += [row_key, self.column_digest.blocks(rows, wanted)]

    def entries(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Every entry this run leaves to write: the tables', the descriptor's and the rules'."""
        changed = self.rules_found and self.rules_found != self.rules_known
        rules = [(RULES_ENTRY, _key("rules"), {"rules": self.rules_found})] if changed else []
        tables = [
            (name, key, {**body, "digests": self._encode_digests(name.removeprefix("table-").removesuffix(".json"))})
            if name.startswith("table-")
            else (name, key, body)
            for name, key, body in self.pending
        ]
        pieces = [
            (f"pieces-{table}.json", _key("pieces", table), {"pieces": found})
            for table, found in self.pieces_found.items()
            if found != self.pieces_known.get(table)
        ]
        return [*tables, *rules, *pieces]

    def _encode_digests(self, table: str) -> dict[str, Any]:
        """The digests of the table's columns (and lines) this run took, to hand the next run that
        finds its file unchanged: the same bytes and reported cells give the same columns."""
        known = {} if self.column_digest is None else self.column_digest.known
        columns = {column: digest for (name, column), digest in known.items() if name == table and column is not None}
        return {"lines": known.get((table, None)), "columns": columns}

    def check_descriptor(self, root: Path) -> list[Problem]:
        """The descriptor check's verdict, by the descriptor's sha256: frictionless is not even
        imported when the descriptor is unchanged."""
        from syria_strikes.checks.descriptor import check_descriptor

        state = next(iter(self.descriptor.values()), "")
        key = None if state.startswith("unreadable") else _key("descriptor", self.descriptor)
        entry = None if key is None else self.store.read("descriptor.json", key)
        known = None if entry is None else _decode_problems(entry.get("problems"))
        if known is not None:
            self.hits.append("descriptor")
            return known
        problems = check_descriptor(root)
        encoded = _encode_problems(problems)
        if key is not None and encoded is not None:
            self.pending.append(("descriptor.json", key, {"problems": encoded}))
        return problems


# --- the validation -----------------------------------------------------------------------
Validator = Callable[[Path, TableCache | None], list[Problem]]


@dataclass(frozen=True)
class Outcome:
    """Every problem, how the answer was reached, and a note for the curator, if any."""

    problems: list[Problem]
    source: str  # "cache", "partly cached" or "cold"
    note: str | None = None


def validate(data_dir: Path, use_cache: bool = True) -> Outcome:
    """Validate ``data_dir`` from the cache where the inputs are unchanged, else run the rules."""
    if not use_cache or not holds_descriptor(dataset_root(data_dir)):
        return Outcome(_run(data_dir, None), "cold")
    store = Store.of(data_dir)
    stat_key = _key("stat", os.path.realpath(dataset_root(data_dir)))
    known = store.read(STAT_ENTRY, stat_key)
    digests = Digests(known["files"] if known is not None and isinstance(known.get("files"), dict) else {})
    read = inputs(data_dir, digests)
    if digests.changed:
        store.write(STAT_ENTRY, stat_key, {"files": digests.fresh})
    key = _key("result", read)
    entry = store.read(RESULT_ENTRY, key)
    cached = None if entry is None else _decode_problems(entry.get("problems"))
    if cached is not None:
        return Outcome(cached, "cache")
    unsettled = {
        name: digests.unsettled[path]
        for name in TABLE_FILES
        if (path := os.path.join(data_dir, name)) in digests.unsettled
    }
    tables = TableCache(store, read["data"], read["descriptor"], {"seeds": read["seeds"], "folders": read["folders"]})
    tables.unsettled = frozenset(unsettled)
    problems = _run(data_dir, tables)
    read_as_hashed, read_otherwise = _as_read(data_dir, unsettled, tables.read_digests)
    if read_otherwise or inputs(data_dir, Digests({**digests.fresh, **read_as_hashed})) != read:
        note = "note: files changed while they were validated; this answer was not cached, run again"
        tables.remove_cells_written()
        return Outcome(problems, "partly cached" if tables.hits else "cold", note)
    encoded = _encode_problems(problems)
    for name, entry_key, body in tables.entries():
        store.write(name, entry_key, body)
    tables.remove_cells()
    if encoded is not None:
        store.write(RESULT_ENTRY, key, {"problems": encoded})
    return Outcome(problems, "partly cached" if tables.hits else "cold", store.note)


def _as_read(
    data_dir: Path, unsettled: Mapping[str, list[Any]], read_digests: Mapping[str, str]
) -> tuple[dict[str, list[Any]], bool]:
    """Which unsettled tables the run read as they were hashed, and whether it read any otherwise.
    The answer belongs to the bytes read: a table read as hashed needs no second hash while its
    status is unchanged, and one read otherwise (changed, then perhaps changed back) voids the run."""
    as_hashed: dict[str, list[Any]] = {}
    otherwise = False
    for name, record in unsettled.items():
        digest = read_digests.get(name)
        if digest is None:  # not read: refused, or gone
            continue
        if digest == record[5]:
            as_hashed[os.path.join(data_dir, name)] = record
        else:
            otherwise = True
    return as_hashed, otherwise


def _run(data_dir: Path, tables: TableCache | None) -> list[Problem]:
    from syria_strikes.validate import read_and_check

    return read_and_check(data_dir, tables)[1]
