"""Every rule fails on a planted error, at the right place, and passes on the real dataset."""

from __future__ import annotations

from typing import Any

import pytest

from syria_strikes import columnar, validate
from syria_strikes.checks import schema
from syria_strikes.rules import rule
from tests.support.catalogue import CATALOGUE
from tests.support.dataset import Dataset
from tests.support.kinds import Expect, Kind


def test_real_dataset_is_valid(dataset: Dataset) -> None:
    code, problems = dataset.validate()
    assert problems == []
    assert code == 0


def _assert_caught(expected: Expect, code: int, report: dict[str, Any]) -> None:
    """A rejected fault is judged among the problems (it may leave a warning behind, such as a
    sentence no longer declared), a warned one among the warnings, with validate still passing."""
    assert expected.decision == rule(expected.rule).decision, "the kind's decision is not its rule's"
    stopped = [p for p in (*report["problems"], *report.get("warnings", [])) if p["rule"] == "rule_failed"]
    assert stopped == [], "a rule failed: one that declares its columns may have read another"
    problems = expected.findings(report)
    assert code == expected.exit_code, problems
    located = [
        p
        for p in problems
        if (p["table"], p["row"], p["column"], p["rule"])
        == (expected.table, expected.row, expected.column, expected.rule)
    ]
    assert located, f"expected {expected}, got {problems}"
    if expected.exact:
        assert len(problems) == 1, problems
    assert all(p["message"] and p["rule"] for p in problems)


# Kinds that also run with every large-data path forced on (see the last test).
SIDE_BY_SIDE_SAMPLE = (
    "stray quote inside an unquoted cell",
    "every cell quoted (spreadsheet 'quote all text cells')",
    "wrong type: word in an integer column",
    "header row pasted again in the middle",
    "row of empty cells left by a spreadsheet",
    "value outside its enum",
    "'N/A' written for missing free text",
    "zero-width space before a referenced ID",
    "duplicate ID",
    "dangling item inside the reporting chain",
    "quote not at its offsets",
    "the same claim entered twice under two IDs",
    "place alias listed twice",
    "curly apostrophe garbled by a Windows-1252 round trip",
    "the same row of events entered twice under two IDs",
)
PLAIN = [kind for kind in CATALOGUE if kind.name not in SIDE_BY_SIDE_SAMPLE]
SIDE_BY_SIDE = [kind for kind in CATALOGUE if kind.name in SIDE_BY_SIDE_SAMPLE]


def test_every_kind_has_a_name_of_its_own() -> None:
    """The mutation suite and the test ids find a kind by its name."""
    names = [kind.name for kind in CATALOGUE]
    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_the_side_by_side_sample_names_kinds_of_the_catalogue() -> None:
    assert sorted(kind.name for kind in SIDE_BY_SIDE) == sorted(SIDE_BY_SIDE_SAMPLE)


@pytest.mark.parametrize("mutation", PLAIN, ids=[m.name for m in PLAIN])
def test_corruption_is_caught_where_it_was_planted(warm_dataset: Dataset, mutation: Kind) -> None:
    """Checked against the undamaged data's cache, as a curator's next run would be; the mutation
    suite (python -m scripts.mutation_suite) runs every kind cold."""
    expected = mutation.apply(warm_dataset)
    _assert_caught(expected, *warm_dataset.report())


def _force_the_large_file_paths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every large-data path on for the small real dataset, each table in as many parts as a
    four-processor machine checks side by side (on any machine); gives how many parts each table
    checked afresh was split into."""
    monkeypatch.setattr(validate, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(schema, "ROWS_PER_PART", 10)
    monkeypatch.setattr(columnar, "PER_VALUE_FROM_ROWS", 0)
    monkeypatch.setattr(validate.os, "cpu_count", lambda: validate.MOST_PARTS)
    parts: list[int] = []
    table_parts = schema.table_parts

    def counted(frame: Any, most: int) -> list[Any]:
        split = table_parts(frame, most)
        parts.append(len(split))
        return split

    monkeypatch.setattr(validate, "table_parts", counted)
    return parts


@pytest.mark.parametrize("mutation", SIDE_BY_SIDE, ids=[m.name for m in SIDE_BY_SIDE])
def test_corruption_is_caught_where_it_was_planted_and_the_same_on_the_large_file_paths(
    warm_dataset: Dataset, mutation: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large data takes other paths: files read and checked on threads, a table checked in
    parts, rules run once per distinct value. Forced on for the small real dataset, they must report
    exactly what the plain paths report. The second run is cold: from the cache it would only read
    back the first run's answer, and no large path would run."""
    expected = mutation.apply(warm_dataset)
    plain = warm_dataset.report()
    _assert_caught(expected, *plain)
    parts = _force_the_large_file_paths(monkeypatch)
    assert warm_dataset.report(cold=True) == plain
    assert max(parts, default=0) > 1, "no table was checked in parts"


def test_a_table_checked_in_parts_reports_the_faults_of_every_part(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kinds above damage a table's first rows, which the first part holds: a fault in the
    last part must be reported too, and once."""
    last = len(dataset.rows("claims")) - 1
    lines = {dataset.set_cell("claims", row, "stance", "assert") for row in (0, last)}
    plain = dataset.report(cold=True)
    assert {p["row"] for p in plain[1]["problems"] if p["rule"] == "enum"} == lines
    parts = _force_the_large_file_paths(monkeypatch)
    assert dataset.report(cold=True) == plain
    assert max(parts, default=0) == validate.MOST_PARTS
