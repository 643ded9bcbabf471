"""Rules across tables that hold a coded value to the words it was read from: an actor a claim
or a relation names, the claimant its attribution words name, the actor an event is attributed
to, the days an event is dated to, the country it lies in.

Each of these values is valid on its own (a known actor, a real day), so a slip or a swap that
puts another valid value in its place passes every rule of its cell; only the claims and quotes
it rests on tell it is wrong. A rule that needs a table which could not be read is skipped.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
import unicodedata
from collections.abc import Hashable, Iterator, Mapping

import numpy as np
import pandas as pd

from syria_strikes.checks.across import Across, across
from syria_strikes.checks.rows import inside_country
from syria_strikes.columnar import arrow_strings, first_by_key, first_match_dates, list_items, pairs_isin
from syria_strikes.intervals import time_intervals
from syria_strikes.metadata import (
    EVENT_TYPE_PLATFORMS,
    LIST_DELIMITER,
    PUBLISHER_KINDS,
    SAME_COUNTRY_RELATIONS,
    UNKNOWN_CODE,
    UNKNOWN_PERPETRATOR,
)
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId

Frames = Mapping[str, pd.DataFrame]
# Statuses that name the actor an attack is attributed to.
NAMING_STATUSES = ("alleged", "acknowledged")
# The stances of a claim that lays blame: stating it, or relaying it ('attributed to Israel'); a
# denial, a doubt or a refusal to comment names an actor without blaming it.
BLAMING_STANCES = ("asserts", "reports")
# Rows whose words are read into Python strings at once, so that the memory it takes stays bounded.
ROWS_AT_ONCE = 1 << 16


def _known_actors(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors by ID, each once (a repeated or missing ID is another rule's)."""
    return first_by_key(actors, "actor_id")


def _name_pattern(name: object, aliases: object) -> re.Pattern[str]:
    """The actor's name or any alias, starting a word ('Israel' names it in 'an Israeli attack')."""
    spellings = _spellings(name, aliases)
    if not spellings:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(spellings, key=len, reverse=True))) + ")")


def _spellings_by_actor(actors: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Each known actor's name and aliases, by ID."""
    return {
        actor: _spellings(name, aliases)
        for actor, name, aliases in zip(actors.index, actors["name"].tolist(), actors["aliases"].tolist(), strict=True)
    }


def _spellings(name: object, aliases: object) -> tuple[str, ...]:
    """The actor's name and its aliases."""
    spellings = [name] if isinstance(name, str) else []
    if isinstance(aliases, str):
        spellings += [alias for alias in aliases.split(LIST_DELIMITER) if alias]
    return tuple(spellings)


# The words of a relation that a name may carry ('Iranian-backed Iraqi militias', 'media outlets affiliated
# with rebels'): there the name of one actor of the relation holds the other's, and names both.
RELATION_WORDS = {
    "backed_by": ("backed", "supported", "sponsored", "funded", "aligned", "linked", "pro-", "prox"),
    "affiliated_with": ("affiliated", "aligned", "linked", "pro-"),
    "owned_by": ("owned", "run"),
    "allied_with": ("allied", "ally", "allies", "aligned", "pro-"),
    "cooperates_with": ("cooperat", "joint"),
    "operates": ("operat",),
    "leads": ("led", "lead", "head"),
}


class ActorNames:
    """Which actor a text names: one of its spellings starting a word ('Israel' names it in 'an Israeli
    attack'), unless the spelling is part of a longer spelling of another actor written there, word
    for word ('Syria' in 'Syrian Human Rights Observatory', 'Israel' in 'Israel Hayom'): those words
    name the other actor, and a claim moved to the shorter name would otherwise pass. A possessive is
    no exception: 'Syria's aerial defense system', an alias of the air defence, names the air defence."""

    def __init__(self, actors: pd.DataFrame) -> None:
        self.of = _spellings_by_actor(actors)
        owners: dict[str, set[str]] = {}
        for actor, spellings in self.of.items():
            for spelling in spellings:
                owners.setdefault(spelling, set()).add(str(actor))
        # Each spelling's places in the longer spellings that hold it where a word starts: by where it
        # starts in them, their lengths (longest first) and their owners by text. Found among the sorted
        # tails of every spelling from each of its word starts, so no pair of spellings is compared; a
        # hit is then judged by slicing the text once per length, not once per longer spelling.
        tails = sorted((spelling[start:], start, spelling) for spelling in owners for start in _word_starts(spelling))
        keys = [tail for tail, *_ in tails]
        self.held: dict[str, dict[int, tuple[list[int], dict[str, set[str]]]]] = {}
        for spelling in owners:
            at = bisect.bisect_left(keys, spelling)
            while at < len(keys) and keys[at].startswith(spelling):
                _, start, longer = tails[at]
                if len(longer) > len(spelling):
                    lengths, by_text = self.held.setdefault(spelling, {}).setdefault(start, ([], {}))
                    if len(longer) not in lengths:
                        lengths.append(len(longer))
                        lengths.sort(reverse=True)
                    by_text[longer] = owners[longer]
                at += 1

    def names(self, text: object, actor: str, beside: object = None, relation: object = None) -> bool:
        """Whether ``text`` names ``actor``: found by plain search, the preceding character judged only
        at a hit (no regex to compile for each of thousands of actors). A spelling of the actor
        ``beside`` that carries the words of ``relation`` may hold it: a relation read from a name
        ('Iranian-backed Iraqi militias' backed by Iran) names both actors in the one spelling."""
        if not isinstance(text, str):
            return False
        for spelling in self.of.get(actor, ()):
            held = self.held.get(spelling)  # most spellings no longer one holds: no check at each hit
            at = text.find(spelling)
            while at >= 0:
                if (at == 0 or not _is_word_char(text[at - 1])) and (
                    held is None or not _held_by_another(held, text, at, actor, beside, relation)
                ):
                    return True
                at = text.find(spelling, at + 1)
        return False


# The last actors indexed and their index (``actor_names``).
_indexed: tuple[Hashable, ActorNames] | None = None
_indexing = threading.Lock()


def actor_names(actors: pd.DataFrame) -> ActorNames:
    """``ActorNames(actors)``, built once for the same IDs, names and aliases: the rules of a run
    that read them share one index, as do the runs of one process on unchanged actors (a build
    takes 0.05 to 0.1 s at 10,000 actors, most of what judging one block of claims costs)."""
    global _indexed
    key = tuple(
        tuple(value if isinstance(value, str) else None for value in values)
        for values in (actors.index.tolist(), actors["name"].tolist(), actors["aliases"].tolist())
    )
    with _indexing:
        if _indexed is not None and _indexed[0] == key:
            return _indexed[1]
    names = ActorNames(actors)
    with _indexing:
        _indexed = (key, names)
    return names


def _held_by_another(
    held: dict[int, tuple[list[int], dict[str, set[str]]]],
    text: str,
    at: int,
    actor: str,
    beside: object,
    relation: object,
) -> bool:
    """Whether a longer spelling of another actor (``held``: where the found one starts in them, their
    lengths and owners) is written word for word around the spelling found at ``at``."""
    for start, (lengths, by_text) in held.items():
        first = at - start
        if first < 0 or not _starts_word(text, first):
            continue
        for length in lengths:
            owners = by_text.get(text[first : first + length])
            if owners is None or not _ends_word(text, first + length):
                continue
            carries = _carries_relation(text[first : first + length], relation)
            if any(owner != actor and not (owner == beside and carries) for owner in owners):
                return True
    return False


def _carries_relation(spelling: str, relation: object) -> bool:
    """Whether ``spelling`` writes one of the words of ``relation`` ('Iranian-backed' for backed_by)."""
    words = RELATION_WORDS.get(str(relation), ())
    return any(re.search(rf"\b{word}", spelling, re.IGNORECASE) for word in words)


def _ends_word(text: str, end: int) -> bool:
    return end >= len(text) or not _is_word_char(text[end])


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _starts_word(text: str, at: int) -> bool:
    """Whether no word character stands before ``at``: a spelling found there starts a word."""
    return at == 0 or not _is_word_char(text[at - 1])


def _word_starts(spelling: str) -> list[int]:
    """Where words start in a spelling: at its first character, and at each word character after one that is not."""
    return [0, *(at for at in range(1, len(spelling)) if _is_word_char(spelling[at]) and _starts_word(spelling, at))]


def _unnamed(
    frame: pd.DataFrame,
    column: str,
    actors: pd.DataFrame,
    words: str = "quote",
    among: np.ndarray | None = None,
    beside: str | None = None,
) -> list[tuple[int, str]]:
    """The (line, actor) of each row (of those ``among`` keeps) whose ``column`` names a known actor
    that neither its ``words`` nor its curator_note names; an actor that is not known is
    foreign_key's to report. The actor in ``beside`` may hold it in its own spelling."""
    names = actor_names(actors)
    return [
        (line, actor)
        for line, actor, _, note, other, relation in _missed(frame, column, names, words, among, beside)
        if not names.names(note, actor, other, relation)
    ]


def _missed(
    frame: pd.DataFrame,
    column: str,
    names: ActorNames,
    words: str,
    among: np.ndarray | None,
    beside: str | None = None,
) -> Iterator[tuple[int, str, str, object, str | None, str | None]]:
    """The (line, actor, words, note, the actor ``beside`` it and the relation) of each row (of those ``among`` keeps)
    whose ``column`` names a known actor its ``words`` do not name. Rows are judged a slice at a
    time, one slice's rows given before the next is read, and a note is read only where the words
    miss: the cells become Python strings, and a million at once held several hundred MiB."""
    mask = (frame[column].isin(list(names.of)) & frame[words].notna()).to_numpy(dtype=bool)
    if among is not None:
        mask = mask & among
    lines, named, texts, notes = frame.index, frame[column], frame[words], frame["curator_note"]
    judged = np.flatnonzero(mask)
    for start in range(0, len(judged), ROWS_AT_ONCE):
        part = judged[start : start + ROWS_AT_ONCE]
        ids = named.iloc[part].tolist()
        said = texts.iloc[part].tolist()
        others = [None] * len(part) if beside is None else frame[beside].iloc[part].tolist()
        relations = [None] * len(part) if beside is None else frame["relation"].iloc[part].tolist()
        missed = [
            at
            for at, (actor, text, other, relation) in enumerate(zip(ids, said, others, relations, strict=True))
            if not names.names(text, actor, other, relation)
        ]
        if not missed:
            continue
        part = part[missed]
        for at, line, note in zip(missed, lines[part].tolist(), notes.iloc[part].tolist(), strict=True):
            yield int(line), ids[at], said[at], note, others[at], relations[at]


class AnyActor:
    """Finds the first spelling of any actor a text names, as ``_name_pattern`` would over all of
    them, without one regular expression of thousands of alternatives tried at every character: a
    spelling that starts with a word character starts where a run of them does, and its own first
    run is either that run or, if the spelling is one run, a prefix of it."""

    def __init__(self, spellings: list[str]) -> None:
        self.by_first_run: dict[str, list[str]] = {}
        odd: list[str] = []
        for spelling in spellings:
            run = _RUN.match(spelling)
            if run is None:
                odd.append(spelling)
            else:
                self.by_first_run.setdefault(run.group(), []).append(spelling)
        for candidates in self.by_first_run.values():
            candidates.sort(key=len, reverse=True)
        self.lengths = sorted({len(run) for run in self.by_first_run}, reverse=True)
        self.odd = _name_pattern(None, LIST_DELIMITER.join(odd))
        # The candidates of each word met so far: texts repeat their words, and working them out
        # tried every length of a first run at every word (a fifth of a validation of 100,000 claims).
        self._candidates: dict[str, tuple[str, ...]] = {}

    def first(self, text: str) -> str | None:
        """The leftmost spelling ``text`` names (the longest of those starting there), or None."""
        odd = self.odd.search(text)
        for run in _RUN.finditer(text):
            if odd is not None and odd.start() <= run.start():
                break
            word, at = run.group(), run.start()
            candidates = self._candidates.get(word)
            if candidates is None:
                candidates = self._candidates[word] = self.starting(word)
            for spelling in candidates:
                if text.startswith(spelling, at):
                    return spelling
        return None if odd is None else odd.group()

    def starting(self, word: str) -> tuple[str, ...]:
        """The spellings that may start where the run of word characters ``word`` starts, in the
        order ``first`` tries them: the longest first run first, then the longest spelling."""
        return tuple(
            spelling
            for length in self.lengths
            if length <= len(word)
            for spelling in self.by_first_run.get(word[:length], ())
        )


# A run of word characters: every one starts a word.
_RUN = re.compile(r"\w+")


def _value_actor_named(frames: Frames) -> list[Problem]:
    """The actor a claim names in value_actor_id is one its quote names, by its name or an alias;
    where the quote does not (a mistranslation, 'the two'), the curator_note names it."""
    return [
        problem("value_actor_named", "claims", line, "value_actor_id", actor, actor=actor)
        for line, actor in _unnamed(frames["claims"], "value_actor_id", _known_actors(frames["actors"]))
    ]


def _value_text_actor(frames: Frames) -> list[Problem]:
    """A claim that names an actor in value_actor_id does not word another in value_text: a value_text
    that is, whole and in any letter case, a name or alias of another actor ('Iran' beside act-israel),
    or 'unknown' on an attribution, says the claim names someone else, or no one."""
    claims, actors = frames["claims"], _known_actors(frames["actors"])
    given = claims[(claims["value_actor_id"].notna() & claims["value_text"].notna()).to_numpy(dtype=bool)]
    if given.empty:
        return []
    owners: dict[str, str] = {}
    for actor, spellings in _spellings_by_actor(actors).items():
        for spelling in spellings:
            owners.setdefault(spelling.casefold(), str(actor))
    problems = []
    for line, predicate, actor, text in zip(
        given.index.tolist(),
        given["predicate"].tolist(),
        given["value_actor_id"].tolist(),
        given["value_text"].tolist(),
        strict=True,
    ):
        owner = owners.get(str(text).casefold())
        if owner is not None and owner != actor and actor in actors.index:
            problems.append(
                problem("value_text_actor", "claims", int(line), "value_text", text, actor=actor, other=owner)
            )
        elif predicate == "attribution" and text == UNKNOWN_PERPETRATOR:
            problems.append(
                problem("value_text_actor", "claims", int(line), "value_text", text, actor=actor, other=None)
            )
    return problems


def _claimant_named(frames: Frames) -> list[Problem]:
    """Attribution words that name an actor name the claimant ('According to the state SANA agency'
    is SANA's claim), whatever the curator_note says: the words decide, else a note could credit
    one party's words to any actor it mentions. Words that name no actor ('The two', 'The source
    claimed') leave the note to say who speaks. A claim in its document's own voice (the claimant
    is the publisher) is not judged: its words are the document's hedge ('attributed to Israel')."""
    claims, sources, actors = frames["claims"], frames["sources"], _known_actors(frames["actors"])
    publishers = claims["source_id"].map(first_by_key(sources, "source_id")["publisher_actor_id"])
    own_voice = (claims["claimant_actor_id"] == publishers).fillna(False).to_numpy(dtype=bool)
    # Whose voice a claim is in is unknown while its document's publisher is: foreign_key's to report.
    publisher_known = publishers.isin(actors.index).to_numpy(dtype=bool)
    names = actor_names(actors)
    missed = _missed(claims, "claimant_actor_id", names, "attribution_quote", ~own_voice & publisher_known)
    first_missed = next(missed, None)
    if first_missed is None:
        return []
    anyone = AnyActor([*actors["name"].dropna(), *list_items(actors["aliases"])])
    found: list[Problem] = []
    # Attribution words repeat from claim to claim; the answers kept are bounded, as the slices are.
    first_named: dict[str, str | None] = {}
    for line, actor, words, note, _, _ in itertools.chain([first_missed], missed):
        if words not in first_named:
            if len(first_named) >= ROWS_AT_ONCE:
                first_named.clear()
            first_named[words] = anyone.first(words)
        named = first_named[words]
        if named is None and names.names(note, actor):
            continue
        found.append(
            problem("claimant_named", "claims", line, "claimant_actor_id", actor, actor=actor, named=named, words=words)
        )
    return found


def _names_shared(frames: Frames) -> list[Problem]:
    """A spelling (name or alias) belongs to one actor: the naming rules take any of an actor's
    spellings as naming it, so one shared by two actors names both, and a claim credited to either
    passes. The actor it names keeps it, else the first to list it as an alias; each other row that
    lists it is reported, once. Rows without an ID are foreign_key's or required's; an actor's name
    again among its aliases is its own."""
    actors = frames["actors"]
    names = actors["name"].dropna()
    aliases = list_items(actors["aliases"])
    spellings = pd.DataFrame(
        {
            "line": np.concatenate([names.index.to_numpy(), aliases.index.to_numpy()]),
            "column": ["name"] * len(names) + ["aliases"] * len(aliases),
            "spelling": np.concatenate([names.to_numpy(dtype=object), aliases.to_numpy(dtype=object)]),
        }
    )
    spellings["actor"] = actors["actor_id"].reindex(spellings["line"]).to_numpy()
    # A name is its actor's before any alias is: an alias that is another actor's name is the one reported.
    spellings = spellings.dropna().sort_values(["column", "line"], kind="stable", ascending=[False, True])
    owner = spellings.groupby("spelling", sort=False)[["actor", "line"]].transform("first")
    other = (spellings["actor"] != owner["actor"]).to_numpy(dtype=bool)
    # Arrays, not Series: a Series set on an empty frame would bring its whole index with it.
    shared = spellings[other].assign(owner=owner["actor"].to_numpy()[other], first=owner["line"].to_numpy()[other])
    shared = shared.drop_duplicates("line").sort_values("line", kind="stable")
    return [
        problem(
            "name_shared",
            "actors",
            int(line),
            column,
            str(actors.at[line, column]),
            spelling=spelling,
            owner=owner_id,
            first=int(first),
        )
        for line, column, spelling, owner_id, first in zip(
            shared["line"].tolist(),
            shared["column"].tolist(),
            shared["spelling"].tolist(),
            shared["owner"].tolist(),
            shared["first"].tolist(),
            strict=True,
        )
    ]


def _publisher_named(frames: Frames) -> list[Problem]:
    """A source row that is not archived (a report a seed cites, a reference) names its publisher in
    its title or curator_note, by its name or an alias: the publisher rests on the words that cite
    the report ('According to the state SANA agency'), and without them any outlet could be put
    there. An archived document's publisher is its own: the document names it or no one does."""
    sources = frames["sources"]
    archived = (sources["seed_path"].notna() | (sources["kind"] == "archived_article")).fillna(True)
    # A row without an ID is required's to report, and no one cites it.
    judged = ~archived.to_numpy(dtype=bool) & sources["source_id"].notna().to_numpy(dtype=bool)
    return [
        problem("publisher_named", "sources", line, "publisher_actor_id", actor, actor=actor)
        for line, actor in _unnamed(
            sources,
            "publisher_actor_id",
            _known_actors(frames["actors"]),
            words="title",
            among=judged,
        )
    ]


def _publisher_kind(frames: Frames) -> list[Problem]:
    """A source's publisher is an actor of a kind that publishes such a source (PUBLISHER_KINDS): an
    NGO's report filed as an official statement, or a statement by a state filed as an NGO's, passed.
    An unknown publisher is foreign_key's, one without a kind the cell rules'."""
    sources, actors = frames["sources"], _known_actors(frames["actors"])
    kinds = sources["publisher_actor_id"].map(actors["kind"])
    problems = []
    for line, kind, publisher, publisher_kind in zip(
        sources.index.tolist(),
        sources["kind"].tolist(),
        sources["publisher_actor_id"].tolist(),
        kinds.tolist(),
        strict=True,
    ):
        allowed = PUBLISHER_KINDS.get(str(kind))
        if allowed is not None and isinstance(publisher_kind, str) and publisher_kind not in allowed:
            problems.append(
                problem(
                    "publisher_kind",
                    "sources",
                    int(line),
                    "kind",
                    kind,
                    publisher=publisher,
                    publisher_kind=publisher_kind,
                    allowed=allowed,
                )
            )
    return problems


def _publisher_left_out(frames: Frames) -> list[Problem]:
    """A report (not archived, not a reference) with no publisher whose title names an actor: the
    publisher is empty only when the document does not say, and a title that names one says."""
    sources, actors = frames["sources"], _known_actors(frames["actors"])
    reports = sources[
        (
            sources["publisher_actor_id"].isna()
            & sources["title"].notna()
            & ~sources["kind"].isin(["archived_article", "reference"])
            & sources["kind"].notna()
        ).to_numpy(dtype=bool)
    ]
    if reports.empty:
        return []
    anyone = AnyActor([*actors["name"].dropna(), *list_items(actors["aliases"])])
    problems = []
    for line, title in zip(reports.index.tolist(), reports["title"].tolist(), strict=True):
        named = anyone.first(str(title))
        if named is not None:
            problems.append(problem("publisher_given", "sources", int(line), "publisher_actor_id", None, named=named))
    return problems


def _relation_named(frames: Frames) -> list[Problem]:
    """Both actors of a relation are ones its quote names ('Hashed al-Shaabi ... supported by Iran'),
    or, where the quote does not ('its ally'), its curator_note names."""
    relations, actors = frames["actor_relations"], _known_actors(frames["actors"])
    return [
        problem("relation_named", "actor_relations", line, column, actor, actor=actor)
        for column, other in (("subject_actor_id", "object_actor_id"), ("object_actor_id", "subject_actor_id"))
        for line, actor in _unnamed(relations, column, actors, beside=other)
    ]


def _relation_within(frames: Frames) -> list[Problem]:
    """Two actors of a relation of which one is part of the other by parent_actor_id ('the Israeli Air
    Force backed by Israel'): being part of an actor is parent_actor_id, never a relation, so such a
    row says nothing the parent does not, or contradicts it ('state-owned' TASS is not part of the
    state it is owned by). A head may be recorded as part of what it heads, and a force may operate a
    unit of its own, so `leads` and `operates` are left alone.
    An actor related to itself is relation_not_self's."""
    relations, actors = frames["actor_relations"], _known_actors(frames["actors"])
    parent = _parents(actors)
    judged = relations[(~relations["relation"].isin(["leads", "operates"])).fillna(False).to_numpy(dtype=bool)]
    problems = []
    for line, subject, object_ in zip(
        judged.index.tolist(), judged["subject_actor_id"].tolist(), judged["object_actor_id"].tolist(), strict=True
    ):
        if not isinstance(subject, str) or not isinstance(object_, str) or subject == object_:
            continue
        if within(subject, object_, parent) or within(object_, subject, parent):
            whole, part = (object_, subject) if within(subject, object_, parent) else (subject, object_)
            problems.append(
                problem(
                    "relation_within", "actor_relations", int(line), "object_actor_id", object_, part=part, whole=whole
                )
            )
    return problems


def _relation_countries(frames: Frames) -> list[Problem]:
    """A relation that makes its subject the state's own (metadata.SAME_COUNTRY_RELATIONS: leads,
    owned_by) with a state as its object gives the subject that state's country: Joe Biden's country
    typed RUS, or TASS's SYR, passed every rule of the cell. An actor without a country is not judged."""
    relations, actors = frames["actor_relations"], _known_actors(frames["actors"])
    countries, kinds = actors["country"], actors["kind"]
    rows = relations[relations["relation"].isin(list(SAME_COUNTRY_RELATIONS)).fillna(False).to_numpy(dtype=bool)]
    problems = []
    for line, relation, subject, object_ in zip(
        rows.index.tolist(),
        rows["relation"].tolist(),
        rows["subject_actor_id"].tolist(),
        rows["object_actor_id"].tolist(),
        strict=True,
    ):
        own, states = countries.get(subject), countries.get(object_)
        if kinds.get(object_) == "state" and isinstance(own, str) and isinstance(states, str) and own != states:
            problems.append(
                problem(
                    "relation_country",
                    "actor_relations",
                    int(line),
                    "subject_actor_id",
                    subject,
                    relation=relation,
                    subject=subject,
                    country=own,
                    state=object_,
                    state_country=states,
                )
            )
    return problems


# The ends a relation cannot have: (relation, column, kinds of actor that cannot stand there). No one
# heads a person, a person or a state is owned by no one, and neither is operated as a unit or crew.
IMPOSSIBLE_ENDS = (
    ("leads", "object_actor_id", ("person",)),
    ("owned_by", "subject_actor_id", ("person", "state")),
    ("operates", "object_actor_id", ("person", "state")),
)


def _relation_direction(frames: Frames) -> list[Problem]:
    """A relation whose actor stands at an end its kind rules out: 'the United States leads Joe
    Biden', 'Russia is owned by TASS', the subject and object swapped. An unknown actor is
    foreign_key's, an actor without a kind the cell rules'."""
    relations, actors = frames["actor_relations"], _known_actors(frames["actors"])
    kinds = actors["kind"]
    problems = []
    for relation, column, impossible in IMPOSSIBLE_ENDS:
        rows = relations[(relations["relation"] == relation).fillna(False).to_numpy(dtype=bool)]
        kind = rows[column].map(kinds)
        wrong = kind.isin(list(impossible)).fillna(False).to_numpy(dtype=bool)
        problems += [
            problem("relation_kind", "actor_relations", int(line), column, actor, relation=relation, kind=end_kind)
            for line, actor, end_kind in zip(
                rows.index[wrong].tolist(), rows[column][wrong].tolist(), kind[wrong].tolist(), strict=True
            )
        ]
    return sorted(problems, key=lambda found: found.row or 0)


def _parents(actors: pd.DataFrame) -> dict[str, str]:
    """Each known actor's parent, by ID (``actors`` indexed by actor_id, as _known_actors gives them)."""
    parents = actors["parent_actor_id"].dropna()
    return dict(zip(map(str, parents.index), map(str, parents.tolist()), strict=True))


def within(actor: str, ancestor: str, parent: Mapping[str, str]) -> bool:
    """Whether ``actor`` is ``ancestor`` or part of it, walking parents at most once each."""
    seen: set[str] = set()
    current: str | None = actor
    while current is not None and current not in seen:
        if current == ancestor:
            return True
        seen.add(current)
        current = parent.get(current)
    return False


def events_claimed(claims: pd.DataFrame) -> pd.Series:
    """The event of each claim, and of each item of its other_event_ids, indexed by the claim's line."""
    return pd.concat(
        [pd.Series(claims["event_id"].to_numpy(), index=claims.index), list_items(claims["other_event_ids"])]
    ).dropna()


def documents_about(claims: pd.DataFrame) -> pd.DataFrame:
    """Each (event_id, source_id) pair of an event and a document with a claim about it, once."""
    about = events_claimed(claims)
    pairs = pd.DataFrame(
        {"event_id": about.to_numpy(), "source_id": claims["source_id"].reindex(about.index).to_numpy()}
    )
    return pairs.dropna().drop_duplicates()


def _attribution_claimed(frames: Frames) -> list[Problem]:
    """An event attributed to an actor (alleged or acknowledged) has an attribution claim about it
    that names that actor, or a force that is part of it, and blames it (asserts or reports it): the
    attribution rests on a document's words, which a denial of them does not give. Not judged
    here: an unknown actor (foreign_key's), a media outlet (attributed_kind's), an event no claim is
    about (event_claimed's), and one with an attribution claim that names neither an actor nor
    value_text (actor_value's)."""
    events, claims, actors = frames["events"], frames["claims"], _known_actors(frames["actors"])
    named = events[
        (events["attribution_status"].isin(NAMING_STATUSES) & events["attributed_actor_id"].isin(actors.index))
        .fillna(False)
        .to_numpy(dtype=bool)
    ]
    if named.empty:
        return []
    about = events_claimed(claims)
    attribution = (claims["predicate"] == "attribution").fillna(False).to_numpy(dtype=bool)
    unnamed = attribution & (claims["value_actor_id"].isna() & claims["value_text"].isna()).to_numpy(dtype=bool)
    unjudged = set(about[about.index.isin(claims.index[unnamed])].tolist()) | (
        set(named["event_id"].tolist()) - set(about.tolist())
    )
    # A stance left empty by its own problem (required's, enum's) is not judged: it may be the one that blames.
    stance = claims["stance"]
    blaming = attribution & (stance.isna() | stance.isin(BLAMING_STANCES).fillna(False)).to_numpy(dtype=bool)
    blamed = about[about.index.isin(claims.index[blaming])]
    actor_of = claims["value_actor_id"].loc[blamed.index].to_numpy()
    by_event: dict[str, set[str]] = {}
    for event, actor in zip(blamed.tolist(), actor_of.tolist(), strict=True):
        if isinstance(actor, str):
            by_event.setdefault(event, set()).add(actor)
    parent = _parents(actors)
    problems = []
    for line, event, actor in zip(
        named.index.tolist(), named["event_id"].tolist(), named["attributed_actor_id"].tolist(), strict=True
    ):
        if event in unjudged or any(within(claimed, actor, parent) for claimed in by_event.get(event, ())):
            continue
        problems.append(problem("attribution_claimed", "events", int(line), "attributed_actor_id", actor, actor=actor))
    return problems


def _target_not_attacker(frames: Frames) -> list[Problem]:
    """A target claim names no actor its event is attributed to, nor a part of one: the attacker
    given as its own target ('the United States killed ... Soleimani' with the United States as the
    target) passed, since the quote names it."""
    claims, events = frames["claims"], frames["events"]
    targets = claims[(claims["predicate"] == "target").fillna(False).to_numpy(bool) & claims["value_actor_id"].notna()]
    if targets.empty:
        return []
    attackers = first_by_key(events, "event_id")["attributed_actor_id"].dropna()
    parent = _parents(_known_actors(frames["actors"]))
    problems = []
    for line, event, target in zip(targets.index, targets["event_id"], targets["value_actor_id"], strict=True):
        attacker = attackers.get(event)
        if isinstance(attacker, str) and within(str(target), attacker, parent):
            problems.append(
                problem("target_not_attacker", "claims", int(line), "value_actor_id", str(target), attacker=attacker)
            )
    return problems


def _unattributed_claimed(frames: Frames) -> list[Problem]:
    """An event called unattributed ('the sources call the perpetrator unknown') has an attribution
    claim about it that does so (value_text 'unknown'), when it has attribution claims at all: with
    every one naming a perpetrator, 'unattributed' drops the blame the sources lay."""
    events, claims = frames["events"], frames["claims"]
    unattributed = events[(events["attribution_status"] == "unattributed").fillna(False).to_numpy(dtype=bool)]
    if unattributed.empty:
        return []
    about = events_claimed(claims)
    attribution = claims.index[(claims["predicate"] == "attribution").fillna(False).to_numpy(dtype=bool)]
    unknown = (claims["value_text"] == UNKNOWN_PERPETRATOR) & claims["value_actor_id"].isna()
    called_unknown = claims.index[unknown.fillna(False).to_numpy(dtype=bool)]
    blamed = set(about[about.index.isin(attribution)].tolist())
    unsure = set(about[about.index.isin(attribution.intersection(called_unknown))].tolist())
    wrong = unattributed[unattributed["event_id"].isin(sorted(blamed - unsure)).to_numpy(dtype=bool)]
    return [
        problem("unattributed_claimed", "events", int(line), "attribution_status", "unattributed")
        for line in wrong.index.tolist()
    ]


def _acknowledged_claimed(frames: Frames) -> list[Problem]:
    """An event acknowledged on an archived document (attribution_source_id) is one the attributed
    actor itself claims there: the document holds an attribution claim about it, asserted by that
    actor, a force that is part of it, or the actor it is part of. Others' blame is an allegation.
    An acknowledgement resting on a reference is not judged (its words are not archived), nor an
    unknown actor (foreign_key's)."""
    events, claims, sources = frames["events"], frames["claims"], frames["sources"]
    actors = _known_actors(frames["actors"])
    archived = sources.loc[sources["seed_path"].notna().to_numpy(dtype=bool), "source_id"].dropna()
    acknowledged = events[
        (
            (events["attribution_status"] == "acknowledged")
            & events["attribution_source_id"].isin(archived)
            & events["attributed_actor_id"].isin(actors.index)
        )
        .fillna(False)
        .to_numpy(dtype=bool)
    ]
    if acknowledged.empty:
        return []
    about = events_claimed(claims)
    asserted = ((claims["predicate"] == "attribution") & (claims["stance"] == "asserts")).fillna(False)
    said = about[about.index.isin(claims.index[asserted.to_numpy(dtype=bool)])]
    claimants: dict[tuple[str, str], set[str]] = {}
    for event, source, claimant in zip(
        said.tolist(),
        claims["source_id"].reindex(said.index).tolist(),
        claims["claimant_actor_id"].reindex(said.index).tolist(),
        strict=True,
    ):
        if isinstance(source, str) and isinstance(claimant, str):
            claimants.setdefault((event, source), set()).add(claimant)
    parent = _parents(actors)
    return [
        problem(
            "acknowledged_claimed",
            "events",
            int(line),
            "attribution_status",
            "acknowledged",
            actor=actor,
            source=source,
        )
        for line, event, source, actor in zip(
            acknowledged.index.tolist(),
            acknowledged["event_id"].tolist(),
            acknowledged["attribution_source_id"].tolist(),
            acknowledged["attributed_actor_id"].tolist(),
            strict=True,
        )
        if not any(
            within(claimant, actor, parent) or within(actor, claimant, parent)
            for claimant in claimants.get((event, source), ())
        )
    ]


def _platforms_claimed(frames: Frames) -> list[Problem]:
    """An attack whose type names its platforms (metadata.EVENT_TYPE_PLATFORMS) has a platform claim
    (asserting or relaying it) that names one of them, when any names a platform at all: an air strike
    recoded as a missile strike, its 'F-16 jets' claimed, passed every rule of the cell. Claims naming
    none ('unknown') are not counted; an event without platform claims is not judged."""
    events, claims = frames["events"], frames["claims"]
    platformed = claims[
        ((claims["predicate"] == "launch_platform") & claims["stance"].isin(BLAMING_STANCES))
        .fillna(False)
        .to_numpy(dtype=bool)
    ]
    named: dict[str, set[str]] = {}
    for event, codes in zip(platformed["event_id"].tolist(), platformed["value_code"].tolist(), strict=True):
        if isinstance(event, str) and isinstance(codes, str):
            named.setdefault(event, set()).update(code for code in codes.split(LIST_DELIMITER) if code != UNKNOWN_CODE)
    problems = []
    for line, event, kind in zip(
        events.index.tolist(), events["event_id"].tolist(), events["event_type"].tolist(), strict=True
    ):
        platforms = EVENT_TYPE_PLATFORMS.get(kind) if isinstance(kind, str) else None
        if platforms and named.get(event) and not named[event] & set(platforms):
            problems.append(
                problem(
                    "event_type_claimed",
                    "events",
                    int(line),
                    "event_type",
                    kind,
                    kind=kind,
                    platforms=sorted(named[event]),
                    fits=platforms,
                )
            )
    return problems


# The place cells an event's place source must write, as it writes them (any letter case).
WRITTEN_PLACE_COLUMNS = ("admin1", "admin2", "locality")


def _places_written(frames: Frames) -> list[Problem]:
    """One warning per event place cell (admin1, admin2, locality) that its place_source_id does not
    write: for a reference, its title and curator_note, which say what the curators read at its
    address; for an archived document, the quotes of its claims about the event (its event_id or
    other_event_ids), which the quote rules hold to its seed. 'Aleppo' for 'Damascus', or 'Hama' for
    'Homs', passed every other rule. Spellings are compared folded (``_folded``); a transliteration the
    source spells otherwise ('Deir al-Zour') is why this warns."""
    events, sources = frames["events"], frames["sources"]
    claims = frames.get("claims")
    placed = events[events[list(WRITTEN_PLACE_COLUMNS)].notna().any(axis=1).to_numpy(dtype=bool)]
    written: dict[tuple[str, str], list[str]] = {}
    blanked: set[tuple[str, str]] = set()  # a quote blanked for its own fault may have written the place
    if claims is not None and len(placed):
        about = events_claimed(claims)
        quoted = pd.DataFrame(
            {
                "event_id": about.to_numpy(),
                "source_id": claims["source_id"].reindex(about.index).to_numpy(),
                "quote": claims["quote"].reindex(about.index).to_numpy(),
            }
        )
        # Only the claims of an event about its own place source are read: a merge, not a loop over claims.
        wanted = pd.DataFrame(
            {"event_id": placed["event_id"].to_numpy(), "source_id": placed["place_source_id"].to_numpy()}
        )
        for event, source, quote in quoted.merge(
            wanted.dropna().drop_duplicates(), on=["event_id", "source_id"]
        ).itertuples(index=False):
            if isinstance(quote, str):
                written.setdefault((event, source), []).append(quote)
            else:
                blanked.add((event, source))
    unique = first_by_key(sources, "source_id")
    # By kind, not by seed_path: a seed_path blanked for its own fault leaves the source archived.
    kinds = unique["kind"].astype("string")
    archived = dict(zip(unique.index.tolist(), (kinds == "archived_article").fillna(False).tolist(), strict=True))
    noted = {
        source: " ".join(cell for cell in (title, note) if isinstance(cell, str))
        for source, title, note in zip(
            unique.index.tolist(), unique["title"].tolist(), unique["curator_note"].tolist(), strict=True
        )
    }
    problems = []
    for line, event, source, *cells in zip(
        placed.index,
        placed["event_id"],
        placed["place_source_id"],
        *(placed[column] for column in WRITTEN_PLACE_COLUMNS),
        strict=True,
    ):
        if not isinstance(source, str) or source not in archived or pd.isna(kinds.get(source)):
            continue  # no place source, none of sources, or one of no kind: other rules'
        if archived[source]:
            if claims is None or (event, source) in blanked:
                continue
            text = _folded(" ".join(written.get((event, source), [])))
        else:
            text = _folded(noted[source])
        for column, cell in zip(WRITTEN_PLACE_COLUMNS, cells, strict=True):
            if isinstance(cell, str) and _folded(cell) not in text:
                problems.append(problem("place_written", "events", int(line), column, cell, source=source))
    return problems


def _folded(text: str) -> str:
    """A place's words without letter case, accents or punctuation, between spaces so that a name is
    found only whole: 'Deir ez-Zor' is ' deir ez zor ', 'Ḥomṣ,' is ' homs ', 'Hom's' is ' hom s '."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    return " " + " ".join(re.sub(r"[\W_]+", " ", plain.casefold()).split()) + " "


def _place_claimed(frames: Frames) -> list[Problem]:
    """An event with place claims lies in a country one of them codes: its country cell typed as
    another valid code passes every rule of the cell. An event without place claims is not judged."""
    events, claims = frames["events"], frames["claims"]
    placed = claims[(claims["predicate"] == "place").fillna(False).to_numpy(dtype=bool)]
    codes = list_items(placed["value_code"])
    about = events_claimed(placed)
    pairs = pd.DataFrame({"line": codes.index, "code": codes.to_numpy()}).merge(
        pd.DataFrame({"line": about.index, "event": about.to_numpy()}), on="line"
    )
    coded: dict[str, set[str]] = {}
    for event, code in zip(pairs["event"].tolist(), pairs["code"].tolist(), strict=True):
        coded.setdefault(event, set()).add(code)
    problems = []
    for line, event, country in zip(
        events.index.tolist(), events["event_id"].tolist(), events["country"].tolist(), strict=True
    ):
        if isinstance(country, str) and coded.get(event) and country not in coded[event]:
            problems.append(
                problem("place_claimed", "events", int(line), "country", country, codes=sorted(coded[event]))
            )
    return problems


# The fields a reference gives for a place, which two events at one place from one reference share.
PLACE_FIELDS = ("country", "admin1", "admin2", "locality", "latitude", "longitude")


def _place_read_once(frames: Frames) -> list[Problem]:
    """Two events at the same place (place_name and place_precision) whose place rests on the same
    source give the same country, admin areas and coordinates: the source describes that place one
    way, so a field that differs was moved or retyped on one of them. The later row is reported, at
    its first field that differs from the first such row's; a field given on one row only is not
    compared (a cell that failed its own rules is left empty, and is theirs to report)."""
    events = frames["events"]
    keys = ["place_name", "place_precision", "place_source_id"]
    placed = events[events[keys].notna().all(axis=1).to_numpy(dtype=bool)]
    if placed.empty:
        return []
    fields = placed[list(PLACE_FIELDS)].astype("string")
    first = fields.groupby([placed[key] for key in keys], sort=False).transform("first")
    # A field empty on either row is not compared: a cell that failed its own rules is left empty.
    # Coordinates are compared as a pair, since a rule of the pair reports (and empties) one of them.
    # Coordinates outside their country are coordinates_in_country's to report, which empties neither:
    # a group with such a row compares no coordinates.
    pair = ["latitude", "longitude"]
    astray = ~inside_country(placed).to_numpy(dtype=bool)
    astray_first = pd.Series(astray, index=placed.index).groupby([placed[key] for key in keys]).transform("any")
    unpaired = fields[pair].isna().any(axis=1) | first[pair].isna().any(axis=1) | astray_first
    fields.loc[unpaired.to_numpy(dtype=bool), pair] = pd.NA
    differs = (fields != first).fillna(False).to_numpy(dtype=bool)
    lines = np.flatnonzero(differs.any(axis=1))
    firsts = placed.reset_index(names="line").groupby(keys, sort=False)["line"].transform("first").to_numpy()
    problems = []
    for k in lines.tolist():
        column = PLACE_FIELDS[int(np.argmax(differs[k]))]
        value = placed[column].iloc[k]
        problems.append(
            problem(
                "place_read_once",
                "events",
                int(placed.index[k]),
                column,
                None if pd.isna(value) else str(value),
                first=int(firsts[k]),
                given=str(first[column].iloc[k]),
                source=str(placed["place_source_id"].iloc[k]),
            )
        )
    return problems


def _ended_by_reports(frames: Frames) -> list[Problem]:
    """An event ends by the day the latest document about it was published (a document whose claims
    are about it, or the one it is dated from): a report cannot know the event went on after it. Not
    judged: an event none of whose documents has a known day, and one of precision 'month', whose
    interval is the calendar month by convention though the report came mid-month."""
    events, claims, sources = frames["events"], frames["claims"], frames["sources"]
    dated = pd.DataFrame({"event_id": events["event_id"].to_numpy(), "source_id": events["date_source_id"].to_numpy()})
    documents = pd.concat([documents_about(claims), dated]).dropna().drop_duplicates()
    published = first_by_key(sources, "source_id")["published_end"].reset_index()
    latest = documents.merge(published, on="source_id").groupby("event_id")["published_end"].max()
    monthly = (events["date_precision"] == "month").fillna(False).to_numpy(dtype=bool)
    ends = (
        events.loc[~monthly, ["event_id", "date_end"]]
        .reset_index(names="line")
        .merge(latest.rename("latest").reset_index(), on="event_id")
    )
    late = ends[(ends["date_end"] > ends["latest"]).fillna(False).to_numpy(dtype=bool)].sort_values("line")
    return [
        problem("ended_by_reports", "events", int(line), "date_end", _day(end), end=_day(end), latest=_day(last))
        for line, end, last in zip(
            late["line"].tolist(), late["date_end"].tolist(), late["latest"].tolist(), strict=True
        )
    ]


def _ended_by_date_source(frames: Frames) -> list[Problem]:
    """An event ends by the day the document it is dated from was published: the interval is worked
    out from that document's words, which cannot know a later day. Precision 'month' aside (its
    interval is the calendar month by convention), and a source without a known day."""
    events, sources = frames["events"], frames["sources"]
    published = first_match_dates(arrow_strings(events["date_source_id"]), sources, "source_id", "published_end")
    end = events["date_end"].to_numpy(dtype="datetime64[s]")
    monthly = (events["date_precision"] == "month").fillna(False).to_numpy(dtype=bool)
    late = np.flatnonzero((end > published) & ~monthly)
    return [
        problem(
            "ended_by_date_source",
            "events",
            int(events.index[k]),
            "date_end",
            _day(pd.Timestamp(end[k])),
            end=_day(pd.Timestamp(end[k])),
            source=str(events["date_source_id"].iloc[k]),
            published=_day(pd.Timestamp(published[k])),
        )
        for k in late.tolist()
    ]


def _day(value: pd.Timestamp) -> str:
    return f"{value:%Y-%m-%d}"


def _intervals(text: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Start and end days of time intervals ('..' an open start); NaT where the text is no interval."""
    interval = time_intervals(text)
    start = interval.start.to_numpy(dtype="datetime64[s]", copy=True)
    start[interval.open_start.to_numpy(dtype=bool)] = np.datetime64("0001-01-01", "s")
    return start, interval.end.to_numpy(dtype="datetime64[s]")


def _dated_without_time_claims(dated: pd.DataFrame, timed: pd.DataFrame) -> list[Problem]:
    """An event dated from an archived document that has no time claim about it: the date rests on
    words nobody recorded (the time claim moved to another event, or never made). A time claim of
    any form counts: one its own rules reject is theirs to report."""
    said = pairs_isin((dated["event_id"], dated["date_source_id"]), (timed["event_id"], timed["source_id"])) | dated[
        "event_id"
    ].isna().to_numpy(dtype=bool)
    unsaid = dated[~said]
    return [
        problem(
            "date_claimed",
            "events",
            int(line),
            "date_end",
            _shown(unsaid.loc[[line], "date_end"]),
            source=source,
            intervals=[],
            date_start=_shown(unsaid.loc[[line], "date_start"]),
            date_end=_shown(unsaid.loc[[line], "date_end"]),
        )
        for line, source in zip(unsaid.index, unsaid["date_source_id"], strict=True)
    ]


def _date_claimed(frames: Frames) -> list[Problem]:
    """An event dated from an archived document overlaps a day one of that document's time claims
    about it gives: the date was worked out from those words. Time claims not of the interval form,
    out of order, or starting after the document (the rules of the claim report those) are not
    compared; neither is an event whose own dates are out of order (date_order's)."""
    events, claims, sources = frames["events"], frames["claims"], frames["sources"]
    archived = sources.loc[sources["seed_path"].notna().to_numpy(dtype=bool), "source_id"].dropna()
    dated = events[events["date_source_id"].isin(archived).to_numpy(dtype=bool)]
    timed = claims[(claims["predicate"] == "time").fillna(False).to_numpy(dtype=bool)]
    problems = _dated_without_time_claims(dated, timed)
    if dated.empty or timed.empty:
        return problems
    apart = _days_apart(dated, _time_said(timed, sources), same_document=True)
    return problems + _apart_problems("date_claimed", apart)


def _date_narrowed(frames: Frames) -> list[Problem]:
    """An event dated from an archived document holds every day that the document's time claims about
    it leave together (the latest start to the earliest end): a day picked inside 'this week', or a
    Sunday where 'on Tuesday' is written, is written nowhere in it. A time claim about several events
    (other_event_ids) speaks of each. Judged for events whose days are in order and whose start is
    known, with claims judged as for date_claimed, and not where the claims leave no day at all
    (date_claimed's); an event wider than what the claims leave is dated more loosely, not wrongly."""
    events, claims, sources = frames["events"], frames["claims"], frames["sources"]
    archived = sources.loc[sources["seed_path"].notna().to_numpy(dtype=bool), "source_id"].dropna()
    dated = events[events["date_source_id"].isin(archived).to_numpy(dtype=bool)]
    timed = claims[(claims["predicate"] == "time").fillna(False).to_numpy(dtype=bool)]
    if dated.empty or timed.empty:
        return []
    others = list_items(timed["other_event_ids"])
    if not others.empty:
        timed = pd.concat([timed, timed.loc[others.index].assign(event_id=others.to_numpy())])
    first = dated["date_start"].to_numpy(dtype="datetime64[s]")
    last = dated["date_end"].to_numpy(dtype="datetime64[s]")
    judged = ~np.isnat(first) & ~np.isnat(last) & (first <= last)
    days = pd.DataFrame(
        {
            "line": dated.index[judged],
            "event_id": dated["event_id"].to_numpy()[judged],
            "said_in": dated["date_source_id"].to_numpy()[judged],
            "first": first[judged],
            "last": last[judged],
        }
    )
    compared = days.merge(_time_said(timed, sources), on=["event_id", "said_in"])
    if compared.empty:
        return []
    # Every event's span against its claims' at once: only the events reported are looped over.
    lines = compared.groupby("line")
    latest_start = lines["start"].transform("max").to_numpy()
    earliest_end = lines["end"].transform("min").to_numpy()
    holds = (compared["first"].to_numpy() <= latest_start) & (compared["last"].to_numpy() >= earliest_end)
    narrowed = compared[(latest_start <= earliest_end) & ~holds]
    problems = []
    for _, group in narrowed.groupby("line", sort=True):
        row = group.iloc[0]
        start, end = (str(np.datetime64(row[name], "D")) for name in ("first", "last"))
        problems.append(
            problem(
                "date_narrowed",
                "events",
                int(row["line"]),
                "date_end",
                end,
                date_start=start,
                date_end=end,
                intervals=", ".join(sorted(set(map(str, group["interval"])))),
            )
        )
    return problems


def _dated_against_claims(frames: Frames) -> list[Problem]:
    """An event dated from a reference overlaps a day one of the time claims about it gives: a
    reference narrows what the documents say. It may contradict them, with the discrepancy recorded
    in curator_note as the curation guide asks, so this only warns: a slip of the year is seen, and a
    discrepancy on purpose stays valid. Time claims are judged as for date_claimed."""
    events, claims, sources = frames["events"], frames["claims"], frames["sources"]
    archived = sources.loc[sources["seed_path"].notna().to_numpy(dtype=bool), "source_id"].dropna()
    dated = events[(~events["date_source_id"].isin(archived) & events["date_source_id"].notna()).to_numpy(dtype=bool)]
    timed = claims[(claims["predicate"] == "time").fillna(False).to_numpy(dtype=bool)]
    if dated.empty or timed.empty:
        return []
    return _apart_problems("dated_against_claims", _days_apart(dated, _time_said(timed, sources), same_document=False))


def _time_said(timed: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The usable interval of each time claim, with the event it is about and the document it is read in."""
    start, end = _intervals(timed["value_text"].astype("string"))
    published_end = first_match_dates(arrow_strings(timed["source_id"]), sources, "source_id", "published_end")
    usable = ~np.isnat(start) & ~np.isnat(end) & (start <= end) & ~(start > published_end)
    said: pd.DataFrame = pd.DataFrame(
        {
            "event_id": timed["event_id"].to_numpy(),
            "said_in": timed["source_id"].to_numpy(),
            "interval": timed["value_text"].to_numpy(),
        }
    ).assign(start=start, end=end)[usable]
    return said


def _days_apart(dated: pd.DataFrame, said: pd.DataFrame, *, same_document: bool) -> pd.DataFrame:
    """The time claims about each event of ``dated`` (read in its date source when ``same_document``)
    for the events that share no day with any of them, by line."""
    first = dated["date_start"].to_numpy(dtype="datetime64[s]")
    last = dated["date_end"].to_numpy(dtype="datetime64[s]")
    in_order = np.isnat(first) | np.isnat(last) | (first <= last)
    days = pd.DataFrame(
        {
            "line": dated.index[in_order],
            "event_id": dated["event_id"].to_numpy()[in_order],
            "date_source_id": dated["date_source_id"].to_numpy()[in_order],
        }
    ).assign(first=first[in_order], last=last[in_order])
    if same_document:
        compared = days.merge(said, left_on=["event_id", "date_source_id"], right_on=["event_id", "said_in"])
    else:
        compared = days.merge(said, on="event_id")
    if compared.empty:
        return compared
    after_first = np.isnat(compared["first"].to_numpy()) | (compared["end"].to_numpy() >= compared["first"].to_numpy())
    before_last = np.isnat(compared["last"].to_numpy()) | (compared["start"].to_numpy() <= compared["last"].to_numpy())
    compared["overlaps"] = after_first & before_last
    apart: pd.DataFrame = compared[~compared.groupby("line")["overlaps"].transform("any").to_numpy(dtype=bool)]
    return apart


def _apart_problems(rule_id: RuleId, apart: pd.DataFrame) -> list[Problem]:
    """One problem per event line of ``apart``, naming its days and the intervals it shares none with."""
    problems = []
    for _, group in apart.groupby("line", sort=True):
        row = group.iloc[0]
        problems.append(
            problem(
                rule_id,
                "events",
                int(row["line"]),
                "date_end",
                _shown(group["last"]),
                source=row["date_source_id"],
                intervals=list(group["interval"]),
                date_start=_shown(group["first"]),
                date_end=_shown(group["last"]),
            )
        )
    return problems


def _shown(days: pd.Series) -> str | None:
    """The first of the days as written in the data; None for an open end."""
    day = days.to_numpy(dtype="datetime64[D]")[0]
    return None if np.isnat(day) else str(day)


# --- the rules, declared with what they read -----------------------------------------------
AGREEMENT_RULES: tuple[Across, ...] = (
    across(
        "value_actor_named",
        {"claims", "actors"},
        _value_actor_named,
        columns={"actors": {"actor_id", "aliases", "name"}, "claims": {"curator_note", "quote", "value_actor_id"}},
        rows="claims",
    ),
    across(
        "value_text_actor",
        {"claims", "actors"},
        _value_text_actor,
        columns={"actors": {"actor_id", "aliases", "name"}, "claims": {"predicate", "value_actor_id", "value_text"}},
        rows="claims",
    ),
    across(
        "relation_named",
        {"actor_relations", "actors"},
        _relation_named,
        columns={
            "actor_relations": {"curator_note", "object_actor_id", "quote", "relation", "subject_actor_id"},
            "actors": {"actor_id", "aliases", "name"},
        },
    ),
    across("name_shared", {"actors"}, _names_shared, columns={"actors": {"actor_id", "aliases", "name"}}),
    across(
        "publisher_named",
        {"sources", "actors"},
        _publisher_named,
        columns={
            "actors": {"actor_id", "aliases", "name"},
            "sources": {"curator_note", "kind", "publisher_actor_id", "seed_path", "source_id", "title"},
        },
    ),
    across(
        "publisher_kind",
        {"sources", "actors"},
        _publisher_kind,
        columns={"actors": {"actor_id", "kind"}, "sources": {"kind", "publisher_actor_id"}},
    ),
    across(
        "publisher_given",
        {"sources", "actors"},
        _publisher_left_out,
        columns={"actors": {"actor_id", "aliases", "name"}, "sources": {"kind", "publisher_actor_id", "title"}},
    ),
    across(
        "ended_by_date_source",
        {"events", "sources"},
        _ended_by_date_source,
        columns={"events": {"date_end", "date_precision", "date_source_id"}, "sources": {"published_end", "source_id"}},
    ),
    across(
        "claimant_named",
        {"claims", "sources", "actors"},
        _claimant_named,
        columns={
            "actors": {"actor_id", "aliases", "name"},
            "claims": {"attribution_quote", "claimant_actor_id", "curator_note", "source_id"},
            "sources": {"publisher_actor_id", "source_id"},
        },
        rows="claims",
    ),
    across(
        "attribution_claimed",
        {"events", "claims", "actors"},
        _attribution_claimed,
        columns={
            "actors": {"actor_id", "parent_actor_id"},
            "claims": {"event_id", "other_event_ids", "predicate", "stance", "value_actor_id", "value_text"},
            "events": {"attributed_actor_id", "attribution_status", "event_id"},
        },
    ),
    across(
        "date_claimed",
        {"events", "claims", "sources"},
        _date_claimed,
        columns={
            "claims": {"event_id", "predicate", "source_id", "value_text"},
            "events": {"date_end", "date_source_id", "date_start", "event_id"},
            "sources": {"published_end", "seed_path", "source_id"},
        },
    ),
    across(
        "date_narrowed",
        {"events", "claims", "sources"},
        _date_narrowed,
        columns={
            "claims": {"event_id", "other_event_ids", "predicate", "source_id", "value_text"},
            "events": {"date_end", "date_source_id", "date_start", "event_id"},
            "sources": {"published_end", "seed_path", "source_id"},
        },
    ),
    across(
        "dated_against_claims",
        {"events", "claims", "sources"},
        _dated_against_claims,
        columns={
            "claims": {"event_id", "predicate", "source_id", "value_text"},
            "events": {"date_end", "date_source_id", "date_start", "event_id"},
            "sources": {"published_end", "seed_path", "source_id"},
        },
    ),
    across(
        "acknowledged_claimed",
        {"events", "claims", "sources", "actors"},
        _acknowledged_claimed,
        columns={
            "actors": {"actor_id", "parent_actor_id"},
            "claims": {"claimant_actor_id", "event_id", "other_event_ids", "predicate", "source_id", "stance"},
            "events": {"attributed_actor_id", "attribution_source_id", "attribution_status", "event_id"},
            "sources": {"seed_path", "source_id"},
        },
    ),
    across(
        "unattributed_claimed",
        {"events", "claims"},
        _unattributed_claimed,
        columns={
            "claims": {"event_id", "other_event_ids", "predicate", "value_actor_id", "value_text"},
            "events": {"attribution_status", "event_id"},
        },
    ),
    across(
        "target_not_attacker",
        {"claims", "events", "actors"},
        _target_not_attacker,
        columns={
            "actors": {"actor_id", "parent_actor_id"},
            "claims": {"event_id", "predicate", "value_actor_id"},
            "events": {"attributed_actor_id", "event_id"},
        },
        rows="claims",
    ),
    across(
        "relation_kind",
        {"actor_relations", "actors"},
        _relation_direction,
        columns={
            "actor_relations": {"object_actor_id", "relation", "subject_actor_id"},
            "actors": {"actor_id", "kind"},
        },
    ),
    across(
        "relation_country",
        {"actor_relations", "actors"},
        _relation_countries,
        columns={
            "actor_relations": {"object_actor_id", "relation", "subject_actor_id"},
            "actors": {"actor_id", "country", "kind"},
        },
    ),
    across(
        "relation_within",
        {"actor_relations", "actors"},
        _relation_within,
        columns={
            "actor_relations": {"object_actor_id", "relation", "subject_actor_id"},
            "actors": {"actor_id", "parent_actor_id"},
        },
    ),
    across(
        "place_claimed",
        {"events", "claims"},
        _place_claimed,
        columns={
            "claims": {"event_id", "other_event_ids", "predicate", "value_code"},
            "events": {"country", "event_id"},
        },
    ),
    across(
        "place_written",
        {"events", "sources", "claims"},
        _places_written,
        needs={"events", "sources"},
        columns={
            "claims": {"event_id", "other_event_ids", "quote", "source_id"},
            "events": {"admin1", "admin2", "event_id", "locality", "place_source_id"},
            "sources": {"curator_note", "kind", "source_id", "title"},
        },
    ),
    across(
        "event_type_claimed",
        {"events", "claims"},
        _platforms_claimed,
        columns={"claims": {"event_id", "predicate", "stance", "value_code"}, "events": {"event_id", "event_type"}},
    ),
    across(
        "place_read_once",
        {"events"},
        _place_read_once,
        columns={
            "events": {
                "admin1",
                "admin2",
                "category",
                "country",
                "latitude",
                "locality",
                "longitude",
                "place_name",
                "place_precision",
                "place_source_id",
            }
        },
    ),
    across(
        "ended_by_reports",
        {"events", "claims", "sources"},
        _ended_by_reports,
        columns={
            "claims": {"event_id", "other_event_ids", "source_id"},
            "events": {"date_end", "date_precision", "date_source_id", "event_id"},
            "sources": {"published_end", "source_id"},
        },
    ),
)
