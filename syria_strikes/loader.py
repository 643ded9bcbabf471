"""Read the packaged release, typed, offline.

Files are found with importlib.resources inside the functions, never at import time, and each
file is checked against the sha256 in the release's datapackage.json the first time it is read
in a process: a damaged or tampered installation raises ``ReleaseError`` naming the file.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, overload

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from syria_strikes.column_types import TYPE_TABLE, loader_dtype
from syria_strikes.errors import ReleaseError
from syria_strikes.files import DESCRIPTOR, sha256_file
from syria_strikes.metadata import TABLE_NAMES, table

Backend = Literal["pandas", "pyarrow", "polars"]
_verified: set[Path] = set()


def release_dir() -> Path:
    return Path(str(files("syria_strikes") / "release"))


@overload
def load(name: str, *, backend: Literal["pandas"] = "pandas", root: str | Path | None = None) -> pd.DataFrame: ...
@overload
def load(name: str, *, backend: Literal["pyarrow", "polars"], root: str | Path | None = None) -> Any: ...
def load(name: str, *, backend: Backend = "pandas", root: str | Path | None = None) -> Any:
    """One table as a pandas DataFrame (default), a pyarrow Table or a polars DataFrame.

    ``root`` reads another release folder, such as one written by ``syria-strikes build --out``.
    """
    declared = table(name)
    folder = Path(root) if root is not None else release_dir()
    path = folder / f"{declared.name}.parquet"
    verify(path)
    arrow = pq.read_table(path)
    if backend == "pyarrow":
        return arrow
    if backend == "polars":
        import polars

        return polars.from_arrow(arrow)
    if backend != "pandas":
        raise ValueError(f"backend must be 'pandas', 'pyarrow' or 'polars', not {backend!r}")
    return _to_pandas(arrow, name)


def load_all(*, backend: Backend = "pandas", root: str | Path | None = None) -> dict[str, Any]:
    """Every table, by name."""
    return {name: load(name, backend=backend, root=root) for name in TABLE_NAMES}


def event_summary(*, root: str | Path | None = None) -> pd.DataFrame:
    """The derived per-event view (claims, claimants, contested predicates, count ranges).

    See docs/derived-views.md for what "contested" means; one row per event x predicate.
    """
    from syria_strikes.derived import event_summary as summarise

    return summarise(load("claims", root=root), load("events", root=root))


# Arrow types that pandas would otherwise turn into numpy or object columns, mapped to the
# extension dtypes of the type table; ``_to_pandas`` casts whatever else differs.
_EXTENSION_DTYPES = {
    forms.arrow: forms.loader_dtype
    for forms in TYPE_TABLE.values()
    if isinstance(forms.loader_dtype, pd.api.extensions.ExtensionDtype)
}


def _to_pandas(arrow: pa.Table, name: str) -> pd.DataFrame:
    frame: pd.DataFrame = arrow.to_pandas(types_mapper=_EXTENSION_DTYPES.get)
    for column in table(name).columns:
        dtype = loader_dtype(column)
        if frame[column.name].dtype != dtype:
            frame[column.name] = frame[column.name].astype(dtype)
    return frame


def release_descriptor(folder: Path) -> dict[str, Any]:
    """The release's own datapackage.json, or an error that says how to get a release."""
    descriptor_path = folder / DESCRIPTOR
    if not descriptor_path.is_file():
        raise ReleaseError(
            f"no built release at {folder}: in a source checkout run `python -m syria_strikes build`; "
            "otherwise reinstall with `pip install --force-reinstall syria-strikes`"
        )
    descriptor: dict[str, Any] = json.loads(descriptor_path.read_text(encoding="utf-8"))
    return descriptor


def verify(path: Path) -> None:
    """Compare a release file with the bytes and sha256 its datapackage.json records."""
    path = path.resolve()
    if path in _verified:
        return
    resources = release_descriptor(path.parent)["resources"]
    expected = next((r for r in resources if r["path"] == path.name), None)
    if expected is None or not path.is_file():
        raise ReleaseError(f"the release at {path.parent} lacks {path.name}; reinstall syria-strikes")
    digest = "sha256:" + sha256_file(path)
    if digest != expected["hash"]:
        raise ReleaseError(
            f"{path.name} in {path.parent} is damaged or was modified: its checksum is {digest}, the release "
            f"records {expected['hash']}; reinstall with `pip install --force-reinstall syria-strikes`"
        )
    _verified.add(path)
