"""The site written from a release, for the site and browser tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from syria_strikes.site import write_site
from syria_strikes.site.output import MARKER
from tests.support.dataset import REPO

HOMS = "evt-2021-07-22-homs-strike"


def shared_site(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the session's release, written once per test process: the site and browser tests
    only read it (a test that alters a site copies it first)."""
    site = tmp_path_factory.getbasetemp() / "site-of-the-release" / "site"
    if not (site / MARKER).is_file():
        write_site(release, REPO / "seeds", site)
    return site
