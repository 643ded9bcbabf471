"""Dataset files are read once, safely; stray copies of a table are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from syria_strikes.checks.descriptor import MISSING, first_difference
from syria_strikes.datafiles import read_data_file, read_descriptor, stray_files

TABLES = ["actors", "sources", "events", "claims"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "claims.csv").write_text("claim_id\nclm-001-001\n", encoding="utf-8")
    return tmp_path


def test_a_table_is_read_as_bytes(root: Path) -> None:
    assert read_data_file(root / "data", "claims") == (b"claim_id\nclm-001-001\n", [])
    data, problems = read_data_file(root / "data", "events")
    assert data is None
    assert [(p.table, p.rule) for p in problems] == [("events", "file_present")]


def test_a_table_linked_to_a_secret_is_a_problem_that_does_not_show_it(root: Path, tmp_path_factory) -> None:
    secret = tmp_path_factory.mktemp("outside") / "environ"
    secret.write_text("AWS_SECRET=do-not-print\n", encoding="utf-8")
    (root / "data" / "events.csv").symlink_to(secret)
    data, problems = read_data_file(root / "data", "events")
    assert data is None
    assert [(p.table, p.rule) for p in problems] == [("events", "file_inside")]
    assert "do-not-print" not in repr(problems)


@pytest.mark.parametrize(
    "name", ["claims.csv.bak", "claims.tsv", "claims .csv", "claims (1).csv", "Claims.CSV", "notes.csv", "\x1b[2J.csv"]
)
def test_stray_copies_are_reported(root: Path, name: str) -> None:
    (root / "data" / name).write_text("x\n", encoding="utf-8")
    (root / "data" / ".~lock.claims.csv#").write_text("editor lock\n", encoding="utf-8")
    (root / "data" / "README.md").write_text("about the data\n", encoding="utf-8")
    assert [(p.table, p.rule, p.value) for p in stray_files(root / "data", TABLES)] == [
        (f"data/{name}", "file_declared", name)
    ]


def test_a_folder_or_link_in_data_is_reported_unread_and_a_hidden_one_left_alone(root: Path) -> None:
    """A copy of a table in a folder ('data/old/claims.csv') is edited where validation never looks."""
    (root / "data" / "old").mkdir()
    (root / "data" / "old" / "claims.csv").write_text("x\n", encoding="utf-8")
    (root / "data" / ".git").mkdir()
    (root / "data" / ".hidden-link").symlink_to(root / "data" / ".git")
    (root / "data" / "elsewhere").symlink_to(root / "data" / "old")
    found = stray_files(root / "data", TABLES)
    assert [(p.table, p.rule, p.value) for p in found] == [
        ("data/elsewhere", "file_declared", "elsewhere"),
        ("data/old", "file_declared", "old"),
    ]
    assert "is a link" in found[0].message and "reads nothing through it" in found[0].message
    assert "is a folder" in found[1].message and "claims.csv" in found[1].message


@pytest.mark.parametrize(
    ("content", "rule"),
    [('{"name": "a", "name": "b"}', "descriptor_json"), ("[1]", "descriptor_json"), (None, "file_regular")],
)
def test_a_damaged_descriptor_is_one_problem(root: Path, content: str | None, rule: str) -> None:
    if content is None:
        (root / "datapackage.json").mkdir()
    else:
        (root / "datapackage.json").write_text(content, encoding="utf-8")
    descriptor, problem = read_descriptor(root)
    assert descriptor is None
    assert (problem.table, problem.rule) == ("datapackage.json", rule)


def test_a_descriptor_is_read(root: Path) -> None:
    (root / "datapackage.json").write_text('{"name": "syria-strikes"}', encoding="utf-8")
    assert read_descriptor(root) == ({"name": "syria-strikes"}, None)
    (root / "datapackage.json").unlink()
    assert read_descriptor(root) == (None, None)


@pytest.mark.parametrize(
    ("found", "where", "declared_value", "found_value"),
    [
        ({"a": 1, "r": [{"p": "x"}, {"p": "edited"}]}, "r[1].p", "y", "edited"),
        ({"a": 1, "r": [{"p": "x"}]}, "r[1]", {"p": "y"}, MISSING),
        ({"a": 1, "r": [{"p": "x"}, {"p": "y"}], "extra": True}, "extra", MISSING, True),
        ([], "the top level", {"a": 1, "r": [{"p": "x"}, {"p": "y"}]}, []),
    ],
)
def test_a_stale_descriptor_names_where_it_first_differs(
    found: object, where: str, declared_value: object, found_value: object
) -> None:
    declared = {"a": 1, "r": [{"p": "x"}, {"p": "y"}]}
    assert first_difference(declared, found) == (where, declared_value, found_value)
