"""The site's words for codes, dates, counts and values: what a reader without the data dictionary needs.

A vocabulary's meaning is written for data users and cites columns (value_actor_id, date_start);
pages that show no table give it without them. Dates, counts and time values are written out
('not after 2020-01-14', 'at least 8 persons', '2020-01-03 to 2020-01-10').
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from syria_strikes.derived import ACCOUNTS
from syria_strikes.metadata import TABLES, TIME_INTERVAL, VOCABULARIES

_MEANINGS = {vocabulary.name: dict(vocabulary.values) for vocabulary in VOCABULARIES}


def meaning(vocabulary: str, code: str) -> str:
    """A code's meaning as the pages give it (``plain_meaning``)."""
    return plain_meaning(_MEANINGS[vocabulary][code])


# Column names as a vocabulary's wording cites them for data users (value_actor_id, date_start): the
# dictionary page keeps them; a reader of an event page has no column in sight.
_CITED_COLUMN = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(c.name) for t in TABLES for c in t.columns if "_" in c.name})) + r")\b"
)


def plain_meaning(meaning: str) -> str:
    """A code's meaning for a page that shows no table: without the parentheses and the clauses after
    the first that cite a column ('Who carried it out (value_actor_id).' -> 'Who carried it out.')."""
    text = re.sub(r"\s*\([^()]*\)", lambda part: "" if _CITED_COLUMN.search(part.group()) else part.group(), meaning)
    first, *rest = re.split(r"([;:] )", text.rstrip("."))
    pairs = zip(rest[::2], rest[1::2], strict=True)  # each clause after the first, behind its ': ' or '; '
    return first + "".join(mark + clause for mark, clause in pairs if not _CITED_COLUMN.search(clause)) + "."


def words(code: str | None) -> str:
    """A vocabulary code as words: 'munitions_intercepted' -> 'munitions intercepted'."""
    return "—" if code is None else code.replace("_", " ")


def dates(event: dict[str, Any]) -> str:
    """An interval of days in words; its end is the last day it can be ('not after', as a source's
    publication is written: 'before 2020-01-14' read as if that day itself were excluded)."""
    start, end = event["date_start"], event["date_end"]
    if start is None:
        return f"not after {end.isoformat()}"
    if start == end:
        return str(start.isoformat())
    return f"{start.isoformat()} to {end.isoformat()}"


def count(claim: dict[str, Any]) -> str:
    """The count as the claim gives it: exact, bounded, or open on one side."""
    value, low, high, unit = claim["value"], claim["value_low"], claim["value_high"], claim["unit"] or ""
    if value is not None and low in (None, value) and high in (None, value):
        text = f"{value}"
    elif low is not None and high is not None:
        text = f"{low} to {high}" + (f" (stated {value})" if value is not None else "")
    elif low is not None:
        text = f"at least {low}"
    elif high is not None:
        text = f"at most {high}"
    else:
        text = f"{value}"
    bounds = f"; value {_or_dash(value)}, low {_or_dash(low)}, high {_or_dash(high)}"
    return f"{text} {unit}".strip() + bounds


def claimed_value(claim: dict[str, Any]) -> str:
    """The value as words: a time claim's 'start/end' days ('../2020-01-15' is open before) as the
    event pages write dates, since the page shows no dictionary saying how the interval is written."""
    text = str(claim["value_text"])
    if claim["predicate"] == "time" and re.fullmatch(TIME_INTERVAL, text):
        start, end = text.split("/")
        try:
            days = {
                "date_start": None if start == ".." else date.fromisoformat(start),
                "date_end": date.fromisoformat(end),
            }
        except ValueError:  # shaped as days but none (2020-02-30): shown as written
            return text
        return dates(days)
    return text


def count_range(summary: dict[str, Any], claims: list[dict[str, Any]]) -> str | None:
    """What the accounts' counts span, in words: the page said 'range open to open munitions' for a
    predicate no account gave a number for, and 'range 8 to open' for 'at least 8'."""
    unit = summary["unit"]
    if unit is None:
        return None
    low, high = summary["low"], summary["high"]
    if low is not None and high is not None:
        return f"count {low} {unit}" if low == high else f"counts from {low} to {high} {unit}"
    if low is not None:
        return f"at least {low} {unit}"
    if high is not None:
        return f"at most {high} {unit}"
    numbered = any(
        claim["stance"] in ACCOUNTS and any(claim[name] is not None for name in ("value", "value_low", "value_high"))
        for claim in claims
    )
    return "no single range: see each claim's count" if numbered else "no count given"


def _or_dash(number: int | None) -> str:
    return "—" if number is None else str(number)


def coordinates(event: dict[str, Any]) -> str:
    latitude, longitude = event["latitude"], event["longitude"]
    return (
        f"{abs(latitude):g}° {'N' if latitude >= 0 else 'S'}, {abs(longitude):g}° {'E' if longitude >= 0 else 'W'}"
        f" (latitude {latitude:g}, longitude {longitude:g})"
    )


def published_interval(start: date | None, end: date | None) -> str:
    """When a source was published: either bound may be unknown alone, as validate allows."""
    if end is None:
        return "unknown" if start is None else f"not before {start.isoformat()}"
    return dates({"date_start": start, "date_end": end})  # 'not after' when only the end is known
