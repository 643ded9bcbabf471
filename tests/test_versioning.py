"""A release of data other than the tagged data carries a local label, so it never passes as published."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from syria_strikes import __version__
from syria_strikes.build import build
from syria_strikes.leftovers import temporary_beside
from syria_strikes.versioning import data_hash, record_data, release_version
from tests.support.attacks import in_process
from tests.support.dataset import REPO, Dataset
from tests.support.killed import aged


def _record(tmp_path: Path, dataset: Dataset) -> Path:
    record = tmp_path / "tagged-data.json"
    record_data(dataset.data_dir, record)
    return record


def test_the_tagged_data_has_the_plain_version(dataset: Dataset, tmp_path: Path) -> None:
    assert release_version(dataset.data_dir, _record(tmp_path, dataset)) == __version__


def test_an_edited_table_gets_a_local_label_from_its_hash(dataset: Dataset, tmp_path: Path) -> None:
    record = _record(tmp_path, dataset)
    dataset.set_cell("claims", 1, "curator_note", "A note added after the release.")
    digest = data_hash(dataset.data_dir).removeprefix("sha256:")
    assert release_version(dataset.data_dir, record) == f"{__version__}+local.{digest[:12]}"


def test_a_new_seed_counts_but_the_seeds_readme_does_not(dataset: Dataset, tmp_path: Path) -> None:
    record = _record(tmp_path, dataset)
    (dataset.root / "seeds" / "README.md").write_text("reworded\n", encoding="utf-8")
    assert release_version(dataset.data_dir, record) == __version__
    (dataset.root / "seeds" / "003_new.txt").write_text("a new document\n", encoding="utf-8")
    assert "+local." in release_version(dataset.data_dir, record)


def test_a_record_for_another_version_or_none_labels_the_release(dataset: Dataset, tmp_path: Path) -> None:
    record = _record(tmp_path, dataset)
    entry = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**entry, "version": "0.0.1"}), encoding="utf-8")
    assert "+local." in release_version(dataset.data_dir, record)
    assert "+local." in release_version(dataset.data_dir, tmp_path / "absent.json")


def test_a_release_of_edited_data_says_so_in_its_descriptor(dataset: Dataset, tmp_path: Path) -> None:
    dataset.set_cell("claims", 1, "curator_note", "A note added after the release.")
    assert build(dataset.data_dir, tmp_path / "release") == []
    descriptor = json.loads((tmp_path / "release" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == release_version(dataset.data_dir)
    assert descriptor["version"].startswith(f"{__version__}+local.")


def test_data_hash_check_fails_on_edited_data(dataset: Dataset) -> None:
    dataset.set_cell("claims", 1, "curator_note", "A note added after the release.")
    result = in_process("data-hash", "--check", "--data-dir", str(dataset.data_dir), cwd=REPO)
    assert result.returncode == 1
    assert f"a release of it is {__version__}+local." in result.stdout


def test_hidden_files_beside_the_tables_are_not_hashed_as_validate_leaves_them_alone(dataset: Dataset) -> None:
    """An editor's lock ('.#claims.csv', a link to nowhere) made data-hash and build fail with exit 3,
    and macOS's '._claims.csv' labelled the tagged data as a local version."""
    (dataset.data_dir / ".#claims.csv").symlink_to("curator@laptop.4242:1700000000")
    (dataset.data_dir / "._claims.csv").write_bytes(b"\x00\x05\x16\x07")
    result = in_process("data-hash", "--check", "--data-dir", str(dataset.data_dir), cwd=REPO)
    assert (result.returncode, result.stderr) == (0, "")
    assert f"the data recorded for {__version__}" in result.stdout
    assert data_hash(dataset.data_dir) == data_hash(REPO / "data")


def test_data_hash_prints_the_hash_its_verdict_is_of(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data is hashed once: the hash printed and the version judged cannot be of two readings,
    one of them taken after a file changed."""
    from syria_strikes import versioning

    readings: list[str] = []
    monkeypatch.setattr(
        versioning, "data_hash", lambda data_dir: readings.append(str(data_dir)) or f"sha256:{len(readings)}"
    )
    result = in_process("data-hash", "--data-dir", str(dataset.data_dir), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert len(readings) == 1
    assert result.stdout.splitlines()[0] == "sha256:1"
    assert f"a release of it is {__version__}+local.1" in result.stdout


def test_the_wheel_takes_its_version_from_the_data() -> None:
    with (REPO / "pyproject.toml").open("rb") as handle:
        source = tomllib.load(handle)["tool"]["hatch"]["version"]
    assert source == {
        "source": "code",
        "path": "syria_strikes/versioning.py",
        "expression": "tree_version()",
        "search-paths": ["."],
    }


def test_record_refuses_a_dataset_other_than_the_checkout(dataset: Dataset) -> None:
    """With an editable install, --record in a copy of the dataset rewrote the checkout's record."""
    record = REPO / "syria_strikes" / "tagged-data.json"
    before = record.read_bytes()
    dataset.set_cell("claims", 1, "curator_note", "Data that is not the checkout's.")
    result = in_process("data-hash", "--record", "--data-dir", str(dataset.data_dir))
    assert result.returncode == 2, result.stderr
    assert "--record only records the data/ of the source checkout" in result.stderr
    assert "Traceback" not in result.stderr
    assert record.read_bytes() == before


def test_record_refuses_data_that_does_not_validate(
    warm_dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syria_strikes import paths, versioning
    from tests.support.dataset import run_cli

    record = tmp_path / "tagged-data.json"
    monkeypatch.setattr(paths, "is_checkout_data", lambda data_dir: True)
    monkeypatch.setattr(versioning, "RECORD", record)
    warm_dataset.set_cell("claims", 0, "predicate", "no such predicate")
    code, output = run_cli(["data-hash", "--record", "--data-dir", str(warm_dataset.data_dir)])
    assert code == 1 and "rule: enum" in output
    assert not record.exists()
    warm_dataset.set_cell("claims", 0, "predicate", warm_dataset.rows("claims")[1]["predicate"])
    code, output = run_cli(["data-hash", "--record", "--data-dir", str(warm_dataset.data_dir)])
    assert code == 0, output
    assert json.loads(record.read_text(encoding="utf-8"))["data"] == data_hash(warm_dataset.data_dir)


def test_the_hash_does_not_depend_on_how_the_data_folder_is_named_or_given(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = data_hash(REPO / "data")
    assert data_hash(dataset.data_dir) == expected
    monkeypatch.chdir(dataset.data_dir)
    assert data_hash(Path(".")) == expected
    renamed = dataset.root / "mydata"
    dataset.data_dir.rename(renamed)
    assert data_hash(renamed) == expected


@pytest.mark.parametrize("epoch", ["1" + "0" * 30, "9" * 12, "\u00b2", "\u0661\u0662"])
def test_a_source_date_epoch_that_is_no_date_is_a_usage_error(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str
) -> None:
    """Beyond the calendar (year 10000 and later), past the platform's time_t, or digits that are not
    ASCII: each is named as a usage error before anything is built, not a traceback or a date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = in_process("build", "--data-dir", str(dataset.data_dir), "--out", str(tmp_path / "release"))
    assert result.returncode == 2, result.stderr
    assert "SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC" in result.stderr
    assert not (tmp_path / "release").exists()


@pytest.mark.parametrize(
    "damage", ['{"version": ', "[1, 2]", '{"version": 1, "data": []}', "\udcff"], ids=["cut", "list", "types", "bytes"]
)
def test_a_damaged_record_of_the_tagged_data_records_nothing(dataset: Dataset, tmp_path: Path, damage: str) -> None:
    """A record cut short or edited into another shape vouches for no data: every release of it gets the
    local label, instead of data-hash and build stopping with a traceback."""
    from syria_strikes.versioning import recorded, version_of

    record = tmp_path / "tagged-data.json"
    record.write_bytes(damage.encode("utf-8", "surrogateescape"))
    assert recorded(record) == {}
    current = data_hash(dataset.data_dir)
    assert version_of(current, record) == f"{__version__}+local.{current.removeprefix('sha256:')[:12]}"


def test_record_validates_cold_whatever_the_cache_says(
    warm_dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache folder committed with the data could answer 'valid' for data that is not: the
    record vouches for a release, so it never asks the cache."""
    from syria_strikes import cache, paths, versioning
    from tests.support.dataset import run_cli

    record = tmp_path / "tagged-data.json"
    monkeypatch.setattr(paths, "is_checkout_data", lambda data_dir: True)
    monkeypatch.setattr(versioning, "RECORD", record)
    monkeypatch.setattr(cache, "validate", lambda *args, **kwargs: cache.Outcome([], "cache"))
    warm_dataset.set_cell("claims", 0, "predicate", "no such predicate")
    code, output = run_cli(["data-hash", "--record", "--data-dir", str(warm_dataset.data_dir)])
    assert code == 1 and "rule: enum" in output
    assert not record.exists()


def test_recording_removes_the_temporary_record_a_killed_recording_left(dataset: Dataset, tmp_path: Path) -> None:
    """`data-hash --record` writes the record beside itself and renames it over: one killed in between
    left a hidden ``.tagged-data.json.*.tmp`` in the package's folder, to be shipped or removed by hand."""
    record = tmp_path / "tagged-data.json"
    abandoned = temporary_beside(record)  # as a killed run leaves it: its lock died with it
    abandoned.close()
    aged([abandoned.path])
    record_data(dataset.data_dir, record)
    assert sorted(tmp_path.iterdir()) == sorted([record, dataset.root])
