"""Argument types every command shares, so a path argument means the same thing everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path


def path_argument(text: str) -> Path:
    """A path argument; an empty one would silently mean the current folder, so it is refused."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path names nothing; give a folder or a file")
    return Path(text)
