"""Rules that relate columns of the same row: date order, count bounds, precision codes.

Each rule returns True where a row passes; a missing value never fails a rule here (the
``required`` flag in the metadata catches that), so one fault gives one message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from syria_strikes.columnar import is_missing
from syria_strikes.metadata import ACTOR_PREDICATES, COUNT_PREDICATES, COUNT_UNITS
from syria_strikes.rules import RuleId

Frame = pd.DataFrame


@dataclass(frozen=True)
class RowRule:
    """``reads`` lists the columns the rule looks at: a row whose cells there already failed a
    cell rule is not judged again, so one fault gives one message."""

    table: str
    rule: RuleId
    column: str | Callable[[pd.Series], str]
    reads: tuple[str, ...]
    passes: Callable[[Frame], pd.Series]
    words: Callable[[pd.Series], str]

    def column_for(self, row: pd.Series) -> str:
        return self.column if isinstance(self.column, str) else self.column(row)


def _ok(condition: pd.Series) -> pd.Series:
    return condition.fillna(True).astype(bool)


def _ordered(first: pd.Series, second: pd.Series) -> pd.Series:
    """first <= second where both are given; a missing side is another rule's business."""
    return first.isna() | second.isna() | _ok(first <= second)


def _present(series: pd.Series) -> pd.Series:
    return series.notna()


def _day(value: object) -> str:
    return "empty" if not isinstance(value, pd.Timestamp) else value.strftime("%Y-%m-%d")


def _month_bounds(frame: Frame) -> pd.Series:
    start, end = frame["date_start"], frame["date_end"]
    first = start.dt.is_month_start
    last = end.dt.is_month_end
    same = (start.dt.year == end.dt.year) & (start.dt.month == end.dt.month)
    bounds: pd.Series = first & last & same
    return bounds


def _count(value: object) -> str:
    return "empty" if is_missing(value) else str(value)


def _bounds_in_order(frame: Frame) -> pd.Series:
    low, value, high = frame["value_low"], frame["value"], frame["value_high"]
    return _ordered(low, value) & _ordered(value, high) & _ordered(low, high)


def _bound_column(row: pd.Series) -> str:
    """Name the bound that breaks the order: the low one unless only the high one is wrong."""
    low, value, high = row["value_low"], row["value"], row["value_high"]
    if pd.notna(value) and pd.notna(high) and value > high and not (pd.notna(low) and low > value):
        return "value_high"
    return "value_low"


ROW_RULES: tuple[RowRule, ...] = (
    RowRule(
        "actors",
        "parent_not_self",
        "parent_actor_id",
        ("actor_id", "parent_actor_id"),
        lambda f: _ok(f["parent_actor_id"] != f["actor_id"]),
        lambda r: "an actor cannot be its own parent",
    ),
    RowRule(
        "sources",
        "published_order",
        "published_end",
        ("published_start", "published_end"),
        lambda f: _ordered(f["published_start"], f["published_end"]),
        lambda r: f"is before published_start {_day(r['published_start'])}",
    ),
    RowRule(
        "sources",
        "seed_hash_pair",
        "sha256",
        ("seed_path", "sha256"),
        lambda f: _present(f["seed_path"]) == _present(f["sha256"]),
        lambda r: "seed_path and sha256 go together: give both for an archived file, neither otherwise",
    ),
    RowRule(
        "sources",
        "archived_has_seed",
        "seed_path",
        ("kind", "seed_path"),
        lambda f: (f["kind"] == "archived_article") == _present(f["seed_path"]),
        lambda r: "a source has a seed_path exactly when its kind is archived_article",
    ),
    RowRule(
        "events",
        "date_order",
        "date_end",
        ("date_start", "date_end"),
        lambda f: _ordered(f["date_start"], f["date_end"]),
        lambda r: f"is before date_start {_day(r['date_start'])}",
    ),
    RowRule(
        "events",
        "precision_day",
        "date_precision",
        ("date_precision", "date_start", "date_end"),
        lambda f: (f["date_precision"] != "day") | _ordered(f["date_end"], f["date_start"]),
        lambda r: "precision 'day' needs date_start equal to date_end",
    ),
    RowRule(
        "events",
        "precision_month",
        "date_precision",
        ("date_precision", "date_start", "date_end"),
        lambda f: (
            (f["date_precision"] != "month")
            | f["date_start"].isna()
            | f["date_end"].isna()
            | ~_ordered(f["date_start"], f["date_end"])
            | _month_bounds(f)
        ),
        lambda r: "precision 'month' needs the first and last day of one calendar month",
    ),
    RowRule(
        "events",
        "precision_before",
        "date_start",
        ("date_precision", "date_start"),
        lambda f: (f["date_precision"] == "before") == f["date_start"].isna(),
        lambda r: "date_start is empty exactly when date_precision is 'before'",
    ),
    RowRule(
        "events",
        "coordinates_pair",
        "latitude",
        ("latitude", "longitude"),
        lambda f: _present(f["latitude"]) == _present(f["longitude"]),
        lambda r: "latitude and longitude go together",
    ),
    RowRule(
        "events",
        "coordinates_site",
        "latitude",
        ("latitude", "place_precision"),
        lambda f: ~_present(f["latitude"]) | (f["place_precision"] == "site"),
        lambda r: "coordinates are given only when place_precision is 'site'",
    ),
    RowRule(
        "events",
        "attributed_actor",
        "attributed_actor_id",
        ("attribution_status", "attributed_actor_id"),
        lambda f: f["attribution_status"].isin(["acknowledged", "alleged"]) == _present(f["attributed_actor_id"]),
        lambda r: "an attributed actor is named exactly when attribution_status is acknowledged or alleged",
    ),
    RowRule(
        "claims",
        "count_bounds",
        _bound_column,
        ("value", "value_low", "value_high"),
        _bounds_in_order,
        lambda r: (
            f"value_low {_count(r['value_low'])}, value {_count(r['value'])} and value_high "
            f"{_count(r['value_high'])} are out of order; value_low <= value <= value_high"
        ),
    ),
    RowRule(
        "claims",
        "count_has_unit",
        "unit",
        ("predicate", "unit"),
        lambda f: f["predicate"].isin(COUNT_PREDICATES) == _present(f["unit"]),
        lambda r: f"a unit is given exactly for the count predicates ({', '.join(COUNT_PREDICATES)})",
    ),
    RowRule(
        "claims",
        "unit_matches_predicate",
        "unit",
        ("predicate", "unit"),
        lambda f: (
            ~_present(f["unit"])
            | ~f["predicate"].isin(COUNT_PREDICATES)
            | (f["unit"] == f["predicate"].map(COUNT_UNITS)).fillna(True).astype(bool)
        ),
        lambda r: f"predicate {r['predicate']!r} counts {COUNT_UNITS.get(r['predicate'], '?')}, not {r['unit']}",
    ),
    RowRule(
        "claims",
        "count_only_for_counts",
        "value",
        ("predicate", "value", "value_low", "value_high"),
        lambda f: (
            f["predicate"].isin(COUNT_PREDICATES)
            | ~(_present(f["value"]) | _present(f["value_low"]) | _present(f["value_high"]))
        ),
        lambda r: f"predicate {r['predicate']!r} takes no count; counts belong to {', '.join(COUNT_PREDICATES)}",
    ),
    RowRule(
        "claims",
        "actor_value",
        "value_actor_id",
        ("predicate", "value_actor_id", "value_text"),
        lambda f: ~f["predicate"].isin(ACTOR_PREDICATES) | _present(f["value_actor_id"]) | _present(f["value_text"]),
        lambda r: (
            f"predicate {r['predicate']!r} needs the actor it names in value_actor_id, or value_text "
            "('unidentified') when the source names none"
        ),
    ),
    RowRule(
        "claims",
        "quote_offsets",
        "quote_end",
        ("quote_start", "quote_end"),
        lambda f: _ok(f["quote_start"] < f["quote_end"]),
        lambda r: (
            f"is not after quote_start {_count(r['quote_start'])}; quote_end is the offset just past "
            "the quote's last character, so quote_start < quote_end"
        ),
    ),
)


def rules_for(table: str) -> tuple[RowRule, ...]:
    return tuple(rule for rule in ROW_RULES if rule.table == table)
