"""Read the packaged release, typed, offline.

Files are found with importlib.resources inside the functions, never at import time. Each file
is checked against the sha256 in the release's datapackage.json whenever the version on disk
(path, size, modification time, inode) is one this process has not verified yet, and its
Parquet schema against the metadata: a damaged, tampered or replaced installation, or a
malformed descriptor, raises ``ReleaseError`` naming the file, never another exception.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from importlib.resources import files
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from syria_strikes.column_types import TYPE_TABLE, arrow_schema, loader_dtype
from syria_strikes.errors import ReleaseError
from syria_strikes.extras import require
from syria_strikes.files import DESCRIPTOR, release_file_names
from syria_strikes.jsonfile import JsonRefused, parse_object
from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES, TABLE_NAMES, Table, TableName, table
from syria_strikes.paths import RELEASE_MARKER_FILE
from syria_strikes.rebuilds import once_more_if_rebuilt
from syria_strikes.safefiles import FileKey, FileTooLarge, hash_file, read_file
from syria_strikes.versioning import BUILD_DATE_EXAMPLE, RELEASE_VERSION, is_build_date

if TYPE_CHECKING:
    import polars as pl

Backend = Literal["pandas", "pyarrow", "polars"]
Read = TypeVar("Read")
Root = str | Path | None
REINSTALL = "reinstall with `pip install --force-reinstall syria-strikes`"
# A file this large is decoded on one thread per processor (at most four); smaller ones on one.
PARALLEL_FROM_BYTES = 8 << 20
DECODERS = min(max(os.cpu_count() or 1, 1), 4)
# The most files a release descriptor may list: a build lists 16; a later one may list more.
MOST_RESOURCES = 1024
# The days a date column may hold: those of Python's dates, as the validator reads them.
FIRST_DAY, LAST_DAY, EPOCH = date.min, date.max, date(1970, 1, 1)
# Each version of a file verified in this process, with the hash and size it was verified against:
# a descriptor rewritten since to record others must be checked again, not taken on trust.
_verified: set[tuple[FileKey, str, int]] = set()


def release_dir() -> Path:
    return Path(str(files("syria_strikes") / "release"))


def release_folder(root: Root) -> Path:
    """The folder ``root`` names, or the installed release; a TypeError for anything but a path."""
    if root is None:
        return release_dir()
    if not isinstance(root, (str, os.PathLike)):
        raise TypeError(f"root must be the path of a release folder (a str or pathlib.Path), not {root!r}")
    return Path(root)


def remedy(folder: Path) -> str:
    """How to get a sound release back: the installed one is built again in a source checkout, else
    reinstalled; a folder the user named is built again (or fetched again) by them."""
    if _installed(folder):
        return _rebuild_or_reinstall()
    if not _marked(folder):  # an unzipped bundle, or a copy: a build refuses to replace it
        return "unzip or download the release again, or build one in a new folder: `syria-strikes build --out DIR`"
    return f"build it again with `syria-strikes build --out {folder}`, or download the release again"


def _marked(folder: Path) -> bool:
    """Whether ``folder`` bears the mark of a build, which the next build may replace."""
    try:
        return (folder / RELEASE_MARKER_FILE).is_file()
    except OSError:
        return False


def _installed(folder: Path) -> bool:
    """Whether ``folder`` is the package's own release."""
    try:
        return folder.resolve() == release_dir().resolve()
    except (OSError, RuntimeError):
        return False


def _rebuild_or_reinstall() -> str:
    """The package's own release comes back by a build in a source checkout (an editable install, whose
    package folder sits beside pyproject.toml), where reinstalling would replace the checkout's install."""
    checkout = release_dir().parent.parent / "pyproject.toml"
    try:
        in_checkout = checkout.is_file()
    except OSError:
        in_checkout = False
    return f"run `python -m syria_strikes build` in {checkout.parent}" if in_checkout else REINSTALL


@overload
def load(name: TableName, *, backend: Literal["pandas"] = "pandas", root: Root = None) -> pd.DataFrame: ...
@overload
def load(name: TableName, *, backend: Literal["pyarrow"], root: Root = None) -> pa.Table: ...
@overload
def load(name: TableName, *, backend: Literal["polars"], root: Root = None) -> pl.DataFrame: ...
def load(name: TableName, *, backend: Backend = "pandas", root: Root = None) -> pd.DataFrame | pa.Table | pl.DataFrame:
    """One table as a pandas DataFrame (default), a pyarrow Table or a polars DataFrame.

    e.g. ``claims = load("claims")``; ``load("events", backend="pyarrow")`` keeps Arrow types.

    ``name`` is one of ``tables()``: actors, sources, events, claims, actor_relations,
    uncovered_sentences; ``describe(name)`` documents its columns. ``root`` reads another release
    folder, such as one written by ``syria-strikes build --out`` or an unpacked release zip.
    Raises KeyError for an unknown name, ValueError for an unknown backend, ReleaseError for a
    missing or damaged release and MissingExtra when polars is not installed.
    """
    declared = table(name)
    _check_backend(backend)
    return _converted(_arrow_tables([name], release_folder(root))[name], declared, backend)


def _check_backend(backend: str) -> None:
    if backend not in ("pandas", "pyarrow", "polars"):
        raise ValueError(f"backend must be 'pandas', 'pyarrow' or 'polars', not {backend!r}")
    if backend == "polars":
        require("polars", "load(..., backend='polars')")


def _arrow_tables(names: list[TableName], folder: Path) -> dict[TableName, pa.Table]:
    """The tables ``names`` of the release in ``folder``, every file checked against one reading of
    its descriptor: a build replacing the release meanwhile gives all of them from the new release,
    never some tables of each (claims whose events are another release's)."""

    def read(descriptor: dict[str, Any]) -> dict[TableName, pa.Table]:
        paths = {name: folder / f"{name}.parquet" for name in names}
        return {name: parquet_table(verify(path, descriptor), path, table(name)) for name, path in paths.items()}

    return across_rebuild(folder, read)


def _converted(arrow: pa.Table, declared: Table, backend: Backend) -> pd.DataFrame | pa.Table | pl.DataFrame:
    if backend == "pyarrow":
        return arrow
    if backend == "polars":
        return _to_polars(arrow, declared)
    return to_pandas(arrow, declared.name)


def _to_polars(arrow: pa.Table, declared: Table) -> pl.DataFrame:
    """A polars frame whose coded columns are ``Enum`` of every declared code, as pandas gets
    categoricals of the whole vocabulary: a polars ``Categorical`` keeps only the codes rows use."""
    import polars

    frame = polars.from_arrow(arrow)
    assert isinstance(frame, polars.DataFrame)  # a Table always gives a DataFrame
    enums = {
        column.name: polars.Enum(column.vocabulary.codes)
        for column in declared.columns
        if column.vocabulary is not None
    }
    return frame.with_columns(polars.col(name).cast(dtype) for name, dtype in enums.items())


@overload
def load_all(*, backend: Literal["pandas"] = "pandas", root: Root = None) -> dict[TableName, pd.DataFrame]: ...
@overload
def load_all(*, backend: Literal["pyarrow"], root: Root = None) -> dict[TableName, pa.Table]: ...
@overload
def load_all(*, backend: Literal["polars"], root: Root = None) -> dict[TableName, pl.DataFrame]: ...
def load_all(
    *, backend: Backend = "pandas", root: Root = None
) -> dict[TableName, pd.DataFrame] | dict[TableName, pa.Table] | dict[TableName, pl.DataFrame]:
    """Every table, by name, all of one release; e.g. ``load_all()["events"]``."""
    _check_backend(backend)
    arrows = _arrow_tables(list(TABLE_NAMES), release_folder(root))
    return {name: _converted(arrow, table(name), backend) for name, arrow in arrows.items()}


def event_summary(*, root: Root = None) -> pd.DataFrame:
    """The derived per-event view (claims, claimants, contested predicates, count ranges).

    e.g. ``event_summary().query("contested")`` lists the predicates on which accounts disagree.

    One row per event x predicate. What each column and "contested" mean:
    https://github.com/syria-strikes/syria-strikes/blob/main/docs/derived-views.md
    """
    from syria_strikes.derived import event_summary as summarise

    arrows = _arrow_tables(["claims", "events"], release_folder(root))
    return summarise(to_pandas(arrows["claims"], "claims"), to_pandas(arrows["events"], "events"))


def derived_files(release_files: dict[str, bytes], release: Path) -> dict[str, bytes]:
    """The files the zip and the site's downloads carry beside the release's own, made from its
    verified bytes ``release_files``: see ``derived_from_tables``."""
    names: tuple[TableName, ...] = ("claims", "events")
    return derived_from_tables(
        {
            name: parquet_table(release_files[f"{name}.parquet"], release / f"{name}.parquet", table(name))
            for name in names
        }
    )


def derived_from_tables(tables: Mapping[TableName, pa.Table]) -> dict[str, bytes]:
    """``derived_files`` from the release's tables already decoded (the site has them): the event
    summary as CSV (``companions.SUMMARY_FILE``), so that a reader without Python sees where the
    accounts of each event disagree."""
    from syria_strikes.companions import SUMMARY_FILE
    from syria_strikes.derived import summary_csv

    return {SUMMARY_FILE: summary_csv(to_pandas(tables["claims"], "claims"), to_pandas(tables["events"], "events"))}


# Arrow types that pandas would otherwise turn into numpy or object columns, mapped to the
# extension dtypes of the type table; ``to_pandas`` casts whatever else differs.
_EXTENSION_DTYPES = {
    forms.arrow: forms.loader_dtype
    for forms in TYPE_TABLE.values()
    if isinstance(forms.loader_dtype, pd.api.extensions.ExtensionDtype)
}


def to_pandas(arrow: pa.Table, name: str) -> pd.DataFrame:
    """A verified table as pandas with the loader's dtypes (extension dtypes, categoricals of every code)."""
    frame: pd.DataFrame = arrow.to_pandas(types_mapper=_EXTENSION_DTYPES.get, date_as_object=False)
    for column in table(name).columns:
        dtype = loader_dtype(column)
        if frame[column.name].dtype != dtype:
            frame[column.name] = frame[column.name].astype(dtype)
    return frame


def read_parquet(path: Path, declared: Table) -> pa.Table:
    """The verified table, read from the very bytes that were verified, with the declared schema."""
    return across_rebuild(path.parent, lambda descriptor: parquet_table(verify(path, descriptor), path, declared))


def across_rebuild(folder: Path, read: Callable[[dict[str, Any]], Read]) -> Read:
    """``read`` of the release in ``folder`` against one reading of its descriptor, read once more
    when it fails across a rebuild (syria_strikes/rebuilds.py)."""
    return once_more_if_rebuilt(
        lambda: _descriptor_or_none(folder),
        lambda descriptor: read(descriptor if descriptor is not None else release_descriptor(folder)),
    )


def _descriptor_or_none(folder: Path) -> dict[str, Any] | None:
    """The release descriptor in ``folder``, or None when it cannot be read (absent, malformed, too
    large): a descriptor caught mid-rebuild is compared, not reported; the read reports it."""
    try:
        return release_descriptor(folder)
    except ReleaseError:
        return None


def parquet_table(data: bytes, path: Path, declared: Table) -> pa.Table:
    """The table the verified bytes ``data`` of the release file ``path`` hold, with the declared
    schema; ReleaseError when they hold another, or a value no build writes."""
    try:
        arrow = decode_parquet(data)
    # A column name that is not UTF-8 fails in pyarrow's Python as UnicodeDecodeError, a ValueError.
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ReleaseError(
            f"{path.name} in {path.parent} cannot be read as Parquet ({error}); {remedy(path.parent)}"
        ) from None
    try:  # Parquet's reader passes a string's bytes on unchecked: pandas then raises, polars panics
        arrow.validate(full=True)
    except pa.ArrowInvalid as error:
        raise ReleaseError(
            f"{path.name} in {path.parent} holds values no build writes, such as text that is not UTF-8 "
            f"({error}); {remedy(path.parent)}"
        ) from None
    expected = arrow_schema(declared)
    if not _declared_index_widths(arrow.schema, expected).equals(expected, check_metadata=False):
        raise ReleaseError(
            f"{path.name} in {path.parent} does not hold the columns and types that syria_strikes/metadata.py "
            f"declares for {declared.name}, so it was written by another version; {remedy(path.parent)}"
        )
    for column in declared.columns:
        if column.vocabulary is not None:
            stray = _outside_vocabulary(arrow.column(column.name), column.vocabulary.codes)
            if stray is not None:
                raise ReleaseError(
                    f"{path.name} in {path.parent} holds {stray!r} in column {column.name}, which is not one of "
                    f"its codes ({', '.join(column.vocabulary.codes)}); {remedy(path.parent)}"
                )
        if column.type == "date":
            outside = _outside_calendar(arrow.column(column.name))
            if outside is not None:
                raise ReleaseError(
                    f"{path.name} in {path.parent} holds a day {outside} in column {column.name}, where dates run "
                    f"from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}; {remedy(path.parent)}"
                )
    # Parquet names a list's items "element" where Arrow says "item": with the declared names, pandas
    # maps list columns to their extension dtype at once instead of through a Python list per cell.
    try:
        return arrow.cast(expected)
    except pa.ArrowInvalid as error:  # a dictionary longer than the declared index type can number
        raise ReleaseError(
            f"{path.name} in {path.parent} cannot be read with the types that syria_strikes/metadata.py "
            f"declares for {declared.name} ({error}); {remedy(path.parent)}"
        ) from None


def _declared_index_widths(found: pa.Schema, expected: pa.Schema) -> pa.Schema:
    """``found`` with each dictionary column given the index type ``expected`` declares: pyarrow 14, the
    oldest pyproject.toml accepts, reads every Parquet dictionary with int32 indices whatever was
    written, and the index width says nothing of the codes, which are checked against the vocabulary."""
    if found.names != expected.names:
        return found
    fields = []
    for field, wanted in zip(found, expected, strict=True):
        if pa.types.is_dictionary(field.type) and pa.types.is_dictionary(wanted.type):
            kind = field.type
            field = field.with_type(pa.dictionary(wanted.type.index_type, kind.value_type, kind.ordered))
        fields.append(field)
    return pa.schema(fields, metadata=found.metadata)


def _outside_vocabulary(column: pa.ChunkedArray, codes: tuple[str, ...]) -> str | None:
    """A value a row holds that is not one of the column's codes, if any: a build writes only codes,
    and pandas' categorical would turn any other value into a missing one without a word. Only the
    dictionary entries that rows use count; the dictionary is as long as the vocabulary."""
    allowed = pa.array(codes, type=pa.string())
    for chunk in column.chunks:
        outside = pc.invert(pc.fill_null(pc.is_in(chunk.dictionary, value_set=allowed), False))
        if not pc.any(outside).as_py():
            continue
        for index in pc.unique(chunk.indices).drop_null().to_pylist():
            if outside[index].as_py():
                return str(chunk.dictionary[index].as_py())
    return None


def _outside_calendar(column: pa.ChunkedArray) -> str | None:
    """Where a day a row holds lies outside 0001-01-01..9999-12-31, if one does: a date32 column holds
    any day of five million years, Python's dates (and the validator's) only these, so the rows of such
    a day could not be read back as dates (pyarrow's as_py, pandas' datetime64)."""
    days = pc.min_max(column.cast(pa.int32()))
    low, high = days["min"].as_py(), days["max"].as_py()
    if low is not None and low < FIRST_DAY.toordinal() - EPOCH.toordinal():
        return f"before {FIRST_DAY.isoformat()}"
    if high is not None and high > LAST_DAY.toordinal() - EPOCH.toordinal():
        return f"after {LAST_DAY.isoformat()}"
    return None


def decode_parquet(data: bytes, threads: int | None = None) -> pa.Table:
    """A Parquet file's table, decoded from bytes in hand. Never on pyarrow's own pool: a table read
    there from an in-memory buffer aborted the interpreter at exit ("terminate called without an
    active exception") once returned to the caller. A large file's top-level columns are decoded side
    by side instead, one at a time on each thread of ours with pyarrow's threads off; the table is the
    same. The columns are not weighed by the sizes in the footer: pyarrow aborts the interpreter when
    Python asks for a column chunk that a tampered footer describes inconsistently."""
    threads = threads if threads is not None else (DECODERS if len(data) >= PARALLEL_FROM_BYTES else 1)
    whole = pq.ParquetFile(pa.BufferReader(data))
    names = whole.schema_arrow.names
    if threads <= 1 or len(names) < 2 or len(set(names)) < len(names):  # a name twice cannot be asked for
        return whole.read(use_threads=False)

    import threading

    from syria_strikes.pools import stopping_pool

    own = threading.local()  # a reader per thread: the footer of many row groups is parsed once a thread

    def decode(name: str) -> pa.ChunkedArray | None:
        if not hasattr(own, "reader"):
            own.reader = pq.ParquetFile(pa.BufferReader(data))
        # Asked for "s.x", pyarrow also gives the part of a struct "s" that holds a field x: only the
        # column asked for is kept. A column with nothing stored (a tampered footer) is not given.
        part = own.reader.read(columns=[name], use_threads=False)
        return part.column(name) if name in part.column_names else None

    with stopping_pool(min(threads, len(names))) as pool:
        columns = list(pool.map(decode, names))
    if any(column is None for column in columns):  # the table one thread gives, whatever it holds
        return whole.read(use_threads=False)
    return pa.Table.from_arrays(columns, schema=whole.schema_arrow)


def release_descriptor(folder: Path) -> dict[str, Any]:
    """The release's own datapackage.json, checked for the shape the loader relies on, or an error
    that says how to get a release."""
    path = folder / DESCRIPTOR
    try:
        data = read_file(path, folder, most=DESCRIPTOR_MOST_BYTES)[0]
    except FileNotFoundError:
        inside = _releases_inside(folder)
        raise ReleaseError(
            f"no built release at {folder}: "
            + (
                f"in a source checkout run `python -m syria_strikes build`; otherwise {REINSTALL}"
                if _installed(folder)
                else f"it holds one in a folder of its own: pass {' or '.join(map(str, inside))}"
                if inside
                else "pass the folder a build wrote (`syria-strikes build --out DIR`) or an unpacked release"
            )
        ) from None
    except FileTooLarge:
        raise ReleaseError(
            f"{DESCRIPTOR} in {folder} holds more than {DESCRIPTOR_MOST_BYTES} bytes, more than any release "
            f"descriptor; it is not read; {remedy(folder)}"
        ) from None
    except OSError as error:
        if _is_file(folder):
            raise ReleaseError(
                f"{folder} is a file, not a release folder: unzip a release bundle and pass the folder it holds"
            ) from None
        raise ReleaseError(f"{DESCRIPTOR} in {folder} {error}") from None
    return parsed_descriptor(data, folder)


def _releases_inside(folder: Path, most: int = 3) -> list[Path]:
    """The folders just inside ``folder`` that hold a release descriptor (at most ``most``): unzipping
    a release bundle makes one such folder, and the folder it was unzipped into is the one users pass."""
    found: list[Path] = []
    try:
        for entry in sorted(islice(folder.iterdir(), 1000)):
            if len(found) < most and entry.is_dir() and (entry / DESCRIPTOR).is_file() and not _dataset(entry):
                found.append(entry)
    except OSError:  # not a folder, or one that cannot be listed: the message says what a release is
        return []
    return found


def _dataset(folder: Path) -> bool:
    """Whether ``folder`` is a dataset (data/ and seeds/ beside its descriptor), which no release is:
    offered as the release to pass, a clone was then refused as one."""
    return (folder / "data").is_dir() and (folder / "seeds").is_dir()


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file; a path the system cannot even look up (too long, say) is not."""
    try:
        return path.is_file()
    except OSError:
        return False


def parsed_descriptor(data: bytes, folder: Path) -> dict[str, Any]:
    """``release_descriptor`` of bytes already read: a caller that republishes the descriptor checks
    its files against the very bytes it publishes, not against a second read of the file."""
    try:
        descriptor = parse_object(data)
    except JsonRefused as refused:
        raise ReleaseError(f"{DESCRIPTOR} in {folder} is malformed: {refused}; {remedy(folder)}") from None
    fault = _shape_fault(descriptor)
    if fault and _dataset(folder):
        # A dataset's own descriptor records no checksums; a build into its folder is refused, so the
        # remedy of a damaged release would send the user to a command that cannot run.
        raise ReleaseError(
            f"{folder} is a dataset folder (data/, seeds/), not a release: build one with "
            "`syria-strikes build --out NEW_FOLDER` and pass that folder"
        )
    if fault:
        raise ReleaseError(f"{DESCRIPTOR} in {folder} is malformed: {fault}; {remedy(folder)}")
    relabelled = _tables_not_tagged(descriptor, folder)
    if relabelled:
        raise ReleaseError(f"{DESCRIPTOR} in {folder} {relabelled}; {remedy(folder)}")
    return descriptor


def _tables_not_tagged(descriptor: dict[str, Any], folder: Path) -> str | None:
    """A release labelled with this package's tagged version, no local label, holds the tagged tables: the
    CSV files of the package's own release, when that one is the tagged release too. A build of other data
    is labelled '+local'; one relabelled by hand, or whose table was edited and its hash recorded, would
    be cited as the tagged data. Parquet and SQLite files may differ in bytes between library versions,
    and are held to the tables by `info --deep`."""
    from syria_strikes.version import __version__

    if descriptor["version"] != __version__ or _installed(folder):
        return None
    try:
        packaged = release_descriptor(release_dir())
    except (ReleaseError, OSError):  # no sound package release to compare with: nothing is claimed
        return None
    if packaged["version"] != __version__:
        return None
    tagged = {resource["path"]: resource["hash"] for resource in packaged["resources"]}
    for resource in descriptor["resources"]:
        name = resource["path"]
        if name.endswith(".csv") and name in tagged and resource["hash"] != tagged[name]:
            return (
                f"labels the release {__version__}, the tagged data, but its {name} is not that version's "
                f"(sha256 {resource['hash'].removeprefix('sha256:')[:12]}..., where {__version__} has "
                f"{tagged[name].removeprefix('sha256:')[:12]}...): a build of other data is labelled "
                f"'{__version__}+local', and this one was relabelled or edited"
            )
    return None


def _shape_fault(descriptor: dict[str, Any]) -> str | None:
    """What is missing from a release descriptor that the loader and `info` read, if anything."""
    if not isinstance(descriptor.get("version"), str):
        return "it has no version"
    if not RELEASE_VERSION.fullmatch(descriptor["version"]):  # handed on, and names the site's zip
        return f"its version {descriptor['version']!r} is not one a build writes (such as 0.3.0 or 0.3.0+local.<hex>)"
    if "created" in descriptor and not is_build_date(descriptor["created"]):  # handed on as a str
        return f"its build date (created) is not one a build writes, such as {BUILD_DATE_EXAMPLE}"
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return "it lists no resources"
    if len(resources) > MOST_RESOURCES:  # each file is looked up among them: thousands cost hours
        return f"it lists {len(resources)} files, far more than a build writes ({len(release_file_names())})"
    for position, resource in enumerate(resources, start=1):
        if not (
            isinstance(resource, dict)
            and isinstance(resource.get("path"), str)
            and resource["path"] not in ("", ".", "..")  # the folder itself, or the one above it
            and "/" not in resource["path"]
            and isinstance(resource.get("hash"), str)
            and resource["hash"].startswith("sha256:")
            and type(resource.get("bytes")) is int
            and resource["bytes"] >= 0
        ):
            return f"resource {position} lacks a file name, a sha256 hash or a byte count"
    seen: set[str] = set()
    for resource in resources:  # each file is checked against one entry: another could describe it otherwise
        if resource["path"] in seen:
            return f"it lists {resource['path']} twice, where a build lists each file once"
        seen.add(resource["path"])
    return _built_otherwise(descriptor)


def _built_otherwise(descriptor: dict[str, Any]) -> str | None:
    """How a descriptor of this package's version differs from the one its build writes for the same
    files, version label and build date, if it does: edited by hand, its vocabularies, its files or its
    words say what the data does not (an enum replaced, a file no build writes listed with its hash). A
    release of another version is not known here; one that leaves out files is named as damaged by `info`."""
    from syria_strikes.checks.descriptor import first_difference, same_json
    from syria_strikes.datapackage import package_descriptor, release_resources
    from syria_strikes.rules import json_shown
    from syria_strikes.version import __version__

    version = descriptor["version"]
    if version.partition("+")[0] != __version__:
        return None
    stamps = {
        resource["path"]: {"bytes": resource["bytes"], "hash": resource["hash"]} for resource in descriptor["resources"]
    }
    extra = sorted(stamps.keys() - release_file_names())
    if extra:
        return f"it lists {extra[0]!r}, which no build of {version} writes"
    if stamps.keys() != release_file_names():
        return None
    built = package_descriptor(release_resources(stamps), version, descriptor.get("created"))
    if same_json(built, descriptor):
        return None
    where, wrote, found = first_difference(built, descriptor)
    return (
        f"it differs from what a build of {version} writes at {where} (a build writes {json_shown(wrote)}; "
        f"the file has {json_shown(found)})"
    )


def verify(path: Path, descriptor: dict[str, Any] | None = None) -> bytes:
    """The bytes of a release file, once they match the byte count and sha256 its datapackage.json
    records. A version of the file already verified in this process (same path, size, modification
    time and inode) against the same recorded hash and size is not hashed again; a file replaced
    since is, and so is one whose descriptor now records another hash. A caller verifying several files
    passes the ``release_descriptor`` it read once."""
    expected = _recorded(path, descriptor)
    with _as_release_errors(path, expected):  # never more than the recorded size and one byte
        data, key = read_file(path, path.parent, most=expected["bytes"])
    if (key, expected["hash"], expected["bytes"]) not in _verified:
        _check_recorded(path, expected, "sha256:" + hashlib.sha256(data).hexdigest(), len(data), key)
    return data


def verify_in_blocks(path: Path, descriptor: dict[str, Any] | None = None) -> None:
    """``verify`` for a caller that needs none of the bytes (``info``): the file is hashed a block at a
    time, never held whole, so a release listing a file of many gigabytes (a sparse one costs its
    author nothing) is verified without taking as much memory."""
    expected = _recorded(path, descriptor)
    with _as_release_errors(path, expected):
        digest, size, key = hash_file(path, path.parent, most=expected["bytes"])
    _check_recorded(path, expected, "sha256:" + digest, size, key)


def _recorded(path: Path, descriptor: dict[str, Any] | None) -> dict[str, Any]:
    """The resource of ``descriptor`` (or of the release's own) that describes the file ``path``."""
    folder = path.parent
    resources = (descriptor if descriptor is not None else release_descriptor(folder))["resources"]
    expected: dict[str, Any] | None = next((r for r in resources if r["path"] == path.name), None)
    if expected is None:
        raise ReleaseError(f"the release at {folder} lacks {path.name}; {remedy(folder)}")
    return expected


@contextmanager
def _as_release_errors(path: Path, expected: dict[str, Any]) -> Iterator[None]:
    """The errors of reading a release file as ReleaseError naming it, worded alike whether the file
    is read whole (``verify``) or hashed in blocks (``verify_in_blocks``)."""
    folder = path.parent
    try:
        yield
    except FileNotFoundError:
        raise ReleaseError(f"the release at {folder} lacks {path.name}; {remedy(folder)}") from None
    except FileTooLarge:
        raise ReleaseError(
            f"{path.name} in {folder} is damaged or was modified: it holds more than the {expected['bytes']} bytes "
            f"the release records; {remedy(folder)}"
        ) from None
    except OSError as error:
        raise ReleaseError(f"{path.name} in {folder} {error}") from None
    except MemoryError:  # the size the descriptor records is read whole, and a descriptor may record any
        raise ReleaseError(
            f"{path.name} in {folder} is too large to load into the memory available ({expected['bytes']:,} bytes, "
            f"as the release records); if no release of that size was built, it was modified: {remedy(folder)}"
        ) from None


def _check_recorded(path: Path, expected: dict[str, Any], digest: str, size: int, key: FileKey) -> None:
    """ReleaseError unless the file read as ``key`` has the recorded checksum and size; remembered if so."""
    if digest != expected["hash"] or size != expected["bytes"]:
        raise ReleaseError(
            f"{path.name} in {path.parent} is damaged or was modified: its checksum is {digest}, the release "
            f"records {expected['hash']}; {remedy(path.parent)}"
        )
    _verified.add((key, expected["hash"], expected["bytes"]))
