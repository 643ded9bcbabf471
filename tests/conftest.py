"""Shared fixtures: a copy of the real dataset that a test may damage (cold, or with the validation
cache of the undamaged data), and one release built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.support.dataset import REPO, Dataset, copy_dataset, link_cache

# Tests assert behaviour, never speed: a property test is not failed for an example that ran slowly
# on a loaded machine (hypothesis' default deadline is 200 ms per example).
settings.register_profile("behaviour", deadline=None)
settings.load_profile("behaviour")


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    return copy_dataset(tmp_path / "dataset")


@pytest.fixture(scope="session")
def undamaged_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The validation cache of the undamaged dataset, filled once per test process."""
    from syria_strikes.cache import CACHE_DIR

    warmed = copy_dataset(tmp_path_factory.mktemp("warm") / "dataset")
    assert warmed.validate() == (0, [])
    return warmed.root / CACHE_DIR


@pytest.fixture
def warm_dataset(tmp_path: Path, undamaged_cache: Path) -> Dataset:
    """A copy that remembers the undamaged tables' problems (none): damage to one table re-checks
    that table only, plus every rule across tables, seeds and quotes. The cache's property test
    proves such a run reports exactly what a cold one does."""
    copied = copy_dataset(tmp_path / "dataset")
    link_cache(undamaged_cache, copied.root / undamaged_cache.name)
    return copied


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release built from the real data; tests read it and copy it before damaging anything."""
    from syria_strikes.build import build  # imported here: pytest-xdist's controller loads this file too

    out = tmp_path_factory.mktemp("release") / "release"
    assert build(REPO / "data", out) == []
    return out
