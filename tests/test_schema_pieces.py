"""A table's schema checked piece by piece (one column's cell rules, one row rule) finds exactly
what the whole schema finds: the cache answers a changed table's unchanged pieces from an earlier
run (syria_strikes/validate.py), so each piece must depend only on the columns it declares."""

from __future__ import annotations

import pandas as pd
import pytest

from syria_strikes.checks.schema import Piece, check_pieces, check_table, pieces
from syria_strikes.metadata import TABLES, Table, table
from syria_strikes.problems import Problem
from syria_strikes.reading import read_table
from tests.support.cell_edits import CELL_EDITS
from tests.support.dataset import Dataset, copy_dataset
from tests.support.kinds import CellEdit

Cells = set[tuple[int, str]]


def _read(dataset: Dataset, declared: Table) -> tuple[pd.DataFrame, Cells]:
    """The typed frame and the cells the reader reported, as the validator hands them on."""
    frame, found = read_table(dataset.path(declared.name), declared)
    assert frame is not None
    return frame, {(p.row, p.column) for p in found if p.row is not None and p.row > 1 and p.column is not None}


def _piece_by_piece(frame: pd.DataFrame, declared: Table, failed: Cells, edited: str) -> tuple[list[Problem], Cells]:
    """The pieces not reading the edited column together, as an earlier run found them, then each
    piece reading it on its own, its columns' pieces first: as a run after that edit checks them."""
    failed = set(failed)
    untouched = [piece for piece in pieces(declared.name) if edited not in piece.reads]
    problems = [p for found in check_pieces(frame, declared, failed, untouched).values() for p in found]
    touched = sorted((piece for piece in pieces(declared.name) if edited in piece.reads), key=lambda p: p.kind)
    for piece in touched:
        problems += check_pieces(frame, declared, failed, [piece])[piece]
    return problems, failed


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


# One edit of each column of each table: the pieces reading it run again, the others are remembered.
SAMPLE = list({(edit.table, edit.column): edit for edit in CELL_EDITS}.values())


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return copy_dataset(tmp_path_factory.mktemp("pieces") / "dataset")


@pytest.mark.parametrize("edit", SAMPLE, ids=[edit.name for edit in SAMPLE])
def test_an_edited_table_checked_piece_by_piece_finds_what_the_whole_schema_finds(
    shared: Dataset, edit: CellEdit
) -> None:
    declared = table(edit.table)
    undamaged = shared.path(edit.table).read_bytes()
    try:
        edit.apply(shared)
        frame, failed = _read(shared, declared)
    finally:
        shared.path(edit.table).write_bytes(undamaged)
    whole_failed = set(failed)
    whole = check_table(frame, declared, whole_failed)
    by_piece, piece_failed = _piece_by_piece(frame, declared, failed, edit.column)
    assert _sorted(by_piece) == _sorted(whole)
    assert piece_failed == whole_failed


@pytest.mark.parametrize("declared", TABLES, ids=[declared.name for declared in TABLES])
def test_each_row_rule_handed_only_the_columns_it_declares_still_runs(shared: Dataset, declared: Table) -> None:
    """A rule reaching for a column it does not declare would fail here (rule_failed): handed the
    whole table it would run, and the cache would answer it while that column changed."""
    frame, failed = _read(shared, declared)
    rows = [piece for piece in pieces(declared.name) if piece.kind == "row"]
    for piece in rows:
        assert check_pieces(frame, declared, set(failed), [piece]) == {piece: []}, piece


def test_the_pieces_are_every_column_then_every_row_rule_each_named_once() -> None:
    for declared in TABLES:
        every = pieces(declared.name)
        assert [piece.name for piece in every if piece.kind == "column"] == list(declared.column_names)
        assert len({piece.label for piece in every}) == len(every)
        assert all(set(piece.reads) <= set(declared.column_names) for piece in every)


def test_a_piece_of_a_column_reads_that_column_only() -> None:
    assert Piece("column", "event_id", ("event_id",)) in pieces("claims")
