"""The sentence rule of syria_strikes.sentences, on made-up text and on every real seed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from syria_strikes.sentences import paragraph_spans, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_text(name: str) -> str:
    with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
        return handle.read()


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_terminators_closing_quotes_and_paragraphs_end_sentences() -> None:
    text = "One. “Two?” Three!\n\n  four without a stop\nstill four.  "
    assert sentences(text) == ["One.", "“Two?”", "Three!", "four without a stop\nstill four."]


def test_paragraph_spans_and_the_breaks_between_them_tile_the_text() -> None:
    text = "one\n\ntwo\n \t\nthree\nstill three\n\n\n"
    spans = paragraph_spans(text)
    assert [text[start:end] for start, end in spans] == ["one", "two", "three\nstill three", ""]
    assert [text[end:start] for (_, end), (start, _) in pairwise(spans)] == [
        "\n\n",
        "\n \t\n",
        "\n\n\n",
    ]


def test_a_lowercase_word_after_a_stop_continues_the_sentence() -> None:
    assert sentences("It was 3 p.m. when sirens sounded. Then it stopped.") == [
        "It was 3 p.m. when sirens sounded.",
        "Then it stopped.",
    ]


@pytest.mark.parametrize(
    "text",
    ["Rear Adm. Vadim Kulit spoke.", "Gen. Soleimani died.", "J. Smith wrote.", "The U.S. Army denied it."],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_spans_are_code_points_even_after_characters_outside_the_bmp() -> None:
    text = "\U0001f4f0 Emoji first. Then text."
    assert split_sentences(text) == [(0, 14), (15, 25)]
    assert text[15:25] == "Then text."


@pytest.mark.parametrize("text", ["", "   \n\n \n", "\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


@pytest.mark.parametrize("name", sorted(path.name for path in SEEDS.glob("*.txt")))
def test_every_visible_character_of_a_seed_lies_in_exactly_one_trimmed_sentence(name: str) -> None:
    text = seed_text(name)
    spans = split_sentences(text)
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered[start:end] = [True] * (end - start)
        previous_end = end
    assert all(covered[i] or char.isspace() for i, char in enumerate(text))


def test_seed_000_sentences() -> None:
    found = sentences(seed_text("000_88ebea6c751ab514.txt"))
    assert len(found) == 22
    assert found[0] == "date 2020-01-15 advertisement"
    # The stop inside a quotation that goes on ends a sentence: the quote spans two of them.
    assert found[5] == "“The air defense of the army immediately intercepted and shot down a number of enemy missiles."
    assert found[6].startswith("In the meantime, 4 missiles") and found[6].endswith("through the state news agency.")
    assert found[12].endswith(
        "have been killed, ”said Rami Abdel Rahman, director of the Syrian Human Rights Observatory, "
        "the Times of Israel."
    )
    assert found[-1].endswith("said Putin, the Associated Press reported.")


def test_seed_002_sentences() -> None:
    found = sentences(seed_text("002_86ac48df2dcecc3b.txt"))
    assert len(found) == 13
    assert found[:2] == ["date 2021-07-25 Yerushalayim -", "Sunday, July 25, 2021 at 3:58 am |"]
    assert found[2].startswith("FILE PHOTO: ") and found[2].endswith("by state news agency SANA on February 24, 2020.")
    assert found[3] == "(SANA/Handout via REUTERS ATTENTION EDITORS \u2013 THIS IMAGE WAS PROVIDED BY A THIRD PARTY."
    assert found[4] == "REUTERS IS UNABLE TO INDEPENDENTLY VERIFY THIS IMAGE/File Photo)"
    assert found[6].startswith("Rear Adm. Vadim Kulit, who heads")
    assert found[-1].endswith("does not give its blessing to its attacks,” the Russian source said.")
