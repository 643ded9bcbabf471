"""The command-line contract: exit codes, one line per problem, JSON output, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dataset import REPO, Dataset, run_cli


def _command(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "syria_strikes", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_validate_passes_from_the_repository_root() -> None:
    result = _command("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("valid")


def test_planted_error_gives_exactly_one_clear_line(dataset: Dataset) -> None:
    line = dataset.set_cell("claims", 0, "stance", "assert")
    result = _command("validate", "--data-dir", str(dataset.data_dir))
    assert result.returncode == 1
    problem_lines = result.stdout.strip().splitlines()[:-1]
    assert problem_lines == [
        f"data/claims.csv, line {line}, column stance, value 'assert': is not one of the allowed values: "
        "asserts, denies, disputes, questions, no_comment, cannot_verify, reports [rule: enum]"
    ]
    assert "Traceback" not in result.stderr


def test_json_output_carries_the_same_facts(dataset: Dataset) -> None:
    line = dataset.set_cell("events", 0, "date_end", "2020-02-30")
    code, output = run_cli(["validate", "--data-dir", str(dataset.data_dir), "--format", "json"])
    report = json.loads(output)
    assert code == 1
    assert report["valid"] is False
    assert report["problems"] == [
        {
            "table": "events",
            "row": line,
            "column": "date_end",
            "value": "2020-02-30",
            "rule": "type_date",
            "message": "is not a real calendar date",
            "file": "data/events.csv",
        }
    ]


def test_every_problem_is_listed_at_once(dataset: Dataset) -> None:
    dataset.set_cell("claims", 0, "stance", "assert")
    dataset.set_cell("events", 0, "date_end", "2020-02-30")
    dataset.set_cell("actors", 0, "kind", "planet")
    code, problems = dataset.validate()
    assert code == 1
    assert {p["table"] for p in problems} == {"claims", "events", "actors"}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _command("validate", "--data-dir", str(tmp_path / "absent")).returncode == 2
    assert _command("validate", "--format", "xml").returncode == 2
    assert _command("frobnicate").returncode == 2
    assert _command().returncode == 2


def test_bad_data_never_gives_a_traceback(dataset: Dataset) -> None:
    dataset.write_raw("claims", b'\xff\xfe garbage,"unclosed\n')
    dataset.write_raw("events", b"")
    (dataset.root / "datapackage.json").write_text("[]", encoding="utf-8")
    result = _command("validate", "--data-dir", str(dataset.data_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_console_script_is_installed() -> None:
    scripts = Path(sys.executable).parent
    assert (scripts / "syria-strikes").exists() or (scripts / "syria-strikes.exe").exists()
