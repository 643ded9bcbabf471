"""A large table file parsed again only where it changed since it last read clean.

Parsing, checking the form of and typing a million-row file takes seconds, and a curator's edit
changes a few lines of it. When a file reads clean (no fault of form, one line per record, and no
cell of the wrong form for its type), the validation cache keeps its typed cells as Arrow tables
and the sha256 of each block of ``BLOCK_ROWS`` records. A later read compares the blocks at the
start of the file and at its end with those, and reads only the bytes between them, with the
header before them. If those read clean too, the file's frame is the kept cells around the new
ones: a clean record reads and types the same wherever it starts (each cell is typed alone), and
the bytes between end where a record does, so the records after them start where they did
before. Otherwise, or when anything kept cannot be used, the file is read whole, which reports
every fault.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import pandas as pd
import pyarrow as pa

from syria_strikes.column_types import forms
from syria_strikes.columnar import arrow_strings, text_series
from syria_strikes.reading.csvform import byte_positions

if TYPE_CHECKING:
    from syria_strikes.metadata import Table
    from syria_strikes.problems import Report

# Smaller files are read whole: the blocks' digests and the kept cells would cost more than they save.
READ_BY_BLOCKS_FROM = 1 << 20
BLOCK_ROWS = 4096
# Past this many kept Arrow tables (one more after each edit), the cells are kept again as one.
MOST_SEGMENTS = 8


@dataclass(frozen=True)
class Block:
    """``rows`` records of a file, ``length`` bytes with their line breaks, of this sha256; their
    cells are the rows from ``start`` of the kept table ``segment``."""

    length: int
    digest: str
    rows: int
    segment: int
    start: int


@dataclass(frozen=True)
class Layout:
    """A file that read clean: its header line (line break included) and its blocks in order."""

    header: bytes
    blocks: tuple[Block, ...]


LoadCells = Callable[[], "list[pa.Table] | None"]


class KeptBlocks(Protocol):
    """Where the layout of a table's file and its typed cells are kept (the validation cache)."""

    def layout(self, table: str) -> tuple[Layout, LoadCells] | None:
        """The layout of the table's file as it last read clean, if usable, and how to load its kept
        tables (None when any is not as written). The blocks are matched before the tables are
        needed, so a cache may load them meanwhile."""
        ...

    def keep(self, table: str, layout: Layout, segments: Sequence[pa.Table | int], *, used: bool = False) -> None:
        """Keep a layout; each segment is a new table to keep, or the index of one kept before.
        ``used``: the cells kept before were used for this read."""
        ...


# Reads bytes as a file of their own: the typed frame when they read clean, one line per record,
# else None; every fault found is reported.
ReadClean = Callable[[bytes, "Table", "Report"], "pd.DataFrame | None"]


def layout_of(raw: bytes, rows: int) -> Layout | None:
    """The layout of a file read whole into ``rows`` records, or None when its records are not one
    line each. Taken before the file's bytes are let go, kept once its cells are typed clean."""
    breaks = _line_breaks(raw)
    if len(breaks) != rows + 1:
        return None
    return Layout(raw[: int(breaks[0]) + 1], tuple(_blocks(raw, breaks, 0, 0)))


def keep_blocks(layout: Layout, frame: pd.DataFrame, table: Table, kept: KeptBlocks) -> None:
    """Keep a file that read whole and clean: the digests of its blocks and its typed cells."""
    if sum(block.rows for block in layout.blocks) == len(frame):
        kept.keep(table.name, layout, [_arrow(frame, table)])


def read_again(raw: bytes, table: Table, kept: KeptBlocks, read_clean: ReadClean) -> pd.DataFrame | None:
    """The typed frame of a file read only between the blocks at its start and its end that are as
    they were when it last read clean; None when it must be read whole (nothing kept, or the bytes
    between do not read clean). What changed is kept for the next read."""
    known = kept.layout(table.name)
    if known is None:
        return None
    layout, load = known
    header, blocks = layout.header, layout.blocks
    if not raw.startswith(header) or not blocks:
        return None
    view = memoryview(raw)
    position, first = len(header), 0
    while first < len(blocks) and _matches(view, position, blocks[first]):
        position += blocks[first].length
        first += 1
    end, last = len(raw), len(blocks)
    while (
        last > first
        and end - blocks[last - 1].length >= position
        and _matches(view, end - blocks[last - 1].length, blocks[last - 1])
    ):
        end -= blocks[last - 1].length
        last -= 1
    middle_rows = None
    if end > position:
        middle_rows = _read_between(header + view[position:end], table, read_clean)
        if middle_rows is None:
            return None
    segments = load()
    if segments is None or not _fit(segments, blocks, kept_schema(table)):
        return None
    before = [_cells(segments, block) for block in blocks[:first]]
    after = [_cells(segments, block) for block in blocks[last:]]
    pieces = [*before, *([] if middle_rows is None else [middle_rows]), *after]
    if not pieces:  # no record left: the whole read says whether the table may be empty
        return None
    whole = pa.concat_tables(pieces)
    if first == len(blocks) and middle_rows is None:  # the file is as it was
        kept.keep(table.name, layout, list(range(len(segments))), used=True)
    else:
        _keep_again(kept, table.name, raw, layout, segments, (first, last), (position, end), middle_rows, whole)
    return frame_of(whole, table)


def _read_between(data: bytes, table: Table, read_clean: ReadClean) -> pa.Table | None:
    """The typed cells of the header and the bytes between the unchanged blocks, read as a file of
    their own; None unless they read clean into one record a line, at least one."""
    problems: list[object] = []

    def report(*found: object, **context: object) -> None:
        problems.append(found)

    frame = read_clean(data, table, report)
    if frame is None or problems or len(frame) == 0 or len(frame) != data.count(b"\n") - 1:
        return None
    return _arrow(frame, table)


def _keep_again(
    kept: KeptBlocks,
    table: str,
    raw: bytes,
    layout: Layout,
    segments: list[pa.Table],
    unchanged: tuple[int, int],
    changed: tuple[int, int],
    middle_rows: pa.Table | None,
    whole: pa.Table,
) -> None:
    """Keep the new layout: the unchanged blocks where they were kept, and the bytes between, with
    the short blocks beside them (an edit that adds or removes records leaves one), as new blocks
    of a new kept table, so short blocks do not pile up; once the kept tables are too many, the
    whole file again, in even blocks of one table."""
    blocks, (first, last), (position, end) = layout.blocks, unchanged, changed
    low, high = first, last
    while low > 0 and blocks[low - 1].rows < BLOCK_ROWS:
        low -= 1
        position -= blocks[low].length
    while high < len(blocks) and blocks[high].rows < BLOCK_ROWS:
        end += blocks[high].length
        high += 1
    parts = [
        *(_cells(segments, block) for block in blocks[low:first]),
        *([] if middle_rows is None else [middle_rows]),
        *(_cells(segments, block) for block in blocks[last:high]),
    ]
    new_segment = len(segments)
    region = memoryview(raw)[position:end]
    between = _blocks(region, np.concatenate(([-1], _line_breaks(region))), new_segment, 0) if parts else []
    if sum(block.rows for block in between) != sum(part.num_rows for part in parts):
        return  # not one line per record after all: nothing is kept, the next read is whole
    blocks_now = [*blocks[:low], *between, *blocks[high:]]
    used = sorted({block.segment for block in blocks_now})
    if len(used) > MOST_SEGMENTS:
        kept.keep(table, Layout(layout.header, tuple(_blocks(raw, _line_breaks(raw), 0, 0))), [whole], used=True)
        return
    renumbered = {segment: n for n, segment in enumerate(used)}
    added = pa.concat_tables(parts) if parts else None
    order: list[pa.Table | int] = [
        added if segment == new_segment and added is not None else segment for segment in used
    ]
    moved = tuple(
        Block(block.length, block.digest, block.rows, renumbered[block.segment], block.start) for block in blocks_now
    )
    kept.keep(table, Layout(layout.header, moved), order, used=first > 0 or last < len(blocks))


def _fit(segments: list[pa.Table], blocks: Sequence[Block], schema: pa.Schema) -> bool:
    """Whether the kept tables hold the cells the blocks name, in the types the table declares."""
    return all(segment.schema.equals(schema) for segment in segments) and all(
        block.segment < len(segments) and block.start + block.rows <= segments[block.segment].num_rows
        for block in blocks
    )


def _blocks(data: bytes | memoryview, breaks: np.ndarray, segment: int, start: int) -> list[Block]:
    """The blocks of ``BLOCK_ROWS`` records of a file's bytes (or of the bytes between unchanged
    blocks), given the position of each line break, the header's (or -1) first."""
    view = memoryview(data)
    blocks = []
    for first in range(0, len(breaks) - 1, BLOCK_ROWS):
        last = min(first + BLOCK_ROWS, len(breaks) - 1)
        low, high = int(breaks[first]) + 1, int(breaks[last]) + 1
        digest = hashlib.sha256(view[low:high]).hexdigest()
        blocks.append(Block(high - low, digest, last - first, segment, start + first))
    return blocks


def _matches(view: memoryview, position: int, block: Block) -> bool:
    end = position + block.length
    return end <= len(view) and hashlib.sha256(view[position:end]).hexdigest() == block.digest


def _cells(segments: Sequence[pa.Table], block: Block) -> pa.Table:
    return segments[block.segment].slice(block.start, block.rows)


# The Arrow type a kept column takes, by its type's validation dtype: what the dtype holds, and
# nothing else, so the frame given back is the frame a whole read types.
KEPT_TYPES = {
    "str": pa.large_string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "datetime64[s]": pa.timestamp("s"),
}


def kept_schema(table: Table) -> pa.Schema:
    """The schema of a table's kept cells: its declared columns, each in its kept Arrow type."""
    return pa.schema([(column.name, KEPT_TYPES[forms(column).validation_dtype]) for column in table.columns])


def _arrow(frame: pd.DataFrame, table: Table) -> pa.Table:
    """A typed frame's cells as Arrow, the text without a copy."""
    schema = kept_schema(table)
    columns = []
    for field in schema:
        cells = frame[field.name]
        if field.type == pa.large_string():
            columns.append(arrow_strings(cells).cast(pa.large_string()))
        else:
            columns.append(pa.chunked_array([pa.array(cells, type=field.type, from_pandas=True)]))
    return pa.table(columns, schema=schema)


def frame_of(cells: pa.Table, table: Table) -> pd.DataFrame:
    """The typed frame of kept cells, indexed by the line each record is on (one line each)."""
    index = pd.RangeIndex(2, cells.num_rows + 2, name="line")
    columns: dict[str, pd.Series] = {}
    for column in table.columns:
        arrow, dtype = cells.column(column.name), forms(column).validation_dtype
        if dtype == "str":
            columns[column.name] = text_series(arrow, index)
        elif dtype == "datetime64[s]":
            columns[column.name] = pd.Series(arrow.to_numpy(), index=index, dtype=dtype)
        else:  # Int64 or Float64: the nullable pandas dtype of the Arrow type
            masked = arrow.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype()}.get)
            columns[column.name] = pd.Series(masked.array, index=index)
    return pd.DataFrame(columns, index=index, copy=False)


def _line_breaks(data: bytes | memoryview) -> np.ndarray:
    """The position of every line break."""
    return byte_positions(np.frombuffer(data, dtype=np.uint8), 0x0A)
