"""Split a seed into sentences, as code-point spans, by one documented rule.

Coverage ("which sentences does no claim quote touch?") needs sentences that a curator can predict
and a test can pin down. A trained splitter would bring a model and its updates into the dependency
budget for two short English texts, so the rule is written here and its results are tested on
every seed. The rule, in order:

1. A blank line (a line break, optional whitespace, a line break) ends a paragraph, and a
   paragraph always ends a sentence. A line break is LF, CR LF or CR: a seed is kept byte for
   byte, as its document was saved. A single line break is only whitespace, so hard-wrapped
   text still reads as running sentences.
2. Inside a paragraph, a sentence ends after a run of terminators (``.``, ``!``, ``?``, ``…``)
   and any closing quotes or brackets right after it (right double or single quotation mark,
   ``"``, ``'``, right guillemet, ``)``, ``]``), when whitespace follows
   and the next visible character is not a lowercase letter.
3. A single ``.`` does not end a sentence after an abbreviation: a word in ``ABBREVIATIONS``
   ("Rear Adm. Vadim Kulit"), a single capital letter (an initial, "J. Smith") or a word with a
   dot inside it ("U.S.", "e.g."). So "the U.S. The next day" stays one sentence; such a rare
   miss only makes a sentence longer, never hides text.
4. Each span is trimmed of surrounding whitespace; a paragraph of only whitespace gives none.
   Every visible character of the text lies in exactly one span.

Offsets are Python string indices, i.e. Unicode code points, start inclusive and end exclusive,
the same unit as ``quote_start``/``quote_end``.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    {
        # Titles and ranks that precede a name.
        "Adm", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dr", "Gen", "Gov", "Lt", "Maj", "Mr", "Mrs",
        "Ms", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "Jr", "St",
        # Months written short before a day or year.
        "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        # Others that precede a number or a name.
        "No", "Nos", "Mt", "Ft", "Inc", "Ltd", "Corp", "Co", "vs", "approx",
    }
)  # fmt: skip

WORD_WINDOW = 40  # the word before a stop is looked for this far back; no abbreviation is longer
_LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
# A blank line between two paragraphs (rule 1), with any further blank lines: one definition for
# the sentences, the checks of words held to a quote's paragraph, and the site's documents.
PARAGRAPH_BREAK = re.compile(rf"{_LINE_BREAK}\s*{_LINE_BREAK}")
# A run of terminators and closing marks and, when whitespace follows, the next visible
# character, found by the regex so that each candidate end costs only a few comparisons in
# Python: validate splits every seed of the archive.
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\u201d\u2019\"'\u00bb)\]]*(?=\s+(?P<next>\S)|\s*\Z)")
_OPENING = "\u201c\u2018\"'\u00ab(["


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) code-point span of every sentence in ``text``, in order, by the module's rule."""
    return [span for start, end in paragraph_spans(text) for span in _paragraph_sentences(text, start, end)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) span of each paragraph by rule 1, in order: the text between two breaks,
    whitespace-only or empty ones included, so the spans and the breaks tile the text."""
    spans, start = [], 0
    for found in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(text)))
    return spans


def _paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sentence_start = _trimmed(text, start, end)[0]
    for match in _SENTENCE_END.finditer(text, start, end):
        following = match.group("next")
        if following is not None and following.islower():
            continue
        stop = match.start()
        if match.group() == "." and _is_abbreviation(text[max(sentence_start, stop - WORD_WINDOW) : stop]):
            continue
        if sentence_start < match.end():
            spans.append((sentence_start, match.end()))
        sentence_start = match.start("next") if following is not None else end
    if sentence_start < end:
        spans.append(_trimmed(text, sentence_start, end))
    return spans


def _is_abbreviation(before_stop: str) -> bool:
    if not before_stop or before_stop[-1].isspace():
        return False
    word = before_stop.rsplit(None, 1)[-1].lstrip(_OPENING)
    return word in ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
