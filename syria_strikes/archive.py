"""`syria-strikes archive`: copy a document into seeds/, byte for byte, and register it.

Three files change together: the new seed, its row in data/sources.csv and its line in
seeds/README.md. Everything is first written into a staging folder beside the dataset and only
then renamed into place, the seed without ever replacing an existing file; if any step fails, the
files changed so far are put back, so a failed run leaves the dataset as it was.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from syria_strikes.checks.seed_list import README_MOST_BYTES, listed_row
from syria_strikes.errors import InputError
from syria_strikes.files import write_beside
from syria_strikes.leftovers import LEFTOVER, Temporary, remove_leftovers
from syria_strikes.metadata import SEED_MOST_BYTES, table
from syria_strikes.paths import dataset_root, tables_home
from syria_strikes.seedfiles import parse_rows, read_bytes, require_as_read, require_columns

KEY = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}")
SEED_NAME = re.compile(r"([0-9]{3,})_")
SEED_SOURCE_ID = re.compile(r"src-seed-([0-9]{3,})")
# The longest seed number a source_id can hold: a longer one, in a row or a file name, is a fault to
# mend before a next number can be given (and Python refuses to read one of over 4,300 digits).
SOURCE_ID_MOST = table("sources").column("source_id").text_limit or 0
SEED_NUMBER_MOST_DIGITS = SOURCE_ID_MOST - len("src-seed-")
KEY_LENGTH = 16
READ_ONLY = 0o444
KNOWN_COLUMNS = ("source_id", "kind", "seed_path", "sha256")
TO_FILL = (
    "title",
    "language",
    "published_start",
    "published_end",
    "publisher_actor_id",
    "dateline",
    "url",
    "cites_source_ids",
    "curator_note",
)
README_TABLE_ROW = re.compile(r"^\| `[^`]+` \|")


@dataclass(frozen=True)
class Archived:
    seed_path: str
    source_id: str
    sha256: str
    to_fill: tuple[str, ...]


def archive(
    document: Path, data_dir: Path, key: str | None = None, waiting: Callable[[Path], None] = lambda root: None
) -> Archived:
    """Copy ``document`` into seeds/ under the next free number, read-only, with its source row
    and README line; raise ``InputError`` before writing anything if any of it cannot be done.
    ``waiting`` is told the dataset folder when another archive holds it, before this one waits."""
    data = read_bytes(document, most=SEED_MOST_BYTES)
    _check_utf8(document, data)
    digest = hashlib.sha256(data).hexdigest()
    key = key if key is not None else digest[:KEY_LENGTH]
    if not KEY.fullmatch(key):
        raise InputError(
            f"--key {key!r}: use 1 to 100 ASCII letters, digits, '_', '-' or '.', starting with a letter or digit "
            "(it becomes part of the seed's file name)"
        )
    root = dataset_root(data_dir)
    if not (root / "seeds").is_dir():
        raise InputError(f"{root / 'seeds'}: no seeds folder beside {data_dir}; pass --data-dir DIR of the dataset")
    with changing_dataset(root, waiting):
        return _archive(document, data, digest, root, data_dir, key)


def _archive(document: Path, data: bytes, digest: str, root: Path, data_dir: Path, key: str) -> Archived:
    """Number, copy and register the document; the caller holds the dataset's lock."""
    seeds_dir = root / "seeds"
    sources_path = data_dir / "sources.csv"
    readme_path = seeds_dir / "README.md"
    remove_leftovers(seeds_dir.resolve())  # the seed's temporary copy a killed archive left
    existing = read_bytes(sources_path, tables_home(data_dir))  # once: parsed, then appended to
    header, rows = parse_rows(sources_path, existing)
    require_columns(sources_path, header, KNOWN_COLUMNS)
    _refuse_duplicate(document, len(data), digest, seeds_dir, rows)
    number = _next_number(seeds_dir, sources_path, rows)
    name = f"{number:03d}_{key}.txt"
    seed_path = f"seeds/{name}"
    source_id = f"src-seed-{number:03d}"
    if (seeds_dir / name).exists():
        raise InputError(f"{seeds_dir / name}: already exists; it is never overwritten")
    known = {"source_id": source_id, "kind": "archived_article", "seed_path": seed_path, "sha256": digest}
    new_sources = _appended_row(sources_path, existing, header, rows, known)
    readme = _read_readme(readme_path, root)
    new_readme = _readme_with(readme_path, readme, listed_row(name, source_id, digest))
    # An archive killed while writing left its temporary files beside sources.csv and README.md: removed
    # once both were read, so through no link that leads out of the dataset.
    for folder in dict.fromkeys((sources_path.resolve().parent, readme_path.resolve().parent)):
        remove_leftovers(folder)
    try:
        with _interrupts_deferred():
            _commit(
                data,
                seeds_dir / name,
                {sources_path: new_sources, readme_path: new_readme},
                lambda: _still_as_read(
                    {
                        sources_path: (existing, tables_home(data_dir), None),
                        readme_path: (readme, root, README_MOST_BYTES),
                    }
                ),
            )
    except OSError as error:  # the system's refusal (exit 3, as for every command), naming the file
        raise OSError(error.errno, error.strerror, str(error.filename or root)) from None
    return Archived(seed_path, source_id, digest, tuple(column for column in TO_FILL if column in header))


@contextmanager
def changing_dataset(root: Path, waiting: Callable[[Path], None] = lambda root: None) -> Iterator[None]:
    """Hold an exclusive lock on the dataset folder itself (no lock file is left in it) while the
    next seed number is chosen and the three files change: a second archive waits, then numbers its
    document after the first, instead of writing sources.csv without the first one's row."""
    import fcntl

    try:
        descriptor = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise InputError(f"{root}: cannot be opened ({error.strerror}); nothing was changed") from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting(root)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _check_utf8(document: Path, data: bytes) -> None:
    if not data:
        raise InputError(f"{document}: is empty; archive the document's text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{document}: is not UTF-8 (byte {error.start} is 0x{data[error.start]:02x}); archive the document "
            "as it was received in UTF-8, or convert a copy first (e.g. `iconv -f WINDOWS-1252 -t UTF-8`) "
            "and say so in the source's curator_note"
        ) from None


def _refuse_duplicate(document: Path, size: int, digest: str, seeds_dir: Path, rows: list[dict[str, str]]) -> None:
    """Refuse a document some row or seed file already holds. Only a file of the document's size
    can be a copy, so only those are read: a seed of another size that cannot be read is none of
    this command's business (validate reports it)."""
    for row in rows:
        if row.get("sha256") == digest:
            raise InputError(
                f"{document}: is already archived as {row.get('seed_path') or '(no seed_path)'} "
                f"(source {row.get('source_id')}); its bytes are identical"
            )
    for existing in sorted(seeds_dir.iterdir()):
        if (
            existing.is_file()
            and not existing.is_symlink()  # validate reports a link; its target is not ours to read
            and existing.name != "README.md"
            and not LEFTOVER.fullmatch(existing.name)  # a killed archive's copy (of this very document?)
            and existing.lstat().st_size == size
            # read as validate reads a seed: one that cannot be read (or turned into a FIFO since it
            # was listed) stops the command with its rule, instead of an OSError or a wait for ever
            and hashlib.sha256(read_bytes(existing, seeds_dir, most=SEED_MOST_BYTES)).hexdigest() == digest
        ):
            raise InputError(
                f"{document}: has the same bytes as {existing}, which no source row names yet; "
                "add its row to sources.csv instead of archiving it again"
            )


def _next_number(seeds_dir: Path, sources_path: Path, rows: list[dict[str, str]]) -> int:
    """One more than the highest seed number in use; numbers are never reused, even after a gap."""
    used: list[tuple[str, str]] = [
        (f"{seeds_dir / path.name}: the file name", found.group(1))
        for path in seeds_dir.iterdir()
        if (found := SEED_NAME.match(path.name))
    ]
    used += [
        (f"{sources_path}: source_id", found.group(1))
        for row in rows
        if (found := SEED_SOURCE_ID.fullmatch(row.get("source_id", "")))
    ]
    for where, digits in used:
        if len(digits) > SEED_NUMBER_MOST_DIGITS:
            raise InputError(
                f"{where} src-seed-{digits[:12]}... carries a seed number of {len(digits):,} digits, longer than a "
                f"source_id of at most {SOURCE_ID_MOST} characters holds (rule max_length); mend it "
                "(`syria-strikes validate` names the row), then archive"
            )
    number = max((int(digits) for _, digits in used), default=-1) + 1
    if len(f"{number:03d}") > SEED_NUMBER_MOST_DIGITS:
        raise InputError(f"{seeds_dir}: no seed number is left that a source_id of {SOURCE_ID_MOST} characters holds")
    return number


def _appended_row(
    sources_path: Path, existing: bytes, header: list[str], rows: list[dict[str, str]], known: dict[str, str]
) -> bytes:
    """sources.csv's bytes as read, with the new row after them."""
    if existing and not existing.endswith(b"\n"):
        raise InputError(f"{sources_path}: does not end with a line break; run `syria-strikes validate` first")
    if any(row.get("source_id") == known["source_id"] for row in rows):
        raise InputError(f"{sources_path}: already has a row {known['source_id']}")
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow([known.get(column, "") for column in header])
    return existing + line.getvalue().encode("utf-8")


def _read_readme(readme_path: Path, root: Path) -> bytes:
    """seeds/README.md's bytes (none when there is no such file), read no further than validate reads
    it: a list of seeds is small, and a sparse file of gigabytes there is refused unread."""
    if not readme_path.exists():
        return b""
    return read_bytes(readme_path, root, most=README_MOST_BYTES, holds="any list of seeds")


def _still_as_read(read: dict[Path, tuple[bytes, Path, int | None]]) -> None:
    """InputError when a file the archive changes no longer holds the bytes it read (inside the folder
    it was read in, within the bound it was read with): a curator saved it meanwhile, and replacing
    it would throw that edit away."""
    files = [(path, folder, data, most) for path, (data, folder, most) in read.items()]
    require_as_read(files, "the archive", "; nothing was changed; archive the document again")


def _readme_with(readme_path: Path, data: bytes, table_row: str) -> bytes:
    """seeds/README.md, read as ``data``, with ``table_row`` after the last row of its table of files."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{readme_path}: is not UTF-8 (byte {error.start} is 0x{data[error.start]:02x}), so the new seed's line "
            "cannot be added to it; save it as UTF-8 and archive again"
        ) from None
    lines = text.splitlines(keepends=True)
    last = max((index for index, line in enumerate(lines) if README_TABLE_ROW.match(line)), default=None)
    if last is None:
        raise InputError(f"{readme_path}: has no table of files (rows such as | `000_key.txt` | ...) to add to")
    lines.insert(last + 1, table_row + "\n")
    return "".join(lines).encode("utf-8")


# The signals that stop a command: they wait while the three files change (``_interrupts_deferred``).
STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP while the seed and its two registrations move into place, and
    deliver them after: landing between the seed's link and the roll-back learning of it, one left a
    seed no row names. The moves are a few renames; the command then stops with the archive whole.
    Only the main thread may set handlers; elsewhere (a program calling ``archive``) nothing waits."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {
        number: signal.signal(number, lambda number, frame: caught.append(number))
        for number in STOPPING
        if signal.getsignal(number) not in (signal.SIG_IGN, None)
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(caught):
            signal.raise_signal(number)


# What a file system without hard links (some network and FAT-like ones) says to os.link.
NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK})


def _place_new(target: Path, seed: bytes) -> None:
    """Put the seed at ``target``, read-only, failing rather than replace a file of that name:
    written beside it and hard-linked where the file system has hard links, else created exclusively
    and written. A failure leaves nothing behind."""
    temporary = write_beside(target, seed, None, READ_ONLY)
    try:
        try:
            os.link(temporary.path, target)
            return
        except OSError as error:
            if error.errno not in NO_HARD_LINKS:
                raise
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), READ_ONLY)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(seed)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            target.unlink(missing_ok=True)  # the file this call created, half written
            raise
    finally:
        temporary.path.unlink(missing_ok=True)
        temporary.close()


def _commit(
    seed: bytes, seed_target: Path, replacements: dict[Path, bytes], unchanged: Callable[[], None] = lambda: None
) -> None:
    """Write every file beside its target, then move them into place; on failure, restore what was
    replaced and remove the new seed. Staged beside their targets, the files need no common file
    system: data/ or seeds/ may be links to folders elsewhere. ``unchanged`` runs once every file is
    staged, before anything is placed: it raises when a target changed since it was read."""
    # A link (read as inside the dataset) stays a link: the file it leads to is the one replaced.
    replacements = {target.resolve(): content for target, content in replacements.items()}
    staged: dict[Path, Temporary] = {}
    replaced: dict[Path, bytes] = {}
    placed = False
    try:
        for target, content in replacements.items():
            staged[target] = write_beside(target, content, target.stat(), 0o644)
        unchanged()
        _place_new(seed_target, seed)
        placed = True
        for target, temporary in staged.items():
            original = target.read_bytes()
            os.replace(temporary.path, target)
            replaced[target] = original
    except BaseException:
        _undo(seed_target if placed else None, replaced)
        raise
    finally:
        for temporary in staged.values():
            temporary.path.unlink(missing_ok=True)
            temporary.close()


def _undo(seed_target: Path | None, replaced: dict[Path, bytes]) -> None:
    """Remove the new seed, then put back each file that was replaced, as it was placed: beside it,
    then renamed over it. Each step is tried whatever became of the others: a file that could not be
    replaced (immutable, say) was never touched, and a failed step must not leave the seed behind."""
    if seed_target is not None:
        with suppress(OSError):
            seed_target.unlink(missing_ok=True)
    for target, content in replaced.items():
        with suppress(OSError):
            restored = write_beside(target, content, target.stat(), 0o644)
            try:
                os.replace(restored.path, target)
            finally:
                restored.path.unlink(missing_ok=True)
                restored.close()
