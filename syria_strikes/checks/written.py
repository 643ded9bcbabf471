"""Cells that promise to hold words as a seed writes them, held to the seeds' texts.

A source's ``dateline`` is the dateline as written; it is not anchored at offsets, so a dateline
translated, spelt anew ('Jerusalem' for 'Yerushalayim') or copied from another row passed every
rule of its cell. Each is looked for in its own seed alone, so the work is linear in the seeds.
"""

from __future__ import annotations

import pandas as pd

from syria_strikes.problems import Problem, problem


def check_datelines(sources: pd.DataFrame, texts: dict[str, str]) -> list[Problem]:
    """One problem per archived source whose dateline its seed's text does not hold. A source
    whose seed could not be trusted is the seed rules' to report."""
    judged = sources[(sources["dateline"].notna() & sources["source_id"].isin(list(texts))).to_numpy(dtype=bool)]
    return [
        problem("dateline_written", "sources", int(line), "dateline", dateline, seed_path=seed_path)
        for line, source, dateline, seed_path in zip(
            judged.index, judged["source_id"], judged["dateline"], judged["seed_path"], strict=True
        )
        if str(dateline) not in texts[source]
    ]
