"""The release read into plain rows and the cross-references every page needs.

Pages are rendered from this one object, so each link (claim to event, actor to its claims,
source to who cites it) is computed once, here, and every page sees the same answer. Rows are
plain dicts in the release's order; lookups are dicts by ID.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from syria_strikes.companions import CompanionError, repository_files
from syria_strikes.coverage import Coverage, coverage
from syria_strikes.derived import REASONS, event_summary
from syria_strikes.errors import ReleaseError
from syria_strikes.files import DESCRIPTOR, release_file_names
from syria_strikes.format_agreement import disagreements
from syria_strikes.loader import (
    across_rebuild,
    derived_from_tables,
    parquet_table,
    parsed_descriptor,
    to_pandas,
    verify,
)
from syria_strikes.metadata import (
    DESCRIPTOR_MOST_BYTES,
    LIST_DELIMITER,
    PREDICATE,
    TABLE_NAMES,
    TABLES,
    TableName,
    table,
)
from syria_strikes.reading.table import any_field_size
from syria_strikes.safefiles import read_file
from syria_strikes.seedtrust import SeedFault, trusted_seed_text
from syria_strikes.site.documents import Span
from syria_strikes.text_policy import FORMULA_PREFIXES


@dataclass
class Site:
    """Everything the templates read: rows by ID and the links between them."""

    release: Path
    release_files: dict[str, bytes]  # the release's files, as verified against its checksums, by name
    actors: dict[str, dict[str, Any]]
    sources: dict[str, dict[str, Any]]
    events: dict[str, dict[str, Any]]
    claims: dict[str, dict[str, Any]]
    relations: dict[str, dict[str, Any]]
    documents: dict[str, str]
    summary: dict[str, list[dict[str, Any]]]
    counts: Coverage
    # CITATION.cff and both licences, from beside seeds/: the download zip carries them, as the bundle does.
    repository_files: dict[str, bytes]
    # The files made from the tables that the zip carries beside them (loader.derived_files).
    derived_files: dict[str, bytes]
    declared_uncovered: dict[tuple[str, int, int], dict[str, Any]] = field(default_factory=dict)
    claims_by_event: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claims_by_claimant: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claims_by_source: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    claims_relayed_by: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    cited_by: dict[str, list[str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    events_naming: dict[str, list[str]] = field(default_factory=dict)
    published_by: dict[str, list[str]] = field(default_factory=dict)
    relations_of: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def parent_chain(self, actor_id: str) -> list[dict[str, Any]]:
        """The actor's parents, nearest first (IAF -> IDF -> Israel), stopping at a loop."""
        chain, seen = [], {actor_id}
        parent = self.actors[actor_id]["parent_actor_id"]
        while parent is not None and parent not in seen:
            chain.append(self.actors[parent])
            seen.add(parent)
            parent = self.actors[parent]["parent_actor_id"]
        return chain

    def spans(self, source_id: str) -> list[Span]:
        return [Span(c["claim_id"], c["quote_start"], c["quote_end"]) for c in self.claims_by_source.get(source_id, [])]

    def timeline(self) -> list[dict[str, Any]]:
        """Events in date order (start, else end), ties broken by ID so the order is stable."""
        return sorted(
            self.events.values(), key=lambda e: (e["date_start"] or e["date_end"], e["date_end"], e["event_id"])
        )


def read_site(release: Path, seeds: Path) -> Site:
    """Read a built release and the archived documents its sources name; check each document's hash.

    Every file of the release is verified first, as ``syria-strikes info`` verifies it, since the site
    republishes them all for download: a damaged file stops the site, named, before anything is read.
    Each file is read once, and the pages are made from the very bytes published, all checked against
    one reading of the descriptor: a build replacing the release meanwhile gives a site of the new
    release (read again whole), never pages of one release and downloads of the other.
    """
    return across_rebuild(release, lambda _: _read_site(release, seeds))


def _read_site(release: Path, seeds: Path) -> Site:
    release_files = _release_files(release)  # its descriptor's version is one a build writes (loader)
    arrow: dict[TableName, pa.Table] = {
        name: parquet_table(
            _published(release_files, release, f"{name}.parquet"), release / f"{name}.parquet", table(name)
        )
        for name in TABLE_NAMES
    }
    tables: dict[str, list[dict[str, Any]]] = {name: table.to_pylist() for name, table in arrow.items()}
    _check_patterns(tables, release)
    _check_references(tables, release)
    sources = {row["source_id"]: row for row in tables["sources"]}
    _check_formulas(release_files, release)
    differing = disagreements(release, lambda name: _published(release_files, release, name))
    if differing:  # its pages would show one form and its downloads another
        raise ReleaseError(differing[0])
    site = Site(
        release=release,
        release_files=release_files,
        actors={row["actor_id"]: row for row in tables["actors"]},
        sources=sources,
        events={row["event_id"]: row for row in tables["events"]},
        claims={row["claim_id"]: row for row in tables["claims"]},
        relations={row["relation_id"]: row for row in tables["actor_relations"]},
        documents=_documents(sources, seeds),
        summary=_summary(arrow),
        counts=coverage(arrow),
        repository_files=_repository_files(seeds),
        derived_files=derived_from_tables(arrow),
        declared_uncovered={
            (row["source_id"], row["sentence_start"], row["sentence_end"]): row
            for row in tables.get("uncovered_sentences", [])
        },
    )
    _link(site)
    return site


def _check_patterns(tables: dict[str, list[dict[str, Any]]], release: Path) -> None:
    """ReleaseError naming the first cell not of the form its column declares. A build validated
    each, so only a release put together by hand fails; its pages would carry the cell into an
    address ('javascript:' in a source's url becomes a link that runs a script when clicked)."""
    for declared in TABLES:
        for column in declared.columns:
            if column.pattern is None:
                continue
            pattern = re.compile(column.pattern)
            for row in tables.get(declared.name, []):
                value = row[column.name]
                if value is not None and not pattern.fullmatch(value):
                    raise ReleaseError(
                        f"{declared.name}.parquet in {release} holds {column.name} {value!r}, which is not of the "
                        "form its column declares; it is not a release a build wrote"
                    )


# A number as a table's CSV writes one: a spreadsheet reads it as a number, even with its sign.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _check_formulas(files: dict[str, bytes], release: Path) -> None:
    """ReleaseError naming the first cell of a table's CSV that a spreadsheet would run as a formula.
    The site republishes each CSV, and again under excel/ for spreadsheets to open, where such a cell
    runs when a reader opens the download. A build refuses one (clean_text), so only a release put
    together by hand, its checksums recomputed, holds one: its Parquet files need not say the same."""
    for declared in TABLES:
        data = files.get(declared.file_name)
        if data is None:
            continue
        where = f"{declared.file_name} in {release}"
        try:
            found = _formula_cell(data)
        except csv.Error as error:
            raise ReleaseError(f"{where} cannot be read as CSV ({error}); it is not a release a build wrote") from None
        if found is not None:
            line, column, cell = found
            raise ReleaseError(
                f"{where}, line {line}, {column} {cell!r}: starts with {cell[:1]!r} or has a list item that does, "
                "which spreadsheets run as a formula when they open the file [rule: clean_text]; it is not a "
                "release a build wrote"
            )


def _formula_cell(data: bytes) -> tuple[int, str, str] | None:
    """The line, column and text of the first cell (the header's included) of which the cell or a
    list item starts as a formula does, unless it is a number; None when there is none."""
    reader = csv.reader(io.StringIO(data.decode("utf-8", errors="replace"), newline=""))
    header: list[str] | None = None
    end = 0
    with any_field_size():
        for record in reader:
            start, end = end + 1, reader.line_num
            names = header if header is not None else record
            for position, cell in enumerate(record):
                if any(
                    item and item[0] in FORMULA_PREFIXES and not _NUMBER.fullmatch(item)
                    for item in cell.split(LIST_DELIMITER)
                ):
                    return start, names[position] if position < len(names) else f"column {position + 1}", cell
            header = names
    return None


def _check_references(tables: dict[str, list[dict[str, Any]]], release: Path) -> None:
    """ReleaseError naming the first ID held twice, or named but absent. A build validated both, so
    only a release put together by hand (its checksums recomputed) fails: its pages would link to
    rows it lacks."""
    keys: dict[str, set[str]] = {}
    for declared in TABLES:
        ids = [row[declared.primary_key] for row in tables[declared.name]]
        keys[declared.name] = set(ids)
        if len(keys[declared.name]) != len(ids):
            twice = next(value for value in ids if ids.count(value) > 1)
            raise ReleaseError(
                f"{declared.name}.parquet in {release} holds {declared.primary_key} {twice!r} twice; it is not a "
                "release a build wrote"
            )
    for declared in TABLES:
        for column in (column for column in declared.columns if column.references is not None):
            assert column.references is not None
            for row in tables[declared.name]:
                cell = row[column.name]
                for value in cell if isinstance(cell, list) else [cell]:
                    if value is not None and value not in keys[column.references]:
                        raise ReleaseError(
                            f"{declared.name}.parquet in {release} names {column.name} {value!r}, which "
                            f"{column.references}.parquet lacks; it is not a release a build wrote"
                        )


def _release_files(release: Path) -> dict[str, bytes]:
    """The descriptor and the files it lists, each the very bytes verified against its checksum. Only
    the files a build writes: the site publishes them for download, where a page or a script that a
    release put together by hand lists would run with the site's own origin."""
    try:
        descriptor = read_file(release / DESCRIPTOR, release, most=DESCRIPTOR_MOST_BYTES)[0]
    except OSError as error:  # FileRefused included
        raise ReleaseError(f"{DESCRIPTOR} in {release} cannot be read ({error})") from None
    listed = parsed_descriptor(descriptor, release)
    names = [resource["path"] for resource in listed["resources"]]
    stray = next((name for name in names if name not in release_file_names()), None)
    if stray is not None:
        raise ReleaseError(
            f"the release at {release} lists {stray!r}, which no build writes (it writes "
            f"{', '.join(sorted(release_file_names()))}); it is not a release a build wrote"
        )
    return {DESCRIPTOR: descriptor, **{name: verify(release / name, listed) for name in names}}


def _published(files: dict[str, bytes], release: Path, name: str) -> bytes:
    """A file the site publishes, as it publishes it; one the descriptor does not list is not there."""
    if name not in files:
        raise ReleaseError(f"the release at {release} lacks {name}; it is not a release a build wrote")
    return files[name]


def _repository_files(seeds: Path) -> dict[str, bytes]:
    """The citation and licences of the dataset whose seeds/ the site reads: a download of the data
    without its licence and citation would leave a reader unable to reuse or cite it."""
    try:
        return repository_files(seeds.parent)
    except CompanionError as error:
        hint = (
            ": the download zip carries them beside the data; run from the root of a clone, or pass --seeds of one"
            if error.missing
            else ""
        )
        raise ReleaseError(f"{error}{hint}") from None


def _documents(sources: dict[str, dict[str, Any]], seeds: Path) -> dict[str, str]:
    documents = {}
    for source_id, row in sources.items():
        if row["seed_path"] is None:
            continue
        path = seeds / row["seed_path"].removeprefix("seeds/")
        # A row with no hash matches no file: a release that records none is not one this package built.
        text = trusted_seed_text(path, seeds, row["seed_path"], row["sha256"] or "")
        if isinstance(text, SeedFault) and text.rule == "seed_present":
            raise ReleaseError(
                f"{row['seed_path']} (source {source_id}) is not in {seeds}: pass --seeds DIR, the folder of archived "
                "documents (seeds/ in a clone of the repository)"
            )
        if isinstance(text, SeedFault) and text.rule == "seed_hash":
            raise ReleaseError(
                f"{path} does not match the sha256 that source {source_id} records ({row['sha256']}): it is not the "
                "document the claims quote; use the seeds/ of the same version as the release"
            )
        if isinstance(text, SeedFault):
            raise ReleaseError(f"{path} (source {source_id}): {text.words()}")
        documents[source_id] = text
    return documents


def _summary(arrow: dict[TableName, pa.Table]) -> dict[str, list[dict[str, Any]]]:
    """The derived view, by event: one dict per predicate, in vocabulary order, NA as None."""
    frame = event_summary(to_pandas(arrow["claims"], "claims"), to_pandas(arrow["events"], "events"))
    frame = frame[frame["predicate"].notna()]
    rows: dict[str, list[dict[str, Any]]] = {}
    for record in frame.to_dict("records"):
        clean: dict[str, Any] = {str(key): (None if _missing(value) else value) for key, value in record.items()}
        clean["predicate"] = str(clean["predicate"])
        clean["reasons"] = [reason for reason in REASONS if clean[reason]]
        rows.setdefault(str(clean["event_id"]), []).append(clean)
    return rows


def _missing(value: Any) -> bool:
    return not isinstance(value, list | tuple) and bool(pd.isna(value))


def _link(site: Site) -> None:
    rank = {code: position for position, code in enumerate(PREDICATE.codes)}
    for claim in site.claims.values():
        # A claim about several events is shown, once stored, on the page of each.
        for event_id in about(claim):
            site.claims_by_event.setdefault(event_id, []).append(claim)
            for actor_id in (claim["claimant_actor_id"], claim["value_actor_id"]):
                _add_once(site.events_naming, actor_id, event_id)
        site.claims_by_claimant.setdefault(claim["claimant_actor_id"], []).append(claim)
        site.claims_by_source.setdefault(claim["source_id"], []).append(claim)
        for relay in claim["relayed_via"] or []:
            site.claims_relayed_by.setdefault(relay, []).append(claim)
    for relation in site.relations.values():
        for actor_id in dict.fromkeys((relation["subject_actor_id"], relation["object_actor_id"])):
            site.relations_of.setdefault(actor_id, []).append(relation)
    for claims in site.claims_by_event.values():
        claims.sort(key=lambda claim: (rank[claim["predicate"]], claim["claim_id"]))
    for event in site.events.values():
        _add_once(site.events_naming, event["attributed_actor_id"], event["event_id"])
    for source in site.sources.values():
        for cited in source["cites_source_ids"] or []:
            _add_once(site.cited_by, cited, source["source_id"])
        _add_once(site.published_by, source["publisher_actor_id"], source["source_id"])
    for actor in site.actors.values():
        _add_once(site.children, actor["parent_actor_id"], actor["actor_id"])
    order = {event_id: position for position, event_id in enumerate(e["event_id"] for e in site.timeline())}
    for event_ids in site.events_naming.values():
        event_ids.sort(key=order.__getitem__)


def about(claim: dict[str, Any]) -> list[str]:
    """The events a claim concerns: its event_id, then its other_event_ids."""
    return [claim["event_id"], *(claim["other_event_ids"] or [])]


def _add_once(index: dict[str, list[str]], key: str | None, value: str) -> None:
    if key is not None and value not in index.setdefault(key, []):
        index[key].append(value)
