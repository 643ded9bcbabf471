"""Frictionless Data Package (v2) descriptor, generated from the metadata source.

The descriptor is what people outside Python validate against, so it must say everything the
pandera schemas enforce per cell: types, required, unique, enums, patterns, bounds, keys.
"""

from __future__ import annotations

from typing import Any

from syria_strikes.column_types import forms
from syria_strikes.metadata import LIST_DELIMITER, TABLES, Column, Table
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


def package_descriptor(resources: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The whole package; ``resources`` lets the build describe its own files instead of data/."""
    return {
        "$schema": PROFILE,
        "name": "syria-strikes",
        "title": "syria-strikes: claims about air and missile strikes in Syria",
        "description": (
            "Hand-curated events, claims, actors and sources about air and missile strikes in Syria. "
            "Every claim quotes its archived source verbatim at checked character offsets."
        ),
        "version": __version__,
        "homepage": "https://github.com/syria-strikes/syria-strikes",
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
