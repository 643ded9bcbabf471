"""Messages that point to the fix: the nearest IDs, the paths the user gave, every column checked."""

from __future__ import annotations

import pytest

from tests.support.dataset import Dataset, run_cli, shown


def _messages(dataset: Dataset, rule: str) -> list[dict]:
    return [problem for problem in dataset.validate()[1] if problem["rule"] == rule]


def test_an_unknown_id_suggests_the_nearest_existing_ones(warm_dataset: Dataset) -> None:
    warm_dataset.set_cell("claims", 0, "claimant_actor_id", "act-syrian-state-medai")
    warm_dataset.set_cell("claims", 1, "source_id", "src-seed-00")
    warm_dataset.set_cell("claims", 2, "event_id", "evt-2099-01-01-nothing-like-it")
    actor, source, event = sorted(_messages(warm_dataset, "foreign_key"), key=lambda p: p["row"])
    assert actor["message"] == "is not an actor_id in data/actors.csv; did you mean 'act-syrian-state-media'?"
    assert source["message"] == "is not a source_id in data/sources.csv; did you mean 'src-seed-002' or 'src-seed-000'?"
    assert event["message"] == "is not an event_id in data/events.csv"


def test_a_mistyped_claimant_in_the_publishers_own_voice_is_reported_once(warm_dataset: Dataset) -> None:
    """A typo in claimant_actor_id of a claim without attribution words is one problem, the unknown ID:
    not also a missing attribution_quote, which would send the curator to add words the claim needs not."""
    claims = warm_dataset.rows("claims")
    row = next(
        k
        for k, claim in enumerate(claims)
        if claim["claimant_actor_id"] == "act-seed-000-publisher" and not claim["attribution_quote"]
    )
    line = warm_dataset.set_cell("claims", row, "claimant_actor_id", "act-seed-000-publsher")
    code, problems = warm_dataset.validate()
    assert code == 1
    assert [(p["row"], p["column"], p["rule"]) for p in problems] == [(line, "claimant_actor_id", "foreign_key")]


def test_a_mistyped_year_is_shown_as_written_and_named_as_such(warm_dataset: Dataset) -> None:
    """A year below 1000 keeps its leading zeros in the report, so the curator finds the cell."""
    row = next(k for k, event in enumerate(warm_dataset.rows("events")) if event["date_start"])
    written = "0201" + warm_dataset.rows("events")[row]["date_start"][4:]
    warm_dataset.set_cell("events", row, "date_start", written)
    (problem,) = _messages(warm_dataset, "minimum")
    assert (problem["column"], problem["value"]) == ("date_start", written)
    assert problem["message"] == "is before 1900-01-01, where the dataset's dates begin; the year looks mistyped"


def _rename_header(dataset: Dataset, table: str, renames: dict[str, str | None]) -> None:
    rows = dataset.rows(table)
    header = [renames.get(name, name) for name in rows[0] if renames.get(name, name) is not None]
    renamed = [{renames.get(k, k): v for k, v in row.items() if renames.get(k, k) is not None} for row in rows]
    dataset.write_rows(table, renamed, header=header)


def test_a_renamed_or_missing_header_column_hides_no_other_problem(warm_dataset: Dataset) -> None:
    line = warm_dataset.set_cell("claims", 1, "stance", "assert")
    warm_dataset.set_cell("claims", 2, "predicate", "no_such_predicate")
    _rename_header(warm_dataset, "claims", {"stance": "stanse", "hedging": None})
    code, problems = warm_dataset.validate()
    assert code == 1
    found = {(p["row"], p["column"], p["rule"]) for p in problems}
    assert found == {
        (1, "stanse", "header_declared"),
        (1, "hedging", "header_complete"),
        (line, "stance", "enum"),
        (line + 1, "predicate", "enum"),
    }
    (renamed,) = [p for p in problems if p["rule"] == "header_declared"]
    assert "did you mean 'stance'? Its cells were checked as stance" in renamed["message"]


def test_messages_name_files_as_given_with_data_dir_or_shorter_from_here(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm_dataset.set_cell("claims", 0, "claimant_actor_id", "act-nobody-at-all")
    expected = "claims.csv, line 2, column claimant_actor_id, value 'act-nobody-at-all': is not an actor_id in {}"
    code, output = run_cli(["validate", "--data-dir", str(warm_dataset.data_dir)])
    assert code == 1
    assert output.splitlines()[0].endswith(expected.format(f"{shown(warm_dataset.path('actors'))} [rule: foreign_key]"))
    assert output.startswith(f"{shown(warm_dataset.path('claims'))}, line 2")
    monkeypatch.chdir(warm_dataset.root)
    code, output = run_cli(["validate", "--data-dir", str(warm_dataset.data_dir)])
    assert output.splitlines()[0] == "data/" + expected.format("data/actors.csv [rule: foreign_key]")
    monkeypatch.chdir(warm_dataset.data_dir)
    code, output = run_cli(["validate", "--data-dir", "."])
    assert output.splitlines()[0] == expected.format("actors.csv [rule: foreign_key]")


def test_a_quoted_value_that_reads_like_a_table_path_is_shown_as_written(warm_dataset: Dataset) -> None:
    """File names in messages are rewritten as the user gave the data folder, but a value quoted from a
    file is not a file name: the descriptor's path "data/claims.csv" was shown as the data folder's
    path (``declared "/tmp/x/data/actors.csv"``), a value that no descriptor should hold."""
    import json

    descriptor_path = warm_dataset.root / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "data/claims.csv"
    descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    code, output = run_cli(["validate", "--data-dir", str(warm_dataset.data_dir)])
    assert code == 1
    line = next(line for line in output.splitlines() if "[rule: descriptor_current]" in line)
    assert '(declared "data/actors.csv", the file has "data/claims.csv")' in line, line
