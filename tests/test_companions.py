"""The one zip of a release (syria_strikes/companions.py): its files, its fixed bytes, its citation."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from syria_strikes.companions import (
    COMPANION_FILES,
    DERIVED_FILES,
    SUMMARY_COLUMNS,
    SUMMARY_FILE,
    CompanionError,
    bundle_name,
    cff_field,
    in_top_folder,
    repository_files,
    zip_files,
    zipped,
)
from syria_strikes.files import release_files
from syria_strikes.loader import derived_files
from syria_strikes.metadata import TABLES
from tests.support.dataset import REPO

CITATION = 'cff-version: 1.2.0\ntitle: "A title"\ndate-released: 2031-05-01\n'


def _release() -> dict[str, bytes]:
    return {name: f"{name}\n".encode() for name in ["datapackage.json", *release_files()]}


def _repository() -> dict[str, bytes]:
    return {"CITATION.cff": CITATION.encode(), "LICENSE": b"MIT\n", "LICENSE-DATA": b"CC BY 4.0\n"}


def test_the_zip_holds_the_release_the_derived_files_their_excel_copies_and_the_companions() -> None:
    derived = {SUMMARY_FILE: b"event_id\n"}
    files = zip_files(_release(), derived, "1.2.3", "3 events.", _repository())
    excel = {f"excel/{t.file_name}" for t in TABLES} | {f"excel/{SUMMARY_FILE}"}
    assert set(files) == set(_release()) | set(derived) | excel | set(COMPANION_FILES)
    assert files["excel/claims.csv"] == b"\xef\xbb\xbf" + _release()["claims.csv"]
    assert files[f"excel/{SUMMARY_FILE}"] == b"\xef\xbb\xbfevent_id\n"
    readme = files["README.md"].decode()
    assert "This release holds 3 events." in readme and "*A title*" in readme and "(2031)" in readme
    assert f"| `{SUMMARY_FILE}` |" in readme


def test_every_entry_sits_in_the_folder_the_zip_is_named_after() -> None:
    top = bundle_name("1.2.3").removesuffix(".zip")
    assert set(in_top_folder({"a": b"", "excel/b": b""}, "1.2.3")) == {f"{top}/a", f"{top}/excel/b"}


def test_the_same_entries_give_the_same_bytes_stored_at_a_fixed_time() -> None:
    entries = {"top/b": b"2", "top/a": b"1"}
    assert zipped(entries) == zipped(dict(reversed(entries.items())))
    with zipfile.ZipFile(io.BytesIO(zipped(entries))) as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == ["top/a", "top/b"]
    assert {(info.date_time, info.compress_type, info.external_attr >> 16) for info in infos} == {
        ((1980, 1, 1, 0, 0, 0), zipfile.ZIP_STORED, 0o100644)
    }


def test_a_citation_without_a_field_it_is_cited_by_is_named_where_it_is(tmp_path: Path) -> None:
    assert cff_field(CITATION, "title") == "A title"
    with pytest.raises(CompanionError, match=r"^/x/CITATION\.cff has no 'title'"):
        cff_field("date-released: 2031-05-01\n", "title", where="/x/CITATION.cff")
    for name in ("LICENSE", "LICENSE-DATA"):
        shutil.copy(REPO / name, tmp_path / name)
    (tmp_path / "CITATION.cff").write_text("title: A title\n", encoding="utf-8")
    with pytest.raises(CompanionError, match=rf"^{tmp_path / 'CITATION.cff'} has no 'date-released'"):
        repository_files(tmp_path)


def test_absent_citation_and_licences_are_all_named() -> None:
    with pytest.raises(CompanionError) as raised:
        repository_files(REPO / "seeds")
    assert raised.value.missing == ("CITATION.cff", "LICENSE", "LICENSE-DATA")


def test_the_derived_files_are_the_ones_declared(release: Path) -> None:
    """The site's output guard knows the zip's files by these names: one made and not declared would
    be a file of the user's to it, and stop the next site."""
    files = {path.name: path.read_bytes() for path in release.iterdir() if path.is_file()}
    assert tuple(derived_files(files, release)) == DERIVED_FILES


def test_the_readme_names_every_column_of_the_summary_in_its_order(release: Path) -> None:
    files = {path.name: path.read_bytes() for path in release.iterdir() if path.is_file()}
    header = derived_files(files, release)[SUMMARY_FILE].decode("utf-8").splitlines()[0]
    assert header.split(",") == [name for name, _ in SUMMARY_COLUMNS]
    readme = zip_files(_release(), {}, "1.2.3", "3 events.", _repository())["README.md"].decode()
    assert all(f"| `{name}` |" in readme for name in header.split(","))
    assert all("|" not in meaning for _, meaning in SUMMARY_COLUMNS), "a '|' splits a cell of the README's table"
