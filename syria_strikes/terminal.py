"""Text bound for a terminal, with control and invisible characters shown as escapes.

A seed or a cell may hold a carriage return, an escape sequence or a zero-width space; printed
raw, it could move the cursor, recolour the screen or hide what differs.
"""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` with every character that is not printable (but the plain space) escaped."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)
