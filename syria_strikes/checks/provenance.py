"""Provenance: seed files match their source rows, and every quote sits at its offsets.

Offsets count Unicode code points in the seed decoded as UTF-8, start inclusive, end exclusive,
so ``text[quote_start:quote_end] == quote``. A seed whose hash does not match is not trusted,
and its quotes are not checked against it: the hash message says what to fix first.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from syria_strikes.problems import Problem

SEEDS_README = "README.md"
STRAIGHTENED = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
# Each lens maps characters that look alike to one of them, one character to one, so offsets found
# through a lens are offsets in the seed. Applied one at a time, they name what differs.
PLAIN_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                           "\u2009\u200a\u202f\u205f\u3000\t", " "))
PLAIN_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
LENSES = (
    (STRAIGHTENED, "its quotation marks or apostrophes (curly vs straight)"),
    (PLAIN_SPACES, "its spaces (a non-breaking or other special space vs a plain one)"),
    (PLAIN_DASHES, "its dashes or hyphens (en dash, em dash, minus vs '-')"),
)


def check_provenance(frames: dict[str, pd.DataFrame], root: Path, seed_paths_readable: bool) -> list[Problem]:
    """``seed_paths_readable`` is False when a seed_path cell was already reported: the check for
    unreferenced seed files is then skipped, since that row cannot vouch for or against a file."""
    if "sources" not in frames:
        return []
    problems, texts = _check_seeds(frames["sources"], root, seed_paths_readable)
    if "claims" in frames:
        problems += check_quotes(frames["claims"], texts)
    return problems


def _check_seeds(sources: pd.DataFrame, root: Path, seed_paths_readable: bool) -> tuple[list[Problem], dict[str, str]]:
    seeds_dir = (root / "seeds").resolve()
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    referenced: set[Path] = set()
    archived = sources[sources["seed_path"].notna()]
    for line, row in archived.iterrows():
        resolved = (root / row["seed_path"]).resolve()
        if not resolved.is_relative_to(seeds_dir) or resolved.parent != seeds_dir:
            problems.append(Problem("sources", int(line), "seed_path", row["seed_path"], "seed_inside",
                                    "points outside seeds/; a seed_path names a file directly inside seeds/"))
            continue
        referenced.add(resolved)
        if not resolved.is_file():
            problems.append(Problem("sources", int(line), "seed_path", row["seed_path"], "seed_present",
                                    "names a seed file that does not exist; restore it from the archive"))
            continue
        data = resolved.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if pd.notna(row["sha256"]) and digest != row["sha256"]:
            problems.append(Problem("sources", int(line), "sha256", row["sha256"], "seed_hash",
                                    f"does not match the file {row['seed_path']}, whose SHA-256 is {digest}; seed "
                                    "files are never edited, so restore the original (its quotes were not checked)"))
            continue
        try:
            texts[row["source_id"]] = data.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem("sources", int(line), "seed_path", row["seed_path"], "seed_utf8",
                                    f"the seed file is not valid UTF-8 at byte {error.start}"))
    if seeds_dir.is_dir() and seed_paths_readable:
        for path in sorted(seeds_dir.iterdir()):
            if path.name != SEEDS_README and path.resolve() not in referenced:
                problems.append(Problem("seeds", None, None, path.name, "seed_referenced",
                                        f"seeds/{path.name} is not the seed_path of any row in data/sources.csv; "
                                        "add a source row for it or remove it"))
    return problems, texts


def check_quotes(claims: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per claim whose quote is not ``texts[source_id][quote_start:quote_end]``.

    ``texts`` holds the decoded seed of each archived source whose file and hash checked out.
    """
    problems: list[Problem] = []
    # Offsets out of order are the quote_offsets row rule's to report, once.
    usable = claims[claims["source_id"].isin(list(texts)) & claims["quote"].notna()
                    & claims["quote_start"].notna() & claims["quote_end"].notna()
                    & (claims["quote_start"] < claims["quote_end"]).fillna(False)]
    columns = (usable.index, usable["source_id"], usable["quote"], usable["quote_start"], usable["quote_end"])
    for line, source_id, quote, start, end in zip(*columns, strict=True):
        text = texts[source_id]
        if text[start:end] == quote:
            continue
        problems.append(Problem("claims", int(line), "quote", quote, "quote_anchored",
                                _mismatch_words(text, quote, int(start), int(end))))
    return problems


def _mismatch_words(text: str, quote: str, start: int, end: int) -> str:
    if end > len(text):
        where = f"the offsets {start}..{end} lie outside the seed, which has {len(text)} characters"
    else:
        where = f"the seed has {text[start:end][:60]!r} at offsets {start}..{end}"
    found = text.find(quote)
    if found >= 0:
        return f"{where}; the quote is found at {found}..{found + len(quote)}: set quote_start and quote_end to those"
    for lens, what in LENSES:
        near = text.translate(lens).find(quote.translate(lens))
        if near >= 0:
            return (f"{where}; the quote differs from the seed in {what}: "
                    f"copy it exactly from offsets {near}..{near + len(quote)}")
    return f"{where}; the quote does not occur in the seed at all: copy it verbatim, character for character"
