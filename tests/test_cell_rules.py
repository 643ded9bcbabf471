"""The rules of one cell, run through a table's schema on a small typed frame of actors, and the
text policy behind them (the ASCII skeleton of a mistyped ID, the name of an invisible character).

Each case changes one cell of a valid row and checks the one problem: its rule, and the words that
tell the curator what is wrong and what to do.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from syria_strikes.checks.cells import pattern_matches
from syria_strikes.checks.schema import check_table
from syria_strikes.metadata import ACTORS, CLAIM_ID, table
from syria_strikes.text_policy import describe_char, id_skeleton
from tests.support.frames import VALID_ACTOR, typed_frame


def test_a_valid_row_passes() -> None:
    assert check_table(typed_frame("actors", [VALID_ACTOR]), ACTORS, set()) == []


def test_a_code_like_none_of_the_vocabulary_gets_no_guess() -> None:
    frame = typed_frame("actors", [VALID_ACTOR, {**VALID_ACTOR, "actor_id": "act-other", "kind": "planet"}])
    [problem] = check_table(frame, ACTORS, set())
    assert problem.message.endswith("person, unidentified")


@pytest.mark.parametrize(
    ("column", "value", "rule", "words"),
    [
        ("name", None, "required", "is required but empty"),
        ("kind", "planet", "enum", "is not one of the allowed values: state, armed_forces"),
        ("kind", "Armed Forces", "enum", "did you mean 'armed_forces'?"),
        ("kind", "goverment_body", "enum", "person, unidentified; did you mean 'government_body'?"),
        ("actor_id", "Act-other", "pattern", "it has uppercase letters; it reads as 'act-other' once fixed"),
        ("actor_id", "act-\u0661", "pattern", "U+0661 ARABIC-INDIC DIGIT ONE, a digit that is not 0-9"),
        ("country", "isr", "pattern", "does not have the required form ^[A-Z]{3}$ (for example ISR)"),
        ("country", "SYQ", "standard_code", "is of the right form, but ISO 3166-1 alpha-3 lists no such code"),
        ("country", "XXX", "standard_code", "ISO 3166-1 alpha-3 lists no such code"),
        ("actor_id", "act-other two", "pattern", "(for example act-israeli-air-force); it contains a space"),
        ("name", "  ", "clean_text", "holds only spaces or invisible characters"),
        ("name", "IAF\u200b", "clean_text", "ends with U+200B ZERO WIDTH SPACE, an invisible character"),
        ("name", "a\tb", "clean_text", "contains a tab character"),
        ("name", "x\u202ey", "clean_text", "U+202E RIGHT-TO-LEFT OVERRIDE, which makes text display in another order"),
        ("name", "=SUM(A1)", "clean_text", "starts with '=', which spreadsheets run as a formula"),
        ("name", "=x ", "clean_text", "has leading or trailing whitespace"),
        ("name", "N/A", "placeholder", "this column is required, so give the value"),
        ("curator_note", "N/A", "placeholder", "leave the cell empty"),
        ("curator_note", "#REF!", "placeholder", "is the spreadsheet error #REF!"),
        ("curator_note", "TRUE", "placeholder", "is the spreadsheet boolean TRUE"),
        ("aliases", "a||b", "list_items", "has an empty item or spaces around the '|' separator"),
        ("name", "Hom\u00e2\u20ac\u2122s", "mojibake", "has '\u00e2\u20ac\u2122' where '\u2019' was meant"),
        ("name", "Caf\u00c3\u00a9", "mojibake", "has '\u00c3\u00a9' where '\u00e9' was meant"),
        ("name", "Hom\ufffds", "mojibake", "holds U+FFFD REPLACEMENT CHARACTER, which a program writes"),
        ("aliases", "IAF|Air Force|IAF", "list_repeats", "names 'IAF' more than once"),
        ("aliases", "a|||b", "list_items", "has an empty item"),
        ("name", "x" * 301, "max_length", "is 301 characters long; the limit for this column is 300"),
        (
            "name",
            "\uff28\uff4f\uff4d\uff53",
            "lookalike_form",
            "U+FF28 FULLWIDTH LATIN CAPITAL LETTER H, a look-alike of 'H'",
        ),
        ("name", "Isra\U0001d41ecl", "lookalike_form", "U+1D41E MATHEMATICAL BOLD SMALL E, a look-alike of 'e'"),
        ("name", "\ufb02eet", "lookalike_form", "U+FB02 LATIN SMALL LIGATURE FL, a look-alike of 'fl'"),
        ("name", "\u24bdoms", "lookalike_form", "U+24BD CIRCLED LATIN CAPITAL LETTER H, a look-alike of 'H'"),
        ("name", "Su-\u2166", "lookalike_form", "U+2166 ROMAN NUMERAL SEVEN, a look-alike of 'VII'"),
        ("name", "\u65b0\u534e\U0001d407", "lookalike_form", "MATHEMATICAL BOLD CAPITAL H"),
        ("name", "Ho\u200cms", "invisible_char", "holds U+200C ZERO WIDTH NON-JOINER after 'Ho'"),
        ("name", "T\u200c4 airbase", "invisible_char", "holds U+200C ZERO WIDTH NON-JOINER after 'T'"),
        ("name", "al\u200e-Shaabi", "invisible_char", "holds U+200E LEFT-TO-RIGHT MARK after 'al'"),
        ("name", "Ho\u200cms \u062d\u0645\u0635", "invisible_char", "U+200C ZERO WIDTH NON-JOINER after 'Ho'"),
        ("name", "Isr\u200dael", "invisible_char", "holds U+200D ZERO WIDTH JOINER after 'Isr'"),
        ("name", "Abu Kama\u200fl", "invisible_char", "holds U+200F RIGHT-TO-LEFT MARK after 'Abu Kama'"),
        ("name", "\u0421\u0438\u200c\u0440\u0438\u044f", "invisible_char", "U+200C ZERO WIDTH NON-JOINER"),
        ("name", "Ho\u3164ms", "invisible_char", "holds U+3164 HANGUL FILLER after 'Ho'"),
        ("name", "\ud55c\u3164\uae00", "invisible_char", "holds U+3164 HANGUL FILLER"),  # blank in Korean too
        ("name", "Homs\ufe0f airbase \U0001f525", "invisible_char", "VARIATION SELECTOR-16 after 'Homs'"),
        ("name", "Deir ez-Z\u0585r", "mixed_script", "ARMENIAN SMALL LETTER OH"),
        ("name", "Isr\u0251el", "lookalike_form", "U+0251 LATIN SMALL LETTER ALPHA, a look-alike of 'a'"),
        ("name", "Syri\u1d00", "lookalike_form", "U+1D00 LATIN LETTER SMALL CAPITAL A, a look-alike of 'A'"),
        ("name", "Ho\ufe0fms", "invisible_char", "holds U+FE0F VARIATION SELECTOR-16 after 'Ho'"),
        ("name", "Homs\ufe0f airbase", "invisible_char", "holds U+FE0F VARIATION SELECTOR-16 after 'Homs'"),
        ("name", "Isr\u034fael", "invisible_char", "holds U+034F COMBINING GRAPHEME JOINER after 'Isr'"),
        ("name", "Ho\U000e0067ms", "invisible_char", "holds U+E0067 TAG LATIN SMALL LETTER G after 'Ho'"),
        ("name", "T\u061c4 airbase", "invisible_char", "holds U+061C ARABIC LETTER MARK after 'T'"),
        ("name", "Homs \u06001", "invisible_char", "holds U+0600 ARABIC NUMBER SIGN after 'Homs '"),
    ],
    ids=lambda value: value[:20] if isinstance(value, str) else None,
)
def test_a_bad_cell_gives_one_problem_in_plain_words(column: str, value: str | None, rule: str, words: str) -> None:
    frame = typed_frame("actors", [VALID_ACTOR, {**VALID_ACTOR, "actor_id": "act-other", column: value}])
    problems = check_table(frame, ACTORS, set())
    assert [(p.row, p.column, p.value, p.rule) for p in problems] == [(3, column, value, rule)]
    assert words in problems[0].message


@pytest.mark.parametrize(
    "name",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: the non-joiner belongs to the word
        "\u0633\u0648\u0631\u064a\u0627\u200f (Syria)",  # a mark after right-to-left letters
        "Syria \u200f\u0633\u0648\u0631\u064a\u0627",  # a mark before them
        "\U0001f469\u200d\U0001f692",  # an emoji sequence
        "\u2764\ufe0f Homs, \u00a9\ufe0f AFP, 1\ufe0f\u20e3",  # emoji presentation of symbols, a keycap
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scotland",  # a tag sequence
        "\u845b\U000e0100\u57ce",  # an ideographic variation sequence
        "\u0661\u0600\u0662",  # an Arabic number sign before Arabic digits
        "\u0540\u0561\u0575\u0561\u057d\u057f\u0561\u0576 (Armenia)",  # Armenian text beside Latin words
        "K\u0131l\u0131\u00e7daro\u011flu",  # Turkish writes the dotless i
        "\u65b0\u534e\u793e\u5927\u9a6c\u58eb\u9769\uff13\u6708\uff11\u65e5\u7535",  # fullwidth digits in Chinese
        "\u65b0\u534e\u793e\uff08Xinhua\uff09",  # fullwidth brackets
        "2 km\u00b2, n\u00ba 4",  # superscripts and ordinal indicators written on purpose
        "\u2116 5, Brand\u2122",  # signs, not letters
    ],
)
def test_what_other_scripts_and_emoji_write_passes(name: str) -> None:
    frame = typed_frame("actors", [VALID_ACTOR, {**VALID_ACTOR, "actor_id": "act-other", "name": name}])
    assert check_table(frame, ACTORS, set()) == []


@pytest.mark.parametrize(
    ("language", "rule"),
    [("en", None), ("ar-SY", None), ("zxx", None), ("heb", None), ("qq", "standard_code"), ("xx-GB", "standard_code")],
)
def test_a_language_tag_starts_with_a_language_iso_639_lists(language: str, rule: str | None) -> None:
    frame = typed_frame("sources", [{"source_id": "src-x", "kind": "reference", "title": "T", "language": language}])
    found = [(p.column, p.rule) for p in check_table(frame, table("sources"), set()) if p.column == "language"]
    assert found == ([] if rule is None else [("language", rule)])


@pytest.mark.parametrize("name", ["caf\u00e9\u2013bar", "\u00c9cole \u00e0 Homs", "na\u00efve"])
def test_text_that_only_looks_like_mojibake_passes(name: str) -> None:
    """A letter that would start a UTF-8 sequence, followed by one that cannot continue it as one."""
    frame = typed_frame("actors", [VALID_ACTOR, {**VALID_ACTOR, "actor_id": "act-other", "name": name}])
    assert check_table(frame, ACTORS, set()) == []


def test_a_cell_already_reported_is_not_reported_again() -> None:
    frame = typed_frame("actors", [{**VALID_ACTOR, "kind": "planet"}])
    failed = {(2, "kind")}
    assert check_table(frame, ACTORS, failed) == []
    assert check_table(frame, ACTORS, set())[0].rule == "enum"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("\u200bevt-2020-x", "evt-2020-x"),
        ("evt-\uff12\uff10\uff12\uff10-x\u00a0", "evt-2020-x"),
        ("\u0430ct-\u0661", "act-1"),
        ("Act-IDF", "act-idf"),
        ("act-idf", "act-idf"),
    ],
)
def test_id_skeleton_is_the_ascii_id_a_mistyped_one_was_meant_to_be(typed: str, meant: str) -> None:
    assert id_skeleton(typed) == meant


def test_describe_char_names_what_cannot_be_seen() -> None:
    assert describe_char("\u200b") == "U+200B ZERO WIDTH SPACE"
    assert describe_char("\x07") == "U+0007 BELL"
    assert describe_char("\u00a0") == "U+00A0 NO-BREAK SPACE"


def test_the_mojibake_test_decodes_only_hinted_cells_and_answers_as_the_policy_cell_by_cell() -> None:
    import pyarrow as pa

    from syria_strikes.checks.cells import _no_mojibake
    from syria_strikes.text_policy import mojibake

    cells = ["Hom\u2019s", None, "Hom\u00e2\u20ac\u2122s", "plain", "\u00c3\u00a9t\u00e9", "\u00e9", "\u00c2\u00a0x"]
    column = pa.chunked_array([pa.array(cells, type=pa.large_string())])
    assert _no_mojibake(column).to_pylist() == [cell is None or not mojibake(cell) for cell in cells]


def test_a_rule_that_raises_is_reported_never_taken_for_a_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """pandera reports a check that raised as a failure of no row; that is a fault of the validator,
    and the table must not pass because of it."""
    from syria_strikes.checks import schema

    def stops(cells: object) -> object:
        raise TypeError("a fault of the validator")

    broken = [pa.Check(stops, error="enum")]
    kept = schema.column_checks
    monkeypatch.setattr(schema, "column_checks", lambda column: broken if column.name == "kind" else kept(column))
    schema.pandera_schema.cache_clear()
    try:
        problems = check_table(typed_frame("actors", [VALID_ACTOR]), ACTORS, set())
    finally:
        schema.pandera_schema.cache_clear()
    assert [(p.rule, p.column, p.row) for p in problems] == [("rule_failed", "kind", None)]
    assert problems[0].message == (
        'rule enum could not run here (TypeError("a fault of the validator")); the table is not taken as valid: '
        "please report this"
    )


def test_a_row_rule_that_raises_is_reported_for_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from syria_strikes.checks import rows, schema

    def stops(frame: object) -> object:
        raise TypeError("a fault of the validator")

    kept = schema.rules_for
    broken = (rows.RowRule("actors", "parent_not_self", "parent_actor_id", ("parent_actor_id",), stops),)
    monkeypatch.setattr(schema, "rules_for", lambda name: broken if name == "actors" else kept(name))
    schema.pandera_schema.cache_clear()
    try:
        problems = check_table(typed_frame("actors", [VALID_ACTOR]), ACTORS, set())
    finally:
        schema.pandera_schema.cache_clear()
    assert [(p.rule, p.table, p.column, p.row) for p in problems] == [("rule_failed", "actors", None, None)]


@pytest.mark.parametrize("error", [MemoryError, RecursionError])
def test_running_out_of_memory_in_a_rule_is_the_commands_to_report_never_rule_failed(
    monkeypatch: pytest.MonkeyPatch, error: type[BaseException]
) -> None:
    """As across tables: rule_failed would say the validator is at fault, and the cache would keep
    that answer for the unchanged table after the memory came back."""
    from syria_strikes.checks import rows, schema

    def stops(frame: object) -> object:
        raise error()

    kept = schema.rules_for
    broken = (rows.RowRule("actors", "parent_not_self", "parent_actor_id", ("parent_actor_id",), stops),)
    monkeypatch.setattr(schema, "rules_for", lambda name: broken if name == "actors" else kept(name))
    schema.pandera_schema.cache_clear()
    try:
        with pytest.raises(error):
            check_table(typed_frame("actors", [VALID_ACTOR]), ACTORS, set())
    finally:
        schema.pandera_schema.cache_clear()


def test_a_column_written_as_the_seed_writes_it_is_left_to_the_rule_that_holds_it_to_the_seed() -> None:
    """An alias is the seed's spelling (alias_written judges it): a fullwidth one the seed writes is
    right, and one it does not write is that rule's to report."""
    frame = typed_frame("actors", [VALID_ACTOR, {**VALID_ACTOR, "actor_id": "act-other", "aliases": "\uff28oms"}])
    assert check_table(frame, ACTORS, set()) == []


def test_the_lookalike_message_points_at_what_the_check_refused() -> None:
    """Every form the check refuses, alone in a Latin cell and beside Chinese, is the one the message
    names: a form the check refused but the message did not know was shown as the cell's first letter."""
    from syria_strikes.text_policy import LOOKALIKE_FORMS, MATHEMATICAL_FORMS, first_lookalike_form

    cells = [f"ab{char}c" for char in LOOKALIKE_FORMS] + [f"\u65b0{char}" for char in LOOKALIKE_FORMS]
    frame = typed_frame(
        "actors", [{**VALID_ACTOR, "actor_id": f"act-x{at}", "name": cell} for at, cell in enumerate(cells)]
    )
    refused = {p.value for p in check_table(frame, ACTORS, set()) if p.rule == "lookalike_form"}
    assert refused == {f"ab{char}c" for char in LOOKALIKE_FORMS} | {f"\u65b0{char}" for char in MATHEMATICAL_FORMS}
    for cell in refused:
        at = first_lookalike_form(cell)
        assert at is not None and cell[at] in LOOKALIKE_FORMS


@pytest.mark.parametrize(
    ("claim_id", "valid"),
    [
        ("clm-000-001", True),
        ("clm-000-1000", True),
        ("clm-1000-001", True),
        ("clm-000-0001", False),  # another spelling of clm-000-001
        ("clm-0000-001", False),
        ("clm-000-01", False),
    ],
)
def test_an_id_number_is_three_digits_or_more_without_a_leading_zero(claim_id: str, valid: bool) -> None:
    frame = typed_frame("uncovered_sentences", [{"uncovered_id": claim_id.replace("clm", "unc")}])
    problems = [p.rule for p in check_table(frame, table("uncovered_sentences"), set()) if p.column == "uncovered_id"]
    assert problems == ([] if valid else ["pattern"])
    if claim_id == "clm-000-0001":
        [message] = [
            p.message for p in check_table(frame, table("uncovered_sentences"), set()) if p.column == "uncovered_id"
        ]
        assert "each number is three digits, or more without a leading zero" in message
    assert bool(pattern_matches(pd.Series([claim_id], dtype="str"), CLAIM_ID).iloc[0]) is valid
