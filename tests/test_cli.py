"""The command-line contract: exit codes, one line per problem, JSON output, no tracebacks.

Most tests call the command's main() in-process, which runs exactly what the console script
runs; a separate process is started only where the process itself is the contract: the exit
codes it returns and the absence of a traceback on its streams.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from syria_strikes.cli import main
from syria_strikes.metadata import REPOSITORY_URL
from tests.support.attacks import command
from tests.support.dataset import REPO, Dataset, copy_dataset, run_cli, shown


def test_validate_passes_from_the_repository_root(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["validate"]) == 0
    output = capsys.readouterr()
    assert output.out.startswith("valid"), output.out + output.err
    assert output.err == ""


def test_planted_error_gives_exactly_one_clear_line(warm_dataset: Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    line = warm_dataset.set_cell("claims", 0, "stance", "assert")
    assert main(["validate", "--data-dir", str(warm_dataset.data_dir)]) == 1
    output = capsys.readouterr()
    problem_lines = output.out.strip().splitlines()[:-1]
    # The file is named as given with --data-dir.
    assert problem_lines == [
        f"{shown(warm_dataset.path('claims'))}, line {line}, column stance, value 'assert': "
        "is not one of the allowed values: asserts, denies, disputes, questions, no_comment, cannot_verify, "
        "reports; did you mean 'asserts'? [rule: enum]"
    ]
    assert output.err == ""


def test_json_output_carries_the_same_facts(warm_dataset: Dataset) -> None:
    line = warm_dataset.set_cell("events", 0, "date_end", "2020-02-30")
    code, output = run_cli(["validate", "--data-dir", str(warm_dataset.data_dir), "--format", "json"])
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
            "decision": "reject",
            "file": "data/events.csv",
            "path": shown(warm_dataset.path("events")),
        }
    ]
    assert (report["warning_count"], report["warnings"]) == (0, [])


def test_every_problem_is_listed_at_once(warm_dataset: Dataset) -> None:
    warm_dataset.set_cell("claims", 0, "stance", "assert")
    warm_dataset.set_cell("events", 0, "date_end", "2020-02-30")
    warm_dataset.set_cell("actors", 0, "kind", "planet")
    code, problems = warm_dataset.validate()
    assert code == 1
    assert {p["table"] for p in problems} == {"claims", "events", "actors"}


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["validate", "--data-dir", str(tmp_path / "absent")], ["validate", "--format", "xml"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2, argv
    assert "no data folder at" in capsys.readouterr().err
    assert main([]) == 2
    # The process itself: an unknown command ends it with exit code 2 and a usage line, no traceback.
    result = command("frobnicate")
    assert result.returncode == 2
    assert "usage: syria-strikes" in result.stderr and "Traceback" not in result.stderr


def test_bad_data_never_gives_a_traceback(warm_dataset: Dataset, capsys: pytest.CaptureFixture[str]) -> None:
    """In this process an escaping exception fails the test, as it would print a traceback."""
    warm_dataset.write_raw("claims", b'\xff\xfe garbage,"unclosed\n')
    warm_dataset.write_raw("events", b"")
    (warm_dataset.root / "datapackage.json").write_text("[]", encoding="utf-8")
    assert main(["validate", "--data-dir", str(warm_dataset.data_dir)]) == 1
    output = capsys.readouterr()
    assert "Traceback" not in output.err + output.out


def test_console_script_is_installed() -> None:
    scripts = Path(sys.executable).parent
    assert (scripts / "syria-strikes").exists() or (scripts / "syria-strikes.exe").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["build", "--out", ""],
        ["validate", "--data-dir", ""],
        ["bundle", "--out", ""],
        ["site", "--out", ""],
        ["diff", "", "data"],
        ["archive", ""],
    ],
)
def test_an_empty_path_is_refused_not_read_as_the_current_folder(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(argv)[0] == 2
    assert "an empty path names nothing" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["validate", "coverage", "build", "archive"])
def test_a_line_break_in_a_path_argument_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A path the user gives is printed back as one field, escaped like a file name or a cell: its
    line break does not start a line of the command's output."""
    dataset = copy_dataset(tmp_path / "set\nforged")
    data = str(dataset.data_dir)
    document = tmp_path / "doc\nforged.txt"
    document.write_text("A made-up document for the test suite.\n", encoding="utf-8")
    argv = {
        "validate": ["validate", "--data-dir", data],
        "coverage": ["coverage", "--data-dir", data],
        "build": ["build", "--data-dir", data, "--out", str(tmp_path / "release\nforged")],
        "archive": ["archive", str(document), "--data-dir", data],
    }[name]
    if name == "validate":
        dataset.set_cell("claims", 0, "stance", "assert")
    main(argv)
    output = capsys.readouterr()
    assert "\\x0aforged" in output.out
    assert not [line for line in output.out.splitlines() if line.startswith("forged")], output.out


@pytest.mark.parametrize("name", ["validate", "data-hash", "coverage"])
def test_a_line_break_in_a_missing_data_folder_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """The usage error that no data folder is there names the path as one field too, under the
    command's usage."""
    with pytest.raises(SystemExit):
        main([name, "--data-dir", str(tmp_path / "x\nerror: forged")])
    err = capsys.readouterr().err
    assert "x\\x0aerror: forged" in err
    assert not [line for line in err.splitlines() if line.startswith("error: forged")], err
    # the command's own usage and name, not the list of every command
    assert err.startswith(f"usage: syria-strikes {name} ") and f"syria-strikes {name}: error: no data folder" in err


def test_a_data_folder_path_too_long_for_the_system_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path the system refuses by its length is the user's to shorten (exit 2), not a failure of
    the system (exit 3); the line names no more of it than any other path."""
    with pytest.raises(SystemExit) as exit_:
        main(["validate", "--data-dir", str(tmp_path / ("x" * 300))])
    assert exit_.value.code == 2
    assert "the path is longer than the system allows" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["diff", "archive", "locate", "generate", "info", "info deep", "site", "validate"])
@pytest.mark.parametrize("shape", ["one long name", "deep"])
def test_any_path_too_long_for_the_system_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, shape: str
) -> None:
    """``info`` and ``site`` said the release could not be read, and exited 1."""
    long = str(tmp_path / ("x" * 300 if shape == "one long name" else "/".join(["x"] * 3000)))
    argv = {
        "diff": ["diff", long, str(REPO / "data")],
        "archive": ["archive", long, "--data-dir", str(REPO / "data")],
        "locate": ["locate", long, "words", "--data-dir", str(REPO / "data")],
        "generate": ["generate", "--root", long],
        "info": ["info", "--release", long],
        "info deep": ["info", "--deep", "--release", long],
        "site": ["site", "--release", long, "--out", str(tmp_path / "site")],
        "validate": ["validate", "--data-dir", long],
    }[name]
    assert run_cli(argv)[0] == 2
    assert "longer than the system allows" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "missing"),
    [
        (["validate"], "data/"),
        (["locate", "src-seed-000", "words"], "data/"),
        (["site", "--out", "site"], "seeds/"),
    ],
    ids=["validate", "locate by source_id", "site"],
)
def test_a_command_run_outside_a_clone_says_where_the_files_are(
    argv: list[str], missing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After `pip install` the tables and seeds are nowhere on disk: 'run from the repository root'
    named no repository (and locate said only 'src-seed-000: no such file')."""
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    error = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in error
    last = error.splitlines()[-1]
    assert f"run from the root of a clone of {REPOSITORY_URL} (the installed package holds no {missing})" in last
    assert list(tmp_path.iterdir()) == []
