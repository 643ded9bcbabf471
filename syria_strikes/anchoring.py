"""Find a quote in a seed: every exact occurrence, or the nearest match and what differs.

One implementation serves ``syria-strikes locate``, ``locate --fix`` and the validator's message
for a quote at the wrong offsets, so a curator reads the same answer wherever they ask.
Offsets are code points (Python string indices), start inclusive, end exclusive.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

Span = tuple[int, int]

STRAIGHTENED = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
# Each lens maps characters that look alike to one of them, one character to one, so offsets found
# through a lens are offsets in the seed. Applied one at a time, they name what differs.
PLAIN_SPACES = str.maketrans(
    dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " ")
)
PLAIN_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
LENSES = (
    (STRAIGHTENED, "its quotation marks or apostrophes (curly vs straight)"),
    (PLAIN_SPACES, "its spaces (a non-breaking or other special space vs a plain one)"),
    (PLAIN_DASHES, "its dashes or hyphens (en dash, em dash, minus vs '-')"),
)
ALL_LENSES = str.maketrans({**STRAIGHTENED, **PLAIN_SPACES, **PLAIN_DASHES})
NORMAL_FORMS: tuple[tuple[Literal["NFC", "NFD"], str], ...] = (
    ("NFC", "its Unicode form: the quote has decomposed characters (NFD) where the seed has composed ones (NFC)"),
    ("NFD", "its Unicode form: the quote has composed characters (NFC) where the seed has decomposed ones (NFD)"),
)
FUZZY_TEXT_LIMIT = 200_000
FUZZY_MIN_RATIO = 0.6
NAMED_DIFFERENCES = 5


@dataclass(frozen=True)
class NearMatch:
    """Where the seed has almost the quote, why it is not the same, and which characters differ."""

    start: int
    end: int
    reason: str
    differences: tuple[str, ...]

    def describe(self) -> str:
        named = "; ".join(self.differences)
        return f"the quote differs from the seed in {self.reason}" + (f" ({named})" if named else "")


@dataclass(frozen=True)
class Location:
    """Every exact occurrence of a quote, and the nearest match when there is none."""

    quote: str
    spans: tuple[Span, ...]
    near: NearMatch | None = None

    @property
    def unique(self) -> Span | None:
        return self.spans[0] if len(self.spans) == 1 else None

    def to_dict(self) -> dict[str, Any]:
        status = "found" if self.unique else "ambiguous" if self.spans else "not_found"
        near = self.near
        return {
            "quote": self.quote,
            "status": status,
            "occurrences": [list(span) for span in self.spans],
            "nearest": None
            if near is None
            else {"start": near.start, "end": near.end, "reason": near.reason, "differences": list(near.differences)},
            "message": self.describe(),
        }

    def describe(self) -> str:
        """One sentence a curator can act on: where the quote is, or how to copy it exactly."""
        if self.unique is not None:
            start, end = self.unique
            return f"found at {start}..{end}"
        if self.spans:
            listed = ", ".join(f"{start}..{end}" for start, end in self.spans)
            return f"found {len(self.spans)} times, at {listed}: lengthen the quote until it is unique"
        if self.near is not None:
            return f"not found; {self.near.describe()}: copy it exactly from offsets {self.near.start}..{self.near.end}"
        return "not found, and nothing in the seed comes close: copy it verbatim, character for character"


def occurrences(text: str, quote: str) -> tuple[Span, ...]:
    """Every span where ``quote`` occurs in ``text``, overlapping ones included."""
    if not quote:
        return ()
    spans = []
    start = text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return tuple(spans)


def locate(text: str, quote: str) -> Location:
    spans = occurrences(text, quote)
    return Location(quote, spans, None if spans else nearest(text, quote))


def mismatch_context(text: str, quote: str, start: int, end: int) -> dict[str, Any]:
    """What the seed holds at the offsets, and where the words are in it: the context of the rules
    quote_anchored and attribution_anchored, for validate and for ``coverage`` alike."""
    return {
        "start": start,
        "end": end,
        "seed_length": len(text),
        "seed_has": None if end > len(text) else text[start:end],
        "location": locate(text, quote),
    }


def nearest(text: str, quote: str) -> NearMatch | None:
    """The closest thing to ``quote`` in ``text``: through one look-alike lens, through all of them,
    in the other Unicode normal form, or, failing those, the most similar stretch of the seed."""
    if not quote:
        return None
    for lens, reason in LENSES:
        found = text.translate(lens).find(quote.translate(lens))
        if found >= 0:
            return _near(text, quote, found, found + len(quote), reason)
    found = text.translate(ALL_LENSES).find(quote.translate(ALL_LENSES))
    if found >= 0:
        return _near(text, quote, found, found + len(quote), "several look-alike characters")
    found = _lower(text).find(_lower(quote))
    if found >= 0:
        return _near(text, quote, found, found + len(quote), "its letter case (capital vs small letters)")
    for form, reason in NORMAL_FORMS:
        normalised = unicodedata.normalize(form, quote)
        if normalised != quote:
            found = text.find(normalised)
            if found >= 0:
                return _near(text, quote, found, found + len(normalised), reason)
    return _most_similar(text, quote)


def _lower(text: str) -> str:
    """Lower case, one character for one so offsets stay offsets ('\u0130'.lower() is two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _near(text: str, quote: str, start: int, end: int, reason: str) -> NearMatch:
    return NearMatch(start, end, reason, _named_differences(text[start:end], quote))


def _most_similar(text: str, quote: str, *, pruned: bool = True) -> NearMatch | None:
    """The stretch of the seed most like the quote, by difflib's matching blocks; for typos and
    missing words. Large seeds are skipped: the comparison grows with the product of the lengths.
    ``pruned`` skips, by two cheap upper bounds of the ratio, the stretches that could not be chosen;
    a test holds its answers to those of the plain path (False)."""
    if len(text) > FUZZY_TEXT_LIMIT or len(quote) > FUZZY_TEXT_LIMIT:
        return None
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    if block.size == 0:
        return None
    anchor = block.a - block.b
    candidates = []
    for start in {max(0, anchor + shift) for shift in range(-2, 3)}:
        for end in {min(len(text), start + max(1, len(quote) + shift)) for shift in range(-3, 4)}:
            matcher = difflib.SequenceMatcher(None, text[start:end], quote, autojunk=False)
            # Both bounds are cheap and at least the ratio, whose cost grows with the product of the
            # lengths (seconds for a long run of one letter): a stretch they rule out is never chosen.
            if pruned and (matcher.real_quick_ratio() < FUZZY_MIN_RATIO or matcher.quick_ratio() < FUZZY_MIN_RATIO):
                continue
            candidates.append((matcher.ratio(), -abs(end - start - len(quote)), -start, end))
    if not candidates:
        return None
    ratio, _, negative_start, end = max(candidates)
    if ratio < FUZZY_MIN_RATIO:
        return None
    start = -negative_start
    return _near(text, quote, start, end, "its wording")


def _named_differences(seed_part: str, quote: str) -> tuple[str, ...]:
    """The first few places where the seed and the quote differ, each naming both sides' characters."""
    named = []
    matcher = difflib.SequenceMatcher(None, seed_part, quote, autojunk=False)
    for tag, seed_from, seed_to, quote_from, quote_to in matcher.get_opcodes():
        if tag == "equal":
            continue
        seed_side = _characters(seed_part[seed_from:seed_to])
        quote_side = _characters(quote[quote_from:quote_to])
        named.append(f"seed has {seed_side} where the quote has {quote_side}")
        if len(named) == NAMED_DIFFERENCES:
            break
    return tuple(named)


def _characters(part: str) -> str:
    if not part:
        return "nothing"
    if len(part) > 3:
        return repr(part)
    return " ".join(f"{part_char!r} ({character_name(part_char)})" for part_char in part)


def character_name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"
