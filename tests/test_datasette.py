"""The release's SQLite as Datasette serves it: full-text search, views with names, labelled keys.

A real `datasette` process is started on a free loopback port, queried over HTTP and stopped by
its PID. Skipped only if Datasette is not installed (the test extra installs it).
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from syria_strikes.datasette import FACETS, SEARCHED, VIEWS
from tests.support.dataset import REPO

pytest.importorskip("datasette")
DATABASE = "syria-strikes"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(release: Path) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(release / "syria-strikes.sqlite"), "--metadata"]
    command += [str(release / "datasette-metadata.json"), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError(f"datasette exited early: {process.stderr.read().decode()}")
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        process.stderr.close()


def _get(url: str) -> dict | list:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def _claims() -> list[dict[str, str]]:
    with (REPO / "data" / "claims.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_search_for_buk_finds_the_kulit_claims(datasette: str) -> None:
    rows = _get(f"{datasette}/{DATABASE}/claims.json?_search=BUK&_shape=array")
    expected = {c["claim_id"] for c in _claims() if "BUK" in c["quote"]}
    assert expected and {row["claim_id"] for row in rows} == expected
    assert {row["claimant_actor_id"] for row in rows} == {"act-vadim-kulit"}


def test_view_shows_names_instead_of_ids_and_is_searchable_by_name(datasette: str) -> None:
    rows = _get(f"{datasette}/{DATABASE}/claims_named.json?_search=Kulit&_shape=array")
    kulit = {c["claim_id"] for c in _claims() if c["claimant_actor_id"] == "act-vadim-kulit"}
    assert kulit <= {row["claim_id"] for row in rows}
    row = next(row for row in rows if row["claim_id"] == "clm-002-012")
    assert row["claimant"] == "Vadim Kulit"
    # Seed 002 relays Kulit's words via TASS alone: a chain of one source, no arrow.
    assert row["relayed_via"].startswith("TASS report") and "→" not in row["relayed_via"]
    assert row["source"].startswith("Archived article")
    for value in row.values():
        assert not (isinstance(value, str) and value.startswith(("act-", "src-", "evt-"))), value


def test_foreign_keys_are_labelled(datasette: str) -> None:
    (row,) = _get(f"{datasette}/{DATABASE}/claims.json?claim_id=clm-002-012&_labels=on&_shape=array")
    assert row["claimant_actor_id"] == {"value": "act-vadim-kulit", "label": "Vadim Kulit"}


def test_metadata_suggests_facets(datasette: str) -> None:
    page = _get(f"{datasette}/{DATABASE}/claims.json?_size=0")
    assert set(FACETS["claims"]) <= set(page["facet_results"])


def test_every_table_has_its_search_index_filled(release: Path) -> None:
    connection = sqlite3.connect(release / "syria-strikes.sqlite")
    try:
        for table in (*SEARCHED, "claims"):
            rows = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            assert connection.execute(f'SELECT count(*) FROM "{table}_fts"').fetchone()[0] == rows
        assert {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'view'")} == set(
            VIEWS
        )
        assert connection.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')").rowcount != 0
    finally:
        connection.close()


def test_actor_relations_view_names_both_actors(datasette: str) -> None:
    rows = _get(f"{datasette}/{DATABASE}/actor_relations_named.json?relation=backed_by&_shape=array")
    by_id = {row["relation_id"]: row for row in rows}
    row = by_id["rel-hashd-backed-by-iran"]
    assert (row["subject"], row["relation"], row["object"]) == (
        "Hashed al-Shaabi (Popular Mobilization Force)",
        "backed_by",
        "Iran",
    )
    assert row["quote"] == "Hashed al-Shaabi (Popular Mobilization Force) supported by Iran"
    assert row["source"].startswith("Archived article")
    found = _get(f"{datasette}/{DATABASE}/actor_relations.json?_search=Quds&_shape=array")
    assert {row["relation_id"] for row in found} == {"rel-soleimani-leads-quds-force"}


def test_claims_view_names_the_other_events_of_a_claim(datasette: str) -> None:
    several = [c for c in _claims() if c["other_event_ids"]]
    assert several
    rows = _get(f"{datasette}/{DATABASE}/claims_named.json?claim_id={several[0]['claim_id']}&_shape=array")
    (row,) = rows
    assert row["other_events"] and not row["other_events"].startswith("evt-")
