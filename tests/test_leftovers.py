"""The temporary files a killed run left are removed by the next one; nothing that could be a live
run's file or a user's file ever is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from syria_strikes.leftovers import remove_leftovers, temporary_beside
from tests.support.killed import aged

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs POSIX file locks")


def _abandoned(target: Path) -> Path:
    """A temporary file whose run ended without renaming or removing it (its lock dies with it)."""
    temporary = temporary_beside(target)
    temporary.close()
    return aged([temporary.path])[0]


def test_an_abandoned_temporary_file_is_removed_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(b"the curator's table")
    abandoned = _abandoned(target)
    kept = {
        # a user's or another tool's files, however old
        tmp_path / ".claims.csv.k3j9x0ab.tmp": b"an editor's",
        tmp_path / ".claims.csv.syria-strikes-notes.txt": b"notes",
        tmp_path / "claims.csv.syria-strikes-k3j9x0ab.tmp": b"not hidden",
        tmp_path / ".claims.csv.syria-strikes-k3j9x0ab.tmp.bak": b"a backup of one",
    }
    for path, content in kept.items():
        path.write_bytes(content)
    aged(list(kept))
    assert remove_leftovers(tmp_path) == [abandoned]
    assert sorted(tmp_path.iterdir()) == sorted([target, *kept])
    assert target.read_bytes() == b"the curator's table"


def test_a_live_runs_temporary_file_stays_however_old(tmp_path: Path) -> None:
    """A run stopped (Ctrl-Z) or slow on a network disk still holds the lock on its file."""
    live = temporary_beside(tmp_path / "claims.csv")
    try:
        aged([live.path])
        assert remove_leftovers(tmp_path) == []
        assert live.path.exists()
    finally:
        live.close()
    assert remove_leftovers(tmp_path) == [live.path]


def test_a_temporary_file_written_a_moment_ago_stays(tmp_path: Path) -> None:
    """Between its creation and its lock, a live run's file is not yet locked: a fresh one is left."""
    fresh = temporary_beside(tmp_path / "claims.csv")
    fresh.close()
    assert remove_leftovers(tmp_path) == []
    assert fresh.path.exists()


def test_a_link_or_folder_named_like_a_leftover_stays(tmp_path: Path) -> None:
    secret = tmp_path / "decoy-secret.txt"
    secret.write_text("decoy", encoding="utf-8")
    link = tmp_path / ".claims.csv.syria-strikes-aaaaaaaa.tmp"
    link.symlink_to(secret)
    folder = tmp_path / ".claims.csv.syria-strikes-bbbbbbbb.tmp"
    folder.mkdir()
    aged([link, folder])
    assert remove_leftovers(tmp_path) == []
    assert link.is_symlink() and folder.is_dir() and secret.read_text(encoding="utf-8") == "decoy"


def test_a_folder_that_cannot_be_listed_is_left_alone(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "absent") == []
