"""The one check of an archived seed, shared by validate, coverage, the curator's commands and the
site: its text is trusted only when the file is a readable regular file inside its folder, its
bytes match the sha256 its row records, and they decode as UTF-8. Quotes anchored in any other
text would point into a document that is not the one they quote."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from syria_strikes.files import sha256_bytes
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId
from syria_strikes.safefiles import FileRefused, read_file


@dataclass(frozen=True)
class SeedFault:
    """Why a seed's text is not trusted: the rule, and the cell of its sources row that it is about."""

    rule: RuleId
    column: str
    value: str | None
    context: dict[str, Any] = field(default_factory=dict)

    def problem(self, line: int) -> Problem:
        """The fault as a problem of the sources row on ``line``."""
        return problem(self.rule, "sources", line, self.column, self.value, **self.context)

    def words(self) -> str:
        """The rule's words for the fault, for a command that stops on it."""
        return f"{self.problem(0).message} [rule: {self.rule}]"


def trusted_seed_text(
    path: Path, folder: Path, seed_path: str, sha256: str | None, *, checked: bool = False
) -> str | SeedFault:
    """The seed's text, or why it is not trusted. ``sha256`` None skips the comparison: a row that
    records no hash is its own fault (seed_hash_pair), which the caller judges. ``checked`` as for
    ``safefiles.read_file``."""
    try:
        data = read_file(path, folder, checked=checked)[0]
    except FileNotFoundError:
        return SeedFault("seed_present", "seed_path", seed_path)
    except FileRefused as refused:
        return SeedFault(refused.rule, "seed_path", seed_path, {"what": "the seed file", "reason": refused.words})
    if sha256 is not None:
        digest = sha256_bytes(data)
        if digest != sha256:
            return SeedFault("seed_hash", "sha256", sha256, {"seed_path": seed_path, "digest": digest})
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return SeedFault("seed_utf8", "seed_path", seed_path, {"byte": error.start})
