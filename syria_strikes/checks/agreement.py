"""Rules across tables that hold a coded value to the words it was read from: an actor a claim
names.

Each of these values is valid on its own (a known actor), so a slip or a swap that
puts another valid value in its place passes every rule of its cell; only the claims and quotes
it rests on tell it is wrong. A rule that needs a table which could not be read is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from syria_strikes.checks.across import Across, across
from syria_strikes.columnar import duplicated
from syria_strikes.metadata import LIST_DELIMITER
from syria_strikes.problems import Problem, problem

Frames = Mapping[str, pd.DataFrame]


def _known_actors(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors by ID, each once (a repeated or missing ID is another rule's)."""
    known = actors[actors["actor_id"].notna().to_numpy(dtype=bool) & ~duplicated(actors["actor_id"])]
    indexed: pd.DataFrame = known.set_index("actor_id")
    return indexed


def _name_pattern(name: object, aliases: object) -> re.Pattern[str]:
    """The actor's name or any alias, starting a word ('Israel' names it in 'an Israeli attack')."""
    spellings = [str(name)] if isinstance(name, str) else []
    if isinstance(aliases, str):
        spellings += [alias for alias in aliases.split(LIST_DELIMITER) if alias]
    if not spellings:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(spellings, key=len, reverse=True))) + ")")


def _value_actor_named(frames: Frames) -> list[Problem]:
    """The actor a claim names in value_actor_id is one its quote names, by its name or an alias;
    where the quote does not (a mistranslation, 'the two'), the curator_note names it. An actor
    that is not known is foreign_key's to report."""
    claims, actors = frames["claims"], _known_actors(frames["actors"])
    judged = claims[(claims["value_actor_id"].isin(actors.index) & claims["quote"].notna()).to_numpy(dtype=bool)]
    patterns: dict[str, re.Pattern[str]] = {}
    problems = []
    for line, actor, quote, note in zip(
        judged.index, judged["value_actor_id"], judged["quote"], judged["curator_note"], strict=True
    ):
        if actor not in patterns:
            patterns[actor] = _name_pattern(actors.at[actor, "name"], actors.at[actor, "aliases"])
        pattern = patterns[actor]
        if pattern.search(quote) or (isinstance(note, str) and pattern.search(note)):
            continue
        problems.append(problem("value_actor_named", "claims", int(line), "value_actor_id", actor, actor=actor))
    return problems


# --- the rules, declared with what they read -----------------------------------------------
AGREEMENT_RULES: tuple[Across, ...] = (across("value_actor_named", {"claims", "actors"}, _value_actor_named),)
