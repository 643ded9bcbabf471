"""`syria-strikes locate --fix`: fill or repair the offsets of the words each row anchors in its seed.

A claim anchors two spans in its seed: its ``quote`` (``quote_start``/``quote_end``) and, when
given, its ``attribution_quote`` (``attribution_start``/``attribution_end``); an actor relation
anchors its ``quote``. Only the offset cells of a span whose words occur exactly once in the seed
change; every other byte of data/claims.csv and data/actor_relations.csv stays as it was. That is
guaranteed by refusing a file that the csv module would not write back byte for byte (the
canonical form the validator insists on) and then writing it back with only those cells replaced,
through a temporary file and a rename. Both files are read and judged before either is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from syria_strikes.anchoring import locate
from syria_strikes.errors import InputError
from syria_strikes.files import write_all_atomically
from syria_strikes.leftovers import remove_leftovers
from syria_strikes.paths import dataset_root, tables_home
from syria_strikes.seedfiles import ArchivedSeed, archived_rows, read_bytes, require_as_read, span_cells


@dataclass(frozen=True)
class Anchored:
    """The column of a row's words in its seed and the two columns of their offsets."""

    words: str
    start: str
    end: str


QUOTE = Anchored("quote", "quote_start", "quote_end")
ATTRIBUTION = Anchored("attribution_quote", "attribution_start", "attribution_end")


@dataclass(frozen=True)
class SpanTable:
    """A table whose rows anchor words in the seed of their source_id: the column naming each row,
    the spans (the first one required), and what a row is called in a report."""

    name: str
    key: str
    spans: tuple[Anchored, ...]
    row: str
    rows: str

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.key, "source_id", *(name for span in self.spans for name in (span.words, span.start, span.end)))


CLAIMS = SpanTable("claims", "claim_id", (QUOTE, ATTRIBUTION), "claim", "claims")
ACTOR_RELATIONS = SpanTable("actor_relations", "relation_id", (QUOTE,), "actor relation", "actor relations")
SPAN_TABLES = (CLAIMS, ACTOR_RELATIONS)


@dataclass(frozen=True)
class OffsetChange:
    line: int
    row_id: str
    old: tuple[str, str]
    new: tuple[int, int]
    columns: tuple[str, str]  # the offset columns changed: quote_start/quote_end or attribution_start/_end


@dataclass(frozen=True)
class LeftAsIs:
    line: int
    row_id: str
    reason: str


@dataclass
class FixReport:
    """What --fix did to one table's file."""

    table: SpanTable
    path: Path
    changed: list[OffsetChange] = field(default_factory=list)
    left: list[LeftAsIs] = field(default_factory=list)

    def to_dict(self, file: str) -> dict[str, Any]:
        key = self.table.key
        return {
            "file": file,
            "changed": [
                {"line": c.line, key: c.row_id, "columns": list(c.columns), "old": list(c.old), "new": list(c.new)}
                for c in self.changed
            ],
            "left_as_is": [{"line": x.line, key: x.row_id, "reason": x.reason} for x in self.left],
        }


def fix_offsets(data_dir: Path, *, write: bool = True) -> list[FixReport]:
    """Set the offsets of every span (a claim's quote and attribution, an actor relation's quote)
    whose words are not at them but occur exactly once in the row's seed. data/claims.csv must be
    there; data/actor_relations.csv is repaired when it is. Nothing is written unless every file
    could be read and judged, and every file is written beside its target before any replaces the
    curator's. Each keeps its mode, owner and group; a link stays a link, the file it leads to rewritten."""
    root = dataset_root(data_dir)
    seeds = {seed.source_id: seed for seed in archived_rows(data_dir)}
    texts: dict[str, str | InputError] = {}
    planned = []
    for table in SPAN_TABLES:
        path = data_dir / f"{table.name}.csv"
        if table is not CLAIMS and not path.exists() and not path.is_symlink():
            continue
        planned.append(_plan(table, path, root, seeds, texts))
    if write:  # a --fix killed while writing left its temporary files beside the tables it read
        for folder in dict.fromkeys(report.path.resolve().parent for report, _, _ in planned):
            remove_leftovers(folder)
    if write:  # every file is written before any replaces the curator's: a failure changes none
        write_all_atomically(
            [
                (report.path.resolve(), _serialise(records).encode("utf-8"), report.path.stat())
                for report, records, _ in planned
                if report.changed
            ],
            unchanged=lambda: _still_as_read([(report.path, read) for report, _, read in planned if report.changed]),
        )
    return [report for report, _, _ in planned]


def _still_as_read(files: list[tuple[Path, str]]) -> None:
    """InputError when a file to be rewritten no longer holds the text its offsets were worked out from:
    a curator saved it meanwhile, and rewriting it would throw that edit away."""
    require_as_read(
        [(path, tables_home(path.parent), read.encode("utf-8"), None) for path, read in files],
        "--fix",
        ", so its offsets were worked out from an older version; nothing was written; "
        "run `syria-strikes locate --fix` again",
    )


def _plan(
    table: SpanTable, path: Path, root: Path, seeds: dict[str, ArchivedSeed], texts: dict[str, str | InputError]
) -> tuple[FixReport, list[list[str]], str]:
    """The report of one table, its records with the offsets set, nothing written yet, and the text read."""
    text = _canonical_text(path, tables_home(path.parent))
    records, lines = _records(text, path)
    if not records:
        raise InputError(f"{path}: is empty; it needs at least its header")
    header = records[0]
    missing = [name for name in table.columns if name not in header]
    if missing:
        raise InputError(f"{path}: has no column {', '.join(missing)}; run `syria-strikes validate`")
    at = {name: header.index(name) for name in table.columns}
    report = FixReport(table, path)
    for record, line in zip(records[1:], lines[1:], strict=True):
        if len(record) != len(header):
            report.left.append(LeftAsIs(line, "", "the row does not have one cell per column"))
            continue
        row_id, source_id = record[at[table.key]], record[at["source_id"]]
        if not record[at[QUOTE.words]]:
            report.left.append(LeftAsIs(line, row_id, f"the {table.row} has no quote"))
        worded = [span for span in table.spans if record[at[span.words]]]  # an attribution is optional
        if not worded:
            continue
        seed = _seed_text(source_id, seeds, texts, root)
        if isinstance(seed, InputError):
            report.left.append(LeftAsIs(line, row_id, str(seed)))
            continue
        for span in worded:
            _fix_span(record, at[table.key], at, span, seed, line, report)
    return report, records, text


def _fix_span(
    record: list[str], key: int, at: dict[str, int], span: Anchored, seed: str, line: int, report: FixReport
) -> None:
    """Set one span's offsets in ``record`` when its words are not at them and occur once in ``seed``."""
    words, row_id = record[at[span.words]], record[key]
    old = (record[at[span.start]], record[at[span.end]])
    current = span_cells(*old)
    if current is not None and seed[current[0] : current[1]] == words:
        return
    location = locate(seed, words)
    if location.unique is None:
        named = "the quote" if span is QUOTE else f"the {span.words}"
        report.left.append(LeftAsIs(line, row_id, f"{named} is {location.describe()}"))
        return
    record[at[span.start]], record[at[span.end]] = map(str, location.unique)
    report.changed.append(OffsetChange(line, row_id, old, location.unique, (span.start, span.end)))


def _canonical_text(path: Path, root: Path) -> str:
    data = read_bytes(path, root)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: is not valid UTF-8 at byte {error.start}; run `syria-strikes validate`") from None
    if text.startswith("\ufeff"):
        raise InputError(
            f"{path}: starts with a byte-order mark [rule: no_bom], which --fix would have to keep or drop; "
            "save it as UTF-8 without one (`syria-strikes validate` says the same)"
        )
    records, _ = _records(text, path)
    if _serialise(records) != text:
        raise InputError(
            f"{path}: is not in canonical CSV form, so it cannot be rewritten without changing other bytes; "
            "run `syria-strikes validate` and fix the form first"
        )
    return text


def _records(text: str, path: Path) -> tuple[list[list[str]], list[int]]:
    """Every record and the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records, lines = [], []
    next_line = 1
    try:
        for record in reader:
            records.append(record)
            lines.append(next_line)
            next_line = reader.line_num + 1
    except csv.Error as error:
        raise InputError(f"{path}: cannot be read as CSV at line {reader.line_num} ({error})") from None
    return records, lines


def _serialise(records: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue()


def _seed_text(
    source_id: str, seeds: dict[str, ArchivedSeed], texts: dict[str, str | InputError], root: Path
) -> str | InputError:
    """The seed's text, checked against its sha256, or the error that says why it cannot be had (read once per seed)."""
    if source_id not in seeds:
        return InputError(f"its source_id {source_id!r} names no archived seed in sources.csv")
    if source_id not in texts:
        try:
            texts[source_id] = seeds[source_id].text(root)
        except InputError as error:
            texts[source_id] = error
    return texts[source_id]
