"""The hedging words of a claim are the document's own: each part of ``hedging`` ('said', 'reports …
some of them') occurs in the paragraph that holds the claim's quote or its attribution words.

``hedging`` is copied by hand, not anchored at offsets, so a hedge swapped for a surer or a vaguer
word ('claimed' made 'confirmed') passed every other rule; the paragraph is where the words were read.
"""

from __future__ import annotations

import pandas as pd

from syria_strikes.problems import Problem, problem

# How the parts of a hedge that the document writes apart are joined in the cell.
PART_SEPARATOR = " \u2026 "
PARAGRAPH_BREAK = "\n\n"


def _paragraph(text: str, offset: int) -> str:
    """The paragraph (text between blank lines) holding the character at ``offset``."""
    offset = min(max(offset, 0), len(text))
    start = text.rfind(PARAGRAPH_BREAK, 0, offset)
    end = text.find(PARAGRAPH_BREAK, offset)
    return text[start + len(PARAGRAPH_BREAK) if start >= 0 else 0 : end if end >= 0 else len(text)]


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
