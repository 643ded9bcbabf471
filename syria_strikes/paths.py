"""Where the dataset's other files sit, given its data folder as the user named it."""

from __future__ import annotations

from pathlib import Path

# The file a build leaves in the release folder it wrote (syria_strikes.outguard): here, so that a
# command can tell a release from a data folder without loading the build's guard.
RELEASE_MARKER_FILE = ".syria-strikes-release"


def dataset_root(data_dir: Path) -> Path:
    """The folder holding data/, seeds/ and datapackage.json. ``Path('.').parent`` is '.' itself,
    so a data folder given as '.' or '..' is climbed out of explicitly."""
    return data_dir / ".." if data_dir.name in ("", ".", "..") else data_dir.parent


def tables_home(data_dir: Path) -> Path:
    """The folder a table's file must lie in: the one holding the data folder as links lead, so a
    data/ that is itself a link (tables kept elsewhere) is read by every command as validate reads
    it, while a link from a table's file out of there is refused."""
    return data_dir.resolve().parent


def source_checkout() -> Path | None:
    """The source checkout the package runs from (the folder above it, with pyproject.toml, data/
    and seeds/), or None when the package is installed."""
    root = Path(__file__).resolve().parent.parent
    looks = (root / "pyproject.toml").is_file() and (root / "data").is_dir() and (root / "seeds").is_dir()
    return root if looks else None


def is_checkout_data(data_dir: Path) -> bool:
    """Whether ``data_dir`` is the data folder of the source checkout the package runs from: only
    then may a command write into the package (its release, its record of the tagged data). A copy
    of the dataset elsewhere, with an editable install, must not replace the checkout's files."""
    checkout = source_checkout()
    if checkout is None:
        return False
    try:
        return data_dir.resolve() == checkout / "data"
    except (OSError, RuntimeError):
        return False
