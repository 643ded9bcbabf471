"""The download bundle: complete, valid once unzipped, readable without Python, byte-reproducible.

The command runs in-process (a Python start-up costs more than a bundle of this data); one
refusal goes through ``python -m syria_strikes`` for the exit status a shell sees.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import frictionless
import pandas as pd
import pytest

from syria_strikes.bundle import Bundle, BundleError, make_bundle
from syria_strikes.companions import FIXED_TIME, SUMMARY_FILE, bundle_name
from syria_strikes.coverage import coverage_of, coverage_sentence
from syria_strikes.loader import event_summary, release_dir
from syria_strikes.metadata import TABLES
from syria_strikes.outguard import MARKER
from syria_strikes.versioning import release_version
from tests.support.attacks import in_process
from tests.support.dataset import REPO, Dataset, add_repository_files
from tests.support.killed import aged, killed_at

VERSION = release_version(REPO / "data")  # the code's version, labelled when the data is not the tagged data
TOP = f"syria-strikes-data-{VERSION}"


def _command(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``syria-strikes ARGS`` run in-process from ``cwd`` (the repository root unless given)."""
    return in_process(*args, cwd=cwd)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    result = make_bundle(REPO / "data", tmp_path_factory.mktemp("bundle"))
    assert isinstance(result, Bundle), result
    return result


@pytest.fixture(scope="module")
def unzipped(made: Bundle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(made.path) as archive:
        archive.extractall(folder)
    return folder / TOP


def test_bundle_is_named_by_version_and_holds_every_file(made: Bundle, unzipped: Path) -> None:
    assert made.path.name == f"syria-strikes-data-{VERSION}.zip"
    names = {path.relative_to(unzipped).as_posix() for path in unzipped.rglob("*") if path.is_file()}
    for declared in TABLES:
        assert {f"{declared.name}.csv", f"{declared.name}.parquet", f"excel/{declared.name}.csv"} <= names
    expected = {"syria-strikes.sqlite", "datapackage.json", "data-dictionary.md", "README.md", "CITATION.cff"}
    release_files = {path.name for path in release_dir().iterdir() if path.is_file() and path.name != MARKER}
    assert release_files <= names, "every file of the release is in the bundle"
    readme = (unzipped / "README.md").read_text(encoding="utf-8")
    described = {name for name in release_files if not name.endswith((".csv", ".parquet"))}
    assert all(f"`{name}`" in readme for name in described), described
    assert expected | {"LICENSE", "LICENSE-DATA"} <= names
    assert "Attribution 4.0 International" in (unzipped / "LICENSE-DATA").read_text(encoding="utf-8")
    assert (unzipped / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_event_summary_is_a_csv_a_spreadsheet_reader_can_open(unzipped: Path) -> None:
    """Where accounts disagree, without Python: the file holds ``event_summary()`` row for row, with
    the contested interception claims about Homs among them, and an Excel copy with a byte-order mark."""
    summary_file = unzipped / SUMMARY_FILE
    with summary_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = event_summary(root=release_dir())
    assert list(rows[0]) == list(expected.columns) and len(rows) == len(expected)
    assert [row["event_id"] for row in rows] == expected["event_id"].tolist()
    assert [row["contested"] for row in rows] == ["true" if value else "false" for value in expected["contested"]]
    assert [row["low"] for row in rows] == ["" if pd.isna(value) else str(value) for value in expected["low"]]
    homs = [row for row in rows if row["event_id"] == "evt-2021-07-22-homs-strike" and row["contested"] == "true"]
    assert [(row["predicate"], row["stances_differ"]) for row in homs] == [("munitions_intercepted", "true")]
    assert (unzipped / "excel" / SUMMARY_FILE).read_bytes() == b"\xef\xbb\xbf" + summary_file.read_bytes()


def test_unzipped_bundle_passes_frictionless_validate(unzipped: Path) -> None:
    """What ``frictionless validate datapackage.json`` checks, through its Python API."""
    report = frictionless.validate(unzipped / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])


def test_duckdb_reads_the_parquet_with_every_row(unzipped: Path) -> None:
    for declared in TABLES:
        parquet = str(unzipped / f"{declared.name}.parquet")
        rows = duckdb.sql(f"SELECT count(*) FROM read_parquet('{parquet}')").fetchall()
        csv_rows = (REPO / declared.path).read_bytes().count(b"\n") - 1
        assert rows == [(csv_rows,)], declared.name


def test_excel_copy_differs_from_the_canonical_csv_only_by_the_bom(unzipped: Path) -> None:
    for declared in TABLES:
        canonical = (unzipped / f"{declared.name}.csv").read_bytes()
        assert not canonical.startswith(codecs.BOM_UTF8)
        assert canonical == (REPO / declared.path).read_bytes()
        assert (unzipped / "excel" / f"{declared.name}.csv").read_bytes() == codecs.BOM_UTF8 + canonical


def test_readme_states_the_counted_coverage_and_how_to_cite(unzipped: Path) -> None:
    readme = (unzipped / "README.md").read_text(encoding="utf-8")
    assert coverage_sentence(coverage_of(unzipped)) in readme
    assert f"(version {VERSION}) [Data set]" in readme


def test_entries_are_sorted_with_fixed_time_and_mode(made: Bundle) -> None:
    with zipfile.ZipFile(made.path) as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert {info.date_time for info in infos} == {FIXED_TIME}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    # Stored: deflate's bytes depend on the zlib build, so a deflated bundle rebuilt elsewhere had another checksum.
    assert {info.compress_type for info in infos} == {zipfile.ZIP_STORED}


def test_two_bundles_are_byte_identical_and_the_printed_sha256_is_the_file_s(made: Bundle, tmp_path: Path) -> None:
    result = _command("bundle", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    again = tmp_path / made.path.name
    assert again.read_bytes() == made.path.read_bytes()
    digest = hashlib.sha256(again.read_bytes()).hexdigest()
    assert f"{digest}  {again.name}" in result.stdout.splitlines()


def test_an_identical_zip_is_left_and_reported_current(made: Bundle) -> None:
    before = made.path.stat().st_mtime_ns
    result = _command("bundle", "--out", str(made.path.parent))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("already current:")
    assert made.path.stat().st_mtime_ns == before


def test_a_different_zip_of_the_same_name_is_never_replaced(tmp_path: Path) -> None:
    existing = tmp_path / f"syria-strikes-data-{VERSION}.zip"
    existing.write_bytes(b"someone else's file")
    result = _command("bundle", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "already exists and differs" in result.stderr
    assert existing.read_bytes() == b"someone else's file"
    assert sorted(path.name for path in tmp_path.iterdir()) == [existing.name]


def test_a_full_disk_names_the_bundle_and_leaves_no_folder_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It ended with 'the disk is full', naming no path, and left behind the empty folder it had made."""
    from syria_strikes import bundle, files

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    write_beside = bundle.write_beside

    def on_a_full_disk(*args: Any) -> Any:  # the release is built; the zip meets the full disk
        with monkeypatch.context() as patched:
            patched.setattr(files.os, "fsync", full)
            return write_beside(*args)

    monkeypatch.setattr(bundle, "write_beside", on_a_full_disk)
    out = tmp_path / "new" / "dist"
    result = _command("bundle", "--out", str(out))
    assert result.returncode == 3
    assert result.stderr.startswith("error: the disk is full (") and str(out / f"{TOP}.zip") in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_copy_without_its_licences_is_refused_before_building(dataset: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _command("bundle", "--data-dir", str(dataset.data_dir), "--out", str(out))
    assert result.returncode == 2
    assert "CITATION.cff, LICENSE, LICENSE-DATA not found in" in result.stderr
    assert not out.exists()


def test_a_citation_the_readme_cannot_cite_is_refused_before_building(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The citation and licences are read before the build: a citation without a title was named only
    once every table was validated and every form of the release written."""
    add_repository_files(dataset)
    (dataset.root / "CITATION.cff").write_text("cff-version: 1.2.0\n", encoding="utf-8")

    def no_build(*_: object) -> None:
        raise AssertionError("built before the citation was read")

    monkeypatch.setattr("syria_strikes.bundle.build", no_build)
    with pytest.raises(BundleError, match=r"CITATION\.cff has no 'title'.*; nothing was written$"):
        make_bundle(dataset.data_dir, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_licence_linked_out_of_the_dataset_is_never_zipped(dataset: Dataset, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-LICENCE-TEXT\n", encoding="utf-8")
    for name in ("CITATION.cff", "LICENSE-DATA"):
        (dataset.root / name).write_bytes((REPO / name).read_bytes())
    (dataset.root / "LICENSE").symlink_to(secret)
    out = tmp_path / "out"
    result = _command("bundle", "--data-dir", str(dataset.data_dir), "--out", str(out))
    assert result.returncode == 2
    assert "LICENSE: is a symbolic link that leads outside the dataset folder" in result.stderr
    assert "SECRET" not in result.stdout + result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_the_licences_are_the_dataset_s_when_data_is_a_link_to_a_folder_elsewhere(
    dataset: Dataset, tmp_path: Path
) -> None:
    """seeds/ and the licences sit beside data/ as it is named; a link to tables elsewhere does not
    make the files beside those tables (someone else's licence) the dataset's."""
    add_repository_files(dataset)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for name in ("CITATION.cff", "LICENSE", "LICENSE-DATA"):
        (elsewhere / name).write_text("SOMEONE-ELSES-TEXT\n", encoding="utf-8")
    dataset.data_dir.rename(elsewhere / "tables")
    dataset.data_dir.symlink_to(elsewhere / "tables")
    made = make_bundle(dataset.data_dir, tmp_path / "out")
    assert isinstance(made, Bundle), made
    with zipfile.ZipFile(made.path) as archive:
        licence = next(name for name in archive.namelist() if name.endswith("/LICENSE"))
        assert archive.read(licence) == (REPO / "LICENSE").read_bytes()


def test_out_naming_a_file_is_refused(tmp_path: Path) -> None:
    """Through ``python -m syria_strikes``: the exit status and stderr a shell script sees."""
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "syria_strikes", "bundle", "--out", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def test_invalid_data_writes_no_bundle(dataset: Dataset, tmp_path: Path) -> None:
    add_repository_files(dataset)
    dataset.set_cell("claims", 0, "stance", "assert")
    out = tmp_path / "out"
    result = _command("bundle", "--data-dir", str(dataset.data_dir), "--out", str(out))
    assert result.returncode == 1
    assert "stance" in result.stdout
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("out", ["data", "seeds", ".", "..", "/", "seeds/inner", "other"])
def test_bundle_refuses_an_out_among_or_above_the_curated_files(dataset: Dataset, out: str) -> None:
    """``bundle --out seeds`` wrote a zip into the archive, which then failed validation."""
    from tests.support.attacks import fingerprint

    add_repository_files(dataset)
    (dataset.root / "other").mkdir()
    (dataset.root / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    before = fingerprint(dataset.root)
    result = _command("bundle", "--out", out, cwd=dataset.root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(f"error: --out {out} ") and "nothing was touched" in result.stderr
    assert fingerprint(dataset.root) == before


def test_bundle_refuses_an_out_inside_a_release(dataset: Dataset, release: Path, tmp_path: Path) -> None:
    """A zip written into a folder inside a release left the release holding a folder of its own, so
    the next build there refused to replace it; the build and the site refuse such an --out."""
    from tests.support.attacks import fingerprint

    copied = tmp_path / "release"
    shutil.copytree(release, copied)
    before = fingerprint(copied)
    result = in_process("bundle", "--data-dir", str(dataset.data_dir), "--out", str(copied / "zips"))
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"is inside the release {copied}" in result.stderr and "nothing was touched" in result.stderr
    assert fingerprint(copied) == before


@pytest.mark.parametrize("folder", ["data", "seeds", "tables"])
def test_a_temporary_folder_among_the_curated_files_is_refused_before_anything_is_written(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """The bundle builds its release in the temporary folder (TMPDIR) before zipping it: with TMPDIR
    set to the dataset's seeds/, the build's guard refused that release folder with an exception
    that escaped as a traceback, after a folder had been made among the seeds. 'tables' is the data
    folder under another name, given as --data-dir."""
    from tests.support.attacks import assert_clean_failure, fingerprint

    add_repository_files(dataset)
    data_dir = dataset.data_dir
    if folder == "tables":
        data_dir = data_dir.rename(dataset.root / "tables")
    monkeypatch.setattr(tempfile, "tempdir", str(dataset.root / folder))
    before = fingerprint(dataset.root)
    out = tmp_path / "out"
    result = _command("bundle", "--data-dir", str(data_dir), "--out", str(out))
    assert_clean_failure(result, 2)
    named = f"{data_dir}/" if folder == "tables" else f"{folder}/"
    assert f"is inside {named}," in result.stderr and "TMPDIR" in result.stderr and result.stderr.count("\n") == 1
    assert fingerprint(dataset.root) == before
    assert not out.exists()


def test_a_temporary_folder_inside_a_release_is_refused_before_anything_is_written(
    dataset: Dataset, release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With TMPDIR inside a release, the build of the bundle's own release there was refused by the
    build's guard (no build writes inside a release), and that refusal escaped as a traceback."""
    from tests.support.attacks import assert_clean_failure, fingerprint

    add_repository_files(dataset)
    copied = tmp_path / "release"
    shutil.copytree(release, copied)
    monkeypatch.setattr(tempfile, "tempdir", str(copied))
    before = fingerprint(copied)
    out = tmp_path / "out"
    result = _command("bundle", "--data-dir", str(dataset.data_dir), "--out", str(out))
    assert_clean_failure(result, 2)
    assert f"is inside the release {copied}" in result.stderr and "TMPDIR" in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert fingerprint(copied) == before
    assert not out.exists()


def test_an_out_folder_that_cannot_be_written_is_named_as_the_user_gave_it(dataset: Dataset, tmp_path: Path) -> None:
    """The message named the hidden temporary file the bundle failed to make in it
    (``.syria-strikes-data-0.4.0.zip.kx_8gz_n``), a name the user never gave nor sees."""
    from tests.support.unprivileged import forked_unprivileged

    add_repository_files(dataset)
    out = tmp_path / "dist"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = forked_unprivileged("bundle", "--out", str(out), cwd=dataset.root)
    finally:
        out.chmod(0o755)
    assert result.returncode == 3, result.stderr
    assert f"permission denied ({out / bundle_name(VERSION)})" in result.stderr and result.stderr.count("\n") == 1
    assert list(out.iterdir()) == []


def test_readme_tells_a_spreadsheet_reader_which_cells_are_lists_where_the_documents_are_and_how_to_cite_a_claim(
    unzipped: Path,
) -> None:
    """The README said 'list cells separate items with |' without naming them, while a sentence of
    uncovered_sentences.csv holds a '|' of its own; it never said where the quoted documents are, nor
    which columns say who claimed what in which words."""
    readme = (unzipped / "README.md").read_text(encoding="utf-8")
    listed = readme.split("Only these columns hold lists", 1)[1].split(";", 1)[0]
    for declared in TABLES:
        for column in declared.columns:
            assert (f"`{declared.name}.{column.name}`" in listed) == (column.type == "list"), column.name
    assert "`seeds/` folder (https://github.com/syria-strikes/syria-strikes/tree/main/seeds)" in readme
    assert "`claimant_actor_id` says who makes" in readme and "`attribution_quote` the words" in readme
    assert 'with " … " between words the document writes apart' in readme
    # Excel where lists are separated by semicolons (much of Europe) opens a comma-separated file as one column.
    assert "Data > From Text/CSV, delimiter Comma" in readme
    assert "add its identifier (such as `clm-002-012`)" in readme


def test_the_dictionary_in_the_zip_names_each_table_s_file_where_the_zip_holds_it(unzipped: Path) -> None:
    # It said only `data/claims.csv`, a folder the zip does not have: there the tables sit at the top.
    dictionary = (unzipped / "data-dictionary.md").read_text(encoding="utf-8")
    for declared in TABLES:
        assert f"`{declared.file_name}` in a release and its zip" in dictionary
        assert (unzipped / declared.file_name).is_file()


def test_the_next_bundle_removes_the_temporary_zip_a_killed_one_left(made: Bundle, tmp_path: Path) -> None:
    """A bundle killed between writing the zip beside its name and linking it there left a hidden,
    complete-looking ``.syria-strikes-data-*.zip.*`` beside the target for the user to delete by hand.
    The next bundle into that folder removes it; another file of a bundle-like name stays."""
    killed_at("link", "bundle", "--out", str(tmp_path), cwd=REPO)
    assert not (tmp_path / made.path.name).exists()
    (leftover,) = aged(list(tmp_path.iterdir()))
    assert leftover.name.startswith(f".{made.path.name}.")
    kept = tmp_path / f".{made.path.name}.k3j9x0ab"  # named as an older version named its own: not told apart
    kept.write_bytes(b"an older run's, or someone's")
    result = _command("bundle", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / made.path.name).read_bytes() == made.path.read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([made.path.name, kept.name])
