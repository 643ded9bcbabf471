"""Open the files of a dataset as untrusted input: regular files inside its folder, or a reason.

A data file, a seed or the descriptor may be a symbolic link to ``/proc/self/environ``, a FIFO
that would block a reader for ever, a device, a directory, or unreadable. Each is refused with
words naming the kind of file, never its content. The path is resolved first and must stay inside
the dataset folder; it is then opened without following a link and without blocking, and the
open file itself is checked, so a swap between the check and the open is caught too.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from syria_strikes.files import sha256_blocks

# Opens a file without following a final link and without blocking on a FIFO or device.
SAFE_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


FileRule = Literal["file_inside", "file_regular", "file_readable"]


class FileRefused(OSError):
    """A file that must not or cannot be read; ``rule`` is the problem's rule id, the message its words."""

    def __init__(self, rule: FileRule, words: str) -> None:
        super().__init__(words)
        self.rule = rule
        self.words = words

    def __str__(self) -> str:
        return self.words


@dataclass(frozen=True)
class FileKey:
    """What identifies one version of a file: a replaced or rewritten file has another key. The
    change time is in it because, unlike the modification time, no program can set it back."""

    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, path: Path, status: os.stat_result) -> FileKey:
        return cls(str(path), status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)

    def version(self) -> list[int]:
        """The key without the path: what a record kept under the path compares."""
        return [self.size, self.mtime_ns, self.ctime_ns, self.inode, self.device]

    @staticmethod
    def version_of(status: os.stat_result) -> list[int]:
        """``version`` of a file of this status, without building its key: a listing of 10,000
        seeds would spend more on the paths than on the status calls."""
        return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def inside(path: Path, folder: Path) -> Path:
    """``path`` with every link resolved, or FileRefused when that leaves ``folder``."""
    try:
        resolved = path.resolve(strict=False)
        home = folder.resolve(strict=False)
    except (OSError, RuntimeError, ValueError) as error:  # a loop of links, an unlistable folder, a NUL byte
        raise FileRefused("file_readable", f"cannot be followed: {_reason(error)}") from None
    if resolved != home and not resolved.is_relative_to(home):
        # Named outside (as written, before any link is followed) is no link's doing.
        named, named_home = Path(os.path.abspath(path)), Path(os.path.abspath(folder))
        if named != named_home and not named.is_relative_to(named_home):
            raise FileRefused(
                "file_inside", "is outside the dataset folder (an absolute path, or one climbing out by '..')"
            )
        raise FileRefused(
            "file_inside",
            "is a symbolic link that leads outside the dataset folder; replace it with the file itself",
        )
    return resolved


def _reason(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied; give the user running the command read access"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return "too many levels of symbolic links" if isinstance(error, RuntimeError) else str(error)


class FileTooLarge(OSError):
    """A file holds more bytes than its reader was told to expect; what was read is not kept."""

    def __init__(self, most: int) -> None:
        super().__init__(f"holds more than the {most} bytes expected")
        self.most = most


def read_file(path: Path, folder: Path, *, checked: bool = False, most: int | None = None) -> tuple[bytes, FileKey]:
    """The bytes of the regular file ``path`` inside ``folder``, and the key of the version read.

    Raises FileNotFoundError when nothing is there (callers have their own words for a missing
    file) and FileRefused for everything else that is not a readable regular file inside ``folder``.
    ``checked`` says the caller has resolved ``path`` and checked it is inside ``folder`` (as the
    seed check does for ten thousand seeds from one listing); the final link is still not followed.
    ``most`` bounds what is read: a file whose size is more raises FileTooLarge unread, and one that
    grew past it while being read raises it too.
    """
    with _opened(path, folder, checked=checked, most=most) as (descriptor, resolved):
        try:
            with os.fdopen(descriptor, "rb", buffering=0, closefd=False) as handle:
                data = handle.readall()  # sized from fstat: one allocation, not one per block
            after = os.fstat(descriptor)
        except OSError as error:
            raise FileRefused("file_readable", f"cannot be read: {_reason(error)}") from None
    if most is not None and len(data) > most:
        raise FileTooLarge(most)
    return data, FileKey.of(resolved, after)


def hash_file(path: Path, folder: Path, *, most: int | None = None) -> tuple[str, int, FileKey]:
    """``read_file`` for a caller that needs only the sha256 (hex) and the size: the file is read a
    block at a time, never held whole, so a file of many gigabytes costs no memory."""

    def within_most(size: int) -> None:  # a file that grew past the bound while being read
        if most is not None and size > most:
            raise FileTooLarge(most)

    with _opened(path, folder, most=most) as (descriptor, resolved):
        try:
            digest, size = sha256_blocks(descriptor, within_most)
            after = os.fstat(descriptor)
        except OSError as error:
            if isinstance(error, FileTooLarge):
                raise
            raise FileRefused("file_readable", f"cannot be read: {_reason(error)}") from None
    return digest, size, FileKey.of(resolved, after)


@contextmanager
def _opened(path: Path, folder: Path, *, checked: bool = False, most: int | None = None) -> Iterator[tuple[int, Path]]:
    """A descriptor of the regular file ``path`` inside ``folder``, opened as ``read_file`` opens it,
    with the path it was opened by; the errors are ``read_file``'s."""
    resolved = path if checked else inside(path, folder)
    try:
        before = os.stat(resolved)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise FileRefused("file_readable", f"cannot be read: {_reason(error)}") from None
    if not stat.S_ISREG(before.st_mode):
        raise FileRefused("file_regular", f"is {_kind(before.st_mode)}, not a regular file; replace it with a file")
    try:
        descriptor = os.open(resolved, SAFE_OPEN)
    except FileNotFoundError:
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefused("file_inside", "was replaced by a symbolic link while being read") from None
        raise FileRefused("file_readable", f"cannot be read: {_reason(error)}") from None
    try:
        try:
            status = os.fstat(descriptor)
        except OSError as error:
            raise FileRefused("file_readable", f"cannot be read: {_reason(error)}") from None
        if not stat.S_ISREG(status.st_mode) or (status.st_ino, status.st_dev) != (before.st_ino, before.st_dev):
            raise FileRefused("file_regular", "was replaced by something other than a regular file while being read")
        if most is not None and status.st_size > most:
            raise FileTooLarge(most)
        yield descriptor, resolved
    finally:
        os.close(descriptor)


def list_folder(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of a folder, sorted by name; FileRefused when it cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise FileRefused("file_readable", f"cannot be listed: {_reason(error)}") from None


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the folders made, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
    return list(reversed(missing))


@contextmanager
def folders_made(folder: Path) -> Iterator[list[Path]]:
    """Make ``folder`` and its missing parents, undone if the block fails: a command that wrote
    nothing leaves no empty folder."""
    made = _make_folders(folder)
    try:
        yield made
    except BaseException:
        for each in reversed(made):
            with suppress(OSError):  # no longer empty, or gone: left as it is
                each.rmdir()
        raise
