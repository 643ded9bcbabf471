"""Shared helpers for the attack tests: the command in this process or as the real command in a
subprocess, and a tree's fingerprint."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from syria_strikes.cli import main
from tests.support.dataset import REPO


def command(
    *args: str, cwd: Path = REPO, env: Mapping[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """The command a curator runs, pinned to this interpreter."""
    return subprocess.run(
        [sys.executable, "-m", "syria_strikes", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=timeout,
    )


def in_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command's main(args) in this process, both streams captured: what ``command`` reports
    but for what only a process shows (its exit at interpreter shutdown). An exception escapes
    as it would print a traceback."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(contextlib.redirect_stdout(stdout))
        stack.enter_context(contextlib.redirect_stderr(stderr))
        try:
            code = main(list(args))
        except SystemExit as exit_:
            assert exit_.code is None or isinstance(exit_.code, int), exit_.code
            code = exit_.code or 0
    return subprocess.CompletedProcess(["syria-strikes", *args], code, stdout.getvalue(), stderr.getvalue())


def fingerprint(folder: Path) -> dict[str, tuple[object, ...]]:
    """Every entry below ``folder`` (links not followed) with its kind, content hash and times."""
    entries: dict[str, tuple[object, ...]] = {}
    for base, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(base) / name
            status = path.lstat()
            if path.is_symlink():
                entries[str(path.relative_to(folder))] = ("link", os.readlink(path))
            elif path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                entries[str(path.relative_to(folder))] = ("file", digest, status.st_mtime_ns)
            else:
                entries[str(path.relative_to(folder))] = ("other", status.st_mode)
    return entries


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int) -> None:
    """The command failed as documented: the exit code, no traceback, no raw escape character."""
    output = result.stdout + result.stderr
    assert result.returncode == code, output
    assert "Traceback" not in output
    assert "\x1b" not in output


def out_of_memory_reading(monkeypatch: pytest.MonkeyPatch, module: ModuleType, fails: Callable[[Path], bool]) -> None:
    """``module``'s read_file fails as reading a sparse file of many gigabytes whole does, for the paths
    ``fails`` picks: whether the allocation fails depends on the machine, so it is made to."""
    read_file = module.read_file

    def too_large(path: Path, *args: Any, **kwargs: Any) -> Any:
        if fails(path):
            raise MemoryError
        return read_file(path, *args, **kwargs)

    monkeypatch.setattr(module, "read_file", too_large)
