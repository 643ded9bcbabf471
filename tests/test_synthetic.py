"""The synthetic datasets the benchmark runs on are valid, reproducible, and their release is
readable by DuckDB straight from Parquet, as a researcher outside Python would read it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from scripts import benchmark, generate_synthetic
from syria_strikes.build import build
from tests.support.dataset import run_cli

CLAIMS = 2_000


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "dataset"
    generate_synthetic.generate(root, CLAIMS, seed=0)
    return root


def test_synthetic_dataset_passes_every_rule_without_a_warning(synthetic: Path) -> None:
    """Warnings would make the benchmark time their printing, which curated data does not pay."""
    code, output = run_cli(["validate", "--data-dir", str(synthetic / "data"), "--format", "json"])
    assert code == 0, output
    report = json.loads(output)
    assert (report["problems"], report["warnings"]) == ([], [])
    claims = (synthetic / "data" / "claims.csv").read_text(encoding="utf-8").count("\n") - 1
    assert claims == CLAIMS


def test_the_benchmark_s_row_edit_makes_one_row_longer_and_leaves_it_valid(synthetic: Path, tmp_path: Path) -> None:
    """A row of the same length would leave every later block of the CSV reader in place, which
    a curator's edit seldom does: the benchmark's edit must measure the common case."""
    edited = tmp_path / "dataset"
    shutil.copytree(synthetic, edited)
    claims = edited / "data" / "claims.csv"
    for _ in range(2):  # a row without a note, then the same row with one
        before = claims.read_bytes()
        claims.write_bytes(benchmark._edit_one_row(before))
        old, new = before.split(b"\n"), claims.read_bytes().split(b"\n")
        changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        assert len(changed) == 1 and len(changed[0][1]) > len(changed[0][0])
    code, output = run_cli(["validate", "--data-dir", str(edited / "data"), "--no-cache"])
    assert code == 0, output


def test_generator_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    for name, seed in (("first", 7), ("again", 7), ("other", 8)):
        generate_synthetic.generate(tmp_path / name, 500, seed=seed)
    first = _files(tmp_path / "first")
    assert first == _files(tmp_path / "again")
    assert first != _files(tmp_path / "other")


def test_duckdb_queries_the_release_parquet(synthetic: Path, tmp_path: Path) -> None:
    release = tmp_path / "release"
    assert build(synthetic / "data", release) == []
    claims, events = release / "claims.parquet", release / "events.parquet"
    rows = duckdb.sql(
        f"SELECT e.category, count(*) AS claims, sum(len(c.relayed_via)) AS hops "
        f"FROM read_parquet('{claims}') AS c JOIN read_parquet('{events}') AS e USING (event_id) "
        f"WHERE c.predicate IN ('fatalities', 'occurred', 'attribution', 'weapon', 'target', 'damage', "
        f"'munitions_fired', 'munitions_intercepted', 'munitions_hit', 'injuries', 'time') GROUP BY e.category "
        f"ORDER BY e.category"
    ).fetchall()
    assert [category for category, _, _ in rows] == ["context", "strike"]
    assert sum(count for _, count, _ in rows) == CLAIMS
    assert sum(hops for _, _, hops in rows) > 0


def test_two_claims_alike_but_for_their_id_are_told_apart_by_a_hedge_their_quote_holds() -> None:
    """Attributing as claimed, or dropping a hedge the quote lacks, can leave two claims alike in every
    cell the repeated_claim rule compares: the later one is hedged with a word of its own quote."""
    row = {"claim_id": "clm-1", "hedging": None, "quote": "reports of a strike", "curator_note": "a"}
    claims = {name: [value, "clm-2" if name == "claim_id" else value] for name, value in row.items()}
    generate_synthetic._keep_claims_distinct(claims)
    assert claims["hedging"] == [None, "reports"]
    assert claims["claim_id"] == ["clm-1", "clm-2"]


def test_the_benchmark_compiles_the_package_first_and_stops_on_source_that_does_not_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every fresh interpreter it starts must load bytecode, as an installed package does, even
    where PYTHONDONTWRITEBYTECODE is set; a module that does not compile must not pass unseen."""
    import importlib.util
    import sys

    package = tmp_path / "syria_strikes"
    shutil.copytree(benchmark.REPO / "syria_strikes", package, ignore=shutil.ignore_patterns("__pycache__", "release"))
    monkeypatch.setattr(benchmark, "REPO", tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    benchmark.compile_package()
    sources = sorted(package.rglob("*.py"))
    assert sources and all(Path(importlib.util.cache_from_source(str(source))).is_file() for source in sources)
    (package / "broken.py").write_text("def (:\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="did not compile"):
        benchmark.compile_package()
