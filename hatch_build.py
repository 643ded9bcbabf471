"""Wheel build hook: build the release from data/ and seeds/ and ship it inside the package.

The release is not committed: it is derived, so it is built here from the curated source of
truth, validated on the way, exactly as `syria-strikes build` does for a curator. Editable
installs skip this; they read the release that `syria-strikes build` writes into the tree.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ReleaseBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._workspace = tempfile.mkdtemp(prefix="syria-strikes-wheel-")
        out = Path(self._workspace) / "release"
        command = [sys.executable, "-m", "syria_strikes", "build", "--data-dir", "data", "--out", str(out)]
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"the dataset does not validate, so no wheel was built:\n{result.stdout}{result.stderr}")
        build_data["force_include"][str(out)] = "syria_strikes/release"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "_workspace", None):
            shutil.rmtree(self._workspace, ignore_errors=True)
