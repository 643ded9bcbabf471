"""Tables this process has read already, recalled by the sha256 of their bytes.

A program that validates again and again in one process (a notebook, an editor's plug-in, the
test suite) mostly re-reads files it has just read. Reading is a pure function of a file's bytes
and its table's declaration, so the typed frame and the problems found are kept for small files
and handed back when the same bytes come again. Validation asks here only when it may use its
cache; ``--no-cache`` reads every file afresh.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path

import pandas as pd

from syria_strikes.metadata import Table
from syria_strikes.problems import Problem
from syria_strikes.reading import by_blocks
from syria_strikes.reading.by_blocks import KeptBlocks
from syria_strikes.reading.table import read_table

# Curator-sized files only: a large table is read rarely and would pin its frame in memory.
MAX_BYTES = 1 << 20
MAX_ENTRIES = 24
Read = tuple[pd.DataFrame | None, list[Problem]]

_kept: OrderedDict[tuple[Table, bytes], Read] = OrderedDict()
_lock = threading.Lock()


def read_table_recalled(path: Path, table: Table, raw: bytes, blocks: KeptBlocks | None = None) -> Read:
    """What ``read_table(path, table, raw)`` returns, recalled when these bytes were read before.

    Each caller gets a frame of its own, copied whole: even a write through a column's array (which
    copy-on-write does not see) never reaches the kept one. A small table copies in a fraction of
    the time it takes to parse. A file read by blocks (``blocks``) is not recalled: its read keeps
    its blocks for the next run."""
    if len(raw) > MAX_BYTES or (blocks is not None and len(raw) >= by_blocks.READ_BY_BLOCKS_FROM):
        return read_table(path, table, raw, blocks)
    key = (table, hashlib.sha256(raw).digest())
    with _lock:
        kept = _kept.get(key)
        if kept is not None:
            _kept.move_to_end(key)
    if kept is None:
        kept = read_table(path, table, raw)
        with _lock:
            _kept[key] = kept
            while len(_kept) > MAX_ENTRIES:
                _kept.popitem(last=False)
    frame, problems = kept
    return (None if frame is None else frame.copy()), list(problems)


def forget() -> None:
    """Drop every kept table (a test uses it to start from nothing)."""
    with _lock:
        _kept.clear()
