"""The loader's pandas frames behave as a pandas user expects: one string dtype, full vocabularies,
dates that compare, resample and merge, lists that stay lists."""

from __future__ import annotations

import csv

import pandas as pd
import pyarrow as pa
import pytest

import syria_strikes
from syria_strikes.metadata import TABLES, table
from tests.support.dataset import REPO


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


def test_counting_lists_needs_them_exploded_as_the_docs_say(frames: dict[str, pd.DataFrame]) -> None:
    """The README, the data dictionary and describe() say that pandas refuses to count or deduplicate
    list cells, and how to do it instead: both halves hold (a pandas that learns to hash lists makes
    the warning stale, and this test says so)."""
    claims = frames["claims"]
    lists = [column.name for column in table("claims").columns if column.type == "list"]
    for refused in (claims.drop_duplicates, claims.nunique, lambda: claims["value_code"].value_counts()):
        with pytest.raises((TypeError, pa.ArrowNotImplementedError)):
            refused()
    assert len(claims.drop(columns=lists).drop_duplicates()) == len(claims)
    codes = claims.explode("value_code")["value_code"].value_counts()
    assert codes.sum() == sum(len(items) for items in claims["value_code"].dropna())
    assert "pandas cannot hash a list" in syria_strikes.describe("claims", "value_code")


def _csv_dates(column: str) -> list[str | None]:
    with (REPO / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        return [row[column] or None for row in csv.DictReader(handle)]


@pytest.fixture(scope="module")
def events(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return frames["events"]


def test_dates_are_datetime64_without_a_time_part(events: pd.DataFrame) -> None:
    for column in ("date_start", "date_end"):
        dates = events[column]
        assert pd.api.types.is_datetime64_dtype(dates.dtype), dates.dtype
        assert dates.dtype == pd.Series(pd.to_datetime(["2020-01-14"])).dtype  # the unit pandas parses to
        assert (dates.dropna() == dates.dropna().dt.normalize()).all()
        assert [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in dates] == _csv_dates(column)


def test_dates_compare_with_strings_and_timestamps(events: pd.DataFrame) -> None:
    expected = [d is not None and d >= "2020-01-10" for d in _csv_dates("date_start")]
    assert (events["date_start"] >= "2020-01-10").tolist() == expected
    assert (events["date_start"] >= pd.Timestamp("2020-01-10")).tolist() == expected
    assert len(events[events["date_start"] >= "2020-01-10"]) == sum(expected)


def test_dt_accessors(events: pd.DataFrame) -> None:
    years = events["date_start"].dt.year
    assert [None if pd.isna(y) else int(y) for y in years] == [
        None if d is None else int(d[:4]) for d in _csv_dates("date_start")
    ]
    assert set(events["date_end"].dt.day_name().dropna()) <= {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    }


def test_resample_counts_events_per_month(events: pd.DataFrame) -> None:
    monthly = events.dropna(subset=["date_start"]).resample("MS", on="date_start").size()
    assert int(monthly.sum()) == events["date_start"].notna().sum()
    starts = [d for d in _csv_dates("date_start") if d is not None]
    assert int(monthly[pd.Timestamp("2020-01-01")]) == sum(d.startswith("2020-01") for d in starts)


def test_to_period(events: pd.DataFrame) -> None:
    periods = events["date_start"].dt.to_period("M")
    assert [None if pd.isna(p) else str(p) for p in periods] == [
        None if d is None else d[:7] for d in _csv_dates("date_start")
    ]


def test_merge_asof_with_dates_a_user_parsed(events: pd.DataFrame) -> None:
    """A reader's own dates, parsed by pandas, line up with the loader's without a cast."""
    phases = pd.DataFrame({"since": pd.to_datetime(["2020-01-01", "2021-01-01"]), "phase": ["2020", "2021"]})
    dated = events.dropna(subset=["date_start"]).sort_values("date_start")
    joined = pd.merge_asof(dated, phases, left_on="date_start", right_on="since")
    assert (joined["phase"] == joined["date_start"].dt.year.astype(str)).all()


def test_arrow_and_polars_keep_date32() -> None:
    arrow = syria_strikes.load("events", backend="pyarrow")
    assert arrow.schema.field("date_start").type == pa.date32()
    polars = pytest.importorskip("polars")
    assert syria_strikes.load("events", backend="polars").schema["date_start"] == polars.Date


def test_polars_codes_are_enums_of_the_whole_vocabulary() -> None:
    """A polars Categorical keeps only the codes rows use; an Enum keeps every declared one, as pandas does."""
    polars = pytest.importorskip("polars")
    claims = syria_strikes.load("claims", backend="polars")
    for column in table("claims").columns:
        if column.vocabulary is not None:
            assert claims.schema[column.name] == polars.Enum(column.vocabulary.codes), column.name
    assert claims["predicate"].to_list() == syria_strikes.load("claims")["predicate"].astype(str).tolist()


def test_the_data_dictionary_states_each_loader_form_from_the_type_table() -> None:
    from syria_strikes.column_types import ENUM, TYPE_TABLE
    from syria_strikes.dictionary import data_dictionary

    dictionary = data_dictionary()
    for forms in [*TYPE_TABLE.values(), ENUM]:
        assert forms.loader_words, forms.frictionless
        assert forms.loader_words.replace("|", "\\|") in dictionary
    assert "merge_asof" in TYPE_TABLE["date"].loader_words
    assert "explode" in TYPE_TABLE["list"].loader_words
