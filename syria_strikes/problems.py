"""Problems found in the data, reported in words a curator can act on.

Every check in the validator speaks through this one type so that text and JSON output carry
the same facts: the table, the line a curator sees in an editor, the column, the value, the rule.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

Decision = Literal["reject", "warn"]

SHOWN_VALUE_LENGTH = 80


def show_value(value: object) -> str:
    """Render a cell so that spaces, control characters and huge cells stay visible but short."""
    text = str(value)
    if len(text) > SHOWN_VALUE_LENGTH:
        return repr(text[:SHOWN_VALUE_LENGTH]) + f"... ({len(text)} characters)"
    return repr(text)


@dataclass(frozen=True)
class Problem:
    table: str
    row: int | None
    column: str | None
    value: str | None
    rule: str
    message: str
    # "reject" makes the data invalid; "warn" is reported but lets validate and build pass.
    decision: Decision = "reject"

    @property
    def file(self) -> str:
        if self.table in _TABLE_FILES:
            return f"data/{self.table}.csv"
        return "seeds/" if self.table == "seeds" else self.table

    def sort_key(self) -> tuple:
        return (_TABLE_ORDER.get(self.table, 99), self.table, self.row or 0, self.column or "", self.rule)

    def to_text(self) -> str:
        where = self.file if self.row is None else f"{self.file}, line {self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.value is not None:
            parts.append(f"value {show_value(self.value)}")
        prefix = "warning: " if self.decision == "warn" else ""
        return f"{prefix}{', '.join(parts)}: {self.message} [rule: {self.rule}]"

    def to_dict(self) -> dict:
        record = asdict(self)
        record["file"] = self.file
        if self.value is not None and len(self.value) > 1000:
            record["value"] = self.value[:1000]
            record["value_truncated_from"] = len(self.value)
        return record


_TABLE_FILES = {"actors", "sources", "events", "claims", "uncovered_sentences"}
_TABLE_ORDER = {
    "datapackage.json": 0,
    "seeds": 1,
    "actors": 2,
    "sources": 3,
    "events": 4,
    "claims": 5,
    "uncovered_sentences": 6,
}


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=Problem.sort_key)


def rejections(problems: list[Problem]) -> list[Problem]:
    """The problems that make the data invalid; warnings are left out."""
    return [p for p in problems if p.decision == "reject"]


def render_text(problems: list[Problem]) -> str:
    rejected = rejections(problems)
    warned = len(problems) - len(rejected)
    warnings = f"{warned} warning{'s' if warned != 1 else ''}"
    lines = [p.to_text() for p in problems]
    if not rejected:
        lines.append(
            "valid: every table, rule, quote and seed checks out" + (f"; {warnings} above." if warned else ".")
        )
    else:
        count = len(rejected)
        found = f"{count} problem{'s' if count != 1 else ''} found"
        lines.append(f"invalid: {found}" + (f" and {warnings}." if warned else "."))
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    """ASCII-only JSON: the values quoted back are bad data (Arabic-Indic digits, zero-width
    spaces), and a report must print on any console, whatever its encoding, without a traceback."""
    rejected = rejections(problems)
    warned = [p for p in problems if p.decision != "reject"]
    return json.dumps(
        {
            "valid": not rejected,
            "problem_count": len(rejected),
            "problems": [p.to_dict() for p in rejected],
            "warning_count": len(warned),
            "warnings": [p.to_dict() for p in warned],
        },
        ensure_ascii=True,
        indent=2,
    )
