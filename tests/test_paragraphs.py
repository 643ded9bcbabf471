"""The rules that hold a claim's hedge and attribution words to its quote's paragraph."""

from __future__ import annotations

from syria_strikes.checks.paragraphs import check_attribution_paragraph, check_hedging
from tests.support.frames import typed_frame

# Two paragraphs apart by a blank line that holds a space: a paragraph break as the sentence rule,
# the coverage and the site's documents see it.
TEXT = "The ministry said missiles struck the base.\n \nReports claimed eight were killed."
SAID, STRUCK, CLAIMED, KILLED = (TEXT.index(word) for word in ("said", "missiles struck", "claimed", "eight"))


def _claim(hedging: str, quote: tuple[int, int], attribution: int) -> dict[str, object]:
    return {
        "claim_id": "clm-000-001",
        "source_id": "src-seed",
        "hedging": hedging,
        "quote_start": quote[0],
        "quote_end": quote[1],
        "attribution_start": attribution,
    }


def test_a_hedge_in_the_quotes_paragraph_passes_and_one_in_the_next_paragraph_does_not() -> None:
    quote = (STRUCK, STRUCK + len("missiles struck the base"))
    claims = typed_frame("claims", [_claim("said", quote, SAID), _claim("claimed", quote, SAID)])
    found = check_hedging(claims, {"src-seed": TEXT})
    assert [(p.row, p.rule, p.value) for p in found] == [(3, "hedging_worded", "claimed")]


def test_attribution_words_in_another_paragraph_than_the_quote_are_warned_of() -> None:
    quote = (KILLED, KILLED + len("eight were killed"))
    claims = typed_frame("claims", [_claim("claimed", quote, CLAIMED), _claim("said", quote, SAID)])
    found = check_attribution_paragraph(claims, {"src-seed": TEXT})
    assert [(p.row, p.rule) for p in found] == [(3, "attribution_paragraph")]
