"""Run a command without the privilege to bypass file permissions, so a closed file stays closed.

Tests may run as root, for whom no permission stops a read. A new interpreter drops, before it
starts, the two capabilities through which root ignores permissions (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH) from its bounding set: it then meets permissions as any user does, yet can
still reach the interpreter, which may live in root's own home folder where 'nobody' could not.
A forked child (tests/support/forked.py) drops the same two from its own capability sets.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.forked import CANNOT_PREPARE, forked

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
LINUX_CAPABILITY_VERSION_3 = 0x20080522


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _drop_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def _drop_own_capabilities() -> None:
    """Drop the two capabilities from this (single-threaded, forked) process, for good: threads it
    starts later inherit the reduced sets."""
    libc = ctypes.CDLL(None, use_errno=True)
    header = _CapHeader(LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "cannot read the capabilities")
    keep = ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH)) & 0xFFFFFFFF
    for field in ("effective", "permitted", "inheritable"):
        setattr(data[0], field, getattr(data[0], field) & keep)
    if libc.capset(ctypes.byref(header), data) != 0:
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


def forked_unprivileged(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command's main(argv) in a forked child that meets file permissions as any user does."""
    if os.geteuid() != 0:
        return forked(*argv, cwd=cwd)
    if not sys.platform.startswith("linux"):
        pytest.skip("dropping root's file capabilities needs Linux")
    result = forked(*argv, cwd=cwd, prepare=_drop_own_capabilities)
    if result.returncode == CANNOT_PREPARE:
        pytest.skip("cannot drop root's file capabilities here")
    return result
