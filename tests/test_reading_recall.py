"""Recalling a table read earlier in the process gives exactly what reading it again gives, and
nothing a caller does to its copy reaches the next one; a cold validation never recalls."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from syria_strikes import validate
from syria_strikes.metadata import TABLES, table
from syria_strikes.reading import read_table, recall
from syria_strikes.reading.recall import read_table_recalled
from tests.support.dataset import REPO, Dataset

CLAIMS = table("claims")


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    recall.forget()
    yield
    recall.forget()


def _same(first: tuple[pd.DataFrame | None, list[object]], second: tuple[pd.DataFrame | None, list[object]]) -> None:
    assert (first[0] is None) == (second[0] is None)
    if first[0] is not None and second[0] is not None:
        pd.testing.assert_frame_equal(first[0], second[0])
    assert first[1] == second[1]


@pytest.mark.parametrize("declared", TABLES, ids=[declared.name for declared in TABLES])
def test_a_recalled_table_equals_a_fresh_read(declared) -> None:
    path = REPO / "data" / declared.file_name
    raw = path.read_bytes()
    plain = read_table(path, declared, raw)
    _same(read_table_recalled(path, declared, raw), plain)
    _same(read_table_recalled(path, declared, raw), plain)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe not UTF-8",
        b"claim_id\nclm-1\n",
        (REPO / "data" / "claims.csv").read_bytes().replace(b"\n", b"\r\n", 3),
        (REPO / "data" / "claims.csv").read_bytes() + b"clm-x,,,,\n",
    ],
    ids=["empty", "not utf-8", "columns missing", "mixed line endings", "short row"],
)
def test_a_recalled_faulty_file_gives_the_same_problems_and_frame(raw: bytes) -> None:
    path = Path("claims.csv")
    plain = read_table(path, CLAIMS, raw)
    assert plain[1], "the file was meant to be faulty"
    _same(read_table_recalled(path, CLAIMS, raw), plain)
    _same(read_table_recalled(path, CLAIMS, raw), plain)


def test_what_a_caller_does_to_its_frame_never_reaches_the_next() -> None:
    path = REPO / "data" / "claims.csv"
    raw = path.read_bytes()
    plain = read_table(path, CLAIMS, raw)
    first = read_table_recalled(path, CLAIMS, raw)
    assert first[0] is not None
    first[0].loc[first[0].index[0], "claim_id"] = "changed"
    first[0]["quote_start"].array[0] = 123456  # through the array: copy-on-write does not see it
    first[0]["added"] = 1
    first[1].clear()
    _same(read_table_recalled(path, CLAIMS, raw), plain)


def test_other_bytes_are_read_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    path = REPO / "data" / "claims.csv"
    raw = path.read_bytes()
    reads: list[bytes] = []
    monkeypatch.setattr(recall, "read_table", lambda p, t, r, k=None: reads.append(r) or read_table(p, t, r, k))
    read_table_recalled(path, CLAIMS, raw)
    read_table_recalled(path, CLAIMS, raw)
    edited = raw.replace(b"clm-", b"clm_", 1)
    _same(read_table_recalled(path, CLAIMS, edited), read_table(path, CLAIMS, edited))
    assert reads == [raw, edited]


def test_a_large_file_is_never_kept_and_the_oldest_entries_go_first(monkeypatch: pytest.MonkeyPatch) -> None:
    path = REPO / "data" / "claims.csv"
    raw = path.read_bytes()
    reads: list[bytes] = []
    monkeypatch.setattr(recall, "read_table", lambda p, t, r, k=None: reads.append(r) or read_table(p, t, r, k))
    monkeypatch.setattr(recall, "MAX_BYTES", len(raw) - 1)
    read_table_recalled(path, CLAIMS, raw)
    read_table_recalled(path, CLAIMS, raw)
    assert len(reads) == 2
    monkeypatch.setattr(recall, "MAX_BYTES", 1 << 20)
    monkeypatch.setattr(recall, "MAX_ENTRIES", 2)
    reads.clear()
    variants = [raw + b"\n" * count for count in range(3)]
    for variant in [*variants, variants[2], variants[0]]:
        read_table_recalled(path, CLAIMS, variant)
    assert reads == [*variants, variants[0]]


def test_a_warm_validation_recalls_and_a_cold_one_reads_every_table(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    monkeypatch.setattr(recall, "read_table", lambda p, t, r, k=None: reads.append(t.name) or read_table(p, t, r, k))
    warm_dataset.set_cell("claims", 0, "quote", "")
    first = warm_dataset.report()
    assert sorted(reads) == sorted(declared.name for declared in TABLES)
    warm_dataset.set_cell("claims", 1, "quote", "")
    second = warm_dataset.report()
    assert reads[len(TABLES) :] == ["claims"], "only the edited table is read again"
    assert first != second
    cold: list[str] = []
    monkeypatch.setattr(validate, "read_table", lambda p, t, r: cold.append(t.name) or read_table(p, t, r))
    assert warm_dataset.report(cold=True) == second
    assert sorted(cold) == sorted(declared.name for declared in TABLES)
    assert len(reads) == len(TABLES) + 1
