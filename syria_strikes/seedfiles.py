"""Reading the archived seeds and the source rows that name them, for the curator's commands.

These commands must work on data that does not validate yet (that is when a curator needs them),
so they read the CSV files with the standard library instead of the validator's typed reader,
and every failure is an ``InputError`` that names the path the user gave.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from syria_strikes.errors import InputError
from syria_strikes.metadata import REPOSITORY_URL, SEED_MOST_BYTES
from syria_strikes.paths import dataset_root, tables_home
from syria_strikes.safefiles import FileRefused, FileTooLarge, read_file
from syria_strikes.seedtrust import SeedFault, archived_seed_text


def read_seed(path: Path, folder: Path | None = None) -> str:
    """The seed's text exactly as its bytes decode (UTF-8, no newline translation); ``folder`` as
    for ``read_bytes``."""
    return decode_seed(path, read_bytes(path, folder, most=SEED_MOST_BYTES))


def decode_seed(path: Path, data: bytes) -> str:
    """The seed's bytes as text, or an InputError that says how to archive it properly."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: is not valid UTF-8 (byte {error.start} is 0x{data[error.start]:02x}); "
            "seeds are UTF-8 text: re-save the original download as UTF-8 before archiving it"
        ) from None


def holds_as_read(path: Path, folder: Path, read: bytes, most: int | None = None) -> bool:
    """Whether ``path`` (a dataset file inside ``folder``) still holds the bytes a command read, within
    the bound it read them with, before it replaces the file: an edit a curator saved meanwhile must
    not be thrown away. A file that is gone holds nothing."""
    return (read_bytes(path, folder, most=most) if path.exists() else b"") == read


def require_as_read(files: list[tuple[Path, Path, bytes, int | None]], ran: str, then: str) -> None:
    """InputError naming the first of ``files`` (path, the folder it was read in, the bytes read, the
    bound it was read with) that no longer holds what was read: ``ran`` says which run, ``then`` what
    it did about it and what to do."""
    for path, folder, read, most in files:
        if not holds_as_read(path, folder, read, most):
            raise InputError(f"{path}: was changed while {ran} ran (saved from an editor?){then}")


def read_bytes(
    path: Path, folder: Path | None = None, most: int | None = None, holds: str = "the text of one archived document"
) -> bytes:
    """The bytes of a regular file. A file of a dataset (a table, a seed) passes ``folder``, the
    dataset's root: a link leading out of it, a FIFO or a device is refused, never read, as
    validate refuses it; a file the user names on the command line passes none. A file of more
    than ``most`` bytes is refused unread, as more than ``holds``."""
    if folder is not None:
        try:
            return read_file(path, folder, most=most)[0]
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except FileRefused as refused:
            raise InputError(f"{path}: {refused.words} [rule: {refused.rule}]") from None
        except FileTooLarge:
            raise InputError(f"{path}: {_too_large(most, holds)}") from None
        except MemoryError:  # a sparse file of many gigabytes costs its author nothing
            raise InputError(f"{path}: {_beyond_memory(path)}") from None
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: is not a file")
    try:
        if most is not None and path.stat().st_size > most:
            raise InputError(f"{path}: {_too_large(most, holds)}")
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    except MemoryError:
        raise InputError(f"{path}: {_beyond_memory(path)}") from None


def _beyond_memory(path: Path) -> str:
    """The words validate gives a table too large for memory (rule file_readable), with its size."""
    try:
        size = f" ({path.stat().st_size:,} bytes)"
    except OSError:
        size = ""
    return (
        f"the file is too large to read into the memory available{size}; check that it is the right file "
        "[rule: file_readable]"
    )


def _too_large(most: int | None, holds: str) -> str:
    return f"holds more than {most} bytes, more than {holds}; it is not read"


def read_rows(path: Path, folder: Path | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of a CSV table, each row as a dict of its cells; ``folder`` as for ``read_bytes``."""
    return parse_rows(path, read_bytes(path, folder))


def parse_rows(path: Path, data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """``read_rows`` of bytes already read (and verified) by the caller; ``path`` names them in errors.
    Bytes that are not UTF-8 are refused as validate refuses them: read with replacement characters,
    two tables differing only in one accented letter compared equal."""
    # Only for bytes that are not UTF-8: the reading package loads pyarrow and the rules' regex, which
    # the light install of diff, locate and archive does not have.
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        body.decode("utf-8")
        fault = None if b"\x00" not in body[:64] else _encoding_fault(body)
    except UnicodeDecodeError:
        fault = _encoding_fault(body)
    if fault is not None:
        from syria_strikes.rules import rule

        line, _, context = fault
        raise InputError(f"{path}, line {line}: {rule('utf8').message(**context)} [rule: utf8]")
    text = body.decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        names = reader.fieldnames or []
        # A name given twice keeps only its last cell in each row: a table would be compared, or
        # written back, without the other column's cells.
        repeated = next((name for n, name in enumerate(names) if name in names[:n]), None)
        if repeated is not None:
            raise InputError(
                f"{path}, line 1: the header names column {repeated!r} twice [rule: header_unique]; "
                "run `syria-strikes validate`"
            )
        for row in reader:
            if None in row or None in row.values():  # more cells than the header, or fewer
                width = len(reader.fieldnames or [])
                cells = width - list(row.values()).count(None) + len(row.get(None) or [])
                raise InputError(
                    f"{path}, line {reader.line_num}: has {cells} cells where the header has {width} "
                    "[rule: field_count]; run `syria-strikes validate` for every problem of the file"
                )
            rows.append(row)
    except csv.Error as error:
        raise InputError(f"{path}: cannot be read as CSV ({error}); run `syria-strikes validate`") from None
    return list(reader.fieldnames or []), rows


def _encoding_fault(body: bytes) -> tuple[int, str, dict[str, Any]] | None:
    from syria_strikes.reading.encoding import encoding_fault

    return encoding_fault(body)


def require_columns(path: Path, header: list[str], columns: tuple[str, ...]) -> None:
    missing = [name for name in columns if name not in header]
    if missing:
        raise InputError(f"{path}: has no column {', '.join(missing)}; run `syria-strikes validate`")


@dataclass(frozen=True)
class ArchivedSeed:
    """A sources row that names a seed file: the file, and the hash the row records for it."""

    source_id: str
    path: Path
    sha256: str
    line: int  # of the row in sources.csv
    # The seed_path cell as written: ``path`` need not lie below the dataset (an absolute cell, '..').
    seed_path: str

    def text(self, root: Path) -> str:
        """The seed's text once its bytes match the recorded sha256: offsets taken from any other
        file would anchor the claims in a document that is not the one they quote."""
        text = archived_seed_text(root, self.seed_path, self.sha256)
        if isinstance(text, SeedFault) and text.rule == "seed_hash_pair":
            raise InputError(
                f"{self.path}: its row in sources.csv (line {self.line}) records no sha256, so nothing says it is the "
                "document the claims quote [rule: seed_hash_pair]; run `syria-strikes validate`"
            )
        if isinstance(text, SeedFault) and text.rule == "seed_hash":
            raise InputError(
                f"{self.path}: does not match the sha256 that its row in sources.csv (line {self.line}) records, so it "
                "is not the document the claims quote; run `syria-strikes validate`"
            )
        if isinstance(text, SeedFault):
            raise InputError(f"{self.path}: {text.words()}; run `syria-strikes validate`")
        return text


def archived_rows(data_dir: Path) -> list[ArchivedSeed]:
    """Every archived source, in the order of data/sources.csv."""
    path = data_dir / "sources.csv"
    header, rows = read_rows(path, tables_home(data_dir))
    require_columns(path, header, ("source_id", "seed_path"))
    return [
        ArchivedSeed(
            row["source_id"], dataset_root(data_dir) / row["seed_path"], row.get("sha256") or "", line, row["seed_path"]
        )
        for line, row in enumerate(rows, start=2)
        if row.get("seed_path")
    ]


def seed_text(seed: str, data_dir: Path) -> str:
    """The text of a seed named by its file (any document the user points at, before archiving it
    too), or by the source_id of its row in sources.csv (then a file of the dataset, trusted only as
    validate trusts it: offsets printed from an edited seed would be copied into claims that do not
    quote it)."""
    path = Path(seed)
    # Whatever sources.csv is (a folder or a named pipe is reported as such when read), it is there.
    listed = os.path.lexists(data_dir / "sources.csv")
    if not path.exists() and seed.startswith("src-") and not listed:
        raise InputError(
            f"{seed}: no such file, and no {data_dir / 'sources.csv'} to find it in as a source_id: run from "
            f"the root of a clone of {REPOSITORY_URL} (the installed package holds no data/) or pass --data-dir DIR"
        )
    if path.exists() or not listed:
        return read_seed(path)
    archived = archived_rows(data_dir)
    by_id = {row.source_id: row for row in archived}.get(seed)
    if by_id is None:
        raise InputError(
            f"{seed}: no such file, and no archived source in {data_dir / 'sources.csv'} has that source_id"
            f"{archived_choices(archived)}"
        )
    return by_id.text(dataset_root(data_dir))


def archived_choices(archived: list[ArchivedSeed]) -> str:
    """The end of a message about a seed that names none: the source_ids a curator could have meant."""
    if not archived:
        return "; no source has a seed_path yet: run `syria-strikes archive FILE` first"
    return f"; the archived sources are {', '.join(row.source_id for row in archived)}"


def span_cells(start: str | None, end: str | None) -> tuple[int, int] | None:
    """Two offset cells as read from a CSV, or None unless both are plain non-negative integers that
    Python reads as such (not beyond its limit of 4300 digits, which validate calls no whole number)."""
    if not (start and end and start.isascii() and start.isdigit() and end.isascii() and end.isdigit()):
        return None
    try:
        return int(start), int(end)
    except ValueError:  # more digits than int() converts
        return None
