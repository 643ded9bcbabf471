"""The rules across tables, called on a small world of four typed tables built in the test.

The world is valid; each test breaks one relation in it and checks the one problem that follows:
unique keys and values, references (scalar and list items), claims read in archived sources, the
shape of a reporting chain, reports older than their event, loops of parent actors, repeated claims.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

from syria_strikes.checks import relations
from syria_strikes.checks.across import judged, runnable
from syria_strikes.checks.agreement import AGREEMENT_RULES
from syria_strikes.checks.model_rules import MODEL_RULES
from syria_strikes.checks.relations import RELATION_RULES, list_items
from syria_strikes.problems import Problem
from tests.support.dataset import Dataset
from tests.support.frames import typed_frame

Rows = dict[str, list[dict[str, object]]]

EVENT = "evt-2020-01-14-strike"


def _world() -> Rows:
    return {
        "actors": [
            {"actor_id": "act-a", "name": "A", "kind": "state"},
            {"actor_id": "act-b", "name": "B", "kind": "armed_forces", "parent_actor_id": "act-a"},
        ],
        "sources": [
            {
                "source_id": "src-archive",
                "title": "Archived article",
                "kind": "archived_article",
                "published_start": "2020-01-15",
                "published_end": "2020-01-15",
                "cites_source_ids": "src-wire",
                "seed_path": "seeds/000.txt",
                "sha256": "ab",
            },
            {
                "source_id": "src-wire",
                "title": "Wire report",
                "kind": "agency_report",
                "publisher_actor_id": "act-a",
                "published_start": "2020-01-14",
                "published_end": "2020-01-14",
            },
        ],
        "events": [
            {
                "event_id": EVENT,
                "date_start": "2020-01-14",
                "date_end": "2020-01-14",
                "date_source_id": "src-archive",
                "place_source_id": "src-archive",
                "attributed_actor_id": "act-a",
            },
        ],
        "claims": [
            {
                "claim_id": "clm-001-001",
                "event_id": EVENT,
                "claimant_actor_id": "act-b",
                "source_id": "src-archive",
                "relayed_via": "src-wire",
                "predicate": "occurred",
                "stance": "asserts",
                "quote": "a strike",
                "quote_start": 0,
                "quote_end": 8,
            },
            {
                "claim_id": "clm-001-002",
                "event_id": EVENT,
                "claimant_actor_id": "act-a",
                "source_id": "src-archive",
                "predicate": "attribution",
                "stance": "denies",
                "value_actor_id": "act-b",
                "quote": "not us",
                "quote_start": 20,
                "quote_end": 26,
            },
        ],
    }


def _frames(rows: Rows) -> dict[str, pd.DataFrame]:
    return {name: typed_frame(name, table) for name, table in rows.items()}


def _check(rows: Rows) -> list[Problem]:
    return judged(RELATION_RULES, _frames(rows))


def _where(problems: list[Problem]) -> list[tuple[str, int | None, str | None, object, str]]:
    return sorted((p.table, p.row, p.column, p.value, p.rule) for p in problems)


def test_the_world_is_valid() -> None:
    assert _check(_world()) == []


# --- keys -------------------------------------------------------------------------------------------
def test_a_repeated_id_is_reported_on_the_later_line() -> None:
    world = _world()
    world["actors"].append({**world["actors"][1], "name": "B again"})
    problems = _check(world)
    assert _where(problems) == [("actors", 4, "actor_id", "act-b", "unique_id")]
    assert problems[0].message == "repeats the ID on line 3; IDs are unique and never reused"


def test_a_whole_row_repeated_says_so() -> None:
    world = _world()
    world["actors"].append(world["actors"][0])
    problems = _check(world)
    assert _where(problems) == [("actors", 4, "actor_id", "act-a", "unique_id")]
    assert problems[0].message == "this whole row repeats line 2; delete one of the two"


def test_a_value_declared_unique_is_reported_when_repeated() -> None:
    world = _world()
    world["sources"].append({**world["sources"][0], "source_id": "src-archive-copy"})
    assert _where(_check(world)) == [("sources", 4, "seed_path", "seeds/000.txt", "unique_value")]


# --- references -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("claims", "event_id", "evt-2020-nowhere"),
        ("claims", "claimant_actor_id", "act-nobody"),
        ("claims", "value_actor_id", "act-nobody"),
        ("events", "attributed_actor_id", "act-nobody"),
        ("sources", "publisher_actor_id", "act-nobody"),
        ("actors", "parent_actor_id", "act-nobody"),
    ],
)
def test_a_dangling_reference_names_the_key_it_lacks(table: str, column: str, value: str) -> None:
    world = _world()
    world[table][-1][column] = value
    problems = _check(world)
    line = len(world[table]) + 1
    assert _where(problems) == [(table, line, column, value, "foreign_key")]
    key, target = ("event_id", "events") if column == "event_id" else ("actor_id", "actors")
    assert re.fullmatch(rf"is not an? {key} in data/{target}\.csv", problems[0].message), problems[0].message


def test_a_dangling_item_of_a_list_is_reported_alone() -> None:
    world = _world()
    world["sources"][0]["cites_source_ids"] = "src-wire|src-nobody"
    assert _where(_check(world)) == [("sources", 2, "cites_source_ids", "src-nobody", "foreign_key")]


def test_references_into_a_table_that_could_not_be_read_are_not_judged() -> None:
    world = _world()
    world["claims"][0]["event_id"] = "evt-2020-nowhere"
    del world["events"]
    assert _check(world) == []


# --- claims and their sources -----------------------------------------------------------------------
def test_a_claim_is_read_in_an_archived_source() -> None:
    world = _world()
    world["claims"][1]["source_id"] = "src-wire"
    assert _where(_check(world)) == [("claims", 3, "source_id", "src-wire", "read_in_archive")]


def test_an_unknown_source_is_a_dangling_reference_not_an_unarchived_one() -> None:
    world = _world()
    world["claims"][1]["source_id"] = "src-nobody"
    assert _where(_check(world)) == [("claims", 3, "source_id", "src-nobody", "foreign_key")]


@pytest.mark.parametrize(
    ("chain", "item", "words"),
    [
        ("src-wire|src-archive", "src-archive", "lists the claim's own source_id"),
        ("src-wire|src-wire", "src-wire", "names the same source twice"),
    ],
)
def test_a_reporting_chain_holds_each_earlier_source_once(chain: str, item: str, words: str) -> None:
    world = _world()
    world["claims"][0]["relayed_via"] = chain
    problems = _check(world)
    assert _where(problems) == [("claims", 2, "relayed_via", item, "relay_chain")]
    assert problems[0].message.startswith(words)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2020-01-14", []),
        ("2020-01-15", [(2, "relayed_via", "src-wire")]),
        (
            "2020-01-16",
            [(2, "relayed_via", "src-wire"), (2, "source_id", "src-archive"), (3, "source_id", "src-archive")],
        ),
    ],
)
def test_a_source_published_before_its_event_began_is_reported(day: str, expected: list[tuple]) -> None:
    """src-wire was published on 2020-01-14 and relayed by the first claim; both claims are read in
    src-archive, published on 2020-01-15. A report of the event's own day is not early."""
    world = _world()
    world["events"][0]["date_start"] = world["events"][0]["date_end"] = day
    problems = [p for p in _check(world) if p.table == "claims"]
    assert _where(problems) == [
        ("claims", line, column, source, "reported_after_event") for line, column, source in expected
    ]
    for problem in problems:
        assert f"source {problem.value} was published by 2020-01-1" in problem.message
        assert problem.message.endswith(f"before event {EVENT} began on {day}")


@pytest.mark.parametrize("column", ["date_source_id", "attribution_source_id"])
def test_an_event_dated_or_attributed_on_a_source_published_before_it_began_is_reported(column: str) -> None:
    """src-wire was published on 2020-01-14: it cannot give the date or the perpetrator of an event that
    began on 2020-01-15 (src-archive, of that day, can). The place may rest on an older document, so
    place_source_id is not judged."""
    world = _world()
    world["events"][0]["date_start"] = world["events"][0]["date_end"] = "2020-01-15"
    world["events"][0]["place_source_id"] = "src-wire"
    world["events"][0]["date_source_id"] = world["events"][0]["attribution_source_id"] = "src-archive"
    world["events"][0][column] = "src-wire"
    problems = [p for p in _check(world) if p.table == "events"]
    assert _where(problems) == [("events", 2, column, "src-wire", "reported_after_event")]
    assert (
        problems[0].message == f"source src-wire was published by 2020-01-14, before event {EVENT} began on 2020-01-15"
    )


@pytest.mark.parametrize(
    ("day", "sources"),
    [("2020-01-14", []), ("2020-01-15", ["src-wire"]), ("2020-01-16", ["src-archive", "src-wire"])],
)
def test_each_document_carrying_a_claim_is_held_against_each_further_event(day: str, sources: list[str]) -> None:
    """The first claim is read in src-archive (published 2020-01-15) and relayed by src-wire
    (2020-01-14); it is also about a second event. A relay older than that event is reported too,
    at the further event, naming the relay."""
    world = _world()
    later = "evt-2020-01-16-second"
    second = {"event_id": later, "date_start": day, "date_end": day, "summary": "A second strike."}
    world["events"].append({**world["events"][0], **second})
    world["claims"][0]["other_event_ids"] = later
    problems = [p for p in _check(world) if p.table == "claims"]
    assert _where(problems) == [("claims", 2, "other_event_ids", later, "reported_after_event")] * len(sources)
    named = sorted(re.match(r"source (\S+) was published", p.message).group(1) for p in problems)  # type: ignore[union-attr]
    assert named == sources


def test_a_claim_without_an_event_is_not_dated_by_an_event_without_an_id() -> None:
    """Both event_id cells are blank (each reported by its own column's rules): the claim is about
    no event, so no report of it is early, and no message names an event 'nan'."""
    world = _world()
    world["claims"][0]["event_id"] = None
    world["events"][0]["event_id"] = None
    world["events"][0]["date_start"] = world["events"][0]["date_end"] = "2020-01-16"
    early = [p for p in _check(world) if p.rule == "reported_after_event"]
    assert [p for p in early if p.table == "claims"] == []
    assert not [p for p in early if "nan" in p.message]


@pytest.mark.parametrize("kind", ["archived_article", "agency_report", "reference"])
def test_a_source_without_an_id_is_the_source_of_no_empty_cell(kind: str) -> None:
    """A source row whose source_id is blank (required's to report) is cited by no one: looked up by
    ID, it was the source of every event field left empty, reported with a value no report could print."""
    world = _world()
    keyless = {"source_id": None, "title": "No ID", "kind": kind}
    world["sources"].append(
        keyless | ({"seed_path": "seeds/001.txt", "sha256": "cd"} if kind == "archived_article" else {})
    )
    rules = (*RELATION_RULES, *MODEL_RULES, *AGREEMENT_RULES)
    assert _where(judged(rules, _frames(world))) == _where(judged(rules, _frames(_world())))


def test_a_further_event_named_twice_or_the_own_event_again_is_judged_once() -> None:
    """Repeats in other_event_ids are claim_events' to report; the report dates are judged once per
    (document, event), not again for each repeat."""
    world = _world()
    later = "evt-2020-01-16-second"
    world["events"].append({**world["events"][0], "event_id": later, "date_start": "2020-01-16"})
    world["events"][0]["date_start"] = world["events"][0]["date_end"] = "2020-01-15"
    world["claims"][0]["other_event_ids"] = f"{EVENT}|{later}|{later}"
    problems = [p for p in _check(world) if p.rule == "reported_after_event" and p.table == "claims"]
    assert sorted((p.row, p.column, p.value) for p in problems) == [
        (2, "other_event_ids", later),
        (2, "other_event_ids", later),
        (2, "relayed_via", "src-wire"),
    ]
    assert len({p.message for p in problems}) == 3


@pytest.mark.parametrize("wire_published", ["2020-01-16", "2020-01-15", ""])
def test_a_document_cites_and_relays_only_reports_published_before_it(wire_published: str) -> None:
    """src-archive (2020-01-15) cites src-wire and a claim read in it relays src-wire; a wire first
    published the next day is reported at both, the same day or an unknown day at neither."""
    world = _world()
    world["sources"][1]["published_start"] = world["sources"][1]["published_end"] = wire_published
    problems = [p for p in _check(world) if p.rule == "cited_after_citing"]
    expected = [("sources", 2, "cites_source_ids", "src-wire"), ("claims", 2, "relayed_via", "src-wire")]
    assert [(p.table, p.row, p.column, p.value) for p in problems] == (
        expected if wire_published > "2020-01-15" else []
    )


@pytest.mark.parametrize("kind", ["archived_article", "reference", "agency_report"])
def test_a_curated_event_field_rests_on_the_archive_or_a_reference(kind: str) -> None:
    world = _world()
    world["sources"][1]["kind"] = kind
    world["events"][0]["place_source_id"] = "src-wire"
    problems = judged(MODEL_RULES, _frames(world))
    expected = [("events", 2, "place_source_id", "src-wire", "curated_source")] if kind == "agency_report" else []
    assert [p for p in _where(problems) if p[4] == "curated_source"] == expected


@pytest.mark.parametrize(
    ("kind", "located"), [("reference", True), ("archived_article", True), ("archived_article", False)]
)
def test_coordinates_rest_on_a_reference(kind: str, located: bool) -> None:
    world = _world()
    world["sources"][1] |= {"kind": kind, "seed_path": "seeds/001.txt" if kind == "archived_article" else None}
    point = {"latitude": "34.5", "longitude": "37.6"} if located else {}
    world["events"][0] |= {"place_source_id": "src-wire", **point}
    problems = [p for p in _where(judged(MODEL_RULES, _frames(world))) if p[4] == "coordinates_source"]
    wrong = located and kind == "archived_article"
    assert problems == ([("events", 2, "place_source_id", "src-wire", "coordinates_source")] if wrong else [])


# --- actors -----------------------------------------------------------------------------------------
def test_parent_actors_that_loop_are_each_reported() -> None:
    world = _world()
    world["actors"][0]["kind"] = "armed_group"  # a state with a parent would be parent_kind's fault too
    world["actors"][1]["kind"] = "armed_group"  # and armed forces of an armed group parent_fits_kind's
    world["actors"][0]["parent_actor_id"] = "act-b"
    problems = _check(world)
    assert _where(problems) == [
        ("actors", 2, "parent_actor_id", "act-b", "parent_cycle"),
        ("actors", 3, "parent_actor_id", "act-a", "parent_cycle"),
    ]


def test_an_actor_that_is_its_own_parent_is_left_to_the_row_rule() -> None:
    world = _world()
    world["actors"][0]["kind"] = "armed_group"  # a state with a parent would be parent_kind's fault too
    world["actors"][1]["kind"] = "armed_group"  # and armed forces of an armed group parent_fits_kind's
    world["actors"][0]["parent_actor_id"] = "act-a"
    assert _check(world) == []


# --- repeated claims --------------------------------------------------------------------------------
def test_the_same_claim_under_another_id_is_reported() -> None:
    world = _world()
    world["claims"].append({**world["claims"][0], "claim_id": "clm-001-003", "curator_note": "entered again"})
    problems = _check(world)
    assert _where(problems) == [("claims", 4, "claim_id", "clm-001-003", "repeated_claim")]
    assert problems[0].message.startswith("asserts exactly what line 2 asserts")


@pytest.mark.parametrize(
    ("column", "value"), [("predicate", "location"), ("value_text", "near Homs"), ("event_id", "evt-2020-01-14-other")]
)
def test_a_claim_that_differs_in_one_assertion_is_not_repeated(column: str, value: str | None) -> None:
    """Nor one sentence read two ways: a stance of its own is the claim's, in another assertion."""
    world = _world()
    world["events"].append({**world["events"][0], "event_id": "evt-2020-01-14-other"})
    world["claims"].append({**world["claims"][0], "claim_id": "clm-001-003", column: value, "stance": "questions"})
    assert [p.rule for p in _check(world) if p.rule in ("repeated_claim", "one_stance")] == []


def test_a_claim_that_differs_only_in_its_stance_reads_one_sentence_two_ways() -> None:
    world = _world()
    world["claims"].append({**world["claims"][0], "claim_id": "clm-001-003", "stance": "questions"})
    assert _where(_check(world)) == [("claims", 4, "stance", "questions", "one_stance")]


def test_an_actor_under_another_id_is_reported_and_one_that_differs_is_not() -> None:
    world = _world()
    world["actors"].append({**world["actors"][0], "actor_id": "act-a-again", "curator_note": "entered again"})
    problems = _check(world)
    assert _where(problems) == [("actors", len(world["actors"]) + 1, "actor_id", "act-a-again", "repeated_row")]
    assert problems[0].message.startswith("repeats line 2 in every column but actor_id and curator_note")
    world["actors"][-1]["name"] = "Another name"
    assert _check(world) == []


@pytest.mark.parametrize(
    "spelt",
    [str.upper, lambda name: name.replace(" ", "  "), lambda name: name.replace(" ", "\u00a0")],
    ids=["capitals", "doubled spaces", "no-break spaces"],
)
def test_an_actor_typed_again_in_another_spelling_is_repeated(spelt: Callable[[str], str]) -> None:
    world = _world()
    world["actors"][0]["name"] = "Israeli Air Force"
    again = {**world["actors"][0], "actor_id": "act-a-again", "name": spelt(world["actors"][0]["name"])}
    assert again["name"] != world["actors"][0]["name"]
    world["actors"].append(again)
    assert _where(_check(world)) == [("actors", len(world["actors"]) + 1, "actor_id", "act-a-again", "repeated_row")]


def test_an_actor_named_in_nfd_beside_nfc_is_repeated_and_another_accent_is_not() -> None:
    world = _world()
    world["actors"][0]["name"] = unicodedata.normalize("NFC", "T\u00fcrkiye")
    world["actors"].append({**world["actors"][0], "actor_id": "act-a-again", "name": "Tu\u0308rkiye"})
    assert [p.rule for p in _check(world)] == ["repeated_row"]
    world["actors"][-1]["name"] = "Tu\u0301rkiye"
    assert _check(world) == []


# --- the same answer on threads, and list items -----------------------------------------------------
def test_rules_run_side_by_side_report_the_same_problems() -> None:
    world = _world()
    world["actors"].append(world["actors"][0])
    world["claims"][0]["relayed_via"] = "src-wire|src-nobody|src-wire"
    world["claims"][1]["source_id"] = "src-wire"
    alone = _check(world)
    assert len(alone) == 4
    with ThreadPoolExecutor(max_workers=3) as pool:
        side_by_side = [pool.submit(rule) for rule in runnable(RELATION_RULES, _frames(world))]
        assert _where([problem for future in side_by_side for problem in future.result()]) == _where(alone)


def test_list_items_are_the_non_empty_items_indexed_by_line() -> None:
    cells = pd.Series(["a|b", None, "c||d", ""], index=pd.Index([2, 3, 4, 5], name="line"), dtype="str")
    items = list_items(cells)
    assert list(items.items()) == [(2, "a"), (2, "b"), (4, "c"), (4, "d")]


# --- counts -----------------------------------------------------------------------------------------
def _counted(world: Rows, quote: str, language: str | None = "en", **counts: int) -> Rows:
    world["sources"][0]["language"] = language
    world["claims"][0].update(predicate="fatalities", unit="persons", quote=quote, quote_end=len(quote), **counts)
    return world


def _counts_problems(world: Rows) -> list[tuple[str, int | None, str | None, object, str]]:
    return _where([p for p in judged(MODEL_RULES, _frames(world)) if p.rule == "count_written"])


@pytest.mark.parametrize(
    ("quote", "counts"),
    [
        ("killed eight people", {"value": 8, "value_low": 8, "value_high": 8}),
        ("at least 8 killed", {"value_low": 8}),
        ("twenty-one dead", {"value_low": 21}),
        ("up to two thousand five hundred", {"value_high": 2500}),
    ],
)
def test_a_count_its_quote_writes_passes(quote: str, counts: dict[str, int]) -> None:
    assert _counts_problems(_counted(_world(), quote, **counts)) == []


def test_a_count_its_quote_does_not_write_names_the_count() -> None:
    world = _counted(_world(), "killed eight people", value=8, value_low=8, value_high=9)
    assert _counts_problems(world) == [("claims", 2, "value_high", "9", "count_written")]


def test_counts_are_judged_only_in_english_documents() -> None:
    """Only English number words are read: "восемь" (eight) in a Russian document proves nothing either way."""
    for language in ("ru", None):
        assert _counts_problems(_counted(_world(), "восемь ракет", language, value=8)) == []
    assert _counts_problems(_counted(_world(), "eight missiles", "en-GB", value=9)) == [
        ("claims", 2, "value", "9", "count_written")
    ]


def test_counts_out_of_order_are_left_to_count_bounds() -> None:
    assert _counts_problems(_counted(_world(), "killed eight", value_low=100, value_high=1)) == []


@pytest.mark.parametrize(
    ("interval", "reported"),
    [
        ("2020-01-14/2020-01-14", False),
        ("2020-01-15/2020-01-20", False),
        ("2020-01-16/2020-01-16", True),
        ("../2020-01-20", False),
        ("2020-01-20/2020-01-16", False),
    ],
    ids=["the day before", "from the publication day", "the day after", "open before", "out of order"],
)
def test_a_time_claim_starting_after_its_document_was_published_is_reported(interval: str, reported: bool) -> None:
    """src-archive was published on 2020-01-15: a time it reports has begun by then. An open start
    is not judged, nor an interval out of order, which time_interval reports alone."""
    world = _world()
    world["claims"][1].update(predicate="time", stance="asserts", value_actor_id=None, value_text=interval)
    problems = [p for p in _check(world) if p.rule == "time_after_report"]
    assert _where(problems) == ([("claims", 3, "value_text", interval, "time_after_report")] if reported else [])


@pytest.mark.parametrize(
    ("interval", "reported"),
    [
        ("2020-01-10/2020-01-15", False),
        ("2020-01-10/2020-01-17", True),
        ("../2020-01-16", True),
        ("2020-01-01/2020-01-31", False),
        ("2019-12-01/2020-01-31", True),
        ("2020-01-16/2020-01-20", False),
    ],
    ids=["ends on the day", "ends after", "open before", "a whole month", "two months", "starts after"],
)
def test_a_time_claim_ending_after_its_document_was_published_is_warned_of(interval: str, reported: bool) -> None:
    """src-archive was published on 2020-01-15. A whole month may end after it, as an event dated to
    the month may; an interval that starts after it is time_after_report's alone."""
    world = _world()
    world["claims"][1].update(predicate="time", stance="asserts", value_actor_id=None, value_text=interval)
    problems = [p for p in _check(world) if p.rule == "time_ends_after_report"]
    assert _where(problems) == ([("claims", 3, "value_text", interval, "time_ends_after_report")] if reported else [])


@pytest.mark.parametrize(
    ("quote", "interval", "reported"),
    [
        ("on Tuesday", "2020-01-14/2020-01-14", False),
        ("on Tuesday", "2020-01-08/2020-01-14", True),
        (" Yesterday ", "2020-01-14/2020-01-14", False),
        ("this week", "2020-01-12/2020-01-15", False),
        ("this week", "2020-01-05/2020-01-11", True),
        ("last week", "2020-01-05/2020-01-12", False),
        ("last month", "2019-12-01/2019-12-31", False),
        ("last month", "2019-11-01/2019-12-31", True),
        ("last month", "../2019-12-31", True),
        ("said on Tuesday", "2020-01-08/2020-01-14", False),
        ("this week", "2020-01-20/2020-01-12", False),
        ("in the past", "../2020-01-15", False),
        ("in the past", "2019-01-01/2020-01-15", True),
        ("in the past", "../2020-01-14", True),
    ],
    ids=[
        "a weekday",
        "a weekday widened",
        "yesterday, spaced",
        "this week",
        "this week as the week before",
        "last week",
        "last month",
        "last month widened",
        "last month open before",
        "more words than the time word",
        "out of order",
        "in the past",
        "in the past given a first day",
        "in the past ended early",
    ],
)
def test_a_relative_time_word_gives_the_days_it_gives_in_its_document(
    quote: str, interval: str, reported: bool
) -> None:
    """src-archive was published on Wednesday 2020-01-15. A quote with more than the time word, or an
    interval out of order (time_interval's), is not judged."""
    world = _world()
    world["claims"][1].update(predicate="time", stance="asserts", value_actor_id=None, value_text=interval, quote=quote)
    problems = [p for p in _check(world) if p.rule == "time_relative"]
    assert _where(problems) == ([("claims", 3, "value_text", interval, "time_relative")] if reported else [])


def test_a_relative_time_word_is_not_judged_in_a_document_of_several_days() -> None:
    world = _world()
    world["sources"][0].update(published_start="2020-01-14")
    world["claims"][1].update(
        predicate="time", stance="asserts", value_actor_id=None, value_text="2020-01-01/2020-01-02", quote="today"
    )
    assert [p for p in _check(world) if p.rule == "time_relative"] == []


def _parts(world: Rows) -> list[tuple[str, int | None, str | None, object, str]]:
    return _where([p for p in _check(world) if p.rule in ("parent_fits_kind", "part_without_whole")])


def test_armed_forces_a_unit_and_a_government_body_are_part_of_a_whole_of_a_kind_they_fit() -> None:
    """act-b, armed forces of the state act-a, fits; so do a unit of act-b, of a ministry, of an armed
    group or of the state, and a body of the armed group that rules where no state does."""
    world = _world()
    world["actors"] += [
        {"actor_id": "act-c", "name": "C", "kind": "military_unit", "parent_actor_id": "act-b"},
        {"actor_id": "act-d", "name": "D", "kind": "government_body", "parent_actor_id": "act-a"},
        {"actor_id": "act-e", "name": "E", "kind": "military_unit", "parent_actor_id": "act-d"},
        {"actor_id": "act-f", "name": "F", "kind": "armed_group"},
        {"actor_id": "act-g", "name": "G", "kind": "military_unit", "parent_actor_id": "act-f"},
        {"actor_id": "act-h", "name": "H", "kind": "government_body", "parent_actor_id": "act-f"},
        {"actor_id": "act-i", "name": "I", "kind": "military_unit", "parent_actor_id": "act-a"},
        {"actor_id": "act-j", "name": "J", "kind": "government_body"},  # a de facto authority: not judged
        {"actor_id": "act-k", "name": "K", "kind": "media_outlet"},
    ]
    assert _parts(world) == []
    world["actors"][1].update(parent_actor_id=None)  # armed forces of no state: a warning
    world["actors"][2].update(parent_actor_id="act-k")  # a unit of a news outlet
    world["actors"][3].update(parent_actor_id="act-b")  # a ministry of armed forces
    assert _parts(world) == [
        ("actors", 3, "parent_actor_id", None, "part_without_whole"),
        ("actors", 4, "parent_actor_id", "act-k", "parent_fits_kind"),
        ("actors", 5, "parent_actor_id", "act-b", "parent_fits_kind"),
    ]


def test_a_state_made_an_armed_group_leaves_its_armed_forces_part_of_an_actor_of_the_wrong_kind() -> None:
    world = _world()
    world["actors"][0].update(kind="armed_group")
    [found] = [p for p in _check(world) if p.rule == "parent_fits_kind"]
    assert (found.row, found.message) == (
        3,
        "an actor of kind armed_forces is part of an actor of kind state, armed_forces or government_body, but act-a "
        "is of kind armed_group; check its kind and its parent",
    )


def test_a_parent_of_no_kind_is_left_to_the_rule_of_its_cell() -> None:
    world = _world()
    world["actors"][0].update(kind=None)
    assert _parts(world) == []


def _places(world: Rows) -> list[tuple[str, int | None, str | None, object, str]]:
    from syria_strikes.checks.agreement import AGREEMENT_RULES

    return _where([p for p in judged(AGREEMENT_RULES, _frames(world)) if p.rule == "place_written"])


def test_an_event_place_is_written_by_its_archived_source_in_a_claims_quote_about_the_event() -> None:
    """The world's first claim, from src-archive about the event, quotes 'a strike'."""
    world = _world()
    world["claims"][0].update(quote="a strike in Homs")
    world["events"][0].update(admin1="HOMS", locality="Tiyas")
    assert _places(world) == [("events", 2, "locality", "Tiyas", "place_written")]
    world["claims"][0].update(event_id="evt-2020-01-15-other")  # a claim about another event writes nothing here
    assert [column for _, _, column, _, _ in _places(world)] == ["admin1", "locality"]


def test_an_event_place_is_written_by_its_reference_in_its_title_or_curator_note() -> None:
    world = _world()
    world["sources"].append(
        {
            "source_id": "src-ref-gazetteer",
            "title": "Gazetteer",
            "kind": "reference",
            "url": "https://example.org/t4",
            "curator_note": "Tiyas, Homs Governorate.",
        }
    )
    world["events"][0].update(place_source_id="src-ref-gazetteer", admin1="Homs", admin2="Hama", locality="tiyas")
    assert _places(world) == [("events", 2, "admin2", "Hama", "place_written")]


def test_an_event_place_is_compared_folded_and_written_by_a_claim_about_several_events() -> None:
    world = _world()
    world["claims"][0].update(
        quote="a strike in \u1e24om\u1e63", event_id="evt-2020-01-15-other", other_event_ids=EVENT
    )
    world["events"][0].update(admin1="Homs")
    assert _places(world) == []


def test_an_event_place_is_not_judged_on_cells_blanked_for_their_own_fault() -> None:
    """A seed_path blanked by its own rule leaves the source archived, not a reference whose note is read;
    a quote blanked by its own rule may have written the place. One fault, one message."""
    world = _world()
    world["events"][0].update(admin1="Homs")
    world["claims"][0].update(quote="a strike in Homs")
    world["sources"][0].update(seed_path=None)
    assert _places(world) == []
    world = _world()
    world["events"][0].update(admin1="Homs")
    world["claims"][0].update(quote=None)
    assert _places(world) == []


def test_an_event_place_is_not_judged_without_the_claims_or_a_source_row() -> None:
    world = _world()
    world["events"][0].update(admin1="Homs")
    del world["claims"]
    assert _places(world) == []
    world = _world()
    world["events"][0].update(place_source_id="src-nowhere", admin1="Homs")
    assert _places(world) == []


def test_two_reports_of_one_citation_list_are_each_judged_by_their_own_fault(dataset: Dataset) -> None:
    """One cited report first published after the citing document, another only ending after it: both
    are reported, one rule each, on the same row (neither hides the other)."""
    sources = dataset.rows("sources")
    for row in sources:
        if row["source_id"] == "src-sana-2020-01-14-t4":
            row["published_start"], row["published_end"] = "2020-02-01", "2020-02-01"
        if row["source_id"] == "src-haaretz-t4-occupants":
            row["published_end"] = "2020-02-01"
    dataset.write_rows("sources", sources)
    _, problems = dataset.validate()
    citing = dataset.find("sources", source_id="src-seed-000") + 2
    found = {(p["rule"], p["value"]) for p in problems if p["row"] == citing and p["column"] == "cites_source_ids"}
    assert found == {
        ("cited_after_citing", "src-sana-2020-01-14-t4"),
        ("cited_ends_later", "src-haaretz-t4-occupants"),
    }


# --- the document's own voice relays when it anchors attribution words ---------------------------
@pytest.mark.parametrize(
    ("claimant", "stance", "words", "reported"),
    [
        ("act-a", "reports", "There are reports that", False),
        ("act-a", "asserts", "There are reports that", True),
        ("act-a", "asserts", None, False),  # the own voice without words asserts
        ("act-b", "asserts", "B said", False),  # another's voice: its words name the claimant
    ],
)
def test_an_own_voice_claim_with_attribution_words_only_relays(
    claimant: str, stance: str, words: str | None, reported: bool
) -> None:
    world = _world()
    world["sources"][0]["publisher_actor_id"] = "act-a"
    world["claims"][0].update(claimant_actor_id=claimant, stance=stance, attribution_quote=words, relayed_via=None)
    found = [p for p in judged(MODEL_RULES, _frames(world)) if p.rule == "own_voice_reports"]
    assert [(p.row, p.column) for p in found] == ([(2, "stance")] if reported else [])


@pytest.mark.parametrize(
    ("claimant", "stance", "publisher", "reported", "hedging"),
    [
        ("act-a", "reports", "act-a", False, "have claimed"),  # the document relays
        ("act-b", "reports", "act-a", True, "have claimed"),  # a named party's words made a rumour
        ("act-b", "asserts", "act-a", False, "have claimed"),
        ("act-b", "reports", "act-nobody", False, "have claimed"),  # an unknown publisher is foreign_key's
        ("act-b", "reports", "act-a", False, "reportedly"),  # B passes on words it does not vouch for
    ],
)
def test_only_the_document_itself_relays_without_asserting(
    claimant: str, stance: str, publisher: str, reported: bool, hedging: str
) -> None:
    world = _world()
    world["sources"][0]["publisher_actor_id"] = publisher
    world["claims"][0].update(
        claimant_actor_id=claimant, stance=stance, attribution_quote="B said", relayed_via=None, hedging=hedging
    )
    found = [p for p in judged(MODEL_RULES, _frames(world)) if p.rule == "reports_own_voice"]
    assert [(p.row, p.column, p.decision) for p in found] == ([(2, "stance", "warn")] if reported else [])
    if reported:
        assert "so its claimant is the publisher 'act-a'; 'act-b' is named as saying it" in found[0].message


# --- a Wikidata item a curator saw ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "note", "reported"),
    [
        ("https://www.wikidata.org/wiki/Q801", "Its page was seen.", False),
        ("https://m.wikidata.org/wiki/Q801", "Its page was seen.", False),
        ("https://www.wikidata.org/wiki/Q8010", "Its page was seen.", True),  # another item
        ("https://en.wikipedia.org/wiki/Q801", "Its page was seen.", True),  # not Wikidata
        ("https://www.wikidata.org/wiki/Q801", None, True),  # no note
        (None, "Known from memory.", True),
    ],
)
def test_a_wikidata_item_is_one_a_reference_row_records(url: str | None, note: str | None, reported: bool) -> None:
    from syria_strikes.checks.model_rules import _wikidata_seen

    frames = {
        "actors": typed_frame(
            "actors", [{"actor_id": "act-israel", "wikidata_id": "Q801", "curator_note": note}, {"actor_id": "act-b"}]
        ),
        "sources": typed_frame("sources", [{"source_id": "src-ref-wd", "kind": "reference", "url": url}]),
    }
    found = _wikidata_seen(frames)
    assert [(p.row, p.column, p.rule) for p in found] == ([(2, "wikidata_id", "wikidata_seen")] if reported else [])


@pytest.mark.parametrize(
    ("name", "title", "reported"),
    [
        ("Israel", "Wikidata: Israel (Q801)", False),
        ("Iran", "Wikidata: Israel (Q801)", True),  # the page of another actor
        ("Iran", "Wikidata: the Islamic Republic of IRAN (Q801)", False),
        ("Iran", "Wikidata item Q801", False),  # a title naming no actor
        ("Iran", "Wikidata: Israeli Air Force (Q801)", False),  # 'Israel' is no whole word of it
    ],
)
def test_a_wikidata_items_reference_row_is_titled_for_the_actor(name: str, title: str, reported: bool) -> None:
    from syria_strikes.checks.model_rules import _wikidata_seen

    frames = {
        "actors": typed_frame(
            "actors",
            [
                {"actor_id": "act-x", "name": name, "wikidata_id": "Q801", "curator_note": "Seen."},
                {"actor_id": "act-israel", "name": "Israel"},
            ],
        ),
        "sources": typed_frame(
            "sources",
            [
                {
                    "source_id": "src-ref-wd",
                    "kind": "reference",
                    "url": "https://www.wikidata.org/wiki/Q801",
                    "title": title,
                }
            ],
        ),
    }
    found = _wikidata_seen(frames)
    assert [(p.row, p.rule) for p in found] == ([(2, "wikidata_seen")] if reported else [])
    if reported:
        assert found[0].message.startswith("the reference row of Q801's page is titled for another actor, not this one")


@pytest.mark.parametrize(
    ("note", "latitude", "longitude", "reported"),
    [
        ("Gives coordinates 34.52250 N 37.62972 E.", 34.5225, 37.62972, []),
        ("Gives 34.5225, 37.62972.", 34.5225, 37.62972, []),  # no hemisphere: either axis
        ("Gives coordinates 34.52250 N 37.62972 E.", 34.52, 37.62972, ["latitude"]),  # rounded
        ("Gives coordinates 34.52250 N 37.62972 E.", 37.62972, 34.5225, ["latitude", "longitude"]),  # swapped
        ("Gives coordinates 34.52250 N 37.62972 E.", 34.5225, -37.62972, ["longitude"]),  # other hemisphere
        ("Gives coordinates 33.9 S 18.4 E.", -33.9, 18.4, []),  # the southern hemisphere, written with its letter
        ("Gives coordinates 33.9 S 18.4 E.", 33.9, 18.4, ["latitude"]),
        ("Seen at its address.", 34.5225, 37.62972, ["latitude", "longitude"]),  # writes no degrees
        ("Gives 34°31\u203221\u2033N 37°37\u203247\u2033E.", 34.5225, 37.62972, []),  # degrees, minutes and seconds
        ("Gives 34°31'21\"N 37°37'47\"E.", 34.5225, 37.62972, []),
        ("Gives 34°31.350\u2032N 37°37.783\u2032E.", 34.5225, 37.62972, []),  # degrees and decimal minutes
        ("Gives 34°31\u203221\u2033N 37°37\u203247\u2033E.", 34.5236, 37.62972, ["latitude"]),  # four seconds off
        ("Gives 34,52250 N 37,62972 E.", 34.5225, 37.62972, []),  # decimal commas
        ("Gives N34.52250 E37.62972.", 34.5225, 37.62972, []),  # the hemisphere before the number
        ("S-200 site. Gives 35.05 N 36.33 E.", 35.05, 36.33, []),  # a model's name is no southern latitude
        ("Gives 34.5225ºN, 37.62972ºE.", 34.5225, 37.62972, []),
    ],
)
def test_an_events_coordinates_are_those_its_reference_writes(
    note: str, latitude: float, longitude: float, reported: list[str]
) -> None:
    from syria_strikes.checks.model_rules import _coordinates_written

    frames = {
        "events": typed_frame(
            "events",
            [
                {"event_id": "evt-a", "latitude": latitude, "longitude": longitude, "place_source_id": "src-ref"},
                {"event_id": "evt-b", "latitude": 1.0, "longitude": 1.0, "place_source_id": "src-archive"},
            ],
        ),
        "sources": typed_frame(
            "sources",
            [
                {"source_id": "src-ref", "kind": "reference", "title": "Wikipedia: a base", "curator_note": note},
                {"source_id": "src-archive", "kind": "archived_article"},
            ],
        ),
    }
    found = _coordinates_written(frames)
    assert [(p.row, p.column, p.rule) for p in found] == [(2, column, "coordinates_written") for column in reported]


@pytest.mark.parametrize(
    ("target", "reported"),
    [("act-c", False), ("act-a", True), ("act-b", True)],  # another actor; the attacker; a part of it
)
def test_a_target_is_not_the_actor_its_event_is_attributed_to(target: str, reported: bool) -> None:
    from syria_strikes.checks.agreement import _target_not_attacker

    frames = {
        "claims": typed_frame(
            "claims",
            [
                {"claim_id": "clm-000-001", "event_id": EVENT, "predicate": "target", "value_actor_id": target},
                {"claim_id": "clm-000-002", "event_id": EVENT, "predicate": "attribution", "value_actor_id": "act-a"},
            ],
        ),
        "events": typed_frame("events", [{"event_id": EVENT, "attributed_actor_id": "act-a"}]),
        "actors": typed_frame(
            "actors",
            [
                {"actor_id": "act-a", "name": "A"},
                {"actor_id": "act-b", "name": "B", "parent_actor_id": "act-a"},
                {"actor_id": "act-c", "name": "C"},
            ],
        ),
    }
    found = _target_not_attacker(frames)
    assert [(p.row, p.column, p.rule) for p in found] == (
        [(2, "value_actor_id", "target_not_attacker")] if reported else []
    )


@pytest.mark.parametrize(("kind", "reported"), [("media_outlet", True), ("state", False), (None, False)])
def test_a_perpetrator_of_no_kind_is_judged_by_its_own_rules_never_a_rule_that_fails(
    kind: str | None, reported: bool
) -> None:
    """An actor's kind left empty, or blanked for failing its vocabulary, made attributed_kind fail with
    'boolean value of NA is ambiguous' (rule_failed, naming no row) instead of leaving it to those rules."""
    from syria_strikes.checks.relations import _attributed_kind

    frames = {
        "events": typed_frame("events", [{"event_id": EVENT, "attributed_actor_id": "act-a"}]),
        "actors": typed_frame("actors", [{"actor_id": "act-a", "name": "A", "kind": kind}]),
    }
    found = _attributed_kind(frames)
    assert [(p.row, p.rule) for p in found] == ([(2, "attributed_kind")] if reported else [])


def test_the_same_words_of_the_same_claimant_take_one_stance() -> None:
    """one_stance: a copy that denies what its original asserts is reported at the copy; other
    words, another claimant or another value may take another stance; a blanked stance is not judged."""
    base = {
        "claim_id": "clm-000-001",
        "event_id": "evt-a",
        "claimant_actor_id": "act-sana",
        "source_id": "src-seed-000",
        "predicate": "attribution",
        "stance": "asserts",
        "value_actor_id": "act-israel",
        "quote_start": 10,
        "quote_end": 40,
    }
    rows = [
        base,
        {**base, "claim_id": "clm-000-002", "stance": "denies"},  # line 3: the same words denied
        {**base, "claim_id": "clm-000-003", "stance": "denies", "claimant_actor_id": "act-idf"},  # another voice
        {**base, "claim_id": "clm-000-004", "stance": "denies", "value_actor_id": "act-usa"},  # another value
        {**base, "claim_id": "clm-000-005", "stance": "denies", "quote_start": 11},  # other words
        {**base, "claim_id": "clm-000-008", "stance": "denies", "victim_status": "civilian"},  # other victims
        {**base, "claim_id": "clm-000-006", "stance": None},  # reported by its own cell rule
        {**base, "claim_id": "clm-000-007"},  # the same stance again: repeated_claim's
        {**base, "claim_id": "clm-000-009", "quote_start": None, "quote_end": None},  # no offsets: other words
        {**base, "claim_id": "clm-000-010", "quote_start": None, "quote_end": None, "stance": "denies"},
    ]
    found = relations._one_stance(typed_frame("claims", rows))
    assert [(p.row, p.column, p.value, p.rule) for p in found] == [(3, "stance", "denies", "one_stance")]
    assert "line 2 takes 'asserts'" in found[0].message


def test_a_report_no_source_cites_is_warned_and_an_archive_or_reference_is_not() -> None:
    from syria_strikes.checks.relations import _uncited_reports

    sources = typed_frame(
        "sources",
        [
            {"source_id": "src-seed-000", "kind": "archived_article", "cites_source_ids": "src-wire"},
            {"source_id": "src-wire", "kind": "agency_report"},
            {"source_id": "src-lost", "kind": "news_article"},
            {"source_id": "src-ref-x", "kind": "reference"},
            {"source_id": None, "kind": "news_article"},
        ],
    )
    assert [(p.row, p.value, p.rule) for p in _uncited_reports({"sources": sources})] == [
        (4, "src-lost", "report_cited")
    ]


def test_one_address_written_two_ways_is_one_document() -> None:
    from syria_strikes.checks.relations import _urls_repeated

    urls = [
        "https://example.org/a",
        "HTTP://Example.org/a/",  # the same page
        "https://example.org/a?utm_source=x",  # the same page, tracked
        "https://example.org/a#update-3",  # an entry of the page
        "https://example.org/b",
    ]
    sources = typed_frame(
        "sources", [{"source_id": f"src-{k}", "kind": "reference", "url": url} for k, url in enumerate(urls)]
    )
    assert [(p.row, p.rule) for p in _urls_repeated({"sources": sources})] == [(3, "url_repeated"), (4, "url_repeated")]


def test_a_relation_read_both_ways_on_one_sentence_is_reported_unless_it_reads_the_same_both_ways() -> None:
    from syria_strikes.checks.relations import _relations_reversed

    def relation(k: int, subject: str, kind: str, object_: str) -> dict[str, object]:
        return {
            "relation_id": f"rel-{k}",
            "subject_actor_id": subject,
            "relation": kind,
            "object_actor_id": object_,
            "source_id": "src-seed-000",
            "quote_start": 10,
            "quote_end": 40,
        }

    relations = typed_frame(
        "actor_relations",
        [
            relation(0, "act-syria", "backed_by", "act-iran"),
            relation(1, "act-iran", "backed_by", "act-syria"),  # the other way round
            relation(2, "act-iran", "allied_with", "act-syria"),
            relation(3, "act-syria", "allied_with", "act-iran"),  # reads the same both ways
            relation(4, "act-syria", "leads", "act-iran"),  # another kind
        ],
    )
    assert [(p.row, p.rule) for p in _relations_reversed(relations)] == [(3, "relation_reversed")]


# --- notes ------------------------------------------------------------------------------------------
def test_an_id_a_note_writes_names_a_row() -> None:
    """A note outlives the row it speaks of when that row is deleted or renamed. An ID run on into
    more words counts when a row has its start; a word with no part in digits ('act-of-war') is
    English, not an ID; an ID inside a web address, or of a table not read, is not judged."""
    world = _world()
    world["actors"][0]["curator_note"] = (
        "Compare clm-001-001, clm-001-001-based readings, an act-of-war, clm-009-009, "
        "https://example.org/clm-007-007 and rel-2020-x, whose table is not read here."
    )
    problems = _check(world)
    assert _where(problems) == [("actors", 2, "curator_note", "clm-009-009", "note_id_exists")]
    assert problems[0].message == (
        "names 'clm-009-009', which no row of claims has: the row the note speaks of was deleted or renamed; "
        "restore it, or correct the note"
    )


def test_a_country_has_one_state_and_the_later_ones_are_reported() -> None:
    """The first state of a country in the file is taken as the state; each later one is a kind
    swapped, and a state without a country, or of another country, is no other state's double."""
    actors = typed_frame(
        "actors",
        [
            {"actor_id": "act-russia", "kind": "state", "country": "RUS"},
            {"actor_id": "act-vadim-kulit", "kind": "state", "country": "RUS"},
            {"actor_id": "act-syria", "kind": "state", "country": "SYR"},
            {"actor_id": "act-tass", "kind": "state", "country": "RUS"},
            {"actor_id": "act-nowhere", "kind": "state", "country": None},
            {"actor_id": "act-elsewhere", "kind": "state", "country": None},
            {"actor_id": "act-sana", "kind": "media_outlet", "country": "SYR"},
        ],
    )
    found = relations._one_state_per_country(actors)
    assert [(p.row, p.column, p.value, p.rule) for p in found] == [
        (3, "kind", "state", "state_per_country"),
        (5, "kind", "state", "state_per_country"),
    ]
    assert found[0].message.startswith("act-russia is already the state of RUS as a whole")
