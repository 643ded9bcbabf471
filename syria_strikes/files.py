"""Names and file helpers shared by validation, build and loader: one home each."""

from __future__ import annotations

import hashlib
import json
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
