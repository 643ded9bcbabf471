"""Validation of a dataset folder: every rule, every problem at once, never a traceback.

The order matters only for clarity: a cell that fails is reported once and then blanked, so
the rules across tables and the provenance checks do not report the same fault again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from syria_strikes import column_digests
from syria_strikes.checks.agreement import AGREEMENT_RULES
from syria_strikes.checks.aliases import check_aliases, check_place_aliases
from syria_strikes.checks.descriptor import check_descriptor
from syria_strikes.checks.model_rules import MODEL_RULES, check_model_anchors
from syria_strikes.checks.paragraphs import check_attribution_paragraph, check_hedging
from syria_strikes.checks.provenance import check_quotes, check_seeds
from syria_strikes.checks.relations import RELATION_RULES
from syria_strikes.checks.schema import UNPLACED, Piece, check_pieces, pieces, table_parts
from syria_strikes.checks.seed_coverage import check_coverage
from syria_strikes.checks.written import check_datelines, check_languages
from syria_strikes.column_digests import block_digests, lines_block_digests, lines_digest, whole_digest
from syria_strikes.columnar import lines_by_column
from syria_strikes.datafiles import read_data_file, stray_files
from syria_strikes.metadata import TABLE_NAMES, TABLES, Table
from syria_strikes.paths import dataset_root
from syria_strikes.pools import stopping_pool
from syria_strikes.problems import Problem, one_per_fault, problem, rejections, sort_problems
from syria_strikes.reading import by_blocks, read_table
from syria_strikes.reading.by_blocks import KeptBlocks
from syria_strikes.reading.recall import read_table_recalled
from syria_strikes.text_policy import id_skeleton

if TYPE_CHECKING:
    import pyarrow as pa

    from syria_strikes.cache import ColumnsRead, TableCache
    from syria_strikes.checks.across import Across
    from syria_strikes.reading.by_blocks import Layout, LoadCells

# Which block digests of a table are meant: (table, column or None for the rows' lines, rows per block).
BlocksOf = tuple[str, str | None, int]
PARALLEL_FROM_BYTES = 4 << 20
# One thread per processor (at least two, at most four): more threads than processors held more
# memory and CPU time for no gain in a two-processor benchmark (docs/benchmarks.md).
WORKERS = min(max(os.cpu_count() or 1, 2), 4)
MOST_PARTS = 4
# The rows of one block: a rule that judges rows each alone runs again on the blocks that changed.
ROW_BLOCK = 4096
# The check of the seed files themselves: it reads the sources, and the seeds.
SEED_CHECK = "seeds"
SOURCES = frozenset({"sources"})
QuoteCheck = Callable[[dict[str, str]], list[Problem]]
Cells = set[tuple[int, str]]


def read_and_check(
    data_dir: Path,
    tables: TableCache | None = None,
    validated: dict[str, bytes] | None = None,
    seed_texts: dict[str, str] | None = None,
    cells_passed: Callable[[dict[str, pd.DataFrame]], None] | None = None,
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Typed frames of the tables that could be read, and every problem found.

    Each file is read once, safely; when ``validated`` is given it receives the bytes of each
    table's file exactly as they were checked, so the build publishes those and nothing else;
    ``seed_texts`` likewise receives, by source_id, the text of each seed the quotes were checked in.
    ``cells_passed`` is handed the frames as soon as every table was read and no cell or row was
    rejected, before the rules across tables run, so a build can start writing meanwhile.

    Large data is checked on one pool of threads, as tasks that never wait on one another (reads,
    schema parts, seeds, each rule across tables, quotes, the descriptor); small data one task at
    a time. Problems are sorted, so which thread finds one changes nothing.
    Why: docs/benchmarks.md#what-the-optimisation-changed.

    ``tables`` (syria_strikes/cache.py) supplies the cell and row problems of a table whose file is
    unchanged since they were found, those of each piece of a changed table's schema whose columns
    are unchanged, and those of each rule across tables, the seed check and each quote check whose
    columns (and seeds) are unchanged; it keeps what is checked now. The seeds are then read only
    when a check that needs their texts must run.
    """
    root = dataset_root(data_dir)
    memory: TableCache | Cold = tables if tables is not None else Cold()
    sizes = {declared.name: _size(data_dir, declared) for declared in TABLES}
    workers = WORKERS if sum(sizes.values()) >= PARALLEL_FROM_BYTES else 1
    with stopping_pool(workers) as pool:
        descriptor = pool.submit(memory.check_descriptor, root)
        reads = {
            pool.submit(_read, data_dir, declared, validated, tables, sizes[declared.name]): declared
            for declared in sorted(TABLES, key=lambda declared: -sizes[declared.name])
        }
        problems: list[Problem] = []
        checking: dict[str, TableChecks] = {}
        for read in as_completed(reads):
            declared = reads[read]
            frame, found = read.result()
            problems += found
            if frame is None:
                continue
            known = memory.get(declared.name)
            if known is not None:
                problems += known[0]
                checking[declared.name] = TableChecks(frame, declared, known[1])
                continue
            # Line 1 is the header: a problem there names a column, not a cell.
            failed = {(p.row, p.column) for p in found if p.row is not None and p.row > 1 and p.column is not None}
            # A column missing from the header is reported once; its empty cells are not judged row by row.
            absent = {p.column for p in found if p.rule == "header_complete" and p.column is not None}
            failed |= {(int(line), name) for name in absent for line in frame.index}
            checking[declared.name] = _start_checks(pool, frame, declared, failed, tables)
        frames: dict[str, pd.DataFrame] = {}
        raw_digests: dict[str, ColumnDigests] = {}
        seeds: Future[tuple[list[Problem], dict[str, str]]] | None = None
        seeds_known: list[Problem] | None = None
        seed_paths_readable = False
        for declared in TABLES:
            if declared.name not in checking:
                continue
            started = checking.pop(declared.name)
            frame, failed = started.frame, started.failed
            if started.running is not None:
                checked = started.finish(tables)
                problems += checked
                memory.put(declared.name, checked, failed)
            frames[declared.name] = _blank(frame, declared, failed)
            if started.digests is not None and frames[declared.name] is frame:  # nothing blanked
                raw_digests[declared.name] = started.digests
            if declared.name == "sources":
                seed_paths_readable = not any(column == "seed_path" for _, column in failed)
                seeds_known = memory.rule(SEED_CHECK, SOURCES, SOURCES, seeds=True)
                if seeds_known is None:  # else the texts are read only if a check of quotes needs them
                    seeds = pool.submit(check_seeds, frames["sources"], root, seed_paths_readable)
        problems += stray_files(data_dir, list(TABLE_NAMES))
        if cells_passed is not None and len(frames) == len(TABLES) and not rejections(problems):
            cells_passed(frames)
        later = [descriptor]
        if tables is not None:
            tables.column_digest = ColumnDigests(frames, *_digests_known(tables, frames, raw_digests))
        # (name, tables read, keyed by the seeds too, the columns read, the run's future, the table
        # whose rows it judges each alone) of each check across files
        running: list[tuple[str, frozenset[str], bool, ColumnsRead, Future[list[Problem]], str | None]] = []
        for rule in (*RELATION_RULES, *MODEL_RULES, *AGREEMENT_RULES):
            if not rule.applies(frames):
                continue
            columns = {name: rule.columns_of(name) for name in rule.reads}
            remembered = memory.rule(rule.name, rule.reads, frames.keys(), columns=columns)
            if remembered is not None:
                problems += remembered
                continue
            again = None if tables is None or rule.rows is None else _rows_again(rule, frames, tables, columns)
            judging = pool.submit(rule.run, frames) if again is None else pool.submit(_judge_rows, rule, frames, *again)
            running.append((rule.name, rule.reads, False, columns, judging, rule.rows))
        if "sources" in frames:
            quoted = _quote_checks(frames)
            for name, (tables_read, _) in list(quoted.items()):
                remembered = memory.rule(name, tables_read, frames.keys(), seeds=True, columns=QUOTE_COLUMNS.get(name))
                if remembered is not None:
                    problems += remembered
                    del quoted[name]
            if seeds is None and (quoted or seed_texts is not None):
                seeds = pool.submit(check_seeds, frames["sources"], root, seed_paths_readable)
            if seeds is None:  # the seed checks' own problems are known, and no text is needed
                problems += seeds_known or []
            else:
                seed_problems, texts = seeds.result()
                problems += seed_problems
                memory.put_rule(SEED_CHECK, SOURCES, SOURCES, seed_problems, seeds=True)
                if seed_texts is not None:
                    seed_texts.update(texts)
                for name, (tables_read, quote_check) in quoted.items():
                    guarded = partial(_guarded, name, tables_read, quote_check, texts)
                    running.append((name, tables_read, True, QUOTE_COLUMNS.get(name), pool.submit(guarded), None))
                del seeds, texts  # the seed texts go as soon as the quote checks are done with them
        for name, tables_read, seeded, cut_to, future, rows in running:
            found = future.result()
            problems += found
            memory.put_rule(name, tables_read, frames.keys(), found, seeds=seeded, columns=cut_to, rows=rows)
        for future in later:
            problems += future.result()
    return frames, sort_problems(one_per_fault(problems))


@dataclass
class TableChecks:
    """The cell and row rules of one table under way: the pieces of its schema remembered by the
    cache (syria_strikes/checks/schema.py), and the parts of the table checked afresh for the rest.
    ``running`` is None when the table's problems were all known from its file's digest."""

    frame: pd.DataFrame
    declared: Table
    failed: Cells
    running: list[tuple[Cells, Future[dict[Piece, list[Problem]]]]] | None = None
    known: dict[Piece, list[Problem]] = field(default_factory=dict)
    keys: dict[Piece, str] = field(default_factory=dict)
    reported: Cells = field(default_factory=set)
    # The digests of the table's columns as read, taken for the pieces' keys.
    digests: ColumnDigests | None = None
    # The columns' cell rules judged again only on the blocks of rows that changed, with what they
    # said of the other blocks (``_cells_again``).
    by_blocks: dict[Piece, list[Problem]] = field(default_factory=dict)

    def finish(self, tables: TableCache | None) -> list[Problem]:
        """Every problem of the table's schema; ``failed`` gains the cells reported. What was
        checked afresh is handed to the cache piece by piece."""
        found = {piece: list(problems) for piece, problems in self.by_blocks.items()}
        for seen, check in self.running or []:
            for piece, problems in check.result().items():
                found.setdefault(piece, []).extend(problems)
            self.failed |= seen
        if tables is not None and found.get(UNPLACED):
            tables.forget_pieces(self.declared.name)
        elif tables is not None:
            by_column: dict[str, Cells] = {}
            for cell in self.failed - self.reported:
                by_column.setdefault(cell[1], set()).add(cell)
            for piece, problems in found.items():
                if piece.kind == "row":
                    tables.put_piece(self.declared.name, piece.label, self.keys[piece], problems, set())
                    continue
                blocks = (
                    None
                    if self.digests is None
                    else self.digests.cell_blocks(self.declared.name, piece.name, self.reported)
                )
                cells = by_column.get(piece.name, set())
                tables.put_piece(self.declared.name, piece.label, self.keys[piece], problems, cells, blocks)
        return [item for each in (self.known, found) for problems in each.values() for item in problems]


def _start_checks(
    pool: Executor, frame: pd.DataFrame, declared: Table, failed: Cells, tables: TableCache | None
) -> TableChecks:
    """Start the cell and row rules of a table read afresh. With the cache, a piece of its schema
    whose columns (and their cells reported by the reader) are unchanged is answered from it, and
    only the other pieces run: one edited cell checks one column and the row rules reading it."""
    started = TableChecks(frame, declared, failed, reported=set(failed))
    wanted = list(pieces(declared.name))
    if tables is not None:
        digests = started.digests = ColumnDigests({declared.name: frame})
        for piece in wanted:
            earlier = {line for line, column in started.reported if column in piece.reads}
            started.keys[piece] = tables.piece_key(
                declared.name, piece.label, piece.reads, partial(digests, declared.name), earlier
            )
        for piece in list(wanted):
            remembered = tables.piece(declared.name, piece.label, started.keys[piece])
            if remembered is not None:
                started.known[piece], cells = remembered
                failed |= cells
                wanted.remove(piece)
        for piece in [piece for piece in wanted if piece.kind == "column"]:
            again = _cells_again(piece, started, tables)
            if again is not None:
                started.by_blocks[piece] = again
                wanted.remove(piece)
    started.running = []
    if wanted:
        parts = [(part, set(failed)) for part in table_parts(frame, min(os.cpu_count() or 1, MOST_PARTS))]
        started.running = [(seen, pool.submit(check_pieces, part, declared, seen, wanted)) for part, seen in parts]
    return started


def _cells_again(piece: Piece, started: TableChecks, tables: TableCache) -> list[Problem] | None:
    """A column's cell rules judge each cell alone: after an edit, what they said of the blocks of
    ``ROW_BLOCK`` rows whose lines, cells and cells the reader reported are unchanged is kept, and
    only the other blocks are judged again, here, before any row rule reading the column runs (it
    must find the column's reported cells in ``failed``). None when the last run's answer cannot be
    used so: the column is then judged whole."""
    known = tables.piece_blocks(started.declared.name, piece.label)
    if known is None or started.digests is None:
        return None
    earlier, earlier_cells, earlier_blocks = known
    frame, name = started.frame, started.declared.name
    changed = _changed_blocks(earlier_blocks, started.digests.cell_blocks(name, piece.name, started.reported))
    kept = [p for p, keep in zip(earlier, _unchanged(frame, changed, [p.row for p in earlier]), strict=True) if keep]
    cells = sorted(earlier_cells)
    kept_cells = {
        cell for cell, keep in zip(cells, _unchanged(frame, changed, [c[0] for c in cells]), strict=True) if keep
    }
    rows = _blocks_of(frame, changed)
    seen = started.failed | kept_cells
    found = check_pieces(rows, started.declared, seen, [piece])
    lines = set(rows.index.tolist())
    if set(found) != {piece} or any(p.table != name or p.row not in lines for p in found[piece]):
        return None
    started.failed |= seen
    return kept + found[piece]


def _changed_blocks(earlier: list[str], now: list[str]) -> np.ndarray:
    """Which blocks of rows differ from the last run's digests of them (or are new)."""
    return np.array([n >= len(earlier) or earlier[n] != digest for n, digest in enumerate(now)], dtype=bool)


def _unchanged(frame: pd.DataFrame, changed: np.ndarray, lines: list[int | None]) -> list[bool]:
    """Whether each line is a row of an unchanged block: its line and cells are as before."""
    again = np.repeat(changed, ROW_BLOCK)[: len(frame)]
    return [at >= 0 and not again[at] for at in _positions(frame, lines)]


def _positions(frame: pd.DataFrame, lines: list[int | None]) -> list[int]:
    """The position in ``frame`` of each line, -1 for a line it does not hold (or None)."""
    if not lines:
        return []
    wanted = pd.Index([-1 if line is None else line for line in lines], dtype="int64")
    return [int(at) for at in frame.index.get_indexer(wanted).tolist()]


class Cold:
    """What a run without the cache (``--no-cache``, or a build) is told: nothing is known, nothing
    is kept, and every file is read afresh."""

    def get(self, table: str) -> None:
        return None

    def put(self, table: str, problems: list[Problem], failed: Cells) -> None:
        pass

    def rule(
        self,
        name: str,
        reads: Iterable[str],
        present: Iterable[str],
        *,
        seeds: bool = False,
        columns: ColumnsRead = None,
    ) -> None:
        return None

    def put_rule(
        self,
        name: str,
        reads: Iterable[str],
        present: Iterable[str],
        problems: list[Problem],
        *,
        seeds: bool = False,
        columns: ColumnsRead = None,
        rows: str | None = None,
    ) -> None:
        pass

    def check_descriptor(self, root: Path) -> list[Problem]:
        return check_descriptor(root)


class ColumnDigests:
    """The digest of each column (and of the lines) of the tables as the rules are handed them,
    taken once, when a rule's cache key first asks for it: the key of a rule that declares its
    columns (syria_strikes/checks/across.py). ``known`` holds those already taken."""

    def __init__(
        self,
        frames: Mapping[str, pd.DataFrame],
        known: dict[tuple[str, str | None], str] | None = None,
        known_blocks: dict[BlocksOf, list[str]] | None = None,
    ) -> None:
        self.frames = frames
        self.known: dict[tuple[str, str | None], str] = dict(known or {})
        # By (table, column or None for the lines, rows per block).
        self.known_blocks: dict[BlocksOf, list[str]] = dict(known_blocks or {})

    def __call__(self, table: str, column: str | None) -> str:
        if (table, column) not in self.known:
            frame = self.frames[table]
            if column is None:
                digest = lines_digest(frame.index)
            elif column not in frame.columns:
                digest = "absent"
            else:  # made of the blocks the rules judging rows alone ask for, when theirs are as large
                blocks = self._column_blocks(table, column, column_digests.BLOCK_ROWS)
                digest = whole_digest(frame[column].dtype, len(frame), blocks)
            self.known[table, column] = digest
        return self.known[table, column]

    def _column_blocks(self, table: str, column: str, size: int) -> list[str]:
        """The digests of a column's blocks of ``size`` rows, taken once."""
        if (table, column, size) not in self.known_blocks:
            self.known_blocks[table, column, size] = block_digests(self.frames[table][column], size)
        return self.known_blocks[table, column, size]

    def blocks(self, table: str, columns: Iterable[str]) -> list[str]:
        """The digest of each block of ``ROW_BLOCK`` rows of the table: of its lines and of its
        cells of ``columns`` (a column the table lacks counts as absent in every block)."""
        frame = self.frames[table]
        if (table, None, ROW_BLOCK) not in self.known_blocks:
            self.known_blocks[table, None, ROW_BLOCK] = lines_block_digests(frame.index, ROW_BLOCK)
        parts = [self.known_blocks[table, None, ROW_BLOCK]]
        for column in sorted(columns):
            if column not in frame.columns:
                parts.append(["absent"] * len(parts[0]))
                continue
            parts.append(self._column_blocks(table, column, ROW_BLOCK))
        return [hashlib.sha256("|".join(each).encode()).hexdigest() for each in zip(*parts, strict=True)]

    def cell_blocks(self, table: str, column: str, reported: Iterable[tuple[int, str]]) -> list[str]:
        """The digest of each block of rows of what a column's cell rules judge: the lines, the
        cells and the lines of the column's cells the reader reported (of ``reported``), which those
        rules do not report again. A reported line no row holds counts in every block."""
        lines = sorted(line for line, name in reported if name == column)
        by_block: dict[int, list[int]] = {}
        for line, at in zip(lines, _positions(self.frames[table], list(lines)), strict=True):
            by_block.setdefault(at // ROW_BLOCK if at >= 0 else -1, []).append(line)
        outside = by_block.pop(-1, [])
        return [
            hashlib.sha256(f"{digest}|{by_block.get(n, [])}|{outside}".encode()).hexdigest() if lines else digest
            for n, digest in enumerate(self.blocks(table, [column]))
        ]


# The columns each check of quoted words reads, of the tables it declares them for: it is handed
# only those, and the cache answers it again while they (and their rows' lines) are unchanged, as a
# rule across tables (syria_strikes/checks/across.py). The sources are read whole: the seed texts
# come from them.
QUOTE_COLUMNS: dict[str, dict[str, frozenset[str] | None]] = {
    "model_anchors": {
        "claims": frozenset({"source_id", "attribution_quote", "attribution_start", "attribution_end"}),
        "actor_relations": frozenset({"source_id", "quote", "quote_start", "quote_end"}),
    },
    "coverage": {
        "claims": frozenset({"source_id", "quote", "quote_start", "quote_end"}),
        "uncovered_sentences": frozenset(
            {"uncovered_id", "source_id", "sentence", "sentence_start", "sentence_end", "reason"}
        ),
    },
    "aliases": {"actors": frozenset({"aliases"})},
    "place_aliases": {"events": frozenset({"place_aliases"})},
    "quotes": {"claims": frozenset({"source_id", "quote", "quote_start", "quote_end"})},
    "hedging": {"claims": frozenset({"source_id", "hedging", "quote_start", "attribution_start"})},
    "attribution_paragraph": {
        "claims": frozenset({"source_id", "quote_start", "quote_end", "attribution_start"}),
    },
}


def _rows_again(
    rule: Across, frames: Mapping[str, pd.DataFrame], tables: TableCache, columns: ColumnsRead
) -> tuple[list[Problem], pd.DataFrame] | None:
    """For a rule that judges rows each alone (syria_strikes/checks/across.py) whose other tables
    are unchanged: what it said of the rows in unchanged blocks, and the rows to judge again. None
    when the last run's answer cannot be used so."""
    table = rule.rows
    if table is None or columns is None or tables.column_digest is None:
        return None
    known = tables.rule_rows(rule.name, rule.reads, frames.keys(), columns, table)
    if known is None:
        return None
    earlier, earlier_blocks = known
    frame = frames[table]
    changed = _changed_blocks(earlier_blocks, tables.column_digest.blocks(table, columns[table] or ()))
    kept = [p for p, keep in zip(earlier, _unchanged(frame, changed, [p.row for p in earlier]), strict=True) if keep]
    return kept, _blocks_of(frame, changed)


def _blocks_of(frame: pd.DataFrame, changed: np.ndarray) -> pd.DataFrame:
    """The rows of the blocks marked changed, as slices of the frame: a mask would take each
    column's cells one by one, a third of a second on a million rows for one block."""
    runs: list[tuple[int, int]] = []
    for block in np.flatnonzero(changed).tolist():
        start = block * ROW_BLOCK
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], start + ROW_BLOCK)
        else:
            runs.append((start, start + ROW_BLOCK))
    parts = [frame.iloc[start:end] for start, end in runs]
    if len(parts) == 1:
        return parts[0]
    return pd.concat(parts) if parts else frame.iloc[0:0]


def _judge_rows(
    rule: Across, frames: Mapping[str, pd.DataFrame], kept: list[Problem], rows: pd.DataFrame
) -> list[Problem]:
    """The rule's problems: those kept of unchanged rows, and those of the rows judged again. A
    problem naming anything but a row judged again (rule_failed) has the rule run on every row."""
    if rule.rows is None:
        return rule.run(frames)
    found = rule.run({**frames, rule.rows: rows})
    lines = set(rows.index.tolist())
    if all(p.table == rule.rows and p.row in lines for p in found):
        return kept + found
    return rule.run(frames)


def _guarded(name: str, tables_read: frozenset[str], check: QuoteCheck, texts: dict[str, str]) -> list[Problem]:
    """A check of quoted words that raises (one reaching for a column it does not declare) is itself
    a problem (rule_failed), as a rule across tables is: never a pass and never a traceback."""
    try:
        return check(texts)
    except (MemoryError, RecursionError):
        raise
    # Any fault of a check is reported, whatever its kind.
    except Exception as error:
        return [problem("rule_failed", min(tables_read), None, None, None, check=name, error=repr(error))]


def _digests_known(
    tables: TableCache, frames: Mapping[str, pd.DataFrame], raw: Mapping[str, ColumnDigests]
) -> tuple[dict[tuple[str, str | None], str], dict[BlocksOf, list[str]]]:
    """The column digests known before any rule asks: those kept with a table answered from its
    file's digest, and those taken for the pieces of a table read afresh that had nothing blanked,
    with the digests of their blocks of rows."""
    known: dict[tuple[str, str | None], str] = {}
    known_blocks: dict[BlocksOf, list[str]] = {}
    for name in frames:
        known.update(tables.digests_known.get(name, {}))
        if name in raw:
            known.update(raw[name].known)
            known_blocks.update(raw[name].known_blocks)
    return known, known_blocks


def _quote_checks(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[frozenset[str], QuoteCheck]]:
    """The checks of words anchored in the seeds, by name: the tables each reads (the texts come
    from the sources' seed files, so every one reads sources), and the check given the texts, bound
    to its tables cut to the columns it declares (``QUOTE_COLUMNS``)."""

    def cut(name: str, table: str) -> pd.DataFrame:
        frame, columns = frames[table], QUOTE_COLUMNS.get(name, {}).get(table)
        return frame if columns is None else frame[[column for column in frame.columns if column in columns]]

    def present(name: str, *tables: str) -> dict[str, pd.DataFrame]:
        return {table: cut(name, table) for table in tables if table in frames}

    checks: dict[str, tuple[frozenset[str], QuoteCheck]] = {
        "model_anchors": (
            frozenset({"sources", "claims", "actor_relations"}),
            partial(check_model_anchors, present("model_anchors", "claims", "actor_relations")),
        ),
        "coverage": (
            frozenset({"sources", "claims", "uncovered_sentences"}),
            partial(
                check_coverage,
                frames["sources"],
                present("coverage", "claims").get("claims"),
                present("coverage", "uncovered_sentences").get("uncovered_sentences"),
            ),
        ),
        "datelines": (frozenset({"sources"}), partial(check_datelines, frames["sources"])),
        "languages": (frozenset({"sources"}), partial(check_languages, frames["sources"])),
    }
    if "actors" in frames:
        checks["aliases"] = (
            frozenset({"sources", "actors"}),
            partial(check_aliases, cut("aliases", "actors"), frames["sources"]),
        )
    if "events" in frames:
        checks["place_aliases"] = (
            frozenset({"sources", "events"}),
            partial(check_place_aliases, cut("place_aliases", "events"), frames["sources"]),
        )
    if "claims" in frames:
        for name, check in (
            ("quotes", check_quotes),
            ("hedging", check_hedging),
            ("attribution_paragraph", check_attribution_paragraph),
        ):
            checks[name] = (frozenset({"sources", "claims"}), partial(check, cut(name, "claims")))
    return checks


def _read(
    data_dir: Path, declared: Table, validated: dict[str, bytes] | None, tables: TableCache | None, size: int
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a table's file once, safely, and keep its bytes for the build when asked. With the
    cache (``tables``), bytes this process has read before are not parsed again, a large file is
    parsed again only where it changed since it last read clean, and a file changed just before the
    run is hashed as read, so that it need not be hashed again after (``TableCache.as_read``)."""
    if tables is None:
        return _read_with(data_dir, declared, validated, None, None)
    as_read = partial(tables.as_read, declared.file_name)
    if size < by_blocks.READ_BY_BLOCKS_FROM:
        return _read_with(data_dir, declared, validated, tables, as_read)
    with stopping_pool(1) as loader:
        # The bytes are hashed (when asked) on the loader's thread too, after the kept cells load.
        hashing: list[Future[None]] = []
        kept = _Loading(tables, declared.name, loader)
        read = _read_with(data_dir, declared, validated, kept, lambda raw: hashing.append(loader.submit(as_read, raw)))
        for hashed in hashing:
            hashed.result()
        return read


def _read_with(
    data_dir: Path,
    declared: Table,
    validated: dict[str, bytes] | None,
    kept: KeptBlocks | None,
    as_read: Callable[[bytes], object] | None,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    raw, refused = read_data_file(data_dir, declared.name)
    if raw is None:
        return None, refused
    if validated is not None:
        validated[declared.name] = raw
    if as_read is not None:
        as_read(raw)
    if kept is None:
        return read_table(data_dir / declared.file_name, declared, raw)
    return read_table_recalled(data_dir / declared.file_name, declared, raw, kept)


class _Loading:
    """The cells the cache kept of a large table (syria_strikes/reading/by_blocks.py), loaded on a
    thread of their own while the table's file is read and its blocks are matched: on two cores
    that hides most of the load (hundreds of megabytes, read and hashed, at 1M claims)."""

    def __init__(self, tables: TableCache, table: str, loader: Executor) -> None:
        self.tables, self.table = tables, table
        known = tables.layout(table)
        self.known = None if known is None else (known[0], loader.submit(known[1]).result)

    def layout(self, table: str) -> tuple[Layout, LoadCells] | None:
        """Handed out once: a read that falls back to the whole file does not hold the loaded cells."""
        if table != self.table:
            return self.tables.layout(table)
        known, self.known = self.known, None
        return known

    def keep(self, table: str, layout: Layout, segments: Sequence[pa.Table | int], *, used: bool = False) -> None:
        self.tables.keep(table, layout, segments, used=used)


def _size(data_dir: Path, declared: Table) -> int:
    """The file's size, to start the largest first; 0 for anything that is not a readable file."""
    try:
        return os.stat(data_dir / declared.file_name).st_size
    except OSError:
        return 0


def validate(data_dir: Path) -> list[Problem]:
    return read_and_check(data_dir)[1]


def _blank(frame: pd.DataFrame, declared: Table, failed: set[tuple[int, str]]) -> pd.DataFrame:
    """Blank reported cells; a key keeps the ID it was meant to be (stripped of invisible
    characters, look-alikes made ASCII) so that references to it still resolve and one typo in a
    key gives one message, not one per referencing row."""
    if not failed:
        return frame
    frame = frame.copy()
    # One write per column: a cell-at-a-time write to an Arrow-backed column costs as much as the
    # column is long, which made a missing column quadratic in the rows.
    for column, lines in lines_by_column(failed).items():
        if column not in frame.columns:
            continue
        if column == declared.primary_key:
            keys = frame.loc[lines, column]
            frame.loc[lines, column] = keys.map(lambda key: id_skeleton(key) if isinstance(key, str) else None)
        else:
            frame.loc[lines, column] = None
    return frame
