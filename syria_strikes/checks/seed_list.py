"""The seeds' own list: seeds/README.md records each archived file's sha256 as ``archive`` wrote it.

A seed edited by hand with its sha256 updated in data/sources.csv to match passes the hash check,
and every quote the edit leaves in place stays anchored; the README's line still holds the hash
the document was received with. Every archived source's file has its line there, in the form
``archive`` writes: a line dropped or reworded, or a README removed, would let the edit through.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from syria_strikes.columnar import cell_text
from syria_strikes.problems import Problem, problem
from syria_strikes.safefiles import FileRefused, read_file

SEEDS_README = "README.md"
# A line of the README's table of files: | `000_key.txt` | `src-seed-000` | 2020-01-15 | `<sha256>` |
LISTED_SEED = re.compile(
    r"^\| `(?P<name>[^`|]+)` \| (?P<source>[^|]*) \| (?P<published>[^|]*) \| `(?P<sha256>[0-9a-f]{64})` \|",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Listed:
    """A file's line in the README's table: its source_id and day of publication as the curator wrote
    them (either may be empty: ``archive`` leaves the day to fill), and its sha256 as received."""

    sha256: str
    source_id: str
    published: str


# A line a seed, some 130 bytes: room for a hundred thousand documents.
README_MOST_BYTES = 16 << 20


def listed_row(name: str, source_id: str, sha256: str) -> str:
    """The README's table line for a newly archived seed, as ``archive`` adds it and LISTED_SEED
    reads it back (the date column is the curator's to fill)."""
    return f"| `{name}` | `{source_id}` |  | `{sha256}` |"


def listed_hashes(seeds_dir: Path, root: Path) -> dict[str, str]:
    """Each file name the README's table lists, with the sha256 it gives; empty when it cannot be read."""
    return {name: listed.sha256 for name, listed in listed_seeds(seeds_dir, root).items()}


def listed_seeds(seeds_dir: Path, root: Path) -> dict[str, Listed]:
    """Each file name the README's table lists, with its line; empty when it cannot be read."""
    read = _listing(seeds_dir, root)
    return {} if isinstance(read, FileRefused) else read


def _listing(seeds_dir: Path, root: Path) -> dict[str, Listed] | FileRefused:
    """listed_seeds, or the refusal when the README cannot be read for want of permission or through an
    input/output error: a file_readable problem, not a list without lines. A README missing, not a
    regular file, too large or not UTF-8 lists nothing."""
    try:
        data = read_file(seeds_dir / SEEDS_README, root, most=README_MOST_BYTES)[0]
        text = data.decode("utf-8")
    except FileRefused as refused:
        return refused if refused.rule == "file_readable" else {}
    except (OSError, UnicodeDecodeError):  # FileTooLarge and FileNotFoundError included
        return {}
    return {
        match["name"]: Listed(match["sha256"], match["source"].strip().strip("`"), match["published"].strip())
        for match in LISTED_SEED.finditer(text)
    }


def check_seed_list(
    archived: pd.DataFrame, seeds_dir: Path, root: Path, entries: Collection[str], seed_paths_readable: bool = True
) -> list[Problem]:
    """One problem per archived source whose sha256 is not the one the README lists for its file, and
    one per file the README lists that seeds/ (``entries``) no longer holds and no row names: a
    document removed with its source row and claims. Files are not missed when a seed_path cell was
    already reported, since that row may name one."""
    read = _listing(seeds_dir, root)
    if isinstance(read, FileRefused):  # once, and not when the seeds' folder itself cannot be read
        if not os.access(seeds_dir, os.R_OK | os.X_OK):
            return []
        return [problem("file_readable", f"seeds/{SEEDS_README}", None, None, None, what="the file", reason=read.words)]
    lines = read
    unlisted = unlisted_seeds(archived, lines)
    if not lines:
        return unlisted
    listed = {name: line.sha256 for name, line in lines.items()}
    named = {Path(str(seed_path)).name for seed_path in archived["seed_path"].tolist()}
    problems = [
        problem("seed_withdrawn", "seeds", None, None, name, name=name)
        for name in sorted(listed)
        if seed_paths_readable and name not in named and name not in entries
    ]
    for line, seed_path, sha256 in zip(
        archived.index.tolist(), archived["seed_path"].tolist(), archived["sha256"].tolist(), strict=True
    ):
        name = Path(str(seed_path)).name
        if isinstance(sha256, str) and name in listed and listed[name] != sha256:
            problems.append(
                problem("seed_listed", "sources", int(line), "sha256", sha256, name=name, listed=listed[name])
            )
    return unlisted + problems + _listed_as_recorded(archived, lines)


def unlisted_seeds(archived: pd.DataFrame, lines: Collection[str]) -> list[Problem]:
    """One problem per archived source whose file the README's table (``lines``, by file name) has no line for."""
    return [
        problem("seed_unlisted", "sources", int(line), "seed_path", seed_path, name=Path(seed_path).name)
        for line, seed_path in zip(archived.index.tolist(), archived["seed_path"].tolist(), strict=True)
        if isinstance(seed_path, str) and Path(seed_path).name not in lines
    ]


def _listed_as_recorded(archived: pd.DataFrame, lines: dict[str, Listed]) -> list[Problem]:
    """A README line whose source cell names source IDs, none of them the row's whose seed the file is,
    or whose published cell writes a day (YYYY-MM-DD, in backticks or with a note) outside that row's
    publication interval: what a reader of seeds/ is told contradicts the data. A cell that names
    no ID or writes no day says nothing to contradict."""
    problems = []
    columns = ["source_id", "seed_path", "published_start", "published_end"]
    for line, source_id, seed_path, start, end in zip(
        archived.index.tolist(), *(archived[name].tolist() for name in columns), strict=True
    ):
        name = Path(str(seed_path)).name
        listed = lines.get(name)
        if listed is None or not isinstance(source_id, str):
            continue
        named = [found.group() for found in LISTED_ID.finditer(listed.source_id)]
        days = [day for day in map(_day, DAY.findall(listed.published)) if day is not None]
        cell: str | None
        if named and source_id not in named:
            column, cell, given = "source_id", source_id, listed.source_id
        elif pd.notna(start) and any(day < start for day in days):
            column, cell, given = "published_start", cell_text(start), listed.published
        elif pd.notna(end) and any(day > end for day in days):
            column, cell, given = "published_end", cell_text(end), listed.published
        else:
            continue
        problems.append(
            problem("seed_list_row", "sources", int(line), column, cell, name=name, listed=given, column=column)
        )
    return problems


def _day(written: str) -> pd.Timestamp | None:
    day = pd.to_datetime(written, format="%Y-%m-%d", errors="coerce")
    return None if pd.isna(day) else day


# A day and a source ID as the README's cells write them, among backticks, links or notes.
DAY = re.compile(r"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")
LISTED_ID = re.compile(r"(?<![a-z0-9-])src-[a-z0-9]+(?:-[a-z0-9]+)*(?![a-z0-9-])")
