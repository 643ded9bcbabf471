"""Words a claim keeps beside its quote, held to the paragraph the quote is in.

``hedging`` is copied by hand, not anchored at offsets, so a hedge swapped for a surer or a vaguer
word ('claimed' made 'confirmed') passed every other rule: each part of it ('said', 'reports …
some of them') occurs in the paragraph of the quote or of the attribution words. The attribution
words themselves are anchored, but a quote swapped with another claim's, or moved, stays anchored
too: a document names who speaks beside what they say, so the attribution words lie in the quote's
paragraph (a warning: a quotation may run on over paragraphs).
"""

from __future__ import annotations

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
    first and last characters. Offsets the anchoring rules reject are theirs to report."""
    judged = claims[
        (
            claims["source_id"].isin(list(texts))
            & claims["quote_start"].notna()
            & claims["quote_end"].notna()
            & claims["attribution_start"].notna()
        ).to_numpy(dtype=bool)
    ]
    problems = []
    for line, source, start, end, attribution in zip(
        judged.index.tolist(),
        judged["source_id"].tolist(),
        judged["quote_start"].tolist(),
        judged["quote_end"].tolist(),
        judged["attribution_start"].tolist(),
        strict=True,
    ):
        text = texts[source]
        held = _paragraph_span(text, int(attribution))
        if not any(held[0] <= offset <= held[1] for offset in (int(start), int(end))):
            problems.append(
                problem(
                    "attribution_paragraph",
                    "claims",
                    line,
                    "attribution_start",
                    str(attribution),
                    attribution_start=attribution,
                    quote_start=start,
                )
            )
    return problems


def _paragraph_span(text: str, offset: int) -> tuple[int, int]:
    """Where the paragraph holding ``offset`` starts and ends."""
    offset = min(max(offset, 0), len(text))
    start = text.rfind(PARAGRAPH_BREAK, 0, offset)
    end = text.find(PARAGRAPH_BREAK, offset)
    return (start + len(PARAGRAPH_BREAK) if start >= 0 else 0, end if end >= 0 else len(text))
