"""Rules across tables: unique keys, references (scalar and list-valued), dates of reports.

All checks are vectorised joins, so they cost the same per row at ten rows or a million.
A rule that needs a table which could not be read is skipped: its file already has a problem.
"""

from __future__ import annotations

import pandas as pd

from syria_strikes.metadata import LIST_DELIMITER, TABLES, Table, table
from syria_strikes.problems import Problem

Frames = dict[str, pd.DataFrame]


def check_relations(frames: Frames) -> list[Problem]:
    problems: list[Problem] = []
    for declared in TABLES:
        if declared.name in frames:
            problems += _unique_key(frames[declared.name], declared)
            problems += _references(frames, declared)
    if {"claims", "sources"} <= frames.keys():
        problems += _claims_read_in_archived_sources(frames)
        problems += _relay_chain_shape(frames["claims"])
        problems += _repeated_claims(frames["claims"])
    if {"claims", "sources", "events"} <= frames.keys():
        problems += _reported_after_event(frames)
    if "actors" in frames:
        problems += _parent_cycles(frames["actors"])
    return problems


def _unique_key(frame: pd.DataFrame, declared: Table) -> list[Problem]:
    """Every column declared unique: the primary key, and columns such as seed_path."""
    problems: list[Problem] = []
    for column in declared.columns:
        if column.unique or column.name == declared.primary_key:
            problems += _unique_column(frame, declared, column.name)
    return problems


def _unique_column(frame: pd.DataFrame, declared: Table, name: str) -> list[Problem]:
    values = frame[name].dropna()
    repeated = values[values.duplicated(keep="first")]
    if repeated.empty:
        return []
    first_line = {value: line for line, value in values[~values.duplicated(keep="first")].items()}
    problems = []
    for line, value in repeated.items():
        first = first_line[value]
        if name != declared.primary_key:
            rule, words = "unique_value", f"repeats the value on line {first}; each {name} belongs to one row only"
        elif frame.loc[line].equals(frame.loc[first]):
            rule, words = "unique_id", f"this whole row repeats line {first}; delete one of the two"
        else:
            rule, words = "unique_id", f"repeats the ID on line {first}; IDs are unique and never reused"
        problems.append(Problem(declared.name, int(line), name, value, rule, words))
    return problems


def _repeated_claims(claims: pd.DataFrame) -> list[Problem]:
    """The same assertion entered twice under two IDs would count one voice twice in every view.

    Rows are compared through a hash first, so a million distinct claims cost one vectorised
    pass; only rows whose hash repeats are compared in full.
    """
    assertion = [name for name in claims.columns if name not in ("claim_id", "curator_note")]
    distinct_ids = claims[~claims["claim_id"].duplicated(keep="first")]
    hashes = pd.util.hash_pandas_object(distinct_ids[assertion], index=False)
    candidates = distinct_ids[hashes.duplicated(keep=False).to_numpy()]
    if candidates.empty:
        return []
    keyed = candidates[assertion].astype("string").fillna("")
    repeated = keyed.duplicated(keep="first")
    first_line = {tuple(row): line for line, row in zip(keyed.index[~repeated],
                                                        keyed[~repeated].itertuples(index=False), strict=True)}
    return [
        Problem("claims", int(line), "claim_id", claims.at[line, "claim_id"], "repeated_claim",
                f"asserts exactly what line {first_line[tuple(row)]} asserts (same event, claimant, source, "
                "predicate, stance, value and quote); delete one of the two")
        for line, row in zip(keyed.index[repeated], keyed[repeated].itertuples(index=False), strict=True)
    ]


def list_items(series: pd.Series) -> pd.Series:
    """One row per item of a '|'-separated list cell, indexed by the cell's line."""
    items = series.dropna().str.split(LIST_DELIMITER).explode()
    return items[items.notna() & (items != "")]


def _references(frames: Frames, declared: Table) -> list[Problem]:
    problems: list[Problem] = []
    frame = frames[declared.name]
    for column in declared.columns:
        if column.references is None or column.references not in frames:
            continue
        target = table(column.references)
        known = pd.Index(frames[target.name][target.primary_key].dropna().unique())
        values = list_items(frame[column.name]) if column.type == "list" else frame[column.name].dropna()
        dangling = values[~values.isin(known)]
        for line, value in dangling.items():
            problems.append(Problem(
                declared.name, int(line), column.name, value, "foreign_key",
                f"is not a {target.primary_key} in {target.path}",
            ))
    return problems


def _claims_read_in_archived_sources(frames: Frames) -> list[Problem]:
    sources = frames["sources"].set_index("source_id")
    archived = sources.index[sources["kind"] == "archived_article"]
    known = sources.index
    claims = frames["claims"]
    wrong = claims["source_id"].isin(known) & ~claims["source_id"].isin(archived)
    return [
        Problem("claims", int(line), "source_id", value, "read_in_archive",
                "is not an archived source; a claim is read in a document that has a seed file")
        for line, value in claims.loc[wrong, "source_id"].items()
    ]


def _relay_chain_shape(claims: pd.DataFrame) -> list[Problem]:
    items = list_items(claims["relayed_via"])
    problems = []
    own = claims.loc[items.index, "source_id"]
    for line, value in items[items.to_numpy() == own.to_numpy()].items():
        problems.append(Problem("claims", int(line), "relayed_via", value, "relay_chain",
                                "lists the claim's own source_id; the chain holds only the sources before it"))
    pairs = items.rename("source").reset_index()
    for line, value in pairs[pairs.duplicated()].itertuples(index=False):
        problems.append(Problem("claims", int(line), "relayed_via", value, "relay_chain",
                                "names the same source twice; each source relays a claim once"))
    return problems


def _reported_after_event(frames: Frames) -> list[Problem]:
    """A report cannot carry a claim about an event that began after the report was published."""
    claims, events, sources = frames["claims"], frames["events"], frames["sources"]
    starts = events.drop_duplicates("event_id").set_index("event_id")["date_start"]
    published = sources.drop_duplicates("source_id").set_index("source_id")["published_end"]
    cited = pd.concat([
        claims["source_id"].dropna().rename("source").to_frame().assign(column="source_id"),
        list_items(claims["relayed_via"]).rename("source").to_frame().assign(column="relayed_via"),
    ])
    cited["event_start"] = claims.loc[cited.index, "event_id"].map(starts).to_numpy()
    cited["published_end"] = cited["source"].map(published)
    early = cited[cited["published_end"] < cited["event_start"]]
    return [
        Problem("claims", int(line), row.column, row.source, "reported_after_event",
                f"source {row.source} was published by {row.published_end:%Y-%m-%d}, before event "
                f"{claims.at[line, 'event_id']} began on {row.event_start:%Y-%m-%d}")
        for line, row in early.iterrows()
    ]


def _parent_cycles(actors: pd.DataFrame) -> list[Problem]:
    parent = dict(zip(actors["actor_id"], actors["parent_actor_id"], strict=True))
    problems = []
    for line, actor in actors["actor_id"].items():
        if parent.get(actor) == actor:
            continue
        seen = {actor}
        current = parent.get(actor)
        while isinstance(current, str) and current in parent:
            if current in seen:
                if current == actor:
                    problems.append(Problem("actors", int(line), "parent_actor_id", parent[actor], "parent_cycle",
                                            "the chain of parent actors loops back to this actor"))
                break
            seen.add(current)
            current = parent.get(current)
    return problems
