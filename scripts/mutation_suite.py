"""Run every corruption of the catalogue (tests/support/) through the real command, as a curator would.

tests/test_rules.py calls the CLI in-process; this script runs `python -m syria_strikes validate`
in a subprocess against a fresh copy of the real dataset for each kind of corruption, so what is
checked is exactly what a curator or CI sees: the exit code, the JSON report and the absence of
any traceback on stdout or stderr. A kind counts as caught when the command exits 1, the report's
problems name the expected table, line, column and rule, and (for kinds marked ``exact``) nothing
else: a fault that drags a cascade of unrelated lines with it is not caught well. A kind whose rule
only warns counts as caught when the command exits 0 and the report's warnings name it (and, when
``exact``, nothing else among the warnings).

With --warm, the command first validates the undamaged copy, so the damage is found by a run
that reuses the validation cache (.syria-strikes-cache/) for everything the damage left alone.

Usage, from the repository root: python -m scripts.mutation_suite [--workers N] [--warm] [NAME_SUBSTRING ...]
Exit code 0 when every kind was caught without a traceback, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.support.catalogue import CATALOGUE
from tests.support.dataset import copy_dataset
from tests.support.kinds import Expect, Kind

Location = tuple[str, int | None, str | None, str]
# The report quotes bad data back (zero-width spaces, Arabic-Indic digits); run with the narrowest
# console encoding there is, so a report that would not print on some curator's console shows up
# here as the traceback it would be there.
NARROW_CONSOLE = {**os.environ, "PYTHONIOENCODING": "ascii"}


@dataclass(frozen=True)
class Outcome:
    """What the real command did with one kind of corruption."""

    name: str
    expected: Expect
    exit_code: int
    problems: tuple[Location, ...]
    traceback: bool
    output_error: str | None = None

    @property
    def located(self) -> bool:
        want = (self.expected.table, self.expected.row, self.expected.column, self.expected.rule)
        return want in self.problems

    @property
    def precise(self) -> bool:
        return not self.expected.exact or len(self.problems) == 1

    @property
    def rule_stopped(self) -> bool:
        """A rule raised and said so (rule_failed): the validator's fault, as a traceback is."""
        return any(rule == "rule_failed" for *_, rule in self.problems)

    @property
    def caught(self) -> bool:
        located = self.located and self.precise and not self.rule_stopped
        return self.exit_code == self.expected.exit_code and located and not self.traceback

    def line(self) -> str:
        """One line per kind: the verdict first, so a failing kind stands out in a long list."""
        e = self.expected
        where = f"{e.table} line {e.row} column {e.column} [{e.rule}]"
        if self.caught:
            verdict = "caught"
        elif self.traceback:
            verdict = "TRACEBACK"
        elif self.rule_stopped:
            verdict = "RULE FAILED"
        elif self.output_error:
            verdict = f"BAD OUTPUT ({self.output_error})"
        elif self.exit_code != self.expected.exit_code:
            verdict = f"MISSED (exit code {self.exit_code})"
        elif not self.located:
            verdict = f"MISSED (got {', '.join(_show(p) for p in self.problems[:3]) or 'nothing'})"
        else:
            verdict = f"IMPRECISE ({len(self.problems)} problems, expected exactly 1)"
        count = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        return f"{verdict:<9} {self.name}: {where}; {count}"


def _show(location: Location) -> str:
    table, row, column, rule = location
    return f"{table} line {row} column {column} [{rule}]"


def validate_command(data_dir: Path) -> list[str]:
    """The exact command a curator runs, pinned to this interpreter so the installed package is used."""
    return [sys.executable, "-m", "syria_strikes", "validate", "--data-dir", str(data_dir), "--format", "json"]


Command = Callable[[Path], list[str]]


def try_mutation(mutation: Kind, workdir: Path, command: Command | None = None, warm: bool = False) -> Outcome:
    """Damage a fresh copy of the real dataset in one way and run the real command on it
    (``command`` replaces it only to test this script's own verdicts); ``warm`` validates the
    undamaged copy first, so that the damaged one is checked with a warm cache."""
    dataset = copy_dataset(workdir / "dataset")
    if warm:
        _run(command or validate_command, dataset.data_dir, dataset.root)
    expected = mutation.apply(dataset)
    result = _run(command or validate_command, dataset.data_dir, dataset.root)
    traceback = "Traceback" in result.stdout or "Traceback" in result.stderr
    try:
        report = json.loads(result.stdout)
        problems = tuple((p["table"], p["row"], p["column"], p["rule"]) for p in expected.findings(report))
        error = None
    except (json.JSONDecodeError, KeyError, TypeError) as exception:
        problems, error = (), f"stdout is not the JSON report: {exception}"
    return Outcome(mutation.name, expected, result.returncode, problems, traceback, error)


def _run(command: Command, data_dir: Path, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(data_dir),
        cwd=root,
        env=NARROW_CONSOLE,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def run_suite(
    catalogue: Iterable[Kind], workers: int | None = None, command: Command | None = None, warm: bool = False
) -> list[Outcome]:
    """Every kind in its own temporary folder; kinds run in parallel because each is a fresh process."""

    def one(mutation: Kind) -> Outcome:
        with tempfile.TemporaryDirectory(prefix="mutation-") as folder:
            return try_mutation(mutation, Path(folder), command, warm)

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        return list(pool.map(one, catalogue))


def summary(outcomes: Sequence[Outcome]) -> str:
    caught = sum(outcome.caught for outcome in outcomes)
    tracebacks = sum(outcome.traceback for outcome in outcomes)
    return f"{len(outcomes)} kinds tried, {caught} caught, {tracebacks} tracebacks"


def all_caught(outcomes: Sequence[Outcome]) -> bool:
    return all(outcome.caught for outcome in outcomes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=None, help="parallel runs (default: CPU count)")
    parser.add_argument(
        "--warm", action="store_true", help="validate each undamaged copy first, so the damage meets a warm cache"
    )
    parser.add_argument("names", nargs="*", help="run only kinds whose name contains one of these")
    args = parser.parse_args(argv)
    chosen = [m for m in CATALOGUE if not args.names or any(n in m.name for n in args.names)]
    if not chosen:
        parser.error("no kind of corruption matches those names")
    outcomes = run_suite(chosen, args.workers, warm=args.warm)
    for outcome in outcomes:
        print(outcome.line())
    print(summary(outcomes))
    return 0 if all_caught(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
