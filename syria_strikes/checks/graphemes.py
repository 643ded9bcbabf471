"""Whether an offset falls between two user-perceived characters (Unicode grapheme clusters).

A quote that starts or ends inside a cluster cuts a combining accent off its letter, or an emoji
sequence or a flag in half: the quote would render differently from the seed even though every
code point matches. Clusters follow Unicode's rules as ``regex``'s ``\\X`` implements them.

Segmenting every seed would cost a Python object per character (seconds at scale), so each offset
is judged where it stands. No rule of UAX #29 joins two characters unless the one after may
continue a cluster (Extend, ZWJ, SpacingMark, a regional indicator, a Hangul jamo or syllable,
LF) or the one before may be continued (Prepend, ZWJ, Extend, a regional indicator, Hangul, CR):
an offset between two other characters is a boundary. Otherwise the text is segmented from the
nearest such certain boundary before it, which gives the exact answer.
"""

from __future__ import annotations

from functools import cache

import regex

GRAPHEME = regex.compile(r"\X")
HANGUL = r"\p{Grapheme_Cluster_Break=L}\p{Grapheme_Cluster_Break=V}\p{Grapheme_Cluster_Break=T}"
HANGUL += r"\p{Grapheme_Cluster_Break=LV}\p{Grapheme_Cluster_Break=LVT}"
SHARED = r"\p{Grapheme_Cluster_Break=ZWJ}\p{Grapheme_Cluster_Break=Regional_Indicator}"
SHARED += rf"\p{{Grapheme_Cluster_Break=Extend}}{HANGUL}"
CONTINUES = rf"[{SHARED}\p{{Grapheme_Cluster_Break=SpacingMark}}\n]"
CONTINUED = rf"[{SHARED}\p{{Grapheme_Cluster_Break=Prepend}}\r]"
LOOKBACK = 256
_ASCII = bytes(range(128))


_CONTINUES = regex.compile(CONTINUES)
_CONTINUED = regex.compile(CONTINUED)


@cache
def _continues(char: str) -> bool:
    """Whether ``char`` may continue the cluster of the character before it (asked once per character)."""
    return _CONTINUES.match(char) is not None


@cache
def _continued(char: str) -> bool:
    """Whether ``char`` may be continued by the character after it."""
    return _CONTINUED.match(char) is not None


def _beyond_ascii(text: str) -> set[str]:
    """The characters of ``text`` beyond ASCII. The ASCII bytes are deleted from its UTF-8 form
    before the set is made: five times faster than ``set(text)`` on seeds that are mostly ASCII,
    and deleting whole ASCII bytes never splits a character of more than one byte."""
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))


class Boundaries:
    """Judges offsets in seeds. Each seed's characters that can join another are found once, so
    an offset between two others costs two set lookups; a seed whose text joins characters over
    long runs (Hangul, long combining sequences) is segmented whole, once, so no input makes the
    check quadratic."""

    def __init__(self) -> None:
        self._whole: dict[str, bytearray] = {}
        self._joining: dict[str, tuple[frozenset[str], frozenset[str]] | None] = {}

    def _joiners(self, key: str, text: str) -> tuple[frozenset[str], frozenset[str]] | None:
        if key not in self._joining:
            if text.isascii() and "\r" not in text:  # CR, and LF after it, are ASCII's only joiners
                self._joining[key] = None
                return None
            chars = _beyond_ascii(text)
            if "\r" in text:  # LF continues only a CR
                chars |= {"\r", "\n"}
            continues = frozenset(char for char in chars if _continues(char))
            continued = frozenset(char for char in chars if _continued(char))
            self._joining[key] = (continues, continued) if continues or continued else None
        return self._joining[key]

    def may_cut(self, key: str, text: str) -> bool:
        """Whether any offset in this seed can fall inside a cluster; False for most seeds."""
        return self._joiners(key, text) is not None

    def cuts(self, key: str, text: str, start: int, end: int) -> bool:
        """Whether ``start`` or ``end`` in ``text`` (known as ``key``) lies inside a grapheme cluster."""
        joiners = self._joiners(key, text)
        if joiners is None:
            return False
        continues, continued = joiners
        return any(
            0 < offset < len(text)
            and (text[offset] in continues or text[offset - 1] in continued)
            and self._inside(key, text, offset, continues, continued)
            for offset in (start, end)
        )

    def _inside(self, key: str, text: str, offset: int, continues: frozenset[str], continued: frozenset[str]) -> bool:
        start = offset - 1
        while start > 0 and (text[start] in continues or text[start - 1] in continued):
            start -= 1
            if offset - start > LOOKBACK:
                return not self._segmented(key, text)[offset]
        position = start
        for match in GRAPHEME.finditer(text, start, offset + 1):
            position = match.end()
            if position >= offset:
                break
        return position != offset

    def _segmented(self, key: str, text: str) -> bytearray:
        if key not in self._whole:
            found = bytearray(len(text) + 1)
            for match in GRAPHEME.finditer(text):
                found[match.start()] = 1
            found[len(text)] = 1
            self._whole[key] = found
        return self._whole[key]
