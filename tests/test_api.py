"""The public API is discoverable and typed: dir(), TableName, py.typed, release_info, examples."""

from __future__ import annotations

import inspect
import json
import typing
from pathlib import Path

import pytest

import syria_strikes
from syria_strikes.metadata import TABLE_NAMES
from tests.support.dataset import REPO
from tests.support.dated_release import CREATED, built_dated_release

FUNCTIONS = ("describe", "event_summary", "load", "load_all", "release_info", "tables")


@pytest.fixture(scope="module")
def dated_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_dated_release(tmp_path_factory)


def test_dir_lists_the_lazy_names_and_each_resolves() -> None:
    listed = dir(syria_strikes)
    assert set(syria_strikes.__all__) <= set(listed)
    assert {"load", "load_all", "event_summary", "release_info", "ReleaseError", "MissingExtra"} <= set(listed)
    for name in syria_strikes.__all__:
        assert getattr(syria_strikes, name) is not None, name


def test_table_name_type_is_the_metadata_s_table_names() -> None:
    assert typing.get_args(syria_strikes.TableName) == TABLE_NAMES


def test_package_is_marked_typed() -> None:
    assert (Path(syria_strikes.__file__).parent / "py.typed").is_file()


def test_every_public_function_shows_a_one_line_example() -> None:
    for name in FUNCTIONS:
        doc = inspect.getdoc(getattr(syria_strikes, name)) or ""
        assert f"{name}(" in doc and ("e.g. ``" in doc or ">>>" in doc), name


def test_help_names_no_repository_file_as_a_bare_path() -> None:
    """help() is read after `pip install`, where docs/ is not on disk: a page it points to is a link."""
    for name in FUNCTIONS:
        doc = inspect.getdoc(getattr(syria_strikes, name)) or ""
        for word in doc.split():
            assert not word.startswith("docs/"), (name, word)


def test_release_info_gives_version_date_counts_and_checksums(dated_release: Path) -> None:
    info = syria_strikes.release_info(dated_release)
    descriptor = json.loads((dated_release / "datapackage.json").read_text(encoding="utf-8"))
    assert info.version == descriptor["version"]
    assert info.build_date == CREATED
    assert info.rows == {name: len(syria_strikes.load(name, root=dated_release)) for name in TABLE_NAMES}
    assert info.checksums == {resource["path"]: resource["hash"] for resource in descriptor["resources"]}
    assert f"built: {info.build_date}" in str(info)


def test_an_undated_build_says_so() -> None:
    info = syria_strikes.release_info()
    assert info.build_date is None or info.build_date.endswith("Z")
    assert "built: " in str(info)


EDITOR_TYPES = REPO / "tests" / "support" / "editor_types.py"


def test_editors_see_the_frame_type_of_each_backend() -> None:
    """The assertions live in a module that test_architecture's ``mypy --strict`` run checks, so a
    fresh clone pays for mypy once; this test keeps them from being dropped from that module."""
    lines = {line.strip() for line in EDITOR_TYPES.read_text(encoding="utf-8").splitlines()}
    assert {
        'assert_type(syria_strikes.load("claims"), pd.DataFrame)',
        'assert_type(syria_strikes.load("claims", backend="pyarrow"), pa.Table)',
        'assert_type(syria_strikes.load("claims", backend="polars"), pl.DataFrame)',
        'syria_strikes.load("strikes")  # type: ignore[call-overload]',
    } <= lines


def test_a_notebook_shows_a_description_as_its_lines_and_a_program_gets_a_plain_string() -> None:
    """IPython shows a cell's last value through ``_repr_pretty_``; a plain string's repr there printed
    every line break as a backslash and an n."""
    shown: list[str] = []

    class Printer:
        def text(self, text: str) -> None:
            shown.append(text)

    described = syria_strikes.describe("claims", "stance")
    described._repr_pretty_(Printer(), False)
    assert shown == [str(described)]
    assert "\n" in shown[0] and "\\n" not in shown[0]
    assert isinstance(described, str) and described == str(described)
    assert json.dumps(described) == json.dumps(str(described))
