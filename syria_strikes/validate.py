"""Validation of a dataset folder: every rule, every problem at once, never a traceback.

The order matters only for clarity: a cell that fails is reported once and then blanked, so
the rules across tables and the provenance checks do not report the same fault again.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from syria_strikes.checks.cells import id_skeleton
from syria_strikes.checks.descriptor import check_descriptor
from syria_strikes.checks.provenance import check_provenance
from syria_strikes.checks.relations import check_relations
from syria_strikes.checks.schema import check_table
from syria_strikes.metadata import TABLES, Table
from syria_strikes.problems import Problem, sort_problems
from syria_strikes.reading import read_table


def read_and_check(data_dir: Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Typed frames of the tables that could be read, and every problem found."""
    root = data_dir.parent
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    seed_paths_readable = True
    for declared in TABLES:
        frame, found = read_table(data_dir / f"{declared.name}.csv", declared)
        problems += found
        if frame is None:
            continue
        failed = {(p.row, p.column) for p in found if p.row is not None and p.column is not None}
        problems += check_table(frame, declared, failed)
        frames[declared.name] = _blank(frame, declared, failed)
        if declared.name == "sources":
            seed_paths_readable = not any(column == "seed_path" for _, column in failed)
    problems += _undeclared_files(data_dir)
    problems += check_relations(frames)
    problems += check_provenance(frames, root, seed_paths_readable)
    problems += check_descriptor(root)
    return frames, sort_problems(problems)


def validate(data_dir: Path) -> list[Problem]:
    return read_and_check(data_dir)[1]


def _undeclared_files(data_dir: Path) -> list[Problem]:
    """A CSV beside the tables is most often a copy ('claims (1).csv') that received the edits
    meant for the real file; the validator would otherwise pass without ever reading them."""
    declared = {f"{table.name}.csv" for table in TABLES}
    return [
        Problem(f"data/{path.name}", None, None, path.name, "file_declared",
                f"is not one of the tables ({', '.join(sorted(declared))}); move your edits into the right "
                "file and remove this one from data/")
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
