"""Attacks on `build`: no --out it must not replace, a killed build, concurrent builds, a full disk.

The command runs in this process, or in forked children (tests/support/forked.py) where one is
killed or several race; a new interpreter only where its own streams at exit are the contract.
A release "an earlier build wrote" is the session's release, copied: building it again would
only repeat what the test that builds twice already checks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from syria_strikes import build as build_module
from syria_strikes.swap import output_lock
from tests.support.attacks import assert_clean_failure, fingerprint, in_process
from tests.support.dataset import Dataset, run_cli
from tests.support.forked import Forked, forked


@pytest.fixture
def clone(warm_dataset: Dataset) -> Dataset:
    """The dataset laid out as a fresh clone: a .git folder and the project files beside data/."""
    (warm_dataset.root / ".git").mkdir()
    (warm_dataset.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (warm_dataset.root / "README.md").write_text("# syria-strikes\n", encoding="utf-8")
    return warm_dataset


def _built(release: Path, out: Path) -> Path:
    """``out`` holding a release an earlier build wrote (marker and all)."""
    shutil.copytree(release, out)
    return out


@pytest.mark.parametrize("out", [".", "seeds", "data", "..", "/", "README.md", "data/release", ".git"])
def test_build_refuses_an_out_it_must_not_replace_and_touches_nothing(clone: Dataset, out: str) -> None:
    before = fingerprint(clone.root)
    result = in_process("build", "--out", out, cwd=clone.root)
    assert_clean_failure(result, 2)
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"error: --out {out} ")
    assert fingerprint(clone.root) == before


def test_build_refuses_a_home_folder_with_other_content(
    clone: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "thesis").mkdir(parents=True)
    (home / "thesis" / "chapter1.md").write_text("years of work", encoding="utf-8")
    before = fingerprint(home)
    monkeypatch.setenv("HOME", str(home))
    for out in (home, home / "thesis"):
        result = in_process("build", "--out", str(out), cwd=clone.root)
        assert_clean_failure(result, 2)
    assert fingerprint(home) == before


def test_build_replaces_a_release_it_wrote_and_leaves_a_marker(clone: Dataset) -> None:
    out = clone.root / "release"
    assert in_process("build", "--out", "release", cwd=clone.root).returncode == 0
    first = fingerprint(out)
    assert ".syria-strikes-release" in first
    assert in_process("build", "--out", "release", cwd=clone.root).returncode == 0
    assert {name: entry[:2] for name, entry in fingerprint(out).items()} == {
        name: entry[:2] for name, entry in first.items()
    }


def test_default_build_of_an_installed_package_refuses(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "in_source_checkout", lambda data_dir: False)
    installed = fingerprint(build_module.default_release_dir())
    code, output = run_cli(["build", "--data-dir", str(dataset.data_dir)])
    assert code == 2
    assert output == ""
    assert fingerprint(build_module.default_release_dir()) == installed


def test_default_build_of_a_dataset_other_than_the_checkout_refuses(dataset: Dataset) -> None:
    """With an editable install, a default build in a copy of the dataset replaced the checkout's release."""
    dataset.set_cell("claims", 0, "predicate", "no such predicate")  # were it built, nothing would be written
    release = build_module.default_release_dir()
    before = fingerprint(release) if release.exists() else None
    result = in_process("build", "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    assert_clean_failure(result, 2)
    assert "build needs --out DIR here" in result.stderr and result.stdout == ""
    assert (fingerprint(release) if release.exists() else None) == before


def _staging(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.staging-*"))


def _kill_when(process: Forked, ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 120
    while not ready() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    process.kill()


@pytest.mark.parametrize("moment", ["staging made", "descriptor written"])
def test_a_killed_build_leaves_a_complete_release_and_the_next_build_cleans_up(
    clone: Dataset, release: Path, moment: str
) -> None:
    out = _built(release, clone.root / "release")
    clone.set_cell("events", 0, "summary", "A new summary, so the next release differs.")
    process = Forked(["build", "--out", str(out)], cwd=clone.root)
    if moment == "staging made":
        _kill_when(process, lambda: bool(_staging(out)))
    else:
        _kill_when(process, lambda: any((path / "datapackage.json").exists() for path in _staging(out)))
    assert in_process("info", "--release", str(out)).returncode == 0  # old or new, complete and verified
    assert in_process("build", "--out", str(out), cwd=clone.root).returncode == 0
    assert _staging(out) == []
    assert sorted(path.name for path in clone.root.glob(".release.*")) == []


def test_a_second_build_is_refused_while_one_holds_the_output(clone: Dataset, release: Path) -> None:
    """The lock is taken on a file descriptor of its own (flock), so this process holding it stops
    a build in this process just as it stops another process's."""
    out = _built(release, clone.root / "release")
    before = fingerprint(out)
    with output_lock(out):
        result = in_process("build", "--out", str(out), cwd=clone.root)
    assert_clean_failure(result, 3)
    assert "another syria-strikes command is writing" in result.stderr
    assert fingerprint(out) == before


def test_concurrent_builds_end_in_one_complete_release(clone: Dataset) -> None:
    out = clone.root / "release"
    builds = [Forked(["build", "--out", str(out)], cwd=clone.root) for _ in range(3)]
    results = [process.wait(timeout=600) for process in builds]
    assert {result.returncode for result in results} <= {0, 3}
    assert any(result.returncode == 0 for result in results)
    for result in results:
        assert "Traceback" not in result.stdout + result.stderr
        if result.returncode == 3:
            assert "another syria-strikes command is writing" in result.stderr
    assert in_process("info", "--release", str(out)).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system with room for one release and a half, not for two: the size of the package's
    release in 4 KiB pages, as tmpfs counts them, times one and a half."""
    release = build_module.default_release_dir()
    pages = sum(-(-path.stat().st_size // 4096) for path in release.iterdir() if path.is_file())
    mount = tmp_path / "tiny"
    mount.mkdir()
    size = f"size={pages * 4 * 3 // 2 + 16}k"
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", size, "tmpfs", str(mount)], check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_ends_with_a_message_and_the_old_release_intact(
    clone: Dataset, tiny_disk: Path, release: Path
) -> None:
    out = _built(release, tiny_disk / "release")
    before = fingerprint(out)
    clone.set_cell("events", 0, "summary", "A new summary, so the next release differs.")
    # A process of its own: the files a failed build leaves open until its end or the garbage
    # collector's next pass would keep the small file system busy.
    result = forked("build", "--out", str(out), cwd=clone.root)
    assert_clean_failure(result, 3)
    assert "the disk is full" in result.stderr
    assert fingerprint(out) == before
    assert sorted(path.name for path in tiny_disk.iterdir()) == ["release"]


def test_a_full_stdout_ends_with_a_message() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "syria_strikes", "validate"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 3
    assert "the disk is full" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["validate", "--help"]])
def test_help_or_the_version_lost_to_a_full_stdout_ends_with_a_message(argv: list[str]) -> None:
    """argparse passed over a failed write and exited 0."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "syria_strikes", *argv], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert result.returncode == 3
    assert "the disk is full" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_version_to_a_closed_stdout_ends_with_a_message() -> None:
    closed = subprocess.run(
        f"{sys.executable} -m syria_strikes --version >&-", shell=True, stderr=subprocess.PIPE, text=True, check=False
    )
    assert closed.returncode == 3
    assert "standard output is closed" in closed.stderr


def test_a_closed_stdout_ends_with_a_message() -> None:
    assert in_process("info").returncode == 0
    closed = subprocess.run(
        f"{sys.executable} -m syria_strikes info >&-", shell=True, stderr=subprocess.PIPE, text=True, check=False
    )
    assert closed.returncode == 3
    assert "standard output is closed" in closed.stderr


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    result = subprocess.run(
        f"{sys.executable} -m syria_strikes info | head -c 1 > /dev/null; echo ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout.strip() in {"0", "141"}


def test_build_refuses_an_out_whose_staging_name_cannot_exist_and_touches_nothing(clone: Dataset) -> None:
    before = fingerprint(clone.root)
    result = in_process("build", "--out", "r" * 240, cwd=clone.root)
    assert_clean_failure(result, 2)
    assert "too long" in result.stderr
    assert fingerprint(clone.root) == before


@pytest.mark.parametrize(
    "name",
    ["caf\udce9 \x1b[2J", "what?mode=ro#%41", "file:release"],
    ids=["not-utf8-and-an-escape", "uri-characters", "uri-scheme"],
)
def test_a_folder_name_any_file_system_holds_is_built_into(clone: Dataset, name: str) -> None:
    """A name of bytes that are not UTF-8 (a Latin-1 'café'), or one a URI would read otherwise, is a
    folder like any other: the SQLite writer was handed the path as UTF-8 text, so the first ended
    in a traceback, after every table had been validated."""
    result = in_process("build", "--out", name, cwd=clone.root)
    assert_clean_failure(result, 0)
    out = clone.root / name
    assert in_process("info", "--release", str(out)).returncode == 0
    assert [path.name for path in clone.root.iterdir() if path.name.startswith(f".{name}.")] == []
