"""Shared fixtures: a copy of the real dataset that a test may damage."""

from __future__ import annotations

from pathlib import Path

import pytest
from dataset import Dataset, copy_dataset


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    return copy_dataset(tmp_path / "dataset")
