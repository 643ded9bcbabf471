"""Whether an offset falls between two user-perceived characters (Unicode grapheme clusters).

A quote that starts or ends inside a cluster cuts a combining accent off its letter, or an emoji
sequence or a flag in half: the quote would render differently from the seed even though every
code point matches. Clusters are found by ``regex``'s ``\\X``, which follows Unicode's rules.
"""

from __future__ import annotations

from syria_strikes.unicode_sets import GRAPHEME


class Boundaries:
    """The cluster boundaries of each seed, worked out once per seed and only when asked."""

    def __init__(self) -> None:
        self._found: dict[str, bytearray | None] = {}

    def cuts(self, key: str, text: str, offset: int) -> bool:
        """Whether ``offset`` in ``text`` (known as ``key``) lies inside a grapheme cluster."""
        if key not in self._found:
            self._found[key] = _boundaries(text)
        found = self._found[key]
        return found is not None and 0 <= offset <= len(text) and not found[offset]


def _boundaries(text: str) -> bytearray | None:
    """1 at each offset where a cluster starts or the text ends; None when every offset is one
    (ASCII without a CR LF pair, where each character is its own cluster)."""
    if text.isascii() and "\r\n" not in text:
        return None
    found = bytearray(len(text) + 1)
    for match in GRAPHEME.finditer(text):
        found[match.start()] = 1
    found[len(text)] = 1
    return found
