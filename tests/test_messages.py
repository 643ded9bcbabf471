"""Messages that point to the fix: the nearest IDs, the paths the user gave, every column checked."""

from __future__ import annotations

from dataset import Dataset


def _messages(dataset: Dataset, rule: str) -> list[dict]:
    return [problem for problem in dataset.validate()[1] if problem["rule"] == rule]


def test_an_unknown_id_suggests_the_nearest_existing_ones(dataset: Dataset) -> None:
    dataset.set_cell("claims", 0, "claimant_actor_id", "act-syrian-state-medai")
    dataset.set_cell("claims", 1, "source_id", "src-seed-00")
    dataset.set_cell("claims", 2, "event_id", "evt-2099-01-01-nothing-like-it")
    actor, source, event = sorted(_messages(dataset, "foreign_key"), key=lambda p: p["row"])
    assert actor["message"] == "is not an actor_id in data/actors.csv; did you mean 'act-syrian-state-media'?"
    assert source["message"] == "is not a source_id in data/sources.csv; did you mean 'src-seed-002' or 'src-seed-000'?"
    assert event["message"] == "is not an event_id in data/events.csv"
