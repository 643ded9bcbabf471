"""Words a claim keeps beside its quote, held to the paragraph the quote is in.

``hedging`` is copied by hand, not anchored at offsets, so a hedge swapped for a surer or a vaguer
word ('claimed' made 'confirmed') passed every other rule: each part of it ('said', 'reports …
some of them') occurs in the paragraph of the quote or of the attribution words. The attribution
words themselves are anchored, but a quote swapped with another claim's, or moved, stays anchored
too: a document names who speaks beside what they say, so the attribution words lie in the quote's
paragraph (a warning: a quotation may run on over paragraphs).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from syria_strikes.problems import Problem, problem

# How the parts of a hedge that the document writes apart are joined in the cell.
PART_SEPARATOR = " \u2026 "
PARAGRAPH_BREAK = "\n\n"


def _paragraph(text: str, offset: int) -> str:
    """The paragraph (text between blank lines) holding the character at ``offset``."""
    start, end = _paragraph_span(text, offset)
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
    for line, hedging, source, quote_start, attribution_start in zip(
        judged.index,
        judged["hedging"],
        judged["source_id"],
        judged["quote_start"],
        judged["attribution_start"],
        strict=True,
    ):
        text = texts[source]
        paragraphs = [_paragraph(text, int(quote_start))]
        if not pd.isna(attribution_start):
            paragraphs.append(_paragraph(text, int(attribution_start)))
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
        breaks = np.array([match.start() for match in re.finditer(PARAGRAPH_BREAK, texts[source])], dtype=np.int64)
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


def _paragraph_span(text: str, offset: int) -> tuple[int, int]:
    """Where the paragraph holding ``offset`` starts and ends."""
    offset = min(max(offset, 0), len(text))
    start = text.rfind(PARAGRAPH_BREAK, 0, offset)
    end = text.find(PARAGRAPH_BREAK, offset)
    return (start + len(PARAGRAPH_BREAK) if start >= 0 else 0, end if end >= 0 else len(text))
