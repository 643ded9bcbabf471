"""The words a claim keeps beside its quote, held to the paragraph of the quote, in seeds written
with any of the three line endings: an archived document is kept byte for byte, so one saved on
Windows (CR LF) or an old Mac (CR) has its paragraphs apart by those line breaks, not by LF LF.
"""

from __future__ import annotations

import pandas as pd
import pytest

from syria_strikes.checks.paragraphs import check_attribution_paragraph, check_hedging
from tests.support.frames import typed_frame

LINE_ENDINGS = {"LF": "\n", "CR LF": "\r\n", "CR": "\r"}
FIRST = "A military source said the base was hit."
SECOND = "Officials confirmed the strike."


def _text(newline: str) -> str:
    """Two paragraphs: a blank line between them, written with ``newline``."""
    return FIRST + newline + newline + SECOND


def _claim(text: str, *, hedging: str, quote: str, attribution: str) -> pd.DataFrame:
    quote_start, attribution_start = text.index(quote), text.index(attribution)
    return typed_frame(
        "claims",
        [
            {
                "source_id": "src-seed-000",
                "hedging": hedging,
                "quote": quote,
                "quote_start": quote_start,
                "quote_end": quote_start + len(quote),
                "attribution_quote": attribution,
                "attribution_start": attribution_start,
                "attribution_end": attribution_start + len(attribution),
            }
        ],
    )


@pytest.mark.parametrize("newline", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_a_hedge_worded_only_in_another_paragraph_is_reported(newline: str) -> None:
    text = _text(newline)
    claims = _claim(text, hedging="confirmed", quote="the base was hit", attribution="A military source said")
    problems = check_hedging(claims, {"src-seed-000": text})
    assert [(p.row, p.column, p.rule, p.value) for p in problems] == [(2, "hedging", "hedging_worded", "confirmed")]


@pytest.mark.parametrize("newline", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_a_hedge_in_the_quotes_paragraph_passes(newline: str) -> None:
    text = _text(newline)
    claims = _claim(text, hedging="said", quote="the base was hit", attribution="A military source said")
    assert check_hedging(claims, {"src-seed-000": text}) == []


@pytest.mark.parametrize("newline", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_attribution_words_a_paragraph_away_from_the_quote_are_warned(newline: str) -> None:
    text = _text(newline)
    claims = _claim(text, hedging="said", quote="the strike", attribution="A military source said")
    problems = check_attribution_paragraph(claims, {"src-seed-000": text})
    assert [(p.row, p.column, p.rule, p.decision) for p in problems] == [
        (2, "attribution_start", "attribution_paragraph", "warn")
    ]


@pytest.mark.parametrize("newline", LINE_ENDINGS.values(), ids=LINE_ENDINGS.keys())
def test_one_line_break_does_not_end_a_paragraph(newline: str) -> None:
    """A hard-wrapped paragraph is still one: only a blank line parts two."""
    text = FIRST + newline + SECOND
    claims = _claim(text, hedging="confirmed", quote="the base was hit", attribution="A military source said")
    assert check_hedging(claims, {"src-seed-000": text}) == []
    claims = _claim(text, hedging="said", quote="the strike", attribution="A military source said")
    assert check_attribution_paragraph(claims, {"src-seed-000": text}) == []


# Two paragraphs apart by a blank line that holds a space: a paragraph break as the sentence rule,
# the coverage and the site's documents see it.
SPACED = "The ministry said missiles struck the base.\n \nReports claimed eight were killed."
SAID, STRUCK, CLAIMED, KILLED = (SPACED.index(word) for word in ("said", "missiles struck", "claimed", "eight"))


def _spaced_claim(hedging: str, quote: tuple[int, int], attribution: int) -> dict[str, object]:
    return {
        "claim_id": "clm-000-001",
        "source_id": "src-seed",
        "hedging": hedging,
        "quote_start": quote[0],
        "quote_end": quote[1],
        "attribution_start": attribution,
    }


def test_a_blank_line_holding_a_space_parts_paragraphs_for_the_hedge() -> None:
    quote = (STRUCK, STRUCK + len("missiles struck the base"))
    claims = typed_frame("claims", [_spaced_claim("said", quote, SAID), _spaced_claim("claimed", quote, SAID)])
    found = check_hedging(claims, {"src-seed": SPACED})
    assert [(p.row, p.rule, p.value) for p in found] == [(3, "hedging_worded", "claimed")]


def test_a_blank_line_holding_a_space_parts_paragraphs_for_the_attribution_words() -> None:
    quote = (KILLED, KILLED + len("eight were killed"))
    claims = typed_frame("claims", [_spaced_claim("claimed", quote, CLAIMED), _spaced_claim("said", quote, SAID)])
    found = check_attribution_paragraph(claims, {"src-seed": SPACED})
    assert [(p.row, p.rule) for p in found] == [(3, "attribution_paragraph")]
