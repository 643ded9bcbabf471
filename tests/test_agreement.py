"""The rules that hold a coded value to the words it was read from, called on small frames."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _acknowledgement(claimant: str, stance: str = "asserts", status: str = "acknowledged") -> list[tuple[int, str]]:
    """The problems of an event acknowledged on its archived document, whose one attribution claim
    ``claimant`` makes there with ``stance``."""
    frames = {
        "actors": typed_frame(
            "actors",
            [
                {"actor_id": "act-israel", "name": "Israel", "kind": "state"},
                {"actor_id": "act-iaf", "name": "IAF", "kind": "armed_forces", "parent_actor_id": "act-israel"},
                {"actor_id": "act-sana", "name": "SANA", "kind": "media_outlet"},
            ],
        ),
        "sources": typed_frame(
            "sources",
            [{"source_id": "src-seed-000", "kind": "archived_article", "seed_path": "seeds/000.txt", "sha256": "a"}],
        ),
        "events": typed_frame(
            "events",
            [
                {
                    "event_id": "evt-2020-strike",
                    "attribution_status": status,
                    "attributed_actor_id": "act-israel",
                    "attribution_source_id": "src-seed-000",
                }
            ],
        ),
        "claims": typed_frame(
            "claims",
            [
                {
                    "claim_id": "clm-000-001",
                    "event_id": "evt-2020-strike",
                    "claimant_actor_id": claimant,
                    "source_id": "src-seed-000",
                    "predicate": "attribution",
                    "stance": stance,
                    "value_actor_id": "act-israel",
                }
            ],
        ),
    }
    return [(p.row or 0, p.rule) for p in agreement._acknowledged_claimed(frames)]


@pytest.mark.parametrize("claimant", ["act-israel", "act-iaf"])
def test_an_acknowledgement_is_the_perpetrators_own_claim_or_one_of_its_forces(claimant: str) -> None:
    assert _acknowledgement(claimant) == []


@pytest.mark.parametrize(("claimant", "stance"), [("act-sana", "asserts"), ("act-israel", "denies")])
def test_others_blame_or_a_denial_is_no_acknowledgement(claimant: str, stance: str) -> None:
    assert _acknowledgement(claimant, stance) == [(2, "acknowledged_claimed")]


def test_an_allegation_need_not_be_the_perpetrators_word() -> None:
    assert _acknowledgement("act-sana", status="alleged") == []


@pytest.mark.parametrize(
    ("subject", "relation", "object_", "wrong"),
    [
        ("act-biden", "leads", "act-usa", None),
        ("act-usa", "leads", "act-biden", "object_actor_id"),
        ("act-tass", "owned_by", "act-usa", None),
        ("act-usa", "owned_by", "act-tass", "subject_actor_id"),
        ("act-biden", "owned_by", "act-tass", "subject_actor_id"),
        ("act-usa", "operates", "act-tass", None),
        ("act-tass", "operates", "act-usa", "object_actor_id"),
        ("act-usa", "allied_with", "act-biden", None),
    ],
)
def test_a_relation_whose_end_its_actors_kind_rules_out_is_reported_there(
    subject: str, relation: str, object_: str, wrong: str | None
) -> None:
    frames = {
        "actors": typed_frame(
            "actors",
            [
                {"actor_id": "act-usa", "name": "United States", "kind": "state"},
                {"actor_id": "act-biden", "name": "Joe Biden", "kind": "person"},
                {"actor_id": "act-tass", "name": "TASS", "kind": "media_outlet"},
            ],
        ),
        "actor_relations": typed_frame(
            "actor_relations",
            [{"relation_id": "rel-x", "subject_actor_id": subject, "relation": relation, "object_actor_id": object_}],
        ),
    }
    found = agreement._relation_direction(frames)
    assert [(p.column, p.rule) for p in found] == ([] if wrong is None else [(wrong, "relation_kind")])


# --- one spelling, one actor ----------------------------------------------------------------------
def _shared(*rows: tuple[str, str, str | None]) -> list[tuple[int | None, str | None, object]]:
    actors = typed_frame("actors", [{"actor_id": a, "name": n, "aliases": al} for a, n, al in rows])
    return [(p.row, p.column, p.value) for p in agreement._names_shared({"actors": actors})]


def test_a_spelling_of_one_actor_passes_even_listed_twice_by_it() -> None:
    assert _shared(("act-tass", "TASS", "TASS"), ("act-sana", "SANA", "state news agency")) == []


def test_an_alias_that_is_another_actors_name_is_reported_on_the_alias_whichever_comes_first() -> None:
    rows = (("act-syria", "Syria", "Syria|Israel Hayom"), ("act-israel-hayom", "Israel Hayom", None))
    assert _shared(*rows) == [(2, "aliases", "Syria|Israel Hayom")]
    assert _shared(*reversed(rows)) == [(3, "aliases", "Syria|Israel Hayom")]


def test_a_name_or_alias_given_to_two_actors_is_reported_once_on_the_later_row() -> None:
    assert _shared(("act-sana", "TASS", "SANA"), ("act-tass", "TASS", "TASS")) == [(3, "name", "TASS")]
    assert _shared(("act-a", "A", "the army"), ("act-b", "B", "the army|B")) == [(3, "aliases", "the army|B")]


# --- the publisher of a report --------------------------------------------------------------------
def _publishers(*rows: dict[str, object]) -> list[tuple[int | None, str | None]]:
    frames = {"actors": typed_frame("actors", ACTORS), "sources": typed_frame("sources", list(rows))}
    return [(p.row, p.rule) for p in agreement._publisher_named(frames)]


def test_a_reports_publisher_is_named_in_its_title_or_note() -> None:
    assert _publishers(
        {"source_id": "src-a", "kind": "agency_report", "publisher_actor_id": "act-sana", "title": "SANA report"},
        {
            "source_id": "src-b",
            "kind": "news_article",
            "publisher_actor_id": "act-haaretz",
            "title": "Report on the occupants",
            "curator_note": "Seed 000: 'Haaretz reported'.",
        },
        {"source_id": "src-c", "kind": "agency_report", "publisher_actor_id": "act-sana", "title": "TASS report"},
        {"source_id": "src-d", "kind": "agency_report", "publisher_actor_id": "act-nobody", "title": "A report"},
    ) == [(4, "publisher_named")]


def test_an_archived_documents_publisher_is_not_judged_by_its_title() -> None:
    assert (
        _publishers(
            {"source_id": "src-seed-000", "kind": "archived_article", "publisher_actor_id": "act-sana", "title": "T"},
            {
                "source_id": "src-seed-001",
                "publisher_actor_id": "act-sana",
                "seed_path": "seeds/001_x.txt",
                "title": "T",
            },
        )
        == []
    )


# --- an event ends by its date source -------------------------------------------------------------
@pytest.mark.parametrize(
    ("end", "precision", "published", "reported"),
    [
        ("2020-01-10", "range", "2020-01-10", False),
        ("2020-01-11", "range", "2020-01-10", True),
        ("2020-01-31", "month", "2020-01-10", False),  # a month's interval is the calendar month
        ("2020-01-11", "range", None, False),  # a source without a known day
    ],
)
def test_an_event_ends_by_the_publication_of_the_document_it_is_dated_from(
    end: str, precision: str, published: str | None, reported: bool
) -> None:
    frames = {
        "events": typed_frame(
            "events",
            [{"event_id": "evt-x", "date_end": end, "date_precision": precision, "date_source_id": "src-ref-x"}],
        ),
        "sources": typed_frame("sources", [{"source_id": "src-ref-x", "published_end": published}]),
    }
    found = agreement._ended_by_date_source(frames)
    assert [(p.row, p.column, p.rule) for p in found] == ([(2, "date_end", "ended_by_date_source")] if reported else [])


@pytest.mark.parametrize(
    ("start", "end", "intervals", "reported"),
    [
        ("2020-01-12", "2020-01-12", ["2020-01-12/2020-01-15"], True),  # a day picked inside 'this week'
        ("2020-01-12", "2020-01-15", ["2020-01-12/2020-01-15"], False),
        ("2020-01-14", "2020-01-14", ["2020-01-12/2020-01-15", "2020-01-14/2020-01-14"], False),  # 'on Tuesday'
        ("2020-01-12", "2020-01-12", ["2020-01-12/2020-01-15", "2020-01-14/2020-01-14"], True),  # a Sunday
        ("2020-01-12", "2020-01-14", ["2020-01-12/2020-01-15", "../2020-01-14"], False),  # both claims together
        ("2020-01-12", "2020-01-13", ["../2020-01-15"], True),  # no start is written
        ("2020-01-12", "2020-01-12", ["2020-01-12/2020-01-15", "not an interval"], True),  # unusable: not judged
        ("2020-01-01", "2020-01-31", ["2020-01-12/2020-01-15"], False),  # wider: looser, not wrong
        ("2020-01-12", "2020-01-12", ["2020-01-01/2020-01-02", "2020-01-10/2020-01-12"], False),  # date_claimed's
        (None, "2020-01-15", ["../2020-01-15"], False),  # an event with an open start is narrowed to nothing
    ],
)
def test_an_event_is_dated_no_narrower_than_its_document_dates_it(
    start: str | None, end: str, intervals: list[str], reported: bool
) -> None:
    """'this week' dated to one of its days: the day is written nowhere in the document."""
    frames = {
        "events": typed_frame(
            "events",
            [{"event_id": "evt-x", "date_start": start, "date_end": end, "date_source_id": "src-seed-x"}],
        ),
        "claims": typed_frame(
            "claims",
            [
                {
                    "claim_id": f"clm-{k}",
                    "event_id": "evt-x",
                    "source_id": "src-seed-x",
                    "predicate": "time",
                    "value_text": interval,
                }
                for k, interval in enumerate(intervals)
            ],
        ),
        "sources": typed_frame(
            "sources", [{"source_id": "src-seed-x", "seed_path": "seeds/x.txt", "published_end": "2020-01-15"}]
        ),
    }
    found = agreement._date_narrowed(frames)
    assert [(p.row, p.column, p.rule) for p in found] == ([(2, "date_end", "date_narrowed")] if reported else [])


def test_a_time_claim_about_several_events_dates_each_of_them() -> None:
    """'Both came under fire on Tuesday' is one claim, its second event in other_event_ids."""
    frames = {
        "events": typed_frame(
            "events",
            [
                {
                    "event_id": "evt-x",
                    "date_start": "2020-01-14",
                    "date_end": "2020-01-14",
                    "date_source_id": "src-seed-x",
                }
            ],
        ),
        "claims": typed_frame(
            "claims",
            [
                {
                    "claim_id": "clm-1",
                    "event_id": "evt-x",
                    "source_id": "src-seed-x",
                    "predicate": "time",
                    "value_text": "2020-01-12/2020-01-15",
                },
                {
                    "claim_id": "clm-2",
                    "event_id": "evt-y",
                    "other_event_ids": "evt-x",
                    "source_id": "src-seed-x",
                    "predicate": "time",
                    "value_text": "2020-01-14/2020-01-14",
                },
            ],
        ),
        "sources": typed_frame(
            "sources", [{"source_id": "src-seed-x", "seed_path": "seeds/x.txt", "published_end": "2020-01-15"}]
        ),
    }
    assert agreement._date_narrowed(frames) == []


# --- 'unattributed' rests on sources that call the perpetrator unknown ---------------------------
def _attributions(status: str, *claims: tuple[str | None, str | None]) -> list[tuple[int | None, str]]:
    frames = {
        "events": typed_frame("events", [{"event_id": "evt-x", "attribution_status": status}]),
        "claims": typed_frame(
            "claims",
            [
                {"claim_id": f"clm-{k}", "event_id": "evt-x", "predicate": predicate, "value_text": text}
                | ({"value_actor_id": "act-israel"} if text is None else {})
                for k, (predicate, text) in enumerate(claims)
            ],
        ),
    }
    return [(p.row, p.rule) for p in agreement._unattributed_claimed(frames)]


def test_an_event_every_source_blames_on_someone_is_not_unattributed() -> None:
    assert _attributions("unattributed", ("attribution", None), ("occurred", None)) == [(2, "unattributed_claimed")]


@pytest.mark.parametrize(
    ("status", "claims"),
    [
        ("unattributed", (("attribution", None), ("attribution", "unknown"))),  # one source calls it unknown
        ("unattributed", (("occurred", None),)),  # no attribution claim at all
        ("alleged", (("attribution", None),)),
    ],
)
def test_unattributed_is_judged_only_against_attribution_claims_that_all_name_someone(
    status: str, claims: tuple[tuple[str, str | None], ...]
) -> None:
    assert _attributions(status, *claims) == []


@pytest.mark.parametrize(
    ("stances", "blamed"),
    [
        (("asserts",), True),
        (("reports",), True),  # relayed: 'the airstrikes attributed to Israel'
        (("denies",), False),
        (("no_comment",), False),
        (("questions", "cannot_verify", "disputes"), False),
        (("denies", "asserts"), True),  # one source blames, another denies
        ((None,), True),  # a stance blanked by its own problem is not judged: required's or enum's to report
    ],
)
def test_an_event_is_attributed_only_to_an_actor_a_claim_blames(stances: tuple[str | None, ...], blamed: bool) -> None:
    """attribution_claimed: a denial, a doubt or a refusal to comment names the actor without blaming it."""
    claims = [
        {
            "claim_id": f"clm-{at}",
            "event_id": "evt-a",
            "predicate": "attribution",
            "stance": stance,
            "value_actor_id": "act-israel",
        }
        for at, stance in enumerate(stances)
    ]
    frames = {
        "events": typed_frame(
            "events", [{"event_id": "evt-a", "attribution_status": "alleged", "attributed_actor_id": "act-israel"}]
        ),
        "claims": typed_frame("claims", claims),
        "actors": typed_frame("actors", [{"actor_id": "act-israel", "name": "Israel", "kind": "state"}]),
    }
    found = [(p.row, p.rule, p.value) for p in agreement._attribution_claimed(frames)]
    assert found == ([] if blamed else [(2, "attribution_claimed", "act-israel")])


# --- one place, one description ---------------------------------------------------------------------
SITE = {
    "place_name": "Tiyas (T4) Military Airbase",
    "place_precision": "site",
    "place_source_id": "src-ref-tiyas",
    "country": "SYR",
    "admin1": "Homs",
    "locality": "Tiyas",
    "latitude": 34.5225,
    "longitude": 37.62972,
}


def _places(*edits: dict[str, object]) -> list[tuple[int | None, str | None]]:
    events = typed_frame("events", [{"event_id": f"evt-{k}", **SITE, **edit} for k, edit in enumerate(edits)])
    return [(p.row, p.column) for p in agreement._place_read_once({"events": events})]


def test_events_at_one_place_from_one_source_describe_it_one_way() -> None:
    assert _places({}, {}, {}) == []
    assert _places({}, {"latitude": 34.4951, "longitude": 36.8936}) == [(3, "latitude")]
    assert _places({}, {}, {"admin1": "Hama"}) == [(4, "admin1")]
    assert _places({}, {"admin2": "Tadmur"}) == []  # a field given on one row only is not compared
    assert _places({}, {"latitude": None, "longitude": 36.0}) == []  # coordinates are compared as a pair
    assert _places({}, {}, {"longitude": 36.0}) == [(4, "longitude")]


def test_another_source_or_precision_may_describe_a_place_otherwise() -> None:
    assert _places({}, {"place_source_id": "src-ref-other", "latitude": 34.5}) == []
    assert _places({}, {"place_precision": "town", "latitude": None, "longitude": None}) == []


# --- the attribution words, not the note, say who speaks -------------------------------------------


def _claimant_problems(
    rows: list[tuple[str, str, str | None]], actors: list[dict[str, str]] = ACTORS
) -> list[tuple[int, str | None]]:
    """(line, actor named by the words) of each claimant_named problem of claims in a document AP
    publishes, so that no claim is in its document's own voice."""
    frames = {
        "actors": typed_frame("actors", [*actors, {"actor_id": "act-ap", "name": "AP", "kind": "media"}]),
        "sources": typed_frame("sources", [{"source_id": "src-seed-000", "publisher_actor_id": "act-ap"}]),
        "claims": typed_frame("claims", [{**row, "source_id": "src-seed-000"} for row in _claims(rows)]),
    }
    return [
        (p.row or 0, p.message.split("'")[1] if "name '" in p.message else None)
        for p in agreement._claimant_named(frames)
    ]


def test_a_note_does_not_credit_another_actors_words_to_the_actor_it_names() -> None:
    assert _claimant_problems([("act-haaretz", "according to SANA", "Haaretz, quoting SANA")]) == [(2, "SANA")]


def test_a_note_says_who_speaks_where_the_words_name_no_actor() -> None:
    assert _claimant_problems([("act-haaretz", "The source claimed", "The source is Haaretz")]) == []
    assert _claimant_problems([("act-haaretz", "The source claimed", "A newspaper")]) == [(2, None)]


def test_words_naming_the_claimant_and_another_actor_name_the_claimant() -> None:
    assert _claimant_problems([("act-haaretz", "Haaretz, citing SANA, said", None)]) == []


def _names(*spellings: tuple[str, str]) -> agreement.ActorNames:
    rows = [{"actor_id": actor, "name": name, "kind": "state"} for actor, name in spellings]
    return agreement.ActorNames(agreement._known_actors(typed_frame("actors", rows)))


def test_a_name_inside_a_longer_name_of_another_actor_names_that_actor_only() -> None:
    names = _names(
        ("act-syria", "Syria"),
        ("act-sohr", "Syrian Human Rights Observatory"),
        ("act-hayom", "Israel Hayom"),
        ("act-israel", "Israel"),
    )
    assert not names.names("the Syrian Human Rights Observatory said", "act-syria")
    assert names.names("the Syrian Human Rights Observatory said", "act-sohr")
    assert not names.names("Israel Hayom announced", "act-israel")
    assert names.names("Israel Hayom announced that Israel struck", "act-israel")
    assert names.names("an Israeli attack", "act-israel")  # a word it starts, not another actor's name
    assert names.names("Syrian air defences", "act-syria")


def test_an_actor_inside_the_name_of_the_relations_other_actor_is_named_where_it_carries_the_relation() -> None:
    names = _names(
        ("act-iran", "Iran"),
        ("act-militias", "Iranian-backed Iraqi militias"),
        ("act-x", "X"),
        ("act-israel", "Israel"),
        ("act-toi", "the Times of Israel"),
    )
    words = "A number of Iranian-backed Iraqi militias"
    assert names.names(words, "act-iran", beside="act-militias", relation="backed_by")
    assert not names.names(words, "act-iran", beside="act-x", relation="backed_by")
    assert not names.names(words, "act-iran", beside="act-militias", relation="leads")  # not the name's relation
    assert not names.names("the Times of Israel", "act-israel", beside="act-toi", relation="owned_by")
    names = _names(("act-iran", "Iran"), ("act-pro", "pro-Iranian militias"), ("act-aligned", "Iran-aligned militias"))
    assert names.names("pro-Iranian militias", "act-iran", beside="act-pro", relation="backed_by")
    assert names.names("Iran-aligned militias", "act-iran", beside="act-aligned", relation="backed_by")


def test_a_longer_name_holds_a_shorter_one_only_word_for_word_even_a_possessive() -> None:
    names = _names(("act-syria", "Syria"), ("act-media", "Syrian media"), ("act-air", "Syria\u2019s aerial defense"))
    assert not names.names("Syrian media said", "act-syria")
    assert names.names("Syrian mediators said", "act-syria")  # 'Syrian media' is not written there
    assert not names.names("Russia assisted Syria\u2019s aerial defense", "act-syria")  # the alias names the unit
    assert names.names("Russia assisted Syria\u2019s aerial defense", "act-air")
    assert names.names("Russia assisted Syria\u2019s army", "act-syria")


def test_a_claim_moved_to_a_name_inside_its_claimants_name_is_reported() -> None:
    actors = [*ACTORS, {"actor_id": "act-syria", "name": "Syria", "kind": "state"}]
    actors.append({"actor_id": "act-sohr", "name": "Syrian Human Rights Observatory", "kind": "ngo"})
    words = "the Syrian Human Rights Observatory said"
    assert _claimant_problems([("act-sohr", words, None)], actors) == []
    assert _claimant_problems([("act-syria", words, None)], actors) == [(2, "Syrian Human Rights Observatory")]


def test_the_first_actor_named_is_found_at_the_start_of_a_word_the_longest_spelling_there() -> None:
    anyone = agreement.AnyActor(["Israel", "Israeli Air Force", "SANA", "«Al»"])
    assert anyone.first("the Israeli Air Force and SANA") == "Israeli Air Force"
    assert anyone.first("an Israeli strike") == "Israel"
    assert anyone.first("PRESANA said") is None
    assert anyone.first("as «Al» and SANA said") == "«Al»"
    assert anyone.first("SANA quoting «Al»") == "SANA"


# Words and pieces of words that overlap (a name inside a longer word, two names sharing a first word).
_SPELLING_PARTS = ["Israel", "Israeli Air Force", "Israeli", "Is", "SANA", "SAN", "«Al»", "Al", "A B", "A", "B C"]
_TEXT_PARTS = ["Israel", "Israeli", "i", "Air Force", " ", "SANA", "SAN", "_", "«Al»", "Al", "A", "B", "C", ", ", "x"]


@settings(max_examples=300, deadline=None)
@given(
    spellings=st.lists(st.sampled_from(_SPELLING_PARTS), min_size=1, max_size=8, unique=True),
    texts=st.lists(st.lists(st.sampled_from(_TEXT_PARTS), max_size=12).map("".join), min_size=1, max_size=6),
)
def test_the_first_actor_named_is_the_one_the_plain_pattern_finds(spellings: list[str], texts: list[str]) -> None:
    """``AnyActor`` keeps the candidates of each word it met: one instance asked about many texts, some
    again, answers each as one regular expression of every spelling (longest first) would."""
    anyone = agreement.AnyActor(spellings)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(spellings, key=len, reverse=True))) + ")")
    for text in [*texts, *texts]:
        match = plain.search(text)
        assert anyone.first(text) == (None if match is None else match.group()), text


def _relations_within(rows: list[tuple[str, str, str]]) -> list[tuple[int, str, str]]:
    """(line, part, whole) of each relation_within problem among relations of a small hierarchy."""
    actors = [
        {"actor_id": "act-israel", "name": "Israel", "kind": "state"},
        {"actor_id": "act-idf", "name": "IDF", "kind": "armed_forces", "parent_actor_id": "act-israel"},
        {"actor_id": "act-iaf", "name": "IAF", "kind": "armed_forces", "parent_actor_id": "act-idf"},
        {"actor_id": "act-iran", "name": "Iran", "kind": "state"},
    ]
    relations = [
        {"relation_id": f"rel-{at}", "subject_actor_id": a, "relation": kind, "object_actor_id": b}
        for at, (a, kind, b) in enumerate(rows)
    ]
    frames = {"actors": typed_frame("actors", actors), "actor_relations": typed_frame("actor_relations", relations)}
    said = [
        (p.row or 0, re.match(r"(\S+) is part of (\S+) \(by", p.message)) for p in agreement._relation_within(frames)
    ]
    return [(line, words[1], words[2]) for line, words in said if words is not None]


def test_a_relation_between_an_actor_and_its_whole_or_part_is_reported() -> None:
    found = _relations_within(
        [
            ("act-iaf", "backed_by", "act-israel"),  # its grandparent
            ("act-israel", "backed_by", "act-iaf"),  # its part
            ("act-idf", "operates", "act-iaf"),  # a force may operate a unit of its own
            ("act-iaf", "allied_with", "act-iran"),  # unrelated
            ("act-idf", "leads", "act-israel"),  # a head may be recorded as part of what it heads
            ("act-iaf", "backed_by", "act-iaf"),  # itself: relation_not_self's
        ]
    )
    assert found == [(2, "act-iaf", "act-israel"), (3, "act-iaf", "act-israel")]


def test_value_text_names_no_other_actor_than_value_actor_id() -> None:
    actors = [
        {"actor_id": "act-israel", "name": "Israel", "kind": "state"},
        {"actor_id": "act-iran", "name": "Iran", "kind": "state", "aliases": "Tehran"},
    ]
    claims = [
        {"claim_id": "clm-0", "predicate": "attribution", "value_actor_id": "act-israel", "value_text": "israel"},
        {"claim_id": "clm-1", "predicate": "attribution", "value_actor_id": "act-israel", "value_text": "TEHRAN"},
        {"claim_id": "clm-2", "predicate": "attribution", "value_actor_id": "act-israel", "value_text": "unknown"},
        {"claim_id": "clm-3", "predicate": "target", "value_actor_id": "act-israel", "value_text": "unknown"},
        {"claim_id": "clm-4", "predicate": "target", "value_actor_id": "act-israel", "value_text": "Iranian bases"},
    ]
    frames = {"actors": typed_frame("actors", actors), "claims": typed_frame("claims", claims)}
    assert [(p.row, p.value) for p in agreement._value_text_actor(frames)] == [(3, "TEHRAN"), (4, "unknown")]


def test_a_sources_publisher_is_of_a_kind_that_publishes_it() -> None:
    actors = [
        {"actor_id": "act-sohr", "name": "SOHR", "kind": "ngo"},
        {"actor_id": "act-sana", "name": "SANA", "kind": "media_outlet"},
        {"actor_id": "act-source", "name": "a military source", "kind": "unidentified"},
    ]
    sources = [
        {"source_id": "src-0", "kind": "ngo_statement", "publisher_actor_id": "act-sohr"},
        {"source_id": "src-1", "kind": "official_statement", "publisher_actor_id": "act-sohr"},
        {"source_id": "src-2", "kind": "agency_report", "publisher_actor_id": "act-sana"},
        {"source_id": "src-3", "kind": "ngo_statement", "publisher_actor_id": "act-sana"},
        {"source_id": "src-4", "kind": "official_statement", "publisher_actor_id": "act-source"},
        {"source_id": "src-5", "kind": "imagery", "publisher_actor_id": "act-sohr"},
        {"source_id": "src-6", "kind": "official_statement", "publisher_actor_id": "act-unknown"},
    ]
    frames = {"actors": typed_frame("actors", actors), "sources": typed_frame("sources", sources)}
    assert [(p.row, p.value) for p in agreement._publisher_kind(frames)] == [
        (3, "official_statement"),
        (5, "ngo_statement"),
    ]


def test_a_report_whose_title_names_an_actor_gives_a_publisher() -> None:
    actors = [{"actor_id": "act-sana", "name": "SANA", "kind": "media_outlet"}]
    sources = [
        {"source_id": "src-0", "kind": "agency_report", "title": "SANA report on the strike"},
        {"source_id": "src-1", "kind": "agency_report", "title": "SANA report", "publisher_actor_id": "act-sana"},
        {"source_id": "src-2", "kind": "imagery", "title": "Images of explosions (unattributed)"},
        {"source_id": "src-3", "kind": "reference", "title": "SANA: a reference"},
    ]
    frames = {"actors": typed_frame("actors", actors), "sources": typed_frame("sources", sources)}
    assert [(p.row, p.rule) for p in agreement._publisher_left_out(frames)] == [(2, "publisher_given")]


def _typed_against(kind: str, *claims: tuple[str, str | None]) -> list[tuple[int | None, str | None, object]]:
    """The event_type_claimed problems of one event of ``kind`` with launch_platform claims (stance, codes)."""
    frames = {
        "events": typed_frame("events", [{"event_id": "evt-x", "event_type": kind}]),
        "claims": typed_frame(
            "claims",
            [
                {"claim_id": f"clm-{k}", "event_id": "evt-x", "predicate": "launch_platform", "stance": stance}
                | ({"value_code": codes} if codes is not None else {})
                for k, (stance, codes) in enumerate(claims)
            ],
        ),
    }
    return [(p.row, p.column, p.value) for p in agreement._platforms_claimed(frames)]


@pytest.mark.parametrize(
    ("kind", "claims", "reported"),
    [
        ("air_strike", [("asserts", "aircraft"), ("asserts", "drone")], False),
        ("missile_strike", [("asserts", "aircraft")], True),
        ("rocket_attack", [("reports", "aircraft|drone")], True),
        ("missile_strike", [("asserts", "aircraft"), ("asserts", "ground_launcher")], False),  # sources disagree
        ("missile_strike", [("denies", "aircraft")], False),  # a denial names no platform it was launched from
        ("missile_strike", [("asserts", "unknown")], False),
        ("air_or_missile_strike", [("asserts", "aircraft")], False),
        ("air_strike", [("asserts", "ship")], True),
        ("air_strike", [], False),
    ],
)
def test_an_attacks_type_fits_the_platforms_its_claims_name(
    kind: str, claims: list[tuple[str, str | None]], reported: bool
) -> None:
    assert _typed_against(kind, *claims) == ([(2, "event_type", kind)] if reported else [])


def _countries(relation: str, subject_country: str | None, object_kind: str = "state") -> list[tuple[int | None, str]]:
    frames = {
        "actors": typed_frame(
            "actors",
            [
                {"actor_id": "act-p", "name": "P", "kind": "person", "country": subject_country},
                {"actor_id": "act-s", "name": "S", "kind": object_kind, "country": "USA"},
            ],
        ),
        "actor_relations": typed_frame(
            "actor_relations",
            [
                {
                    "relation_id": "rel-p-x-s",
                    "subject_actor_id": "act-p",
                    "relation": relation,
                    "object_actor_id": "act-s",
                }
            ],
        ),
    }
    return [(p.row, p.rule) for p in agreement._relation_countries(frames)]


@pytest.mark.parametrize(
    ("relation", "subject_country", "object_kind", "reported"),
    [
        ("leads", "USA", "state", False),
        ("leads", "RUS", "state", True),
        ("owned_by", "RUS", "state", True),
        ("leads", None, "state", False),
        ("leads", "RUS", "ngo", False),  # a foreigner may head an organisation
        ("allied_with", "RUS", "state", False),
    ],
)
def test_the_head_or_the_outlet_of_a_state_has_its_country(
    relation: str, subject_country: str | None, object_kind: str, reported: bool
) -> None:
    assert _countries(relation, subject_country, object_kind) == ([(2, "relation_country")] if reported else [])


def test_the_same_actors_are_indexed_once_and_other_actors_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules of a run that read the actors share one index of their names; an actor renamed,
    added or given an alias is indexed again, and names what a fresh index names."""
    built: list[int] = []
    real = agreement.ActorNames

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, actors: object) -> None:
            built.append(1)
            super().__init__(actors)

    monkeypatch.setattr(agreement, "ActorNames", Counted)
    monkeypatch.setattr(agreement, "_indexed", None)  # an index another test left
    rows = [{"actor_id": "act-israel", "name": "Israel"}, {"actor_id": "act-syria", "name": "Syria"}]
    actors = agreement._known_actors(typed_frame("actors", rows))
    first = agreement.actor_names(actors)
    assert agreement.actor_names(actors.copy()) is first and len(built) == 1
    renamed = [{**rows[0], "name": "Israeli Air Force"}, rows[1]]
    aliased = [rows[0], {**rows[1], "aliases": "Damascus"}]
    for changed in (renamed, aliased, [*rows, {"actor_id": "act-iran", "name": "Iran"}]):
        names = agreement.actor_names(agreement._known_actors(typed_frame("actors", changed)))
        fresh = real(agreement._known_actors(typed_frame("actors", changed)))
        for text in ("an Israeli strike", "Israeli Air Force jets", "Damascus said", "Iran and Syria"):
            for actor in ("act-israel", "act-syria", "act-iran"):
                assert names.names(text, actor) == fresh.names(text, actor), (text, actor)
    assert len(built) == 4
