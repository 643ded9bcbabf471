"""The light install: loading needs pandas and pyarrow only; a missing extra is named in one line."""

from __future__ import annotations

import tomllib

from syria_strikes.metadata import REPOSITORY_URL
from tests.support.dataset import REPO
from tests.support.interpreter import fresh_python

CURATOR_STACK = ("pandera", "frictionless", "adbc_driver_sqlite", "polars", "duckdb")


def _block(*modules: str) -> str:
    """Code that makes ``modules`` unimportable, as if their extra were not installed."""
    return "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in modules)


def _project() -> dict:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]


def test_the_install_requires_only_pandas_and_pyarrow() -> None:
    project = _project()
    assert sorted(requirement.split(">")[0] for requirement in project["dependencies"]) == ["pandas", "pyarrow"]
    extras = project["optional-dependencies"]
    assert {"pandera", "frictionless", "adbc-driver-sqlite"} <= {r.split(">")[0] for r in extras["validate"]}
    assert "syria-strikes[validate,polars,site]" in extras["test"]


def test_loading_describing_and_counting_import_nothing_of_the_curator_stack() -> None:
    code = (
        "import sys, syria_strikes\n"
        "syria_strikes.load_all(); syria_strikes.describe('claims', 'stance'); syria_strikes.event_summary()\n"
        "from syria_strikes.info import release_info; release_info()\n"
        f"print(sorted(set({CURATOR_STACK!r}) & set(sys.modules)))\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_event_summary_runs_on_a_pandas_without_na_value_strings() -> None:
    """pandas before 2.3, which the install accepts, has no ``StringDtype(na_value=...)``: a validator
    helper that built one when imported made event_summary() a TypeError there."""
    code = (
        "import pandas as pd\n"
        "class OldStringDtype(pd.StringDtype):\n"
        "    def __init__(self, storage=None, **keywords):\n"
        "        if keywords:\n"
        "            raise TypeError('no na_value before pandas 2.3')\n"
        "        super().__init__(storage)\n"
        "pd.StringDtype = OldStringDtype\n"
        "import syria_strikes\nprint(len(syria_strikes.event_summary()) > 0)\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_loading_works_with_the_curator_stack_blocked() -> None:
    result = fresh_python(_block(*CURATOR_STACK) + "import syria_strikes\nprint(len(syria_strikes.load('claims')))")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0


def test_polars_backend_without_polars_names_the_extra() -> None:
    code = _block("polars") + (
        "import syria_strikes\n"
        "try:\n"
        "    syria_strikes.load('claims', backend='polars')\n"
        "except syria_strikes.MissingExtra as error:\n"
        "    print(isinstance(error, ImportError), error)\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "True load(..., backend='polars') needs the 'polars' extra (missing: polars): "
        'pip install "syria-strikes[polars]"'
    )


def test_curator_commands_without_the_extra_say_which_in_one_line_and_exit_2() -> None:
    for command in ("validate", "build", "bundle"):
        code = _block("pandera") + f"from syria_strikes.cli import main\nraise SystemExit(main([{command!r}]))"
        result = fresh_python(code)
        assert result.returncode == 2, (command, result.stderr)
        prefix = f"error: `syria-strikes {command}` needs the 'validate' extra (missing: pandera"
        assert result.stderr.startswith(prefix)
        assert result.stderr.endswith('): pip install "syria-strikes[validate]"\n')
        assert result.stderr.count("\n") == 1
        assert result.stdout == ""


def test_project_urls_are_the_one_repository_address() -> None:
    urls = _project()["urls"]
    assert urls["Repository"] == REPOSITORY_URL
    assert all(url.startswith(REPOSITORY_URL) for url in urls.values())


def test_the_curators_diff_runs_without_the_validators_regex() -> None:
    """diff's reading of a table refused bytes that are not UTF-8 through the reading package, which
    loads regex (the validate extra): on the light install it ended in ModuleNotFoundError."""
    code = (
        _block("regex", *CURATOR_STACK)
        + "from syria_strikes.cli import main\n"
        + f"print(main(['diff', {str(REPO)!r}, {str(REPO)!r}]))\n"
    )
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0"
