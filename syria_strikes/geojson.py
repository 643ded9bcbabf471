"""The events as an RFC 7946 GeoJSON FeatureCollection, for map tools that do not read CSV.

Only sites the curators located carry coordinates; every other event is still a feature, with
a null geometry, so that a map reader can see what it cannot place instead of losing it. The
place precision and the sources the place, the date and the claims rest on travel in the
properties, so a point is never shown without what it stands on.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

PROPERTIES = (
    "category",
    "event_type",
    "summary",
    "record_kind",
    "date_start",
    "date_end",
    "date_precision",
    "date_source_id",
    "identification",
    "place_name",
    "place_precision",
    "country",
    "admin1",
    "admin2",
    "locality",
    "place_source_id",
    "place_note",
    "attribution_status",
    "attributed_actor_id",
    "attribution_source_id",
)


def events_geojson(events: pa.Table, claims: pa.Table) -> dict[str, Any]:
    """One feature per event, in the order of the events table; ``id`` is the event ID."""
    claim_sources: dict[str, set[str]] = {}
    # A claim about several events (other_event_ids) rests its source under each of them.
    others = claims.column("other_event_ids").to_pylist() if "other_event_ids" in claims.column_names else None
    for position, (event_id, source_id) in enumerate(
        zip(claims.column("event_id").to_pylist(), claims.column("source_id").to_pylist(), strict=True)
    ):
        for about in [event_id, *((others[position] or []) if others is not None else [])]:
            claim_sources.setdefault(about, set()).add(source_id)
    features = []
    for row in events.to_pylist():
        properties = {name: _plain(row[name]) for name in PROPERTIES}
        properties["claim_source_ids"] = sorted(claim_sources.get(row["event_id"], ()))
        latitude, longitude = row["latitude"], row["longitude"]
        geometry = None
        if latitude is not None and longitude is not None:
            geometry = {"type": "Point", "coordinates": [longitude, latitude]}
        features.append({"type": "Feature", "id": row["event_id"], "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def geojson_text(events: pa.Table, claims: pa.Table) -> str:
    """The document as the release stores it: UTF-8 JSON, keys in a fixed order, one trailing newline."""
    return json.dumps(events_geojson(events, claims), indent=2, ensure_ascii=False) + "\n"


def _plain(value: object) -> object:
    """Dates become ISO text; everything else is already JSON-ready."""
    return value.isoformat() if hasattr(value, "isoformat") else value
