"""Geometry of the index page's timeline: one row per event in date order, drawn as inline SVG.

Events cluster (eight within a fortnight, then none for a year and a half), so a linear time
axis would pile them on one point. Rows follow date order instead, and a long quiet stretch is
drawn as a break that says how long it is, so the gaps stay visible without hiding any event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROW = 46
BREAK = 30
TOP = 12
BREAK_DAYS = 60
BAR_UNIT = 6
BAR_MAX = 150


@dataclass(frozen=True)
class Row:
    y: int
    event: dict[str, Any] | None
    claims: int
    contested: list[str]
    bar: int
    gap: str = ""


def timeline_rows(
    events: list[dict[str, Any]], claim_counts: dict[str, int], contested: dict[str, list[str]]
) -> list[Row]:
    """Rows with their y positions; a row without ``event`` is a break of more than ``BREAK_DAYS``."""
    rows, y, previous = [], TOP, None
    for event in events:
        day = event["date_start"] or event["date_end"]
        if previous is not None and (day - previous).days > BREAK_DAYS:
            rows.append(Row(y, None, 0, [], 0, gap=_duration((day - previous).days)))
            y += BREAK
        count = claim_counts.get(event["event_id"], 0)
        rows.append(Row(y, event, count, contested.get(event["event_id"], []), min(count * BAR_UNIT, BAR_MAX)))
        y += ROW
        previous = event["date_end"]
    return rows


def height(rows: list[Row]) -> int:
    return (rows[-1].y + ROW if rows else TOP) + TOP


def _duration(days: int) -> str:
    months = round(days / 30.44)
    return f"{days} days" if months < 2 else f"about {months} months"
