"""Declared uncovered sentences sit where they say, and every seed's unquoted sentences are declared.

A declared sentence at the wrong offsets is rejected like a misplaced quote. A seed with
sentences that neither a claim quotes nor the table declares is only a warning: a curator may
still be working through it, and the data it has is not wrong, only possibly incomplete.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from syria_strikes.anchoring import locate
from syria_strikes.coverage import Declared, Span, judge
from syria_strikes.problems import Problem
from syria_strikes.rules import RuleId

TABLE = "uncovered_sentences"
LISTED_SENTENCES = 3


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
    spans = _quote_spans(claims)
    for line, source_id, seed_path in zip(
        seed_rows.index, seed_rows["source_id"].tolist(), seed_rows["seed_path"].tolist(), strict=True
    ):
        if source_id not in texts:
            continue
        judged = judge(texts[source_id], spans.get(source_id, []), rows[source_id])
        if judged.missing:
            problems.append(_undeclared_warning(int(line), seed_path, source_id, texts[source_id], judged.missing))
        for row in judged.declared_but_quoted:
            problems.append(
                _row_warning(
                    row,
                    declared,
                    "declared_unquoted",
                    "a claim quotes this sentence, so it is not uncovered: remove the row",
                )
            )
        for row in judged.stray_declarations:
            problems.append(
                _row_warning(
                    row,
                    declared,
                    "declared_sentence",
                    "the span is not one sentence by the rule in syria_strikes/sentences.py, so it declares "
                    f"nothing: use the offsets `syria-strikes coverage {source_id}` prints",
                )
            )
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
            problems.append(
                Problem(
                    TABLE,
                    int(line),
                    "source_id",
                    source_id,
                    "sentence_seed",
                    "names a source with no seed_path; uncovered sentences belong to archived documents",
                )
            )
            continue
        if source_id not in texts:
            continue  # an unknown source or a seed that failed its own checks is reported there
        text = texts[source_id]
        if text[int(start) : int(end)] != sentence:
            location = locate(text, sentence)
            hint = ": set sentence_start and sentence_end to those" if location.unique else ""
            problems.append(
                Problem(
                    TABLE,
                    int(line),
                    "sentence",
                    sentence,
                    "sentence_anchored",
                    f"the seed does not have this sentence at offsets {int(start)}..{int(end)}; "
                    f"the sentence is {location.describe()}{hint}",
                )
            )
            continue
        rows[source_id].append(Declared(uncovered_id, int(start), int(end), "" if pd.isna(reason) else reason))
    return problems, rows


def _quote_spans(claims: pd.DataFrame) -> dict[str, list[Span]]:
    usable = claims[["source_id", "quote_start", "quote_end"]].dropna()
    spans: dict[str, list[Span]] = defaultdict(list)
    for source_id, start, end in zip(*(usable[name].tolist() for name in usable.columns), strict=True):
        spans[source_id].append((int(start), int(end)))
    return spans


def _undeclared_warning(line: int, seed_path: str, source_id: str, text: str, missing: tuple[Span, ...]) -> Problem:
    listed = "; ".join(f"{start}..{end} {text[start:end][:60]!r}" for start, end in missing[:LISTED_SENTENCES])
    more = f"; and {len(missing) - LISTED_SENTENCES} more" if len(missing) > LISTED_SENTENCES else ""
    count = f"{len(missing)} sentence{'s' if len(missing) != 1 else ''}"
    return Problem(
        "sources",
        line,
        "seed_path",
        seed_path,
        "coverage_declared",
        f"{count} of this seed no claim quotes and data/{TABLE}.csv does not declare ({listed}{more}): "
        f"quote them in claims, or declare those that assert nothing; see `syria-strikes coverage {source_id}`",
    )


def _row_warning(row: Declared, declared: pd.DataFrame, rule: RuleId, message: str) -> Problem:
    line = declared.index[declared["uncovered_id"] == row.uncovered_id][0]
    return Problem(TABLE, int(line), "uncovered_id", row.uncovered_id, rule, message)
