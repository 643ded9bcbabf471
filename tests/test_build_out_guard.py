"""`build --out` refuses, before touching anything, a folder that is not a release it may replace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from syria_strikes.cli import main
from tests.support.dataset import REPO


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    root = tmp_path / "clone"
    for part in ("data", "seeds"):
        shutil.copytree(REPO / part, root / part)
    shutil.copy2(REPO / "datapackage.json", root / "datapackage.json")
    (root / "notes.txt").write_text("a curator's file\n", encoding="utf-8")
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("out", [".", "data", "seeds", "..", "notes.txt"])
def test_a_folder_that_is_not_a_release_is_refused_and_left_as_it_was(
    clone: Path, out: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(clone)
    before = _tree(clone)
    assert main(["build", "--out", out]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: --out {out} ") and error.rstrip().endswith("nothing was touched")
    assert _tree(clone) == before


def test_a_release_the_build_wrote_is_replaced(clone: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(clone)
    assert main(["build", "--out", "release"]) == 0
    first = _tree(clone / "release")
    assert main(["build", "--out", "release"]) == 0
    assert _tree(clone / "release") == first


@pytest.mark.parametrize("command", ["build", "bundle"])
def test_a_data_folder_of_another_name_is_guarded_as_data_is(
    clone: Path, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--data-dir may name the tables' folder anything: an output inside it is refused as one inside
    data/ is, before anything is written."""
    (clone / "data").rename(clone / "tables")
    monkeypatch.chdir(clone)
    before = _tree(clone)
    assert main([command, "--data-dir", "tables", "--out", "tables/out"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: --out tables/out is inside the data folder"), error
    assert _tree(clone) == before
