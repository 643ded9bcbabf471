"""Cells that promise to hold words as a seed writes them, held to the seeds' texts.

A source's ``dateline`` is the dateline as written, where a dateline stands; it is not anchored at
offsets, so a dateline translated, spelt anew ('Jerusalem' for 'Yerushalayim'), copied from another
row or taken from a place the story names passed every rule of its cell. Each is looked for in its
own seed alone, so the work is linear in the seeds.
A source's ``language`` is the language its seed is written in: one that reads as English is tagged
so, since the rules that read number words (count_written) judge English documents alone.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.checks.model_rules import ENGLISH
from syria_strikes.problems import Problem, problem
from syria_strikes.text_policy import INVISIBLE_CHARS

# What may stand before a dateline on its line: bullets, brackets and quotation marks ('• DAMASCUS —',
# '(DAMASCUS) —'), and the formatting marks a web page leaves (a right-to-left mark before 'دمشق').
_BEFORE_DATELINE = "•·*▪►\u2013\u2014-([{\"'\u201c\u2018«"
# A dateline set off as wire stories do, wherever it stands on its line: a day and a credit may follow
# it before the dash ('By Suleiman Al-Khalidi BEIRUT, Jan 14 (Reuters) -', '... / BEIRUT (Reuters) -').
_SET_OFF = r"(?!\w)(?:,[^\n.;:!?()]{0,40})?\s*\)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:\s[-:]|[\u2010-\u2015])"


_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARS.replace("\n", "")))


def dateline_stands(dateline: str, text: str) -> bool:
    """Whether ``text`` writes ``dateline`` where a dateline stands: in the archive's header line,
    opening a line ('DAMASCUS, Jan 14 (Reuters) -'), or set off by a credit and a dash as wire stories
    do. A place the story names in its sentences is not its dateline ('Homs' in 'near the city of Homs')."""
    if dateline in text.partition("\n")[0]:
        return True
    visible = text.translate(_INVISIBLE)
    whole = r"(?<!\w)" + re.escape(dateline)
    # Opening its line, a dateline is followed by what sets one off ('DAMASCUS, Jan 14', 'BEIRUT (Reuters)',
    # 'دمشق-سانا'), not by the rest of a sentence ('Iranian officials said', 'Iranian-backed militias').
    opening = re.compile(whole + r"(?=[ \t]*(?:$|[,(:\u2010-\u2015]|-(?![a-z])|[ \t]-))", re.MULTILINE)
    return (
        any(opening.match(line.lstrip().lstrip(_BEFORE_DATELINE).lstrip()) for line in visible.splitlines())
        or re.search(whole + _SET_OFF, visible) is not None
    )


def check_datelines(sources: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per archived source whose dateline its seed does not write where a dateline
    stands. A source whose seed could not be trusted is the seed rules' to report."""
    judged = sources[(sources["dateline"].notna() & sources["source_id"].isin(list(texts))).to_numpy(dtype=bool)]
    return [
        problem("dateline_written", "sources", int(line), "dateline", dateline, seed_path=seed_path)
        for line, source, dateline, seed_path in zip(
            judged.index, judged["source_id"], judged["dateline"], judged["seed_path"], strict=True
        )
        if not dateline_stands(str(dateline), texts[source])
    ]


# Words that make up about a fifth of running English text and are not words of the other languages
# written in Latin script that a document here may be in (French, German, Spanish, Turkish ...).
ENGLISH_FUNCTION_WORDS = r"(?i)\b(?:the|of|and|to|that|said|with|was|were|has|have|by|from|which|its|this)\b"
# The share of a text's words that marks it as English: about 0.2 in English news, under 0.02 in
# German or Dutch, whose 'was' and 'of' are the only words of the list they write.
ENGLISH_SHARE = 0.1


def check_languages(sources: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per archived source tagged with another language than English (or none) whose
    seed reads as English: count_written judges English documents only, so the tag would silently
    switch it off. Only such sources' texts are read, so data in English costs nothing."""
    judged = sources[
        (
            ~sources["language"].str.match(ENGLISH).fillna(False).astype(bool) & sources["source_id"].isin(list(texts))
        ).to_numpy(dtype=bool)
    ]
    if judged.empty:
        return []
    seeds = pa.array([texts[source] for source in judged["source_id"]], pa.large_string())
    words = pc.count_substring_regex(seeds, r"[\pL\pN]+").to_numpy().astype(np.float64)
    english = pc.count_substring_regex(seeds, ENGLISH_FUNCTION_WORDS).to_numpy()
    share = np.divide(english, words, out=np.zeros_like(words), where=words > 0)
    return [
        problem(
            "language_written",
            "sources",
            int(line),
            "language",
            None if pd.isna(language) else str(language),
            language="" if pd.isna(language) else str(language),
            seed_path=seed_path,
            share=float(part),
        )
        for line, language, seed_path, part in zip(
            judged.index, judged["language"], judged["seed_path"], share.tolist(), strict=True
        )
        if part >= ENGLISH_SHARE
    ]
