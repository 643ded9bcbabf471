"""The build begins writing once every cell has passed, and throws that away if a later rule rejects."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from syria_strikes import build as build_module
from syria_strikes import validate
from syria_strikes.build import build
from syria_strikes.checks.across import across
from syria_strikes.problems import Problem
from syria_strikes.swap import operated_path, output_lock
from tests.support.dataset import Dataset, file_contents


def _hidden(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def test_sqlite_loads_while_the_rules_across_tables_run(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    loading = threading.Event()
    write_database = build_module.write_database

    def watched(*args: object) -> None:
        loading.set()
        write_database(*args)  # type: ignore[arg-type]

    seen: list[bool] = []

    def waits_for_the_database(frames: object) -> list[Problem]:
        seen.append(loading.wait(timeout=60))
        return []

    monkeypatch.setattr(build_module, "write_database", watched)
    monkeypatch.setattr(
        validate, "RELATION_RULES", (*validate.RELATION_RULES, across("waits", {"events"}, waits_for_the_database))
    )
    assert build(dataset.data_dir, dataset.root / "release") == []
    assert seen == [True]


def test_a_rule_across_tables_that_rejects_throws_the_begun_release_away(
    release: Path, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = dataset.root / "release"
    shutil.copytree(release, out)
    before = file_contents(out)
    begun: list[Path] = []
    write_database = build_module.write_database
    monkeypatch.setattr(
        build_module, "write_database", lambda path, tables: begun.append(path) or write_database(path, tables)
    )
    # Every cell is well formed; the event it names does not exist.
    dataset.set_cell("claims", 0, "event_id", "evt-2020-01-14-no-such-event")
    problems = build(dataset.data_dir, out)
    assert [problem.rule for problem in problems] == ["foreign_key"]
    assert begun and not begun[0].parent.exists()  # the staging folder was made, written in, and removed
    assert file_contents(out) == before
    assert _hidden(dataset.root) == []


def test_a_rejected_cell_begins_nothing(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    begun: list[object] = []
    monkeypatch.setattr(build_module, "write_database", lambda *args: begun.append(args))
    dataset.set_cell("claims", 0, "stance", "assert")
    out = dataset.root / "not-yet" / "release"
    assert [problem.rule for problem in build(dataset.data_dir, out)] == ["enum"]
    assert begun == []
    assert not out.parent.exists()
    assert _hidden(dataset.root) == []


def test_a_rejected_build_cancels_the_writes_not_yet_begun(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """One writer: the database is written first, and held until the verdict is in; the Parquet
    files queued behind it are then never written."""
    decided = threading.Event()
    rejections = build_module.rejections
    write_database = build_module.write_database
    written: list[str] = []

    def judged(problems: list[Problem]) -> list[Problem]:
        decided.set()
        return rejections(problems)

    def held(*args: object) -> None:
        decided.wait(timeout=60)
        write_database(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "WRITERS", 1)
    monkeypatch.setattr(build_module, "rejections", judged)
    monkeypatch.setattr(build_module, "write_database", held)
    monkeypatch.setattr(build_module, "_write_parquet", lambda arrow, folder, name, stamps: written.append(name))
    dataset.set_cell("claims", 0, "event_id", "evt-2020-01-14-no-such-event")
    assert [problem.rule for problem in build(dataset.data_dir, dataset.root / "release")] == ["foreign_key"]
    assert decided.is_set() and written == []


def test_a_build_a_rule_rejects_makes_no_folder_for_its_output(dataset: Dataset) -> None:
    """The command then says nothing was written: it must not have made the folders --out names."""
    dataset.set_cell("claims", 0, "event_id", "evt-2020-01-14-no-such-event")
    out = dataset.root / "not-yet" / "release"
    assert [problem.rule for problem in build(dataset.data_dir, out)] == ["foreign_key"]
    assert not out.parent.exists()


def test_a_build_a_rule_rejects_reports_its_problems_while_another_writes_the_output(dataset: Dataset) -> None:
    """Another build holding the output is no reason to hide this data's problems, as before the
    release was begun early."""
    out = dataset.root / "release"
    dataset.set_cell("claims", 0, "event_id", "evt-2020-01-14-no-such-event")
    with output_lock(operated_path(out)):
        assert [problem.rule for problem in build(dataset.data_dir, out)] == ["foreign_key"]
    assert not out.exists()
