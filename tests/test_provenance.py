"""Seed files against their source rows, and quotes against their seeds, on a seeds/ folder made in
the test: each fault is one problem, and a seed that cannot be trusted hands no text to the quotes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from syria_strikes.checks.provenance import check_quotes, check_seeds
from tests.support.frames import typed_frame

TEXT = "On Tuesday, \u201cair defences\u201d engaged \u2013 state media said."


@pytest.fixture(autouse=True)
def _no_seed_unlisted(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests judge seeds against their rows, most with no seeds/README.md: a README with no line
    for a seed is seed_unlisted's, planted in the catalogue (tests/support/structural_edits.py)."""
    from syria_strikes.checks import seed_list

    monkeypatch.setattr(seed_list, "unlisted_seeds", lambda archived, lines: [])


def _seeded(root: Path, text: str = TEXT) -> pd.DataFrame:
    """seeds/000.txt holding ``text``, and a sources table whose one archived row names it."""
    (root / "seeds").mkdir()
    data = text.encode("utf-8")
    (root / "seeds" / "000.txt").write_bytes(data)
    return typed_frame(
        "sources",
        [
            {
                "source_id": "src-archive",
                "kind": "archived_article",
                "seed_path": "seeds/000.txt",
                "sha256": hashlib.sha256(data).hexdigest(),
            },
            {"source_id": "src-wire", "kind": "agency_report"},
        ],
    )


def _where(problems: list) -> list[tuple]:
    return [(p.table, p.row, p.column, p.rule) for p in problems]


def test_a_seed_that_checks_out_hands_its_text_to_the_quotes(tmp_path: Path) -> None:
    problems, texts = check_seeds(_seeded(tmp_path), tmp_path, True)
    assert problems == []
    assert texts == {"src-archive": TEXT}


def test_a_changed_seed_is_not_trusted(tmp_path: Path) -> None:
    sources = _seeded(tmp_path)
    (tmp_path / "seeds" / "000.txt").write_text(TEXT + " Edited.", encoding="utf-8")
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "sha256", "seed_hash")]
    assert "seed files are never edited" in problems[0].message
    assert texts == {}


def test_a_seed_path_pointing_at_another_rows_seed_names_that_row(tmp_path: Path) -> None:
    """The file is intact: it is another source's seed, so 'restore the original' would mislead."""
    (tmp_path / "seeds").mkdir()
    rows = []
    for number, text in (("000", TEXT), ("001", TEXT + " Another document.")):
        data = text.encode("utf-8")
        (tmp_path / "seeds" / f"{number}.txt").write_bytes(data)
        rows.append(
            {
                "source_id": f"src-seed-{number}",
                "kind": "archived_article",
                "seed_path": f"seeds/{number}.txt",
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
    rows[0]["seed_path"] = "seeds/001.txt"
    problems, texts = check_seeds(typed_frame("sources", rows), tmp_path, True)
    assert _where(problems) == [("sources", 2, "sha256", "seed_hash"), ("seeds", None, None, "seed_referenced")]
    assert "which is the seed of line 3 (src-seed-001): this row's seed_path looks copied or swapped" in (
        problems[0].message
    )
    assert list(texts) == ["src-seed-001"]


def test_a_seed_whose_row_has_no_source_id_hands_no_text(tmp_path: Path) -> None:
    """The row's blank source_id is required's to report; no claim can name the row, so its text is
    no source's: handed on under a missing key, coverage warned of it as 'syria-strikes coverage nan'."""
    sources = _seeded(tmp_path)
    sources.loc[2, "source_id"] = None
    problems, texts = check_seeds(sources, tmp_path, True)
    assert problems == []
    assert texts == {}


def test_a_seed_file_numbered_for_another_seed_is_not_trusted(tmp_path: Path) -> None:
    """src-seed-000 archived as seeds/002_...: its quotes are not held against another document."""
    (tmp_path / "seeds").mkdir()
    data = TEXT.encode("utf-8")
    (tmp_path / "seeds" / "002_x.txt").write_bytes(data)
    row = {"source_id": "src-seed-000", "kind": "archived_article", "seed_path": "seeds/002_x.txt"}
    sources = typed_frame("sources", [{**row, "sha256": hashlib.sha256(data).hexdigest()}])
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "seed_path", "seed_number")]
    assert problems[0].message.startswith("carries seed number 002, but the row belongs to src-seed-000, seed 000")
    assert texts == {}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2020-01-15", "2020-01-15", []),
        ("2020-01-01", "2020-01-31", []),
        (None, None, []),
        ("2020-01-16", "2020-01-16", [("sources", 2, "published_start", "seed_date")]),
        (None, "2020-01-16", []),  # only published by then: it may have been out before the header's day
        # The header may date the archiving, days after the document was out: no fault.
        ("2020-01-10", "2020-01-14", []),
        ("2099-01-01", "2020-01-15", []),  # out of order: published_order's fault, reported once there
    ],
)
def test_the_publication_interval_does_not_start_after_the_archive_header_date(
    tmp_path: Path, start: str | None, end: str | None, expected: list[tuple]
) -> None:
    sources = _seeded(tmp_path, " date 2020-01-15 advertisement\n\n" + TEXT)
    sources["published_start"] = pd.to_datetime(pd.Series([start, None], index=sources.index))
    sources["published_end"] = pd.to_datetime(pd.Series([end, None], index=sources.index))
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == expected
    assert list(texts) == ["src-archive"]


def test_an_archive_header_dated_before_the_year_1000_is_shown_as_written(tmp_path: Path) -> None:
    """strftime drops a year's leading zeros: the header's 0201 was shown as 201."""
    sources = _seeded(tmp_path, " date 0201-01-15 advertisement\n\n" + TEXT)
    sources["published_start"] = pd.to_datetime(pd.Series(["2020-01-16", None], index=sources.index))
    problems, _ = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "published_start", "seed_date")]
    assert problems[0].message.startswith("the seed's first line dates the document 0201-01-15, before")


@pytest.mark.parametrize(
    ("typed", "named"), [("seeds/000.TXT", True), ("seeds/000.tx", True), ("seeds/999.txt", False)]
)
def test_a_seed_path_that_misspells_an_unnamed_file_names_it(tmp_path: Path, typed: str, named: bool) -> None:
    """One slip, one problem: the file meant is not reported again as a file no row names."""
    sources = _seeded(tmp_path)
    sources.loc[2, "seed_path"] = typed
    problems, _ = check_seeds(sources, tmp_path, True)
    if named:
        assert _where(problems) == [("sources", 2, "seed_path", "seed_present")]
        assert "seeds/ holds 000.txt, which no row names: correct the seed_path" in problems[0].message
    else:
        assert _where(problems) == [
            ("sources", 2, "seed_path", "seed_present"),
            ("seeds", None, None, "seed_referenced"),
        ]


def test_a_missing_seed_is_reported(tmp_path: Path) -> None:
    sources = _seeded(tmp_path)
    (tmp_path / "seeds" / "000.txt").unlink()
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "seed_path", "seed_present")]
    assert texts == {}


def test_a_seed_that_is_not_utf8_is_reported_at_its_byte(tmp_path: Path) -> None:
    sources = _seeded(tmp_path)
    data = TEXT.encode("utf-8") + b"\xff"
    (tmp_path / "seeds" / "000.txt").write_bytes(data)
    sources.loc[2, "sha256"] = hashlib.sha256(data).hexdigest()
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "seed_path", "seed_utf8")]
    assert problems[0].message.endswith(f"at byte {len(data) - 1}")
    assert texts == {}


def test_a_seed_path_leaving_seeds_is_reported(tmp_path: Path) -> None:
    sources = _seeded(tmp_path)
    (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "link.txt").symlink_to(tmp_path / "outside.txt")
    sources.loc[2, "seed_path"] = "seeds/link.txt"
    problems, _ = check_seeds(sources, tmp_path, True)
    assert ("sources", 2, "seed_path", "seed_inside") in _where(problems)  # elsewhere in the dataset
    (tmp_path / "seeds" / "away.txt").symlink_to(tmp_path.parent)
    sources.loc[2, "seed_path"] = "seeds/away.txt"
    problems, _ = check_seeds(sources, tmp_path, True)
    assert ("sources", 2, "seed_path", "file_inside") in _where(problems)  # out of the dataset


def test_a_seed_that_is_a_loop_of_links_is_reported_not_raised(tmp_path: Path) -> None:
    """Following the link never ends: the row's fault, once, not an OSError from working out where
    it leads, and not again as a file no row names."""
    sources = _seeded(tmp_path)
    seed = tmp_path / "seeds" / "000.txt"
    seed.unlink()
    seed.symlink_to(seed)
    (tmp_path / "seeds" / "001.txt").symlink_to(tmp_path / "seeds" / "001.txt")
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "seed_path", "file_readable"), ("seeds", None, None, "seed_referenced")]
    assert "too many levels of symbolic links" in problems[0].message and problems[1].value == "001.txt"
    assert texts == {}


def test_a_seeds_folder_that_is_a_loop_of_links_is_reported_for_each_seed(tmp_path: Path) -> None:
    sources = _seeded(tmp_path)
    (tmp_path / "seeds" / "000.txt").unlink()
    (tmp_path / "seeds").rmdir()
    (tmp_path / "seeds").symlink_to(tmp_path / "seeds")
    problems, texts = check_seeds(sources, tmp_path, True)
    assert _where(problems) == [("sources", 2, "seed_path", "file_readable")]
    assert "too many levels of symbolic links" in problems[0].message
    assert texts == {}


def test_a_seeds_folder_that_is_a_link_out_of_the_dataset_is_reported_for_each_seed(tmp_path: Path) -> None:
    """Every file in it lies inside seeds/, yet none is the dataset's: data-hash and archive refuse
    such a folder, and validate must not call the data valid."""
    dataset = tmp_path / "dataset"
    dataset.mkdir()
    sources = _seeded(tmp_path)
    (tmp_path / "seeds").rename(tmp_path / "elsewhere")
    (dataset / "seeds").symlink_to(tmp_path / "elsewhere")
    problems, texts = check_seeds(sources, dataset, True)
    assert _where(problems) == [("sources", 2, "seed_path", "file_inside")]
    assert "seeds/ folder that is a symbolic link leading outside the dataset folder" in problems[0].message
    assert texts == {}


@pytest.mark.parametrize("readable", [True, False])
def test_a_file_no_source_names_is_reported_unless_a_seed_path_could_not_be_read(
    tmp_path: Path, readable: bool
) -> None:
    sources = _seeded(tmp_path)
    (tmp_path / "seeds" / "001.txt").write_text("unlisted", encoding="utf-8")
    (tmp_path / "seeds" / "README.md").write_text("what seeds/ holds", encoding="utf-8")
    problems, _ = check_seeds(sources, tmp_path, readable)
    assert [(p.table, p.value, p.rule) for p in problems] == (
        [("seeds", "001.txt", "seed_referenced")] if readable else []
    )


def test_a_killed_archives_temporary_file_is_named_as_such_not_as_a_seed_without_a_source(tmp_path: Path) -> None:
    """The advice for an unnamed file is to add its source row; for a temporary file an archive
    stopped before it finished left in seeds/, that advice would be wrong."""
    sources = _seeded(tmp_path)
    leftover = ".001_0123456789abcdef.txt.syria-strikes-k2m_9x0q.tmp"
    for name in (leftover, "001.txt"):
        (tmp_path / "seeds" / name).write_text("a document", encoding="utf-8")
    problems, _ = check_seeds(sources, tmp_path, True)
    words = {p.value: p.message for p in problems if p.rule == "seed_referenced"}
    assert sorted(words) == sorted([leftover, "001.txt"])
    assert "an archive stopped before it finished left behind" in words[leftover]
    assert "add a source row" not in words[leftover]
    assert "add a source row for it or remove it" in words["001.txt"]


def _claims(quote: str, start: int, end: int) -> pd.DataFrame:
    return typed_frame(
        "claims",
        [
            {
                "claim_id": "clm-001-001",
                "source_id": "src-archive",
                "quote": quote,
                "quote_start": start,
                "quote_end": end,
            }
        ],
    )


def test_a_quote_at_its_offsets_passes() -> None:
    start = TEXT.index("\u201cair")
    quote = TEXT[start : start + 14]
    assert check_quotes(_claims(quote, start, start + 14), {"src-archive": TEXT}) == []


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda q: q.replace("\u201c", '"').replace("\u201d", '"'), "quotation marks or apostrophes"),
        (lambda q: q.replace("\u2013", "-"), "dashes or hyphens"),
        (lambda q: q.replace(" ", "\u00a0", 1), "spaces"),
    ],
    ids=["straight quotes", "hyphen for an en dash", "non-breaking space"],
)
def test_a_quote_differing_in_a_look_alike_says_which(edit: Callable[[str], str], words: str) -> None:
    quote = TEXT[TEXT.index("\u201c") :]
    start = TEXT.index(quote)
    problems = check_quotes(_claims(edit(quote), start, start + len(quote)), {"src-archive": TEXT})
    assert _where(problems) == [("claims", 2, "quote", "quote_anchored")]
    assert words in problems[0].message


def test_a_quote_of_a_source_without_trusted_text_is_not_checked() -> None:
    assert check_quotes(_claims("anything", 0, 8), {}) == []


@pytest.mark.parametrize(
    ("source", "published", "expected"),
    [
        ("`src-archive`", "2020-01-15", []),
        ("", "", []),  # archive leaves the day to fill; an empty cell says nothing
        ("`src-archive`", "mid-January", []),  # a note, not a day
        ("`src-other`", "2020-01-15", [("sources", 2, "source_id", "seed_list_row")]),
        ("`src-archive`", "2020-01-14", [("sources", 2, "published_start", "seed_list_row")]),
        ("`src-archive`", "2020-01-16", [("sources", 2, "published_end", "seed_list_row")]),
        ("[`src-archive`](../data/sources.csv)", "`2020-01-15`", []),  # a link, backticks
        ("`src-archive` (the agency, via an outlet)", "2020-01-15 (Wed)", []),  # notes
        ("**src-other**", "2020-01-15", [("sources", 2, "source_id", "seed_list_row")]),
        ("`src-archive`", "`2020-01-16`", [("sources", 2, "published_end", "seed_list_row")]),
        ("`src-archive`", "2020-01-16 (Thu)", [("sources", 2, "published_end", "seed_list_row")]),
        ("`src-archive-2`", "2020-01-15", [("sources", 2, "source_id", "seed_list_row")]),
    ],
)
def test_the_seeds_list_agrees_with_the_row_of_each_file_it_lists(
    tmp_path: Path, source: str, published: str, expected: list[tuple]
) -> None:
    sources = _seeded(tmp_path)
    sources["published_start"] = pd.to_datetime(pd.Series(["2020-01-15", None], index=sources.index))
    sources["published_end"] = pd.to_datetime(pd.Series(["2020-01-15", None], index=sources.index))
    digest = sources.loc[2, "sha256"]
    head = "| file | source_id | published | sha256 |\n|---|---|---|---|\n"
    (tmp_path / "seeds" / "README.md").write_text(f"{head}| `000.txt` | {source} | {published} | `{digest}` |\n")
    problems, _ = check_seeds(sources, tmp_path, True)
    assert _where(problems) == expected
