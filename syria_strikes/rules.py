"""Every rule the validator and the build apply, declared once.

A rule has an id (what a report prints after ``rule:``), the area of the data it guards, the
case it protects against, the decision (reject, or warn), and the advice a curator reads in
docs/data-policy.md, whose table is generated from this registry. The words of each problem are
built where the rule is checked, from the offending cell or row: ``cell_words`` and the row rules'
``words`` in ``syria_strikes.checks``, and the reader's messages in ``syria_strikes.reading``.
A new rule is added here first; ``Problem.rule`` accepts only the ids declared here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

RuleId = Literal[
    "file_present",
    "file_declared",
    "file_inside",
    "file_regular",
    "file_readable",
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
    "header_width",
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
    "placeholder",
    "minimum",
    "maximum",
    "date_order",
    "precision_day",
    "precision_month",
    "precision_before",
    "coordinates_pair",
    "coordinates_site",
    "attributed_actor",
    "count_bounds",
    "count_has_unit",
    "unit_matches_predicate",
    "count_only_for_counts",
    "actor_value",
    "published_order",
    "pattern",
    "unique_id",
    "repeated_claim",
    "unique_value",
    "foreign_key",
    "list_items",
    "read_in_archive",
    "relay_chain",
    "reported_after_event",
    "parent_not_self",
    "parent_cycle",
    "quote_offsets",
    "quote_anchored",
    "quote_grapheme",
    "seed_inside",
    "seed_hash_pair",
    "archived_has_seed",
    "seed_present",
    "seed_hash",
    "seed_utf8",
    "seed_referenced",
    "clean_text",
    "max_length",
    "descriptor_present",
    "descriptor_json",
    "frictionless_descriptor",
    "descriptor_current",
]
Area = Literal[
    "Structure", "Values and types", "IDs and references", "Quotes and seeds", "Cell contents", "Descriptor", "Build"
]
Decision = Literal["reject", "warn"]

_ROW_RULE = "Says which columns disagree and the rule in words; a row whose cells already failed is not judged again."


@dataclass(frozen=True)
class Rule:
    """``then`` says what the validator still does after the fault; a ``safety_net`` rule guards
    against input that no known file produces, so no test can plant it."""

    id: RuleId
    area: Area
    protects: str
    advice: str
    decision: Decision = "reject"
    then: str = ""
    safety_net: bool = False


@dataclass(frozen=True)
class Accepted:
    """A spelling the policy accepts on purpose, listed beside the rules so the table is complete."""

    area: Area
    case: str
    decision: str


RULES: tuple[Rule, ...] = (
    # --- the file's structure (syria_strikes.reading) ----------------------------------------
    Rule(
        "file_present",
        "Structure",
        "A table's file is missing",
        "Restore `data/<table>.csv`; every table needs its file.",
    ),
    Rule(
        "file_declared",
        "Structure",
        "A copy of a table in `data/`: another CSV (`claims (1).csv`, `Claims.CSV`, `claims .csv` with a "
        "trailing space) or another extension (`claims.csv.bak`, `claims.tsv`); hidden files are left alone",
        "Move the edits into the real file and remove the copy; the validator never reads it.",
    ),
    Rule(
        "file_inside",
        "Structure",
        "A table's file, the descriptor or a seed is a symbolic link that leads outside the dataset folder "
        "(to `/proc/self/environ`, a home folder)",
        "Replace the link with the file itself; nothing outside the dataset is read, and no content is shown.",
        then="file not read",
    ),
    Rule(
        "file_regular",
        "Structure",
        "A named pipe (FIFO), device, socket or folder where a table's file, the descriptor or a seed belongs",
        "Says what stands there; replace it with a regular file. A named pipe never makes the validator wait.",
        then="file not read",
    ),
    Rule(
        "file_readable",
        "Structure",
        "A file or folder that cannot be read: no permission, or an input/output error",
        "Says why (permission denied: give the user running the command read access); never a traceback.",
        then="file not read",
    ),
    Rule(
        "not_empty",
        "Structure",
        "Empty file, only whitespace, or only a byte-order mark",
        "The file needs the header line (quoted in the message) and at least one row.",
    ),
    Rule("has_rows", "Structure", "Header but no row", "Every table needs at least one row."),
    Rule(
        "no_bom", "Structure", "UTF-8 byte-order mark", "Save as UTF-8 without BOM.", then="rest of file still checked"
    ),
    Rule(
        "utf8",
        "Structure",
        'Not UTF-8 (Windows-1252 from Excel\'s plain "CSV", Latin-1)',
        'Line and byte of the first bad byte; save as "CSV UTF-8" (the message says when the bytes look like '
        "Windows-1252).",
        then="table not read further",
    ),
    Rule(
        "lf_line_endings",
        "Structure",
        "CRLF or CR line endings, or a mix with LF",
        "Line of the first CR; use LF only.",
        then="rest of file still checked",
    ),
    Rule(
        "final_newline",
        "Structure",
        "No line break after the last row (also after a very long line)",
        "End the last line with a line break.",
    ),
    Rule(
        "blank_line",
        "Structure",
        "Blank line between rows, or blank lines at the end",
        "Delete the line; blank lines at the end are reported once.",
    ),
    Rule(
        "delimiter",
        "Structure",
        "Separated by `;`, tabs or `\\|` (European spreadsheet export)",
        'Save as "CSV UTF-8 (comma delimited)" or set the separator to `,`.',
        then="table not read further",
    ),
    Rule(
        "header_spaces",
        "Structure",
        "Spaces around header names (`actor_id, name`)",
        "The header must read exactly the declared names.",
        then="rows still checked",
    ),
    Rule(
        "header_unnamed",
        "Structure",
        "Unnamed columns (`…,curator_note,,`), as spreadsheets export",
        "Delete those columns; the message gives their positions.",
        then="rows still checked, those columns ignored",
    ),
    Rule(
        "header_unique",
        "Structure",
        "Column name twice",
        "Remove the second column.",
        then="table not read further",
    ),
    Rule(
        "header_declared",
        "Structure",
        "Undeclared column, misspelt name, name in another case (`Stance`)",
        "Remove it or declare it in `syria_strikes/metadata.py`; a misspelling is reported once, with "
        "\"did you mean 'stance'?\".",
    ),
    Rule("header_complete", "Structure", "Declared column missing", "Add the column.", then="table not read further"),
    Rule(
        "header_order",
        "Structure",
        "Columns out of order",
        "The message gives the canonical order.",
        then="rows still checked",
    ),
    Rule(
        "header_width",
        "Structure",
        "A header of more than 1,000 columns (the wrong file, a runaway export)",
        "The number of columns and the bound; reported at once, whatever the width.",
        then="table not read further",
    ),
    Rule(
        "field_count",
        "Structure",
        "Row with more or fewer fields than the header; a quote that swallows the next lines",
        "Check for a stray comma or an unclosed quote; the message says when the row runs on to later lines.",
        then="table not read further",
    ),
    Rule(
        "csv_quotes",
        "Structure",
        'Stray double quote inside an unquoted cell (`sa"id`), text after a closing quote, a quote never closed',
        "Wrap the cell in quotes and double the inner quote, or close the quote; readers disagree on such cells, "
        "so the cell's value is not used.",
    ),
    Rule(
        "canonical_quoting",
        "Structure",
        'Quotes around cells that need none (`"asserts"`, "quote all text cells")',
        "Save with minimal quoting; the message counts the lines affected.",
        then="once per file",
    ),
    Rule(
        "csv_syntax",
        "Structure",
        "Text the CSV reader refuses outright",
        "The line where reading stopped and the reader's words (a safety net: no known input reaches it).",
        then="table not read further",
        safety_net=True,
    ),
    Rule(
        "header_repeated",
        "Structure",
        "The header line pasted again among the rows",
        "Delete the row.",
        then="the row is dropped, not checked",
    ),
    Rule(
        "empty_row",
        "Structure",
        "A row of empty cells (`,,,,,`) that a spreadsheet exported",
        "Delete the row.",
        then="the row is dropped, not checked",
    ),
    # --- values and types (reading's typed conversion, checks.cells, checks.rows) ------------
    Rule("required", "Values and types", "Required cell empty", "Give the value."),
    Rule(
        "type_integer",
        "Values and types",
        "Word, thousands separator, decimal point, exponent (`1.2E+02`), plus sign, leading zero, more than 18 "
        "digits, non-ASCII digits in an integer",
        "Names the spreadsheet habit and the canonical spelling (`1,000` → write 1000; `4.0` → write 4; "
        "`1.2E+02` → format the column as text, 120; `٤` → use 0-9).",
    ),
    Rule(
        "type_number",
        "Values and types",
        "Word, decimal comma (`34,52`), exponent, non-ASCII digits in a number",
        "Names the fault; a decimal point, plain decimals.",
    ),
    Rule(
        "type_date",
        "Values and types",
        "Date in another order (`14/01/2020`), with a time (`2020-01-14T10:00`, `2020-01-14 00:00:00`), a "
        "spreadsheet day number (`43844`), spaces around it, non-ASCII digits; an impossible date (`2020-02-30`); "
        "the year `0000`, which Python, frictionless and Arrow cannot read",
        "Names the fault; for a day number, the date it stands for; write `YYYY-MM-DD`; an impossible date is "
        "not a real calendar date; dates run from `0001-01-01` to `9999-12-31`.",
    ),
    Rule(
        "enum",
        "Values and types",
        "Value outside its vocabulary; another case (`Asserts`); words for a code (`air strike`); `TRUE`/`FALSE`",
        "Lists the allowed codes; for a case or spacing variant, \"did you mean 'asserts'?\".",
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
    ),
    Rule(
        "minimum",
        "Values and types",
        "Below the minimum (negative count or offset, latitude below -90)",
        "Counts and offsets cannot be negative.",
    ),
    Rule("maximum", "Values and types", "Above the maximum (latitude 200)", "States the bound."),
    Rule("date_order", "Values and types", "An event's `date_end` before its `date_start`", _ROW_RULE),
    Rule("precision_day", "Values and types", "Precision `day` with two different dates", _ROW_RULE),
    Rule(
        "precision_month",
        "Values and types",
        "Precision `month` without the first and last day of one calendar month",
        _ROW_RULE,
    ),
    Rule(
        "precision_before",
        "Values and types",
        "`date_start` given with precision `before`, or missing with any other precision",
        _ROW_RULE,
    ),
    Rule("coordinates_pair", "Values and types", "A latitude without a longitude, or the reverse", _ROW_RULE),
    Rule("coordinates_site", "Values and types", "Coordinates on a place that is not a `site`", _ROW_RULE),
    Rule(
        "attributed_actor",
        "Values and types",
        "An attributed actor without an `acknowledged` or `alleged` attribution, or such an attribution without one",
        _ROW_RULE,
    ),
    Rule("count_bounds", "Values and types", "Count bounds out of order (`value_low` > `value`)", _ROW_RULE),
    Rule("count_has_unit", "Values and types", "A count predicate without a unit, or a unit elsewhere", _ROW_RULE),
    Rule("unit_matches_predicate", "Values and types", "A unit that is not the predicate's unit", _ROW_RULE),
    Rule("count_only_for_counts", "Values and types", "A count on a predicate that takes none", _ROW_RULE),
    Rule(
        "actor_value",
        "Values and types",
        "An actor predicate naming neither an actor nor `value_text`",
        _ROW_RULE,
    ),
    Rule("published_order", "Values and types", "A source's `published_end` before its `published_start`", _ROW_RULE),
    # --- IDs and references (checks.cells, checks.relations) --------------------------------
    Rule(
        "pattern",
        "IDs and references",
        "ID or reference not of its form: uppercase, look-alike letters (Cyrillic `\u0430`), typographic hyphen "
        "(U+2011), fullwidth or Arabic-Indic digits, spaces inside; a `seed_path` not of the form `seeds/<file>`",
        "The required form and an example; names the offending character by its Unicode name and, where it can, "
        "what the ID reads as once fixed. A damaged key does not make every reference to it dangle: one fault, "
        "one line.",
    ),
    Rule(
        "unique_id",
        "IDs and references",
        "Primary key repeated; a whole row duplicated",
        'The line it repeats; for a duplicated row, "delete one of the two".',
    ),
    Rule(
        "repeated_claim",
        "IDs and references",
        "The same claim entered twice under two IDs (identical but for `claim_id` and `curator_note`)",
        "The line it repeats; one voice must not count twice in the derived views.",
    ),
    Rule(
        "unique_value",
        "IDs and references",
        "Another unique column repeated (two sources with the same `seed_path`)",
        "The line it repeats.",
    ),
    Rule(
        "foreign_key",
        "IDs and references",
        "Reference to an ID that does not exist, also inside a `\\|` list",
        "Names the table whose key it must be.",
    ),
    Rule(
        "list_items", "IDs and references", "Empty item or spaces in a `\\|` list", "Empty item or spaces around `\\|`."
    ),
    Rule(
        "read_in_archive",
        "IDs and references",
        "Claim read in a source that has no seed file",
        "A claim is read in an archived document.",
    ),
    Rule(
        "relay_chain",
        "IDs and references",
        "Reporting chain lists the claim's own source, or one source twice",
        "Each source relays a claim once, before the archived one.",
    ),
    Rule(
        "reported_after_event",
        "IDs and references",
        "Source published before the event it reports began",
        "Both dates.",
    ),
    Rule("parent_not_self", "IDs and references", "Actor its own parent", "An actor cannot be its own parent."),
    Rule("parent_cycle", "IDs and references", "Parents in a loop", "The chain of parent actors loops back."),
    # --- quotes and seeds (checks.rows, checks.provenance) ----------------------------------
    Rule(
        "quote_offsets",
        "Quotes and seeds",
        "`quote_start` not before `quote_end`",
        "`quote_end` is the offset just past the last character.",
        then="quote not compared",
    ),
    Rule(
        "quote_anchored",
        "Quotes and seeds",
        "Quote not at its offsets; offsets beyond the seed; quote edited; curly quotes or apostrophes straightened; "
        "a no-break space or a dash typed differently",
        "What the seed has at those offsets; where the exact quote is found (set the offsets to those); or which "
        "kind of character differs (quotation marks, spaces, dashes) and the offsets to copy from.",
    ),
    Rule(
        "quote_grapheme",
        "Quotes and seeds",
        "Quote offsets that cut a user-perceived character in two: a letter from its combining accent, an emoji "
        "sequence or a flag (Unicode grapheme clusters)",
        "Widen the quote to the whole character.",
    ),
    Rule(
        "seed_inside",
        "Quotes and seeds",
        "`seed_path` outside `seeds/` (`../`, absolute, through a link)",
        "A seed path names a file directly inside `seeds/`.",
    ),
    Rule(
        "seed_hash_pair",
        "Quotes and seeds",
        "`seed_path` without `sha256`, or a hash without a seed",
        "Give both for an archived file, neither otherwise.",
    ),
    Rule(
        "archived_has_seed",
        "Quotes and seeds",
        "A seed file on a source whose kind is not `archived_article`, or the reverse",
        "A source has a `seed_path` exactly when its kind is `archived_article`.",
    ),
    Rule("seed_present", "Quotes and seeds", "Seed file missing", "Restore it from the archive."),
    Rule(
        "seed_hash",
        "Quotes and seeds",
        "Seed file changed, even by one byte",
        "Seed files are never edited: restore the original; the message gives the file's hash.",
        then="its quotes are not checked",
    ),
    Rule("seed_utf8", "Quotes and seeds", "Seed file not UTF-8", "The byte offset."),
    Rule(
        "seed_referenced",
        "Quotes and seeds",
        "File in `seeds/` that no source names",
        "Add its source row or remove it.",
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
    ),
    Rule(
        "max_length",
        "Cell contents",
        "Longer than the column's limit (a pasted paragraph); over 100,000 characters (a pasted document, a "
        "runaway export), reported as soon as the file is read",
        "The length and the limit; a cell over 100,000 characters is left out of every other rule.",
    ),
    # --- the descriptor (checks.datapackage) -------------------------------------------------
    Rule(
        "descriptor_present",
        "Descriptor",
        "`datapackage.json` missing",
        "Run `python -m syria_strikes generate`.",
    ),
    Rule(
        "descriptor_json",
        "Descriptor",
        "Not UTF-8 JSON, not a JSON object, a key repeated in one object, nesting deeper than 64 levels, `NaN`",
        "Says which; a Data Package descriptor is one object, each key once.",
        then="descriptor not read further",
    ),
    Rule(
        "frictionless_descriptor",
        "Descriptor",
        "Not a valid Data Package to Frictionless",
        "Frictionless's own words.",
    ),
    Rule(
        "descriptor_current",
        "Descriptor",
        "Edited by hand, or out of date with `syria_strikes/metadata.py`",
        "Run `python -m syria_strikes generate` and commit the result.",
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
