"""Each rule's wording lives in the registry: it renders for every rule, and no check writes its own."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from syria_strikes.anchoring import locate
from syria_strikes.metadata import table
from syria_strikes.problems import problem
from syria_strikes.rules import RULE_IDS, RULES, rule

PACKAGE = Path(__file__).resolve().parent.parent / "syria_strikes"


def _cell(table_name: str, column: str, value: object) -> dict[str, Any]:
    """The context every cell rule is worded from: the column's declaration and the cell."""
    return {"declared": table(table_name).column(column), "cell": value}


# A context each rule's wording is given where the rule is checked; a rule declared without one
# here fails the first test below, so a new rule comes with a sample of its words.
SAMPLES: dict[str, dict[str, Any]] = {
    "file_present": {"file": "claims.csv"},
    "file_declared": {"tables": ["claims.csv", "actors.csv"]},
    "not_empty": {"only_bom": True, "columns": ["actor_id", "name"]},
    "has_rows": {},
    "no_bom": {},
    "utf8": {"byte": 12, "found": "Windows-1252", "bad": "E9"},
    "lf_line_endings": {},
    "final_newline": {},
    "blank_line": {"trailing": 2},
    "delimiter": {"delimiter": ";"},
    "header_spaces": {"declared": ["actor_id", "name"]},
    "header_unnamed": {"positions": [8, 9]},
    "header_unique": {},
    "header_declared": {"table": "claims", "guess": "stance"},
    "header_complete": {"name": "stance"},
    "header_order": {"declared": ["actor_id", "name"]},
    "header_other_table": {"table": "claims", "other": "events"},
    "field_count": {"fields": 9, "width": 8, "runs_on_to": 7},
    "csv_quotes": {"fault": "stray"},
    "canonical_quoting": {"quoted_lines": 3},
    "csv_syntax": {"error": "field larger than field limit"},
    "seed_size": {"most": 67108864},
    "rule_failed": {"check": "enum", "error": "TypeError('boom')"},
    "header_repeated": {},
    "empty_row": {},
    "required": _cell("claims", "stance", None),
    "type_integer": {"cell": "1,000"},
    "type_number": {"cell": "34,52"},
    "type_date": {"cell": "2020-02-30", "impossible": True},
    "enum": _cell("claims", "stance", "Asserts"),
    "standard_code": _cell("actors", "country", "SYQ"),
    "placeholder": _cell("claims", "hedging", "N/A"),
    "minimum": _cell("claims", "value", -3),
    "maximum": _cell("events", "latitude", 200.0),
    "date_order": {"date_start": "2020-01-14", "date_end": "2020-01-13"},
    "precision_day": {"date_precision": "day", "date_start": "2020-01-14", "date_end": "2020-01-15"},
    "precision_month": {"date_precision": "month", "date_start": "2020-01-14", "date_end": "2020-01-31"},
    "precision_range": {"date_precision": "range", "date_start": "2020-01-09", "date_end": "2020-01-09"},
    "precision_before": {"date_precision": "before", "date_start": "2020-01-14"},
    "coordinates_pair": {"latitude": "34.5", "longitude": None},
    "coordinates_site": {"latitude": "34.5", "place_precision": "town"},
    "coordinates_in_country": {"latitude": "37.6", "longitude": "34.5", "country": "SYR"},
    "place_precision_fields": {"place_precision": "country", "admin1": "Homs", "admin2": None, "locality": None},
    "strike_category": {"category": "strike", "event_type": "summit", "country": "SYR"},
    "curated_source": {"source": "src-sana-1", "kind": "agency_report"},
    "coordinates_source": {"source": "src-seed-000"},
    "coordinates_written": {"source": "src-ref-wikipedia-tiyas-airbase", "column": "latitude"},
    "seed_number": {"number": "002", "source": "src-seed-000", "expected": "000"},
    "reference_has_url": {"kind": "reference", "url": None},
    "attribution_applicable": {"event_type": "summit", "attribution_status": "alleged"},
    "attributed_actor": {"attribution_status": "unattributed", "attributed_actor_id": "israel"},
    "count_bounds": {"value": "4", "value_low": "5", "value_high": None},
    "count_exact": {"value": "8", "value_low": None, "value_high": "8"},
    "count_has_unit": {"predicate": "attribution", "unit": "people"},
    "count_written": {
        "predicate": "fatalities",
        "quote": "killed eight people",
        "value": "9",
        "value_low": None,
        "value_high": None,
    },
    "count_bound": {"words": "At least"},
    "publisher_given": {"named": "SANA"},
    "relation_reversed": {"first": 5},
    "url_repeated": {"first": 17},
    "report_cited": {"source": "src-imagery-2021-07-homs"},
    "seed_unlisted": {"name": "002_86ac48df2dcecc3b.txt"},
    "publisher_kind": {"publisher": "act-sohr", "publisher_kind": "ngo", "allowed": ("state", "government_body")},
    "value_text_actor": {"actor": "act-israel", "other": "act-iran"},
    "victim_group_worded": {},
    "predicate_worded": {"predicate": "injuries", "stance": "asserts", "quote": "killed eight"},
    "victim_status_worded": {"victim_status": "civilian", "victim_group": "militia officers"},
    "stance_worded": {"hedging": "UNABLE TO INDEPENDENTLY VERIFY", "stance": "asserts"},
    "stance_unworded": {"stance": "denies", "hedging": None, "attribution_quote": "According to X", "quote": "x"},
    "stance_quoted": {
        "attribution_quote": None,
        "quote": "REUTERS IS UNABLE TO INDEPENDENTLY VERIFY THIS IMAGE",
        "stance": "asserts",
    },
    "unit_matches_predicate": {"predicate": "killed", "unit": "projectiles"},
    "count_only_for_counts": {"predicate": "attribution", "value": "4", "value_low": None, "value_high": None},
    "actor_value": {"predicate": "attribution", "value_actor_id": None, "value_text": None},
    "published_order": {"published_start": "2020-01-14", "published_end": "2020-01-13"},
    "pattern": _cell("claims", "claim_id", "CLAIM-0001"),
    "unique_id": {"first": 2, "whole_row": True},
    "repeated_claim": {"first": 2},
    "repeated_row": {"first": 2, "key": "event_id"},
    "unique_value": {"first": 2, "column": "seed_path"},
    "note_id_exists": {"value": "clm-000-050", "table": "claims"},
    "reports_own_voice": {"claimant": "act-syrian-media", "publisher": "act-seed-000-publisher"},
    "date_narrowed": {"date_start": "2020-01-12", "date_end": "2020-01-12", "intervals": "2020-01-12/2020-01-15"},
    "foreign_key": {"key": "actor_id", "path": "data/actors.csv", "suggestions": ["act-idf", "act-iaf"]},
    "list_items": _cell("claims", "relayed_via", "a||b"),
    "list_repeats": _cell("events", "place_aliases", "T4|T4 base|T4"),
    "read_in_archive": {},
    "relay_chain": {"twice": True},
    "reported_after_event": {
        "source": "sana-1",
        "published": pd.Timestamp("2020-01-13"),
        "event": "ev-1",
        "began": pd.Timestamp("2020-01-14"),
    },
    "cites_self": {},
    "cites_cycle": {"cited": "src-sana-2020-01-14-t4"},
    "reference_cited": {"source": "src-ref-wikipedia-tiyas-airbase"},
    "event_claimed": {},
    "cited_after_citing": {
        "cited": "src-b",
        "cited_start": pd.Timestamp("2021-07-25"),
        "citing": "src-a",
        "citing_end": pd.Timestamp("2020-01-15"),
    },
    "cited_ends_later": {
        "cited": "src-b",
        "cited_end": pd.Timestamp("9999-12-31"),
        "citing": "src-a",
        "citing_end": pd.Timestamp("2020-01-15"),
    },
    "parent_not_self": {"actor_id": "idf", "parent_actor_id": "idf"},
    "parent_cycle": {},
    "quote_offsets": {"quote_start": "40", "quote_end": "12"},
    "quote_anchored": {
        "start": 0,
        "end": 5,
        "seed_length": 100,
        "seed_has": "Syria",
        "location": locate("the \u201cSyria\u201d", '"Syria"'),
    },
    "seed_inside": {},
    "seed_hash_pair": {"seed_path": "seeds/a.html", "sha256": None},
    "archived_has_seed": {"kind": "press_release", "seed_path": "seeds/a.html"},
    "dateline_archived": {"dateline": "Damascus", "seed_path": None},
    "place_written": {"source": "src-ref-wikipedia-tiyas-airbase"},
    "seed_present": {"near": "000_88ebea6c751ab514.txt"},
    "seed_hash": {"seed_path": "seeds/a.html", "digest": "0" * 64},
    "seed_utf8": {"byte": 3},
    "seed_date": {"dated": "2020-01-15", "column": "published_start"},
    "seed_referenced": {"name": "a.html"},
    "seed_list_row": {"name": "000_88ebea6c751ab514.txt", "listed": "2020-01-16", "column": "published_end"},
    "seed_listed": {"name": "002_86ac48df2dcecc3b.txt", "listed": "739c" + "0" * 60},
    "dateline_written": {"seed_path": "seeds/002_86ac48df2dcecc3b.txt"},
    "alias_written": {"aliases": ["IAF"]},
    "place_alias_written": {"aliases": ["Shayrat"]},
    "own_voice_reports": {"stance": "asserts"},
    "own_voice_chain": {
        "claimant": "act-seed-002-publisher",
        "source": "src-seed-002",
        "first": "src-tass-2021-07-homs",
        "publisher": "act-tass",
    },
    "one_stance": {"stance": "denies", "first": 9, "stance_first": "asserts"},
    "relation_id_names": {
        "relation_id": "rel-hashd-backed-by-iran",
        "relation": "backed_by",
        "subject_actor_id": "act-iran",
        "object_actor_id": "act-hashd-al-shaabi",
    },
    "wikidata_seen": {"item": "Q801", "seen": False, "noted": True},
    "place_read_once": {"first": 2, "given": "34.4951", "source": "src-ref-wikipedia-tiyas-airbase"},
    "unattributed_claimed": {},
    "name_shared": {"spelling": "Israel Hayom", "owner": "act-israel-hayom", "first": 24},
    "publisher_named": {"actor": "act-tass"},
    "ended_by_date_source": {
        "end": "2020-01-11",
        "source": "src-ref-urdupoint-2020-01-10-albu-kamal",
        "published": "2020-01-10",
    },
    "language_written": {"language": "ar", "seed_path": "seeds/000_88ebea6c751ab514.txt", "share": 0.23},
    "seed_withdrawn": {"name": "003_0123456789abcdef.txt"},
    "sentence_declared_once": {"first": 3},
    "clean_text": _cell("claims", "hedging", "said\u200b"),
    "mojibake": _cell("events", "summary", "Hom\u00e2\u20ac\u2122s"),
    "mixed_script": _cell("actors", "name", "Syri\u0430"),
    "invisible_char": _cell("events", "summary", "Strike on T\u200b4"),
    "lookalike_form": _cell("events", "admin1", "\uff28oms"),
    "max_length": _cell("events", "summary", "x" * 301),
    "descriptor_present": {},
    "descriptor_json": {"error": "Expecting value: line 1 column 1 (char 0)"},
    "frictionless_descriptor": {"error": "descriptor is not valid"},
    "descriptor_current": {"where": "resources[0].path", "declared": "data/actors.csv", "found": "x.csv"},
    # the data model
    "value_code_given": {"predicate": "launch_platform", "value_code": None},
    "value_code_vocabulary": {"predicate": "weapon", "value_code": "missiles"},
    "value_code_worded": {"predicate": "weapon", "value_text": "rockets", "value_code": "missile"},
    "target_not_attacker": {"attacker": "act-usa"},
    "relation_worded": {"relation": "backed_by", "quote": "Iran and Syria are close strategic allies"},
    "value_text_quoted": {"predicate": "weapon", "value_text": "rockets", "quote": "eight missiles fired"},
    "place_code_worded": {"predicate": "place", "value_text": "in Syria", "value_code": "IRQ"},
    "victim_fields": {"predicate": "fatalities", "victim_status": None, "victim_group": "officers"},
    "time_interval": {"predicate": "time", "value_text": "2020-01-14/2020-01-13"},
    "time_weekday": {"predicate": "time", "quote": "on Tuesday", "value_text": "2020-01-13/2020-01-13"},
    "url_dated": {
        "url": "https://example.org/202107191083442492-x",
        "published_start": "2021-07-22",
        "published_end": "2021-07-22",
    },
    "time_day_written": {"predicate": "time", "quote": "on February 24, 2020", "value_text": "../2020-03-24"},
    "attributed_kind": {"actor": "act-sana", "kind": "media_outlet"},
    "relay_cited": {"report": "src-sana-2020-01-14-t4", "source": "src-seed-000"},
    "relay_order": {"report": "src-sana-2020-01-14-t4", "before": "src-syrian-state-media-2020-01-14-t4"},
    "time_ends_after_report": {
        "end": pd.Timestamp("2020-01-17"),
        "source": "src-seed-000",
        "published": pd.Timestamp("2020-01-15"),
    },
    "time_relative": {
        "quote": "this week",
        "first": pd.Timestamp("2020-01-12").date(),
        "last": pd.Timestamp("2020-01-15").date(),
        "source": "src-seed-000",
        "published": pd.Timestamp("2020-01-15").date(),
    },
    "time_after_report": {
        "start": pd.Timestamp("2020-01-21"),
        "source": "src-seed-000",
        "published": pd.Timestamp("2020-01-15"),
    },
    "attribution_unknown": {"predicate": "attribution", "value_actor_id": None, "value_text": "unidentified"},
    "attribution_complete": {"attribution_quote": "Syrian state media said", "attribution_start": None},
    "attribution_offsets": {"attribution_start": "40", "attribution_end": "12"},
    "attribution_anchored": {
        "start": 0,
        "end": 5,
        "seed_length": 100,
        "seed_has": "Syria",
        "location": locate("It was Syria.", "Syria"),
        "columns": ("attribution_quote", "attribution_start", "attribution_end"),
    },
    "attribution_given": {"claimant": "act-sana", "source": "src-seed-000"},
    "hedging_worded": {"missing": "allegedly"},
    "attribution_paragraph": {"attribution_start": 131, "quote_start": 397},
    "claim_events": {},
    "identification_noted": {"identification": "assumed", "identification_note": None},
    "acknowledged_has_source": {"attribution_status": "acknowledged", "attribution_source_id": None},
    "acknowledged_on_assumed_match": {},
    "archive_about_event": {"source": "src-seed-002"},
    "identification_dated": {"source": "src-ref-sputnik-2021-07-22-homs", "kind": "reference"},
    "attribution_claimed": {"actor": "act-usa"},
    "event_id_date": {"event_id": "evt-2021-07-22-homs-strike", "date_start": "2021-07-02", "date_end": "2021-07-02"},
    "date_claimed": {
        "source": "src-seed-000",
        "intervals": ["2020-01-14/2020-01-14"],
        "date_start": "2020-01-13",
        "date_end": "2020-01-13",
    },
    "acknowledged_claimed": {"source": "src-seed-000", "actor": "act-israel"},
    "dated_against_claims": {
        "source": "src-ref-urdupoint-2020-01-10-albu-kamal",
        "intervals": ["2020-01-03/2020-01-10"],
        "date_start": "2019-12-20",
        "date_end": "2019-12-21",
    },
    "relation_kind": {"relation": "leads", "kind": "person"},
    "relation_country": {
        "relation": "leads",
        "subject": "act-joe-biden",
        "country": "RUS",
        "state": "act-usa",
        "state_country": "USA",
    },
    "relation_within": {"part": "act-iaf", "whole": "act-israel"},
    "value_actor_named": {"actor": "act-usa"},
    "place_claimed": {"codes": ["SYR"]},
    "event_type_claimed": {"kind": "missile_strike", "platforms": ["aircraft"], "fits": ("ground_launcher", "ship")},
    "ended_by_reports": {"end": "9999-12-31", "latest": "2020-01-15"},
    "relation_named": {"actor": "act-russia"},
    "claimant_named": {
        "actor": "act-haaretz",
        "named": "state SANA agency",
        "words": "According to the state SANA agency",
    },
    "parent_country": {"country": "ISR", "parent": "act-russia", "parent_country": "RUS"},
    "parent_kind": {"kind": "state", "parent": "act-israel", "parent_kind": "state"},
    "state_per_country": {"country": "RUS", "state": "act-russia"},
    "parent_fits_kind": {"kind": "military_unit", "parent": "act-sana", "parent_kind": "media_outlet"},
    "part_without_whole": {"kind": "armed_forces"},
    "relation_not_self": {"subject_actor_id": "act-iran", "object_actor_id": "act-iran"},
    "relation_evidence": {"claim_id": "clm-000-029", "source": "src-seed-002"},
    # the uncovered sentences
    "sentence_seed": {},
    "sentence_anchored": {"start": 0, "end": 9, "location": locate("Damascus. Syria.", "Syria.")},
    "header_reason": {},
    "coverage_declared": {"source_id": "src-seed-001", "missing": [(0, 9, "Damascus."), (10, 16, "Syria.")]},
    "declared_unquoted": {},
    "declared_sentence": {"source_id": "src-seed-001"},
    # safety at the edges
    "file_inside": {"what": "the file", "reason": "is a symbolic link that leads outside the dataset folder"},
    "file_regular": {"what": "the file", "reason": "is a named pipe (FIFO), not a regular file"},
    "file_readable": {"what": "the folder", "reason": "cannot be listed: permission denied"},
    "header_width": {"columns": 100_000, "table": "claims", "width": 13, "bound": 1_000},
    "quote_grapheme": {"start": 3, "end": 9},
}


def test_every_declared_rule_has_a_sample_of_its_words() -> None:
    assert set(SAMPLES) == set(RULE_IDS)


@pytest.mark.parametrize("declared_rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_worded_from_its_sample_context(declared_rule: Any) -> None:
    words = declared_rule.message(**SAMPLES[declared_rule.id])
    assert isinstance(words, str) and words.strip() == words and words


def test_a_problem_takes_its_words_from_its_rule() -> None:
    found = problem("minimum", "claims", 7, "value", "-3", **_cell("claims", "value", -3))
    assert (found.table, found.row, found.column, found.value, found.rule) == ("claims", 7, "value", "-3", "minimum")
    assert found.message == "is below the minimum 0; counts and offsets cannot be negative"
    assert rule("blank_line").message() == "this line is blank; delete it"
    assert rule("blank_line").message(trailing=1).startswith("the file ends with a blank line;")
    assert rule("reported_after_event").message(**SAMPLES["reported_after_event"]) == (
        "source sana-1 was published by 2020-01-13, before event ev-1 began on 2020-01-14"
    )


def test_anchored_words_name_their_own_offset_columns() -> None:
    """A quote and an attribution share the anchoring words, each naming the columns to set."""
    attribution = rule("attribution_anchored").message(**SAMPLES["attribution_anchored"])
    assert "the attribution_quote is found at 7..12: set attribution_start and attribution_end" in attribution
    quote = {**SAMPLES["attribution_anchored"], "columns": ("quote", "quote_start", "quote_end")}
    assert "the quote is found at 7..12: set quote_start and quote_end" in rule("quote_anchored").message(**quote)


@pytest.mark.parametrize(
    ("seed", "quote", "words"),
    [
        ("the \u201cSyria\u201d", '"Syria"', "; the quote is not found; "),
        ("Syria, Syria", "Syria", "; the quote is found 2 times, at 0..5, 7..12: lengthen"),
    ],
    ids=["not found", "found twice"],
)
def test_a_quote_not_at_one_place_is_said_in_a_sentence(seed: str, quote: str, words: str) -> None:
    """'the quote not found' read as a fragment; every case of the message says what the quote is."""
    sample = {**SAMPLES["quote_anchored"], "location": locate(seed, quote)}
    assert words in rule("quote_anchored").message(**sample)


def test_a_problem_of_an_undeclared_rule_is_refused() -> None:
    with pytest.raises(KeyError, match="not declared"):
        problem("no_such_rule", "claims", 2, "stance", "x")  # type: ignore[arg-type]


def test_a_context_the_wording_does_not_take_is_refused() -> None:
    with pytest.raises(TypeError):
        rule("relay_chain").message(twice=True, because="words")


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == name)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        )
    ]


# Where a check names a fault: problem(rule, table, row, column, value, **context), and the
# reader's report(row, column, value, rule, **context). More positional arguments would be a
# message, and so would an f-string among the context.
POSITIONAL = {"problem": 5, "report": 4}


def _spelt(call: ast.Call) -> bool:
    """Problem(...) given its message: spelt out field by field, not restored whole (Problem(*fields))."""
    positional = [argument for argument in call.args if not isinstance(argument, ast.Starred)]
    return len(positional) >= 6 or any(keyword.arg == "message" for keyword in call.keywords)


def test_no_check_builds_a_problem_or_writes_its_words() -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(PACKAGE.parent)
        if path.name != "problems.py":
            offences += [f"{where}:{call.lineno} builds a Problem" for call in _calls(tree, "Problem") if _spelt(call)]
        for name, most in POSITIONAL.items():
            for call in _calls(tree, name):
                if len(call.args) > most:
                    offences.append(f"{where}:{call.lineno} passes {name}() a message")
                context = [keyword.value for keyword in call.keywords]
                if any(isinstance(node, ast.JoinedStr) for value in context for node in ast.walk(value)):
                    offences.append(f"{where}:{call.lineno} composes words for {name}()")
    assert offences == []


def test_actor_value_suggests_the_one_code_attribution_unknown_accepts() -> None:
    """Following one rule's advice must not break another: an unknown perpetrator is 'unknown'."""
    words = rule("actor_value").message(**SAMPLES["actor_value"])
    assert "('unknown' for an attribution)" in words
    assert "unidentified" not in words


@pytest.mark.parametrize(
    ("rule_id", "mend"), [("lf_line_endings", "save it with LF line endings"), ("final_newline", "add one")]
)
def test_a_file_form_fault_says_how_to_mend_the_file(rule_id: str, mend: str) -> None:
    """A curator told only that the file has CRLF endings, or lacks a final line break, still has to
    find out what to do; the words say it."""
    assert mend in rule(rule_id).message(**SAMPLES[rule_id])
