"""Files of a dataset are opened as untrusted input: regular files inside its folder, or a reason."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from syria_strikes.safefiles import FileKey, FileRefused, list_folder, read_file
from tests.support.unprivileged import run_unprivileged

SECRET = "API_TOKEN=hunter2-do-not-print"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "dataset"
    root.mkdir()
    (root / "plain.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return root


def test_a_regular_file_is_read_with_its_key(folder: Path) -> None:
    data, key = read_file(folder / "plain.csv", folder)
    status = (folder / "plain.csv").stat()
    assert data == b"a,b\n1,2\n"
    assert (key.size, key.mtime_ns, key.inode) == (status.st_size, status.st_mtime_ns, status.st_ino)
    assert FileKey.version_of(status) == key.version(), "the cache compares either with the other"


def test_a_link_inside_the_folder_is_followed(folder: Path) -> None:
    (folder / "alias.csv").symlink_to("plain.csv")
    assert read_file(folder / "alias.csv", folder)[0] == b"a,b\n1,2\n"


@pytest.mark.parametrize("opens", ["read_file", "hash_file"])
def test_a_link_to_a_secret_outside_is_refused_without_reading_it(folder: Path, tmp_path: Path, opens: str) -> None:
    from syria_strikes import safefiles

    secret = tmp_path / "secret.env"
    secret.write_text(SECRET, encoding="utf-8")
    (folder / "claims.csv").symlink_to(secret)
    with pytest.raises(FileRefused) as refused:
        getattr(safefiles, opens)(folder / "claims.csv", folder)
    assert refused.value.rule == "file_inside"
    assert "hunter2" not in str(refused.value)


def test_a_fifo_is_refused_without_blocking(folder: Path) -> None:
    os.mkfifo(folder / "claims.csv")
    with pytest.raises(FileRefused, match="named pipe") as refused:
        read_file(folder / "claims.csv", folder)
    assert refused.value.rule == "file_regular"


def test_a_folder_is_refused(folder: Path) -> None:
    (folder / "claims.csv").mkdir()
    with pytest.raises(FileRefused, match="a folder"):
        read_file(folder / "claims.csv", folder)


def test_a_device_is_refused(folder: Path) -> None:
    try:
        os.mknod(folder / "claims.csv", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot create a device node here")
    with pytest.raises(FileRefused, match="a device"):
        read_file(folder / "claims.csv", folder)


def test_a_missing_file_is_left_to_the_caller(folder: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_file(folder / "absent.csv", folder)


def test_a_link_loop_is_refused(folder: Path) -> None:
    (folder / "a.csv").symlink_to("b.csv")
    (folder / "b.csv").symlink_to("a.csv")
    with pytest.raises(FileRefused):
        read_file(folder / "a.csv", folder)


def test_unreadable_file_and_folder_are_refused_with_words(folder: Path) -> None:
    (folder / "plain.csv").chmod(0o000)
    (folder / "closed").mkdir(mode=0o000)
    script = (
        "import sys; from pathlib import Path\n"
        "from syria_strikes.safefiles import read_file, list_folder, FileRefused\n"
        "root = Path(sys.argv[1])\n"
        "for call in (lambda: read_file(root / 'plain.csv', root), lambda: list_folder(root / 'closed')):\n"
        "    try:\n        call()\n    except FileRefused as refused:\n        print(refused.rule, refused)\n"
    )
    result = run_unprivileged(["-c", script, str(folder)], folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "file_readable cannot be read: permission denied; give the user running the command read access",
        "file_readable cannot be listed: permission denied; give the user running the command read access",
    ]


def test_a_folder_is_listed_in_name_order(folder: Path) -> None:
    (folder / "b.csv").write_text("", encoding="utf-8")
    assert [entry.name for entry in list_folder(folder)] == ["b.csv", "plain.csv"]


def test_a_name_with_a_nul_byte_is_refused_with_words(folder: Path) -> None:
    """No file can be named with a NUL byte, but a cell or a descriptor can hold one: Python then
    raises ValueError, not an OSError, from every call that takes the path."""
    with pytest.raises(FileRefused, match="cannot be followed") as refused:
        read_file(folder / "plain\x00.csv", folder)
    assert refused.value.rule == "file_readable"


def test_a_bounded_read_refuses_a_file_past_its_bound(folder: Path) -> None:
    from syria_strikes.safefiles import FileTooLarge

    path = folder / "table.csv"
    path.write_bytes(b"x" * 10)
    assert read_file(path, folder, most=10)[0] == b"x" * 10
    with pytest.raises(FileTooLarge):
        read_file(path, folder, most=9)


def test_a_path_named_outside_is_not_called_a_link(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("x", encoding="utf-8")
    with pytest.raises(FileRefused, match=r"climbing out by '\.\.'") as climbed:
        read_file(folder / ".." / "outside.txt", folder)
    assert climbed.value.rule == "file_inside"
    (folder / "link.txt").symlink_to(outside)
    with pytest.raises(FileRefused, match="symbolic link that leads outside"):
        read_file(folder / "link.txt", folder)


def test_hashing_a_file_answers_as_reading_it_whole_does(folder: Path) -> None:
    from syria_strikes.safefiles import hash_file

    data, key = read_file(folder / "plain.csv", folder)
    assert hash_file(folder / "plain.csv", folder) == (hashlib.sha256(data).hexdigest(), len(data), key)


def test_hashing_refuses_a_file_past_its_bound(folder: Path) -> None:
    from syria_strikes.safefiles import FileTooLarge, hash_file

    assert hash_file(folder / "plain.csv", folder, most=8)[1] == 8
    with pytest.raises(FileTooLarge):
        hash_file(folder / "plain.csv", folder, most=7)


def test_hashing_stops_at_the_bound_a_file_grew_past_while_it_was_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file within its bound when opened may grow while it is hashed: the count read is held to it too."""
    from syria_strikes import safefiles
    from syria_strikes.files import HASH_BLOCK

    grown = folder / "grown.bin"
    grown.write_bytes(b"x" * (2 * HASH_BLOCK))
    real_fstat = os.fstat

    def small_at_open(descriptor: int) -> os.stat_result:  # as if it grew after the size was checked
        status = real_fstat(descriptor)
        return os.stat_result((*status[:6], 10, *status[7:]))

    monkeypatch.setattr(os, "fstat", small_at_open)
    with pytest.raises(safefiles.FileTooLarge):
        safefiles.hash_file(grown, folder, most=HASH_BLOCK)
