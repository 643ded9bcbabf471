"""Declared uncovered sentences sit where they say, and every seed's unquoted sentences are declared.

A declared sentence at the wrong offsets is rejected like a misplaced quote. A seed with
sentences that neither a claim quotes nor the table declares is only a warning: a curator may
still be working through it, and the data it has is not wrong, only possibly incomplete.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from syria_strikes.anchoring import locate
from syria_strikes.problems import Problem, problem
from syria_strikes.rules import RuleId
from syria_strikes.seed_coverage import Declared, Span, judge

TABLE = "uncovered_sentences"
# The reason that says the sentence is the line the archive added at the top of the file.
HEADER_REASON = "archive_header"


def check_coverage(
    sources: pd.DataFrame, claims: pd.DataFrame | None, declared: pd.DataFrame | None, texts: dict[str, str]
) -> list[Problem]:
    """Problems with uncovered_sentences rows, and one warning per seed with undeclared unquoted sentences.

    ``texts`` holds the decoded seed of each archived source whose file and hash checked out; with
    no claims or no uncovered_sentences table readable, coverage is not judged (those tables'
    own problems come first)."""
    if claims is None or declared is None:
        return []
    seed_rows = sources[sources["seed_path"].notna()]
    # A source of another kind, not one whose seed_path cell was blanked after its own problem.
    other_kinds = sources[
        sources["seed_path"].isna() & sources["kind"].notna() & (sources["kind"] != "archived_article")
    ]
    problems, rows = _declared_rows(declared, texts, set(other_kinds["source_id"].dropna()))
    spans, unsure = _quote_spans(claims, texts)
    for line, source_id, seed_path in zip(
        seed_rows.index, seed_rows["source_id"].tolist(), seed_rows["seed_path"].tolist(), strict=True
    ):
        if source_id not in texts or source_id in unsure:
            continue
        judged = judge(texts[source_id], spans.get(source_id, []), rows[source_id])
        if judged.missing:
            text = texts[source_id]
            missing = [(start, end, text[start:end]) for start, end in judged.missing]
            problems.append(
                problem(
                    "coverage_declared",
                    "sources",
                    int(line),
                    "seed_path",
                    seed_path,
                    source_id=source_id,
                    missing=missing,
                )
            )
        for row in judged.declared_but_quoted:
            problems.append(_row_warning(row, declared, "declared_unquoted", source_id))
        for row in judged.stray_declarations:
            problems.append(_row_warning(row, declared, "declared_sentence", source_id))
    return problems


def _declared_rows(
    declared: pd.DataFrame, texts: dict[str, str], not_archived: set[str]
) -> tuple[list[Problem], dict[str, list[Declared]]]:
    problems: list[Problem] = []
    rows: dict[str, list[Declared]] = defaultdict(list)
    columns = ["uncovered_id", "source_id", "sentence", "sentence_start", "sentence_end", "reason"]
    for line, uncovered_id, source_id, sentence, start, end, reason in zip(
        declared.index, *(declared[name].tolist() for name in columns), strict=True
    ):
        if any(pd.isna(value) for value in (uncovered_id, source_id, sentence, start, end)):
            continue  # an empty cell was reported by the cell checks
        if source_id in not_archived:
            problems.append(problem("sentence_seed", TABLE, int(line), "source_id", source_id))
            continue
        if source_id not in texts:
            continue  # an unknown source or a seed that failed its own checks is reported there
        text = texts[source_id]
        if text[int(start) : int(end)] != sentence:
            problems.append(
                problem(
                    "sentence_anchored",
                    TABLE,
                    int(line),
                    "sentence",
                    sentence,
                    start=int(start),
                    end=int(end),
                    location=locate(text, sentence),
                )
            )
            continue
        if reason == HEADER_REASON and "\n" in text[: int(end)]:
            problems.append(problem("header_reason", TABLE, int(line), "reason", reason))
        rows[source_id].append(Declared(uncovered_id, int(start), int(end), "" if pd.isna(reason) else reason))
    return problems, rows


def _quote_spans(claims: pd.DataFrame, texts: dict[str, str]) -> tuple[dict[str, list[Span]], set[str]]:
    """The span of each claim's quote by seed, and the seeds not judged: those with a claim whose
    quote is not at its offsets or was blanked by its own problem. What such a claim covers is
    unknown, so its seed's coverage waits for the quote to be mended (quote_anchored's to report):
    counting its offsets advised removing a declared sentence that the misplaced quote overlapped."""
    columns = ["source_id", "quote", "quote_start", "quote_end"]
    spans: dict[str, list[Span]] = defaultdict(list)
    unsure: set[str] = set()
    for source_id, quote, start, end in zip(*(claims[name].tolist() for name in columns), strict=True):
        text = texts.get(source_id) if isinstance(source_id, str) else None
        if text is None:
            continue
        if pd.isna(quote) or pd.isna(start) or pd.isna(end) or text[int(start) : int(end)] != quote:
            unsure.add(source_id)
        else:
            spans[source_id].append((int(start), int(end)))
    return spans, unsure


def _row_warning(row: Declared, declared: pd.DataFrame, rule_id: RuleId, source_id: str) -> Problem:
    line = declared.index[declared["uncovered_id"] == row.uncovered_id][0]
    return problem(rule_id, TABLE, int(line), "uncovered_id", row.uncovered_id, source_id=source_id)
