"""The rules across the columns of one row, each called on a small typed frame.

A row rule says True where a row passes; a missing value never fails it (the column's required
flag does that), so that one fault gives one message. Each test gives the rule rows that pass and
rows that fail, and checks the column and the words a failing row is reported with.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syria_strikes.checks.rows import RowRule, rules_for
from syria_strikes.checks.schema import check_table
from syria_strikes.metadata import EVENTS
from syria_strikes.reading import read_table
from syria_strikes.rules import rule as registered
from tests.support.dataset import REPO

NA = None


def _rule(table: str, name: str) -> RowRule:
    [rule] = [rule for rule in rules_for(table) if rule.rule == name]
    return rule


def _dates(*values: str | None) -> pd.Series:
    return pd.to_datetime(pd.Series(values, dtype="object"), format="%Y-%m-%d").astype("datetime64[s]")


def _counts(*values: int | None) -> pd.Series:
    return pd.Series(pd.array(values, dtype="Int64"))


def _texts(*values: str | None) -> pd.Series:
    return pd.Series(values, dtype="str")


def _passes(table: str, name: str, **columns: pd.Series) -> list[bool]:
    rule = _rule(table, name)
    assert set(rule.reads) <= set(columns), f"{name} reads {rule.reads}"
    return _rule(table, name).passes(pd.DataFrame(columns)).tolist()


def _failing_row(table: str, name: str, **columns: pd.Series) -> tuple[str, str]:
    """The column and the words of the one failing row."""
    rule = _rule(table, name)
    frame = pd.DataFrame(columns)
    [row] = [row for _, row in frame[~rule.passes(frame)].iterrows()]
    return rule.column_for(row), registered(rule.rule).message(**rule.context(row))


def test_every_table_has_its_row_rules_and_each_reads_what_it_names() -> None:
    tables = ("actors", "sources", "events", "claims", "actor_relations")
    names = {table: {rule.rule for rule in rules_for(table)} for table in tables}
    assert names == {
        "actors": {"parent_not_self"},
        "sources": {
            "published_order",
            "seed_hash_pair",
            "archived_has_seed",
            "dateline_archived",
            "url_dated",
            "reference_has_url",
        },
        "events": {
            "date_order",
            "event_id_date",
            "precision_day",
            "precision_month",
            "precision_range",
            "precision_before",
            "coordinates_pair",
            "coordinates_site",
            "coordinates_in_country",
            "place_precision_fields",
            "attributed_actor",
            "strike_category",
            "attribution_applicable",
            "identification_noted",
            "acknowledged_has_source",
        },
        "claims": {
            "count_bounds",
            "count_exact",
            "count_has_unit",
            "unit_matches_predicate",
            "count_only_for_counts",
            "actor_value",
            "quote_offsets",
            "value_code_given",
            "value_code_vocabulary",
            "value_code_worded",
            "value_text_quoted",
            "place_code_worded",
            "victim_fields",
            "time_interval",
            "time_weekday",
            "time_day_written",
            "victim_group_worded",
            "victim_status_worded",
            "predicate_worded",
            "stance_worded",
            "stance_quoted",
            "stance_unworded",
            "attribution_unknown",
            "attribution_complete",
            "attribution_offsets",
        },
        "actor_relations": {"relation_not_self", "quote_offsets", "relation_id_names", "relation_worded"},
    }
    # The columns a rule that picks its column per row may name.
    chosen = {
        "count_bounds": ["value_low", "value_high"],
        "count_exact": ["value", "value_low", "value_high"],
        "coordinates_in_country": ["latitude", "longitude"],
        "strike_category": ["category", "event_type", "country"],
        "place_precision_fields": ["admin1", "admin2", "locality"],
        "victim_fields": ["victim_status", "victim_group"],
        "attribution_complete": ["attribution_quote", "attribution_start", "attribution_end"],
    }
    for table in names:
        for rule in rules_for(table):
            named = [rule.column] if isinstance(rule.column, str) else chosen[rule.rule]
            assert set(named) <= set(rule.reads), f"{rule.rule} reports a column it does not read"


# --- dates ------------------------------------------------------------------------------------------
def test_date_end_may_not_come_before_date_start() -> None:
    starts = _dates("2020-01-05", "2020-01-05", NA, "2020-01-05")
    ends = _dates("2020-01-04", "2020-01-05", "2020-01-01", NA)
    assert _passes("events", "date_order", date_start=starts, date_end=ends) == [False, True, True, True]
    assert _failing_row("events", "date_order", date_start=starts[:1], date_end=ends[:1]) == (
        "date_end",
        "is before date_start 2020-01-05",
    )


def test_published_end_may_not_come_before_published_start() -> None:
    starts = _dates("2099-01-01", "2020-01-01", NA)
    ends = _dates("2020-01-15", "2020-01-15", "2020-01-15")
    assert _passes("sources", "published_order", published_start=starts, published_end=ends) == [False, True, True]


def test_precision_day_needs_one_day() -> None:
    columns = {
        "date_precision": _texts("day", "day", "month", "day"),
        "date_start": _dates("2020-01-14", "2020-01-14", "2020-01-01", NA),
        "date_end": _dates("2020-01-14", "2099-12-31", "2020-01-31", "2020-01-14"),
    }
    assert _passes("events", "precision_day", **columns) == [True, False, True, True]


def test_precision_month_needs_the_first_and_last_day_of_one_month() -> None:
    columns = {
        "date_precision": _texts("month", "month", "month", "month", "month", "day"),
        "date_start": _dates("2020-02-01", "2020-02-01", "2020-01-31", "2020-03-01", NA, "2020-01-14"),
        "date_end": _dates("2020-02-29", "2020-02-28", "2020-02-29", "2020-02-01", "2020-02-29", "2020-01-14"),
    }
    # The fourth row has its dates out of order: that is date_order's fault, not reported twice.
    assert _passes("events", "precision_month", **columns) == [True, False, False, True, True, True]


def test_date_start_is_empty_exactly_for_precision_before() -> None:
    columns = {
        "date_precision": _texts("before", "before", "day", "day"),
        "date_start": _dates(NA, "2020-01-01", NA, "2020-01-14"),
    }
    assert _passes("events", "precision_before", **columns) == [True, False, False, True]


def test_a_range_is_more_than_one_day() -> None:
    columns = {
        "date_precision": _texts("range", "range", "day", "range"),
        "date_start": pd.Series(pd.to_datetime(["2020-01-09", "2020-01-09", "2020-01-09", None])),
        "date_end": pd.Series(pd.to_datetime(["2020-01-10", "2020-01-09", "2020-01-09", "2020-01-09"])),
    }
    assert _passes("events", "precision_range", **columns) == [True, False, True, True]


def test_a_time_claim_is_an_interval_of_real_days() -> None:
    """An impossible start day is no open start: only '..' is."""
    values = ["2020-01-14/2020-01-15", "../2020-01-15", "2020-02-30/2020-03-01", "2020-01-15/2020-01-14", "Tuesday"]
    columns = {"predicate": _texts(*["time"] * len(values)), "value_text": _texts(*values)}
    assert _passes("claims", "time_interval", **columns) == [True, True, False, False, False]


# --- places and attribution -------------------------------------------------------------------------
def test_latitude_and_longitude_go_together() -> None:
    latitudes = pd.Series([34.5, 34.5, NA, NA], dtype="Float64")
    longitudes = pd.Series([37.6, NA, 37.6, NA], dtype="Float64")
    assert _passes("events", "coordinates_pair", latitude=latitudes, longitude=longitudes) == [True, False, False, True]


def test_coordinates_only_for_a_site() -> None:
    columns = {
        "latitude": pd.Series([34.5, 34.5, NA], dtype="Float64"),
        "place_precision": _texts("site", "governorate", "governorate"),
    }
    assert _passes("events", "coordinates_site", **columns) == [True, False, True]


def test_coordinates_of_an_event_in_syria_lie_in_syria() -> None:
    """Swapped, sign-flipped and 0,0 points fail; another country's and a half-given point are not judged,
    except 0,0, which is in no country."""
    columns = {
        "latitude": pd.Series([34.52, 37.63, 34.52, 0.0, 37.63, 34.52, 0.0, 0.0], dtype="Float64"),
        "longitude": pd.Series([37.63, 34.52, -37.63, 0.0, 34.52, NA, 0.0, 0.0], dtype="Float64"),
        "country": _texts("SYR", "SYR", "SYR", "SYR", "IRQ", "SYR", NA, NA),
        "category": _texts("strike", "strike", "strike", "strike", "context", "strike", "strike", "context"),
    }
    expected = [True, False, False, False, True, True, False, False]  # a strike with no country is in Syria
    assert _passes("events", "coordinates_in_country", **columns) == expected
    column, words = _failing_row("events", "coordinates_in_country", **{k: v[1:2] for k, v in columns.items()})
    assert (column, words.endswith("latitude and longitude look exchanged")) == ("latitude", True)
    column, words = _failing_row("events", "coordinates_in_country", **{k: v[2:3] for k, v in columns.items()})
    assert (column, "a minus sign looks wrong" in words) == ("longitude", True)
    column, words = _failing_row("events", "coordinates_in_country", **{k: v[7:8] for k, v in columns.items()})
    assert (column, "lie in no country" in words) == ("latitude", True)
    iraq = {
        "latitude": pd.Series([0.0], dtype="Float64"),
        "longitude": pd.Series([0.0], dtype="Float64"),
        "country": _texts("IRQ"),
        "category": _texts("context"),
    }
    assert _passes("events", "coordinates_in_country", **iraq) == [False]


def test_a_place_names_no_area_smaller_than_its_precision() -> None:
    columns = {
        "place_precision": _texts("town", "district", "district", "governorate", "country", "unknown", "region"),
        "admin1": _texts("Homs", "Homs", "Homs", "Homs", NA, NA, "Homs"),
        "admin2": _texts("Al-Qusayr", "Al-Qusayr", "Al-Qusayr", "Al-Qusayr", NA, NA, NA),
        "locality": _texts("Qusayr", NA, "Qusayr", NA, NA, "Qusayr", NA),
    }
    assert _passes("events", "place_precision_fields", **columns) == [True, True, False, False, True, False, False]
    assert _failing_row("events", "place_precision_fields", **{k: v[2:3] for k, v in columns.items()})[0] == "locality"
    column, words = _failing_row("events", "place_precision_fields", **{k: v[3:4] for k, v in columns.items()})
    assert (column, words.startswith("place_precision 'governorate' leaves this column empty")) == ("admin2", True)


def test_unknown_stands_alone_among_the_codes_of_a_claim() -> None:
    columns = {
        "predicate": _texts("weapon", "weapon", "weapon", "launch_platform", "place"),
        "value_code": _texts("missile|rocket", "unknown", "missile|unknown", "unknown|drone", "SYR"),
    }
    assert _passes("claims", "value_code_vocabulary", **columns) == [True, True, False, False, True]
    column, words = _failing_row("claims", "value_code_vocabulary", **{k: v[2:3] for k, v in columns.items()})
    assert (column, words.startswith("lists 'unknown' beside other codes")) == ("value_code", True)
    words = _failing_row(
        "claims", "value_code_vocabulary", predicate=_texts("weapon"), value_code=_texts("missiles|unknown")
    )[1]
    assert "('missiles' no code of 'weapon' either)" in words


CODE_ROWS = [
    # predicate, value_text, value_code, passes
    ("weapon", "drones and missiles", "drone|missile", True),
    ("weapon", "rockets", "missile", False),
    ("weapon", "missiles", "drone|missile", True),  # a code no word names is not judged
    ("launch_platform", "Unknown planes", "unknown", False),
    ("launch_platform", "unmanned aircraft", "drone", True),
    ("launch_platform", "drone planes", "drone", True),
    ("launch_platform", "F-16 JETS", "aircraft", True),
    ("launch_platform", "airplanes and drones", "drone", False),
    ("weapon", "bomb-laden drone", "drone", True),
    ("weapon", "drone-launched missiles", "missile", True),
    ("weapon", "Tomahawks", "missile", True),
    ("place", "Syria", "IRQ", True),
]


def test_a_code_the_words_of_value_text_name_is_one_of_value_code() -> None:
    columns = {
        name: _texts(*(row[k] for row in CODE_ROWS)) for k, name in enumerate(("predicate", "value_text", "value_code"))
    }
    assert _passes("claims", "value_code_worded", **columns) == [row[3] for row in CODE_ROWS]
    column, words = _failing_row("claims", "value_code_worded", **{k: v[1:2] for k, v in columns.items()})
    assert (column, words) == (
        "value_code",
        "value_text 'rockets' names the code rocket, which value_code missile leaves out; code what the words name, "
        "or correct the words",
    )


def test_a_place_is_coded_as_a_country_its_words_name_and_adjectives_are_not_read() -> None:
    columns = {
        "predicate": _texts("place", "place", "place", "place", "place", "weapon"),
        "value_text": _texts("in Syria", "Syria, near the Iraqi border", "Iraqi bases", "Homs", "SYRIA", "Syria"),
        "value_code": _texts("IRQ", "SYR", "IRQ", "SYR", "SYR", "missile"),
    }
    assert _passes("claims", "place_code_worded", **columns) == [False, True, True, True, True, True]
    owners = {  # a country named as an owner or a neighbour is no place
        "predicate": _texts("place", "place", "place", "place"),
        "value_text": _texts(
            "Iran\u2019s consulate in Damascus", "Iran-backed militia positions", "near the border with Iraq", "Iran"
        ),
        "value_code": _texts("SYR", "SYR", "SYR", "SYR"),
    }
    assert _passes("claims", "place_code_worded", **owners) == [True, True, True, False]
    column, words = _failing_row("claims", "place_code_worded", **{k: v[:1] for k, v in columns.items()})
    assert (column, words.startswith("value_text 'in Syria' names the country SYR")) == ("value_code", True)


def test_a_weekday_the_quote_names_is_a_day_the_interval_holds() -> None:
    columns = {
        "predicate": _texts("time", "time", "time", "time", "time", "place", "time"),
        "quote": _texts(
            "on Tuesday", "on Tuesday", "on Monday or TUESDAY", "last week", "on Tuesday", "Monday", "on Friday"
        ),
        # 2020-01-14 is a Tuesday
        "value_text": _texts(
            "2020-01-14/2020-01-14",
            "2020-01-13/2020-01-13",
            "2020-01-14/2020-01-14",
            "2020-01-13/2020-01-13",
            "../2020-01-15",
            "x",
            "2020-01-01/2020-01-31",
        ),
    }
    assert _passes("claims", "time_weekday", **columns) == [True, False, True, True, True, True, True]
    column, words = _failing_row("claims", "time_weekday", **{k: v[1:2] for k, v in columns.items()})
    assert (column, words.startswith("the quote names Tuesday, a day the interval 2020-01-13/2020-01-13")) == (
        "value_text",
        True,
    )


@pytest.mark.parametrize(
    ("relation", "quote", "passes"),
    [
        ("allied_with", "Iran and Syria are close strategic allies", True),
        ("backed_by", "Iran and Syria are close strategic allies", False),
        ("backed_by", "A number of Iranian-backed Iraqi militias", True),
        ("leads", "Russia\u2019s state-owned TASS news agency", False),
        ("owned_by", "Russia\u2019s state-owned TASS news agency", True),
        ("affiliated_with", "Rami Abdel Rahman, director of the Syrian Human Rights Observatory", False),
        ("leads", "Rami Abdel Rahman, director of the Syrian Human Rights Observatory", True),
        ("operates", "Vadim Kulit, who heads the Reconciliation Center", False),
        ("cooperates_with", "Revolutionary Guards who are joining forces with the Russian Air Force", True),
        ("leads", "Iranian General Qassem Soleimani", False),  # a rank is no leadership
        ("leads", None, True),  # a quote left empty is another rule's
    ],
)
def test_a_relations_quote_holds_its_words(relation: str, quote: str | None, passes: bool) -> None:
    assert _passes("actor_relations", "relation_worded", relation=_texts(relation), quote=_texts(quote)) == [passes]


def test_a_coded_claims_value_text_names_what_its_quote_names() -> None:
    columns = {
        "predicate": _texts(
            "weapon",
            "weapon",
            "weapon",
            "launch_platform",
            "launch_platform",
            "weapon",
            "weapon",
            "place",
            "target",
            "weapon",
        ),
        "value_text": _texts(
            "missiles",
            "rockets",
            "rockets",
            "planes (unknown)",
            "F-16 jets",
            "Tomahawk missiles",
            "drones and missiles",
            "in Lebanon",
            "rockets",
            "two rockets",
        ),
        "quote": _texts(
            "eight missiles fired",
            "eight missiles fired",
            "the attack",  # names no code: not judged
            "Unknown planes",
            "Israeli F-16s fired missiles at a drone base",  # 'F-16' is the value_text's own word
            "Tomahawks hit a rocket factory",
            "drones and missiles have committed aggression",
            "Iran fired rockets at American soldiers in Iraqi bases",  # a place: its countries may be actors
            "eight missiles fired",  # not a coded predicate
            "the network said eight missiles were fired",  # 'two' is no word of it
        ),
    }
    assert _passes("claims", "value_text_quoted", **columns) == [
        True,
        False,
        True,
        True,
        True,
        True,
        True,
        True,
        True,
        False,
    ]
    column, words = _failing_row("claims", "value_text_quoted", **{k: v[1:2] for k, v in columns.items()})
    assert column == "value_text"
    assert words.startswith("value_text 'rockets' names rocket, which the quote does not; the quote names missile")


def test_the_quotes_found_at_once_to_name_a_code_are_judged_as_each_row_alone_is() -> None:
    """value_text_quoted lets Arrow pass over quotes that name no code word; each row must get the
    answer the plain reading of that row (rows._text_quoted) gives."""
    from syria_strikes.checks.rows import _text_quoted

    predicates = ["weapon", "launch_platform", "air_defence_system", "place", "target", None]
    texts = ["rockets", "missiles", "F-16 jets", "drones and missiles", "BUK-M2E", "unknown planes", None]
    quotes = ["eight missiles fired", "Unknown planes", "the attack", "unmanned aircraft struck", "a drone base", None]
    rows = [(p, t, q) for p in predicates for t in texts for q in quotes]
    columns = {
        "predicate": _texts(*(p for p, _, _ in rows)),
        "value_text": _texts(*(t for _, t, _ in rows)),
        "quote": _texts(*(q for _, _, q in rows)),
    }
    assert _passes("claims", "value_text_quoted", **columns) == [_text_quoted(*row) for row in rows]


def test_a_day_a_sources_address_writes_lies_in_its_publication_interval() -> None:
    urls = [
        ("https://example.org/world/2021/07/22/strike", True),
        ("https://example.org/world/2021/07/23/strike", False),
        ("https://example.org/news/2021-07-21-strike", False),
        ("https://example.org/news/20210719/strike", False),  # eight digits alone
        ("https://example.org/military/202107191083442492-systems/", True),  # a serial number
        ("https://example.org/watch/?v=2012091823456789", True),  # a video's ID
        ("https://example.org/news/22072021/175034", True),  # day first: not read
        ("https://web.archive.org/web/20210801093012/https://example.org/world/2021/07/22/strike", True),
        ("https://web.archive.org/web/20210801093012/https://example.org/world/2021/07/23/strike", False),
        ("https://archive.ph/20210801093012/https://example.org/world/2021/07/22/strike", True),
        ("https://archive.ph/Xy12z", True),  # the copy's own address writes no day of the page
    ]
    day = pd.Series(pd.to_datetime(["2021-07-22"] * len(urls)), dtype="datetime64[s]")
    columns = {"url": _texts(*(url for url, _ in urls)), "published_start": day, "published_end": day}
    assert _passes("sources", "url_dated", **columns) == [passes for _, passes in urls]
    column, words = _failing_row("sources", "url_dated", **{k: v[8:9] for k, v in columns.items()})
    assert column == "url"
    assert words.startswith("the address writes 2021-07-23, outside the publication interval 2021-07-22/2021-07-22")
    none = pd.Series([pd.NaT], dtype="datetime64[s]")
    undated = {"url": _texts(urls[1][0]), "published_start": none, "published_end": none}
    assert _passes("sources", "url_dated", **undated) == [True]


def test_a_day_the_quote_writes_starts_or_ends_the_interval() -> None:
    columns = {
        "predicate": _texts("time", "time", "time", "time", "time", "place", "time", "time", "time", "time"),
        "quote": _texts(
            "on February 24, 2020",
            "on February 24, 2020",
            "between 3 January 2020 and the 10th of Jan. 2020",
            "from 2020-01-03",
            "on February 30, 2020",  # no day the calendar has
            "on February 24, 2020",
            "in May 2020",  # no whole day
            "on February 24, 2020",
            "at 22:30 GMT on February 23, 2020",  # another clock than the place's
            "On February 25, 2020, a day after the strike",  # counted from the day written
        ),
        "value_text": _texts(
            "../2020-02-24",
            "../2020-03-24",
            "2020-01-03/2020-01-10",
            "2020-01-03/2020-01-05",
            "../2020-03-24",
            "Homs",
            "2020-05-01/2020-05-31",
            "2020-02-20/2020-02-23",
            "2020-02-24/2020-02-24",
            "2020-02-24/2020-02-24",
        ),
    }
    assert _passes("claims", "time_day_written", **columns) == [
        True,
        False,
        True,
        True,
        True,
        True,
        True,
        False,
        True,
        True,
    ]
    column, words = _failing_row("claims", "time_day_written", **{k: v[1:2] for k, v in columns.items()})
    assert column == "value_text"
    assert words.startswith("the quote writes 'February 24, 2020' (2020-02-24), which neither starts nor ends")
    # Only the days that are no end of the interval are named.
    column, words = _failing_row(
        "claims",
        "time_day_written",
        predicate=_texts("time"),
        quote=_texts("between February 20, 2020 and February 24, 2020"),
        value_text=_texts("2020-02-20/2020-02-23"),
    )
    assert words.startswith("the quote writes 'February 24, 2020' (2020-02-24), which neither")


def test_words_that_settle_the_stance_give_it_in_the_hedge_and_warn_in_the_attribution_or_quote() -> None:
    hedged = {
        "hedging": _texts(
            "UNABLE TO INDEPENDENTLY VERIFY",
            "unable to verify",
            "did not mention",
            "have questioned",
            "denied",
            "said",
            NA,
            "attributed to",  # whose words they are decides: a document relays them, Damascus asserts them
            "denied reports that",
        ),
        "stance": _texts(
            "cannot_verify", "asserts", "no_comment", "asserts", "denies", "asserts", "asserts", "asserts", "denies"
        ),
    }
    assert _passes("claims", "stance_worded", **hedged) == [True, False, True, False, True, True, True, True, True]
    column, words = _failing_row("claims", "stance_worded", **{k: v[3:4] for k, v in hedged.items()})
    assert (column, words.startswith("the hedge says 'questioned', which makes the stance 'questions'")) == (
        "stance",
        True,
    )
    quoted = {
        "attribution_quote": _texts(NA, "declined to comment", "officials denied", NA),
        "quote": _texts("REUTERS IS UNABLE TO INDEPENDENTLY VERIFY THIS IMAGE", "x", "the strike took place", "x"),
        "stance": _texts("asserts", "denies", "asserts", "asserts"),
    }
    # 'denied' settles the stance in the hedge only: in other words it may be anyone's
    assert _passes("claims", "stance_quoted", **quoted) == [False, False, True, True]


def test_a_stance_that_stands_on_words_has_them() -> None:
    columns = {
        "stance": _texts("denies", "denies", "questions", "no_comment", "reports", "reports", "asserts", "disputes"),
        "hedging": _texts("said", NA, NA, "did not mention", NA, NA, NA, NA),
        "attribution_quote": _texts(
            "According to Haaretz", "officials said", "Experts have QUESTIONED", "The two", "SANA said", NA, NA, NA
        ),
        "quote": _texts("the base", "it was not true", "x", "x", "x", "x", "x", "x"),
    }
    assert _passes("claims", "stance_unworded", **columns) == [False, True, True, True, True, False, True, True]
    wire = {  # the wire services' words for silence, unverifiability and denial
        "stance": _texts("no_comment", "no_comment", "cannot_verify", "denies", "no_comment"),
        "hedging": _texts(NA, NA, NA, NA, NA),
        "attribution_quote": _texts(NA, NA, NA, NA, NA),
        "quote": _texts(
            "Israel did not immediately respond to a request for comment",
            "The military would neither confirm nor deny",
            "The claims could not be independently verified",
            "It said its forces did not carry out the strike",
            "x",
        ),
    }
    assert _passes("claims", "stance_unworded", **wire) == [True, True, True, True, False]
    column, words = _failing_row("claims", "stance_unworded", **{k: v[:1] for k, v in columns.items()})
    assert (
        column,
        words.startswith("no word of the hedge, the attribution words or the quote gives the stance 'denies'"),
    ) == (
        "stance",
        True,
    )


def test_victims_are_worded_as_the_quote_words_them() -> None:
    columns = {
        "victim_group": _texts("militia officers", "MILITIA Officers", "civilians", "officers", NA),
        "quote": _texts(
            "killed eight militia officers", "killed eight militia officers", "killed eight militia officers", NA, "x"
        ),
    }
    assert _passes("claims", "victim_group_worded", **columns) == [True, True, False, True, True]


PREDICATE_ROWS = [
    # predicate, stance, quote, passes
    ("munitions_hit", "asserts", "4 missiles reached the target area", True),
    ("munitions_intercepted", "asserts", "4 missiles reached the target area", False),
    ("injuries", "reports", "killed eight militia officers", False),
    ("fatalities", "reports", "KILLED eight", True),
    ("munitions_intercepted", "disputes", "indicate the airstrikes hit their targets", True),
    ("munitions_fired", "asserts", "eight missiles fired by jets", True),
    ("munitions_intercepted", "asserts", "bringing down 7 of the 10 missiles", True),
    ("fatalities", "asserts", "the strike caused 12 fatalities", True),
    ("munitions_fired", "asserts", "the US struck the base with 59 Tomahawk missiles", True),
    ("occurred", "asserts", "x", True),
    ("injuries", "asserts", NA, True),
    ("site_occupant", "asserts", "the base is home to Syrian regime troops", True),
    ("site_occupant", "reports", "Russian forces stationed at the airport", True),
    ("site_occupant", "asserts", "Iranian Revolutionary Guards operate from the T4 base", True),
    ("site_occupant", "asserts", "the base is controlled by Hezbollah", True),
    ("site_occupant", "asserts", "an IRGC-run facility", True),
    ("site_occupant", "asserts", "Revolutionary Guards who are joining forces with the Russian Air Force", False),
]


def test_a_count_asserted_or_reported_quotes_its_predicates_words() -> None:
    columns = {
        name: _texts(*(row[k] for row in PREDICATE_ROWS)) for k, name in enumerate(("predicate", "stance", "quote"))
    }
    assert _passes("claims", "predicate_worded", **columns) == [row[3] for row in PREDICATE_ROWS]
    column, words = _failing_row("claims", "predicate_worded", **{k: v[2:3] for k, v in columns.items()})
    assert (column, words.startswith("the quote 'killed eight militia officers' holds no word of 'injuries'")) == (
        "predicate",
        True,
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["munitions_fired", "munitions_hit", "fatalities", "injuries", "occurred", None]),
            st.sampled_from(["asserts", "reports", "disputes", None]),
            st.sampled_from(["Eight were Wounded", "missiles hit", "fired 3", "x", "", None]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_the_predicate_rule_on_every_row_at_once_is_the_plain_reading(rows: list[tuple[str | None, ...]]) -> None:
    from syria_strikes.checks.rows import predicate_worded

    columns = {name: _texts(*(row[k] for row in rows)) for k, name in enumerate(("predicate", "stance", "quote"))}
    assert _passes("claims", "predicate_worded", **columns) == [predicate_worded(*row) for row in rows]


VICTIM_ROWS = [
    # victim_status, victim_group, passes
    ("combatant", "Iraqi militia officers", True),
    ("civilian", "Iraqi militia officers", False),
    ("unknown", "Iraqi hashish FIGHTERS", False),
    ("unknown", "fighters and civilians", True),
    ("combatant", "civilians", False),
    ("civilian", "five civilians", True),
    ("civilian", "women and children", True),  # no word of either: the curator's reading stands
    ("unknown", "non-combatants", True),
    ("combatant", "non-combatants", False),
    ("civilian", "fire fighters and police officers", True),
    ("unknown", "medical personnel", True),
    ("unknown", NA, True),
    (NA, "fighters", True),
]


def test_victims_are_coded_as_their_group_calls_them() -> None:
    """The quote is not read: 'a strike on a Hezbollah commander's car killed three people' names the
    target, not the victims."""
    columns = {
        name: _texts(*(row[k] for row in VICTIM_ROWS)) for k, name in enumerate(("victim_status", "victim_group"))
    }
    assert _passes("claims", "victim_status_worded", **columns) == [row[2] for row in VICTIM_ROWS]
    column, words = _failing_row("claims", "victim_status_worded", **{k: v[1:2] for k, v in columns.items()})
    assert (column, words) == (
        "victim_status",
        "victim_group says 'militia', which makes the victims combatants, not civilian",
    )
    words = _failing_row("claims", "victim_status_worded", **{k: v[4:5] for k, v in columns.items()})[1]
    assert words == "victim_group says 'civilians', which makes the victims civilians, not combatant"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["combatant", "civilian", "unknown", None]),
            st.sampled_from(
                ["troops", "Civilians", "troops and civilians", "non-combatants", "firefighters", "", None]
            ),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_the_victims_rule_on_every_row_at_once_is_the_plain_reading(rows: list[tuple[str | None, ...]]) -> None:
    from syria_strikes.checks.rows import victims_worded

    columns = {name: _texts(*(row[k] for row in rows)) for k, name in enumerate(("victim_status", "victim_group"))}
    assert _passes("claims", "victim_status_worded", **columns) == [victims_worded(*row) for row in rows]


def test_a_strike_is_an_attack_in_syria() -> None:
    columns = {
        "category": _texts("strike", "strike", "strike", "context", "strike"),
        "event_type": _texts("air_strike", "summit", "air_strike", "summit", "air_strike"),
        "country": _texts("SYR", "SYR", "IRQ", "CHE", NA),
    }
    assert _passes("events", "strike_category", **columns) == [True, False, False, True, True]
    assert _failing_row("events", "strike_category", **{k: v[1:2] for k, v in columns.items()})[0] == "event_type"
    assert _failing_row("events", "strike_category", **{k: v[2:3] for k, v in columns.items()})[0] == "country"


def test_an_air_or_missile_strike_in_syria_is_not_context() -> None:
    """Filed as context it would drop out of every count of strikes; a rocket attack, a targeted killing
    or an event whose country is not known may be context."""
    columns = {
        "category": _texts("context", "context", "context", "context", "context"),
        "event_type": _texts("air_strike", "missile_strike", "rocket_attack", "air_strike", "air_strike"),
        "country": _texts("SYR", "SYR", "SYR", "IRQ", NA),
    }
    assert _passes("events", "strike_category", **columns) == [False, False, True, True, True]
    assert _failing_row("events", "strike_category", **{k: v[:1] for k, v in columns.items()})[0] == "category"


def test_not_applicable_exactly_when_the_event_is_not_an_attack() -> None:
    columns = {
        "event_type": _texts("summit", "summit", "air_strike", "air_strike"),
        "attribution_status": _texts("not_applicable", "alleged", "not_applicable", "alleged"),
    }
    assert _passes("events", "attribution_applicable", **columns) == [True, False, False, True]


def test_an_attributed_actor_exactly_when_the_attack_is_attributed() -> None:
    columns = {
        "attribution_status": _texts("alleged", "acknowledged", "unattributed", "alleged", "unattributed"),
        "attributed_actor_id": _texts("act-israel", "act-israel", "act-israel", NA, NA),
    }
    assert _passes("events", "attributed_actor", **columns) == [True, True, False, False, True]
    assert _failing_row("events", "attributed_actor", **{k: v[2:3] for k, v in columns.items()})[0] == (
        "attributed_actor_id"
    )


# --- sources and actors -----------------------------------------------------------------------------
def test_seed_path_and_sha256_go_together() -> None:
    columns = {"seed_path": _texts("seeds/a.txt", NA, "seeds/a.txt", NA), "sha256": _texts("ab", "ab", NA, NA)}
    assert _passes("sources", "seed_hash_pair", **columns) == [True, False, False, True]


def test_a_dateline_only_on_a_source_with_a_seed() -> None:
    columns = {
        "dateline": _texts("Yerushalayim", "Damascus", NA, NA),
        "seed_path": _texts("seeds/a.txt", NA, "seeds/a.txt", NA),
    }
    assert _passes("sources", "dateline_archived", **columns) == [True, False, True, True]


def test_a_seed_exactly_for_an_archived_article() -> None:
    columns = {
        "kind": _texts("archived_article", "archived_article", "news_article", "news_article"),
        "seed_path": _texts("seeds/a.txt", NA, "seeds/a.txt", NA),
    }
    assert _passes("sources", "archived_has_seed", **columns) == [True, False, False, True]


def test_an_actor_is_not_its_own_parent() -> None:
    columns = {"actor_id": _texts("act-a", "act-b", "act-c"), "parent_actor_id": _texts("act-a", "act-a", NA)}
    assert _passes("actors", "parent_not_self", **columns) == [False, True, True]


# --- counts, actors named and quote offsets ---------------------------------------------------------
@pytest.mark.parametrize(
    ("low", "value", "high", "column"),
    [(3, 2, NA, "value_low"), (NA, 5, 3, "value_high"), (5, NA, 3, "value_low"), (4, 5, 3, "value_high")],
)
def test_count_bounds_out_of_order_name_the_bound_that_breaks_it(
    low: int | None, value: int | None, high: int | None, column: str
) -> None:
    counts = {"value_low": _counts(low), "value": _counts(value), "value_high": _counts(high)}
    assert _passes("claims", "count_bounds", **counts) == [False]
    named, words = _failing_row("claims", "count_bounds", **counts)
    assert named == column
    assert words.endswith("are out of order; value_low <= value <= value_high")


def test_count_bounds_in_order_or_missing_pass() -> None:
    counts = {
        "value_low": _counts(1, NA, 8, NA),
        "value": _counts(2, NA, NA, 4),
        "value_high": _counts(3, NA, NA, 4),
    }
    assert _passes("claims", "count_bounds", **counts) == [True, True, True, True]


@pytest.mark.parametrize(
    ("low", "value", "high", "column"),
    [(NA, 8, 8, "value_low"), (8, 8, NA, "value_high"), (NA, 8, NA, "value_low"), (8, 8, 9, "value_high")],
)
def test_an_exact_count_without_itself_as_both_bounds_names_the_bound_that_misses(
    low: int | None, value: int | None, high: int | None, column: str
) -> None:
    counts = {"value_low": _counts(low), "value": _counts(value), "value_high": _counts(high)}
    assert _passes("claims", "count_exact", **counts) == [False]
    named, words = _failing_row("claims", "count_exact", **counts)
    assert named == column
    assert words.startswith("value 8 is an exact count")


def test_an_exact_count_as_its_own_bounds_and_bounds_without_an_exact_count_pass() -> None:
    counts = {
        "value_low": _counts(8, 8, NA, NA, 5),
        "value": _counts(8, NA, NA, NA, NA),
        "value_high": _counts(8, NA, 5, NA, 8),
    }
    assert _passes("claims", "count_exact", **counts) == [True, True, True, True, True]


def test_bounds_that_meet_without_the_exact_count_name_value() -> None:
    """( , 8, 8) is the exact count 8 written without it: the derived views would compare it with
    (8, 8, 8) as another number."""
    counts = {"value_low": _counts(8), "value": _counts(NA), "value_high": _counts(8)}
    assert _passes("claims", "count_exact", **counts) == [False]
    named, words = _failing_row("claims", "count_exact", **counts)
    assert named == "value"
    assert words.startswith("value_low and value_high are both 8: that is an exact count, so value is 8 too")


def test_a_unit_exactly_for_a_count_and_the_unit_of_its_predicate() -> None:
    columns = {
        "predicate": _texts("fatalities", "fatalities", "attribution", "munitions_fired", "munitions_fired"),
        "unit": _texts("persons", NA, "persons", "persons", "munitions"),
    }
    assert _passes("claims", "count_has_unit", **columns) == [True, False, False, True, True]
    assert _passes("claims", "unit_matches_predicate", **columns) == [True, True, True, False, True]
    assert _failing_row("claims", "unit_matches_predicate", **{k: v[3:4] for k, v in columns.items()}) == (
        "unit",
        "predicate 'munitions_fired' counts munitions, not persons",
    )


def test_a_count_only_on_a_count_predicate() -> None:
    columns = {
        "predicate": _texts("attribution", "attribution", "attribution", "fatalities"),
        "value": _counts(3, NA, NA, 3),
        "value_low": _counts(NA, 1, NA, NA),
        "value_high": _counts(NA, NA, NA, NA),
    }
    assert _passes("claims", "count_only_for_counts", **columns) == [False, False, True, True]


def test_an_actor_predicate_names_its_actor_or_says_why_not() -> None:
    columns = {
        "predicate": _texts("attribution", "attribution", "air_defence_support", "occurred"),
        "value_actor_id": _texts(NA, "act-israel", NA, NA),
        "value_text": _texts(NA, NA, "unidentified", NA),
    }
    assert _passes("claims", "actor_value", **columns) == [False, True, True, True]


def test_quote_end_comes_after_quote_start() -> None:
    columns = {"quote_start": _counts(5, 10, 10, NA), "quote_end": _counts(10, 10, 5, 3)}
    assert _passes("claims", "quote_offsets", **columns) == [True, False, False, True]


# --- with the cell rules, on a real table -----------------------------------------------------------
@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    frame, problems = read_table(REPO / "data" / "events.csv", EVENTS)
    assert problems == [] and frame is not None
    return frame


def test_a_row_rule_is_reported_on_the_line_with_the_value_it_names(events: pd.DataFrame) -> None:
    damaged = events.copy()
    line = damaged.index[damaged["date_start"].notna()][0]
    damaged.at[line, "date_end"] = pd.Timestamp("2000-01-01")
    problems = check_table(damaged, EVENTS, set())
    assert [(p.row, p.column, p.value, p.rule) for p in problems] == [(line, "date_end", "2000-01-01", "date_order")]


def test_a_row_whose_cells_already_failed_is_not_judged_again(events: pd.DataFrame) -> None:
    """One fault, one message: a date reported by a cell rule is not reported again by a row rule."""
    damaged = events.copy()
    line = damaged.index[damaged["date_start"].notna()][0]
    damaged.at[line, "date_end"] = pd.Timestamp("2000-01-01")
    failed = {(int(line), "date_end")}
    assert check_table(damaged, EVENTS, failed) == []
    assert check_table(damaged, EVENTS, set()) != []


def test_a_row_rule_whose_wording_raises_is_reported_on_its_row_not_a_traceback(
    events: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rule_failed is the safety net: the table is not taken as valid, and the run goes on."""
    from syria_strikes.checks import schema

    def column_that_raises(row: pd.Series) -> str:
        raise KeyError("no such column")

    broken = [
        RowRule(rule.table, rule.rule, column_that_raises, rule.reads, rule.passes)
        if rule.rule == "date_order"
        else rule
        for rule in rules_for("events")
    ]
    monkeypatch.setattr(schema, "rules_for", lambda table: tuple(broken))
    damaged = events.copy()
    line = damaged.index[damaged["date_start"].notna()][0]
    damaged.at[line, "date_end"] = pd.Timestamp("2000-01-01")
    [failed] = check_table(damaged, EVENTS, set())
    assert (failed.rule, failed.row) == ("rule_failed", line)
    assert "rule date_order could not run here (KeyError('no such column'))" in failed.message


def test_a_cell_rule_whose_wording_raises_is_reported_on_its_row_not_a_traceback(
    events: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syria_strikes.checks import schema

    damaged = events.copy()
    line = damaged.index[0]
    damaged.at[line, "event_type"] = "no_such_type"
    real_problem = schema.problem

    def first_raises(rule: str, *args: object, **context: object) -> object:
        if rule != "rule_failed":
            raise ValueError("unexpected cell")
        return real_problem(rule, *args, **context)  # type: ignore[arg-type]

    monkeypatch.setattr(schema, "problem", first_raises)
    [failed] = check_table(damaged, EVENTS, set())
    assert (failed.rule, failed.row) == ("rule_failed", line)
    assert "rule enum could not run here (ValueError('unexpected cell'))" in failed.message


@pytest.mark.parametrize(
    ("relation_id", "relation", "subject", "object_", "passes"),
    [
        ("rel-hashd-backed-by-iran", "backed_by", "act-hashd-al-shaabi", "act-iran", True),
        ("rel-hashd-backed-by-iran", "leads", "act-hashd-al-shaabi", "act-iran", False),  # the ID reads backed by
        ("rel-hashd-backed-by-iran", "backed_by", "act-iran", "act-hashd-al-shaabi", False),  # swapped
        ("rel-iran-allied-with-syria", "allied_with", "act-syria", "act-iran", True),  # reads the same both ways
        (
            "rel-rebel-media-affiliated-with-rebels",
            "affiliated_with",
            "act-rebel-affiliated-media",
            "act-syrian-rebels",
            True,
        ),
        ("rel-synthetic-7", "leads", "act-a", "act-b", True),  # an ID that names no relation is not judged
        ("rel-backed-by-iran-hashd", "backed_by", "act-hashd-al-shaabi", "act-iran", True),  # the relation first
        ("rel-backed-by-iran-hashd", "leads", "act-hashd-al-shaabi", "act-iran", False),
        ("rel-hashd-backed-by-iran", None, "act-iran", "act-hashd-al-shaabi", True),  # an empty relation: required's
    ],
)
def test_a_relation_id_that_names_a_relation_names_the_rows_in_its_order(
    relation_id: str, relation: str | None, subject: str, object_: str, passes: bool
) -> None:
    columns = {
        "relation_id": _texts(relation_id),
        "relation": _texts(relation),
        "subject_actor_id": _texts(subject),
        "object_actor_id": _texts(object_),
    }
    assert _passes("actor_relations", "relation_id_names", **columns) == [passes]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2019, 12, 20), max_value=date(2020, 1, 20)),
            st.integers(min_value=0, max_value=9),
            st.lists(st.sampled_from(["on", "Monday", "tuesday", "SUNDAY", "week", "Fridays", "x"]), max_size=4),
        ),
        max_size=12,
    )
)
def test_the_weekdays_found_at_once_are_those_a_plain_reading_finds(
    rows: list[tuple[date, int, list[str]]],
) -> None:
    """The seven-bit reading of every row at once against the plain one: the days named, as whole
    words in any case, and the days the interval holds."""
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    columns = {
        "predicate": _texts(*["time"] * len(rows)),
        "quote": _texts(*[" ".join(words) for _, _, words in rows]),
        "value_text": _texts(*[f"{start}/{start + timedelta(days=days)}" for start, days, _ in rows]),
    }
    plain = []
    for start, days, words in rows:
        named = {names.index(word.capitalize()) for word in words if word.capitalize() in names}
        held = {(start + timedelta(days=k)).weekday() for k in range(days + 1)}
        plain.append(not named or days >= 7 or bool(named & held))
    assert _passes("claims", "time_weekday", **columns) == plain
