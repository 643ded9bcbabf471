"""The one zip of a release, as `syria-strikes bundle` writes it and the site offers it.

A reader who downloads a release needs, beside its data, a README saying what each file holds,
the data dictionary, how to cite it (``CITATION.cff``) and under which terms (both licences).
The bundle and the site's download page build their zip here, from the same entries by the same
writer, so the two are one file with one checksum: entries sorted, stamped 1980-01-01 00:00, mode
0644, stored uncompressed, with no comment and no extra fields. Stored, not deflated: deflate's
output is the zlib build's (zlib, zlib-ng, Apple's), so a deflated zip rebuilt elsewhere from the same
release had other bytes and another checksum; Parquet is compressed already.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from syria_strikes.dictionary import data_dictionary
from syria_strikes.files import spreadsheet_copies
from syria_strikes.metadata import REPOSITORY_URL, TABLES
from syria_strikes.safefiles import FileRefused, read_file

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644
COMPRESSION = zipfile.ZIP_STORED
CITATION = "CITATION.cff"
# The fields of CITATION.cff that ``citation_parts`` cites by.
CITED_FIELDS = ("title", "date-released")
# Read from the dataset's root, beside data/ and seeds/.
REPOSITORY_FILES = (CITATION, "LICENSE", "LICENSE-DATA")
README = "README.md"
DICTIONARY = "data-dictionary.md"
COMPANION_FILES = (README, DICTIONARY, *REPOSITORY_FILES)
# What the zip's name and its one top folder start with, before the version.
BUNDLE_PREFIX = "syria-strikes-data-"
POINT_TO_ONE = "To point to one claim, event, actor or source, add its identifier (such as `clm-002-012`)."
# Advice the zip's README and the site's download page both give, written once.
EXCEL_IMPORT = (
    "If Excel puts each row in one column (it does where the language set uses a semicolon between "
    "list items, as in much of Europe), import the file instead: Data > From Text/CSV, delimiter Comma."
)
IDENTIFIERS_KEPT = "Identifiers are never reused or renumbered from one version to the next."
# The event summary as a CSV file (``derived.summary_csv``): made from claims.csv and events.csv,
# not one of the release's tables, and described once for the zip's README and the download page.
SUMMARY_FILE = "event-summary.csv"
SUMMARY_WORDS = (
    "Where the accounts of each event agree and where they disagree: one row per event and predicate, "
    "with how many claims and claimants, their stances, whether they are contested and why, and the "
    "range of the counts given. Made from the claims and events tables; it adds nothing to them."
)
# Every file ``loader.derived_files`` makes, by name.
DERIVED_FILES = (SUMMARY_FILE,)
# The summary's columns in the order the file gives them, each with what it holds, for the zip's
# README: a reader of the zip may have no network to read docs/derived-views.md. No '|' here: it
# would split a cell of the README's table.
SUMMARY_COLUMNS = (
    ("event_id", "the event (`events.csv`)"),
    ("category", "strike or context event, as in `events.csv`"),
    ("record_kind", "one event, or an aggregate of events the sources do not tell apart, as in `events.csv`"),
    ("identification", "how surely the event is matched to a dated real-world event, as in `events.csv`"),
    ("event_claims", "claims about the event (repeated on each of its rows)"),
    ("event_claimants", "distinct claimants about the event"),
    ("contested_predicates", "the event's contested predicates, separated by a vertical bar; empty when none"),
    ("event_contested", "true when any predicate of the event is contested"),
    ("predicate", "what the claims of this row are about; empty for an event without claims"),
    ("claims", "claims about the event with this predicate"),
    ("claimants", "distinct claimants among them"),
    ("stances", "their distinct stances, separated by a vertical bar"),
    ("stances_differ", "two or more claimants take different sides"),
    ("counts_differ", "accounts give different numbers (for the same victim status)"),
    ("actors_differ", "accounts name different actors (who carried it out, who helped)"),
    ("codes_differ", "accounts give codes with nothing in common (planes against drones)"),
    ("times_differ", "accounts give times that do not overlap"),
    ("contested", "true when any of the five reasons above holds"),
    ("unit", "what the counts count"),
    ("low", "the lowest count an account gives; empty as said above"),
    ("high", "the highest count an account gives; empty as said above"),
    ("victim_statuses", "the victim statuses the counts are of, separated by a vertical bar"),
)


class CompanionError(Exception):
    """A file the zip must carry beside the data cannot be read; ``missing`` names absent ones."""

    def __init__(self, words: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__(words)
        self.missing = missing


def bundle_name(version: str) -> str:
    """The zip's file name; e.g. ``bundle_name("0.1.0") == "syria-strikes-data-0.1.0.zip"``."""
    return f"{BUNDLE_PREFIX}{version}.zip"


def missing_repository_files(root: Path) -> tuple[str, ...]:
    """The citation and licence files absent from the dataset's root, said before any work is done."""
    return tuple(name for name in REPOSITORY_FILES if not (root / name).is_file())


def repository_files(root: Path) -> dict[str, bytes]:
    """The citation and both licences, read as the dataset's own files are: a link leading out of
    the dataset would put someone else's file into a zip meant for publication."""
    missing = missing_repository_files(root)
    if missing:
        raise CompanionError(f"{', '.join(missing)} not found in {root}", missing)
    contents = {}
    for name in REPOSITORY_FILES:
        try:
            contents[name] = read_file(root / name, root)[0]
        except FileNotFoundError:
            raise CompanionError(f"{name} not found in {root}", (name,)) from None
        except FileRefused as refused:
            raise CompanionError(f"{root / name}: {refused.words} [rule: {refused.rule}]") from None
    for field in CITED_FIELDS:  # read now, so that a citation the README cannot give is named before any work
        cff_field(citation_of(contents), field, where=root / CITATION)
    return contents


def zip_files(
    release_files: dict[str, bytes],
    derived: dict[str, bytes],
    version: str,
    covered: str,
    repository: dict[str, bytes],
) -> dict[str, bytes]:
    """Every file of the zip by its name under the top folder: the release's files, the CSVs derived
    from them (``loader.derived_files``), the spreadsheet copies of both, the README, the data
    dictionary, the citation and the licences. The site's download folder offers these same files
    one by one."""
    spreadsheets = {declared.file_name: release_files[declared.file_name] for declared in TABLES}
    return {
        **dict(sorted(release_files.items())),
        **dict(sorted(derived.items())),
        **spreadsheet_copies({**spreadsheets, **derived}),
        **companion_files(version, covered, repository),
    }


def in_top_folder(files: dict[str, bytes], version: str) -> dict[str, bytes]:
    """``files`` by their paths inside the zip: one top folder, so that unpacking it litters nothing."""
    top = f"{BUNDLE_PREFIX}{version}/"
    return {top + name: data for name, data in files.items()}


def companion_files(version: str, covered: str, repository: dict[str, bytes]) -> dict[str, bytes]:
    """The README, the data dictionary and the repository's citation and licences, by file name."""
    return {
        README: bundle_readme(version, covered, citation_of(repository)).encode(),
        DICTIONARY: data_dictionary().encode("utf-8"),
        **repository,
    }


def citation_of(repository: dict[str, bytes]) -> str:
    """CITATION.cff's text from ``repository_files``; a byte that is not UTF-8 must not stop a build
    whose README and download page quote only its title and year."""
    return repository[CITATION].decode("utf-8", errors="replace")


def zipped(entries: dict[str, bytes]) -> bytes:
    """The zip of ``entries``; the same entries give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = 3  # Unix, so the mode below is read as one
            info.external_attr = FILE_MODE << 16
            archive.writestr(info, entries[name], compress_type=COMPRESSION)
    return buffer.getvalue()


def citation_parts(version: str, citation: str) -> tuple[str, str, str]:
    """How to cite this version, from CITATION.cff's title and release year: the words before the
    title, the title (set in italics), and the words after it."""
    year = cff_field(citation, "date-released")[:4]
    return (
        f"syria-strikes curators ({year}). ",
        cff_field(citation, "title"),
        f" (version {version}) [Data set]. CC BY 4.0. {REPOSITORY_URL}",
    )


def citation_text(version: str, citation: str) -> str:
    """``citation_parts`` as one line of Markdown."""
    before, title, after = citation_parts(version, citation)
    return f"{before}*{title}*{after}"


def bundle_readme(version: str, covered: str, citation: str) -> str:
    """The README inside the zip, for readers with a spreadsheet, R or a database browser."""
    tables = "\n".join(f"| `{t.name}.csv` | {t.description} |" for t in TABLES)
    summary_columns = "\n".join(f"| `{name}` | {meaning} |" for name, meaning in SUMMARY_COLUMNS)
    list_columns = ", ".join(
        f"`{declared.name}.{column.name}`"
        for declared in TABLES
        for column in declared.columns
        if column.type == "list"
    )
    return f"""# syria-strikes data {version}

Claims about air and missile strikes in Syria and the events around them, each quoted verbatim
from the archived document it was read in, with who made it and through which reports it came.
Rival accounts stay side by side, one row per claim.

This release holds {covered}

Source and documentation: {REPOSITORY_URL}

## Files

| file | what it holds |
|---|---|
{tables}
| `{SUMMARY_FILE}` | {SUMMARY_WORDS} |
| `*.parquet` | the same tables with their types (dates, integers, lists), for DuckDB, R's arrow, Spark, Polars |
| `syria-strikes.sqlite` | every table in one SQLite database, with keys, constraints, search indexes and named views |
| `datasette-metadata.json` | titles and facets for browsing the database with Datasette |
| `events.geojson` | the events for map tools: a point where the site is located, a null geometry otherwise |
| `claims.annotations.jsonld` | every claim as a W3C Web Annotation on its document, for Hypothesis or INCEpTION |
| `excel/*.csv` | the same CSVs with a UTF-8 byte-order mark, so that Excel shows accents and quotes correctly |
| `datapackage.json` | Frictionless descriptor: every column's type and rules, every file's size and SHA-256 |
| `data-dictionary.md` | what every column means and which values it allows |
| `CITATION.cff` | how to cite this version |
| `LICENSE-DATA`, `LICENSE` | CC BY 4.0 for the data; MIT for the code that built it |

The CSVs are UTF-8 without a byte-order mark, comma-separated, one header row; an empty cell
means missing. Only these columns hold lists, their items separated by `|`: {list_columns}; a `|`
in any other cell is part of its text. Dates are written YYYY-MM-DD. Join tables on their `*_id`
columns (`claimant_actor_id` is an `actor_id` of `actors.csv`, `source_id` a `source_id` of
`sources.csv`, and so on).

## Who claimed what, in which words

Each row of `claims.csv` is one party's claim about one event. `claimant_actor_id` says who makes
it (its name is in `actors.csv`); `predicate` what it is about (that the event happened, who
carried it out, how many were killed ...); `stance` whether the claimant asserts it, denies,
disputes or questions it, only reports it, among others; `quote` holds the claim's exact words,
`attribution_quote` the words that name the claimant ("Syrian state media said") and `hedging`
the source's own hedging words, with " … " between words the document writes apart ("a number of
… said"); `relayed_via`
lists the reports it passed through on its way into the archived document. Where accounts
disagree, rows with the same `event_id` and `predicate` differ in `stance`, in count (`value`,
`value_low`, `value_high`), in the actor they name (`value_actor_id`) or in their codes
(`value_code`). `data-dictionary.md` defines every column and code.

`{SUMMARY_FILE}` has done that comparison for you: for each event (`event_id`) and predicate,
`contested` is true when the accounts disagree, and `stances_differ`, `counts_differ`,
`actors_differ`, `codes_differ` and `times_differ` say how. A claim that only reports what others
say, or makes no comment, takes no side and contests nothing. `low` and `high` span the counts the
accounts give; they stay empty where one leaves that side open ("at least eight" has no highest),
and both do where the accounts count different victims (combatants and civilians are no range).
An event without claims has one row with an empty `predicate`. Its columns, in order (more at
{REPOSITORY_URL}/blob/main/docs/derived-views.md):

| column | what it holds |
|---|---|
{summary_columns}

## The archived documents

The documents the claims quote are not in this zip: they remain their publishers'. The
repository keeps each one, byte for byte, in its `seeds/` folder ({REPOSITORY_URL}/tree/main/seeds),
at the path that `sources.csv` gives in `seed_path`, with its SHA-256 in `sha256`. A claim's
`quote_start` and `quote_end` count characters (Unicode code points) of that file from 0; the
quote runs up to, not including, its end.

## Open it

{_paragraph("- Excel or LibreOffice: open `excel/claims.csv` (or any other table). " + EXCEL_IMPORT)}
- R: `frictionless::read_package("datapackage.json")`, or `readr::read_csv("claims.csv")`.
- SQL: `duckdb -c "SELECT * FROM 'claims.parquet'"` or `sqlite3 syria-strikes.sqlite`.
- Check it: `frictionless validate datapackage.json` (rules and checksums).

## How to cite

Cite the version you used (details in `CITATION.cff`):

> {citation_text(version, citation)}

{_paragraph(f"{POINT_TO_ONE} {IDENTIFIERS_KEPT}")}

## Licences

The data is licensed under CC BY 4.0 (`LICENSE-DATA`); the code that built it under MIT
(`LICENSE`). The archived documents the claims quote remain their publishers'.
"""


def _paragraph(text: str) -> str:
    """``text`` wrapped as the rest of the README is, a list item's lines indented under it."""
    import textwrap

    return textwrap.fill(text, width=98, subsequent_indent="  " if text.startswith("- ") else "")


def cff_field(citation: str, field: str, where: Path | str = CITATION) -> str:
    """One top-level value of CITATION.cff, so that no README or page restates it by hand; ``where``
    names the file in the error."""
    match = re.search(rf'^{re.escape(field)}:\s*"?(.*?)"?\s*$', citation, flags=re.MULTILINE)
    if match is None:
        raise CompanionError(f"{where} has no {field!r}, which the zip's README and the download page cite")
    return match.group(1)
