"""Rules across tables: unique keys, references (scalar and list-valued), dates of reports.

All checks are vectorised joins (syria_strikes.columnar), so they cost the same per row at ten
rows or a million. A rule that needs a table which could not be read is skipped: its file
already has a problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from difflib import get_close_matches
from functools import partial
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.checks.across import Across, across
from syria_strikes.columnar import (
    arrow_strings,
    by_line,
    duplicated,
    first_by_key,
    first_match_dates,
    is_missing,
    isin,
    list_item_rows,
    list_items,
    one_array,
    repeated_rows,
    text_series,
)
from syria_strikes.intervals import RELATIVE_WORDS, relative_days, time_intervals
from syria_strikes.metadata import (
    ALWAYS_PART_KINDS,
    LIST_DELIMITER,
    PART_OF_KINDS,
    SYMMETRIC_RELATIONS,
    TABLES,
    Table,
    table,
)
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId

Frames = Mapping[str, pd.DataFrame]
# Kinds of actor that report attacks and carry out none.
REPORTING_KINDS = ("media_outlet", "ngo")
# Columns that tell nearly every claim from every other and are quick to compare: a claim that
# repeats another whole repeats these.
QUICK_KEY = ("quote_start", "quote_end", "source_id", "claimant_actor_id", "predicate")


def _unique_keys(frames: Frames, declared: Table) -> list[Problem]:
    return _unique_key(frames[declared.name], declared)


def _unique_key(frame: pd.DataFrame, declared: Table) -> list[Problem]:
    """Every column declared unique: the primary key, and columns such as seed_path. A row that
    repeats several (a second source on one seed repeats its seed_path and its sha256) is reported
    once, at the first of them."""
    problems: list[Problem] = []
    reported: set[int] = set()
    for column in declared.columns:
        if column.unique or column.name == declared.primary_key:
            found = [p for p in _unique_column(frame, declared, column.name) if p.row not in reported]
            reported |= {p.row for p in found if p.row is not None}
            problems += found
    return problems


def _unique_column(frame: pd.DataFrame, declared: Table, name: str) -> list[Problem]:
    values = frame[name].dropna()
    repeated = values[duplicated(values)]
    if repeated.empty:
        return []
    first_line = {value: line for line, value in by_line(values[~duplicated(values)])}
    problems = []
    for line, value in by_line(repeated):
        first = first_line[value]
        if name != declared.primary_key:
            problems.append(problem("unique_value", declared.name, line, name, value, first=first, column=name))
        else:
            whole_row = _row(frame, line).equals(_row(frame, first))
            problems.append(problem("unique_id", declared.name, line, name, value, first=first, whole_row=whole_row))
    return problems


def _row(frame: pd.DataFrame, line: int) -> pd.Series:
    row = frame.loc[line]
    assert isinstance(row, pd.Series)  # the index holds each line once
    return row


def _repeated(frames: Frames, declared: Table) -> list[Problem]:
    """A table other than claims (which has repeated_claim and a quick key of its own) held to repeated_row."""
    frame = frames[declared.name]
    # A row that repeats another's unique value (a second source on one seed) is unique_value's to report.
    unique = [column.name for column in declared.columns if column.unique and column.name != declared.primary_key]
    repeats_a_unique_value = np.zeros(len(frame), dtype=bool)
    for name in unique:
        repeats_a_unique_value |= frame[name].notna().to_numpy() & duplicated(frame[name])
    return _repeated_rows(_pairs_in_one_order(frame[~repeats_a_unique_value]), declared, "repeated_row")


def _pairs_in_one_order(frame: pd.DataFrame) -> pd.DataFrame:
    """An actor relation that holds both ways with its actors in one order (the smaller ID first), so
    that 'Syria allied with Iran' entered beside 'Iran allied with Syria' is one relation twice."""
    if "relation" not in frame.columns:
        return frame
    subject, object_ = frame["subject_actor_id"], frame["object_actor_id"]
    swapped = (frame["relation"].isin(SYMMETRIC_RELATIONS) & (subject > object_)).fillna(False).to_numpy(dtype=bool)
    if not swapped.any():
        return frame
    return frame.assign(
        subject_actor_id=subject.where(~swapped, object_), object_actor_id=object_.where(~swapped, subject)
    )


def _repeated_rows(
    frame: pd.DataFrame, declared: Table, rule_id: RuleId, quick_key: tuple[str, ...] = ()
) -> list[Problem]:
    """A row entered again under a new ID (its curator_note aside) would count one thing twice in
    every view: the same claim's voice, strike, actor, document or relation.

    Only rows that repeat another's ``quick_key`` columns can repeat it whole; only those are compared
    in full (no key: every row is hashed). Free text is compared in one spelling (``_folded``), so a
    row typed again in capitals or with other spacing is the same row.
    """
    key = declared.primary_key
    compared = [name for name in frame.columns if name not in (key, "curator_note")]
    distinct_ids = frame[~duplicated(frame[key])]
    if quick_key:
        distinct_ids = distinct_ids[repeated_rows(distinct_ids[list(quick_key)])]
    # Free text is folded only in rows that repeat another's other columns: only those can repeat it whole.
    fixed = [name for name in compared if name not in _free_text(declared)]
    if fixed:
        distinct_ids = distinct_ids[repeated_rows(distinct_ids[fixed])]
    folded = _folded(distinct_ids[compared], declared)
    hashes = pd.util.hash_pandas_object(folded, index=False)
    candidates = folded[hashes.duplicated(keep=False).to_numpy()]
    if candidates.empty:
        return []
    keyed = candidates.astype("string").fillna("")
    repeated = keyed.duplicated(keep="first")
    first_line = {
        tuple(row): line
        for line, row in zip(keyed.index[~repeated], keyed[~repeated].itertuples(index=False), strict=True)
    }
    return [
        problem(rule_id, declared.name, int(line), key, str(frame.at[line, key]), first=first_line[tuple(row)], key=key)
        for line, row in zip(keyed.index[repeated], keyed[repeated].itertuples(index=False), strict=True)
    ]


# What one claim asserts, but for its stance: the same words of the same claimant about the same value.
ONE_PROPOSITION = (
    *QUICK_KEY,
    "event_id",
    "value",
    "value_low",
    "value_high",
    "value_text",
    "value_actor_id",
    "value_code",
    "unit",
    "victim_status",
    "victim_group",
    "other_event_ids",
)


def _one_stance(claims: pd.DataFrame) -> list[Problem]:
    """The same words (source and offsets) of the same claimant about the same event and value take
    one stance: a copy that denies what its original asserts records both readings of one sentence.
    Each row whose stance differs from the first such row's is reported; a stance already reported
    (blanked) is not judged."""
    # Offsets left empty (or blanked by their own problem) say nothing of which words a claim reads.
    judged = claims[
        (claims["stance"].notna() & claims["quote_start"].notna() & claims["quote_end"].notna()).to_numpy(dtype=bool)
    ]
    judged = judged[repeated_rows(judged[list(QUICK_KEY)])]
    if judged.empty:
        return []
    keys = judged[list(ONE_PROPOSITION)].astype("string").fillna("")
    first: dict[tuple[str, ...], tuple[int, str]] = {}
    problems = []
    for line, key, stance in zip(
        keys.index.tolist(), keys.itertuples(index=False, name=None), judged["stance"].tolist(), strict=True
    ):
        seen = first.setdefault(key, (int(line), stance))
        if seen[1] != stance:
            problems.append(
                problem(
                    "one_stance",
                    "claims",
                    int(line),
                    "stance",
                    stance,
                    stance=stance,
                    first=seen[0],
                    stance_first=seen[1],
                )
            )
    return problems


def _compared(declared: Table) -> set[str]:
    """The columns a repeated row is found by: every one but its note (the key names the rows)."""
    return {column.name for column in declared.columns if column.name != "curator_note"}


def _free_text(declared: Table) -> tuple[str, ...]:
    """The columns of free text: no pattern, vocabulary or reference gives their cells one spelling."""
    return tuple(
        column.name
        for column in declared.columns
        if column.type in ("string", "list")
        and column.pattern is None
        and column.vocabulary is None
        and column.references is None
    )


def _folded(frame: pd.DataFrame, declared: Table) -> pd.DataFrame:
    """``frame`` with its free text (no pattern, vocabulary or reference governs it: names, titles,
    summaries, notes) in one spelling: Unicode NFKC, lower case, each run of white space one space,
    none at the edges. IDs and codes already have one spelling each; free text is kept as written
    (NFD, a double space), so only the comparison folds it."""
    folded = {}
    for name in (name for name in _free_text(declared) if name in frame.columns):
        strings = pc.utf8_lower(pc.utf8_normalize(arrow_strings(frame[name]), "NFKC"))
        folded[name] = text_series(
            pc.utf8_trim_whitespace(pc.replace_substring_regex(strings, r"\s+", " ")), frame.index
        )
    return frame.assign(**folded)


def _references(frames: Frames, declared: Table) -> list[Problem]:
    problems: list[Problem] = []
    frame = frames[declared.name]
    for column in declared.columns:
        if column.references is None or column.references not in frames:
            continue
        target = table(column.references)
        known = frames[target.name][target.primary_key].dropna()
        values = list_items(frame[column.name]) if column.type == "list" else frame[column.name].dropna()
        dangling = values[~isin(values, known)]
        if dangling.empty:
            continue
        suggest = _suggester(known.tolist())
        for line, value in by_line(dangling):
            problems.append(
                problem(
                    "foreign_key",
                    declared.name,
                    int(line),
                    column.name,
                    value,
                    key=target.primary_key,
                    path=target.path,
                    suggestions=suggest(value),
                )
            )
    return problems


SUGGESTED_IDS = 3
SUGGEST_AMONG_AT_MOST = 20_000
SUGGESTIONS_PER_COLUMN = 100


def _suggester(known: list[str]) -> Callable[[str], tuple[str, ...]]:
    """A function giving the nearest existing IDs to an unknown one, from difflib's close matches.

    difflib compares the value with every known ID in Python, so suggestions are made only among
    at most ``SUGGEST_AMONG_AT_MOST`` IDs and for the first ``SUGGESTIONS_PER_COLUMN`` distinct
    values: a typo gets its hint, and a million broken references still cost milliseconds."""
    if len(known) > SUGGEST_AMONG_AT_MOST:
        return lambda value: ()
    cache: dict[str, tuple[str, ...]] = {}

    def suggest(value: str) -> tuple[str, ...]:
        if value not in cache:
            if len(cache) >= SUGGESTIONS_PER_COLUMN:
                return ()
            cache[value] = tuple(get_close_matches(value, known, n=SUGGESTED_IDS, cutoff=0.8))
        return cache[value]

    return suggest


def _claims_read_in_archived_sources(frames: Frames) -> list[Problem]:
    sources = frames["sources"]
    archived = sources.loc[(sources["kind"] == "archived_article").to_numpy(dtype=bool), "source_id"].dropna()
    claims = frames["claims"]
    wrong = isin(claims["source_id"], sources["source_id"].dropna()) & ~isin(claims["source_id"], archived)
    return [
        problem("read_in_archive", "claims", int(line), "source_id", value)
        for line, value in by_line(claims.loc[wrong, "source_id"])
    ]


def _relay_chain_shape(claims: pd.DataFrame) -> list[Problem]:
    rows, items = list_item_rows(claims["relayed_via"])
    codes, sources = pd.factorize(claims["source_id"])
    item_codes = pc.index_in(items, value_set=pa.array(sources, type=pa.large_string())).to_numpy(zero_copy_only=False)
    own_codes = codes[rows]
    lines = claims.index[rows].tolist()
    problems = []
    for k in np.flatnonzero(item_codes == own_codes):
        problems.append(
            problem("relay_chain", "claims", int(lines[k]), "relayed_via", items[int(k)].as_py(), twice=False)
        )
    item_keys = pc.dictionary_encode(items).indices.to_numpy().astype(np.int64)
    pairs = rows.astype(np.int64) * (int(item_keys.max(initial=0)) + 1) + item_keys
    for k in np.flatnonzero(pd.Series(pairs).duplicated().to_numpy()):
        problems.append(
            problem("relay_chain", "claims", int(lines[k]), "relayed_via", items[int(k)].as_py(), twice=True)
        )
    return problems


def _reported_after_event(frames: Frames) -> list[Problem]:
    """A report cannot carry a claim about an event that began after the report was published:
    each document that carries the claim (its own, and each that relayed it) is held against each
    event the claim is about (its own, and each of ``other_event_ids``)."""
    claims, events, sources = frames["claims"], frames["events"], frames["sources"]
    read_in = claims["source_id"].notna().to_numpy()
    relayed_rows, relayed = list_item_rows(claims["relayed_via"])
    cited_source = pa.concat_arrays([one_array(arrow_strings(claims["source_id"][read_in])), relayed])
    cited_row = np.concatenate([np.flatnonzero(read_in), relayed_rows])
    published_end = first_match_dates(cited_source, sources, "source_id", "published_end")
    event_start = first_match_dates(arrow_strings(claims["event_id"]), events, "event_id", "date_start")[cited_row]
    own = int(read_in.sum())
    problems = []
    for k in np.flatnonzero(published_end < event_start):
        line, source = claims.index[cited_row[k]], cited_source[int(k)].as_py()
        problems.append(
            problem(
                "reported_after_event",
                "claims",
                int(line),
                "source_id" if k < own else "relayed_via",
                source,
                source=source,
                published=pd.Timestamp(published_end[k]),
                event=claims["event_id"].iat[cited_row[k]],
                began=pd.Timestamp(event_start[k]),
            )
        )
    other_rows, others = list_item_rows(claims["other_event_ids"])
    # The claim's own event again, or a further event named twice, is claim_events' fault, reported
    # once there: judged here it would repeat the report made for the own event or for itself.
    own = one_array(arrow_strings(claims["event_id"])).take(pa.array(other_rows, type=pa.int64()))
    repeated = pd.DataFrame({"row": other_rows, "item": others.to_numpy(zero_copy_only=False)}).duplicated().to_numpy()
    keep = ~repeated & ~pc.fill_null(pc.equal(others, own), False).to_numpy(zero_copy_only=False)
    other_rows, others = other_rows[keep], others.filter(pa.array(keep))
    if len(others) == 0:
        return problems
    other_start = first_match_dates(others, events, "event_id", "date_start")
    # Each further event of a claim against each document carrying that claim: few claims have both.
    pairs = pd.DataFrame({"row": other_rows, "other": np.arange(len(others))}).merge(
        pd.DataFrame({"row": cited_row, "cited": np.arange(len(cited_row))}), on="row"
    )
    other, cited = pairs["other"].to_numpy(), pairs["cited"].to_numpy()
    early = published_end[cited] < other_start[other]
    for j, k in zip(other[early], cited[early], strict=True):
        event, source = others[int(j)].as_py(), cited_source[int(k)].as_py()
        problems.append(
            problem(
                "reported_after_event",
                "claims",
                int(claims.index[cited_row[k]]),
                "other_event_ids",
                event,
                source=source,
                published=pd.Timestamp(published_end[k]),
                event=event,
                began=pd.Timestamp(other_start[j]),
            )
        )
    return problems


def _curated_before_event(frames: Frames) -> list[Problem]:
    """An event's date or attribution cannot rest on a document published before the event began.
    Its place may: a reference on an airbase predates any strike on it."""
    events, sources = frames["events"], frames["sources"]
    began = events["date_start"].to_numpy(dtype="datetime64[s]")
    problems = []
    for column in ("date_source_id", "attribution_source_id"):
        cited = arrow_strings(events[column])
        published_end = first_match_dates(cited, sources, "source_id", "published_end")
        for k in map(int, np.flatnonzero(published_end < began)):
            source = cited[k].as_py()
            problems.append(
                problem(
                    "reported_after_event",
                    "events",
                    int(events.index[k]),
                    column,
                    source,
                    source=source,
                    published=pd.Timestamp(published_end[k]),
                    event=_event_name(events, k),
                    began=pd.Timestamp(began[k]),
                )
            )
    return problems


def _time_after_report(frames: Frames) -> list[Problem]:
    """A time claim's interval cannot start after the document that carries it was published: 'on
    Tuesday' in a Wednesday's article is the day before, not the Tuesday after. One that starts by then
    but ends after it is warned of (time_ends_after_report): a week widened past the document's day.
    An interval not of its form or order (``time_interval`` reports that) is not judged; an open start
    ('..') is judged by its end alone."""
    claims, sources = frames["claims"], frames["sources"]
    timed = claims[(claims["predicate"].astype("string") == "time").fillna(False).to_numpy(dtype=bool)]
    interval = time_intervals(timed["value_text"])
    start, end = interval.start, interval.end
    published_end = first_match_dates(arrow_strings(timed["source_id"]), sources, "source_id", "published_end")
    ordered = interval.ordered.to_numpy(dtype=bool)  # out of order: time_interval's
    began = start.where(ordered).to_numpy(dtype="datetime64[s]")
    ended = end.where(ordered).to_numpy(dtype="datetime64[s]")
    late = began > published_end
    # A whole month ('in April', given as 2012-04-01/2012-04-30) may end after its document, as an event
    # dated to the month may (ended_by_reports): the words name the month, not its last day.
    whole_month = (
        start.dt.is_month_start
        & end.dt.is_month_end
        & (start.dt.year == end.dt.year)
        & (start.dt.month == end.dt.month)
    ).to_numpy(dtype=bool)
    ended = np.where(whole_month, np.datetime64("NaT", "s"), ended)
    return [
        problem(
            "time_after_report" if late[k] else "time_ends_after_report",
            "claims",
            int(timed.index[k]),
            "value_text",
            str(timed["value_text"].iat[k]),
            **({"start": pd.Timestamp(began[k])} if late[k] else {"end": pd.Timestamp(ended[k])}),
            source=timed["source_id"].iat[k],
            published=pd.Timestamp(published_end[k]),
        )
        for k in map(int, np.flatnonzero(late | (ended > published_end)))
    ]


def _time_relative(frames: Frames) -> list[Problem]:
    """A time claim whose quote is only a relative time word ('on Tuesday', 'this week', 'last month')
    gives the days that word gives in its document, dated to one day: 'this week' given as the week
    before, or 'on Tuesday' widened to seven days, passed. Only such quotes are read, found in Arrow."""
    claims, sources = frames["claims"], frames["sources"]
    timed = claims[(claims["predicate"].astype("string") == "time").fillna(False).to_numpy(dtype=bool)]
    worded = pc.fill_null(
        pc.match_substring_regex(arrow_strings(timed["quote"]), f"^\\s*(?:{RELATIVE_WORDS})\\s*$", ignore_case=True),
        False,
    ).to_numpy(zero_copy_only=False)
    timed = timed[worded]
    if timed.empty:
        return []
    interval = time_intervals(timed["value_text"])
    keys = arrow_strings(timed["source_id"])
    first = first_match_dates(keys, sources, "source_id", "published_start")
    last = first_match_dates(keys, sources, "source_id", "published_end")
    starts = interval.start.to_numpy(dtype="datetime64[D]")
    ends = interval.end.to_numpy(dtype="datetime64[D]")
    problems = []
    for k in map(int, np.flatnonzero(interval.ordered.to_numpy(dtype=bool) & (first == last))):
        published = pd.Timestamp(last[k]).date()
        days = relative_days(str(timed["quote"].iat[k]), published)
        if days is None:
            continue
        opened = days[0] is None  # 'in the past': the interval is open before ('..')
        kept_start = bool(np.isnat(starts[k])) if opened else bool(starts[k] == np.datetime64(days[0], "D"))
        if not kept_start or ends[k] != np.datetime64(days[1], "D"):
            problems.append(
                problem(
                    "time_relative",
                    "claims",
                    int(timed.index[k]),
                    "value_text",
                    str(timed["value_text"].iat[k]),
                    quote=str(timed["quote"].iat[k]).strip(),
                    first=days[0],
                    last=days[1],
                    source=timed["source_id"].iat[k],
                    published=published,
                )
            )
    return problems


def _attributed_kind(frames: Frames) -> list[Problem]:
    """An event's perpetrator is not a media outlet or an NGO: such an actor is the one who made the
    attribution, a claimant, mistaken for the one it names."""
    events, actors = frames["events"], frames["actors"]
    unique = first_by_key(actors, "actor_id")
    # A kind left empty, or blanked for failing its own rules, is no kind: NA compared is neither.
    kinds = {
        actor: kind
        for actor, kind in zip(unique.index.tolist(), unique["kind"].tolist(), strict=True)
        if isinstance(kind, str)
    }
    return [
        problem("attributed_kind", "events", line, "attributed_actor_id", actor, actor=actor, kind=kinds[actor])
        for line, actor in by_line(events["attributed_actor_id"].dropna())
        if kinds.get(actor) in REPORTING_KINDS
    ]


def _reference_cited(frames: Frames) -> list[Problem]:
    """A claim's chain and a document's citations name reports the document names; a reference row
    is a curator's outside source for an event field, which no document relays or cites."""
    sources = frames["sources"]
    kinds = sources["kind"].astype("string")
    references = pa.array(sources["source_id"][(kinds == "reference").fillna(False).to_numpy(dtype=bool)].dropna())
    problems = []
    for name, column in (("claims", "relayed_via"), ("sources", "cites_source_ids")):
        frame = frames[name]
        rows, items = list_item_rows(frame[column])
        hit = pc.is_in(items, value_set=references).to_numpy(zero_copy_only=False)
        for row, item in zip(rows[hit], items.filter(pa.array(hit)).to_pylist(), strict=True):
            problems.append(problem("reference_cited", name, int(frame.index[row]), column, item, source=item))
    return problems


def _uncited_reports(frames: Frames) -> list[Problem]:
    """A report (a source neither archived nor a reference) is cited by some source: it is known only
    from the document that names it, so one no row cites rests on nothing, and a citation dropped from a
    document passed. A row whose kind or ID failed its cell rules is theirs to report."""
    sources = frames["sources"]
    kinds = sources["kind"].astype("string")
    reports = sources[
        (kinds.notna() & ~kinds.isin(["archived_article", "reference"])).fillna(False).to_numpy(dtype=bool)
        & sources["source_id"].notna().to_numpy(dtype=bool)
    ]
    cited = set(list_item_rows(sources["cites_source_ids"])[1].to_pylist())
    return [
        problem("report_cited", "sources", line, "source_id", source, source=source)
        for line, source in by_line(reports["source_id"])
        if source not in cited
    ]


def _relations_reversed(relations: pd.DataFrame) -> list[Problem]:
    """The same words (source and offsets) give a relation that is not symmetric one direction: a copy
    with subject and object swapped ('Iran backed by Syria' beside 'Syria backed by Iran') says both.
    The later row is reported; rows with a cell left empty (or already reported) are not judged."""
    columns = ["source_id", "quote_start", "quote_end", "relation", "subject_actor_id", "object_actor_id"]
    first: dict[tuple[object, ...], int] = {}
    problems = []
    rows = relations[columns].dropna()
    for line, *cells in zip(rows.index.tolist(), *(rows[column].tolist() for column in columns), strict=True):
        source, start, end, relation, subject, object_ = cells
        if relation in SYMMETRIC_RELATIONS or subject == object_:
            continue
        swapped = first.get((source, start, end, relation, object_, subject))
        if swapped is not None:
            problems.append(
                problem("relation_reversed", "actor_relations", int(line), "subject_actor_id", subject, first=swapped)
            )
        first.setdefault((source, start, end, relation, subject, object_), int(line))
    return problems


def _urls_repeated(frames: Frames) -> list[Problem]:
    """Two sources at one address written two ways ('http://' and 'https://', a host in capitals, a
    trailing slash, 'utm_' tracking parameters) are one document entered twice; the url column's own
    uniqueness sees only the same text. A fragment ('#update-3') keeps two entries of one page apart."""
    sources = frames["sources"]
    first: dict[str, int] = {}
    problems = []
    for line, url in by_line(sources["url"].dropna()):
        key = _address(str(url))
        if key in first and first[key] != line:
            problems.append(problem("url_repeated", "sources", line, "url", url, first=first[key]))
        first.setdefault(key, line)
    return problems


def _address(url: str) -> str:
    """The document an address names: scheme-blind, the host in small letters, without a trailing
    slash or tracking parameters."""
    parts = urlsplit(url)
    query = urlencode(
        [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not key.startswith("utm_")]
    )
    return f"{parts.netloc.lower()}{parts.path.rstrip('/')}?{query}#{parts.fragment}"


def _unclaimed_events(frames: Frames) -> list[Problem]:
    """An event groups what documents say: one that no claim is about rests on no document's words."""
    claims, events = frames["claims"], frames["events"]
    claimed = pa.concat_arrays(
        [one_array(arrow_strings(claims["event_id"].dropna())), list_item_rows(claims["other_event_ids"])[1]]
    )
    ids = events["event_id"].dropna()
    alone = pc.invert(pc.is_in(one_array(arrow_strings(ids)), value_set=claimed)).to_numpy(zero_copy_only=False)
    return [problem("event_claimed", "events", line, "event_id", event) for line, event in by_line(ids[alone])]


def _event_name(events: pd.DataFrame, position: int) -> str:
    """The event's ID, or its line when the ID cell is empty (its own rule reports that)."""
    event_id = events["event_id"].iat[position]
    return f"on line {int(events.index[position])}" if is_missing(event_id) else str(event_id)


def _declared_twice(uncovered: pd.DataFrame) -> list[Problem]:
    """A sentence (a source's offsets) declared uncovered by a later row again: one sentence, one
    reason. Rows missing a part of the span are not judged (the cell rules report them)."""
    span = ["source_id", "sentence_start", "sentence_end"]
    known = uncovered.dropna(subset=span)
    again = known.duplicated(subset=span, keep="first").to_numpy(dtype=bool)
    if not again.any():
        return []
    first_line = {
        tuple(row): int(line)
        for line, row in zip(known.index[~again], known.loc[~again, span].itertuples(index=False), strict=True)
    }
    return [
        problem(
            "sentence_declared_once",
            "uncovered_sentences",
            int(line),
            "uncovered_id",
            str(known.at[line, "uncovered_id"]),
            first=first_line[tuple(row)],
        )
        for line, row in zip(known.index[again], known.loc[again, span].itertuples(index=False), strict=True)
    ]


def _cites_itself(sources: pd.DataFrame) -> list[Problem]:
    """A source whose cites_source_ids names its own row: a document does not cite itself."""
    rows, cited = list_item_rows(sources["cites_source_ids"])
    own = one_array(arrow_strings(sources["source_id"])).take(pa.array(rows, type=pa.int64()))
    same = pc.fill_null(pc.equal(cited, own), False).to_numpy(zero_copy_only=False)
    return [
        problem("cites_self", "sources", int(sources.index[rows[k]]), "cites_source_ids", cited[int(k)].as_py())
        for k in np.flatnonzero(same)
    ]


def _citation_loops(sources: pd.DataFrame) -> list[Problem]:
    """A source on a loop of citations of two or more sources (one citing itself is cites_self's),
    reported once, at the first citation that stays on its loop. The loops are the strongly connected
    components of the citations (Tarjan's algorithm, without recursion), so the work is linear."""
    known = sources.drop_duplicates("source_id").dropna(subset=["source_id"])
    cites: dict[str, list[str]] = {}
    for source, listed in zip(known["source_id"], known["cites_source_ids"], strict=True):
        if isinstance(listed, str):
            cites[str(source)] = [item for item in listed.split(LIST_DELIMITER) if item and item != source]
    component = _strong_components(cites)
    problems = []
    for line, source, listed in zip(sources.index, sources["source_id"], sources["cites_source_ids"], strict=True):
        if not isinstance(listed, str) or source not in component:
            continue
        looped = [
            item for item in listed.split(LIST_DELIMITER) if item != source and component.get(item) == component[source]
        ]
        if looped:
            problems.append(
                problem("cites_cycle", "sources", int(line), "cites_source_ids", looped[0], cited=looped[0])
            )
    return problems


def _strong_components(edges: dict[str, list[str]]) -> dict[str, int]:
    """The component of each node that lies on a loop of two or more (Tarjan's algorithm, walked
    with a stack of its own, so a chain of 40,000 citations needs no recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: dict[str, int] = {}
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, next_edge = work.pop()
            if next_edge == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            for k in range(next_edge, len(targets)):
                target = targets[k]
                if target not in index:
                    work.append((node, k + 1))
                    work.append((target, 0))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        found.update(dict.fromkeys(members, len(found)))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return found


def _cited_after_citing(frames: Frames) -> list[Problem]:
    """A document cites (cites_source_ids) or relays (a claim's relayed_via) only reports published
    before it: one first published after the citing document's latest day is a wrong reference, and
    one whose interval runs past that day (cited_ends_later) is not cut where the citation ends it."""
    sources = frames["sources"]
    listings = [("sources", sources, "cites_source_ids", "source_id")]
    if "claims" in frames:
        listings.append(("claims", frames["claims"], "relayed_via", "source_id"))
    problems = []
    for table_name, frame, column, citing_column in listings:
        rows, cited = list_item_rows(frame[column])
        citing = one_array(arrow_strings(frame[citing_column])).take(pa.array(rows, type=pa.int64()))
        citing_end = first_match_dates(citing, sources, "source_id", "published_end")
        cited_start = first_match_dates(cited, sources, "source_id", "published_start")
        cited_end = first_match_dates(cited, sources, "source_id", "published_end")
        # The report's first day after the citing document's last is cited_after_citing; only its last
        # day after it, cited_ends_later: each report is judged by one of the two.
        starts_after = cited_start > citing_end
        judged: tuple[tuple[RuleId, np.ndarray, str, np.ndarray], ...] = (
            ("cited_after_citing", cited_start, "cited_start", starts_after),
            ("cited_ends_later", cited_end, "cited_end", (cited_end > citing_end) & ~starts_after),
        )
        for rule_id, cited_day, name, wrong in judged:
            for k in np.flatnonzero(wrong):
                context = {name: pd.Timestamp(cited_day[k]), "citing_end": pd.Timestamp(citing_end[k])}
                problems.append(
                    problem(
                        rule_id,
                        table_name,
                        int(frame.index[rows[k]]),
                        column,
                        cited[int(k)].as_py(),
                        cited=cited[int(k)].as_py(),
                        citing=citing[int(k)].as_py(),
                        **context,
                    )
                )
    return problems


def _parent_cycles(actors: pd.DataFrame) -> list[Problem]:
    parent = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
    looped = _on_loops({actor: up for actor, up in parent.items() if isinstance(up, str) and up in parent})
    return [
        problem("parent_cycle", "actors", int(line), "parent_actor_id", parent[actor])
        for line, actor in by_line(actors["actor_id"])
        if actor in looped
    ]


def _against_parent(
    actors: pd.DataFrame,
    column: str,
    rule_id: RuleId,
    wrong: Callable[[object, object], bool],
) -> list[Problem]:
    """Each actor whose ``column`` and its parent's are a pair ``wrong`` refuses, worded with the
    parent and both values: the actor's under the column's name, the parent's under the rule's."""
    unique = first_by_key(actors, "actor_id")
    value_of = dict(zip(unique.index.tolist(), unique[column].tolist(), strict=True))
    return [
        problem(
            rule_id,
            "actors",
            int(line),
            "parent_actor_id",
            parent,
            parent=parent,
            **{column: own, rule_id: value_of[parent]},
        )
        for line, parent, own in zip(
            actors.index.tolist(), actors["parent_actor_id"].tolist(), actors[column].tolist(), strict=True
        )
        if isinstance(parent, str) and parent in value_of and wrong(own, value_of[parent])
    ]


def _other_countries(own: object, parents: object) -> bool:
    """A part has its whole's country: the air force of one state is not part of another state (an
    actor or a parent without a country is not judged)."""
    return isinstance(own, str) and isinstance(parents, str) and own != parents


def _impossible_kinds(own: object, parents: object) -> bool:
    """'Is part of' has two ends it cannot have: a state is part of no actor, and no actor is part of
    a person. A kind swapped for another valid one (the air force made a state) passes every cell rule."""
    return own == "state" or parents == "person"


def _one_state_per_country(actors: pd.DataFrame) -> list[Problem]:
    """A sovereign state is one actor, the state as a whole: a second of kind ``state`` for the same
    country is a person, body or force recoded as the state (a kind swapped for another valid one,
    which passed every other rule). The first in the file is taken as the state."""
    problems = []
    states: dict[str, str] = {}
    for line, actor_id, kind, country in zip(
        actors.index.tolist(),
        actors["actor_id"].tolist(),
        actors["kind"].tolist(),
        actors["country"].tolist(),
        strict=True,
    ):
        if kind != "state" or not isinstance(country, str):
            continue
        if country not in states:
            states[country] = actor_id
            continue
        problems.append(
            problem("state_per_country", "actors", int(line), "kind", kind, country=country, state=states[country])
        )
    return problems


def _parts_of_their_whole(actors: pd.DataFrame) -> list[Problem]:
    """Armed forces, units and government bodies are parts (metadata.PART_OF_KINDS): each names a parent
    of a kind it can be part of, and armed forces and a unit name one (ALWAYS_PART_KINDS). A kind swapped
    for another valid one (an armed group made armed forces, a person made a unit, a unit moved under a
    person or an outlet) passed every other rule. A parent that is no actor, or of no kind, is another
    rule's."""
    unique = first_by_key(actors, "actor_id")
    kinds = dict(zip(unique.index.tolist(), unique["kind"].tolist(), strict=True))
    problems = []
    for line, kind, parent in zip(
        actors.index.tolist(), actors["kind"].tolist(), actors["parent_actor_id"].tolist(), strict=True
    ):
        wholes = PART_OF_KINDS.get(kind) if isinstance(kind, str) else None
        if wholes is None:
            continue
        if not isinstance(parent, str):
            if kind in ALWAYS_PART_KINDS:
                problems.append(problem("part_without_whole", "actors", int(line), "parent_actor_id", None, kind=kind))
        elif isinstance(kinds.get(parent), str) and kinds[parent] not in wholes:
            problems.append(
                problem(
                    "parent_fits_kind",
                    "actors",
                    int(line),
                    "parent_actor_id",
                    parent,
                    kind=kind,
                    parent=parent,
                    parent_kind=kinds[parent],
                )
            )
    return problems


def _on_loops(parent: dict[str, str]) -> set[str]:
    """Every actor on a loop of two or more parents (an actor that is its own parent is another
    rule's). Each actor is walked once, so a chain 40,000 parents deep costs 40,000 steps, not
    40,000 squared as walking up from every actor would."""
    walked: dict[str, bool] = {}  # False while on the current walk, True once finished
    looped: set[str] = set()
    for start in parent:
        path = []
        actor: str | None = start
        while actor is not None and actor not in walked:
            walked[actor] = False
            path.append(actor)
            actor = parent.get(actor)
        if actor is not None and walked[actor] is False:  # the walk met itself: a loop starts at actor
            loop = path[path.index(actor) :]
            if len(loop) > 1:
                looped.update(loop)
        walked.update(dict.fromkeys(path, True))
    return looped


# --- the rules, declared with what they read -----------------------------------------------
def _referenced(declared: Table) -> set[str]:
    return {column.references for column in declared.columns if column.references is not None}


# An ID as prose writes it: a table's prefix and hyphenated parts, not inside a longer word nor a
# web address ('example.org/act-of-war').
_WRITTEN_ID = re.compile(r"(?<![\w/.=#?&%-])([a-z]{3})-[a-z0-9]+(?:-[a-z0-9]+)*")


def _id_prefixes() -> dict[str, Table]:
    """The table each ID prefix ('clm', 'evt') names, read from the primary keys' patterns."""
    prefixes = {}
    for declared in TABLES:
        pattern = declared.column(declared.primary_key).pattern or ""
        found = re.match(r"\^([a-z]{3})-", pattern)
        if found:
            prefixes[found.group(1)] = declared
    return prefixes


def _note_columns(declared: Table) -> set[str]:
    return {column.name for column in declared.columns if column.name.endswith("note")}


def _note_ids(frames: Frames) -> list[Problem]:
    """Each ID a note writes names a row: a note that explains or compares with a row outlives it
    when the row is deleted or renamed ('clm-002-028 disputes it'). An ID run on into more words
    ('evt-2020-01-10-x-based') counts when a row has the ID it starts with; a word with no part in
    digits ('act-of-war', and so most actor IDs) is not judged, nor an ID inside a web address."""
    prefixes = _id_prefixes()
    # (table, line, column, the ID as written, the table it names, the IDs it may mean)
    written: list[tuple[str, int, str, str, Table, list[str]]] = []
    for declared in TABLES:
        if declared.name not in frames:
            continue
        frame = frames[declared.name]
        for name in sorted(_note_columns(declared)):
            notes = frame[name].dropna()
            # Arrow finds the notes that may write an ID at all (a prefix, a hyphen, a digit after it).
            maybe = pc.match_substring_regex(arrow_strings(notes), r"[a-z]{3}-[a-z0-9-]*[0-9]")
            for line, note in by_line(notes[maybe.to_numpy(zero_copy_only=False)]):
                for found in _WRITTEN_ID.finditer(str(note)):
                    target = prefixes.get(found.group(1))
                    parts = found.group().split("-")
                    # Only what holds a digit is surely an ID: 'act-of-war' is English.
                    if target is None or target.name not in frames or not any(part.isdigit() for part in parts[1:]):
                        continue
                    meant = ["-".join(parts[:end]) for end in range(len(parts), 1, -1)]
                    written.append((declared.name, line, name, found.group(), target, meant))
    known = _known_ids(frames, written)
    return [
        problem("note_id_exists", table_name, line, name, text, value=text, table=target.name)
        for table_name, line, name, text, target, meant in written
        if not any(candidate in known[target.name] for candidate in meant)
    ]


def _known_ids(frames: Frames, written: list[tuple[str, int, str, str, Table, list[str]]]) -> dict[str, set[str]]:
    """Of the IDs the notes may mean, those each table holds: its keys are looked through once by
    Arrow, instead of a set of a million claim IDs being built for a few notes."""
    asked: dict[str, set[str]] = {}
    for *_, target, meant in written:
        asked.setdefault(target.name, set()).update(meant)
    known: dict[str, set[str]] = {}
    for name, candidates in asked.items():
        declared = table(name)
        keys = arrow_strings(frames[name][declared.primary_key].dropna())
        held = keys.filter(pc.is_in(keys, value_set=pa.array(sorted(candidates), type=keys.type)))
        known[name] = set(held.to_pylist())
    return known


def _note_id_columns() -> dict[str, set[str]]:
    """The columns note_id_exists reads: every table's key and notes."""
    return {declared.name: {declared.primary_key, *_note_columns(declared)} for declared in TABLES}


def _reference_columns(declared: Table) -> dict[str, set[str]]:
    """The columns references reads: the table's referencing columns, each referenced table's key."""
    columns: dict[str, set[str]] = {declared.name: set()}
    for column in declared.columns:
        if column.references is not None:
            columns[declared.name].add(column.name)
            columns.setdefault(column.references, set()).add(table(column.references).primary_key)
    return {name: names for name, names in columns.items() if names}


RELATION_RULES: tuple[Across, ...] = (
    *(
        rule
        for declared in TABLES
        for rule in (
            # Read whole: a repeated ID's words say whether its whole row repeats another.
            across(f"unique_key:{declared.name}", {declared.name}, partial(_unique_keys, declared=declared)),
            across(
                f"references:{declared.name}",
                {declared.name, *_referenced(declared)},
                partial(_references, declared=declared),
                needs={declared.name},
                columns=_reference_columns(declared),
            ),
        )
    ),
    # Claims are compared once sources could be read too, as repeated_claims below.
    *(
        across(
            f"repeated_rows:{declared.name}",
            {declared.name},
            partial(_repeated, declared=declared),
            columns={declared.name: _compared(declared)},
        )
        for declared in TABLES
        if declared.name != "claims"
    ),
    # Every table's notes, judged with whatever tables could be read.
    across(
        "note_ids",
        {declared.name for declared in TABLES},
        _note_ids,
        needs=set(),
        columns=_note_id_columns(),
    ),
    across(
        "read_in_archive:claims",
        {"claims", "sources"},
        _claims_read_in_archived_sources,
        columns={"claims": {"source_id"}, "sources": {"kind", "source_id"}},
        rows="claims",
    ),
    # Declared as they ran before: only once sources could be read too.
    across(
        "relay_chain",
        {"claims"},
        lambda f: _relay_chain_shape(f["claims"]),
        needs={"claims", "sources"},
        columns={"claims": {"relayed_via", "source_id"}},
        rows="claims",
    ),
    across(
        "repeated_claims",
        {"claims"},
        lambda f: _repeated_rows(f["claims"], table("claims"), "repeated_claim", QUICK_KEY),
        needs={"claims", "sources"},
        columns={"claims": _compared(table("claims"))},
    ),
    across(
        "one_stance",
        {"claims"},
        lambda f: _one_stance(f["claims"]),
        columns={"claims": {*QUICK_KEY, *ONE_PROPOSITION, "stance"}},
    ),
    across(
        "reported_after_event",
        {"claims", "sources", "events"},
        _reported_after_event,
        columns={
            "claims": {"event_id", "other_event_ids", "relayed_via", "source_id"},
            "events": {"date_start", "event_id"},
            "sources": {"published_end", "source_id"},
        },
        rows="claims",
    ),
    across(
        "reported_after_event:events",
        {"events", "sources"},
        _curated_before_event,
        columns={
            "events": {"attribution_source_id", "date_source_id", "date_start", "event_id"},
            "sources": {"published_end", "source_id"},
        },
    ),
    across(
        "time_after_report",
        {"claims", "sources"},
        _time_after_report,
        columns={"claims": {"predicate", "source_id", "value_text"}, "sources": {"published_end", "source_id"}},
        rows="claims",
    ),
    across(
        "time_relative",
        {"claims", "sources"},
        _time_relative,
        columns={
            "claims": {"predicate", "quote", "source_id", "value_text"},
            "sources": {"published_end", "published_start", "source_id"},
        },
        rows="claims",
    ),
    across(
        "attributed_kind",
        {"events", "actors"},
        _attributed_kind,
        columns={"actors": {"actor_id", "kind"}, "events": {"attributed_actor_id"}},
    ),
    across(
        "reference_cited",
        {"claims", "sources"},
        _reference_cited,
        columns={"claims": {"relayed_via"}, "sources": {"cites_source_ids", "kind", "source_id"}},
    ),
    across(
        "event_claimed",
        {"claims", "events"},
        _unclaimed_events,
        columns={"claims": {"event_id", "other_event_ids"}, "events": {"event_id"}},
    ),
    across(
        "report_cited", {"sources"}, _uncited_reports, columns={"sources": {"cites_source_ids", "kind", "source_id"}}
    ),
    across("url_repeated", {"sources"}, _urls_repeated, columns={"sources": {"url"}}),
    across(
        "relation_reversed",
        {"actor_relations"},
        lambda f: _relations_reversed(f["actor_relations"]),
        columns={
            "actor_relations": {
                "object_actor_id",
                "quote_end",
                "quote_start",
                "relation",
                "source_id",
                "subject_actor_id",
            }
        },
    ),
    across(
        "sentence_declared_once",
        {"uncovered_sentences"},
        lambda f: _declared_twice(f["uncovered_sentences"]),
        columns={"uncovered_sentences": {"sentence_end", "sentence_start", "source_id", "uncovered_id"}},
    ),
    across(
        "cited_after_citing",
        {"sources", "claims"},
        _cited_after_citing,
        needs={"sources"},
        columns={
            "claims": {"relayed_via", "source_id"},
            "sources": {"cites_source_ids", "published_end", "published_start", "source_id"},
        },
    ),
    across(
        "cites_self",
        {"sources"},
        lambda f: _cites_itself(f["sources"]),
        columns={"sources": {"cites_source_ids", "source_id"}},
    ),
    across(
        "cites_cycle",
        {"sources"},
        lambda f: _citation_loops(f["sources"]),
        columns={"sources": {"cites_source_ids", "source_id"}},
    ),
    across(
        "parent_cycles",
        {"actors"},
        lambda f: _parent_cycles(f["actors"]),
        columns={"actors": {"actor_id", "parent_actor_id"}},
    ),
    across(
        "parent_country",
        {"actors"},
        lambda f: _against_parent(f["actors"], "country", "parent_country", _other_countries),
        columns={"actors": {"actor_id", "country", "parent_actor_id"}},
    ),
    across(
        "parent_kind",
        {"actors"},
        lambda f: _against_parent(f["actors"], "kind", "parent_kind", _impossible_kinds),
        columns={"actors": {"actor_id", "kind", "parent_actor_id"}},
    ),
    across(
        "state_per_country",
        {"actors"},
        lambda f: _one_state_per_country(f["actors"]),
        columns={"actors": {"actor_id", "country", "kind"}},
    ),
    across(
        "parent_fits_kind",
        {"actors"},
        lambda f: _parts_of_their_whole(f["actors"]),
        columns={"actors": {"actor_id", "kind", "parent_actor_id"}},
    ),
)
