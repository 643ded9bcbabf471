"""The per-event view says where claims disagree: on the real data and on frames built to probe it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from syria_strikes.derived import event_overview, event_summary, single_strikes
from syria_strikes.validate import read_and_check
from tests.support.dataset import REPO
from tests.support.interpreter import fresh_python

HOMS = "evt-2021-07-22-homs-strike"
SUMMIT = "evt-2021-06-16-putin-biden-summit"
ALBU_KAMAL = "evt-2020-01-albu-kamal-strike"
T4 = "evt-2020-01-14-t4-airbase-strike"
SOLEIMANI = "evt-2020-01-03-soleimani-killing"


@pytest.fixture(scope="module")
def real() -> dict[str, pd.DataFrame]:
    frames, problems = read_and_check(REPO / "data")
    assert problems == []
    return frames


@pytest.fixture(scope="module")
def summary(real: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return event_summary(real["claims"], real["events"])


def _row(summary: pd.DataFrame, event_id: str, predicate: str) -> pd.Series:
    rows = summary[(summary["event_id"] == event_id) & (summary["predicate"] == predicate)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_one_row_per_event_and_predicate_used(summary: pd.DataFrame, real: dict[str, pd.DataFrame]) -> None:
    claims, events = real["claims"], real["events"]
    assert not summary.duplicated(["event_id", "predicate"]).any()
    assert set(summary["event_id"]) == set(events["event_id"])
    others = claims["other_event_ids"].dropna().str.split("|").explode()
    assert summary["claims"].sum() == len(claims) + len(others)
    also = claims.loc[others.index, ["predicate"]].assign(event_id=others)
    pairs = pd.concat([claims[["event_id", "predicate"]], also]).drop_duplicates()
    assert len(summary) == len(pairs)


def test_albu_kamal_is_contested_on_the_launch_platform(summary: pd.DataFrame) -> None:
    """Seed 000's main contradiction: 'planes' (article, Rami Abdel Rahman) against SOHR's 'unknown drones'."""
    platform = _row(summary, ALBU_KAMAL, "launch_platform")
    assert platform["codes_differ"] and platform["contested"]
    assert not platform["stances_differ"]


def test_a_claim_about_two_strikes_counts_for_both(summary: pd.DataFrame, real: dict[str, pd.DataFrame]) -> None:
    """'The attacks follow escalating tensions ...' is stored once and shows under T4 and Albu Kamal."""
    claims = real["claims"]
    shared = claims[claims["other_event_ids"].notna()]
    assert len(shared) >= 1
    for event_id in (shared.iloc[0]["event_id"], *shared.iloc[0]["other_event_ids"].split("|")):
        assert _row(summary, event_id, shared.iloc[0]["predicate"])["claims"] >= 1


def test_identification_is_shown_per_event(real: dict[str, pd.DataFrame]) -> None:
    overview = event_overview(real["claims"], real["events"]).set_index("event_id")
    assert overview.loc[HOMS, "identification"] == "assumed"
    assert overview.loc[T4, "identification"] == "stated_in_seed"
    aggregates = set(overview.index[overview["record_kind"] == "aggregate"])
    assert aggregates == {"evt-undated-t4-prior-iaf-strikes", "evt-2020-01-iraq-bases-rocket-attacks"}


def test_homs_interception_is_contested(summary: pd.DataFrame) -> None:
    """Kulit asserts 8 intercepted and Israel Hayom a thwarted attack, experts question it, the
    article disputes it with hits."""
    intercepted = _row(summary, HOMS, "munitions_intercepted")
    assert intercepted["contested"] and intercepted["stances_differ"]
    assert intercepted["stances"] == "asserts|disputes|questions"
    assert intercepted["claimants"] == 4
    assert (intercepted["low"], intercepted["high"]) == (8, 8)
    assert intercepted["unit"] == "munitions"
    homs = summary[summary["event_id"] == HOMS].iloc[0]
    assert homs["event_contested"]
    assert "munitions_intercepted" in homs["contested_predicates"].split("|")


def test_overview_has_one_row_per_event(real: dict[str, pd.DataFrame]) -> None:
    overview = event_overview(real["claims"], real["events"])
    assert overview["event_id"].tolist() == real["events"]["event_id"].tolist()
    homs = overview.set_index("event_id").loc[HOMS]
    assert homs["event_contested"] and homs["event_claimants"] >= 5
    assert not overview.set_index("event_id").loc[SUMMIT, "event_contested"]


def test_single_uncontested_claims_are_not_contested(summary: pd.DataFrame) -> None:
    """The summit: one official says it occurred and when ('last month'); one claim per predicate."""
    summit = summary[summary["event_id"] == SUMMIT]
    assert summit["predicate"].tolist() == ["occurred", "time"]
    for _, row in summit.iterrows():
        assert (row["event_claims"], row["claims"], row["claimants"]) == (2, 1, 1)
        assert not row["contested"] and not row["event_contested"]
        assert pd.isna(row["contested_predicates"])


def test_exact_and_at_least_counts_differ_and_leave_the_range_open(summary: pd.DataFrame) -> None:
    """Albu Kamal: the article's 'eight' and Rami Abdel Rahman's 'At least eight'."""
    fatalities = _row(summary, ALBU_KAMAL, "fatalities")
    assert fatalities["counts_differ"] and fatalities["contested"]
    assert fatalities["low"] == 8
    assert pd.isna(fatalities["high"])


def test_parallel_facts_and_no_comment_do_not_contest(summary: pd.DataFrame) -> None:
    """Two forces based at T4 are two facts; Putin and Assad not mentioning an airstrike takes no side."""
    assert not _row(summary, T4, "site_occupant")["contested"]
    occurred = _row(summary, SOLEIMANI, "occurred")
    assert occurred["stances"] == "asserts|no_comment"
    assert not occurred["contested"]


def test_loader_frames_give_the_same_view(summary: pd.DataFrame, release: Path) -> None:
    """Categorical vocabularies (the loader) and plain strings (the validator) give one answer;
    the release is built from the data here, not whatever an earlier build left in the package."""
    import syria_strikes

    loaded = event_summary(syria_strikes.load("claims", root=release), syria_strikes.load("events", root=release))
    flags = ["event_id", "predicate", "claims", "claimants", "contested", "low", "high"]
    pd.testing.assert_frame_equal(
        loaded[flags].astype(str).reset_index(drop=True),
        summary[flags].astype(str).reset_index(drop=True),
    )


def _claims(rows: list[tuple]) -> pd.DataFrame:
    columns = [
        "event_id",
        "claimant_actor_id",
        "predicate",
        "stance",
        "value",
        "value_low",
        "value_high",
        "unit",
        "value_actor_id",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    for name in ("value", "value_low", "value_high"):
        frame[name] = frame[name].astype("Int64")
    return frame


def test_synthetic_frame_covers_each_reason() -> None:
    na = None
    claims = _claims(
        [
            # e1: an attribution with rival actors, and counts that agree.
            ("evt-2020-e1", "act-a", "attribution", "asserts", na, na, na, na, "act-x"),
            ("evt-2020-e1", "act-b", "attribution", "asserts", na, na, na, na, "act-y"),
            ("evt-2020-e1", "act-a", "fatalities", "asserts", 3, 3, 3, "persons", na),
            ("evt-2020-e1", "act-b", "fatalities", "asserts", 3, 3, 3, "persons", na),
            # e2: a denial; a vague count beside an exact one; two occupants; a no-comment.
            ("evt-2020-e2", "act-a", "occurred", "asserts", na, na, na, na, na),
            ("evt-2020-e2", "act-b", "occurred", "denies", na, na, na, na, na),
            ("evt-2020-e2", "act-a", "munitions_hit", "asserts", 4, 4, 4, "munitions", na),
            ("evt-2020-e2", "act-b", "munitions_hit", "asserts", na, na, na, "munitions", na),
            ("evt-2020-e2", "act-a", "site_occupant", "asserts", na, na, na, na, "act-x"),
            ("evt-2020-e2", "act-a", "site_occupant", "asserts", na, na, na, na, "act-y"),
            ("evt-2020-e2", "act-c", "attribution", "asserts", na, na, na, na, "act-x"),
            ("evt-2020-e2", "act-d", "attribution", "no_comment", na, na, na, na, "act-y"),
            ("evt-2020-e2", "act-e", "statement", "asserts", na, na, na, na, na),
            ("evt-2020-e2", "act-e", "statement", "cannot_verify", na, na, na, na, na),
            # e3: ranges, and a denied number that must not widen them.
            ("evt-2020-e3", "act-a", "munitions_fired", "asserts", na, 5, 10, "munitions", na),
            ("evt-2020-e3", "act-b", "munitions_fired", "disputes", 12, 12, 12, "munitions", na),
            ("evt-2020-e3", "act-c", "munitions_fired", "denies", 40, 40, 40, "munitions", na),
            # a claim about an event not in the events table is left out
            ("evt-2020-ghost", "act-a", "occurred", "asserts", na, na, na, na, na),
        ]
    )
    events = pd.DataFrame(
        {
            "event_id": ["evt-2020-e1", "evt-2020-e2", "evt-2020-e3", "evt-2020-e4"],
            "category": ["strike", "strike", "context", "strike"],
        }
    )
    summary = event_summary(claims, events).set_index(["event_id", "predicate"])

    def flags(event: str, predicate: str) -> tuple[bool, bool, bool]:
        row = summary.loc[(event, predicate)]
        return bool(row["stances_differ"]), bool(row["counts_differ"]), bool(row["actors_differ"])

    assert flags("evt-2020-e1", "attribution") == (False, False, True)
    assert flags("evt-2020-e1", "fatalities") == (False, False, False)
    assert flags("evt-2020-e2", "occurred") == (True, False, False)
    assert flags("evt-2020-e2", "munitions_hit") == (False, False, False)
    assert flags("evt-2020-e2", "site_occupant") == (False, False, False)
    assert flags("evt-2020-e2", "attribution") == (False, False, False)
    assert flags("evt-2020-e2", "statement") == (False, False, False)
    assert flags("evt-2020-e3", "munitions_fired") == (True, True, False)
    assert summary.loc[("evt-2020-e1", "fatalities"), ["low", "high"]].tolist() == [3, 3]
    assert summary.loc[("evt-2020-e3", "munitions_fired"), ["low", "high"]].tolist() == [5, 12]

    overview = event_overview(claims, events).set_index("event_id")
    assert overview.index.tolist() == ["evt-2020-e1", "evt-2020-e2", "evt-2020-e3", "evt-2020-e4"]
    assert overview.loc["evt-2020-e1", "contested_predicates"] == "attribution"
    assert overview.loc["evt-2020-e2", "contested_predicates"] == "occurred"
    assert overview.loc["evt-2020-e1", "event_claimants"] == 2
    empty = overview.loc["evt-2020-e4"]
    assert (empty["event_claims"], empty["event_contested"]) == (0, False)
    assert pd.isna(empty["contested_predicates"])


def test_codes_times_victims_and_unknown_perpetrators() -> None:
    """Codes contest only when no code is shared; intervals only when disjoint; counts of other victims
    are apart; an unnamed perpetrator is an answer of its own."""
    claims = pd.DataFrame(
        {
            "event_id": ["evt-2020-e"] * 10,
            "claimant_actor_id": [
                "act-a",
                "act-b",
                "act-c",
                "act-a",
                "act-b",
                "act-a",
                "act-b",
                "act-a",
                "act-b",
                "act-c",
            ],
            "predicate": ["launch_platform"] * 2
            + ["weapon"] * 2
            + ["time"] * 2
            + ["fatalities"] * 2
            + ["attribution"] * 2,
            "stance": ["asserts"] * 10,
            "value_code": ["aircraft", "drone", "unknown", "drone|missile", "missile", None, None, None, None, None],
            "value_text": [None] * 4
            + ["2020-01-03/2020-01-10", "2020-01-12/2020-01-15"]
            + [None] * 2
            + ["unknown", None],
            "value_actor_id": [None] * 9 + ["act-x"],
            "victim_status": [None] * 6 + ["combatant", "civilian", None, None],
            "unit": [None] * 6 + ["persons", "persons", None, None],
        }
    )
    claims["weapon_note"] = None
    for name, values in (("value", [None] * 6 + [8, 2, None, None]),):
        claims[name] = pd.array(values, dtype="Int64")
    claims["value_low"], claims["value_high"] = claims["value"], claims["value"]
    claims.loc[2, "predicate"] = "launch_platform"
    summary = event_summary(claims, pd.DataFrame({"event_id": ["evt-2020-e"]})).set_index("predicate")
    assert summary.loc["launch_platform", "codes_differ"]
    assert not summary.loc["weapon", "codes_differ"]
    assert summary.loc["time", "times_differ"]
    fatalities = summary.loc["fatalities"]
    assert not fatalities["counts_differ"] and fatalities["victim_statuses"] == "civilian|combatant"
    assert pd.isna(fatalities["low"]) and pd.isna(fatalities["high"])
    assert summary.loc["attribution", "actors_differ"]


def test_no_claims_at_all_still_lists_every_event() -> None:
    claims = _claims([])
    events = pd.DataFrame({"event_id": ["evt-2020-a", "evt-2020-b"]})
    summary = event_summary(claims, events)
    assert summary["event_id"].tolist() == ["evt-2020-a", "evt-2020-b"]
    assert summary["event_claims"].tolist() == [0, 0]
    assert not summary["event_contested"].any()


def test_the_view_needs_only_pandas() -> None:
    """The derived view must stay importable without the validation stack."""
    code = (
        "import sys, syria_strikes.derived; "
        "heavy = {'pandera', 'frictionless'} & set(sys.modules); assert not heavy, heavy"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr


def test_the_aggregate_of_prior_strikes_is_not_counted_as_a_strike(real: dict[str, pd.DataFrame]) -> None:
    events = real["events"]
    counted = single_strikes(events)["event_id"].tolist()
    assert "evt-undated-t4-prior-iaf-strikes" not in counted
    assert T4 in counted and HOMS in counted
    assert len(counted) == (events["category"] == "strike").sum() - 1
