"""The CLI run in-process with both streams captured: a Python start-up costs more than most
commands on the real data, and only the process boundary itself needs a real process."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path

from tests.support.dataset import run_cli


@dataclass(frozen=True)
class Ran:
    """What a shell would see of one command: exit status, stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_command(argv: list[str], cwd: Path | None = None) -> Ran:
    """``syria-strikes ARGV`` in this process, from ``cwd`` when given (relative paths and the
    default ``./data`` are read from there, as from a shell's current folder)."""
    errors = io.StringIO()
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        with redirect_stderr(errors):
            code, output = run_cli(argv)
    finally:
        os.chdir(previous)
    return Ran(code, output, errors.getvalue())
