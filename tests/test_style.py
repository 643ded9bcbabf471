"""The code stays ruff clean and ruff formatted: the linters are part of the suite, not a separate ritual."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.dataset import REPO

needs_ruff = pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff comes with the [test] extra")


@needs_ruff
def test_ruff_is_clean() -> None:
    result = subprocess.run(["ruff", "check", "."], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


@needs_ruff
def test_ruff_format_leaves_the_tree_as_it_is() -> None:
    result = subprocess.run(["ruff", "format", "--check", "."], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def _check_text_files(*paths: Path) -> subprocess.CompletedProcess[str]:
    script = REPO / "scripts" / "check_text_files.py"
    return subprocess.run([sys.executable, str(script), *map(str, paths)], capture_output=True, text=True, check=False)


def test_pre_commit_encoding_hook_passes_the_data_files() -> None:
    result = _check_text_files(*sorted((REPO / "data").glob("*.csv")))
    assert result.returncode == 0, result.stdout


def test_pre_commit_encoding_hook_refuses_a_bom_and_latin_1(tmp_path: Path) -> None:
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbfa,b\n")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("caf\u00e9\n".encode("latin-1"))
    result = _check_text_files(bom, latin)
    assert result.returncode == 1
    assert "bom.csv: starts with a UTF-8 byte-order mark" in result.stdout
    assert "latin.csv: byte 3 is not UTF-8" in result.stdout
