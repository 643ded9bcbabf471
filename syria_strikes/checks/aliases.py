"""An actor's aliases and an event's place aliases are names as the seeds write them
(docs/data-dictionary.md): each one is written, as whole words, in some archived seed.

The naming rules (claimant_named, value_actor_named, relation_named) accept an actor's name or any
alias where a quote or note names it, so an alias no seed writes (invented, or pasted from outside)
would let any words 'name' any actor. Every alias is looked for in every seed at once, in a time
linear in the seeds' length: the hash of the characters of each stretch as long as some alias is
computed from prefix sums, only where a word starts with the first character of an alias, and
looked up among the aliases' hashes.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.columnar import list_items
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId

# Seed characters hashed at once: the arrays of one batch stay a few tens of MiB.
CHARS_AT_ONCE = 1 << 22
# Between two seeds of a batch: no alias holds it (cells hold no control character).
_BETWEEN = "\x00"
# The base of the polynomial hash of a stretch of characters, odd so that it has an inverse modulo 2**64.
_BASE = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1


def check_aliases(actors: pd.DataFrame, sources: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per actor row with an alias that no seed writes. Not judged while an archived
    source's seed could not be trusted (the seed rules report it): the alias may be written there."""
    return _unwritten(actors, "actors", "aliases", "alias_written", sources, texts)


def check_place_aliases(events: pd.DataFrame, sources: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per event with a place alias that no seed writes ('Shayrat' added to T4's): a
    place's names as written are the words a reader looks for in the documents."""
    return _unwritten(events, "events", "place_aliases", "place_alias_written", sources, texts)


def _unwritten(
    frame: pd.DataFrame, table: str, column: str, rule_id: RuleId, sources: pd.DataFrame, texts: dict[str, str]
) -> list[Problem]:
    # A source is archived by its kind or its seed path: either alone may be a cell left empty for a fault.
    archived_rows = (sources["seed_path"].notna() | (sources["kind"] == "archived_article")).fillna(True)
    archived = set(sources.loc[archived_rows.to_numpy(dtype=bool), "source_id"].dropna().tolist())
    if not archived <= texts.keys():
        return []
    aliases = list_items(frame[column])
    if aliases.empty:
        return []
    names = aliases.unique().tolist()
    seeds = [texts[source] for source in sorted(archived)]
    written = written_whole(names, seeds) if len(names) > FEW_NAMES else _found_whole(names, seeds)
    unwritten = aliases[~aliases.isin(list(written)).to_numpy(dtype=bool)]
    grouped = unwritten.groupby(level=0, sort=True).agg(list)
    cells = frame[column]
    return [
        problem(rule_id, table, int(line), column, str(cells.at[line]), aliases=named)
        for line, named in zip(grouped.index.tolist(), grouped.tolist(), strict=True)
    ]


# Up to this many distinct names, each is looked for on its own, the search stopping at its first whole
# occurrence: a handful of place aliases found in the first seeds would otherwise pay for hashing all of them.
FEW_NAMES = 32


def _found_whole(names: list[str], texts: list[str]) -> set[str]:
    """written_whole, one name at a time: the same names, found by str.find."""
    found = set()
    for name in names:
        if name and any(_whole_in(name, text) for text in texts):
            found.add(name)
    return found


def _whole_in(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` with no letter, digit or '_' on either side, as written_whole reads it."""
    at = text.find(name)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = text[at + len(name) : at + len(name) + 1]
        if not _word_char(before) and not _word_char(after):
            return True
        at = text.find(name, at + 1)
    return False


def _word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def written_whole(names: list[str], texts: list[str]) -> set[str]:
    """The names that some text writes as whole words: neither the character before nor the one
    after is a letter, digit or '_', as Python's regular expressions read \\w ('Israel' is not
    written whole in 'Israeli')."""
    wanted: dict[int, dict[int, list[str]]] = {}  # names by length and hash: two names may share one
    for name in names:
        if name:
            wanted.setdefault(len(name), {}).setdefault(_hash(name), []).append(name)
    firsts = np.unique(np.array([ord(name[0]) for name in names if name], dtype=np.uint32))
    found: set[str] = set()
    for texts_at_once in _batches(texts):
        batch = _Batch(texts_at_once, firsts)
        for length, hashes in wanted.items():
            found |= _found(batch, length, hashes)
    return found


def _hash(name: str) -> int:
    """sum(c[j] * B**j) modulo 2**64 over the characters c of ``name``."""
    hashed = 0
    for char in reversed(name):
        hashed = (hashed * _BASE + ord(char)) & _MASK
    return hashed


class _Batch:
    """Seeds joined into one array of code points, with what every length of alias needs: the
    prefix sums S of c[j] * B**j, the powers of 1/B, which code points are word characters, and
    where a word starts with the first character of an alias."""

    def __init__(self, texts: list[str], firsts: np.ndarray) -> None:
        joined = _BETWEEN + _BETWEEN.join(texts) + _BETWEEN
        self.joined = joined
        self.codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        n = len(self.codes)
        weighted = self.codes.astype(np.uint64) * _powers(_BASE, n)
        self.sums = np.concatenate([np.zeros(1, np.uint64), np.cumsum(weighted, dtype=np.uint64)])
        self.inverse = _powers(pow(_BASE, -1, 1 << 64), n)
        # Tables by code point, as long as the largest one of the batch or of the aliases' first characters.
        size = max(int(firsts.max(initial=0)), int(self.codes.max(initial=0))) + 1
        present = np.zeros(size, dtype=bool)
        present[self.codes] = True
        self.word = np.zeros(size, dtype=bool)
        self.word[present] = [chr(code).isalnum() or code == ord("_") for code in np.flatnonzero(present).tolist()]
        first = np.zeros(size, dtype=bool)
        first[firsts] = True
        starts = np.flatnonzero(first[self.codes])
        self.starts = starts[~self.word[self.codes[starts - 1]]]


def _powers(base: int, n: int) -> np.ndarray:
    """base**i modulo 2**64 for i below n, by blocks: a cumulative product over n elements runs
    one multiplication at a time, an outer product of two short ones all at once."""
    block = 1 << 12
    small = np.cumprod(np.concatenate([np.ones(1, np.uint64), np.full(block - 1, base, dtype=np.uint64)]))
    steps = -(-n // block)
    big = np.cumprod(
        np.concatenate([np.ones(1, np.uint64), np.full(steps - 1, pow(base, block, 1 << 64), dtype=np.uint64)])
    )
    powers: np.ndarray = np.multiply.outer(big, small).ravel()[:n]
    return powers


def _batches(texts: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= CHARS_AT_ONCE:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _found(batch: _Batch, length: int, hashes: dict[int, list[str]]) -> set[str]:
    """The names of ``hashes`` that some stretch of ``length`` characters writes, starting a word and
    ending one. The hash of the stretch from a is (S[a+k] - S[a]) * B**-a; a stretch whose hash is a
    name's is compared with the name, character for character, since two texts can share a hash
    (strings built to collide under a hash modulo 2**64 are known), until one of its stretches is it."""
    starts = batch.starts[batch.starts + length < len(batch.codes)]
    runs = (batch.sums[starts + length] - batch.sums[starts]) * batch.inverse[starts]
    hit = pc.is_in(pa.array(runs), value_set=pa.array(list(hashes), pa.uint64())).to_numpy(zero_copy_only=False)
    whole = hit & ~batch.word[batch.codes[starts + length]]
    hashed, at = runs[whole], starts[whole]
    found: set[str] = set()
    distinct, first = np.unique(hashed, return_index=True)
    for value, index in zip(distinct.tolist(), first.tolist(), strict=True):
        for name in hashes[value]:
            # The first stretch is the name but for a collision; only then are the others compared.
            places = [at[index]] if batch.joined.startswith(name, int(at[index])) else at[hashed == value].tolist()
            if any(batch.joined.startswith(name, int(place)) for place in places):
                found.add(name)
    return found
