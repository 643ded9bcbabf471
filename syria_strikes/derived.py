"""Derived views: where, for each event, the claims agree and where they disagree.

The claims table keeps rival accounts side by side on purpose; this module answers the first
question a reader asks of them, "is this event contested, and on what?", without collapsing
anything. It reads the two tables and returns a new frame; nothing here changes the data.

Shape of ``event_summary(claims, events)``: tidy, one row per event x predicate (the predicates
that event's claims use), in the order of ``events`` and then of the predicate vocabulary. An
event without claims still gets one row, with ``predicate`` missing and zero counts, so that
"no claims" is visible rather than silently absent. Columns:

- ``event_id``, and ``category`` when ``events`` has it (to filter strikes from context events);
- event level, repeated on each of the event's rows: ``event_claims`` (claims about the event),
  ``event_claimants`` (distinct claimants), ``contested_predicates`` (the contested predicates
  joined with ``|`` in vocabulary order, missing when none) and ``event_contested``;
- per predicate: ``predicate``, ``claims``, ``claimants``, ``stances`` (distinct stances joined
  with ``|`` in vocabulary order), the three reasons a predicate can be contested
  (``stances_differ``, ``counts_differ``, ``actors_differ``), ``contested`` (any of them),
  and for counts ``unit``, ``low`` and ``high``.

``event_overview(claims, events)`` is the same at one row per event, for a quick table.

When the claims about one event and one predicate disagree:

- ``stances_differ``: two or more different stances among those that take a side (asserts,
  denies, disputes, questions, cannot_verify), taken by two or more claimants. ``no_comment``
  takes no side, so a leader "reported as not mentioning" an airstrike does not contest the
  reports that it happened; and one claimant qualifying its own account (Reuters describing a
  handout image and saying it cannot verify it) is a caveat, not a dispute.
- ``counts_differ``: claims that give their own account (asserts or disputes) carry different
  numbers, comparing (value, value_low, value_high) as given. "eight" and "at least eight"
  therefore differ: they are different claims even if both may be true, and the reader should
  see both. Claims without any number ("a number of", "some") are not compared: a vague count
  never contradicts a precise one.
- ``actors_differ``: accounts name different actors in ``value_actor_id``, only for the
  predicates whose value is one actor (``ACTOR_PREDICATES``: attribution, air-defence support).
  For the others (site occupant, context, target ...) several actors are several facts, not
  rival answers: a base that is home to two forces is not contested.

``value_text`` is not compared: it is the curators' normalised wording, and two wordings of
one fact ("planes (unknown)", "unidentified planes") would look like a disagreement. A rival
account that matters is expected to show in a stance, a count or an actor; where it shows only
in words (SOHR's "drones" against the article's "planes" for Albu Kamal), read the claims.

``low`` and ``high`` span the accounts that give a number: ``low`` is the smallest lower bound
(``value_low``, else ``value``) and ``high`` the largest upper bound (``value_high``, else
``value``). A bound is missing when no account gives a number, and also when any account
leaves that side open ("at least eight" has no upper bound), so the range never looks
narrower than the claims allow. Denials, doubts and no-comments are left out: the number they
carry is the one they reject or ignore, not their own.

Claims about an event that is not in ``events`` are left out (the validator reports them).
Both the validator's frames (``read_and_check``) and the loader's (categorical vocabularies)
are accepted. Pure pandas and grouped, never a Python loop over rows, so the view costs the
same per claim at a hundred rows or a million.
"""

from __future__ import annotations

import pandas as pd

from syria_strikes.metadata import ACTOR_PREDICATES, CLAIMS, LIST_DELIMITER, STANCE
from syria_strikes.types import pandas_dtype

TAKES_SIDES = ("asserts", "denies", "disputes", "questions", "cannot_verify")
ACCOUNTS = ("asserts", "disputes")
REASONS = ("stances_differ", "counts_differ", "actors_differ")
_KEYS = ["event_id", "predicate"]
# The loader's dtypes, so that the summary merges with ``load()`` frames without changing a key.
_TEXT_DTYPE = pandas_dtype(CLAIMS.column("event_id"))
_PREDICATE_DTYPE = pandas_dtype(CLAIMS.column("predicate"))
_UNIT_DTYPE = pandas_dtype(CLAIMS.column("unit"))
_STANCE_RANK = {code: rank for rank, code in enumerate(STANCE.codes)}
_EVENT_COLUMNS = ["event_claims", "event_claimants", "contested_predicates", "event_contested"]


def event_summary(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per event x predicate with agreement flags and count ranges (see module docstring)."""
    prepared = _prepare(claims)
    per_predicate = _per_predicate(prepared)
    per_event = _per_event(prepared, per_predicate)

    spine_columns = ["event_id", *(["category"] if "category" in events.columns else [])]
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
    for column in ("contested_predicates", "stances"):
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
        name: claims[name].astype(_TEXT_DTYPE)
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
