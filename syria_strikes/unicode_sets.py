"""Character sets taken from the Unicode Character Database, not from hand-made lists.

``regex`` ships the database and is updated with each Unicode version, so a character that a
new version makes default-ignorable or a format character is refused without anyone editing a
list. The sets are read out of it once, on first use, in a few tens of milliseconds.
"""

from __future__ import annotations

from functools import cache

import regex

IGNORABLE = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]")
# The one addition to what the database marks ignorable: Unicode classes U+2800 BRAILLE PATTERN
# BLANK as a symbol (So), yet it prints as a space and is the usual filler of names made to look
# empty or different, so it is refused wherever an invisible character is.
BLANK_SYMBOLS = "\u2800"


@cache
def every_char() -> str:
    """Every Unicode scalar value, in order, as one string for ``regex`` to sort into sets (built
    with the standard library, so a validation answered from the cache still imports no numpy).

    Written as UTF-32-LE a byte column at a time: a code point's bytes are its low, middle and
    high byte and a zero, each column a repeating run that C slices write; one Python int per
    code point took most of the time of importing the validator."""
    count = 0x110000
    utf32 = bytearray(4 * count)
    utf32[0::4] = bytes(range(256)) * (count // 256)
    utf32[1::4] = b"".join(bytes([middle]) * 256 for middle in range(256)) * (count // 65536)
    utf32[2::4] = b"".join(bytes([high]) * 65536 for high in range(count // 65536))
    del utf32[4 * 0xD800 : 4 * 0xE000]  # the surrogates are no scalar values
    return utf32.decode("utf-32-le")


@cache
def ignorable_ranges() -> tuple[tuple[int, int], ...]:
    """Inclusive code point ranges of every Default_Ignorable_Code_Point and every format (Cf)
    character: U+00AD, U+034F, U+061C, U+180E, U+200B..U+200F, U+2060..U+206F, U+3164, U+FE00..U+FE0F,
    U+FEFF, the tag characters U+E0000..U+E0FFF and the rest of their kin."""
    runs = regex.finditer(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]+", every_char())
    return tuple((ord(run.group()[0]), ord(run.group()[-1])) for run in runs)


@cache
def invisible_chars() -> str:
    """Every character refused where an invisible one is: the database's ignorable and format
    characters, and the blank symbols."""
    ranges = "".join(chr(code) for start, end in ignorable_ranges() for code in range(start, end + 1))
    return ranges + BLANK_SYMBOLS


@cache
def pictographs() -> str:
    """Every Extended_Pictographic character (emoji and the symbols written as emoji: U+00A9, U+2122,
    arrows ...) and the combining keycap U+20E3: what a variation selector or joiner may follow in a
    cell of Latin text."""
    runs = regex.finditer(r"\p{Extended_Pictographic}+", every_char())
    return "".join(run.group() for run in runs) + "\u20e3"


def is_invisible(char: str) -> bool:
    return IGNORABLE.fullmatch(char) is not None or char in BLANK_SYMBOLS
