"""Corruptions that are more than one cell's new value: several cells, added rows, seed files, the
header, the bytes of a file, the descriptor. Each is a named function registered with its kind's name.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES, SEED_MOST_BYTES
from syria_strikes.rules import RuleId
from tests.support.cell_edits import ARCHIVED_SOURCE, COUNT_CLAIM, DATED_EVENT
from tests.support.dataset import Dataset
from tests.support.kinds import Expect, Mutation

STRUCTURAL_EDITS: list[Mutation] = []


def structural(name: str) -> Callable[[Callable[[Dataset], Expect]], Callable[[Dataset], Expect]]:
    """Register the function below as the kind called ``name``."""

    def register(function: Callable[[Dataset], Expect]) -> Callable[[Dataset], Expect]:
        STRUCTURAL_EDITS.append(Mutation(name, function))
        return function

    return register


def _set(ds: Dataset, table: str, index: int, column: str, value: str, rule: RuleId, exact: bool = True) -> Expect:
    """The last of several cell edits: the one the validator must point at."""
    return Expect(table, ds.set_cell(table, index, column, value), column, rule, exact)


def _edit_text(ds: Dataset, table: str, edit: Callable[[str], str]) -> None:
    """Rewrite a table's file as text, bypassing the csv module so that any bytes can be planted."""
    ds.write_raw(table, edit(ds.raw(table).decode("utf-8")).encode("utf-8"))


def _edit_lines(ds: Dataset, table: str, edit: Callable[[list[str]], list[str]]) -> None:
    _edit_text(ds, table, lambda text: "\n".join(edit(text.split("\n"))))


def _rename_header(ds: Dataset, table: str, old: str, new: str, rule: RuleId, exact: bool = True) -> Expect:
    _edit_lines(ds, table, lambda lines: [",".join(new if c == old else c for c in lines[0].split(",")), *lines[1:]])
    return Expect(table, 1, new, rule, exact)


def _write_with(ds: Dataset, table: str, **dialect: Any) -> None:
    """Write a table back through the csv module with another dialect (delimiter, quoting)."""
    rows = ds.rows(table)
    with ds.path(table).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n", **dialect)
        writer.writeheader()
        writer.writerows(rows)


def _edit_descriptor(ds: Dataset, edit: Callable[[dict[str, Any]], None]) -> None:
    path = ds.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


@structural("'on Tuesday' widened to the seven days before the document")
def on_tuesday_widened_to_a_week(ds: Dataset) -> Expect:
    """The time claim is no longer a day (time_relative warns on it), and the event dated from the
    document to that Tuesday is then narrower than anything the document says."""
    claim = ds.find("claims", predicate="time", quote="on Tuesday")
    event = ds.find("events", event_id=ds.rows("claims")[claim]["event_id"])
    ds.set_cell("claims", claim, "value_text", "2020-01-08/2020-01-14")
    return Expect("events", event + 2, "date_end", "date_narrowed")


@structural("'this week' dated from the document to one day of it")
def this_week_narrowed_to_a_day(ds: Dataset) -> Expect:
    """The rocket attacks on Iraqi bases 'this week': a day inside the week breaks no other rule."""
    index = ds.find("events", event_id="evt-2020-01-iraq-bases-rocket-attacks")
    ds.set_cell("events", index, "date_precision", "day")
    ds.set_cell("events", index, "date_start", "2020-01-12")
    return _set(ds, "events", index, "date_end", "2020-01-12", "date_narrowed")


# --- rows deleted ---------------------------------------------------------------------------------
@structural("a claim deleted that another claim's note names")
def claim_named_in_a_note_deleted(ds: Dataset) -> Expect:
    """The article's dispute of the interception gone: its words are still quoted by a sibling claim,
    so coverage stays silent; the note of the claim it disputes still names it."""
    rows = ds.rows("claims")
    gone = next(k for k, row in enumerate(rows) if row["claim_id"] == "clm-002-028")
    del rows[gone]
    ds.write_rows("claims", rows)
    naming = next(k for k, row in enumerate(rows) if "clm-002-028" in row["curator_note"])
    return Expect("claims", naming + 2, "curator_note", "note_id_exists", exact=False)  # three notes name it


# --- several cells of a row -----------------------------------------------------------------------
@structural("'At least eight' recorded as an exact count")
def bound_recorded_as_exact(ds: Dataset) -> Expect:
    index = ds.find("claims", quote=lambda quote: quote.startswith("At least eight"))
    ds.set_cell("claims", index, "value_high", "8")
    return _set(ds, "claims", index, "value", "8", "count_bound")


@structural("'on Tuesday' dated to a Monday, its event moved to match")
def tuesday_dated_to_a_monday(ds: Dataset) -> Expect:
    """Only the calendar tells: the event's ID still names the Tuesday, which warns too."""
    index = ds.find("claims", predicate="time", quote="on Tuesday")
    event = ds.find("events", event_id=ds.rows("claims")[index]["event_id"])
    ds.set_cell("events", event, "date_start", "2020-01-13")
    ds.set_cell("events", event, "date_end", "2020-01-13")
    return Expect(
        "claims",
        ds.set_cell("claims", index, "value_text", "2020-01-13/2020-01-13"),
        "value_text",
        "time_weekday",
        exact=False,
        decision="warn",
    )


@structural("'missiles' given as 'rockets' and coded so")
def missiles_given_as_rockets(ds: Dataset) -> Expect:
    index = ds.find("claims", predicate="weapon", value_code="missile", quote=lambda quote: "missiles" in quote)
    ds.set_cell("claims", index, "value_code", "rocket")
    return _set(ds, "claims", index, "value_text", "rockets", "value_text_quoted")


@structural("'At least eight' recorded as an upper bound")
def lower_bound_recorded_as_upper(ds: Dataset) -> Expect:
    index = ds.find("claims", quote=lambda quote: quote.startswith("At least eight"))
    ds.set_cell("claims", index, "value_low", "")
    return _set(ds, "claims", index, "value_high", "8", "count_bound")


@structural("an image Reuters cannot verify recorded as asserted, its hedge emptied")
def unverified_image_asserted_without_its_hedge(ds: Dataset) -> Expect:
    index = ds.find("claims", hedging="UNABLE TO INDEPENDENTLY VERIFY")
    ds.set_cell("claims", index, "hedging", "")
    line = ds.set_cell("claims", index, "stance", "asserts")
    return Expect("claims", line, "stance", "stance_quoted", decision="warn")


@structural("a head of state given another state's country")
def head_of_state_given_another_country(ds: Dataset) -> Expect:
    """Joe Biden leads the United States: his country typed RUS passed every rule of its cell."""
    relation = ds.find("actor_relations", relation="leads", object_actor_id="act-usa")
    leader = ds.rows("actor_relations")[relation]["subject_actor_id"]
    ds.set_cell("actors", ds.find("actors", actor_id=leader), "country", "RUS")
    return Expect("actor_relations", relation + 2, "subject_actor_id", "relation_country")


@structural("count read from the day of a date ('February 24, 2020')")
def count_read_from_a_date(ds: Dataset) -> Expect:
    """A claim of munitions fired added on the caption's date: 24 is a day, not a count."""
    rows = ds.rows("claims")
    dated = next(row for row in rows if row["quote"] == "on February 24, 2020")
    added = {**dated, "claim_id": "clm-002-900", "predicate": "munitions_fired", "unit": "munitions", "value_text": ""}
    added |= {"value_low": "24", "curator_note": ""}
    ds.write_rows("claims", [*rows, added])
    return Expect("claims", len(rows) + 2, "value_low", "count_written", exact=False)


@structural("a report's citation dropped from the document that names it")
def report_citation_dropped(ds: Dataset) -> Expect:
    """The imagery seed 002 names is relayed by no claim: with its citation gone, no row stands on it."""
    rows = ds.rows("sources")
    report = next(index for index, row in enumerate(rows) if row["source_id"] == "src-imagery-2021-07-homs")
    citing = next(index for index, row in enumerate(rows) if "src-imagery-2021-07-homs" in row["cites_source_ids"])
    kept = [item for item in rows[citing]["cites_source_ids"].split("|") if item != "src-imagery-2021-07-homs"]
    ds.set_cell("sources", citing, "cites_source_ids", "|".join(kept))
    return Expect("sources", report + 2, "source_id", "report_cited", decision="warn")


@structural("a relation copied with subject and object swapped on the same words")
def relation_reversed_on_its_words(ds: Dataset) -> Expect:
    rows = ds.rows("actor_relations")
    original = next(row for row in rows if row["relation_id"] == "rel-syria-backed-by-iran")
    swapped = {
        **original,
        "relation_id": "rel-iran-backed-by-syria",
        "subject_actor_id": original["object_actor_id"],
        "object_actor_id": original["subject_actor_id"],
        "evidence_claim_id": "",
    }
    ds.write_rows("actor_relations", [*rows, swapped])
    return Expect("actor_relations", len(rows) + 2, "subject_actor_id", "relation_reversed")


@structural("low greater than high")
def low_above_high(ds: Dataset) -> Expect:
    index = COUNT_CLAIM(ds, "claims")
    ds.set_cell("claims", index, "value_high", "1")
    return _set(ds, "claims", index, "value_low", "100", "count_bounds")


@structural("event its sources blame called unattributed")
def blamed_event_called_unattributed(ds: Dataset) -> Expect:
    index = ds.find("events", attribution_status="alleged")
    ds.set_cell("events", index, "attributed_actor_id", "")
    return _set(ds, "events", index, "attribution_status", "unattributed", "unattributed_claimed")


@structural("actor given a Wikidata item no reference row records")
def wikidata_item_from_memory(ds: Dataset) -> Expect:
    index = ds.find("actors", kind="state")
    ds.set_cell("actors", index, "curator_note", "Its Wikidata item is known.")
    return _set(ds, "actors", index, "wikidata_id", "Q801", "wikidata_seen")


@structural("actor given the Wikidata item of another entity, whose reference row is titled for it")
def wikidata_item_of_another_entity(ds: Dataset) -> Expect:
    """Q801 is Israel's item: a reference row of its page titled 'Wikidata: Israel (Q801)' recorded it for Iran."""
    sources = ds.rows("sources")
    reference = dict.fromkeys(sources[0], "")
    reference.update(
        source_id="src-ref-wikidata-q801",
        title="Wikidata: Israel (Q801)",
        kind="reference",
        url="https://www.wikidata.org/wiki/Q801",
        curator_note="The item's page, seen by the curators.",
    )
    ds.write_rows("sources", [*sources, reference])
    index = ds.find("actors", actor_id="act-iran")
    ds.set_cell("actors", index, "curator_note", "Its Wikidata item was seen.")
    return _set(ds, "actors", index, "wikidata_id", "Q801", "wikidata_seen")


@structural("0,0 left for the coordinates of an event outside Syria")
def zero_zero_outside_syria(ds: Dataset) -> Expect:
    """No extent is declared for Iraq, but 0,0 is in no country."""
    index = ds.find("events", country="IRQ", latitude="")
    ds.set_cell("events", index, "longitude", "0")
    return _set(ds, "events", index, "latitude", "0", "coordinates_in_country")


@structural("one reference entered twice, under two IDs with one address")
def reference_address_repeated(ds: Dataset) -> Expect:
    rows = ds.rows("sources")
    first, second = [index for index, row in enumerate(rows) if row["kind"] == "reference" and row["url"]][:2]
    return _set(ds, "sources", second, "url", rows[first]["url"], "unique_value")


@structural("one reference entered twice, its address written with a trailing slash")
def reference_address_respelt(ds: Dataset) -> Expect:
    rows = ds.rows("sources")
    first, second = [index for index, row in enumerate(rows) if row["kind"] == "reference" and row["url"]][:2]
    return _set(ds, "sources", second, "url", rows[first]["url"].rstrip("/") + "/", "url_repeated")


@structural("site moved to another point inside Syria on one of its two events")
def site_moved_on_one_event(ds: Dataset) -> Expect:
    index = ds.find("events", latitude=lambda cell: cell != "")
    ds.set_cell("events", index, "latitude", "34.4951")
    ds.set_cell("events", index, "longitude", "36.8936")
    # The other event at the site, from the same reference, is the one found to disagree; the moved one
    # is also found to differ from the degrees its reference writes (coordinates_written).
    place = ds.rows("events")[index]["place_name"]
    other = next(
        k for k, row in enumerate(ds.rows("events")) if row["place_name"] == place and k != index and row["latitude"]
    )
    return Expect("events", other + 2, "latitude", "place_read_once", exact=False)


@structural("coordinates for a place that is not a site")
def coordinates_for_a_governorate(ds: Dataset) -> Expect:
    """A governorate's event that names no district or locality, so that only its coordinates are wrong."""
    index = ds.find("events", latitude="", admin2="", locality="")
    ds.set_cell("events", index, "place_precision", "governorate")
    ds.set_cell("events", index, "longitude", "37.6")
    return _set(ds, "events", index, "latitude", "34.5", "coordinates_site")


@structural("latitude and longitude swapped")
def coordinates_swapped(ds: Dataset) -> Expect:
    index = ds.find("events", country="SYR", latitude=lambda v: v != "")
    row = ds.rows("events")[index]
    ds.set_cell("events", index, "longitude", row["latitude"])
    return _set(ds, "events", index, "latitude", row["longitude"], "coordinates_in_country")


@structural("coordinates 0,0 left for an unknown site")
def coordinates_at_zero(ds: Dataset) -> Expect:
    index = ds.find("events", country="SYR", latitude=lambda v: v != "")
    ds.set_cell("events", index, "longitude", "0")
    return _set(ds, "events", index, "latitude", "0", "coordinates_in_country")


@structural("strike with no country placed outside Syria")
def countryless_strike_outside_syria(ds: Dataset) -> Expect:
    index = ds.find("events", category="strike", latitude=lambda v: v != "")
    ds.set_cell("events", index, "country", "")
    return _set(ds, "events", index, "longitude", "-" + ds.rows("events")[index]["longitude"], "coordinates_in_country")


@structural("attribution without the actor it names")
def attribution_naming_no_actor(ds: Dataset) -> Expect:
    index = ds.find("claims", predicate="attribution")
    ds.set_cell("claims", index, "value_text", "")
    return _set(ds, "claims", index, "value_actor_id", "", "actor_value")


@structural("quote not at its offsets")
def quote_offsets_shifted(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    start, end = int(rows[0]["quote_start"]), int(rows[0]["quote_end"])
    ds.set_cell("claims", 0, "quote_start", str(start + 1))
    ds.set_cell("claims", 0, "quote_end", str(end + 1))
    return Expect("claims", 2, "quote", "quote_anchored")


@structural("offsets out of range")
def quote_offsets_past_the_seed(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    length = int(rows[0]["quote_end"]) - int(rows[0]["quote_start"])
    ds.set_cell("claims", 0, "quote_start", "900000")
    ds.set_cell("claims", 0, "quote_end", str(900000 + length))
    return Expect("claims", 2, "quote", "quote_anchored")


@structural("quote_start after quote_end")
def quote_offsets_swapped(ds: Dataset) -> Expect:
    row = ds.rows("claims")[0]
    ds.set_cell("claims", 0, "quote_start", row["quote_end"])
    return _set(ds, "claims", 0, "quote_end", row["quote_start"], "quote_offsets")


@structural("very long last line without a line break")
def long_last_line_unterminated(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    ds.set_cell("claims", len(rows) - 1, "curator_note", "long" * 250_000)
    ds.write_raw("claims", ds.raw("claims").rstrip(b"\n"))
    return Expect("claims", len(rows) + 1, None, "final_newline", exact=False)


# --- rows of several tables -----------------------------------------------------------------------
@structural("claim whose event starts after its source was published")
def event_after_its_report(ds: Dataset) -> Expect:
    index = DATED_EVENT(ds, "events")
    ds.set_cell("events", index, "date_start", "2030-01-01")
    ds.set_cell("events", index, "date_end", "2030-01-01")
    event_id = ds.rows("events")[index]["event_id"]
    claim = ds.find("claims", event_id=event_id)
    return Expect("claims", claim + 2, "source_id", "reported_after_event", exact=False)


@structural("claim read in a source that is not archived")
def claim_read_in_an_unarchived_source(ds: Dataset) -> Expect:
    sources = ds.rows("sources")
    unarchived = sources[ds.find("sources", seed_path="")]
    report = {**unarchived, "source_id": "src-uncited-report", "title": unarchived["title"] + ", a copy no one cites"}
    ds.write_rows("sources", [*sources, report])
    return _set(ds, "claims", 0, "source_id", "src-uncited-report", "read_in_archive")


def _latest_report(ds: Dataset) -> dict[str, str]:
    """The source whose publication began last: no document published before it can cite it."""
    return max(ds.rows("sources"), key=lambda row: row["published_start"])


@structural("relay published after the document that relays it")
def relay_from_the_future(ds: Dataset) -> Expect:
    latest = _latest_report(ds)
    published = {row["source_id"]: row["published_end"] for row in ds.rows("sources")}
    index = ds.find(
        "claims", relayed_via=lambda v: v != "", source_id=lambda s: published[s] < latest["published_start"]
    )
    return _set(ds, "claims", index, "relayed_via", latest["source_id"], "cited_after_citing")


@structural("source citing a report published after it")
def citation_from_the_future(ds: Dataset) -> Expect:
    latest = _latest_report(ds)
    index = ds.find("sources", published_end=lambda d: "" < d < latest["published_start"])
    cites = ds.rows("sources")[index]["cites_source_ids"]
    later = f"{cites}|{latest['source_id']}" if cites else latest["source_id"]
    return _set(ds, "sources", index, "cites_source_ids", later, "cited_after_citing")


@structural("cited report's publication interval run past its citing document")
def cited_report_ends_later(ds: Dataset) -> Expect:
    """The last day a cited report may have been published typed with the year 2099: it still starts
    before the document citing it, so only its end tells the interval is wrong."""
    citing = ds.find("sources", cites_source_ids=lambda c: c != "")
    cited = ds.rows("sources")[citing]["cites_source_ids"].split("|")[0]
    index = ds.find("sources", source_id=cited, published_end=lambda d: d != "")
    ds.set_cell("sources", index, "published_end", "2099" + ds.rows("sources")[index]["published_end"][4:])
    return Expect("sources", citing + 2, "cites_source_ids", "cited_ends_later", exact=False)


@structural("the time claims dating an event from its seed moved to another event")
def time_claims_moved_away(ds: Dataset) -> Expect:
    index = ds.find("events", date_source_id=lambda source: source.startswith("src-seed-"))
    event = ds.rows("events")[index]
    claims = ds.rows("claims")
    of_the_seed = [claim for claim in claims if claim["source_id"] == event["date_source_id"]]
    elsewhere = next(claim["event_id"] for claim in of_the_seed if claim["event_id"] != event["event_id"])
    for claim in of_the_seed:
        if claim["predicate"] == "time" and claim["event_id"] == event["event_id"]:
            claim["event_id"] = elsewhere
    ds.write_rows("claims", claims)
    return Expect("events", index + 2, "date_end", "date_claimed")


@structural("an event others blame made 'acknowledged' on its seed")
def blame_called_an_acknowledgement(ds: Dataset) -> Expect:
    index = ds.find("events", attribution_status="alleged", date_source_id=lambda s: s.startswith("src-seed-"))
    event = ds.rows("events")[index]
    ds.set_cell("events", index, "attribution_source_id", event["date_source_id"])
    return _set(ds, "events", index, "attribution_status", "acknowledged", "acknowledged_claimed")


@structural("a 'leads' relation written the wrong way round")
def leader_and_led_swapped(ds: Dataset) -> Expect:
    index = ds.find("actor_relations", relation="leads")
    row = ds.rows("actor_relations")[index]
    ds.set_cell("actor_relations", index, "subject_actor_id", row["object_actor_id"])
    return _set(ds, "actor_relations", index, "object_actor_id", row["subject_actor_id"], "relation_kind")


@structural("event dated from a reference a year before its time claims allow")
def reference_dated_a_year_early(ds: Dataset) -> Expect:
    """Both days of the interval slip to 2019: a real interval, in order, that no time claim allows (the
    event's ID, dated 2020, warns too: event_id_date)."""
    index = ds.find("events", identification="matched_by_reference", date_precision="range")
    event = ds.rows("events")[index]
    ds.set_cell("events", index, "date_start", "2019" + event["date_start"][4:])
    line = ds.set_cell("events", index, "date_end", "2019" + event["date_end"][4:])
    return Expect("events", line, "date_end", "dated_against_claims", exact=False, decision="warn")


@structural("an alliance entered again with its two actors the other way round")
def alliance_entered_again_reversed(ds: Dataset) -> Expect:
    rows = ds.rows("actor_relations")
    original = rows[ds.find("actor_relations", relation="allied_with")]
    reversed_ = {
        **original,
        "relation_id": f"{original['relation_id']}-again",
        "subject_actor_id": original["object_actor_id"],
        "object_actor_id": original["subject_actor_id"],
    }
    ds.write_rows("actor_relations", [*rows, reversed_])
    return Expect("actor_relations", len(rows) + 2, "relation_id", "repeated_row")


@structural("an uncovered sentence declared again with another reason")
def sentence_declared_again(ds: Dataset) -> Expect:
    rows = ds.rows("uncovered_sentences")
    original = rows[-1]
    reason = "boilerplate" if original["reason"] != "boilerplate" else "dateline"
    again = {**original, "uncovered_id": original["uncovered_id"].rsplit("-", 1)[0] + "-999", "reason": reason}
    ds.write_rows("uncovered_sentences", [*rows, again])
    return Expect("uncovered_sentences", len(rows) + 2, "uncovered_id", "sentence_declared_once")


@structural("sources citing one another in a loop")
def citation_loop(ds: Dataset) -> Expect:
    citing = ds.find("sources", cites_source_ids=lambda c: c != "")
    row = ds.rows("sources")[citing]
    cited = ds.find("sources", source_id=row["cites_source_ids"].split("|")[0])
    ds.set_cell("sources", cited, "cites_source_ids", row["source_id"])
    # Both ends of the loop are reported, each at the citation that closes it.
    return Expect("sources", cited + 2, "cites_source_ids", "cites_cycle", exact=False)


@structural("chain of reports written from the document back to the claimant")
def relay_chain_reversed(ds: Dataset) -> Expect:
    """The claim's report put after another report its document cites, one that does not cite it."""
    index = ds.find("claims", relayed_via=lambda r: r != "")
    claim = ds.rows("claims")[index]
    document = ds.rows("sources")[ds.find("sources", source_id=claim["source_id"])]
    other = next(item for item in document["cites_source_ids"].split("|") if item != claim["relayed_via"])
    line = ds.set_cell("claims", index, "relayed_via", f"{claim['relayed_via']}|{other}")
    return Expect("claims", line, "relayed_via", "relay_order")


@structural("claim in its document's own voice given a report it passed through")
def own_voice_relayed(ds: Dataset) -> Expect:
    """A report the document cites, so that only the own voice makes the chain wrong."""
    publishers = {row["source_id"]: row["publisher_actor_id"] for row in ds.rows("sources")}
    cited = {row["source_id"]: row["cites_source_ids"] for row in ds.rows("sources")}
    claims = ds.rows("claims")
    index = next(
        at
        for at, claim in enumerate(claims)
        if claim["claimant_actor_id"] == publishers[claim["source_id"]]
        and claim["relayed_via"] == ""
        and cited[claim["source_id"]] != ""
    )
    report = cited[claims[index]["source_id"]].split("|")[0]
    return _set(ds, "claims", index, "relayed_via", report, "own_voice_chain")


@structural("the only claim blaming an event's perpetrator turned into a denial")
def blame_denied(ds: Dataset) -> Expect:
    """An event alleged to be an actor's whose one attribution claim naming that actor asserts it;
    denied, it names the actor without blaming it."""
    claims = ds.rows("claims")
    for line, event in enumerate(ds.rows("events"), start=2):
        if event["attribution_status"] != "alleged":
            continue
        blaming = [
            at
            for at, claim in enumerate(claims)
            if claim["event_id"] == event["event_id"]
            and claim["predicate"] == "attribution"
            and claim["value_actor_id"] == event["attributed_actor_id"]
            and claim["stance"] in ("asserts", "reports")
        ]
        if len(blaming) == 1 and claims[blaming[0]]["stance"] == "asserts":
            ds.set_cell("claims", blaming[0], "stance", "denies")
            return Expect("events", line, "attributed_actor_id", "attribution_claimed")
    raise AssertionError("no alleged event rests on one asserting claim")


@structural("actor relation with its subject and object swapped")
def relation_swapped(ds: Dataset) -> Expect:
    index = ds.find("actor_relations", relation="backed_by")
    row = ds.rows("actor_relations")[index]
    ds.set_cell("actor_relations", index, "subject_actor_id", row["object_actor_id"])
    line = ds.set_cell("actor_relations", index, "object_actor_id", row["subject_actor_id"])
    return Expect("actor_relations", line, "relation_id", "relation_id_names", decision="warn")


@structural("parent actors form a loop")
def parent_loop(ds: Dataset) -> Expect:
    child = ds.find("actors", parent_actor_id=lambda p: p != "")
    row = ds.rows("actors")[child]
    parent = ds.find("actors", actor_id=row["parent_actor_id"])
    ds.set_cell("actors", parent, "parent_actor_id", row["actor_id"])
    return Expect("actors", child + 2, "parent_actor_id", "parent_cycle", exact=False)


# --- repeated rows --------------------------------------------------------------------------------
@structural("duplicate ID")
def first_actor_appended_again(ds: Dataset) -> Expect:
    rows = ds.rows("actors")
    ds.write_rows("actors", [*rows, rows[0]])
    return Expect("actors", len(rows) + 2, "actor_id", "unique_id")


@structural("whole row duplicated in claims")
def claim_row_duplicated(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    ds.write_rows("claims", [*rows[:3], rows[1], *rows[3:]])
    return Expect("claims", 5, "claim_id", "unique_id")


@structural("two sources with the same seed file")
def source_twin_with_the_same_seed(ds: Dataset) -> Expect:
    rows = ds.rows("sources")
    index = ARCHIVED_SOURCE(ds, "sources")
    twin = {**rows[index], "source_id": rows[index]["source_id"] + "-copy"}
    ds.write_rows("sources", [*rows, twin])
    return Expect("sources", len(rows) + 2, "seed_path", "unique_value")


@structural("two actors with the same Wikidata item")
def actors_sharing_a_wikidata_item(ds: Dataset) -> Expect:
    """One Wikidata item is one entity: two actor rows naming it are the same actor entered twice
    (or one of them names the wrong item). The item is a made-up number, never published."""
    first = ds.find("actors", kind="state")
    second = ds.find("actors", kind="state", actor_id=lambda a: a != ds.rows("actors")[first]["actor_id"])
    # The item is one a reference row records, with notes, so that only the sharing is at fault.
    sources = ds.rows("sources")
    page = {column: "" for column in sources[0]}
    page |= {"source_id": "src-ref-wikidata-q999999999", "title": "Wikidata item Q999999999", "kind": "reference"}
    page |= {"url": "https://www.wikidata.org/wiki/Q999999999", "curator_note": "The item's page, as seen."}
    ds.write_rows("sources", [*sources, page])
    for index in (first, second):
        ds.set_cell("actors", index, "curator_note", "Its Wikidata page was seen (src-ref-wikidata-q999999999).")
    ds.set_cell("actors", first, "wikidata_id", "Q999999999")
    return _set(ds, "actors", second, "wikidata_id", "Q999999999", "unique_value")


@structural("seed file archived twice under two names")
def seed_archived_twice(ds: Dataset) -> Expect:
    """The copy has a name and a source row of its own, so only its hash tells it is the same document."""
    rows = ds.rows("sources")
    index = ARCHIVED_SOURCE(ds, "sources")
    original = ds.root / rows[index]["seed_path"]
    copy = original.with_name("999_" + original.name)
    copy.write_bytes(original.read_bytes())
    twin = {**rows[index], "source_id": "src-seed-999", "seed_path": f"seeds/{copy.name}"}
    ds.write_rows("sources", [*rows, twin])
    return Expect("sources", len(rows) + 2, "sha256", "unique_value")


@structural("the same claim entered twice under two IDs")
def claim_entered_twice(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    copy = {**rows[3], "claim_id": rows[3]["claim_id"].rsplit("-", 1)[0] + "-999", "curator_note": "entered again"}
    ds.write_rows("claims", [*rows, copy])
    return Expect("claims", len(rows) + 2, "claim_id", "repeated_claim")


@structural("a claim entered again, denying what the same words assert")
def claim_entered_again_denying(ds: Dataset) -> Expect:
    """Not a repeated claim (the stance differs): the same sentence read two ways."""
    rows = ds.rows("claims")
    index = ds.find("claims", stance="asserts", predicate="attribution")
    copy = {**rows[index], "claim_id": rows[index]["claim_id"].rsplit("-", 1)[0] + "-999", "stance": "denies"}
    ds.write_rows("claims", [*rows, copy])
    return Expect("claims", len(rows) + 2, "stance", "one_stance")


@structural("the same claim entered again, its value_text retyped in capitals")
def claim_entered_again_in_capitals(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    index = ds.find("claims", value_text=lambda text: text != text.upper())
    copy = {**rows[index], "claim_id": rows[index]["claim_id"].rsplit("-", 1)[0] + "-999"}
    copy["value_text"] = copy["value_text"].upper()
    ds.write_rows("claims", [*rows, copy])
    return Expect("claims", len(rows) + 2, "claim_id", "repeated_claim")


@structural("an actor entered again under another ID, its name in capitals with a doubled space")
def actor_entered_again_respelt(ds: Dataset) -> Expect:
    rows = ds.rows("actors")
    original = rows[ds.find("actors", name=lambda name: " " in name)]
    respelt = original["name"].upper().replace(" ", "  ", 1)
    ds.write_rows("actors", [*rows, {**original, "actor_id": f"{original['actor_id']}-again", "name": respelt}])
    return Expect("actors", len(rows) + 2, "actor_id", "repeated_row")


def _entered_twice(table: str, key: str, new_id: Callable[[str], str]) -> Callable[[Dataset], Expect]:
    """A row of ``table`` appended again under a new ID and another note: the same thing twice."""

    def apply(ds: Dataset) -> Expect:
        rows = ds.rows(table)
        index = ds.find(table, seed_path="") if table == "sources" else len(rows) - 1
        copy = {**rows[index], key: new_id(rows[index][key]), "curator_note": "entered again"}
        ds.write_rows(table, [*rows, copy])
        return Expect(table, len(rows) + 2, key, "repeated_row")

    return apply


for _table, _key, _new_id in (
    ("actors", "actor_id", lambda old: f"{old}-again"),
    ("sources", "source_id", lambda old: f"{old}-again"),
    ("events", "event_id", lambda old: f"{old}-again"),
    ("actor_relations", "relation_id", lambda old: f"{old}-again"),
    ("uncovered_sentences", "uncovered_id", lambda old: old.rsplit("-", 1)[0] + "-999"),
):
    structural(f"the same row of {_table} entered twice under two IDs")(_entered_twice(_table, _key, _new_id))


# --- seed files -----------------------------------------------------------------------------------
@structural("seed file changed by one byte")
def seed_byte_flipped(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    path = ds.root / ds.rows("sources")[index]["seed_path"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return Expect("sources", index + 2, "sha256", "seed_hash")


def _swap_archives(ds: Dataset, columns: tuple[str, ...]) -> Expect:
    """Two archived rows exchange these cells: each now points at the other's seed file."""
    rows = ds.rows("sources")
    first, second, *_ = [i for i, row in enumerate(rows) if row["seed_path"]]
    for column in columns:
        rows[first][column], rows[second][column] = rows[second][column], rows[first][column]
    ds.write_rows("sources", rows)
    return Expect("sources", first + 2, "seed_path", "seed_number", exact=False)


@structural("seed paths of two sources swapped")
def seed_paths_swapped(ds: Dataset) -> Expect:
    return _swap_archives(ds, ("seed_path",))


@structural("seed paths and hashes of two sources swapped")
def seed_paths_and_hashes_swapped(ds: Dataset) -> Expect:
    """Each row's hash matches its file: only the seed number tells, before every quote fails."""
    return _swap_archives(ds, ("seed_path", "sha256"))


@structural("archived source dated a day after its archive header")
def archived_source_dated_a_day_late(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    later = (date.fromisoformat(ds.rows("sources")[index]["published_end"]) + timedelta(days=1)).isoformat()
    ds.set_cell("sources", index, "published_end", later)
    return _set(ds, "sources", index, "published_start", later, "seed_date")


@structural("seed file deleted")
def seed_deleted(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    (ds.root / ds.rows("sources")[index]["seed_path"]).unlink()
    return Expect("sources", index + 2, "seed_path", "seed_present")


@structural("seed file that is not UTF-8")
def seed_not_utf8_with_a_matching_hash(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    path = ds.root / ds.rows("sources")[index]["seed_path"]
    path.write_bytes(path.read_bytes() + b"\xff")
    ds.set_cell("sources", index, "sha256", hashlib.sha256(path.read_bytes()).hexdigest())
    return Expect("sources", index + 2, "seed_path", "seed_utf8")


@structural("seed file larger than any archived document")
def seed_past_the_size_bound(ds: Dataset) -> Expect:
    """A sparse file: it takes no room on disk, and the bound refuses it from its size, unread."""
    index = ARCHIVED_SOURCE(ds, "sources")
    os.truncate(ds.root / ds.rows("sources")[index]["seed_path"], SEED_MOST_BYTES + 1)
    return Expect("sources", index + 2, "seed_path", "seed_size")


@structural("unreferenced seed file")
def seed_nobody_cites(ds: Dataset) -> Expect:
    (ds.root / "seeds" / "999_unlisted.txt").write_text("an extra document\n", encoding="utf-8")
    return Expect("seeds", None, None, "seed_referenced")


@structural("a document removed with its rows, the seeds' list still naming it")
def seed_withdrawn_unlisted(ds: Dataset) -> Expect:
    """The README's table gains the line ``archive`` would have written for a document no longer there."""
    readme = ds.root / "seeds" / "README.md"
    text = readme.read_text(encoding="utf-8")
    last = text.rindex("` |\n") + len("` |\n")
    gone = f"| `999_0123456789abcdef.txt` | `src-seed-999` | 2021-07-25 | `{'0' * 64}` |\n"
    readme.write_text(text[:last] + gone + text[last:], encoding="utf-8")
    return Expect("seeds", None, None, "seed_withdrawn")


def _readme_line_edited(ds: Dataset, cell: str, edit: Callable[[str], str]) -> int:
    """The first archived source's line of the README's table with one cell (``source`` or ``published``)
    edited; gives the source's index."""
    index = ARCHIVED_SOURCE(ds, "sources")
    row = ds.rows("sources")[index]
    readme = ds.root / "seeds" / "README.md"
    name = row["seed_path"].removeprefix("seeds/")
    text = readme.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith(f"| `{name}` |"))
    cells = old.split(" | ")
    at = {"source": 1, "published": 2}[cell]
    cells[at] = edit(cells[at])
    readme.write_text(text.replace(old, " | ".join(cells)), encoding="utf-8")
    return index


@structural("the seeds' list giving a document's publication a day after its row does")
def seed_list_dated_a_day_late(ds: Dataset) -> Expect:
    index = _readme_line_edited(ds, "published", lambda day: (date.fromisoformat(day) + timedelta(days=1)).isoformat())
    return Expect("sources", index + 2, "published_end", "seed_list_row")


@structural("the seeds' list naming another source for a document")
def seed_list_names_another_source(ds: Dataset) -> Expect:
    index = _readme_line_edited(ds, "source", lambda source: "`src-seed-999`")
    return Expect("sources", index + 2, "source_id", "seed_list_row")


@structural("seed path through a link that leaves seeds/")
def seed_linked_outside(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    (ds.root / "seeds" / "link.txt").symlink_to(ds.root / "data" / "actors.csv")
    return _set(ds, "sources", index, "seed_path", "seeds/link.txt", "seed_inside", exact=False)


@structural("seed file that is a link to itself")
def seed_link_loop(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    path = ds.root / ds.rows("sources")[index]["seed_path"]
    path.unlink()
    path.symlink_to(path.name)
    return Expect("sources", index + 2, "seed_path", "file_readable")


@structural("seeds folder that is a link out of the dataset")
def seeds_folder_linked_outside(ds: Dataset) -> Expect:
    outside = ds.root.parent / f"{ds.root.name}-seeds-elsewhere"
    (ds.root / "seeds").rename(outside)
    (ds.root / "seeds").symlink_to(outside)
    return Expect("sources", ARCHIVED_SOURCE(ds, "sources") + 2, "seed_path", "file_inside", exact=False)


@structural("data file that is a link to a file outside the dataset")
def data_file_linked_outside(ds: Dataset) -> Expect:
    outside = ds.root.parent / "outside-events.csv"
    outside.write_bytes(ds.raw("events"))
    ds.path("events").unlink()
    ds.path("events").symlink_to(outside)
    return Expect("events", None, None, "file_inside")


@structural("named pipe in place of a data file")
def data_file_is_a_fifo(ds: Dataset) -> Expect:
    ds.path("events").unlink()
    os.mkfifo(ds.path("events"))
    return Expect("events", None, None, "file_regular")


@structural("quote ending between a letter and its combining accent")
def quote_cuts_a_cluster(ds: Dataset) -> Expect:
    claims = ds.rows("claims")
    last = max(range(len(claims)), key=lambda i: (claims[i]["source_id"], int(claims[i]["quote_end"] or 0)))
    source_id = claims[last]["source_id"]
    index = next(i for i, row in enumerate(ds.rows("sources")) if row["source_id"] == source_id)
    path = ds.root / ds.rows("sources")[index]["seed_path"]
    text = path.read_text(encoding="utf-8")
    end = int(claims[last]["quote_end"])
    path.write_text(text[:end] + "\u0301" + text[end:], encoding="utf-8")
    ds.set_cell("sources", index, "sha256", hashlib.sha256(path.read_bytes()).hexdigest())
    return Expect("claims", last + 2, "quote", "quote_grapheme", exact=False)


@structural("header of 100,000 columns")
def header_too_wide(ds: Dataset) -> Expect:
    ds.write_raw("events", (",".join(f"c{i}" for i in range(100_000)) + "\n").encode() + ds.raw("events"))
    return Expect("events", 1, None, "header_width")


# --- sentences declared uncovered: the coverage rules only warn -------------------------------------
# "The state news agency blamed Israel for the incident." in seed 000, which a claim quotes.
QUOTED_SENTENCE = (397, 450)


def _declare_uncovered(ds: Dataset, uncovered_id: str, source_id: str, start: int, end: int) -> int:
    """Append an uncovered_sentences row for the seed's exact text at start..end; returns its line."""
    seed = ds.rows("sources")[ds.find("sources", source_id=source_id)]["seed_path"]
    text = (ds.root / seed).read_bytes().decode("utf-8")
    rows = ds.rows("uncovered_sentences")
    row = dict.fromkeys(rows[0], "")
    row |= {"uncovered_id": uncovered_id, "source_id": source_id, "sentence": text[start:end]}
    row |= {"sentence_start": str(start), "sentence_end": str(end), "reason": "boilerplate"}
    ds.write_rows("uncovered_sentences", [*rows, row])
    return len(rows) + 2


@structural("unquoted sentence left undeclared (warning)")
def undeclared_sentence(ds: Dataset) -> Expect:
    rows = ds.rows("uncovered_sentences")
    ds.write_rows("uncovered_sentences", [row for row in rows if row["uncovered_id"] != "unc-002-002"])
    line = ds.find("sources", source_id="src-seed-002") + 2
    return Expect("sources", line, "seed_path", "coverage_declared", decision="warn")


@structural("a quoted sentence declared uncovered (warning)")
def quoted_sentence_declared(ds: Dataset) -> Expect:
    line = _declare_uncovered(ds, "unc-000-002", "src-seed-000", *QUOTED_SENTENCE)
    return Expect("uncovered_sentences", line, "uncovered_id", "declared_unquoted", decision="warn")


@structural("part of a sentence declared uncovered (warning)")
def part_of_a_sentence_declared(ds: Dataset) -> Expect:
    line = _declare_uncovered(ds, "unc-000-002", "src-seed-000", 1, 16)
    return Expect("uncovered_sentences", line, "uncovered_id", "declared_sentence", decision="warn")


# --- the header -----------------------------------------------------------------------------------
@structural("extra undeclared column")
def column_not_declared(ds: Dataset) -> Expect:
    _edit_lines(
        ds, "actors", lambda lines: [lines[0] + ",notes"] + [line + ",x" if line else line for line in lines[1:]]
    )
    return Expect("actors", 1, "notes", "header_declared")


@structural("missing column")
def column_removed(ds: Dataset) -> Expect:
    rows = ds.rows("claims")
    for row in rows:
        del row["hedging"]
    ds.write_rows("claims", rows, header=list(rows[0]))
    return Expect("claims", 1, "hedging", "header_complete")


@structural("renamed header")
def header_misspelt(ds: Dataset) -> Expect:
    return _rename_header(ds, "claims", "stance", "stanse", "header_declared", exact=False)


@structural("header name in another case")
def header_capitalised(ds: Dataset) -> Expect:
    return _rename_header(ds, "claims", "stance", "Stance", "header_declared")


@structural("another table's file saved in place of this one")
def other_table_saved_here(ds: Dataset) -> Expect:
    ds.write_raw("claims", ds.raw("events"))
    return Expect("claims", 1, None, "header_other_table")


@structural("columns out of order")
def columns_swapped(ds: Dataset) -> Expect:
    rows = ds.rows("actors")
    order = list(rows[0])
    order[1], order[2] = order[2], order[1]
    ds.write_rows("actors", rows, header=order)
    return Expect("actors", 1, None, "header_order")


@structural("header row pasted again in the middle")
def header_pasted_among_rows(ds: Dataset) -> Expect:
    _edit_lines(ds, "claims", lambda lines: [*lines[:4], lines[0], *lines[4:]])
    return Expect("claims", 5, None, "header_repeated")


@structural("unnamed empty columns at the right (spreadsheet export)")
def unnamed_columns_at_the_right(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [line + ",," if line else line for line in lines])
    return Expect("actors", 1, None, "header_unnamed")


@structural("column pasted twice, header and all")
def column_pasted_twice(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [line + "," + line.split(",")[1] if line else line for line in lines])
    return Expect("actors", 1, "name", "header_unique")


@structural("space after the commas of the header")
def header_with_spaces(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [lines[0].replace(",", ", "), *lines[1:]])
    return Expect("actors", 1, None, "header_spaces")


# --- the bytes of a file --------------------------------------------------------------------------
@structural("UTF-8 byte-order mark")
def byte_order_mark(ds: Dataset) -> Expect:
    ds.write_raw("actors", b"\xef\xbb\xbf" + ds.raw("actors"))
    return Expect("actors", 1, None, "no_bom")


@structural("file holding only a byte-order mark")
def only_a_byte_order_mark(ds: Dataset) -> Expect:
    ds.write_raw("claims", b"\xef\xbb\xbf")
    return Expect("claims", 1, None, "not_empty")


@structural("CRLF line endings")
def crlf_line_endings(ds: Dataset) -> Expect:
    ds.write_raw("sources", ds.raw("sources").replace(b"\n", b"\r\n"))
    return Expect("sources", 1, None, "lf_line_endings")


@structural("mixed LF and CRLF line endings")
def one_crlf_line_ending(ds: Dataset) -> Expect:
    _edit_lines(ds, "sources", lambda lines: [*lines[:3], lines[3] + "\r", *lines[4:]])
    return Expect("sources", 4, None, "lf_line_endings")


@structural("non-UTF-8 bytes")
def latin1_byte_in_a_row(ds: Dataset) -> Expect:
    lines = ds.raw("events").split(b"\n")
    lines[1] = lines[1].replace(b"T4", b"T\xe94", 1) if b"T4" in lines[1] else lines[1] + b"\xe9"
    ds.write_raw("events", b"\n".join(lines))
    return Expect("events", 2, None, "utf8")


@structural("Windows-1252 encoded file (Excel's plain 'CSV')")
def windows_1252_file(ds: Dataset) -> Expect:
    text = ds.raw("claims").decode("utf-8")
    first = next(i for i, c in enumerate(text) if ord(c) > 127)
    ds.write_raw("claims", text.encode("cp1252"))
    return Expect("claims", text[:first].count("\n") + 1, None, "utf8")


@structural("UTF-16 file (Excel's 'Unicode Text')")
def utf16_file(ds: Dataset) -> Expect:
    ds.write_raw("actors", ds.raw("actors").decode("utf-8").encode("utf-16"))
    return Expect("actors", 1, None, "utf8")


@structural("UTF-16 file without its byte-order mark")
def utf16_file_without_bom(ds: Dataset) -> Expect:
    ds.write_raw("actors", ds.raw("actors").decode("utf-8").encode("utf-16-le"))
    return Expect("actors", 1, None, "utf8")


@structural("empty file")
def empty_file(ds: Dataset) -> Expect:
    ds.write_raw("claims", b"")
    return Expect("claims", 1, None, "not_empty")


@structural("header with no rows")
def header_only(ds: Dataset) -> Expect:
    ds.write_raw("claims", ds.raw("claims").split(b"\n")[0] + b"\n")
    return Expect("claims", 1, None, "has_rows")


@structural("missing file")
def table_file_deleted(ds: Dataset) -> Expect:
    ds.path("events").unlink()
    return Expect("events", None, None, "file_present", exact=False)


@structural("stray copy of a table beside the real one")
def stray_copy_of_a_table(ds: Dataset) -> Expect:
    ds.write_raw("claims (1)", ds.raw("claims"))
    return Expect("data/claims (1).csv", None, None, "file_declared")


@structural("copy of a table kept in a folder of data/")
def table_copied_into_a_folder(ds: Dataset) -> Expect:
    (ds.data_dir / "old").mkdir()
    (ds.data_dir / "old" / "claims.csv").write_bytes(ds.raw("claims"))
    return Expect("data/old", None, None, "file_declared")


@structural("no line break after the last row")
def last_line_unterminated(ds: Dataset) -> Expect:
    content = ds.raw("actors").rstrip(b"\n")
    ds.write_raw("actors", content)
    return Expect("actors", content.count(b"\n") + 1, None, "final_newline")


@structural("blank line between rows")
def blank_line_between_rows(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [*lines[:3], "", *lines[3:]])
    return Expect("actors", 4, None, "blank_line")


@structural("blank lines at the end of the file")
def blank_lines_at_the_end(ds: Dataset) -> Expect:
    text = ds.raw("actors").decode("utf-8")
    ds.write_raw("actors", (text + "\n\n").encode("utf-8"))
    return Expect("actors", text.count("\n") + 1, None, "blank_line")


@structural("row of empty cells left by a spreadsheet")
def row_of_empty_cells(ds: Dataset) -> Expect:
    _edit_lines(ds, "events", lambda lines: [*lines[:2], "," * lines[0].count(","), *lines[2:]])
    return Expect("events", 3, None, "empty_row")


# --- fields and quoting ---------------------------------------------------------------------------
@structural("row with too many fields")
def surplus_field(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [*lines[:2], lines[2] + ",surplus", *lines[3:]])
    return Expect("actors", 3, None, "field_count")


@structural("row with too few fields")
def fields_missing(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [lines[0], lines[1].split(",")[0], *lines[2:]])
    return Expect("actors", 2, None, "field_count")


@structural("semicolon-separated file (European spreadsheet export)")
def semicolon_separated(ds: Dataset) -> Expect:
    _write_with(ds, "actors", delimiter=";")
    return Expect("actors", 1, None, "delimiter")


@structural("tab-separated file")
def tab_separated(ds: Dataset) -> Expect:
    _write_with(ds, "actors", delimiter="\t")
    return Expect("actors", 1, None, "delimiter")


@structural("every cell quoted (spreadsheet 'quote all text cells')")
def every_cell_quoted(ds: Dataset) -> Expect:
    _write_with(ds, "actors", quoting=csv.QUOTE_ALL)
    return Expect("actors", 1, None, "canonical_quoting")


@structural("unclosed quote in a cell")
def unclosed_quote(ds: Dataset) -> Expect:
    _edit_lines(ds, "actors", lambda lines: [*lines[:2], lines[2].replace(",", ',"', 1), *lines[3:]])
    return Expect("actors", 3, None, "field_count")


@structural("stray quote inside an unquoted cell")
def stray_quote(ds: Dataset) -> Expect:
    index = ds.find("claims", hedging=lambda h: h != "" and "," not in h and '"' not in h)
    hedging = ds.rows("claims")[index]["hedging"]
    line = index + 2
    _edit_lines(
        ds,
        "claims",
        lambda lines: [*lines[: line - 1], lines[line - 1].replace(f",{hedging},", f',{hedging}",', 1), *lines[line:]],
    )
    return Expect("claims", line, "hedging", "csv_quotes")


# --- the data model: attribution words, several events per claim, relations' evidence ------------
@structural("attribution not at its offsets")
def attribution_shifted(ds: Dataset) -> Expect:
    index = ds.find("claims", attribution_quote=lambda q: q != "")
    row = ds.rows("claims")[index]
    ds.set_cell("claims", index, "attribution_start", str(int(row["attribution_start"]) + 1))
    line = ds.set_cell("claims", index, "attribution_end", str(int(row["attribution_end"]) + 1))
    return Expect("claims", line, "attribution_quote", "attribution_anchored")


def _source_published_before(ds: Dataset, index: int) -> str:
    """A source whose latest publication day is before the event of events row ``index`` began."""
    began = ds.rows("events")[index]["date_start"]
    return ds.rows("sources")[ds.find("sources", published_end=lambda d: "" < d < began)]["source_id"]


@structural("event dated by a source published before it began")
def event_dated_by_an_older_source(ds: Dataset) -> Expect:
    """The event's date cannot come from a document published before the event; its place may (a
    reference on an airbase predates any strike on it), so place_source_id is left alone."""
    index = ds.find("events", date_start=lambda d: d > "2021")
    return _set(ds, "events", index, "date_source_id", _source_published_before(ds, index), "reported_after_event")


@structural("event attributed on a source published before it began")
def event_attributed_by_an_older_source(ds: Dataset) -> Expect:
    index = ds.find("events", attribution_source_id=lambda s: s != "", date_start=lambda d: d > "2020-01-03")
    older = _source_published_before(ds, index)
    return _set(ds, "events", index, "attribution_source_id", older, "reported_after_event")


@structural("seed edited by hand and its hash updated to match")
def seed_edited_with_its_hash(ds: Dataset) -> Expect:
    """Spaces added to the end of a seed, its row's sha256 set to the new bytes': every quote stays
    anchored and the hash matches; only the README's line keeps the hash of the document as received."""
    return Expect("sources", _seed_002_edited(ds) + 2, "sha256", "seed_listed")


def _seed_002_edited(ds: Dataset) -> int:
    """Spaces added to the end of seed 002 and its row's sha256 set to the new bytes'; gives the row."""
    seed = ds.seed("002")
    seed.chmod(0o644)
    seed.write_bytes(seed.read_bytes() + b"   \n")
    index = ds.find("sources", seed_path=f"seeds/{seed.name}")
    ds.set_cell("sources", index, "sha256", hashlib.sha256(seed.read_bytes()).hexdigest())
    return index


def _seed_edited_and_readme(ds: Dataset, edit_readme: Callable[[str, str], str]) -> Expect:
    """Seed 002 edited by hand, its row's sha256 updated, and its README line edited by ``edit_readme``
    (given the README and the file's name)."""
    index = _seed_002_edited(ds)
    readme = ds.root / "seeds" / "README.md"
    readme.write_text(edit_readme(readme.read_text(encoding="utf-8"), ds.seed("002").name), encoding="utf-8")
    return Expect("sources", index + 2, "seed_path", "seed_unlisted")


@structural("seed edited by hand, its hash updated and its README line dropped")
def seed_edited_and_its_readme_line_dropped(ds: Dataset) -> Expect:
    return _seed_edited_and_readme(
        ds, lambda readme, name: "".join(line for line in readme.splitlines(keepends=True) if name not in line)
    )


@structural("seed edited by hand, its hash updated and its README line's hash upper-cased")
def seed_edited_and_its_readme_hash_reworded(ds: Dataset) -> Expect:
    def upper(readme: str, name: str) -> str:
        return "".join(
            line.upper().replace(name.upper(), name) if name in line else line
            for line in readme.splitlines(keepends=True)
        )

    return _seed_edited_and_readme(ds, upper)


@structural("quotes of two claims in different paragraphs swapped")
def quotes_swapped_between_claims(ds: Dataset) -> Expect:
    """Two claims of one document trade their quotes with the offsets: every quote stays anchored,
    but the first now stands a paragraph away from the words naming who said it. A warning, since a
    quotation may run on over paragraphs; the second claim's words may happen to be near its new quote."""
    claims = ds.rows("claims")
    first = ds.find("claims", attribution_quote="Syrian state media said", predicate="target")
    second = ds.find(
        "claims", attribution_quote=lambda a: a.startswith("According to the state SANA"), predicate="target"
    )
    for column in ("quote", "quote_start", "quote_end"):
        ds.set_cell("claims", first, column, claims[second][column])
        ds.set_cell("claims", second, column, claims[first][column])
    return Expect("claims", first + 2, "attribution_start", "attribution_paragraph", exact=False, decision="warn")


# The offsets of the words each table anchors in a seed.
ANCHORED_OFFSETS = {
    "claims": (("quote_start", "quote_end"), ("attribution_start", "attribution_end")),
    "actor_relations": (("quote_start", "quote_end"),),
    "uncovered_sentences": (("sentence_start", "sentence_end"),),
}


def _saved_with_crlf(ds: Dataset, source_id: str) -> None:
    """The source's seed as a document saved on Windows: each LF becomes CR LF, and everything that
    records the seed follows (every anchored offset after a line break, the sha256, the README's line),
    so the dataset stays valid."""
    index = ds.find("sources", source_id=source_id)
    seed = ds.root / ds.rows("sources")[index]["seed_path"]
    old = seed.read_bytes()
    text = old.decode("utf-8")
    breaks = [at for at, char in enumerate(text) if char == "\n"]
    seed.chmod(0o644)
    seed.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    for table, pairs in ANCHORED_OFFSETS.items():
        rows = ds.rows(table)
        for row in rows:
            for column in (column for pair in pairs for column in pair):
                if row["source_id"] == source_id and row[column]:
                    row[column] = str(int(row[column]) + sum(at < int(row[column]) for at in breaks))
        ds.write_rows(table, rows)
    new = hashlib.sha256(seed.read_bytes()).hexdigest()
    readme = ds.root / "seeds" / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace(hashlib.sha256(old).hexdigest(), new), encoding="utf-8"
    )
    ds.set_cell("sources", index, "sha256", new)


@structural("hedge from another paragraph of a seed saved with CR LF line endings")
def hedge_from_another_paragraph_of_a_crlf_seed(ds: Dataset) -> Expect:
    """'blamed' is a word of seed 000, but of a later paragraph than the claim's quote and attribution
    words: its paragraphs are parted by CR LF CR LF, not LF LF."""
    _saved_with_crlf(ds, "src-seed-000")
    index = ds.find("claims", source_id="src-seed-000", hedging="said", attribution_quote="Syrian state media said")
    return _set(ds, "claims", index, "hedging", "blamed", "hedging_worded")


@structural("citation of a relayed report dropped from its document")
def relayed_report_uncited(ds: Dataset) -> Expect:
    """The document's cites_source_ids loses a report that a claim read in it relays."""
    claims = ds.rows("claims")
    index = ds.find("claims", relayed_via=lambda r: r != "" and "|" not in r)
    relayed, document = claims[index]["relayed_via"], claims[index]["source_id"]
    source = ds.find("sources", source_id=document)
    cited = ds.rows("sources")[source]["cites_source_ids"].split("|")
    ds.set_cell("sources", source, "cites_source_ids", "|".join(item for item in cited if item != relayed))
    return Expect("claims", index + 2, "relayed_via", "relay_cited", exact=False)


@structural("event moved a day off the time its dating document gives")
def event_moved_off_its_time_claim(ds: Dataset) -> Expect:
    """Both days of a one-day event dated from its seed moved back a day: a real day, in order,
    before the document, and not the day the seed's 'on Tuesday' gives."""
    claims = ds.rows("claims")
    index = ds.find(
        "events",
        date_precision="day",
        date_source_id=lambda s: s.startswith("src-seed-"),
        event_id=lambda e: any(c["event_id"] == e and c["predicate"] == "time" for c in claims),
    )
    day = (date.fromisoformat(ds.rows("events")[index]["date_start"]) - timedelta(days=1)).isoformat()
    ds.set_cell("events", index, "date_start", day)
    return _set(ds, "events", index, "date_end", day, "date_claimed")


@structural("event day typed into another month than its ID's")
def event_day_in_another_month(ds: Dataset) -> Expect:
    """A one-day event dated from a reference, its month typed 02 for 07 in both cells: a real day,
    before every report, that only the ID's date tells apart. Only a warning: IDs are stable, and the
    dates may have been corrected since."""
    index = ds.find(
        "events",
        date_precision="day",
        date_source_id=lambda s: s.startswith("src-ref-"),
        date_start=lambda d: d[5:7] > "02",
    )
    day = ds.rows("events")[index]["date_start"]
    typo = day[:5] + "02" + day[7:]  # earlier, so that no report comes to predate it
    ds.set_cell("events", index, "date_start", typo)
    line = ds.set_cell("events", index, "date_end", typo)
    return Expect("events", line, "event_id", "event_id_date", decision="warn")


@structural("attributed actors of two events swapped")
def attributed_actors_swapped(ds: Dataset) -> Expect:
    """The event blamed on a state given the air force of another event, and that one the state: the
    state is still right for its air force's event, the air force is named by no claim of the first."""
    events = ds.rows("events")
    state = ds.find("events", attributed_actor_id="act-israel")
    force = ds.find("events", attributed_actor_id="act-israeli-air-force")
    ds.set_cell("events", force, "attributed_actor_id", events[state]["attributed_actor_id"])
    return _set(ds, "events", state, "attributed_actor_id", events[force]["attributed_actor_id"], "attribution_claimed")


@structural("time claim whose interval starts after its document was published")
def time_counted_forward(ds: Dataset) -> Expect:
    """'On Tuesday' in a document of Wednesday 2020-01-15 read as the Tuesday after it."""
    index = ds.find("claims", predicate="time", value_text=lambda v: not v.startswith(".."))
    source = ds.rows("claims")[index]["source_id"]
    published = date.fromisoformat(ds.rows("sources")[ds.find("sources", source_id=source)]["published_end"])
    later = (published + timedelta(days=6)).isoformat()
    return _set(ds, "claims", index, "value_text", f"{later}/{later}", "time_after_report")


@structural("event attributed to the outlet that reported the attribution")
def event_attributed_to_an_outlet(ds: Dataset) -> Expect:
    index = ds.find("events", attributed_actor_id=lambda a: a != "")
    outlet = ds.rows("actors")[ds.find("actors", kind="media_outlet")]["actor_id"]
    return _set(ds, "events", index, "attributed_actor_id", outlet, "attributed_kind")


@structural("claim relayed through a curator's reference")
def claim_relayed_through_a_reference(ds: Dataset) -> Expect:
    index = ds.find("claims", relayed_via=lambda v: v != "")
    published = ds.rows("sources")[ds.find("sources", source_id=ds.rows("claims")[index]["source_id"])]["published_end"]
    reference = ds.find("sources", kind="reference", published_start=lambda d: "" < d <= published)
    return _set(ds, "claims", index, "relayed_via", ds.rows("sources")[reference]["source_id"], "reference_cited")


@structural("document citing a curator's reference")
def document_citing_a_reference(ds: Dataset) -> Expect:
    index = ARCHIVED_SOURCE(ds, "sources")
    row = ds.rows("sources")[index]
    reference = ds.find("sources", kind="reference", published_start=lambda d: "" < d <= row["published_end"])
    cites = f"{row['cites_source_ids']}|{ds.rows('sources')[reference]['source_id']}"
    return _set(ds, "sources", index, "cites_source_ids", cites, "reference_cited")


@structural("event that no claim is about")
def event_without_claims(ds: Dataset) -> Expect:
    rows = ds.rows("events")
    index = ds.find("events", event_id=lambda e: e.startswith("evt-2021-"))
    orphan = {**rows[index], "event_id": rows[index]["event_id"] + "-again", "summary": "Entered with no claim."}
    ds.write_rows("events", [*rows, orphan])
    return Expect("events", len(rows) + 2, "event_id", "event_claimed", decision="warn")


@structural("reported claim without the words naming its claimant")
def attribution_words_removed(ds: Dataset) -> Expect:
    index = ds.find("claims", claimant_actor_id="act-sana")
    ds.set_cell("claims", index, "attribution_start", "")
    ds.set_cell("claims", index, "attribution_end", "")
    return _set(ds, "claims", index, "attribution_quote", "", "attribution_given")


@structural("claim about a further event that began after its document was published")
def further_event_after_publication(ds: Dataset) -> Expect:
    index = ds.find("claims", other_event_ids=lambda v: v != "")
    source = ds.rows("claims")[index]["source_id"]
    published = ds.rows("sources")[ds.find("sources", source_id=source)]["published_end"]
    later = ds.rows("events")[ds.find("events", date_start=lambda d: d > published)]["event_id"]
    return _set(ds, "claims", index, "other_event_ids", later, "reported_after_event")


@structural("claim relayed by a document published before its further event began")
def relay_older_than_a_further_event(ds: Dataset) -> Expect:
    """Only the relay is older than the further event: a check of the claim's own source alone passes."""
    index = ds.find("claims", other_event_ids=lambda v: v != "")
    claim = ds.rows("claims")[index]
    further = claim["other_event_ids"].split("|")[0]
    began = ds.rows("events")[ds.find("events", event_id=further)]["date_start"]
    relay = ds.rows("sources")[ds.find("sources", published_end=lambda d: "" < d < began)]["source_id"]
    line = ds.set_cell("claims", index, "relayed_via", relay)
    return Expect("claims", line, "other_event_ids", "reported_after_event", exact=False)


@structural("acknowledged on an assumed match without a reference row")
def acknowledged_on_assumed_match(ds: Dataset) -> Expect:
    index = ds.find("events", identification="assumed", attributed_actor_id=lambda a: a != "")
    began = ds.rows("events")[index]["date_start"]  # an archived document of that day or later: not early
    archived = ds.find("sources", kind="archived_article", published_end=lambda d: d >= began)
    ds.set_cell("events", index, "attribution_source_id", ds.rows("sources")[archived]["source_id"])
    return _set(ds, "events", index, "attribution_status", "acknowledged", "acknowledged_on_assumed_match")


@structural("relation whose evidence claim does not carry its words")
def relation_evidence_elsewhere(ds: Dataset) -> Expect:
    index = ds.find("actor_relations", evidence_claim_id=lambda c: c != "")
    row = ds.rows("actor_relations")[index]
    other = ds.find("claims", source_id=row["source_id"], quote_end=lambda e: int(e) < int(row["quote_start"]))
    claim_id = ds.rows("claims")[other]["claim_id"]
    return _set(ds, "actor_relations", index, "evidence_claim_id", claim_id, "relation_evidence")


@structural("relation read in a source that is not archived")
def relation_outside_the_archive(ds: Dataset) -> Expect:
    index = ds.find("actor_relations", evidence_claim_id="")
    reference = ds.rows("sources")[ds.find("sources", kind="reference")]["source_id"]
    return _set(ds, "actor_relations", index, "source_id", reference, "read_in_archive")


@structural("relation quote not at its offsets")
def relation_quote_shifted(ds: Dataset) -> Expect:
    row = ds.rows("actor_relations")[0]
    ds.set_cell("actor_relations", 0, "quote_start", str(int(row["quote_start"]) + 2))
    line = ds.set_cell("actor_relations", 0, "quote_end", str(int(row["quote_end"]) + 2))
    return Expect("actor_relations", line, "quote", "quote_anchored")


# --- the descriptor -------------------------------------------------------------------------------
@structural("descriptor edited by hand")
def descriptor_retitled(ds: Dataset) -> Expect:
    _edit_descriptor(ds, lambda descriptor: descriptor.update(title="edited"))
    return Expect("datapackage.json", None, None, "descriptor_current")


@structural("descriptor larger than any descriptor")
def descriptor_past_the_size_bound(ds: Dataset) -> Expect:
    """Sparse, as the seed past its bound: refused from its size, unread."""
    os.truncate(ds.root / "datapackage.json", DESCRIPTOR_MOST_BYTES + 1)
    return Expect("datapackage.json", None, None, "descriptor_json")


@structural("descriptor that is not JSON")
def descriptor_not_json(ds: Dataset) -> Expect:
    (ds.root / "datapackage.json").write_text("{not json", encoding="utf-8")
    return Expect("datapackage.json", None, None, "descriptor_json")


@structural("descriptor with an unknown field type")
def descriptor_with_a_misspelt_type(ds: Dataset) -> Expect:
    _edit_descriptor(ds, lambda descriptor: descriptor["resources"][0]["schema"]["fields"][0].update(type="strin"))
    return Expect("datapackage.json", None, None, "frictionless_descriptor", exact=False)


@structural("descriptor with a number where a boolean belongs")
def descriptor_with_a_number_for_a_boolean(ds: Dataset) -> Expect:
    """Python's == takes 1 for true: the descriptor read as current, and frictionless never saw it."""
    _edit_descriptor(
        ds, lambda descriptor: descriptor["resources"][0]["schema"]["fields"][0]["constraints"].update(required=1)
    )
    return Expect("datapackage.json", None, None, "descriptor_current", exact=False)


@structural("descriptor with a length written as a decimal")
def descriptor_with_a_decimal_length(ds: Dataset) -> Expect:
    def decimal(descriptor: dict[str, Any]) -> None:
        constraints = next(
            field["constraints"]
            for field in descriptor["resources"][0]["schema"]["fields"]
            if "maxLength" in field.get("constraints", {})
        )
        constraints["maxLength"] = float(constraints["maxLength"])

    _edit_descriptor(ds, decimal)
    return Expect("datapackage.json", None, None, "descriptor_current")


@structural("descriptor deleted")
def descriptor_deleted(ds: Dataset) -> Expect:
    (ds.root / "datapackage.json").unlink()
    return Expect("datapackage.json", None, None, "descriptor_present")
