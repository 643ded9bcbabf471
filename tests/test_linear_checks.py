"""No input makes a check slow: checks that could go quadratic are run on inputs that would show it."""

from __future__ import annotations

import pandas as pd

from syria_strikes.checks.relations import _parent_cycles

DEPTH = 40_000


def _actors(parents: dict[str, str | None]) -> pd.DataFrame:
    frame = pd.DataFrame({"actor_id": list(parents), "parent_actor_id": list(parents.values())})
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="line")
    return frame


def test_a_deep_parent_chain_without_a_loop_passes() -> None:
    chain = {f"act-{n}": (f"act-{n + 1}" if n + 1 < DEPTH else None) for n in range(DEPTH)}
    assert _parent_cycles(_actors(chain)) == []


def test_a_loop_at_the_end_of_a_deep_chain_is_reported_on_its_members_only() -> None:
    chain = {f"act-{n}": f"act-{n + 1}" for n in range(DEPTH - 1)}
    chain[f"act-{DEPTH - 1}"] = f"act-{DEPTH - 3}"
    problems = _parent_cycles(_actors(chain))
    assert [(p.row, p.value) for p in problems] == [
        (DEPTH - 3 + 2, f"act-{DEPTH - 2}"),
        (DEPTH - 2 + 2, f"act-{DEPTH - 1}"),
        (DEPTH - 1 + 2, f"act-{DEPTH - 3}"),
    ]


def test_an_actor_that_is_its_own_parent_and_chains_into_it_are_left_to_other_rules() -> None:
    assert _parent_cycles(_actors({"act-a": "act-b", "act-b": "act-b", "act-c": None})) == []
