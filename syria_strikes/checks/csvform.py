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

NEEDS_QUOTES = '[,"\n]'
Report = Callable[[int | None, str | None, str | None, str, str], None]

_QUOTE_FAULTS = {
    "unclosed": "opens a double quote that is never closed, so the rest of the line (or file) was read into "
                "this cell; close the quote",
    "after_quote": "has text after the closing double quote of the cell; inside a quoted cell a double quote "
                   "is written twice (\"\")",
    "stray": "has a double quote inside a cell that is not wrapped in quotes; wrap the cell in double quotes "
             "and write the quote inside twice (\"\")",
}


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
            elif not needs_quotes(record[position + 1:close].replace('""', '"')):
                faults.append((index, "unneeded", record[position:end]))
        else:
            end = _field_end(record, position)
            if '"' in record[position:end]:
                faults.append((index, "stray", record[position:end]))
        if end >= len(record):
            return faults
        position, index = end + 1, index + 1


def _canonical_records(strings: pd.DataFrame) -> pa.ChunkedArray | pa.Array:
    text = pa.large_string()
    quote, comma, nothing = pa.scalar('"', text), pa.scalar(",", text), pa.scalar("", text)
    cells = []
    for name in strings.columns:
        column = pa.array(strings[name], type=text)
        quoted = pc.binary_join_element_wise(quote, pc.replace_substring(column, '"', '""'), quote, nothing)
        cells.append(pc.if_else(pc.match_substring_regex(column, NEEDS_QUOTES), quoted, column))
    return pc.binary_join_element_wise(*cells, comma)


def _quoted_lines(data: bytes) -> tuple[np.ndarray, pa.Array]:
    """0-based numbers of the physical lines below the header that hold a double quote, and
    their text, found with byte scans and zero-copy slices of the file's own buffer."""
    octets = np.frombuffer(data, dtype=np.uint8)
    newlines = np.flatnonzero(octets == 0x0A)
    numbers = np.unique(np.searchsorted(newlines, np.flatnonzero(octets == 0x22)))
    numbers = numbers[numbers > 0]
    offsets = np.concatenate(([0], newlines + 1)).astype(np.int64)
    lines = pa.LargeStringArray.from_buffers(len(newlines), pa.py_buffer(offsets), pa.py_buffer(data))
    return numbers, pc.utf8_rtrim(pc.take(lines, numbers), characters="\n")


def _quoted_records(data: bytes, strings: pd.DataFrame, ends: list[int] | None) -> tuple[np.ndarray, pa.Array]:
    """Positions in ``strings`` of the records holding a double quote, and those records' raw text."""
    if ends is None:
        numbers, raw = _quoted_lines(data)
        return numbers - 1, raw
    lines = data.decode("utf-8").split("\n")
    spans = zip(strings.index, ends, strict=True)
    raw = ["\n".join(lines[start - 1:end]) for start, end in spans]
    rows = np.array([i for i, record in enumerate(raw) if '"' in record], dtype=np.int64)
    return rows, pa.array([raw[i] for i in rows], type=pa.large_string())


def _differing(data: bytes, strings: pd.DataFrame, ends: list[int] | None) -> list[tuple[int, str]]:
    """(line, raw text) of every record whose raw text is not its canonical rendering.

    A record without a double quote is canonical whenever it parsed to the right number of
    fields: none of its cells can hold a comma or a line break. Only records with a quote are
    rendered and compared, which on real data is a minority.
    """
    if strings.empty or b'"' not in data:
        return []
    rows, raw = _quoted_records(data, strings, ends)
    if len(rows) == 0:
        return []
    same = pc.equal(_canonical_records(strings.iloc[rows]), raw)
    differ = pc.indices_nonzero(pc.invert(same)).to_pylist()
    return [(int(strings.index[rows[i]]), raw[i].as_py()) for i in differ]


def check_canonical_form(data: bytes, strings: pd.DataFrame, ends: list[int] | None,
                         check_header: bool, report: Report) -> set[tuple[int, str]]:
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
        column_of = (lambda i: None) if line == 1 else (lambda i: names[i] if i < len(names) else None)
        for i, fault, field in faults:
            if fault != "unneeded":
                report(line, column_of(i), field, "csv_quotes", _QUOTE_FAULTS[fault])
                if column_of(i) is not None:
                    untrusted.add((line, column_of(i)))
        first_unneeded = next((i for i, fault, _ in faults if fault == "unneeded"), None)
        if first_unneeded is not None:
            unneeded.append((line, column_of(first_unneeded)))
        elif not faults:
            report(line, None, raw, "canonical_quoting",
                   "is not written in canonical CSV form; re-save the file as CSV UTF-8 with LF line endings")
    if unneeded:
        line, column = unneeded[0]
        others = f" (so do {len(unneeded) - 1} more lines)" if len(unneeded) > 1 else ""
        report(line, column, None, "canonical_quoting",
               f"puts double quotes around cells that need none{others}; canonical files quote a cell only when "
               "it holds a comma, a double quote or a line break: save without 'quote all text cells'")
    return untrusted
