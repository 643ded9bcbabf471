"""What a release covers, in numbers counted from its tables, for the READMEs that state them.

Both READMEs (the repository's and the bundle's) quote ``coverage_sentence``; a test keeps the
repository's in step with the data, so no number in prose is typed by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.metadata import TableName


@dataclass(frozen=True)
class Coverage:
    """Counts of one release; ``documents`` are the archived documents the claims are quoted from.
    ``strikes`` counts single strikes; an ``aggregate`` row stands for an unknown number of them."""

    documents: int
    events: int
    strikes: int
    aggregates: int
    context: int
    claims: int
    claimants: int
    actors: int
    sources: int
    first_date: str | None
    last_date: str | None


def coverage(tables: Mapping[TableName, pa.Table]) -> Coverage:
    """Count a release given as Arrow tables, e.g. ``coverage(load_all(backend="pyarrow"))``."""
    events, claims, sources = tables["events"], tables["claims"], tables["sources"]
    dates = pa.chunked_array(
        [*events["date_start"].cast(pa.date32()).chunks, *events["date_end"].cast(pa.date32()).chunks],
        type=pa.date32(),
    )
    bounds = pc.min_max(dates)
    category = events["category"].cast(pa.string())
    # A release without record_kind (before the data model's second version) has single events only.
    kind = events["record_kind"].cast(pa.string()) if "record_kind" in events.column_names else None
    aggregate = pc.equal(kind, "aggregate") if kind is not None else pa.repeat(False, len(events))
    strike = pc.equal(category, "strike")
    return Coverage(
        documents=len(sources) - sources["seed_path"].null_count,
        events=len(events),
        strikes=pc.sum(pc.and_(strike, pc.invert(aggregate))).as_py() or 0,
        aggregates=pc.sum(pc.and_(strike, aggregate)).as_py() or 0,
        context=pc.sum(pc.equal(category, "context")).as_py() or 0,
        claims=len(claims),
        claimants=pc.count_distinct(claims["claimant_actor_id"].cast(pa.string())).as_py(),
        actors=len(tables["actors"]),
        sources=len(sources),
        first_date=_iso(bounds["min"].as_py()),
        last_date=_iso(bounds["max"].as_py()),
    )


def coverage_of(folder: Path) -> Coverage:
    """Count the release in ``folder``; e.g. ``coverage_of(release_dir())``."""
    from syria_strikes.loader import load_all

    return coverage(load_all(backend="pyarrow", root=folder))


def coverage_sentence(counts: Coverage) -> str:
    """One sentence of plain numbers, the same in every README."""
    span = f", dated {counts.first_date} to {counts.last_date}," if counts.first_date else ""
    plural = "s" if counts.aggregates != 1 else ""
    aggregates = (
        f"{counts.aggregates} record{plural} of an unknown number of earlier strikes, " if counts.aggregates else ""
    )
    return (
        f"{counts.claims} claims by {counts.claimants} claimants about {counts.events} events "
        f"({counts.strikes} strikes, {aggregates}{counts.context} context events){span} quoted from {counts.documents} "
        f"archived documents; {counts.actors} actors and {counts.sources} sources."
    )


def _iso(value: object) -> str | None:
    return None if value is None else value.isoformat()  # type: ignore[attr-defined]
