"""Validation of a dataset folder: every rule, every problem at once, never a traceback.

The order matters only for clarity: a cell that fails is reported once and then blanked, so
the rules across tables and the provenance checks do not report the same fault again.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from syria_strikes.checks.cells import id_skeleton
from syria_strikes.checks.descriptor import check_descriptor
from syria_strikes.checks.model_rules import check_model_anchors, check_model_rules
from syria_strikes.checks.provenance import check_quotes, check_seeds
from syria_strikes.checks.relations import check_relations
from syria_strikes.checks.schema import check_table
from syria_strikes.metadata import TABLES, Table
from syria_strikes.problems import Problem, sort_problems
from syria_strikes.reading import read_table

PARALLEL_FROM_BYTES = 4 << 20
RELATION_WORKERS = 2


def read_and_check(data_dir: Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Typed frames of the tables that could be read, and every problem found.

    Work that does not depend on other work runs side by side on threads: the four tables (the
    largest file first), the seed files as soon as the sources are read, then the rules across
    tables beside the quote check, with the descriptor check alongside throughout. Most of it
    happens in Arrow kernels, file reads and hashing, which release the interpreter lock, so two
    processors finish it in little more than its longest part. Small data is checked one step
    at a time: there, handing the lock between threads costs more than it saves. Which thread
    finds a problem changes nothing: problems are sorted.
    """
    root = data_dir.parent
    sizes = {declared.name: _size(data_dir, declared) for declared in TABLES}
    workers = len(TABLES) if sum(sizes.values()) >= PARALLEL_FROM_BYTES else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        descriptor = pool.submit(check_descriptor, root)
        checked = {
            declared.name: pool.submit(_read_and_check_table, data_dir, declared)
            for declared in sorted(TABLES, key=lambda declared: -sizes[declared.name])
        }
        frames: dict[str, pd.DataFrame] = {}
        problems: list[Problem] = []
        seeds = None
        for declared in TABLES:
            frame, found, failed = checked[declared.name].result()
            problems += found
            if frame is None:
                continue
            frames[declared.name] = frame
            if declared.name == "sources":
                seed_paths_readable = not any(column == "seed_path" for _, column in failed)
                seeds = pool.submit(check_seeds, frame, root, seed_paths_readable)
        problems += _undeclared_files(data_dir)
        later = [pool.submit(check_relations, frames, min(workers, RELATION_WORKERS)), descriptor]
        later.append(pool.submit(check_model_rules, frames))
        if seeds is not None:
            seed_problems, texts = seeds.result()
            problems += seed_problems
            if "claims" in frames:
                later.append(pool.submit(check_quotes, frames["claims"], texts))
            later.append(pool.submit(check_model_anchors, frames, texts))
            del seeds, texts  # the seed texts go as soon as the quote check is done with them
        for future in later:
            problems += future.result()
    return frames, sort_problems(problems)


def _read_and_check_table(data_dir: Path, declared: Table) -> tuple[pd.DataFrame | None, list[Problem], set]:
    """A table's frame with reported cells blanked, its problems, and the (line, column) cells reported."""
    frame, found = read_table(data_dir / f"{declared.name}.csv", declared)
    if frame is None:
        return None, found, set()
    failed = {(p.row, p.column) for p in found if p.row is not None and p.column is not None}
    found += check_table(frame, declared, failed)
    return _blank(frame, declared, failed), found, failed


def _size(data_dir: Path, declared: Table) -> int:
    path = data_dir / f"{declared.name}.csv"
    return path.stat().st_size if path.is_file() else 0


def validate(data_dir: Path) -> list[Problem]:
    return read_and_check(data_dir)[1]


def _undeclared_files(data_dir: Path) -> list[Problem]:
    """A CSV beside the tables is most often a copy ('claims (1).csv') that received the edits
    meant for the real file; the validator would otherwise pass without ever reading them."""
    declared = {f"{table.name}.csv" for table in TABLES}
    return [
        Problem(
            f"data/{path.name}",
            None,
            None,
            path.name,
            "file_declared",
            f"is not one of the tables ({', '.join(sorted(declared))}); move your edits into the right "
            "file and remove this one from data/",
        )
        for path in sorted(data_dir.iterdir())
        if path.suffix.lower() == ".csv" and path.name not in declared
    ]


def _blank(frame: pd.DataFrame, declared: Table, failed: set[tuple[int, str]]) -> pd.DataFrame:
    """Blank reported cells; a key keeps the ID it was meant to be (stripped of invisible
    characters, look-alikes made ASCII) so that references to it still resolve and one typo in a
    key gives one message, not one per referencing row."""
    if not failed:
        return frame
    frame = frame.copy()
    for line, column in failed:
        if column == declared.primary_key and isinstance(frame.at[line, column], str):
            frame.at[line, column] = id_skeleton(frame.at[line, column])
        elif column in frame.columns:
            frame.at[line, column] = None
    return frame
