"""A Parquet footer that contradicts itself, as a tamperer could write it: the first row group lists a
column chunk fewer than the schema has columns. Thrift's compact protocol is read only as far as
the edit needs (Parquet footers hold no maps)."""

from __future__ import annotations

TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT = range(1, 13)


def without_column_chunk(data: bytes, position: int) -> bytes:
    """``data`` with the first row group's ``position``-th column chunk left out of the footer."""
    size = int.from_bytes(data[-8:-4], "little")
    footer = data[len(data) - 8 - size : -8]
    row_groups = _fields(footer, 0)[0][4]
    first_row_group = _list_header(footer, row_groups)[2]
    chunks = _fields(footer, first_row_group)[0][1]
    count, kind, at = _list_header(footer, chunks)
    spans = []
    for _ in range(count):
        end = _skip(footer, at, kind)
        spans.append(footer[at:end])
        at = end
    del spans[position]
    edited = footer[:chunks] + _encoded_list_header(count - 1, kind) + b"".join(spans) + footer[at:]
    return data[: len(data) - 8 - size] + edited + len(edited).to_bytes(4, "little") + b"PAR1"


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _list_header(data: bytes, at: int) -> tuple[int, int, int]:
    """A list's element count, element kind and where its first element begins."""
    count, kind = data[at] >> 4, data[at] & 0x0F
    if count == 15:
        count, first = _varint(data, at + 1)
        return count, kind, first
    return count, kind, at + 1


def _encoded_list_header(count: int, kind: int) -> bytes:
    if count < 15:
        return bytes([count << 4 | kind])
    varint = bytearray()
    while count >= 0x80:
        varint.append(count & 0x7F | 0x80)
        count >>= 7
    return bytes([0xF0 | kind]) + bytes(varint) + bytes([count])


def _fields(data: bytes, at: int) -> tuple[dict[int, int], int]:
    """A struct's field ids, each with where its value begins, and where the struct ends."""
    found = {}
    last = 0
    while data[at]:
        delta, kind = data[at] >> 4, data[at] & 0x0F
        at += 1
        if delta:
            last += delta
        else:
            raw, at = _varint(data, at)
            last = raw >> 1 ^ -(raw & 1)
        found[last] = at
        at = _skip(data, at, kind)
    return found, at + 1


def _skip(data: bytes, at: int, kind: int) -> int:
    """Where the value of ``kind`` that begins at ``at`` ends."""
    if kind in (TRUE, FALSE):  # a struct's boolean field lives in its header
        return at
    if kind == BYTE:
        return at + 1
    if kind in (I16, I32, I64):
        return _varint(data, at)[1]
    if kind == DOUBLE:
        return at + 8
    if kind == BINARY:
        length, at = _varint(data, at)
        return at + length
    if kind in (LIST, SET):
        count, element, at = _list_header(data, at)
        for _ in range(count):
            at = at + 1 if element in (TRUE, FALSE) else _skip(data, at, element)
        return at
    if kind == STRUCT:
        return _fields(data, at)[1]
    raise ValueError(f"a Parquet footer holds no Thrift value of kind {kind}")
