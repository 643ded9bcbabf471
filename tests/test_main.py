"""The command's own process keeps hypothesis out (pandera would import it for nothing); a program
that calls ``cli.main`` inside its own process keeps every import it has."""

from __future__ import annotations

import pytest

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
        "import os, signal, sys, time\n"
        "import syria_strikes.cache\n"
        "def interrupted(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
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
