"""A release's CSV, Parquet and SQLite forms of each table are compared row by row, so that a
release put together by hand, its checksums recorded again, cannot say one thing in one form and
another in the next."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from syria_strikes.files import DATABASE
from syria_strikes.format_agreement import disagreements
from syria_strikes.loader import release_descriptor, verify
from tests.support.dataset import run_cli
from tests.support.forgery import record_checksum, rewrite_parquet


@pytest.fixture
def copied(release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    return copy


def _disagreements(folder: Path) -> list[str]:
    descriptor = release_descriptor(folder)
    return disagreements(folder, lambda name: verify(folder / name, descriptor))


def test_a_built_release_agrees_with_itself(release: Path) -> None:
    assert _disagreements(release) == []


def test_a_csv_cell_changed_is_named_by_line_and_column(copied: Path) -> None:
    path = copied / "events.csv"
    path.write_bytes(path.read_bytes().replace(b"Tiyas (T4) Military Airbase", b"Tiyas (T5) Military Airbase", 1))
    record_checksum(copied, path)
    found = _disagreements(copied)
    assert len(found) == 1
    assert found[0].startswith(f"events.csv and events.parquet in {copied} differ: line ")
    assert "column place_name: 'Tiyas (T5) Military Airbase' in the CSV, 'Tiyas (T4) Military Airbase'" in found[0]


def test_a_difference_is_named_by_its_line_in_the_file_after_a_cell_with_a_line_break(copied: Path) -> None:
    """The second row's summary runs over two lines in both forms; the third row differs."""
    summary = "Air/missile attack on the T4 airbase in eastern Homs;"
    rewrite_parquet(copied, "events", "summary", f"{summary}\nline two", slice(0, 1))
    path = copied / "events.csv"
    rows = path.read_bytes().split(b"\n")
    rows[1] = rows[1].replace(summary.encode(), f'"{summary}\nline two'.encode(), 1)
    rows[1] = rows[1].replace(b" Syrian air defence engaged; SANA blamed Israel.,", b'",', 1)
    rows[2] = rows[2].replace(b"Tiyas (T4) Military Airbase", b"Tiyas (T5) Military Airbase", 1)
    path.write_bytes(b"\n".join(rows))
    record_checksum(copied, path)
    found = _disagreements(copied)
    assert len(found) == 1 and "differ: line 4, column place_name: 'Tiyas (T5) Military Airbase'" in found[0]


def test_a_parquet_value_changed_is_named(copied: Path) -> None:
    rewrite_parquet(copied, "claims", "hedging", "confirmed", slice(0, 1))
    found = _disagreements(copied)
    assert [line.split(": ")[0] for line in found] == [f"claims.csv and claims.parquet in {copied} differ"]
    assert "line 2, column hedging" in found[0] and "'confirmed' in the Parquet file" in found[0]


def test_a_csv_row_left_out_is_a_count_that_differs(copied: Path) -> None:
    path = copied / "actors.csv"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))
    record_checksum(copied, path)
    assert _disagreements(copied) == [
        f"actors.csv and actors.parquet in {copied} differ: the CSV has {len(lines) - 2} rows, "
        f"the Parquet file {len(lines) - 1}"
    ]


def test_a_csv_that_does_not_read_as_its_table_is_named(copied: Path) -> None:
    path = copied / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    record_checksum(copied, path)
    found = _disagreements(copied)
    assert len(found) == 1 and found[0].startswith(f"{copied / 'sources.csv'}, line 1: ")
    assert found[0].endswith("[rule: lf_line_endings]; a release's CSV holds only what validate accepts")


def _edit_database(folder: Path, sql: str) -> None:
    with sqlite3.connect(folder / DATABASE) as database:
        database.executescript(sql)
    database.close()
    record_checksum(folder, folder / DATABASE)


def test_a_sqlite_value_changed_is_named(copied: Path) -> None:
    _edit_database(copied, "UPDATE claims SET stance = 'denies' WHERE rowid = 3;")
    assert _disagreements(copied) == [
        f"{DATABASE} and claims.parquet in {copied} differ: row 3 of claims, column stance, is not the Parquet file's"
    ]


def test_a_sqlite_row_left_out_is_a_count_that_differs(copied: Path) -> None:
    _edit_database(copied, "DELETE FROM actor_relations WHERE rowid = (SELECT max(rowid) FROM actor_relations);")
    found = _disagreements(copied)
    assert len(found) == 1 and found[0].startswith(f"{DATABASE} and actor_relations.parquet in {copied} differ: its")


@pytest.mark.parametrize(("content", "words"), [(b"", "it is empty"), (b"no database" * 50, "file is not a database")])
def test_a_sqlite_file_that_is_no_database_is_named_once(copied: Path, content: bytes, words: str) -> None:
    (copied / DATABASE).write_bytes(content)
    record_checksum(copied, copied / DATABASE)
    found = _disagreements(copied)
    assert len(found) == 1 and found[0].startswith(f"{DATABASE} in {copied}: ") and words in found[0]


def test_a_view_in_place_of_a_table_is_not_run(copied: Path) -> None:
    """A view runs whatever query the file's author wrote; it is named, not read."""
    _edit_database(
        copied,
        "ALTER TABLE events RENAME TO events_kept; CREATE VIEW events AS SELECT * FROM events_kept;",
    )
    assert f"{DATABASE} and events.parquet in {copied} differ: it holds no table events" in _disagreements(copied)


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        (
            "DROP VIEW claims_named; CREATE VIEW claims_named AS SELECT * FROM claims WHERE 0;",
            "its view 'claims_named' is not defined as a build defines it",
        ),
        (
            "CREATE TRIGGER hide AFTER INSERT ON claims BEGIN DELETE FROM claims; END;",
            "it holds a trigger 'hide' that no build writes",
        ),
        ("DROP VIEW actors_named;", "it lacks the view 'actors_named' a build writes"),
    ],
)
def test_a_view_or_trigger_a_build_does_not_write_is_named(copied: Path, sql: str, words: str) -> None:
    """The tables' rows agree, but datasette's users read the views: 'claims_named' redefined to hold
    no rows, its checksum recorded again, passed info --deep."""
    _edit_database(copied, sql)
    assert f"{DATABASE} in {copied}: {words}" in _disagreements(copied)


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        (
            "UPDATE vocabularies SET meaning = 'a meaning no build writes' WHERE rowid = 1;",
            "its table vocabularies does not hold the codes and meanings a build writes",
        ),
        (
            "INSERT INTO claims_fts (claims_fts) VALUES ('delete-all');",
            "its search index claims_fts does not hold the words of the rows it indexes",
        ),
        (
            "INSERT INTO actors_fts (actors_fts) VALUES ('delete-all');",
            "its search index actors_fts does not hold the words of the rows it indexes",
        ),
    ],
    ids=["vocabulary", "claims' search emptied", "actors' search emptied"],
)
def test_what_the_sqlite_file_holds_beside_the_tables_is_what_a_build_writes(
    copied: Path, sql: str, words: str
) -> None:
    """The six tables' rows agree, but a datasette user reads the vocabularies' meanings and searches
    the indexes: an emptied index finds nothing while every row is there."""
    _edit_database(copied, sql)
    assert _disagreements(copied) == [f"{DATABASE} in {copied}: {words}"]


def _forged_text(copied: Path, name: str, old: str, new: str) -> None:
    path = copied / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    record_checksum(copied, path)


def test_a_map_or_datasette_metadata_not_derived_from_the_tables_is_named(copied: Path) -> None:
    """The site republishes events.geojson byte for byte: a point moved, its checksum recorded again."""
    _forged_text(copied, "events.geojson", '"coordinates": [\n', '"coordinates": [\n          1.5,\n')
    _forged_text(copied, "datasette-metadata.json", '"title": "syria-strikes"', '"title": "other data"')
    assert _disagreements(copied) == [
        f"events.geojson in {copied}: it is not the file a build writes from the release's tables",
        f"datasette-metadata.json in {copied}: it is not the file a build writes from the release's tables",
    ]


def test_an_annotation_not_derived_from_its_claim_is_named_by_its_claim(copied: Path) -> None:
    lines = (copied / "claims.annotations.jsonld").read_text(encoding="utf-8").split("\n")
    quoted = lines[2].split('"exact":', 1)[1].split(',"prefix"', 1)[0]
    _forged_text(copied, "claims.annotations.jsonld", lines[2], lines[2].replace(quoted, '"words nobody wrote"'))
    claim_id = lines[2].split("#", 1)[1].split('"', 1)[0]
    assert _disagreements(copied) == [
        f"claims.annotations.jsonld in {copied}: line 3, the annotation of {claim_id}, is not the one a build writes"
    ]


def test_the_words_around_a_quote_are_taken_as_the_annotations_give_them_but_no_longer(copied: Path) -> None:
    """Only the seeds could tell them wrong, and a release carries none; a longer context than a
    build writes is named."""
    lines = (copied / "claims.annotations.jsonld").read_text(encoding="utf-8").split("\n")
    prefix = lines[2].split('"prefix":', 1)[1].split(',"suffix"', 1)[0]
    _forged_text(copied, "claims.annotations.jsonld", prefix, '"other words"')
    assert _disagreements(copied) == []
    _forged_text(copied, "claims.annotations.jsonld", '"other words"', '"' + "x" * 33 + '"')
    assert len(_disagreements(copied)) == 1


def test_info_deep_reports_a_disagreement_and_fails(copied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rewrite_parquet(copied, "claims", "hedging", "confirmed", slice(0, 1))
    code, _ = run_cli(["info", "--release", str(copied)])
    assert code == 0  # the checksums match: only a deep look finds it
    capsys.readouterr()
    code, output = run_cli(["info", "--release", str(copied), "--deep"])
    assert code == 1
    assert output.rstrip().endswith("1 difference(s) between the forms of its tables (below)")
    assert capsys.readouterr().err.startswith(f"error: claims.csv and claims.parquet in {copied} differ: line 2")
    code, output = run_cli(["info", "--release", str(copied), "--deep", "--format", "json"])
    assert code == 1 and '"forms_agree": false' in output


def test_info_deep_on_a_built_release_says_the_forms_agree(release: Path) -> None:
    code, output = run_cli(["info", "--release", str(release), "--deep"])
    assert code == 0
    assert output.rstrip().endswith(
        "CSV, Parquet and SQLite forms of every table hold the same rows, and the files derived from them are "
        "those a build writes."
    )


def test_info_deep_without_the_validators_packages_says_which_extra(
    release: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandera", None)  # Python's way to make an import fail
    code, output = run_cli(["info", "--release", str(release), "--deep"])
    assert (code, output) == (2, "")
    assert capsys.readouterr().err == (
        "error: `syria-strikes info --deep` needs the 'validate' extra (missing: pandera): "
        'pip install "syria-strikes[validate]"\n'
    )
