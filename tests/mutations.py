"""The catalogue of corruptions: each damages a valid copy of the dataset in one way and says
where the validator must point (table, line, column, rule).

The test suite runs every entry; scripts/mutation_suite.py runs them through the real command
and counts how many were caught. ``exact`` means the corruption must give exactly one problem.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from dataset import Dataset

from syria_strikes.checks.provenance import STRAIGHTENED
from syria_strikes.metadata import COUNT_PREDICATES, TABLES


@dataclass(frozen=True)
class Expect:
    table: str
    row: int | None
    column: str | None
    rule: str
    exact: bool = True


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[Dataset], Expect]


CATALOGUE: list[Mutation] = []


def mutation(name: str):
    def register(function: Callable[[Dataset], Expect]) -> Callable[[Dataset], Expect]:
        CATALOGUE.append(Mutation(name, function))
        return function

    return register


def _set(ds: Dataset, table: str, index: int, column: str, value: str, rule: str, exact: bool = True) -> Expect:
    return Expect(table, ds.set_cell(table, index, column, value), column, rule, exact)


def _count_claim(ds: Dataset) -> int:
    return ds.find("claims", predicate=lambda p: p in COUNT_PREDICATES, value=lambda v: v != "")


def _seed_source(ds: Dataset) -> int:
    return ds.find("sources", seed_path=lambda p: p != "")


def _line_of_header_change(
    ds: Dataset, table: str, edit: Callable[[list[str]], list[str]], rule: str, column: str | None, exact: bool = True
) -> Expect:
    lines = ds.raw(table).decode("utf-8").split("\n")
    lines[0] = ",".join(edit(lines[0].split(",")))
    ds.write_raw(table, "\n".join(lines).encode("utf-8"))
    return Expect(table, 1, column, rule, exact)


# --- values and types -----------------------------------------------------------------------
@mutation("missing required value")
def _(ds):
    return _set(ds, "claims", 0, "stance", "", "required")


@mutation("wrong type: word in an integer column")
def _(ds):
    return _set(ds, "claims", 0, "quote_start", "12a", "type_integer")


@mutation("wrong type: word in a number column")
def _(ds):
    return _set(ds, "events", 0, "latitude", "north", "type_number")


@mutation("date in another format")
def _(ds):
    return _set(ds, "events", 0, "date_end", "14/01/2020", "type_date")


@mutation("impossible date 2020-02-30")
def _(ds):
    return _set(ds, "events", 0, "date_end", "2020-02-30", "type_date")


@mutation("date_end before date_start")
def _(ds):
    index = ds.find("events", date_start=lambda d: d != "")
    return _set(ds, "events", index, "date_end", "2000-01-01", "date_order")


@mutation("value outside its enum")
def _(ds):
    return _set(ds, "claims", 0, "stance", "assert", "enum")


@mutation("low greater than high")
def _(ds):
    index = _count_claim(ds)
    ds.set_cell("claims", index, "value_high", "1")
    return _set(ds, "claims", index, "value_low", "100", "count_bounds")


@mutation("negative count")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "-3", "minimum")


@mutation("claim whose event starts after its source was published")
def _(ds):
    index = ds.find("events", date_start=lambda d: d != "")
    ds.set_cell("events", index, "date_start", "2030-01-01")
    ds.set_cell("events", index, "date_end", "2030-01-01")
    event_id = ds.rows("events")[index]["event_id"]
    claim = ds.find("claims", event_id=event_id)
    return Expect("claims", claim + 2, "source_id", "reported_after_event", exact=False)


@mutation("negative latitude beyond -90")
def _(ds):
    return _set(ds, "events", 0, "latitude", "-95.5", "minimum")


# --- IDs and references -----------------------------------------------------------------------
@mutation("duplicate ID")
def _(ds):
    rows = ds.rows("actors")
    ds.write_rows("actors", [*rows, rows[0]])
    return Expect("actors", len(rows) + 2, "actor_id", "unique_id")


@mutation("trailing space in an ID")
def _(ds):
    value = ds.rows("claims")[0]["claim_id"]
    return _set(ds, "claims", 0, "claim_id", value + " ", "clean_text")


@mutation("leading space in a referenced ID")
def _(ds):
    value = ds.rows("events")[0]["event_id"]
    return _set(ds, "events", 0, "event_id", " " + value, "clean_text")


@mutation("ID that breaks its pattern")
def _(ds):
    return _set(ds, "claims", 0, "claim_id", "claim-1", "pattern")


def _dangling(table: str, column: str, target: str):
    placeholder = {
        "actors": "act-nobody",
        "sources": "src-nobody",
        "events": "evt-2020-nobody",
        "claims": "clm-999-999",
    }[target]

    def apply(ds: Dataset) -> Expect:
        return _set(ds, table, 0, column, placeholder, "foreign_key")

    return apply


for _table in TABLES:
    for _column in _table.columns:
        if _column.references:
            mutation(f"dangling reference in {_table.name}.{_column.name}")(
                _dangling(_table.name, _column.name, _column.references)
            )


@mutation("dangling item inside the reporting chain")
def _(ds):
    index = ds.find("claims", relayed_via=lambda v: v != "")
    chain = ds.rows("claims")[index]["relayed_via"]
    return _set(ds, "claims", index, "relayed_via", chain + "|src-nobody", "foreign_key")


@mutation("reporting chain repeats a source")
def _(ds):
    index = ds.find("claims", relayed_via=lambda v: v != "")
    chain = ds.rows("claims")[index]["relayed_via"]
    return _set(ds, "claims", index, "relayed_via", f"{chain}|{chain.split('|')[0]}", "relay_chain")


@mutation("empty item in a list")
def _(ds):
    index = ds.find("claims", relayed_via=lambda v: v != "")
    chain = ds.rows("claims")[index]["relayed_via"]
    return _set(ds, "claims", index, "relayed_via", chain + "||", "list_items")


@mutation("claim read in a source that is not archived")
def _(ds):
    sources = ds.rows("sources")
    report = {**sources[ds.find("sources", seed_path="")], "source_id": "src-uncited-report"}
    ds.write_rows("sources", [*sources, report])
    return _set(ds, "claims", 0, "source_id", "src-uncited-report", "read_in_archive")


@mutation("actor is its own parent")
def _(ds):
    return _set(ds, "actors", 0, "parent_actor_id", ds.rows("actors")[0]["actor_id"], "parent_not_self")


@mutation("parent actors form a loop")
def _(ds):
    child = ds.find("actors", parent_actor_id=lambda p: p != "")
    row = ds.rows("actors")[child]
    parent = ds.find("actors", actor_id=row["parent_actor_id"])
    ds.set_cell("actors", parent, "parent_actor_id", row["actor_id"])
    return Expect("actors", child + 2, "parent_actor_id", "parent_cycle", exact=False)


# --- row rules --------------------------------------------------------------------------------
@mutation("precision 'day' on a multi-day interval")
def _(ds):
    index = ds.find("events", date_precision="day")
    ds.set_cell("events", index, "date_end", "2099-12-31")
    return Expect("events", index + 2, "date_precision", "precision_day")


@mutation("precision 'month' on days that are not a month")
def _(ds):
    index = ds.find("events", date_precision="day")
    return _set(ds, "events", index, "date_precision", "month", "precision_month")


@mutation("date_start missing without precision 'before'")
def _(ds):
    index = ds.find("events", date_precision="day")
    return _set(ds, "events", index, "date_start", "", "precision_before")


@mutation("latitude without longitude")
def _(ds):
    index = ds.find("events", latitude=lambda v: v != "")
    ds.set_cell("events", index, "longitude", "")
    return Expect("events", index + 2, "latitude", "coordinates_pair")


@mutation("coordinates for a place that is not a site")
def _(ds):
    index = ds.find("events", latitude="")
    ds.set_cell("events", index, "place_precision", "governorate")
    ds.set_cell("events", index, "longitude", "37.6")
    return _set(ds, "events", index, "latitude", "34.5", "coordinates_site")


@mutation("attributed actor without an attribution")
def _(ds):
    index = ds.find("events", attributed_actor_id=lambda a: a != "")
    ds.set_cell("events", index, "attribution_status", "unattributed")
    return Expect("events", index + 2, "attributed_actor_id", "attributed_actor")


@mutation("count predicate without a unit")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "unit", "", "count_has_unit")


@mutation("count on a predicate that takes none")
def _(ds):
    index = ds.find("claims", predicate="attribution")
    return _set(ds, "claims", index, "value", "3", "count_only_for_counts")


@mutation("attribution without the actor it names")
def _(ds):
    index = ds.find("claims", predicate="attribution")
    ds.set_cell("claims", index, "value_text", "")
    return _set(ds, "claims", index, "value_actor_id", "", "actor_value")


@mutation("source published_end before published_start")
def _(ds):
    index = ds.find("sources", published_start=lambda d: d != "")
    ds.set_cell("sources", index, "published_start", "2099-01-01")
    return Expect("sources", index + 2, "published_end", "published_order")


@mutation("archived source without its hash")
def _(ds):
    return _set(ds, "sources", _seed_source(ds), "sha256", "", "seed_hash_pair")


@mutation("archived source of the wrong kind")
def _(ds):
    index = _seed_source(ds)
    ds.set_cell("sources", index, "kind", "news_article")
    return Expect("sources", index + 2, "seed_path", "archived_has_seed", exact=False)


# --- quotes and seeds -------------------------------------------------------------------------
@mutation("quote not at its offsets")
def _(ds):
    rows = ds.rows("claims")
    start, end = int(rows[0]["quote_start"]), int(rows[0]["quote_end"])
    ds.set_cell("claims", 0, "quote_start", str(start + 1))
    ds.set_cell("claims", 0, "quote_end", str(end + 1))
    return Expect("claims", 2, "quote", "quote_anchored")


@mutation("offsets out of range")
def _(ds):
    rows = ds.rows("claims")
    length = int(rows[0]["quote_end"]) - int(rows[0]["quote_start"])
    ds.set_cell("claims", 0, "quote_start", "900000")
    ds.set_cell("claims", 0, "quote_end", str(900000 + length))
    return Expect("claims", 2, "quote", "quote_anchored")


@mutation("quote with straightened curly quotes")
def _(ds):
    index = ds.find("claims", quote=lambda q: q != q.translate(STRAIGHTENED))
    straight = ds.rows("claims")[index]["quote"].translate(STRAIGHTENED)
    return _set(ds, "claims", index, "quote", straight, "quote_anchored")


@mutation("quote edited by one character")
def _(ds):
    quote = ds.rows("claims")[0]["quote"]
    return _set(ds, "claims", 0, "quote", quote[:-1] + ("x" if quote[-1] != "x" else "y"), "quote_anchored")


@mutation("seed file changed by one byte")
def _(ds):
    index = _seed_source(ds)
    path = ds.root / ds.rows("sources")[index]["seed_path"]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return Expect("sources", index + 2, "sha256", "seed_hash")


@mutation("seed file deleted")
def _(ds):
    index = _seed_source(ds)
    (ds.root / ds.rows("sources")[index]["seed_path"]).unlink()
    return Expect("sources", index + 2, "seed_path", "seed_present")


@mutation("seed file that is not UTF-8")
def _(ds):
    index = _seed_source(ds)
    path = ds.root / ds.rows("sources")[index]["seed_path"]
    path.write_bytes(path.read_bytes() + b"\xff")
    ds.set_cell("sources", index, "sha256", hashlib.sha256(path.read_bytes()).hexdigest())
    return Expect("sources", index + 2, "seed_path", "seed_utf8")


@mutation("unreferenced seed file")
def _(ds):
    (ds.root / "seeds" / "999_unlisted.txt").write_text("an extra document\n", encoding="utf-8")
    return Expect("seeds", None, None, "seed_referenced")


@mutation("seed path escaping seeds/ with ../")
def _(ds):
    return _set(ds, "sources", _seed_source(ds), "seed_path", "seeds/../data/actors.csv", "pattern")


@mutation("absolute seed path")
def _(ds):
    return _set(ds, "sources", _seed_source(ds), "seed_path", "/etc/passwd", "pattern")


@mutation("seed path through a link that leaves seeds/")
def _(ds):
    index = _seed_source(ds)
    (ds.root / "seeds" / "link.txt").symlink_to(ds.root / "data" / "actors.csv")
    return _set(ds, "sources", index, "seed_path", "seeds/link.txt", "seed_inside", exact=False)


# --- file structure ---------------------------------------------------------------------------
@mutation("extra undeclared column")
def _(ds):
    lines = ds.raw("actors").decode("utf-8").split("\n")
    ds.write_raw(
        "actors",
        "\n".join([lines[0] + ",notes"] + [line + ",x" if line else line for line in lines[1:]]).encode("utf-8"),
    )
    return Expect("actors", 1, "notes", "header_declared")


@mutation("missing column")
def _(ds):
    rows = ds.rows("claims")
    for row in rows:
        del row["hedging"]
    ds.write_rows("claims", rows, header=list(rows[0]))
    return Expect("claims", 1, "hedging", "header_complete")


@mutation("renamed header")
def _(ds):
    return _line_of_header_change(
        ds, "claims", lambda h: ["stanse" if c == "stance" else c for c in h], "header_declared", "stanse", exact=False
    )


@mutation("columns out of order")
def _(ds):
    rows = ds.rows("actors")
    order = list(rows[0])
    order[1], order[2] = order[2], order[1]
    ds.write_rows("actors", rows, header=order)
    return Expect("actors", 1, None, "header_order")


@mutation("UTF-8 byte-order mark")
def _(ds):
    ds.write_raw("actors", b"\xef\xbb\xbf" + ds.raw("actors"))
    return Expect("actors", 1, None, "no_bom")


@mutation("CRLF line endings")
def _(ds):
    ds.write_raw("sources", ds.raw("sources").replace(b"\n", b"\r\n"))
    return Expect("sources", 1, None, "lf_line_endings")


@mutation("non-UTF-8 bytes")
def _(ds):
    lines = ds.raw("events").split(b"\n")
    lines[1] = lines[1].replace(b"T4", b"T\xe94", 1) if b"T4" in lines[1] else lines[1] + b"\xe9"
    ds.write_raw("events", b"\n".join(lines))
    return Expect("events", 2, None, "utf8")


@mutation("empty file")
def _(ds):
    ds.write_raw("claims", b"")
    return Expect("claims", 1, None, "not_empty")


@mutation("header with no rows")
def _(ds):
    ds.write_raw("claims", ds.raw("claims").split(b"\n")[0] + b"\n")
    return Expect("claims", 1, None, "has_rows")


@mutation("missing file")
def _(ds):
    ds.path("events").unlink()
    return Expect("events", None, None, "file_present", exact=False)


@mutation("no line break after the last row")
def _(ds):
    content = ds.raw("actors").rstrip(b"\n")
    ds.write_raw("actors", content)
    return Expect("actors", content.count(b"\n") + 1, None, "final_newline")


@mutation("row with too many fields")
def _(ds):
    lines = ds.raw("actors").decode().split("\n")
    lines[2] = lines[2] + ",surplus"
    ds.write_raw("actors", "\n".join(lines).encode())
    return Expect("actors", 3, None, "field_count")


@mutation("row with too few fields")
def _(ds):
    lines = ds.raw("actors").decode().split("\n")
    lines[1] = lines[1].split(",")[0]
    ds.write_raw("actors", "\n".join(lines).encode())
    return Expect("actors", 2, None, "field_count")


# --- cell contents ----------------------------------------------------------------------------
for _prefix in "=+-@":
    mutation(f"cell starting with {_prefix!r} (formula injection)")(
        lambda ds, p=_prefix: _set(ds, "claims", 0, "hedging", f'{p}HYPERLINK("http://x")', "clean_text")
    )


@mutation("control character in a cell")
def _(ds):
    return _set(ds, "events", 0, "summary", "Strike\x07 on a base", "clean_text")


@mutation("line break inside a cell")
def _(ds):
    return _set(ds, "events", 0, "summary", "Strike\non a base", "clean_text")


@mutation("10 MB cell")
def _(ds):
    return _set(ds, "claims", 0, "curator_note", "a" * 10_000_000, "max_length")


# --- the descriptor ---------------------------------------------------------------------------
@mutation("descriptor edited by hand")
def _(ds):
    path = ds.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["title"] = "edited"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return Expect("datapackage.json", None, None, "descriptor_current")


@mutation("descriptor that is not JSON")
def _(ds):
    (ds.root / "datapackage.json").write_text("{not json", encoding="utf-8")
    return Expect("datapackage.json", None, None, "descriptor_json")


@mutation("descriptor with an unknown field type")
def _(ds):
    path = ds.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["schema"]["fields"][0]["type"] = "strin"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return Expect("datapackage.json", None, None, "frictionless_descriptor", exact=False)


# === What spreadsheets and hand edits really produce ============================================
# Each kind below was seen in the wild or is what a common tool writes by default. They are kept
# apart from the kinds above so that the catalogue reads as: the rules, then the real accidents.


def _edit_text(ds: Dataset, table: str, edit: Callable[[str], str]) -> None:
    """Rewrite a table's file as text, bypassing the csv module so that any bytes can be planted."""
    ds.write_raw(table, edit(ds.raw(table).decode("utf-8")).encode("utf-8"))


def _edit_lines(ds: Dataset, table: str, edit: Callable[[list[str]], list[str]]) -> None:
    _edit_text(ds, table, lambda text: "\n".join(edit(text.split("\n"))))


def _replace_once(ds: Dataset, table: str, index: int, column: str, old: str, new: str, rule: str) -> Expect:
    value = ds.rows(table)[index][column]
    assert old in value, f"{table} row {index} column {column} lacks {old!r}"
    return _set(ds, table, index, column, value.replace(old, new, 1), rule)


def _referenced_event(ds: Dataset) -> int:
    """An event that claims point at, so that damage to its key would cascade if handled badly."""
    referenced = {row["event_id"] for row in ds.rows("claims")}
    return ds.find("events", event_id=lambda e: e in referenced)


def _referenced_actor(ds: Dataset) -> int:
    referenced = {row["claimant_actor_id"] for row in ds.rows("claims")}
    return ds.find("actors", actor_id=lambda a: a in referenced)


# --- numbers, dates and booleans as spreadsheets write them -------------------------------------
@mutation("thousands separator in a count ('1,000')")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "1,000", "type_integer")


@mutation("decimal point in a count ('4.0')")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "4.0", "type_integer")


@mutation("leading zero in a count ('04')")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "04", "type_integer")


@mutation("plus sign on a count ('+4')")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "+4", "type_integer")


@mutation("count too large for 64 bits")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "99999999999999999999", "type_integer")


@mutation("Excel scientific notation in an offset ('1.2E+02')")
def _(ds):
    return _set(ds, "claims", 0, "quote_start", "1.2E+02", "type_integer")


@mutation("Excel scientific notation in a coordinate ('3.45E+01')")
def _(ds):
    index = ds.find("events", latitude=lambda v: v != "")
    return _set(ds, "events", index, "latitude", "3.45E+01", "type_number")


@mutation("decimal comma in a coordinate ('34,52')")
def _(ds):
    index = ds.find("events", latitude=lambda v: v != "")
    return _set(ds, "events", index, "latitude", "34,52", "type_number")


@mutation("latitude 200")
def _(ds):
    index = ds.find("events", latitude=lambda v: v != "")
    return _set(ds, "events", index, "latitude", "200", "maximum")


@mutation("date with a time ('2020-01-14T10:00')")
def _(ds):
    return _set(ds, "events", 0, "date_end", ds.rows("events")[0]["date_end"] + "T10:00", "type_date")


@mutation("date with a spreadsheet time ('2020-01-14 00:00:00')")
def _(ds):
    return _set(ds, "events", 0, "date_end", ds.rows("events")[0]["date_end"] + " 00:00:00", "type_date")


@mutation("spreadsheet serial day number as a date ('43844')")
def _(ds):
    return _set(ds, "events", 0, "date_end", "43844", "type_date")


@mutation("date with a space after it")
def _(ds):
    return _set(ds, "events", 0, "date_end", ds.rows("events")[0]["date_end"] + " ", "type_date")


@mutation("Arabic-Indic digits in a count")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "\u0664", "type_integer")


@mutation("Arabic-Indic digits in a date")
def _(ds):
    return _set(ds, "events", 0, "date_end", "\u0662\u0660\u0662\u0660-01-14", "type_date")


@mutation("spreadsheet boolean in a count ('TRUE')")
def _(ds):
    return _set(ds, "claims", _count_claim(ds), "value", "TRUE", "type_integer")


@mutation("spreadsheet boolean in an enum column ('FALSE')")
def _(ds):
    return _set(ds, "claims", 0, "stance", "FALSE", "enum")


@mutation("spreadsheet boolean in free text ('TRUE')")
def _(ds):
    return _set(ds, "claims", 0, "hedging", "TRUE", "placeholder")


@mutation("'N/A' written for a missing count")
def _(ds):
    index = ds.find("claims", predicate=lambda p: p in COUNT_PREDICATES, value_low="")
    return _set(ds, "claims", index, "value_low", "N/A", "type_integer")


@mutation("'N/A' written for missing free text")
def _(ds):
    index = ds.find("sources", dateline="")
    return _set(ds, "sources", index, "dateline", "N/A", "placeholder")


@mutation("'null' written for a missing optional reference")
def _(ds):
    index = ds.find("actors", parent_actor_id="")
    return _set(ds, "actors", index, "parent_actor_id", "null", "placeholder")


@mutation("spreadsheet error value ('#REF!') in a cell")
def _(ds):
    index = ds.find("claims", value_text=lambda v: v != "")
    return _set(ds, "claims", index, "value_text", "#REF!", "placeholder")


# --- vocabularies -------------------------------------------------------------------------------
@mutation("enum in another case ('Asserts')")
def _(ds):
    return _set(ds, "claims", 0, "stance", "Asserts", "enum")


@mutation("enum with a trailing space")
def _(ds):
    return _set(ds, "claims", 0, "stance", ds.rows("claims")[0]["stance"] + " ", "clean_text")


@mutation("enum written as its description's words ('air strike')")
def _(ds):
    index = ds.find("events", event_type="air_strike")
    return _set(ds, "events", index, "event_type", "air strike", "enum")


# --- invisible and look-alike characters in IDs ------------------------------------------------
@mutation("non-breaking space after an ID")
def _(ds):
    return _set(ds, "claims", 0, "claim_id", ds.rows("claims")[0]["claim_id"] + "\u00a0", "clean_text")


@mutation("zero-width space before a referenced ID")
def _(ds):
    index = _referenced_event(ds)
    return _set(ds, "events", index, "event_id", "\u200b" + ds.rows("events")[index]["event_id"], "clean_text")


@mutation("zero-width space after a reference")
def _(ds):
    return _set(ds, "claims", 0, "event_id", ds.rows("claims")[0]["event_id"] + "\u200b", "clean_text")


@mutation("byte-order mark pasted at the start of an ID")
def _(ds):
    return _set(ds, "claims", 0, "claim_id", "\ufeff" + ds.rows("claims")[0]["claim_id"], "clean_text")


@mutation("Arabic-Indic digits in an ID")
def _(ds):
    return _replace_once(ds, "claims", 0, "claim_id", "0", "\u0660", "pattern")


@mutation("fullwidth digit in a referenced ID")
def _(ds):
    return _replace_once(ds, "events", _referenced_event(ds), "event_id", "2", "\uff12", "pattern")


@mutation("typographic hyphen in a referenced ID")
def _(ds):
    return _replace_once(ds, "events", _referenced_event(ds), "event_id", "-", "\u2011", "pattern")


@mutation("Cyrillic look-alike letter in a referenced ID")
def _(ds):
    return _replace_once(ds, "actors", _referenced_actor(ds), "actor_id", "a", "\u0430", "pattern")


@mutation("Cyrillic look-alike letter in a reference")
def _(ds):
    return _replace_once(ds, "claims", 0, "claimant_actor_id", "a", "\u0430", "pattern")


@mutation("uppercase letter in a referenced ID")
def _(ds):
    index = _referenced_actor(ds)
    return _set(ds, "actors", index, "actor_id", ds.rows("actors")[index]["actor_id"].capitalize(), "pattern")


@mutation("whole row duplicated in claims")
def _(ds):
    rows = ds.rows("claims")
    ds.write_rows("claims", [*rows[:3], rows[1], *rows[3:]])
    return Expect("claims", 5, "claim_id", "unique_id")


@mutation("two sources with the same seed file")
def _(ds):
    rows = ds.rows("sources")
    index = _seed_source(ds)
    twin = {**rows[index], "source_id": rows[index]["source_id"] + "-copy"}
    ds.write_rows("sources", [*rows, twin])
    return Expect("sources", len(rows) + 2, "seed_path", "unique_value")


# --- quotes and offsets -------------------------------------------------------------------------
@mutation("quote_start after quote_end")
def _(ds):
    row = ds.rows("claims")[0]
    ds.set_cell("claims", 0, "quote_start", row["quote_end"])
    return _set(ds, "claims", 0, "quote_end", row["quote_start"], "quote_offsets")


@mutation("quote_end equal to quote_start")
def _(ds):
    return _set(ds, "claims", 0, "quote_end", ds.rows("claims")[0]["quote_start"], "quote_offsets")


@mutation("one curly apostrophe in a quote made straight")
def _(ds):
    index = ds.find("claims", quote=lambda q: "\u2019" in q)
    return _replace_once(ds, "claims", index, "quote", "\u2019", "'", "quote_anchored")


@mutation("non-breaking space inside a quote")
def _(ds):
    index = ds.find("claims", quote=lambda q: " " in q)
    return _replace_once(ds, "claims", index, "quote", " ", "\u00a0", "quote_anchored")


@mutation("en dash in a quote typed as a hyphen")
def _(ds):
    index = ds.find("claims", quote=lambda q: "\u2013" in q)
    return _replace_once(ds, "claims", index, "quote", "\u2013", "-", "quote_anchored")


# --- cell contents ------------------------------------------------------------------------------
@mutation("tab character in a cell")
def _(ds):
    return _set(ds, "events", 0, "summary", "Strike\ton a base", "clean_text")


@mutation("NUL byte in a cell")
def _(ds):
    return _set(ds, "events", 0, "summary", "Strike\x00 on a base", "clean_text")


@mutation("Unicode line separator in a cell")
def _(ds):
    return _set(ds, "events", 0, "summary", "Strike\u2028on a base", "clean_text")


@mutation("right-to-left override in a cell")
def _(ds):
    return _set(ds, "events", 0, "summary", "Strike on \u202eesab a", "clean_text")


@mutation("zero-width space at the end of free text")
def _(ds):
    return _set(ds, "events", 0, "summary", ds.rows("events")[0]["summary"] + "\u200b", "clean_text")


@mutation("cell of spaces only in a required column")
def _(ds):
    return _set(ds, "events", 0, "summary", "   ", "clean_text")


# --- file structure as other tools write it ----------------------------------------------------
@mutation("header row pasted again in the middle")
def _(ds):
    _edit_lines(ds, "claims", lambda lines: [*lines[:4], lines[0], *lines[4:]])
    return Expect("claims", 5, None, "header_repeated")


@mutation("semicolon-separated file (European spreadsheet export)")
def _(ds):
    rows = ds.rows("actors")
    with ds.path("actors").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return Expect("actors", 1, None, "delimiter")


@mutation("tab-separated file")
def _(ds):
    rows = ds.rows("actors")
    with ds.path("actors").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return Expect("actors", 1, None, "delimiter")


@mutation("Windows-1252 encoded file (Excel's plain 'CSV')")
def _(ds):
    text = ds.raw("claims").decode("utf-8")
    first = next(i for i, c in enumerate(text) if ord(c) > 127)
    ds.write_raw("claims", text.encode("cp1252"))
    return Expect("claims", text[:first].count("\n") + 1, None, "utf8")


@mutation("file holding only a byte-order mark")
def _(ds):
    ds.write_raw("claims", b"\xef\xbb\xbf")
    return Expect("claims", 1, None, "not_empty")


@mutation("mixed LF and CRLF line endings")
def _(ds):
    _edit_lines(ds, "sources", lambda lines: [*lines[:3], lines[3] + "\r", *lines[4:]])
    return Expect("sources", 4, None, "lf_line_endings")


@mutation("very long last line without a line break")
def _(ds):
    rows = ds.rows("claims")
    ds.set_cell("claims", len(rows) - 1, "curator_note", "long" * 250_000)
    ds.write_raw("claims", ds.raw("claims").rstrip(b"\n"))
    return Expect("claims", len(rows) + 1, None, "final_newline", exact=False)


@mutation("blank line between rows")
def _(ds):
    _edit_lines(ds, "actors", lambda lines: [*lines[:3], "", *lines[3:]])
    return Expect("actors", 4, None, "blank_line")


@mutation("blank lines at the end of the file")
def _(ds):
    text = ds.raw("actors").decode("utf-8")
    ds.write_raw("actors", (text + "\n\n").encode("utf-8"))
    return Expect("actors", text.count("\n") + 1, None, "blank_line")


@mutation("row of empty cells left by a spreadsheet")
def _(ds):
    _edit_lines(ds, "events", lambda lines: [*lines[:2], "," * lines[0].count(","), *lines[2:]])
    return Expect("events", 3, None, "empty_row")


@mutation("unnamed empty columns at the right (spreadsheet export)")
def _(ds):
    _edit_lines(ds, "actors", lambda lines: [line + ",," if line else line for line in lines])
    return Expect("actors", 1, None, "header_unnamed")


@mutation("column pasted twice, header and all")
def _(ds):
    _edit_lines(ds, "actors", lambda lines: [line + "," + line.split(",")[1] if line else line for line in lines])
    return Expect("actors", 1, "name", "header_unique")


@mutation("header name in another case")
def _(ds):
    return _line_of_header_change(
        ds, "claims", lambda h: ["Stance" if c == "stance" else c for c in h], "header_declared", "Stance"
    )


@mutation("space after the commas of the header")
def _(ds):
    _edit_lines(ds, "actors", lambda lines: [lines[0].replace(",", ", "), *lines[1:]])
    return Expect("actors", 1, None, "header_spaces")


@mutation("unclosed quote in a cell")
def _(ds):
    _edit_lines(ds, "actors", lambda lines: [*lines[:2], lines[2].replace(",", ',"', 1), *lines[3:]])
    return Expect("actors", 3, None, "field_count")


@mutation("stray quote inside an unquoted cell")
def _(ds):
    index = ds.find("claims", hedging=lambda h: h != "" and "," not in h and '"' not in h)
    hedging = ds.rows("claims")[index]["hedging"]
    line = index + 2
    _edit_lines(
        ds,
        "claims",
        lambda lines: [*lines[: line - 1], lines[line - 1].replace(f",{hedging},", f',{hedging}",', 1), *lines[line:]],
    )
    return Expect("claims", line, "hedging", "csv_quotes")


@mutation("every cell quoted (spreadsheet 'quote all text cells')")
def _(ds):
    rows = ds.rows("actors")
    with ds.path("actors").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return Expect("actors", 1, None, "canonical_quoting")


@mutation("stray copy of a table beside the real one")
def _(ds):
    ds.write_raw("claims (1)", ds.raw("claims"))
    return Expect("data/claims (1).csv", None, None, "file_declared")


@mutation("descriptor deleted")
def _(ds):
    (ds.root / "datapackage.json").unlink()
    return Expect("datapackage.json", None, None, "descriptor_present")


@mutation("the same claim entered twice under two IDs")
def _(ds):
    rows = ds.rows("claims")
    copy = {**rows[3], "claim_id": "clm-999-999", "curator_note": "entered again"}
    ds.write_rows("claims", [*rows, copy])
    return Expect("claims", len(rows) + 2, "claim_id", "repeated_claim")


@mutation("count in the wrong unit for its predicate")
def _(ds):
    index = ds.find("claims", predicate=lambda p: p.startswith("munitions_"), unit="munitions")
    return _set(ds, "claims", index, "unit", "persons", "unit_matches_predicate")


# === The data model's second version: coded values, victims, time, attribution, relations =======
def _claim_with(ds: Dataset, **conditions: object) -> int:
    return ds.find("claims", **conditions)


@mutation("coded predicate without its value_code")
def _(ds):
    return _set(ds, "claims", _claim_with(ds, predicate="launch_platform"), "value_code", "", "value_code_given")


@mutation("value_code outside its predicate's vocabulary")
def _(ds):
    return _set(ds, "claims", _claim_with(ds, predicate="weapon"), "value_code", "missiles", "value_code_vocabulary")


@mutation("place coded with a country name instead of its code")
def _(ds):
    return _set(ds, "claims", _claim_with(ds, predicate="place"), "value_code", "Syria", "value_code_vocabulary")


@mutation("casualty claim without victim_status")
def _(ds):
    return _set(ds, "claims", _claim_with(ds, predicate="fatalities"), "victim_status", "", "victim_fields")


@mutation("time claim whose value is words, not an interval")
def _(ds):
    return _set(ds, "claims", _claim_with(ds, predicate="time"), "value_text", "Tuesday", "time_interval")


@mutation("time claim whose interval ends before it starts")
def _(ds):
    return _set(ds, "claims", _claim_with(ds, predicate="time"), "value_text", "2020-01-15/2020-01-14", "time_interval")


@mutation("unknown perpetrator coded another way")
def _(ds):
    index = _claim_with(ds, predicate="attribution", value_actor_id="")
    return _set(ds, "claims", index, "value_text", "unidentified", "attribution_unknown")


@mutation("attribution quote without its end offset")
def _(ds):
    index = _claim_with(ds, attribution_quote=lambda q: q != "")
    return _set(ds, "claims", index, "attribution_end", "", "attribution_complete")


@mutation("attribution_end equal to attribution_start")
def _(ds):
    index = _claim_with(ds, attribution_quote=lambda q: q != "")
    start = ds.rows("claims")[index]["attribution_start"]
    return _set(ds, "claims", index, "attribution_end", start, "attribution_offsets")


@mutation("attribution not at its offsets")
def _(ds):
    index = _claim_with(ds, attribution_quote=lambda q: q != "")
    row = ds.rows("claims")[index]
    ds.set_cell("claims", index, "attribution_start", str(int(row["attribution_start"]) + 1))
    ds.set_cell("claims", index, "attribution_end", str(int(row["attribution_end"]) + 1))
    return Expect("claims", index + 2, "attribution_quote", "attribution_anchored")


@mutation("attribution words edited by one character")
def _(ds):
    index = _claim_with(ds, attribution_quote=lambda q: "said" in q)
    return _replace_once(ds, "claims", index, "attribution_quote", "said", "says", "attribution_anchored")


@mutation("reported claim without the words naming its claimant")
def _(ds):
    index = _claim_with(ds, claimant_actor_id="act-sana")
    ds.set_cell("claims", index, "attribution_start", "")
    ds.set_cell("claims", index, "attribution_end", "")
    return _set(ds, "claims", index, "attribution_quote", "", "attribution_given")


@mutation("claim listing its own event among its other events")
def _(ds):
    index = _claim_with(ds, other_event_ids=lambda v: v != "")
    own = ds.rows("claims")[index]["event_id"]
    return _set(ds, "claims", index, "other_event_ids", own, "claim_events")


@mutation("claim about a further event that began after its document was published")
def _(ds):
    index = _claim_with(ds, other_event_ids=lambda v: v != "")
    source = ds.rows("claims")[index]["source_id"]
    published = ds.rows("sources")[ds.find("sources", source_id=source)]["published_end"]
    later = ds.rows("events")[ds.find("events", date_start=lambda d: d > published)]["event_id"]
    return _set(ds, "claims", index, "other_event_ids", later, "reported_after_event")


@mutation("assumed match without an identification note")
def _(ds):
    index = ds.find("events", identification="assumed")
    return _set(ds, "events", index, "identification_note", "", "identification_noted")


@mutation("acknowledged event without the source it rests on")
def _(ds):
    index = ds.find("events", attribution_status="acknowledged")
    return _set(ds, "events", index, "attribution_source_id", "", "acknowledged_has_source")


@mutation("acknowledged on an assumed match without a reference row")
def _(ds):
    index = ds.find("events", identification="assumed", attributed_actor_id=lambda a: a != "")
    ds.set_cell("events", index, "attribution_source_id", "src-seed-002")
    return _set(ds, "events", index, "attribution_status", "acknowledged", "acknowledged_on_assumed_match")


@mutation("identification outside its vocabulary")
def _(ds):
    return _set(ds, "events", 0, "identification", "guessed", "enum")


@mutation("wikidata_id that is not an item ID")
def _(ds):
    return _set(ds, "actors", 0, "wikidata_id", "Syria", "pattern")


@mutation("actor related to itself")
def _(ds):
    subject = ds.rows("actor_relations")[0]["subject_actor_id"]
    return _set(ds, "actor_relations", 0, "object_actor_id", subject, "relation_not_self")


@mutation("relation whose evidence claim does not carry its words")
def _(ds):
    index = ds.find("actor_relations", evidence_claim_id=lambda c: c != "")
    row = ds.rows("actor_relations")[index]
    other = ds.find("claims", source_id=row["source_id"], quote_end=lambda e: int(e) < int(row["quote_start"]))
    return _set(
        ds, "actor_relations", index, "evidence_claim_id", ds.rows("claims")[other]["claim_id"], "relation_evidence"
    )


@mutation("relation read in a source that is not archived")
def _(ds):
    index = ds.find("actor_relations", evidence_claim_id="")
    reference = ds.rows("sources")[ds.find("sources", kind="reference")]["source_id"]
    return _set(ds, "actor_relations", index, "source_id", reference, "read_in_archive")


@mutation("relation quote not at its offsets")
def _(ds):
    row = ds.rows("actor_relations")[0]
    ds.set_cell("actor_relations", 0, "quote_start", str(int(row["quote_start"]) + 2))
    ds.set_cell("actor_relations", 0, "quote_end", str(int(row["quote_end"]) + 2))
    return Expect("actor_relations", 2, "quote", "quote_anchored")


@mutation("relation quote_end equal to quote_start")
def _(ds):
    start = ds.rows("actor_relations")[0]["quote_start"]
    return _set(ds, "actor_relations", 0, "quote_end", start, "quote_offsets")
