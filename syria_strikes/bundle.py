"""`syria-strikes bundle`: one versioned, byte-reproducible zip for people who never touch Python.

The zip holds a release built fresh from ``data/`` (CSV, Parquet, SQLite, the checksummed
``datapackage.json``), the data dictionary, a README stating the coverage in counted numbers
and how to cite, ``CITATION.cff`` and both licences. Its ``excel/`` folder repeats each CSV
with a UTF-8 byte-order mark, which Excel needs to show accents and curly quotes; the
canonical CSVs stay BOM-free and byte-identical to ``data/``.

Same input, same bytes (``syria_strikes.companions``, whose zip the site offers too). An
existing zip of the same name is never replaced: an identical one is reported as current, a
different one is an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from syria_strikes.build import build
from syria_strikes.companions import (
    BUNDLE_PREFIX,
    CompanionError,
    bundle_name,
    in_top_folder,
    repository_files,
    zip_files,
    zipped,
)
from syria_strikes.coverage import coverage_of, coverage_sentence
from syria_strikes.files import DESCRIPTOR, sha256_file, write_beside
from syria_strikes.leftovers import Temporary, remove_leftovers
from syria_strikes.loader import derived_files
from syria_strikes.outguard import MARKER, OutRefused, check_output, enclosing_release
from syria_strikes.paths import dataset_root
from syria_strikes.problems import Problem
from syria_strikes.safefiles import folders_made
from syria_strikes.terminal import escape


class BundleError(Exception):
    """The bundle cannot be written where it was asked for; nothing was written."""


@dataclass(frozen=True)
class Bundle:
    path: Path
    sha256: str
    written: bool  # False when an identical zip was already there


def check_out_dir(out: Path, data_dir: Path) -> Path:
    """Refuse, before anything is built, an output that build's guard refuses (the dataset, its
    data or seeds folder, a folder above it, the root of the file system, the current or home
    folder) or that holds anything but earlier bundles: a zip dropped among curated files, or into
    seeds/, would break the dataset."""
    try:
        return check_output(
            out,
            dataset_root(data_dir),
            ours=holds_only_bundles,
            writer="a bundle",
            product="bundles",
            replaces="writes only into a folder of its own",
            kept={data_dir: "the data folder"},
        )
    except OutRefused as refused:
        raise BundleError(f"{refused}; nothing was touched") from None


BUNDLE_FILE = re.compile(rf"\.?{re.escape(BUNDLE_PREFIX)}.+\.zip(\.[^/]*)?")


def holds_only_bundles(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but regular files named as bundles (and their staging files)."""
    try:
        with os.scandir(folder) as listing:
            return all(BUNDLE_FILE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) for entry in listing)
    except OSError:
        return False


def make_bundle(data_dir: Path, out: Path) -> Bundle | list[Problem]:
    """Validate and build from ``data_dir``, then write the zip into ``out``; problems stop it."""
    out = check_out_dir(out, data_dir)  # where a link leads: a link to a folder not made yet is made there
    root = dataset_root(data_dir)  # beside data/ as named, as seeds/ is: not beside the folder a link leads to
    try:  # read before the build, so that a missing or unreadable citation is said before minutes of work
        repository = repository_files(root)
    except CompanionError as error:
        raise _refused(error) from None
    with tempfile.TemporaryDirectory(
        prefix="syria-strikes-bundle-", dir=_workspace_parent(root, data_dir)
    ) as workspace:
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
        entries = bundle_entries(release, version, repository)
    return write_zip(entries, out / bundle_name(version))


def _workspace_parent(root: Path, data_dir: Path) -> Path:
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
    # data/ and seeds/, and the tables' folder whatever --data-dir names it
    for name, folder in (("data/", root / "data"), ("seeds/", root / "seeds"), (escape(f"{data_dir}/"), data_dir)):
        try:
            inside = parent.resolve().is_relative_to(folder.resolve())
        except (OSError, RuntimeError):
            inside = False
        if inside:
            raise BundleError(
                f"the temporary folder {parent} (TMPDIR) is inside {name}, which holds curated files, and the "
                "bundle builds its release there before zipping it; set TMPDIR to a folder outside the dataset; "
                "nothing was touched"
            )
    return parent


def bundle_entries(release: Path, version: str, repository: dict[str, bytes]) -> dict[str, bytes]:
    """Every file of the zip by its path inside it, all under one top folder; ``repository`` holds
    the citation and licences (``companions.repository_files``)."""
    files = {
        path.name: path.read_bytes()
        for path in sorted(release.iterdir())
        if path.is_file() and path.name != MARKER  # the build's own mark, not part of the data
    }
    covered = coverage_sentence(coverage_of(release))
    return in_top_folder(zip_files(files, derived_files(files, release), version, covered, repository), version)


def _refused(error: CompanionError) -> BundleError:
    """The one line a bundle ends with when the citation or a licence cannot be put in the zip."""
    hint = ": run from the repository root" if error.missing else ""
    return BundleError(f"{error}{hint}; nothing was written")


def write_zip(entries: dict[str, bytes], target: Path) -> Bundle:
    """Write the zip beside ``target`` and move it into place only if no other file is there. The
    temporary zips that bundles killed meanwhile left beside it are removed first."""
    with folders_made(target.parent):  # a bundle that fails leaves no folder it made
        remove_leftovers(target.parent)
        data = zipped(entries)
        digest = hashlib.sha256(data).hexdigest()
        staging = write_beside(target, data, None, 0o644)  # locked until removed: no other run takes it for a leftover
        return _placed(staging, target, digest)


def _placed(staging: Temporary, target: Path, digest: str) -> Bundle:
    """The staged zip moved to ``target``, unless a file is there: the same bundle, or another one."""
    try:
        if target.exists():
            if target.is_file() and sha256_file(target) == digest:
                return Bundle(target, digest, written=False)
            raise BundleError(
                f"{target} already exists and differs from this bundle; it was left as it is: "
                "move it away or pass another --out"
            )
        _move_without_replacing(staging.path, target)
        return Bundle(target, digest, written=True)
    finally:
        staging.path.unlink(missing_ok=True)
        staging.close()


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
