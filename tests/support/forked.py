"""The command's main() in a forked copy of the test process: a process of its own, to kill, to
race against another, to guard with a timeout or to strip of privileges, without paying for a new
interpreter and its imports (about 1.5 CPU-s a run).

The child runs exactly what ``python -m syria_strikes`` runs after its imports: main(argv), its
streams written to files, an uncaught exception printed as the interpreter would print it, and the
exit code passed to os._exit so nothing of the test process (pytest, its atexit hooks, its
buffers) runs in the child.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from syria_strikes.cli import main

# What the child reports when ``prepare`` (e.g. dropping a privilege) fails: the caller skips.
CANNOT_PREPARE = 99


class Forked:
    """A running child; ``wait`` gives its exit code and streams like subprocess.run does."""

    def __init__(self, argv: Sequence[str], cwd: Path | None = None, prepare: Callable[[], None] | None = None) -> None:
        self.argv = list(argv)
        self._stdout: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed once read
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed once read
        self.returncode: int | None = None
        sys.stdout.flush()
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child, measured by what it writes and returns
            _child(self.argv, cwd, prepare, self._stdout, self._stderr)

    def poll(self) -> int | None:
        """The exit status once the child has ended, else None (as Popen.poll)."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> subprocess.CompletedProcess[str]:
        """End the child at once, as a power cut or `kill -9` would, and give what it wrote."""
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self._finished()

    def wait(self, timeout: float) -> subprocess.CompletedProcess[str]:
        """The finished run; a child still running after ``timeout`` seconds is killed and the test fails."""
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"syria-strikes {' '.join(self.argv)} was still running after {timeout} s")
            time.sleep(0.005)
        return self._finished()

    def _finished(self) -> subprocess.CompletedProcess[str]:
        assert self.returncode is not None
        return subprocess.CompletedProcess(
            ["syria-strikes", *self.argv], self.returncode, _read(self._stdout), _read(self._stderr)
        )


def forked(
    *argv: str, cwd: Path | None = None, timeout: float = 600, prepare: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command in a forked child and wait for it (a hang fails the test after ``timeout``)."""
    return Forked(argv, cwd, prepare).wait(timeout)


def _read(stream: IO[bytes]) -> str:
    stream.seek(0)
    text = stream.read().decode("utf-8", errors="backslashreplace")
    stream.close()
    return text


def _child(
    argv: list[str], cwd: Path | None, prepare: Callable[[], None] | None, stdout: IO[bytes], stderr: IO[bytes]
) -> None:  # pragma: no cover - runs in the child
    code = 1
    try:
        os.dup2(stdout.fileno(), 1)
        os.dup2(stderr.fileno(), 2)
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115 - closed by os._exit
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        sys.stdin = io.StringIO()
        if prepare is not None:
            try:
                prepare()
            except OSError:
                code = CANNOT_PREPARE
                return
        if cwd is not None:
            os.chdir(cwd)
        try:
            code = main(argv)
        except SystemExit as exit_:  # as the interpreter ends on it: None is 0, a message is printed and 1
            if exit_.code is None or isinstance(exit_.code, int):
                code = exit_.code or 0
            else:
                print(exit_.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
        with contextlib.suppress(BaseException):
            sys.stderr.flush()
        os._exit(code)
