"""Per-cell rules derived from the metadata source, for pandera.

Each rule is a pandera check whose ``error`` is a short rule name; ``cell_words`` turns it into
plain words for the curator. Cell hygiene (spaces, invisible characters, control characters,
spreadsheet formula prefixes) is one combined pattern, because on a million rows one pass per
column matters; the message for a failing cell is worked out from the cell itself, and names the
offending character by its Unicode name, since an invisible character cannot be pointed at.

Character classes are spelled out code point by code point instead of with ``\\s`` or ``\\d``:
pandas runs a pattern either with Python's ``re`` or with pyarrow's RE2, whose ``\\s`` and ``\\d``
mean different things, and a rule must not change with the engine.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc

from syria_strikes.metadata import LIST_DELIMITER, Column


def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(code) for start, end in ranges for code in range(start, end + 1))


def _class(chars: str) -> str:
    """A regex character class both engines read alike: Latin-1 as \\xHH, the rest literally."""
    return "[" + "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else c for c in chars) + "]"


# Never allowed in a cell: C0/C1 controls (tab, line breaks, NUL), the Unicode line and paragraph
# separators, and the bidirectional embedding/override/isolate controls, which make a cell display
# in an order other than the one it is stored in.
CONTROL_CHARS = _chars((0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), (0x202A, 0x202E), (0x2066, 0x2069))
# Never allowed at either edge of a cell: every Unicode space, and the invisible format characters
# (soft hyphen, zero-width space/joiners, direction marks, word joiner, byte-order mark). Inside
# text, non-breaking spaces and joiners can be legitimate, so only the edges are policed there.
INVISIBLE_CHARS = _chars((0xAD, 0xAD), (0x180E, 0x180E), (0x200B, 0x200F), (0x2060, 0x2064), (0xFEFF, 0xFEFF))
EDGE_CHARS = (
    _chars(
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
    )
    + INVISIBLE_CHARS
)
FORMULA_PREFIXES = "=+-@"

_EDGE = _class(EDGE_CHARS)
_CONTROL = _class(CONTROL_CHARS)
UNCLEAN = f"^{_EDGE}|^[=+\\-@]|{_EDGE}$|{_CONTROL}"
LIST_GAP = f"(?:^|\\|)(?:\\||$)|{_EDGE}\\||\\|{_EDGE}"

# Words that stand for "no value" or that a spreadsheet writes in place of one. An empty cell is
# the only spelling of missing; everything here is refused in free text and references, so that a
# literal "N/A" never reaches a researcher as if a source had said it.
PLACEHOLDERS = frozenset({"na", "n/a", "n.a.", "#n/a", "null", "none", "nil", "nan", "tbd", "todo", "?"})
SPREADSHEET_BOOLEANS = frozenset({"true", "false"})
SPREADSHEET_ERRORS = frozenset(
    {
        "#ref!",
        "#value!",
        "#name?",
        "#div/0!",
        "#num!",
        "#null!",
        "#spill!",
        "#calc!",
        "#field!",
        "#blocked!",
        "#connect!",
        "#busy!",
        "#unknown!",
        "#getting_data",
    }
)
NOT_VALUES = PLACEHOLDERS | SPREADSHEET_BOOLEANS | SPREADSHEET_ERRORS
# A quote is verbatim from its seed, which the provenance check proves; it may say anything.
VERBATIM_COLUMNS = frozenset({"quote"})

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_LOOKALIKES = {
    **dict.fromkeys(_DASHES, "-"),
    # Cyrillic and Greek letters that render like Latin ones in most fonts.
    "\u0430": "a",
    "\u0435": "e",
    "\u043e": "o",
    "\u0440": "p",
    "\u0441": "c",
    "\u0443": "y",
    "\u0445": "x",
    "\u0456": "i",
    "\u0458": "j",
    "\u0455": "s",
    "\u0501": "d",
    "\u04bb": "h",
    "\u03bf": "o",
    "\u03b1": "a",
    "\u03bd": "v",
    "\u03b9": "i",
    "\u03ba": "k",
}


_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def describe_char(char: str) -> str:
    """U+200B ZERO WIDTH SPACE: the only way to point at a character a curator cannot see."""
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(char, "(a control character)")
    return f"U+{ord(char):04X} {name}"


def id_skeleton(value: str) -> str:
    """The ASCII ID a mistyped one was most likely meant to be.

    Used to keep a damaged key usable for references (so one typo gives one message, not one per
    referencing row) and to tell the curator what the ID reads as once fixed.
    """
    text = unicodedata.normalize("NFKC", value).strip(EDGE_CHARS)
    kept = []
    for char in text:
        if char in INVISIBLE_CHARS:
            continue
        digit = unicodedata.decimal(char, None)
        kept.append(str(digit) if digit is not None else _LOOKALIKES.get(char, char))
    return "".join(kept).lower()


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
    control = re.search(_CONTROL, value)
    if control:
        return _control_words(control.group())
    if value and (value[0] in EDGE_CHARS or value[-1] in EDGE_CHARS):
        return _edge_words(value)
    return (
        f"starts with {value[0]!r}, which spreadsheets run as a formula; rephrase so the cell "
        "starts with another character"
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


def _cell_check(test: CellTest, error: str) -> pa.Check:
    """A pandera check of our own. Its tests pass missing cells themselves (``required`` judges
    those), so pandera need not drop them first, which would copy the column for every check."""
    return pa.Check(test, error=error, ignore_na=False)


def column_checks(column: Column) -> list[pa.Check]:
    """The per-cell checks of a column, in the order in which a cell's first failure is reported."""
    checks: list[pa.Check] = []
    cellwise = _each_distinct_value if column.vocabulary is not None or column.references is not None else _each_cell
    if column.type in ("string", "list"):
        checks.append(_cell_check(cellwise(lambda a: pc.invert(_contains(a, UNCLEAN))), error="clean_text"))
        if column.vocabulary is None and column.name not in VERBATIM_COLUMNS:
            checks.append(
                _cell_check(
                    cellwise(lambda a: pc.invert(_contains(a, _NOT_VALUE, ignore_case=True))), error="placeholder"
                )
            )
    if column.vocabulary is not None:
        codes = pyarrow.array(column.vocabulary.codes, type=pyarrow.large_string())
        checks.append(_cell_check(cellwise(lambda a, codes=codes: pc.is_in(a, value_set=codes)), error="enum"))
    if column.pattern is not None:
        whole = _whole(column.pattern)
        checks.append(_cell_check(cellwise(lambda a, p=whole: _contains(a, p)), error="pattern"))
    if column.type == "list":
        checks.append(_cell_check(cellwise(lambda a: pc.invert(_contains(a, LIST_GAP))), error="list_items"))
    limit = column.text_limit
    if limit is not None:
        checks.append(_cell_check(cellwise(lambda a, n=limit: pc.less_equal(pc.utf8_length(a), n)), error="max_length"))
    if column.minimum is not None:
        checks.append(pa.Check.ge(column.minimum, error="minimum"))
    if column.maximum is not None:
        checks.append(pa.Check.le(column.maximum, error="maximum"))
    return checks


# A cell that is one of NOT_VALUES in any letter case. Python's re and RE2 read this alike.
_NOT_VALUE = "^(?:" + "|".join(re.escape(word) for word in sorted(NOT_VALUES)) + ")$"


def _whole(pattern: str) -> str:
    """A metadata pattern (declared with ^ and $) as a whole-cell match, whatever alternations it holds."""
    return f"^(?:{pattern.removeprefix('^').removesuffix('$')})$"


def _contains(strings: pyarrow.ChunkedArray, pattern: str, ignore_case: bool = False) -> pyarrow.ChunkedArray:
    return pc.match_substring_regex(strings, pattern, ignore_case=ignore_case)


def pattern_matches(cells: pd.Series, pattern: str) -> pd.Series:
    """Whole-cell match of a metadata pattern, exactly as the validator applies it."""
    return _each_cell(lambda a: _contains(a, _whole(pattern)))(cells)


ArrowTest = Callable[[pyarrow.ChunkedArray], pyarrow.ChunkedArray]
CellTest = Callable[[pd.Series], pd.Series]
PER_VALUE_FROM_ROWS = 10_000


def arrow_strings(cells: pd.Series) -> pyarrow.ChunkedArray:
    """The Arrow strings behind a text column, without a copy: pandas keeps str columns in Arrow."""
    values = cells.array
    arrow = values.__arrow_array__() if hasattr(values, "__arrow_array__") else pyarrow.array(cells, from_pandas=True)
    return arrow if isinstance(arrow, pyarrow.ChunkedArray) else pyarrow.chunked_array([arrow])


def _each_cell(test: ArrowTest) -> CellTest:
    """Run a test on the column's Arrow strings; a missing cell passes (``required`` judges it).

    The tests call pyarrow's kernels (RE2 for patterns) directly. pandas' string methods would
    call the same kernels, but first scan the column to decide whether a pattern needs Python's
    ``re`` instead, and switch engines on some data, so that a rule could change with the data.
    """

    def test_each_cell(cells: pd.Series) -> pd.Series:
        strings = arrow_strings(cells)
        passed = pc.fill_null(pc.or_kleene(pc.is_null(strings), test(strings)), True)
        return pd.Series(passed.to_numpy(zero_copy_only=False), index=cells.index)

    return test_each_cell


def _each_distinct_value(test: ArrowTest) -> CellTest:
    """Run a test once per distinct value and give each row its value's answer.

    Codes of a vocabulary and references to other tables repeat: a million claims name some
    thousands of events and actors, so testing each name once instead of each row saves most of
    the work. The answer for every row is the answer the test gives for its value. A short
    column is tested as it is: finding its distinct values would cost more than it saves.
    """
    each_cell = _each_cell(test)

    def test_each_value_once(cells: pd.Series) -> pd.Series:
        if len(cells) < PER_VALUE_FROM_ROWS:
            return each_cell(cells)
        codes, distinct = _distinct_values(cells)
        passed = each_cell(pd.Series(distinct, dtype=cells.dtype)).to_numpy(dtype=bool)
        return pd.Series(np.where(codes < 0, True, passed[codes]), index=cells.index)

    return test_each_value_once


_factorized = threading.local()


def _distinct_values(cells: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """pandas.factorize of the column, worked out once for all of its checks.

    pandera hands each check of a column the same array, so the last answer is kept, per
    thread, with the array it belongs to (which also keeps that array's id from being reused).
    """
    values = cells.array
    kept = getattr(_factorized, "last", None)
    if kept is None or kept[0] is not values:
        kept = (values, *pd.factorize(cells))
        _factorized.last = kept
    return kept[1], kept[2]


def cell_words(rule: str, column: Column, value: object) -> str:
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
