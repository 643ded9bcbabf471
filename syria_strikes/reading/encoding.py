"""What a table's bytes are when they are not UTF-8: the line, the shown value and the context the
utf8 rule is worded from, for validate and for the commands that read a table on their own.

The shown value is text, never Python's escapes of the bytes: a message quotes its value once, so
'\\xe9' would reach the curator as '\\\\xe9'. The bad bytes themselves are named in hex by the wording.
"""

from __future__ import annotations

import codecs
from typing import Any

import numpy as np
import pyarrow as pa

# The start of the file judged for a wide encoding written without its byte-order mark: there, ASCII
# text has a NUL in every other byte (UTF-16) or three in every four (UTF-32).
SAMPLE = 64
# Bytes shown on either side of the first bad one, within its line.
AROUND = 24

Fault = tuple[int, str, dict[str, Any]]


def encoding_fault(raw: bytes) -> Fault | None:
    """The utf8 rule's line, shown value and context when ``raw`` (without a byte-order mark of UTF-8)
    is not UTF-8 text; None when it is."""
    wide = _wide_encoding(raw)
    if wide is not None:  # ASCII as UTF-16 without its byte-order mark is valid UTF-8, NULs between
        return 1, _shown_start(raw, wide), {"byte": 0, "found": wide, "bad": ""}
    error = _utf8_error(raw)
    if error is None:
        return None
    start = error.start
    found, width = _narrow_encoding(raw, start)
    bad = " ".join(f"{byte:02X}" for byte in raw[start : start + width])
    line = raw.count(b"\n", 0, start) + 1
    return line, _shown_around(raw, start, width, found), {"byte": start, "found": found, "bad": bad}


def _utf8_error(raw: bytes) -> UnicodeDecodeError | None:
    """Python's error for bytes that are not UTF-8, else None. Arrow checks the bytes in place, some
    fifteen times faster than decoding them; Python decodes only to locate a fault Arrow found."""
    offsets = pa.py_buffer(np.array([0, len(raw)], dtype=np.int64))
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(raw)).validate(full=True)
        return None
    except pa.ArrowInvalid:
        pass
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return error
    return None


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-32' or 'UTF-16' when the file starts with its byte-order mark, or when its start has the
    NULs ASCII has in it without one; UTF-32's marks begin with UTF-16's, so it is judged first."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    sample = raw[:SAMPLE]
    if _all_nul(sample, (1, 2, 3)) or _all_nul(sample, (0, 1, 2)):
        return "UTF-32"
    if _all_nul(sample, (1,), step=2) or _all_nul(sample, (0,), step=2):
        return "UTF-16"
    return None


def _all_nul(sample: bytes, positions: tuple[int, ...], step: int = 4) -> bool:
    """Every byte at these positions of each group of ``step`` bytes is NUL (and there is one)."""
    return len(sample) >= step and all(set(sample[position::step]) == {0} for position in positions)


def _narrow_encoding(raw: bytes, start: int) -> tuple[str, int]:
    """What the bytes from ``start`` look like, and how many of them to name.

    'CESU-8': a UTF-16 surrogate written as three bytes (ED A0..BF ..), as CESU-8 and Java's
    modified UTF-8 write an emoji; 'Windows-1252': Excel's plain 'CSV', when the whole file reads as
    it; '' when neither."""
    if raw[start] == 0xED and len(raw) > start + 2 and 0xA0 <= raw[start + 1] <= 0xBF:
        pair = len(raw) > start + 5 and raw[start + 3] == 0xED and 0xB0 <= raw[start + 4] <= 0xBF
        return "CESU-8", 6 if pair else 3
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "", 1
    return "Windows-1252", 1


def _shown_start(raw: bytes, wide: str) -> str:
    """The file's first characters read in the encoding it is in, up to its first line break."""
    codec = wide.lower()
    marked = raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not marked:  # ASCII's NUL comes after its letter in little-endian order, before it in big-endian
        codec += "-le" if raw[0] != 0 else "-be"
    text = raw[: SAMPLE * 2].decode(codec, errors="replace")
    return text.removeprefix("\ufeff").split("\n", 1)[0]


def _shown_around(raw: bytes, start: int, width: int, found: str) -> str:
    """The text of the bad bytes' line around them: read as Windows-1252 when the file looks like
    it, so the curator sees the word as the spreadsheet showed it; else as UTF-8, U+FFFD for each
    byte that is not."""
    left = max(raw.rfind(b"\n", 0, start) + 1, start - AROUND)
    while left < start and 0x80 <= raw[left] <= 0xBF:  # not inside a character cut in two
        left += 1
    end = raw.find(b"\n", start)
    right = min(start + width + AROUND, len(raw) if end == -1 else end)
    while right < len(raw) and right > start + width and 0x80 <= raw[right] <= 0xBF:
        right -= 1
    window = raw[left:right]
    if found == "Windows-1252":
        return window.decode("cp1252")
    return window.decode("utf-8", errors="replace")
