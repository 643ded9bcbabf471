"""Code run in a fresh interpreter, for the tests whose subject is what a new process imports or
how it exits; everything else runs in the test's own process."""

from __future__ import annotations

import subprocess
import sys

from tests.support.dataset import REPO


def fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    """``python -c CODE`` with this interpreter, from the repository root, both streams captured;
    the caller judges the exit status."""
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
