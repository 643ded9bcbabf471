"""The canonical CSV form of data/*.csv: RFC 4180 with minimal quoting, checked line by line.

A file that any CSV reader parses is not enough. Lenient readers (pyarrow, Python's csv module)
accept a stray quote inside an unquoted cell or text after a closing quote, and other readers
(R, Excel, frictionless) read those lines differently, so the same file would hold different
data for different users. Quoting that is merely unneeded is harmless to readers but turns
every line of a diff into a change. The check renders every parsed record canonically with
Arrow kernels and compares it with the file, so a clean file costs one vectorised pass; only
lines that differ are taken apart to say which cell is at fault.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.problems import Report

NEEDS_QUOTES = '[,"\n]'
BATCH_RECORDS = 1 << 16
SCAN_BYTES = 1 << 22


def needs_quotes(value: str) -> bool:
    return any(char in value for char in ',"\n')


def render_cell(value: str) -> str:
    """The canonical spelling of one cell: quoted only when it must be, inner quotes doubled."""
    return '"' + value.replace('"', '""') + '"' if needs_quotes(value) else value


def _closing_quote(record: str, position: int) -> int | None:
    while True:
        found = record.find('"', position)
        if found < 0:
            return None
        if record.startswith('"', found + 1):
            position = found + 2
            continue
        return found


def _field_end(record: str, position: int) -> int:
    comma = record.find(",", position)
    return len(record) if comma < 0 else comma


def field_faults(record: str) -> list[tuple[int, str, str]]:
    """(field index, fault, raw field) for each cell of one record's raw text that is not
    spelled canonically."""
    faults: list[tuple[int, str, str]] = []
    index, position = 0, 0
    while True:
        if record.startswith('"', position):
            close = _closing_quote(record, position + 1)
            if close is None:
                faults.append((index, "unclosed", record[position:]))
                return faults
            end = close + 1
            if end < len(record) and record[end] != ",":
                end = _field_end(record, end)
                faults.append((index, "after_quote", record[position:end]))
            elif not needs_quotes(record[position + 1 : close].replace('""', '"')):
                faults.append((index, "unneeded", record[position:end]))
        else:
            end = _field_end(record, position)
            if '"' in record[position:end]:
                faults.append((index, "stray", record[position:end]))
        if end >= len(record):
            return faults
        position, index = end + 1, index + 1


def _canonical_records(columns: list[pa.Array], plain: list[bool]) -> pa.Array:
    """Records spelled canonically; a ``plain`` column holds no cell that needs quotes."""
    cells = (column if is_plain else _canonical_cells(column) for column, is_plain in zip(columns, plain, strict=True))
    return pc.binary_join_element_wise(*cells, pa.scalar(",", pa.large_string()))


def _plain(column: pa.ChunkedArray) -> bool:
    """True when no byte of the column's text is a comma, a double quote or a line break, so that
    no cell needs quotes; one pass over its buffers instead of a pattern match per cell."""
    for chunk in column.chunks:
        octets = np.frombuffer(chunk.buffers()[2] or b"", dtype=np.uint8)
        for start in range(0, len(octets), SCAN_BYTES):
            part = octets[start : start + SCAN_BYTES]
            if ((part == 0x2C) | (part == 0x22) | (part == 0x0A)).any():
                return False
    return True


def _canonical_cells(column: pa.Array) -> pa.Array:
    """The column's cells spelled canonically. Only the cells that need quotes are rewritten: in
    most columns none do, and rewriting every cell of every column costs seconds on a million rows."""
    text = pa.large_string()
    needs = pc.match_substring_regex(column, NEEDS_QUOTES)
    if not pc.any(needs).as_py():
        return column
    quote = pa.scalar('"', text)
    quoted = pc.binary_join_element_wise(
        quote, pc.replace_substring(column.filter(needs), '"', '""'), quote, pa.scalar("", text)
    )
    return pc.replace_with_mask(column, needs, quoted)


def _column(cells: pd.Series) -> pa.ChunkedArray:
    column = pa.array(cells, type=pa.large_string())
    return column if isinstance(column, pa.ChunkedArray) else pa.chunked_array([column])


def _rows(columns: list[pa.ChunkedArray], rows: np.ndarray) -> list[pa.Array]:
    """The cells of some rows (ascending positions), taken from the span they lie in: taking from
    a whole chunked column would join its chunks into one copy first."""
    low, high = int(rows[0]), int(rows[-1]) + 1
    return [column.slice(low, high - low).combine_chunks().take(pa.array(rows - low)) for column in columns]


def _quoted_lines(data: bytes) -> tuple[np.ndarray, pa.Array]:
    """0-based numbers of the physical lines below the header that hold a double quote, and every
    line of the file with its line break, as zero-copy slices of the file's own buffer."""
    octets = np.frombuffer(data, dtype=np.uint8)
    newlines = byte_positions(octets, 0x0A)
    numbers = np.unique(np.searchsorted(newlines, byte_positions(octets, 0x22)))
    numbers = numbers[numbers > 0]
    offsets = np.concatenate(([0], newlines + 1)).astype(np.int64)
    lines = pa.LargeStringArray.from_buffers(len(newlines), pa.py_buffer(offsets), pa.py_buffer(data))
    return numbers, lines


def byte_positions(octets: np.ndarray, byte: int) -> np.ndarray:
    """np.flatnonzero(octets == byte), a few megabytes at a time: a mask of the whole file would
    take as many bytes as the file, and allocating them costs more than the scan."""
    mask = np.empty(min(SCAN_BYTES, len(octets)), dtype=bool)
    found = []
    for start in range(0, len(octets), SCAN_BYTES):
        part = octets[start : start + SCAN_BYTES]
        np.equal(part, byte, out=mask[: len(part)])
        found.append(np.flatnonzero(mask[: len(part)]) + start)
    return np.concatenate(found) if found else np.empty(0, dtype=np.int64)


def _quoted_records(
    data: bytes, strings: pd.DataFrame, ends: list[int] | None
) -> tuple[np.ndarray, Callable[[np.ndarray], pa.Array]]:
    """Positions in ``strings`` of the records holding a double quote, and a function giving the raw
    text of some of those records (by their place in the first array)."""
    if ends is None:
        numbers, lines = _quoted_lines(data)
        return numbers - 1, lambda part: pc.utf8_rtrim(pc.take(lines, numbers[part]), characters="\n")
    lines = data.decode("utf-8").split("\n")
    spans = zip(strings.index, ends, strict=True)
    raw = ["\n".join(lines[start - 1 : end]) for start, end in spans]
    rows = np.array([i for i, record in enumerate(raw) if '"' in record], dtype=np.int64)
    quoted = pa.array([raw[i] for i in rows], type=pa.large_string())
    return rows, lambda part: pc.take(quoted, part)


def _differing(data: bytes, strings: pd.DataFrame, ends: list[int] | None) -> list[tuple[int, str]]:
    """(line, raw text) of every record whose raw text is not its canonical rendering.

    A record without a double quote is canonical whenever it parsed to the right number of
    fields: none of its cells can hold a comma or a line break. Only records with a quote are
    rendered and compared, which on real data is a minority, and a batch at a time, so that the
    renderings of a million records are never all in memory at once.
    """
    if strings.empty or b'"' not in data:
        return []
    rows, raw_text = _quoted_records(data, strings, ends)
    columns = [_column(strings[name]) for name in strings.columns]
    plain = [_plain(column) for column in columns]
    differing = []
    for start in range(0, len(rows), BATCH_RECORDS):
        part = np.arange(start, min(start + BATCH_RECORDS, len(rows)))
        raw = raw_text(part)
        same = pc.equal(_canonical_records(_rows(columns, rows[part]), plain), raw)
        for i in pc.indices_nonzero(pc.invert(same)).to_pylist():
            differing.append((int(strings.index[rows[part[i]]]), raw[i].as_py()))
    return differing


def _column_at(names: list[str], line: int, field: int) -> str | None:
    """The column of a record's field; none on the header line, or past the declared columns."""
    return names[field] if line != 1 and field < len(names) else None


def check_canonical_form(
    data: bytes, strings: pd.DataFrame, ends: list[int] | None, check_header: bool, report: Report
) -> set[tuple[int, str]]:
    """Report quoting faults; returns the (line, column) cells whose parsed value cannot be trusted.

    ``data`` is the file's text as UTF-8 with LF line endings, exactly what was parsed.

    Stray or unclosed quotes are reported on every line, since each is a separate fault that
    readers resolve differently. Unneeded quotes are reported once per file, at the first line,
    with a count: they come from one setting of the tool that saved the file.
    """
    names = list(strings.columns)
    differing = _differing(data, strings, ends)
    header = data[: data.index(b"\n")].decode("utf-8")
    if check_header and header != ",".join(names):
        differing.insert(0, (1, header))
    untrusted: set[tuple[int, str]] = set()
    unneeded: list[tuple[int, str | None]] = []
    for line, raw in differing:
        faults = field_faults(raw)
        for i, fault, field in faults:
            if fault != "unneeded":
                column = _column_at(names, line, i)
                report(line, column, field, "csv_quotes", fault=fault)
                if column is not None:
                    untrusted.add((line, column))
        first_unneeded = next((i for i, fault, _ in faults if fault == "unneeded"), None)
        if first_unneeded is not None:
            unneeded.append((line, _column_at(names, line, first_unneeded)))
        elif not faults:
            report(line, None, raw, "canonical_quoting")
    if unneeded:
        line, column = unneeded[0]
        report(line, column, None, "canonical_quoting", quoted_lines=len(unneeded))
    return untrusted
