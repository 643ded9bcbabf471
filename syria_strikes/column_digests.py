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
    for chunk in _chunks(_arrow(cells)):
        _update(digest, chunk)
    return digest.hexdigest()


def block_digests(cells: pd.Series, size: int) -> list[str]:
    """The sha256 of each block of ``size`` rows of the column, in order. A block's chunks are
    copied out first: a slice keeps its parent's whole buffers, so hashing them would make every
    block change with any cell of the column."""
    arrow = _arrow(cells)
    digests = []
    for start in range(0, len(cells), size):
        digest = hashlib.sha256(f"{cells.dtype}\0".encode())
        for chunk in _chunks(arrow.slice(start, size)):
            _update(digest, pa.concat_arrays([chunk]))
        digests.append(digest.hexdigest())
    return digests


def _arrow(cells: pd.Series) -> pa.Array | pa.ChunkedArray:
    values = cells.array
    return values.__arrow_array__() if hasattr(values, "__arrow_array__") else pa.array(values, from_pandas=True)


def _chunks(arrow: pa.Array | pa.ChunkedArray) -> list[pa.Array]:
    return list(arrow.chunks) if isinstance(arrow, pa.ChunkedArray) else [arrow]


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


def lines_block_digests(index: pd.Index, size: int) -> list[str]:
    """The sha256 of the lines of each block of ``size`` rows, in order."""
    lines = index.to_numpy(dtype="int64")
    return [hashlib.sha256(lines[start : start + size].tobytes()).hexdigest() for start in range(0, len(lines), size)]
