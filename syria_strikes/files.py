"""Names and file helpers shared by validation, build and loader: one home each."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

DESCRIPTOR = "datapackage.json"
HASH_BLOCK = 1 << 22


def to_json(document: dict[str, Any]) -> str:
    """JSON as the repository and the release write it: indented, UTF-8 as is, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read a block at a time so a large file never sits in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def swap_into_place(staging: Path, out: Path) -> None:
    """Rename a finished folder over the old one; the old one is removed only once the new one is in place."""
    if not out.exists():
        os.rename(staging, out)
        return
    retired = out.with_name(f".{out.name}.retired-{os.getpid()}")
    os.rename(out, retired)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(retired, out)
        raise
    shutil.rmtree(retired)
