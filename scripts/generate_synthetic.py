"""Write a synthetic syria-strikes dataset of any size that passes every rule of the validator.

The benchmark needs datasets of 10k to 1M claims, and the real dataset has 76, so these are made
up. They follow the real data's proportions (about ten claims per event and a hundred per archived
document), and they exercise every rule the real data does: ID patterns, vocabularies, row rules,
scalar and list-valued references, reports published after the events they carry, seed hashes and
quotes at real offsets. The seed texts mix curly quotes, diacritics and Arabic script, so an offset
counted in bytes instead of code points would fail the check, as it would on the real seeds.

The output depends on (claims, seed) alone: the same arguments write byte-identical files.
Layout: OUT/data/*.csv, OUT/seeds/*.txt and OUT/datapackage.json, as `syria-strikes validate
--data-dir OUT/data` expects. Usage: python scripts/generate_synthetic.py --claims 100000 --out DIR
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from syria_strikes.checks.agreement import AnyActor, within
from syria_strikes.checks.aliases import written_whole
from syria_strikes.checks.relations import ONE_PROPOSITION
from syria_strikes.checks.rows import predicate_worded
from syria_strikes.checks.seed_list import SEEDS_README, listed_row
from syria_strikes.generate import generated_files
from syria_strikes.metadata import (
    ACTOR_PREDICATES,
    COUNT_PREDICATES,
    PREDICATE,
    PREDICATE_WORDS,
    RELATION_WORDS,
    STANCE_WORDS,
    TABLES,
    UNKNOWN_PERPETRATOR,
    Table,
)
from syria_strikes.sentences import split_sentences
from syria_strikes.written_numbers import BOUND_BEFORE, MONTHS

# A quote that writes a bound ('at least 8'), as the validator finds one (rule count_bound).
_BOUNDED = re.compile(BOUND_BEFORE, re.IGNORECASE)
CLAIMS_PER_EVENT = 10
CLAIMS_PER_DOCUMENT = 100
CLAIMS_PER_PERSON = 100
REPORTS_PER_DOCUMENT = 3
SENTENCES_PER_EVENT = 4
FIRST_DAY = np.datetime64("2012-03-15")
LAST_DAY = np.datetime64("2024-12-07")
Cells = list[str | None]

# (actor_id, name, kind, country, parent_actor_id, aliases): a fixed hierarchy like the real one.
ORGANISATIONS: tuple[tuple[str, str, str, str | None, str | None, str | None], ...] = (
    ("act-syria", "Syria", "state", "SYR", None, "Syria|Damascus"),
    ("act-syrian-government", "Syrian government", "government_body", "SYR", "act-syria", None),
    ("act-syrian-arab-army", "Syrian Arab Army", "armed_forces", "SYR", "act-syria", "the army"),
    (
        "act-syrian-air-defence",
        "Syrian Air Defence Forces",
        "military_unit",
        "SYR",
        "act-syrian-arab-army",
        "Syrian air defense|air defences",
    ),
    ("act-sana", "Syrian Arab News Agency", "media_outlet", "SYR", "act-syrian-government", "SANA|سانا"),
    ("act-israel", "Israel", "state", "ISR", None, "Israel"),
    ("act-idf", "Israel Defense Forces", "armed_forces", "ISR", "act-israel", "IDF"),
    ("act-iaf", "Israeli Air Force", "armed_forces", "ISR", "act-idf", "Israeli Air Force|IAF"),
    ("act-russia", "Russia", "state", "RUS", None, "Russia|Moscow"),
    ("act-russian-mod", "Russian Ministry of Defence", "government_body", "RUS", "act-russia", None),
    (
        "act-russian-reconciliation-center",
        "Russian Reconciliation Center for Syria",
        "military_unit",
        "RUS",
        "act-russian-mod",
        "Reconciliation Center",
    ),
    ("act-tass", "TASS", "media_outlet", "RUS", None, "TASS"),
    ("act-usa", "United States", "state", "USA", None, "United States|Washington"),
    ("act-us-armed-forces", "United States Armed Forces", "armed_forces", "USA", "act-usa", "US military"),
    ("act-iran", "Iran", "state", "IRN", None, "Iran|Tehran"),
    ("act-irgc", "Islamic Revolutionary Guard Corps", "armed_forces", "IRN", "act-iran", "IRGC"),
    (
        "act-hashd-al-shaabi",
        "Popular Mobilization Forces",
        "armed_group",
        "IRQ",
        None,
        "Hashd al-Shaabi|hashish fighters|الحشد الشعبي",
    ),
    ("act-hezbollah", "Hezbollah", "armed_group", "LBN", None, "Hezbollah|حزب الله"),
    ("act-turkey", "Türkiye", "state", "TUR", None, "Turkey|Türkiye"),
    ("act-turkish-armed-forces", "Turkish Armed Forces", "armed_forces", "TUR", "act-turkey", None),
    ("act-sohr", "Syrian Observatory for Human Rights", "ngo", "GBR", None, "SOHR|the Observatory"),
    ("act-israel-hayom", "Israel Hayom", "media_outlet", "ISR", None, None),
    ("act-haaretz", "Haaretz", "media_outlet", "ISR", None, "Ha\u2019aretz"),
    ("act-times-of-israel", "The Times of Israel", "media_outlet", "ISR", None, None),
    ("act-ap", "Associated Press", "media_outlet", "USA", None, "AP"),
    ("act-reuters", "Reuters", "media_outlet", "GBR", None, None),
    ("act-al-mayadeen", "Al Mayadeen", "media_outlet", "LBN", None, "الميادين"),
    ("act-rebel-media", "Rebel-affiliated media", "media_outlet", None, None, None),
    (
        "act-unidentified-military-source",
        "Unidentified military source",
        "unidentified",
        None,
        None,
        "a military source",
    ),
    ("act-experts", "Unnamed experts", "unidentified", None, None, "experts"),
)
PUBLISHER_NAMES = {actor_id: name for actor_id, name, *_ in ORGANISATIONS}
ATTACKERS = (
    "act-israel",
    "act-iaf",
    "act-usa",
    "act-us-armed-forces",
    "act-russia",
    "act-turkey",
    "act-turkish-armed-forces",
    "act-iran",
    "act-irgc",
)
PERSON_PARENTS = (
    "act-sana",
    "act-russian-reconciliation-center",
    "act-idf",
    "act-sohr",
    "act-syrian-arab-army",
    "act-us-armed-forces",
    "act-tass",
    "act-irgc",
)
# The reference row every site's coordinates rest on (coordinates are never read in a seed).
GAZETTEER = "src-ref-synthetic-gazetteer"
# The reference row every acknowledgement rests on (the attackers' own statements are not archived).
STATEMENTS = "src-ref-synthetic-statements"
FIRST_NAMES = ("Rami", "Vadim", "Oleg", "Yūsuf", "Nour", "Hassan", "Avichay", "Leila", "Maher", "Sara")
LAST_NAMES = (
    "Abdel Rahman",
    "Kulit",
    "Zhuravlev",
    "al-Ḥasan",
    "Ḥaddād",
    "Qasim",
    "Adraee",
    "Ibrahim",
    "Shaaban",
    "Levi",
)

# (publisher actor_id, slug, source kind, name in text): the reports an archived document cites.
OUTLETS: tuple[tuple[str, str, str, str], ...] = (
    ("act-sana", "sana", "agency_report", "SANA"),
    ("act-tass", "tass", "agency_report", "TASS"),
    ("act-ap", "ap", "agency_report", "AP"),
    ("act-reuters", "reuters", "photo_caption", "Reuters"),
    ("act-israel-hayom", "israel-hayom", "news_article", "Israel Hayom"),
    ("act-haaretz", "haaretz", "news_article", "Ha\u2019aretz"),
    ("act-al-mayadeen", "al-mayadeen", "news_article", "Al Mayadeen (الميادين)"),
    ("act-sohr", "sohr", "ngo_statement", "the Observatory"),
    ("act-russian-reconciliation-center", "reconciliation-center", "official_statement", "the Reconciliation Center"),
    ("act-idf", "idf", "official_statement", "the IDF"),
    ("act-rebel-media", "rebel-media", "media_reports", "rebel-affiliated media"),
)

# (place_name, slug, aliases, admin1, admin2, locality, latitude, longitude)
PLACES: tuple[tuple[str, str, str, str, str, str, float, float], ...] = (
    ("Tiyas (T4) Military Airbase", "t4", "T4 airport|T4 base", "Homs", "Tadmur", "Tiyas", 34.5225, 37.6297),
    (
        "Mezzeh Military Airport",
        "mezzeh",
        "Mezzeh airbase|مطار المزة",
        "Damascus",
        "Damascus",
        "Mezzeh",
        33.4772,
        36.2233,
    ),
    ("Shayrat Airbase", "shayrat", "al-Shayrat", "Homs", "Homs", "Shayrat", 34.4900, 36.9090),
    ("Albu Kamal area", "albu-kamal", "Albu Kamal|البوكمال", "Deir ez-Zor", "Abu Kamal", "Abu Kamal", 34.4530, 40.9180),
    ("Masyaf research centre", "masyaf", "Maṣyāf", "Hama", "Masyaf", "Masyaf", 35.0650, 36.3420),
    ("Port of Latakia", "latakia", "Latakia port|اللاذقية", "Latakia", "Latakia", "Latakia", 35.5220, 35.7750),
    (
        "Aleppo International Airport",
        "aleppo",
        "Aleppo airport|Ḥalab airport",
        "Aleppo",
        "Mount Simeon",
        "Aleppo",
        36.1807,
        37.2244,
    ),
    (
        "Damascus International Airport",
        "damascus",
        "Damascus airport",
        "Rif Dimashq",
        "Markaz Rif Dimashq",
        "Damascus",
        33.4114,
        36.5156,
    ),
    (
        "Quneitra countryside",
        "quneitra",
        "Golan front|القنيطرة",
        "Quneitra",
        "Quneitra",
        "Khan Arnabah",
        33.1250,
        35.8240,
    ),
    ("Palmyra", "palmyra", "Tadmur|تدمر", "Homs", "Tadmur", "Palmyra", 34.5600, 38.2670),
)
PLACE_PRECISIONS = ("site", "town", "district", "governorate", "country", "unknown")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (prefix, clause, suffix): a claim quotes the whole sentence or just its clause.
SENTENCES: tuple[tuple[str, str, str], ...] = (
    ("", "Syrian air defence systems were activated over {place} on {weekday}, {date}", ", state media said."),
    ("According to {outlet}, “", "the air defence of the army at {alias} was facing aggression on {date}", ".”"),
    (
        "A military source told {outlet} that ",
        "{n} missiles were fired from the direction of the Golan on {date}",
        " and most of them were shot down.",
    ),
    (
        "The Observatory\u2019s director said “",
        "at least {n} fighters were killed in the raid near {place} on {weekday}",
        "”, adding that the toll could rise.",
    ),
    ("", "Residents of {place} reported loud explosions shortly after midnight on {date}", ", a local activist wrote."),
    (
        "{outlet} quoted a spokesperson who called the strike of {date} “",
        "a response to {n} attacks on our forces this year",
        "”.",
    ),
    ("Officials in Damascus (دمشق) said ", "the raid of {date} damaged a hangar and {n} vehicles at {alias}", "."),
    ("Rebel-affiliated media said ", "images showed {n} missiles hitting their targets in {place} on {weekday}", "."),
    ("The ministry did not comment on ", "reports of a strike near {alias} in {admin1} on {date}", ", {outlet} noted."),
    (
        "Experts questioned the figure, saying ",
        "only {n} of the missiles could have been intercepted on {date}",
        " over {place}.",
    ),
)

PREDICATE_WEIGHTS = {
    "occurred": 6,
    "attribution": 5,
    "target": 4,
    "weapon": 3,
    "munitions_fired": 3,
    "munitions_intercepted": 3,
    "fatalities": 3,
    "injuries": 2,
    "damage": 2,
}
STANCES = ("asserts", "asserts", "asserts", "asserts", "denies", "disputes", "questions", "no_comment", "cannot_verify")
HEDGES = ("said", "according to", "claimed", "reportedly", "it is believed", None)
VALUE_TEXTS = {
    "occurred": "strike took place",
    "target": "military base",
    "site_occupant": "Iranian forces",
    "weapon": "missiles",
    "launch_platform": "fighter jets",
    "air_defence_engaged": "air defence activated",
    "air_defence_system": "Pantsir-S1",
    "damage": "hangar and vehicles",
    "motive": "retaliation",
    "context": "escalating tensions",
    "statement": "talks were constructive",
}


@dataclass(frozen=True)
class Sizes:
    """Row counts for N claims, in the proportions of the real dataset."""

    claims: int
    events: int
    documents: int
    people: int

    @classmethod
    def for_claims(cls, claims: int) -> Sizes:
        if claims < CLAIMS_PER_EVENT:
            raise ValueError(f"ask for at least {CLAIMS_PER_EVENT} claims")
        return cls(
            claims, claims // CLAIMS_PER_EVENT, -(-claims // CLAIMS_PER_DOCUMENT), max(10, claims // CLAIMS_PER_PERSON)
        )


@dataclass(frozen=True)
class Events:
    """What claims and sources need to know about the events: IDs and the days they end."""

    ids: np.ndarray
    ends: np.ndarray
    places: np.ndarray
    rows: dict[str, Cells]


@dataclass(frozen=True)
class Documents:
    """The archived seed texts and, per claim, the quote with its offsets in code points."""

    names: list[str]
    texts: list[str]
    published: np.ndarray
    quotes: list[str]
    starts: np.ndarray
    ends: np.ndarray
    counts: np.ndarray  # per claim, the number its quote writes, -1 where it writes none


def generate(out: Path, claims: int, seed: int = 0) -> Sizes:
    """Write the dataset under ``out``; the random draws happen in a fixed order, hence determinism."""
    rng = np.random.default_rng(seed)
    sizes = Sizes.for_claims(claims)
    claim_events = np.arange(sizes.claims) * sizes.events // sizes.claims
    claim_documents = np.arange(sizes.claims) * sizes.documents // sizes.claims
    actors = _actors(rng, sizes)
    events = _events(rng, sizes, claim_events, claim_documents)
    documents = _documents(rng, events, claim_events, claim_documents)
    _keep_written_aliases(actors, documents.texts)
    sources, report_ids = _sources(rng, sizes, documents)
    claim_rows = _claims(rng, sizes, events, documents, actors["actor_id"], report_ids, claim_events, claim_documents)
    _credit_the_named(claim_rows, actors)
    _order_chains(claim_rows, sources)
    _own_voice_relays(claim_rows, sources)
    _attribute_as_claimed(events.rows, claim_rows, claim_events)
    _one_stance_a_sentence(claim_rows)
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    _name_value_actors(claim_rows, names)
    _keep_claims_distinct(claim_rows)
    parents = {
        str(actor): str(parent)
        for actor, parent in zip(actors["actor_id"], actors["parent_actor_id"], strict=True)
        if actor and parent
    }
    relations = _relations(claim_rows, actors["actor_id"], names, parents)
    uncovered = _archive_headers(documents)
    tables = {"actors": actors, "sources": sources, "events": events.rows, "claims": claim_rows}
    _write(out, {**tables, "actor_relations": relations, "uncovered_sentences": uncovered}, documents)
    return sizes


def _dateline(document: int) -> str:
    """The dateline a document's page gives: written in its text and copied on its source row."""
    return "Yerushalayim" if document % 2 else "Damascus"


def _archive_headers(documents: Documents) -> dict[str, Cells]:
    """The first sentence of every document, the line the archive added (' date ...'), declared as
    uncovered: no claim quotes it."""
    rows: dict[str, Cells] = {name: [] for name in _table("uncovered_sentences").column_names}
    for d, text in enumerate(documents.texts):
        start, end = next(iter(split_sentences(text)))
        _append(
            rows,
            uncovered_id=f"unc-{d:03d}-001",
            source_id=f"src-seed-{d:03d}",
            sentence=text[start:end],
            sentence_start=str(start),
            sentence_end=str(end),
            reason="archive_header",
        )
    return rows


def _actors(rng: np.random.Generator, sizes: Sizes) -> dict[str, Cells]:
    columns = ("actor_id", "name", "kind", "country", "parent_actor_id", "aliases")
    rows: dict[str, Cells] = {name: [row[i] for row in ORGANISATIONS] for i, name in enumerate(columns)}
    countries = {row[0]: row[3] for row in ORGANISATIONS}
    first = rng.integers(0, len(FIRST_NAMES), sizes.people)
    last = rng.integers(0, len(LAST_NAMES), sizes.people)
    parents = rng.integers(0, len(PERSON_PARENTS), sizes.people)
    for k, (f, la, p) in enumerate(zip(first.tolist(), last.tolist(), parents.tolist(), strict=True)):
        # Numbered: random names repeat, and two people of one organisation would be one row entered twice.
        name = f"{FIRST_NAMES[f]} {LAST_NAMES[la]} {k + 1}"
        parent = PERSON_PARENTS[p]
        for column, value in zip(
            columns,
            (f"act-person-{k:05d}", name, "person", countries[parent], parent, name if k % 3 else None),
            strict=True,
        ):
            rows[column].append(value)
    rows["curator_note"] = [None] * len(rows["actor_id"])
    rows["curator_note"][-1] = "Synthetic actor: a made-up spokesperson of a real organisation."
    return rows


def _keep_written_aliases(actors: dict[str, Cells], texts: list[str]) -> None:
    """Aliases are names as the seeds write them (rule alias_written): those the made-up texts do not
    write are dropped, as a curator would not list them."""
    listed = [alias for aliases in actors["aliases"] if aliases for alias in aliases.split("|")]
    written = written_whole(sorted(set(listed)), texts)
    actors["aliases"] = [
        "|".join(alias for alias in aliases.split("|") if alias in written) or None if aliases else None
        for aliases in actors["aliases"]
    ]


def _events(rng: np.random.Generator, sizes: Sizes, claim_events: np.ndarray, claim_documents: np.ndarray) -> Events:
    n = sizes.events
    span = int((LAST_DAY - FIRST_DAY).astype(int))
    days = np.sort(FIRST_DAY + rng.integers(0, span, n).astype("timedelta64[D]"))
    precision = rng.choice(["day", "range", "month", "before"], n, p=[0.7, 0.15, 0.1, 0.05])
    starts = days - rng.integers(1, 4, n).astype("timedelta64[D]")
    starts = np.where(precision == "day", days, starts)
    month_first = days.astype("datetime64[M]")
    starts = np.where(precision == "month", month_first.astype("datetime64[D]"), starts)
    ends = np.where(precision == "month", (month_first + 1).astype("datetime64[D]") - 1, days)
    context = rng.random(n) < 0.1
    strike_types = np.array(
        ["air_strike", "missile_strike", "air_or_missile_strike", "rocket_attack", "targeted_killing"]
    )
    context_types = np.array(["state_visit", "summit", "targeted_killing"])
    types = np.where(context, context_types[rng.integers(0, 3, n)], strike_types[rng.integers(0, 5, n)])
    status = np.where(
        types == "targeted_killing",
        "acknowledged",
        rng.choice(["acknowledged", "alleged", "unattributed"], n, p=[0.1, 0.6, 0.3]),
    )
    status = np.where(context & (types != "targeted_killing"), "not_applicable", status)
    attacker = np.array(ATTACKERS)[rng.integers(0, len(ATTACKERS), n)]
    places = rng.integers(0, len(PLACES), n)
    place_precision = np.array(PLACE_PRECISIONS)[rng.choice(6, n, p=[0.3, 0.3, 0.15, 0.15, 0.05, 0.05])]
    # Drawn but not applied: a site has the gazetteer's one point (rule place_read_once); the draw
    # stays so that every later draw, and so the rest of the dataset, is as it was.
    rng.uniform(-0.05, 0.05, (n, 2))
    first_claim = np.searchsorted(claim_events, np.arange(n))
    dated_in = [f"src-seed-{d:03d}" for d in claim_documents[first_claim].tolist()]
    ids = [
        _event_id(str(p), str(s), str(e), t, PLACES[pl][1], k)
        for k, (p, s, e, t, pl) in enumerate(zip(precision, starts, ends, types.tolist(), places.tolist(), strict=True))
    ]
    rows: dict[str, Cells] = {
        "event_id": ids,
        "category": np.where(context, "context", "strike").tolist(),
        "event_type": types.tolist(),
    }
    # Numbered: two strikes drawn on one day at one place would otherwise be one row entered twice.
    rows["summary"] = [
        f"{t.replace('_', ' ').capitalize()} at {PLACES[pl][0]} (event {k + 1}); attribution: {s.replace('_', ' ')}."
        for k, (t, pl, s) in enumerate(zip(types.tolist(), places.tolist(), status.tolist(), strict=True))
    ]
    rows["date_start"] = [None if p == "before" else str(s) for p, s in zip(precision, starts, strict=True)]
    rows["date_end"] = [str(e) for e in ends]
    rows["date_precision"] = precision.tolist()
    rows["date_source_id"] = dated_in
    rows["date_note"] = [f"“on {WEEKDAYS[(int(e.astype(int)) + 3) % 7]}” in the archived article." for e in ends]
    rows |= _places(places, place_precision)
    # Coordinates and administrative areas are outside knowledge, taken only from a reference that writes
    # them (rule place_written): a site, or a place known to an area, rests on the gazetteer row.
    rows["place_source_id"] = [
        GAZETTEER if level == "site" or admin1 is not None else source
        for level, admin1, source in zip(place_precision.tolist(), rows["admin1"], dated_in, strict=True)
    ]
    rows["place_note"] = [None if k % 4 else "Place as the archived article names it." for k in range(n)]
    rows["attribution_status"] = status.tolist()
    attributed = np.isin(status, ["acknowledged", "alleged"])
    rows["attributed_actor_id"] = np.where(attributed, attacker, None).tolist()
    # An acknowledgement is the attacker's own word, which the seeds do not quote: a reference reports it.
    rows["attribution_source_id"] = [STATEMENTS if s == "acknowledged" else None for s in status.tolist()]
    rows["record_kind"] = ["single"] * n
    rows["identification"] = ["stated_in_seed"] * n
    rows["curator_note"] = [None if k % 10 else "Synthetic event for the benchmark." for k in range(n)]
    return Events(np.array(ids, dtype=object), ends, places, rows)


def _event_id(precision: str, start: str, end: str, event_type: str, place: str, k: int) -> str:
    """Readable, unique IDs in the real style: the date only as far as it is known."""
    if precision == "before":
        day = end[:4]
    elif precision == "month":
        day = start[:7]
    else:
        day = start
    return f"evt-{day}-{place}-{event_type.replace('_', '-')}-{k:06d}"


def _places(places: np.ndarray, precision: np.ndarray) -> dict[str, Cells]:
    """Admin fields down to the precision the sources support; coordinates only for a known site."""
    depth = {"site": 3, "town": 3, "district": 2, "governorate": 1, "country": 0, "unknown": 0}
    rows: dict[str, Cells] = {
        key: []
        for key in (
            "place_name",
            "place_aliases",
            "place_precision",
            "country",
            "admin1",
            "admin2",
            "locality",
            "latitude",
            "longitude",
        )
    }
    for p, level in zip(places.tolist(), precision.tolist(), strict=True):
        name, _, aliases, admin1, admin2, locality, lat, lon = PLACES[p]
        known = depth[level]
        site = level == "site"
        rows["place_name"].append(name if level != "unknown" else "Unspecified location")
        # The alias the sentences write ({alias}): a place alias is a name the seeds write (rule place_alias_written).
        rows["place_aliases"].append(aliases.split("|")[0] if level != "unknown" else None)
        rows["place_precision"].append(level)
        rows["country"].append("SYR" if level != "unknown" else None)
        rows["admin1"].append(admin1 if known >= 1 else None)
        rows["admin2"].append(admin2 if known >= 2 else None)
        rows["locality"].append(locality if known >= 3 else None)
        rows["latitude"].append(f"{lat:.5f}" if site else None)
        rows["longitude"].append(f"{lon:.5f}" if site else None)
    return rows


def _documents(
    rng: np.random.Generator, events: Events, claim_events: np.ndarray, claim_documents: np.ndarray
) -> Documents:
    """One text per archived document, holding the sentences of every event its claims are about."""
    n_events = len(events.ids)
    templates = rng.integers(0, len(SENTENCES), (n_events, SENTENCES_PER_EVENT))
    numbers = rng.integers(2, 400, (n_events, SENTENCES_PER_EVENT))
    outlets = rng.integers(0, len(OUTLETS), (n_events, SENTENCES_PER_EVENT))
    pick = rng.integers(0, SENTENCES_PER_EVENT, len(claim_events))
    clause_only = rng.random(len(claim_events)) < 0.5
    pair_changes = np.ones(len(claim_events), dtype=bool)
    pair_changes[1:] = (np.diff(claim_events) != 0) | (np.diff(claim_documents) != 0)
    pairs = np.cumsum(pair_changes) - 1
    pair_event = claim_events[pair_changes]
    pair_document = claim_documents[pair_changes]
    sentence_starts: list[int] = []
    clause_offsets: list[int] = []
    clause_lengths: list[int] = []
    sentence_lengths: list[int] = []
    quote_parts: list[tuple[str, str]] = []
    slot_counts: list[int] = []
    texts: list[str] = []
    document_bounds = np.searchsorted(pair_document, np.arange(pair_document[-1] + 2))
    # Only sentences some claim quotes are written (besides the archive's header line, which the
    # uncovered sentences declare), so the dataset validates without a warning, as curated data does.
    slot = pairs * SENTENCES_PER_EVENT + pick  # each claim's sentence, numbered across all pairs
    quoted = set(slot.tolist())
    for d in range(len(document_bounds) - 1):
        # The archive's header line carries the page's dateline, as seed 002's does; the source row copies it.
        chunks = [f" date {events.ends[pair_event[document_bounds[d + 1] - 1]] + 2} {_dateline(d)}\n"]
        position = len(chunks[0])
        separator = "\n\n"
        for p, e in enumerate(
            pair_event[document_bounds[d] : document_bounds[d + 1]].tolist(), int(document_bounds[d])
        ):
            for j in range(SENTENCES_PER_EVENT):
                if p * SENTENCES_PER_EVENT + j not in quoted:
                    for kept in (sentence_starts, clause_offsets, clause_lengths, sentence_lengths):
                        kept.append(0)  # keeps the slots of the claims' sentences in step
                    quote_parts.append(("", ""))
                    slot_counts.append(-1)
                    continue
                prefix, clause, suffix = _sentence(
                    int(templates[e, j]),
                    int(numbers[e, j]),
                    int(outlets[e, j]),
                    int(events.places[e]),
                    str(events.ends[e]),
                )
                sentence = prefix + clause + suffix
                position += len(separator)
                chunks.append(separator)
                separator = " "
                sentence_starts.append(position)
                clause_offsets.append(len(prefix))
                clause_lengths.append(len(clause))
                sentence_lengths.append(len(sentence))
                quote_parts.append((sentence, clause))
                slot_counts.append(int(numbers[e, j]) if "{n}" in SENTENCES[int(templates[e, j])][1] else -1)
                chunks.append(sentence)
                position += len(sentence)
            separator = "\n\n"
        chunks.append("\n")
        texts.append("".join(chunks))
    starts = np.asarray(sentence_starts)[slot] + np.where(clause_only, np.asarray(clause_offsets)[slot], 0)
    lengths = np.where(clause_only, np.asarray(clause_lengths)[slot], np.asarray(sentence_lengths)[slot])
    quotes = [quote_parts[s][c] for s, c in zip(slot.tolist(), clause_only.astype(int).tolist(), strict=True)]
    names = [f"{d:03d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt" for d, text in enumerate(texts)]
    published = np.array([events.ends[pair_event[document_bounds[d + 1] - 1]] + 2 for d in range(len(texts))])
    return Documents(names, texts, published, quotes, starts, starts + lengths, np.asarray(slot_counts)[slot])


def _sentence(template: int, number: int, outlet: int, place: int, day: str) -> tuple[str, str, str]:
    name, _, aliases, admin1, *_ = PLACES[place]
    weekday = WEEKDAYS[int(np.datetime64(day).astype(int) + 3) % 7]
    year, month, date = (int(part) for part in day.split("-"))
    values = {
        "place": name,
        "alias": aliases.split("|")[0],
        "admin1": admin1,
        "n": number,
        "outlet": OUTLETS[outlet][3],
        "weekday": weekday,
        "date": f"{date} {MONTHS[month - 1]} {year}",
    }
    prefix, clause, suffix = SENTENCES[template]
    prefix = prefix.format(**values)
    return prefix[:1].upper() + prefix[1:], clause.format(**values), suffix.format(**values)


def _sources(rng: np.random.Generator, sizes: Sizes, documents: Documents) -> tuple[dict[str, Cells], np.ndarray]:
    """Each archived document, followed by the reports it cites; also the report IDs per document,
    which the claims read in that document relay."""
    rows: dict[str, Cells] = {column.name: [] for column in _table("sources").columns}
    outlets = rng.integers(0, len(OUTLETS), (sizes.documents, REPORTS_PER_DOCUMENT))
    undated = rng.random((sizes.documents, REPORTS_PER_DOCUMENT)) < 0.1
    chained = rng.random(sizes.documents) < 0.3
    report_ids = np.empty((sizes.documents, REPORTS_PER_DOCUMENT), dtype=object)
    for d in range(sizes.documents):
        reports = [f"src-{OUTLETS[o][1]}-{d:03d}-{k}" for k, o in enumerate(outlets[d].tolist())]
        report_ids[d] = reports
        day = str(documents.published[d])
        text = documents.texts[d].encode("utf-8")
        _append(
            rows,
            source_id=f"src-seed-{d:03d}",
            title=f"Archived article on strikes in Syria (seed {d:03d})",
            kind="archived_article",
            publisher_actor_id=OUTLETS[outlets[d, 0]][0],
            published_start=day,
            published_end=day,
            cites_source_ids="|".join(reports),
            seed_path=f"seeds/{documents.names[d]}",
            sha256=hashlib.sha256(text).hexdigest(),
            language="en",
            dateline=_dateline(d),
            url=f"https://example.org/archive/{d:06d}" if d % 5 == 0 else None,
            curator_note="Synthetic document: the text is generated, its quotes sit at real offsets.",
        )
        for k, report in enumerate(reports):
            publisher, _, kind, _ = OUTLETS[outlets[d, k]]
            # Numbered: two reports of one outlet cited by one seed are two documents, not one entered twice.
            # The title names the publisher by its actor name, as rule publisher_named asks.
            title = f"{PUBLISHER_NAMES[publisher]} report {k + 1} cited by seed {d:03d}"
            dated = None if undated[d, k] else day
            _append(
                rows,
                source_id=report,
                title=title,
                kind=kind,
                publisher_actor_id=publisher,
                published_start=dated,
                published_end=dated,
                cites_source_ids=reports[k - 1] if k and chained[d] else None,
            )
    _append(
        rows,
        source_id=GAZETTEER,
        title="Synthetic gazetteer of the sites' coordinates",
        kind="reference",
        url="https://example.org/gazetteer",
        curator_note="Synthetic reference: the coordinates of every site are taken from it, and the places "
        + "; ".join(
            f"{locality}, {admin2}, {admin1} ({lat:.5f} N {lon:.5f} E)"
            for _, _, _, admin1, admin2, locality, lat, lon in PLACES
        )
        + ".",
    )
    _append(
        rows,
        source_id=STATEMENTS,
        title="Synthetic collection of the attackers' statements acknowledging their strikes",
        kind="reference",
        url="https://example.org/statements",
        curator_note="Synthetic reference: every acknowledged attribution rests on it.",
    )
    return rows, report_ids


def _append(rows: dict[str, Cells], **cells: str | None) -> None:
    for column, values in rows.items():
        values.append(cells.get(column))


def _claims(
    rng: np.random.Generator,
    sizes: Sizes,
    events: Events,
    documents: Documents,
    actor_ids: Cells,
    report_ids: np.ndarray,
    claim_events: np.ndarray,
    claim_documents: np.ndarray,
) -> dict[str, Cells]:
    n = sizes.claims
    sequence = np.arange(n) - np.searchsorted(claim_documents, claim_documents) + 1
    codes = list(PREDICATE_WEIGHTS)
    weights = np.array(list(PREDICATE_WEIGHTS.values()), dtype=float)
    predicates = np.array(codes)[rng.choice(len(codes), n, p=weights / weights.sum())]
    # An event is dated from its first claim's document, so that claim is the time claim the date rests
    # on (rule date_claimed); the draws above are kept, so the rest stays as it was.
    dating = np.r_[True, claim_events[1:] != claim_events[:-1]] if n else np.zeros(0, dtype=bool)
    predicates = np.where(dating, "time", predicates)
    # A count claim quotes its predicate's words (rule predicate_worded): one drawn on a sentence that words
    # another count takes that one, and one drawn on a sentence wording none says only that it occurred.
    for k in np.flatnonzero(np.isin(predicates, list(PREDICATE_WORDS))).tolist():
        quote = documents.quotes[k]
        if not predicate_worded(predicates[k], "asserts", quote):
            worded = [code for code, words in PREDICATE_WORDS.items() if re.search(words, quote, re.IGNORECASE)]
            predicates[k] = worded[0] if worded else "occurred"
    rows: dict[str, Cells] = {
        "claim_id": [f"clm-{d:03d}-{k:03d}" for d, k in zip(claim_documents.tolist(), sequence.tolist(), strict=True)],
        "event_id": events.ids[claim_events].tolist(),
        "claimant_actor_id": np.array(actor_ids, dtype=object)[rng.integers(0, len(actor_ids), n)].tolist(),
        "source_id": [f"src-seed-{d:03d}" for d in claim_documents.tolist()],
        "relayed_via": _relays(rng, report_ids, claim_documents),
        "predicate": predicates.tolist(),
        "stance": np.array(STANCES)[rng.integers(0, len(STANCES), n)].tolist(),
        "hedging": np.array(HEDGES, dtype=object)[rng.integers(0, len(HEDGES), n)].tolist(),
    }
    bounded = np.array([_BOUNDED.search(quote) is not None for quote in documents.quotes], dtype=bool)
    rows |= _values(rng, predicates, documents.counts, bounded)
    starts, ends = events.rows["date_start"], events.rows["date_end"]
    for k in np.flatnonzero(dating).tolist():
        e = int(claim_events[k])
        rows["value_text"][k] = f"{starts[e] or '..'}/{ends[e]}"
    rows["quote"] = documents.quotes
    # A stance that stands on words keeps them in the quote, else the claim asserts (rule stance_unworded).
    rows["stance"] = [
        stance if stance not in STANCE_WORDS or re.search(STANCE_WORDS[stance], quote, re.IGNORECASE) else "asserts"
        for stance, quote in zip(rows["stance"], rows["quote"], strict=True)
    ]
    # A hedge is the document's own word (rule hedging_worded): one the quote does not hold is left out.
    rows["hedging"] = [
        hedge if hedge is not None and hedge in quote else None
        for hedge, quote in zip(rows["hedging"], rows["quote"], strict=True)
    ]
    rows["quote_start"] = documents.starts.astype(str).tolist()
    rows["quote_end"] = documents.ends.astype(str).tolist()
    # The synthetic sentences name their outlet inside the quoted words, so the quote is its own attribution.
    rows["attribution_quote"] = rows["quote"]
    rows["attribution_start"] = rows["quote_start"]
    rows["attribution_end"] = rows["quote_end"]
    rows["curator_note"] = [None] * n  # written by _name_value_actors, which names the actors
    return rows


def _credit_the_named(claims: dict[str, Cells], actors: dict[str, Cells]) -> None:
    """The words decide who speaks (rule claimant_named): a claim whose attribution words name an
    actor ('According to SANA', 'the army') is credited to the first they name; the drawn claimant
    stays only where they name none, and the note says who it is (_name_value_actors)."""
    owners = {
        spelling: actor
        for actor, name, aliases in zip(actors["actor_id"], actors["name"], actors["aliases"], strict=True)
        for spelling in [name, *(aliases.split("|") if aliases else [])]
        if spelling
    }
    anyone = AnyActor(list(owners))
    for k, words in enumerate(claims["attribution_quote"]):
        named = anyone.first(words) if words else None
        if named is not None:
            claims["claimant_actor_id"][k] = owners[named]


def _own_voice_relays(claims: dict[str, Cells], sources: dict[str, Cells]) -> None:
    """A claim its document's publisher makes in its own voice anchors attribution words only when
    it relays without asserting (rule own_voice_reports), and passed through no report (rule
    own_voice_chain): where the drawn claimant is the publisher, the stance is 'reports' and the
    chain is empty."""
    publishers = dict(zip(sources["source_id"], sources["publisher_actor_id"], strict=True))
    for k, (claimant, source) in enumerate(zip(claims["claimant_actor_id"], claims["source_id"], strict=True)):
        if claimant == publishers[source]:
            claims["stance"][k] = "reports"
            claims["relayed_via"][k] = None


def _attribute_as_claimed(events: dict[str, Cells], claims: dict[str, Cells], claim_events: np.ndarray) -> None:
    """An event blames the actor its attribution claims name (rule attribution_claimed): those claims
    name the event's attacker, and an event no such claim blames (asserts or reports) is left
    unattributed; the attribution claims about an event without an attacker call the perpetrator
    unknown (rule unattributed_claimed)."""
    blamed: set[int] = set()
    for k, (predicate, actor) in enumerate(zip(claims["predicate"], claims["value_actor_id"], strict=True)):
        attacker = events["attributed_actor_id"][int(claim_events[k])]
        if predicate == "attribution" and actor is not None and attacker is not None:
            claims["value_actor_id"][k] = attacker
            if claims["stance"][k] in ("asserts", "reports"):
                blamed.add(int(claim_events[k]))
    for k, predicate in enumerate(claims["predicate"]):
        if predicate == "attribution" and int(claim_events[k]) not in blamed:
            claims["value_actor_id"][k] = None
            claims["value_text"][k] = UNKNOWN_PERPETRATOR
    for e, attacker in enumerate(events["attributed_actor_id"]):
        if attacker is not None and e not in blamed:
            status = events["attribution_status"][e]
            events["summary"][e] = str(events["summary"][e]).replace(
                f"attribution: {status}", "attribution: unattributed"
            )
            events["attribution_status"][e] = "unattributed"
            events["attributed_actor_id"][e] = None
            events["attribution_source_id"][e] = None


def _one_stance_a_sentence(claims: dict[str, Cells]) -> None:
    """Claims drawn on the same words of the same claimant about the same value take one stance (rule
    one_stance): the first that blames (asserts or reports), so that every event blamed stays blamed
    (rule attribution_claimed), or else the first."""
    stances: dict[tuple[object, ...], object] = {}
    columns = [name for name in ONE_PROPOSITION if name in claims]  # a column not drawn is empty in every row
    keys = [tuple(claims[name][k] for name in columns) for k in range(len(claims["claim_id"]))]
    for key, stance in zip(keys, claims["stance"], strict=True):
        if key not in stances or (stance in ("asserts", "reports") and stances[key] not in ("asserts", "reports")):
            stances[key] = stance
    claims["stance"] = [stances[key] for key in keys]


def _keep_claims_distinct(claims: dict[str, Cells]) -> None:
    """Two claims alike in every cell but their ID and note would be one claim entered twice (rule
    repeated_claim): where attributing as claimed or dropping a hedge the quote lacks made them so,
    the later one is hedged with a word of its own quote, which its paragraph holds (hedging_worded)."""
    compared = [name for name in claims if name not in ("claim_id", "curator_note")]
    seen: set[tuple[str | None, ...]] = set()
    for k in range(len(claims["claim_id"])):
        row = tuple(claims[name][k] for name in compared)
        for word in str(claims["quote"][k]).split():
            if row not in seen:
                break
            claims["hedging"][k] = word
            row = tuple(claims[name][k] for name in compared)
        seen.add(row)


def _name_value_actors(claims: dict[str, Cells], names: dict[str | None, str | None]) -> None:
    """The synthetic words may name no actor of the claim, so its note says which the claimant is
    and which actor it names (rules claimant_named, value_actor_named)."""
    for k, (claimant, actor) in enumerate(zip(claims["claimant_actor_id"], claims["value_actor_id"], strict=True)):
        named = f"; the actor it names is {names[actor]}" if actor is not None else ""
        claims["curator_note"][k] = f"Synthetic claim by {names[claimant]}{named}."


def _order_chains(claims: dict[str, Cells], sources: dict[str, Cells]) -> None:
    """Each report of a two-report chain relays the one before it, as its source row says
    (cites_source_ids): a chain 'a|b' whose b does not cite a becomes the report b cites and b, or
    'b|a' when a cites b, or a alone. The random draws are untouched, so the rest stays as it was."""
    cites = {
        source: cited
        for source, cited in zip(sources["source_id"], sources["cites_source_ids"], strict=True)
        if source is not None and cited is not None and "|" not in cited
    }
    chains = claims["relayed_via"]
    for k, chain in enumerate(chains):
        if chain is None or "|" not in chain:
            continue
        first, second = chain.split("|")
        if cites.get(second) == first:
            continue
        if second in cites:
            chains[k] = f"{cites[second]}|{second}"
        elif cites.get(first) == second:
            chains[k] = f"{second}|{first}"
        else:
            chains[k] = first


def _relays(rng: np.random.Generator, report_ids: np.ndarray, claim_documents: np.ndarray) -> Cells:
    """None, one or two of the document's cited reports, distinct and in chain order."""
    n = len(claim_documents)
    hops = rng.integers(0, 3, n)
    first = rng.integers(0, REPORTS_PER_DOCUMENT, n)
    second = (first + 1 + rng.integers(0, REPORTS_PER_DOCUMENT - 1, n)) % REPORTS_PER_DOCUMENT
    one = report_ids[claim_documents, first]
    two = report_ids[claim_documents, second]
    return [
        None if h == 0 else a if h == 1 else f"{a}|{b}"
        for h, a, b in zip(hops.tolist(), one.tolist(), two.tolist(), strict=True)
    ]


def _values(
    rng: np.random.Generator, predicates: np.ndarray, written: np.ndarray, bounded: np.ndarray
) -> dict[str, Cells]:
    """Counts (exact, 'at least', 'up to', or 'a number of') for count predicates, each the number
    the claim's quote writes, an actor or 'unidentified' for actor predicates, normalised words for
    the rest: what the row rules demand. A quote that writes its number as a bound ('at least') is
    given it as a lower bound alone (rule count_bound)."""
    n = len(predicates)
    counts = np.isin(predicates, COUNT_PREDICATES)
    counted = counts & (written >= 0)
    named = np.isin(predicates, ACTOR_PREDICATES)
    mode = rng.integers(0, 4, n)
    mode = np.where(bounded & np.isin(mode, (0, 2)), 1, mode)  # 'at least' is a lower bound alone
    has_actor = named & (rng.random(n) < 0.85)
    attackers = np.array(ATTACKERS, dtype=object)[rng.integers(0, len(ATTACKERS), n)]
    worded = rng.random(n) < 0.7
    texts = np.array([VALUE_TEXTS.get(p) for p in PREDICATE.codes], dtype=object)
    code_index = {code: k for k, code in enumerate(PREDICATE.codes)}
    value_text = texts[np.array([code_index[p] for p in predicates.tolist()])]
    value_text = np.where(named, np.where(has_actor, None, "unknown"), np.where(worded, value_text, None))
    unit = np.where(counts, np.where(np.char.startswith(predicates, "munitions"), "munitions", "persons"), None)
    return {
        "value": np.where(counted & (mode == 0), written.astype(str), None).tolist(),
        # An exact count is its own bounds (8, 8, 8); 'at least' gives the low bound alone, 'up to' the high.
        "value_low": np.where(counted & np.isin(mode, (0, 1)), written.astype(str), None).tolist(),
        "value_high": np.where(counted & np.isin(mode, (0, 2)), written.astype(str), None).tolist(),
        "unit": unit.tolist(),
        "value_actor_id": np.where(has_actor, attackers, None).tolist(),
        "value_text": value_text.tolist(),
        "value_code": np.where(predicates == "weapon", "missile", None).tolist(),
        "victim_status": np.where(np.isin(predicates, ["fatalities", "injuries"]), "unknown", None).tolist(),
    }


def _relations(
    claims: dict[str, Cells],
    actor_ids: Cells,
    names: dict[str | None, str | None],
    parents: dict[str, str],
) -> dict[str, Cells]:
    """At most one relation per hundred claims, its evidence the first of them whose quote words an
    affiliation ('Rebel-affiliated media said ...'; rule relation_worded) and its words that quote; the
    quotes name no actor, so the note says which two it links (rule relation_named). The other actor
    is the first that is neither part of the claimant nor a whole it is part of (rule relation_within)."""
    rows: dict[str, Cells] = {name: [] for name in _table("actor_relations").column_names}
    affiliation = re.compile(RELATION_WORDS["affiliated_with"], re.IGNORECASE)
    for first in range(0, len(claims["claim_id"]), CLAIMS_PER_DOCUMENT):
        worded = [
            k
            for k in range(first, min(first + CLAIMS_PER_DOCUMENT, len(claims["claim_id"])))
            if affiliation.search(str(claims["quote"][k]))
        ]
        if not worded:
            continue
        k = worded[0]
        subject = claims["claimant_actor_id"][k]
        other = next(
            actor
            for actor in actor_ids
            if not within(str(actor), str(subject), parents) and not within(str(subject), str(actor), parents)
        )
        _append(
            rows,
            relation_id=f"rel-synthetic-{first // CLAIMS_PER_DOCUMENT}",
            subject_actor_id=subject,
            relation="affiliated_with",
            object_actor_id=other,
            source_id=claims["source_id"][k],
            evidence_claim_id=claims["claim_id"][k],
            quote=claims["quote"][k],
            quote_start=claims["quote_start"][k],
            quote_end=claims["quote_end"][k],
            curator_note=f"Synthetic relation: {names[subject]} is affiliated with {names[other]}.",
        )
    return rows


def _table(name: str) -> Table:
    return next(table for table in TABLES if table.name == name)


def _write(out: Path, tables: dict[str, dict[str, Cells]], documents: Documents) -> None:
    """CSV as the curators write it (minimal quoting, LF, no BOM), seeds as UTF-8 bytes with the README's
    table of them as ``archive`` writes it, the descriptor."""
    (out / "data").mkdir(parents=True)
    (out / "seeds").mkdir()
    for table in TABLES:
        columns = tables[table.name]
        missing = len(next(iter(columns.values())))
        columns = {name: columns.get(name, [None] * missing) for name in table.column_names}
        with (out / table.path).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.column_names)
            writer.writerows(zip(*(columns[name] for name in table.column_names), strict=True))
    for name, text in zip(documents.names, documents.texts, strict=True):
        (out / "seeds" / name).write_bytes(text.encode("utf-8"))
    sources = tables["sources"]
    listed = [
        listed_row(Path(str(seed_path)).name, str(source_id), str(sha256))
        for source_id, seed_path, sha256 in zip(
            sources["source_id"], sources["seed_path"], sources["sha256"], strict=True
        )
        if seed_path
    ]
    readme = "# seeds/: synthetic documents\n\n| file | source_id | published | sha256 |\n|---|---|---|---|\n"
    (out / "seeds" / SEEDS_README).write_text(readme + "\n".join(listed) + "\n", encoding="utf-8", newline="\n")
    (out / "datapackage.json").write_text(generated_files()["datapackage.json"], encoding="utf-8", newline="\n")


def _clear(out: Path, force: bool) -> None:
    """Refuse to mix with other files; with --force, remove only what this script writes."""
    if out.exists() and any(out.iterdir()):
        if not force:
            raise SystemExit(f"{out} is not empty; pass --force to replace its data/, seeds/ and datapackage.json")
        for folder in ("data", "seeds"):
            shutil.rmtree(out / folder, ignore_errors=True)
        (out / "datapackage.json").unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000, help="number of claims (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed gives the same files")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (keep it outside the repository)")
    parser.add_argument("--force", action="store_true", help="replace a dataset written here before")
    args = parser.parse_args(argv)
    _clear(args.out, args.force)
    sizes = generate(args.out, args.claims, args.seed)
    print(
        f"wrote {sizes.claims} claims, {sizes.events} events, {sizes.documents} seed documents and "
        f"{sizes.people + len(ORGANISATIONS)} actors to {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
