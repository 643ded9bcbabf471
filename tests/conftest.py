"""Shared fixtures: a copy of the real dataset that a test may damage, and one release built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.dataset import REPO, Dataset, copy_dataset


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    return copy_dataset(tmp_path / "dataset")


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release built from the real data; tests read it and copy it before damaging anything."""
    from syria_strikes.build import build  # imported here: pytest-xdist's controller loads this file too

    out = tmp_path_factory.mktemp("release") / "release"
    assert build(REPO / "data", out) == []
    return out
