"""The wheel carries the release its hook builds, and nothing a build leaves beside a release folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.dataset import REPO


def test_leftovers_of_builds_are_never_packaged(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    root = tmp_path / "checkout"
    for name in filter(None, tracked.decode().split("\0")):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, root / name)
    package = root / "syria_strikes"
    for leftover in (".release.staging-1a2b", ".release.retired-3c4d", ".release.release-5e6f"):
        (package / leftover).mkdir()
        (package / leftover / "claims.csv").write_text("half a release\n", encoding="utf-8")
    (package / ".release.lock").write_text("", encoding="utf-8")
    built = subprocess.run(  # the PEP 517 hook, as pip calls it
        [sys.executable, "-c", "import hatchling.build as b; print(b.build_wheel('dist'))"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = root / "dist" / built.stdout.strip().splitlines()[-1]
    names = zipfile.ZipFile(wheel).namelist()
    assert "syria_strikes/release/claims.parquet" in names
    assert [name for name in names if "/.release" in name] == []
