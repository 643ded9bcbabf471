"""syria-strikes: claims about air and missile strikes in Syria, with verbatim provenance.

``load("claims")`` returns a typed pandas DataFrame of the packaged release; ``load_all()``
returns every table; ``tables()`` lists them and ``describe(table, column)`` documents them;
``event_summary()`` shows, per event and predicate, where the claims disagree.
Heavy libraries are imported only when data is loaded, so importing the package stays cheap.
"""

from syria_strikes.catalog import describe, tables
from syria_strikes.version import __version__

__all__ = ["ReleaseError", "__version__", "describe", "event_summary", "load", "load_all", "tables"]


def __getattr__(name: str) -> object:
    if name in ("load", "load_all", "event_summary"):
        from syria_strikes import loader

        return getattr(loader, name)
    if name == "ReleaseError":
        from syria_strikes.errors import ReleaseError

        return ReleaseError
    raise AttributeError(f"module 'syria_strikes' has no attribute {name!r}")
