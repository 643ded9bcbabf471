"""Every rule the validator and the build apply, declared once, with its words.

A rule has an id (what a report prints after ``rule:``), the area of the data it guards, the
case it protects against, the decision (reject, or warn), the advice a curator reads in
docs/data-policy.md (whose table is generated from this registry), and its wording: a
``str.format`` template, or a small function of keyword arguments, that turns the context of one
fault into the problem's message. A check only says which rule failed where and with what
context, through ``syria_strikes.problems.problem``; no check writes a message of its own. A new
rule is added here first, with its wording; ``Problem.rule`` accepts only the ids declared here.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

from syria_strikes.anchoring import Location
from syria_strikes.metadata import (
    AIR_OR_MISSILE_EVENT_TYPES,
    CASUALTY_PREDICATES,
    CODED_PREDICATES,
    COUNT_PREDICATES,
    COUNT_UNITS,
    COUNTRY_EXTENTS,
    CURATED_FIELD_SOURCE_KINDS,
    EARLIEST_DATE,
    LIST_DELIMITER,
    NON_ATTACK_EVENT_TYPES,
    PART_OF_KINDS,
    RELATION,
    SEED_MOST_BYTES,
    STANCE_HEDGES,
    STANCE_HEDGES_ONLY,
    STRIKE_COUNTRY,
    SYMMETRIC_RELATIONS,
    UNKNOWN_CODE,
    UNKNOWN_PERPETRATOR,
    VALUE_CODE_PREDICATES,
    VICTIM_WORDS,
    VICTIM_WORDS_NOT_COMBATANTS,
    Column,
    codes_worded,
)
from syria_strikes.written_numbers import written_numbers

RuleId = Literal[
    "file_present",
    "file_declared",
    "not_empty",
    "has_rows",
    "no_bom",
    "utf8",
    "lf_line_endings",
    "final_newline",
    "blank_line",
    "delimiter",
    "header_spaces",
    "header_unnamed",
    "header_unique",
    "header_declared",
    "header_complete",
    "header_order",
    "header_other_table",
    "field_count",
    "csv_quotes",
    "canonical_quoting",
    "csv_syntax",
    "header_repeated",
    "empty_row",
    "required",
    "type_integer",
    "type_number",
    "type_date",
    "enum",
    "standard_code",
    "placeholder",
    "minimum",
    "maximum",
    "date_order",
    "event_id_date",
    "relation_id_names",
    "precision_day",
    "precision_month",
    "precision_range",
    "precision_before",
    "coordinates_pair",
    "coordinates_site",
    "coordinates_in_country",
    "place_precision_fields",
    "attributed_actor",
    "strike_category",
    "attribution_applicable",
    "attributed_kind",
    "count_bounds",
    "count_exact",
    "count_has_unit",
    "count_written",
    "count_bound",
    "rule_failed",
    "unit_matches_predicate",
    "count_only_for_counts",
    "actor_value",
    "published_order",
    "pattern",
    "unique_id",
    "repeated_claim",
    "one_stance",
    "repeated_row",
    "unique_value",
    "foreign_key",
    "note_id_exists",
    "list_items",
    "list_repeats",
    "read_in_archive",
    "relay_chain",
    "relay_cited",
    "relay_order",
    "reported_after_event",
    "cited_after_citing",
    "cited_ends_later",
    "cites_self",
    "cites_cycle",
    "reference_cited",
    "event_claimed",
    "report_cited",
    "url_repeated",
    "parent_not_self",
    "parent_cycle",
    "parent_country",
    "parent_kind",
    "state_per_country",
    "parent_fits_kind",
    "part_without_whole",
    "quote_offsets",
    "quote_anchored",
    "seed_inside",
    "seed_hash_pair",
    "archived_has_seed",
    "seed_present",
    "seed_hash",
    "seed_utf8",
    "seed_size",
    "seed_date",
    "seed_listed",
    "seed_unlisted",
    "seed_list_row",
    "seed_withdrawn",
    "seed_referenced",
    "dateline_written",
    "dateline_archived",
    "url_dated",
    "place_written",
    "alias_written",
    "place_alias_written",
    "language_written",
    "clean_text",
    "mojibake",
    "mixed_script",
    "lookalike_form",
    "invisible_char",
    "max_length",
    "descriptor_present",
    "descriptor_json",
    "frictionless_descriptor",
    "descriptor_current",
    "value_code_given",
    "value_code_vocabulary",
    "value_code_worded",
    "value_text_quoted",
    "place_code_worded",
    "victim_fields",
    "time_interval",
    "time_after_report",
    "time_ends_after_report",
    "time_relative",
    "time_weekday",
    "time_day_written",
    "attribution_unknown",
    "attribution_complete",
    "attribution_offsets",
    "attribution_anchored",
    "attribution_given",
    "hedging_worded",
    "victim_group_worded",
    "victim_status_worded",
    "predicate_worded",
    "relation_worded",
    "stance_worded",
    "stance_quoted",
    "stance_unworded",
    "attribution_paragraph",
    "claim_events",
    "identification_noted",
    "identification_dated",
    "acknowledged_has_source",
    "acknowledged_on_assumed_match",
    "attribution_claimed",
    "target_not_attacker",
    "date_claimed",
    "date_narrowed",
    "dated_against_claims",
    "acknowledged_claimed",
    "ended_by_reports",
    "place_claimed",
    "event_type_claimed",
    "value_actor_named",
    "value_text_actor",
    "relation_named",
    "claimant_named",
    "own_voice_reports",
    "reports_own_voice",
    "own_voice_chain",
    "unattributed_claimed",
    "name_shared",
    "publisher_named",
    "publisher_kind",
    "publisher_given",
    "ended_by_date_source",
    "place_read_once",
    "curated_source",
    "archive_about_event",
    "coordinates_source",
    "coordinates_written",
    "reference_has_url",
    "wikidata_seen",
    "seed_number",
    "relation_not_self",
    "relation_within",
    "relation_reversed",
    "relation_kind",
    "relation_country",
    "relation_evidence",
    # sentences that carry no claim (checks.seed_coverage)
    "sentence_seed",
    "sentence_anchored",
    "header_reason",
    "coverage_declared",
    "declared_unquoted",
    "declared_sentence",
    "sentence_declared_once",
    # safety at the edges
    "file_inside",
    "file_regular",
    "file_readable",
    "header_width",
    "quote_grapheme",
]
Area = Literal[
    "Structure",
    "Values and types",
    "IDs and references",
    "Quotes and seeds",
    "Cell contents",
    "Descriptor",
    "Build",
    "Data model",
]
Decision = Literal["reject", "warn"]

_ROW_RULE = "Says which columns disagree and the rule in words; a row whose cells already failed is not judged again."


# A rule's wording: a str.format template of the fault's context, or a function of it.
Words = str | Callable[..., str]


@dataclass(frozen=True)
class Rule:
    """``then`` says what the validator still does after the fault; a ``safety_net`` rule guards
    against input that no known file produces, so no test can plant it. ``words`` turns the
    context a check gives (keyword arguments) into the problem's message."""

    id: RuleId
    area: Area
    protects: str
    advice: str
    decision: Decision = "reject"
    then: str = ""
    safety_net: bool = False
    words: Words = field(kw_only=True)
    # Rules whose problem on the same row makes this one's meaningless: it is then not reported.
    yields_to: tuple[RuleId, ...] = field(default=(), kw_only=True)

    def message(self, **context: Any) -> str:
        """The words of one fault of this rule; a template ignores context it does not name."""
        if isinstance(self.words, str):
            return self.words.format(**context)
        return self.words(**context)


@dataclass(frozen=True)
class Accepted:
    """A spelling the policy accepts on purpose, listed beside the rules so the table is complete."""

    area: Area
    case: str
    decision: str


# --- wording: the functions behind rules whose words depend on the fault --------------------
# Reading: the file's bytes, records and header (syria_strikes.reading).
def _file_declared(*, tables: Collection[str], kind: str | None = None) -> str:
    """``kind``: 'a folder' or 'a link' (other than a table's own file), whatever it holds or leads to."""
    if kind is not None:
        return (
            f"is {kind}; data/ holds only the tables ({', '.join(sorted(tables))}), and validation reads "
            f"nothing {'inside' if kind == 'a folder' else 'through'} it: move any edits made there into the right "
            "file, and it out of data/"
        )
    return (
        f"is not one of the tables ({', '.join(sorted(tables))}); move your edits into the right "
        "file and remove this one from data/"
    )


def _not_empty(*, only_bom: bool, columns: Sequence[str]) -> str:
    what = "holds only a byte-order mark" if only_bom else "is empty"
    return f"the file {what}; it needs the header line {','.join(columns)} and at least one row"


def _utf8(*, byte: int, found: str, bad: str) -> str:
    """``found``: what the bytes look like ('UTF-16', 'UTF-32', 'CESU-8', 'Windows-1252', or '' when
    nothing known); ``bad``: the first bad bytes in hex, from ``byte`` (none for a wide encoding,
    which is the whole file's)."""
    if found == "UTF-16":
        return "the file is UTF-16, which Excel writes for 'Unicode Text', not UTF-8: save it as 'CSV UTF-8' instead"
    if found == "UTF-32":
        return "the file is UTF-32, not UTF-8: save it as UTF-8 ('CSV UTF-8' in Excel) instead"
    where = f"byte {byte} ({bad}) is not valid UTF-8"
    if found == "CESU-8":
        return (
            f"bytes from {byte} ({bad}) write a character beyond U+FFFF, such as an emoji, as two UTF-16 halves "
            "(CESU-8, as Java's modified UTF-8 and some databases export it), not as UTF-8: re-save the file as "
            "standard UTF-8"
        )
    if found == "Windows-1252":
        excel = "which Excel writes for plain 'CSV': save it as 'CSV UTF-8' instead"
        return f"{where}; the file looks like Windows-1252, {excel}"
    return f"{where}; re-save the file as UTF-8"


def _blank_line(*, trailing: int = 0) -> str:
    """``trailing``: how many blank lines end the file, reported once at the first; 0 for one inside."""
    if not trailing:
        return "this line is blank; delete it"
    count = f"{trailing} blank lines" if trailing > 1 else "a blank line"
    return f"the file ends with {count}; delete everything after the last row's line break"


SHOWN_POSITIONS = 10
_DELIMITER_NAMES = {";": "semicolons", "\t": "tabs", "|": "'|' characters"}


def _delimiter(*, delimiter: str) -> str:
    return (
        f"the columns are separated by {_DELIMITER_NAMES[delimiter]}, not commas; save the file as 'CSV UTF-8 "
        "(comma delimited)' or set the field separator to ','"
    )


def _header_spaces(*, declared: Sequence[str]) -> str:
    return f"the header has spaces around column names; it must read exactly {','.join(declared)}"


def _header_unnamed(*, positions: Sequence[int]) -> str:
    """At most SHOWN_POSITIONS positions are listed, so a header of thousands of commas stays one line."""
    shown = ", ".join(map(str, positions[:SHOWN_POSITIONS])) + (", ..." if len(positions) > SHOWN_POSITIONS else "")
    return (
        f"the header has {len(positions)} column(s) without a name (position {shown}), "
        "as spreadsheets export from columns that once held something; delete those columns"
    )


def _header_width(*, columns: int, table: str, width: int, bound: int) -> str:
    return (
        f"the header has {columns:,} columns; {table} declares {width} and no table may have more than "
        f"{bound:,}: this is not the right file"
    )


def _header_declared(*, table: str, guess: str | None) -> str:
    hint = (
        f"; did you mean {guess!r}? Its cells were checked as {guess}"
        if guess
        else "; remove it or declare it in syria_strikes/metadata.py"
    )
    return f"the header has a column that {table} does not declare{hint}"


def _header_order(*, declared: Sequence[str]) -> str:
    return f"the columns are out of order; the canonical order is {','.join(declared)}"


def _field_count(*, fields: int, width: int, runs_on_to: int | None) -> str:
    runs_on = (
        f"it runs on to line {runs_on_to} because a double quote in it is not closed where it should be; "
        if runs_on_to is not None
        else ""
    )
    counts = f"this row has {fields} fields where the header has {width}"
    return f"{counts}; {runs_on}check for a stray comma or an unclosed quote"


QuoteFault = Literal["unclosed", "after_quote", "stray"]
_QUOTE_FAULTS: dict[QuoteFault, str] = {
    "unclosed": "opens a double quote that is never closed, so the rest of the line (or file) was read into "
    "this cell; close the quote",
    "after_quote": "has text after the closing double quote of the cell; inside a quoted cell a double quote "
    'is written twice ("")',
    "stray": "has a double quote inside a cell that is not wrapped in quotes; wrap the cell in double quotes "
    'and write the quote inside twice ("")',
}


def _csv_quotes(*, fault: QuoteFault) -> str:
    return _QUOTE_FAULTS[fault]


def _canonical_quoting(*, quoted_lines: int = 0) -> str:
    """``quoted_lines``: how many lines quote cells that need no quotes, reported once; 0 for a line
    that differs from its canonical form in no cell the reader can name."""
    if not quoted_lines:
        return "is not written in canonical CSV form; re-save the file as CSV UTF-8 with LF line endings"
    others = f" (so do {quoted_lines - 1} more lines)" if quoted_lines > 1 else ""
    return (
        f"puts double quotes around cells that need none{others}; canonical files quote a cell only when "
        "it holds a comma, a double quote or a line break: save without 'quote all text cells'"
    )


def _type_words(column_type: str) -> Callable[..., str]:
    """A type rule's words: what the cell is not, in the type table's words (which the data
    dictionary shares), and how a spreadsheet most likely made it."""

    def words(*, cell: str, impossible: bool = False) -> str:
        """``impossible``: the cell is spelt as the type is but names no value (2020-02-30)."""
        # The type table brings pandas and pyarrow, the hints the Unicode sets: imported only when a
        # type fault is worded, so a report answered from the validation cache stays light.
        from syria_strikes.column_types import TYPE_TABLE
        from syria_strikes.spreadsheet_hints import type_hint

        forms = TYPE_TABLE[column_type]
        if impossible:
            return forms.impossible_words
        hint = type_hint(cell, column_type)
        return f"{forms.csv_words}; {hint}" if hint else forms.csv_words

    return words


# Cells: every cell rule is worded from the column's declaration and the cell (syria_strikes.checks.cells).
def _control_words(char: str) -> str:
    from syria_strikes.text_policy import describe_char

    if char in "\n\r\u2028\u2029\x85":
        what = f"a line break ({describe_char(char)})"
    elif char == "\t":
        what = "a tab character"
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        what = f"{describe_char(char)}, which makes text display in another order than it is stored"
    else:
        what = f"the control character {describe_char(char)}"
    return f"contains {what}; cells hold one line of plain text: remove it"


def _edge_words(value: str) -> str:
    from syria_strikes.text_policy import EDGE_CHARS, INVISIBLE_CHARS, describe_char

    if not value.strip(EDGE_CHARS):
        return "holds only spaces or invisible characters; leave it empty when there is no value"
    at_start = value[0] in EDGE_CHARS
    char, where = (value[0], "starts") if at_start else (value[-1], "ends")
    if char == " ":
        return "has leading or trailing whitespace; remove it"
    kind = "an invisible character" if char in INVISIBLE_CHARS else "a space that is not a plain space"
    return f"{where} with {describe_char(char)}, {kind}; delete it (it often comes with copy and paste)"


def _clean_text(*, declared: Column, cell: object) -> str:
    """Say exactly what is wrong with a cell that failed the combined hygiene pattern."""
    from syria_strikes.text_policy import CONTROL, EDGE_CHARS, FORMULA_PREFIXES

    value = str(cell)
    control = re.search(CONTROL, value)
    if control:
        return _control_words(control.group())
    if value and (value[0] in EDGE_CHARS or value[-1] in EDGE_CHARS):
        return _edge_words(value)
    if value[:1] in FORMULA_PREFIXES:
        return (
            f"starts with {value[0]!r}, which spreadsheets run as a formula; rephrase so the cell "
            "starts with another character"
        )
    item = next(item for item in value.split(LIST_DELIMITER) if item[:1] in FORMULA_PREFIXES)
    return (
        f"has the list item {item!r}, which starts with {item[0]!r} and which spreadsheets run as a formula; "
        "rephrase so the item starts with another character"
    )


def _placeholder(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import SPREADSHEET_BOOLEANS, SPREADSHEET_ERRORS

    value = str(cell)
    lowered = value.lower()
    if lowered in SPREADSHEET_ERRORS:
        return f"is the spreadsheet error {value}, left by a broken formula; type the value itself"
    if lowered in SPREADSHEET_BOOLEANS:
        return (
            f"is the spreadsheet boolean {value}, not text: the spreadsheet converted the cell; "
            "retype the text (format the column as text first)"
        )
    need = "this column is required, so give the value" if declared.required else "leave the cell empty"
    return f"stands for a missing value; an empty cell is the only way to say 'missing': {need}"


def _list_repeats(*, declared: Column, cell: object) -> str:
    items = str(cell).split(LIST_DELIMITER)
    repeated = next(item for position, item in enumerate(items) if item in items[:position])
    return f"names {repeated!r} more than once; a list names each item once: delete the repeat"


def _mojibake(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import describe_char, mojibake

    found = mojibake(str(cell))
    assert found is not None
    garbled, meant = found
    if not meant:
        return (
            f"holds {describe_char(garbled)}, which a program writes in place of bytes it could not decode: "
            "the character that stood there is lost; retype it from the source"
        )
    return (
        f"has {garbled!r} where {meant!r} was meant: the file was opened as Windows-1252 and saved again as UTF-8; "
        "open CSV files as UTF-8 and retype the characters"
    )


def _mixed_script(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import describe_char, mixed_script

    found = mixed_script(str(cell))
    assert found is not None
    word, odd = found
    return (
        f"the word {word!r} mixes scripts: {describe_char(odd)} among letters of another script looks the same "
        "and matches nothing; retype the word in one script"
    )


def _lookalike_form(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import PHONETIC_LOOKALIKES, describe_char, first_lookalike_form

    value = str(cell)
    at = first_lookalike_form(value) or 0
    plain = PHONETIC_LOOKALIKES.get(value[at]) or unicodedata.normalize("NFKC", value[at])
    return (
        f"holds {describe_char(value[at])}, a look-alike of {plain!r}: it reads the same and matches nothing "
        f"typed plainly; retype the text with {plain!r}"
    )


def _invisible_char(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import describe_char, first_invisible

    value = str(cell)
    at = first_invisible(value) or 0
    return (
        f"holds {describe_char(value[at])} after {value[max(0, at - 20) : at]!r}, an invisible character: the text "
        "shows one spelling and holds another; delete it (it often comes with copy and paste)"
    )


def _names_unwritten(aliases: Sequence[str], noun: str, where: str, why: str) -> str:
    """The words of alias_written and place_alias_written: the names that ``where`` (no seed) writes, then why."""
    shown = ", ".join(repr(alias) for alias in aliases[:SHOWN_POSITIONS]) + (
        ", ..." if len(aliases) > SHOWN_POSITIONS else ""
    )
    which = f"this {noun}" if len(aliases) == 1 else f"these {len(aliases)} {noun}es"
    return f"{where} writes {which} as whole words: {shown}; {why}"


def _alias_written(*, aliases: Sequence[str]) -> str:
    return _names_unwritten(
        aliases,
        "alias",
        "no seed",
        "an alias is a name as a seed writes it, copied verbatim (an actor's name may be the curators' own words)",
    )


def _place_alias_written(*, aliases: Sequence[str]) -> str:
    return _names_unwritten(
        aliases,
        "place alias",
        "no seed",
        "a place alias is a name of the place as a seed writes it, copied verbatim (the curators' own name goes "
        "in place_name)",
    )


def _language_written(*, language: str, seed_path: str, share: float) -> str:
    tagged = f"is {language!r}" if language else "is empty"
    return (
        f"{tagged}, but {seed_path} reads as English ({share:.0%} of its words are English function words such "
        "as 'the', 'of', 'and'); count_written judges the numbers of English documents only, so the tag "
        "switches it off: give the language the document is written in (en)"
    )


def _wikidata_seen(*, item: str, seen: bool, noted: bool, titled: bool = True) -> str:
    faults = []
    if not seen:
        faults.append(f"no reference row records the page of {item} (url https://www.wikidata.org/wiki/{item})")
    if not titled:
        faults.append(f"the reference row of {item}'s page is titled for another actor, not this one")
    if not noted:
        faults.append("curator_note is empty")
    return (
        f"{' and '.join(faults)}; an item is given only when a curator saw it: add the reference row of its page "
        "and say in curator_note why it is this actor, or leave the cell empty"
    )


def _place_read_once(*, first: int, given: str, source: str) -> str:
    shown = repr(given) if given else "nothing"
    return (
        f"line {first} gives {shown} for the same place from the same source ({source}); a source "
        "describes one place one way: copy the field from it again on both rows"
    )


def _relation_id_names(
    *, relation_id: str | None, relation: str | None, subject_actor_id: str | None, object_actor_id: str | None
) -> str:
    if relation_id_misread(relation_id, relation, subject_actor_id, object_actor_id) == "swapped":
        said = f"the ID reads {object_actor_id} {relation} {subject_actor_id}, the row the other way round"
    else:
        body = f"-{str(relation_id).removeprefix('rel-')}-"
        named = next((code for code in RELATION.codes if f"-{code.replace('_', '-')}-" in body), None)
        said = f"the ID names the relation {named!r}, not {relation!r}"
    return (
        f"{said}; if the row was corrected since the ID was made, keep the ID (IDs are stable) and say so in "
        "curator_note, else correct the row"
    )


def _seed_referenced(*, name: str, leftover: bool = False) -> str:
    """``leftover``: the name is one only an interrupted write gives, so the advice is to clear it away."""
    if leftover:
        return (
            f"seeds/{name} is a temporary file that an archive stopped before it finished left behind, not a "
            "seed; remove it (the next archive removes it once it is a minute old, except on Windows)"
        )
    return f"seeds/{name} is not the seed_path of any row in data/sources.csv; add a source row for it or remove it"


def _claimant_named(*, actor: str, named: str | None, words: str) -> str:
    if named is None:
        return (
            f"the attribution words {words!r} name no actor, and curator_note does not say that they mean the "
            f"claimant {actor} (by its name or an alias); say in curator_note who speaks"
        )
    return (
        f"the attribution words name {named!r}, not the claimant {actor} (by its name or an alias); the "
        "claimant is the actor the attribution words name, whatever curator_note says"
    )


# How alike a misspelt code must be to a listed one to be suggested (difflib's ratio).
NEAR_CODE = 0.8


def _enum(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import EDGE_CHARS

    assert declared.vocabulary is not None
    codes = declared.vocabulary.codes
    words = f"is not one of the allowed values: {', '.join(codes)}"
    folded = str(cell).strip(EDGE_CHARS).lower().replace(" ", "_").replace("-", "_")
    if folded in codes:
        return f"{words}; did you mean {folded!r}? codes are lowercase with '_'"
    # A misspelling ('goverment_body') is named by the one code it is closest to, if any is close.
    near = difflib.get_close_matches(folded, codes, n=1, cutoff=NEAR_CODE)
    return f"{words}; did you mean {near[0]!r}?" if near else words


def _standard_code(*, declared: Column, cell: object) -> str:
    standard = declared.standard
    assert standard is not None
    if standard.first_subtag:
        return f"starts with {str(cell).split('-')[0]!r}, which {standard.name} does not list as a language"
    return f"is of the right form, but {standard.name} lists no such code"


def _pattern(*, declared: Column, cell: object) -> str:
    from syria_strikes.text_policy import describe_char, id_skeleton

    assert declared.pattern is not None
    value = str(cell)
    words = f"does not have the required form {declared.pattern} (for example {declared.example})"
    odd = next((c for c in value if not " " < c < "\x7f"), None)
    if odd == " ":
        words += "; it contains a space"
    elif odd is not None:
        digit = unicodedata.decimal(odd, None) is not None
        kind = "a digit that is not 0-9" if digit else "which is not a plain ASCII character"
        words += f"; it contains {describe_char(odd)}, {kind}"
    elif re.fullmatch(declared.pattern, value.lower()):
        words += "; it has uppercase letters"
    elif re.fullmatch(r"[a-z]+(?:-[0-9]+)+", value) and re.search(r"-0[0-9]{3,}", value):
        words += "; each number is three digits, or more without a leading zero (0001 is 001 written again)"
    skeleton = id_skeleton(value)
    if skeleton != value and re.fullmatch(declared.pattern, skeleton):
        words += f"; it reads as {skeleton!r} once fixed"
    return words


def _max_length(
    *, cell: object, declared: Column | None = None, limit: int | None = None, bound: int | None = None
) -> str:
    """``bound``: the length no cell may pass, given when the cell passes it; it is reported as the
    file is read, before any other rule (``limit`` is then the column's, None for a column the table
    does not declare)."""
    if bound is None:
        assert declared is not None
        return f"is {len(str(cell))} characters long; the limit for this column is {declared.text_limit}"
    column_limit = f"; the limit for this column is {limit}" if limit is not None else ""
    return (
        f"is {len(str(cell)):,} characters long{column_limit}, and no cell may pass {bound:,}: "
        "it looks like a pasted document or a broken export"
    )


def _minimum(*, declared: Column, cell: object) -> str:
    assert declared.minimum_text is not None
    if declared.type == "date":
        return f"is before {declared.minimum_text}, where the dataset's dates begin; the year looks mistyped"
    reason = "; counts and offsets cannot be negative" if declared.type == "integer" else ""
    return f"is below the minimum {declared.minimum_text}{reason}"


def _maximum(*, declared: Column, cell: object) -> str:
    assert declared.maximum is not None
    return f"is above the maximum {declared.maximum:g}"


# Rows: a row rule is worded from the cells it reads, as text (None for an empty cell), by column name.
def _shown(cell: str | None) -> str:
    return "empty" if cell is None else cell


def _count_bounds(*, value_low: str | None, value: str | None, value_high: str | None) -> str:
    return (
        f"value_low {_shown(value_low)}, value {_shown(value)} and value_high {_shown(value_high)} are out of "
        "order; value_low <= value <= value_high"
    )


def _count_exact(*, value_low: str | None, value: str | None, value_high: str | None) -> str:
    if value is None:
        return (
            f"value_low and value_high are both {_shown(value_low)}: that is an exact count, so value is "
            f"{_shown(value_low)} too; 'at least eight' is value_low 8 alone"
        )
    return (
        f"value {_shown(value)} is an exact count, so value_low and value_high are {_shown(value)} too (they are "
        f"{_shown(value_low)} and {_shown(value_high)}); 'at least eight' is value_low 8 with no value"
    )


def relation_id_misread(key: object, relation: object, subject: object, object_: object) -> str | None:
    """What a relation's ID that reads subject, relation, object ('rel-hashd-backed-by-iran') says
    against its row: 'relation' when it names another relation, 'swapped' when its two sides name the
    row's object and subject the other way round (a relation that reads the same both ways aside),
    None when it agrees or says nothing (an ID that names no relation). A side names an actor when
    each of its words is a word of the actor's ID ('hashd' of act-hashd-al-shaabi)."""
    if not isinstance(key, str) or not isinstance(relation, str) or relation not in RELATION.codes:
        return None
    spelt = {code: f"-{code.replace('_', '-')}-" for code in RELATION.codes}
    body = f"-{key.removeprefix('rel-')}-"  # 'rel-backed-by-iran-hashd' names its relation first
    if spelt[relation] not in body:
        return "relation" if any(written in body for written in spelt.values()) else None
    if relation in SYMMETRIC_RELATIONS or not isinstance(subject, str) or not isinstance(object_, str):
        return None
    left, right = (side.strip("-") for side in body.split(spelt[relation], 1))

    def names(side: str, actor: str) -> bool:
        return set(side.split("-")) <= set(actor.removeprefix("act-").split("-"))

    swapped = names(left, object_) and names(right, subject) and not (names(left, subject) and names(right, object_))
    return "swapped" if swapped else None


COUNTS = ("value", "value_low", "value_high")


def unwritten_count(quote: str, counts: Mapping[str, int | str | None]) -> str | None:
    """The first count column whose number ``quote`` does not write (None for an empty count)."""
    numbers = written_numbers(quote)
    for name in COUNTS:
        count = counts[name]
        if count is not None and int(count) not in numbers:
            return name
    return None


def _file_readable(*, what: str, reason: str | None = None, size: int | None = None) -> str:
    """``size``: the bytes of a file too large to read into memory (None when they cannot be read)."""
    if reason is not None:
        return f"{what} {reason}"
    held = "" if size is None else f" ({size:,} bytes)"
    return f"{what} is too large to read into the memory available{held}; check that it is the table's file"


def _stance_worded(*, hedging: str | None, stance: str | None) -> str:
    return _stance_settled([(hedging, "hedge", {**STANCE_HEDGES, **STANCE_HEDGES_ONLY})], stance)


def _stance_quoted(*, attribution_quote: str | None, quote: str | None, stance: str | None) -> str:
    words = _stance_settled(
        [(attribution_quote, "attribution words", STANCE_HEDGES), (quote, "quote", STANCE_HEDGES)], stance
    )
    return f"{words}, unless they are about something else: say so in curator_note"


def _stance_settled(texts: list[tuple[str | None, str, dict[str, str]]], stance: str | None) -> str:
    for words, which, settling in texts:
        for code, pattern in settling.items():
            found = re.search(pattern, words or "", re.IGNORECASE)
            if found is not None and code != stance:
                says = "say" if which.endswith("words") else "says"
                return f"the {which} {says} {found.group()!r}, which makes the stance {code!r}, not {stance!r}"
    return f"the claim's words make another stance than {stance!r}"


def _victim_status_worded(*, victim_status: str | None, victim_group: str | None) -> str:
    kind = "civilian" if victim_status == "combatant" else "combatant"
    fighting = re.sub(VICTIM_WORDS_NOT_COMBATANTS, " ", victim_group or "", flags=re.IGNORECASE)
    found = re.search(VICTIM_WORDS[kind], fighting if kind == "combatant" else victim_group or "", re.IGNORECASE)
    said = found.group() if found is not None else ""
    return f"victim_group says {said!r}, which makes the victims {kind}s, not {victim_status}"


def _value_text_actor(*, actor: str, other: str | None) -> str:
    if other is None:
        return (
            f"says the perpetrator is unknown, while value_actor_id names {actor}; an attribution names an actor or "
            "is coded 'unknown', not both"
        )
    return (
        f"is a name of {other}, while value_actor_id names {actor}; the two cells name the one actor the quote "
        "speaks of"
    )


def _publisher_kind(*, publisher: str, publisher_kind: str, allowed: Sequence[str]) -> str:
    return (
        f"{publisher} is a {publisher_kind}, which does not publish this kind of source (it comes from "
        f"{_or(allowed)}); correct the kind or the publisher"
    )


def _or(words: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _time_weekday(*, predicate: str | None, quote: str | None, value_text: str | None) -> str:
    from syria_strikes.intervals import WEEKDAYS, weekdays_named

    named = " or ".join(WEEKDAYS[day] for day in sorted(weekdays_named(quote or "")))
    return (
        f"the quote names {named}, a day the interval {value_text} does not hold; count the day again from the "
        "document's publication day, or say in curator_note why the quote's day is not the claim's"
    )


def _url_dated(*, url: str | None, published_start: str | None, published_end: str | None) -> str:
    from syria_strikes.intervals import url_days

    first, last = published_start or "..", published_end or ".."
    outside = [
        day.isoformat()
        for day in url_days(url or "")
        if (first != ".." and day.isoformat() < first) or (last != ".." and day.isoformat() > last)
    ]
    days = _or(outside or ["a day"])
    interval = f"{first}/{last}"
    return (
        f"the address writes {days}, outside the publication interval {interval}; a page's address gives the day "
        "it was published: correct the interval or the address, or say in curator_note why they differ"
    )


def _time_day_written(*, predicate: str | None, quote: str | None, value_text: str | None) -> str:
    from syria_strikes.intervals import days_written

    ends = set((value_text or "").split("/"))
    days = [(words, day) for words, day in days_written(quote or "") if day.isoformat() not in ends]
    written = _or([f"{words!r} ({day.isoformat()})" for words, day in days] or ["a day"])
    return (
        f"the quote writes {written}, which neither starts nor ends the interval {value_text}; a day the quote "
        "writes is where the claim's interval starts or ends: correct the interval, or say in curator_note why "
        "the day is not one of its ends"
    )


def _time_relative(*, quote: str, source: str, published: date, first: date | None, last: date) -> str:
    start = ".." if first is None else f"{first:%Y-%m-%d}"
    return (
        f"the quote {quote!r}, in {source} of {published:%Y-%m-%d}, gives {start}/{last:%Y-%m-%d}; count from the "
        "document's day, and where the words count from another (a statement quoted from an earlier day) let "
        "curator_note say which"
    )


def _unit_matches_predicate(*, predicate: str | None, unit: str | None) -> str:
    return f"predicate {predicate!r} counts {COUNT_UNITS.get(predicate or '', '?')}, not {unit}"


# Relations and provenance.
def _unique_id(*, first: int, whole_row: bool) -> str:
    if whole_row:
        return f"this whole row repeats line {first}; delete one of the two"
    return f"repeats the ID on line {first}; IDs are unique and never reused"


def _foreign_key(*, key: str, path: str, suggestions: Sequence[str] = ()) -> str:
    """``suggestions``: the nearest existing IDs (difflib's close matches), best first."""
    article = "an" if key[0] in "aeiou" else "a"
    close = [repr(match) for match in suggestions]
    listed = ", ".join(close[:-1]) + " or " + close[-1] if len(close) > 1 else "".join(close)
    return f"is not {article} {key} in {path}" + (f"; did you mean {listed}?" if close else "")


def _relay_chain(*, twice: bool) -> str:
    """``twice``: the chain names a source twice; otherwise it names the claim's own source."""
    if twice:
        return "names the same source twice; each source relays a claim once"
    return "lists the claim's own source_id; the chain holds only the sources before it"


def _quote_anchored(
    *,
    start: int,
    end: int,
    seed_length: int,
    seed_has: str | None,
    location: Location,
    columns: tuple[str, str, str] = ("quote", "quote_start", "quote_end"),
) -> str:
    """``seed_has``: the seed's text at the offsets (None when they lie outside it); ``location``:
    where the words are in the seed, or their nearest match, as ``syria-strikes locate`` says it.
    ``columns``: the words and their offsets (a claim's or relation's quote, a claim's attribution)."""
    words, start_column, end_column = columns
    if seed_has is None:
        where = f"the offsets {start}..{end} lie outside the seed, which has {seed_length} characters"
    else:
        where = f"the seed has {seed_has[:60]!r} at offsets {start}..{end}"
    if location.unique is not None:
        return f"{where}; the {words} is {location.describe()}: set {start_column} and {end_column} to those"
    return f"{where}; the {words} is {location.describe()}"


def _descriptor_json(*, error: object = None, refused: str | None = None, too_deep: bool = False) -> str:
    """``error``: why the file is not JSON; ``refused``: why the JSON reader refused it (a repeated
    key, absurd nesting, NaN, the wrong shape); ``too_deep``: frictionless ran out of stack on it;
    none of them when it is JSON but not an object."""
    if refused is not None:
        return f"cannot be used: {refused}"
    if too_deep:
        return "nests too deeply to be checked"
    if error is not None:
        return f"is not valid JSON: {error}"
    return "is not a JSON object; a Data Package descriptor is an object"


# The data model: coded values, victims, time, attribution, relations (checks.rows, checks.model_rules).
def _allowed_codes(predicate: str | None) -> str:
    if predicate == "place":
        return "an ISO 3166-1 alpha-3 country code such as SYR"
    vocabulary = CODED_PREDICATES.get(predicate or "")
    return ", ".join(vocabulary.codes) if vocabulary else "none"


def _value_code_given(*, predicate: str | None, value_code: str | None) -> str:
    return (
        f"a value_code is given exactly for the coded predicates ({', '.join(VALUE_CODE_PREDICATES)}); "
        f"for {predicate!r} use: {_allowed_codes(predicate)}"
    )


def _value_code_vocabulary(*, predicate: str | None, value_code: str | None) -> str:
    codes = (value_code or "").split(LIST_DELIMITER)
    if predicate != "place" and len(codes) > 1 and UNKNOWN_CODE in codes:
        allowed = CODED_PREDICATES[predicate].codes if predicate in CODED_PREDICATES else ()
        unknown_codes = [code for code in codes if code not in allowed]
        more = f" ({', '.join(map(repr, unknown_codes))} no code of {predicate!r} either)" if unknown_codes else ""
        return (
            f"lists {UNKNOWN_CODE!r} beside other codes{more}: it stands for a claim that names none, so it "
            "stands alone; keep the codes the claim names"
        )
    return f"is not a code list of predicate {predicate!r}; allowed: {_allowed_codes(predicate)}"


def _value_text_quoted(*, predicate: str | None, value_text: str | None, quote: str | None) -> str:
    written = sorted(codes_worded(predicate or "", value_text or "") - codes_worded(predicate or "", quote or ""))
    quoted = sorted(codes_worded(predicate or "", quote or ""))
    return (
        f"value_text {value_text!r} names {_or(written)}, which the quote does not; the quote names {_or(quoted)}: "
        "value_text gives the quote's words, so correct it (and the code) to what the quote says"
    )


def _value_code_worded(*, predicate: str | None, value_text: str | None, value_code: str | None) -> str:
    worded = sorted(codes_worded(predicate or "", value_text or ""))
    if predicate == "place":
        countries = f"countr{'ies' if len(worded) > 1 else 'y'} {_or(worded)}"
        return (
            f"value_text {value_text!r} names the {countries}, and a place is coded as a country it names, not "
            f"{value_code}: correct the code, or say in curator_note why the place lies elsewhere"
        )
    missing = [code for code in worded if code not in (value_code or "").split(LIST_DELIMITER)]
    return (
        f"value_text {value_text!r} names the code{'s' if len(missing) > 1 else ''} {'|'.join(missing)}, which "
        f"value_code {value_code} leaves out; code what the words name, or correct the words"
    )


def _event_id_date(*, event_id: str | None, date_start: str | None, date_end: str | None) -> str:
    return (
        f"the ID names a date the event's dates {date_start or '..'}/{date_end or '..'} leave out; if they were "
        "corrected since the ID was made, keep the ID (IDs are stable) and say so in date_note, else correct them"
    )


def _event_type_claimed(*, kind: str, platforms: Sequence[str], fits: Sequence[str]) -> str:
    return (
        f"the event's launch_platform claims name {_or(platforms).replace(' or ', ' and ')}, and a {kind} is "
        f"delivered from {_or(fits)}; code the type the claims give, or air_or_missile_strike when the sources "
        "do not settle it"
    )


def _place_claimed(*, codes: Sequence[str]) -> str:
    return f"the event's place claims code {', '.join(codes)}, not this country; the event lies where a claim places it"


def _identification_dated(*, source: str, kind: str) -> str:
    if kind == "reference":
        return (
            f"'stated_in_seed' says the archived document dates the event, but date_source_id {source} is a reference; "
            "date it from the seed, or say how the references matched it"
        )
    return (
        f"the event is dated from the archived document {source}, so its own words date it: 'stated_in_seed', or "
        "date it from the reference that matched it"
    )


def _parent_kind(*, kind: str, parent: str, parent_kind: str) -> str:
    if kind == "state":
        return f"a state is part of no actor, but this one names {parent} as its parent; check its kind and its parent"
    return f"{parent} is a {parent_kind}, and no actor is part of a person; check this actor's parent"


_CHECK_KIND = "check its kind and its parent"


def _parent_fits_kind(*, kind: str, parent: str, parent_kind: str) -> str:
    fits = f"an actor of kind {kind} is part of an actor of kind {_or(PART_OF_KINDS[kind])}"
    return f"{fits}, but {parent} is of kind {parent_kind}; {_CHECK_KIND}"


def _date_claimed(*, source: str, intervals: Sequence[str], date_start: str | None, date_end: str | None) -> str:
    days = f"{date_start or '..'}/{date_end or '..'}"
    if not intervals:
        return (
            f"the event is dated {days} from {source}, which makes no time claim about it; record the claim whose "
            "words date it, or date the event from the reference that does"
        )
    return (
        f"the event is dated {days} from {source}, whose time claims about it give {', '.join(intervals)}; "
        "no day is in both"
    )


def _dated_against_claims(
    *, source: str, intervals: Sequence[str], date_start: str | None, date_end: str | None
) -> str:
    days = f"{date_start or '..'}/{date_end or '..'}"
    return (
        f"the event is dated {days} from {source}, but the time claims about it give {', '.join(intervals)}; no "
        "day is in both: correct the dates, or record the discrepancy in curator_note if the reference is right"
    )


# --- wording of the place rules (checks.rows) ----------------------------------------------------
def _coordinates_in_country(*, latitude: str, longitude: str, country: str | None, category: str = "") -> str:
    """Say the box the point missed and, when one slip explains it, which. No country: a strike, in Syria."""
    country = country or (STRIKE_COUNTRY if category in ("strike", "") else None)
    box = None if country is None else COUNTRY_EXTENTS.get(country)
    lat, lon = float(latitude), float(longitude)
    if box is None:  # only 0,0 is judged where no extent is declared
        return (
            f"latitude {latitude}, longitude {longitude} lie in no country: 0,0 is what a spreadsheet leaves "
            "for a missing value; leave both cells empty if the site is unknown"
        )

    def inside(y: float, x: float) -> bool:
        return box.south <= y <= box.north and box.west <= x <= box.east

    if lat == 0 and lon == 0:
        hint = "; 0,0 is what a spreadsheet leaves for a missing value: leave both cells empty if the site is unknown"
    elif inside(lon, lat):
        hint = "; they fit once swapped: latitude and longitude look exchanged"
    elif any(inside(y, x) for y, x in ((abs(lat), abs(lon)), (-lat, lon), (lat, -lon))):
        hint = "; a minus sign looks wrong: latitudes and longitudes in this box are positive"
    else:
        hint = ""
    return (
        f"latitude {latitude}, longitude {longitude} lie outside {country} (latitude {box.south}..{box.north}, "
        f"longitude {box.west}..{box.east}){hint}"
    )


# --- wording of the seed rules (checks.provenance) ----------------------------------------------
def _seed_present(*, near: str | None = None) -> str:
    """``near``: a file of seeds/ that no row names and whose name is nearly this one."""
    if near is not None:
        return f"names a seed file that does not exist; seeds/ holds {near}, which no row names: correct the seed_path"
    return "names a seed file that does not exist; restore it from the archive"


def _seed_hash(*, seed_path: str, digest: str, owner: tuple[int, str] | None = None) -> str:
    """``owner``: the line and source_id of another row whose sha256 is the file's digest."""
    if owner is not None:
        line, source_id = owner
        return (
            f"does not match the file {seed_path}, which is the seed of line {line} ({source_id}): this row's "
            "seed_path looks copied or swapped from that row; point it at this source's own file (its quotes "
            "were not checked)"
        )
    return (
        f"does not match the file {seed_path}, whose SHA-256 is {digest}; seed files are never edited, so "
        "restore the original (its quotes were not checked)"
    )


# --- wording of the descriptor rules (checks.descriptor) --------------------------------------
SHOWN_JSON = 60


def json_shown(value: object) -> str:
    """A JSON value as the message shows it, cut short; a key or item one side lacks is 'nothing'."""
    import json  # only a stale descriptor is worded with it

    if not isinstance(value, (dict, list, str, int, float, bool, type(None))):
        return "nothing"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN_JSON else text[: SHOWN_JSON - 3] + "..."


def _descriptor_current(*, where: str = "", declared: object = None, found: object = None) -> str:
    at = f" at {where} (declared {json_shown(declared)}, the file has {json_shown(found)})" if where else ""
    return (
        f"differs from what syria_strikes/metadata.py declares{at}; run `python -m syria_strikes generate` and "
        "commit the result"
    )


# --- wording of the uncovered-sentence rules (checks.seed_coverage) ----------------------------
LISTED_SENTENCES = 3


def _sentence_anchored(*, start: int, end: int, location: Location) -> str:
    """``location``: where the declared sentence is in the seed, as ``syria-strikes locate`` says it."""
    hint = ": set sentence_start and sentence_end to those" if location.unique else ""
    return (
        f"the seed does not have this sentence at offsets {start}..{end}; the sentence is {location.describe()}{hint}"
    )


def _coverage_declared(*, source_id: str, missing: Sequence[tuple[int, int, str]]) -> str:
    """``missing``: (start, end, text) of each sentence no claim quotes and no row declares; the
    first few are named."""
    listed = "; ".join(f"{start}..{end} {text[:60]!r}" for start, end, text in missing[:LISTED_SENTENCES])
    more = f"; and {len(missing) - LISTED_SENTENCES} more" if len(missing) > LISTED_SENTENCES else ""
    count = f"{len(missing)} sentence{'s' if len(missing) != 1 else ''}"
    return (
        f"{count} of this seed no claim quotes and data/uncovered_sentences.csv does not declare ({listed}{more}): "
        f"quote them in claims, or declare those that assert nothing; see `syria-strikes coverage {source_id}`"
    )


RULES: tuple[Rule, ...] = (
    # --- the file's structure (syria_strikes.reading) ----------------------------------------
    Rule(
        "file_present",
        "Structure",
        "A table's file is missing",
        "Restore `data/<table>.csv`; every table needs its file.",
        words="the file {file} is missing; every table needs its CSV file",
    ),
    Rule(
        "file_declared",
        "Structure",
        "A copy of a table in `data/`: another CSV (`claims (1).csv`, `Claims.CSV`, `claims .csv` with a "
        "trailing space), another extension (`claims.csv.bak`, `claims.tsv`), or a folder or link, which may hold "
        "or lead to copies (`data/old/claims.csv`); hidden files and folders are left alone",
        "Move the edits into the real file and remove the copy; the validator never reads it.",
        words=_file_declared,
    ),
    Rule(
        "not_empty",
        "Structure",
        "Empty file, only whitespace, or only a byte-order mark",
        "The file needs the header line (quoted in the message) and at least one row.",
        words=_not_empty,
    ),
    Rule(
        "has_rows",
        "Structure",
        "Header but no row",
        "Every table needs at least one row.",
        words="the file has a header but no rows; every table needs at least one row",
    ),
    Rule(
        "no_bom",
        "Structure",
        "UTF-8 byte-order mark",
        "Save as UTF-8 without BOM.",
        then="rest of file still checked",
        words="the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
    ),
    Rule(
        "utf8",
        "Structure",
        'Not UTF-8 (Windows-1252 from Excel\'s plain "CSV", Latin-1, UTF-16 from its "Unicode Text", UTF-32, CESU-8)',
        'Line, byte and hex of the first bad bytes, with the line\'s text around them; save as "CSV UTF-8" (the '
        "message says when the bytes look like Windows-1252, UTF-16, UTF-32 or CESU-8).",
        then="table not read further",
        words=_utf8,
    ),
    Rule(
        "lf_line_endings",
        "Structure",
        "CRLF or CR line endings, or a mix with LF",
        "Line of the first CR; use LF only.",
        then="rest of file still checked",
        words=(
            "the file has Windows (CRLF) or old Mac (CR) line endings; canonical files end lines with LF only: "
            "save it with LF line endings (an editor's line-ending setting, or git's core.autocrlf=false)"
        ),
    ),
    Rule(
        "final_newline",
        "Structure",
        "No line break after the last row (also after a very long line)",
        "End the last line with a line break.",
        words="the last line does not end with a line break; add one after the last row",
    ),
    Rule(
        "blank_line",
        "Structure",
        "Blank line between rows, or blank lines at the end",
        "Delete the line; blank lines at the end are reported once.",
        words=_blank_line,
    ),
    Rule(
        "delimiter",
        "Structure",
        "Separated by `;`, tabs or `\\|` (European spreadsheet export)",
        'Save as "CSV UTF-8 (comma delimited)" or set the separator to `,`.',
        then="table not read further",
        words=_delimiter,
    ),
    Rule(
        "header_spaces",
        "Structure",
        "Spaces around header names (`actor_id, name`)",
        "The header must read exactly the declared names.",
        then="rows still checked",
        words=_header_spaces,
    ),
    Rule(
        "header_unnamed",
        "Structure",
        "Unnamed columns (`…,curator_note,,`), as spreadsheets export",
        "Delete those columns; the message gives their positions.",
        then="rows still checked, those columns ignored",
        words=_header_unnamed,
    ),
    Rule(
        "header_unique",
        "Structure",
        "Column name twice",
        "Remove the second column.",
        then="table not read further",
        words="this column name appears twice in the header",
    ),
    Rule(
        "header_declared",
        "Structure",
        "Undeclared column, misspelt name, name in another case (`Stance`)",
        "Remove it or declare it in `syria_strikes/metadata.py`; a misspelling is reported once, with "
        "\"did you mean 'stance'?\".",
        words=_header_declared,
    ),
    Rule(
        "header_complete",
        "Structure",
        "Declared column missing",
        "Add the column.",
        then="the table's other columns are still checked",
        words="the header lacks the declared column {name!r}; the other columns were checked",
    ),
    Rule(
        "header_order",
        "Structure",
        "Columns out of order",
        "The message gives the canonical order.",
        then="rows still checked",
        words=_header_order,
    ),
    Rule(
        "header_other_table",
        "Structure",
        "The header of another table: one table's file saved over another's (`events.csv` saved as `claims.csv`)",
        "Names the table the file holds; restore this table's file. The table is not read further, so its "
        "hundreds of cells are not each reported.",
        then="table not read further",
        words=(
            "this file holds the columns of the {other} table, not of {table}: a copy of data/{other}.csv was "
            "saved here; restore data/{table}.csv (from version control) and check data/{other}.csv too"
        ),
    ),
    Rule(
        "field_count",
        "Structure",
        "Row with more or fewer fields than the header; a quote that swallows the next lines",
        "Check for a stray comma or an unclosed quote; the message says when the row runs on to later lines.",
        then="table not read further",
        words=_field_count,
    ),
    Rule(
        "csv_quotes",
        "Structure",
        'Stray double quote inside an unquoted cell (`sa"id`), text after a closing quote, a quote never closed',
        "Wrap the cell in quotes and double the inner quote, or close the quote; readers disagree on such cells, "
        "so the cell's value is not used.",
        words=_csv_quotes,
    ),
    Rule(
        "canonical_quoting",
        "Structure",
        'Quotes around cells that need none (`"asserts"`, "quote all text cells")',
        "Save with minimal quoting; the message counts the lines affected.",
        then="once per file",
        words=_canonical_quoting,
    ),
    Rule(
        "csv_syntax",
        "Structure",
        "Text the CSV reader refuses outright",
        "The line where reading stopped and the reader's words (a safety net: no known input reaches it).",
        then="table not read further",
        safety_net=True,
        words="the file cannot be read as CSV from this line: {error}",
    ),
    Rule(
        "rule_failed",
        "Structure",
        "A rule that stopped with an error (of a cell, a row, or across tables): a fault of the validator, "
        "not of the data",
        "Names the rule, the column and the error; the table is not taken as valid (a safety net: no known "
        "input reaches it).",
        safety_net=True,
        words="rule {check} could not run here ({error}); the table is not taken as valid: please report this",
    ),
    Rule(
        "header_repeated",
        "Structure",
        "The header line pasted again among the rows",
        "Delete the row.",
        then="the row is dropped, not checked",
        words="this row repeats the header line; delete it (it was probably pasted with the rows below it)",
    ),
    Rule(
        "empty_row",
        "Structure",
        "A row of empty cells (`,,,,,`) that a spreadsheet exported",
        "Delete the row.",
        then="the row is dropped, not checked",
        words="this row has no value in any column; delete it (spreadsheets export rows that once held something)",
    ),
    # --- values and types (reading's typed conversion, checks.cells, checks.rows) ------------
    Rule("required", "Values and types", "Required cell empty", "Give the value.", words="is required but empty"),
    Rule(
        "type_integer",
        "Values and types",
        "Word, thousands separator, decimal point, exponent (`1.2E+02`), plus sign, leading zero, more than 18 "
        "digits, non-ASCII digits in an integer",
        "Names the spreadsheet habit and the canonical spelling (`1,000` → write 1000; `4.0` → write 4; "
        "`1.2E+02` → format the column as text, 120; `٤` → use 0-9).",
        words=_type_words("integer"),
    ),
    Rule(
        "type_number",
        "Values and types",
        "Word, decimal comma (`34,52`), exponent, non-ASCII digits in a number",
        "Names the fault; a decimal point, plain decimals.",
        words=_type_words("number"),
    ),
    Rule(
        "type_date",
        "Values and types",
        "Date in another order (`14/01/2020`), with a time (`2020-01-14T10:00`, `2020-01-14 00:00:00`), a "
        "spreadsheet day number (`43844`), spaces around it, non-ASCII digits; an impossible date (`2020-02-30`); "
        "the year `0000`, which Python, frictionless and Arrow cannot read",
        "Names the fault; for a day number, the date it stands for; write `YYYY-MM-DD`; an impossible date is "
        "not a real calendar date; dates run from `0001-01-01` to `9999-12-31`.",
        words=_type_words("date"),
    ),
    Rule(
        "enum",
        "Values and types",
        "Value outside its vocabulary; another case (`Asserts`); words for a code (`air strike`); `TRUE`/`FALSE`",
        'Lists the allowed codes; for a case or spacing variant or a near misspelling (`goverment_body`), "did '
        "you mean 'government_body'?\".",
        words=_enum,
    ),
    Rule(
        "standard_code",
        "Values and types",
        "A country code of the right form that ISO 3166-1 does not list (`SYQ`); a language tag whose language "
        "ISO 639 does not list (`qq`)",
        "Names the standard; the lists are generated from Debian's iso-codes tables (`python -m scripts.iso_codes`).",
        words=_standard_code,
    ),
    Rule(
        "placeholder",
        "Values and types",
        "Placeholder for missing (`NA`, `N/A`, `n.a.`, `#N/A`, `null`, `None`, `nil`, `NaN`, `TBD`, `TODO`, `?`), "
        "spreadsheet boolean (`TRUE`), spreadsheet error (`#REF!`, `#VALUE!`, `#NAME?`, `#DIV/0!`…) in a text, "
        "list or ID column",
        "Leave the cell empty (or give the value when the column is required); retype a cell a spreadsheet "
        "converted or a formula broke.",
        then="not checked in `quote`, which is verbatim and proven against its seed",
        words=_placeholder,
    ),
    Rule(
        "minimum",
        "Values and types",
        "Below the minimum (negative count or offset, latitude below -90, "
        f"a date before {EARLIEST_DATE[:4]} such as 0201-03-05)",
        f"Counts and offsets cannot be negative; a date before {EARLIEST_DATE[:4]} is a mistyped year (0201 for 2021).",
        words=_minimum,
    ),
    Rule("maximum", "Values and types", "Above the maximum (latitude 200)", "States the bound.", words=_maximum),
    Rule(
        "date_order",
        "Values and types",
        "An event's `date_end` before its `date_start`",
        _ROW_RULE,
        words="is before date_start {date_start}",
    ),
    Rule(
        "event_id_date",
        "Values and types",
        "An event whose ID carries a year, month or day that its `date_start`..`date_end` leaves out (a date "
        "mistyped in the dates or in the ID)",
        "IDs are stable: if the dates were corrected since the ID was made, keep the ID and say so in `date_note`; "
        "otherwise correct the dates.",
        decision="warn",
        then="valid; the dates may have been corrected since the ID was made",
        words=_event_id_date,
    ),
    Rule(
        "relation_id_names",
        "Values and types",
        "An actor relation whose ID names another relation than its `relation` (`rel-hashd-backed-by-iran` with "
        "`leads`), or its subject and object the other way round (not for `allied_with`, `cooperates_with`): the "
        "relation, or the row, typed, swapped or pasted wrong",
        "IDs are stable: if the row was corrected since the ID was made, keep the ID and say so in "
        "`curator_note`; otherwise correct the row.",
        decision="warn",
        then="valid; the relation may have been corrected since the ID was made",
        words=_relation_id_names,
    ),
    Rule(
        "precision_day",
        "Values and types",
        "Precision `day` with two different dates",
        _ROW_RULE,
        words="precision 'day' needs date_start equal to date_end",
    ),
    Rule(
        "precision_range",
        "Values and types",
        "Precision `range` on a single day (`date_start` equal to `date_end`)",
        _ROW_RULE,
        words="precision 'range' needs an interval of more than one day; a single known day is precision 'day'",
    ),
    Rule(
        "precision_month",
        "Values and types",
        "Precision `month` without the first and last day of one calendar month",
        _ROW_RULE,
        words="precision 'month' needs the first and last day of one calendar month",
    ),
    Rule(
        "precision_before",
        "Values and types",
        "`date_start` given with precision `before`, or missing with any other precision",
        _ROW_RULE,
        words="date_start is empty exactly when date_precision is 'before'",
    ),
    Rule(
        "coordinates_pair",
        "Values and types",
        "A latitude without a longitude, or the reverse",
        _ROW_RULE,
        words="latitude and longitude go together",
    ),
    Rule(
        "coordinates_site",
        "Values and types",
        "Coordinates on a place that is not a `site`",
        _ROW_RULE,
        words="coordinates are given only when place_precision is 'site'",
    ),
    Rule(
        "place_precision_fields",
        "Values and types",
        "An event's `admin1`, `admin2` or `locality` finer than its `place_precision` allows: a locality on a "
        "place known to the district, a district or governorate on one known only to the country, a region or "
        "not at all. The precision downgraded, or the place fields filled from somewhere the precision says "
        "nothing came from",
        _ROW_RULE,
        words=(
            "place_precision {place_precision!r} leaves this column empty: a place known only to that precision "
            "names no smaller area; raise the precision to what the sources give, or empty the column"
        ),
    ),
    Rule(
        "coordinates_in_country",
        "Values and types",
        "Coordinates of an event in Syria (`country` SYR, or a strike with no country) outside Syria's extent, "
        "widened by 0.2 degrees: latitude "
        "and longitude swapped, a minus sign lost or added, 0,0 left for a missing value; and 0,0 for an event "
        "in any country",
        "Names the box and the slip that explains the point (swapped, sign, 0,0); the box is "
        "`COUNTRY_EXTENTS` in `syria_strikes/metadata.py`.",
        words=_coordinates_in_country,
    ),
    Rule(
        "attributed_actor",
        "Values and types",
        "An attributed actor without an `acknowledged` or `alleged` attribution, or such an attribution without one",
        _ROW_RULE,
        words="an attributed actor is named exactly when attribution_status is acknowledged or alleged",
    ),
    Rule(
        "strike_category",
        "Values and types",
        f"An event of category `strike` whose `event_type` is not an attack ({', '.join(NON_ATTACK_EVENT_TYPES)}) "
        f"or whose `country` is not {STRIKE_COUNTRY}, or an air or missile strike "
        f"({', '.join(AIR_OR_MISSILE_EVENT_TYPES)}) in {STRIKE_COUNTRY} filed as `context`, which leaves it out "
        "of every count of strikes",
        _ROW_RULE,
        words=(
            f"category 'strike' is an attack in Syria: event_type is not {' or '.join(NON_ATTACK_EVENT_TYPES)} "
            f"and country, when given, is {STRIKE_COUNTRY}; an event elsewhere or of another kind is category "
            f"'context', and an event of type {' or '.join(AIR_OR_MISSILE_EVENT_TYPES)} in {STRIKE_COUNTRY} is "
            "category 'strike'"
        ),
    ),
    Rule(
        "attribution_applicable",
        "Values and types",
        f"`attribution_status` `not_applicable` on an attack, or another status on an event that is not one "
        f"({', '.join(NON_ATTACK_EVENT_TYPES)})",
        _ROW_RULE,
        words=(
            f"attribution_status is 'not_applicable' exactly when the event is not an attack (event_type "
            f"{' or '.join(NON_ATTACK_EVENT_TYPES)})"
        ),
    ),
    Rule(
        "attributed_kind",
        "IDs and references",
        "An event attributed to a media outlet or an NGO (`attributed_actor_id` naming SANA or a monitoring "
        "group instead of the force it blamed)",
        "Name the actor the attribution is about; the outlet or NGO that made it is a claimant in claims.",
        words=(
            "{actor} is an actor of kind {kind}, which carries out no attack; attributed_actor_id names the actor "
            "the attack is attributed to, not the outlet or NGO that reported the attribution"
        ),
    ),
    Rule(
        "count_bounds",
        "Values and types",
        "Count bounds out of order (`value_low` > `value`)",
        _ROW_RULE,
        words=_count_bounds,
    ),
    Rule(
        "count_exact",
        "Values and types",
        "An exact count (`value`) without `value_low` and `value_high` equal to it, or bounds that meet without "
        "`value`: 'eight' written (8, , ) or ( , 8, 8) here and (8, 8, 8) there, which the derived views compare as "
        "two numbers",
        "An exact count is its own bounds: give `value`, `value_low` and `value_high` the same number; 'at least "
        "eight' is `value_low` 8 alone, with no `value`.",
        yields_to=("count_bounds", "count_written", "count_only_for_counts"),
        words=_count_exact,
    ),
    Rule(
        "count_has_unit",
        "Values and types",
        "A count predicate without a unit, or a unit elsewhere",
        _ROW_RULE,
        words=f"a unit is given exactly for the count predicates ({', '.join(COUNT_PREDICATES)})",
    ),
    Rule(
        "count_written",
        "Values and types",
        "A count (`value`, `value_low`, `value_high`) that its quote does not write, in digits or in English "
        "words (9 beside 'eight missiles'; the digits of a model or place, 'F-16', 'T4', and the day of a date, "
        "'February 24,', write no count); judged for documents whose `language` is English",
        "Names the count and its column: give the number the quote writes ('at least eight' is `value_low` 8, "
        "'more than twenty' is `value_low` 20), or quote the words that give it.",
        then="not reported for a quote that is not at its offsets (`quote_anchored`): its words prove nothing",
        words=(
            "is not a number the quote writes, in digits or in words; a count is the number its quote gives "
            "('at least eight' is value_low 8)"
        ),
        yields_to=("quote_anchored",),
    ),
    Rule(
        "count_bound",
        "Values and types",
        "A count in a column its quote's words rule out: an exact `value` the quote writes only after words "
        "that make it a bound ('At least eight', 'up to five'), a `value_high` only after 'at least' or 'more "
        "than', a `value_low` only after 'up to' or 'nearly'; judged for documents whose `language` is English",
        "Names the words: a bound is `value_low` ('at least', 'more than') or `value_high` ('up to', 'nearly') "
        "alone, with no `value`.",
        then="not reported for a quote that is not at its offsets (`quote_anchored`): its words prove nothing",
        words=(
            "the quote writes this number only as a bound ({words!r} ...), which this column does not hold: "
            "'at least eight' is value_low 8 and 'up to five' value_high 5, alone"
        ),
        yields_to=("quote_anchored", "count_written", "count_exact"),
    ),
    Rule(
        "unit_matches_predicate",
        "Values and types",
        "A unit that is not the predicate's unit",
        _ROW_RULE,
        words=_unit_matches_predicate,
    ),
    Rule(
        "count_only_for_counts",
        "Values and types",
        "A count on a predicate that takes none",
        _ROW_RULE,
        words="predicate {predicate!r} takes no count; counts belong to " + ", ".join(COUNT_PREDICATES),
    ),
    Rule(
        "actor_value",
        "Values and types",
        "An actor predicate naming neither an actor nor `value_text`",
        _ROW_RULE,
        words=(
            "predicate {predicate!r} needs the actor it names in value_actor_id, or value_text when the source "
            f"names none ({UNKNOWN_PERPETRATOR!r} for an attribution)"
        ),
    ),
    Rule(
        "published_order",
        "Values and types",
        "A source's `published_end` before its `published_start`",
        _ROW_RULE,
        words="is before published_start {published_start}",
    ),
    # --- IDs and references (checks.cells, checks.relations) --------------------------------
    Rule(
        "pattern",
        "IDs and references",
        "ID or reference not of its form: uppercase, look-alike letters (Cyrillic `\u0430`), typographic hyphen "
        "(U+2011), fullwidth or Arabic-Indic digits, spaces inside; a `seed_path` not of the form `seeds/<file>`",
        "The required form and an example; names the offending character by its Unicode name and, where it can, "
        "what the ID reads as once fixed. A damaged key does not make every reference to it dangle: one fault, "
        "one line.",
        words=_pattern,
    ),
    Rule(
        "unique_id",
        "IDs and references",
        "Primary key repeated; a whole row duplicated",
        'The line it repeats; for a duplicated row, "delete one of the two".',
        words=_unique_id,
    ),
    Rule(
        "repeated_claim",
        "IDs and references",
        "The same claim entered twice under two IDs (identical but for `claim_id` and `curator_note`; free text "
        "compared regardless of letter case, spacing and Unicode normalisation form)",
        "The line it repeats; one voice must not count twice in the derived views.",
        words=(
            "asserts exactly what line {first} asserts (same event, claimant, source, predicate, stance, value and "
            "quote); delete one of the two"
        ),
    ),
    Rule(
        "one_stance",
        "IDs and references",
        "Two claims of the same words (same source and quote offsets) by the same claimant about the same event, "
        "predicate, value and victims with different stances: one sentence read both as asserting and as denying",
        "The line it contradicts; give the stance the words take, once.",
        words=(
            "takes the stance {stance!r} on what line {first} takes {stance_first!r} in the same words (same "
            "source, offsets, claimant, event, predicate, value and victims); the words take one stance: keep the "
            "right one"
        ),
    ),
    Rule(
        "repeated_row",
        "IDs and references",
        "An actor, source, event, relation or uncovered sentence entered twice under two IDs (identical but for "
        "the ID and `curator_note`; free text compared regardless of letter case, spacing and Unicode "
        "normalisation form: `ISRAELI AIR FORCE`, a doubled space, NFD beside NFC; a relation that holds both "
        "ways, `allied_with` or `cooperates_with`, whatever the order of its actors)",
        "The line it repeats; one strike, actor or document must not count twice.",
        words=(
            "repeats line {first} in every column but {key} and curator_note (free text read regardless of letter "
            "case, spacing and Unicode form); delete one of the two"
        ),
    ),
    Rule(
        "unique_value",
        "IDs and references",
        "Another unique column repeated (two sources with the same `seed_path`)",
        "The line it repeats.",
        words="repeats the value on line {first}; each {column} belongs to one row only",
    ),
    Rule(
        "foreign_key",
        "IDs and references",
        "Reference to an ID that does not exist, also inside a `\\|` list",
        "Names the table whose key it must be.",
        words=_foreign_key,
    ),
    Rule(
        "note_id_exists",
        "IDs and references",
        "A note naming an ID (`clm-000-050`, `evt-2020-01-14-t4-airbase-strike`) that no row has: the row it "
        "explains or compares with was deleted or renamed",
        "Names the missing ID. An ID run on into more words counts when a row has its start; a word with no "
        "part in digits ('act-of-war', most actor IDs) and an ID inside a web address are not judged.",
        words=(
            "names {value!r}, which no row of {table} has: the row the note speaks of was deleted or renamed; "
            "restore it, or correct the note"
        ),
    ),
    Rule(
        "list_items",
        "IDs and references",
        "Empty item or spaces in a `\\|` list",
        "Empty item or spaces around `\\|`.",
        words=f"has an empty item or spaces around the {LIST_DELIMITER!r} separator",
    ),
    Rule(
        "list_repeats",
        "IDs and references",
        "A `\\|` list naming one item twice (`T4\\|T4`, a source cited twice); `relayed_via` and `other_event_ids` "
        "have rules of their own",
        "Names the repeated item; each item once.",
        words=_list_repeats,
    ),
    Rule(
        "read_in_archive",
        "IDs and references",
        "Claim or actor relation read in a source that has no seed file",
        "A claim or a relation is read in an archived document.",
        words="is not an archived source; a claim or an actor relation is read in a document that has a seed file",
    ),
    Rule(
        "relay_chain",
        "IDs and references",
        "Reporting chain lists the claim's own source, or one source twice",
        "Each source relays a claim once, before the archived one.",
        words=_relay_chain,
    ),
    Rule(
        "relay_cited",
        "IDs and references",
        "A report in a claim's `relayed_via` that its document does not cite (`cites_source_ids`, directly or "
        "through a report it cites): a citation dropped, or the chain of another document's claim",
        "Cite the report on the document's source row, or take it out of the chain: both say only what the "
        "document says.",
        yields_to=("reference_cited", "cited_after_citing", "read_in_archive"),
        words=(
            "{report} is in the chain, but {source}, where the claim is read, does not cite it (cites_source_ids, "
            "directly or through a report it cites)"
        ),
    ),
    Rule(
        "relay_order",
        "IDs and references",
        "A report in a claim's `relayed_via` that does not cite (directly or through a report it cites) the "
        "report before it: a chain written from the archived document back to the claimant, or a link skipped",
        "List the chain from the claimant to the archived document, each report citing the one before it; cite "
        "the missing link on the report's source row.",
        yields_to=("relay_chain", "relay_cited", "reference_cited", "cited_after_citing", "read_in_archive"),
        words=(
            "{report} follows {before} in the chain but does not cite it (cites_source_ids, directly or through a "
            "report it cites); relayed_via runs from the claimant to the archived document, each report relaying "
            "the one before it"
        ),
    ),
    Rule(
        "reported_after_event",
        "IDs and references",
        "Source published before the event it reports began: a claim's document or relay, or the source an event's "
        "date or attribution rests on (its place may rest on an older one)",
        "Both dates.",
        words="source {source} was published by {published:%Y-%m-%d}, before event {event} began on {began:%Y-%m-%d}",
    ),
    Rule(
        "cited_after_citing",
        "IDs and references",
        "A source citing (`cites_source_ids`), or a claim's document relaying (`relayed_via`), a report first "
        "published after the citing document's latest publication day",
        "Both dates; a document cites or relays only what was published before it.",
        words=(
            "{cited} was published on {cited_start:%Y-%m-%d} at the earliest, after {citing} was (by "
            "{citing_end:%Y-%m-%d}); a document cites or relays only reports published before it"
        ),
    ),
    Rule(
        "cited_ends_later",
        "IDs and references",
        "A report cited (`cites_source_ids`) or relayed (`relayed_via`) whose `published_end` is after the citing "
        "document's latest publication day: an interval not cut where the citation ends it, or a year typed wrong",
        "Both dates; a cited report was published by the day of the document citing it.",
        words=(
            "{cited} may have been published as late as {cited_end:%Y-%m-%d}, after {citing} was (by "
            "{citing_end:%Y-%m-%d}), which cites it; end its interval by the citing document's day"
        ),
    ),
    Rule(
        "cites_self",
        "IDs and references",
        "A source listing its own `source_id` in `cites_source_ids`",
        "A document does not cite itself.",
        words="lists the source's own source_id; cites_source_ids names the other documents this one cites",
    ),
    Rule(
        "cites_cycle",
        "IDs and references",
        "Sources citing one another in a loop (`cites_source_ids`: A cites B, B cites A): a citation written "
        "the wrong way round",
        "Keep the citation of the later document; a document cites only what was published before it.",
        words=(
            "{cited} is cited here, and cites this source back (cites_source_ids, directly or through a report it "
            "cites); a document cites only what was out before it"
        ),
    ),
    Rule(
        "reference_cited",
        "IDs and references",
        "A `reference` row (an outside source a curator used for a curated event field) in a claim's "
        "`relayed_via` or a source's `cites_source_ids`",
        "Name the report the document names, in a row of its own kind; a reference serves only curated event fields.",
        words=(
            "{source} is a reference, an outside source a curator read for a curated event field; a chain or a "
            "citation names the report the document itself names, in a row of its own kind"
        ),
    ),
    Rule(
        "url_repeated",
        "IDs and references",
        "Two sources whose `url` names one address written two ways: `http` and `https`, the host in capitals, "
        "a trailing slash, `utm_` tracking parameters. One document entered twice; a fragment keeps two entries "
        "of one page apart",
        "Names the first row; keep one row for the document and cite it wherever the other was cited.",
        yields_to=("unique_value",),
        words="names the address of line {first}, written another way; one document is one row",
    ),
    Rule(
        "report_cited",
        "IDs and references",
        "A report (a source row neither `archived_article` nor `reference`) that no source's `cites_source_ids` "
        "names: it is known only from the document that names it, so a row no one cites rests on nothing, and a "
        "citation dropped from a document passed. A warning",
        "Cite the report on the row of the document that names it, or remove the row. A warning: a citing "
        "cell already refused is read as empty, and every report it cited would be refused again.",
        decision="warn",
        words=(
            "no source cites {source} (cites_source_ids): a report is known only from the document that names it; "
            "cite it on that document's row, or remove this row"
        ),
    ),
    Rule(
        "event_claimed",
        "IDs and references",
        "An event that no claim is about (neither as `event_id` nor in `other_event_ids`)",
        "Record the claims that report it, or remove the row: an event rests on what a document says.",
        decision="warn",
        then="valid; the event may still await its claims",
        words="no claim is about this event (as event_id or in other_event_ids); it rests on no document's words",
    ),
    Rule(
        "parent_not_self",
        "IDs and references",
        "Actor its own parent",
        "An actor cannot be its own parent.",
        words="an actor cannot be its own parent",
    ),
    Rule(
        "parent_cycle",
        "IDs and references",
        "Parents in a loop",
        "The chain of parent actors loops back.",
        words="the chain of parent actors loops back to this actor",
    ),
    # --- quotes and seeds (checks.rows, checks.provenance) ----------------------------------
    Rule(
        "parent_country",
        "IDs and references",
        "An actor whose `parent_actor_id` is an actor of another country (both with one): the parent of a "
        "neighbouring row, or a country mistyped",
        "Both countries; a part has the country of the actor it is part of.",
        words=(
            "the actor's country is {country}, but its parent {parent} is of {parent_country}; an actor is part of "
            "an actor of its own country"
        ),
    ),
    Rule(
        "parent_fits_kind",
        "IDs and references",
        "Armed forces, a military unit or a government body that is part of an actor of a kind it cannot be part "
        "of (`PART_OF_KINDS`): armed forces of an armed group or a person, a unit of a person or an outlet, a "
        "government body of armed forces",
        "Both kinds and the kinds its parent may have; check the actor's kind and its parent.",
        yields_to=("parent_kind", "parent_not_self", "parent_cycle"),
        words=_parent_fits_kind,
    ),
    Rule(
        "part_without_whole",
        "IDs and references",
        "Armed forces or a military unit that is part of no actor: an armed group recoded as armed forces, a "
        "person recoded as a unit. A warning: the sources may name no state or force it belongs to",
        "Name the state, force or body it is part of as parent_actor_id, or check its kind.",
        decision="warn",
        words=(
            "an actor of kind {kind} is part of a state, armed forces or another body, but this one names no "
            "parent; name it, or check its kind"
        ),
    ),
    Rule(
        "parent_kind",
        "IDs and references",
        "An actor of kind `state` with a `parent_actor_id`, or any actor whose parent is a `person`: a kind "
        "swapped for another valid one (the air force made a state), or the parent of a neighbouring row",
        "Both kinds; a state is part of no actor, and no actor is part of a person.",
        yields_to=("parent_not_self", "parent_cycle"),
        words=_parent_kind,
    ),
    Rule(
        "state_per_country",
        "IDs and references",
        "Two actors of kind `state` with one `country`: a sovereign state as a whole is one actor, so the second "
        "is a person, body or force recoded as the state (a kind swapped for another valid one)",
        "The country and the state it already has; check this actor's kind.",
        yields_to=("parent_kind",),
        words=(
            "{state} is already the state of {country} as a whole, and a sovereign state is one actor; check "
            "this actor's kind (person, government body, armed forces ...)"
        ),
    ),
    Rule(
        "quote_offsets",
        "Quotes and seeds",
        "`quote_start` not before `quote_end` (a claim's or an actor relation's)",
        "`quote_end` is the offset just past the last character.",
        then="quote not compared",
        words=(
            "is not after quote_start {quote_start}; quote_end is the offset just past the quote's last character, "
            "so quote_start < quote_end"
        ),
    ),
    Rule(
        "quote_anchored",
        "Quotes and seeds",
        "Quote (of a claim or an actor relation) not at its offsets; offsets beyond the seed; quote edited; "
        "curly quotes or apostrophes straightened; "
        "a no-break space or a dash typed differently",
        "What the seed has at those offsets; where the exact quote is found (set the offsets to those); or which "
        "kind of character differs (quotation marks, spaces, dashes) and the offsets to copy from.",
        words=_quote_anchored,
    ),
    Rule(
        "seed_inside",
        "Quotes and seeds",
        "`seed_path` outside `seeds/` (`../`, absolute, through a link)",
        "A seed path names a file directly inside `seeds/`.",
        words="points outside seeds/; a seed_path names a file directly inside seeds/",
    ),
    Rule(
        "seed_hash_pair",
        "Quotes and seeds",
        "`seed_path` without `sha256`, or a hash without a seed",
        "Give both for an archived file, neither otherwise.",
        words="seed_path and sha256 go together: give both for an archived file, neither otherwise",
    ),
    Rule(
        "archived_has_seed",
        "Quotes and seeds",
        "A seed file on a source whose kind is not `archived_article`, or the reverse",
        "A source has a `seed_path` exactly when its kind is `archived_article`.",
        words="a source has a seed_path exactly when its kind is archived_article",
    ),
    Rule(
        "seed_present",
        "Quotes and seeds",
        "Seed file missing",
        "Restore it from the archive; when seeds/ holds a file no row names under a name that differs only in "
        "letter case or a character or two, the message names it.",
        words=_seed_present,
    ),
    Rule(
        "seed_hash",
        "Quotes and seeds",
        "Seed file changed, even by one byte",
        "Seed files are never edited: restore the original; the message gives the file's hash, and names the "
        "row whose hash it is when the seed_path was swapped or copied from another row.",
        then="its quotes are not checked",
        words=_seed_hash,
    ),
    Rule(
        "seed_utf8",
        "Quotes and seeds",
        "Seed file not UTF-8",
        "The byte offset.",
        words="the seed file is not valid UTF-8 at byte {byte}",
    ),
    Rule(
        "seed_size",
        "Quotes and seeds",
        f"Seed file larger than {SEED_MOST_BYTES // 1024 // 1024} MiB: not the text of one archived document",
        "The bound; the file is not read.",
        words="the seed file holds more than {most} bytes, more than the text of one archived document; it is not read",
    ),
    Rule(
        "seed_date",
        "Quotes and seeds",
        "An archived source whose publication interval starts after the day its seed's archive header "
        "(` date YYYY-MM-DD` on the first line) gives: a document is not published after the archive dated it",
        "Both days. Whether the header gives the day of publication or of archiving, the document was out by then.",
        words=(
            "the seed's first line dates the document {dated}, before its publication interval starts: "
            "{column} is wrong, as the document was out by the day its archive's header gives"
        ),
    ),
    Rule(
        "seed_unlisted",
        "Quotes and seeds",
        "An archived source whose file has no line in seeds/README.md's table, in the form `archive` writes (file "
        "name, source_id, day and sha256 in small letters, each in its cell): a line dropped or reworded, or the "
        "README removed or saved in another encoding, would let a seed edited by hand through",
        "Restore the README's line as `archive` wrote it.",
        yields_to=("seed_present", "seed_inside", "seed_number", "unique_value", "seed_hash"),
        words=(
            "seeds/README.md holds no line for {name} in the form archive writes (| `{name}` | `source_id` | day | "
            "`sha256` |): restore it, since the README's hash is what shows the document was not edited"
        ),
    ),
    Rule(
        "seed_listed",
        "Quotes and seeds",
        "An archived source whose `sha256` is not the one seeds/README.md lists for its file, as `archive` wrote "
        "it: a seed edited by hand and its hash updated to match, the quotes the edit spared still anchored",
        "Both hashes. Restore the document as received; a seed is never edited (a new version is a new seed).",
        yields_to=("seed_utf8", "seed_size"),
        words=(
            "seeds/README.md lists {listed} as the sha256 of {name}, the document as received; this row records "
            "another: restore the file as received, since a seed is never edited"
        ),
    ),
    Rule(
        "seed_list_row",
        "Quotes and seeds",
        "A line of seeds/README.md's table that names another `source_id` for a file than the row whose seed it is, "
        "or a day of publication outside that row's publication interval: the list a reader of `seeds/` trusts "
        "contradicts the data (an empty cell says nothing)",
        "The README's cell and the row's; mend the one that is wrong.",
        yields_to=("seed_listed", "seed_date", "published_order", "seed_number", "unique_value"),
        words=(
            "seeds/README.md lists {name} with {listed!r}, which contradicts this row's {column}; mend the "
            "README's line or this row, whichever is wrong"
        ),
    ),
    Rule(
        "seed_withdrawn",
        "Quotes and seeds",
        "A file seeds/README.md lists, as `archive` received it, that seeds/ no longer holds and no source row "
        "names: a document removed with its source row and claims",
        "Restore the document, its source row and its claims; a document withdrawn on purpose is taken out of "
        "the README's list too, so the change is seen in review.",
        words=(
            "seeds/README.md lists {name} as received, but seeds/ holds no such file and no source row names it; "
            "restore the document with its rows, or take it out of the list on purpose"
        ),
    ),
    Rule(
        "seed_referenced",
        "Quotes and seeds",
        "File in `seeds/` that no source names",
        "Add its source row or remove it. A file named `.<name>.syria-strikes-XXXXXXXX.tmp` is a temporary file "
        "that an `archive` stopped before it finished left behind: remove it (the next `archive` removes it once "
        "it is a minute old, except on Windows).",
        words=_seed_referenced,
    ),
    Rule(
        "dateline_archived",
        "Quotes and seeds",
        "A `dateline` on a source with no seed: no archived document of its own writes it, so nothing checks it. "
        "A warning: a citing document may reproduce the report's dateline ('DAMASCUS (SANA)')",
        "Give a dateline only as an archived document writes it; leave the cell empty on a reference.",
        decision="warn",
        yields_to=("archived_has_seed",),
        words=(
            "the source has no seed_path, so no archived document writes this dateline; a dateline is copied "
            "from the source's own archived document, or left empty"
        ),
    ),
    Rule(
        "place_written",
        "Quotes and seeds",
        "An event's `admin1`, `admin2` or `locality` that its `place_source_id` does not write, in any letter "
        "case: for a reference, its title and `curator_note` (which say what the curators read at its "
        "address); for an archived document, the quotes of its claims about the event: 'Aleppo' for "
        "'Damascus', 'Hama' for 'Homs'. Spellings are compared without letter case, accents, hyphens or "
        "apostrophes. A warning: a document may spell a place otherwise ('Deir al-Zour')",
        "Copy the place as the source writes it: quote the document's words in a claim about the event, or say "
        "in the reference's curator_note where it gives the place.",
        decision="warn",
        yields_to=("curated_source", "archive_about_event", "coordinates_source"),
        words=(
            "{source}, the event's place source, does not write this place (in its title and curator_note for a "
            "reference, in its claims' quotes about the event for an archived document); copy the place as the "
            "source writes it"
        ),
    ),
    Rule(
        "dateline_written",
        "Quotes and seeds",
        "An archived source whose `dateline` its seed does not write where a dateline stands (in the archive's "
        "header line, opening a line after any bullet or bracket, or set off by a credit and a dash as in "
        "'BEIRUT, Jan 14 (Reuters) -'): a dateline translated, spelt anew (`Jerusalem` for `Yerushalayim`), "
        "copied from another row, or a place the story names (`Homs` in 'near the city of Homs')",
        "Copy the dateline as the document writes it, or leave the cell empty.",
        words=(
            "{seed_path} does not write this dateline where a dateline stands (in its header line, opening a line, "
            "or set off by a credit and a dash: 'BEIRUT, Jan 14 (Reuters) -'); a dateline is given as the document "
            "writes it there"
        ),
    ),
    Rule(
        "alias_written",
        "Quotes and seeds",
        "An actor's alias that no seed writes (invented, translated, pasted from outside the documents, or "
        "another actor's words): the naming rules (`claimant_named`, `value_actor_named`, `relation_named`) "
        "accept any alias as the actor's name, so an unwritten alias let any words name any actor",
        "Copy each alias as a seed writes it, as whole words (`Syria\u2019s aerial defense system`, curly "
        "apostrophe and all); a name of your own goes in `name`, not among the aliases.",
        words=_alias_written,
    ),
    Rule(
        "place_alias_written",
        "Quotes and seeds",
        "An event's place alias that no seed writes (another place's name, a spelling of your own, a name "
        "pasted from outside the documents): `place_aliases` are the place's names as the documents write them, "
        "the words a reader looks for",
        "Copy each place alias as a seed writes it, as whole words; the curators' own name goes in `place_name`.",
        words=_place_alias_written,
    ),
    Rule(
        "language_written",
        "Quotes and seeds",
        "An archived source whose `language` is not English while its seed reads as English: `count_written` "
        "holds counts to the number words of English documents only, so the tag silently switched it off",
        "Give the language the document is written in (BCP 47, `en` for English).",
        # A language cell that failed its own rules is left empty, which this rule would judge again.
        yields_to=("pattern", "standard_code", "clean_text", "placeholder", "mojibake", "invisible_char", "max_length"),
        words=_language_written,
    ),
    # --- cell contents (checks.cells, with the text policy of syria_strikes.text) ------------
    Rule(
        "clean_text",
        "Cell contents",
        "Leading or trailing space, no-break space, or any default-ignorable or format character of the Unicode "
        "database (zero-width space, byte-order mark, U+061C, U+3164, U+034F, U+FE0F, tag characters) or U+2800, "
        "also in IDs and codes (`asserts `); a cell of spaces only; tab, line break, NUL or other control "
        "character, U+2028/U+2029, bidirectional override; a cell or list item starting with `=`, `+`, `-` or `@` "
        "(formula injection)",
        'Names the character (U+200B ZERO WIDTH SPACE) and which edge, "it often comes with copy and paste"; '
        "cells hold one line of plain text; leave a cell of spaces empty; rephrase so a cell does not start "
        "like a formula.",
        words=_clean_text,
    ),
    Rule(
        "mojibake",
        "Cell contents",
        "UTF-8 text read as Windows-1252 and saved again (`Homâ€™s` for `Hom\u2019s`, `Ã©` for `é`), or U+FFFD "
        "left where bytes could not be decoded, outside the columns a seed's text fills",
        "The garbled characters and what they were; open CSV files as UTF-8.",
        words=_mojibake,
    ),
    Rule(
        "mixed_script",
        "Cell contents",
        "A word mixing letters of the Latin, Greek and Cyrillic scripts, outside the columns a seed's text fills "
        "(`Syri\u0430` with a Cyrillic `\u0430`): a look-alike spelling that reads the same and matches nothing",
        "Names the word and the odd letter; retype the word in one script.",
        words=_mixed_script,
    ),
    Rule(
        "lookalike_form",
        "Cell contents",
        "A letter or digit in a compatibility form (fullwidth, mathematical, circled, a ligature such as `\ufb02`, "
        "a Roman numeral) outside the columns written as a seed writes them (`\uff28\uff4f\uff4d\uff53`, "
        "`\U0001d407\U0001d428\U0001d426\U0001d42c` for `Homs`): it reads the same and matches nothing typed plainly. "
        "In Chinese, Japanese and Korean text only the mathematical forms are refused (it writes fullwidth and "
        "circled ones); superscripts, ordinal indicators and signs such as `\u2116` and `\u2122` are accepted",
        "Names the character and the plain one it stands for; retype it plainly.",
        words=_lookalike_form,
    ),
    Rule(
        "invisible_char",
        "Cell contents",
        "A zero-width space, soft hyphen, word joiner, byte-order mark or Hangul filler inside a cell; a variation "
        "selector right after a Latin, Greek or Cyrillic letter; or an invisible character that other scripts and "
        "emoji need (a joiner, direction mark, variation selector, tag, the combining grapheme joiner) between two "
        "such letters or in a cell with no other script nor emoji, outside the columns a seed's text fills "
        "(`T\u200b4`, `Ho\u200cms`, `Ho\u3164ms`, `T\u200c4`): the text shows one spelling and holds another",
        "Names the character and where it is; delete it (joiners, variation selectors and the like stay accepted "
        "where other scripts and emoji need them).",
        words=_invisible_char,
    ),
    Rule(
        "max_length",
        "Cell contents",
        "Longer than the column's limit (a pasted paragraph); over 100,000 characters (a pasted document, a "
        "runaway export), reported as soon as the file is read",
        "The length and the limit; a cell over 100,000 characters is left out of every other rule.",
        words=_max_length,
    ),
    # --- the descriptor (checks.datapackage) -------------------------------------------------
    Rule(
        "descriptor_present",
        "Descriptor",
        "`datapackage.json` missing",
        "Run `python -m syria_strikes generate`.",
        words="is missing beside data/; run `python -m syria_strikes generate` to write it",
    ),
    Rule(
        "descriptor_json",
        "Descriptor",
        "Not UTF-8 JSON, not a JSON object, a key repeated in one object, nesting deeper than 64 levels, `NaN`",
        "Says which; a Data Package descriptor is one object, each key once.",
        then="descriptor not read further",
        words=_descriptor_json,
    ),
    Rule(
        "frictionless_descriptor",
        "Descriptor",
        "Not a valid Data Package to Frictionless",
        "Frictionless's own words.",
        words="{error}",
    ),
    Rule(
        "descriptor_current",
        "Descriptor",
        "Edited by hand, or out of date with `syria_strikes/metadata.py`",
        "Run `python -m syria_strikes generate` and commit the result.",
        words=_descriptor_current,
    ),
    # --- the data model's coded values, victims, time, attribution, relations (checks.rows,
    # checks.model_rules) ---------------------------------------------------------------------
    Rule(
        "value_code_given",
        "Data model",
        "A coded predicate (`launch_platform`, `weapon`, `air_defence_system`, `place`) without `value_code`, or "
        "a code on another predicate",
        "The coded predicates and the codes allowed for this one.",
        words=_value_code_given,
    ),
    Rule(
        "value_code_vocabulary",
        "Data model",
        "A code outside its predicate's vocabulary (`missiles`); `unknown` listed beside another code "
        "(`unknown` beside `missile`); a place coded with a name instead of an ISO 3166-1 alpha-3 code",
        "The allowed codes.",
        words=_value_code_vocabulary,
    ),
    Rule(
        "value_code_worded",
        "Data model",
        "A `launch_platform`, `weapon` or `air_defence_system` claim whose `value_text` names a code (in "
        "`CODE_WORDS`: 'rockets', 'planes', 'drones') its `value_code` leaves out: 'rockets' coded `missile`, "
        "'Unknown planes' coded `unknown`. A `value_text` naming none ('Tomahawks') is not judged, nor a code no "
        "word names; 'unmanned aircraft' is a drone, and 'bomb-laden' names no bomb",
        "Names the codes the words name.",
        # A value_text its quote contradicts is the fault: coding what it names would hide it.
        yields_to=("value_code_given", "value_code_vocabulary", "value_text_quoted"),
        words=_value_code_worded,
    ),
    Rule(
        "target_not_attacker",
        "Data model",
        "A `target` claim whose `value_actor_id` is the actor its event is attributed to "
        "(`attributed_actor_id`), or part of it: the attacker given as its own target. A warning: a claimant "
        "may say a side struck its own",
        "Name the actor the claim says was targeted, or say in curator_note why it is the attacker.",
        decision="warn",
        words=(
            "the event is attributed to {attacker}, and this claim gives it (or a part of it) as the target; name the "
            "actor the quote says was targeted, or say in curator_note why it is the attacker"
        ),
    ),
    Rule(
        "value_text_quoted",
        "Data model",
        "A `launch_platform`, `weapon` or `air_defence_system` claim whose `value_text` names a code (`CODE_WORDS`) "
        "that its quote does not, while the quote names another: 'eight missiles fired' given as 'rockets' and "
        "coded `rocket`. A quote naming none is not judged, nor a `value_text` with words of its own that the quote "
        "writes ('F-16 jets', 'Tomahawk missiles')",
        "Give in `value_text` what the quote names, and code that.",
        words=_value_text_quoted,
    ),
    Rule(
        "place_code_worded",
        "Data model",
        "A `place` claim whose `value_text` names countries ('Syria', 'Iraq'; not 'Iraqi') none of which is its "
        "`value_code`: 'in Syria' coded IRQ. A warning: a place may be named from across a border",
        "Names the countries the words name.",
        decision="warn",
        # A value_text its quote contradicts is the fault: coding what it names would hide it.
        yields_to=("value_code_given", "value_code_vocabulary", "value_text_quoted"),
        words=_value_code_worded,
    ),
    Rule(
        "victim_fields",
        "Data model",
        "A fatalities or injuries claim without `victim_status`, or victim fields on another predicate",
        "`unknown` when the words do not say.",
        words=(
            f"victim_status is given exactly for {', '.join(CASUALTY_PREDICATES)} claims (unknown when the words "
            "do not say), and victim_group only for them"
        ),
    ),
    Rule(
        "time_interval",
        "Data model",
        "A `time` claim whose `value_text` is not `YYYY-MM-DD/YYYY-MM-DD` (or `../YYYY-MM-DD`), or ends before it "
        "starts",
        "The interval form.",
        words=(
            "a time claim's value_text is the interval 'YYYY-MM-DD/YYYY-MM-DD' ('../YYYY-MM-DD' when open "
            "before), real days, start not after end"
        ),
    ),
    Rule(
        "stance_unworded",
        "Data model",
        "A claim whose stance stands on words (`denies`, `questions`, `no_comment`, `cannot_verify`, `reports`; "
        "`STANCE_WORDS`) none of which its hedge, attribution words or quote holds: 'According to Haaretz' "
        "recorded as a denial. A relay is worded by any attribution words ('SANA said'). A warning: a source may "
        "word a stance in a way the list does not know",
        "Names the stance; give the stance the words give, or quote the words that give it.",
        decision="warn",
        words=(
            "no word of the hedge, the attribution words or the quote gives the stance {stance!r} (such as "
            "'denied', 'questioned', 'did not mention', 'unable to verify', 'reports that'); give the stance the "
            "words give, or quote the words that give this one"
        ),
    ),
    Rule(
        "time_weekday",
        "Data model",
        "A `time` claim whose quote names a day of the week ('on Tuesday') and whose closed interval, shorter "
        "than a week, holds none of the days it names: a Monday given for 'on Tuesday'. A warning: a quote may "
        "name a day for another reason ('the Sunday Times', 'the army said Wednesday'), or its source may name "
        "the wrong one",
        "Names the days the quote names; count the day again from the document's publication day, or say in "
        "curator_note why the quote's day is not the claim's.",
        decision="warn",
        words=_time_weekday,
    ),
    Rule(
        "url_dated",
        "Data model",
        "A source whose `url` writes a day ('/2020/01/15/', '2020-01-15', '/20200115/'; in a web archive's copy, "
        "the page's own address) outside its publication interval (`published_start`, `published_end`): an "
        "address typed over, or a day copied from another row. A warning: a page updated later may keep the "
        "address of its first day",
        "Correct the interval or the address, or say in curator_note why they differ.",
        decision="warn",
        words=_url_dated,
    ),
    Rule(
        "time_day_written",
        "Data model",
        "A `time` claim whose quote writes a whole calendar day ('on February 24, 2020', '2020-02-24') that "
        "neither starts nor ends its interval: a day typed over in `value_text`. A warning: a quote may count "
        "from the day it writes ('a week after January 3, 2020')",
        "Start or end the interval on the day the quote writes, or say in curator_note why it does not.",
        decision="warn",
        words=_time_day_written,
    ),
    Rule(
        "time_after_report",
        "Data model",
        "A `time` claim whose interval starts after its document's latest publication day (a weekday counted "
        "forward instead of back)",
        "The start and the publication day; a document reports only a time that has begun.",
        words=(
            "the interval starts on {start:%Y-%m-%d}, after {source} was published (by {published:%Y-%m-%d}); "
            "a document reports only a time that has begun"
        ),
    ),
    Rule(
        "time_ends_after_report",
        "Data model",
        "A `time` claim whose interval starts by its document's latest publication day but ends after it: a "
        "week widened past the document's own day. A warning: a document may announce a time still to come",
        "The end and the publication day; a document's words about a time that has begun rarely reach past "
        "its own day.",
        decision="warn",
        words=(
            "the interval ends on {end:%Y-%m-%d}, after {source} was published (by {published:%Y-%m-%d}); end it "
            "by that day unless the words speak of a time still to come"
        ),
    ),
    Rule(
        "time_relative",
        "Data model",
        "A `time` claim whose quote is only a time word relative to its document's day ('on Tuesday', "
        "'yesterday', 'this week', 'last month', 'last year'; 'in the past', which gives no first day) and whose "
        "interval is not the days that word gives "
        "in a document published on one day: 'this week' given as the week before, 'on Tuesday' widened to seven "
        "days. A week may start on Sunday or Monday, so a week covers both. A warning: words quoted from a "
        "statement of another day count from that day",
        "Gives the days the word gives from the document's publication day; or say in curator_note which day "
        "it counts from.",
        decision="warn",
        words=_time_relative,
    ),
    Rule(
        "attribution_unknown",
        "Data model",
        "An attribution naming no actor whose `value_text` is not `unknown` (`unidentified`)",
        "An unknown perpetrator is coded one way; the source's words stay in the quote.",
        words=(
            f"an attribution that names no actor is coded one way: value_text {UNKNOWN_PERPETRATOR!r}, "
            "the source's words stay in the quote"
        ),
    ),
    Rule(
        "attribution_complete",
        "Data model",
        "`attribution_quote`, `attribution_start`, `attribution_end` not all given or all empty",
        "Names the missing part.",
        words="attribution_quote, attribution_start and attribution_end go together: give all three or none",
    ),
    Rule(
        "attribution_offsets",
        "Data model",
        "`attribution_start` not before `attribution_end`",
        "`attribution_end` is the offset just past the last character.",
        then="attribution not compared",
        words="is not after attribution_start {attribution_start}; attribution_start < attribution_end",
    ),
    Rule(
        "attribution_anchored",
        "Data model",
        "Attribution words not at their offsets, or edited",
        "As for `quote_anchored`: what the seed has there and where the words are found.",
        words=_quote_anchored,
    ),
    Rule(
        "attribution_given",
        "Data model",
        "A claim whose claimant is not its document's publisher, or that the publisher only relays (`reports`), "
        "without attribution words",
        "Give the words that name the claimant and the hedge ('Syrian state media said') with their offsets.",
        words=(
            "claimant {claimant} is not the publisher of {source}, or the publisher only relays the claim: give "
            "the words that name the claimant and the hedge ('Syrian state media said') with their offsets"
        ),
    ),
    Rule(
        "attribution_paragraph",
        "Data model",
        "Attribution words in another paragraph than the claim's quote: a quote swapped with another claim's, or "
        "attribution offsets moved to the same words elsewhere",
        "Anchor the words that name who speaks beside what they say; if the quotation runs on over paragraphs, "
        "say so in curator_note.",
        decision="warn",
        then="valid; a quotation may run on over paragraphs",
        yields_to=("quote_anchored", "attribution_anchored"),
        words=(
            "the attribution words start at {attribution_start}, in another paragraph than the quote (from "
            "{quote_start}); a "
            "document names who speaks beside what they say"
        ),
    ),
    Rule(
        "predicate_worded",
        "Data model",
        "A count claim (`munitions_fired`, `munitions_intercepted`, `munitions_hit`, `fatalities`, `injuries`) or a "
        "`site_occupant` claim that asserts or reports and whose quote holds none of its predicate's words "
        "(`PREDICATE_WORDS`): 'killed eight' recorded as injuries, '4 missiles reached the target area' as "
        "interceptions, forces 'joining forces with' another recorded as based at the site. A warning: a source "
        "may word it in a way the list does not know",
        "Names the predicate; give the predicate the quote's words give.",
        decision="warn",
        words=(
            "the quote {quote!r} holds no word of {predicate!r} (such as 'fired', 'intercepted', 'reached', "
            "'killed', 'injured', 'home to'); give the predicate its words give"
        ),
    ),
    Rule(
        "relation_worded",
        "Data model",
        "An actor relation whose quote holds none of its relation's words (`RELATION_WORDS`): 'close strategic "
        "allies' recorded as backing, 'state-owned' as leadership, 'director of' as an affiliation. A warning: a "
        "document may word a relation in a way the list does not know",
        "Give the relation the quote's words give, or quote the words that give this one.",
        decision="warn",
        words=(
            "the quote {quote!r} holds no word of {relation!r} (such as 'backed', 'allies', 'affiliated', 'joining "
            "forces', 'heads', 'state-owned'); give the relation its words give"
        ),
    ),
    Rule(
        "victim_status_worded",
        "Data model",
        "A casualty claim whose `victim_status` its `victim_group` contradicts (`VICTIM_WORDS`): victims worded "
        "only as combatants ('militia officers', 'fighters') coded civilian or unknown, victims worded only as "
        "civilians coded combatant. Words that serve others too ('police officers', 'medical personnel') are "
        "not read, nor is the quote, whose other words may name the target or the attacker",
        "Names the words and the status they give.",
        yields_to=("victim_fields", "victim_group_worded"),
        words=_victim_status_worded,
    ),
    Rule(
        "stance_worded",
        "Data model",
        "A claim whose `hedging` settles its stance but whose `stance` is another: 'unable to verify' is "
        "`cannot_verify`; 'did not mention' and 'declined to comment' are `no_comment`; 'questioned' or 'cast "
        "doubt' is `questions`; 'denied' is `denies` (an unverified image recorded as asserted)",
        "Names the words and the stance they give.",
        words=_stance_worded,
    ),
    Rule(
        "stance_quoted",
        "Data model",
        "A claim whose attribution words or quote hold words that settle a stance ('unable to verify', 'did "
        "not mention', 'declined to comment') but whose `stance` is another, its hedge emptied or not. A "
        "warning: in a quote such words may be about something else ('did not mention casualties')",
        "Names the words; give the stance they settle, or say in curator_note what they are about.",
        decision="warn",
        words=_stance_quoted,
    ),
    Rule(
        "victim_group_worded",
        "Data model",
        "A casualty claim's `victim_group` (the victims as the source words them) that its quote does not hold, "
        "in any letter case: 'militia officers' recoded 'civilians'",
        "Copy the victims' words from the quote, or quote the words that name them.",
        words=(
            "is not words of the quote; victim_group holds the victims as the quote words them ('militia "
            "officers'), and victim_status says who they are"
        ),
    ),
    Rule(
        "hedging_worded",
        "Data model",
        "`hedging` words that the paragraph holding the claim's quote or attribution words does not hold (parts "
        "written apart joined by ' \u2026 '): a hedge swapped for a surer or a vaguer word",
        "The part not found; copy the hedge from the document as it is worded there.",
        yields_to=("quote_anchored", "attribution_anchored"),
        words=(
            "{missing!r} is not in the paragraph of the quote or of the attribution words; the hedge is worded as "
            "the document words it"
        ),
    ),
    Rule(
        "claim_events",
        "Data model",
        "`other_event_ids` repeating the claim's `event_id` or one of its items",
        "`other_event_ids` lists further events, each once.",
        words="repeats the claim's event_id or another item; other_event_ids lists further events, each once",
    ),
    Rule(
        "identification_noted",
        "Data model",
        "An event matched `matched_by_reference` or `assumed` without `identification_note`",
        "Say why the match holds.",
        words="identification {identification!r} needs an identification_note saying why the match holds",
    ),
    Rule(
        "identification_dated",
        "Data model",
        "`identification` `stated_in_seed` on an event dated from a `reference` row, or `matched_by_reference` or "
        "`assumed` on one dated from the archived document (`date_source_id`): the match said surer or less sure "
        "than the dating shows",
        "Date the event from the document that matches it: the seed when it states the date, a reference otherwise.",
        yields_to=("reported_after_event",),
        words=_identification_dated,
    ),
    Rule(
        "acknowledged_has_source",
        "Data model",
        "An `acknowledged` event without `attribution_source_id`",
        "Name the source the acknowledgement rests on.",
        words="attribution_status 'acknowledged' needs the attribution_source_id it rests on",
    ),
    Rule(
        "acknowledged_on_assumed_match",
        "Data model",
        "`acknowledged` on an `assumed` match whose `attribution_source_id` is not a `reference` row",
        "Use `alleged`, or cite the reference row reporting the acknowledgement.",
        words=(
            "the match with a dated event is only assumed, so 'acknowledged' needs an attribution_source_id "
            "that is a reference row reporting the acknowledgement; otherwise use 'alleged'"
        ),
    ),
    Rule(
        "attribution_claimed",
        "Data model",
        "An event `alleged` or `acknowledged` to be the work of an actor that no `attribution` claim about it names "
        "(nor a force that is part of it) and blames (`asserts` or `reports`): another actor pasted in, the rows of "
        "two events swapped, or the one claim that blamed it turned into a denial",
        "Name the actor an attribution claim about the event blames, or record the claim that blames it; a "
        "denial, a doubt or a refusal to comment names an actor without blaming it.",
        yields_to=("attributed_kind",),
        words=(
            "no attribution claim about this event names {actor} or a force that is part of it and blames it "
            "(asserts or reports it); the actor an event is attributed to is one a document blames"
        ),
    ),
    Rule(
        "date_claimed",
        "Data model",
        "An event dated from an archived document (`date_source_id`) on days that none of that document's `time` "
        "claims about it allows, or about which that document makes no `time` claim: a date moved by a slip, "
        "copied from another event, or the time claim moved to another event",
        "The event's days and the intervals of the document's time claims; date the event within one of them.",
        yields_to=("reported_after_event", "archive_about_event"),
        words=_date_claimed,
    ),
    Rule(
        "date_narrowed",
        "Data model",
        "An event dated from an archived document (`date_source_id`) that leaves out a day its `time` claims "
        "about it leave together (the latest start to the earliest end; a claim names its events in `event_id` "
        "and `other_event_ids`): 'this week' dated to one of its days, or a Sunday where 'on Tuesday' is "
        "written. An event wider than that is dated more loosely, not wrongly",
        "Names the event's days and the document's intervals; date the event as the document does, or from a "
        "reference that gives the day.",
        yields_to=("date_claimed", "date_order", "identification_dated"),
        words=(
            "the event is dated {date_start}/{date_end} from its document, whose time claims about it leave "
            "other days ({intervals}): date it as the document does, or from a reference that gives the days"
        ),
    ),
    Rule(
        "dated_against_claims",
        "Data model",
        "An event dated from a reference on days that none of the `time` claims about it allows: a date moved "
        "by a slip (2019 for 2020), or a reference read for another event",
        "The event's days and the claims' intervals; correct the dates, or, where the reference is followed "
        "against the documents on purpose, record the discrepancy in curator_note.",
        decision="warn",
        then="valid; a reference may contradict the documents, the discrepancy recorded in curator_note",
        yields_to=("reported_after_event", "ended_by_reports"),
        words=_dated_against_claims,
    ),
    Rule(
        "acknowledged_claimed",
        "Data model",
        "An event `acknowledged` on an archived document (`attribution_source_id`) in which the attributed actor "
        "(or a force that is part of it, or the actor it is part of) asserts no attribution claim about it: "
        "others' blame called an acknowledgement, or the status of a neighbouring row",
        "Use `alleged`, or cite the document or reference in which the perpetrator itself claims the act.",
        yields_to=(
            "attribution_claimed",
            "archive_about_event",
            "attributed_kind",
            "reported_after_event",
            "curated_source",
            "acknowledged_on_assumed_match",
        ),
        words=(
            "{source} holds no attribution claim about this event asserted by {actor} or a force of its own; "
            "an acknowledgement is the perpetrator's own word: use 'alleged' for others' blame"
        ),
    ),
    Rule(
        "ended_by_reports",
        "Data model",
        "An event whose `date_end` is after the latest publication day of every document about it (its claims' "
        "documents and its `date_source_id`), precision `month` aside: a year typed wrong, or an open end "
        "written as a far date",
        "The end and the latest day; a document reports only what happened by its publication.",
        yields_to=("precision_day",),
        words=(
            "the event ends on {end}, after the latest document about it was published (by {latest}); a document "
            "reports only what happened by its publication"
        ),
    ),
    Rule(
        "ended_by_date_source",
        "Data model",
        "An event whose `date_end` is after the publication of the document it is dated from "
        "(`date_source_id`), precision `month` aside: an end moved a day later than the reference allows "
        "(Albu Kamal's night of 9/10 January ending on the 11th, a day after the report)",
        "The end, the source and its day; a date worked out from a document ends by its publication.",
        yields_to=("precision_day", "ended_by_reports", "reported_after_event"),
        words=(
            "the event ends on {end}, after {source}, which it is dated from, was published (by {published}); a "
            "date worked out from a document cannot run past it"
        ),
    ),
    Rule(
        "place_claimed",
        "Data model",
        "An event whose `country` is none of the countries its `place` claims code (`value_code`): another valid "
        "code typed, or a neighbouring row's",
        "The event's country and the codes of its place claims; the event lies where a claim places it.",
        yields_to=("strike_category",),
        words=_place_claimed,
    ),
    Rule(
        "wikidata_seen",
        "Data model",
        "An actor's `wikidata_id` that no reference row records (a `reference` source whose `url` is the item's "
        "page, `https://www.wikidata.org/wiki/Q…`, not titled for another actor), or given without a "
        "`curator_note`: an item filled from memory or guessed, which the curation guide forbids, or the page of "
        "another entity ('Wikidata: Israel (Q801)' given to Iran)",
        "Add the reference row of the item's page you saw, and say in `curator_note` why it is this actor; "
        "otherwise leave the cell empty.",
        words=_wikidata_seen,
    ),
    Rule(
        "event_type_claimed",
        "Data model",
        "An attack whose `event_type` names its platforms (`EVENT_TYPE_PLATFORMS`: aircraft or drones for an "
        "air strike, a ground launcher or ship for a missile strike or rocket attack) while its asserted or "
        "relayed `launch_platform` claims name only others: an air strike, its 'F-16 jets' claimed, recoded as a "
        "missile strike. A warning: the sources may disagree, and `air_or_missile_strike` records that",
        "Names the platforms the claims give; code the type they give, or `air_or_missile_strike` when the "
        "sources do not settle it.",
        decision="warn",
        words=_event_type_claimed,
    ),
    Rule(
        "place_read_once",
        "Data model",
        "Two events at one place (same `place_name` and `place_precision`) whose place rests on the same "
        "source, giving different coordinates, country or admin areas: the T4 base moved to another point "
        "in Syria on one of its two events",
        "The field, the line it differs from and that line's value; a source describes one place one way.",
        words=_place_read_once,
    ),
    Rule(
        "own_voice_reports",
        "Data model",
        "A claim in its document's own voice (claimant = publisher) with attribution words anchored but a "
        "stance other than `reports` ('There are reports that ...' turned into `asserts`): own-voice words "
        "are there only when the document relays without asserting",
        "The stance; own-voice words mean the document only relays.",
        yields_to=("attribution_anchored", "attribution_complete", "attribution_offsets", "read_in_archive"),
        words=(
            "the claim is in its document's own voice and anchors attribution words, which it does only when it "
            "relays without asserting: the stance is 'reports', not {stance!r} (or the words name another "
            "claimant)"
        ),
    ),
    Rule(
        "reports_own_voice",
        "Data model",
        "The stance `reports` on a claim whose claimant is not its document's publisher, and whose hedge and "
        "quote hold no words of a relay ('reportedly', 'reports that', 'attributed to', 'allegedly'): "
        "`reports` is the document relaying words without naming who said them; a named party's words "
        "assert, deny or state ('Syrian media have claimed' turned into a relay)",
        "Names the claimant and the publisher.",
        decision="warn",
        words=(
            "'reports' is the document relaying words without naming who said them, so its claimant is the "
            "publisher {publisher!r}; {claimant!r} is named as saying it: the stance is what they say "
            "('asserts', 'denies'), or the claimant is the publisher"
        ),
    ),
    Rule(
        "own_voice_chain",
        "Data model",
        "A claim in its document's own voice (claimant = publisher) whose reporting chain names another "
        "outlet's report: the document states it, or relays it without naming who said it, so no other "
        "outlet carried it (its publisher's own earlier report may)",
        "Empty `relayed_via`; a claim that passed through a report the document names has the claimant that "
        "report quotes.",
        yields_to=("foreign_key", "list_items", "relay_chain", "read_in_archive"),
        words=(
            "the claimant {claimant} publishes {source}, so the claim is in the document's own voice, yet "
            "relayed_via names {first}, a report by {publisher}: empty relayed_via, or make the claimant the one "
            "that report quotes"
        ),
    ),
    Rule(
        "unattributed_claimed",
        "Data model",
        "An event called `unattributed` while every attribution claim about it names a perpetrator (the T4 "
        "strike, which SANA blames on Israel): 'unattributed' is for sources that call the perpetrator unknown",
        "The status; an event no source attributes has an attribution claim saying so (value_text `unknown`).",
        yields_to=("attributed_actor",),
        words=(
            "every attribution claim about this event names a perpetrator and none calls it unknown; "
            "'unattributed' is for sources that call the perpetrator unknown: use 'alleged' (or 'acknowledged') "
            "with the actor they name"
        ),
    ),
    Rule(
        "name_shared",
        "Data model",
        "A name or alias of one actor given to another as well (`Israel Hayom` added to Syria's aliases, SANA "
        "renamed `TASS`): the naming rules take any of an actor's names as naming it, so a shared spelling "
        "names both, and a claim credited to either passes",
        "The spelling, the actor that lists it first and its line. A spelling a seed uses for two actors is "
        "listed for neither; `curator_note` says whom it means where it is quoted.",
        yields_to=("repeated_row",),
        words=(
            "{spelling!r} is already a name or alias of {owner} (line {first}); a spelling names one actor: "
            "remove it here, or from both and say in curator_note whom the words mean"
        ),
    ),
    Rule(
        "publisher_named",
        "Data model",
        "A cited report's or reference's `publisher_actor_id` whose name and aliases occur neither in its "
        "`title` nor in its `curator_note` (SANA's report given to TASS): the publisher rests on the words "
        "that cite the report, which the row says",
        "Name the publisher in the title or the note, by its name or an alias, as the citing words do.",
        words=(
            "{actor} is named neither in the title nor in curator_note (by its name or an alias, not inside "
            "another actor's); a report's publisher is the one the words citing it name: say which"
        ),
    ),
    Rule(
        "publisher_given",
        "Data model",
        "A report (not archived, not a reference) with no `publisher_actor_id` whose title names an actor, by "
        "its name or an alias: the publisher is empty only when the document does not say (SANA's report with "
        "its publisher emptied). A warning: a title may name an actor that is not the publisher",
        "Names the actor; give it as the publisher, or say in curator_note why the title's actor is not it.",
        decision="warn",
        words=(
            "the title names {named!r}, yet no publisher is given; the publisher is empty only when the "
            "document does not say who published the report"
        ),
    ),
    Rule(
        "publisher_kind",
        "Data model",
        "A source whose `kind` its publisher's kind of actor does not publish: an NGO's statement filed as an "
        "`official_statement`, a state's as an `ngo_statement`, a news agency's report from an actor that is "
        "no media outlet (an unidentified publisher may publish any)",
        "Names the publisher and its kind; correct the source's kind or its publisher.",
        words=_publisher_kind,
    ),
    Rule(
        "value_actor_named",
        "Data model",
        "A claim's `value_actor_id` naming an actor whose name and aliases occur neither in its quote nor in its "
        "`curator_note`: the wrong actor picked, another row's actor, the blame moved to another party. A spelling "
        "inside a longer one of another actor names that actor ('Syria' in 'Syrian Human Rights Observatory'), as "
        "it does for `claimant_named`, `publisher_named` and `relation_named`; a relation's actor may stand inside "
        "the other's name ('Iranian-backed Iraqi militias')",
        "Name the actor the quote speaks of; where the quote does not name it (a mistranslation, 'the two'), say "
        "in curator_note which actor it is.",
        yields_to=("quote_anchored",),
        words=(
            "{actor} is named neither in the quote (by its name or an alias, not inside another actor's) nor "
            "in curator_note; value_actor_id names the actor the quote speaks of"
        ),
    ),
    Rule(
        "value_text_actor",
        "Data model",
        "A claim naming an actor in `value_actor_id` whose `value_text` is, whole and in any letter case, a name "
        "or alias of another actor ('Iran' beside `act-israel`), or `unknown` on an attribution: the two cells "
        "say different things",
        "Names both actors; keep the one the quote speaks of in both cells.",
        yields_to=("value_actor_named",),
        words=_value_text_actor,
    ),
    Rule(
        "claimant_named",
        "Data model",
        "A claim whose `attribution_quote` names an actor (by its name or an alias) other than its "
        "`claimant_actor_id`, whatever its `curator_note` says, or names no actor ('The source claimed') and "
        "whose `curator_note` does not name the claimant: the words of one party credited to another",
        "The claimant is the actor the attribution words name, and a note cannot make it another; only where "
        "they name none ('The two', 'The source') say in curator_note which actor it is.",
        yields_to=("attribution_anchored",),
        words=_claimant_named,
    ),
    Rule(
        "relation_named",
        "Data model",
        "An actor relation whose `subject_actor_id` or `object_actor_id` is an actor named neither in its quote "
        "nor in its `curator_note`: another actor pasted in, the relation moved to another pair",
        "Name the actors the quote speaks of; where it does not name one ('its ally'), say in curator_note which "
        "actor it is.",
        yields_to=("quote_anchored",),
        words=(
            "{actor} is named neither in the quote (by its name or an alias, not inside another actor's) nor "
            "in curator_note; a relation links the actors its words name"
        ),
    ),
    Rule(
        "curated_source",
        "Data model",
        "An event's `date_source_id`, `place_source_id` or `attribution_source_id` naming a source that is "
        f"neither {' nor '.join(CURATED_FIELD_SOURCE_KINDS)} (a report known only from a seed's words)",
        "Cite the archived document or a reference row with the public address a reader can check.",
        words=(
            "{source} is a source of kind {kind}: a curated event field rests on the archived document or on a "
            "reference row with its url, which a reader can check"
        ),
    ),
    Rule(
        "archive_about_event",
        "Data model",
        "An event's `date_source_id`, `place_source_id` or `attribution_source_id` naming an archived document "
        "in which no claim about the event is read: another seed, which says nothing of it",
        "Cite the archived document whose claims are about the event, or the reference the field was read in.",
        yields_to=("reported_after_event",),
        words=(
            "{source} is an archived document, but no claim about this event is read in it; a field resting on a "
            "seed rests on the one that speaks of the event"
        ),
    ),
    Rule(
        "coordinates_source",
        "Data model",
        "An event with coordinates whose `place_source_id` is the archived document: coordinates are outside "
        "knowledge, taken only from a reference",
        "Cite the reference row whose address gives the coordinates, or leave them empty.",
        words=(
            "the event has coordinates, but {source} is the archived document, which gives none: coordinates come "
            "only from a reference, so place_source_id names the reference row that gives them (or leave them empty)"
        ),
    ),
    Rule(
        "coordinates_written",
        "Data model",
        "An event's `latitude` or `longitude` that the reference it is placed from (`place_source_id`) does not "
        "write in its `title` or `curator_note`: degrees typed over, rounded, moved to the other hemisphere or "
        "swapped with the other axis",
        "Copy the degrees the reference gives, and write them in its `curator_note` ('34.52250 N 37.62972 E').",
        yields_to=("coordinates_source", "coordinates_pair", "coordinates_site", "coordinates_in_country"),
        words=(
            "{source}, the reference this event is placed from, does not write this {column} in its title or "
            "curator_note: copy the degrees it gives, and write them in its note ('34.52250 N 37.62972 E')"
        ),
    ),
    Rule(
        "reference_has_url",
        "Data model",
        "A `reference` source without its `url`",
        "A reference is a public document a curator read: give its address.",
        words="a reference row is a public document a curator read: give its url",
    ),
    Rule(
        "seed_number",
        "IDs and references",
        "A `seed_path`, `claim_id` or `uncovered_id` carrying one seed's number in a row of another seed's "
        "source (`clm-002-...` read in `src-seed-000`, `src-seed-000` archived as `seeds/002_...`)",
        "Both numbers: src-seed-NNN keeps its file as seeds/NNN_..., its claims and uncovered sentences are "
        "numbered clm-NNN-... and unc-NNN-....",
        then="a source's quotes are not checked against another seed's file",
        words=(
            "carries seed number {number}, but the row belongs to {source}, seed {expected}: src-seed-NNN keeps "
            "its file as seeds/NNN_... and numbers its claims clm-NNN-... and uncovered sentences unc-NNN-..."
        ),
    ),
    Rule(
        "relation_not_self",
        "Data model",
        "An actor related to itself in `actor_relations`",
        "An actor does not stand in a relation to itself.",
        words="an actor does not stand in a relation to itself",
    ),
    Rule(
        "relation_reversed",
        "Data model",
        "Two relations read in the same words (source and offsets), of the same kind that is not symmetric, "
        "with subject and object swapped: 'Iran backed by Syria' beside 'Syria backed by Iran'. One sentence "
        "says one direction",
        "Names the first row; keep the direction the words give.",
        words="reads the words of line {first} the other way round; one sentence gives the relation one direction",
    ),
    Rule(
        "relation_within",
        "Data model",
        "A relation other than `leads` and `operates` between an actor and its own whole or part by "
        "`parent_actor_id`, directly or through its parents (the "
        "Israeli Air Force `backed_by` Israel, its parent): being part of an actor is `parent_actor_id`, never a "
        "relation, so the row repeats the parent or contradicts it",
        "Delete the relation, or correct the parent if the actor is not part of the other.",
        words=(
            "{part} is part of {whole} (by parent_actor_id, directly or through its parents): being part of an actor "
            "is parent_actor_id, never a relation; delete this relation, or correct the parents if {part} is not "
            "part of {whole}"
        ),
    ),
    Rule(
        "relation_country",
        "Data model",
        "A relation that makes its subject a state's own (`leads`, `owned_by`; `SAME_COUNTRY_RELATIONS`) whose "
        "subject's `country` is not the state's: Joe Biden's country typed RUS, TASS's typed SYR",
        "Names both countries; correct the actor's country, or the relation's ends.",
        words=(
            "{subject} {relation} {state}, so its country is {state_country}, not {country}; correct the actor's "
            "country, or the relation's ends"
        ),
    ),
    Rule(
        "relation_kind",
        "Data model",
        "A relation whose actor's kind rules out the end it stands at: a person as the object of `leads` (the "
        "United States leading Joe Biden), a person or a state as the subject of `owned_by` or the object of "
        "`operates`: the subject and the object swapped",
        "The kind and the end; the subject is the actor the relation is about ('Joe Biden leads the United States').",
        yields_to=("relation_not_self",),
        words=(
            "is a {kind}, which cannot stand here in a '{relation}' relation (no one leads a person; a person or "
            "a state is owned or operated by no one): are the subject and the object swapped?"
        ),
    ),
    Rule(
        "relation_evidence",
        "Data model",
        "A relation whose `evidence_claim_id` is read in another document, or whose quote does not overlap the "
        "relation's",
        "Name the claim whose quote carries the relation, or leave `evidence_claim_id` empty.",
        words=(
            "claim {claim_id} is not read in {source} at words overlapping this relation's quote; name the claim "
            "whose quote carries the relation, or leave evidence_claim_id empty"
        ),
    ),
    # --- sentences that carry no claim (checks.seed_coverage) ----------------------------------
    Rule(
        "sentence_seed",
        "Quotes and seeds",
        "An uncovered sentence on a source with no `seed_path`",
        "Uncovered sentences belong to archived documents; name the archived source.",
        then="its offsets are not compared",
        words="names a source with no seed_path; uncovered sentences belong to archived documents",
    ),
    Rule(
        "sentence_anchored",
        "Quotes and seeds",
        "An uncovered sentence not at its offsets in the seed, or edited",
        "Where the exact sentence is found (set `sentence_start` and `sentence_end` to those), or why it is not.",
        words=_sentence_anchored,
    ),
    Rule(
        "header_reason",
        "Quotes and seeds",
        "An uncovered sentence given the reason `archive_header` that is not on the seed's first line, the one "
        "the archive added: a sentence of the document waved through as the archive's",
        "Give the reason that fits the sentence, or quote it in claims.",
        words=(
            "the reason 'archive_header' says this is the line the archive added at the top of the file, but the "
            "sentence is not on the first line; give the reason that fits it, or quote it in claims"
        ),
    ),
    Rule(
        "coverage_declared",
        "Quotes and seeds",
        "Sentences of a seed that no claim quotes and `data/uncovered_sentences.csv` does not declare",
        "Quote them in claims, or declare those that assert nothing; `syria-strikes coverage SOURCE_ID` lists them.",
        decision="warn",
        then="valid; the seed may still be under curation. Not judged for a seed with a claim whose quote is not at "
        "its offsets: what that claim covers is unknown until `quote_anchored` is mended",
        words=_coverage_declared,
    ),
    Rule(
        "declared_unquoted",
        "Quotes and seeds",
        "An uncovered sentence that a claim quotes",
        "Remove the row: the sentence is covered.",
        decision="warn",
        then="valid; judged only where every claim of the seed has its quote at its offsets",
        words="a claim quotes this sentence, so it is not uncovered: remove the row",
    ),
    Rule(
        "declared_sentence",
        "Quotes and seeds",
        "An uncovered row whose span is not one sentence by the rule in `syria_strikes/sentences.py`",
        "Use the offsets `syria-strikes coverage SOURCE_ID` prints.",
        decision="warn",
        words=(
            "the span is not one sentence by the rule in syria_strikes/sentences.py, so it declares nothing: "
            "use the offsets `syria-strikes coverage {source_id}` prints"
        ),
    ),
    Rule(
        "sentence_declared_once",
        "Quotes and seeds",
        "One sentence declared uncovered twice (the same source and offsets under two IDs), with another reason "
        "or wording: a row pasted again and edited",
        "The line it repeats; one sentence has one reason.",
        yields_to=("repeated_row",),
        words=(
            "declares again the sentence line {first} declares (same source_id, sentence_start and sentence_end); "
            "keep one row, with the reason that fits"
        ),
    ),
    # --- safety at the edges: files as untrusted input, bounded work (safefiles, datafiles, reading) ---
    Rule(
        "file_inside",
        "Structure",
        "A table's file, the descriptor or a seed is a symbolic link that leads outside the dataset folder "
        "(to `/proc/self/environ`, a home folder)",
        "Replace the link with the file itself; nothing outside the dataset is read, and no content is shown.",
        then="file not read",
        words="{what} {reason}",
    ),
    Rule(
        "file_regular",
        "Structure",
        "A named pipe (FIFO), device, socket or folder where a table's file, the descriptor or a seed belongs",
        "Says what stands there; replace it with a regular file. A named pipe never makes the validator wait.",
        then="file not read",
        words="{what} {reason}",
    ),
    Rule(
        "file_readable",
        "Structure",
        "A file or folder that cannot be read: no permission, an input/output error, or more bytes than the "
        "memory available holds (a sparse file of many gigabytes)",
        "Says why (permission denied: give the user running the command read access); never a traceback.",
        then="file not read",
        words=_file_readable,
    ),
    Rule(
        "header_width",
        "Structure",
        "A header of more than 1,000 columns (the wrong file, a runaway export)",
        "The number of columns and the bound; reported at once, whatever the width.",
        then="table not read further",
        words=_header_width,
    ),
    Rule(
        "quote_grapheme",
        "Quotes and seeds",
        "Quote offsets that cut a user-perceived character in two: a letter from its combining accent, an emoji "
        "sequence or a flag (Unicode grapheme clusters)",
        "Widen the quote to the whole character.",
        words=(
            "the offsets {start}..{end} cut a character of the seed in two (a letter and its combining accent, "
            "or an emoji or flag sequence): widen the quote to the whole character"
        ),
    ),
)

ACCEPTED: tuple[Accepted, ...] = (
    Accepted(
        "Values and types", "Trailing zeros in a number (`34.52250`)", "Accept, normalised in the release (34.5225)"
    ),
    Accepted(
        "Quotes and seeds",
        "Curly quotes, dashes, no-break spaces, any Unicode inside a quote as in the seed",
        "Accept as written: quotes are verbatim",
    ),
    Accepted(
        "Cell contents",
        "No-break spaces, curly quotes, non-Latin script, combining characters inside free text",
        "Accept as written, not normalised (Unicode normalisation form included)",
    ),
)

RULE_IDS: frozenset[str] = frozenset(get_args(RuleId))
_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule(rule_id: str) -> Rule:
    """The declared rule of an id; a KeyError names an id that was never declared."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"rule {rule_id!r} is not declared in syria_strikes/rules.py") from None


def declared(rule_id: str) -> RuleId:
    """An id computed at run time (a pandera check's name, ``type_`` + a column type), as a RuleId."""
    return rule(rule_id).id
