"""Where the dataset's other files sit, given its data folder as the user named it."""

from __future__ import annotations

from pathlib import Path


def dataset_root(data_dir: Path) -> Path:
    """The folder holding data/, seeds/ and datapackage.json. ``Path('.').parent`` is '.' itself,
    so a data folder given as '.' or '..' is climbed out of explicitly."""
    return data_dir / ".." if data_dir.name in ("", ".", "..") else data_dir.parent
