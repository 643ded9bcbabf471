"""Optional dependency groups, and the one-line error that names the pip command for a missing one.

``pip install syria-strikes`` brings only pandas and pyarrow, enough to load the data; the
curator's commands need the ``validate`` extra and ``backend="polars"`` the ``polars`` extra.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# extra -> (module to import, distribution, oldest version it needs or None)
EXTRAS: dict[str, tuple[tuple[str, str, int | None], ...]] = {
    "validate": (
        ("pandera", "pandera", None),
        ("frictionless", "frictionless", None),
        ("adbc_driver_sqlite", "adbc-driver-sqlite", None),
        ("regex", "regex", None),  # the Unicode database behind the invisible-character rule
        ("pandas", "pandas", 3),  # the validator relies on pandas 3 strings; the loader does not
    ),
    "polars": (("polars", "polars", None),),
}
# The site reads a release's CSV as validate does, to hold it to the Parquet the pages come from.
EXTRAS["site"] = (("jinja2", "jinja2", None), *EXTRAS["validate"])


class MissingExtra(ImportError):
    """A feature needs an optional dependency group that is not installed; the message says which."""


def require(extra: str, feature: str) -> None:
    """Raise ``MissingExtra`` unless ``extra`` is installed; e.g. ``require("polars", "backend='polars'")``."""
    missing = [
        distribution if not _installed(module) else f"{distribution}>={major}"
        for module, distribution, major in EXTRAS[extra]
        if not _installed(module) or (major is not None and _major(distribution) < major)
    ]
    if missing:
        raise MissingExtra(
            f'{feature} needs the {extra!r} extra (missing: {", ".join(missing)}): pip install "syria-strikes[{extra}]"'
        )


def installed(extra: str) -> bool:
    """Whether every package of ``extra`` is there, in a version new enough."""
    try:
        require(extra, extra)
    except MissingExtra:
        return False
    return True


def _installed(module: str) -> bool:
    """Importable; ``sys.modules[name] = None`` (Python's way to block an import) counts as missing."""
    if module in sys.modules:
        return sys.modules[module] is not None
    return find_spec(module) is not None


@cache  # an installed version does not change under a running program
def _major(distribution: str) -> int:
    folders = distribution_folders([distribution])
    if len(folders) == 1:  # pandas-3.1.1.dist-info; several (one left behind by an upgrade) say nothing sure
        folder = folders[0]
        stem = folder.split("-", 2)
        if len(stem) == 3 and stem[1].split(".", 1)[0].isdecimal():
            return int(stem[1].split(".", 1)[0])
    from importlib.metadata import PackageNotFoundError, version  # tens of milliseconds: only when needed

    try:
        return int(version(distribution).split(".", 1)[0])
    except (PackageNotFoundError, ValueError):
        return 0


def distribution_folders(modules: Iterable[str]) -> list[str]:
    """The installed distributions of importable top-level modules named like them, as the names of
    their metadata folders beside them (``pandas-3.1.1.dist-info``), from a directory listing:
    importlib.metadata takes tens of milliseconds to say the same."""
    wanted = {name.lower().replace("_", "-") for name in modules}
    folders = set()
    for name in wanted:
        spec = find_spec(name.replace("-", "_"))
        if spec is not None and spec.origin:
            folders.add(Path(spec.origin).parent.parent)
    found = []
    for folder in sorted(folders):
        for entry in sorted(os.listdir(folder)):
            stem = entry.split("-", 1)[0].lower().replace("_", "-")
            if entry.endswith((".dist-info", ".egg-info")) and stem in wanted:
                found.append(entry)
    return found
