"""Rules across tables for the second version of the data model: who speaks, several events per
claim, the evidence of actor relations, and acknowledgement on an assumed match.

Each rule is a small function returning its problems; a rule that needs a table which could not
be read is skipped, its file already has a problem. The anchored words (attributions, relation
quotes) are checked by ``check_model_anchors`` once the seed texts are known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.checks.across import Across, across
from syria_strikes.checks.agreement import documents_about
from syria_strikes.checks.provenance import Anchor, check_anchored
from syria_strikes.checks.rows import counts_in_order
from syria_strikes.columnar import (
    arrow_strings,
    by_line,
    counts_in_digits,
    first_by_key,
    isin,
    list_items,
    pairs_isin,
)
from syria_strikes.metadata import COUNT_PREDICATES, CURATED_FIELD_SOURCE_KINDS, LIST_DELIMITER, SEED_NUMBERS
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import COUNTS, unwritten_count
from syria_strikes.written_numbers import BOUND_BEFORE, bound_written, bounds_lower

Frames = Mapping[str, pd.DataFrame]
# A language tag whose number words syria_strikes.written_numbers reads: en, en-GB, EN-us ...
# English as a language tag writes it: 'en' or 'en-GB', and 'eng', the ISO 639-3 code the tag's
# standard list also holds.
ENGLISH = r"(?i)eng?(?:-|$)"
ATTRIBUTION = Anchor("claims", "attribution_quote", "attribution_start", "attribution_end", "attribution_anchored")
RELATION_QUOTE = Anchor("actor_relations", "quote", "quote_start", "quote_end", "quote_anchored")


def check_model_anchors(frames: Frames, texts: dict[str, str]) -> list[Problem]:
    """Attributions and relation quotes sit at their offsets in the seed of their source."""
    problems = check_anchored(frames["claims"], texts, ATTRIBUTION) if "claims" in frames else []
    if "actor_relations" in frames:
        problems += check_anchored(frames["actor_relations"], texts, RELATION_QUOTE)
    return problems


def _publishers(sources: pd.DataFrame) -> pd.Series:
    """Each source's publisher, by source_id (a repeated ID is unique_key's: its first row counts)."""
    return first_by_key(sources, "source_id")["publisher_actor_id"]


def _publisher_of(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    return claims["source_id"].map(_publishers(sources))


def _in_own_voice(frames: Frames) -> pd.Series:
    """Claims whose claimant is their document's publisher, a known actor; False where either is
    unknown (foreign_key's to report)."""
    claims = frames["claims"]
    publisher = _publisher_of(claims, frames["sources"])
    actors = first_by_key(frames["actors"], "actor_id").index
    own_voice: pd.Series = (claims["claimant_actor_id"] == publisher).fillna(False) & publisher.isin(actors)
    return own_voice


def _attribution_given(frames: Frames) -> list[Problem]:
    """A claim whose claimant is not the document's own publisher, or that the publisher only
    relays (stance reports), anchors the words that name the claimant or the hedge."""
    claims = frames["claims"]
    publisher = _publisher_of(claims, frames["sources"])
    # Without a known publisher or claimant the document's own voice cannot be told apart: the
    # unknown reference is foreign_key's to report, once (a typo in claimant_actor_id is not a
    # missing attribution).
    actors = first_by_key(frames["actors"], "actor_id").index
    judged = publisher.isin(actors).fillna(False) & claims["claimant_actor_id"].isin(actors).fillna(False)
    own_voice = (claims["claimant_actor_id"] == publisher).fillna(False)
    relays = (claims["stance"] == "reports").fillna(False)
    missing = claims["attribution_quote"].isna() & judged & (~own_voice | relays)
    return [
        problem("attribution_given", "claims", int(line), "attribution_quote", None, claimant=claimant, source=source)
        for line, claimant, source in zip(
            claims.index[missing.to_numpy(dtype=bool)],
            claims.loc[missing.to_numpy(dtype=bool), "claimant_actor_id"],
            claims.loc[missing.to_numpy(dtype=bool), "source_id"],
            strict=True,
        )
    ]


def _own_voice_reports(frames: Frames) -> list[Problem]:
    """A claim in its document's own voice leaves the attribution words empty unless it only relays
    ('There are reports that', 'attributed to'): own-voice words make the stance 'reports'. One
    edited to 'asserts' would make the document vouch for what it passed on. Not judged while the
    publisher or claimant is unknown (foreign_key's)."""
    claims = frames["claims"]
    own_voice = _in_own_voice(frames)
    worded = claims["attribution_quote"].notna() & claims["stance"].notna()
    wrong = (own_voice & worded & (claims["stance"] != "reports")).fillna(False).to_numpy(dtype=bool)
    return [
        problem("own_voice_reports", "claims", line, "stance", stance, stance=stance)
        for line, stance in by_line(claims.loc[wrong, "stance"])
    ]


# Words with which a named party relays what it does not vouch for; not 'claimed' or 'said', which
# are its own assertion.
NAMED_RELAY = r"\breportedly\b|\breports? that\b|\battributed to\b|\ballegedly\b"


def _reports_own_voice(frames: Frames) -> list[Problem]:
    """'reports' is the document's own voice relaying words it does not assert, without naming who
    said them: a claim of a named party with that stance made its assertion a rumour. Not judged
    while the publisher or claimant is unknown (foreign_key's)."""
    claims = frames["claims"]
    publisher = _publisher_of(claims, frames["sources"])
    actors = first_by_key(frames["actors"], "actor_id").index
    judged = publisher.isin(actors).fillna(False) & claims["claimant_actor_id"].isin(actors).fillna(False)
    named = judged & (claims["stance"] == "reports").fillna(False) & (claims["claimant_actor_id"] != publisher)
    # A named party may pass on words it does not vouch for ('SANA said the jets had reportedly come').
    relaying = pd.Series(False, index=claims.index)
    for name in ("hedging", "quote"):
        relaying |= claims[name].str.contains(NAMED_RELAY, case=False, regex=True).fillna(False)
    wrong = (named & ~relaying).fillna(False).to_numpy(dtype=bool)
    return [
        problem("reports_own_voice", "claims", int(line), "stance", "reports", claimant=claimant, publisher=by)
        for line, claimant, by in zip(
            claims.index[wrong], claims.loc[wrong, "claimant_actor_id"], publisher[wrong], strict=True
        )
    ]


def _own_voice_chain(frames: Frames) -> list[Problem]:
    """A claim in its document's own voice passed through no other outlet's report: the document says
    it, or relays it without naming who said it. Its publisher's own earlier report ('as we reported
    on Friday') may carry it. Not judged while the publisher or claimant is unknown (foreign_key's),
    nor for a report whose publisher is not known."""
    claims = frames["claims"]
    chained = (_in_own_voice(frames) & claims["relayed_via"].notna()).fillna(False).to_numpy(dtype=bool)
    if not chained.any():
        return []
    published_by = _publishers(frames["sources"]).dropna()
    by = dict(zip(map(str, published_by.index), map(str, published_by.tolist()), strict=True))
    problems = []
    rows = claims.loc[chained, ["claimant_actor_id", "source_id", "relayed_via"]]
    for line, claimant, source, chain in zip(rows.index.tolist(), *(rows[name].tolist() for name in rows), strict=True):
        reports = str(chain).split(LIST_DELIMITER)
        other = next((report for report in reports if by.get(report, claimant) != claimant), None)
        if other is not None:
            problems.append(
                problem(
                    "own_voice_chain",
                    "claims",
                    int(line),
                    "relayed_via",
                    chain,
                    claimant=claimant,
                    source=source,
                    first=other,
                    publisher=by[other],
                )
            )
    return problems


def _english_counts(claims: pd.DataFrame, sources: pd.DataFrame) -> np.ndarray:
    """The count claims with a quote and counts in order, read in an English document: the one
    language whose number words are read."""
    english = isin(
        claims["source_id"], sources.loc[sources["language"].str.match(ENGLISH).fillna(False), "source_id"].dropna()
    )
    judged: np.ndarray = (
        english
        & claims["predicate"].isin(COUNT_PREDICATES).to_numpy(dtype=bool)
        & claims["quote"].notna().to_numpy(dtype=bool)
        & counts_in_order(claims).to_numpy(dtype=bool)
    )
    return judged


def _counts_written(frames: Frames) -> list[Problem]:
    """Each count of a count claim is a number its quote writes ("Numbers are never invented"),
    judged where the claim's document is in English, the one language whose number words are read.
    Counts out of order are count_bounds' to report, not this rule's too. Digits are found in Arrow
    for every row at once; only a count not found among them is read again, one quote at a time."""
    claims = frames["claims"]
    judged = _english_counts(claims, frames["sources"])
    counts = np.column_stack([claims[name].to_numpy(dtype="int64", na_value=-1) for name in COUNTS])
    counts[~judged] = -1
    quotes = arrow_strings(claims["quote"])
    unsettled = (counts >= 0) & ~counts_in_digits(quotes, counts)
    reread = unsettled.any(axis=1)
    if not reread.any():
        return []
    problems = []
    for k, quote in zip(np.flatnonzero(reread).tolist(), quotes.filter(pa.array(reread)).to_pylist(), strict=True):
        given = {name: None if count < 0 else int(count) for name, count in zip(COUNTS, counts[k], strict=True)}
        column = unwritten_count(quote, given)
        if column is not None:
            problems.append(problem("count_written", "claims", int(claims.index[k]), column, str(given[column])))
    return problems


def _counts_bound(frames: Frames) -> list[Problem]:
    """A count is given in the column its quote's words make it ("Numbers are never invented"): a
    number written only as a bound is no exact value ('At least eight' is value_low 8 alone), one
    written only after 'at least' is no upper bound, one only after 'up to' no lower bound. Judged
    in English documents, for the rows whose quote holds a bounding word at all, found in Arrow first."""
    claims = frames["claims"]
    judged = _english_counts(claims, frames["sources"])
    if not judged.any():
        return []
    quotes = arrow_strings(claims["quote"])
    bounded = pc.fill_null(pc.match_substring_regex(quotes, BOUND_BEFORE, ignore_case=True), False)
    rows = np.flatnonzero(judged & bounded.to_numpy(zero_copy_only=False))
    problems = []
    counts = {name: claims[name].iloc[rows].tolist() for name in COUNTS}
    for at, (k, quote) in enumerate(zip(rows.tolist(), claims["quote"].iloc[rows].tolist(), strict=True)):
        given = {name: counts[name][at] for name in COUNTS}
        for column, count in given.items():
            if pd.isna(count) or (column != "value" and not pd.isna(given["value"])):
                continue  # an exact count's own bounds are judged with it
            words = bound_written(str(quote), int(count))
            if words is None or (column != "value" and (column == "value_low") == bounds_lower(words)):
                continue
            problems.append(
                problem("count_bound", "claims", int(claims.index[k]), column, str(int(count)), words=words)
            )
            break
    return problems


def _other_events_distinct(frames: Frames) -> list[Problem]:
    claims = frames["claims"]
    items = list_items(claims["other_event_ids"])
    if items.empty:
        return []
    own = claims["event_id"].reindex(items.index).to_numpy()
    again = pd.DataFrame({"line": items.index, "item": items.to_numpy()}).duplicated().to_numpy()
    repeats = items[(items.to_numpy() == own) | again]
    return [problem("claim_events", "claims", int(line), "other_event_ids", value) for line, value in repeats.items()]


def _relation_evidence(frames: Frames) -> list[Problem]:
    """The evidence claim is read in the relation's document and its quote holds the relation's words."""
    relations, claims = frames["actor_relations"], frames["claims"]
    # A relation read outside the archive is another rule's to report, once.
    archived = frames["sources"].loc[frames["sources"]["kind"] == "archived_article", "source_id"].dropna()
    cited = relations[relations["evidence_claim_id"].notna() & relations["source_id"].isin(archived)]
    # The claims cited, found in Arrow first: a pandas isin against every claim ID makes a Python
    # object of each (seconds at a million claims).
    cited_claims = claims[isin(claims["claim_id"], cited["evidence_claim_id"])]
    known = first_by_key(cited_claims, "claim_id")
    cited = cited[cited["evidence_claim_id"].isin(known.index)]
    evidence = known.loc[cited["evidence_claim_id"], ["source_id", "quote_start", "quote_end"]]
    evidence.index = cited.index
    same_document = (evidence["source_id"] == cited["source_id"]).fillna(True)
    overlaps = ((evidence["quote_start"] < cited["quote_end"]) & (cited["quote_start"] < evidence["quote_end"])).fillna(
        True
    )
    wrong = cited[~(same_document & overlaps).to_numpy(dtype=bool)]
    return [
        problem(
            "relation_evidence",
            "actor_relations",
            int(line),
            "evidence_claim_id",
            claim_id,
            claim_id=claim_id,
            source=source,
        )
        for line, claim_id, source in zip(wrong.index, wrong["evidence_claim_id"], wrong["source_id"], strict=True)
    ]


def _relation_read_in_archive(frames: Frames) -> list[Problem]:
    relations, sources = frames["actor_relations"], frames["sources"]
    kinds = first_by_key(sources, "source_id")["kind"]
    kind = relations["source_id"].map(kinds)
    wrong = relations[(kind.notna() & (kind != "archived_article")).to_numpy(dtype=bool)]
    return [
        problem("read_in_archive", "actor_relations", int(line), "source_id", value)
        for line, value in by_line(wrong["source_id"])
    ]


def _acknowledged_on_assumed_match(frames: Frames) -> list[Problem]:
    """An assumed match alone cannot make an event acknowledged: the acknowledgement must rest on a
    reference row that the curators saw."""
    events, sources = frames["events"], frames["sources"]
    kinds = first_by_key(sources, "source_id")["kind"]
    risky = events[
        ((events["identification"] == "assumed") & (events["attribution_status"] == "acknowledged"))
        .fillna(False)
        .to_numpy(dtype=bool)
    ]
    kind = risky["attribution_source_id"].map(kinds)
    wrong = risky[(kind != "reference").fillna(True).to_numpy(dtype=bool)]
    return [
        problem("acknowledged_on_assumed_match", "events", int(line), "attribution_status", "acknowledged")
        for line in wrong.index
    ]


def _identification_dated(frames: Frames) -> list[Problem]:
    """'stated_in_seed' says the archived document dates the event, so its date_source_id is that
    kind of source; 'matched_by_reference' and 'assumed' say references date it, so it is a
    reference. A source of another kind is curated_source's to report, one not known foreign_key's."""
    events, sources = frames["events"], frames["sources"]
    kinds = first_by_key(sources, "source_id")["kind"]
    kind = events["date_source_id"].map(kinds)
    stated = (events["identification"] == "stated_in_seed").to_numpy(dtype=bool)
    matched = events["identification"].isin(["matched_by_reference", "assumed"]).to_numpy(dtype=bool)
    wrong = (stated & (kind == "reference").fillna(False).to_numpy(dtype=bool)) | (
        matched & (kind == "archived_article").fillna(False).to_numpy(dtype=bool)
    )
    return [
        problem("identification_dated", "events", line, "identification", value, source=source, kind=source_kind)
        for line, value, source, source_kind in zip(
            events.index[wrong],
            events["identification"][wrong],
            events["date_source_id"][wrong],
            kind[wrong],
            strict=True,
        )
    ]


class _Citations:
    """Which reports each source cites (cites_source_ids), directly or through a report it cites.
    ``judged`` holds the sources whose citations are all source rows: a citation that names none
    is foreign_key's, and what lies behind it is unknown."""

    def __init__(self, sources: pd.DataFrame) -> None:
        self.known = first_by_key(sources, "source_id")
        cited = list_items(self.known["cites_source_ids"])
        # One pass in Python: a group by source made a Series of each source's citations, which for
        # tens of thousands of sources cost a second.
        self.cites: dict[str, set[str]] = {}
        for source, report in zip(cited.index.tolist(), cited.tolist(), strict=True):
            self.cites.setdefault(source, set()).add(report)
        unsure = set(cited.index[~isin(cited, self.known.index.to_series())].tolist())
        self.judged = set(self.cites) - unsure
        # Every source row whose citations (none, or source rows only) are all known.
        self.complete = set(self.known.index.tolist()) - unsure
        self._reached: dict[str, set[str]] = {}

    def cited_by(self, document: str) -> set[str]:
        """Every report ``document`` cites, directly or through the reports it cites (once each)."""
        if document not in self._reached:
            seen: set[str] = set()
            todo = list(self.cites.get(document, ()))
            while todo:
                report = todo.pop()
                if report not in seen:
                    seen.add(report)
                    todo += self.cites.get(report, ())
            self._reached[document] = seen
        return self._reached[document]


def _relays_cited(frames: Frames) -> list[Problem]:
    """Each report of a claim's chain is one its document cites (cites_source_ids), directly or through
    a report it cites: the chain is only what the document says. Not judged: a report that is no
    source row, and a document that is none or whose citations are empty or name one that is not
    (foreign_key's, or a cell set aside for a fault of its own)."""
    claims = frames["claims"]
    citations = _Citations(frames["sources"])
    known, judged, cited_by = citations.known, citations.judged, citations.cited_by
    items = list_items(claims["relayed_via"])
    documents = claims["source_id"].reindex(items.index)
    kept = isin(items, known.index.to_series()) & isin(documents, pd.Series(sorted(judged), dtype="str"))
    relays = pd.DataFrame(
        {"line": items.index[kept], "report": items.to_numpy()[kept], "document": documents.to_numpy()[kept]}
    )
    allowed = pd.DataFrame(
        [(document, report) for document in relays["document"].unique().tolist() for report in cited_by(document)],
        columns=["document", "report"],
    )
    joined = relays.merge(allowed, on=["document", "report"], how="left", indicator=True)
    wrong = joined[(joined["_merge"] == "left_only").to_numpy(dtype=bool)].sort_values("line", kind="stable")
    return [
        problem("relay_cited", "claims", int(line), "relayed_via", report, report=report, source=document)
        for line, report, document in zip(
            wrong["line"].tolist(), wrong["report"].tolist(), wrong["document"].tolist(), strict=True
        )
    ]


def _relays_in_order(frames: Frames) -> list[Problem]:
    """A chain runs from the claimant to the archived document, so each report in relayed_via
    relays the one before it: it cites it, directly or through a report it cites. A chain reversed,
    or one whose link was skipped, names a report that does not. Not judged: a pair with a report
    that is no source row, or one whose citations name a source that is not. A report whose row cites
    nothing relays nothing: a chain through it is judged too."""
    citations = _Citations(frames["sources"])
    items = list_items(frames["claims"]["relayed_via"])
    lines, reports = items.index.to_numpy(), items.to_numpy(dtype=object)
    linked = lines[1:] == lines[:-1]  # an item and the one before it in the same chain
    before, after = pd.Series(reports[:-1][linked], dtype="str"), pd.Series(reports[1:][linked], dtype="str")
    kept = isin(before, citations.known.index.to_series()) & isin(
        after, pd.Series(sorted(citations.complete), dtype="str")
    )
    pairs = pd.DataFrame(
        {"line": lines[1:][linked][kept], "before": before.to_numpy()[kept], "report": after.to_numpy()[kept]}
    )
    direct = list_items(citations.known["cites_source_ids"])
    cited = pd.DataFrame({"report": direct.index.to_numpy(), "before": direct.to_numpy(dtype=object)})
    joined = pairs.merge(cited.drop_duplicates(), on=["report", "before"], how="left", indicator=True)
    # Only a pair its report does not cite directly is walked through the reports that report cites.
    missed = joined[(joined["_merge"] == "left_only").to_numpy(dtype=bool)].sort_values("line", kind="stable")
    return [
        problem("relay_order", "claims", int(line), "relayed_via", report, report=report, before=before)
        for line, before, report in zip(
            missed["line"].tolist(), missed["before"].tolist(), missed["report"].tolist(), strict=True
        )
        if before not in citations.cited_by(report)
    ]


CURATED_FIELD_SOURCES = ("date_source_id", "place_source_id", "attribution_source_id")


def _curated_field_sources(frames: Frames) -> list[Problem]:
    """A curated event field rests on a document a reader can check: the archived seed, or a
    reference row with its public address; a report known only from a seed's words is neither."""
    events, sources = frames["events"], frames["sources"]
    kinds = first_by_key(sources, "source_id")["kind"]
    problems = []
    for column in CURATED_FIELD_SOURCES:
        kind = events[column].map(kinds)
        wrong = (kind.notna() & ~kind.isin(CURATED_FIELD_SOURCE_KINDS)).to_numpy(dtype=bool)
        problems += [
            problem("curated_source", "events", line, column, source, source=source, kind=source_kind)
            for (line, source), source_kind in zip(by_line(events.loc[wrong, column]), kind[wrong], strict=True)
        ]
    return problems


def _archive_about_event(frames: Frames) -> list[Problem]:
    """A curated event field that rests on an archived document rests on one that carries a claim
    about the event: another seed says nothing of it. A source that is not archived, or not known,
    is another rule's to report."""
    events, claims, sources = frames["events"], frames["claims"], frames["sources"]
    archived = sources.loc[sources["seed_path"].notna().to_numpy(dtype=bool), "source_id"].dropna()
    read = documents_about(claims)
    problems = []
    for column in CURATED_FIELD_SOURCES:
        cited = events.loc[isin(events[column], archived), ["event_id", column]]
        about = pairs_isin((cited["event_id"], cited[column]), (read["event_id"], read["source_id"]))
        problems += [
            problem("archive_about_event", "events", line, column, source, source=source)
            for line, source in by_line(cited.loc[~about, column])
        ]
    return problems


def _coordinates_from_a_reference(frames: Frames) -> list[Problem]:
    """Coordinates are outside knowledge: a seed does not give them, so the place of an event with
    coordinates rests on a reference row (docs/curation.md); another kind of source is curated_source's."""
    events, sources = frames["events"], frames["sources"]
    # A row that is archived in name only (no seed_path) is archived_has_seed's to report, once.
    archived = sources.loc[((sources["kind"] == "archived_article") & sources["seed_path"].notna()).to_numpy(bool)]
    located = events["latitude"].notna() | events["longitude"].notna()
    wrong = (
        (located & events["place_source_id"].isin(archived["source_id"].dropna())).fillna(False).to_numpy(dtype=bool)
    )
    return [
        problem("coordinates_source", "events", line, "place_source_id", source, source=source)
        for line, source in by_line(events.loc[wrong, "place_source_id"])
    ]


# Degrees as a note writes them: decimal ('34.52250', '34,5225', '-3.7', '34.5225°'), or in degrees,
# minutes and seconds ("34°31'21\"" and its prime signs, "34°31.350'"), with a hemisphere letter after the number
# ('34.52250 N') or before it ('N34.52250'), which tells a latitude (N, S) from a longitude (E, W).
_PART = r"\d{1,3}(?:[.,]\d+)?"
DEGREES = re.compile(
    r"(?<!\d)(?<!\d\.)(?:(?<![^\W\d_])(?P<sign>[-\u2212]))?(?P<degrees>" + _PART + r")\s*[°º˚]?"
    r"(?:\s*(?P<minutes>" + _PART + r")\s*['\u2032\u2019]"
    r"(?:\s*(?P<seconds>" + _PART + r")\s*(?:[\"\u2033\u201d]|''|\u2032\u2032))?)?(?!\.?\d)"
)
_HEMISPHERE_BEFORE = re.compile(r"(?<![\w])([NSEW])\s*$")
_HEMISPHERE_AFTER = re.compile(r"^\s*([NSEW])(?![\w])")
HEMISPHERES = {"latitude": "NS", "longitude": "EW"}


def _decimal(text: str) -> tuple[float, int]:
    """A written number and how many decimals it writes ('34,5225': a decimal comma)."""
    whole, _, decimals = text.replace(",", ".").partition(".")
    return float(f"{whole}.{decimals or 0}"), len(decimals)


def _degrees_written(text: str, column: str) -> list[tuple[float, float]]:
    """The values ``column`` may take from the degrees ``text`` writes, each with half the unit of its last
    digit (a second written whole stands for any value within half a second of it). A number with the
    other axis' hemisphere is not one of them; one with none may be either. The hemisphere letters stand
    after the numbers ('34.5 N 37.6 E') unless the first number has one before it ('N 34.5 E 37.6')."""
    found = list(DEGREES.finditer(text))
    letters_first = bool(found) and _HEMISPHERE_BEFORE.search(text[: found[0].start()]) is not None
    values = []
    for match in found:
        beside = (
            _HEMISPHERE_BEFORE.search(text[: match.start()])
            if letters_first
            else _HEMISPHERE_AFTER.match(text[match.end() :])
        )
        hemisphere = beside.group(1) if beside else ""
        if hemisphere and hemisphere not in HEMISPHERES[column]:
            continue
        value, places = _decimal(match["degrees"])
        unit = 10.0**-places
        for part, per_degree in (("minutes", 60), ("seconds", 3600)):
            if match[part]:
                amount, places = _decimal(match[part])
                value += amount / per_degree
                unit = 10.0**-places / per_degree
        negative = bool(match["sign"]) != (hemisphere in ("S", "W"))
        values.append((-value if negative else value, unit / 2))
    return values


def _coordinates_written(frames: Frames) -> list[Problem]:
    """An event's coordinates are those its place source writes: a reference's title or
    ``curator_note`` gives the degrees the curator read at its address. A value typed over, rounded,
    moved to the other hemisphere or swapped with the other axis rests on nothing a reader can check.
    A place source that is archived, or not known, is coordinates_source's and the references' rules'."""
    events, sources = frames["events"], frames["sources"]
    references = first_by_key(sources[(sources["kind"] == "reference").fillna(False).to_numpy(dtype=bool)], "source_id")
    written = (references["title"].fillna("") + " " + references["curator_note"].fillna("")).to_dict()
    problems = []
    for column in HEMISPHERES:
        placed = events[(events[column].notna() & events["place_source_id"].isin(list(written))).to_numpy(bool)]
        # Each reference's degrees are read once, however many events it places.
        read = {source: _degrees_written(written[source], column) for source in set(placed["place_source_id"])}
        for line, value, source in zip(placed.index, placed[column], placed["place_source_id"], strict=True):
            if not any(abs(float(value) - degrees) <= half + 1e-9 for degrees, half in read[source]):
                problems.append(
                    problem(
                        "coordinates_written", "events", int(line), column, str(value), source=source, column=column
                    )
                )
    return problems


# The address of a Wikidata item's page, as a reference row records the item a curator saw.
WIKIDATA_PAGE = r"^https?://(?:www\.|m\.)?wikidata\.org/wiki/(?P<item>Q[1-9][0-9]*)$"


def _wikidata_seen(frames: Frames) -> list[Problem]:
    """An actor's wikidata_id is an item a curator saw, never one filled from memory: a reference
    row records its page (https://www.wikidata.org/wiki/Q...), the public address the project asks
    of every field beyond the seeds, and the actor's curator_note says why it is that actor. A
    reference of the page titled for another actor and not this one ('Wikidata: Israel (Q801)' given
    to Iran) records another entity's item."""
    actors, sources = frames["actors"], frames["sources"]
    references = sources[(sources["kind"] == "reference").fillna(False).to_numpy(dtype=bool)]
    pages = references["url"].str.extract(WIKIDATA_PAGE)["item"]
    titles: dict[str, list[str]] = {}
    for item, title in zip(pages.tolist(), references["title"].tolist(), strict=True):
        if isinstance(item, str):
            titles.setdefault(item, []).append(title if isinstance(title, str) else "")
    names = _actor_spellings(actors)
    problems = []
    for line, actor, item, note in zip(
        actors.index.tolist(),
        actors["actor_id"].tolist(),
        actors["wikidata_id"].tolist(),
        actors["curator_note"].tolist(),
        strict=True,
    ):
        if not isinstance(item, str):
            continue
        seen = item in titles
        titled = not seen or any(_titled_for(title, actor, names) for title in titles[item])
        if not seen or not titled or not isinstance(note, str):
            problems.append(
                problem(
                    "wikidata_seen",
                    "actors",
                    line,
                    "wikidata_id",
                    item,
                    item=item,
                    seen=seen,
                    noted=isinstance(note, str),
                    titled=titled,
                )
            )
    return problems


def _actor_spellings(actors: pd.DataFrame) -> dict[str, re.Pattern[str]]:
    """Each actor's name and aliases as one whole-word, case-blind pattern."""
    spellings: dict[str, re.Pattern[str]] = {}
    for actor, name, aliases in zip(
        actors["actor_id"].tolist(), actors["name"].tolist(), actors["aliases"].tolist(), strict=True
    ):
        words = [name, *(aliases.split(LIST_DELIMITER) if isinstance(aliases, str) else [])]
        written = [re.escape(word) for word in words if isinstance(word, str) and word]
        if isinstance(actor, str) and written:
            spellings[actor] = re.compile(r"\b(?:" + "|".join(written) + r")\b", re.IGNORECASE)
    return spellings


def _titled_for(title: str, actor: str, names: dict[str, re.Pattern[str]]) -> bool:
    """Whether a reference's title may be the actor's page: it names the actor, or names no other."""
    if actor in names and names[actor].search(title):
        return True
    return not any(pattern.search(title) for other, pattern in names.items() if other != actor)


def _seed_number(cells: pd.Series, column: str) -> pa.ChunkedArray:
    """The seed number each cell carries (null where it carries none), found by RE2 in Arrow: a
    million claim IDs cost pandas' str.extract most of a second."""
    return pc.struct_field(pc.extract_regex(arrow_strings(cells), SEED_NUMBERS[column]), "number")


def _seed_numbers(table_name: str, column: str, archive_column: str, frames: Frames) -> list[Problem]:
    """An ID or seed file that carries one seed's number in a row of another seed's archived source:
    a row copied from another seed's block, or a seed file swapped."""
    frame = frames[table_name]
    number, expected = _seed_number(frame[column], column), _seed_number(frame[archive_column], "source_id")
    wrong = pc.invert(pc.fill_null(pc.equal(number, expected), True)).to_numpy(zero_copy_only=False)
    return [
        problem("seed_number", table_name, line, column, value, number=n, source=source, expected=e)
        for (line, value), source, n, e in zip(
            by_line(frame.loc[wrong, column]),
            frame.loc[wrong, archive_column],
            pc.filter(number, pa.array(wrong)).to_pylist(),
            pc.filter(expected, pa.array(wrong)).to_pylist(),
            strict=True,
        )
    ]


# --- the rules, declared with what they read -----------------------------------------------
MODEL_RULES: tuple[Across, ...] = (
    across(
        "attribution_given",
        {"claims", "sources", "actors"},
        _attribution_given,
        columns={
            "actors": {"actor_id"},
            "claims": {"attribution_quote", "claimant_actor_id", "source_id", "stance"},
            "sources": {"publisher_actor_id", "source_id"},
        },
        rows="claims",
    ),
    across(
        "claim_events",
        {"claims"},
        _other_events_distinct,
        columns={"claims": {"event_id", "other_event_ids"}},
        rows="claims",
    ),
    across(
        "own_voice_reports",
        {"claims", "sources", "actors"},
        _own_voice_reports,
        columns={
            "actors": {"actor_id"},
            "claims": {"attribution_quote", "claimant_actor_id", "source_id", "stance"},
            "sources": {"publisher_actor_id", "source_id"},
        },
        rows="claims",
    ),
    across(
        "reports_own_voice",
        {"claims", "sources", "actors"},
        _reports_own_voice,
        columns={
            "actors": {"actor_id"},
            "claims": {"claimant_actor_id", "hedging", "quote", "source_id", "stance"},
            "sources": {"publisher_actor_id", "source_id"},
        },
        rows="claims",
    ),
    across(
        "own_voice_chain",
        {"claims", "sources", "actors"},
        _own_voice_chain,
        columns={
            "actors": {"actor_id"},
            "claims": {"claimant_actor_id", "relayed_via", "source_id"},
            "sources": {"publisher_actor_id", "source_id"},
        },
        rows="claims",
    ),
    across(
        "count_written",
        {"claims", "sources"},
        _counts_written,
        columns={
            "claims": {"predicate", "quote", "source_id", "value", "value_high", "value_low"},
            "sources": {"language", "source_id"},
        },
        rows="claims",
    ),
    across(
        "count_bound",
        {"claims", "sources"},
        _counts_bound,
        columns={
            "claims": {"predicate", "quote", "source_id", "value", "value_high", "value_low"},
            "sources": {"language", "source_id"},
        },
        rows="claims",
    ),
    across(
        "relation_evidence",
        {"actor_relations", "claims", "sources"},
        _relation_evidence,
        columns={
            "actor_relations": {"evidence_claim_id", "quote_end", "quote_start", "source_id"},
            "claims": {"claim_id", "quote_end", "quote_start", "source_id"},
            "sources": {"kind", "source_id"},
        },
    ),
    across(
        "read_in_archive:actor_relations",
        {"actor_relations", "sources"},
        _relation_read_in_archive,
        columns={"actor_relations": {"source_id"}, "sources": {"kind", "source_id"}},
    ),
    across(
        "acknowledged_on_assumed_match",
        {"events", "sources"},
        _acknowledged_on_assumed_match,
        columns={
            "events": {"attribution_source_id", "attribution_status", "identification"},
            "sources": {"kind", "source_id"},
        },
    ),
    across(
        "identification_dated",
        {"events", "sources"},
        _identification_dated,
        columns={"events": {"date_source_id", "identification"}, "sources": {"kind", "source_id"}},
    ),
    across(
        "relay_cited",
        {"claims", "sources"},
        _relays_cited,
        columns={"claims": {"relayed_via", "source_id"}, "sources": {"cites_source_ids", "source_id"}},
        rows="claims",
    ),
    across(
        "relay_order",
        {"claims", "sources"},
        _relays_in_order,
        columns={"claims": {"relayed_via"}, "sources": {"cites_source_ids", "source_id"}},
        rows="claims",
    ),
    across(
        "curated_source",
        {"events", "sources"},
        _curated_field_sources,
        columns={
            "events": {"attribution_source_id", "date_source_id", "place_source_id"},
            "sources": {"kind", "source_id"},
        },
    ),
    across(
        "coordinates_source",
        {"events", "sources"},
        _coordinates_from_a_reference,
        columns={"events": {"latitude", "longitude", "place_source_id"}, "sources": {"kind", "seed_path", "source_id"}},
    ),
    across(
        "coordinates_written",
        {"events", "sources"},
        _coordinates_written,
        columns={
            "events": {"latitude", "longitude", "place_source_id"},
            "sources": {"curator_note", "kind", "source_id", "title"},
        },
    ),
    across(
        "wikidata_seen",
        {"actors", "sources"},
        _wikidata_seen,
        columns={
            "actors": {"actor_id", "aliases", "curator_note", "name", "wikidata_id"},
            "sources": {"kind", "title", "url"},
        },
    ),
    across(
        "archive_about_event",
        {"events", "claims", "sources"},
        _archive_about_event,
        columns={
            "claims": {"event_id", "other_event_ids", "source_id"},
            "events": {"attribution_source_id", "date_source_id", "event_id", "place_source_id"},
            "sources": {"seed_path", "source_id"},
        },
    ),
    across(
        "seed_number:claims",
        {"claims"},
        partial(_seed_numbers, "claims", "claim_id", "source_id"),
        columns={"claims": {"claim_id", "source_id"}},
        rows="claims",
    ),
    across(
        "seed_number:uncovered_sentences",
        {"uncovered_sentences"},
        partial(_seed_numbers, "uncovered_sentences", "uncovered_id", "source_id"),
        columns={"uncovered_sentences": {"source_id", "uncovered_id"}},
    ),
)
