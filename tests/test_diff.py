"""`syria-strikes diff`: rows added, removed and changed on primary keys, and new vocabulary values."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from syria_strikes.build import build
from tests.support.dataset import REPO, Dataset, copy_dataset, run_cli
from tests.support.forgery import REBUILT_SUMMARY, rebuilt, replaced_at_read


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


def test_a_key_holding_backticks_stays_inside_its_code_span(dataset: Dataset) -> None:
    """An ID with a backtick closed its one-backtick span, and the rest ('<b>x</b>') was read as HTML
    in the CHANGELOG the output is pasted into."""
    rows = dataset.rows("actors")
    dataset.write_rows("actors", [*rows, {**rows[0], "actor_id": "act-md|`<b>x</b>`"}])
    code, output = _diff(REPO / "data", dataset.data_dir, "--format", "markdown")
    assert code == 0
    assert "  - added: `` act-md|`<b>x</b>` ``" in output.splitlines()


def test_a_changed_column_named_with_markup_stays_inside_its_code_span(tmp_path: Path) -> None:
    """Column names of the changed rows were listed bare: a shared column '<b>x</b>' was raw HTML."""
    sides = []
    for name, cell in (("a", "1"), ("b", "2")):
        side = copy_dataset(tmp_path / name)
        rows = side.rows("actors")
        side.write_rows("actors", [{**row, "<b>x</b>": cell} for row in rows], [*rows[0], "<b>x</b>"])
        sides.append(side.root)
    code, output = _diff(*sides, "--format", "markdown")
    assert code == 0
    assert "(`<b>x</b>`)" in output and "(<b>x</b>)" not in output


def test_a_declared_code_first_used_is_no_new_vocabulary(dataset: Dataset) -> None:
    # 'headline' is declared in both descriptors and used by no row of OLD: the vocabulary did not change.
    assert "headline" not in {row["reason"] for row in dataset.rows("uncovered_sentences")}
    dataset.set_cell("uncovered_sentences", 0, "reason", "headline")
    code, output = _diff(REPO / "data", dataset.data_dir)
    assert code == 0
    assert output.splitlines() == ["uncovered_sentences: 0 added, 0 removed, 1 changed", "  ~ unc-000-001: reason"]
    report = json.loads(_diff(REPO / "data", dataset.data_dir, "--format", "json")[1])
    assert report["vocabulary_added"] == {}


def test_a_code_newly_declared_in_the_descriptor_counts_as_added(dataset: Dataset) -> None:
    path = dataset.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    claims = next(resource for resource in descriptor["resources"] if resource["name"] == "claims")
    stance = next(field for field in claims["schema"]["fields"] if field["name"] == "stance")
    stance["constraints"]["enum"].append("hints")
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert "vocabulary claims.stance: + hints" in _diff(REPO / "data", dataset.data_dir)[1]


@pytest.mark.parametrize("code", [["hints"], 7, None], ids=["a list", "a number", "null"])
def test_a_declared_code_that_is_not_text_is_a_usage_error(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], code: object
) -> None:
    """A descriptor edited by hand may declare any JSON value as a code; codes are compared as text."""
    path = dataset.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    claims = next(resource for resource in descriptor["resources"] if resource["name"] == "claims")
    next(field for field in claims["schema"]["fields"] if field["name"] == "stance")["constraints"]["enum"].append(code)
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert _diff(REPO / "data", dataset.data_dir) == (2, "")
    error = capsys.readouterr().err
    assert "datapackage.json: is not a readable data package descriptor" in error and "Traceback" not in error


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


@pytest.mark.parametrize("formatting", ["text", "markdown"])
def test_a_line_break_in_a_key_cannot_forge_a_line(dataset: Dataset, formatting: str) -> None:
    """A key is a cell of data that does not validate yet; a line break in it must not add a line
    to the report, or to the CHANGELOG section the markdown becomes."""
    forged = "- No data changes." if formatting == "markdown" else "no differences: all the same"
    actors = dataset.rows("actors")
    dataset.write_rows("actors", [*actors, {**actors[0], "actor_id": f"act-x\n{forged}"}])
    code, output = _diff(REPO / "data", dataset.data_dir, "--format", formatting)
    assert code == 0
    assert forged not in output.splitlines() and f"act-x\\x0a{forged}" in output


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


@pytest.mark.parametrize(("first", "second"), [("actor_id", "name"), ("kind", "country")])
def test_a_column_named_twice_in_the_header_is_refused_not_compared(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], first: str, second: str
) -> None:
    """Read by name, the row kept only the last cell of the two: every actor was added and removed
    (keyed by its name), or with 'kind,kind' a changed country was not seen, with exit 0."""
    path = dataset.path("actors")
    header, _, body = path.read_text(encoding="utf-8").partition("\n")
    path.write_text(header.replace(f"{first},{second}", f"{first},{first}", 1) + "\n" + body, encoding="utf-8")
    code, output = _diff(REPO / "data", dataset.data_dir)
    error = capsys.readouterr().err
    assert (code, output) == (2, "")
    assert f"actors.csv, line 1: the header names column '{first}' twice [rule: header_unique]" in error


@pytest.mark.parametrize(("encoding", "says"), [("cp1252", "Windows-1252"), ("utf-16", "UTF-16")])
def test_a_table_that_is_not_utf8_is_named_never_read_as_no_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str, says: str
) -> None:
    """Read with replacement characters, 'Syrié' and 'Syriè' in two Windows-1252 files both became
    'Syri\ufffd': diff said there was no difference."""
    sides = []
    for name, letter in (("a", "\u00e9"), ("b", "\u00e8")):
        side = copy_dataset(tmp_path / name)
        text = side.path("actors").read_text(encoding="utf-8").replace(",Syria,state", f",Syri{letter},state", 1)
        side.path("actors").write_bytes(text.encode(encoding))
        sides.append(side.root)
    code, output = _diff(*sides)
    error = capsys.readouterr().err
    assert (code, output) == (2, "")
    assert "actors.csv, line " in error and says in error and "[rule: utf8]" in error


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo"])
def test_a_table_on_one_side_only_is_an_error_naming_it(
    dataset: Dataset, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table that is gone, or is no regular file, is not an empty table: "events: 10 added" would be false."""
    events = dataset.path("events")
    events.unlink()
    if kind == "folder":
        events.mkdir()
    elif kind == "fifo":
        os.mkfifo(events)
    for old, new in [(dataset.data_dir, REPO / "data"), (REPO / "data", dataset.data_dir)]:
        assert _diff(old, new) == (2, "")
        error = capsys.readouterr().err
        assert error.startswith(f"error: {events}: ") and error.count("\n") == 1


def _without_table(dataset: Dataset, name: str) -> None:
    """The dataset as it was before the table existed: no file, and a descriptor that does not declare it."""
    dataset.path(name).unlink()
    path = dataset.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"] = [resource for resource in descriptor["resources"] if resource["name"] != name]
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def test_a_side_that_predates_a_table_compares_and_says_so(dataset: Dataset) -> None:
    _without_table(dataset, "uncovered_sentences")
    count = len(Dataset(REPO).rows("uncovered_sentences"))
    code, output = _diff(dataset.data_dir, REPO / "data")
    assert code == 0
    lines = output.splitlines()
    assert lines[0] == (
        f"note: uncovered_sentences: not in {dataset.data_dir}, whose datapackage.json predates the table; "
        "its rows count as added"
    )
    assert lines[1] == f"uncovered_sentences: {count} added, 0 removed, 0 changed"
    assert json.loads(_diff(REPO / "data", dataset.data_dir, "--format", "json")[1])["notes"] == [
        f"uncovered_sentences: not in {dataset.data_dir}, whose datapackage.json predates the table; "
        "its rows count as removed"
    ]


def test_a_table_on_neither_side_is_noted(dataset: Dataset, tmp_path: Path) -> None:
    other = copy_dataset(tmp_path / "other")
    for side in (dataset, other):
        side.path("uncovered_sentences").unlink()
    code, output = _diff(dataset.data_dir, other.data_dir)
    assert (code, output.splitlines()) == (
        0,
        [
            f"note: uncovered_sentences: in neither {dataset.data_dir} nor {other.data_dir}",
            f"no differences: {dataset.data_dir} and {other.data_dir} have the same rows in every table",
        ],
    )


@pytest.mark.parametrize("damaged", ["claims.parquet", "events.csv", "datasette-metadata.json"])
def test_a_damaged_release_is_refused_naming_the_file(
    release: Path, damaged: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A diff that says "no differences" must be about releases that are what they claim to be."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    data = bytearray((copy / damaged).read_bytes())
    data[-2] ^= 1
    (copy / damaged).write_bytes(bytes(data))
    for old, new in [(release, copy), (copy, REPO / "data")]:
        assert _diff(old, new) == (1, "")
        error = capsys.readouterr().err
        assert error.startswith(f"error: {damaged} in {copy} is damaged") and error.count("\n") == 1


def test_a_release_table_changed_after_its_check_is_refused_not_compared(
    release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rows compared are the bytes that matched the checksum: a file rewritten between the
    release's check and the reading of its rows is refused, not compared."""
    from syria_strikes import info

    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    checked = info.release_info

    def check_then_rewrite(folder: Path) -> info.ReleaseInfo:
        found = checked(folder)
        claims = Path(folder) / "claims.csv"
        claims.write_bytes(claims.read_bytes().replace(b"asserts", b"denies!", 1))
        return found

    monkeypatch.setattr(info, "release_info", check_then_rewrite)
    assert _diff(copy, REPO / "data") == (1, "")
    assert capsys.readouterr().err.startswith(f"error: claims.csv in {copy} is damaged")


def test_a_release_replaced_while_it_is_compared_is_compared_as_the_new_one(
    dataset: Dataset, release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """diff verified a release's files, then read its tables again against the descriptor it had read:
    a build replacing the release in between made a sound release read as a damaged one."""
    old = tmp_path / "release"
    shutil.copytree(release, old)
    replaced = replaced_at_read(monkeypatch, old, rebuilt(dataset, tmp_path / "new"), at=2, name="events.csv")
    code, output = run_cli(["diff", str(release), str(old)])
    assert replaced and code == 0
    assert "events" in output and REBUILT_SUMMARY not in output  # a changed row is named by its key
    assert "sources" in output
