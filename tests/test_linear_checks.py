"""No input makes a check slow: checks that could go quadratic are run on inputs that would show it."""

from __future__ import annotations

import pandas as pd

from syria_strikes.checks.relations import _citation_loops, _parent_cycles

DEPTH = 40_000


def _table(key: str, column: str, cells: dict[str, str | None]) -> pd.DataFrame:
    """A table of two columns, its rows on the lines a file would give them."""
    frame = pd.DataFrame({key: list(cells), column: list(cells.values())})
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="line")
    return frame


def _actors(parents: dict[str, str | None]) -> pd.DataFrame:
    return _table("actor_id", "parent_actor_id", parents)


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


def _sources(cites: dict[str, str | None]) -> pd.DataFrame:
    return _table("source_id", "cites_source_ids", cites)


def test_a_deep_chain_of_citations_without_a_loop_passes() -> None:
    chain = {f"src-{n}": (f"src-{n + 1}|src-{n + 2}" if n + 2 < DEPTH else None) for n in range(DEPTH)}
    assert _citation_loops(_sources(chain)) == []


def test_a_citation_loop_through_a_deep_chain_is_reported_on_each_member_and_no_other() -> None:
    chain: dict[str, str | None] = {f"src-{n}": f"src-{n + 1}" for n in range(DEPTH - 1)}
    chain[f"src-{DEPTH - 1}"] = f"src-0|src-{DEPTH - 3}"
    chain["src-0"] = "src-1|src-x"
    chain["src-x"] = None
    problems = _citation_loops(_sources(chain))
    # src-0 starts the chain but nothing cites it back along it, save the last source, which loops
    # the whole chain: every source is on the loop, src-x alone is not.
    assert len(problems) == DEPTH
    assert problems[0].row == 2 and problems[0].value == "src-1"
    assert all(p.rule == "cites_cycle" for p in problems)


def test_a_source_citing_itself_is_left_to_cites_self() -> None:
    assert _citation_loops(_sources({"src-a": "src-a|src-b", "src-b": None})) == []
