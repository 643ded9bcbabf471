"""The command's own process keeps hypothesis out (pandera would import it for nothing); a program
that calls ``cli.main`` inside its own process keeps every import it has."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from tests.support.dataset import Dataset, add_repository_files, file_contents
from tests.support.interpreter import fresh_python


def test_the_command_validates_without_importing_hypothesis() -> None:
    pytest.importorskip("hypothesis")  # installed with the [test] extra: pandera would import it
    code = (
        "import sys\n"
        "sys.argv = ['syria-strikes', 'validate', '--no-cache']\n"
        "from syria_strikes.__main__ import run\n"
        "code = run()\n"
        "print(code, type(sys.modules.get('hypothesis')).__name__)\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 NoneType"


def test_cli_main_leaves_the_callers_imports_alone() -> None:
    pytest.importorskip("hypothesis")
    code = (
        "import contextlib, io\n"
        "from syria_strikes.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['validate', '--no-cache'])\n"
        "import hypothesis\n"
        "print(hypothesis.__name__)\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "hypothesis"


def test_an_interrupt_ends_the_command_with_one_line_and_exit_130() -> None:
    """Ctrl-C while the command works: the writers have put back what they began (staging folders,
    temporary files, archive's rollback), so the process says so in one line, as a shell expects."""
    code = (
        "import signal, sys, time\n"
        # Python's own handler, whatever the suite inherited (a background job starts with SIGINT
        # ignored), raised in this thread: os.kill may hand it to one of pyarrow's threads, and the
        # sleep below then ran its full minute uninterrupted.
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import syria_strikes.cache\n"
        "def interrupted(*args, **kwargs):\n"
        "    signal.raise_signal(signal.SIGINT)\n"
        "    time.sleep(60)\n"
        "syria_strikes.cache.validate = interrupted\n"
        "sys.argv = ['syria-strikes', 'validate']\n"
        "from syria_strikes.__main__ import run\n"
        "sys.exit(run())\n"
    )
    result = fresh_python(code)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert result.stderr.startswith("interrupted")


# Where each command is stopped: a function it calls once its writing is under way (the archive's,
# just before its files change: while they move into place, a stop waits; see test_archive), and a
# test of the call's arguments.
TERMINATED_AT = {
    "build": ("syria_strikes.build", "write_release", "True"),
    "bundle": ("syria_strikes.bundle", "bundle_entries", "True"),
    "archive": ("syria_strikes.archive", "_readme_with", "True"),
}


@pytest.mark.parametrize(
    ("command", "ending", "word"),
    [*((command, "SIGTERM", "terminated") for command in sorted(TERMINATED_AT)), ("archive", "SIGHUP", "hung up")],
)
def test_a_terminated_command_removes_what_it_began_and_ends_with_one_line(
    dataset: Dataset, release: Path, tmp_path: Path, command: str, ending: str, word: str
) -> None:
    """``kill PID`` (SIGTERM, as a service manager, a CI timeout or a closed session sends) ended the
    process at once, past every clean-up: a build's staging folder stayed until the next build, a
    bundle's release in TMPDIR stayed for good, and an archive stopped between sources.csv and
    seeds/README.md left a seed, its row and no README line (now it waits for those moves; here it is
    stopped as it prepares them). It now ends as Ctrl-C does, exit 143;
    SIGHUP (the terminal or SSH session closed) likewise, exit 129."""
    root = dataset.root
    add_repository_files(dataset)
    shutil.copytree(release, root / "release")
    (tmp_path / "document.txt").write_text("A made-up document for the test suite.\n", encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    argv = {
        "build": ["build", "--out", "release"],
        "bundle": ["bundle", "--out", "dist"],
        "archive": ["archive", str(tmp_path / "document.txt")],
    }[command]
    module, name, when = TERMINATED_AT[command]
    before = file_contents(root)
    code = (
        "import os, signal, sys, tempfile, time\n"
        # A caller that does not ignore the signal, whatever the suite inherited: under nohup the
        # command rightly outlives a hang-up, and this run then slept its minute and exited 0.
        f"signal.signal(signal.{ending}, signal.SIG_DFL)\n"
        f"import {module} as target\n"
        f"real = target.{name}\n"
        "def terminated(*args, **kwargs):\n"
        "    result = real(*args, **kwargs)\n"
        f"    if {when}:\n"
        f"        signal.raise_signal(signal.{ending})\n"
        "        time.sleep(60)\n"
        "    return result\n"
        f"target.{name} = terminated\n"
        f"tempfile.tempdir = {str(tmp_path / 'tmp')!r}\n"
        f"os.chdir({str(root)!r})\n"
        f"sys.argv = ['syria-strikes', *{argv!r}]\n"
        "from syria_strikes.__main__ import run\n"
        "sys.exit(run())\n"
    )
    result = fresh_python(code)
    assert result.returncode == 128 + getattr(signal, ending), result.stderr
    assert result.stderr.startswith(word) and result.stderr.count("\n") == 1, result.stderr
    assert file_contents(root) == before
    assert sorted(path.name for path in root.iterdir() if path.name.startswith(".")) == []
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_hang_up_the_caller_ignores_leaves_the_command_running(tmp_path: Path) -> None:
    """``nohup syria-strikes build &`` asks for the command to outlive its terminal: a signal the caller
    set to be ignored stays ignored, so closing the session does not stop the build."""
    code = (
        "import signal, sys\n"
        "import syria_strikes.cache\n"
        "real = syria_strikes.cache.validate\n"
        "def hung_up(*args, **kwargs):\n"
        "    signal.raise_signal(signal.SIGHUP)\n"
        "    return real(*args, **kwargs)\n"
        "syria_strikes.cache.validate = hung_up\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup leaves it\n"
        "sys.argv = ['syria-strikes', 'validate', '--no-cache']\n"
        "from syria_strikes.__main__ import run\n"
        "sys.exit(run())\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("valid")


def test_a_second_termination_does_not_cut_the_clean_up_of_the_first_short(dataset: Dataset, tmp_path: Path) -> None:
    """A session closing sends SIGHUP and a service manager may send SIGTERM more than once: raised
    again while the first one's clean-up ran, it stopped the clean-up and left the staging folder."""
    code = (
        "import os, signal, sys, time\n"
        "import syria_strikes.build, syria_strikes.swap\n"
        "real_write, real_remove = syria_strikes.build.write_release, syria_strikes.swap.remove_folder\n"
        "def write(*args, **kwargs):\n"
        "    signal.raise_signal(signal.SIGTERM)\n"
        "    time.sleep(60)\n"
        "def remove(*args, **kwargs):\n"
        "    signal.raise_signal(signal.SIGHUP)\n"
        "    return real_remove(*args, **kwargs)\n"
        "syria_strikes.build.write_release, syria_strikes.swap.remove_folder = write, remove\n"
        f"os.chdir({str(dataset.root)!r})\n"
        f"sys.argv = ['syria-strikes', 'build', '--out', {str(tmp_path / 'out' / 'release')!r}]\n"
        "from syria_strikes.__main__ import run\n"
        "sys.exit(run())\n"
    )
    result = fresh_python(code)
    assert result.returncode == 143, result.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == []
