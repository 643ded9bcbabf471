"""The package's own checks, run as tests so CI runs them: import layers and strict typing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[test]')")
    return subprocess.run([path, *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_imports_run_one_way_through_the_declared_layers() -> None:
    result = _run("lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_and_the_mutation_catalogue_are_strictly_typed() -> None:
    """The catalogue's rule ids are ``RuleId``: a misspelt rule in a corruption fails here, not as a
    mutation that is never caught. The same run checks tests/support/editor_types.py: the frame type
    an editor sees for each backend, and that a misspelt table name is a type error."""
    result = _run("mypy", "--strict", "syria_strikes", "tests/support")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_ships_its_type_marker() -> None:
    assert (REPO / "syria_strikes" / "py.typed").is_file()


def test_every_module_sits_in_a_declared_layer() -> None:
    """A module missing from the layers contract is never checked, so a new one must be placed."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    declared = {name.strip() for layer in layers for name in layer.split(":")}
    package = REPO / "syria_strikes"
    modules = {
        "syria_strikes." + ".".join(path.relative_to(package).with_suffix("").parts)
        for path in package.rglob("*.py")
        if path.name != "__init__.py" and "release" not in path.relative_to(package).parts
    }
    unplaced = sorted(
        module for module in modules if not any(module == top or module.startswith(top + ".") for top in declared)
    )
    assert unplaced == [], f"add these modules to [tool.importlinter] layers in pyproject.toml: {unplaced}"


def test_every_thread_pool_is_made_by_the_one_seam() -> None:
    """Pools made elsewhere stopped each in its own way on Ctrl-C (syria_strikes/pools.py says why)."""
    package = REPO / "syria_strikes"
    makers = sorted(
        str(path.relative_to(REPO))
        for path in package.rglob("*.py")
        if path.name != "pools.py" and "ThreadPoolExecutor(" in path.read_text(encoding="utf-8")
    )
    assert makers == [], f"make these pools with syria_strikes.pools.stopping_pool: {makers}"
