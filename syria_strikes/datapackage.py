"""Frictionless Data Package (v2) descriptor, generated from the metadata source.

The descriptor is what people outside Python validate against, so it must say everything the
pandera schemas enforce per cell: types, required, unique, enums, patterns, bounds, keys.
"""

from __future__ import annotations

from typing import Any

from syria_strikes.column_types import forms
from syria_strikes.files import ANNOTATIONS, DATABASE, DATASETTE, GEOJSON
from syria_strikes.metadata import LIST_DELIMITER, REPOSITORY_URL, TABLES, Column, Table
from syria_strikes.version import __version__

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
MISSING_VALUES = [""]
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True, "header": True}


def field_descriptor(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": forms(column).frictionless, "description": column.description}
    if column.type == "date":
        field["format"] = "default"
    if column.type == "list":
        field["delimiter"] = LIST_DELIMITER
        field["itemType"] = "string"
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.vocabulary is not None:
        constraints["enum"] = list(column.vocabulary.codes)
        field["categories"] = [{"value": code, "label": meaning} for code, meaning in column.vocabulary.values]
    if column.pattern is not None:
        constraints["pattern"] = column.pattern
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if column.text_limit is not None and column.type == "string":
        constraints["maxLength"] = column.text_limit
    if constraints:
        field["constraints"] = constraints
    return field


def foreign_keys(table: Table) -> list[dict[str, Any]]:
    """Scalar references only: Table Schema cannot express list-valued keys, the validator checks those."""
    keys = []
    for column in table.columns:
        if column.references is None or column.type == "list":
            continue
        target = next(t for t in TABLES if t.name == column.references)
        keys.append(
            {
                "fields": [column.name],
                "reference": {"resource": target.name, "fields": [target.primary_key]},
            }
        )
    return keys


def table_schema(table: Table) -> dict[str, Any]:
    return {
        "fields": [field_descriptor(column) for column in table.columns],
        "primaryKey": [table.primary_key],
        "foreignKeys": foreign_keys(table),
        "missingValues": MISSING_VALUES,
    }


def resource_descriptor(table: Table, path: str | None = None) -> dict[str, Any]:
    return {
        "name": table.name,
        "type": "table",
        "title": table.title,
        "description": table.description,
        "path": path or table.path,
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": CSV_DIALECT,
        "schema": table_schema(table),
    }


def package_descriptor(
    resources: list[dict[str, Any]] | None = None, version: str = __version__, created: str | None = None
) -> dict[str, Any]:
    """The whole package; the other arguments let the build describe its own files, data and date."""
    return {
        "$schema": PROFILE,
        "name": "syria-strikes",
        "title": "syria-strikes: claims about air and missile strikes in Syria",
        "description": (
            "Hand-curated events, claims, actors and sources about air and missile strikes in Syria. "
            "Every claim quotes its archived source verbatim at checked character offsets."
        ),
        "version": version,
        **({"created": created} if created else {}),
        "homepage": REPOSITORY_URL,
        "keywords": ["Syria", "airstrikes", "conflict data", "claims", "provenance"],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International (data)",
            }
        ],
        "sources": [
            {
                "title": "Archived news articles in seeds/ (quoted for research; rights remain with their publishers)",
                "path": "seeds/",
            }
        ],
        "contributors": [{"title": "syria-strikes curators", "roles": ["author", "curator"]}],
        "resources": resources if resources is not None else [resource_descriptor(t) for t in TABLES],
    }


MEDIATYPES = {
    "jsonld": "application/ld+json",
    "parquet": "application/vnd.apache.parquet",
    "sqlite": "application/vnd.sqlite3",
    "json": "application/json",
    "geojson": "application/geo+json",
}


def release_resources(stamps: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The resources of a release's descriptor, each file with its ``stamps`` (bytes and hash): what a
    build writes, and what a release's descriptor is checked against."""
    resources = [
        {**resource_descriptor(declared, path=declared.file_name), **stamps[declared.file_name]} for declared in TABLES
    ]
    resources += [
        _file_resource(
            f"{declared.name}-parquet",
            f"{declared.name}.parquet",
            stamps,
            f"{declared.title} as Parquet (zstd), with Arrow types.",
        )
        for declared in TABLES
    ]
    return [
        *resources,
        _file_resource(
            "database", DATABASE, stamps, "All tables in SQLite, with primary keys, foreign keys and CHECK constraints."
        ),
        _file_resource(
            "claims-annotations",
            ANNOTATIONS,
            stamps,
            "Every claim as a W3C Web Annotation (JSON-LD): the quote with 32 characters of context and its "
            "offsets in the archived seed, the predicate, stance and claimant in the body.",
        ),
        _file_resource(
            "datasette-metadata",
            DATASETTE,
            stamps,
            "Titles, descriptions and label columns for browsing the database with Datasette.",
        ),
        _file_resource(
            "events-geojson",
            GEOJSON,
            stamps,
            "The events as RFC 7946 GeoJSON: a point where the site is located, a null geometry otherwise.",
        ),
    ]


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
