"""The catalogue of corruptions: each damages a valid copy of the dataset in one way and says
where the validator must point (table, line, column, rule).

The test suite runs every entry; scripts/mutation_suite.py runs them through the real command
and counts how many were caught. ``exact`` means the corruption must give exactly one problem.
"""

from __future__ import annotations

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


def _line_of_header_change(ds: Dataset, table: str, edit: Callable[[list[str]], list[str]], rule: str,
                           column: str | None, exact: bool = True) -> Expect:
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
    placeholder = {"actors": "act-nobody", "sources": "src-nobody", "events": "evt-2020-nobody"}[target]

    def apply(ds: Dataset) -> Expect:
        return _set(ds, table, 0, column, placeholder, "foreign_key")
    return apply


for _table in TABLES:
    for _column in _table.columns:
        if _column.references:
            mutation(f"dangling reference in {_table.name}.{_column.name}")(
                _dangling(_table.name, _column.name, _column.references))


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
    ds.write_raw("actors", "\n".join(
        [lines[0] + ",notes"] + [line + ",x" if line else line for line in lines[1:]]).encode("utf-8"))
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
    return _line_of_header_change(ds, "claims", lambda h: ["stanse" if c == "stance" else c for c in h],
                                  "header_declared", "stanse", exact=False)


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
        lambda ds, p=_prefix: _set(ds, "claims", 0, "hedging", f"{p}HYPERLINK(\"http://x\")", "clean_text"))


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
