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
