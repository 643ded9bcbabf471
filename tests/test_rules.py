"""Every rule fails on a planted error, at the right place, and passes on the real dataset."""

from __future__ import annotations

import pytest
from dataset import Dataset
from mutations import CATALOGUE, Mutation


def test_real_dataset_is_valid(dataset: Dataset) -> None:
    code, problems = dataset.validate()
    assert problems == []
    assert code == 0


@pytest.mark.parametrize("mutation", CATALOGUE, ids=[m.name for m in CATALOGUE])
def test_corruption_is_caught_where_it_was_planted(dataset: Dataset, mutation: Mutation) -> None:
    expected = mutation.apply(dataset)
    code, problems = dataset.validate()
    assert code == 1
    located = [p for p in problems if (p["table"], p["row"], p["column"], p["rule"])
               == (expected.table, expected.row, expected.column, expected.rule)]
    assert located, f"expected {expected}, got {problems}"
    if expected.exact:
        assert len(problems) == 1, problems
    assert all(p["message"] and p["rule"] for p in problems)
