"""Per-cell rules derived from the metadata source, as pandera checks.

Each check's ``error`` is its rule id; ``cell_words`` turns a failure into plain words for the
curator, worked out from the cell itself, naming an offending character by its Unicode name,
since an invisible character cannot be pointed at. What a cell may hold is the text policy's
(syria_strikes.text_policy); how a column is tested fast is syria_strikes.columnar's.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc

from syria_strikes.columnar import CellTest, each_cell, each_distinct_value, matches
from syria_strikes.metadata import LIST_DELIMITER, Column
from syria_strikes.rules import RuleId
from syria_strikes.text_policy import (
    CONTROL,
    EDGE_CHARS,
    FORMULA_PREFIXES,
    INVISIBLE_CHARS,
    LIST_GAP,
    NOT_VALUE,
    SPREADSHEET_BOOLEANS,
    SPREADSHEET_ERRORS,
    UNCLEAN,
    UNCLEAN_LIST,
    VERBATIM_COLUMNS,
    describe_char,
    id_skeleton,
    whole_cell,
)


def _control_words(char: str) -> str:
    if char in "\n\r\u2028\u2029\x85":
        what = f"a line break ({describe_char(char)})"
    elif char == "\t":
        what = "a tab character"
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        what = f"{describe_char(char)}, which makes text display in another order than it is stored"
    else:
        what = f"the control character {describe_char(char)}"
    return f"contains {what}; cells hold one line of plain text: remove it"


def _edge_words(value: str) -> str:
    if not value.strip(EDGE_CHARS):
        return "holds only spaces or invisible characters; leave it empty when there is no value"
    at_start = value[0] in EDGE_CHARS
    char, where = (value[0], "starts") if at_start else (value[-1], "ends")
    if char == " ":
        return "has leading or trailing whitespace; remove it"
    kind = "an invisible character" if char in INVISIBLE_CHARS else "a space that is not a plain space"
    return f"{where} with {describe_char(char)}, {kind}; delete it (it often comes with copy and paste)"


def hygiene_words(value: str) -> str:
    """Say exactly what is wrong with a cell that failed the combined hygiene pattern."""
    control = re.search(CONTROL, value)
    if control:
        return _control_words(control.group())
    if value and (value[0] in EDGE_CHARS or value[-1] in EDGE_CHARS):
        return _edge_words(value)
    if value[:1] in FORMULA_PREFIXES:
        return (
            f"starts with {value[0]!r}, which spreadsheets run as a formula; rephrase so the cell "
            "starts with another character"
        )
    item = next(item for item in value.split(LIST_DELIMITER) if item[:1] in FORMULA_PREFIXES)
    return (
        f"has the list item {item!r}, which starts with {item[0]!r} and which spreadsheets run as a formula; "
        "rephrase so the item starts with another character"
    )


def placeholder_words(value: str, column: Column) -> str:
    lowered = value.lower()
    if lowered in SPREADSHEET_ERRORS:
        return f"is the spreadsheet error {value}, left by a broken formula; type the value itself"
    if lowered in SPREADSHEET_BOOLEANS:
        return (
            f"is the spreadsheet boolean {value}, not text: the spreadsheet converted the cell; "
            "retype the text (format the column as text first)"
        )
    need = "this column is required, so give the value" if column.required else "leave the cell empty"
    return f"stands for a missing value; an empty cell is the only way to say 'missing': {need}"


def enum_words(value: str, column: Column) -> str:
    assert column.vocabulary is not None
    codes = column.vocabulary.codes
    words = f"is not one of the allowed values: {', '.join(codes)}"
    folded = value.strip(EDGE_CHARS).lower().replace(" ", "_").replace("-", "_")
    return f"{words}; did you mean {folded!r}? codes are lowercase with '_'" if folded in codes else words


def pattern_words(value: str, column: Column) -> str:
    assert column.pattern is not None
    words = f"does not have the required form {column.pattern} (for example {column.example})"
    odd = next((c for c in value if not " " < c < "\x7f"), None)
    if odd is not None:
        digit = unicodedata.decimal(odd, None) is not None
        kind = "a digit that is not 0-9" if digit else "which is not a plain ASCII character"
        words += f"; it contains {describe_char(odd)}, {kind}"
    elif re.fullmatch(column.pattern, value.lower()):
        words += "; it has uppercase letters"
    skeleton = id_skeleton(value)
    if skeleton != value and re.fullmatch(column.pattern, skeleton):
        words += f"; it reads as {skeleton!r} once fixed"
    return words


def _cell_check(test: CellTest, error: RuleId) -> pa.Check:
    """A pandera check of our own. Its tests pass missing cells themselves (``required`` judges
    those), so pandera need not drop them first, which would copy the column for every check."""
    return pa.Check(test, error=error, ignore_na=False)


def column_checks(column: Column) -> list[pa.Check]:
    """The per-cell checks of a column, in the order in which a cell's first failure is reported."""
    checks: list[pa.Check] = []
    cellwise = each_distinct_value if column.vocabulary is not None or column.references is not None else each_cell
    if column.type in ("string", "list"):
        unclean = UNCLEAN_LIST if column.type == "list" else UNCLEAN

        def is_clean(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
            return pc.invert(matches(strings, unclean))

        checks.append(_cell_check(cellwise(is_clean), error="clean_text"))
        if column.vocabulary is None and column.name not in VERBATIM_COLUMNS:
            checks.append(
                _cell_check(cellwise(lambda a: pc.invert(matches(a, NOT_VALUE, ignore_case=True))), error="placeholder")
            )
    if column.vocabulary is not None:
        codes = pyarrow.array(column.vocabulary.codes, type=pyarrow.large_string())
        checks.append(_cell_check(cellwise(lambda a: pc.is_in(a, value_set=codes)), error="enum"))
    if column.pattern is not None:
        whole = whole_cell(column.pattern)
        checks.append(_cell_check(cellwise(lambda a: matches(a, whole)), error="pattern"))
    if column.type == "list":
        checks.append(_cell_check(cellwise(lambda a: pc.invert(matches(a, LIST_GAP))), error="list_items"))
    limit = column.text_limit
    if limit is not None:
        checks.append(_cell_check(cellwise(lambda a: pc.less_equal(pc.utf8_length(a), limit)), error="max_length"))
    if column.minimum is not None:
        checks.append(pa.Check.ge(column.minimum, error="minimum"))
    if column.maximum is not None:
        checks.append(pa.Check.le(column.maximum, error="maximum"))
    return checks


def pattern_matches(cells: pd.Series, pattern: str) -> pd.Series:
    """Whole-cell match of a metadata pattern, exactly as the validator applies it."""
    return each_cell(lambda a: matches(a, whole_cell(pattern)))(cells)


def cell_words(rule: RuleId, column: Column, value: object) -> str:
    """Plain words for a failed per-cell rule."""
    if rule == "clean_text":
        return hygiene_words(str(value))
    if rule == "placeholder":
        return placeholder_words(str(value), column)
    if rule == "required":
        return "is required but empty"
    if rule == "enum":
        return enum_words(str(value), column)
    if rule == "pattern":
        return pattern_words(str(value), column)
    if rule == "list_items":
        return f"has an empty item or spaces around the {LIST_DELIMITER!r} separator"
    if rule == "max_length":
        return f"is {len(str(value))} characters long; the limit for this column is {column.text_limit}"
    if rule == "minimum":
        reason = "; counts and offsets cannot be negative" if column.type == "integer" else ""
        return f"is below the minimum {column.minimum:g}{reason}"
    if rule == "maximum":
        return f"is above the maximum {column.maximum:g}"
    return rule
