"""SQLite DDL generated from the metadata source, and the database writer of the build.

Primary keys, foreign keys and CHECK constraints for enums, dates and bounds make the
database enforce the same rules as the validator, so someone browsing it (with Datasette,
say) cannot be shown rows the release would not accept.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

import pyarrow as pa

from syria_strikes.column_types import forms
from syria_strikes.datasette import add_search_and_views, with_search
from syria_strikes.metadata import TABLES, VOCABULARIES, Column, Table, table

VOCABULARY_TABLE = """CREATE TABLE "vocabularies" (
  "vocabulary" TEXT NOT NULL,
  "code" TEXT NOT NULL,
  "meaning" TEXT NOT NULL,
  PRIMARY KEY ("vocabulary", "code")
);"""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def column_sql(column: Column, declared: Table) -> str:
    name = _quoted(column.name)
    parts = [name, forms(column).sqlite]
    if column.name == declared.primary_key:
        parts.append("PRIMARY KEY")
    if column.required:
        parts.append("NOT NULL")
    if column.vocabulary is not None:
        parts.append(f"CHECK ({name} IN ({', '.join(_literal(code) for code in column.vocabulary.codes)}))")
    if column.type == "date":
        parts.append(f"CHECK ({name} IS date({name}))")
    if isinstance(column.minimum, str):  # a day: ISO dates order as text
        parts.append(f"CHECK ({name} >= {_literal(column.minimum)})")
    elif column.minimum is not None:
        parts.append(f"CHECK ({name} >= {column.minimum:g})")
    if column.maximum is not None:
        parts.append(f"CHECK ({name} <= {column.maximum:g})")
    if column.references is not None and column.type != "list":
        target = table(column.references)
        parts.append(f"REFERENCES {_quoted(target.name)} ({_quoted(target.primary_key)})")
    return " ".join(parts)


def create_table_sql(declared: Table) -> str:
    columns = ",\n  ".join(column_sql(column, declared) for column in declared.columns)
    return f"CREATE TABLE {_quoted(declared.name)} (\n  {columns}\n);"


def schema_sql() -> str:
    """The whole DDL; also written to schemas/sqlite.sql so it can be read without Python."""
    header = "-- Generated from syria_strikes/metadata.py by `python -m syria_strikes generate`. Do not edit.\n"
    return header + "\n\n".join([*(create_table_sql(t) for t in TABLES), VOCABULARY_TABLE]) + "\n"


def write_database(path: Path, tables: dict[str, pa.Table]) -> None:
    """Write every table into a new database of validated, SQL-ready rows (text, integers, reals).

    Why through ADBC, without CHECK evaluation, journal or fsyncs: docs/benchmarks.md#what-the-optimisation-changed.
    """
    import adbc_driver_manager  # the build's alone: generating the DDL needs no driver

    try:
        _write_database(path, tables)
    except (sqlite3.Error, adbc_driver_manager.Error) as error:
        # The drivers report a failed write as a database error; the command reports it as the
        # file-system error it is, so a full disk reads as a full disk.
        code = errno.ENOSPC if "full" in str(error) else errno.EIO
        raise OSError(code, os.strerror(code), str(path)) from error


def _write_database(path: Path, tables: dict[str, pa.Table]) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(schema_sql())
    finally:
        connection.close()
    import adbc_driver_sqlite.dbapi as adbc_sqlite

    codes = vocabulary_rows()
    vocabularies = pa.Table.from_arrays(
        [pa.array(column) for column in zip(*codes, strict=True)], names=["vocabulary", "code", "meaning"]
    )
    with adbc_sqlite.connect(_uri(path), autocommit=True) as database, database.cursor() as cursor:
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "ignore_check_constraints = ON"):
            cursor.execute(f"PRAGMA {pragma}")
        for declared in TABLES:
            cursor.adbc_ingest(declared.name, tables[declared.name], mode="append")
        cursor.adbc_ingest("vocabularies", vocabularies, mode="append")
    add_search_and_views(path)


def vocabulary_rows() -> list[tuple[str, str, str]]:
    """The rows of the ``vocabularies`` table: each vocabulary's codes and their meanings."""
    return [(vocabulary.name, code, meaning) for vocabulary in VOCABULARIES for code, meaning in vocabulary.values]


def _uri(path: Path) -> str:
    """The file as an SQLite URI, which ADBC takes as UTF-8 text: a folder name of other bytes (a
    Latin-1 'café') is percent-encoded, as are '?', '#' and '%', which a URI reads otherwise."""
    return "file:" + urllib.parse.quote(os.fsencode(path.absolute()))


def datasette_metadata() -> dict[str, Any]:
    """Titles, descriptions and label columns, so Datasette shows names instead of bare IDs."""
    labels = {
        "actors": "name",
        "sources": "title",
        "events": "summary",
        "claims": "quote",
        "actor_relations": "quote",
        "uncovered_sentences": "sentence",
    }
    metadata = {
        "title": "syria-strikes",
        "license": "CC-BY-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "databases": {
            "syria-strikes": {
                "tables": {
                    **{
                        declared.name: {
                            "description": declared.description,
                            "label_column": labels[declared.name],
                            "columns": {column.name: column.description for column in declared.columns},
                        }
                        for declared in TABLES
                    },
                    "vocabularies": {
                        "description": "Every controlled vocabulary: each code and its meaning.",
                        "label_column": "meaning",
                    },
                }
            }
        },
    }
    return with_search(metadata)
