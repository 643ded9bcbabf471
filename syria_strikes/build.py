"""Build a release: Parquet, CSV, SQLite and a checksummed datapackage.json, all or nothing.

The build refuses an output folder it must not replace (see ``outguard``), validates, and
publishes nothing unless the data is valid. Files are written into a staging folder beside the
target, begun once every cell has passed (``Staged``), and swapped in by one atomic exchange
(see ``swap``), one build at a time, so a failed, interrupted
or killed build leaves the previous release as it was. Nothing in a release depends on the clock
or on iteration order, so the same input gives byte-identical files.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from syria_strikes.annotations import CLAIM_COLUMNS, write_annotations
from syria_strikes.column_types import arrow_schema, forms
from syria_strikes.datapackage import package_descriptor, release_resources
from syria_strikes.files import (
    ANNOTATIONS,
    DATABASE,
    DATASETTE,
    DESCRIPTOR,
    GEOJSON,
    HASH_BLOCK,
    HashingWriter,
    release_file_names,
    release_files,
    sha256_bytes,
    sha256_file,
    to_json,
)
from syria_strikes.geojson import geojson_text
from syria_strikes.metadata import LIST_DELIMITER, TABLES, Column, Table
from syria_strikes.outguard import RELEASE_MARKER, OutRefused, check_out, is_release
from syria_strikes.paths import is_checkout_data
from syria_strikes.pools import stopping_pool
from syria_strikes.problems import Problem, rejections
from syria_strikes.sqlite import datasette_metadata, write_database
from syria_strikes.swap import OutputBusy, operated_path, replacing
from syria_strikes.validate import read_and_check
from syria_strikes.versioning import build_date, data_hash, version_of

WRITERS = 4


def default_release_dir() -> Path:
    """The release bundled with the package, which ``load`` reads."""
    return Path(__file__).resolve().parent / "release"


def in_source_checkout(data_dir: Path) -> bool:
    """Whether the default release may be written: the package runs from a source checkout (where
    it is the curator's own build, not the data a user installed) and ``data_dir`` is that
    checkout's own data, not a copy elsewhere."""
    return is_checkout_data(data_dir)


def build(data_dir: Path, out: Path, *, legacy: bool = False) -> list[Problem]:
    """Validate, then replace ``out`` with a fresh release; on problems, leave ``out`` as it was. Warnings
    do not stop a build (``validate`` shows them).

    Raises ``OutRefused`` before reading anything when ``out`` is not a folder a build may replace,
    and ``OutputBusy`` when another build is writing it. ``legacy`` also accepts a release written
    before builds marked their output (the default release folder of a source checkout).
    """
    names = release_file_names()
    check_out(out, data_dir, names, legacy=legacy)
    validated: dict[str, bytes] = {}
    seed_texts: dict[str, str] = {}
    try:
        with ExitStack() as stack:
            staged = Staged(
                stack,
                lambda: replacing(
                    out,
                    RELEASE_MARKER,
                    recheck=lambda: check_out(out, data_dir, names, legacy=legacy),
                    ours=lambda folder: is_release(folder, names, legacy=legacy),
                ),
            )
            frames, problems = read_and_check(
                data_dir,
                validated=validated,
                seed_texts=seed_texts,
                cells_passed=partial(_begin_early, staged, out, validated=validated),
            )
            problems = rejections(problems)
            if problems:
                raise _Rejected(problems)  # the staging folder, if begun, is thrown away
            if staged.folder is None:  # not begun early (see _begin_early)
                staged.start(frames, validated=validated)
            del frames
            write_release(staged, data_dir, seed_texts)
    except _Rejected as rejected:
        return rejected.problems
    return []


def _begin_early(staged: Staged, out: Path, frames: dict[str, pd.DataFrame], *, validated: dict[str, bytes]) -> None:
    """Begin the release before the rules across tables have ruled, unless that changes what a
    rejected build leaves: the folder ``out`` names is made only for valid data, and a busy or
    refused output is reported after the verdict, so a rejected build still shows its problems."""
    if not operated_path(out).parent.is_dir():
        return
    with contextlib.suppress(OutputBusy, OutRefused):
        staged.start(frames, validated=validated)


class _Rejected(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems


class Staged:
    """A release being written. It is begun once every cell has passed: the staging folder is made
    and the tables' files (SQLite, Parquet, the CSVs) are started on threads while the rules across
    tables and the quote checks still run; if those reject the data, the folder is thrown away.
    Why: docs/benchmarks.md#what-the-optimisation-changed."""

    def __init__(self, stack: ExitStack, staging: Callable[[], AbstractContextManager[Path]]) -> None:
        self._stack = stack
        self._staging = staging
        self.folder: Path | None = None
        self.tables: dict[str, pa.Table] = {}
        self.validated: dict[str, bytes] = {}
        self.stamps: dict[str, dict[str, Any]] = {}
        self.written: list[Future[None]] = []
        self.pool: ThreadPoolExecutor | None = None

    def start(self, frames: dict[str, pd.DataFrame], *, validated: dict[str, bytes]) -> None:
        """Make the staging folder (under the output's lock) and start writing the tables' files."""
        self.folder = self._stack.enter_context(self._staging())
        self.validated = validated
        # Left before the staging folder, so the writes end before the folder goes; writes not yet
        # begun are cancelled, so a rejected or interrupted build does not wait for them.
        self.pool = pool = self._stack.enter_context(stopping_pool(WRITERS))
        self.tables = {declared.name: to_arrow(frames[declared.name], declared) for declared in TABLES}
        folder, stamps = self.folder, self.stamps
        sql_tables = {name: sql_ready(arrow) for name, arrow in self.tables.items()}
        self.written.append(pool.submit(write_database, folder / DATABASE, sql_tables))
        for declared in TABLES:
            self.written.append(pool.submit(_write_parquet, self.tables[declared.name], folder, declared.name, stamps))
            self.written.append(pool.submit(_write_bytes, folder, declared.file_name, validated[declared.name], stamps))


def to_arrow(frame: pd.DataFrame, declared: Table) -> pa.Table:
    columns = [_arrow_column(frame[column.name], column) for column in declared.columns]
    return pa.Table.from_arrays(columns, schema=arrow_schema(declared))


def _arrow_column(series: pd.Series, column: Column) -> pa.Array:
    if column.vocabulary is not None:
        codes = pd.Categorical(series, categories=list(column.vocabulary.codes)).codes
        return pa.DictionaryArray.from_arrays(
            pa.array(codes, type=pa.int8(), mask=codes < 0), pa.array(column.vocabulary.codes, type=pa.string())
        )
    values = pa.Array.from_pandas(series)
    if column.type == "list":
        return pc.split_pattern(values.cast(pa.string()), LIST_DELIMITER)
    return values.cast(forms(column).arrow)


def write_release(staged: Staged, data_dir: Path, seed_texts: dict[str, str]) -> None:
    """Finish the release begun in ``staged.folder``: the files made from more than one table, then
    the descriptor, once every file is written.

    The CSV files are the bytes of ``data/*.csv`` that were validated, kept from the one read, so a
    release's CSV is exactly what was checked even if the file is edited during the build, whatever
    its size and modification time; the annotations quote ``seed_texts``, the seeds as the quotes
    were checked in them, for the same reason. Why the writers run on threads:
    docs/benchmarks.md#what-the-optimisation-changed.
    """
    assert staged.folder is not None and staged.pool is not None, "the release was not begun"
    folder, tables, stamps = staged.folder, staged.tables, staged.stamps
    # The annotations are Python string work; they run while the other writers, which spend
    # their time outside the interpreter lock, write Parquet and SQLite.
    written = [
        *staged.written,
        staged.pool.submit(_write_annotations, tables, seed_texts, folder / ANNOTATIONS, stamps),
    ]
    for future in written:
        future.result()
    _write_bytes(folder, DATASETTE, to_json(datasette_metadata()).encode("utf-8"), stamps)
    _write_bytes(folder, GEOJSON, geojson_text(tables["events"], tables["claims"]).encode("utf-8"), stamps)
    # SQLite writes its own file: the one file hashed by reading it back.
    stamps[DATABASE] = _stamp(folder / DATABASE)
    tables_read = {f"data/{name}.csv": data for name, data in staged.validated.items()}
    version = version_of(data_hash(data_dir, tables_read, _seed_digests(tables["sources"])))
    ordered = {name: stamps[name] for name in release_files()}
    (folder / DESCRIPTOR).write_text(to_json(describe_release(ordered, version)), encoding="utf-8")


def _seed_digests(sources: pa.Table) -> dict[str, str]:
    """The SHA-256 of each archived seed, by its path in the dataset: validation held every seed's
    bytes to its source's ``sha256``, so these are the digests of the seeds as they were checked."""
    pairs = sources.select(["seed_path", "sha256"]).to_pylist()
    return {row["seed_path"]: row["sha256"] for row in pairs if row["seed_path"] and row["sha256"]}


def _write_bytes(folder: Path, name: str, data: bytes | memoryview, stamps: dict[str, dict[str, Any]]) -> None:
    """Write a file and stamp it from the bytes in hand: reading it back would cost a second pass."""
    (folder / name).write_bytes(data)
    stamps[name] = {"bytes": len(data), "hash": f"sha256:{sha256_bytes(data)}"}


def _write_parquet(arrow: pa.Table, folder: Path, name: str, stamps: dict[str, dict[str, Any]]) -> None:
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink, compression="zstd")
    _write_bytes(folder, f"{name}.parquet", memoryview(sink.getvalue()).cast("B"), stamps)  # no copy


def _write_annotations(
    tables: dict[str, pa.Table], seed_texts: dict[str, str], path: Path, stamps: dict[str, dict[str, Any]]
) -> None:
    """Every claim as a W3C Web Annotation on its seed, targeting the source's URL or seed path;
    stamped as it is written (it is the largest file, and kept out of memory)."""
    claims = {name: tables["claims"].column(name).to_pylist() for name in CLAIM_COLUMNS}
    sources = tables["sources"].select(["source_id", "url", "seed_path"]).to_pylist()
    archived = {row["source_id"]: row for row in sources if row["seed_path"] is not None}
    targets = {source_id: row["url"] or row["seed_path"] for source_id, row in archived.items()}
    texts = {source_id: seed_texts[source_id] for source_id in set(claims["source_id"])}
    with path.open("wb") as raw:
        hashed = HashingWriter(raw)
        with io.TextIOWrapper(io.BufferedWriter(hashed, HASH_BLOCK), encoding="utf-8", newline="\n") as out:
            write_annotations(out, claims, targets, texts)
        stamps[path.name] = hashed.stamp()


def _stamp(path: Path) -> dict[str, Any]:
    """Bytes and SHA-256 of one file."""
    return {"bytes": path.stat().st_size, "hash": f"sha256:{sha256_file(path)}"}


def describe_release(stamps: dict[str, dict[str, Any]], version: str) -> dict[str, Any]:
    """The package descriptor of exactly the files in the release, each with bytes and hash.

    ``version`` carries a local label when the data is not the tagged data (``versioning``).
    """
    return package_descriptor(release_resources(stamps), version, build_date())


def sql_ready(arrow: pa.Table) -> pa.Table:
    """The columns as SQLite stores them: codes and ISO dates as text, lists joined with '|'."""
    columns = []
    for field, column in zip(arrow.schema, arrow.columns, strict=True):
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, LIST_DELIMITER)
        if pa.types.is_dictionary(field.type) or pa.types.is_date(field.type):
            column = column.cast(pa.string())
        columns.append(column)
    return pa.Table.from_arrays(columns, names=arrow.column_names)
