"""Provenance: seed files match their source rows, and every quote sits at its offsets.

Offsets count Unicode code points in the seed decoded as UTF-8, start inclusive, end exclusive,
so ``text[quote_start:quote_end] == quote``. A seed whose hash does not match is not trusted,
and its quotes are not checked against it: the hash message says what to fix first.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from difflib import get_close_matches
from pathlib import Path

import pandas as pd

from syria_strikes.anchoring import mismatch_context
from syria_strikes.checks.graphemes import Boundaries
from syria_strikes.checks.seed_list import SEEDS_README, check_seed_list
from syria_strikes.columnar import cell_text, isin
from syria_strikes.leftovers import LEFTOVER
from syria_strikes.metadata import SEED_NUMBERS
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId
from syria_strikes.safefiles import FileRefused, list_folder
from syria_strikes.seedtrust import (
    SeedFault,
    folder_out,
    seed_place,
    seeds_folder,
    seeds_leave_dataset,
    trusted_seed_text,
)

QUOTE_BATCH = 1 << 16
# How alike a file's name must be to a missing seed's to be named as the one meant (difflib's ratio).
NEAR_NAME = 0.9


def check_seeds(sources: pd.DataFrame, root: Path, seed_paths_readable: bool) -> tuple[list[Problem], dict[str, str]]:
    """Problems with the seed files, and the decoded text of each archived source whose file and
    hash checked out, for ``check_quotes``. It needs only the sources, so it can run while the
    claims are still being read.

    ``seed_paths_readable`` is False when a seed_path cell was already reported: the check for
    unreferenced seed files is then skipped, since that row cannot vouch for or against a file."""
    seeds_dir = seeds_folder(root)
    archived = sources[sources["seed_path"].notna()]
    if seeds_leave_dataset(root, seeds_dir):
        lines = zip(archived.index, archived["seed_path"].tolist(), strict=True)
        return [folder_out(seed_path).problem(int(line)) for line, seed_path in lines], {}
    entries = _seed_entries(seeds_dir)
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    referenced: set[Path] = set()
    rows = zip(
        archived.index,
        archived["source_id"].tolist(),
        archived["seed_path"].tolist(),
        archived["sha256"].tolist(),
        strict=True,
    )
    recorded = {
        sha256: (int(line), source_id)
        for line, source_id, sha256 in zip(archived.index, archived["source_id"], archived["sha256"], strict=True)
        if isinstance(sha256, str)
    }
    unnamed = set(entries) - {Path(seed_path).name for seed_path in archived["seed_path"].tolist()}
    for line, source_id, seed_path, sha256 in rows:
        resolved, fault = seed_place(root, seeds_dir, seed_path, entries)
        referenced.add(_key(root, seed_path, resolved))  # a fault is reported here, not again as a file no row names
        if resolved is None or fault is not None:
            problems.append((fault or SeedFault("seed_inside", "seed_path", seed_path)).problem(int(line)))
            continue
        numbers = _seed_numbers(source_id, seed_path)
        if numbers is not None:  # another seed's file: its quotes would all fail, each for the same fault
            number, expected = numbers
            problems.append(
                problem(
                    "seed_number",
                    "sources",
                    int(line),
                    "seed_path",
                    seed_path,
                    number=number,
                    source=source_id,
                    expected=expected,
                )
            )
            continue
        known = sha256 if isinstance(sha256, str) else None  # a missing hash is the row's own fault
        text = trusted_seed_text(resolved, seeds_dir, seed_path, known, checked=True)
        if isinstance(text, SeedFault) and text.rule == "seed_present":
            near = _near_name(seed_path, entries, unnamed)
            if near is not None:  # the file meant is there under another spelling: one fault, not two
                referenced.add(_key(root, f"seeds/{near}", seeds_dir / near))
                text = replace(text, context={"near": near})
        if isinstance(text, SeedFault):
            digest = text.context.get("digest")
            owner = recorded.get(digest) if isinstance(digest, str) else None
            if text.rule == "seed_hash" and owner is not None and owner[0] != int(line):
                text = replace(text, context={**text.context, "owner": owner})
            problems.append(text.problem(int(line)))
        elif isinstance(source_id, str):  # a row without an ID (required's to report) is no claim's source
            texts[source_id] = text
    problems += _archive_dates(archived, texts)
    problems += check_seed_list(archived, seeds_dir, root, set(entries), seed_paths_readable)
    if seeds_dir.is_dir() and seed_paths_readable:
        for name in sorted(entries):
            place = seed_place(root, seeds_dir, f"seeds/{name}", entries)[0]
            if name != SEEDS_README and _key(root, f"seeds/{name}", place) not in referenced:
                leftover = LEFTOVER.fullmatch(name) is not None
                problems.append(problem("seed_referenced", "seeds", None, None, name, name=name, leftover=leftover))
    return problems, texts


# The header the archive put on a seed's first line (" date 2020-01-15 ..."): the day it dates the document.
ARCHIVE_DATE = re.compile(r" date ([0-9]{4}-[0-9]{2}-[0-9]{2})\b")


def _archive_dates(archived: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """A trusted seed whose archive header dates it before its row's publication interval starts: a
    date typed wrong on the row (a later one passes every other rule). The header may be the day of
    archiving rather than of publication, so an interval ending before it is no fault."""
    problems = []
    headers = [ARCHIVE_DATE.match(texts.get(source_id, "")) for source_id in archived["source_id"]]
    # One conversion for every header: converting them one by one cost a second per 10,000 seeds.
    header_dates = pd.to_datetime(
        pd.Series([None if header is None else header.group(1) for header in headers], dtype=object),
        format="%Y-%m-%d",
        errors="coerce",
    )
    for line, dated, start, end in zip(
        archived.index, header_dates, archived["published_start"], archived["published_end"], strict=True
    ):
        if pd.isna(dated) or (pd.notna(start) and pd.notna(end) and start > end):  # disordered: published_order's
            continue
        if pd.notna(start) and dated < start:
            problems.append(
                problem(
                    "seed_date",
                    "sources",
                    int(line),
                    "published_start",
                    cell_text(start),
                    dated=cell_text(dated),
                    column="published_start",
                )
            )
    return problems


def _seed_numbers(source_id: str, seed_path: str) -> tuple[str, str] | None:
    """The seed number the file name carries and the one the source_id carries, when they differ."""
    number = re.match(SEED_NUMBERS["seed_path"], seed_path)
    expected = re.match(SEED_NUMBERS["source_id"], source_id) if isinstance(source_id, str) else None
    if number is None or expected is None or number.group(1) == expected.group(1):
        return None
    return number.group(1), expected.group(1)


def _near_name(seed_path: str, entries: dict[str, os.DirEntry[str]], unnamed: set[str]) -> str | None:
    """A file of seeds/ that no row names and whose name differs from the missing one only in letter
    case or by a slip of a character or two: the file the seed_path was meant to name."""
    name = Path(seed_path).name
    folded = {entry.casefold(): entry for entry in sorted(unnamed) if entry != SEEDS_README}
    if name.casefold() in folded:
        return folded[name.casefold()]
    close = get_close_matches(name, sorted(folded.values()), n=1, cutoff=NEAR_NAME)
    return close[0] if close else None


def _seed_entries(seeds_dir: Path) -> dict[str, os.DirEntry[str]]:
    """The entries of seeds/ from one directory listing, which also says which are plain files;
    none when the folder is missing or cannot be listed (its seeds are then reported one by one)."""
    try:
        return {entry.name: entry for entry in list_folder(seeds_dir)}
    except (FileNotFoundError, FileRefused, NotADirectoryError):
        return {}


def _key(root: Path, seed_path: str, resolved: Path | None) -> Path:
    """What a seed_path is known by when rows and files are matched: where it leads, or, for a link
    that cannot be followed (a loop), the path as written."""
    return resolved if resolved is not None else root / seed_path


def check_quotes(claims: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per claim whose quote is not ``texts[source_id][quote_start:quote_end]``.

    ``texts`` holds the decoded seed of each archived source whose file and hash checked out.
    """
    return check_anchored(claims, texts, Anchor("claims", "quote", "quote_start", "quote_end", "quote_anchored"))


@dataclass(frozen=True)
class Anchor:
    """Words stored with their offsets in the seed of the row's source_id: a claim's quote, its
    attribution, a relation's quote. Each is checked the same way, under its own rule."""

    table: str
    words: str
    start: str
    end: str
    rule: RuleId


def check_anchored(frame: pd.DataFrame, texts: dict[str, str], anchor: Anchor) -> list[Problem]:
    """One problem per row whose words are not ``texts[source_id][start:end]``.

    Why on plain lists, a batch at a time: docs/benchmarks.md#what-the-optimisation-changed.
    """
    problems: list[Problem] = []
    # Offsets out of order are a row rule's to report, once.
    quotes = frame[["source_id", anchor.words, anchor.start, anchor.end]]
    usable = quotes[
        isin(quotes["source_id"], pd.Series(list(texts), dtype="str"))
        & (
            quotes[anchor.words].notna()
            & quotes[anchor.start].notna()
            & quotes[anchor.end].notna()
            & (quotes[anchor.start] < quotes[anchor.end]).fillna(False)
        ).to_numpy(dtype=bool)
    ]
    boundaries = Boundaries()
    seeds_that_may_cut: dict[str, bool] = {}
    for first in range(0, len(usable), QUOTE_BATCH):
        batch = usable.iloc[first : first + QUOTE_BATCH]
        columns = [batch[name].tolist() for name in batch.columns]
        for line, source_id, quote, start, end in zip(batch.index, *columns, strict=True):
            text = texts[source_id]
            if text[start:end] != quote:
                problems.append(
                    problem(
                        anchor.rule,
                        anchor.table,
                        int(line),
                        anchor.words,
                        quote,
                        **mismatch_context(text, quote, int(start), int(end)),
                        columns=(anchor.words, anchor.start, anchor.end),
                    )
                )
                continue
            may_cut = seeds_that_may_cut.get(source_id)
            if may_cut is None:
                may_cut = seeds_that_may_cut[source_id] = boundaries.may_cut(source_id, text)
            if may_cut and boundaries.cuts(source_id, text, start, end):
                problems.append(
                    problem("quote_grapheme", anchor.table, int(line), anchor.words, quote, start=start, end=end)
                )
    return problems
