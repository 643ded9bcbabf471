"""events.geojson: an RFC 7946 FeatureCollection holding every event, placed only where located."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.support.dataset import REPO


@pytest.fixture(scope="module")
def collection(release: Path) -> dict:
    return json.loads((release / "events.geojson").read_text(encoding="utf-8"))


def _events() -> list[dict[str, str]]:
    with (REPO / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _check_rfc7946(document: dict) -> None:
    """The members RFC 7946 requires of a FeatureCollection of Points, and none it forbids."""
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # removed in RFC 7946 (section 4): WGS 84 is implied
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str | int)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]  # longitude first (section 3.1.1)
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90


def test_geojson_follows_rfc_7946(collection: dict) -> None:
    _check_rfc7946(collection)


def test_every_event_is_a_feature_placed_only_where_located(collection: dict) -> None:
    features = {feature["id"]: feature for feature in collection["features"]}
    events = _events()
    assert list(features) == [event["event_id"] for event in events]
    for event in events:
        feature = features[event["event_id"]]
        if event["latitude"] and event["longitude"]:
            assert feature["geometry"]["coordinates"] == [float(event["longitude"]), float(event["latitude"])]
        else:
            assert feature["geometry"] is None
        properties = feature["properties"]
        assert properties["place_precision"] == event["place_precision"]
        assert properties["place_source_id"] == event["place_source_id"]
        assert properties["date_source_id"] == event["date_source_id"]
        assert properties["identification"] == event["identification"]
        assert properties["record_kind"] == event["record_kind"]


def test_claim_sources_are_those_of_the_events_claims(collection: dict) -> None:
    with (REPO / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    for feature in collection["features"]:
        about = [
            claim for claim in claims if feature["id"] in [claim["event_id"], *claim["other_event_ids"].split("|")]
        ]
        expected = sorted({claim["source_id"] for claim in about})
        assert feature["properties"]["claim_source_ids"] == expected


def test_unlocated_event_has_null_geometry_not_a_guess(collection: dict) -> None:
    unlocated = [event["event_id"] for event in _events() if not event["latitude"]]
    assert unlocated, "the data should hold at least one event without coordinates"
    features = {feature["id"]: feature for feature in collection["features"]}
    assert all(features[event_id]["geometry"] is None for event_id in unlocated)


def test_rfc_check_rejects_a_latitude_first_point() -> None:
    swapped = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "x",
                "properties": {},
                "geometry": {"type": "Point", "coordinates": [34.5, 137.6]},
            }
        ],
    }
    with pytest.raises(AssertionError):
        _check_rfc7946(swapped)


def test_release_describes_the_geojson(release: Path) -> None:
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["path"] == "events.geojson")
    assert resource["mediatype"] == "application/geo+json"
