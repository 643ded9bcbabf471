"""Problems found in the data, reported in words a curator can act on.

Every check in the validator speaks through this one type so that text and JSON output carry
the same facts: the table, the line a curator sees in an editor, the column, the value, the rule.
A check makes a problem with ``problem``, giving the rule and the context of the fault; the words
are the rule's, declared in syria_strikes.rules.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from syria_strikes.files import DESCRIPTOR
from syria_strikes.metadata import TABLE_NAMES, table
from syria_strikes.paths import dataset_root
from syria_strikes.rules import RULE_IDS, Decision, RuleId, rule
from syria_strikes.terminal import escape

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
    def decision(self) -> Decision:
        """ "reject" makes the data invalid; "warn" is reported but lets validate and build pass.
        The rule's registry entry decides, so a rule cannot warn in one place and reject in another."""
        return rule(self.rule).decision

    @property
    def file(self) -> str:
        if self.table in TABLE_NAMES:
            return table(self.table).path
        return "seeds/" if self.table == "seeds" else self.table

    def sort_key(self) -> tuple[int, str, int, str, str, str, str]:
        """Table, line, column and rule; then message and value, so problems alike in all four (two
        rules failing on a table) come out in one order whatever order they were found in."""
        return (
            _TABLE_ORDER.get(self.table, 99),
            self.table,
            self.row or 0,
            self.column or "",
            self.rule,
            self.message,
            self.value or "",
        )

    def to_text(self, paths: Callable[[str], str] = str) -> str:
        """One line, escaped: a file name (or the folder the user gave) may hold a line break or
        another control character; ``paths`` rewrites the dataset-relative file names (see ``path_namer``)."""
        file = paths(self.file)
        where = file if self.row is None else f"{file}, line {self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.value is not None:
            parts.append(f"value {show_value(self.value)}")
        prefix = "warning: " if self.decision == "warn" else ""
        message = _TABLE_FILE_NAME.sub(lambda found: paths(found.group()), self.message)
        return escape(f"{prefix}{', '.join(parts)}: {message} [rule: {self.rule}]")

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record["decision"] = self.decision
        record["file"] = self.file
        if self.value is not None and len(self.value) > 1000:
            record["value"] = self.value[:1000]
            record["value_truncated_from"] = len(self.value)
        return record


_TABLE_ORDER: dict[str, int] = {DESCRIPTOR: 0, "seeds": 1, **{name: 2 + rank for rank, name in enumerate(TABLE_NAMES)}}


def problem(
    rule_id: RuleId, table: str, row: int | None, column: str | None, value: str | None, /, **context: Any
) -> Problem:
    """A problem worded by its rule from the context of the fault (the keyword arguments the rule's
    wording names in syria_strikes.rules)."""
    return Problem(table, row, column, value, rule_id, rule(rule_id).message(**context))


class Report(Protocol):
    """How reading code reports a problem of the table it reads: where, which rule, and the context
    of the fault that the rule's wording needs."""

    def __call__(
        self, row: int | None, column: str | None, value: str | None, rule_id: RuleId, /, **context: Any
    ) -> None: ...


# A table's file named in a message; not a value quoted from a file ("data/claims.csv"), shown as written.
_TABLE_FILE_NAME = re.compile(r"(?<![\"'])\bdata/[a-z_]+\.csv\b")


def path_namer(data_dir: Path | None) -> Callable[[str], str]:
    """Rewrites a dataset-relative name (data/claims.csv, seeds/, datapackage.json) as the path the
    user gave with --data-dir, or relative to the current folder when that is shorter."""
    if data_dir is None:
        return str

    @functools.cache  # once per file: a report of 40,000 problems names a handful of files
    def shown(name: str) -> str:
        path = data_dir / name.removeprefix("data/") if name.startswith("data/") else dataset_root(data_dir) / name
        slash = "/" if name.endswith("/") else ""
        candidates = [f"{path}{slash}"]
        with contextlib.suppress(ValueError):  # on another drive there is no relative path
            candidates.append(f"{os.path.relpath(path)}{slash}")
        return min(candidates, key=len)

    return shown


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=Problem.sort_key)


def rejections(problems: list[Problem]) -> list[Problem]:
    """The problems that make the data invalid; warnings are left out."""
    return [p for p in problems if p.decision == "reject"]


def render_text(problems: list[Problem], data_dir: Path | None = None) -> str:
    """Every problem, one a line, naming files as the user gave them, then the verdict."""
    paths = path_namer(data_dir)
    rejected = rejections(problems)
    warned = len(problems) - len(rejected)
    warnings = f"{warned} warning{'s' if warned != 1 else ''}"
    lines = [p.to_text(paths) for p in problems]
    if not rejected:
        lines.append(
            "valid: every table, rule, quote and seed checks out" + (f"; {warnings} above." if warned else ".")
        )
    else:
        count = len(rejected)
        found = f"{count} problem{'s' if count != 1 else ''} found"
        lines.append(f"invalid: {found}" + (f" and {warnings}." if warned else "."))
    return "\n".join(lines)


def render_json(problems: list[Problem], data_dir: Path | None = None) -> str:
    """ASCII-only JSON: the values quoted back are bad data (Arabic-Indic digits, zero-width
    spaces), and a report must print on any console, whatever its encoding, without a traceback.
    ``file`` and messages keep the dataset-relative names; ``path`` is the file as the user gave it."""
    paths = path_namer(data_dir)
    rejected = rejections(problems)
    warned = [p for p in problems if p.decision != "reject"]
    return json.dumps(
        {
            "valid": not rejected,
            "problem_count": len(rejected),
            "problems": [{**p.to_dict(), "path": paths(p.file)} for p in rejected],
            "warning_count": len(warned),
            "warnings": [{**p.to_dict(), "path": paths(p.file)} for p in warned],
        },
        ensure_ascii=True,
        indent=2,
    )


def one_per_fault(problems: list[Problem]) -> list[Problem]:
    """Leave out a problem whose rule yields to another reported on the same row (``Rule.yields_to``),
    and a problem reported twice (a rule that failed on each part of a table split to be checked)."""
    reported = {(found.table, found.row, found.rule) for found in problems}
    return [
        found
        for found in dict.fromkeys(problems)
        if not any((found.table, found.row, other) in reported for other in rule(found.rule).yields_to)
    ]
