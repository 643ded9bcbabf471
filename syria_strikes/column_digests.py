"""Digests of the columns the rules are handed, for the cache key of a rule that declares its
columns (syria_strikes/checks/across.py): a rule is answered again while none of them changed.

A digest is of the Arrow buffers as read, not of the values: the same file always reads into the
same buffers, and two columns with one digest hold the same values. Equal values laid out
otherwise only miss the cache.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import pyarrow as pa


def column_digest(cells: pd.Series) -> str:
    """The sha256 of the column's type, and of each Arrow chunk's offset, length and buffers."""
    digest = hashlib.sha256(f"{cells.dtype}\0".encode())
    values = cells.array
    arrow = values.__arrow_array__() if hasattr(values, "__arrow_array__") else pa.array(values, from_pandas=True)
    for chunk in arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]:
        _update(digest, chunk)
    return digest.hexdigest()


def _update(digest: Any, chunk: pa.Array) -> None:
    """Hash a chunk's layout and buffers; a dictionary-encoded chunk's buffers hold only indices
    into its dictionary, which is hashed after them (['x', 'x'] and ['y', 'y'] share indices)."""
    digest.update(f"{chunk.type}|{chunk.offset}|{len(chunk)}".encode())
    for buffer in chunk.buffers():
        if buffer is None:
            digest.update(b"|-")
        else:
            digest.update(f"|{buffer.size}:".encode())
            digest.update(buffer)
    if pa.types.is_dictionary(chunk.type):
        digest.update(b"|dictionary:")
        _update(digest, chunk.dictionary)


def lines_digest(index: pd.Index) -> str:
    """The sha256 of the rows' lines: a record that grew a line moves every later row's line."""
    return hashlib.sha256(index.to_numpy(dtype="int64").tobytes()).hexdigest()
