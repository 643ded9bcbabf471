"""Coverage: which sentences no claim quotes, declared exceptions, and the validator's warning."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from syria_strikes.seed_coverage import merge_spans, overlaps
from tests.support.dataset import Dataset, run_cli, shown

BLAMED = (397, 450)  # "The state news agency blamed Israel for the incident." in seed 000
# "There are “reports that drones and missiles have committed aggression” and “some of them have been
# crushed”." in seed 000: no event field rests on its claims, so the data stays valid without them.
REPORTED = (288, 396)


def test_spans_merge_and_overlap_by_at_least_one_character() -> None:
    merged = merge_spans([(10, 20), (5, 8), (18, 30), (40, 40), (30, 35)])
    assert merged == ((5, 8), (10, 35))
    assert overlaps(merged, (34, 50)) and overlaps(merged, (0, 6))
    assert not overlaps(merged, (35, 50)) and not overlaps(merged, (8, 10)) and not overlaps((), (0, 1))


def _coverage(dataset: Dataset, *args: str) -> tuple[int, str]:
    return run_cli(["coverage", *args, "--data-dir", str(dataset.data_dir)])


def test_the_real_seeds_have_nothing_missing(dataset: Dataset) -> None:
    code, output = _coverage(dataset)
    assert code == 0, output
    assert output.splitlines()[-1].startswith("nothing missing: every sentence is quoted by a claim or declared")
    assert "declared dateline" in output and "33..67  'Sunday, July 25, 2021 at 3:58 am |'" in output
    report = json.loads(_coverage(dataset, "--format", "json")[1])
    assert report["missing_count"] == 0
    assert [seed["source_id"] for seed in report["seeds"]] == ["src-seed-000", "src-seed-002"]
    assert all(0.5 < seed["share_quoted"] <= 1 for seed in report["seeds"])


def _drop_claims_on(dataset: Dataset, span: tuple[int, int]) -> None:
    rows = dataset.rows("claims")
    kept = [
        row
        for row in rows
        if row["source_id"] != "src-seed-000"
        or not (int(row["quote_start"]) < span[1] and span[0] < int(row["quote_end"]))
    ]
    assert len(kept) < len(rows)
    # A curator deleting claims also rewords the notes that name them (rule note_id_exists).
    dropped = {row["claim_id"] for row in rows} - {row["claim_id"] for row in kept}
    for row in kept:
        for claim_id in dropped:
            row["curator_note"] = row["curator_note"].replace(claim_id, "a claim since deleted")
    dataset.write_rows("claims", kept)


def test_a_sentence_no_claim_quotes_is_missing_and_validate_warns_without_failing(dataset: Dataset) -> None:
    _drop_claims_on(dataset, REPORTED)
    code, output = _coverage(dataset, "src-seed-000")
    assert code == 1
    assert "  MISSING                  288..396  'There are “reports that drones" in output
    assert output.splitlines()[-1].startswith("1 sentence missing")
    assert "src-seed-002" not in output

    code, output = run_cli(["validate", "--data-dir", str(dataset.data_dir)])
    assert code == 0, output
    (warning,) = [line for line in output.splitlines() if line.startswith("warning: ")]
    assert "data/sources.csv, line 2, column seed_path" in warning and "[rule: coverage_declared]" in warning
    assert "288..396 'There are “reports that drones" in warning
    assert output.splitlines()[-1] == "valid: every table, rule, quote and seed checks out; 1 warning above."
    report = json.loads(run_cli(["validate", "--data-dir", str(dataset.data_dir), "--format", "json"])[1])
    assert report["valid"] and report["problem_count"] == 0
    assert [(w["rule"], w["decision"]) for w in report["warnings"]] == [("coverage_declared", "warn")]


def test_an_empty_declared_table_is_valid_but_warns_for_each_seed(dataset: Dataset) -> None:
    dataset.write_rows("uncovered_sentences", [])
    code, problems = dataset.validate()
    assert (code, problems) == (0, [])
    report = json.loads(run_cli(["validate", "--data-dir", str(dataset.data_dir), "--format", "json"])[1])
    assert [w["value"] for w in report["warnings"]] == [
        "seeds/000_88ebea6c751ab514.txt",
        "seeds/002_86ac48df2dcecc3b.txt",
    ]


@pytest.mark.parametrize(
    ("column", "value", "rule", "decision"),
    [
        ("sentence_start", "2", "sentence_anchored", "reject"),
        ("source_id", "src-sana-2020-01-14-t4", "sentence_seed", "reject"),
    ],
)
def test_a_bad_declared_row_is_rejected(dataset: Dataset, column: str, value: str, rule: str, decision: str) -> None:
    line = dataset.set_cell("uncovered_sentences", 0, column, value)
    code, problems = dataset.validate()
    assert code == 1
    assert [(p["file"], p["row"], p["rule"], p["decision"]) for p in problems] == [
        ("data/uncovered_sentences.csv", line, rule, decision)
    ]


def test_declaring_a_quoted_sentence_warns(dataset: Dataset) -> None:
    rows = dataset.rows("uncovered_sentences")
    rows.append(
        {
            "uncovered_id": "unc-000-002",
            "source_id": "src-seed-000",
            "sentence": "The state news agency blamed Israel for the incident.",
            "sentence_start": str(BLAMED[0]),
            "sentence_end": str(BLAMED[1]),
            "reason": "boilerplate",
            "curator_note": "",
        }
    )
    dataset.write_rows("uncovered_sentences", rows)
    report = json.loads(run_cli(["validate", "--data-dir", str(dataset.data_dir), "--format", "json"])[1])
    assert report["valid"]
    assert [(w["rule"], w["row"]) for w in report["warnings"]] == [("declared_unquoted", len(rows) + 1)]


def test_a_misplaced_quote_does_not_make_validate_call_a_declared_sentence_quoted(dataset: Dataset) -> None:
    """A quote moved over the archive's header line: what it covers is unknown until quote_anchored
    is mended, so validate must not advise removing the header's declared row, nor judge the seed."""
    header = dataset.rows("uncovered_sentences")[0]
    assert header["reason"] == "archive_header" and int(header["sentence_start"]) < 5 < int(header["sentence_end"])
    rows = dataset.rows("claims")
    index = next(i for i, r in enumerate(rows) if r["source_id"] == header["source_id"])
    dataset.set_cell("claims", index, "quote_start", "5")
    report = json.loads(run_cli(["validate", "--data-dir", str(dataset.data_dir), "--format", "json"])[1])
    assert [(p["rule"], p["row"]) for p in report["problems"]] == [("quote_anchored", index + 2)]
    assert report["warnings"] == []


class _Spans(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.classes += [value or "" for name, value in attrs if tag == "span" and name == "class"]


def test_html_marks_quoted_missing_and_declared_text(dataset: Dataset) -> None:
    _drop_claims_on(dataset, BLAMED)
    code, page = _coverage(dataset, "--format", "html")
    assert code == 1
    parser = _Spans()
    parser.feed(page)
    # One of each class is in the legend above the documents.
    assert parser.classes.count("missing") == 1 + 1
    assert parser.classes.count("declared") == 3 + 1
    assert "quoted" in parser.classes
    assert '<span class="missing">The state news agency blamed Israel for the incident.</span>' in page


def test_an_unknown_seed_is_a_usage_error(dataset: Dataset, capsys: pytest.CaptureFixture) -> None:
    assert _coverage(dataset, "src-no-such-seed")[0] == 2
    error = capsys.readouterr().err
    assert "is neither the source_id nor the seed file" in error
    assert error.endswith("; the archived sources are src-seed-000, src-seed-002\n")


def test_an_empty_seed_is_a_usage_error_that_says_so(dataset: Dataset, capsys: pytest.CaptureFixture) -> None:
    """An empty SEED (an unset shell variable) was looked up as a file named '' and reported with an
    empty name before the colon."""
    assert _coverage(dataset, "")[0] == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "an empty SEED names nothing" in error, error


def test_a_seed_that_does_not_match_its_sha256_is_not_counted_and_fails(dataset: Dataset) -> None:
    """Coverage must not vouch for a document that is not the one the claims were quoted from."""
    seed = dataset.seed("002")
    seed.write_bytes(seed.read_bytes() + b" ")
    code, output = _coverage(dataset)
    assert code == 1
    *_, fault, verdict = output.splitlines()
    assert fault.startswith(f"{shown(dataset.path('sources'))}, line 3, column sha256, ")
    assert fault.endswith("[rule: seed_hash]") and "seeds/002_86ac48df2dcecc3b.txt" in fault
    assert verdict.startswith("not counted: seed src-seed-002 (above); run `syria-strikes validate`")
    assert "nothing missing" not in output and "src-seed-002 (seeds/" not in output
    report = json.loads(_coverage(dataset, "--format", "json")[1])
    assert [(item["kind"], item["id"], item["rule"]) for item in report["not_counted"]] == [
        ("seed", "src-seed-002", "seed_hash")
    ]


def test_a_missing_seed_is_listed_as_not_counted_and_the_others_are_counted(dataset: Dataset) -> None:
    """A curator who deleted a seed by mistake still sees the coverage of every other document."""
    dataset.seed("002").unlink()
    code, output = _coverage(dataset, "--format", "json")
    assert code == 1
    report = json.loads(output)
    assert [(item["kind"], item["id"], item["rule"]) for item in report["not_counted"]] == [
        ("seed", "src-seed-002", "seed_present")
    ]
    assert [seed["source_id"] for seed in report["seeds"]] == ["src-seed-000"]


def test_a_claim_whose_quote_is_not_at_its_offsets_is_not_counted_and_fails(dataset: Dataset) -> None:
    """Offsets that do not hold the quote cover nothing: the sentence they point at stays missing."""
    rows = dataset.rows("claims")
    index, row = next((i, r) for i, r in enumerate(rows) if r["quote_start"] == str(BLAMED[0]))
    dataset.set_cell("claims", index, "quote", "The state news agency blamed Israel!")
    code, output = _coverage(dataset, "src-seed-000")
    assert code == 1
    assert f"line {index + 2}, column quote, " in output and "[rule: quote_anchored]" in output
    assert output.splitlines()[-1] == (
        f"not counted: claim {row['claim_id']} (above); run `syria-strikes validate` and fix what it reports, "
        "then run coverage again"
    )
    assert "nothing missing" not in output
    page = _coverage(dataset, "src-seed-000", "--format", "html")[1]
    assert "<h2>Not counted</h2>" in page and "quote_anchored" in page


def test_an_offset_too_long_to_be_a_number_is_not_counted_as_one(dataset: Dataset) -> None:
    """Python refuses to read an integer of more than 4300 digits (a ValueError); validate calls such
    a cell no whole number, and so must coverage, for a claim and for a declared sentence."""
    rows = dataset.rows("claims")
    index = next(i for i, r in enumerate(rows) if r["source_id"] == "src-seed-000")
    line = dataset.set_cell("claims", index, "quote_start", "1" * 5000)
    dataset.set_cell("uncovered_sentences", 0, "sentence_start", "1" * 5000)
    code, output = _coverage(dataset)
    assert code == 1
    assert f"line {line}, column quote_start, " in output and "[rule: type_integer]" in output


def test_a_declared_sentence_not_at_its_offsets_is_not_counted(dataset: Dataset) -> None:
    """validate rejects it (sentence_anchored), so coverage must not call the seed complete with it."""
    index = dataset.find("uncovered_sentences", source_id="src-seed-002")
    line = dataset.set_cell("uncovered_sentences", index, "sentence", "Words the seed does not have")
    code, output = _coverage(dataset)
    assert code == 1
    assert f"uncovered_sentences.csv, line {line}, column sentence" in output and "[rule: sentence_anchored]" in output
    assert "nothing missing" not in output
    assert "not counted: declaration " in output.splitlines()[-1]
