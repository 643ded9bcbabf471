"""`syria-strikes diff`: rows added, removed and changed on primary keys, and new vocabulary values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from syria_strikes.build import build
from tests.support.dataset import REPO, Dataset, run_cli


def _diff(old: Path, new: Path, *extra: str) -> tuple[int, str]:
    return run_cli(["diff", str(old), str(new), *extra])


def test_a_folder_against_itself_has_no_differences(dataset: Dataset) -> None:
    assert _diff(dataset.data_dir, dataset.data_dir) == (
        0,
        f"no differences: {dataset.data_dir} and {dataset.data_dir} have the same rows in every table\n",
    )
    report = json.loads(_diff(dataset.root, dataset.data_dir, "--format", "json")[1])
    assert report["identical"] is True and report["vocabulary_added"] == {}
    assert _diff(dataset.data_dir, dataset.data_dir, "--format", "markdown")[1] == "- No data changes.\n"


def test_a_release_compares_with_the_data_it_was_built_from(tmp_path: Path) -> None:
    assert build(REPO / "data", tmp_path / "release") == []
    code, output = _diff(REPO / "data", tmp_path / "release")
    assert code == 0 and output.startswith("no differences")


@pytest.fixture
def changed(dataset: Dataset) -> Dataset:
    claims = dataset.rows("claims")
    claims[0]["stance"] = "questions"
    claims[0]["curator_note"] = "changed"
    removed = claims.pop(1)["claim_id"]
    assert removed == "clm-000-002"
    claims[2]["predicate"] = "brand_new_predicate"
    dataset.write_rows("claims", claims)
    actors = dataset.rows("actors")
    actors.append({**actors[0], "actor_id": "act-added-for-test"})
    dataset.write_rows("actors", actors)
    return dataset


def test_added_removed_and_changed_rows_are_named_with_their_columns(changed: Dataset) -> None:
    code, output = _diff(REPO / "data", changed.data_dir)
    assert code == 0
    assert output.splitlines() == [
        "actors: 1 added, 0 removed, 0 changed",
        "  + act-added-for-test",
        "claims: 0 added, 1 removed, 2 changed",
        "  - clm-000-002",
        "  ~ clm-000-001: stance, curator_note",
        f"  ~ {changed.rows('claims')[2]['claim_id']}: predicate",
        "vocabulary claims.predicate: + brand_new_predicate",
    ]
    report = json.loads(_diff(REPO / "data", changed.data_dir, "--format", "json")[1])
    assert report["tables"]["claims"]["changed"][0] == {"key": "clm-000-001", "columns": ["stance", "curator_note"]}
    assert report["tables"]["events"] == {
        "added": [],
        "removed": [],
        "changed": [],
        "columns_added": [],
        "columns_removed": [],
    }


def test_markdown_is_a_changelog_section_body(changed: Dataset) -> None:
    code, output = _diff(REPO / "data", changed.data_dir, "--format", "markdown")
    assert code == 0
    assert output.splitlines()[:4] == [
        "- `actors`: 1 added, 0 removed, 0 changed.",
        "  - added: `act-added-for-test`",
        "- `claims`: 0 added, 1 removed, 2 changed.",
        "  - removed: `clm-000-002`",
    ]
    assert output.splitlines()[-1] == "- Vocabulary `claims.predicate`: added `brand_new_predicate`."


def test_a_code_newly_declared_in_the_descriptor_counts_as_added(dataset: Dataset) -> None:
    path = dataset.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    claims = next(resource for resource in descriptor["resources"] if resource["name"] == "claims")
    stance = next(field for field in claims["schema"]["fields"] if field["name"] == "stance")
    stance["constraints"]["enum"].append("hints")
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "vocabulary claims.stance: + hints" in _diff(REPO / "data", dataset.data_dir)[1]


def test_bad_folders_are_usage_errors(dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rows = dataset.rows("events")
    dataset.write_rows("events", [*rows, rows[0]])
    for old, words in [
        (tmp_path / "absent", "no such folder"),
        (tmp_path, "holds none of the tables"),
        (dataset.data_dir, f"has event_id {rows[0]['event_id']!r} twice"),
    ]:
        assert _diff(old, REPO / "data")[0] == 2
        error = capsys.readouterr().err
        assert words in error and error.count("\n") == 1 and "Traceback" not in error


def test_control_characters_in_keys_are_printed_escaped(dataset: Dataset) -> None:
    actors = dataset.rows("actors")
    dataset.write_rows("actors", [*actors, {**actors[0], "actor_id": "act-\x1b[31mred"}])
    code, output = _diff(REPO / "data", dataset.data_dir)
    assert code == 0
    assert "\x1b" not in output and "  + act-\\x1b[31mred" in output.splitlines()


@pytest.mark.parametrize("formatting", ["text", "json", "markdown"])
@pytest.mark.parametrize("line", ["x", "a,b,c", "clm-000-001," * 40])
def test_a_row_of_the_wrong_width_is_named_not_a_traceback(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], formatting: str, line: str
) -> None:
    rows = len(dataset.rows("claims"))
    with dataset.path("claims").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    code, output = _diff(REPO / "data", dataset.data_dir, "--format", formatting)
    error = capsys.readouterr().err
    assert (code, output) == (2, "")
    assert f"claims.csv, line {rows + 2}: has " in error and "[rule: field_count]" in error
