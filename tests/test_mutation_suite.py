"""scripts/mutation_suite.py: the real command, in a subprocess, catches planted corruptions.

tests/test_rules.py already runs every kind in the catalogue in-process. What only a separate
process shows is the contract a curator sees: the exit code, the JSON on stdout, no traceback on
either stream, and a report that prints on the narrowest console. Each kind costs a Python
start-up (about 1.6 CPU-s; twice that with a warm cache, whose filling is a run of its own), so
this test runs the real command on a sample chosen for what crosses the process boundary:
non-ASCII and control characters quoted back in the report, faults found before any cell is read,
and the one kind that once crashed the validator. Each kind of the sample runs once, one of them
with a warm cache; tests/test_rules.py checks every kind with a warm cache in-process. The full
catalogue runs with `python -m scripts.mutation_suite` (add `--warm` for a warm cache).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from scripts import mutation_suite as suite
from syria_strikes.rules import RULES
from tests.support.catalogue import CATALOGUE
from tests.support.dataset import REPO, Dataset, copy_dataset
from tests.support.kinds import CellEdit, Expect, Kind, Mutation

THROUGH_THE_REAL_COMMAND = (
    "count too large for 64 bits",
    "Arabic-Indic digits in an ID",
    "NUL byte in a cell",
)
# A table the damage leaves unreadable, found before any cell is read, while the cache answers
# for every table it left alone.
WARM_THROUGH_THE_REAL_COMMAND = ("Windows-1252 encoded file (Excel's plain 'CSV')",)


def _kinds(names: tuple[str, ...]) -> list[Kind]:
    by_name = {mutation.name: mutation for mutation in CATALOGUE}
    missing = [name for name in names if name not in by_name]
    assert not missing, f"renamed or removed from the catalogue: {missing}"
    return [by_name[name] for name in names]


def test_sampled_kinds_are_caught_by_the_real_command() -> None:
    outcomes = suite.run_suite(_kinds(THROUGH_THE_REAL_COMMAND))
    assert [o.line() for o in outcomes if not o.caught] == []
    count = len(THROUGH_THE_REAL_COMMAND)
    assert suite.summary(outcomes) == f"{count} kinds tried, {count} caught, 0 tracebacks"


def test_sampled_kinds_are_caught_with_a_warm_cache() -> None:
    """The undamaged copy is validated first, so the damaged one reuses the cache for every
    table the damage left alone; the whole catalogue runs warm with `--warm`."""
    outcomes = suite.run_suite(_kinds(WARM_THROUGH_THE_REAL_COMMAND), warm=True)
    assert [o.line() for o in outcomes if not o.caught] == []
    assert suite.summary(outcomes) == "1 kinds tried, 1 caught, 0 tracebacks"


def _crash(data_dir: Path) -> list[str]:
    """Stands in for a validator that dies on bad data."""
    return [sys.executable, "-c", "raise RuntimeError('planted')"]


def test_a_traceback_is_counted_and_fails_the_suite() -> None:
    outcomes = suite.run_suite(_kinds(("missing required value",)), command=_crash)
    assert [(o.caught, o.traceback) for o in outcomes] == [(False, True)]
    assert suite.summary(outcomes) == "1 kinds tried, 0 caught, 1 tracebacks"
    assert outcomes[0].line().startswith("TRACEBACK")


def _outcome(expected: Expect, problems: tuple, exit_code: int = 1) -> suite.Outcome:
    return suite.Outcome("kind", expected, exit_code, problems, traceback=False)


def test_verdicts_need_the_right_place_and_nothing_else() -> None:
    enum = ("claims", 2, "stance", "enum")
    other = ("actors", 2, "kind", "enum")
    assert _outcome(Expect(*enum), (enum,)).caught
    assert _outcome(Expect(*enum, exact=False), (enum, other)).caught
    missed = _outcome(Expect("claims", 3, "stance", "enum"), (enum,))
    assert not missed.caught and missed.line().startswith("MISSED (got claims line 2 column stance [enum]) kind:")
    noisy = _outcome(Expect(*enum), (enum, other))
    assert not noisy.caught and noisy.line().startswith("IMPRECISE (2 problems, expected exactly 1) kind:")
    valid = _outcome(Expect(*enum), (), exit_code=0)
    assert not valid.caught and valid.line().startswith("MISSED (exit code 0)")


def test_a_rule_that_stopped_fails_the_kind_as_a_traceback_did() -> None:
    """rule_failed is the validator's fault put into words where a traceback was: beside the
    expected problem of a kind that allows others, it must not pass for caught."""
    enum = ("claims", 2, "stance", "enum")
    stopped = _outcome(Expect(*enum, exact=False), (enum, ("claims", None, None, "rule_failed")))
    assert not stopped.caught and stopped.line().startswith("RULE FAILED kind:")


def test_a_warned_kind_is_caught_only_when_validate_still_passes() -> None:
    warning = ("sources", 3, "seed_path", "coverage_declared")
    assert _outcome(Expect(*warning, decision="warn"), (warning,), exit_code=0).caught
    rejected = _outcome(Expect(*warning, decision="warn"), (warning,), exit_code=1)
    assert not rejected.caught and rejected.line().startswith("MISSED (exit code 1)")


def test_a_kind_is_judged_among_the_findings_of_its_own_decision() -> None:
    report = {"problems": [{"rule": "enum"}], "warnings": [{"rule": "coverage_declared"}]}
    assert Expect("claims", 2, "stance", "enum").findings(report) == [{"rule": "enum"}]
    warned = Expect("sources", 3, "seed_path", "coverage_declared", decision="warn")
    assert warned.findings(report) == [{"rule": "coverage_declared"}]


def _report_elsewhere(data_dir: Path) -> list[str]:
    """Stands in for the validator: a well-formed report that points at the wrong line."""
    report = {
        "valid": False,
        "problem_count": 1,
        "problems": [{"table": "claims", "row": 3, "column": "stance", "rule": "enum", "message": "planted"}],
    }
    return [sys.executable, "-c", f"print({json.dumps(report)!r}); raise SystemExit(1)"]


def _planted_on_line_2(ds: Dataset) -> Expect:
    ds.set_cell("claims", 0, "stance", "assert")
    return Expect("claims", 2, "stance", "enum")


def test_the_script_exits_non_zero_when_a_kind_is_missed(monkeypatch, capsys) -> None:
    monkeypatch.setattr(suite, "CATALOGUE", [Mutation("planted on line 2", _planted_on_line_2)])
    monkeypatch.setattr(suite, "validate_command", _report_elsewhere)
    assert suite.main([]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("MISSED (got claims line 3 column stance [enum]) planted on line 2:")
    assert lines[1:] == ["1 kinds tried, 0 caught, 0 tracebacks"]


# The registry's safety nets (csv_syntax: the csv module refusing the text; rule_failed: a rule
# that raised) are reached by no known input. file_readable is planted in
# tests/test_attack_validate.py, by a process without root's power to read any file; the suite
# runs the command as the test runs, possibly as root.
SAFETY_NETS = {"file_readable", *(declared.id for declared in RULES if declared.safety_net)}


def _policy_rules() -> set[str]:
    """Rule ids in the 'Rule id' column of the table in docs/data-policy.md."""
    rules: set[str] = set()
    for line in (REPO / "docs" / "data-policy.md").read_text(encoding="utf-8").splitlines():
        cells = re.split(r"(?<!\\)\|", line)
        if len(cells) == 7 and cells[1].strip() not in ("Area", "---"):
            rules |= set(re.findall(r"`([a-z0-9_]+)`", cells[4]))
    return rules


def _planted_rule(kind: Kind, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A cell edit states its rule; a structural edit says it once planted, on a copy of its own."""
    if isinstance(kind, CellEdit):
        return kind.rule
    return kind.apply(copy_dataset(tmp_path_factory.mktemp("policy") / "dataset")).rule


def test_the_data_policy_documents_exactly_the_rules_the_catalogue_plants(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    planted = {_planted_rule(kind, tmp_path_factory) for kind in CATALOGUE}
    documented = _policy_rules()
    assert planted - documented == set(), "rules the validator reports that docs/data-policy.md does not name"
    assert documented - planted - SAFETY_NETS == set(), "rules in docs/data-policy.md without a planted example"
