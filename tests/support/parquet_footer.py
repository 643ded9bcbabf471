"""Parquet footers that contradict themselves, as a tamperer could write them. Thrift's compact
protocol is read only as far as the edits need (Parquet footers hold no maps)."""

from __future__ import annotations

TRUE, FALSE, BYTE, I16, I32, I64, DOUBLE, BINARY, LIST, SET, MAP, STRUCT = range(1, 13)
SCHEMA, ROW_GROUPS, COLUMN_ORDERS = 2, 4, 7  # fields of FileMetaData
COLUMNS = 1  # of RowGroup
NUM_CHILDREN = 5  # of SchemaElement


def without_column_chunk(data: bytes, position: int) -> bytes:
    """``data`` whose first row group lists no ``position``-th column chunk, though the schema has it."""
    footer = _footer(data)
    return _with_footer(data, _without_element(footer, _column_chunks(footer), position))


def without_struct_field(data: bytes) -> bytes:
    """``data`` whose first column, a struct of one field, lost that field from the schema and its
    chunk from the one row group: a top-level column with nothing stored."""
    footer = _footer(data)
    if COLUMN_ORDERS in _fields(footer, 0)[0]:
        footer = _without_element(footer, _fields(footer, 0)[0][COLUMN_ORDERS], 0)
    footer = _without_element(footer, _column_chunks(footer), 0)
    schema = _fields(footer, 0)[0][SCHEMA]
    footer = _without_element(footer, schema, 2)  # the root, the struct, its field
    children = _fields(footer, _element(footer, schema, 1))[0][NUM_CHILDREN]
    assert footer[children] == 2  # one, zigzag-encoded; none is one byte as well
    return _with_footer(data, footer[:children] + b"\x00" + footer[children + 1 :])


def _footer(data: bytes) -> bytes:
    size = int.from_bytes(data[-8:-4], "little")
    return data[len(data) - 8 - size : -8]


def _with_footer(data: bytes, footer: bytes) -> bytes:
    size = int.from_bytes(data[-8:-4], "little")
    return data[: len(data) - 8 - size] + footer + len(footer).to_bytes(4, "little") + b"PAR1"


def _column_chunks(footer: bytes) -> int:
    """Where the list of the first row group's column chunks begins."""
    first_row_group = _list_header(footer, _fields(footer, 0)[0][ROW_GROUPS])[2]
    return _fields(footer, first_row_group)[0][COLUMNS]


def _element(footer: bytes, at: int, position: int) -> int:
    """Where the ``position``-th element of the list at ``at`` begins."""
    _, kind, at = _list_header(footer, at)
    for _ in range(position):
        at = _skip(footer, at, kind)
    return at


def _without_element(footer: bytes, at: int, position: int) -> bytes:
    """``footer`` with the ``position``-th element of the list at ``at`` left out."""
    count, kind, _ = _list_header(footer, at)
    start = _element(footer, at, position)
    end = _skip(footer, start, kind)
    first = _element(footer, at, 0)
    return footer[:at] + _encoded_list_header(count - 1, kind) + footer[first:start] + footer[end:]


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
