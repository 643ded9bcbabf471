"""The whole numbers a quote writes, in digits or in English words, for the rule that a count is a
number its quote gives ("Numbers are never invented", docs/curation.md).

The reading is generous: every number a run of words can stand for is kept ("two hundred" gives
2 and 200), so the rule only refuses a count written nowhere in its quote, such as 9 beside
"eight missiles". Digits are any Unicode decimal digits, with thousands separated or not.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)}
_NUMBER_WORDS |= {
    word: 10 * k
    for k, word in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2)
}
_SCALES = {"hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000, "million": 10**6, "dozen": 12}
_SCALES |= {"millions": 10**6, "dozens": 12}
_TWO = frozenset({"pair", "couple", "both", "twice", "double"})
_ONE = frozenset({"single", "once", "lone", "sole"})

# Digits with or without thousands separators (comma, full stop, space, no-break spaces), and
# any other run of digits on its own: "1,200" gives 1200, and 1 and 200 as well.
_DIGITS = re.compile(r"\d+(?:[,.\u0020\u00a0\u202f]\d{3})*")
_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def written_numbers(text: str) -> frozenset[int]:
    """Every whole number ``text`` writes, in digits or in English words."""
    found: set[int] = set()
    for match in _DIGITS.finditer(text):
        found.add(int(re.sub(r"\D", "", match.group())))
        found.update(int(run) for run in re.findall(r"\d+", match.group()))
    found.update(int(run) for run in re.findall(r"[0-9]+", text))  # ASCII runs, as columnar reads them
    found.update(_in_words(_WORDS.findall(text.casefold())))
    return frozenset(found)


def _in_words(words: list[str]) -> set[int]:
    """Numbers written in words: "eight", "twenty-one", "two hundred and five", "a dozen"."""
    found: set[int] = set()
    current: int | None = None
    for word in words:
        if word in _NUMBER_WORDS:
            value = _NUMBER_WORDS[word]
            if current is not None and (_joins_tens(current, value) or _joins_hundreds(current)):
                current += value
            else:
                current = value
        elif word in _SCALES:
            current = (1 if current is None else current) * _SCALES[word]
        elif word == "and" and current is not None and current >= 100:
            continue
        else:
            current = None
            if word in _TWO:
                found.add(2)
            elif word in _ONE:
                found.add(1)
            continue
        found.add(current)
    return found


def _joins_tens(current: int, value: int) -> bool:
    """ "twenty" then "one" is 21."""
    return current % 100 >= 20 and current % 10 == 0 and 0 < value < 10


def _joins_hundreds(current: int) -> bool:
    """ "two hundred" then "five" (or "twenty") is 205 (or 220)."""
    return current >= 100 and current % 100 == 0
