"""Derived views: where, for each event, the claims agree and where they disagree.

``event_summary`` gives one row per event x predicate, ``event_overview`` one row per event;
nothing here changes the data. What each column and "contested" mean: docs/derived-views.md.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from syria_strikes.column_types import loader_dtype
from syria_strikes.intervals import time_intervals
from syria_strikes.metadata import (
    ACTOR_PREDICATES,
    CLAIMS,
    LIST_DELIMITER,
    STANCE,
    UNKNOWN_PERPETRATOR,
    VALUE_CODE_PREDICATES,
)

TAKES_SIDES = ("asserts", "denies", "disputes", "questions", "cannot_verify")
ACCOUNTS = ("asserts", "disputes")
REASONS = ("stances_differ", "counts_differ", "actors_differ", "codes_differ", "times_differ")
EVENT_FIELDS = ("category", "record_kind", "identification")
NO_ACTOR = "(none named)"
NO_CODE = "unknown"
_KEYS = ["event_id", "predicate"]
# The loader's dtypes, so that the summary merges with ``load()`` frames without changing a key.
_TEXT_DTYPE = loader_dtype(CLAIMS.column("event_id"))
_PREDICATE_DTYPE = loader_dtype(CLAIMS.column("predicate"))
_UNIT_DTYPE = loader_dtype(CLAIMS.column("unit"))
_STANCE_RANK = {code: rank for rank, code in enumerate(STANCE.codes)}
_EVENT_COLUMNS = ["event_claims", "event_claimants", "contested_predicates", "event_contested"]


def event_summary(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per event x predicate with agreement flags and count ranges (see docs/derived-views.md)."""
    prepared = _prepare(claims)
    per_predicate = _per_predicate(prepared)
    per_event = _per_event(prepared, per_predicate)

    spine_columns = ["event_id", *(name for name in EVENT_FIELDS if name in events.columns)]
    spine = events[spine_columns].drop_duplicates("event_id").reset_index(drop=True)
    spine["event_id"] = spine["event_id"].astype(_TEXT_DTYPE)
    spine["_order"] = range(len(spine))

    summary = spine.merge(per_event, on="event_id", how="left").merge(per_predicate, on="event_id", how="left")
    for column in ("event_claims", "event_claimants", "claims", "claimants"):
        summary[column] = summary[column].fillna(0).astype("Int64")
    for column in (*REASONS, "contested", "event_contested"):
        summary[column] = summary[column].astype("boolean").fillna(False).astype(bool)
    summary["predicate"] = summary["predicate"].astype(_PREDICATE_DTYPE)
    summary["unit"] = summary["unit"].astype(_UNIT_DTYPE)
    for column in ("contested_predicates", "stances", "victim_statuses"):
        summary[column] = summary[column].astype(_TEXT_DTYPE)
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
        "victim_statuses",
    ]
    return summary[ordered].reset_index(drop=True)


def event_overview(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per event: its claim and claimant counts and what, if anything, is contested."""
    summary = event_summary(claims, events)
    keep = [column for column in ("event_id", *EVENT_FIELDS) if column in summary.columns]
    return summary.drop_duplicates("event_id")[[*keep, *_EVENT_COLUMNS]].reset_index(drop=True)


def _prepare(claims: pd.DataFrame) -> pd.DataFrame:
    """Plain string columns and the per-claim keys the grouped comparisons need, one row per claim
    and event it is about.

    Categoricals from the loader become strings so that both inputs group the same way.
    """
    claims = _per_event_claims(claims.reset_index(drop=True))
    text = {
        name: _column(claims, name).astype(_TEXT_DTYPE)
        for name in (
            "event_id",
            "predicate",
            "stance",
            "claimant_actor_id",
            "unit",
            "value_actor_id",
            "value_text",
            "victim_status",
            "claim",
        )
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
    unknown = (prepared["value_text"] == UNKNOWN_PERPETRATOR).fillna(False).astype(bool)
    named = prepared["value_actor_id"].where(~unknown | prepared["value_actor_id"].notna(), NO_ACTOR)
    prepared["actor_key"] = named.where(account & is_actor_predicate)
    prepared["count_group"] = prepared["victim_status"].fillna("")
    prepared["codes"] = _codes(_column(claims, "value_code")).where(
        account & prepared["predicate"].isin(VALUE_CODE_PREDICATES).fillna(False).astype(bool)
    )
    timed = account & (prepared["predicate"] == "time").fillna(False).astype(bool)
    interval = time_intervals(prepared["value_text"].where(timed))
    prepared["time_start"], prepared["time_end"] = interval.start, interval.end
    prepared["lower"] = low.fillna(value).where(numbered)
    prepared["upper"] = high.fillna(value).where(numbered)
    prepared["open_below"] = numbered & prepared["lower"].isna()
    prepared["open_above"] = numbered & prepared["upper"].isna()
    prepared["stance_rank"] = stance.map(_STANCE_RANK)
    return prepared.dropna(subset=_KEYS)


def _column(claims: pd.DataFrame, name: str) -> pd.Series:
    """A column, or all missing when the frame predates it (hand-built frames, older releases)."""
    if name in claims.columns:
        return claims[name]
    return pd.Series(pd.NA, index=claims.index, dtype=_TEXT_DTYPE)


def _items(cell: object) -> list[str]:
    """The items of a list cell: '|'-joined text (validator) or a list (loader)."""
    if isinstance(cell, str):
        return [item for item in cell.split(LIST_DELIMITER) if item]
    if isinstance(cell, Iterable):
        return [str(item) for item in cell]
    return []


def _per_event_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Each claim once per event it is about: its event_id and each of its other_event_ids."""
    claims = claims.assign(claim=pd.Series(range(len(claims)), index=claims.index).astype("string"))
    others = _column(claims, "other_event_ids")
    present = others.notna().to_numpy()
    if not present.any():
        return claims
    extra = [
        (row, event) for row, cell in zip(claims.index[present], others[present], strict=True) for event in _items(cell)
    ]
    if not extra:
        return claims
    rows, events = zip(*extra, strict=True)
    copies = claims.loc[list(rows)].copy()
    copies["event_id"] = pd.array(events, dtype="string")
    base = claims.assign(event_id=claims["event_id"].astype("string"))
    return pd.concat([base, copies], ignore_index=True)


def _codes(value_code: pd.Series) -> pd.Series:
    """The answer-bearing codes of a claim joined with '|' in sorted order; 'unknown' is no answer."""
    present = value_code.notna().to_numpy()
    result = pd.Series(pd.NA, index=value_code.index, dtype="string")
    codes = [LIST_DELIMITER.join(sorted(set(_items(cell)) - {NO_CODE})) or pd.NA for cell in value_code[present]]
    result[present] = pd.array(codes, dtype="string")
    return result


def _codes_differ(prepared: pd.DataFrame) -> pd.Series:
    """Per event and predicate: two or more coded accounts and no code that all of them share."""
    coded = prepared.dropna(subset=["codes"])
    if coded.empty:
        return pd.Series(dtype=bool)
    per_code = coded.assign(code=coded["codes"].str.split(LIST_DELIMITER)).explode("code")
    accounts = coded.groupby(_KEYS, sort=False)["claim"].nunique()
    shared = per_code.groupby([*_KEYS, "code"], sort=False)["claim"].nunique().groupby(level=[0, 1]).max()
    return (accounts >= 2) & (shared.reindex(accounts.index) < accounts)


def _times_differ(prepared: pd.DataFrame) -> pd.Series:
    """Per event and predicate: the accounts' intervals do not all overlap (latest start after earliest end)."""
    timed = prepared.dropna(subset=["time_end"])
    if timed.empty:
        return pd.Series(dtype=bool)
    grouped = timed.groupby(_KEYS, sort=False)
    return (grouped["time_start"].max() > grouped["time_end"].min()).fillna(False)


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
            "counts_differ": (
                prepared.groupby([*_KEYS, "count_group"], sort=False)["count_key"]
                .nunique()
                .gt(1)
                .groupby(level=[0, 1])
                .any()
            ),
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
    result["codes_differ"] = _codes_differ(prepared)
    result["times_differ"] = _times_differ(prepared)
    for reason in REASONS:
        result[reason] = result[reason].astype("boolean").fillna(False).astype(bool)
    numbered = prepared[prepared["count_key"].notna()].drop_duplicates([*_KEYS, "count_group"])
    result["victim_statuses"] = (
        numbered[numbered["count_group"] != ""]
        .sort_values("count_group")
        .groupby(_KEYS, sort=False)["count_group"]
        .agg(LIST_DELIMITER.join)
    )
    mixed = numbered.groupby(_KEYS, sort=False)["count_group"].nunique() > 1
    result.loc[mixed.reindex(result.index, fill_value=False).to_numpy(), ["low", "high"]] = pd.NA
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


def single_strikes(events: pd.DataFrame) -> pd.DataFrame:
    """The events to count as strikes: category 'strike' and, when the column is there, one event
    per row; an aggregate row ('attacked ... in the past') stands for an unknown number of strikes."""
    strike = (events["category"].astype("string") == "strike").fillna(False)
    if "record_kind" in events.columns:
        strike &= (events["record_kind"].astype("string") == "single").fillna(False)
    return events[strike.to_numpy(dtype=bool)]


def summary_csv(claims: pd.DataFrame, events: pd.DataFrame) -> bytes:
    """``event_summary`` as a CSV file, for readers without Python: the zip and the site's downloads
    carry it beside the tables. It is written as the tables are: UTF-8 without a byte-order mark,
    comma-separated, one header row, an empty cell for missing, true or false for yes or no."""
    summary = event_summary(claims, events)
    for column in summary.columns:
        if summary[column].dtype == bool:
            summary[column] = summary[column].map({True: "true", False: "false"})
    text: str = summary.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")
