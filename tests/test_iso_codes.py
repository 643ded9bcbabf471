"""The generated code lists hold the codes the data uses and the standards' well-known ones."""

from __future__ import annotations

import csv

from syria_strikes.iso_codes import COUNTRIES, LANGUAGES
from tests.support.dataset import REPO


def test_the_lists_hold_the_codes_a_reader_expects() -> None:
    assert {"SYR", "ISR", "IRN", "IRQ", "RUS", "USA", "LBN", "TUR", "JOR"} <= COUNTRIES
    assert {"en", "ar", "he", "ru", "fa", "tr", "ara", "heb", "zxx"} <= LANGUAGES
    assert len(COUNTRIES) == 249  # ISO 3166-1 lists 249 countries and territories
    assert all(len(code) == 3 and code.isascii() and code.isupper() for code in COUNTRIES)
    assert all(len(code) in (2, 3) and code.isascii() and code.islower() for code in LANGUAGES)


def test_every_code_of_the_data_is_listed() -> None:
    def column(table: str, name: str) -> set[str]:
        with (REPO / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            return {row[name] for row in csv.DictReader(handle) if row[name]}

    assert column("actors", "country") | column("events", "country") <= COUNTRIES
    assert {tag.split("-")[0] for tag in column("sources", "language")} <= LANGUAGES
