"""The rules that hold a coded value to the words it was read from, called on small frames."""

from __future__ import annotations

import numpy as np
import pytest

from syria_strikes.checks import agreement
from tests.support.frames import typed_frame

ACTORS = [
    {"actor_id": "act-sana", "name": "SANA", "kind": "media", "aliases": "Syrian Arab News Agency"},
    {"actor_id": "act-haaretz", "name": "Haaretz", "kind": "media"},
]


def _claims(rows: list[tuple[str, str, str | None]]) -> list[dict[str, object]]:
    return [
        {"claim_id": f"clm-{at}", "claimant_actor_id": actor, "attribution_quote": words, "curator_note": note}
        for at, (actor, words, note) in enumerate(rows)
    ]


CLAIMS = _claims(
    [
        ("act-sana", "according to SANA", None),  # named by its words
        ("act-haaretz", "according to SANA", None),  # another actor's words
        ("act-haaretz", "the newspaper said", "Haaretz, quoting an official"),  # named by the note
        ("act-sana", "the Syrian Arab News Agency reported", None),  # named by an alias
        ("act-sana", "the agency said", None),  # named nowhere
        ("act-unknown", "according to SANA", None),  # unknown: foreign_key's
        ("act-sana", None, None),  # no words to judge
        ("act-sana", "PRESANA said", None),  # not at the start of a word
    ]
)


def _unnamed(among: list[bool] | None = None) -> list[tuple[int, str]]:
    claims = typed_frame("claims", CLAIMS)
    actors = agreement._known_actors(typed_frame("actors", ACTORS))
    kept = None if among is None else np.array(among)
    return agreement._unnamed(claims, "claimant_actor_id", actors, words="attribution_quote", among=kept)


def test_a_claimant_named_by_neither_its_words_nor_its_note_is_found() -> None:
    assert _unnamed() == [(3, "act-haaretz"), (6, "act-sana"), (9, "act-sana")]


def test_rows_left_out_are_not_judged() -> None:
    assert _unnamed([True, False, True, True, True, True, True, False]) == [(6, "act-sana")]


@pytest.mark.parametrize("rows_at_once", [1, 2, 3])
def test_judging_a_slice_at_a_time_finds_what_judging_all_at_once_does(
    rows_at_once: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _unnamed()
    monkeypatch.setattr(agreement, "ROWS_AT_ONCE", rows_at_once)
    assert _unnamed() == whole


def test_the_documents_about_an_event_are_those_with_a_claim_about_it_each_pair_once() -> None:
    claims = typed_frame(
        "claims",
        [
            {"claim_id": "c1", "event_id": "evt-a", "source_id": "src-1", "other_event_ids": "evt-b"},
            {"claim_id": "c2", "event_id": "evt-a", "source_id": "src-1"},
            {"claim_id": "c3", "event_id": "evt-b", "source_id": "src-2"},
            {"claim_id": "c4", "event_id": None, "source_id": "src-3"},
            {"claim_id": "c5", "event_id": "evt-c", "source_id": None},
        ],
    )
    pairs = agreement.documents_about(claims)
    assert sorted(zip(pairs["event_id"], pairs["source_id"], strict=True)) == [
        ("evt-a", "src-1"),
        ("evt-b", "src-1"),
        ("evt-b", "src-2"),
    ]
