"""A third document added end to end with the curator's commands only, as docs/curation.md describes.

The document is a made-up fixture that exists only in this test; it never enters the real seeds/.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.dataset import REPO, Dataset, run_cli

FIXTURE = (
    "TEST FIXTURE \u2013 made-up text for the test suite, not a real report.\n"
    "\n"
    "A made-up monitor said on Monday that \u201cdrones struck the T4 airbase\u201d. "
    "The monitor could not verify the number of missiles.\n"
)
EVENT = "evt-2020-01-14-t4-airbase-strike"


def _attribution(words: str) -> dict[str, str]:
    """The words naming the claimant and the hedge, at their offsets: a claim whose claimant is not
    the document's publisher needs them."""
    start = FIXTURE.index(words)
    return {"attribution_quote": words, "attribution_start": str(start), "attribution_end": str(start + len(words))}


def _cli(dataset: Dataset, *argv: str) -> tuple[int, str]:
    return run_cli([*argv, "--data-dir", str(dataset.data_dir)])


def _append(dataset: Dataset, table: str, row: dict[str, str]) -> None:
    rows = dataset.rows(table)
    header = list(rows[0])
    dataset.write_rows(table, [*rows, {column: row.get(column, "") for column in header}])


def test_a_new_curator_adds_a_document_with_the_commands_alone(dataset: Dataset, tmp_path: Path) -> None:
    document = tmp_path / "fixture.txt"
    document.write_bytes(FIXTURE.encode("utf-8"))

    # 1. Archive: the copy, its hash, its source row and README line.
    code, output = _cli(dataset, "archive", str(document), "--key", "test-fixture")
    assert code == 0, output
    assert "fill in by hand" in output
    source = dataset.find("sources", source_id="src-seed-003")
    for column, value in {
        "title": "Made-up test document (fixture)",
        "publisher_actor_id": "act-seed-003-publisher",
        "published_start": "2020-01-20",
        "published_end": "2020-01-20",
        "language": "en",
        "curator_note": "A fixture of the test suite.",
    }.items():
        dataset.set_cell("sources", source, column, value)
    _append(
        dataset,
        "actors",
        {"actor_id": "act-seed-003-publisher", "name": "Unidentified publisher of seed 003", "kind": "unidentified"},
    )
    _append(dataset, "actors", {"actor_id": "act-made-up-monitor", "name": "A made-up monitor", "kind": "unidentified"})

    # 2. Every sentence still to read.
    code, output = _cli(dataset, "coverage", "src-seed-003")
    assert code == 1
    assert output.count("MISSING") == 3

    # 3. Claims with their quotes; locate gives the offsets, or --fix fills them in.
    code, output = _cli(dataset, "locate", "src-seed-003", "drones struck the T4 airbase")
    assert code == 0 and output.startswith("107\t135\t")
    claim = {
        "event_id": EVENT,
        "claimant_actor_id": "act-made-up-monitor",
        "source_id": "src-seed-003",
        "hedging": "said",
    }
    _append(
        dataset,
        "claims",
        {
            **claim,
            "claim_id": "clm-003-001",
            "predicate": "occurred",
            "stance": "asserts",
            "quote": "drones struck the T4 airbase",
            "quote_start": "107",
            "quote_end": "135",
            **_attribution("A made-up monitor said"),
        },
    )
    _append(
        dataset,
        "claims",
        {
            **claim,
            "claim_id": "clm-003-002",
            "predicate": "munitions_fired",
            "stance": "cannot_verify",
            "unit": "munitions",
            "quote": "could not verify the number of missiles",
            **_attribution("The monitor could not verify"),
            "curator_note": "'The monitor' is A made-up monitor, who speaks in the sentence before.",
        },
    )
    code, output = _cli(dataset, "locate", "--fix")
    assert code == 0, output
    assert "clm-003-002: quote_start..quote_end (empty)..(empty) -> " in output

    # 4. The rest is declared for what it is, from the offsets coverage prints.
    sentence = json.loads(_cli(dataset, "coverage", "src-seed-003", "--format", "json")[1])["seeds"][0]["uncovered"]
    assert [s["sentence"] for s in sentence] == [FIXTURE.splitlines()[0]]
    _append(
        dataset,
        "uncovered_sentences",
        {
            "uncovered_id": "unc-003-001",
            "source_id": "src-seed-003",
            "sentence": sentence[0]["sentence"],
            "sentence_start": str(sentence[0]["start"]),
            "sentence_end": str(sentence[0]["end"]),
            "reason": "boilerplate",
        },
    )
    code, output = _cli(dataset, "coverage", "src-seed-003")
    assert code == 0 and "nothing missing" in output

    # 5. Valid without a warning, built, annotated, and the change reads as a CHANGELOG entry.
    code, output = _cli(dataset, "validate")
    assert (code, output) == (0, "valid: every table, rule, quote and seed checks out.\n")
    code, output = run_cli(["build", "--data-dir", str(dataset.data_dir), "--out", str(tmp_path / "release")])
    assert code == 0, output
    annotations = json.loads((tmp_path / "release" / "claims.annotations.jsonld").read_text(encoding="utf-8"))
    assert annotations["first"]["items"][-1]["target"]["source"] == "seeds/003_test-fixture.txt"
    code, output = run_cli(["diff", str(REPO / "data"), str(tmp_path / "release"), "--format", "markdown"])
    assert code == 0
    assert "- `claims`: 2 added, 0 removed, 0 changed.\n  - added: `clm-003-001`, `clm-003-002`\n" in output
