"""An archived document cut into the pieces the site highlights: paragraphs, claimed spans, bare sentences.

Claims may overlap and cross ("eight missiles fired" inside "intercepted eight missiles fired by
Israeli F-16 jets"), so a document cannot be marked up with one element per claim. It is cut at
every claim and sentence boundary instead; each piece knows which claims cover it and whether its
sentence carries any claim, and the claims that end at a point are listed there so that each
span links to its claim. Offsets are code points, like ``quote_start`` and ``quote_end``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from syria_strikes.seed_coverage import merge_spans, overlaps
from syria_strikes.sentences import paragraph_spans, split_sentences


@dataclass(frozen=True)
class Span:
    """A claim's quoted span: its ID and code-point offsets."""

    claim_id: str
    start: int
    end: int


@dataclass
class Piece:
    """A run of text with the same covering claims; ``ends`` are the claims whose span stops after it."""

    text: str
    claims: tuple[str, ...]
    bare: bool
    ends: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Excerpt:
    """A quote in its paragraph: the text before, the quoted span, the text after."""

    before: str
    quote: str
    after: str


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Code-point spans of the blank-line separated paragraphs, whitespace-only ones left out."""
    return [(start, end) for start, end in paragraph_spans(text) if text[start:end].strip()]


def excerpt(text: str, start: int, end: int) -> Excerpt:
    """The paragraph (or paragraphs) holding ``text[start:end]``, split around that span."""
    blocks = paragraphs(text)
    first = next((s for s, e in blocks if s <= start < e), start)
    last = next((e for s, e in blocks if s < end <= e), end)
    return Excerpt(text[first:start], text[start:end], text[end:last])


def bare_sentences(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The sentences that no claimed span touches: what the curators have not (yet) turned into claims,
    judged as ``syria-strikes coverage`` judges them."""
    merged = merge_spans((span.start, span.end) for span in spans)
    return [sentence for sentence in split_sentences(text) if not overlaps(merged, sentence)]


def marked_paragraphs(text: str, spans: list[Span]) -> list[list[Piece]]:
    """Each paragraph as pieces cut at every claim and sentence boundary, in document order."""
    bare = bare_sentences(text, spans)
    result = []
    for start, end in paragraphs(text):
        cuts = {start, end}
        cuts.update(point for span in spans for point in (span.start, span.end) if start < point < end)
        cuts.update(point for sentence in bare for point in sentence if start < point < end)
        points = sorted(cuts)
        pieces = []
        for left, right in pairwise(points):
            covering = tuple(span.claim_id for span in spans if span.start <= left and right <= span.end)
            is_bare = any(s <= left and right <= e for s, e in bare)
            pieces.append(Piece(text[left:right], covering, is_bare))
            pieces[-1].ends.extend(span.claim_id for span in spans if span.end == right)
        result.append(_merged(pieces))
    return result


def _merged(pieces: list[Piece]) -> list[Piece]:
    """Join neighbours that look the same, so the page holds as few elements as the marks need."""
    merged: list[Piece] = []
    for piece in pieces:
        previous = merged[-1] if merged else None
        if previous and not previous.ends and (previous.claims, previous.bare) == (piece.claims, piece.bare):
            previous.text += piece.text
            previous.ends.extend(piece.ends)
        else:
            merged.append(piece)
    return merged
