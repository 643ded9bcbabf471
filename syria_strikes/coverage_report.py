"""`syria-strikes coverage`: each seed's share quoted by claims and its unquoted sentences, as text,
JSON or an HTML page to review in a browser.

It reads the CSV files with the standard library, so it works while the data does not validate
yet: that is when a curator working through a new document needs it.
"""

from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from syria_strikes.anchoring import locate, mismatch_context
from syria_strikes.errors import InputError
from syria_strikes.paths import dataset_root, tables_home
from syria_strikes.problems import Problem, path_namer, problem
from syria_strikes.seed_coverage import Declared, SeedCoverage, Span, seed_coverage
from syria_strikes.seedfiles import (
    ArchivedSeed,
    archived_choices,
    archived_rows,
    read_rows,
    require_columns,
    span_cells,
)
from syria_strikes.seedtrust import archived_seed_text
from syria_strikes.terminal import escape

DECLARED_TABLE = "uncovered_sentences.csv"
VALIDATE = "run `syria-strikes validate` and fix what it reports, then run coverage again"


@dataclass(frozen=True)
class Uncounted:
    """A seed or a claim that coverage cannot count, and the problem that says why, in validate's words."""

    kind: Literal["seed", "claim", "declaration"]
    name: str  # the source_id of a seed, the claim_id of a claim, the uncovered_id of a declaration
    problem: Problem


@dataclass(frozen=True)
class CoverageReport:
    """Coverage of the seeds that could be counted, and what could not be: coverage trusts no offset
    and no seed that validate would not, so "nothing missing" is said only of checked data."""

    seeds: list[SeedCoverage]
    uncounted: list[Uncounted]

    @property
    def missing(self) -> int:
        return sum(len(coverage.missing) for coverage in self.seeds)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.uncounted


def dataset_coverage(data_dir: Path, seed: str | None = None) -> CoverageReport:
    """Coverage of every archived seed, or of the one named by source_id or file. A seed whose bytes
    do not match its sha256 is not counted, nor is a claim whose quote is not at its offsets."""
    root = dataset_root(data_dir)
    archived = seeds = archived_rows(data_dir)
    if seed is not None:
        seeds = [row for row in archived if _names(seed, row.source_id, row.path)]
        if not seeds:
            raise InputError(
                f"{seed}: is neither the source_id nor the seed file of an archived source{archived_choices(archived)}"
            )
    texts, uncounted = _trusted_texts(seeds, root)
    spans = _claim_spans(data_dir, texts, uncounted)
    declared = _declared(data_dir, texts, uncounted)
    coverages = [
        seed_coverage(
            row.source_id,
            row.seed_path,
            texts[row.source_id],
            spans.get(row.source_id, []),
            declared.get(row.source_id, []),
        )
        for row in seeds
        if row.source_id in texts
    ]
    return CoverageReport(coverages, uncounted)


def _names(seed: str, source_id: str, path: Path) -> bool:
    if seed == source_id:
        return True
    try:
        return Path(seed).resolve() == path.resolve()
    except (
        OSError,
        RuntimeError,
        ValueError,
    ):  # a loop of links, a NUL byte: compared as named; the seed check says why
        return Path(seed).absolute() == path.absolute()


def _trusted_texts(seeds: list[ArchivedSeed], root: Path) -> tuple[dict[str, str], list[Uncounted]]:
    """source_id -> text of each seed whose bytes match the sha256 its row records; the others, as problems."""
    texts: dict[str, str] = {}
    uncounted: list[Uncounted] = []
    for row in seeds:
        text = archived_seed_text(root, row.seed_path, row.sha256)
        if isinstance(text, str):
            texts[row.source_id] = text
        else:
            uncounted.append(Uncounted("seed", row.source_id, text.problem(row.line)))
    return texts, uncounted


def _claim_spans(data_dir: Path, texts: dict[str, str], uncounted: list[Uncounted]) -> dict[str, list[Span]]:
    """The quote spans of the claims on trusted seeds whose quote is at its offsets; the other claims
    on those seeds are added to ``uncounted`` (claims on other seeds are the seeds' concern)."""
    path = data_dir / "claims.csv"
    header, rows = read_rows(path, tables_home(data_dir))
    require_columns(path, header, ("claim_id", "source_id", "quote", "quote_start", "quote_end"))
    spans: dict[str, list[Span]] = {}
    for line, row in enumerate(rows, start=2):
        text = texts.get(row["source_id"])
        if text is None:
            continue
        fault = _quote_fault(row, line, text)
        if fault is not None:
            uncounted.append(Uncounted("claim", row["claim_id"], fault))
            continue
        span = span_cells(row["quote_start"], row["quote_end"])
        assert span is not None  # _quote_fault found both cells to be offsets
        spans.setdefault(row["source_id"], []).append(span)
    return spans


def _quote_fault(row: dict[str, str], line: int, text: str) -> Problem | None:
    """Why the claim's quote cannot be counted (as validate words it), or None when it sits at its offsets."""
    for column in ("quote", "quote_start", "quote_end"):
        if not row[column]:
            return problem("required", "claims", line, column, None)
    for column in ("quote_start", "quote_end"):
        if span_cells(row[column], row[column]) is None:
            return problem("type_integer", "claims", line, column, row[column], cell=row[column])
    start, end = span_cells(row["quote_start"], row["quote_end"]) or (0, 0)
    if start >= end:
        return problem("quote_offsets", "claims", line, "quote_end", row["quote_end"], quote_start=start)
    quote = row["quote"]
    if text[start:end] != quote:
        return problem("quote_anchored", "claims", line, "quote", quote, **mismatch_context(text, quote, start, end))
    return None


def _declared(data_dir: Path, texts: dict[str, str], uncounted: list[Uncounted]) -> dict[str, list[Declared]]:
    """The declared uncovered sentences on trusted seeds; one whose sentence is not at its offsets
    is added to ``uncounted`` (validate rejects it as sentence_anchored), not counted."""
    path = data_dir / DECLARED_TABLE
    if not path.exists():
        return {}
    header, rows = read_rows(path, tables_home(data_dir))
    require_columns(path, header, ("uncovered_id", "source_id", "sentence", "sentence_start", "sentence_end", "reason"))
    declared: dict[str, list[Declared]] = {}
    for line, row in enumerate(rows, start=2):
        span = span_cells(row["sentence_start"], row["sentence_end"])
        text = texts.get(row["source_id"])
        if span is None or text is None:
            continue
        sentence = row["sentence"]
        if text[span[0] : span[1]] != sentence:
            fault = problem(
                "sentence_anchored",
                "uncovered_sentences",
                line,
                "sentence",
                sentence,
                start=span[0],
                end=span[1],
                location=locate(text, sentence),
            )
            uncounted.append(Uncounted("declaration", row["uncovered_id"], fault))
            continue
        declared.setdefault(row["source_id"], []).append(Declared(row["uncovered_id"], *span, row["reason"]))
    return declared


def render_text(report: CoverageReport, data_dir: Path) -> str:
    """Each seed, its uncovered sentences, what could not be counted (files named as the user gave
    them), then the verdict."""
    lines = []
    for coverage in report.seeds:
        lines.append(
            f"{coverage.source_id} ({coverage.seed_path}): {coverage.share:.1%} of {coverage.visible_characters} "
            f"visible characters quoted by {coverage.claim_count} claim{'s' if coverage.claim_count != 1 else ''}; "
            f"{len(coverage.sentences)} sentences, {len(coverage.missing)} missing, "
            f"{len(coverage.uncovered) - len(coverage.missing)} declared uncovered"
        )
        for sentence in coverage.uncovered:
            state = "declared " + sentence.declared.reason if sentence.declared else "MISSING"
            lines.append(f"  {state:<24} {sentence.start}..{sentence.end}  {escape(repr(sentence.text))}")
        for row in coverage.stray_declarations:
            lines.append(f"  {'NOT A SENTENCE':<24} {row.start}..{row.end}  {row.uncovered_id} declares no sentence")
    paths = path_namer(data_dir)
    lines.extend(item.problem.to_text(paths) for item in report.uncounted)
    missing, declared_path = report.missing, data_dir / DECLARED_TABLE
    if missing:
        lines.append(
            f"{missing} sentence{'s' if missing != 1 else ''} missing: quote what they assert in claims, or "
            f"declare those that assert nothing in {declared_path} with a reason"
        )
    if report.uncounted:
        lines.append(f"not counted: {_uncounted_names(report.uncounted)} (above); {VALIDATE}")
    elif not missing:
        lines.append(f"nothing missing: every sentence is quoted by a claim or declared in {declared_path}")
    return "\n".join(escape(line) for line in lines)  # a line break in a cell or path is no line of the report


def _uncounted_names(uncounted: list[Uncounted]) -> str:
    """e.g. "seed src-seed-002, claims clm-000-001 and clm-000-004"."""
    groups = []
    for kind in ("seed", "claim", "declaration"):
        names = [escape(item.name) or "(no ID)" for item in uncounted if item.kind == kind]
        if names:
            listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            groups.append(f"{kind}{'s' if len(names) != 1 else ''} {listed}")
    return ", ".join(groups)


def render_json(report: CoverageReport, data_dir: Path) -> str:
    paths = path_namer(data_dir)
    return json.dumps(
        {
            "missing_count": report.missing,
            "not_counted_count": len(report.uncounted),
            "not_counted": [
                {"kind": item.kind, "id": item.name, **item.problem.to_dict(), "path": paths(item.problem.file)}
                for item in report.uncounted
            ],
            "seeds": [
                {
                    "source_id": coverage.source_id,
                    "seed_path": coverage.seed_path,
                    "claims": coverage.claim_count,
                    "share_quoted": round(coverage.share, 6),
                    "covered_characters": coverage.covered_characters,
                    "visible_characters": coverage.visible_characters,
                    "sentences": len(coverage.sentences),
                    "uncovered": [
                        {
                            "start": sentence.start,
                            "end": sentence.end,
                            "sentence": sentence.text,
                            "declared": None
                            if sentence.declared is None
                            else {"uncovered_id": sentence.declared.uncovered_id, "reason": sentence.declared.reason},
                        }
                        for sentence in coverage.uncovered
                    ],
                    "declared_not_a_sentence": [row.uncovered_id for row in coverage.stray_declarations],
                }
                for coverage in report.seeds
            ],
        },
        ensure_ascii=True,
        indent=2,
    )


PAGE_STYLE = """
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.5; }
pre { white-space: pre-wrap; font-family: serif; font-size: 1.1em; border: 1px solid #ccc; padding: 1em; }
.quoted { background: #c8f0c8; }
.missing { text-decoration: underline wavy #c00; background: #fde0e0; }
.declared { color: #777; text-decoration: line-through; }
"""


def render_html(report: CoverageReport, data_dir: Path) -> str:
    """A self-contained page: quoted spans highlighted, missing sentences marked red, declared ones greyed,
    and first what could not be counted."""
    paths = path_namer(data_dir)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>syria-strikes coverage</title>',
        f"<style>{PAGE_STYLE}</style></head><body>",
        "<h1>Coverage of the archived seeds</h1>",
        '<p><span class="quoted">quoted by a claim</span> · <span class="missing">sentence no claim quotes</span>'
        ' · <span class="declared">declared uncovered (hover for the reason)</span></p>',
    ]
    if report.uncounted:
        parts.append(f"<h2>Not counted</h2><p>{html.escape(VALIDATE)}.</p><ul>")
        parts.extend(f"<li>{html.escape(item.problem.to_text(paths))}</li>" for item in report.uncounted)
        parts.append("</ul>")
    for coverage in report.seeds:
        parts.append(f"<h2>{html.escape(coverage.source_id)} <small>{html.escape(coverage.seed_path)}</small></h2>")
        parts.append(
            f"<p>{coverage.share:.1%} of the visible characters quoted by {coverage.claim_count} claims; "
            f"{len(coverage.missing)} of {len(coverage.sentences)} sentences missing.</p>"
        )
        parts.append(f"<pre>{_marked(coverage.text, coverage)}</pre>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _marked(text: str, coverage: SeedCoverage) -> str:
    """The text cut at every boundary of a quoted span or an uncovered sentence, each piece wrapped."""
    sentence_class: dict[Span, tuple[str, str | None]] = {}
    for sentence in coverage.uncovered:
        if sentence.declared is None:
            sentence_class[(sentence.start, sentence.end)] = ('class="missing"', None)
        else:
            sentence_class[(sentence.start, sentence.end)] = ('class="declared"', sentence.declared.reason)
    cuts = sorted(
        {0, len(text), *(p for span in coverage.quoted_spans for p in span), *(p for s in sentence_class for p in s)}
    )
    pieces = []
    for start, end in itertools.pairwise(cuts):
        piece = html.escape(text[start:end])
        if any(a <= start and end <= b for a, b in coverage.quoted_spans):
            piece = f'<span class="quoted">{piece}</span>'
        for (a, b), (attribute, reason) in sentence_class.items():
            if a <= start and end <= b:
                title = f' title="{html.escape(reason)}"' if reason else ""
                piece = f"<span {attribute}{title}>{piece}</span>"
        pieces.append(piece)
    return "".join(pieces)
