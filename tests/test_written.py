"""Cells that promise words as a seed writes them, held to the seeds: actors' and places' aliases, a
source's dateline, and the language a seed is tagged with."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syria_strikes.checks import aliases
from syria_strikes.checks.aliases import check_aliases, check_place_aliases, written_whole
from syria_strikes.checks.written import check_languages, dateline_stands
from tests.support.frames import typed_frame

SEEDS = {
    "src-seed-000": (
        " date 2020-01-15\nRear Adm. Vadim Kulit said Syria\u2019s aerial defense system fired. Israeli jets."
    ),
    "src-seed-002": "US President [Joe] Biden did not mention it, and Hezbollah (حزب الله) was silent.",
}
SOURCES = typed_frame(
    "sources",
    [
        {"source_id": source, "kind": "archived_article", "seed_path": f"seeds/{source}.txt", "language": "en"}
        for source in SEEDS
    ],
)


@pytest.mark.parametrize(
    ("alias", "written"),
    [
        ("Rear Adm. Vadim Kulit", True),
        ("Syria\u2019s aerial defense system", True),  # curly apostrophe, as written
        ("Syria's aerial defense system", False),  # straight apostrophe: not as written
        ("[Joe] Biden", True),
        ("حزب الله", True),
        ("Israeli", True),
        ("Israel", False),  # only inside 'Israeli': not a whole word
        ("Kulit said Syria", True),  # any whole words count, even across a name's end
        ("Biden did not mention it, and Hezbollah", True),
        ("fired. Israeli jets. US", False),  # across two seeds
        ("IAF", False),
        ("", False),
    ],
)
def test_an_alias_counts_as_written_only_as_whole_words_of_one_seed(alias: str, written: bool) -> None:
    assert (alias in written_whole([alias], list(SEEDS.values()))) is written


def test_seeds_are_read_a_batch_at_a_time_and_a_name_is_found_in_any(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aliases, "CHARS_AT_ONCE", 8)
    texts = [f"seed {k} names Actor{k} once." for k in range(50)]
    names = [f"Actor{k}" for k in range(0, 60, 7)]
    assert written_whole(names, texts) == {name for name in names if int(name[5:]) < 50}


def test_a_name_that_only_shares_a_stretch_s_hash_is_not_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts built to collide under a hash modulo 2**64 are known: a stretch with a name's hash is
    compared with the name before the name counts as written."""
    real_hash = aliases._hash
    monkeypatch.setattr(aliases, "_hash", lambda name: real_hash("Syria" if name == "Yemen" else name))
    texts = ["Strikes in Syria, reported in Syria again."]
    assert written_whole(["Yemen"], texts) == set()
    assert written_whole(["Yemen", "Syria"], texts) == {"Syria"}
    assert written_whole(["Syria", "Yemen"], texts) == {"Syria"}


def _actors(*cells: str | None) -> list[dict[str, object]]:
    return [{"actor_id": f"act-{k}", "name": f"Actor {k}", "aliases": cell} for k, cell in enumerate(cells)]


def test_an_actor_row_with_an_alias_no_seed_writes_is_reported_once_naming_each() -> None:
    actors = typed_frame("actors", _actors("Israeli|IAF|Tsahal", None, "Hezbollah", "Zorblax"))
    found = check_aliases(actors, SOURCES, SEEDS)
    assert [(p.row, p.column, p.rule) for p in found] == [
        (2, "aliases", "alias_written"),
        (5, "aliases", "alias_written"),
    ]
    assert "these 2 aliases" in found[0].message and "'IAF', 'Tsahal'" in found[0].message


def test_aliases_are_not_judged_while_a_seed_could_not_be_trusted() -> None:
    actors = typed_frame("actors", _actors("Zorblax"))
    assert check_aliases(actors, SOURCES, {"src-seed-000": SEEDS["src-seed-000"]}) == []


ENGLISH = "The strike hit the base, and the army said that it was repelled by the air defence of the country."
FRENCH = "La frappe a touché la base et l'armée a dit qu'elle avait été repoussée par la défense aérienne du pays."
GERMAN = "Der Angriff traf den Stützpunkt, und die Armee sagte, was die Luftabwehr des Landes abgewehrt habe."


@pytest.mark.parametrize(
    ("language", "text", "reported"),
    [
        ("en", ENGLISH, False),
        ("en-GB", ENGLISH, False),
        ("eng", ENGLISH, False),  # the ISO 639-3 code the tag's standard list also holds
        ("ar", ENGLISH, True),
        (None, ENGLISH, True),
        ("fr", FRENCH, False),
        ("de", GERMAN, False),
        ("fr", "", False),
    ],
)
def test_a_seed_reading_as_english_is_tagged_english(language: str | None, text: str, reported: bool) -> None:
    sources = typed_frame(
        "sources", [{"source_id": "src-seed-000", "seed_path": "seeds/000_x.txt", "language": language}]
    )
    found = check_languages(sources, {"src-seed-000": text})
    assert [(p.row, p.column, p.rule) for p in found] == ([(2, "language", "language_written")] if reported else [])
    if reported:
        assert "count_written" in found[0].message and "seeds/000_x.txt reads as English" in found[0].message


def test_a_source_whose_seed_is_not_trusted_is_not_judged_for_its_language() -> None:
    sources = typed_frame("sources", [{"source_id": "src-seed-000", "seed_path": "seeds/000_x.txt", "language": "ar"}])
    assert check_languages(sources, {}) == []


def test_aliases_are_not_judged_while_an_archived_source_has_lost_its_seed_path() -> None:
    """A seed_path that failed its own rules is left empty: the source is still archived by its kind."""
    sources = typed_frame(
        "sources",
        [
            {"source_id": "src-seed-000", "kind": "archived_article", "seed_path": "seeds/src-seed-000.txt"},
            {"source_id": "src-seed-002", "kind": "archived_article"},
        ],
    )
    actors = typed_frame("actors", _actors("[Joe] Biden"))
    assert check_aliases(actors, sources, {"src-seed-000": SEEDS["src-seed-000"]}) == []
    # A source that is not archived has no seed: a text under its ID counts for nothing.
    referenced = sources.assign(kind=["archived_article", "reference"])
    assert [p.rule for p in check_aliases(actors, referenced, SEEDS)] == ["alias_written"]


@pytest.mark.parametrize(
    ("dateline", "stands"),
    [
        ("Yerushalayim", True),  # in the archive's header line
        ("DAMASCUS", True),  # opening a line, as a wire story writes it
        ("Homs", False),  # a place the story names further on
        ("Jerusalem", False),  # written nowhere
        ("Damascus", False),  # the case the document writes is kept
        ("BEIRUT", True),  # set off by a credit and a dash after a byline
        ("AMMAN", True),  # opening a line after a bullet and a right-to-left mark
        ("Latakia", False),  # named in a sentence, followed by no dash
        ("London", False),  # a word joined to the next by a hyphen ('London-based')
        ("Iranian", False),  # opening a line, but the sentence goes on ('Iranian officials said')
        ("DAMAS", False),  # the start of a word
    ],
)
def test_a_dateline_is_written_where_a_dateline_stands(dateline: str, stands: bool) -> None:
    text = (
        " date 2021-07-25 Yerushalayim -\n\n"
        "  DAMASCUS, July 22 (Reuters) - Syria said it thwarted an attack near the city of Homs.\n"
        "By Suleiman Al-Khalidi BEIRUT, Jan 14 (Reuters) - Jets struck.\n"
        "\u200f\u2022 AMMAN \u2014 Officials in Latakia, a port, said so.\n"
        "The London-based Observatory said so.\n"
        "Iranian officials said so.\n"
    )
    assert dateline_stands(dateline, text) is stands


def test_a_place_alias_no_seed_writes_is_reported_with_the_event() -> None:
    events = typed_frame(
        "events",
        [
            {"event_id": "evt-a", "place_aliases": "aerial defense system|Israeli jets"},  # both written
            {"event_id": "evt-b", "place_aliases": "Israeli jets|Shayrat|jets fired"},
            {"event_id": "evt-c"},
        ],
    )
    found = check_place_aliases(events, SOURCES, SEEDS)
    assert [(p.row, p.column, p.rule) for p in found] == [(3, "place_aliases", "place_alias_written")]
    assert found[0].message.startswith("no seed writes these 2 place aliases as whole words: 'Shayrat', 'jets fired'")


@settings(max_examples=200)
@given(
    names=st.lists(st.sampled_from(["Homs", "T4", "T4 base", "al-Shaabi", "Iran", "_x", "é"]), max_size=5),
    texts=st.lists(st.text(alphabet="Homs T4basel-Shaabiran_xé.,\n", max_size=40), max_size=4),
)
def test_names_looked_for_one_at_a_time_are_found_as_the_hashing_search_finds_them(
    names: list[str], texts: list[str]
) -> None:
    """A few place aliases are found by str.find (aliases._found_whole), many by hashing every seed
    (written_whole): both must find the same names as whole words."""
    assert aliases._found_whole(names, texts) == written_whole(names, texts)
