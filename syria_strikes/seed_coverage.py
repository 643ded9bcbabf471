"""How much of each seed the claims quote, and which sentences no claim touches.

A second curator's question, "is anything in this document missing from the tables?", becomes a
checked state: every sentence (by the rule in ``sentences``) is either overlapped by at least one
claim quote or declared in uncovered_sentences with a reason. The share counts visible characters
only (not whitespace), so blank lines and indentation neither help nor hurt it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from syria_strikes.sentences import split_sentences

Span = tuple[int, int]


@dataclass(frozen=True)
class Declared:
    """A row of uncovered_sentences: the sentence's span, its ID and the reason."""

    uncovered_id: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    quoted: bool
    declared: Declared | None

    @property
    def missing(self) -> bool:
        return not self.quoted and self.declared is None


@dataclass(frozen=True)
class SeedCoverage:
    source_id: str
    seed_path: str
    claim_count: int
    quoted_spans: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    covered_characters: int
    visible_characters: int
    stray_declarations: tuple[Declared, ...]
    text: str = field(repr=False, default="")

    @property
    def share(self) -> float:
        return self.covered_characters / self.visible_characters if self.visible_characters else 1.0

    @property
    def uncovered(self) -> tuple[Sentence, ...]:
        return tuple(sentence for sentence in self.sentences if not sentence.quoted)

    @property
    def missing(self) -> tuple[Sentence, ...]:
        return tuple(sentence for sentence in self.sentences if sentence.missing)


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Overlapping or touching spans joined, in order; empty spans dropped."""
    merged: list[list[int]] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def overlaps(merged: tuple[Span, ...], span: Span) -> bool:
    """Whether ``span`` shares at least one character with the merged spans."""
    index = bisect_left(merged, (span[1], span[1]))
    return index > 0 and merged[index - 1][1] > span[0]


@dataclass(frozen=True)
class Judged:
    """What validate needs of a seed's coverage, without the per-sentence detail of ``seed_coverage``."""

    missing: tuple[Span, ...]
    declared_but_quoted: tuple[Declared, ...]
    stray_declarations: tuple[Declared, ...]


def judge(text: str, quote_spans: list[Span], declared: list[Declared]) -> Judged:
    """The sentences neither quoted nor declared, the declared ones a claim quotes, and the
    declarations that match no sentence. One sweep over sentences and merged quotes, in order,
    because validate runs this on every seed of the archive."""
    merged = merge_spans(quote_spans)
    by_span = {(row.start, row.end): row for row in declared}
    missing, quoted_declared, matched = [], [], set()
    position = 0
    for start, end in split_sentences(text):
        while position < len(merged) and merged[position][1] <= start:
            position += 1
        quoted = position < len(merged) and merged[position][0] < end
        row = by_span.get((start, end))
        if row is not None:
            matched.add((start, end))
            if quoted:
                quoted_declared.append(row)
        elif not quoted:
            missing.append((start, end))
    stray = tuple(row for row in declared if (row.start, row.end) not in matched)
    return Judged(tuple(missing), tuple(quoted_declared), stray)


def seed_coverage(
    source_id: str, seed_path: str, text: str, quote_spans: list[Span], declared: list[Declared]
) -> SeedCoverage:
    """The coverage of one seed by the claims' quote spans, with its declared sentences matched by span."""
    merged = merge_spans((max(0, start), min(len(text), end)) for start, end in quote_spans)
    by_span = {(row.start, row.end): row for row in declared}
    sentences = tuple(
        Sentence(start, end, text[start:end], overlaps(merged, (start, end)), by_span.get((start, end)))
        for start, end in split_sentences(text)
    )
    matched = {(sentence.start, sentence.end) for sentence in sentences}
    covered = sum(_visible(text[start:end]) for start, end in merged)
    return SeedCoverage(
        source_id,
        seed_path,
        len(quote_spans),
        merged,
        sentences,
        covered,
        _visible(text),
        tuple(row for row in declared if (row.start, row.end) not in matched),
        text,
    )


def _visible(text: str) -> int:
    return len("".join(text.split()))
