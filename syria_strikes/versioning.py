"""The version a release carries: the code's, with a local label when the data is not the tagged data.

``tagged-data.json`` beside this file records the hash of ``data/`` and ``seeds/`` that was
released as the code's version; the release process rewrites it (``syria-strikes data-hash
--record``) before tagging. A release, a bundle or a wheel built from any other data is
versioned ``<version>+local.<12 hex digits of its data hash>``: PyPI refuses local versions,
and a reader sees the label in ``release_info()``, in the bundle's name and in ``pip list``.
Standard library only: the wheel's build reads the version through this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from syria_strikes.files import write_atomically
from syria_strikes.jsonfile import JsonRefused, parse_object
from syria_strikes.leftovers import remove_leftovers
from syria_strikes.metadata import SEED_MOST_BYTES
from syria_strikes.paths import dataset_root, tables_home
from syria_strikes.safefiles import FileRefused, FileRule, FileTooLarge, read_file
from syria_strikes.version import __version__

RECORD = Path(__file__).resolve().parent / "tagged-data.json"
LABEL_DIGITS = 12


class HashRefused(OSError):
    """A file or folder of the data (``name``, dataset-relative) that is not hashed, with the rule it
    breaks and the ``details`` that rule's wording reads: one that must not or cannot be read (a
    ``file_*`` rule; ``what`` says file or folder, ``reason`` why), or a file in seeds/ larger than any
    seed (``seed_size``; ``most`` bytes), left unread as validation leaves it, so no data holding it
    is ever released."""

    def __init__(self, rule: FileRule | Literal["seed_size"], name: str, words: str, **details: object) -> None:
        super().__init__(f"{name} {words}")
        self.rule = rule
        self.name = name
        self.details = details


def data_hash(
    data_dir: Path, known: Mapping[str, bytes] | None = None, digests: Mapping[str, str] | None = None
) -> str:
    """SHA-256 over every table in ``data_dir`` and every document in ``seeds/`` beside it, by their
    names in the dataset (``data/claims.csv``), whatever the data folder is called or how it was given.
    ``known`` holds, by those names, bytes already read (the build's validated tables), and
    ``digests`` the SHA-256 (hex) of files already checked (the seeds validation held to their
    sources' ``sha256``): the hash is then of exactly those, not of a second reading. A file in seeds/
    larger than any seed raises HashRefused (``seed_size``) unread."""
    known = known or {}
    digests = digests or {}
    root = dataset_root(data_dir)
    seeds = root / "seeds"
    # Every table, and any other CSV file validate would report as a stray copy; not a hidden file,
    # which validate leaves alone: '.#claims.csv' (an editor's lock, a link to nowhere) made the hash
    # fail, and '._claims.csv' (macOS's AppleDouble) labelled the tagged data a local version.
    tables = {f"data/{path.name}": path for path in data_dir.glob("*.csv") if not path.name.startswith(".")}
    tables |= {name: data_dir / name.removeprefix("data/") for name in known if name not in tables}
    named = sorted(tables.items())
    named += [(f"seeds/{path.relative_to(seeds).as_posix()}", path) for path in _seed_files(seeds) if path.is_file()]
    home = root.resolve()
    digest = hashlib.sha256()
    for name, path in named:
        if name == "seeds/README.md":
            continue  # it documents the seeds; it is not data
        checked = digests.get(name)
        if checked is None:
            data = known.get(name)
            table = name.startswith("data/")
            try:  # safely: a named pipe must not hang the hash, nor a link lead it out of the dataset
                folder = tables_home(data_dir) if table else home
                data = read_file(path, folder, most=None if table else SEED_MOST_BYTES)[0] if data is None else data
            except FileRefused as refused:
                raise HashRefused(refused.rule, name, refused.words, what="the file", reason=refused.words) from None
            except FileTooLarge:
                words = f"holds more than {SEED_MOST_BYTES} bytes"
                raise HashRefused("seed_size", name, words, most=SEED_MOST_BYTES) from None
            except MemoryError:  # a sparse table of many gigabytes costs its author nothing
                words = "is too large to read into the memory available"
                raise HashRefused("file_readable", name, words, what="the file", reason=words) from None
            checked = hashlib.sha256(data).hexdigest()
        # A name that is not UTF-8 is hashed by its bytes on disk (what ``os.fsdecode`` turned into surrogates).
        digest.update(f"{name}\0{checked}\n".encode("utf-8", "surrogateescape"))
    return f"sha256:{digest.hexdigest()}"


def _seed_files(seeds: Path) -> list[Path]:
    """Every entry below seeds/, links to folders not followed, in path order; HashRefused naming a
    folder that cannot be listed (``rglob`` would leave it out of the hash without a word). No
    seeds/ at all is no seeds."""

    def unlisted(error: OSError) -> None:
        if isinstance(error, FileNotFoundError) and Path(error.filename) == seeds:
            return
        name = Path(error.filename).relative_to(seeds.parent).as_posix()
        reason = "permission denied; give the user running the command read access"
        words = f"cannot be listed: {reason if isinstance(error, PermissionError) else error.strerror}"
        raise HashRefused("file_readable", name, words, what="the folder", reason=words)

    found = []
    for folder, folders, files in os.walk(seeds, onerror=unlisted):
        found += [Path(folder) / name for name in (*folders, *files)]
    return sorted(found)


def recorded(record: Path = RECORD) -> dict[str, str]:
    """The version and data hash that were tagged; empty when nothing was recorded yet, and when the
    record is not one object of two strings (cut short, edited by hand): it then vouches for no data."""
    try:
        entry = parse_object(read_file(record, record.parent)[0])
    except (OSError, JsonRefused):  # FileRefused is an OSError
        return {}
    if set(entry) != {"version", "data"} or not all(isinstance(value, str) for value in entry.values()):
        return {}
    return entry


def release_version(data_dir: Path, record: Path = RECORD) -> str:
    """``__version__`` for the tagged data, else ``__version__+local.<hash>``; e.g. ``'0.1.0+local.3f2a9c01b7de'``."""
    return version_of(data_hash(data_dir), record)


def version_of(current: str, record: Path = RECORD) -> str:
    """The release version of data whose ``data_hash`` is ``current``, for a caller that has the hash."""
    if recorded(record) == {"version": __version__, "data": current}:
        return __version__
    return f"{__version__}+local.{current.removeprefix('sha256:')[:LABEL_DIGITS]}"


def record_data(data_dir: Path, record: Path = RECORD, known: Mapping[str, bytes] | None = None) -> dict[str, str]:
    """Record ``data_dir`` (with seeds/) as the data of ``__version__``; the release process runs it.
    ``known`` as for ``data_hash``: the tables as they were validated."""
    entry = {"version": __version__, "data": data_hash(data_dir, known)}
    remove_leftovers(record.parent)  # a record killed before its rename left its temporary file there
    write_atomically(record, (json.dumps(entry, indent=2) + "\n").encode("utf-8"))
    return entry


def tree_version() -> str:
    """The version of the source tree this file sits in; the wheel build's version source."""
    return release_version(Path(__file__).resolve().parent.parent / "data")


# A version as a build writes one (0.3.0, 0.3.0+local.3f2a…): letters and digits between single dots,
# dashes and pluses, so that a zip named after it, and the folder inside it, are one plain name each.
RELEASE_VERSION = re.compile(r"[0-9A-Za-z]+(?:[.+-][0-9A-Za-z]+)*")
# How a dated build writes its date, and one such date.
BUILD_DATE_FORMAT, BUILD_DATE_EXAMPLE = "%Y-%m-%dT%H:%M:%SZ", "2023-11-14T22:13:20Z"


def is_build_date(created: object) -> bool:
    """Whether ``created`` is a date as ``build_date`` writes it: a release's descriptor holds what
    its author put there, and the loader hands it on as a str."""
    if not isinstance(created, str):
        return False
    try:
        return datetime.strptime(created, BUILD_DATE_FORMAT).strftime(BUILD_DATE_FORMAT) == created
    except ValueError:
        return False


def build_date() -> str | None:
    """The build's date from ``SOURCE_DATE_EPOCH``, never from the clock, so a rebuild stays identical.

    The release workflow sets it to the tagged commit's time; e.g. ``1700000000`` gives
    ``'2023-11-14T22:13:20Z'``. Unset, the release is not dated.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    refused = ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, not {epoch!r}")
    if not (epoch.isascii() and epoch.isdigit()):  # str.isdigit also says yes to '²' and '١٢'
        raise refused
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).strftime(BUILD_DATE_FORMAT)
    except (OverflowError, OSError, ValueError):  # past the platform's time_t, or the year 9999
        raise refused from None
