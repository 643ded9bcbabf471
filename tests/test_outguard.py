"""`build --out` names a new folder, an empty one, or a release this tool wrote; nothing else."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from syria_strikes.outguard import MARKER, MARKER_TEXT, OutRefused, check_out

NAMES = frozenset({"claims.csv", "claims.parquet"})


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dataset = tmp_path / "clone"
    for folder in ("data", "seeds", "elsewhere"):
        (dataset / folder).mkdir(parents=True)
    (dataset / "data" / "claims.csv").write_text("x\n", encoding="utf-8")
    monkeypatch.chdir(dataset)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return dataset


def _release(folder: Path, *, name: str = "syria-strikes", marker: bool = True) -> Path:
    folder.mkdir(parents=True)
    (folder / "datapackage.json").write_text(json.dumps({"name": name}), encoding="utf-8")
    (folder / "claims.csv").write_text("x\n", encoding="utf-8")
    if marker:
        (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return folder


def _refused(out: Path, root: Path) -> str:
    with pytest.raises(OutRefused) as refused:
        check_out(out, root / "data", NAMES)
    return str(refused.value)


def test_new_empty_and_release_folders_are_allowed(root: Path) -> None:
    assert check_out(root / "release", root / "data", NAMES) == root / "release"
    (root / "empty").mkdir()
    assert check_out(root / "empty", root / "data", NAMES) == root / "empty"
    _release(root / "old")
    assert check_out(root / "old", root / "data", NAMES) == root / "old"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        (".", "the current folder"),
        ("/", "the root of the file system"),
        ("data", "the data folder"),
        ("seeds", "the seeds archive"),
        ("..", "holds the dataset"),
        ("data/release", "inside data/"),
        ("seeds/new", "inside seeds/"),
        ("elsewhere", None),
    ],
)
def test_protected_folders_are_refused(root: Path, name: str, words: str | None) -> None:
    (root / "elsewhere" / "notes.txt").write_text("mine", encoding="utf-8")
    message = _refused(Path(name), root)
    assert message.startswith(f"--out {name} ")
    assert (words or "not a syria-strikes release") in message


def test_the_home_folder_and_a_file_are_refused(root: Path) -> None:
    assert "your home folder" in _refused(Path(os.environ["HOME"]), root)
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    assert "is a file" in _refused(root / "notes.txt", root)


def test_a_link_is_judged_by_where_it_leads(root: Path) -> None:
    (root / "innocent").symlink_to(root / "seeds")
    assert "the seeds archive" in _refused(root / "innocent", root)


@pytest.mark.parametrize("inside", ["sub", "sub/deeper"])
def test_a_folder_inside_a_release_is_refused_and_nothing_is_made(root: Path, inside: str) -> None:
    """The next build there would replace the release whole, and refuses it while it holds a folder."""
    release = _release(root / "release")
    words = _refused(release / inside, root)
    assert f"inside the release {release}" in words
    assert sorted(path.name for path in release.iterdir()) == sorted([MARKER, "claims.csv", "datapackage.json"])


def test_a_release_needs_its_name_its_marker_and_nothing_else(root: Path) -> None:
    assert "not a syria-strikes release" in _refused(_release(root / "other", name="someone-else"), root)
    assert "not a syria-strikes release" in _refused(_release(root / "unmarked", marker=False), root)
    extra = _release(root / "extra")
    (extra / "thesis.docx").write_text("mine", encoding="utf-8")
    assert "'thesis.docx'" in _refused(extra, root)
    (root / "broken").mkdir()
    (root / "broken" / "datapackage.json").write_text('{"name": "syria-strikes", "name": "x"}', encoding="utf-8")
    (root / "broken" / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    assert "not a syria-strikes release" in _refused(root / "broken", root)


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_an_entry_bearing_a_release_files_name_but_no_file_is_refused(root: Path, kind: str) -> None:
    """The swap throws the old release away whole: a folder named claims.parquet, with the user's
    files in it, or a link of that name, is not a file a build wrote."""
    release = _release(root / "release")
    if kind == "folder":
        (release / "claims.parquet").mkdir()
        (release / "claims.parquet" / "notes.txt").write_text("mine", encoding="utf-8")
    else:
        (release / "claims.parquet").symlink_to(root / "elsewhere")
    assert "not a syria-strikes release" in _refused(release, root)
    assert kind == "link" or (release / "claims.parquet" / "notes.txt").exists()


def test_a_release_written_before_the_marker_is_accepted_only_when_asked(root: Path) -> None:
    unmarked = _release(root / "unmarked", marker=False)
    assert check_out(unmarked, root / "data", NAMES, legacy=True) == unmarked


@pytest.mark.parametrize("name", ["tables/release", "clone/seeds/release"])
def test_a_data_folder_reached_through_a_link_is_guarded_where_it_lies(tmp_path: Path, name: str) -> None:
    """data/ may be a link to a folder of any name elsewhere: the folder it leads to, and the seeds/
    beside the link, hold the curated files, and a release written into either broke validation."""
    clone = tmp_path / "clone"
    (clone / "seeds").mkdir(parents=True)
    (tmp_path / "tables").mkdir()
    (clone / "data").symlink_to(tmp_path / "tables")
    with pytest.raises(OutRefused, match="inside"):
        check_out(tmp_path / name, clone / "data", NAMES)


@pytest.mark.parametrize(("folder", "words"), [("data", "the data folder"), ("seeds", "the seeds archive")])
def test_a_folder_above_where_a_linked_curated_folder_lies_is_refused(tmp_path: Path, folder: str, words: str) -> None:
    """data/ or seeds/ may be a link to a folder elsewhere: a build replacing a folder above where
    it leads (and not above the dataset) would throw the curated files away with it."""
    clone = tmp_path / "clone"
    clone.mkdir()
    store = tmp_path / "store"
    (store / "kept").mkdir(parents=True)
    (clone / ("seeds" if folder == "data" else "data")).mkdir()
    (clone / folder).symlink_to(store / "kept")
    with pytest.raises(OutRefused, match=f"holds {words}, which"):
        check_out(store, clone / "data", NAMES)


def test_a_name_too_long_for_the_staging_folder_beside_it_is_refused(root: Path) -> None:
    """A folder name of 240 bytes is legal, but the staging folder a build writes beside it
    (``.<name>.staging-<16 hex>``) would exceed the file system's 255: refused before anything is
    written, instead of failing once the data is validated. A name whose siblings fit is allowed."""
    assert "too long" in _refused(root.parent / ("x" * 240), root)
    assert check_out(root.parent / ("y" * 200), root / "data", NAMES) == (root.parent / ("y" * 200)).resolve()


def test_a_current_folder_removed_from_under_the_command_is_named_as_such(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder deleted meanwhile, the guard blamed ``--out`` ('cannot be resolved'), which
    was a sound absolute path: the folder that cannot be found is the current one."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    words = _refused(root / "release", root)
    assert "the current folder no longer exists" in words and "--out" not in words.split(";")[0], words
