"""Build a release: Parquet, CSV, SQLite and a checksummed datapackage.json, all or nothing.

The build validates first and writes nothing unless the data is valid. Files are written into
a staging folder beside the target and swapped in by rename, so a failed or interrupted build
leaves the previous release as it was. Nothing in a release depends on the clock or on
iteration order, so the same input gives byte-identical files.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from syria_strikes.annotations import CLAIM_COLUMNS, write_annotations
from syria_strikes.annotations import FILE_NAME as ANNOTATIONS_FILE
from syria_strikes.column_types import arrow_schema, forms
from syria_strikes.datapackage import package_descriptor, resource_descriptor
from syria_strikes.files import DESCRIPTOR, sha256_file, swap_into_place, to_json
from syria_strikes.geojson import geojson_text
from syria_strikes.metadata import LIST_DELIMITER, TABLES, Column, Table
from syria_strikes.paths import dataset_root
from syria_strikes.problems import Problem, problem, rejections
from syria_strikes.sqlite import datasette_metadata, write_database
from syria_strikes.validate import read_and_check
from syria_strikes.versioning import build_date, release_version

DATABASE = "syria-strikes.sqlite"
DATASETTE = "datasette-metadata.json"
ANNOTATIONS = ANNOTATIONS_FILE
GEOJSON = "events.geojson"
MEDIATYPES = {
    "jsonld": "application/ld+json",
    "parquet": "application/vnd.apache.parquet",
    "sqlite": "application/vnd.sqlite3",
    "json": "application/json",
    "geojson": "application/geo+json",
}
WRITERS = 4


def default_release_dir() -> Path:
    """The release bundled with the package, which ``load`` reads."""
    return Path(__file__).resolve().parent / "release"


def build(data_dir: Path, out: Path) -> list[Problem]:
    """Validate, then replace ``out`` with a fresh release; on problems, touch nothing. Warnings
    do not stop a build (``validate`` shows them)."""
    before = _file_states(data_dir)
    frames, problems = read_and_check(data_dir)
    problems = rejections(problems)
    if problems:
        return problems
    tables = {declared.name: to_arrow(frames[declared.name], declared) for declared in TABLES}
    del frames
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    staging.chmod(0o755)
    try:
        write_release(tables, data_dir, staging)
        changed = [name for name, state in _file_states(data_dir).items() if before.get(name) != state]
        if changed:
            return [
                problem("unchanged_during_build", name.removesuffix(".csv"), None, None, None, file=name)
                for name in changed
            ]
        swap_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return []


def _file_states(data_dir: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of each table's file, to notice an edit made during a build."""
    states = {}
    for declared in TABLES:
        path = data_dir / declared.file_name
        if path.is_file():
            status = path.stat()
            states[path.name] = (status.st_size, status.st_mtime_ns)
    return states


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


def write_release(tables: dict[str, pa.Table], data_dir: Path, folder: Path) -> None:
    """Write every file of the release into ``folder``, then its descriptor.

    The CSV files are the validated ``data/*.csv`` copied byte for byte, so a release's CSV is
    exactly the file that was checked. Why the writers run on threads: docs/benchmarks.md#what-the-optimisation-changed.
    """
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        written = [
            pool.submit(write_database, folder / DATABASE, {name: _sql_ready(arrow) for name, arrow in tables.items()})
        ]
        # The annotations are Python string work; they run while the other writers, which spend
        # their time outside the interpreter lock, write Parquet and SQLite.
        written.append(pool.submit(_write_annotations, tables, data_dir, folder / ANNOTATIONS))
        for declared in TABLES:
            parquet = folder / f"{declared.name}.parquet"
            written.append(pool.submit(pq.write_table, tables[declared.name], parquet, compression="zstd"))
            written.append(pool.submit(_copy, data_dir / declared.file_name, folder / declared.file_name))
        for future in written:
            future.result()
        (folder / DATASETTE).write_text(to_json(datasette_metadata()), encoding="utf-8")
        (folder / GEOJSON).write_text(geojson_text(tables["events"], tables["claims"]), encoding="utf-8")
        files = _release_files()
        stamps = dict(zip(files, pool.map(lambda path: _stamp(folder / path), files), strict=True))
    version = release_version(data_dir)
    (folder / DESCRIPTOR).write_text(to_json(describe_release(stamps, version)), encoding="utf-8")


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)


def release_file_names() -> frozenset[str]:
    """The files a release holds, beside its descriptor: what ``--out`` may already contain."""
    return frozenset(_release_files())


def _release_files() -> list[str]:
    return [
        *(declared.file_name for declared in TABLES),
        *(f"{declared.name}.parquet" for declared in TABLES),
        DATABASE,
        DATASETTE,
        GEOJSON,
        ANNOTATIONS,
    ]


def _write_annotations(tables: dict[str, pa.Table], data_dir: Path, path: Path) -> None:
    """Every claim as a W3C Web Annotation on its seed, targeting the source's URL or seed path."""
    claims = {name: tables["claims"].column(name).to_pylist() for name in CLAIM_COLUMNS}
    sources = tables["sources"].select(["source_id", "url", "seed_path"]).to_pylist()
    archived = {row["source_id"]: row for row in sources if row["seed_path"] is not None}
    targets = {source_id: row["url"] or row["seed_path"] for source_id, row in archived.items()}
    texts = {
        source_id: (dataset_root(data_dir) / archived[source_id]["seed_path"]).read_bytes().decode("utf-8")
        for source_id in set(claims["source_id"])
    }
    with path.open("w", encoding="utf-8", newline="\n") as out:
        write_annotations(out, claims, targets, texts)


def _stamp(path: Path) -> dict[str, Any]:
    """Bytes and SHA-256 of one file."""
    return {"bytes": path.stat().st_size, "hash": f"sha256:{sha256_file(path)}"}


def describe_release(stamps: dict[str, dict[str, Any]], version: str) -> dict[str, Any]:
    """The package descriptor of exactly the files in the release, each with bytes and hash.

    ``version`` carries a local label when the data is not the tagged data (``versioning``).
    """
    resources = []
    for declared in TABLES:
        path = declared.file_name
        resources.append({**resource_descriptor(declared, path=path), **stamps[path]})
    for declared in TABLES:
        resources.append(
            _file_resource(
                f"{declared.name}-parquet",
                f"{declared.name}.parquet",
                stamps,
                f"{declared.title} as Parquet (zstd), with Arrow types.",
            )
        )
    resources.append(
        _file_resource(
            "database", DATABASE, stamps, "All tables in SQLite, with primary keys, foreign keys and CHECK constraints."
        )
    )
    resources.append(
        _file_resource(
            "claims-annotations",
            ANNOTATIONS,
            stamps,
            "Every claim as a W3C Web Annotation (JSON-LD): the quote with 32 characters of context and its "
            "offsets in the archived seed, the predicate, stance and claimant in the body.",
        )
    )
    resources.append(
        _file_resource(
            "datasette-metadata",
            DATASETTE,
            stamps,
            "Titles, descriptions and label columns for browsing the database with Datasette.",
        )
    )
    resources.append(
        _file_resource(
            "events-geojson",
            GEOJSON,
            stamps,
            "The events as RFC 7946 GeoJSON: a point where the site is located, a null geometry otherwise.",
        )
    )
    return package_descriptor(resources, version, build_date())


def _file_resource(name: str, path: str, stamps: dict[str, dict[str, Any]], description: str) -> dict[str, Any]:
    extension = path.rsplit(".", 1)[1]
    return {
        "name": name,
        "type": "file",
        "path": path,
        "format": extension,
        "mediatype": MEDIATYPES[extension],
        "description": description,
        **stamps[path],
    }


def _sql_ready(arrow: pa.Table) -> pa.Table:
    """The columns as SQLite stores them: codes and ISO dates as text, lists joined with '|'."""
    columns = []
    for field, column in zip(arrow.schema, arrow.columns, strict=True):
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, LIST_DELIMITER)
        if pa.types.is_dictionary(field.type) or pa.types.is_date(field.type):
            column = column.cast(pa.string())
        columns.append(column)
    return pa.Table.from_arrays(columns, names=arrow.column_names)
