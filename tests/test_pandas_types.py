"""The loader's pandas frames behave as a pandas user expects: one string dtype, full vocabularies,
dates that compare, resample and merge, lists that stay lists."""

from __future__ import annotations

import pandas as pd
import pytest

import syria_strikes
from syria_strikes.metadata import TABLES


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return syria_strikes.load_all()


@pytest.fixture(scope="module")
def summary() -> pd.DataFrame:
    return syria_strikes.event_summary()


def _text_dtypes(frames: dict[str, pd.DataFrame]) -> set[object]:
    return {
        frames[declared.name][column.name].dtype
        for declared in TABLES
        for column in declared.columns
        if column.type == "string" and column.vocabulary is None
    }


def test_ids_and_text_share_one_string_dtype_in_load_load_all_and_event_summary(
    frames: dict[str, pd.DataFrame], summary: pd.DataFrame
) -> None:
    (text,) = _text_dtypes(frames)
    assert syria_strikes.load("claims")["claim_id"].dtype == text
    assert {summary[name].dtype for name in ("event_id", "stances", "contested_predicates")} == {text}


def test_merging_the_summary_with_loaded_tables_keeps_the_key_dtypes(
    frames: dict[str, pd.DataFrame], summary: pd.DataFrame
) -> None:
    claims = frames["claims"]
    merged = summary.merge(claims, on=["event_id", "predicate"])
    assert merged["event_id"].dtype == claims["event_id"].dtype
    assert merged["predicate"].dtype == claims["predicate"].dtype
    assert len(merged) == len(claims)
    with_events = summary.merge(frames["events"], on=["event_id", "category"])
    assert with_events["category"].dtype == frames["events"]["category"].dtype


def test_categoricals_carry_the_full_vocabulary_everywhere(
    frames: dict[str, pd.DataFrame], summary: pd.DataFrame
) -> None:
    for declared in TABLES:
        for column in declared.columns:
            if column.vocabulary is not None:
                categories = frames[declared.name][column.name].cat.categories
                assert list(categories) == list(column.vocabulary.codes), column.name
    claims = frames["claims"]
    for name in ("predicate", "unit"):
        assert summary[name].dtype == claims[name].dtype, name


def test_lists_stay_lists_and_describe_says_how_to_flatten_them(frames: dict[str, pd.DataFrame]) -> None:
    for declared in TABLES:
        for column in declared.columns:
            if column.type == "list":
                values = frames[declared.name][column.name].dropna()
                assert all(isinstance(value, list) for value in values.tolist()), column.name
                hint = f'load("{declared.name}").explode("{column.name}")'
                assert hint in syria_strikes.describe(declared.name, column.name)
                assert hint in syria_strikes.describe(declared.name)
    aliases = frames["actors"]["aliases"]
    exploded = frames["actors"].explode("aliases")
    assert len(exploded) == int(aliases.dropna().map(len).sum()) + int(aliases.isna().sum())
    assert set(exploded["aliases"].dropna()) == {item for items in aliases.dropna() for item in items}
