"""Argument types every command shares, so a path argument means the same thing everywhere."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

# The longest file name and path Linux file systems take, in bytes: a longer argument is the user's
# slip, refused as a usage error before a command reads it as a missing or damaged file.
NAME_MOST_BYTES = 255
PATH_MOST_BYTES = 4095


def path_argument(text: str) -> Path:
    """A path argument; an empty one would silently mean the current folder, and one longer than the
    system allows names nothing it can look up, so both are refused."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path names nothing; give a folder or a file")
    encoded = os.fsencode(text)
    if len(encoded) > PATH_MOST_BYTES or any(len(part) > NAME_MOST_BYTES for part in encoded.split(b"/")):
        raise argparse.ArgumentTypeError("the path is longer than the system allows; give a shorter one")
    return Path(text)
