"""``info`` gives the same facts as text and as JSON: a table file's rows, no rows for other files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from syria_strikes.info import release_info
from tests.support.dataset import Dataset, run_cli
from tests.support.forgery import rebuilt, rebuilt_while_read, replaced_at_read


def test_text_and_json_give_the_same_row_counts(release: Path) -> None:
    info = release_info(release)
    code, output = run_cli(["info", "--release", str(release), "--format", "json"])
    assert code == 0
    as_json = {entry["path"]: entry["rows"] for entry in json.loads(output)["files"]}
    code, output = run_cli(["info", "--release", str(release)])
    assert code == 0
    table_lines = output.split("\n\n", 1)[1].splitlines()[1:]
    as_text = {line.split()[0]: int(line.split()[1]) if len(line.split()) == 4 else None for line in table_lines}
    assert as_text == as_json
    for table, rows in info.rows.items():
        assert as_json[f"{table}.csv"] == as_json[f"{table}.parquet"] == rows
    assert as_json["events.geojson"] is None
    assert as_json["syria-strikes.sqlite"] is None


def test_the_descriptor_the_files_were_verified_against_is_handed_on(release: Path) -> None:
    """diff reads the tables through it rather than through a second read of the file."""
    info = release_info(release)
    assert info.descriptor == json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert "descriptor" not in repr(info)


def test_a_release_replaced_between_its_descriptor_and_its_files_is_described_as_the_new_one(
    release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``info`` while a build replaces the release (one step, but the descriptor and each file are
    read by path): the old checksums and the new files called a sound release damaged."""
    old, replaced = rebuilt_while_read(release, tmp_path, monkeypatch)
    described = release_info(old)
    assert replaced
    assert described.checksums["events.parquet"] == release_info(old).checksums["events.parquet"]
    assert described.checksums["events.parquet"] != release_info(release).checksums["events.parquet"]


def test_a_deep_look_at_a_release_replaced_meanwhile_compares_the_forms_of_the_new_one(
    dataset: Dataset, release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``info --deep`` verified every file, then read them again to compare their forms: a build
    replacing the release in between made a sound release read as a damaged one."""
    old = tmp_path / "release"
    shutil.copytree(release, old)
    replaced = replaced_at_read(monkeypatch, old, rebuilt(dataset, tmp_path / "new"), at=2)
    code, output = run_cli(["info", "--deep", "--release", str(old)])
    assert replaced and code == 0
    assert output.rstrip().endswith("the files derived from them are those a build writes.")
    assert "+local." in output.splitlines()[0]  # the rebuilt release's version: its data is not the tagged data
