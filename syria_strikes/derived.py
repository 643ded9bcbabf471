"""Derived views: where, for each event, the claims agree and where they disagree.

``event_summary`` gives one row per event x predicate, ``event_overview`` one row per event;
nothing here changes the data. What each column and "contested" mean: docs/derived-views.md.
"""

from __future__ import annotations

import pandas as pd

from syria_strikes.metadata import ACTOR_PREDICATES, LIST_DELIMITER, PREDICATE, STANCE

TAKES_SIDES = ("asserts", "denies", "disputes", "questions", "cannot_verify")
ACCOUNTS = ("asserts", "disputes")
REASONS = ("stances_differ", "counts_differ", "actors_differ")
_KEYS = ["event_id", "predicate"]
_PREDICATE_DTYPE = pd.CategoricalDtype(list(PREDICATE.codes))
_STANCE_RANK = {code: rank for rank, code in enumerate(STANCE.codes)}
_EVENT_COLUMNS = ["event_claims", "event_claimants", "contested_predicates", "event_contested"]


def event_summary(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per event x predicate with agreement flags and count ranges (see docs/derived-views.md)."""
    prepared = _prepare(claims)
    per_predicate = _per_predicate(prepared)
    per_event = _per_event(prepared, per_predicate)

    spine_columns = ["event_id", *(["category"] if "category" in events.columns else [])]
    spine = events[spine_columns].drop_duplicates("event_id").reset_index(drop=True)
    spine["event_id"] = spine["event_id"].astype("string")
    spine["_order"] = range(len(spine))

    summary = spine.merge(per_event, on="event_id", how="left").merge(per_predicate, on="event_id", how="left")
    for column in ("event_claims", "event_claimants", "claims", "claimants"):
        summary[column] = summary[column].fillna(0).astype("Int64")
    for column in (*REASONS, "contested", "event_contested"):
        summary[column] = summary[column].astype("boolean").fillna(False).astype(bool)
    summary["predicate"] = summary["predicate"].astype(_PREDICATE_DTYPE)
    summary = summary.sort_values(["_order", "predicate"], kind="stable").drop(columns="_order")
    ordered = [
        *spine_columns,
        *_EVENT_COLUMNS,
        "predicate",
        "claims",
        "claimants",
        "stances",
        *REASONS,
        "contested",
        "unit",
        "low",
        "high",
    ]
    return summary[ordered].reset_index(drop=True)


def event_overview(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per event: its claim and claimant counts and what, if anything, is contested."""
    summary = event_summary(claims, events)
    keep = [column for column in ("event_id", "category") if column in summary.columns]
    return summary.drop_duplicates("event_id")[[*keep, *_EVENT_COLUMNS]].reset_index(drop=True)


def _prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """Plain string columns and the per-claim keys the grouped comparisons need.

    Categoricals from the loader become strings so that both inputs group the same way.
    """
    text = {
        name: claims[name].astype("string")
        for name in ("event_id", "predicate", "stance", "claimant_actor_id", "unit", "value_actor_id")
    }
    prepared = pd.DataFrame(text).reset_index(drop=True)
    value, low, high = (
        claims[name].astype("Int64").reset_index(drop=True) for name in ("value", "value_low", "value_high")
    )

    stance = prepared["stance"]
    account = stance.isin(ACCOUNTS).fillna(False).astype(bool)
    numbered = account & (value.notna() | low.notna() | high.notna())
    sided = stance.isin(TAKES_SIDES).fillna(False).astype(bool)
    prepared["sided_stance"] = stance.where(sided)
    prepared["sided_claimant"] = prepared["claimant_actor_id"].where(sided)
    prepared["count_key"] = (_render(value) + "/" + _render(low) + "/" + _render(high)).where(numbered)
    is_actor_predicate = prepared["predicate"].isin(ACTOR_PREDICATES).fillna(False).astype(bool)
    prepared["actor_key"] = prepared["value_actor_id"].where(account & is_actor_predicate)
    prepared["lower"] = low.fillna(value).where(numbered)
    prepared["upper"] = high.fillna(value).where(numbered)
    prepared["open_below"] = numbered & prepared["lower"].isna()
    prepared["open_above"] = numbered & prepared["upper"].isna()
    prepared["stance_rank"] = stance.map(_STANCE_RANK)
    return prepared.dropna(subset=_KEYS)


def _render(counts: pd.Series) -> pd.Series:
    """A count as text for comparing triples; missing becomes '' so that it is a value too."""
    return counts.astype("string").fillna("")


def _per_predicate(prepared: pd.DataFrame) -> pd.DataFrame:
    grouped = prepared.groupby(_KEYS, sort=False)
    result = pd.DataFrame(
        {
            "claims": grouped.size(),
            "claimants": grouped["claimant_actor_id"].nunique(),
            "stances_differ": (grouped["sided_stance"].nunique() > 1) & (grouped["sided_claimant"].nunique() > 1),
            "counts_differ": grouped["count_key"].nunique() > 1,
            "actors_differ": grouped["actor_key"].nunique() > 1,
            "unit": grouped["unit"].first(),
            "low": grouped["lower"].min().where(~grouped["open_below"].any()),
            "high": grouped["upper"].max().where(~grouped["open_above"].any()),
        }
    )
    distinct = prepared.drop_duplicates([*_KEYS, "stance"]).dropna(subset=["stance"])
    result["stances"] = (
        distinct.sort_values("stance_rank", kind="stable").groupby(_KEYS, sort=False)["stance"].agg(LIST_DELIMITER.join)
    )
    result["contested"] = result[list(REASONS)].any(axis=1)
    for column in ("low", "high"):
        result[column] = result[column].astype("Int64")
    return result.reset_index()


def _per_event(prepared: pd.DataFrame, per_predicate: pd.DataFrame) -> pd.DataFrame:
    grouped = prepared.groupby("event_id", sort=False)
    result = pd.DataFrame(
        {
            "event_claims": grouped.size(),
            "event_claimants": grouped["claimant_actor_id"].nunique(),
        }
    )
    contested = per_predicate[per_predicate["contested"]].copy()
    contested["rank"] = contested["predicate"].astype(_PREDICATE_DTYPE).cat.codes
    result["contested_predicates"] = (
        contested.sort_values("rank", kind="stable")
        .groupby("event_id", sort=False)["predicate"]
        .agg(LIST_DELIMITER.join)
    )
    result["event_contested"] = result["contested_predicates"].notna()
    return result.reset_index()
