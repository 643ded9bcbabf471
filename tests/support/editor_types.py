"""What an editor infers from the package's annotations, checked by ``mypy --strict`` alone.

test_architecture runs mypy over tests/support, so this module costs no second mypy run. It is
never imported: the function below is read by the type checker, never called.
"""

from __future__ import annotations

from typing import assert_type

import pandas as pd
import polars as pl
import pyarrow as pa

import syria_strikes


def _each_backend_gives_its_frame_type() -> None:
    assert_type(syria_strikes.load("claims"), pd.DataFrame)
    assert_type(syria_strikes.load("claims", backend="pyarrow"), pa.Table)
    assert_type(syria_strikes.load("claims", backend="polars"), pl.DataFrame)
    assert_type(syria_strikes.load_all()["events"], pd.DataFrame)
    assert_type(syria_strikes.load_all(backend="polars")["events"], pl.DataFrame)
    # A typo a checker catches: "strikes" is not a TableName. Were it accepted, strict mypy would
    # report this ignore as unused; were it rejected for another reason, the code would differ.
    syria_strikes.load("strikes")  # type: ignore[call-overload]
