"""Spreadsheet hints: how a cell that is not of its column's type was most likely made.

Spreadsheets rewrite numbers and dates in a handful of known ways; naming the way tells the
curator which setting to change, not just that the cell is wrong. Part of the type rules'
wording in syria_strikes.rules.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from syria_strikes.text_policy import EDGE_CHARS, PLACEHOLDERS, SPREADSHEET_BOOLEANS, SPREADSHEET_ERRORS, describe_char
from syria_strikes.written_numbers import written_numbers

SPREADSHEET_EPOCH = date(1899, 12, 30)


def type_hint(value: str, column_type: str) -> str | None:
    """The spreadsheet habit that most likely made ``value``, and how to write it instead; None
    when no known habit explains it."""
    odd_digit = next((c for c in value if c.isdigit() and not "0" <= c <= "9"), None)
    if odd_digit is not None:
        return f"it uses {describe_char(odd_digit)}, a digit that is not 0-9: write the number with 0-9"
    if value != value.strip(EDGE_CHARS):
        return "it has spaces around it: remove them"
    if value.lower() in SPREADSHEET_BOOLEANS:
        return "it is a spreadsheet TRUE/FALSE value: write the value itself"
    if value.lower() in SPREADSHEET_ERRORS:
        return "it is a spreadsheet error left by a broken formula: write the value itself"
    if value.lower() in PLACEHOLDERS:
        return "leave the cell empty when there is no value (an empty cell means missing)"
    if column_type == "date":
        return _date_hint(value)
    return _number_hint(value, column_type)


def _number_hint(value: str, column_type: str) -> str | None:
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+", value):
        return (
            "it is in scientific notation, as spreadsheets show long numbers: format the column as "
            f"text and write the digits ({float(value):.15g})"
        )
    if column_type == "number":
        if re.fullmatch(r"-?[0-9]+,[0-9]+", value):
            return f"it has a decimal comma: write a decimal point ({value.replace(',', '.')})"
        return None
    if re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+", value):
        return f"it has thousands separators: write the digits alone ({value.replace(',', '')})"
    if re.fullmatch(r"-?[0-9]+\.0*", value):
        return f"counts and offsets are whole: write {value.split('.')[0]}"
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", value):
        return "counts and offsets are whole numbers; use value_low and value_high for a range"
    if re.fullmatch(r"\+[0-9]+", value):
        return f"it has a plus sign: write {value[1:]}"
    if re.fullmatch(r"-?0[0-9]+", value):
        return f"it has a leading zero: write {int(value)}"
    if re.fullmatch(r"-?[0-9]{19,}", value):
        return "it has more than 18 digits, which no count or offset here can need"
    return _words_hint(value)


def _words_hint(value: str) -> str | None:
    """A count typed as the document words it ('eight', 'twenty-one'): the digits it stands for."""
    if not re.fullmatch(r"[A-Za-z]+(?:[- ][A-Za-z]+)*", value):
        return None
    numbers = written_numbers(value)
    return f"it is a number written in words: write it in digits ({max(numbers)})" if numbers else None


def _date_hint(value: str) -> str | None:
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ].*", value):
        return f"it has a time after the date: write the date alone ({value[:10]})"
    if re.fullmatch(r"[0-9]{5}", value):
        day = SPREADSHEET_EPOCH + timedelta(days=int(value))
        return (
            f"it looks like a spreadsheet's day number (that would be {day:%Y-%m-%d}): format the column "
            "as text and write the date as YYYY-MM-DD"
        )
    if re.fullmatch(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}", value):
        return "it is written day/month/year or month/day/year: write YYYY-MM-DD"
    return None
