"""Each claim as a W3C Web Annotation, so annotation tools (Hypothesis, Recogito, INCEpTION) can
load our quotes and anyone can re-find a quote in the original page without our archive.

A claim's quote becomes a target with two selectors for the same words: a TextQuoteSelector (the
exact words with 32 code points of the seed on each side, enough to re-anchor them in a copy of
the page) and a TextPositionSelector (the code-point offsets in the archived seed). Its predicate,
stance and claimant go into the body. The output depends only on the data, byte for byte.
See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FILE_NAME = "claims.annotations.jsonld"
CONTEXT_LENGTH = 32
CLAIM_COLUMNS = (
    "claim_id",
    "source_id",
    "predicate",
    "stance",
    "claimant_actor_id",
    "event_id",
    "quote",
    "quote_start",
    "quote_end",
)


def annotation_collection(claims: Mapping[str, Sequence], targets: Mapping[str, str], texts: Mapping[str, str]) -> dict:
    """An AnnotationCollection with one embedded page holding every claim, in the table's order.

    ``claims`` maps each of ``CLAIM_COLUMNS`` to its column of values; ``targets`` maps a source_id
    to its URL or archive path; ``texts`` maps it to the decoded seed."""
    rows = zip(*(claims[name] for name in CLAIM_COLUMNS), strict=True)
    items = [claim_annotation(dict(zip(CLAIM_COLUMNS, row, strict=True)), targets, texts) for row in rows]
    return {
        "@context": CONTEXT,
        "id": FILE_NAME,
        "type": "AnnotationCollection",
        "label": "syria-strikes claims, each anchored on the words of its archived source",
        "total": len(items),
        "first": {"id": f"{FILE_NAME}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def claim_annotation(claim: Mapping, targets: Mapping[str, str], texts: Mapping[str, str]) -> dict:
    text = texts[claim["source_id"]]
    start, end = int(claim["quote_start"]), int(claim["quote_end"])
    return {
        "id": f"{FILE_NAME}#{claim['claim_id']}",
        "type": "Annotation",
        "motivation": "classifying",
        "body": [
            _body("classifying", f"predicate: {claim['predicate']}"),
            _body("classifying", f"stance: {claim['stance']}"),
            _body("identifying", f"claimant: {claim['claimant_actor_id']}"),
            _body("linking", f"event: {claim['event_id']}"),
        ],
        "target": {
            "type": "SpecificResource",
            "source": targets[claim["source_id"]],
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": claim["quote"],
                    "prefix": text[max(0, start - CONTEXT_LENGTH) : start],
                    "suffix": text[end : end + CONTEXT_LENGTH],
                },
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


def _body(purpose: str, value: str) -> dict:
    return {"type": "TextualBody", "purpose": purpose, "value": value}


def to_jsonld(document: dict) -> str:
    """Stable bytes: keys in the order written, UTF-8 text kept as is, one annotation per line.

    Compact, because the file grows with the claims (a million of them would be gigabytes indented)."""
    page = document["first"]
    head = json.dumps({**document, "first": {**page, "items": []}}, ensure_ascii=False, separators=(",", ":"))
    items = ",\n".join(json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in page["items"])
    opening, closing = head.rsplit('"items":[]', 1)
    return f'{opening}"items":[\n{items}\n]{closing}\n'
