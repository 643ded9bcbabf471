"""Each claim as a W3C Web Annotation, so annotation tools (Hypothesis, Recogito, INCEpTION) can
load our quotes and anyone can re-find a quote in the original page without our archive.

A claim's quote becomes a target with two selectors for the same words: a TextQuoteSelector (the
exact words with 32 code points of the seed on each side, enough to re-anchor them in a copy of
the page) and a TextPositionSelector (the code-point offsets in the archived seed). Its predicate,
stance and claimant go into the body. The output depends only on the data, byte for byte.
See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping, Sequence
from json.encoder import encode_basestring as _json  # a JSON string literal, UTF-8 kept as is
from typing import Any, TextIO

from syria_strikes.files import ANNOTATIONS

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


COLLECTION_HEAD = (
    '{"@context":"http://www.w3.org/ns/anno.jsonld","id":"claims.annotations.jsonld",'
    '"type":"AnnotationCollection",'
    '"label":"syria-strikes claims, each anchored on the words of its archived source","total":%d,'
    '"first":{"id":"claims.annotations.jsonld#page-1","type":"AnnotationPage","startIndex":0,"items":[\n'
)
COLLECTION_TAIL = "\n]}}\n"
# One annotation, written as JSON text directly: building a dict per claim and encoding it costs
# several times more, and a release of a million claims would spend most of its build here.
ANNOTATION = (
    '{"id":%s,"type":"Annotation","motivation":"classifying","body":['
    '{"type":"TextualBody","purpose":"classifying","value":%s},'
    '{"type":"TextualBody","purpose":"classifying","value":%s},'
    '{"type":"TextualBody","purpose":"identifying","value":%s},'
    '{"type":"TextualBody","purpose":"linking","value":%s}],'
    '"target":{"type":"SpecificResource","source":%s,"selector":['
    '{"type":"TextQuoteSelector","exact":%s,"prefix":%s,"suffix":%s},'
    '{"type":"TextPositionSelector","start":%d,"end":%d}]}}'
)


def write_annotations(
    out: TextIO, claims: Mapping[str, Sequence[Any]], targets: Mapping[str, str], texts: Mapping[str, str]
) -> None:
    """Write the AnnotationCollection, one embedded page holding every claim in the table's order,
    one annotation per line, keys in a fixed order: the same data always gives the same bytes.
    ``claims`` maps each of ``CLAIM_COLUMNS`` to its column of values; ``targets`` maps a source_id
    to its URL or archive path; ``texts`` maps it to the decoded seed."""

    def around(_: int, source_id: str, start: int, end: int) -> tuple[str, str]:
        text = texts[source_id]
        return text[max(0, start - CONTEXT_LENGTH) : start], text[end : end + CONTEXT_LENGTH]

    _write(out, claims, targets, around)


def first_difference(written: bytes, claims: Mapping[str, Sequence[Any]], targets: Mapping[str, str]) -> str | None:
    """Where an annotations file first differs from the one a build writes for these claims, or None.
    The seed's words either side of each quote (at most ``CONTEXT_LENGTH`` each) are taken as the file
    gives them: only the seeds, which a release does not carry, could tell them wrong."""
    try:
        text = written.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"byte {error.start} is not UTF-8"
    lines = text.split("\n")
    contexts = [_context_given(line) for line in lines[1 : 1 + len(claims["claim_id"])]]

    def around(index: int, _: str, __: int, ___: int) -> tuple[str, str]:
        return contexts[index] if index < len(contexts) else ("", "")

    expected = io.StringIO()
    _write(expected, claims, targets, around)
    if expected.getvalue() == text:
        return None
    wanted = expected.getvalue().split("\n")
    line = next(
        (number for number, (mine, theirs) in enumerate(zip(wanted, lines, strict=False), start=1) if mine != theirs),
        min(len(wanted), len(lines)) + 1,
    )
    if 2 <= line <= len(claims["claim_id"]) + 1:
        return f"line {line}, the annotation of {claims['claim_id'][line - 2]}, is not the one a build writes"
    return f"line {line} is not the one a build writes"


def _context_given(line: str) -> tuple[str, str]:
    """The prefix and suffix one line of an annotations file gives, cut to what a build writes; empty
    when the line gives none, which the comparison then reports."""
    try:
        selector = json.loads(line.removesuffix(","))["target"]["selector"][0]
        prefix, suffix = selector["prefix"], selector["suffix"]
    except (ValueError, KeyError, TypeError, IndexError, RecursionError):  # nested deeper than Python reads
        return "", ""
    if not (isinstance(prefix, str) and isinstance(suffix, str)):
        return "", ""
    return prefix[-CONTEXT_LENGTH:], suffix[:CONTEXT_LENGTH]


def _write(
    out: TextIO,
    claims: Mapping[str, Sequence[Any]],
    targets: Mapping[str, str],
    around: Callable[[int, str, int, int], tuple[str, str]],
) -> None:
    """``write_annotations``, the words around each quote given by ``around(index, source_id, start, end)``."""
    rows = zip(*(claims[name] for name in CLAIM_COLUMNS), strict=True)
    out.write(COLLECTION_HEAD % len(claims["claim_id"]))
    for index, row in enumerate(rows):
        claim_id, source_id, predicate, stance, claimant, event_id, quote, start, end = row
        start, end = int(start), int(end)
        prefix, suffix = around(index, source_id, start, end)
        out.write(
            ("" if index == 0 else ",\n")
            + ANNOTATION
            % (
                _json(f"{ANNOTATIONS}#{claim_id}"),
                _json(f"predicate: {predicate}"),
                _json(f"stance: {stance}"),
                _json(f"claimant: {claimant}"),
                _json(f"event: {event_id}"),
                _json(targets[source_id]),
                _json(quote),
                _json(prefix),
                _json(suffix),
                start,
                end,
            )
        )
    out.write(COLLECTION_TAIL)
