"""Build a release: Parquet, CSV, SQLite and a checksummed datapackage.json, all or nothing.

The build validates first and writes nothing unless the data is valid. Files are written into
a staging folder beside the target and swapped in by rename, so a failed or interrupted build
leaves the previous release as it was. Nothing in a release depends on the clock or on
iteration order, so the same input gives byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from syria_strikes.descriptor import package_descriptor, resource_descriptor
from syria_strikes.metadata import LIST_DELIMITER, TABLES, Column, Table
from syria_strikes.problems import Problem
from syria_strikes.sqlite import datasette_metadata, write_database
from syria_strikes.types import arrow_schema
from syria_strikes.validate import read_and_check

DATABASE = "syria-strikes.sqlite"
DATASETTE = "datasette-metadata.json"
DESCRIPTOR = "datapackage.json"
MEDIATYPES = {"parquet": "application/vnd.apache.parquet", "sqlite": "application/vnd.sqlite3",
              "json": "application/json"}


def default_release_dir() -> Path:
    """The release bundled with the package, which ``load`` reads."""
    return Path(__file__).resolve().parent / "release"


def build(data_dir: Path, out: Path) -> list[Problem]:
    """Validate, then replace ``out`` with a fresh release; on problems, touch nothing."""
    frames, problems = read_and_check(data_dir)
    if problems:
        return problems
    tables = {declared.name: to_arrow(frames[declared.name], declared) for declared in TABLES}
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    staging.chmod(0o755)
    try:
        write_release(tables, staging)
        _swap_into_place(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return []


def to_arrow(frame: pd.DataFrame, declared: Table) -> pa.Table:
    columns = [_arrow_column(frame[column.name], column) for column in declared.columns]
    return pa.Table.from_arrays(columns, schema=arrow_schema(declared))


def _arrow_column(series: pd.Series, column: Column) -> pa.Array:
    if column.vocabulary is not None:
        codes = pd.Categorical(series, categories=list(column.vocabulary.codes)).codes
        return pa.DictionaryArray.from_arrays(
            pa.array(codes, type=pa.int8(), mask=codes < 0), pa.array(column.vocabulary.codes, type=pa.string()))
    values = pa.Array.from_pandas(series)
    if column.type == "date":
        return values.cast(pa.date32())
    if column.type == "list":
        return pc.split_pattern(values.cast(pa.string()), LIST_DELIMITER)
    return values.cast({"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}[column.type])


def write_release(tables: dict[str, pa.Table], folder: Path) -> None:
    rows = {}
    for name, arrow in tables.items():
        pq.write_table(arrow, folder / f"{name}.parquet", compression="zstd")
        columns = _plain_columns(arrow)
        _write_csv(arrow.column_names, columns, folder / f"{name}.csv")
        rows[name] = zip(*columns, strict=True)
    write_database(folder / DATABASE, rows)
    (folder / DATASETTE).write_text(_json(datasette_metadata()), encoding="utf-8")
    (folder / DESCRIPTOR).write_text(_json(release_descriptor(folder)), encoding="utf-8")


def release_descriptor(folder: Path) -> dict:
    """The package descriptor of exactly the files in the release, each with bytes and hash."""
    resources = []
    for declared in TABLES:
        resources.append(_stamped(resource_descriptor(declared, path=f"{declared.name}.csv"), folder))
    for declared in TABLES:
        resources.append(_file_resource(f"{declared.name}-parquet", f"{declared.name}.parquet", folder,
                                        f"{declared.title} as Parquet (zstd), with Arrow types."))
    resources.append(_file_resource("database", DATABASE, folder,
                                    "All tables in SQLite, with primary keys, foreign keys and CHECK constraints."))
    resources.append(_file_resource("datasette-metadata", DATASETTE, folder,
                                    "Titles, descriptions and label columns for browsing the database with Datasette."))
    return package_descriptor(resources)


def _file_resource(name: str, path: str, folder: Path, description: str) -> dict:
    extension = path.rsplit(".", 1)[1]
    return _stamped({"name": name, "type": "file", "path": path, "format": extension,
                     "mediatype": MEDIATYPES[extension], "description": description}, folder)


def _stamped(resource: dict, folder: Path) -> dict:
    data = (folder / resource["path"]).read_bytes()
    return {**resource, "bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}"}


def _plain_columns(arrow: pa.Table) -> list[list]:
    """Each column as Python values for CSV and SQLite: ISO dates, '|'-joined lists, enum codes."""
    columns = []
    for field, column in zip(arrow.schema, arrow.columns, strict=True):
        if pa.types.is_list(field.type):
            column = pc.binary_join(column, LIST_DELIMITER)
        if pa.types.is_dictionary(field.type) or pa.types.is_date(field.type):
            column = column.cast(pa.string())
        columns.append(column.to_pylist())
    return columns


def _write_csv(names: list[str], columns: list[list], path: Path) -> None:
    """RFC 4180 with minimal quoting, LF line ends, and an empty cell for missing."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(zip(*([("" if value is None else value) for value in column] for column in columns),
                             strict=True))


def _json(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _swap_into_place(staging: Path, out: Path) -> None:
    """Rename the finished release over the old one; the old one is removed only afterwards."""
    if not out.exists():
        os.rename(staging, out)
        return
    retired = out.with_name(f".{out.name}.retired-{os.getpid()}")
    os.rename(out, retired)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(retired, out)
        raise
    shutil.rmtree(retired)
