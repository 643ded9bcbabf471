"""syria_strikes.column_digests: a rule's cache key changes whenever a column it reads, or the lines
of the rows, changed; an unchanged column read again keeps its digest."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from syria_strikes import column_digests
from syria_strikes.column_digests import block_digests, column_digest, lines_block_digests, lines_digest, whole_digest


def _text(*cells: str | None) -> pd.Series:
    return pd.Series(list(cells), dtype="str")


def _chunked(*chunks: list[str | None]) -> pd.Series:
    """Text cells split into these Arrow chunks, as the CSV reader splits a file into blocks."""
    return pa.chunked_array([pa.array(chunk, pa.large_string()) for chunk in chunks]).to_pandas()


def test_the_same_cells_read_again_have_the_same_digest() -> None:
    assert column_digest(_text("a", None, "b")) == column_digest(_text("a", None, "b"))
    counts = pd.Series([1, None, 3], dtype="Int64")
    assert column_digest(counts) == column_digest(counts.copy())


def test_a_changed_missing_or_moved_cell_changes_the_digest() -> None:
    digests = {
        column_digest(cells)
        for cells in (
            _text("a", None, "b"),
            _text("a", "", "b"),
            _text("a", None, "c"),
            _text("a", "b", None),
            _text("ab", None, ""),
            _text("a", None),
        )
    }
    assert len(digests) == 6


def test_the_same_cells_in_other_chunks_keep_their_digest() -> None:
    """A line made longer by an edit moves every later boundary between the reader's blocks: the
    columns the edit did not touch must keep their digests, and the untouched blocks of rows theirs."""
    cells = ["a", None, "bc", "", "d", "e"]
    layouts = [_chunked(cells), _chunked(cells[:2], cells[2:]), _chunked(cells[:3], [], cells[3:5], cells[5:])]
    assert len({column_digest(layout) for layout in layouts}) == 1
    assert column_digest(layouts[0]) == column_digest(_text(*cells))
    assert len({tuple(block_digests(layout, 4)) for layout in layouts}) == 1


def test_an_empty_chunk_without_buffers_is_hashed_as_no_cells() -> None:
    """Arrow lets an empty chunk carry empty buffers, too small for the offsets a text chunk has."""
    bare = pa.Array.from_buffers(pa.large_string(), 0, [None, pa.py_buffer(b""), pa.py_buffer(b"")])
    cells = pa.chunked_array([pa.array(["a"], pa.large_string()), bare, pa.array(["b"], pa.large_string())])
    assert column_digest(cells.to_pandas()) == column_digest(_text("a", "b"))


def test_cells_moved_between_chunks_or_rows_change_the_digest() -> None:
    """Lengths and nulls are hashed beside the bytes: 'ab','c' is not 'a','bc', nor is a null an empty text."""
    assert column_digest(_chunked(["ab"], ["c"])) != column_digest(_chunked(["a"], ["bc"]))
    assert column_digest(_chunked(["a", None])) != column_digest(_chunked([None, "a"]))
    assert column_digest(_chunked(["a"], [None])) != column_digest(_chunked(["a"], [""]))
    counts = pd.Series([1, None, 3], dtype="Int64")
    assert column_digest(counts) != column_digest(pd.Series([1, 3, None], dtype="Int64"))
    days = pd.Series(pd.to_datetime(["2020-01-01", None]).astype("datetime64[s]"))
    assert column_digest(days) != column_digest(pd.Series(pd.to_datetime([None, "2020-01-01"]).astype("datetime64[s]")))
    flags = pd.Series([True, None, False], dtype="boolean")
    assert column_digest(flags) != column_digest(pd.Series([True, False, None], dtype="boolean"))
    assert column_digest(flags) == column_digest(flags.copy())


def test_the_type_is_part_of_the_digest() -> None:
    assert column_digest(pd.Series([1, 2], dtype="Int64")) != column_digest(pd.Series([1.0, 2.0], dtype="Float64"))


def test_a_slice_is_judged_by_its_own_cells() -> None:
    """A slice shares its buffers with the whole column: its offset and length tell it apart."""
    whole = _text("a", "b", "c", "d")
    assert column_digest(whole.iloc[1:3]) != column_digest(whole.iloc[0:2])
    assert column_digest(whole.iloc[1:3]) != column_digest(whole)


def test_the_lines_digest_follows_the_lines() -> None:
    assert lines_digest(pd.RangeIndex(2, 5)) == lines_digest(pd.Index([2, 3, 4]))
    assert lines_digest(pd.Index([2, 3, 4])) != lines_digest(pd.Index([2, 4, 5]))


def test_dictionary_encoded_columns_with_other_dictionaries_differ() -> None:
    """Their buffers hold only indices: ['x', 'x'] and ['y', 'y'] share them."""
    assert column_digest(pd.Series(["x", "x"], dtype="category")) != column_digest(
        pd.Series(["y", "y"], dtype="category")
    )
    assert column_digest(pd.Series(["x", "y"], dtype="category")) == column_digest(
        pd.Series(["x", "y"], dtype="category")
    )


def test_a_changed_cell_changes_only_its_block() -> None:
    """A block is hashed from its own rows: a slice keeps its parent's buffers, which would make
    every block change with any cell."""
    cells = _text(*[f"note {n}" for n in range(10)])
    edited = cells.copy()
    edited.iloc[5] = "edited"
    before, after = block_digests(cells, 4), block_digests(edited, 4)
    assert len(before) == 3
    assert [b == a for b, a in zip(before, after, strict=True)] == [True, False, True]


def test_block_digests_tell_blocks_apart_by_their_own_values_and_lines() -> None:
    counts = pd.Series([1, 2, None, 1, 2, None], dtype="Int64")
    assert block_digests(counts, 3)[0] == block_digests(counts, 3)[1]
    assert block_digests(_text("x", None), 1) != block_digests(_text(None, "x"), 1)
    assert lines_block_digests(pd.RangeIndex(2, 8), 3) == lines_block_digests(pd.Index([2, 3, 4, 5, 6, 7]), 3)
    assert lines_block_digests(pd.Index([2, 3, 4, 6, 7, 8]), 3)[0] == lines_block_digests(pd.RangeIndex(2, 8), 3)[0]
    assert lines_block_digests(pd.Index([2, 3, 4, 6, 7, 8]), 3)[1] != lines_block_digests(pd.RangeIndex(2, 8), 3)[1]


def test_a_whole_digest_is_the_digest_of_its_blocks_and_changes_with_any_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that digested a column by blocks of ``BLOCK_ROWS`` rows makes its whole digest from
    them; it must be the digest ``column_digest`` takes of the column read whole."""
    monkeypatch.setattr(column_digests, "BLOCK_ROWS", 2)
    cells = _chunked(["a", None, "bc"], ["", "d"])
    assert column_digest(cells) == whole_digest(cells.dtype, len(cells), block_digests(cells, 2))
    assert column_digest(cells) != whole_digest(cells.dtype, len(cells), block_digests(cells, 3))
    assert column_digest(cells) != column_digest(_chunked(["a", None, "bc"], ["", "e"]))
    assert column_digest(_text()) != column_digest(pd.Series([], dtype="Int64"))


def test_digests_taken_for_rules_judging_rows_give_the_whole_digests_taken_plainly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With rows judged in blocks of the digests' size, a column's whole digest comes from the
    blocks taken for those rules; with any other size from blocks of its own. Both are
    ``column_digest``'s."""
    from syria_strikes import validate

    frame = pd.DataFrame({"a": _text("x", None, "y", "z", ""), "b": pd.Series([1, None, 3, 4, 5], dtype="Int64")})
    monkeypatch.setattr(column_digests, "BLOCK_ROWS", 2)
    plain = {name: validate.ColumnDigests({"t": frame})("t", name) for name in ("a", "b", None, "absent")}
    monkeypatch.setattr(validate, "ROW_BLOCK", 2)
    digests = validate.ColumnDigests({"t": frame})
    digests.blocks("t", ["a", "b"])
    assert {name: digests("t", name) for name in ("a", "b", None, "absent")} == plain
