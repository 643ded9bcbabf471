"""The metadata declares every vocabulary once: whatever a column or a value code uses is listed in
VOCABULARIES, which the SQLite release, the descriptor and the data dictionary publish."""

from __future__ import annotations

from syria_strikes.metadata import CODED_PREDICATES, TABLES, VOCABULARIES


def test_every_vocabulary_in_use_is_declared_and_named_once() -> None:
    used = {id(column.vocabulary) for declared in TABLES for column in declared.columns if column.vocabulary}
    used |= {id(vocabulary) for vocabulary in CODED_PREDICATES.values()}
    declared = {id(vocabulary) for vocabulary in VOCABULARIES}
    missing = sorted(
        column.vocabulary.name
        for table in TABLES
        for column in table.columns
        if column.vocabulary and id(column.vocabulary) not in declared
    )
    missing += sorted(v.name for v in CODED_PREDICATES.values() if id(v) not in declared)
    assert missing == [] and used <= declared
    assert declared <= used, "a declared vocabulary that no column or value code uses"
    names = [vocabulary.name for vocabulary in VOCABULARIES]
    assert len(names) == len(set(names))


def test_every_vocabulary_has_distinct_codes_each_with_a_meaning() -> None:
    for vocabulary in VOCABULARIES:
        assert len(vocabulary.codes) == len(set(vocabulary.codes)), vocabulary.name
        assert all(code and meaning for code, meaning in vocabulary.values), vocabulary.name


def test_every_pattern_means_the_same_to_re2_and_to_python() -> None:
    """The validator matches patterns with RE2 (ASCII \\s, \\w, \\d, \\b) and the site and frictionless with
    Python's re (Unicode ones): a class that differs between them would let one accept what the other
    refuses (a no-break space in a url), so patterns spell their classes out."""
    engine_dependent = ("\\s", "\\S", "\\w", "\\W", "\\d", "\\D", "\\b", "\\B")
    patterns = {f"{t.name}.{c.name}": c.pattern for t in TABLES for c in t.columns if c.pattern}
    assert {name: p for name, p in patterns.items() if any(cls in p for cls in engine_dependent)} == {}


def test_each_table_shows_a_curator_note_of_its_own() -> None:
    """One note about an actor's mistranslation was the example of every table's curator_note, so the
    data dictionary showed it as a note on a source, an event or an uncovered sentence."""
    examples = [declared.column("curator_note").example for declared in TABLES]
    assert len(set(examples)) == len(examples)
