"""The one check of an archived seed, shared by validate, coverage, the curator's commands and the
site: its text is trusted only when the file is a readable regular file inside its folder, its
bytes match the sha256 its row records, and they decode as UTF-8. Quotes anchored in any other
text would point into a document that is not the one they quote."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from syria_strikes.files import sha256_bytes
from syria_strikes.metadata import SEED_MOST_BYTES
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId
from syria_strikes.safefiles import FileRefused, FileTooLarge, inside, read_file

Entries = Mapping[str, os.DirEntry[str]]


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
        data = read_file(path, folder, checked=checked, most=SEED_MOST_BYTES)[0]
    except FileNotFoundError:
        return SeedFault("seed_present", "seed_path", seed_path)
    except FileTooLarge:
        return SeedFault("seed_size", "seed_path", seed_path, {"most": SEED_MOST_BYTES})
    except FileRefused as refused:
        return _refused(seed_path, refused)
    if sha256 is not None:
        digest = sha256_bytes(data)
        if digest != sha256:
            return SeedFault("seed_hash", "sha256", sha256, {"seed_path": seed_path, "digest": digest})
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return SeedFault("seed_utf8", "seed_path", seed_path, {"byte": error.start})


def seed_place(
    root: Path, seeds_dir: Path, seed_path: str, entries: Entries | None = None
) -> tuple[Path | None, SeedFault | None]:
    """Where a seed_path cell leads once links are followed (None when they cannot be), and the row's
    fault when that is not a file directly in ``seeds_dir`` (``seeds_folder(root)``): seed_inside,
    or, when the entry in seeds/ is a link leading out of the dataset or links loop, their own rule.
    ``entries``, one listing of seeds/, spares a resolve per plain file."""
    folder, _, name = seed_path.partition("/")
    entry = entries.get(name) if entries is not None and folder == "seeds" else None
    if entry is not None and not entry.is_symlink():
        return seeds_dir / name, None
    try:
        resolved = (root / seed_path).resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links, in seeds/ or the folder itself; a NUL byte
        try:
            inside(root / seed_path, root)
        except FileRefused as refused:
            return None, _refused(seed_path, refused)
        return None, SeedFault("seed_inside", "seed_path", seed_path)
    if resolved.parent == seeds_dir:
        return resolved, None
    linked = _link_out(root, seeds_dir, folder, name, entry)
    return resolved, SeedFault("seed_inside", "seed_path", seed_path) if linked is None else _refused(seed_path, linked)


def seeds_folder(root: Path) -> Path:
    """The dataset's seeds/ with links followed, or as named when they cannot be (a loop): each
    seed is then refused by ``seed_place`` with the reason, instead of the check stopping."""
    try:
        return (root / "seeds").resolve()
    except (OSError, RuntimeError):
        return root / "seeds"


def seeds_leave_dataset(root: Path, seeds_dir: Path) -> bool:
    """Whether seeds/ (``seeds_folder(root)``) is a link leading out of the dataset: the files in it
    are then none of the dataset's, however well each lies inside seeds/."""
    try:
        return not seeds_dir.is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # the dataset folder itself cannot be followed
        return False


def folder_out(seed_path: str) -> SeedFault:
    """The fault of every seed in a seeds/ folder that leads out of the dataset."""
    reason = (
        "is in a seeds/ folder that is a symbolic link leading outside the dataset folder; replace the link "
        "with the folder itself"
    )
    return SeedFault("file_inside", "seed_path", seed_path, {"what": "the seed file", "reason": reason})


def _refused(seed_path: str, refused: FileRefused) -> SeedFault:
    return SeedFault(refused.rule, "seed_path", seed_path, {"what": "the seed file", "reason": refused.words})


def _link_out(
    root: Path, seeds_dir: Path, folder: str, name: str, entry: os.DirEntry[str] | None
) -> FileRefused | None:
    """Why the link a seed_path names directly in seeds/ may not be followed (it leads out of the
    dataset); None for anything else (a link to elsewhere in the dataset is seed_inside)."""
    if folder != "seeds" or "/" in name or not name:
        return None
    link = seeds_dir / name
    if not (entry.is_symlink() if entry is not None else link.is_symlink()):
        return None
    try:
        inside(link, root)
    except FileRefused as refused:
        return refused
    return None


def archived_seed_text(root: Path, seed_path: str, sha256: str) -> str | SeedFault:
    """The text of the seed a sources row names, judged as validate judges it: a recorded hash
    (none vouches for no file), where its seed_path leads (``seed_place``), then the file, its hash
    and its encoding (``trusted_seed_text``)."""
    if not sha256:
        return SeedFault("seed_hash_pair", "sha256", None)
    seeds_dir = seeds_folder(root)
    if seeds_leave_dataset(root, seeds_dir):
        return folder_out(seed_path)
    resolved, fault = seed_place(root, seeds_dir, seed_path)
    if resolved is None or fault is not None:
        return fault or SeedFault("seed_inside", "seed_path", seed_path)
    return trusted_seed_text(resolved, seeds_dir, seed_path, sha256, checked=True)
