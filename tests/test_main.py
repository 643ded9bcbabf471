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
