"""Every rule fails on a planted error, at the right place, and passes on the real dataset."""

from __future__ import annotations

import pytest
from dataset import Dataset
from mutations import CATALOGUE, Mutation

from syria_strikes import columnar, validate
from syria_strikes.checks import schema


def test_real_dataset_is_valid(dataset: Dataset) -> None:
    code, problems = dataset.validate()
    assert problems == []
    assert code == 0


@pytest.mark.parametrize("mutation", CATALOGUE, ids=[m.name for m in CATALOGUE])
def test_corruption_is_caught_where_it_was_planted(dataset: Dataset, mutation: Mutation) -> None:
    expected = mutation.apply(dataset)
    code, problems = dataset.validate()
    assert code == 1
    located = [
        p
        for p in problems
        if (p["table"], p["row"], p["column"], p["rule"])
        == (expected.table, expected.row, expected.column, expected.rule)
    ]
    assert located, f"expected {expected}, got {problems}"
    if expected.exact:
        assert len(problems) == 1, problems
    assert all(p["message"] and p["rule"] for p in problems)


SIDE_BY_SIDE_SAMPLE = (
    "stray quote inside an unquoted cell",
    "every cell quoted (spreadsheet 'quote all text cells')",
    "wrong type: word in an integer column",
    "header row pasted again in the middle",
    "row of empty cells left by a spreadsheet",
    "value outside its enum",
    "'N/A' written for missing free text",
    "zero-width space before a referenced ID",
    "duplicate ID",
    "dangling item inside the reporting chain",
    "quote not at its offsets",
    "the same claim entered twice under two IDs",
)


@pytest.mark.parametrize("name", SIDE_BY_SIDE_SAMPLE)
def test_large_file_paths_report_exactly_the_same_problems(
    dataset: Dataset, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large data takes other paths: files read and checked on threads, a table checked in
    parts, rules run once per distinct value. Forced on for the small real dataset, they must report
    exactly what the plain paths report."""
    [mutation] = [m for m in CATALOGUE if m.name == name]
    mutation.apply(dataset)
    plain = dataset.validate()
    monkeypatch.setattr(validate, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(schema, "ROWS_PER_PART", 10)
    monkeypatch.setattr(columnar, "PER_VALUE_FROM_ROWS", 0)
    assert dataset.validate() == plain
    assert plain[0] == 1
