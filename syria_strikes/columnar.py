"""Column-at-a-time answers for the rules, in Arrow kernels: the validator's speed lives here.

Each helper gives the same answer as a plain pandas expression named in its docstring, and the
unit tests in tests/test_columnar.py hold it to that. pandas' string methods, ``isin``, ``explode``
and label lookups go through Python objects one value at a time, which on a million claims costs
seconds where Arrow's kernels take milliseconds; the kernels also run one regex engine (RE2)
whatever the data, so a rule cannot change with the data. See docs/benchmarks.md.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.metadata import LIST_DELIMITER
from syria_strikes.written_numbers import NOT_COUNTS

ArrowTest = Callable[[pa.ChunkedArray], pa.ChunkedArray]
CellTest = Callable[[pd.Series], pd.Series]
PER_VALUE_FROM_ROWS = 10_000


def by_line(cells: pd.Series) -> Iterator[tuple[int, Any]]:
    """(line, value) of each cell: the frames' index holds the line a curator sees in an editor."""
    return zip(map(int, cells.index), cells.tolist(), strict=True)


def is_missing(value: object) -> bool:
    """``pd.isna`` for one cell of the frames' dtypes: None, NaN, pd.NA or NaT."""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def cell_text(value: object) -> str | None:
    """One cell as a report shows it: None when missing, a date as YYYY-MM-DD, else its text."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"  # strftime drops a year's leading zeros
    return str(value)


def arrow_strings(cells: pd.Series) -> pa.ChunkedArray:
    """The Arrow strings behind a text column, without a copy: pandas keeps str columns in Arrow."""
    values = cells.array
    arrow = values.__arrow_array__() if hasattr(values, "__arrow_array__") else pa.array(cells, from_pandas=True)
    return arrow if isinstance(arrow, pa.ChunkedArray) else pa.chunked_array([arrow])


def text_series(strings: pa.ChunkedArray, index: pd.Index) -> pd.Series:
    """A ``str`` column over Arrow strings, without a copy: ``pd.Series(strings, dtype="str")``."""
    return pd.Series(strings, dtype=_str_dtype(), index=index, copy=False)


@cache
def _str_dtype() -> pd.StringDtype[Literal["pyarrow"]]:
    """pandas' own text dtype, "str": Arrow strings with NaN for a missing value. Made when first
    needed, not on import: the loader's event_summary() imports this module, and pandas before 2.3,
    which the light install accepts, has no ``na_value``."""
    return pd.StringDtype("pyarrow", na_value=np.nan)


def only_where(strings: pa.ChunkedArray, keep: pa.ChunkedArray) -> pa.ChunkedArray:
    """The strings where ``keep`` holds, missing elsewhere: ``cells.where(keep, None)``."""
    return pc.if_else(keep, strings, pa.scalar(None, strings.type))


def one_array(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One array, for the kernels that take no chunked input; a copy only when there are chunks."""
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def matches(strings: pa.ChunkedArray, pattern: str, ignore_case: bool = False) -> pa.ChunkedArray:
    """Where each string contains a match of ``pattern`` (RE2), like ``str.contains``."""
    return pc.match_substring_regex(strings, pattern, ignore_case=ignore_case)


def every_cell_ascii(strings: pa.ChunkedArray) -> bool:
    """Whether no cell holds a character beyond ASCII (true of a column with no cell at all)."""
    return pc.all(pc.string_is_ascii(strings)).as_py() is not False  # None: no cell at all


def matches_text(strings: pa.ChunkedArray, pattern: str, ascii_pattern: str) -> pa.ChunkedArray:
    """``matches(strings, pattern)``, where ``ascii_pattern`` matches exactly what ``pattern`` matches
    in ASCII text: a column whose every cell is ASCII, as most are, is tested with it, which RE2
    compiles in a fraction of the time a class of thousands of code points takes."""
    return matches(strings, ascii_pattern if every_cell_ascii(strings) else pattern)


def is_word_in_any_case(strings: pa.ChunkedArray, pattern: str, words: pa.Array) -> pa.ChunkedArray:
    """``matches(strings, pattern, ignore_case=True)`` for a pattern that is a whole-cell choice of
    ``words`` (ASCII, lower case): ASCII cells are compared lower-cased, with no regex to compile."""
    if not every_cell_ascii(strings):
        return matches(strings, pattern, ignore_case=True)
    return pc.if_else(pc.is_null(strings), None, pc.is_in(pc.ascii_lower(strings), value_set=words))


def each_cell(test: ArrowTest) -> CellTest:
    """Run a test on the column's Arrow strings; a missing cell passes (``required`` judges it)."""

    def test_each_cell(cells: pd.Series) -> pd.Series:
        strings = arrow_strings(cells)
        passed = pc.fill_null(pc.or_kleene(pc.is_null(strings), test(strings)), True)
        return pd.Series(passed.to_numpy(zero_copy_only=False), index=cells.index)

    return test_each_cell


def each_distinct_value(test: ArrowTest) -> CellTest:
    """``each_cell``, but testing each distinct value once: codes and references repeat, so a million
    claims name only thousands of values. A short column is tested cell by cell, which is cheaper."""
    by_cell = each_cell(test)

    def test_each_value_once(cells: pd.Series) -> pd.Series:
        if len(cells) < PER_VALUE_FROM_ROWS:
            return by_cell(cells)
        codes, distinct = _distinct_values(cells)
        passed = by_cell(pd.Series(distinct, dtype=cells.dtype)).to_numpy(dtype=bool)
        # A missing cell has code -1, which picks the True appended last: missing cells pass.
        return pd.Series(np.append(passed, True)[codes], index=cells.index)

    return test_each_value_once


_factorized = threading.local()


def _distinct_values(cells: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """pandas.factorize of the column, worked out once for all of its checks.

    pandera hands each check of a column the same array, so the last answer is kept, per
    thread, with the array it belongs to (which also keeps that array's id from being reused).
    """
    values = cells.array
    kept = getattr(_factorized, "last", None)
    if kept is None or kept[0] is not values:
        kept = (values, *pd.factorize(cells))
        _factorized.last = kept
    return kept[1], kept[2]


def duplicated(values: pd.Series) -> np.ndarray:
    """``values.duplicated(keep="first")``, hashing each string once in Arrow instead of in Python;
    like pandas, a missing value repeats an earlier missing value."""
    codes, _ = pd.factorize(values, use_na_sentinel=False)
    return pd.Series(codes).duplicated(keep="first").to_numpy()


def repeated_rows(frame: pd.DataFrame) -> np.ndarray:
    """``frame.duplicated(keep=False)`` (missing equals missing): each column becomes codes, and the
    codes of a row one number, so that rows compare as integers."""
    key, bound = np.zeros(len(frame), dtype=np.int64), 1
    for name in frame.columns:
        codes, distinct = pd.factorize(frame[name], use_na_sentinel=False)
        if bound * len(distinct) >= 2**62:  # renumber the keys so far before they could overflow
            key, seen = pd.factorize(key)
            bound = len(seen)
        key, bound = key * len(distinct) + codes, bound * len(distinct)
    return pd.Series(key).duplicated(keep=False).to_numpy()


def isin(series: pd.Series, known: pd.Series) -> np.ndarray:
    """``series.isin(known)`` for text, without one Python object per known value; as in pandas, a
    missing value is in ``known`` when ``known`` has one."""
    found: np.ndarray = pc.is_in(arrow_strings(series), value_set=one_array(arrow_strings(known))).to_numpy(
        zero_copy_only=False
    )
    return found


def pairs_isin(pairs: tuple[pd.Series, pd.Series], known: tuple[pd.Series, pd.Series]) -> np.ndarray:
    """Whether each (first, second) pair of text is one of the ``known`` pairs, as a merge of the
    two would find it, but a pair with a missing part is never found. Each part becomes a code
    shared by both sides, and a pair one number, so that pairs compare as integers."""
    keys = []
    for mine, theirs in zip(pairs, known, strict=True):
        codes, distinct = pd.factorize(pd.concat([mine, theirs], ignore_index=True))
        keys.append((codes, len(distinct)))
    (first, _), (second, width) = keys
    combined = np.where((first < 0) | (second < 0), -1, first.astype(np.int64) * (width + 1) + second)
    size = len(pairs[0])
    found: np.ndarray = np.isin(combined[:size], combined[size:][combined[size:] >= 0]) & (combined[:size] >= 0)
    return found


def counts_in_digits(quotes: pa.ChunkedArray, counts: np.ndarray) -> np.ndarray:
    """Where a row's counts (one column each, -1 for none) are runs of ASCII digits in its quote,
    found in Arrow and only in the rows with a count: the common case of ``written_numbers``, whose
    plain reading settles every count left False."""
    found = np.zeros(counts.shape, dtype=bool)
    counted = (counts >= 0).any(axis=1)
    rows = np.flatnonzero(counted)
    if len(rows) == 0:
        return found
    # Digits only, as one space-separated string per row: a plain split is faster than a regex one. The
    # digits of a designation ('F-16') or a date go first, as written_numbers reads them.
    named = pc.replace_substring_regex(pc.fill_null(quotes.filter(pa.array(counted)), ""), NOT_COUNTS, " ")
    only_digits = pc.replace_substring_regex(named, r"[^0-9]+", " ")
    runs = pc.split_pattern(only_digits, " ")
    digits = pc.list_flatten(runs)
    length = pc.utf8_length(digits)
    short = pc.and_(pc.greater(length, 0), pc.less_equal(length, 18)).to_numpy(zero_copy_only=False)
    numbers = pc.cast(digits.filter(short), pa.int64()).to_numpy()
    owners = rows[pc.list_parent_indices(runs).to_numpy()[short]]
    for column in range(counts.shape[1]):
        hit = numbers == counts[owners, column]
        found[owners[hit], column] = True
    return found & (counts >= 0)


def list_item_rows(series: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """The non-empty items of '|'-separated list cells, and the position of each item's row."""
    present = series.notna().to_numpy()
    lists = pc.split_pattern(one_array(arrow_strings(series[present])), LIST_DELIMITER)
    rows = np.flatnonzero(present)[pc.list_parent_indices(lists).to_numpy()]
    items = pc.list_flatten(lists)
    kept = pc.not_equal(items, "")
    return rows[kept.to_numpy(zero_copy_only=False)], items.filter(kept)


def no_item_twice(strings: pa.ChunkedArray) -> pa.ChunkedArray:
    """Where no '|'-separated list cell names one item twice; a missing cell passes."""
    lists = pc.split_pattern(one_array(strings), LIST_DELIMITER)
    parents = pc.list_parent_indices(lists).to_numpy().astype(np.int64)
    keys = pc.dictionary_encode(pc.list_flatten(lists)).indices.to_numpy().astype(np.int64)
    pairs = parents * (int(keys.max(initial=0)) + 1) + keys
    repeats = np.zeros(len(strings), dtype=bool)
    repeats[parents[pd.Series(pairs).duplicated().to_numpy()]] = True
    return pa.chunked_array([pa.array(~repeats)])


def list_items(series: pd.Series) -> pd.Series:
    """One row per item of a '|'-separated list cell, indexed by the cell's line."""
    rows, items = list_item_rows(series)
    return pd.Series(items, index=series.index[rows], name=series.name, dtype="str")


def first_by_key(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The first row of each ``key``, indexed by it: a repeated key is another rule's to report, and
    a row whose key is missing names nothing, so a claim with no source_id is not given the
    publisher of a source row with none."""
    kept: pd.DataFrame = frame[frame[key].notna().to_numpy(dtype=bool) & ~duplicated(frame[key])].set_index(key)
    return kept


def first_match_dates(keys: pa.Array | pa.ChunkedArray, frame: pd.DataFrame, key: str, value: str) -> np.ndarray:
    """``frame[value]`` (as datetime64[s]) of the first row whose key matches, per key, NaT where none
    does. A missing key names no row: unlike pandas' ``map``, it does not match a row whose key is
    missing too, so a claim with no event_id is not dated by an event with no event_id."""
    unique = first_by_key(frame, key)
    known = one_array(arrow_strings(unique.index.to_series()))
    found = pc.index_in(keys, value_set=known, skip_nulls=True).to_numpy(zero_copy_only=False)
    dates = np.append(unique[value].to_numpy(dtype="datetime64[s]"), np.datetime64("NaT", "s"))
    return dates[np.where(np.isnan(found), len(unique), found).astype(np.int64)]


def lines_by_column(cells: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    """The lines of (line, column) cells grouped by column, in order: a frame is then written one
    column at a time, since a cell-at-a-time write to an Arrow-backed column costs the column's length."""
    columns: dict[str, list[int]] = {}
    for line, column in sorted(cells):
        columns.setdefault(column, []).append(line)
    return columns
