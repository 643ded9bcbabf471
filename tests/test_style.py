"""The code stays ruff clean: the linter is part of the suite, not a separate ritual."""

import shutil
import subprocess

import pytest

from tests.support.dataset import REPO


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff comes with the [test] extra")
def test_ruff_is_clean() -> None:
    result = subprocess.run(["ruff", "check", "."], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
