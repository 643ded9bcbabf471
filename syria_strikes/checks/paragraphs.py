"""Words a claim keeps beside its quote, held to the paragraph the quote is in.

``hedging`` is copied by hand, not anchored at offsets, so a hedge swapped for a surer or a vaguer
word ('claimed' made 'confirmed') passed every other rule: each part of it ('said', 'reports …
some of them') occurs in the paragraph of the quote or of the attribution words. The attribution
words themselves are anchored, but a quote swapped with another claim's, or moved, stays anchored
too: a document names who speaks beside what they say, so the attribution words lie in the quote's
paragraph (a warning: a quotation may run on over paragraphs). Paragraphs are parted by a blank
line as the sentences of a seed are (syria_strikes.sentences), whatever line endings its document
was saved with.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
import pandas as pd

from syria_strikes.problems import Problem, problem
from syria_strikes.sentences import paragraph_spans

# How the parts of a hedge that the document writes apart are joined in the cell.
PART_SEPARATOR = " \u2026 "


def _paragraph(spans: list[tuple[int, int]], ends: list[int], text: str, offset: int) -> str:
    """The paragraph (``spans``, their ``ends``, of ``text``) holding the character at ``offset``;
    one in the blank lines between two belongs to the paragraph before."""
    start, end = spans[min(bisect_left(ends, offset), len(spans) - 1)]
    return text[start:end]


def check_hedging(claims: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per claim whose hedging has a part that neither the paragraph of its quote nor
    that of its attribution words holds. A claim whose source has no trusted text, or whose quote
    has no offset, is another rule's to report."""
    judged = claims[
        (claims["hedging"].notna() & claims["source_id"].isin(list(texts)) & claims["quote_start"].notna()).to_numpy(
            dtype=bool
        )
    ]
    problems = []
    split: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}
    for line, hedging, source, quote_start, attribution_start in zip(
        judged.index,
        judged["hedging"],
        judged["source_id"],
        judged["quote_start"],
        judged["attribution_start"],
        strict=True,
    ):
        text = texts[source]
        if source not in split:
            spans = paragraph_spans(text)
            split[source] = (spans, [end for _, end in spans])
        paragraphs = [_paragraph(*split[source], text, int(quote_start))]
        if not pd.isna(attribution_start):
            paragraphs.append(_paragraph(*split[source], text, int(attribution_start)))
        missing = [part for part in str(hedging).split(PART_SEPARATOR) if not any(part in p for p in paragraphs)]
        if missing:
            problems.append(problem("hedging_worded", "claims", int(line), "hedging", hedging, missing=missing[0]))
    return problems


def check_attribution_paragraph(claims: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One warning per claim whose attribution words start in another paragraph than its quote's
    first and last characters. Offsets the anchoring rules reject are theirs to report. Paragraphs
    are numbered once per seed, and every claim of it looked up at once."""
    judged = claims[
        (
            claims["source_id"].isin(list(texts))
            & claims["quote_start"].notna()
            & claims["quote_end"].notna()
            & claims["attribution_start"].notna()
        ).to_numpy(dtype=bool)
    ]
    lines = judged.index.to_numpy()
    start, end, attribution = (judged[name].to_numpy(dtype=np.int64) for name in ATTRIBUTION_PARAGRAPH_COLUMNS)
    codes, seeds = pd.factorize(judged["source_id"])
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(seeds) + 1))
    apart = np.zeros(len(judged), dtype=bool)
    for k, source in enumerate(seeds.tolist()):
        rows = order[bounds[k] : bounds[k + 1]]
        breaks = np.array([end for _, end in paragraph_spans(texts[source])[:-1]], dtype=np.int64)
        held = np.searchsorted(breaks, attribution[rows], side="right")
        apart[rows] = (np.searchsorted(breaks, start[rows], side="right") != held) & (
            np.searchsorted(breaks, end[rows], side="right") != held
        )
    return [
        problem(
            "attribution_paragraph",
            "claims",
            int(line),
            "attribution_start",
            str(words),
            attribution_start=words,
            quote_start=first,
        )
        for line, first, words in zip(
            lines[apart].tolist(), start[apart].tolist(), attribution[apart].tolist(), strict=True
        )
    ]


ATTRIBUTION_PARAGRAPH_COLUMNS = ("quote_start", "quote_end", "attribution_start")
