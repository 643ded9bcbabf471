"""The site written from a release, for the site and browser tests."""

from __future__ import annotations

from pathlib import Path

from syria_strikes.site import write_site
from tests.support.dataset import REPO

HOMS = "evt-2021-07-22-homs-strike"


def build_site(release: Path, folder: Path) -> Path:
    """Write the site of an already built release into folder; returns the site folder."""
    site = folder / "site"
    write_site(release, REPO / "seeds", site)
    return site
