"""The validation cache (syria_strikes/cache.py) answers exactly as a cold run would, or not at all.

A cache that is trusted when it should not be hides a fault from a curator, so each way an entry
can go wrong (truncated, corrupted, copied from another dataset, written by another version) is
tried here, and hypothesis edits a dataset at random and compares every warm answer with a cold
one, problem for problem.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from syria_strikes import cache
from syria_strikes.cache import CACHE_DIR, RESULT_ENTRY, validate
from syria_strikes.checks.agreement import AGREEMENT_RULES
from syria_strikes.checks.model_rules import MODEL_RULES
from syria_strikes.checks.relations import RELATION_RULES
from syria_strikes.checks.schema import pieces
from syria_strikes.leftovers import temporary_beside
from syria_strikes.metadata import TABLE_NAMES, table
from syria_strikes.problems import Problem
from syria_strikes.reading import by_blocks, read_table
from syria_strikes.validate import QUOTE_COLUMNS
from tests.support.attacks import in_process
from tests.support.dataset import REPO, Dataset, copy_dataset, file_contents, link_cache, run_cli
from tests.support.interpreter import fresh_python
from tests.support.killed import aged, killed_at, temporary_files
from tests.support.unprivileged import forked_unprivileged


@pytest.fixture(autouse=True, scope="module")
def small_row_blocks() -> Iterator[None]:
    """Blocks of 8 rows, so that the 109 claims make 14 blocks: a rule that judges rows alone then
    keeps what it said of most of them after an edit, here and in the property test below. Every
    file is read by blocks of 8 records, as a large one is (syria_strikes/reading/by_blocks.py)."""
    import syria_strikes.validate as validate_module
    from syria_strikes.reading import by_blocks

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validate_module, "ROW_BLOCK", 8)
        patch.setattr(by_blocks, "READ_BY_BLOCKS_FROM", 0)
        patch.setattr(by_blocks, "BLOCK_ROWS", 8)
        yield


def _cold(dataset: Dataset) -> list[Problem]:
    return validate(dataset.data_dir, use_cache=False).problems


def _entries(dataset: Dataset) -> dict[str, bytes]:
    folder = dataset.root / CACHE_DIR
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@dataclass
class FilledCache:
    """A damaged copy, its cold answer, and the entries its cache holds once that answer is in it.
    Every copy with the same damage has the same cold answer: tests compare theirs with this one."""

    dataset: Dataset
    problems: list[Problem]
    entries: dict[str, bytes]


def _break_a_cell(dataset: Dataset) -> None:
    dataset.set_cell("claims", 0, "predicate", "no such predicate")


def _validate_command(dataset: Dataset) -> tuple[int, str, str]:
    """``syria-strikes validate`` run in-process: exit code, stdout and stderr."""
    ran = in_process("validate", "--data-dir", str(dataset.data_dir))
    return ran.returncode, ran.stdout, ran.stderr


def test_an_unchanged_dataset_is_answered_from_the_cache(warm_dataset: Dataset, filled_broken: FilledCache) -> None:
    _break_a_cell(warm_dataset)
    first = validate(warm_dataset.data_dir)
    second = validate(warm_dataset.data_dir)
    assert (first.source, second.source) == ("partly cached", "cache")
    assert second.problems == first.problems == filled_broken.problems
    assert any(problem.rule == "enum" for problem in second.problems)


def test_the_unchanged_answer_imports_no_heavy_library(warm_dataset: Dataset) -> None:
    """What a fresh interpreter imports: the one reason this runs in a process of its own."""
    assert validate(warm_dataset.data_dir).source == "cache"
    probe = (
        "import sys\n"
        "from syria_strikes.cli import main\n"
        f"code = main(['validate', '--data-dir', {str(warm_dataset.data_dir)!r}])\n"
        "heavy = sorted(({name.split('.')[0] for name in sys.modules} | set(sys.modules)) & "
        "{'pandas', 'pandera', 'frictionless', 'pyarrow', 'numpy', 'polars', 'duckdb', 'regex', "
        "'syria_strikes.text_policy', 'syria_strikes.outguard'})\n"
        "print(code, heavy)\n"
    )
    result = fresh_python(probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 []"


def test_after_one_cell_changes_only_the_rules_reading_its_column_are_checked_again(
    warm_dataset: Dataset, filled_broken: FilledCache
) -> None:
    _break_a_cell(warm_dataset)
    read = cache.inputs(warm_dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(cache.Store.of(warm_dataset.data_dir), read["data"], read["descriptor"], seeds)
    from syria_strikes.validate import read_and_check

    _, problems = read_and_check(warm_dataset.data_dir, tables)
    # A rule is answered again unless it reads the changed column (claims' predicate), or claims whole.
    across = [
        rule
        for rule in (*RELATION_RULES, *MODEL_RULES, *AGREEMENT_RULES)
        if "claims" not in rule.reads or "predicate" not in (rule.columns_of("claims") or {"predicate"})
    ]
    reading_claims = [rule for rule in across if "claims" in rule.reads]
    assert reading_claims and len(across) > len(reading_claims), "rules of both kinds are answered again"
    # The seed files' own check, the datelines' and languages' read sources and seeds only, the
    # aliases' actors too, the place aliases' events; the other quote checks read claims' quotes
    # and offsets, not the predicate.
    quote_checks = {f"rule {name}" for name in QUOTE_COLUMNS}
    assert "rule quotes" in quote_checks
    rules = {f"rule {rule.name}" for rule in across} | {"rule seeds", "rule datelines", "rule languages"} | quote_checks
    # A rule judging claims' rows alone that reads the predicate keeps what it said of the other blocks.
    judging_rows = {
        f"rule {rule.name}, unchanged rows"
        for rule in (*RELATION_RULES, *MODEL_RULES, *AGREEMENT_RULES)
        if rule.rows == "claims" and "predicate" in (rule.columns_of("claims") or ())
    }
    assert judging_rows, "no rule judging rows alone reads the predicate: this part could not fail"
    rules |= judging_rows
    # Of claims' own rules, only the predicate's cell rules and the row rules reading it run again,
    # the cell rules on the changed cell's block of rows alone.
    claims_pieces = {f"claims {piece.label}" for piece in pieces("claims") if "predicate" not in piece.reads}
    assert any(piece.startswith("claims row") for piece in claims_pieces)
    claims_pieces.add("claims column predicate, unchanged rows")
    assert sorted(tables.hits) == sorted({*TABLE_NAMES, "descriptor", *rules, *claims_pieces} - {"claims"})
    assert problems == filled_broken.problems


@pytest.mark.parametrize(
    "cells",
    [[["two", "event_id"]], [[2]], "event_id", [[True, "event_id"]]],
    ids=["line not a number", "no column", "not a list", "line a boolean"],
)
def test_a_piece_remembered_with_reported_cells_of_the_wrong_shape_is_checked_again(
    warm_dataset: Dataset, filled_broken: FilledCache, cells: object
) -> None:
    _break_a_cell(warm_dataset)
    store = cache.Store.of(warm_dataset.data_dir)
    entry = json.loads((store.folder / "pieces-claims.json").read_bytes().partition(b"\n")[2])
    forged = {label: [record[0], record[1], cells] for label, record in entry["pieces"].items()}
    store.write("pieces-claims.json", entry["key"], {"pieces": forged})
    read = cache.inputs(warm_dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(store, read["data"], read["descriptor"], seeds)
    from syria_strikes.validate import read_and_check

    _, problems = read_and_check(warm_dataset.data_dir, tables)
    assert not [hit for hit in tables.hits if hit.startswith("claims ")]
    assert problems == filled_broken.problems


def test_a_failure_of_the_whole_schema_is_kept_in_no_piece(
    warm_dataset: Dataset, filled_broken: FilledCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure pandera names no column or row rule of belongs to the whole table: kept in one
    piece, it would come back after the edit that ended it, while that piece's columns stayed."""
    from syria_strikes.checks import schema

    _break_a_cell(warm_dataset)
    real = schema._stopped_checks
    monkeypatch.setattr(schema, "_stopped_checks", lambda failures: [*real(failures), (None, "whole", "Error()")])
    stopped = validate(warm_dataset.data_dir)
    assert [p.rule for p in stopped.problems if p.rule == "rule_failed"] == ["rule_failed"]
    monkeypatch.undo()
    warm_dataset.set_cell("claims", 1, "curator_note", "Checked against the seed.")
    after = validate(warm_dataset.data_dir)
    assert after.problems == filled_broken.problems == _cold(warm_dataset)


def test_the_columns_of_unchanged_tables_are_not_digested_again(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their digests are kept with each table's entry; an edited table with nothing blanked hands
    the rules the digests its pieces took, with those of their blocks of rows (the rules judging
    rows alone ask for these). Only the edited table's columns are read, once each."""
    import syria_strikes.validate as validate_module
    from syria_strikes.column_digests import BLOCK_ROWS

    # Rows judged in the blocks a column's whole digest is made of, as outside these tests.
    monkeypatch.setattr(validate_module, "ROW_BLOCK", BLOCK_ROWS)
    warm_dataset.set_cell("claims", 0, "curator_note", "Checked against the seed.")
    assert validate(warm_dataset.data_dir).problems == []
    taken: list[int] = []
    real = validate_module.block_digests
    monkeypatch.setattr(
        validate_module, "block_digests", lambda cells, size: taken.append(len(cells)) or real(cells, size)
    )
    warm_dataset.set_cell("claims", 0, "curator_note", "Checked against the seed again.")
    again = validate(warm_dataset.data_dir)
    assert again.source == "partly cached" and again.problems == []
    claims = len(warm_dataset.rows("claims"))
    assert taken == [claims] * len(table("claims").columns)
    assert again.problems == _cold(warm_dataset)


def test_after_a_note_changes_the_repeated_rows_are_answered_from_the_cache(warm_dataset: Dataset) -> None:
    """A row entered again under a new ID is found by every column but its note: a curator adding
    a note does not have every row compared again."""
    for name in ("claims", "events"):
        warm_dataset.set_cell(name, 0, "curator_note", "Checked against the seed.")
    read = cache.inputs(warm_dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(cache.Store.of(warm_dataset.data_dir), read["data"], read["descriptor"], seeds)
    from syria_strikes.validate import read_and_check

    _, problems = read_and_check(warm_dataset.data_dir, tables)
    assert {"rule repeated_claims", "rule repeated_rows:events"} <= set(tables.hits)
    assert "rule unique_key:claims" not in tables.hits  # a repeated ID's whole rows, notes too
    assert problems == []


def test_a_rule_judging_rows_alone_judges_again_only_the_blocks_that_changed(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """claimant_named reads claims' notes: after one note changes it judges that note's block of 8
    rows again, and keeps what it said of the others, a problem found by the run before included."""
    import syria_strikes.validate as validate_module

    planted = warm_dataset.find("claims", claimant_actor_id="act-sana")
    warm_dataset.set_cell("claims", planted, "claimant_actor_id", "act-haaretz")
    assert [p.rule for p in validate(warm_dataset.data_dir).problems] == ["claimant_named"]
    last = len(warm_dataset.rows("claims")) - 1
    assert last // 8 != planted // 8, "the note edited must lie in another block than the planted claim"
    warm_dataset.set_cell("claims", last, "curator_note", "Checked against the seed.")
    judged: dict[str, int] = {}
    real = validate_module._judge_rows

    def spied(rule, frames, kept, rows):  # type: ignore[no-untyped-def]
        judged[rule.name] = len(rows)
        return real(rule, frames, kept, rows)

    monkeypatch.setattr(validate_module, "_judge_rows", spied)
    problems = validate(warm_dataset.data_dir).problems
    assert problems == _cold(warm_dataset)
    assert [(p.rule, p.row) for p in problems] == [("claimant_named", planted + 2)]
    # Of the rules judging rows alone, the two reading the note ran again, claimant_named on its block.
    assert set(judged) == {"claimant_named", "value_actor_named"}
    assert judged["claimant_named"] == last % 8 + 1


def test_a_column_s_cell_rules_judge_again_only_the_block_that_changed(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one note changes, the notes' cell rules judge that note's block of 8 rows again and keep
    what they said of the others, a problem found by the run before included."""
    import syria_strikes.validate as validate_module

    warm_dataset.set_cell("claims", 0, "curator_note", "N/A")
    assert [(p.rule, p.row) for p in validate(warm_dataset.data_dir).problems] == [("placeholder", 2)]
    last = len(warm_dataset.rows("claims")) - 1
    assert last // 8 != 0, "the note edited must lie in another block than the planted one"
    warm_dataset.set_cell("claims", last, "curator_note", "Checked against the seed.")
    judged: list[tuple[str, int]] = []
    real = validate_module.check_pieces

    def spied(frame, declared, failed, wanted=None):  # type: ignore[no-untyped-def]
        judged.extend((piece.label, len(frame)) for piece in wanted or () if declared.name == "claims")
        return real(frame, declared, failed, wanted)

    monkeypatch.setattr(validate_module, "check_pieces", spied)
    problems = validate(warm_dataset.data_dir).problems
    # The notes' cell rules ran once, on the last block alone; no other column's ran.
    assert [(label, rows) for label, rows in judged if label.startswith("column")] == [
        ("column curator_note", last % 8 + 1)
    ]
    assert problems == _cold(warm_dataset)
    assert [(p.rule, p.row) for p in problems] == [("placeholder", 2)]


def test_a_cell_made_longer_runs_again_only_what_reads_its_column_whatever_the_reader_s_blocks(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CSV reader splits a file into blocks of bytes, each a chunk of every column: a note made
    longer moves every later boundary. The digests follow the values, not the chunks, so the rules
    and schema pieces not reading the note are still answered from the cache (the cache was filled
    from a read in one block, this run reads in many)."""
    from syria_strikes.reading import table as reading_table
    from syria_strikes.validate import read_and_check

    monkeypatch.setattr(reading_table, "ARROW_BLOCK_BYTES", 2048)
    frame = read_table(warm_dataset.data_dir / "claims.csv", table("claims"))[0]
    assert frame is not None and frame["claim_id"].array.__arrow_array__().num_chunks > 2
    warm_dataset.set_cell("claims", 0, "curator_note", "Checked against the seed, and again in the archived copy.")
    read = cache.inputs(warm_dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(cache.Store.of(warm_dataset.data_dir), read["data"], read["descriptor"], seeds)
    _, problems = read_and_check(warm_dataset.data_dir, tables)
    assert problems == []
    unread = {f"claims {piece.label}" for piece in pieces("claims") if "curator_note" not in piece.reads}
    assert unread and unread <= set(tables.hits)
    assert {"rule repeated_claims", "rule one_stance", "rule place_written", "rule quotes"} <= set(tables.hits)


@pytest.mark.parametrize(
    "digests",
    [{"lines": "not hex", "columns": {"claim_id": "0" * 63}}, "digests", {"columns": {"claim_id": 7}}],
    ids=["not digests", "not a mapping", "not text"],
)
def test_column_digests_of_the_wrong_shape_kept_with_a_table_are_taken_again(
    warm_dataset: Dataset, filled_broken: FilledCache, digests: object
) -> None:
    store = cache.Store.of(warm_dataset.data_dir)
    for path in store.folder.glob("table-*.json"):
        entry = json.loads(path.read_bytes().partition(b"\n")[2])
        store.write(path.name, entry.pop("key"), {**entry, "digests": digests})
    _break_a_cell(warm_dataset)
    read = cache.inputs(warm_dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(store, read["data"], read["descriptor"], seeds)
    from syria_strikes.validate import read_and_check

    _, problems = read_and_check(warm_dataset.data_dir, tables)
    assert "actors" in tables.hits and tables.digests_known["actors"] == {}
    assert problems == filled_broken.problems


def test_a_cell_that_grew_a_line_moves_the_lines_a_cached_rule_reports(warm_dataset: Dataset) -> None:
    """A line break in an earlier note changes no column the references rule reads, but moves the
    line of every later claim: an answer keyed by the columns alone would name the old line."""
    last = len(warm_dataset.rows("claims")) - 1
    line = warm_dataset.set_cell("claims", last, "event_id", "evt-2021-07-22-no-such-event")
    before = validate(warm_dataset.data_dir)
    assert [(p.row, p.rule) for p in before.problems if p.column == "event_id"] == [(line, "foreign_key")]
    note = warm_dataset.rows("claims")[0]["curator_note"]
    warm_dataset.set_cell("claims", 0, "curator_note", note + "\nA second line.")
    after = validate(warm_dataset.data_dir)
    assert after.source == "partly cached"
    assert [(p.row, p.rule) for p in after.problems if p.column == "event_id"] == [(line + 1, "foreign_key")]
    assert after.problems == _cold(warm_dataset)


def test_after_a_table_changes_only_the_quote_checks_that_read_it_run_again(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every table is read by some check of words in the seeds (events' place aliases by the place
    aliases' check), so a changed column it reads has the seeds read again; the checks that do not
    read it answer from the cache, and an edit of a column no quote check reads runs none."""
    import syria_strikes.validate as validate_module

    ran: list[str] = []
    for name in ("check_quotes", "check_aliases", "check_place_aliases"):
        real = getattr(validate_module, name)
        monkeypatch.setattr(validate_module, name, lambda *a, _real=real, _name=name: ran.append(_name) or _real(*a))
    warm_dataset.set_cell("events", 0, "summary", "")
    summary_edited = validate(warm_dataset.data_dir)
    assert summary_edited.source == "partly cached" and ran == []
    row = warm_dataset.find("events", place_aliases=lambda aliases: "|" in aliases)
    aliases = warm_dataset.rows("events")[row]["place_aliases"]
    warm_dataset.set_cell("events", row, "place_aliases", aliases.partition("|")[2])
    warm = validate(warm_dataset.data_dir)
    assert warm.source == "partly cached" and ran == ["check_place_aliases"]
    assert warm.problems == _cold(warm_dataset)
    assert sorted(ran) == ["check_aliases", "check_place_aliases", "check_place_aliases", "check_quotes"]


def test_a_table_answered_from_the_cache_still_blanks_the_cells_it_reported(warm_dataset: Dataset) -> None:
    """The other checks get a reported cell blanked, or a key as it was meant to be: events'
    key with an invisible character still resolves for the claims that cite it. Recalled from the
    cache, the table must hand on the same frame, or each citing claim gains a dangling reference."""
    event_id = warm_dataset.rows("events")[0]["event_id"]
    warm_dataset.set_cell("events", 0, "event_id", "\u200b" + event_id)
    first = validate(warm_dataset.data_dir)
    assert [problem.rule for problem in first.problems] == ["clean_text"]
    warm_dataset.set_cell("claims", 0, "curator_note", "Checked again against the seed.")
    second = validate(warm_dataset.data_dir)
    assert second.source == "partly cached"  # events, unchanged since, is answered from the cache
    assert second.problems == first.problems == _cold(warm_dataset)


def test_a_changed_seed_or_descriptor_is_not_answered_from_the_cache(warm_dataset: Dataset) -> None:
    assert validate(warm_dataset.data_dir).source == "cache"
    seed = warm_dataset.seed("0")
    seed.write_bytes(seed.read_bytes() + b" ")
    after_seed = validate(warm_dataset.data_dir)
    assert after_seed.source != "cache"
    assert any(problem.rule == "seed_hash" for problem in after_seed.problems)
    descriptor = warm_dataset.root / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_descriptor = validate(warm_dataset.data_dir)
    assert after_descriptor.source != "cache"
    assert after_descriptor.problems == _cold(warm_dataset)


def test_a_seeds_folder_moved_out_of_the_dataset_behind_a_link_is_not_answered_from_the_cache(
    dataset: Dataset, tmp_path: Path
) -> None:
    """The same seeds, byte for byte, are no longer the dataset's once seeds/ is a link leading out."""
    validate(dataset.data_dir)
    seeds = dataset.root / "seeds"
    seeds.rename(tmp_path / "elsewhere")
    seeds.symlink_to(tmp_path / "elsewhere")
    after = validate(dataset.data_dir)
    assert after.source != "cache"
    assert after.problems == _cold(dataset) and any(problem.rule == "file_inside" for problem in after.problems)


def test_a_missing_descriptor_and_a_folder_in_its_place_are_told_apart(dataset: Dataset) -> None:
    descriptor = dataset.root / "datapackage.json"
    descriptor.unlink()
    cold_missing = _cold(dataset)
    descriptor.mkdir()
    cold_folder = _cold(dataset)
    assert validate(dataset.data_dir).problems == cold_folder
    descriptor.rmdir()
    missing = validate(dataset.data_dir)
    assert missing.source != "cache"
    assert missing.problems == cold_missing


def test_a_new_file_beside_the_tables_is_not_answered_from_the_cache(warm_dataset: Dataset) -> None:
    assert validate(warm_dataset.data_dir).source == "cache"
    (warm_dataset.data_dir / "claims (1).csv").write_bytes(warm_dataset.raw("claims"))
    outcome = validate(warm_dataset.data_dir)
    assert [problem.rule for problem in outcome.problems] == ["file_declared"]


def test_an_edit_that_keeps_size_and_modification_time_is_seen(warm_dataset: Dataset, monkeypatch) -> None:
    monkeypatch.setattr(cache, "RACY_NANOSECONDS", 0)  # trust every remembered hash at once
    assert validate(warm_dataset.data_dir).source == "cache"  # and remember each file's status
    path = warm_dataset.path("events")
    status = path.stat()
    content = path.read_bytes()
    changed = content.replace(b"2", b"3", 1)
    assert len(changed) == len(content) and changed != content
    path.write_bytes(changed)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    outcome = validate(warm_dataset.data_dir)
    assert outcome.source != "cache"
    assert outcome.problems == _cold(warm_dataset)


@pytest.fixture(scope="module")
def filled_broken(tmp_path_factory: pytest.TempPathFactory, undamaged_cache: Path) -> FilledCache:
    """Worked out once for the module: the damaged copy's cold answer."""
    dataset = copy_dataset(tmp_path_factory.mktemp("filled") / "dataset")
    link_cache(undamaged_cache, dataset.root / CACHE_DIR)
    _break_a_cell(dataset)
    validate(dataset.data_dir)
    return FilledCache(dataset, _cold(dataset), _entries(dataset))


@pytest.fixture
def broken_with_cache(tmp_path: Path, filled_broken: FilledCache) -> FilledCache:
    """A damaged copy whose cache entries are all its own, written by a run in it: a case may damage
    them in place without touching another test's. An entry copied in would not be trusted at all."""
    dataset = copy_dataset(tmp_path / "dataset")
    _break_a_cell(dataset)
    validate(dataset.data_dir)
    return FilledCache(dataset, filled_broken.problems, _entries(dataset))


def _rewrite_in_place(path: Path, content: bytes) -> None:
    """New bytes in the same file, its modification time kept: only the content tells them apart."""
    status = path.stat()
    path.write_bytes(content)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:], id="one bit flipped"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x00\xff garbage \x80" * 10, id="not ours"),
        pytest.param(lambda data: data.replace(cache.FORMAT, b"syria-strikes-cache 0"), id="other format"),
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(broken_with_cache: FilledCache, damage) -> None:
    dataset, expected = broken_with_cache.dataset, broken_with_cache.problems
    folder = dataset.root / CACHE_DIR
    for path in folder.glob("*.json"):
        _rewrite_in_place(path, damage(path.read_bytes()))
    outcome = validate(dataset.data_dir)
    assert outcome.source == "cold"
    assert outcome.problems == expected
    assert validate(dataset.data_dir).source == "cache"


def _edit_a_note(dataset: Dataset, text: str, row: int | None = None) -> None:
    """Add to the note of a claim (the one in the middle): still valid, and one longer line."""
    at = len(dataset.rows("claims")) // 2 if row is None else row
    note = dataset.rows("claims")[at]["curator_note"]
    dataset.set_cell("claims", at, "curator_note", f"{note} {text}".strip())


def _run_counting_hits(dataset: Dataset) -> tuple[list[Problem], list[str]]:
    from syria_strikes.validate import read_and_check

    read = cache.inputs(dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(cache.Store.of(dataset.data_dir), read["data"], read["descriptor"], seeds)
    return read_and_check(dataset.data_dir, tables)[1], tables.hits


def test_after_an_edit_a_table_is_parsed_again_only_between_its_unchanged_blocks(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second edit finds the cells the first run kept: claims' frame is the kept cells of its
    unchanged blocks of 8 records around the one block read again."""
    _edit_a_note(warm_dataset, "Checked against the seed.")
    assert validate(warm_dataset.data_dir).problems == []
    _edit_a_note(warm_dataset, "Checked again.")
    parsed: list[int] = []
    real = by_blocks._read_between

    def spied(data, table, read_clean):  # type: ignore[no-untyped-def]
        parsed.append(data.count(b"\n") - 1)
        return real(data, table, read_clean)

    monkeypatch.setattr(by_blocks, "_read_between", spied)
    problems, hits = _run_counting_hits(warm_dataset)
    assert "claims cells, unchanged blocks" in hits
    assert [rows for rows in parsed if rows] == [8], "the other tables are unchanged: nothing between"
    assert problems == _cold(warm_dataset) == []


def test_kept_cells_are_loaded_on_a_thread_of_their_own_while_the_file_is_read(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading them (read and hashed, hundreds of megabytes at 1M claims) overlaps reading the file
    and matching its blocks; the answer is the cold one."""
    import syria_strikes.validate as validate_module

    _edit_a_note(warm_dataset, "Checked against the seed.")
    assert validate(warm_dataset.data_dir).problems == []
    _edit_a_note(warm_dataset, "Checked again.")
    loaded: list[str] = []
    read: dict[str, str] = {}
    open_cells, read_data_file = cache.Store.open_cells, validate_module.read_data_file

    def spied_open(store: cache.Store, name: str, home: str) -> object:
        loaded.append(threading.current_thread().name)
        return open_cells(store, name, home)

    def spied_read(data_dir: Path, name: str) -> object:
        read[name] = threading.current_thread().name
        return read_data_file(data_dir, name)

    monkeypatch.setattr(cache.Store, "open_cells", spied_open)
    monkeypatch.setattr(validate_module, "read_data_file", spied_read)
    problems, hits = _run_counting_hits(warm_dataset)
    assert "claims cells, unchanged blocks" in hits
    assert loaded and not set(loaded) & set(read.values())
    assert problems == _cold(warm_dataset) == []


def _flip_a_bit(path: Path) -> None:
    data = path.read_bytes()
    _rewrite_in_place(path, data[:400] + bytes([data[400] ^ 1]) + data[401:])


def _copy_over(path: Path) -> None:
    """The same bytes and times in another file, as a backup restores them."""
    copy = path.with_name("copy")
    shutil.copy2(path, copy)
    os.replace(copy, path)


def _link_to_a_table(path: Path) -> None:
    path.unlink()
    path.symlink_to(REPO / "data" / "claims.csv")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: _rewrite_in_place(path, path.read_bytes()[:-100]), id="truncated"),
        pytest.param(_flip_a_bit, id="one bit flipped, its time kept"),
        pytest.param(_copy_over, id="copied"),
        pytest.param(_link_to_a_table, id="a link"),
        pytest.param(Path.unlink, id="removed"),
    ],
)
def test_damaged_kept_cells_are_never_used(warm_dataset: Dataset, damage) -> None:  # type: ignore[no-untyped-def]
    """Kept cells that are not as they were written have the file read whole: the same answer, no hit."""
    _edit_a_note(warm_dataset, "Checked against the seed.")
    assert validate(warm_dataset.data_dir).problems == []
    kept = sorted((warm_dataset.root / CACHE_DIR).glob("cells-claims-*.arrow"))
    assert kept, "no cells of claims were kept"
    for path in kept:
        damage(path)
    warm_dataset.set_cell("claims", 3, "stance", "assert")
    problems, hits = _run_counting_hits(warm_dataset)
    assert "claims cells, unchanged blocks" not in hits
    assert problems == _cold(warm_dataset) != []


def test_kept_cells_changed_or_cut_after_they_were_read_do_not_reach_the_run(warm_dataset: Dataset) -> None:
    """The kept cells are read into the run's memory: a later write to their file, or its truncation,
    changes nothing the run holds and cannot stop it."""
    from syria_strikes.reading.table import read_table as read_one

    _edit_a_note(warm_dataset, "Checked against the seed.")
    assert validate(warm_dataset.data_dir).problems == []
    _edit_a_note(warm_dataset, "Checked again.")
    read = cache.inputs(warm_dataset.data_dir, cache.Digests({}))
    seeds = {"seeds": read["seeds"], "folders": read["folders"]}
    tables = cache.TableCache(cache.Store.of(warm_dataset.data_dir), read["data"], read["descriptor"], seeds)
    path = warm_dataset.data_dir / "claims.csv"
    frame, _ = read_one(path, table("claims"), path.read_bytes(), tables)
    assert "claims cells, unchanged blocks" in tables.hits and frame is not None
    first = frame["claim_id"].iloc[0]
    for kept in (warm_dataset.root / CACHE_DIR).glob("cells-claims-*.arrow"):
        content = kept.read_bytes()
        at = content.find(first.encode())
        if at >= 0:
            _rewrite_in_place(kept, content[:at] + b"X" * len(first) + content[at + len(first) :])
        os.truncate(kept, 16)
    assert frame["claim_id"].iloc[0] == first
    assert frame["claim_id"].tolist() == [row["claim_id"] for row in warm_dataset.rows("claims")]


def test_kept_cells_no_entry_names_are_removed_and_other_files_are_left(warm_dataset: Dataset) -> None:
    folder = warm_dataset.root / CACHE_DIR
    (folder / "cells-claims-notes.txt").write_text("mine", encoding="utf-8")
    seen: set[str] = set()
    for count in range(by_blocks.MOST_SEGMENTS + 2):
        _edit_a_note(warm_dataset, "Checked.", count * 8 + 1)
        assert validate(warm_dataset.data_dir).problems == []
        seen |= {path.name for path in folder.glob("cells-claims-*.arrow")}
    entry = json.loads((folder / "cells-claims.json").read_bytes().partition(b"\n")[2])
    named = {name for name, _ in entry["files"]}
    assert {path.name for path in folder.glob("cells-claims-*.arrow")} == named
    assert len(named) <= by_blocks.MOST_SEGMENTS < len(seen)
    assert (folder / "cells-claims-notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_entry_whose_body_no_longer_matches_its_checksum_is_ignored(broken_with_cache: FilledCache) -> None:
    """A body changed under its old header (a bit flipped on disk, a hand edit of the answer) keeps
    its key and its home: only the sha256 in the header tells it apart. The damage above changes
    the key or the home too, or leaves no JSON, so it would be refused without that sha256."""
    dataset = broken_with_cache.dataset
    for path in (dataset.root / CACHE_DIR).glob("*.json"):
        header = path.read_bytes().partition(b"\n")[0]
        _rewrite_in_place(path, header + b"\n" + _forged(path).partition(b"\n")[2])
    assert validate(dataset.data_dir).problems == broken_with_cache.problems != []


def test_an_entry_from_another_dataset_is_not_trusted(broken_with_cache: FilledCache, undamaged_cache: Path) -> None:
    """A well-formed entry under another key: copied from a dataset with other data."""
    broken = broken_with_cache.dataset
    for name in (RESULT_ENTRY, "table-claims.json"):
        _rewrite_in_place(broken.root / CACHE_DIR / name, (undamaged_cache / name).read_bytes())
    outcome = validate(broken.data_dir)
    assert outcome.source == "partly cached"  # the other three tables are the same in both
    assert outcome.problems == broken_with_cache.problems != []


def test_an_entry_with_forged_problems_of_the_wrong_shape_is_ignored(warm_dataset: Dataset) -> None:
    assert validate(warm_dataset.data_dir).source == "cache"
    store = cache.Store.of(warm_dataset.data_dir)
    key = json.loads((store.folder / RESULT_ENTRY).read_bytes().partition(b"\n")[2])["key"]
    store.write(RESULT_ENTRY, key, {"problems": [["claims", "two", None, None, "enum", "x"]]})
    outcome = validate(warm_dataset.data_dir)
    assert outcome.source == "partly cached" and outcome.problems == []


def test_another_version_of_the_validator_does_not_reuse_the_cache(warm_dataset: Dataset, monkeypatch) -> None:
    assert validate(warm_dataset.data_dir).source == "cache"
    monkeypatch.setattr(cache, "fingerprint", lambda: "another validator")
    assert validate(warm_dataset.data_dir).source == "cold"


def test_a_file_edited_during_the_run_is_not_cached(dataset: Dataset, filled_broken: FilledCache, monkeypatch) -> None:
    """The answer belongs to what was read; a file changed meanwhile may have been read either way."""
    from syria_strikes import validate as validation

    checked = validation.read_and_check

    def edit_while_checking(data_dir: Path, tables: cache.TableCache | None) -> object:
        found = checked(data_dir, tables)
        _break_a_cell(dataset)
        return found

    monkeypatch.setattr(validation, "read_and_check", edit_while_checking)
    outcome = validate(dataset.data_dir)
    assert outcome.problems == [] and outcome.note is not None and "not cached" in outcome.note
    monkeypatch.setattr(validation, "read_and_check", checked)
    assert not (dataset.root / CACHE_DIR / RESULT_ENTRY).exists()
    assert not list((dataset.root / CACHE_DIR).glob("cells-*")), "text kept for entries never written"
    after = validate(dataset.data_dir)
    assert after.problems == filled_broken.problems != []


@pytest.mark.parametrize("by_blocks_from", [0, 1 << 40], ids=["read by blocks", "read whole"])
def test_a_table_changed_just_before_the_run_is_hashed_once_when_read_as_hashed(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch, by_blocks_from: int
) -> None:
    """Changed too recently for its status to vouch for it, the edited file was hashed again after
    the run (0.25 s at 1M claims); the digest of the bytes the run read vouches for it instead."""
    monkeypatch.setattr(by_blocks, "READ_BY_BLOCKS_FROM", by_blocks_from)
    _break_a_cell(warm_dataset)
    hashed: list[str] = []
    digest_of = cache._file_digest

    def counted(path: str, stopped: threading.Event | None = None) -> str:
        hashed.append(os.path.basename(path))
        return digest_of(path, stopped)

    monkeypatch.setattr(cache, "_file_digest", counted)
    outcome = validate(warm_dataset.data_dir)
    assert (outcome.source, outcome.note) == ("partly cached", None)
    assert hashed.count("claims.csv") == 1
    monkeypatch.setattr(cache, "_file_digest", digest_of)
    assert validate(warm_dataset.data_dir).source == "cache"


@pytest.mark.parametrize("by_blocks_from", [0, 1 << 40], ids=["read by blocks", "read whole"])
def test_a_table_read_otherwise_than_hashed_is_not_cached_even_when_changed_back(
    dataset: Dataset, filled_broken: FilledCache, monkeypatch: pytest.MonkeyPatch, by_blocks_from: int
) -> None:
    """Edited after it was hashed and put back once it was read, the file ends as it was hashed:
    the answer, which belongs to the edit, must not be kept as the answer for the file."""
    from syria_strikes import validate as validation

    monkeypatch.setattr(by_blocks, "READ_BY_BLOCKS_FROM", by_blocks_from)
    claims = dataset.path("claims")
    as_hashed = claims.read_bytes()
    read_data_file = validation.read_data_file

    def read_an_edit(data_dir: Path, name: str) -> tuple[bytes | None, list[Problem]]:
        if name != "claims":
            return read_data_file(data_dir, name)
        _break_a_cell(dataset)
        try:
            return read_data_file(data_dir, name)
        finally:
            claims.write_bytes(as_hashed)

    monkeypatch.setattr(validation, "read_data_file", read_an_edit)
    outcome = validate(dataset.data_dir)
    assert outcome.problems == filled_broken.problems != []
    assert outcome.note is not None and "not cached" in outcome.note
    monkeypatch.setattr(validation, "read_data_file", read_data_file)
    assert validate(dataset.data_dir).problems == []


def test_validation_writes_nothing_but_its_cache(warm_dataset: Dataset) -> None:
    _break_a_cell(warm_dataset)

    def snapshot() -> dict[Path, tuple[bytes, int]]:
        return {
            path: (path.read_bytes(), path.stat().st_mtime_ns)
            for path in warm_dataset.root.rglob("*")
            if path.is_file() and CACHE_DIR not in path.parts
        }

    before = snapshot()
    for _ in range(2):
        validate(warm_dataset.data_dir)
    assert snapshot() == before
    assert (warm_dataset.root / CACHE_DIR / ".gitignore").read_text(encoding="ascii") == "*\n"
    assert not [path for path in (warm_dataset.root / CACHE_DIR).iterdir() if path.name.endswith(".tmp")]


def test_the_files_that_keep_git_and_backups_out_are_written_again_when_damaged(
    warm_dataset: Dataset, tmp_path: Path
) -> None:
    """A full disk left '.gitignore' empty and no CACHEDIR.TAG, and later runs never mended them; a
    link in their place is replaced, never written through."""
    folder = warm_dataset.root / CACHE_DIR
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not the cache's\n", encoding="ascii")
    (folder / ".gitignore").write_bytes(b"")
    (folder / "CACHEDIR.TAG").unlink()
    (folder / "CACHEDIR.TAG").symlink_to(outside)
    _break_a_cell(warm_dataset)  # something to write
    validate(warm_dataset.data_dir)
    assert (folder / ".gitignore").read_text(encoding="ascii") == "*\n"
    assert not (folder / "CACHEDIR.TAG").is_symlink()
    assert (
        (folder / "CACHEDIR.TAG").read_text(encoding="ascii").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert outside.read_text(encoding="ascii") == "not the cache's\n"


def test_no_cache_neither_reads_nor_writes_it(dataset: Dataset) -> None:
    code, _ = run_cli(["validate", "--data-dir", str(dataset.data_dir), "--no-cache"])
    assert code == 0
    assert not (dataset.root / CACHE_DIR).exists()


def test_a_folder_where_the_cache_cannot_be_written_still_validates_cold(dataset: Dataset) -> None:
    """A file where the cache folder would go blocks it as a read-only folder would, even for root."""
    _break_a_cell(dataset)
    (dataset.root / CACHE_DIR).write_text("not a folder", encoding="ascii")
    code, output, errors = _validate_command(dataset)
    assert code == 1
    assert "rule: enum" in output
    note = errors.strip().splitlines()
    assert len(note) == 1 and note[0].startswith("note: could not write the validation cache")
    assert (dataset.root / CACHE_DIR).read_text(encoding="ascii") == "not a folder"


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX folder permissions")
def test_a_read_only_dataset_folder_still_validates_cold(dataset: Dataset) -> None:
    """Run without root's power to ignore permissions: as root, the folder is writable all the same."""
    os.chmod(dataset.root, 0o555)
    try:
        result = forked_unprivileged("validate", "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    finally:
        os.chmod(dataset.root, 0o755)
    assert result.returncode == 0, result.stderr
    note = result.stderr.strip().splitlines()
    assert len(note) == 1 and note[0].startswith("note: could not write the validation cache"), result.stderr
    assert not (dataset.root / CACHE_DIR).exists()


def test_concurrent_runs_leave_a_usable_cache(warm_dataset: Dataset) -> None:
    """Two processes (as many as this machine's processors run at once) re-check the damaged
    table and write its entry and the answer over each other."""
    _break_a_cell(warm_dataset)
    command = [sys.executable, "-m", "syria_strikes", "validate", "--data-dir", str(warm_dataset.data_dir)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate()[0] for run in runs]
    assert len(set(outputs)) == 1
    assert validate(warm_dataset.data_dir).source == "cache"
    assert not [path for path in (warm_dataset.root / CACHE_DIR).iterdir() if path.name.endswith(".tmp")]


# --- incremental answers equal cold answers, for random edits -----------------------------
# Every edit costs a warm and a cold validation (~0.55 CPU-s together); three edits are enough for
# the histories a stale entry shows in (an edit, another, one undone).
EDITS = st.lists(
    st.tuples(
        st.sampled_from([*TABLE_NAMES, "seed", "descriptor"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
        st.sampled_from(
            ["", " ", "x", "2020-02-30", "-1", "\u200b", "=1+1", "two\nlines", "copy", "delete row", "restore"]
        ),
    ),
    min_size=1,
    max_size=3,
)


def _edit(dataset: Dataset, target: str, row: int, column: int, value: str) -> None:
    """One edit: a cell set to a bad or borrowed value, a row deleted, a seed or descriptor touched,
    or a file restored to the original (which a warm cache must then recognise)."""
    if target == "seed":
        seed = sorted((dataset.root / "seeds").glob("*.txt"))[row % 2]
        original = REPO / "seeds" / seed.name
        seed.write_bytes(original.read_bytes() if value == "restore" else seed.read_bytes() + value.encode())
        return
    if target == "descriptor":
        path = dataset.root / "datapackage.json"
        path.write_bytes((REPO / "datapackage.json").read_bytes() + (b"" if value == "restore" else b"\n"))
        return
    if value == "restore":
        dataset.write_raw(target, (REPO / "data" / f"{target}.csv").read_bytes())
        return
    rows = dataset.rows(target)
    if not rows:
        return
    index = row % len(rows)
    if value == "delete row" and len(rows) > 1:
        del rows[index]
    else:
        name = list(rows[index])[column % len(rows[index])]
        rows[index][name] = rows[(index + 1) % len(rows)][name] if value == "copy" else value
    dataset.write_rows(target, rows)


def _content(dataset: Dataset) -> str:
    """A digest of every file a validation may read (all of them but the cache)."""
    digest = hashlib.sha256()
    for path in sorted(dataset.root.rglob("*")):
        if path.is_file() and CACHE_DIR not in path.relative_to(dataset.root).parts:
            digest.update(f"{path.relative_to(dataset.root)}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Scratch:
    """One copy of the dataset for every example: put back before each, with its cold answers by
    content, so a state two examples reach is validated cold once."""

    def __init__(self, dataset: Dataset, undamaged_cache: Path, originals: dict[Path, bytes]) -> None:
        self.dataset = dataset
        self.undamaged_cache = undamaged_cache
        self.originals = originals
        self.cold_answers: dict[str, list[Problem]] = {}

    def __repr__(self) -> str:  # a failing example names the copy, not every byte of it
        return f"Scratch({self.dataset.root})"

    def restore(self) -> None:
        """The original files and the undamaged data's cache: what validating a fresh copy leaves."""
        for path, content in self.originals.items():
            if path.read_bytes() != content:
                path.write_bytes(content)
        folder = self.dataset.root / CACHE_DIR
        shutil.rmtree(folder)
        link_cache(self.undamaged_cache, folder)

    def cold(self) -> list[Problem]:
        content = _content(self.dataset)
        if content not in self.cold_answers:
            self.cold_answers[content] = _cold(self.dataset)
        return self.cold_answers[content]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory, undamaged_cache: Path) -> Scratch:
    dataset = copy_dataset(tmp_path_factory.mktemp("incremental") / "dataset")
    link_cache(undamaged_cache, dataset.root / CACHE_DIR)
    originals = {path: path.read_bytes() for path in dataset.root.rglob("*") if path.is_file()}
    return Scratch(
        dataset, undamaged_cache, {path: data for path, data in originals.items() if CACHE_DIR not in path.parts}
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
# A seed or the descriptor is one target in eight: twelve random examples may touch neither.
@example(edits=[("seed", 0, 0, "x"), ("claims", 0, 0, "copy"), ("seed", 0, 0, "restore")])
@example(edits=[("descriptor", 0, 0, ""), ("descriptor", 0, 0, "restore")])
def test_incremental_validation_equals_cold_validation(scratch: Scratch, edits) -> None:
    """Each example edits the undamaged copy, its cache warm, and validates after each edit."""
    scratch.restore()
    dataset = scratch.dataset
    assert validate(dataset.data_dir).source == "cache", "the restored cache is not trusted: no run would be warm"
    for edit in edits:
        _edit(dataset, *edit)
        warm = validate(dataset.data_dir)
        assert warm.problems == scratch.cold(), edit
        assert validate(dataset.data_dir).problems == warm.problems


def test_a_copied_cache_is_not_trusted_and_a_moved_one_is(warm_dataset: Dataset, tmp_path: Path) -> None:
    """Entries name the file they were written to: a copy (times kept, as cp -a and backups keep
    them) is validated cold and rebuilt; the same folder moved elsewhere is still its own cache."""
    assert validate(warm_dataset.data_dir).source == "cache"
    copied = Dataset(tmp_path / "copied")
    shutil.copytree(warm_dataset.root, copied.root)
    assert (validate(copied.data_dir).source, validate(copied.data_dir).source) == ("cold", "cache")
    moved = Dataset(tmp_path / "moved")
    warm_dataset.root.rename(moved.root)
    assert validate(moved.data_dir).source == "cache"


def _forged(path: Path) -> bytes:
    """The entry with every problem and warning taken out, well-formed: a forged "valid"."""
    body = json.loads(path.read_bytes().partition(b"\n")[2])
    body.update({name: [] for name in ("problems", "warnings") if name in body})
    data = json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode()
    return cache.FORMAT + b" " + hashlib.sha256(data).hexdigest().encode() + b"\n" + data


def test_a_file_system_that_rounds_times_keeps_the_cache(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT keeps modification times to 2 s: the entry names the time the file system kept."""
    keep = os.utime

    def rounding(path: int, *, ns: tuple[int, int]) -> None:
        keep(path, ns=(ns[0] - ns[0] % 2_000_000_000, ns[1] - ns[1] % 2_000_000_000))

    monkeypatch.setattr(os, "utime", rounding)
    assert (validate(dataset.data_dir).source, validate(dataset.data_dir).source) == ("cold", "cache")


def test_a_system_that_sets_times_only_by_path_keeps_the_cache(dataset: Dataset, monkeypatch) -> None:
    """Windows sets a modification time by path alone: os.utime is not in os.supports_fd, and given
    a file descriptor it raises TypeError (CPython's own test_os says so)."""
    keep = os.utime

    def by_path_only(path: object, *, ns: tuple[int, int]) -> None:
        if isinstance(path, int):
            raise TypeError("utime: path should be string, bytes or os.PathLike, not int")
        keep(path, ns=ns)

    monkeypatch.setattr(os, "utime", by_path_only)
    assert os.utime not in os.supports_fd
    assert (validate(dataset.data_dir).source, validate(dataset.data_dir).source) == ("cold", "cache")


def test_a_forged_answer_checked_out_from_git_is_not_trusted(dataset: Dataset) -> None:
    """A pull request could commit a cache (past the .gitignore inside it) whose answer for its
    damaged data is "valid", well-formed and under the right key. Checked out, each entry is a new
    file with a new modification time, so none is read: the damage is reported."""
    _break_a_cell(dataset)
    damaged = validate(dataset.data_dir).problems
    assert damaged
    entries = sorted((dataset.root / CACHE_DIR).glob("*.json"))
    for path, content in [(path, _forged(path)) for path in entries]:  # as git writes a checkout: new files
        path.unlink()
        path.write_bytes(content)
    assert validate(dataset.data_dir).problems == damaged
    # The control: the same forgery written into the cache's own files is read back, so the
    # checkout above was refused for being other files, not for being ill-formed.
    for path in entries:
        _rewrite_in_place(path, _forged(path))
    assert validate(dataset.data_dir).problems == []


def test_parallel_threads_share_one_store_safely(dataset: Dataset) -> None:
    store = cache.Store.of(dataset.data_dir)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: store.write(f"entry-{n % 2}.json", "k", {"n": n}), range(40)))
    assert {store.read(f"entry-{n}.json", "k")["n"] % 2 for n in range(2)} == {0, 1}


def test_a_cache_folder_that_is_a_link_is_never_followed(dataset: Dataset, tmp_path: Path) -> None:
    """A link in the cache's place would let validate write wherever it leads: it runs cold instead."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / RESULT_ENTRY).write_text("precious", encoding="ascii")
    (dataset.root / CACHE_DIR).symlink_to(victim)
    _break_a_cell(dataset)
    code, output, errors = _validate_command(dataset)
    assert code == 1 and "rule: enum" in output
    note = errors.strip().splitlines()
    assert len(note) == 1 and note[0].startswith("note: could not write the validation cache")
    assert file_contents(victim) == {RESULT_ENTRY: b"precious"}
    assert (dataset.root / CACHE_DIR).is_symlink()


def test_a_cache_entry_that_is_a_link_is_neither_read_nor_written_through(
    warm_dataset: Dataset, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.json"
    entry = warm_dataset.root / CACHE_DIR / RESULT_ENTRY
    outside.write_bytes(entry.read_bytes())  # a valid entry, for data that is now broken
    entry.unlink()
    entry.symlink_to(outside)
    _break_a_cell(warm_dataset)
    before = outside.read_bytes()
    code, output, _ = _validate_command(warm_dataset)
    assert code == 1 and "rule: enum" in output
    assert outside.read_bytes() == before
    assert entry.is_symlink()


def test_an_entry_grown_larger_than_any_the_cache_writes_is_ignored_unread(
    broken_with_cache: FilledCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries were read whole, whatever their size: a sparse file of a terabyte among them (in a
    dataset unpacked from someone else's archive, the hidden folder and all) stopped every validate
    with "too large for the memory available", naming no file; one smaller than the memory was read."""
    dataset = broken_with_cache.dataset
    entry = dataset.root / CACHE_DIR / RESULT_ENTRY
    with entry.open("r+b") as handle:  # sparse: no disk space, and nothing in memory unless read
        handle.truncate(cache.ENTRY_MOST_BYTES + 1)
    largest: list[int] = []
    read_file = cache.read_file

    def recording(path: Path, folder: Path, **bounds: int) -> tuple[bytes, object]:
        data, key = read_file(path, folder, **bounds)
        largest.append(len(data))
        return data, key

    monkeypatch.setattr(cache, "read_file", recording)
    outcome = validate(dataset.data_dir)
    assert outcome.problems == broken_with_cache.problems != []
    assert max(largest, default=0) <= cache.ENTRY_MOST_BYTES
    monkeypatch.undo()
    assert entry.stat().st_size < cache.ENTRY_MOST_BYTES  # written again, whole
    assert validate(dataset.data_dir).source == "cache"


def _hashed_paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    hashed: list[str] = []
    digest = cache._file_digest

    def recording(path: str, *stopped: object) -> str:
        hashed.append(path)
        return digest(path, *stopped)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "_file_digest", recording)
    return hashed


def test_a_folder_without_a_descriptor_gets_no_cache_and_nothing_hashed(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``validate --data-dir /etc`` or ``/proc`` must neither write a cache there nor open every file in it."""
    (dataset.root / "datapackage.json").unlink()
    hashed = _hashed_paths(monkeypatch)
    outcome = validate(dataset.data_dir)
    assert outcome.source == "cold" and outcome.note is None
    assert any(problem.rule == "descriptor_present" for problem in outcome.problems)
    assert hashed == []
    assert not (dataset.root / CACHE_DIR).exists()


def test_only_the_files_validation_reads_are_hashed(warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray entry of data/ is keyed by name and kind: its content is never opened."""
    stray = warm_dataset.data_dir / "notes.txt"
    stray.write_text("a curator's notes", encoding="utf-8")
    hashed = _hashed_paths(monkeypatch)
    first = validate(warm_dataset.data_dir)
    assert first.problems == _cold(warm_dataset)
    names = {Path(path).name for path in hashed}
    assert {f"{table}.csv" for table in TABLE_NAMES} <= names
    assert str(stray) not in hashed and "notes.txt" not in names
    assert all(
        Path(path).parent in (warm_dataset.data_dir, warm_dataset.root / "seeds", warm_dataset.root) for path in hashed
    )
    stray.unlink()
    stray.mkdir()  # a file turned into a folder is another entry: not answered from the cache
    assert validate(warm_dataset.data_dir).problems == _cold(warm_dataset)


def test_a_device_is_never_hashed_as_a_file() -> None:
    with pytest.raises(OSError):
        cache._file_digest(os.devnull)


@pytest.mark.parametrize(
    "name", ["seeds/099_dropped_by_mistake.txt", "seeds/000_88ebea6c751ab514.txt", "datapackage.json"]
)
def test_a_file_larger_than_validation_reads_is_keyed_unread(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Validation refuses a seed above its bound (and a descriptor above its own) unread, whatever it
    holds, yet the cache hashed every file in seeds/ first: a sparse file of a terabyte there kept
    validate reading zeros for hours before it said a word."""
    from syria_strikes.metadata import SEED_MOST_BYTES

    huge = warm_dataset.root / name
    huge.unlink(missing_ok=True)
    with huge.open("wb") as handle:  # sparse: no disk space, and nothing in memory unless read
        handle.truncate(SEED_MOST_BYTES + 1)
    hashed = _hashed_paths(monkeypatch)
    first = validate(warm_dataset.data_dir)
    assert str(huge) not in hashed
    assert first.problems == _cold(warm_dataset) != []
    with huge.open("r+b") as handle:  # grown, still refused unread: the same answer
        handle.truncate(2 * SEED_MOST_BYTES)
    assert validate(warm_dataset.data_dir).source == "cache"
    with huge.open("r+b") as handle:  # within the bound again: read, and judged afresh
        handle.truncate(10)
    assert validate(warm_dataset.data_dir).problems == _cold(warm_dataset)


def test_an_interrupt_stops_the_hashing_of_the_seeds_on_the_other_thread(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seeds are hashed on a second thread, and leaving its pool waits for that thread: Ctrl-C or a
    kill while the tables were hashed raised at once on the main thread, yet the process hashed every
    seed before it could end, and a second kill was ignored while the first one's clean-up ran."""
    hashed = _hashed_paths(monkeypatch)
    listing = cache._listing

    def interrupted_on_this_thread(folder: str, *args: object) -> dict[str, str]:
        if Path(folder) == warm_dataset.data_dir:
            raise KeyboardInterrupt
        return listing(folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "_listing", interrupted_on_this_thread)
    digests = cache.Digests({})
    with pytest.raises(KeyboardInterrupt):
        cache.inputs(warm_dataset.data_dir, digests)
    assert digests.stopped.is_set()
    monkeypatch.setattr(cache, "_listing", listing)
    stopped = cache.Digests({})
    stopped.stopped.set()  # as the interrupt leaves it: the other thread hashes nothing more
    hashed.clear()
    with pytest.raises(cache.Stopped):
        cache._listing(str(warm_dataset.root / "seeds"), stopped, (warm_dataset.root,), lambda name: True)
    assert hashed == []


def test_the_next_run_removes_the_temporary_entry_a_killed_run_left(dataset: Dataset) -> None:
    """A validate killed between writing an entry beside its place and renaming it over left a hidden
    ``.<entry>.*.tmp`` in .syria-strikes-cache/ for good: no run ever looked at it again. The next
    run removes it, whether it reads its answer from the cache or not."""
    killed_at("replace", "validate", "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    (leftover,) = aged(temporary_files(dataset.root / CACHE_DIR))
    assert leftover.name.startswith(".") and ".syria-strikes-" in leftover.name
    older = dataset.root / CACHE_DIR / f".{RESULT_ENTRY}.k3j9x0ab.tmp"  # named as no run of this version names one
    older.write_bytes(b"not this version's")
    aged([older])
    assert validate(dataset.data_dir).problems == []
    assert temporary_files(dataset.root / CACHE_DIR) == [older]
    abandoned = temporary_beside(dataset.root / CACHE_DIR / RESULT_ENTRY)  # as a killed run leaves one
    abandoned.close()
    aged([abandoned.path])
    assert validate(dataset.data_dir).source == "cache"
    assert temporary_files(dataset.root / CACHE_DIR) == [older]
