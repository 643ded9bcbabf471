"""The temporary files a command writes beside a file before renaming them over it, and the removal
of those a killed run left behind.

Each is named ``.<target>.syria-strikes-XXXXXXXX.tmp``, a name only ``temporary_beside`` makes, and
holds a lock on itself for as long as it lives. ``remove_leftovers`` removes one only when it bears
that name, is a regular file of this user, was last written a minute ago or more (the instant
between its creation and its lock) and nobody holds its lock: the run that made it was killed.
Where the platform has no such locks (no ``fcntl``), nothing is removed: nothing tells a live
run's file from a dead one's there.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: files are neither locked nor removed
    fcntl = None  # type: ignore[assignment]

MARK = "syria-strikes"
# What ``temporary_beside`` names a file (tempfile's eight random letters, digits or '_'), and nothing else does.
LEFTOVER = re.compile(rf"\.[^/]+\.{MARK}-[a-z0-9_]{{8}}\.tmp")
SETTLED_SECONDS = 60


@dataclass
class Temporary:
    """A temporary file beside its target and the open, locked descriptor that marks it as in use."""

    path: Path
    descriptor: int
    closed: bool = False

    def written(self) -> None:
        """Its content is complete: where no lock is held, close it now (Windows renames no open file)."""
        if fcntl is None:
            self.close()

    def close(self) -> None:
        """Release the lock; call once the file is renamed into place or removed."""
        if not self.closed:
            self.closed = True
            os.close(self.descriptor)


def temporary_beside(target: Path) -> Temporary:
    """A new, empty file beside ``target`` (so on its file system), named as only this does, locked."""
    import tempfile  # only when writing: a command that reads alone does not pay for it

    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.{MARK}-", suffix=".tmp", dir=target.parent)
    if fcntl is not None:
        # On a file system without locks this fails, and then no file there is ever taken for a leftover.
        with contextlib.suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return Temporary(Path(name), descriptor)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove from ``folder`` the temporary files of runs that were killed while writing there, and
    say which; anything else, and anything that cannot be told apart from a live run's file, stays."""
    if fcntl is None:  # pragma: no cover - Windows
        return []
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing if LEFTOVER.fullmatch(entry.name))
    except OSError:
        return []
    return [folder / name for name in names if _removed_if_abandoned(folder / name)]


def _removed_if_abandoned(path: Path) -> bool:
    try:
        status = os.lstat(path)
    except OSError:
        return False
    if (
        not stat.S_ISREG(status.st_mode)
        or status.st_uid != os.getuid()
        or time.time() - status.st_mtime < SETTLED_SECONDS
    ):
        return False
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        opened = os.fstat(descriptor)
        if (opened.st_ino, opened.st_dev) != (status.st_ino, status.st_dev):
            return False  # replaced since it was looked at
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:  # a live run holds it (or locks do not work here): not ours to judge
            return False
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)
