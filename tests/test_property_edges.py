"""Any argument and any file-system state, through every command: no traceback, no leak, and no
file changed outside the output folder.

Hypothesis damages a fresh copy of the dataset in one of the ways a file system can be odd (a
link to a secret, a FIFO, a folder or nothing where a file belongs, garbage, absurd JSON, a stray
file with an escape sequence in its name) and runs one command with arguments drawn from the
ones a user might type, including every folder a build must never replace. Commands run in
process, so an exception escaping ``main`` is the traceback a user would see.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syria_strikes.cache import CACHE_DIR
from syria_strikes.cli import main
from syria_strikes.generate import generated_files
from tests.support.attacks import fingerprint
from tests.support.dataset import copy_dataset

SECRET = "SECRET-TOKEN-7f3a9c"
TARGETS = ["data/claims.csv", "data/actors.csv", "datapackage.json", "seeds", "data", "seed"]
DAMAGES = ["none", "delete", "folder", "fifo", "secret link", "garbage", "deep json", "duplicate keys", "stray"]
OUTS = ["new", "empty", "release", ".", "data", "seeds", "root", "above", "file", "secret", "/"]
COMMANDS = [
    "validate",
    "build",
    "info",
    "generate",
    "generate --check",
    "site",
    "bundle",
    "data-hash",
    "archive",
    "locate",
    "locate --fix",
    "coverage",
    "coverage --format html",
    "diff",
]
HANG_GUARD_SECONDS = 600  # not a speed limit: only so a reader blocked on a FIFO fails instead of hanging


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Path:
    """The dataset with the release built from it beside it (the shared build of the same data)."""
    root = copy_dataset(tmp_path_factory.mktemp("template") / "dataset").root
    shutil.copytree(release, root / "release", symlinks=True)
    return root


def _damage(root: Path, outside: Path, target: str, damage: str) -> None:
    path = root / target if target != "seed" else next((root / "seeds").glob("0*"))
    if damage == "none":
        return
    if damage == "stray":
        (root / "data" / "claims \x1b[2J\u202e.csv.bak").write_text(SECRET, encoding="utf-8")
        return
    if path.is_dir() and damage in ("garbage", "deep json", "duplicate keys"):
        return
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    if damage == "folder":
        path.mkdir()
    elif damage == "fifo":
        os.mkfifo(path)
    elif damage == "secret link":
        path.symlink_to(outside / "secret.env")
    elif damage == "garbage":
        path.write_bytes(b'\xff\x00\x1b[2J a cell a report may quote\n"unclosed,')
    elif damage == "deep json":
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif damage == "duplicate keys":
        path.write_text('{"name": "syria-strikes", "name": "other"}', encoding="utf-8")


def _out(root: Path, outside: Path, kind: str) -> Path:
    (root / "empty").mkdir(exist_ok=True)
    return {
        "new": root / "fresh" / "release",
        "empty": root / "empty",
        "release": root / "release",
        ".": Path("."),
        "data": root / "data",
        "seeds": root / "seeds",
        "root": root,
        "above": root.parent,
        "file": outside / "secret.env",
        "secret": outside,
        "/": Path("/"),
    }[kind]


def _argv(command: str, root: Path, out: Path, json_output: bool) -> list[str]:
    data = ["--data-dir", str(root / "data")]
    output = ["--format", "json"] if json_output else []
    document = root.parent / "document.txt"
    document.write_text("A made-up document for the test suite.\n", encoding="utf-8")
    return {
        "bundle": ["bundle", *data, "--out", str(out)],
        "data-hash": ["data-hash", *data],
        "archive": ["archive", str(document), *data],
        "locate": ["locate", "src-seed-000", "Israel", *data, *output],
        "locate --fix": ["locate", "--fix", *data, *output],
        "coverage": ["coverage", *data, *output],
        "coverage --format html": ["coverage", *data, "--format", "html"],
        "diff": ["diff", str(root / "data"), str(out), *output],
        "validate": ["validate", *data, *output],
        "build": ["build", *data, "--out", str(out), *output],
        "info": ["info", "--release", str(out), *output],
        "generate": ["generate", "--root", str(out)],
        "generate --check": ["generate", "--root", str(out), "--check"],
        "site": ["site", "--release", str(root / "release"), "--seeds", str(root / "seeds"), "--out", str(out)],
    }[command]


def _allowed_to_change(root: Path, out: Path, command: str) -> set[str]:
    """Paths a command may write besides its output folder and the hidden lock and staging entries
    beside it: the generated files of a dataset folder, or the validation cache beside data/ (a
    path stands for everything below it too)."""
    if command == "generate":
        return {str((out / path).resolve()) for path in generated_files()}
    if command in ("validate", "bundle", "data-hash"):
        return {str((root / CACHE_DIR).resolve())}
    if command == "archive":  # the copy, its sources row and README line, as asked
        return {str((root / name).resolve()) for name in ("seeds", "data/sources.csv")}
    if command == "locate --fix":
        return {str((root / "data" / "claims.csv").resolve())}
    return set()


def _changed(before: dict, after: dict, base: Path, out: Path, allowed: set[str]) -> list[str]:
    resolved = out.resolve() if out.is_absolute() else (base / "dataset" / out).resolve()
    changed = []
    for name in sorted(set(before) | set(after)):
        if before.get(name) == after.get(name):
            continue
        path = (base / name).absolute()
        if path == resolved or resolved in path.parents or path.name.startswith(f".{resolved.name}."):
            continue
        if path in resolved.parents and name not in before:  # a folder made to hold a new --out
            continue
        if {str(path), str(path.resolve()), *map(str, path.parents)} & allowed:
            continue
        changed.append(name)
    return changed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(TARGETS),
    damage=st.sampled_from(DAMAGES),
    command=st.sampled_from(COMMANDS),
    out_kind=st.sampled_from(OUTS),
    json_output=st.booleans(),
)
def test_no_command_tracebacks_leaks_or_touches_what_it_was_not_given(
    template: Path, tmp_path_factory: pytest.TempPathFactory, target, damage, command, out_kind, json_output
) -> None:
    base = tmp_path_factory.mktemp("edge")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.env").write_text(SECRET + "\n", encoding="utf-8")
    root = base / "dataset"
    shutil.copytree(template, root, symlinks=True)
    _damage(root, outside, target, damage)
    out = _out(root, outside, out_kind)
    argv = _argv(command, root, out, json_output)
    before = fingerprint(base)
    stdout, stderr = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(root)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            try:
                code = main(argv)
            except SystemExit as exit_:
                code = exit_.code
    finally:
        signal.alarm(0)
        os.chdir(previous)
    printed = stdout.getvalue() + stderr.getvalue()
    assert code in (0, 1, 2, 3), (argv, printed)
    assert SECRET not in printed, argv
    assert "\x1b" not in printed, argv
    assert _changed(before, fingerprint(base), base, out, _allowed_to_change(root, out, command)) == [], argv
