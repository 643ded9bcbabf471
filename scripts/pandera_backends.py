"""Which pandera backend checks the claims faster here: pandas or polars?

The same declared checks (dtype, required, vocabulary, pattern, length, bounds) built from
syria_strikes/metadata.py for both backends and run lazily over the same claims file, each in a
fresh interpreter, after reading and imports; prints wall and CPU seconds of the validation alone.

Usage: python scripts/pandera_backends.py DATASET_ROOT [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from syria_strikes.metadata import CLAIMS, Column


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _checks(check: type, column: Column) -> list:
    found = []
    if column.vocabulary:
        found.append(check.isin(list(column.vocabulary.codes)))
    if column.pattern:
        found.append(check.str_matches(column.pattern))
    if column.text_limit and column.type in ("string", "list"):
        found.append(check.str_length(max_value=column.text_limit))
    if column.minimum is not None:
        found.append(check.ge(column.minimum))
    return found


def run_pandas(path: Path) -> tuple[float, float]:
    import pandas as pd
    import pandera.pandas as pa

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for column in CLAIMS.columns:
        if column.type == "integer":
            frame[column.name] = frame[column.name].astype("Int64")
    schema = pa.DataFrameSchema(
        {
            column.name: pa.Column(
                "Int64" if column.type == "integer" else str,
                nullable=not column.required,
                checks=_checks(pa.Check, column),
            )
            for column in CLAIMS.columns
        }
    )
    return _timed(lambda: schema.validate(frame, lazy=True))


def run_polars(path: Path) -> tuple[float, float]:
    import pandera.polars as pa
    import polars as pl

    frame = pl.read_csv(path, infer_schema=False)
    frame = frame.with_columns(
        [pl.col(column.name).cast(pl.Int64) for column in CLAIMS.columns if column.type == "integer"]
    )
    schema = pa.DataFrameSchema(
        {
            column.name: pa.Column(
                pl.Int64 if column.type == "integer" else pl.Utf8,
                nullable=not column.required,
                checks=_checks(pa.Check, column),
            )
            for column in CLAIMS.columns
        }
    )
    return _timed(lambda: schema.validate(frame, lazy=True))


def _timed(run) -> tuple[float, float]:
    cpu, start = _cpu(), time.perf_counter()
    run()
    return time.perf_counter() - start, _cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=("pandas", "polars"))
    args = parser.parse_args()
    path = args.root / "data" / "claims.csv"
    if args.child:
        print(json.dumps((run_pandas if args.child == "pandas" else run_polars)(path)))
        return 0
    figures: dict[str, list[tuple[float, float]]] = {"pandas": [], "polars": []}
    for _ in range(args.repeat):
        for backend in figures:
            command = [sys.executable, __file__, str(args.root), "--child", backend]
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            figures[backend].append(tuple(json.loads(output.strip().splitlines()[-1])))
    for backend, runs in figures.items():
        wall = statistics.median(run[0] for run in runs)
        cpu = statistics.median(run[1] for run in runs)
        print(f"pandera {backend} backend: {wall:.2f} s wall, {cpu:.2f} s CPU (medians of {len(runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
