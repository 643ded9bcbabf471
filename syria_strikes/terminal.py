"""Escape every field printed to a terminal, so a file name or a cell can never drive it.

A file name, a column name or a cell may hold ESC, other C0 and C1 controls, bidirectional
controls or line separators. Printed as they are, they can clear the screen, rewrite lines
already shown or reorder what a curator reads. Everything the command prints passes through
``escape`` (one field) or ``escape_lines`` (a finished text whose own line breaks are kept).
"""

from __future__ import annotations


def _escaped(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape(text: str) -> str:
    """``text`` with every character a terminal would not print as itself written as a Python escape.

    Python's ``str.isprintable`` is the test: it is false for controls (Cc), format characters
    (Cf, which holds the bidirectional controls), separators other than the space, surrogates left
    by undecodable file names, private-use and unassigned code points. The result is printable
    ASCII where it was escaped, so escaping twice changes nothing.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def escape_lines(text: str) -> str:
    """A multi-line text escaped line by line, keeping only its own LF line breaks."""
    return "\n".join(escape(line) for line in text.split("\n"))


def escape_markup(markup: str) -> str:
    """An HTML page printed to a terminal: every character ``escape`` would rewrite becomes a numeric
    character reference instead, which a browser shows as the same character and a terminal does
    not obey. Line breaks and tabs of the page's own layout are kept."""
    if markup.isprintable():
        return markup
    return "".join(char if char.isprintable() or char in "\n\t" else f"&#x{ord(char):x};" for char in markup)
