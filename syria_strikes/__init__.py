"""syria-strikes: claims about air and missile strikes in Syria, with verbatim provenance.

    >>> import syria_strikes
    >>> claims = syria_strikes.load("claims")  # a typed pandas DataFrame

``load_all()`` returns every table; ``tables()`` lists them and ``describe(table, column)``
documents them; ``event_summary()`` shows, per event and predicate, where the claims disagree;
``release_info()`` tells which release is installed. pandas and pyarrow are imported only when
data is loaded, so importing the package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_strikes.catalog import describe, tables
from syria_strikes.metadata import TableName
from syria_strikes.version import __version__

if TYPE_CHECKING:
    from syria_strikes.errors import ReleaseError
    from syria_strikes.extras import MissingExtra
    from syria_strikes.info import ReleaseInfo, release_info
    from syria_strikes.loader import event_summary, load, load_all

# Public names that live in modules importing pandas or pyarrow: imported on first use.
_LAZY = {
    "load": "syria_strikes.loader",
    "load_all": "syria_strikes.loader",
    "event_summary": "syria_strikes.loader",
    "release_info": "syria_strikes.info",
    "ReleaseInfo": "syria_strikes.info",
    "ReleaseError": "syria_strikes.errors",
    "MissingExtra": "syria_strikes.extras",
}
__all__ = [
    "MissingExtra",
    "ReleaseError",
    "ReleaseInfo",
    "TableName",
    "__version__",
    "describe",
    "event_summary",
    "load",
    "load_all",
    "release_info",
    "tables",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'syria_strikes' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, the lazy ones included, and the module's dunders; not its imports."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
