"""The release: complete, checksummed, byte-reproducible, atomic, and the same data in every format."""

from __future__ import annotations

import csv
import filecmp
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import duckdb
import frictionless
import pytest

from syria_strikes import build as build_module
from syria_strikes import versioning
from syria_strikes.build import build
from syria_strikes.metadata import TABLES
from syria_strikes.outguard import MARKER
from syria_strikes.version import __version__
from syria_strikes.versioning import data_hash, release_version
from tests.support.dataset import REPO, Dataset, file_contents, run_cli
from tests.support.dated_release import CREATED_LINE, built_dated_release


def test_release_holds_every_format(release: Path) -> None:
    names = {path.name for path in release.iterdir()}
    for table in TABLES:
        assert {f"{table.name}.csv", f"{table.name}.parquet"} <= names
    assert {"datapackage.json", "syria-strikes.sqlite", "datasette-metadata.json"} <= names


def test_descriptor_records_bytes_and_hash_of_every_file(release: Path) -> None:
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    described = {resource["path"] for resource in descriptor["resources"]}
    assert described == {path.name for path in release.iterdir()} - {"datapackage.json", MARKER}
    for resource in descriptor["resources"]:
        data = (release / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert descriptor["version"] == release_version(REPO / "data")


@pytest.fixture(scope="module")
def dated_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_dated_release(tmp_path_factory)


def test_frictionless_validates_the_release(dated_release: Path) -> None:
    """The dated release, as the release workflow builds it; an undated one differs only by lacking
    the optional ``created`` (test_same_input_gives_byte_identical_output), so one run covers both."""
    report = frictionless.Package(str(dated_release / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_release_csv_is_the_canonical_data(release: Path) -> None:
    for table in TABLES:
        assert (release / f"{table.name}.csv").read_bytes() == (REPO / table.path).read_bytes(), table.name


def test_same_input_gives_byte_identical_output(release: Path, dated_release: Path) -> None:
    """Two separate builds of the same data, the second dated: every byte is the same but for the
    one line the date adds to the descriptor."""
    again = file_contents(dated_release)
    assert CREATED_LINE in again["datapackage.json"]
    again["datapackage.json"] = again["datapackage.json"].replace(CREATED_LINE, b"", 1)
    assert again == file_contents(release)


def test_sqlite_enforces_keys_and_vocabularies(release: Path) -> None:
    connection = sqlite3.connect(release / "syria-strikes.sqlite", isolation_level=None)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    # The build loads rows without evaluating CHECK constraints; integrity_check evaluates them all.
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    counts = {t.name: connection.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in TABLES}
    assert all(counts.values())
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        connection.execute("UPDATE claims SET stance = 'assert' WHERE rowid = 1")
    connection.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        connection.execute("UPDATE claims SET event_id = 'evt-2020-nowhere' WHERE rowid = 1")
    connection.close()


def test_duckdb_reads_the_parquet(release: Path) -> None:
    path = str(release / "claims.parquet")
    per_stance = duckdb.sql(f"SELECT stance, count(*) AS n FROM read_parquet('{path}') GROUP BY stance").fetchall()
    assert sum(n for _, n in per_stance) == len(list(csv.DictReader((REPO / "data/claims.csv").open())))


def test_failed_build_leaves_the_previous_release_untouched(release: Path, dataset: Dataset) -> None:
    out = dataset.root / "release"
    shutil.copytree(release, out)
    before = file_contents(out)
    dataset.set_cell("claims", 0, "stance", "assert")
    assert build(dataset.data_dir, out) != []
    assert file_contents(out) == before


def test_interrupted_build_leaves_the_previous_release_untouched(
    release: Path, dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = dataset.root / "release"
    shutil.copytree(release, out)
    before = file_contents(out)
    dataset.set_cell("events", 0, "summary", "A new summary that would change the release.")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "write_database", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(dataset.data_dir, out)
    assert file_contents(out) == before
    assert sorted(path.name for path in out.parent.iterdir() if path.name.startswith(".")) == []


def test_the_release_holds_the_bytes_that_were_validated_not_an_edit_made_meanwhile(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = dataset.root / "release"
    path = dataset.data_dir / "events.csv"
    validated = path.read_bytes()
    write_release = build_module.write_release

    def edited_meanwhile(*args: object) -> None:
        # The same size and modification time: only the bytes differ.
        status = path.stat()
        path.write_bytes(validated.replace(b"e", b"E", 1))
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        write_release(*args)

    monkeypatch.setattr(build_module, "write_release", edited_meanwhile)
    assert build(dataset.data_dir, out) == []
    assert (out / "events.csv").read_bytes() == validated != path.read_bytes()


def test_build_command_reports_problems_and_writes_nothing(dataset: Dataset) -> None:
    out = dataset.root / "never"
    dataset.set_cell("claims", 0, "stance", "assert")
    code, output = run_cli(["build", "--data-dir", str(dataset.data_dir), "--out", str(out)])
    assert code == 1
    assert "rule: enum" in output
    assert not out.exists()


def test_info_lists_tables_rows_and_checksums(release: Path) -> None:
    code, output = run_cli(["info", "--release", str(release)])
    assert code == 0
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert f"syria-strikes {descriptor['version']}" in output
    for resource in descriptor["resources"]:
        assert resource["hash"].removeprefix("sha256:") in output


def test_release_bundled_with_the_package_is_current(release: Path) -> None:
    bundled = build_module.default_release_dir()
    assert bundled.is_dir(), "run `python -m syria_strikes build` (the README's first command)"
    assert not filecmp.dircmp(bundled, release).diff_files
    assert file_contents(bundled) == file_contents(release)


def test_the_annotations_quote_the_seeds_that_were_validated_not_an_edit_made_meanwhile(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A seed rewritten (here, as bytes that are not even UTF-8) after its quotes were checked must
    not reach the release: the annotations quote the text the check read, as the CSVs hold its bytes."""
    assert build(dataset.data_dir, dataset.root / "undisturbed") == []
    seed = dataset.seed("000")
    write_release = build_module.write_release

    def edited_meanwhile(*args: object) -> None:
        seed.chmod(0o644)
        seed.write_bytes(b"\xff" + seed.read_bytes())
        write_release(*args)

    monkeypatch.setattr(build_module, "write_release", edited_meanwhile)
    out = dataset.root / "release"
    assert build(dataset.data_dir, out) == []
    name = "claims.annotations.jsonld"
    assert (out / name).read_bytes() == (dataset.root / "undisturbed" / name).read_bytes()


def _edit_claims(dataset: Dataset) -> None:
    dataset.write_raw("claims", dataset.raw("claims") + b"\n")


def _edit_a_seed(dataset: Dataset) -> None:
    seed = dataset.seed("000")
    seed.chmod(0o644)
    seed.write_bytes(seed.read_bytes() + b" ")


@pytest.mark.parametrize("edit", [_edit_claims, _edit_a_seed], ids=["a table", "a seed"])
def test_the_version_label_is_of_the_data_that_was_validated_not_an_edit_made_meanwhile(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch, edit: Callable[[Dataset], None]
) -> None:
    """Data recorded as the version's carries the plain version; a table or a seed edited after it
    was validated must not give the release the label of data it does not hold (the seeds are hashed
    as validation held them to their sources' sha256). The copy is recorded here, so the test holds
    whether or not the repository's data has been recorded since its last edit."""
    validated = {"version": __version__, "data": data_hash(dataset.data_dir)}
    monkeypatch.setattr(versioning, "recorded", lambda record=versioning.RECORD: validated)
    write_release = build_module.write_release

    def edited_meanwhile(*args: object) -> None:
        edit(dataset)
        write_release(*args)

    monkeypatch.setattr(build_module, "write_release", edited_meanwhile)
    out = dataset.root / "release"
    assert build(dataset.data_dir, out) == []
    assert "+local" in release_version(dataset.data_dir)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == __version__


def test_the_release_is_stamped_from_the_bytes_written_reading_back_only_the_database(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_back: list[str] = []
    sha256_file = build_module.sha256_file
    monkeypatch.setattr(build_module, "sha256_file", lambda path: read_back.append(path.name) or sha256_file(path))
    out = dataset.root / "release"
    assert build(dataset.data_dir, out) == []
    assert read_back == ["syria-strikes.sqlite"]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        data = (out / resource["path"]).read_bytes()
        assert (resource["bytes"], resource["hash"]) == (len(data), f"sha256:{hashlib.sha256(data).hexdigest()}")
    assert len(descriptor["resources"]) == len(build_module.release_file_names())
