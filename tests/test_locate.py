"""`syria-strikes locate`: offsets of quotes in a seed, and --fix, which changes only offset cells."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.dataset import Dataset, run_cli
from tests.support.killed import aged, killed_at, temporary_files

SEED = "seeds/000_88ebea6c751ab514.txt"


def _locate(dataset: Dataset, *args: str) -> tuple[int, str]:
    return run_cli(["locate", *args, "--data-dir", str(dataset.data_dir)])


def test_a_unique_quote_prints_its_offsets_by_file_or_by_source_id(dataset: Dataset) -> None:
    seed = str(dataset.root / SEED)
    assert _locate(dataset, seed, "The state news agency blamed Israel") == (
        0,
        "397\t432\tThe state news agency blamed Israel\n",
    )
    assert _locate(dataset, "src-seed-000", "The state news agency blamed Israel")[0] == 0


def test_ambiguous_and_missing_quotes_are_explained_and_exit_1(dataset: Dataset) -> None:
    code, output = _locate(dataset, str(dataset.root / SEED), "air defense of the army", "Hom's eastern")
    assert code == 1
    ambiguous, missing = output.splitlines()
    assert ambiguous.startswith("'air defense of the army': found 2 times, at 198..221, ")
    assert "U+2019 RIGHT SINGLE QUOTATION MARK" in missing and "copy it exactly from offsets 239..252" in missing


def test_json_lists_every_occurrence(dataset: Dataset) -> None:
    code, output = _locate(dataset, str(dataset.root / SEED), "Syria", "--format", "json")
    (result,) = json.loads(output)
    assert code == 1
    assert result["status"] == "ambiguous"
    assert len(result["occurrences"]) >= 2


def test_control_characters_in_a_quote_are_printed_escaped(dataset: Dataset) -> None:
    code, output = _locate(dataset, str(dataset.root / SEED), "\x1b[31mred")
    assert code == 1
    assert "\x1b" not in output and "\\x1b" in output


def test_bad_input_gives_one_line_and_exit_2(dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\u00e9".encode("latin-1"))
    for argv, words in [
        ([str(tmp_path / "absent.txt"), "x"], "no such file"),
        ([str(latin1), "x"], "is not valid UTF-8"),
        (["src-no-such-source", "x"], "no archived source"),
        (["src-seed-02", "x"], "has that source_id; the archived sources are src-seed-000, src-seed-002"),
        (["", "x"], "an empty SEED names nothing"),  # was read as '.', "is not a file"
    ]:
        assert _locate(dataset, *argv)[0] == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and words in error and "Traceback" not in error
    assert _locate(dataset, "--fix", str(dataset.root / SEED))[0] == 2
    assert _locate(dataset, str(dataset.root / SEED))[0] == 2
    capsys.readouterr()
    assert _locate(dataset, str(dataset.root / SEED), "")[0] == 2
    assert "a QUOTE is empty" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["a named pipe (FIFO)", "a folder"])
def test_a_sources_table_that_is_no_file_is_named_as_such_not_as_missing(
    dataset: Dataset, capsys: pytest.CaptureFixture, kind: str
) -> None:
    """It said 'no data/sources.csv ... run from the root of a clone', sending the curator elsewhere."""
    sources = dataset.path("sources")
    sources.unlink()
    if kind == "a folder":
        sources.mkdir()
    else:
        os.mkfifo(sources)
    assert run_cli(["locate", "src-seed-000", "Homs", "--data-dir", str(dataset.data_dir)])[0] == 2
    error = capsys.readouterr().err
    assert f"sources.csv: is {kind}, not a regular file" in error and "[rule: file_regular]" in error


def test_fix_names_a_byte_order_mark_instead_of_a_missing_column(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    marked = b"\xef\xbb\xbf" + dataset.raw("claims")
    dataset.write_raw("claims", marked)
    assert _locate(dataset, "--fix")[0] == 2
    error = capsys.readouterr().err
    assert "byte-order mark [rule: no_bom]" in error and "has no column" not in error
    assert dataset.raw("claims") == marked


def _unique_rows(dataset: Dataset, count: int, column: str = "quote") -> list[int]:
    """Rows of seed 000 whose ``column`` (quote or attribution_quote) occurs once in the seed."""
    text = (dataset.root / SEED).read_text(encoding="utf-8")
    rows = dataset.rows("claims")
    unique = [
        i
        for i, row in enumerate(rows)
        if row["source_id"] == "src-seed-000" and row[column] and text.count(row[column]) == 1
    ]
    return unique[:count]


def test_fix_restores_wrong_and_empty_offsets_and_changes_no_other_byte(dataset: Dataset) -> None:
    original = dataset.raw("claims")
    first, second = _unique_rows(dataset, 2)
    dataset.set_cell("claims", first, "quote_start", "3")
    line = dataset.set_cell("claims", first, "quote_end", "9")
    dataset.set_cell("claims", second, "quote_start", "")
    dataset.set_cell("claims", second, "quote_end", "")
    assert dataset.raw("claims") != original
    mode = 0o640
    os.chmod(dataset.path("claims"), mode)

    code, output = _locate(dataset, "--fix")

    assert code == 0, output
    assert dataset.raw("claims") == original
    assert os.stat(dataset.path("claims")).st_mode & 0o777 == mode
    assert f"line {line}, " in output and "3..9 -> " in output
    assert output.splitlines()[-2:] == [
        "changed the offsets of 2 claims; 0 left as is",
        "changed the offsets of 0 actor relations; 0 left as is",
    ]
    assert run_cli(["locate", "--fix", "--data-dir", str(dataset.data_dir)])[1].endswith(
        "0 claims; 0 left as is\nchanged the offsets of 0 actor relations; 0 left as is\n"
    )


def test_fix_prints_a_line_break_in_a_claim_id_escaped(dataset: Dataset) -> None:
    """--fix runs on data that does not validate yet: a claim_id holding a line break must not
    add a line, such as another count, to the report."""
    forged = "changed the offsets of 0 claims; 0 left as is"
    (row,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", row, "claim_id", f"clm-x\n{forged}")
    dataset.set_cell("claims", row, "quote_start", "")
    code, output = _locate(dataset, "--fix")
    assert code == 0, output
    assert forged not in output.splitlines() and f"clm-x\\x0a{forged}" in output


@pytest.mark.parametrize(("column", "named"), [("quote", "the quote"), ("attribution_quote", "the attribution_quote")])
def test_fix_leaves_an_ambiguous_quote_or_attribution_and_says_why(dataset: Dataset, column: str, named: str) -> None:
    (index,) = _unique_rows(dataset, 1, column)
    line = dataset.set_cell("claims", index, column, "Syria")
    before = dataset.raw("claims")
    code, output = _locate(dataset, "--fix")
    assert code == 1
    assert f"line {line}, " in output and f"left as is: {named} is found" in output
    assert dataset.raw("claims") == before


def test_fix_repairs_an_offset_too_long_to_be_a_number(dataset: Dataset) -> None:
    """An offset of more than 4300 digits, which Python refuses to read as an integer, points nowhere:
    --fix sets it where the quote is, as it does any other wrong offset."""
    original = dataset.raw("claims")
    (index,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", index, "quote_start", "1" * 5000)
    code, output = _locate(dataset, "--fix")
    assert code == 0, output
    assert dataset.raw("claims") == original


def test_fix_refuses_a_file_it_could_not_write_back_byte_for_byte(dataset: Dataset) -> None:
    crlf = dataset.raw("claims").replace(b"\n", b"\r\n")
    dataset.write_raw("claims", crlf)
    code, _ = _locate(dataset, "--fix")
    assert code == 2
    assert dataset.raw("claims") == crlf


def test_fix_reports_a_claim_whose_seed_cannot_be_read_and_goes_on(dataset: Dataset) -> None:
    first, second = _unique_rows(dataset, 2)
    line = dataset.set_cell("claims", first, "source_id", "src-no-such-seed")
    dataset.set_cell("claims", second, "quote_start", "")
    code, output = _locate(dataset, "--fix")
    assert code == 1
    assert f"line {line}, " in output and "its source_id 'src-no-such-seed' names no archived seed" in output
    assert output.splitlines()[-2] == "changed the offsets of 1 claim; 1 left as is"


def test_fix_keeps_the_owner_and_mode_of_the_file_it_rewrites(dataset: Dataset) -> None:
    if os.getuid() != 0:
        pytest.skip("giving a file to another user needs root")
    (row,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", row, "quote_start", "0")
    path = dataset.path("claims")
    os.chown(path, 65534, 65534)
    path.chmod(0o640)
    assert _locate(dataset, "--fix")[0] == 0
    status = path.stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (65534, 65534, 0o640)


def test_fix_repairs_attribution_offsets_as_it_repairs_quote_offsets(dataset: Dataset) -> None:
    original = dataset.raw("claims")
    first, second = _unique_rows(dataset, 2, "attribution_quote")
    shifted = str(int(dataset.rows("claims")[first]["attribution_start"]) + 1)
    line = dataset.set_cell("claims", first, "attribution_start", shifted)
    dataset.set_cell("claims", second, "attribution_start", "")
    dataset.set_cell("claims", second, "attribution_end", "")

    code, output = _locate(dataset, "--fix")

    assert code == 0, output
    assert dataset.raw("claims") == original
    assert f"line {line}, " in output and f"attribution_start..attribution_end {shifted}.." in output
    assert output.splitlines()[-2:] == [
        "changed the offsets of 2 claims; 0 left as is",
        "changed the offsets of 0 actor relations; 0 left as is",
    ]
    assert dataset.validate() == (0, [])


def test_fix_reports_the_columns_it_changed_in_json(dataset: Dataset) -> None:
    (attributed,) = _unique_rows(dataset, 1, "attribution_quote")
    dataset.set_cell("claims", attributed, "attribution_end", "1")
    dataset.set_cell("claims", attributed, "quote_end", "1")
    code, output = _locate(dataset, "--fix", "--format", "json")
    assert code == 0, output
    claims, relations = json.loads(output)["files"]
    assert relations == {"file": str(dataset.path("actor_relations")), "changed": [], "left_as_is": []}
    columns = sorted(change["columns"] for change in claims["changed"])
    assert columns == [["attribution_start", "attribution_end"], ["quote_start", "quote_end"]]


def test_fix_takes_no_offsets_from_a_seed_that_does_not_match_its_sha256(dataset: Dataset) -> None:
    """Offsets found in an edited document would anchor the claims in a text they do not quote."""
    (index,) = _unique_rows(dataset, 1)
    line = dataset.set_cell("claims", index, "quote_start", "")
    seed = dataset.root / SEED
    seed.write_bytes(b"An edited first line.\n" + seed.read_bytes())
    before = dataset.raw("claims")
    code, output = _locate(dataset, "--fix")
    assert code == 1
    assert f"line {line}, " in output and "does not match the sha256 that its row in sources.csv (line 2)" in output
    assert output.splitlines()[-2].startswith("changed the offsets of 0 claims; ")
    assert dataset.raw("claims") == before


def test_a_seed_named_by_source_id_is_located_only_when_it_matches_its_sha256(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offsets printed from an edited seed would be copied into claims that do not quote it."""
    seed = dataset.root / SEED
    seed.write_bytes(b"An edited first line.\n" + seed.read_bytes())
    assert _locate(dataset, "src-seed-000", "The state news agency blamed Israel") == (2, "")
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "does not match the sha256 that its row in sources.csv (line 2)" in error


def test_a_row_without_a_sha256_is_named_as_such_not_as_a_changed_seed(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    """The row records no hash: saying the file does not match it would send a curator to restore
    a seed that is intact."""
    (index,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", index, "quote_start", "")
    dataset.set_cell("sources", dataset.find("sources", source_id="src-seed-000"), "sha256", "")
    code, output = _locate(dataset, "--fix")
    assert code == 1
    assert "records no sha256" in output and "[rule: seed_hash_pair]" in output and "does not match" not in output
    assert _locate(dataset, "src-seed-000", "The state news agency blamed Israel")[0] == 2
    error = capsys.readouterr().err
    assert "records no sha256" in error and "[rule: seed_hash_pair]" in error


def test_fix_rewrites_the_file_a_link_inside_the_dataset_leads_to_and_keeps_the_link(dataset: Dataset) -> None:
    (row,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", row, "quote_start", "0")
    real = dataset.root / "claims-real.csv"
    dataset.path("claims").rename(real)
    dataset.path("claims").symlink_to(Path("..") / real.name)
    assert _locate(dataset, "--fix")[0] == 0
    assert dataset.path("claims").is_symlink()
    assert dataset.validate() == (0, [])


def test_fix_restores_the_offsets_of_an_actor_relations_quote(dataset: Dataset) -> None:
    """A relation anchors its quote like a claim; --fix repairs it and changes no other byte."""
    original = dataset.raw("actor_relations")
    line = dataset.set_cell("actor_relations", 0, "quote_start", "")
    dataset.set_cell("actor_relations", 0, "quote_end", "7")
    code, output = _locate(dataset, "--fix")
    assert code == 0, output
    assert dataset.raw("actor_relations") == original
    relation = dataset.rows("actor_relations")[0]["relation_id"]
    assert f"actor_relations.csv, line {line}, {relation}: quote_start..quote_end (empty)..7 -> " in output
    assert output.splitlines()[-1] == "changed the offsets of 1 actor relation; 0 left as is"
    assert dataset.validate() == (0, [])


def test_fix_writes_nothing_when_one_of_the_files_cannot_be_judged(dataset: Dataset) -> None:
    """Fixable claims are not written while actor_relations.csv is not in canonical form."""
    (index,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", index, "quote_start", "")
    claims = dataset.raw("claims")
    dataset.write_raw("actor_relations", dataset.raw("actor_relations").replace(b"\n", b"\r\n"))
    code, _ = _locate(dataset, "--fix")
    assert code == 2
    assert dataset.raw("claims") == claims


def test_fix_changes_neither_file_when_the_second_cannot_be_written(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both files are written beside themselves first: a full disk on the second leaves the first
    as the curator had it, and no temporary file behind."""
    from syria_strikes import files

    (index,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", index, "quote_start", "")
    dataset.set_cell("actor_relations", 0, "quote_start", "")
    before = {name: dataset.raw(name) for name in ("claims", "actor_relations")}
    written_beside = files.write_beside

    def disk_full_on_relations(target: Path, *args: object) -> str:
        if target.name == "actor_relations.csv":
            raise OSError(28, "No space left on device", str(target))
        return written_beside(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "write_beside", disk_full_on_relations)
    code, _ = _locate(dataset, "--fix")
    assert code == 3
    assert {name: dataset.raw(name) for name in before} == before
    assert sorted(path.name for path in dataset.data_dir.iterdir() if path.name.startswith(".")) == []


def test_fix_keeps_an_edit_saved_while_it_ran(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """--fix reads the tables, then every seed, then writes the tables back: a curator's edit saved from
    an editor in between was replaced by the offsets worked out from the file as it was before."""
    from syria_strikes import offsets

    first, second = _unique_rows(dataset, 2)
    dataset.set_cell("claims", first, "quote_start", "")
    seed_text = offsets._seed_text
    saved: list[bytes] = []

    def curator_saves(*args: object) -> object:
        if not saved:
            dataset.set_cell("claims", second, "curator_note", "Saved from an editor while --fix ran.")
            saved.append(dataset.raw("claims"))
        return seed_text(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(offsets, "_seed_text", curator_saves)
    code, output = _locate(dataset, "--fix")
    assert code == 2, output
    assert dataset.raw("claims") == saved[0]
    assert sorted(path.name for path in dataset.data_dir.iterdir() if path.name.startswith(".")) == []


def test_fix_removes_the_temporary_file_a_killed_fix_left_and_nothing_else(dataset: Dataset) -> None:
    """A --fix killed between writing claims.csv beside itself and renaming it over left a hidden
    ``.claims.csv.*.tmp`` in data/ for the curator to find and remove by hand. The next --fix removes
    it; a file named as another tool names its temporary files stays."""
    (index,) = _unique_rows(dataset, 1)
    dataset.set_cell("claims", index, "quote_start", "")
    before = dataset.raw("claims")
    killed_at("replace", "locate", "--fix", "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    assert dataset.raw("claims") == before
    (leftover,) = aged(temporary_files(dataset.data_dir))
    assert leftover.name.startswith(".claims.csv.")
    someone_elses = dataset.data_dir / ".claims.csv.k3j9x0ab.tmp"  # an editor's, or an older version's
    someone_elses.write_bytes(b"not ours")
    aged([someone_elses])
    code, _ = _locate(dataset, "--fix")
    assert code == 0
    assert temporary_files(dataset.data_dir) == [someone_elses]
    assert dataset.validate() == (0, [])
