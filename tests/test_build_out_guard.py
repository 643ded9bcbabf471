"""`build --out` refuses, before touching anything, a folder that is not a release it may replace."""

from __future__ import annotations

import os
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


def test_the_refusal_of_a_release_names_what_is_not_the_releases(
    clone: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the release's own marker and descriptor, which sort first: the file saved into it, or a
    folder that bears a release file's name."""
    monkeypatch.chdir(clone)
    assert main(["build", "--out", "release"]) == 0
    (clone / "release" / "zz-notes.txt").write_text("notes\n", encoding="utf-8")
    assert main(["build", "--out", "release"]) == 2
    assert "release ('zz-notes.txt')" in capsys.readouterr().err
    (clone / "release" / "zz-notes.txt").unlink()
    (clone / "release" / "claims.csv").unlink()
    (clone / "release" / "claims.csv").mkdir()
    assert main(["build", "--out", "release"]) == 2
    assert "release ('claims.csv')" in capsys.readouterr().err


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


@pytest.mark.parametrize("command", ["build", "site", "bundle"])
def test_an_out_that_leads_to_a_pipe_is_a_file_not_a_folder(
    clone: Path, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """/dev/stdout piped leads through /proc to a pipe with no path of its own: it was taken for a
    new folder, and the run failed after validating with a system error naming a /proc path."""
    read, write = os.pipe()
    link = tmp_path / "stdout"
    link.symlink_to(f"/proc/{os.getpid()}/fd/{write}")
    monkeypatch.chdir(clone)
    try:
        assert main([command, "--out", str(link)]) == 2
    finally:
        os.close(read)
        os.close(write)
    assert f"--out {link} is a file, not a folder" in capsys.readouterr().err


def test_a_bundle_into_a_link_to_a_folder_not_made_yet_makes_it_there(
    clone: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As build does: the bundle stopped with 'File exists' after a whole build."""
    link = tmp_path / "dist"
    link.symlink_to(tmp_path / "elsewhere" / "dist")
    monkeypatch.chdir(clone)
    for name in ("CITATION.cff", "LICENSE", "LICENSE-DATA"):
        shutil.copy2(REPO / name, clone / name)
    assert main(["bundle", "--out", str(link)]) == 0
    [made] = (tmp_path / "elsewhere" / "dist").iterdir()
    assert made.name.startswith("syria-strikes-data-") and made.suffix == ".zip"
