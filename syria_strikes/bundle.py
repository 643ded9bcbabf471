"""`syria-strikes bundle`: one versioned, byte-reproducible zip for people who never touch Python.

The zip holds a release built fresh from ``data/`` (CSV, Parquet, SQLite, the checksummed
``datapackage.json``), the data dictionary, a README stating the coverage in counted numbers
and how to cite, ``CITATION.cff`` and both licences. Its ``excel/`` folder repeats each CSV
with a UTF-8 byte-order mark, which Excel needs to show accents and curly quotes; the
canonical CSVs stay BOM-free and byte-identical to ``data/``.

Same input, same bytes: entries are sorted, stamped 1980-01-01 00:00, mode 0644, deflated at
level 9, with no comment and no extra fields. An existing zip of the same name is never
replaced: an identical one is reported as current, a different one is an error.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from syria_strikes.build import build
from syria_strikes.coverage import coverage_of, coverage_sentence
from syria_strikes.dictionary import data_dictionary
from syria_strikes.files import DESCRIPTOR, sha256_file, spreadsheet_copies
from syria_strikes.metadata import REPOSITORY_URL, TABLES
from syria_strikes.outguard import MARKER, OutRefused, check_output, enclosing_release
from syria_strikes.paths import dataset_root
from syria_strikes.problems import Problem
from syria_strikes.safefiles import FileRefused, read_file

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644
COMPRESSION = zipfile.ZIP_DEFLATED
COMPRESS_LEVEL = 9
REPOSITORY_FILES = ("CITATION.cff", "LICENSE", "LICENSE-DATA")


class BundleError(Exception):
    """The bundle cannot be written where it was asked for; nothing was written."""


@dataclass(frozen=True)
class Bundle:
    path: Path
    sha256: str
    written: bool  # False when an identical zip was already there


def bundle_name(version: str) -> str:
    """The zip's file name; e.g. ``bundle_name("0.1.0") == "syria-strikes-data-0.1.0.zip"``."""
    return f"syria-strikes-data-{version}.zip"


def check_out_dir(out: Path, data_dir: Path) -> Path:
    """Refuse, before anything is built, an output that build's guard refuses (the dataset, its
    data or seeds folder, a folder above it, the root of the file system, the current or home
    folder) or that holds anything but earlier bundles: a zip dropped among curated files, or into
    seeds/, would break the dataset."""
    try:
        check_output(
            out,
            dataset_root(data_dir),
            ours=holds_only_bundles,
            writer="a bundle",
            product="bundles",
            replaces="writes only into a folder of its own",
        )
    except OutRefused as refused:
        raise BundleError(f"{refused}; nothing was touched") from None
    return out


BUNDLE_FILE = re.compile(r"\.?syria-strikes-data-.+\.zip(\.[^/]*)?")


def holds_only_bundles(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but regular files named as bundles (and their staging files)."""
    try:
        with os.scandir(folder) as listing:
            return all(BUNDLE_FILE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) for entry in listing)
    except OSError:
        return False


def make_bundle(data_dir: Path, out: Path) -> Bundle | list[Problem]:
    """Validate and build from ``data_dir``, then write the zip into ``out``; problems stop it."""
    check_out_dir(out, data_dir)
    root = dataset_root(data_dir)  # beside data/ as named, as seeds/ is: not beside the folder a link leads to
    missing = [name for name in REPOSITORY_FILES if not (root / name).is_file()]
    if missing:
        raise BundleError(f"{', '.join(missing)} not found beside {data_dir}: run from the repository root")
    with tempfile.TemporaryDirectory(prefix="syria-strikes-bundle-", dir=_workspace_parent(root)) as workspace:
        release = Path(workspace) / "release"
        try:
            problems = build(data_dir, release)
        except OutRefused as refused:  # whatever else the build's guard finds in TMPDIR: one line, not a traceback
            raise BundleError(
                f"the temporary folder {workspace} (TMPDIR) cannot hold the release the bundle builds ({refused}); "
                "set TMPDIR to another folder; nothing was touched"
            ) from None
        if problems:
            return problems
        version = json.loads((release / DESCRIPTOR).read_text(encoding="utf-8"))["version"]
        entries = bundle_entries(release, root, version)
    return write_zip(entries, out / bundle_name(version))


def _workspace_parent(root: Path) -> Path:
    """The temporary folder (TMPDIR) the release is built in before it is zipped, refused before
    anything is made there when it lies among the curated files or in a release, where a build must
    never write."""
    parent = Path(tempfile.gettempdir())
    try:
        release = enclosing_release(parent.resolve() / "workspace")  # TMPDIR itself, or a folder above it
    except (OSError, RuntimeError, ValueError):
        release = None
    if release is not None:
        raise BundleError(
            f"the temporary folder {parent} (TMPDIR) is inside the release {release}, and the bundle builds its "
            "release there before zipping it, where no build writes; set TMPDIR to a folder outside it; "
            "nothing was touched"
        )
    for name in ("data", "seeds"):
        try:
            inside = parent.resolve().is_relative_to((root / name).resolve())
        except (OSError, RuntimeError):
            inside = False
        if inside:
            raise BundleError(
                f"the temporary folder {parent} (TMPDIR) is inside {name}/, which holds curated files, and the "
                "bundle builds its release there before zipping it; set TMPDIR to a folder outside the dataset; "
                "nothing was touched"
            )
    return parent


def bundle_entries(release: Path, root: Path, version: str) -> dict[str, bytes]:
    """Every file of the zip by its path inside it, all under one top folder."""
    top = f"syria-strikes-data-{version}/"
    entries = {
        top + path.name: path.read_bytes()
        for path in sorted(release.iterdir())
        if path.is_file() and path.name != MARKER  # the build's own mark, not part of the data
    }
    tables = {f"{declared.name}.csv": (release / f"{declared.name}.csv").read_bytes() for declared in TABLES}
    entries.update({top + name: data for name, data in spreadsheet_copies(tables).items()})
    entries[top + "data-dictionary.md"] = data_dictionary().encode("utf-8")
    for name in REPOSITORY_FILES:
        entries[top + name] = _repository_file(root, name)
    citation = entries[top + "CITATION.cff"].decode("utf-8", errors="replace")
    entries[top + "README.md"] = bundle_readme(version, coverage_sentence(coverage_of(release)), citation).encode()
    return entries


def _repository_file(root: Path, name: str) -> bytes:
    """A licence or the citation, read as the dataset's own files are: a link leading out of the
    dataset would put someone else's file into a zip meant for publication."""
    try:
        return read_file(root / name, root)[0]
    except FileNotFoundError:
        raise BundleError(f"{name} not found beside the data folder: run from the repository root") from None
    except FileRefused as refused:
        raise BundleError(f"{root / name}: {refused.words} [rule: {refused.rule}]; nothing was written") from None


def write_zip(entries: dict[str, bytes], target: Path) -> Bundle:
    """Write the zip beside ``target`` and move it into place only if no other file is there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle, staging_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:  # name the file the user asked for, not the temporary one
        raise OSError(error.errno, error.strerror, str(target)) from None
    staging = Path(staging_name)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for name in sorted(entries):
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.create_system = 3  # Unix, so the mode below is read as one
                info.external_attr = FILE_MODE << 16
                archive.writestr(info, entries[name], compress_type=COMPRESSION, compresslevel=COMPRESS_LEVEL)
        digest = sha256_file(staging)
        if target.exists():
            if target.is_file() and sha256_file(target) == digest:
                return Bundle(target, digest, written=False)
            raise BundleError(
                f"{target} already exists and differs from this bundle; it was left as it is: "
                "move it away or pass another --out"
            )
        os.chmod(staging, 0o644)
        _move_without_replacing(staging, target)
        return Bundle(target, digest, written=True)
    finally:
        staging.unlink(missing_ok=True)


def _move_without_replacing(staging: Path, target: Path) -> None:
    """A hard link fails if a file of that name appeared meanwhile; a rename is the fallback where
    the file system has no hard links."""
    appeared = BundleError(f"{target} appeared while the bundle was written; it was left as it is")
    try:
        os.link(staging, target)
    except FileExistsError:
        raise appeared from None
    except OSError:
        if target.exists():
            raise appeared from None
        os.rename(staging, target)


def bundle_readme(version: str, covered: str, citation: str) -> str:
    """The README inside the zip, for readers with a spreadsheet, R or a database browser."""
    title = _cff_field(citation, "title")
    year = _cff_field(citation, "date-released")[:4]
    tables = "\n".join(f"| `{t.name}.csv` | {t.description} |" for t in TABLES)
    return f"""# syria-strikes data {version}

Claims about air and missile strikes in Syria and the events around them, each quoted verbatim
from the archived document it was read in, with who made it and through which reports it came.
Rival accounts stay side by side, one row per claim.

This release holds {covered}

Source and documentation: {REPOSITORY_URL}

## Files

| file | what it holds |
|---|---|
{tables}
| `*.parquet` | the same tables with their types (dates, integers, lists), for DuckDB, R's arrow, Spark, Polars |
| `syria-strikes.sqlite` | every table in one SQLite database, with keys, constraints, search indexes and named views |
| `datasette-metadata.json` | titles and facets for browsing the database with Datasette |
| `events.geojson` | the events for map tools: a point where the site is located, a null geometry otherwise |
| `claims.annotations.jsonld` | every claim as a W3C Web Annotation on its document, for Hypothesis or INCEpTION |
| `excel/*.csv` | the same CSVs with a UTF-8 byte-order mark, so that Excel shows accents and quotes correctly |
| `datapackage.json` | Frictionless descriptor: every column's type and rules, every file's size and SHA-256 |
| `data-dictionary.md` | what every column means and which values it allows |
| `CITATION.cff` | how to cite this version |
| `LICENSE-DATA`, `LICENSE` | CC BY 4.0 for the data; MIT for the code that built it |

The CSVs are UTF-8 without a byte-order mark, comma-separated, one header row; an empty cell
means missing; list cells separate items with `|`. Join tables on their `*_id` columns.

## Open it

- Excel or LibreOffice: open `excel/claims.csv` (or any other table).
- R: `frictionless::read_package("datapackage.json")`, or `readr::read_csv("claims.csv")`.
- SQL: `duckdb -c "SELECT * FROM 'claims.parquet'"` or `sqlite3 syria-strikes.sqlite`.
- Check it: `frictionless validate datapackage.json` (rules and checksums).

## How to cite

Cite the version you used (details in `CITATION.cff`):

> syria-strikes curators ({year}). *{title}* (version {version}) [Data set]. CC BY 4.0. {REPOSITORY_URL}

## Licences

The data is licensed under CC BY 4.0 (`LICENSE-DATA`); the code that built it under MIT
(`LICENSE`). The archived documents the claims quote remain their publishers'.
"""


def _cff_field(citation: str, field: str) -> str:
    """One top-level value of CITATION.cff, so that the README never restates it by hand."""
    match = re.search(rf'^{re.escape(field)}:\s*"?(.*?)"?\s*$', citation, flags=re.MULTILINE)
    if match is None:
        raise BundleError(f"CITATION.cff has no {field!r}")
    return match.group(1)
