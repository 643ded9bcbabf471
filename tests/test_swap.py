"""A folder appears at --out in one atomic step, one writer at a time, and killed runs are cleaned up."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from syria_strikes import swap
from syria_strikes.outguard import MARKER, MARKER_TEXT, RELEASE_MARKER
from syria_strikes.swap import (
    OutputBusy,
    clean_leftovers,
    new_staging,
    operated_path,
    output_lock,
    recover,
    replacing,
    swap_into_place,
)


def _release(folder: Path, content: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    (folder / "datapackage.json").write_text(content, encoding="utf-8")
    return folder


def _staged(out: Path, content: str) -> Path:
    return _release(new_staging(out, RELEASE_MARKER), content)


def _contents(out: Path) -> str:
    return (out / "datapackage.json").read_text(encoding="utf-8")


def _beside(out: Path) -> list[str]:
    return sorted(path.name for path in out.parent.iterdir() if path.name != out.name)


def test_a_new_release_is_renamed_into_place(tmp_path: Path) -> None:
    out = tmp_path / "release"
    swap_into_place(_staged(out, "new"), out, RELEASE_MARKER)
    assert _contents(out) == "new"
    assert _beside(out) == []


def test_an_old_release_is_exchanged_for_the_new_one(tmp_path: Path) -> None:
    if not swap.exchange(_release(tmp_path / "a", "a"), _release(tmp_path / "b", "b")):
        pytest.skip("this platform or file system cannot exchange folders")
    assert (_contents(tmp_path / "a"), _contents(tmp_path / "b")) == ("b", "a")
    out = _release(tmp_path / "release", "old")
    swap_into_place(_staged(out, "new"), out, RELEASE_MARKER)
    assert _contents(out) == "new"
    assert not out.is_symlink()
    assert _beside(out) == ["a", "b"]


def test_without_exchange_the_release_is_a_link_flipped_in_one_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    out = _release(tmp_path / "release", "old")
    swap_into_place(_staged(out, "new"), out, RELEASE_MARKER)
    assert out.is_symlink() and _contents(out) == "new"
    first = os.readlink(out)
    assert _beside(out) == [first]
    assert operated_path(out) == out
    swap_into_place(_staged(out, "newer"), out, RELEASE_MARKER)
    assert _contents(out) == "newer"
    assert _beside(out) == [os.readlink(out)] != [first]


def test_a_link_of_the_user_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    real = _release(tmp_path / "real", "old")
    (tmp_path / "mine").symlink_to(real)
    assert operated_path(tmp_path / "mine") == real


def test_a_link_of_the_user_to_another_outputs_release_is_the_users(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``.release.release-2024.release-<token>`` starts like a release ``release`` keeps in link
    mode, but is the one of the output ``release.release-2024``: a link to it is the user's own."""
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    other = _release(tmp_path / "release.release-2024", "other")
    swap_into_place(_staged(other, "other, linked"), other, RELEASE_MARKER)
    mine = tmp_path / "release"
    mine.symlink_to(os.readlink(other))
    assert operated_path(mine) == mine.resolve()


def test_leftovers_of_killed_builds_are_removed_and_nothing_else(tmp_path: Path) -> None:
    out = _release(tmp_path / "release", "current")
    staging = _staged(out, "half written")
    retired = _release(tmp_path / f".release.retired-{'1a2b' * 4}", "old")
    empty = tmp_path / f".release.staging-{'0' * 16}"
    empty.mkdir()
    foreign = tmp_path / ".release.staging-not-ours"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("someone's", encoding="utf-8")
    other = _release(tmp_path / f".other.staging-{'1' * 16}", "another output's")
    # A copy of the release kept by hand under a name like a run's: marked, but not a run's token.
    kept = _release(tmp_path / ".release.retired-2024backup", "kept by hand")
    (kept / "NOTES.txt").write_text("my notes", encoding="utf-8")
    assert sorted(clean_leftovers(out, RELEASE_MARKER)) == sorted([staging, retired, empty])
    assert _beside(out) == sorted([foreign.name, other.name, kept.name])
    assert (kept / "NOTES.txt").read_text(encoding="utf-8") == "my notes"
    assert _contents(out) == "current"


def test_the_folders_of_an_output_named_like_a_leftover_are_not_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``release.retired-2024`` is an output of its own; in link mode its content lives in
    ``.release.retired-2024.release-<token>``, which starts like a leftover of ``release``."""
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    other = _release(tmp_path / "release.retired-2024", "other")
    swap_into_place(_staged(other, "other, linked"), other, RELEASE_MARKER)
    assert other.is_symlink()
    out = tmp_path / "release"
    with replacing(out, RELEASE_MARKER) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
    assert _contents(out) == "new"
    assert _contents(other) == "other, linked"


def test_a_release_moved_aside_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "release"
    _release(tmp_path / f".release.retired-{'1a2b' * 4}", "old")
    recover(out, RELEASE_MARKER)
    assert _contents(out) == "old"
    recover(out, RELEASE_MARKER)
    assert _contents(out) == "old"


@pytest.mark.parametrize("kind", ["retired", "release"])
def test_a_folder_of_someone_else_named_like_a_moved_release_is_never_put_in_place(tmp_path: Path, kind: str) -> None:
    """Only a folder a run marked is put back: anything else put in place would be replaced, and so
    removed, by the very run that recovered it."""
    out = tmp_path / "release"
    foreign = tmp_path / f".release.{kind}-notes"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("someone's", encoding="utf-8")
    with replacing(out, RELEASE_MARKER) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
    assert _contents(out) == "new"
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "someone's"


def test_a_marked_folder_moved_aside_by_hand_is_neither_put_back_nor_removed(tmp_path: Path) -> None:
    """A user's own move of a release (``mv release .release.retired-keep``) keeps its marker, but its
    name carries no run's token: putting it back would have the run replace, and so remove, it."""
    out = tmp_path / "release"
    kept = _release(tmp_path / ".release.retired-keep", "moved aside by hand")
    (kept / "NOTES.txt").write_text("my notes", encoding="utf-8")
    with replacing(out, RELEASE_MARKER) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
    assert _contents(out) == "new"
    assert _contents(kept) == "moved aside by hand"
    assert (kept / "NOTES.txt").read_text(encoding="utf-8") == "my notes"


def test_one_writer_at_a_time(tmp_path: Path) -> None:
    out = tmp_path / "release"
    held = output_lock(out)
    held.__enter__()
    busy = pytest.raises(OutputBusy, match=r"another syria-strikes command is writing .*release right now")
    with busy, output_lock(out):
        pass
    held.__exit__(None, None, None)
    with output_lock(out):
        pass


def test_replacing_swaps_in_what_the_block_wrote_and_nothing_when_it_fails(tmp_path: Path) -> None:
    out = _release(tmp_path / "release", "old")
    with pytest.raises(RuntimeError), replacing(out, RELEASE_MARKER) as staging:
        (staging / "datapackage.json").write_text("half", encoding="utf-8")
        raise RuntimeError
    assert _contents(out) == "old"
    assert _beside(out) == []
    checked = []
    with replacing(out, RELEASE_MARKER, recheck=lambda: checked.append(True)) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
    assert checked == [True]
    assert _contents(out) == "new" and (out / MARKER).is_file()
    assert _beside(out) == []


def test_the_lock_file_goes_with_its_run_and_a_later_run_takes_a_new_one(tmp_path: Path) -> None:
    """A run leaves the folder as it found it: the lock file beside the output is removed as the
    lock is let go, and the next run locks a file of its own."""
    out = tmp_path / "release"
    with output_lock(out):
        assert _beside(out) == [".release.lock"]
        with pytest.raises(OutputBusy), output_lock(out):
            pass
    assert _beside(out) == []
    with output_lock(out):
        assert _beside(out) == [".release.lock"]
    assert _beside(out) == []


def test_an_old_output_that_cannot_be_removed_is_left_with_a_warning_and_the_new_one_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A release made read-only: once swapped out it cannot be deleted. The new release is in place,
    so the run says where the old one stays instead of claiming it changed nothing; the next run
    says so again and still writes."""
    out = _release(tmp_path / "release", "old, read-only")
    removing = swap.remove_folder

    def refused(folder: Path, marker: swap.Marker) -> None:
        if (folder / "datapackage.json").read_text(encoding="utf-8") == "old, read-only":
            raise PermissionError(13, "Permission denied", str(folder / "datapackage.json"))
        removing(folder, marker)

    monkeypatch.setattr(swap, "remove_folder", refused)
    for new in ("new", "newer"):
        with replacing(out, RELEASE_MARKER) as staging:
            (staging / "datapackage.json").write_text(new, encoding="utf-8")
        assert _contents(out) == new
        [left] = [path for path in tmp_path.iterdir() if path.name.startswith(".release.staging-")]
        assert _contents(left) == "old, read-only"
        err = capsys.readouterr().err
        which = "the release replaced" if new == "new" else "a folder an earlier run left"
        assert (
            f"warning: {which} could not be removed entirely (Permission denied); what is left of it "
            f"is in {left}: remove it yourself"
        ) in err


def test_an_empty_folder_replaced_keeps_its_mode_and_owner(tmp_path: Path) -> None:
    """``site --out /var/www/html``: the folder is the user's, its mode (setgid, sticky, group write)
    and owner go to the new one in its place (the owner where the system lets this run give it)."""
    out = tmp_path / "shared"
    out.mkdir()
    os.chmod(out, 0o3775)
    if os.geteuid() == 0:
        os.chown(out, 65534, 65534)
    before = os.stat(out)
    with replacing(out, RELEASE_MARKER) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
    after = os.stat(out)
    assert _contents(out) == "new" and after.st_ino != before.st_ino
    assert stat.S_IMODE(after.st_mode) == 0o3775
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    # given before the files were written: they take the folder's group, as its setgid bit asks
    assert os.stat(out / "datapackage.json").st_gid == before.st_gid


def test_files_saved_into_the_output_while_a_run_writes_are_kept_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The output is judged before the run writes; a file saved into it meanwhile is the user's: the
    folder swapped out is left, named, instead of removed with it."""
    out = _release(tmp_path / "release", "old")

    def ours(folder: Path) -> bool:
        return sorted(path.name for path in folder.iterdir()) == sorted([MARKER, "datapackage.json"])

    with replacing(out, RELEASE_MARKER, ours=ours) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
        (out / "notes.txt").write_text("saved meanwhile", encoding="utf-8")
    assert _contents(out) == "new"
    [left] = [path for path in tmp_path.iterdir() if path.name.startswith(".release.staging-")]
    assert (left / "notes.txt").read_text(encoding="utf-8") == "saved meanwhile"
    err = capsys.readouterr().err
    assert f"files were saved into {out} while this run wrote it" in err and err.rstrip().endswith("move them back")
    # nor does the next run take it for a leftover of its own
    with replacing(out, RELEASE_MARKER, ours=ours) as staging:
        (staging / "datapackage.json").write_text("newer", encoding="utf-8")
    assert (left / "notes.txt").read_text(encoding="utf-8") == "saved meanwhile"


def test_an_interruption_once_the_folders_are_swapped_removes_neither(tmp_path: Path) -> None:
    """Judging the folder swapped out takes a while (a whole site): interrupted then, the run must not
    remove it as if it were its own unfinished staging folder."""
    out = _release(tmp_path / "release", "old")

    def interrupted(folder: Path) -> bool:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt), replacing(out, RELEASE_MARKER, ours=interrupted) as staging:
        (staging / "datapackage.json").write_text("new", encoding="utf-8")
        (out / "notes.txt").write_text("saved meanwhile", encoding="utf-8")
    assert _contents(out) == "new"
    [left] = [path for path in tmp_path.iterdir() if path.name.startswith(".release.staging-")]
    assert (left / "notes.txt").read_text(encoding="utf-8") == "saved meanwhile"


def test_a_file_named_like_the_lock_is_kept_unless_a_killed_run_of_this_tool_left_it(tmp_path: Path) -> None:
    out = tmp_path / "release"
    lock = tmp_path / ".release.lock"
    lock.write_text("the user's notes\n", encoding="utf-8")
    with output_lock(out):
        pass
    assert lock.read_text(encoding="utf-8") == "the user's notes\n"
    lock.write_bytes(swap.LOCK_TEXT)  # what a killed run leaves
    with output_lock(out):
        pass
    assert not lock.exists()


def test_a_users_link_named_like_a_link_mode_link_is_kept(tmp_path: Path) -> None:
    out = _release(tmp_path / "release", "current")
    (tmp_path / "mine").mkdir()
    users = tmp_path / f".release.link-{'0' * 16}"
    users.symlink_to("mine")
    ours = tmp_path / f".release.link-{'1' * 16}"
    ours.symlink_to(f".release.release-{'2' * 16}")  # what a flip killed before its rename leaves
    clean_leftovers(out, RELEASE_MARKER)
    assert users.is_symlink() and not ours.is_symlink()


@pytest.mark.parametrize("kind", ["link", "folder", "pipe"])
def test_something_else_where_the_lock_file_goes_is_refused_and_kept(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "release"
    lock = tmp_path / ".release.lock"
    if kind == "link":
        lock.symlink_to(tmp_path / "elsewhere")
    elif kind == "folder":
        lock.mkdir()
    else:
        os.mkfifo(lock)
    with pytest.raises(OutputBusy, match=r"stands where the lock of .* goes and is not a file"), output_lock(out):
        pass
    assert os.path.lexists(lock)
