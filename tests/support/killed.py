"""A command killed (SIGKILL, as `kill -9` or a power cut) at a chosen moment, and the temporary
files such a run leaves, aged as if the next run came later."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from syria_strikes.leftovers import SETTLED_SECONDS
from tests.support.forked import forked


def killed_at(call: str, *argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command in a forked child that is killed the moment it first calls ``os.<call>``
    (``replace``, ``link``): everything it wrote until then stays as a killed run leaves it."""

    def killed(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    result = forked(*argv, cwd=cwd, prepare=lambda: setattr(os, call, killed))
    assert result.returncode == -signal.SIGKILL, result.stderr
    return result


def temporary_files(folder: Path) -> list[Path]:
    """The hidden ``.tmp`` files in ``folder``, by name."""
    return sorted(path for path in folder.iterdir() if path.name.startswith(".") and path.name.endswith(".tmp"))


def aged(paths: list[Path]) -> list[Path]:
    """Set the paths' modification time to before ``SETTLED_SECONDS``: the next run comes later."""
    for path in paths:
        status = path.lstat()
        then = status.st_mtime_ns - (SETTLED_SECONDS + 5) * 1_000_000_000
        os.utime(path, ns=(status.st_atime_ns, then), follow_symlinks=False)
    return paths
