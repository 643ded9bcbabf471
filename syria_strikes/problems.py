"""Problems found in the data, reported in words a curator can act on.

Every check in the validator speaks through this one type so that text and JSON output carry
the same facts: the table, the line a curator sees in an editor, the column, the value, the rule.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from syria_strikes.files import DESCRIPTOR
from syria_strikes.metadata import TABLE_NAMES, table
from syria_strikes.rules import RULE_IDS, RuleId

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
    rule: RuleId
    message: str

    def __post_init__(self) -> None:
        if self.rule not in RULE_IDS:
            raise ValueError(f"rule {self.rule!r} is not declared in syria_strikes/rules.py")

    @property
    def file(self) -> str:
        if self.table in TABLE_NAMES:
            return table(self.table).path
        return "seeds/" if self.table == "seeds" else self.table

    def sort_key(self) -> tuple[int, str, int, str, str]:
        return (_TABLE_ORDER.get(self.table, 99), self.table, self.row or 0, self.column or "", self.rule)

    def to_text(self) -> str:
        where = self.file if self.row is None else f"{self.file}, line {self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.value is not None:
            parts.append(f"value {show_value(self.value)}")
        return f"{', '.join(parts)}: {self.message} [rule: {self.rule}]"

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["file"] = self.file
        if self.value is not None and len(self.value) > 1000:
            record["value"] = self.value[:1000]
            record["value_truncated_from"] = len(self.value)
        return record


_TABLE_ORDER = {DESCRIPTOR: 0, "seeds": 1, **{name: 2 + rank for rank, name in enumerate(TABLE_NAMES)}}


# How reading code reports a problem of the table it reads: (line, column, value, rule, message).
Report = Callable[[int | None, str | None, str | None, RuleId, str], None]


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=Problem.sort_key)


def render_text(problems: list[Problem]) -> str:
    if not problems:
        return "valid: every table, rule, quote and seed checks out."
    lines = [p.to_text() for p in problems]
    lines.append(f"invalid: {len(problems)} problem{'s' if len(problems) != 1 else ''} found.")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    """ASCII-only JSON: the values quoted back are bad data (Arabic-Indic digits, zero-width
    spaces), and a report must print on any console, whatever its encoding, without a traceback."""
    return json.dumps(
        {"valid": not problems, "problem_count": len(problems), "problems": [p.to_dict() for p in problems]},
        ensure_ascii=True,
        indent=2,
    )
