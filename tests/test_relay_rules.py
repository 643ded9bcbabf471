"""relay_cited and relay_order on small frames: a chain is what its document says, in the order it says it."""

from __future__ import annotations

from syria_strikes.checks import model_rules
from syria_strikes.problems import Problem
from tests.support.frames import typed_frame

# The seed cites the wire, which cites the ministry; the blog cites a source no row describes.
SOURCES = [
    {"source_id": "src-seed", "cites_source_ids": "src-wire"},
    {"source_id": "src-wire", "cites_source_ids": "src-ministry"},
    {"source_id": "src-ministry"},
    {"source_id": "src-other"},
    {"source_id": "src-blog", "cites_source_ids": "src-unknown|src-wire"},
]


def _judged(rule: str, chains: list[tuple[str | None, str]]) -> list[tuple[int, str | None]]:
    """(line, report) of each problem of ``rule`` over claims with these (document, relayed_via)."""
    claims = [{"claim_id": f"clm-{at}", "source_id": doc, "relayed_via": via} for at, (doc, via) in enumerate(chains)]
    frames = {"sources": typed_frame("sources", SOURCES), "claims": typed_frame("claims", claims)}
    judge = {"relay_cited": model_rules._relays_cited, "relay_order": model_rules._relays_in_order}[rule]
    found: list[Problem] = judge(frames)
    return [(problem.row or 0, problem.value) for problem in found]


def test_a_chain_names_only_reports_its_document_cites_directly_or_through_another() -> None:
    chains = [
        ("src-seed", "src-ministry|src-wire"),  # line 2: both cited (the ministry through the wire)
        ("src-seed", "src-other"),  # line 3: not cited
        ("src-blog", "src-other"),  # line 4: the blog's citations name an unknown source: not judged
        (None, "src-other"),  # line 5: no document: foreign_key's or required's
        ("src-seed", "src-missing|src-other"),  # line 6: a report that is no row is not judged; the other is
    ]
    assert _judged("relay_cited", chains) == [(3, "src-other"), (6, "src-other")]


def test_each_report_relays_the_one_before_it() -> None:
    chains = [
        ("src-seed", "src-ministry|src-wire"),  # line 2: the wire cites the ministry
        ("src-seed", "src-wire|src-ministry"),  # line 3: reversed
        ("src-seed", "src-other|src-wire"),  # line 4: the wire does not cite src-other
        ("src-blog", "src-ministry|src-blog"),  # line 5: the blog cites an unknown source: not judged
        ("src-seed", "src-missing|src-wire"),  # line 6: a report that is no row is not judged
    ]
    assert _judged("relay_order", chains) == [(3, "src-ministry"), (4, "src-wire")]


def test_a_claim_in_its_documents_own_voice_passed_through_no_report() -> None:
    """own_voice_chain: the publisher's own claim has an empty chain; another claimant's may have one;
    an unknown publisher or claimant is foreign_key's to report, not judged here."""
    sources = [
        {"source_id": "src-seed", "publisher_actor_id": "act-paper", "cites_source_ids": "src-wire|src-earlier"},
        {"source_id": "src-wire", "publisher_actor_id": "act-wire"},
        {"source_id": "src-earlier", "publisher_actor_id": "act-paper"},  # the paper's own earlier report
        {"source_id": "src-unsigned"},  # a report whose publisher is not known
        {"source_id": "src-odd", "publisher_actor_id": "act-nobody"},
    ]
    actors = [{"actor_id": "act-paper"}, {"actor_id": "act-wire"}, {"actor_id": "act-army"}]
    claims = [
        ("act-paper", "src-seed", "src-wire"),  # line 2: the paper's own voice, with a chain
        ("act-paper", "src-seed", None),  # line 3: the paper's own voice, no chain
        ("act-army", "src-seed", "src-wire"),  # line 4: the army, quoted by the wire
        ("act-nobody", "src-odd", "src-wire"),  # line 5: a publisher that is no actor: not judged
        ("act-paper", "src-seed", "src-earlier"),  # line 6: 'as we reported on Friday'
        ("act-paper", "src-seed", "src-unsigned"),  # line 7: whose report is not known: not judged
        ("act-paper", "src-seed", "src-earlier|src-wire"),  # line 8: another outlet further on
    ]
    rows = [
        {"claim_id": f"clm-{at}", "claimant_actor_id": claimant, "source_id": source, "relayed_via": via}
        for at, (claimant, source, via) in enumerate(claims)
    ]
    frames = {
        "sources": typed_frame("sources", sources),
        "actors": typed_frame("actors", actors),
        "claims": typed_frame("claims", rows),
    }
    found = model_rules._own_voice_chain(frames)
    assert [(p.row, p.column, p.value) for p in found] == [
        (2, "relayed_via", "src-wire"),
        (8, "relayed_via", "src-earlier|src-wire"),
    ]
    assert found[1].message.startswith("the claimant act-paper publishes src-seed, so the claim is in the document's")
    assert "relayed_via names src-wire, a report by act-wire" in found[1].message
