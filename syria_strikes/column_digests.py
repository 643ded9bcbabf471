"""Digests of the columns the rules are handed, for the cache key of a rule that declares its
columns (syria_strikes/checks/across.py): a rule is answered again while none of them changed.

A digest is of the values as Arrow holds them: each cell's bytes, each text's length and where the
nulls are, streamed chunk by chunk, so that the same values split into other chunks keep their
digest. The CSV reader splits a file into blocks of bytes, so an edit that makes one line longer or
shorter moves every later chunk boundary of every column; a digest of the chunks themselves changed
with it, and one edited cell ran again every rule reading any text column of its table. Types this
module does not take apart are hashed chunk by chunk, layout included: equal values laid out
otherwise only miss the cache.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

# The rows of each block whose digest a column's whole digest is made of (``whole_digest``): a
# constant, so that a column's digest is the same whatever blocks a run judges rows in.
BLOCK_ROWS = 4096


def column_digest(cells: pd.Series) -> str:
    """The sha256 of the column's type, length, nulls and values (or, for other types, chunks),
    taken as the digest of its blocks' digests (``whole_digest``)."""
    return whole_digest(cells.dtype, len(cells), block_digests(cells, BLOCK_ROWS))


def whole_digest(dtype: object, count: int, blocks: list[str]) -> str:
    """A column's digest from the digests of its blocks of ``BLOCK_ROWS`` rows: a run that digests
    a column by such blocks, for the rules judging rows alone, has its digest without reading it
    again."""
    return hashlib.sha256(f"{dtype}\0{count}\0{len(blocks)}\0{''.join(blocks)}".encode()).hexdigest()


def block_digests(cells: pd.Series, size: int) -> list[str]:
    """The sha256 of each block of ``size`` rows of the column, in order, each from its own rows
    alone: a slice keeps its parent's whole buffers, of which only the slice's part is hashed."""
    arrow = _arrow(cells)
    return [_digest(f"{cells.dtype}", arrow.slice(start, size)) for start in range(0, len(cells), size)]


def _digest(dtype: str, arrow: pa.Array | pa.ChunkedArray) -> str:
    chunks = _chunks(arrow)
    if not all(_by_value(chunk.type) for chunk in chunks):
        digest = hashlib.sha256(f"{dtype}\0chunks\0".encode())
        for chunk in chunks:  # copied first: a slice keeps, and would hash, its parent's whole buffers
            _update(digest, pa.concat_arrays([chunk]))
        return digest.hexdigest()
    data, lengths, nulls = hashlib.sha256(), hashlib.sha256(), hashlib.sha256()
    position = 0
    for chunk in chunks:
        _stream(chunk, position, data, lengths, nulls)
        position += len(chunk)
    summary = f"{dtype}\0{arrow.type}\0{position}\0{data.hexdigest()}{lengths.hexdigest()}{nulls.hexdigest()}"
    return hashlib.sha256(summary.encode()).hexdigest()


def _by_value(kind: pa.DataType) -> bool:
    """Types whose cells are hashed by value: text and binary, and fixed-width numbers and times."""
    return _is_text(kind) or pa.types.is_boolean(kind) or (_fixed_width(kind) and kind.bit_width % 8 == 0)


def _is_text(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
    )


def _fixed_width(kind: pa.DataType) -> bool:
    return bool(pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_temporal(kind))


def _stream(chunk: pa.Array, position: int, data: Any, lengths: Any, nulls: Any) -> None:
    """Feed one chunk's values, text lengths and null rows (by their place in the whole column) to
    the three digests; only the bytes the chunk's own rows use are read."""
    count = len(chunk)
    if count == 0:  # an empty chunk holds no value, and may hold no buffers either
        return
    if chunk.null_count:
        rows = np.flatnonzero(chunk.is_null().to_numpy(zero_copy_only=False)) + position
        nulls.update(rows.astype("<i8").tobytes())
    kind = chunk.type
    buffers = chunk.buffers()
    if _is_text(kind):
        wide = pa.types.is_large_string(kind) or pa.types.is_large_binary(kind)
        width = 8 if wide else 4
        offsets = np.frombuffer(
            buffers[1], dtype="<i8" if wide else "<i4", count=count + 1, offset=chunk.offset * width
        )
        lengths.update(np.diff(offsets).astype("<i8").tobytes())
        if buffers[2] is not None:
            data.update(memoryview(buffers[2])[int(offsets[0]) : int(offsets[-1])])
    elif pa.types.is_boolean(kind):
        data.update(chunk.fill_null(False).to_numpy(zero_copy_only=False).astype(np.uint8).tobytes())
    else:
        width = kind.bit_width // 8
        data.update(memoryview(buffers[1])[chunk.offset * width : (chunk.offset + count) * width])


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
