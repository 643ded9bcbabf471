"""Per-cell rules derived from the metadata source, as pandera checks.

Each check's ``error`` is its rule id; the rule's wording in syria_strikes.rules turns a failure
into plain words for the curator, worked out from the column and the cell. What a cell may hold
is the text policy's (syria_strikes.text_policy); how a column is tested fast is
syria_strikes.columnar's.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute as pc

from syria_strikes.columnar import (
    ArrowTest,
    CellTest,
    each_cell,
    each_distinct_value,
    every_cell_ascii,
    is_word_in_any_case,
    matches,
    matches_text,
    no_item_twice,
)
from syria_strikes.metadata import CodeStandard, Column
from syria_strikes.rules import RuleId
from syria_strikes.text_policy import (
    AS_THE_SEED_WRITES,
    CJK_CLASS,
    INVISIBLE_INSIDE_CLASS,
    INVISIBLE_WHERE_NEEDED_CLASS,
    LIST_GAP,
    LOOKALIKE_FORMS_CLASS,
    MATHEMATICAL_FORMS_CLASS,
    MIXED_SCRIPT,
    MOJIBAKE_HINT,
    NEEDS_INVISIBLE_CLASS,
    NOT_VALUE,
    NOT_VALUES,
    SEED_TEXT_COLUMNS,
    UNCLEAN,
    UNCLEAN_ASCII,
    UNCLEAN_LIST,
    UNCLEAN_LIST_ASCII,
    VERBATIM_COLUMNS,
    mojibake,
    whole_cell,
)

_NOT_VALUE_WORDS = pyarrow.array(sorted(NOT_VALUES), type=pyarrow.large_string())
# Lists whose repeated items a rule of the claim's own reports, with the claim's source or event:
# relay_chain (relayed_via) and claim_events (other_event_ids).
_REPEATS_JUDGED_WITH_THE_ROW = frozenset({"relayed_via", "other_event_ids"})


def _cell_check(test: CellTest, error: RuleId) -> pa.Check:
    """A pandera check of our own. Its tests pass missing cells themselves (``required`` judges
    those), so pandera need not drop them first, which would copy the column for every check."""
    return pa.Check(test, error=error, ignore_na=False)


def _no_mojibake(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
    """Cells free of UTF-8 read as Windows-1252; only the few cells the hint matches are decoded."""
    if every_cell_ascii(strings):
        return pc.is_valid(strings)
    hinted = matches(strings, MOJIBAKE_HINT)
    if not pc.any(hinted).as_py():
        return pc.invert(hinted)
    hinted = pc.fill_null(hinted, False)
    rows = pc.indices_nonzero(hinted)
    clean = pc.invert(hinted).to_numpy(zero_copy_only=False)
    clean[rows.to_numpy()] = [not mojibake(cell) for cell in pc.take(strings, rows).to_pylist()]
    return pyarrow.chunked_array([pyarrow.array(clean)])


def _nothing_found(pattern: str) -> ArrowTest:
    """Cells in which ``pattern``, which matches only characters beyond ASCII, finds nothing: a
    column of ASCII alone is not searched at all."""

    def test(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
        if every_cell_ascii(strings):
            return pc.is_valid(strings)
        return pc.invert(matches(strings, pattern))

    return test


# Cells where no Latin, Greek or Cyrillic letter stands next to one of another of these scripts.
_one_script_a_word = _nothing_found(MIXED_SCRIPT)


# Cells without a zero-width space, soft hyphen, word joiner or the like anywhere in them.
def _nothing_invisible(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
    """Cells without an invisible character no word needs, nor one that a script or emoji needs
    (a joiner, a variation selector ...) where nothing needs it (text_policy)."""
    if every_cell_ascii(strings):
        return pc.is_valid(strings)
    found = matches(strings, INVISIBLE_INSIDE_CLASS)
    marks = matches(strings, INVISIBLE_WHERE_NEEDED_CLASS)
    if pc.any(marks).as_py():
        found = pc.or_(found, pc.and_(marks, pc.invert(matches(strings, NEEDS_INVISIBLE_CLASS))))
    return pc.invert(found)


def _no_lookalike_form(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
    """Cells without a compatibility form of a plain letter or digit: a mathematical one anywhere, the
    others (fullwidth, circled ...) outside text of the scripts that write them (text_policy)."""
    if every_cell_ascii(strings):
        return pc.is_valid(strings)
    forms = matches(strings, LOOKALIKE_FORMS_CLASS)
    if not pc.any(forms).as_py():
        return pc.invert(forms)
    asian = matches(strings, CJK_CLASS)
    mathematical = matches(strings, MATHEMATICAL_FORMS_CLASS)
    return pc.invert(pc.or_(mathematical, pc.and_(forms, pc.invert(asian))))


def _listed_in(standard: CodeStandard) -> ArrowTest:
    """Cells whose code (or first subtag) the standard lists; a cell not even of the column's form
    is reported once, by the pattern, which comes first."""
    known = pyarrow.array(sorted(standard.codes), type=pyarrow.large_string())

    def test(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
        codes = pc.list_element(pc.split_pattern(strings, "-", max_splits=1), 0) if standard.first_subtag else strings
        return pc.is_in(codes, value_set=known)

    return test


def column_checks(column: Column) -> list[pa.Check]:
    """The per-cell checks of a column, in the order in which a cell's first failure is reported."""
    checks: list[pa.Check] = []
    cellwise = each_distinct_value if column.vocabulary is not None or column.references is not None else each_cell
    if column.type in ("string", "list"):
        unclean, unclean_ascii = (
            (UNCLEAN_LIST, UNCLEAN_LIST_ASCII) if column.type == "list" else (UNCLEAN, UNCLEAN_ASCII)
        )

        def is_clean(strings: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
            return pc.invert(matches_text(strings, unclean, unclean_ascii))

        checks.append(_cell_check(cellwise(is_clean), error="clean_text"))
        if column.vocabulary is None and column.name not in VERBATIM_COLUMNS:
            checks.append(
                _cell_check(
                    cellwise(lambda a: pc.invert(is_word_in_any_case(a, NOT_VALUE, _NOT_VALUE_WORDS))),
                    error="placeholder",
                )
            )
        if column.name not in SEED_TEXT_COLUMNS:
            checks.append(_cell_check(cellwise(_no_mojibake), error="mojibake"))
            if column.pattern is None:  # an ID's letters are its pattern's to judge
                checks.append(_cell_check(cellwise(_one_script_a_word), error="mixed_script"))
                checks.append(_cell_check(cellwise(_nothing_invisible), error="invisible_char"))
                if column.name not in AS_THE_SEED_WRITES:
                    checks.append(_cell_check(cellwise(_no_lookalike_form), error="lookalike_form"))
    if column.vocabulary is not None:
        codes = pyarrow.array(column.vocabulary.codes, type=pyarrow.large_string())
        checks.append(_cell_check(cellwise(lambda a: pc.is_in(a, value_set=codes)), error="enum"))
    if column.pattern is not None:
        whole = whole_cell(column.pattern)
        checks.append(_cell_check(cellwise(lambda a: matches(a, whole)), error="pattern"))
    if column.standard is not None:
        checks.append(_cell_check(cellwise(_listed_in(column.standard)), error="standard_code"))
    if column.type == "list":
        checks.append(_cell_check(cellwise(lambda a: pc.invert(matches(a, LIST_GAP))), error="list_items"))
        if column.name not in _REPEATS_JUDGED_WITH_THE_ROW:
            checks.append(_cell_check(cellwise(no_item_twice), error="list_repeats"))
    limit = column.text_limit
    if limit is not None:
        checks.append(_cell_check(cellwise(lambda a: pc.less_equal(pc.utf8_length(a), limit)), error="max_length"))
    if isinstance(column.minimum, str):  # a date column's first day
        checks.append(pa.Check.ge(pd.Timestamp(column.minimum), error="minimum"))
    elif column.minimum is not None:
        checks.append(pa.Check.ge(column.minimum, error="minimum"))
    if column.maximum is not None:
        checks.append(pa.Check.le(column.maximum, error="maximum"))
    return checks


def pattern_matches(cells: pd.Series, pattern: str) -> pd.Series:
    """Whole-cell match of a metadata pattern, exactly as the validator applies it."""
    return each_cell(lambda a: matches(a, whole_cell(pattern)))(cells)
