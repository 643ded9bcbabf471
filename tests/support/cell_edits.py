"""Corruptions of one cell, one row each: name, table, column, new value, the rule that must catch it.

The row is the table's first unless ``row`` chooses another; ``reported_in`` names the column the
rule points at when it is not the edited one. Read a row as: in this table's row, write this value
in this column, and the validator reports this rule there (and nothing else, unless exact=False).
"""

from __future__ import annotations

from syria_strikes.anchoring import STRAIGHTENED
from syria_strikes.metadata import COUNT_PREDICATES, TABLES
from tests.support.dataset import Dataset
from tests.support.kinds import (
    CellEdit,
    Row,
    Where,
    appended,
    containing,
    copied_from,
    filled,
    one_of,
    prepended,
    replaced_once,
    translated,
    with_year,
)

COUNT_CLAIM = Where(predicate=one_of(COUNT_PREDICATES), value=filled)
COUNT_CLAIM_WITHOUT_LOW = Where(predicate=one_of(COUNT_PREDICATES), value_low="")
ATTRIBUTION_CLAIM = Where(predicate="attribution")
RELAYED_CLAIM = Where(relayed_via=filled)
ARCHIVED_SOURCE = Where(seed_path=filled)
DATED_EVENT = Where(date_start=filled)
DAY_EVENT = Where(date_precision="day")
LOCATED_EVENT = Where(latitude=filled)


def referenced_event(ds: Dataset, table: str) -> int:
    """An event that claims point at, so that damage to its key would cascade if handled badly."""
    referenced = {row["event_id"] for row in ds.rows("claims")}
    return ds.find(table, event_id=lambda e: e in referenced)


def referenced_actor(ds: Dataset, table: str) -> int:
    referenced = {row["claimant_actor_id"] for row in ds.rows("claims")}
    return ds.find(table, actor_id=lambda a: a in referenced)


def first_item_again(row: Row, column: str) -> str:
    return f"{row[column]}|{row[column].split('|')[0]}"


def last_character_changed(row: Row, column: str) -> str:
    text = row[column]
    return text[:-1] + ("x" if text[-1] != "x" else "y")


def capitalized(row: Row, column: str) -> str:
    return row[column].capitalize()


NOWHERE = {"actors": "act-nobody", "sources": "src-nobody", "events": "evt-2020-nobody", "claims": "clm-999-999"}

# --- values and types -----------------------------------------------------------------------------
VALUES_AND_TYPES = [
    CellEdit("missing required value", "claims", "stance", "", rule="required"),
    CellEdit("wrong type: word in an integer column", "claims", "quote_start", "12a", rule="type_integer"),
    CellEdit("wrong type: word in a number column", "events", "latitude", "north", rule="type_number"),
    CellEdit("date in another format", "events", "date_end", "14/01/2020", rule="type_date"),
    CellEdit("impossible date 2020-02-30", "events", "date_end", "2020-02-30", rule="type_date"),
    CellEdit("date_end before date_start", "events", "date_end", "2000-01-01", rule="date_order", row=DATED_EVENT),
    CellEdit("value outside its enum", "claims", "stance", "assert", rule="enum"),
    CellEdit("negative count", "claims", "value", "-3", rule="minimum", row=COUNT_CLAIM),
    CellEdit("exact count without its lower bound", "claims", "value_low", "", rule="count_exact", row=COUNT_CLAIM),
    CellEdit("exact count written as its bounds alone", "claims", "value", "", rule="count_exact", row=COUNT_CLAIM),
    CellEdit("negative latitude beyond -90", "events", "latitude", "-95.5", rule="minimum"),
    # A count no longer the number its quote writes ("killed eight ..." with value 9, bounds kept).
    CellEdit(
        "count read from a model number ('F-16')",
        "claims",
        "value_low",
        "16",
        rule="count_written",
        row=Where(predicate="munitions_fired", quote=containing("F-16"), value_low=filled),
    ),
    CellEdit("count raised beyond its quote", "claims", "value_high", "9", rule="count_written", row=COUNT_CLAIM),
    CellEdit(
        "bound lowered beyond its quote",
        "claims",
        "value_low",
        lambda old, column: str(int(old[column]) - 1),
        rule="count_written",
        row=Where(predicate=one_of(COUNT_PREDICATES), value="", value_low=filled),
    ),
    # A year typed with its digits out of place: still a real calendar day, so only the bound sees it.
    CellEdit(
        "event year typed 0201 for 2021",
        "events",
        "date_start",
        with_year("0201"),
        rule="minimum",
        row=DATED_EVENT,
        exact=False,
    ),
    CellEdit(
        "publication year typed 1020 for 2020",
        "sources",
        "published_start",
        with_year("1020"),
        rule="minimum",
        row=Where(published_start=filled),
        exact=False,
    ),
]

# --- IDs and references ---------------------------------------------------------------------------
IDS_AND_REFERENCES = [
    CellEdit("trailing space in an ID", "claims", "claim_id", appended(" "), rule="clean_text"),
    CellEdit(
        "claim ID numbered past three digits with a leading zero (another spelling of a number in use)",
        "claims",
        "claim_id",
        lambda row, column: row[column][:-3] + "0" + row[column][-3:],
        rule="pattern",
        row=Where(claim_id="clm-000-072"),
    ),
    CellEdit("leading space in a referenced ID", "events", "event_id", prepended(" "), rule="clean_text"),
    CellEdit("ID that breaks its pattern", "claims", "claim_id", "claim-1", rule="pattern"),
    # Every row citing the source is then dangling too; no reference left empty may match the blank ID.
    CellEdit(
        "ID of an archived source left empty",
        "sources",
        "source_id",
        "",
        rule="required",
        row=ARCHIVED_SOURCE,
        exact=False,
    ),
    CellEdit(
        "ID of a cited report left empty",
        "sources",
        "source_id",
        "",
        rule="required",
        row=Where(kind="media_reports"),
        exact=False,
    ),
    *(
        CellEdit(
            f"dangling reference in {table.name}.{column.name}",
            table.name,
            column.name,
            NOWHERE[column.references],
            rule="foreign_key",
        )
        for table in TABLES
        for column in table.columns
        if column.references
    ),
    CellEdit(
        "dangling item inside the reporting chain",
        "claims",
        "relayed_via",
        appended("|src-nobody"),
        rule="foreign_key",
        row=RELAYED_CLAIM,
    ),
    CellEdit(
        "reporting chain repeats a source",
        "claims",
        "relayed_via",
        first_item_again,
        rule="relay_chain",
        row=RELAYED_CLAIM,
    ),
    CellEdit("empty item in a list", "claims", "relayed_via", appended("||"), rule="list_items", row=RELAYED_CLAIM),
    CellEdit(
        "cited source listed twice",
        "sources",
        "cites_source_ids",
        first_item_again,
        rule="list_repeats",
        row=Where(cites_source_ids=filled),
    ),
    CellEdit("place alias listed twice", "events", "place_aliases", first_item_again, rule="list_repeats"),
    CellEdit(
        "source citing itself",
        "sources",
        "cites_source_ids",
        lambda row, column: f"{row[column]}|{row['source_id']}",
        rule="cites_self",
        row=Where(cites_source_ids=filled),
    ),
    CellEdit(
        "code listed twice in a coded value",
        "claims",
        "value_code",
        first_item_again,
        rule="list_repeats",
        row=Where(predicate="weapon"),
    ),
    CellEdit(
        "an armed group of no state recoded as armed forces",
        "actors",
        "kind",
        "armed_forces",
        rule="parent_fits_kind",
        reported_in="parent_actor_id",
        row=Where(kind="armed_group", parent_actor_id=""),
    ),
    CellEdit(
        "a named person recoded as a military unit",
        "actors",
        "kind",
        "military_unit",
        rule="parent_fits_kind",
        reported_in="parent_actor_id",
        row=Where(kind="person", parent_actor_id=""),
    ),
    CellEdit(
        "a unit moved from its armed forces to their state",
        "actors",
        "parent_actor_id",
        "act-russia",
        rule="parent_fits_kind",
        row=Where(kind="military_unit", parent_actor_id="act-russian-armed-forces"),
    ),
    CellEdit(
        "an air force's kind changed to state",
        "actors",
        "kind",
        "state",
        rule="parent_kind",
        row=Where(actor_id="act-israeli-air-force"),
        reported_in="parent_actor_id",
    ),
    CellEdit(
        "actor made part of another country's actor",
        "actors",
        "parent_actor_id",
        "act-russia",
        rule="parent_country",
        row=Where(actor_id="act-israeli-air-force"),
    ),
    CellEdit("actor is its own parent", "actors", "parent_actor_id", copied_from("actor_id"), rule="parent_not_self"),
    CellEdit("claim numbered for another seed", "claims", "claim_id", "clm-999-001", rule="seed_number"),
    CellEdit(
        "uncovered sentence numbered for another seed",
        "uncovered_sentences",
        "uncovered_id",
        "unc-999-001",
        rule="seed_number",
    ),
]

# --- rules across the columns of a row ------------------------------------------------------------
ROW_RULES = [
    CellEdit(
        "precision 'day' on a multi-day interval",
        "events",
        "date_end",
        "2099-12-31",
        rule="precision_day",
        row=DAY_EVENT,
        reported_in="date_precision",
    ),
    CellEdit(
        "precision 'month' on days that are not a month",
        "events",
        "date_precision",
        "month",
        rule="precision_month",
        row=DAY_EVENT,
    ),
    CellEdit(
        "precision 'range' on a single day",
        "events",
        "date_end",
        copied_from("date_start"),
        rule="precision_range",
        row=Where(date_precision="range"),
        reported_in="date_precision",
    ),
    CellEdit(
        "date_start missing without precision 'before'",
        "events",
        "date_start",
        "",
        rule="precision_before",
        row=DAY_EVENT,
    ),
    CellEdit(
        "latitude without longitude",
        "events",
        "longitude",
        "",
        rule="coordinates_pair",
        row=LOCATED_EVENT,
        reported_in="latitude",
    ),
    CellEdit(
        "attributed actor without an attribution",
        "events",
        "attribution_status",
        "unattributed",
        rule="attributed_actor",
        row=Where(attributed_actor_id=filled),
        reported_in="attributed_actor_id",
    ),
    CellEdit("count predicate without a unit", "claims", "unit", "", rule="count_has_unit", row=COUNT_CLAIM),
    CellEdit(
        "count on a predicate that takes none",
        "claims",
        "value",
        "3",
        rule="count_only_for_counts",
        row=ATTRIBUTION_CLAIM,
    ),
    CellEdit(
        "source published_end before published_start",
        "sources",
        "published_start",
        "2099-01-01",
        rule="published_order",
        row=Where(published_start=filled),
        reported_in="published_end",
    ),
    CellEdit("archived source without its hash", "sources", "sha256", "", rule="seed_hash_pair", row=ARCHIVED_SOURCE),
    CellEdit(
        "a dateline on a reported source no seed archives",
        "sources",
        "dateline",
        "Damascus",
        rule="dateline_archived",
        row=Where(seed_path=""),
    ),
    CellEdit(
        "archived source of the wrong kind",
        "sources",
        "kind",
        "news_article",
        rule="archived_has_seed",
        row=ARCHIVED_SOURCE,
        exact=False,
        reported_in="seed_path",
    ),
    CellEdit(
        "count in the wrong unit for its predicate",
        "claims",
        "unit",
        "persons",
        rule="unit_matches_predicate",
        row=Where(predicate=lambda p: p.startswith("munitions_"), unit="munitions"),
    ),
]

# --- quotes and seed paths ------------------------------------------------------------------------
QUOTES_AND_SEED_PATHS = [
    CellEdit(
        "quote with straightened curly quotes",
        "claims",
        "quote",
        translated(STRAIGHTENED),
        rule="quote_anchored",
        row=Where(quote=lambda q: q != q.translate(STRAIGHTENED)),
    ),
    CellEdit("quote edited by one character", "claims", "quote", last_character_changed, rule="quote_anchored"),
    # Words a cell holds as a seed writes them, though no offsets anchor them.
    CellEdit(
        "dateline spelt anew, not as its seed writes it",
        "sources",
        "dateline",
        "Jerusalem",
        rule="dateline_written",
        row=Where(dateline=filled),
    ),
    CellEdit(
        "seed path escaping seeds/ with ../",
        "sources",
        "seed_path",
        "seeds/../data/actors.csv",
        rule="pattern",
        row=ARCHIVED_SOURCE,
    ),
    CellEdit("absolute seed path", "sources", "seed_path", "/etc/passwd", rule="pattern", row=ARCHIVED_SOURCE),
    # A password pasted with an address would be published in every release.
    CellEdit(
        "source address carrying a user name and password",
        "sources",
        "url",
        "https://curator:secret@example.org/article",
        rule="pattern",
        row=Where(url=filled),
    ),
    CellEdit(
        "seed path in another letter case than its file",
        "sources",
        "seed_path",
        lambda row, column: row[column].upper().replace("SEEDS/", "seeds/").replace(".TXT", ".txt"),
        rule="seed_present",
        row=ARCHIVED_SOURCE,
    ),
    CellEdit("quote_end equal to quote_start", "claims", "quote_end", copied_from("quote_start"), rule="quote_offsets"),
    CellEdit(
        "one curly apostrophe in a quote made straight",
        "claims",
        "quote",
        replaced_once("\u2019", "'"),
        rule="quote_anchored",
        row=Where(quote=containing("\u2019")),
    ),
    CellEdit(
        "non-breaking space inside a quote",
        "claims",
        "quote",
        replaced_once(" ", "\u00a0"),
        rule="quote_anchored",
        row=Where(quote=containing(" ")),
    ),
    CellEdit(
        "en dash in a quote typed as a hyphen",
        "claims",
        "quote",
        replaced_once("\u2013", "-"),
        rule="quote_anchored",
        row=Where(quote=containing("\u2013")),
    ),
    CellEdit(
        "actor alias known from outside the seeds ('IAF')",
        "actors",
        "aliases",
        appended("|IAF"),
        rule="alias_written",
        row=Where(actor_id="act-israeli-air-force"),
    ),
    CellEdit(
        "actor alias retyped in another case than the seed's",
        "actors",
        "aliases",
        "Israeli air force",
        rule="alias_written",
        row=Where(aliases="Israeli Air Force"),
    ),
    CellEdit(
        "alias that is another actor's name ('Israel Hayom' among Syria's)",
        "actors",
        "aliases",
        appended("|Israel Hayom"),
        rule="name_shared",
        row=Where(actor_id="act-syria"),
    ),
    CellEdit(
        "cited report given another outlet as its publisher",
        "sources",
        "publisher_actor_id",
        "act-tass",
        rule="publisher_named",
        row=Where(source_id="src-sana-2020-01-14-t4"),
    ),
    CellEdit(
        "event end moved a day past the publication of the report it is dated from",
        "events",
        "date_end",
        "2020-01-11",
        rule="ended_by_date_source",
        row=Where(event_id="evt-2020-01-albu-kamal-strike"),
    ),
    CellEdit(
        "claim the document only relays turned into its own assertion",
        "claims",
        "stance",
        "asserts",
        rule="own_voice_reports",
        row=Where(stance="reports"),
    ),
    CellEdit(
        "English seed tagged with another language",
        "sources",
        "language",
        "ar",
        rule="language_written",
        row=ARCHIVED_SOURCE,
    ),
    CellEdit(
        "English seed whose language is left empty",
        "sources",
        "language",
        "",
        rule="language_written",
        row=ARCHIVED_SOURCE,
    ),
]

# --- sentences of a seed that carry no claim -----------------------------------------------------
# The source the first uncovered sentence is declared on is archived; this one has no seed file.
SOURCE_WITHOUT_SEED = "src-sana-2020-01-14-t4"

UNCOVERED_SENTENCES = [
    CellEdit(
        "uncovered sentence moved off its offsets",
        "uncovered_sentences",
        "sentence_start",
        "2",
        rule="sentence_anchored",
        reported_in="sentence",
    ),
    CellEdit(
        "page dateline declared the archive's header",
        "uncovered_sentences",
        "reason",
        "archive_header",
        rule="header_reason",
        row=Where(reason="dateline"),
    ),
    CellEdit(
        "uncovered sentence on a source with no seed",
        "uncovered_sentences",
        "source_id",
        SOURCE_WITHOUT_SEED,
        rule="sentence_seed",
    ),
]

# --- what a cell may hold -------------------------------------------------------------------------
CELL_CONTENTS = [
    *(
        CellEdit(
            f"cell starting with {prefix!r} (formula injection)",
            "claims",
            "hedging",
            f'{prefix}HYPERLINK("http://x")',
            rule="clean_text",
        )
        for prefix in "=+-@"
    ),
    CellEdit("control character in a cell", "events", "summary", "Strike\x07 on a base", rule="clean_text"),
    CellEdit("line break inside a cell", "events", "summary", "Strike\non a base", rule="clean_text"),
    CellEdit("10 MB cell", "claims", "curator_note", "a" * 10_000_000, rule="max_length"),
    CellEdit("tab character in a cell", "events", "summary", "Strike\ton a base", rule="clean_text"),
    CellEdit("NUL byte in a cell", "events", "summary", "Strike\x00 on a base", rule="clean_text"),
    CellEdit("Unicode line separator in a cell", "events", "summary", "Strike\u2028on a base", rule="clean_text"),
    CellEdit("right-to-left override in a cell", "events", "summary", "Strike on \u202eesab a", rule="clean_text"),
    CellEdit("zero-width space at the end of free text", "events", "summary", appended("\u200b"), rule="clean_text"),
    CellEdit("cell of spaces only in a required column", "events", "summary", "   ", rule="clean_text"),
    CellEdit(
        "curly apostrophe garbled by a Windows-1252 round trip",
        "events",
        "place_note",
        replaced_once("\u2019", "\u00e2\u20ac\u2122"),
        rule="mojibake",
        row=Where(place_note=containing("\u2019")),
    ),
    CellEdit(
        "character lost to a failed decoding (U+FFFD)",
        "events",
        "place_note",
        replaced_once("\u2019", "\ufffd"),
        rule="mojibake",
        row=Where(place_note=containing("\u2019")),
    ),
    CellEdit(
        "zero-width space inside an actor's name",
        "actors",
        "name",
        lambda row, column: row[column][:2] + "\u200b" + row[column][2:],
        rule="invisible_char",
    ),
    CellEdit(
        "relation other than the one its ID names",
        "actor_relations",
        "relation",
        "affiliated_with",
        rule="relation_id_names",
        reported_in="relation_id",
        decision="warn",
        row=Where(relation="backed_by"),
    ),
    CellEdit(
        "place name typed in fullwidth letters",
        "events",
        "admin1",
        lambda row, column: "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in row[column]),
        rule="lookalike_form",
        row=Where(admin1=filled),
    ),
    CellEdit(
        "zero-width non-joiner inside a Latin place name",
        "events",
        "admin1",
        lambda row, column: row[column][:2] + "\u200c" + row[column][2:],
        rule="invisible_char",
        row=Where(admin1=filled),
    ),
    CellEdit(
        "Hangul filler inside a Latin place name",
        "events",
        "admin1",
        lambda row, column: row[column][:2] + "\u3164" + row[column][2:],
        rule="invisible_char",
        row=Where(admin1=filled),
    ),
    CellEdit(
        "variation selector in a note of Latin text",
        "events",
        "curator_note",
        replaced_once("Israel ", "Israel\ufe0f "),
        rule="invisible_char",
        row=Where(curator_note=containing("Israel ")),
    ),
    CellEdit(
        "soft hyphen inside a note",
        "events",
        "curator_note",
        replaced_once("Israel", "Isr\u00adael"),
        rule="invisible_char",
        row=Where(curator_note=containing("Israel")),
    ),
    CellEdit(
        "Armenian look-alike letter in a place name",
        "events",
        "admin1",
        replaced_once("o", "\u0585"),
        rule="mixed_script",
        row=Where(admin1=containing("o")),
    ),
    CellEdit(
        "IPA alpha for 'a' in an actor's name",
        "actors",
        "name",
        replaced_once("a", "\u0251"),
        rule="lookalike_form",
        row=Where(actor_id="act-israel"),
    ),
    CellEdit(
        "Cyrillic look-alike letter in an actor's name",
        "actors",
        "name",
        replaced_once("a", "\u0430"),
        rule="mixed_script",
        row=Where(actor_id="act-syria"),
    ),
    CellEdit(
        "Greek look-alike letter in a place alias",
        "events",
        "place_aliases",
        replaced_once("o", "\u03bf"),
        rule="mixed_script",
        row=Where(place_aliases=containing("o")),
    ),
    CellEdit(
        "no-break space garbled by a Windows-1252 round trip",
        "events",
        "summary",
        replaced_once(" ", "\u00c2\u00a0"),
        rule="mojibake",
    ),
]

# === What spreadsheets and hand edits really produce =============================================
# Each kind below was seen in the wild or is what a common tool writes by default.

# --- numbers, dates and booleans as spreadsheets write them ---------------------------------------
SPREADSHEET_VALUES = [
    CellEdit(
        "thousands separator in a count ('1,000')", "claims", "value", "1,000", rule="type_integer", row=COUNT_CLAIM
    ),
    CellEdit("decimal point in a count ('4.0')", "claims", "value", "4.0", rule="type_integer", row=COUNT_CLAIM),
    CellEdit("leading zero in a count ('04')", "claims", "value", "04", rule="type_integer", row=COUNT_CLAIM),
    CellEdit("plus sign on a count ('+4')", "claims", "value", "+4", rule="type_integer", row=COUNT_CLAIM),
    CellEdit(
        "count too large for 64 bits",
        "claims",
        "value",
        "99999999999999999999",
        rule="type_integer",
        row=COUNT_CLAIM,
    ),
    CellEdit(
        "Excel scientific notation in an offset ('1.2E+02')", "claims", "quote_start", "1.2E+02", rule="type_integer"
    ),
    CellEdit(
        "Excel scientific notation in a coordinate ('3.45E+01')",
        "events",
        "latitude",
        "3.45E+01",
        rule="type_number",
        row=LOCATED_EVENT,
    ),
    CellEdit(
        "decimal comma in a coordinate ('34,52')",
        "events",
        "latitude",
        "34,52",
        rule="type_number",
        row=LOCATED_EVENT,
    ),
    CellEdit("latitude 200", "events", "latitude", "200", rule="maximum", row=LOCATED_EVENT),
    CellEdit(
        "minus sign typed before a longitude in Syria",
        "events",
        "longitude",
        prepended("-"),
        rule="coordinates_in_country",
        row=LOCATED_EVENT,
    ),
    CellEdit("date with a time ('2020-01-14T10:00')", "events", "date_end", appended("T10:00"), rule="type_date"),
    CellEdit(
        "date with a spreadsheet time ('2020-01-14 00:00:00')",
        "events",
        "date_end",
        appended(" 00:00:00"),
        rule="type_date",
    ),
    CellEdit("spreadsheet serial day number as a date ('43844')", "events", "date_end", "43844", rule="type_date"),
    CellEdit("date with a space after it", "events", "date_end", appended(" "), rule="type_date"),
    CellEdit("Arabic-Indic digits in a count", "claims", "value", "\u0664", rule="type_integer", row=COUNT_CLAIM),
    CellEdit("Arabic-Indic digits in a date", "events", "date_end", "\u0662\u0660\u0662\u0660-01-14", rule="type_date"),
    CellEdit(
        "spreadsheet boolean in a count ('TRUE')", "claims", "value", "TRUE", rule="type_integer", row=COUNT_CLAIM
    ),
    CellEdit("spreadsheet boolean in an enum column ('FALSE')", "claims", "stance", "FALSE", rule="enum"),
    CellEdit("spreadsheet boolean in free text ('TRUE')", "claims", "hedging", "TRUE", rule="placeholder"),
    CellEdit(
        "'N/A' written for a missing count",
        "claims",
        "value_low",
        "N/A",
        rule="type_integer",
        row=COUNT_CLAIM_WITHOUT_LOW,
    ),
    CellEdit(
        "'N/A' written for missing free text",
        "sources",
        "dateline",
        "N/A",
        rule="placeholder",
        row=Where(dateline=""),
    ),
    CellEdit(
        "'null' written for a missing optional reference",
        "actors",
        "parent_actor_id",
        "null",
        rule="placeholder",
        row=Where(parent_actor_id=""),
    ),
    CellEdit(
        "spreadsheet error value ('#REF!') in a cell",
        "claims",
        "value_text",
        "#REF!",
        rule="placeholder",
        row=Where(value_text=filled),
    ),
]

# --- vocabularies ---------------------------------------------------------------------------------
VOCABULARIES = [
    CellEdit("enum in another case ('Asserts')", "claims", "stance", "Asserts", rule="enum"),
    # Codes of the right form that the standard does not list.
    CellEdit(
        "country code ISO 3166-1 does not list ('SYQ')",
        "actors",
        "country",
        "SYQ",
        rule="standard_code",
        row=Where(country="SYR"),
    ),
    CellEdit(
        "language ISO 639 does not list ('qq-SY')",
        "sources",
        "language",
        "qq-SY",
        rule="standard_code",
        row=Where(language="en"),
    ),
    CellEdit(
        "place claim coded with a country ISO 3166-1 does not list ('IRX')",
        "claims",
        "value_code",
        "IRX",
        rule="value_code_vocabulary",
        row=Where(predicate="place"),
    ),
    CellEdit("enum with a trailing space", "claims", "stance", appended(" "), rule="clean_text"),
    CellEdit(
        "enum written as its description's words ('air strike')",
        "events",
        "event_type",
        "air strike",
        rule="enum",
        row=Where(event_type="air_strike"),
    ),
]

# --- invisible and look-alike characters in IDs ---------------------------------------------------
LOOK_ALIKE_IDS = [
    CellEdit("non-breaking space after an ID", "claims", "claim_id", appended("\u00a0"), rule="clean_text"),
    CellEdit(
        "zero-width space before a referenced ID",
        "events",
        "event_id",
        prepended("\u200b"),
        rule="clean_text",
        row=referenced_event,
    ),
    CellEdit("zero-width space after a reference", "claims", "event_id", appended("\u200b"), rule="clean_text"),
    CellEdit(
        "byte-order mark pasted at the start of an ID", "claims", "claim_id", prepended("\ufeff"), rule="clean_text"
    ),
    CellEdit("Arabic-Indic digits in an ID", "claims", "claim_id", replaced_once("0", "\u0660"), rule="pattern"),
    CellEdit(
        "fullwidth digit in a referenced ID",
        "events",
        "event_id",
        replaced_once("2", "\uff12"),
        rule="pattern",
        row=referenced_event,
    ),
    CellEdit(
        "typographic hyphen in a referenced ID",
        "events",
        "event_id",
        replaced_once("-", "\u2011"),
        rule="pattern",
        row=referenced_event,
    ),
    CellEdit(
        "Cyrillic look-alike letter in a referenced ID",
        "actors",
        "actor_id",
        replaced_once("a", "\u0430"),
        rule="pattern",
        row=referenced_actor,
    ),
    CellEdit(
        "Cyrillic look-alike letter in a reference",
        "claims",
        "claimant_actor_id",
        replaced_once("a", "\u0430"),
        rule="pattern",
    ),
    CellEdit(
        "uppercase letter in a referenced ID", "actors", "actor_id", capitalized, rule="pattern", row=referenced_actor
    ),
]

# --- the data model: coded values, victims, time, attribution, identification, relations ----------
ATTRIBUTED_CLAIM = Where(attribution_quote=filled)
SEVERAL_EVENTS_CLAIM = Where(other_event_ids=filled)

DATA_MODEL = [
    CellEdit(
        "coded predicate without its value_code",
        "claims",
        "value_code",
        "",
        rule="value_code_given",
        row=Where(predicate="launch_platform"),
    ),
    CellEdit(
        "value_code outside its predicate's vocabulary",
        "claims",
        "value_code",
        "missiles",
        rule="value_code_vocabulary",
        row=Where(predicate="weapon"),
    ),
    CellEdit(
        "'unknown' listed beside the codes a claim names",
        "claims",
        "value_code",
        appended("|unknown"),
        rule="value_code_vocabulary",
        row=Where(predicate="weapon", value_code=lambda code: code not in ("", "unknown")),
    ),
    CellEdit(
        "place coded with a country name instead of its code",
        "claims",
        "value_code",
        "Syria",
        rule="value_code_vocabulary",
        row=Where(predicate="place"),
    ),
    CellEdit(
        "casualty claim without victim_status",
        "claims",
        "victim_status",
        "",
        rule="victim_fields",
        row=Where(predicate="fatalities"),
    ),
    CellEdit(
        "time claim whose value is words, not an interval",
        "claims",
        "value_text",
        "Tuesday",
        rule="time_interval",
        row=Where(predicate="time"),
    ),
    CellEdit(
        "time claim whose interval ends before it starts",
        "claims",
        "value_text",
        "2020-01-15/2020-01-14",
        rule="time_interval",
        row=Where(predicate="time"),
    ),
    CellEdit(
        "time claim starting on an impossible day",
        "claims",
        "value_text",
        "2020-02-30/2020-03-01",
        rule="time_interval",
        row=Where(predicate="time"),
    ),
    CellEdit(
        "unknown perpetrator coded another way",
        "claims",
        "value_text",
        "unidentified",
        rule="attribution_unknown",
        row=Where(predicate="attribution", value_actor_id=""),
    ),
    CellEdit(
        "attribution quote without its end offset",
        "claims",
        "attribution_end",
        "",
        rule="attribution_complete",
        row=ATTRIBUTED_CLAIM,
    ),
    CellEdit(
        "attribution_end equal to attribution_start",
        "claims",
        "attribution_end",
        copied_from("attribution_start"),
        rule="attribution_offsets",
        row=ATTRIBUTED_CLAIM,
    ),
    CellEdit(
        "attribution words edited by one character",
        "claims",
        "attribution_quote",
        replaced_once("said", "says"),
        rule="attribution_anchored",
        row=Where(attribution_quote=containing("said")),
    ),
    CellEdit(
        "claim listing its own event among its other events",
        "claims",
        "other_event_ids",
        copied_from("event_id"),
        rule="claim_events",
        row=SEVERAL_EVENTS_CLAIM,
    ),
    CellEdit(
        "assumed match without an identification note",
        "events",
        "identification_note",
        "",
        rule="identification_noted",
        row=Where(identification="assumed"),
    ),
    CellEdit(
        "acknowledged event without the source it rests on",
        "events",
        "attribution_source_id",
        "",
        rule="acknowledged_has_source",
        row=Where(attribution_status="acknowledged"),
    ),
    CellEdit(
        "assumed match said to be stated in the seed",
        "events",
        "identification",
        "stated_in_seed",
        rule="identification_dated",
        row=Where(identification="assumed"),
    ),
    CellEdit(
        "event matched by references dated from its seed",
        "events",
        "date_source_id",
        "src-seed-000",
        rule="identification_dated",
        row=Where(identification="matched_by_reference", event_id=containing("albu-kamal")),
        reported_in="identification",
    ),
    CellEdit("identification outside its vocabulary", "events", "identification", "guessed", rule="enum"),
    CellEdit(
        "event place resting on a report known only from a seed",
        "events",
        "place_source_id",
        SOURCE_WITHOUT_SEED,
        rule="curated_source",
    ),
    CellEdit(
        "event place resting on a seed that says nothing of it",
        "events",
        "place_source_id",
        "src-seed-002",
        rule="archive_about_event",
        row=Where(event_id=containing("albu-kamal")),
    ),
    CellEdit(
        "reference row without its address", "sources", "url", "", rule="reference_has_url", row=Where(kind="reference")
    ),
    CellEdit(
        "coordinates resting on the archived document",
        "events",
        "place_source_id",
        "src-seed-000",
        rule="coordinates_source",
        row=LOCATED_EVENT,
    ),
    CellEdit(
        "place precision lowered to the country on an event placed in a town",
        "events",
        "place_precision",
        "country",
        rule="place_precision_fields",
        reported_in="locality",
        row=Where(place_precision="town", admin1="", locality=filled),
    ),
    CellEdit(
        "strike placed in another country",
        "events",
        "country",
        "ISR",
        rule="strike_category",
        row=Where(category="strike", country="SYR", latitude=""),
    ),
    CellEdit(
        "strike in Syria filed as context, out of the counts of strikes",
        "events",
        "category",
        "context",
        rule="strike_category",
        row=Where(category="strike", country="SYR", event_type=one_of(("air_strike", "missile_strike"))),
    ),
    CellEdit(
        "strike coded as a state visit",
        "events",
        "event_type",
        "state_visit",
        rule="strike_category",
        row=Where(category="strike"),
        exact=False,
    ),
    CellEdit(
        "attack whose attribution is marked not applicable",
        "events",
        "attribution_status",
        "not_applicable",
        rule="attribution_applicable",
        row=Where(category="strike", attribution_status="unattributed"),
    ),
    CellEdit(
        "state visit given an attribution status",
        "events",
        "attribution_status",
        "unattributed",
        rule="attribution_applicable",
        row=Where(event_type="state_visit"),
    ),
    # Valid actors put where another belongs: only the words the values were read from tell.
    CellEdit(
        "claim naming an actor its quote does not",
        "claims",
        "value_actor_id",
        "act-usa",
        rule="value_actor_named",
        row=Where(predicate="site_occupant"),
    ),
    CellEdit(
        "value text naming another actor than the value actor",
        "claims",
        "value_text",
        "Iran",
        rule="value_text_actor",
        row=Where(predicate="attribution", value_actor_id="act-israel"),
    ),
    CellEdit(
        "attribution naming an actor and coded unknown",
        "claims",
        "value_text",
        "unknown",
        rule="value_text_actor",
        row=Where(predicate="attribution", value_actor_id="act-israel"),
    ),
    CellEdit(
        "a report's publisher emptied while its title names it",
        "sources",
        "publisher_actor_id",
        "",
        rule="publisher_given",
        decision="warn",
        row=Where(source_id="src-sana-2020-01-14-t4"),
        exact=False,
    ),
    CellEdit(
        "an NGO's statement filed as an official one",
        "sources",
        "kind",
        "official_statement",
        rule="publisher_kind",
        row=Where(publisher_actor_id="act-sohr"),
    ),
    CellEdit(
        "'about a week after' an earlier Friday widened past the document's own day",
        "claims",
        "value_text",
        "2020-01-03/2020-01-17",
        rule="time_ends_after_report",
        decision="warn",
        row=Where(predicate="time", quote=containing("about a week after")),
    ),
    CellEdit(
        "'on Tuesday' widened to the seven days before the document",
        "claims",
        "value_text",
        "2020-01-08/2020-01-14",
        rule="time_relative",
        decision="warn",
        row=Where(predicate="time", quote="on Tuesday"),
    ),
    CellEdit(
        "'last month' widened to two months",
        "claims",
        "value_text",
        "2021-05-01/2021-06-30",
        rule="time_relative",
        decision="warn",
        row=Where(predicate="time", quote="last month"),
    ),
    CellEdit(
        "rockets coded as missiles",
        "claims",
        "value_code",
        "missile",
        rule="value_code_worded",
        row=Where(predicate="weapon", value_text="rockets"),
    ),
    CellEdit(
        "a platform's words written over its code: 'planes' on a claim coded drone",
        "claims",
        "value_text",
        "planes",
        rule="value_code_worded",
        reported_in="value_code",
        row=Where(predicate="launch_platform", value_code="drone"),
    ),
    CellEdit(
        "named planes coded as naming no platform",
        "claims",
        "value_code",
        "unknown",
        rule="value_code_worded",
        row=Where(predicate="launch_platform", value_text=containing("planes")),
    ),
    CellEdit(
        "a place in Syria coded as Iraq",
        "claims",
        "value_code",
        "IRQ",
        rule="place_code_worded",
        decision="warn",
        row=Where(predicate="place", value_text=containing("Syria")),
    ),
    CellEdit(
        "killed militia officers given as civilians",
        "claims",
        "victim_status",
        "civilian",
        rule="victim_status_worded",
        row=Where(victim_group=containing("militia officers")),
    ),
    CellEdit(
        "killed fighters given as victims of unknown status",
        "claims",
        "victim_status",
        "unknown",
        rule="victim_status_worded",
        row=Where(victim_group=containing("fighters")),
    ),
    CellEdit(
        "militia officers recoded as civilians",
        "claims",
        "victim_group",
        "civilians",
        rule="victim_group_worded",
        row=Where(victim_group=containing("militia officers")),
    ),
    CellEdit(
        "what Haaretz reports recorded as its denial",
        "claims",
        "stance",
        "denies",
        rule="stance_unworded",
        decision="warn",
        row=Where(attribution_quote=containing("According to Haaretz")),
    ),
    CellEdit(
        "strikes 'attributed to' Israel recorded as asserted",
        "claims",
        "stance",
        "asserts",
        rule="stance_worded",
        row=Where(hedging="attributed to"),
        exact=False,  # own_voice_reports sees the document asserting it too
    ),
    CellEdit(
        "experts who 'have questioned' recorded as asserting",
        "claims",
        "stance",
        "asserts",
        rule="stance_worded",
        row=Where(hedging="have questioned"),
    ),
    CellEdit(
        "an image Reuters cannot verify recorded as asserted",
        "claims",
        "stance",
        "asserts",
        rule="stance_worded",
        row=Where(hedging=containing("UNABLE TO INDEPENDENTLY VERIFY")),
    ),
    CellEdit(
        "hedge swapped for a word the document does not use",
        "claims",
        "hedging",
        "confirmed",
        rule="hedging_worded",
        row=Where(hedging="said"),
    ),
    CellEdit(
        "claim credited to an actor its attribution words do not name",
        "claims",
        "claimant_actor_id",
        "act-haaretz",
        rule="claimant_named",
        row=Where(claimant_actor_id="act-sana"),
    ),
    CellEdit(
        "claim credited to the actor its note names, not the one its attribution words name",
        "claims",
        "claimant_actor_id",
        "act-rami-abdel-rahman",
        rule="claimant_named",
        row=Where(claim_id="clm-000-022"),
    ),
    CellEdit(
        "claim whose attribution words name no one credited to another actor",
        "claims",
        "claimant_actor_id",
        "act-usa",
        rule="claimant_named",
        row=Where(attribution_quote="The source claimed"),
    ),
    CellEdit(
        "note no longer says who 'The source' is",
        "claims",
        "curator_note",
        "The seed does not say through which report this official's words reached it.",
        rule="claimant_named",
        reported_in="claimant_actor_id",
        row=Where(attribution_quote="The source claimed"),
    ),
    CellEdit(
        "relation moved to an actor its quote does not name",
        "actor_relations",
        "object_actor_id",
        "act-russia",
        rule="relation_named",
        row=Where(relation="backed_by"),
    ),
    # A state whose name starts another actor's: those words name the other actor, not the state.
    CellEdit(
        "claim moved to the state whose name starts its claimant's",
        "claims",
        "claimant_actor_id",
        "act-syria",
        rule="claimant_named",
        row=Where(claimant_actor_id="act-sohr"),
    ),
    CellEdit(
        "value actor moved to the state whose name starts the quoted actor's",
        "claims",
        "value_actor_id",
        "act-syria",
        rule="value_actor_named",
        row=Where(claim_id="clm-000-015"),
    ),
    CellEdit(
        "relation moved to the state whose name starts its actor's",
        "actor_relations",
        "object_actor_id",
        "act-russia",
        rule="relation_named",
        row=Where(relation_id="rel-irgc-cooperates-with-russian-air-force"),
    ),
    CellEdit(
        "report given to the state whose name starts its publisher's",
        "sources",
        "publisher_actor_id",
        "act-israel",
        rule="publisher_named",
        row=Where(source_id="src-israel-hayom-2021-07-homs"),
        exact=False,
    ),
    CellEdit(
        "relation moved to the state its actor is part of",
        "actor_relations",
        "object_actor_id",
        "act-iran",
        rule="relation_within",
        row=Where(relation_id="rel-irgc-cooperates-with-russian-air-force"),
        exact=False,
    ),
    CellEdit(
        "open end of a range written as a far date",
        "events",
        "date_end",
        "9999-12-31",
        rule="ended_by_reports",
        row=Where(date_precision="range"),
    ),
    CellEdit(
        "state visit placed in the visitor's country",
        "events",
        "country",
        "RUS",
        rule="place_claimed",
        row=Where(event_type="state_visit"),
    ),
    CellEdit(
        "event attributed to an actor no claim blames",
        "events",
        "attributed_actor_id",
        "act-usa",
        rule="attribution_claimed",
        row=Where(attribution_status="alleged"),
    ),
    CellEdit("wikidata_id that is not an item ID", "actors", "wikidata_id", "Syria", rule="pattern"),
    CellEdit(
        "actor related to itself",
        "actor_relations",
        "object_actor_id",
        copied_from("subject_actor_id"),
        rule="relation_not_self",
    ),
    CellEdit(
        "relation quote_end equal to quote_start",
        "actor_relations",
        "quote_end",
        copied_from("quote_start"),
        rule="quote_offsets",
    ),
]

CELL_EDITS: list[CellEdit] = [
    *VALUES_AND_TYPES,
    *IDS_AND_REFERENCES,
    *ROW_RULES,
    *QUOTES_AND_SEED_PATHS,
    *UNCOVERED_SENTENCES,
    *CELL_CONTENTS,
    *SPREADSHEET_VALUES,
    *VOCABULARIES,
    *LOOK_ALIKE_IDS,
    *DATA_MODEL,
]
