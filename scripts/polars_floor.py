"""The floor for validation: the validator's rules written as plain polars expressions.

No messages, no line numbers, no pandera, no blanking of reported cells: each rule only counts
the cells or rows that break it. scripts/benchmark.py runs it beside `syria-strikes validate` on
the same data, so the ratio between the two is what the validator's contract (one message per
fault, naming file, line, column, value and rule) costs over the bare work.

What it checks, from syria_strikes/metadata.py: the header; required cells; integer, number and
date forms; patterns; vocabularies; bounds; text lengths; cell hygiene (control and invisible
characters, edge spaces, formula prefixes, placeholder words); unique primary keys; scalar and
list-valued references; every row rule of syria_strikes/checks/rows.py; seed files against their
SHA-256; quotes at their offsets. What it leaves out, so the floor is lower than the true cost
of the same rules: the file-form checks (UTF-8, line ends, canonical quoting, pasted rows), relay
chains beyond reference, cycles of parent actors, claims repeated under two IDs, reports
published before their event, and the descriptor check.

Usage: python scripts/polars_floor.py DATASET_ROOT   (prints the number of faults found)
"""

from __future__ import annotations

import hashlib
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from syria_strikes.metadata import ACTOR_PREDICATES, COUNT_PREDICATES, COUNT_UNITS, TABLES, Column, Table
from syria_strikes.text_policy import PLACEHOLDERS, UNCLEAN

INTEGER = r"^(0|-?[1-9][0-9]{0,17})$"
NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def read(root: Path) -> dict[str, pl.DataFrame]:
    """Every table as text, in parallel (polars parses on its own threads)."""
    return {
        declared.name: pl.read_csv(root / "data" / f"{declared.name}.csv", infer_schema=False) for declared in TABLES
    }


def _text_checks(column: Column) -> list[pl.Expr]:
    cell = pl.col(column.name)
    checks = [
        cell.is_null().sum() if column.required else pl.lit(0),
        cell.str.contains(UNCLEAN).sum() if column.type in ("string", "list") else pl.lit(0),
        cell.str.to_lowercase().is_in(list(PLACEHOLDERS)).sum(),
    ]
    if column.type == "integer":
        checks.append((~cell.str.contains(INTEGER)).sum())
    elif column.type == "number":
        checks.append((~cell.str.contains(NUMBER)).sum())
    elif column.type == "date":
        checks.append(
            (~cell.str.contains(DATE) | cell.str.to_date(strict=False).is_null()).sum() - cell.is_null().sum()
        )
    if column.pattern:
        checks.append((~cell.str.contains(column.pattern)).sum())
    if column.vocabulary:
        checks.append((~cell.is_in(list(column.vocabulary.codes))).sum())
    if column.text_limit:
        checks.append((cell.str.len_chars() > column.text_limit).sum())
    if column.unique:
        checks.append((cell.is_duplicated() & cell.is_not_null()).sum())
    if isinstance(column.minimum, str):  # a date column's first day: ISO dates order as text
        checks.append((cell < column.minimum).sum())
    elif column.minimum is not None or column.maximum is not None:
        value = cell.cast(pl.Float64, strict=False)
        low = column.minimum if column.minimum is not None else float("-inf")
        high = column.maximum if column.maximum is not None else float("inf")
        checks.append((~value.is_between(low, high)).sum())
    return [check.alias(f"{column.name}:{index}") for index, check in enumerate(checks)]


def cell_faults(frame: pl.DataFrame, declared: Table) -> int:
    header = int(list(frame.columns) != list(declared.column_names))
    counts = frame.select([check for column in declared.columns for check in _text_checks(column)])
    return header + int(sum(value or 0 for value in counts.row(0)))


def typed(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Columns in their declared types, for the row rules and references."""
    out = {}
    for declared in TABLES:
        casts = []
        for column in declared.columns:
            cell = pl.col(column.name)
            if column.type == "integer":
                casts.append(cell.cast(pl.Int64, strict=False))
            elif column.type == "number":
                casts.append(cell.cast(pl.Float64, strict=False))
            elif column.type == "date":
                casts.append(cell.str.to_date(strict=False))
            elif column.type == "list":
                casts.append(cell.str.split("|"))
        out[declared.name] = frames[declared.name].with_columns(casts)
    return out


def _ordered(first: str, second: str) -> pl.Expr:
    return (pl.col(first) <= pl.col(second)).fill_null(True)


def _present(name: str) -> pl.Expr:
    return pl.col(name).is_not_null()


ROW_RULES: dict[str, list[pl.Expr]] = {
    "actors": [(pl.col("parent_actor_id") != pl.col("actor_id")).fill_null(True)],
    "sources": [
        _ordered("published_start", "published_end"),
        _present("seed_path") == _present("sha256"),
        (pl.col("kind") == "archived_article") == _present("seed_path"),
    ],
    "events": [
        _ordered("date_start", "date_end"),
        (pl.col("date_precision") != "day") | _ordered("date_end", "date_start"),
        (pl.col("date_precision") != "month")
        | pl.col("date_start").is_null()
        | pl.col("date_end").is_null()
        | ~_ordered("date_start", "date_end")
        | (
            (pl.col("date_start").dt.day() == 1) & (pl.col("date_end") == pl.col("date_start").dt.month_end())
        ).fill_null(True),
        (pl.col("date_precision") == "before") == pl.col("date_start").is_null(),
        _present("latitude") == _present("longitude"),
        ~_present("latitude") | (pl.col("place_precision") == "site"),
        pl.col("attribution_status").is_in(["acknowledged", "alleged"]) == _present("attributed_actor_id"),
    ],
    "claims": [
        _ordered("value_low", "value") & _ordered("value", "value_high") & _ordered("value_low", "value_high"),
        pl.col("predicate").is_in(list(COUNT_PREDICATES)) == _present("unit"),
        ~_present("unit")
        | ~pl.col("predicate").is_in(list(COUNT_PREDICATES))
        | (pl.col("unit") == pl.col("predicate").replace_strict(COUNT_UNITS, default=None)).fill_null(True),
        pl.col("predicate").is_in(list(COUNT_PREDICATES))
        | ~(_present("value") | _present("value_low") | _present("value_high")),
        ~pl.col("predicate").is_in(list(ACTOR_PREDICATES)) | _present("value_actor_id") | _present("value_text"),
        (pl.col("quote_start") < pl.col("quote_end")).fill_null(True),
    ],
}


def row_faults(frame: pl.DataFrame, name: str) -> int:
    rules = ROW_RULES[name]
    counts = frame.select([(~rule.fill_null(False)).sum().alias(str(i)) for i, rule in enumerate(rules)])
    return int(sum(counts.row(0)))


def reference_faults(frames: dict[str, pl.DataFrame]) -> int:
    """Every reference, scalar or list-valued, as an anti-join on the referenced primary key."""
    found = 0
    for declared in TABLES:
        for column in declared.columns:
            if not column.references:
                continue
            target = next(t for t in TABLES if t.name == column.references)
            keys = frames[target.name].select(pl.col(target.primary_key).alias("key"))
            values = frames[declared.name].select(pl.col(column.name).alias("key")).drop_nulls()
            if column.type == "list":
                values = values.explode("key").drop_nulls()
            found += values.join(keys, on="key", how="anti").height
    return found


def seed_and_quote_faults(root: Path, frames: dict[str, pl.DataFrame]) -> int:
    """Seeds against their SHA-256, then each quote at its offsets, on Python strings."""
    sources = frames["sources"].filter(pl.col("seed_path").is_not_null())
    texts: dict[str, str] = {}
    found = 0
    for source_id, seed_path, sha256 in sources.select("source_id", "seed_path", "sha256").iter_rows():
        data = (root / seed_path).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            found += 1
            continue
        texts[source_id] = data.decode("utf-8")
    claims = frames["claims"].select("source_id", "quote", "quote_start", "quote_end")
    for source_id, quote, start, end in claims.iter_rows():
        text = texts.get(source_id)
        if text is not None and start is not None and end is not None and text[start:end] != quote:
            found += 1
    return found


def floor(root: Path) -> int:
    """Count every fault; tables checked side by side, then references beside the quote check."""
    frames = read(root)
    with ThreadPoolExecutor(max_workers=2) as pool:
        cells = sum(pool.map(lambda declared: cell_faults(frames[declared.name], declared), TABLES))
        types = typed(frames)
        rows = sum(pool.map(lambda name: row_faults(types[name], name), ROW_RULES))
        references = pool.submit(reference_faults, types)
        quotes = pool.submit(seed_and_quote_faults, root, types)
        return cells + rows + references.result() + quotes.result()


if __name__ == "__main__":
    print(floor(Path(sys.argv[1])))
