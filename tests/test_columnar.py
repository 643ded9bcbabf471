"""The Arrow helpers of syria_strikes.columnar give the answers of the plain pandas expressions."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from syria_strikes import columnar
from syria_strikes.text_policy import NOT_VALUE, NOT_VALUES, UNCLEAN, UNCLEAN_ASCII, UNCLEAN_LIST, UNCLEAN_LIST_ASCII

TEXT = st.lists(st.one_of(st.none(), st.sampled_from(["", "a", "b", "ab", "a|b", "|a", "b||", "ç", "٤"])), max_size=40)


def _strings(values: list[str | None]) -> pd.Series:
    return pd.Series(values, dtype="str", index=pd.RangeIndex(2, len(values) + 2))


@given(TEXT)
def test_arrow_strings_round_trip(values: list[str | None]) -> None:
    assert columnar.arrow_strings(_strings(values)).to_pylist() == values


@given(TEXT)
def test_duplicated_is_pandas_duplicated(values: list[str | None]) -> None:
    series = _strings(values)
    assert columnar.duplicated(series).tolist() == series.duplicated(keep="first").tolist()


@given(st.lists(st.tuples(st.sampled_from(["x", "y", None]), st.sampled_from([1, 2])), max_size=30))
def test_repeated_rows_is_pandas_duplicated_keep_false(rows: list[tuple[str | None, int]]) -> None:
    frame = pd.DataFrame(rows, columns=["a", "b"]).astype({"a": "str"})
    assert columnar.repeated_rows(frame).tolist() == frame.duplicated(keep=False).tolist()


@given(TEXT, TEXT)
def test_isin_is_pandas_isin(values: list[str | None], known: list[str | None]) -> None:
    series, known_series = _strings(values), _strings(known)
    assert columnar.isin(series, known_series).tolist() == series.isin(known_series).tolist()


@given(TEXT)
def test_list_items_are_the_non_empty_items_by_line(values: list[str | None]) -> None:
    series = _strings(values)
    expected = [
        (line, item) for line, cell in series.items() if isinstance(cell, str) for item in cell.split("|") if item
    ]
    items = columnar.list_items(series)
    assert list(zip(items.index, items, strict=True)) == expected


def test_one_array_joins_chunks_only_when_there_are_some() -> None:
    plain = pa.array(["a"])
    assert columnar.one_array(plain) is plain
    assert columnar.one_array(pa.chunked_array([["a"], ["b"]])).to_pylist() == ["a", "b"]


@given(TEXT)
def test_first_by_key_is_the_first_row_of_each_present_key(keys: list[str | None]) -> None:
    frame = pd.DataFrame({"key": _strings(keys), "at": range(len(keys))}, index=_strings(keys).index)
    expected: dict[str, int] = {}
    for at, key in enumerate(keys):
        if key is not None:
            expected.setdefault(key, at)
    first = columnar.first_by_key(frame, "key")
    assert dict(zip(first.index.tolist(), first["at"].tolist(), strict=True)) == expected
    assert first.index.name == "key"


def test_first_match_dates_takes_the_first_row_per_key() -> None:
    """A missing key finds no date, even where a row's key is missing too: a blank names no row."""
    frame = pd.DataFrame(
        {"key": ["a", "b", "a", None], "day": pd.to_datetime(["2020-01-01", "2020-01-02", "2021-01-01", "2022-01-01"])}
    ).astype({"key": "str"})
    found = columnar.first_match_dates(pa.array(["a", "c", None, "b"]), frame, "key", "day")
    expected = frame.drop_duplicates("key").set_index("key")["day"]
    assert [str(day)[:10] if not np.isnat(day) else "NaT" for day in found] == [
        str(expected["a"])[:10],
        "NaT",
        "NaT",
        str(expected["b"])[:10],
    ]


@pytest.mark.parametrize("threshold", [0, 10_000])
@given(values=TEXT)
def test_each_distinct_value_answers_as_each_cell(threshold: int, values: list[str | None]) -> None:
    """Testing each distinct value once gives every row the answer testing it alone would."""
    series = _strings(values)
    test = lambda strings: columnar.matches(strings, "a")  # noqa: E731
    by_cell = columnar.each_cell(test)(series)
    original = columnar.PER_VALUE_FROM_ROWS
    columnar.PER_VALUE_FROM_ROWS = threshold
    try:
        by_value = columnar.each_distinct_value(test)(series)
    finally:
        columnar.PER_VALUE_FROM_ROWS = original
    assert by_value.tolist() == by_cell.tolist()
    assert by_cell.tolist() == [cell is None or "a" in cell for cell in values]


def test_lines_by_column_groups_cells_in_line_order() -> None:
    cells = {(5, "quote"), (2, "quote"), (3, "claim_id"), (9, "quote")}
    assert columnar.lines_by_column(cells) == {"claim_id": [3], "quote": [2, 5, 9]}
    assert columnar.lines_by_column(set()) == {}


@given(TEXT, st.lists(st.booleans(), min_size=40, max_size=40))
def test_text_series_of_only_where_is_pandas_where(values: list[str | None], keep: list[bool]) -> None:
    """The reader blanks cells in Arrow and wraps them as pandas' ``str`` without a copy; the
    column must equal ``cells.where(keep, None)`` in dtype, index and every value."""
    series = _strings(values)
    mask = keep[: len(values)]
    blanked = columnar.text_series(
        columnar.only_where(columnar.arrow_strings(series), pa.chunked_array([pa.array(mask, pa.bool_())])),
        series.index,
    )
    expected = series.where(pd.Series(mask, index=series.index, dtype=bool), None).astype("str")
    pd.testing.assert_series_equal(blanked, expected)


CELL_TEXT = st.lists(
    st.one_of(
        st.none(),
        st.text(
            alphabet=st.sampled_from(list(" \t\x00\x7f=+-@|aZ#/?.!\u00a0\u200b\u061c\u2028\u212a\u017fçnulfase")),
            max_size=8,
        ),
        st.sampled_from(["N/A", "nULL", "#Div/0!", "TRUE", "fal\u017fe", "\u212aNone", " x", "x ", "=1", "a|=b"]),
    ),
    max_size=12,
)


@given(CELL_TEXT)
def test_matches_text_answers_as_the_full_pattern(values: list[str | None]) -> None:
    """The ASCII forms of the hygiene patterns give the full patterns' answer on every column, mixed
    or not: a column is tested with the short form only when every cell is ASCII."""
    for cells in (values, [v for v in values if v is None or v.isascii()]):
        strings = columnar.arrow_strings(_strings(cells))
        for full, short in ((UNCLEAN, UNCLEAN_ASCII), (UNCLEAN_LIST, UNCLEAN_LIST_ASCII)):
            assert (
                columnar.matches_text(strings, full, short).to_pylist() == columnar.matches(strings, full).to_pylist()
            )


@given(CELL_TEXT)
def test_is_word_in_any_case_answers_as_the_case_blind_pattern(values: list[str | None]) -> None:
    words = pa.array(sorted(NOT_VALUES), type=pa.large_string())
    for cells in (values, [v for v in values if v is None or v.isascii()]):
        strings = columnar.arrow_strings(_strings(cells))
        expected = columnar.matches(strings, NOT_VALUE, ignore_case=True).to_pylist()
        assert columnar.is_word_in_any_case(strings, NOT_VALUE, words).to_pylist() == expected


QUOTE = st.one_of(
    st.none(),
    st.lists(
        st.sampled_from(["0", "1", "24", "2020", " ", ",", ".", "x", "٤", "F-", "T", "-", "May ", "Feb. "]), max_size=12
    ).map("".join),
)


@given(st.lists(st.tuples(QUOTE, st.integers(min_value=-1, max_value=10**6)), max_size=30))
@example([("\u0664May 0", 0)])  # an Arabic digit before a month: a word boundary to RE2, none to Python's \\b
@example([("May\u20090", 0)])  # a thin space: a space to Python's Unicode \\s, none to RE2's
def test_counts_in_digits_finds_a_count_exactly_when_an_ascii_run_of_digits_is_it(
    rows: list[tuple[str | None, int]],
) -> None:
    """The Arrow answer is the plain one, and never finds a count that written_numbers does not. Digits
    after a capital, or a capital and a hyphen ('F-16'), name a model, not a count."""
    from syria_strikes.written_numbers import NOT_COUNTS, written_numbers

    quotes = pa.chunked_array([pa.array([quote for quote, _ in rows], pa.string())])
    counts = np.array([[count] for _, count in rows], dtype=np.int64).reshape(len(rows), 1)
    found = columnar.counts_in_digits(quotes, counts)[:, 0].tolist()
    plain = [
        count >= 0
        and quote is not None
        and count
        in {int(run) for run in re.findall("[0-9]+", re.sub(NOT_COUNTS, " ", quote, flags=re.ASCII)) if len(run) <= 18}
        for quote, count in rows
    ]
    assert found == plain
    hits = [(quote, count) for (quote, count), hit in zip(rows, found, strict=True) if hit]
    assert all(quote is not None and count in written_numbers(quote) for quote, count in hits)


PAIRS = st.lists(st.tuples(st.sampled_from(["a", "b", None]), st.sampled_from(["x", "y", None])), max_size=12)


@given(PAIRS, PAIRS)
def test_pairs_isin_is_a_merge_that_never_matches_a_missing_part(
    pairs: list[tuple[str | None, str | None]], known: list[tuple[str | None, str | None]]
) -> None:
    def columns(rows: list[tuple[str | None, str | None]]) -> tuple[pd.Series, pd.Series]:
        return _strings([a for a, _ in rows]), _strings([b for _, b in rows])

    complete = {pair for pair in known if None not in pair}
    expected = [None not in pair and pair in complete for pair in pairs]
    assert columnar.pairs_isin(columns(pairs), columns(known)).tolist() == expected
