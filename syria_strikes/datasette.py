"""What Datasette users expect of the release's SQLite: full-text search, readable views, facets.

The tables keep their IDs, keys and CHECK constraints (``syria_strikes.sqlite``); this module adds,
after the rows are in, FTS5 indexes over the free text, views that show names instead of IDs,
and the Datasette metadata that declares them, so ``?_search=`` works on the tables and on the
claims view and every foreign key shows a label. FTS5 tables use the tables (or the view) as
external content, so the text is stored once; they are filled in table order, so the file stays
byte-reproducible. The release is read-only, so no triggers keep the indexes in step with edits.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

SEARCHED = {
    "actors": ("name", "aliases", "curator_note"),
    "sources": ("title", "curator_note"),
    "events": (
        "summary",
        "place_name",
        "place_aliases",
        "date_note",
        "identification_note",
        "place_note",
        "curator_note",
    ),
    "actor_relations": ("quote", "curator_note"),
}
# The claims' index is built from the view, so that a claim is found by its claimant's, place's and
# source's names as well as its words; the view's rowid is the claim's, so the one index serves
# ``claims`` and ``claims_named`` alike. Relay titles are left out: they cost more than the rest.
CLAIMS_SEARCHED = (
    "quote",
    "claimant",
    "place",
    "source",
    "value_text",
    "victim_group",
    "attribution_quote",
    "hedging",
    "curator_note",
)
CACHE_KIB = 131072
FACETS = {
    "actors": ("kind", "country"),
    "sources": ("kind", "language"),
    "events": (
        "category",
        "event_type",
        "record_kind",
        "identification",
        "attribution_status",
        "place_precision",
        "date_precision",
    ),
    "claims": ("predicate", "stance", "claimant_actor_id", "event_id", "victim_status"),
    "actor_relations": ("relation", "subject_actor_id", "object_actor_id"),
    "claims_named": ("predicate", "stance", "claimant", "place", "victim_status"),
    "events_named": ("category", "event_type", "identification", "attribution_status", "attributed_actor"),
    "sources_named": ("kind", "publisher"),
    "actors_named": ("kind", "country", "parent"),
    "actor_relations_named": ("relation", "subject", "object"),
}


def _titles(
    list_column: str, separator: str, table: str = "sources", key: str = "source_id", label: str = "title"
) -> str:
    """SQL for the labels (a source's title, an event's summary) of the rows a '|'-separated ID list
    names, in list order."""
    items = f"""json_each('["' || replace({list_column}, '|', '","') || '"]')"""
    return (
        f"(SELECT group_concat(label, '{separator}') FROM (SELECT t.{label} AS label FROM {items} AS item "
        f"JOIN {table} AS t ON t.{key} = item.value ORDER BY item.key))"
    )


VIEWS = {
    "claims_named": (
        "Claims with names instead of IDs: claimant, events, named actor, source and relay chain.",
        f"""SELECT c.rowid AS rowid, c.claim_id, e.place_name AS place, e.date_end AS event_date,
  e.summary AS event, {_titles("c.other_event_ids", "; ", "events", "event_id", "summary")} AS other_events,
  claimant.name AS claimant, c.predicate, c.stance, c.hedging, c.value, c.value_low, c.value_high, c.unit,
  named.name AS value_actor, c.value_text, c.value_code, c.victim_status, c.victim_group, c.quote,
  c.attribution_quote, s.title AS source, {_titles("c.relayed_via", " → ")} AS relayed_via, c.quote_start,
  c.quote_end, c.attribution_start, c.attribution_end, c.curator_note
FROM claims AS c
JOIN events AS e ON e.event_id = c.event_id
JOIN actors AS claimant ON claimant.actor_id = c.claimant_actor_id
JOIN sources AS s ON s.source_id = c.source_id
LEFT JOIN actors AS named ON named.actor_id = c.value_actor_id""",
    ),
    "events_named": (
        "Events with the names of the attributed actor and of the sources behind the curated date, place "
        "and attribution.",
        """SELECT e.event_id, e.category, e.event_type, e.summary, e.record_kind, e.date_start, e.date_end,
  e.date_precision, ds.title AS date_source, e.date_note, e.identification, e.identification_note, e.place_name,
  e.place_aliases, e.place_precision, e.country, e.admin1, e.admin2, e.locality, e.latitude, e.longitude,
  ps.title AS place_source, e.place_note, e.attribution_status, a.name AS attributed_actor,
  ats.title AS attribution_source, e.curator_note
FROM events AS e
JOIN sources AS ds ON ds.source_id = e.date_source_id
JOIN sources AS ps ON ps.source_id = e.place_source_id
LEFT JOIN actors AS a ON a.actor_id = e.attributed_actor_id
LEFT JOIN sources AS ats ON ats.source_id = e.attribution_source_id""",
    ),
    "sources_named": (
        "Sources with the publisher's name and the titles of the sources each one cites.",
        f"""SELECT s.source_id, s.title, s.kind, p.name AS publisher, s.published_start, s.published_end,
  {_titles("s.cites_source_ids", "; ")} AS cites, s.seed_path, s.language, s.dateline, s.url, s.curator_note
FROM sources AS s
LEFT JOIN actors AS p ON p.actor_id = s.publisher_actor_id""",
    ),
    "actors_named": (
        "Actors with the name of the actor each one belongs to.",
        """SELECT a.actor_id, a.name, a.kind, a.country, parent.name AS parent, a.aliases, a.wikidata_id,
  a.curator_note
FROM actors AS a
LEFT JOIN actors AS parent ON parent.actor_id = a.parent_actor_id""",
    ),
    "actor_relations_named": (
        "Actor relations with the names of both actors and the title of the source whose words state the relation.",
        """SELECT r.relation_id, subject.name AS subject, r.relation, object.name AS object, r.quote,
  s.title AS source, r.evidence_claim_id, r.quote_start, r.quote_end, r.curator_note
FROM actor_relations AS r
JOIN actors AS subject ON subject.actor_id = r.subject_actor_id
JOIN actors AS object ON object.actor_id = r.object_actor_id
JOIN sources AS s ON s.source_id = r.source_id""",
    ),
}


def add_search_and_views(path: Path) -> None:
    """Create the views and fill the FTS5 indexes of a database whose tables are already loaded."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # FTS5 merges its segments in memory: 40% faster
        connection.execute("BEGIN")
        for name, (_, select) in VIEWS.items():
            connection.execute(f'CREATE VIEW "{name}" AS {select}')
        indexes = {name: (name, columns) for name, columns in SEARCHED.items()}
        indexes["claims"] = ("claims_named", CLAIMS_SEARCHED)
        for name, (content, columns) in indexes.items():
            listed = ", ".join(columns)
            connection.execute(f'CREATE VIRTUAL TABLE "{name}_fts" USING fts5({listed}, content="{content}")')
            connection.execute(
                f'INSERT INTO "{name}_fts" (rowid, {listed}) SELECT rowid, {listed} FROM "{content}" ORDER BY rowid'
            )
        connection.execute("COMMIT")
    finally:
        connection.close()


def datasette_tables() -> dict[str, dict[str, Any]]:
    """Table and view entries for datasette-metadata.json: search, facets and the views' descriptions."""
    entries: dict[str, dict[str, Any]] = {}
    for table in (*SEARCHED, "claims"):
        entries[table] = {"fts_table": f"{table}_fts", "fts_pk": "rowid", "facets": list(FACETS[table])}
    for view, (description, _) in VIEWS.items():
        entries[view] = {"description": description, "facets": list(FACETS[view])}
    entries["claims_named"].update(fts_table="claims_fts", fts_pk="rowid")
    return entries


def with_search(metadata: dict[str, Any]) -> dict[str, Any]:
    """The Datasette metadata with the search, facets and views of this module added to its one database."""
    (database,) = metadata["databases"].values()
    tables = database["tables"]
    for name, entry in datasette_tables().items():
        tables[name] = {**tables.get(name, {}), **entry}
    return metadata
