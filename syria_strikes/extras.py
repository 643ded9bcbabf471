"""Optional dependency groups, and the one-line error that names the pip command for a missing one.

``pip install syria-strikes`` brings only pandas and pyarrow, enough to load the data; the
curator's commands need the ``validate`` extra and ``backend="polars"`` the ``polars`` extra.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec

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


@cache  # an installed version does not change under a running program; reading it costs milliseconds
def _major(distribution: str) -> int:
    try:
        return int(version(distribution).split(".", 1)[0])
    except (PackageNotFoundError, ValueError):
        return 0
