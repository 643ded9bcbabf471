"""A release and its site built once into a temporary folder, for the site and browser tests."""

from __future__ import annotations

from pathlib import Path

from dataset import REPO

from syria_strikes.build import build
from syria_strikes.site import write_site

HOMS = "evt-2021-07-22-homs-strike"


def build_site(folder: Path) -> Path:
    """Build the release from data/ and its site from it; returns the site folder."""
    release = folder / "release"
    assert build(REPO / "data", release) == []
    site = folder / "site"
    write_site(release, REPO / "seeds", site)
    return site
