"""`syria-strikes coverage`: each seed's share quoted by claims and its unquoted sentences, as text,
JSON or an HTML page to review in a browser.

It reads the CSV files with the standard library, so it works while the data does not validate
yet: that is when a curator working through a new document needs it.
"""

from __future__ import annotations

import html
import itertools
import json
from pathlib import Path

from syria_strikes.errors import InputError
from syria_strikes.paths import dataset_root
from syria_strikes.seed_coverage import Declared, SeedCoverage, Span, seed_coverage
from syria_strikes.seedfiles import archived_seeds, read_rows, read_seed, require_columns, span_cells
from syria_strikes.terminal import escape

DECLARED_TABLE = "uncovered_sentences.csv"


def dataset_coverage(data_dir: Path, seed: str | None = None) -> list[SeedCoverage]:
    """Coverage of every archived seed, or of the one named by source_id or file."""
    seeds = archived_seeds(data_dir)
    if seed is not None:
        seeds = {source_id: path for source_id, path in seeds.items() if _names(seed, source_id, path, data_dir)}
        if not seeds:
            raise InputError(f"{seed}: is neither the source_id nor the seed file of an archived source")
    spans = _claim_spans(data_dir)
    declared = _declared(data_dir)
    return [
        seed_coverage(
            source_id,
            path.relative_to(dataset_root(data_dir)).as_posix(),
            read_seed(path, dataset_root(data_dir)),
            spans.get(source_id, []),
            declared.get(source_id, []),
        )
        for source_id, path in seeds.items()
    ]


def _names(seed: str, source_id: str, path: Path, data_dir: Path) -> bool:
    return seed == source_id or Path(seed).resolve() == path.resolve()


def _claim_spans(data_dir: Path) -> dict[str, list[Span]]:
    path = data_dir / "claims.csv"
    header, rows = read_rows(path, dataset_root(data_dir))
    require_columns(path, header, ("source_id", "quote_start", "quote_end"))
    spans: dict[str, list[Span]] = {}
    for row in rows:
        span = span_cells(row["quote_start"], row["quote_end"])
        if span is not None:
            spans.setdefault(row["source_id"], []).append(span)
    return spans


def _declared(data_dir: Path) -> dict[str, list[Declared]]:
    path = data_dir / DECLARED_TABLE
    if not path.exists():
        return {}
    header, rows = read_rows(path, dataset_root(data_dir))
    require_columns(path, header, ("uncovered_id", "source_id", "sentence_start", "sentence_end", "reason"))
    declared: dict[str, list[Declared]] = {}
    for row in rows:
        span = span_cells(row["sentence_start"], row["sentence_end"])
        if span is not None:
            declared.setdefault(row["source_id"], []).append(Declared(row["uncovered_id"], *span, row["reason"]))
    return declared


def render_text(coverages: list[SeedCoverage], declared_path: Path) -> str:
    lines = []
    for coverage in coverages:
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
    missing = sum(len(coverage.missing) for coverage in coverages)
    if missing:
        lines.append(
            f"{missing} sentence{'s' if missing != 1 else ''} missing: quote what they assert in claims, or "
            f"declare those that assert nothing in {declared_path} with a reason"
        )
    else:
        lines.append(f"nothing missing: every sentence is quoted by a claim or declared in {declared_path}")
    return "\n".join(lines)


def render_json(coverages: list[SeedCoverage]) -> str:
    return json.dumps(
        {
            "missing_count": sum(len(coverage.missing) for coverage in coverages),
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
                for coverage in coverages
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


def render_html(coverages: list[SeedCoverage]) -> str:
    """A self-contained page: quoted spans highlighted, missing sentences marked red, declared ones greyed."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>syria-strikes coverage</title>',
        f"<style>{PAGE_STYLE}</style></head><body>",
        "<h1>Coverage of the archived seeds</h1>",
        '<p><span class="quoted">quoted by a claim</span> · <span class="missing">sentence no claim quotes</span>'
        ' · <span class="declared">declared uncovered (hover for the reason)</span></p>',
    ]
    for coverage in coverages:
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
