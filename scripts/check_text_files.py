"""Refuse data CSVs that are not UTF-8 or that start with a byte-order mark.

The pre-commit hook runs this on the files git is about to commit, so a spreadsheet's "CSV UTF-8"
export (which adds a BOM) or a Latin-1 save is stopped before it lands; `validate` says the same later.
"""

from __future__ import annotations

import sys
from pathlib import Path

BOM = b"\xef\xbb\xbf"


def problem(path: Path) -> str | None:
    """One sentence naming what is wrong with the file's encoding, or None when it is clean."""
    data = path.read_bytes()
    if data.startswith(BOM):
        return f"{path}: starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"{path}: byte {error.start} is not UTF-8; save the file as UTF-8 without BOM"
    return None


def main(paths: list[str]) -> int:
    found = [message for message in map(problem, map(Path, paths)) if message]
    for message in found:
        print(message.encode("ascii", "backslashreplace").decode("ascii"))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
