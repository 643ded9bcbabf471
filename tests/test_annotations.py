"""The release's claims.annotations.jsonld: W3C Web Annotations that re-anchor on the seeds alone."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from syria_strikes.annotations import CLAIM_COLUMNS, write_annotations
from syria_strikes.build import build
from tests.support.dataset import REPO, Dataset

# https://www.w3.org/TR/annotation-vocab/#named-individuals (motivations, also used as purposes)
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
    "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def collection(release: Path) -> dict:
    return json.loads((release / "claims.annotations.jsonld").read_text(encoding="utf-8"))


def test_the_collection_follows_the_w3c_model(collection: dict) -> None:
    claims = _rows(REPO / "data" / "claims.csv")
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and isinstance(collection["id"], str)
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and isinstance(page["id"], str) and page["startIndex"] == 0
    assert collection["total"] == len(page["items"]) == len(claims)
    ids = [item["id"] for item in page["items"]]
    assert len(set(ids)) == len(ids)
    for item, claim in zip(page["items"], claims, strict=True):
        assert item["type"] == "Annotation" and item["id"].endswith("#" + claim["claim_id"])
        assert item["motivation"] in MOTIVATIONS
        values = set()
        for body in item["body"]:
            assert body["type"] == "TextualBody" and body["purpose"] in MOTIVATIONS
            assert isinstance(body["value"], str)
            values.add(body["value"])
        assert {
            f"predicate: {claim['predicate']}",
            f"stance: {claim['stance']}",
            f"claimant: {claim['claimant_actor_id']}",
        } <= values
        target = item["target"]
        assert target["type"] == "SpecificResource" and isinstance(target["source"], str)
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and quote["exact"] == claim["quote"]
        assert isinstance(quote["prefix"], str) and isinstance(quote["suffix"], str)
        assert position["type"] == "TextPositionSelector"
        assert (position["start"], position["end"]) == (int(claim["quote_start"]), int(claim["quote_end"]))
        assert isinstance(position["start"], int) and 0 <= position["start"] <= position["end"]


def test_every_annotation_re_anchors_on_its_seed_from_the_quote_selector_alone(collection: dict) -> None:
    seeds = {row["seed_path"]: row for row in _rows(REPO / "data" / "sources.csv") if row["seed_path"]}
    for item in collection["first"]["items"]:
        source = item["target"]["source"]
        assert source in seeds
        text = (REPO / source).read_bytes().decode("utf-8")
        quote, position = item["target"]["selector"]
        assert len(quote["prefix"]) == min(32, position["start"])
        assert len(quote["suffix"]) == min(32, len(text) - position["end"])
        whole = quote["prefix"] + quote["exact"] + quote["suffix"]
        found = [i for i in range(len(text)) if text.startswith(whole, i)]
        assert len(found) == 1, item["id"]
        start = found[0] + len(quote["prefix"])
        assert (start, start + len(quote["exact"])) == (position["start"], position["end"])


def test_the_file_is_described_with_its_hash(release: Path) -> None:
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["path"] == "claims.annotations.jsonld"]
    assert resource["mediatype"] == "application/ld+json" and resource["hash"].startswith("sha256:")


def test_a_source_with_a_url_is_the_target(dataset: Dataset, tmp_path: Path) -> None:
    index = dataset.find("sources", source_id="src-seed-002")
    dataset.set_cell("sources", index, "url", "https://example.org/archived-article")
    assert build(dataset.data_dir, tmp_path / "release") == []
    items = json.loads((tmp_path / "release" / "claims.annotations.jsonld").read_text(encoding="utf-8"))["first"]
    targets = {item["target"]["source"] for item in items["items"]}
    assert targets == {"seeds/000_88ebea6c751ab514.txt", "https://example.org/archived-article"}


@pytest.mark.parametrize(
    "quote", ['a "straight" quote', "back\\slash", "line\nbreak\ttab", "caf\u00e9 \u201ccurly\u201d"]
)
def test_any_quote_is_written_as_valid_json(quote: str) -> None:
    text = "0123456789" * 5 + quote + "9876543210" * 5
    claims = {name: [f"{name}-1"] for name in CLAIM_COLUMNS}
    claims.update(quote=[quote], quote_start=[50], quote_end=[50 + len(quote)], source_id=["src-x"])
    out = io.StringIO()
    write_annotations(out, claims, {"src-x": "seeds/x.txt"}, {"src-x": text})
    (item,) = json.loads(out.getvalue())["first"]["items"]
    assert item["target"]["selector"][0] == {
        "type": "TextQuoteSelector",
        "exact": quote,
        "prefix": text[18:50],
        "suffix": text[50 + len(quote) : 82 + len(quote)],
    }


def test_no_claims_give_an_empty_page() -> None:
    out = io.StringIO()
    write_annotations(out, {name: [] for name in CLAIM_COLUMNS}, {}, {})
    collection = json.loads(out.getvalue())
    assert (collection["total"], collection["first"]["items"]) == (0, [])
