"""The whole numbers a quote writes, in digits or in English words, for the rule that a count is a
number its quote gives ("Numbers are never invented", docs/curation.md).

The reading is generous: every number a run of words can stand for is kept ("two hundred" gives
2 and 200), so the rule only refuses a count written nowhere in its quote, such as 9 beside
"eight missiles". Digits are any Unicode decimal digits, with thousands separated or not.
"""

from __future__ import annotations

import re
from fractions import Fraction
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
_HUNDRED = {"hundred": 100, "hundreds": 100, "dozen": 12, "dozens": 12}
# Scales that end a group of three digits: "two thousand five hundred" is 2 000 + 500.
_GROUPS = {"thousand": 1000, "thousands": 1000, "million": 10**6, "millions": 10**6}
_TWO = frozenset({"pair", "couple", "both", "twice", "double"})
# "killed a civilian" is a count of one and "no casualties" one of none: refusing them would leave
# the curator no number to give, at the price of reading 1 and 0 beside most quotes.
_ONE = frozenset({"single", "once", "lone", "sole", "a", "an"})
_NONE = frozenset({"no", "none", "nobody", "nothing"})

# Digits after a capital letter, or a capital and a hyphen, name a model or a place, not a count: the 16
# of 'F-16 jets', the 4 of 'T4', the 300 of 'S-300'; so do digits after a hyphen and a capital with one or
# two small letters, as Russian aircraft are named: 'Su-24', 'Tu-22M3', 'Mi-8'. They are read as no number,
# here and in columnar's digits. A small letter alone is left out: 'x4', 'dead-3' and 'killed12' write counts.
DESIGNATION = r"[A-Z](?:[a-z]{1,2}-|-)?[0-9]+"
# A day of a date, and its year: 'on February 24, 2020', '24 February 2020', '2020-02-24' write no count
# of 24 or 2020. Month names as English writes them, capitalised or in capitals.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH = "|".join(
    [
        *(f"{month[:3]}(?:{month[3:]})?\\.?" for month in MONTHS),
        *(f"{month.upper()[:3]}(?:{month.upper()[3:]})?" for month in MONTHS),
        "Sept\\.?",
        "SEPT",
    ]
)
# Spaces as both engines read them: RE2's \s is ASCII only, and pasted text writes no-break spaces.
_SPACE = "[\\s\u00a0\u202f]+"  # the two spaces written as themselves: RE2 reads no \\u escape
# A day is read as a date only where nothing else can be meant: 'February 24,' or 'Feb. 24th' or 'Feb.
# 24' ending the quote, '24 February', '2020-02-24'. 'In March 12 civilians were killed' writes a count,
# and so does the 2000 of 'On May 5, 2000 people': years stay numbers.
DATE = (
    rf"\b(?:{_MONTH}){_SPACE}[0-9]{{1,2}}(?:(?:st|nd|rd|th)\b|,|\.|$)"
    rf"|\b[0-9]{{1,2}}(?:st|nd|rd|th)?{_SPACE}(?:of{_SPACE})?(?:{_MONTH})\b"
    r"|\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b"
)
# What is read as no number at all, here and in columnar's digits.
NOT_COUNTS = f"{DESIGNATION}|{DATE}"
# ASCII word boundaries and classes, as RE2 reads them in columnar: a '\\b' between an Arabic digit
# and a letter is one to RE2 and none to Python's Unicode reading.
_NOT_COUNTS = re.compile(NOT_COUNTS, re.ASCII)
# Digits with or without thousands separators (comma, full stop, space, thin and no-break spaces), and
# any other run of digits on its own: "1,200" gives 1200, and 1 and 200 as well.
_DIGITS = re.compile(r"\d+(?:[,.\u0020\u00a0\u2009\u202f]\d{3})*")
# Digits before a scale: "3 thousand", "1.5 million", "2,5 thousand", "5 dozen".
_SCALED = re.compile(r"(\d+)(?:[,.](\d+))?[\u0020\u00a0\u2009\u202f]?(" + "|".join({**_HUNDRED, **_GROUPS}) + r")\b")
_WORDS = re.compile(r"[^\W\d_]+")
_HALF_DOZEN = re.compile(r"\bhalf[\s-]+(?:a[\s-]+)?dozen\b")
# No count has more digits (the integer type's bound); Python refuses to read more than 4300.
_MOST_DIGITS = 18


@lru_cache(maxsize=4096)
def written_numbers(text: str) -> frozenset[int]:
    """Every whole number ``text`` writes, in digits or in English words; digits that name a model or a
    place ('F-16') or write a date ('February 24, 2020') are none."""
    text = _NOT_COUNTS.sub(" ", text)
    found: set[int | None] = set()
    for match in _DIGITS.finditer(text):
        found.update(_whole(run) for run in (re.sub(r"\D", "", match.group()), *re.findall(r"\d+", match.group())))
    found.update(_whole(run) for run in re.findall(r"[0-9]+", text))  # ASCII runs, as columnar reads them
    folded = text.casefold()
    found.update(_scaled(whole, fraction, scale) for whole, fraction, scale in _SCALED.findall(folded))
    found.update(_in_words(_WORDS.findall(folded)))
    if _HALF_DOZEN.search(folded):
        found.add(6)
    return frozenset(number for number in found if number is not None)


def _whole(digits: str) -> int | None:
    """The number a run of digits writes; None beyond any count (leading zeros aside)."""
    return int(digits) if len(digits.lstrip("0")) <= _MOST_DIGITS else None


def _scaled(whole: str, fraction: str, scale: str) -> int | None:
    """ "1.5 million" is 1 500 000; None when the product is not whole ("1.25 dozen")."""
    if len(whole) + len(fraction) > _MOST_DIGITS:
        return None
    number = Fraction(f"{whole}.{fraction or 0}") * {**_HUNDRED, **_GROUPS}[scale]
    return int(number) if number.denominator == 1 else None


def _in_words(words: list[str]) -> set[int]:
    """Numbers written in words: "eight", "twenty-one", "two hundred and five", "a dozen",
    "three thousand two hundred". Each step of a run is kept, so "twenty-one" gives 20 and 21."""
    found: set[int] = set()
    groups: int | None = None  # the thousands and millions a run has reached
    group_scale = 0
    current: int | None = None  # the part below the last thousand or million
    for word in words:
        if word in _NUMBER_WORDS:
            value = _NUMBER_WORDS[word]
            if current is not None and (_joins_tens(current, value) or _joins_hundreds(current)):
                current += value
            elif current is None and groups is not None:
                current = value  # "two thousand" then "five"
            else:
                groups, group_scale, current = None, 0, value
        elif word in _HUNDRED:
            current = (1 if current is None else current) * _HUNDRED[word]
        elif word in _GROUPS:
            scale = _GROUPS[word]
            part = 1 if current is None else current
            if groups is not None and scale < group_scale:
                groups += part * scale  # "two million" then "three hundred thousand"
            else:
                groups, group_scale = ((groups or 0) + part) * scale, scale
            current = None
        elif word == "and" and (groups is not None or (current is not None and current >= 100)):
            continue
        else:
            groups, group_scale, current = None, 0, None
            if word in _TWO:
                found.add(2)
            elif word in _ONE:
                found.add(1)
            elif word in _NONE:
                found.add(0)
            continue
        if current is not None:
            found.add(current)
        found.add((groups or 0) + (current or 0))
    return found


def _joins_tens(current: int, value: int) -> bool:
    """ "twenty" then "one" is 21."""
    return current % 100 >= 20 and current % 10 == 0 and 0 < value < 10


def _joins_hundreds(current: int) -> bool:
    """ "two hundred" then "five" (or "twenty") is 205 (or 220)."""
    return current >= 100 and current % 100 == 0


# Words that make the number after them a bound, not an exact count ("Numbers are never invented",
# docs/curation.md): "at least eight" is value_low 8 alone, "up to five" value_high 5 alone. Not
# "over" and "under", which are as often places ("flew over 8 villages").
LOWER_BOUND_WORDS = (
    "at least",
    "more than",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
    "not fewer than",
    "not less than",
)
UPPER_BOUND_WORDS = (
    "up to",
    "as many as",
    "at most",
    "no more than",
    "not more than",
    "fewer than",
    "less than",
    "nearly",
    "almost",
)
BOUND_WORDS = LOWER_BOUND_WORDS + UPPER_BOUND_WORDS
# Case-blind: RE2 (columnar) reads it with ignore_case, Python's re with IGNORECASE.
BOUND_BEFORE = r"\b(?:" + "|".join(word.replace(" ", r"\s+") for word in BOUND_WORDS) + r")\s+"
_BOUND_JUST_BEFORE = re.compile(BOUND_BEFORE + r"$", re.IGNORECASE)


def bound_written(text: str, number: int) -> str | None:
    """The words that make ``number`` a bound ('at least'), when every place ``text`` writes it (in
    digits, or in words up to ninety-nine) follows such words; None when it writes it anywhere as a
    plain number, or nowhere."""
    bounds = []
    for found in _spelled(number).finditer(text):
        bound = _BOUND_JUST_BEFORE.search(text, max(0, found.start() - 40), found.start())
        if bound is None:
            return None
        bounds.append(" ".join(bound.group().split()))
    return bounds[0] if bounds else None


@lru_cache(maxsize=1024)
def _spelled(number: int) -> re.Pattern[str]:
    """The ways a count is written: its digits, grouped by thousands or not, and its English words
    up to ninety-nine ('eight', 'twenty-one')."""
    forms = [str(number), re.escape(f"{number:,}").replace(",", "[,.\u0020\u00a0\u2009\u202f]")]
    if number < 20:
        forms.append(_UNITS[number])
    elif number < 100:
        tens = next(word for word, value in _NUMBER_WORDS.items() if value == number - number % 10)
        forms.append(tens if number % 10 == 0 else f"{tens}[-\\s]+{_UNITS[number % 10]}")
    return re.compile(r"(?<![\w.,])(?:" + "|".join(forms) + r")(?!\w|[.,]\d)", re.IGNORECASE)


def bounds_lower(words: str) -> bool:
    """Whether the bounding ``words`` bound_written gives ('At least') make the number a lower bound."""
    return " ".join(words.casefold().split()) in LOWER_BOUND_WORDS
