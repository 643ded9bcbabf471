"""Run a command without the privilege to bypass file permissions, so a closed file stays closed.

Tests may run as root, for whom no permission stops a read. The child drops, before it starts,
the two capabilities through which root ignores permissions (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH) from its bounding set: it then meets permissions as any user does, yet can
still reach the interpreter, which may live in root's own home folder where 'nobody' could not.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def unprivileged() -> Callable[[], None] | None:
    """A preexec_fn that drops the privilege to ignore permissions; skip when that is impossible."""
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("dropping root's file capabilities needs Linux")
    probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_capabilities, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot drop root's file capabilities here")
    return _drop_capabilities


def run_unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False, preexec_fn=unprivileged()
    )
