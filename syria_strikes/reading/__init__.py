"""Read the hand-edited CSV files into typed frames without ever guessing a type.

Every cell is read as text first and then converted by the column's declared type, so a bad
date or a word in a count is reported as exactly that, instead of silently turning the whole
column into text. The file's structure (encoding, BOM, line endings, delimiter, header, field
counts, quoting) is checked before any cell is looked at, because those faults make every later
message wrong; a fault that would otherwise repeat on every row (a pasted header, a row of empty
cells, unnamed spreadsheet columns) is reported once and the rest of the file is still checked.
The frame's index holds the line number a curator sees in an editor.
"""

from syria_strikes.reading.table import read_table

__all__ = ["read_table"]
