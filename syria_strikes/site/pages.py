"""Every file of the site, rendered in memory from the release: path relative to the site -> bytes.

Templates and static files are read from the package with importlib.resources, so an installed
package builds the same site as a checkout. Jinja2 escapes every value from the data. Nothing
depends on the clock or on hash order, so the same release gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup, escape

from syria_strikes.companions import EXCEL_IMPORT, IDENTIFIERS_KEPT, SUMMARY_FILE, citation_of, citation_parts
from syria_strikes.dictionary import RECURRING_WORDS, column_constraints
from syria_strikes.metadata import REPOSITORY_URL, TABLES, VOCABULARIES
from syria_strikes.sentences import split_sentences
from syria_strikes.site.documents import Excerpt, bare_sentences, excerpt, marked_paragraphs
from syria_strikes.site.downloads import offered_downloads
from syria_strikes.site.model import Site, about
from syria_strikes.site.timeline import height, timeline_rows
from syria_strikes.site.wording import (
    claimed_value,
    coordinates,
    count,
    count_range,
    dates,
    meaning,
    published_interval,
    words,
)

STATIC = ("style.css", "search.js")


def render_site(site: Site) -> dict[str, bytes]:
    """All pages, the search index, the static files and the downloads."""
    version = _release_version(site)
    environment = _environment(site, version)
    pages: dict[str, str] = {}

    def page(path: str, template: str, **context: object) -> None:
        root = "../" * path.count("/")
        pages[path] = environment.get_template(template).render(root=root, **context)

    contested = {event_id: _contested(rows) for event_id, rows in site.summary.items()}
    counts = {event_id: len(claims) for event_id, claims in site.claims_by_event.items()}
    rows = timeline_rows(site.timeline(), counts, contested)
    page(
        "index.html",
        "index.html",
        counts=_numbers(site, contested),
        timeline=rows,
        timeline_height=height(rows),
        summary_file=SUMMARY_FILE,
    )
    for event in site.events.values():
        page(f"events/{event['event_id']}.html", "event.html", **_event_context(site, event, contested))
    for actor in site.actors.values():
        actor_id = actor["actor_id"]
        page(
            f"actors/{actor_id}.html",
            "actor.html",
            a=actor,
            chain=site.parent_chain(actor_id),
            children=site.children.get(actor_id, []),
            published=site.published_by.get(actor_id, []),
            events=site.events_naming.get(actor_id, []),
            claims=site.claims_by_claimant.get(actor_id, []),
            relations=site.relations_of.get(actor_id, []),
        )
    for source in site.sources.values():
        page(f"sources/{source['source_id']}.html", "source.html", **_source_context(site, source))
    page("actors.html", "list.html", **_actor_list(site))
    page("sources.html", "list.html", **_source_list(site))
    page("search.html", "search.html")
    page(
        "dictionary.html",
        "dictionary.html",
        tables=TABLES,
        vocabularies=VOCABULARIES,
        recurring_words=code_spans(RECURRING_WORDS),
    )
    downloads = offered_downloads(site, version)
    citation = citation_parts(version, citation_of(site.repository_files))
    page(
        "download.html",
        "download.html",
        files=downloads["listing"],
        citation=citation,
        excel_import=EXCEL_IMPORT,
        identifiers_kept=IDENTIFIERS_KEPT,
    )

    output = {path: text.encode("utf-8") for path, text in pages.items()}
    for name in STATIC:
        output[name] = (files("syria_strikes.site") / "static" / name).read_bytes()
    index = json.dumps(search_index(site), ensure_ascii=False, separators=(",", ":"))
    output["search-index.json"] = (index + "\n").encode("utf-8")
    output["search-index.js"] = f"window.SEARCH_INDEX = {index};\n".encode()
    output.update(downloads["files"])
    return dict(sorted(output.items()))


def _release_version(site: Site) -> str:
    """The version the release records (``0.3.0``, or ``0.3.0+local.<hash>`` for other data): the
    site shows that release, whatever version of the package renders it."""
    return str(json.loads(site.release_files["datapackage.json"])["version"])


def _environment(site: Site, version: str) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("syria_strikes.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        site=site,
        version=version,
        repository=REPOSITORY_URL,
        words=words,
        meaning=meaning,
        dates=dates,
        count=count,
        claimed_value=claimed_value,
        coordinates=coordinates,
        constraints=lambda column: code_spans(column_constraints(column)),
        linked=lambda text, root: linked(site, text, root),
        contested_at=_contested_at(site),
    )
    return environment


def _contested_at(site: Site) -> Callable[[dict[str, Any]], str | None]:
    """The first event a claim is about where claims on its predicate disagree, or None: the tables
    of an actor's or a source's claims showed Kulit's 'intercepted eight missiles' with nothing to
    say that others dispute it, which only the event page made visible."""
    contested = {
        (event_id, row["predicate"]) for event_id, rows in site.summary.items() for row in rows if row["contested"]
    }

    def at(claim: dict[str, Any]) -> str | None:
        return next((event_id for event_id in about(claim) if (event_id, claim["predicate"]) in contested), None)

    return at


def code_spans(text: str) -> Markup:
    """Markdown's `code` spans of the data dictionary's wording as HTML ``<code>``, the rest escaped:
    the page showed the backticks themselves around every pattern and table name."""
    pieces = escape(text).split("`")
    if len(pieces) % 2 == 0:  # an unpaired backtick: show the text as it is
        return escape(text)
    return Markup("").join(
        Markup("<code>{}</code>").format(Markup(piece)) if index % 2 else Markup(piece)
        for index, piece in enumerate(pieces)
    )


# An ID as notes write it: a known prefix and hyphenated lower-case words, ending on a letter or digit.
_MENTIONED_ID = re.compile(r"\b(?:act|src|evt|clm)-[a-z0-9]+(?:-[a-z0-9]+)*")


def linked(site: Site, text: str | None, root: str) -> Markup:
    """A curators' note, escaped, with each ID of a row of the site linked to its page: notes cite
    sources and claims by ID (``src-ref-urdupoint-2020-01-10-albu-kamal``), which a reader cannot look up."""
    if not text:
        return Markup("—")
    pieces: list[str] = []
    last = 0
    for match in _MENTIONED_ID.finditer(text):
        href = _page_of(site, match.group())
        if href is None:
            continue
        pieces += [escape(text[last : match.start()]), Markup('<a href="{}">{}</a>').format(root + href, match.group())]
        last = match.end()
    pieces.append(escape(text[last:]))
    return Markup("").join(pieces)


def _page_of(site: Site, row_id: str) -> str | None:
    """The site path of the page that shows a row, or None for an ID no row has."""
    if row_id in site.actors:
        return f"actors/{row_id}.html"
    if row_id in site.sources:
        return f"sources/{row_id}.html"
    if row_id in site.events:
        return f"events/{row_id}.html"
    if row_id in site.claims:
        return f"events/{site.claims[row_id]['event_id']}.html#{row_id}"
    return None


def _contested(rows: list[dict[str, Any]]) -> list[str]:
    return [row["predicate"] for row in rows if row["contested"]]


def _numbers(site: Site, contested: dict[str, list[str]]) -> dict[str, int]:
    """The home page's counts: the README's (coverage()), and how many events have contested claims."""
    return {**asdict(site.counts), "contested": sum(1 for predicates in contested.values() if predicates)}


def _event_context(site: Site, event: dict[str, Any], contested: dict[str, list[str]]) -> dict[str, Any]:
    claims = site.claims_by_event.get(event["event_id"], [])
    groups = []
    for summary in site.summary.get(event["event_id"], []):
        members = [claim for claim in claims if claim["predicate"] == summary["predicate"]]
        shown = [_with_excerpt(site, claim, event["event_id"]) for claim in members]
        groups.append(
            {
                "predicate": summary["predicate"],
                "summary": summary,
                "claims": shown,
                "range": count_range(summary, members),
            }
        )
    return {
        "e": event,
        "contested": contested.get(event["event_id"], []),
        "groups": groups,
        "attribution_claims": [claim for claim in claims if claim["predicate"] == "attribution"],
    }


def _with_excerpt(site: Site, claim: dict[str, Any], event_id: str) -> dict[str, Any]:
    """The claim with its quote in context and the other events it concerns, seen from one event's page."""
    document = site.documents.get(claim["source_id"])
    if document is None:
        shown = Excerpt("", claim["quote"], "")
    else:
        shown = excerpt(document, claim["quote_start"], claim["quote_end"])
    also_about = [other for other in about(claim) if other != event_id]
    return {**claim, "excerpt": shown, "also_about": also_about}


def _source_context(site: Site, source: dict[str, Any]) -> dict[str, Any]:
    source_id = source["source_id"]
    start, end = source["published_start"], source["published_end"]
    published = published_interval(start, end)
    used_for = [
        (event["event_id"], field)
        for event in site.timeline()
        for field, column in (
            ("date", "date_source_id"),
            ("place", "place_source_id"),
            ("attribution", "attribution_source_id"),
        )
        if event[column] == source_id
    ]
    context: dict[str, Any] = {
        "s": source,
        "published": published,
        "cited_by": site.cited_by.get(source_id, []),
        "relayed": site.claims_relayed_by.get(source_id, []),
        "used_for": used_for,
        "document": None,
    }
    text = site.documents.get(source_id)
    if text is not None:
        spans = site.spans(source_id)
        context.update(
            document=marked_paragraphs(text, spans),
            bare=[
                {"text": text[s:e], "declared": site.declared_uncovered.get((source_id, s, e))}
                for s, e in bare_sentences(text, spans)
            ],
            sentences=len(split_sentences(text)),
            claims=sorted(site.claims_by_source.get(source_id, []), key=lambda c: (c["quote_start"], c["claim_id"])),
        )
    return context


def _actor_list(site: Site) -> dict[str, Any]:
    rows = [
        {
            "href": f"actors/{actor['actor_id']}.html",
            "name": actor["name"],
            "cells": [words(actor["kind"]), len(site.claims_by_claimant.get(actor["actor_id"], []))],
        }
        for actor in sorted(site.actors.values(), key=lambda a: (a["name"].casefold(), a["actor_id"]))
    ]
    return {
        "heading": "Actors",
        "intro": "Every actor the sources mention: states, forces, units, groups, bodies, outlets, NGOs and persons.",
        "columns": ["Name", "Kind", "Claims made"],
        "rows": rows,
    }


def _source_list(site: Site) -> dict[str, Any]:
    rows = [
        {
            "href": f"sources/{source['source_id']}.html",
            "name": source["title"],
            "cells": [
                words(source["kind"]),
                len(site.claims_by_source.get(source["source_id"], [])),
                len(site.claims_relayed_by.get(source["source_id"], [])),
            ],
        }
        for source in site.sources.values()
    ]
    return {
        "heading": "Sources",
        "intro": "The archived documents the claims are read in, the reports they cite, and the references "
        "behind curated fields. A cited report holds no claim of its own: the claims it carried are read in "
        "the archived document that names it.",
        "columns": ["Title", "Kind", "Claims read in it", "Claims that passed through it"],
        "rows": rows,
    }


def search_index(site: Site) -> list[dict[str, Any]]:
    """What the search page searches: one entry per claim, actor, event and source."""
    entries = []
    for claim in site.claims.values():
        claimant = site.actors[claim["claimant_actor_id"]]["name"]
        named = site.actors[claim["value_actor_id"]]["name"] if claim["value_actor_id"] else None
        place = site.events[claim["event_id"]]["place_name"]
        entries.append(
            _entry(
                "claim",
                f"{claimant} {words(claim['stance'])} {words(claim['predicate'])} ({place})",
                f"“{claim['quote']}”",
                f"events/{claim['event_id']}.html#{claim['claim_id']}",
                [
                    claim["claim_id"],
                    claimant,
                    named,
                    place,
                    claim["quote"],
                    claim["value_text"],
                    claim["hedging"],
                    words(claim["predicate"]),
                ],
            )
        )
    for actor in site.actors.values():
        searched = [actor["actor_id"], actor["name"], *(actor["aliases"] or [])]
        entries.append(
            _entry("actor", actor["name"], words(actor["kind"]), f"actors/{actor['actor_id']}.html", searched)
        )
    for event in site.timeline():
        searched = [event["event_id"], event["summary"], event["place_name"], *(event["place_aliases"] or [])]
        title = f"{event['place_name']}, {dates(event)}"
        entries.append(_entry("event", title, event["summary"], f"events/{event['event_id']}.html", searched))
    for source in site.sources.values():
        searched = [source["source_id"], source["title"]]
        entries.append(
            _entry("source", source["title"], words(source["kind"]), f"sources/{source['source_id']}.html", searched)
        )
    return entries


def _entry(kind: str, title: str, detail: str, url: str, searched: list[str | None]) -> dict[str, Any]:
    """One search entry; ``text`` is what the words are looked for in, the title and detail are shown."""
    return {"type": kind, "title": title, "detail": detail, "url": url, "text": " ".join(filter(None, searched))}
