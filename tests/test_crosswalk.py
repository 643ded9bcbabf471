"""The crosswalk to ACLED and UCDP covers every event type once, says how sure it is, and explains itself."""

from __future__ import annotations

import csv
import io

from syria_strikes.generate import crosswalk_csv
from syria_strikes.metadata import CROSSWALK, EVENT_TYPE

CERTAINTIES = {"exact", "depends", "none"}


def test_every_event_type_has_one_row_with_a_note() -> None:
    assert sorted(row.event_type for row in CROSSWALK) == sorted(EVENT_TYPE.codes)
    for row in CROSSWALK:
        assert row.note, row.event_type
        assert {row.acled_certainty, row.ucdp_certainty} <= CERTAINTIES, row.event_type


def test_a_code_is_exact_only_when_it_is_given() -> None:
    """'exact' with an empty code, or a code under 'none', would mislead a merge."""
    for row in CROSSWALK:
        if row.acled_certainty == "exact":
            assert row.acled_event_type and row.acled_sub_event_type, row.event_type
        if row.acled_certainty == "none":
            assert not row.acled_event_type, row.event_type
        if row.ucdp_certainty != "exact":
            assert not row.ucdp_type_of_violence, row.event_type


def test_the_generated_file_holds_the_declared_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(crosswalk_csv())))
    assert [row["event_type"] for row in rows] == [row.event_type for row in CROSSWALK]
