"""The release as the release workflow builds it, dated by ``SOURCE_DATE_EPOCH``, built once per test
process for the API and release tests, which only read it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.dataset import REPO

EPOCH = "1700000000"
CREATED = "2023-11-14T22:13:20Z"  # what EPOCH reads as
CREATED_LINE = f'  "created": "{CREATED}",\n'.encode()  # the one line the date adds to datapackage.json


def built_dated_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from data/ with ``SOURCE_DATE_EPOCH=EPOCH``; the environment is restored afterwards."""
    from syria_strikes.build import build

    out = tmp_path_factory.getbasetemp() / "dated-release" / "release"
    if (out / "datapackage.json").is_file():
        return out
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        assert build(REPO / "data", out) == []
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return out
