"""Attacks on `validate` through the file system and the cells: each ends in problems, exit 1, no
traceback, no hang and no secret printed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from syria_strikes.checks.provenance import check_quotes
from tests.support.attacks import assert_clean_failure, command
from tests.support.dataset import Dataset
from tests.support.unprivileged import run_unprivileged

SECRET = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-fake-secret"
HANG_GUARD_SECONDS = 600  # a reader blocked on a FIFO fails the test instead of stalling the suite


def _validate(dataset: Dataset) -> tuple[object, list[dict]]:
    result = command("validate", "--data-dir", str(dataset.data_dir), "--format", "json", timeout=HANG_GUARD_SECONDS)
    assert_clean_failure(result, 1)
    return result, json.loads(result.stdout)["problems"]


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "environ"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\nclaim_id,quote\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize("name", ["data/claims.csv", "datapackage.json"])
def test_a_link_to_a_secret_is_reported_and_never_read(dataset: Dataset, tmp_path: Path, name: str) -> None:
    (dataset.root / name).unlink()
    (dataset.root / name).symlink_to(_secret(tmp_path))
    for output in ("json", "text"):
        result = command("validate", "--data-dir", str(dataset.data_dir), "--format", output)
        assert_clean_failure(result, 1)
        assert "wJalrXUtnFEMI" not in result.stdout + result.stderr
        assert "file_inside" in result.stdout


def test_a_seed_linked_to_a_secret_is_reported_and_never_read(dataset: Dataset, tmp_path: Path) -> None:
    seed = dataset.seed("000")
    seed.unlink()
    seed.symlink_to(_secret(tmp_path))
    result, problems = _validate(dataset)
    assert "wJalrXUtnFEMI" not in result.stdout
    # One problem, naming the link: the row is right, the file is not.
    assert [(p["table"], p["column"], p["rule"]) for p in problems] == [("sources", "seed_path", "file_inside")]
    assert "symbolic link" in problems[0]["message"]


@pytest.mark.parametrize(("kind", "words"), [("fifo", "named pipe"), ("folder", "a folder")])
def test_a_fifo_or_folder_in_place_of_a_file_is_reported_without_hanging(
    dataset: Dataset, kind: str, words: str
) -> None:
    for path in (dataset.path("claims"), dataset.seed("002")):
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.mkdir()
    _, problems = _validate(dataset)
    found = {(p["table"], p["rule"]): p["message"] for p in problems}
    assert words in found["claims", "file_regular"]
    assert words in found["sources", "file_regular"]


def test_data_hash_names_a_fifo_among_the_tables_without_hanging(dataset: Dataset) -> None:
    os.mkfifo(dataset.data_dir / "claims (1).csv")
    result = command("data-hash", "--data-dir", str(dataset.data_dir), timeout=HANG_GUARD_SECONDS)
    assert_clean_failure(result, 1)
    assert "claims (1).csv: the file is a named pipe (FIFO)" in result.stdout
    assert "[rule: file_regular]" in result.stdout


def test_data_hash_names_a_link_out_of_the_dataset_as_validate_does(dataset: Dataset, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text("not the dataset's", encoding="utf-8")
    dataset.path("claims").unlink()
    dataset.path("claims").symlink_to(outside)
    result = command("data-hash", "--data-dir", str(dataset.data_dir))
    assert_clean_failure(result, 1)
    assert "claims.csv: the file is a symbolic link that leads outside" in result.stdout
    assert "[rule: file_inside]" in result.stdout and "not the dataset's" not in result.stdout


def test_data_hash_of_a_folder_without_the_tables_is_an_error(tmp_path: Path) -> None:
    """``data-hash --data-dir /etc`` printed the hash of nothing with exit 0."""
    (tmp_path / "passwd").write_text("root:x:0:0\n", encoding="utf-8")
    result = command("data-hash", "--data-dir", str(tmp_path))
    assert_clean_failure(result, 2)
    assert result.stdout == ""
    assert "is not a data folder" in result.stderr and "claims.csv" in result.stderr


def test_unreadable_files_and_folders_are_problems_not_tracebacks(dataset: Dataset) -> None:
    dataset.path("events").chmod(0o000)
    dataset.seed("000").chmod(0o000)
    (dataset.root / "datapackage.json").chmod(0o000)
    result = run_unprivileged(["-m", "syria_strikes", "validate", "--format", "json"], dataset.root)
    assert_clean_failure(result, 1)
    rules = {(p["table"], p["rule"]) for p in json.loads(result.stdout)["problems"]}
    assert {("events", "file_readable"), ("sources", "file_readable"), ("datapackage.json", "file_readable")} <= rules
    assert "PermissionError" not in result.stderr


def test_an_unreadable_data_folder_is_a_problem(dataset: Dataset) -> None:
    dataset.data_dir.chmod(0o300)  # can enter, cannot list
    result = run_unprivileged(["-m", "syria_strikes", "validate", "--format", "json"], dataset.root)
    assert_clean_failure(result, 1)
    assert ("data/", "file_readable") in {(p["table"], p["rule"]) for p in json.loads(result.stdout)["problems"]}


def test_an_unreadable_seeds_folder_is_a_problem_per_seed(dataset: Dataset) -> None:
    (dataset.root / "seeds").chmod(0o000)
    result = run_unprivileged(["-m", "syria_strikes", "validate", "--format", "json"], dataset.root)
    assert_clean_failure(result, 1)
    found = {(p["table"], p["column"], p["rule"]) for p in json.loads(result.stdout)["problems"]}
    assert found == {("sources", "seed_path", "file_readable")}


def test_the_cache_hashes_nothing_a_link_leads_to_outside_the_dataset(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syria_strikes import cache

    dataset.path("claims").unlink()
    dataset.path("claims").symlink_to(_secret(tmp_path))
    hashed: list[Path] = []
    digest = cache._file_digest

    def recorded(path: str) -> str:
        hashed.append(Path(path).resolve())
        return digest(path)

    monkeypatch.setattr(cache, "_file_digest", recorded)
    outcome = cache.validate(dataset.data_dir)
    assert "file_inside" in {problem.rule for problem in outcome.problems}
    assert hashed and all(path.is_relative_to(dataset.root.resolve()) for path in hashed)


def test_a_header_of_100000_columns_is_one_problem(dataset: Dataset) -> None:
    dataset.write_raw("claims", (",".join(f"c{i}" for i in range(100_000)) + "\n" + "x\n").encode())
    _, problems = _validate(dataset)
    claims = [p for p in problems if p["table"] == "claims"]
    assert [(p["row"], p["rule"]) for p in claims] == [(1, "header_width")]


def test_a_cell_of_a_pasted_document_is_refused_as_such(dataset: Dataset) -> None:
    line = dataset.set_cell("claims", 0, "curator_note", "a pasted page " * 20_000)
    _, problems = _validate(dataset)
    assert [(p["row"], p["column"], p["rule"]) for p in problems] == [(line, "curator_note", "max_length")]
    assert len(problems[0]["value"]) <= 1000


def test_a_40000_deep_parent_chain_validates(dataset: Dataset) -> None:
    rows = dataset.rows("actors")
    template = rows[0]
    depth = 40_000
    for n in range(depth):
        parent = f"act-chain-{n + 1:05d}" if n + 1 < depth else "act-chain-00000"
        rows.append({**template, "actor_id": f"act-chain-{n:05d}", "name": f"Chain {n}", "parent_actor_id": parent})
    dataset.write_rows("actors", rows)
    _, problems = _validate(dataset)
    cycles = [p for p in problems if p["rule"] == "parent_cycle"]
    assert len(cycles) == depth


def test_an_escape_sequence_in_a_file_name_is_printed_escaped(dataset: Dataset) -> None:
    (dataset.data_dir / "claims\x1b[2J\x1b]0;owned\x07.csv").write_text("copy\n", encoding="utf-8")
    result = command("validate", "--data-dir", str(dataset.data_dir))
    assert_clean_failure(result, 1)
    assert "data/claims\\x1b[2J\\x1b]0;owned\\x07.csv" in result.stdout


@pytest.mark.parametrize("name", ["claims.csv.bak", "claims.tsv", "claims .csv", "claims (1).csv"])
def test_stray_copies_of_a_table_are_reported(dataset: Dataset, name: str) -> None:
    (dataset.data_dir / name).write_bytes(dataset.raw("claims"))
    _, problems = _validate(dataset)
    assert [(p["file"], p["rule"]) for p in problems] == [(f"data/{name}", "file_declared")]


@pytest.mark.parametrize(
    ("damage", "rule"),
    [
        ('{"name": "syria-strikes", "name": "syria-strikes"}', "descriptor_json"),
        ("[" * 100_000 + "]" * 100_000, "descriptor_json"),
        ('{"resources": ' * 60 + "1" + "}" * 60, "frictionless_descriptor"),
        ("[]", "descriptor_json"),
        (None, "file_regular"),
    ],
    ids=["duplicate key", "absurdly deep", "deep but allowed", "a list", "a folder"],
)
def test_a_damaged_descriptor_is_reported(dataset: Dataset, damage: str | None, rule: str) -> None:
    path = dataset.root / "datapackage.json"
    path.unlink()
    if damage is None:
        path.mkdir()
    else:
        path.write_text(damage, encoding="utf-8")
    _, problems = _validate(dataset)
    assert rule in {p["rule"] for p in problems if p["table"] == "datapackage.json"}


@pytest.mark.parametrize("char", ["\u3164", "\u061c", "\U000e0041", "\u2800", "\u034f", "\ufe0f"])
def test_invisible_characters_at_a_cell_edge_are_refused(dataset: Dataset, char: str) -> None:
    line = dataset.set_cell("actors", 0, "name", f"Name{char}")
    _, problems = _validate(dataset)
    assert [(p["row"], p["column"], p["rule"]) for p in problems] == [(line, "name", "clean_text")]


def test_a_formula_in_any_list_item_is_refused(dataset: Dataset) -> None:
    index = dataset.find("actors", aliases=lambda cell: cell == "")
    line = dataset.set_cell("actors", index, "aliases", 'Plain alias|=HYPERLINK("http://x")')
    _, problems = _validate(dataset)
    assert [(p["row"], p["column"], p["rule"]) for p in problems] == [(line, "aliases", "clean_text")]
    assert "=HYPERLINK" in problems[0]["message"]


def test_the_year_0000_is_refused_and_0001_read(dataset: Dataset) -> None:
    line = dataset.set_cell("events", 0, "date_start", "0000-06-01")
    _, problems = _validate(dataset)
    assert (line, "date_start", "type_date") in {(p["row"], p["column"], p["rule"]) for p in problems}
    assert "not a real calendar date" in next(p["message"] for p in problems if p["rule"] == "type_date")


def test_a_quote_that_cuts_a_character_in_two_is_reported() -> None:
    texts = {"src-a": "Caf\u00e9 and cafe\u0301 and \U0001f1f8\U0001f1fe."}
    claims = pd.DataFrame(
        {
            "source_id": ["src-a", "src-a", "src-a"],
            "quote": ["cafe", "cafe\u0301", "\U0001f1f8"],
            "quote_start": [9, 9, 19],
            "quote_end": [13, 14, 20],
        },
        index=pd.Index([2, 3, 4], name="line"),
    )
    problems = check_quotes(claims, texts)
    assert [(p.row, p.rule) for p in problems] == [(2, "quote_grapheme"), (4, "quote_grapheme")]
