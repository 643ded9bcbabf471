"""Which folder ``build --out`` (or ``site --out``) may replace: a new one, an empty one, or one this tool wrote.

A build replaces its output folder whole, so a mistyped ``--out`` (``.``, ``seeds``, a home folder)
would destroy whatever it names. Everything but those three cases is refused before anything is
touched, with one sentence that says why. Paths are compared after every link is resolved, so a
link to the dataset is the dataset.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path

from syria_strikes.files import DESCRIPTOR
from syria_strikes.jsonfile import JsonRefused, parse_object
from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES
from syria_strikes.paths import RELEASE_MARKER_FILE, dataset_root
from syria_strikes.safefiles import read_file
from syria_strikes.swap import STAGING, Marker, sibling

MARKER = RELEASE_MARKER_FILE
MARKER_TEXT = "This folder is a release written by `syria-strikes build`; the next build replaces it whole.\n"
RELEASE_MARKER = Marker(MARKER, MARKER_TEXT)
PACKAGE_NAME = "syria-strikes"


class OutRefused(Exception):
    """``--out`` names a folder a build must not replace; the message is the sentence to show."""


def is_release(folder: Path, names: frozenset[str], *, legacy: bool = False) -> bool:
    """Whether ``folder`` holds only a release this tool wrote: its descriptor names the package,
    the build's marker file is there (unless ``legacy``: a release written before the marker
    existed), and nothing else is in it that the swap would throw away: every entry is a file a
    build writes, none a folder or a link that merely bears such a name."""
    try:
        if _release_stray(folder, names | {MARKER, DESCRIPTOR}) is not None:
            return False
        descriptor = parse_object(read_file(folder / DESCRIPTOR, folder, most=DESCRIPTOR_MOST_BYTES)[0])
    except (OSError, JsonRefused):
        return False
    # Every entry is a regular file by now, the marker included when it is there.
    return descriptor.get("name") == PACKAGE_NAME and (legacy or (folder / MARKER).is_file())


def check_out(out: Path, data_dir: Path, names: frozenset[str], *, legacy: bool = False) -> Path:
    """``out`` with links resolved, when a build may write there; OutRefused otherwise."""
    return check_output(
        out,
        dataset_root(data_dir),  # as named: data/ may be a link, and seeds/ sits beside the link
        ours=lambda folder: is_release(folder, names, legacy=legacy),
        writer="a build",
        expected=names | {MARKER, DESCRIPTOR},
        strays=lambda folder: _release_stray(folder, names | {MARKER, DESCRIPTOR}),
        product="a syria-strikes release",
        kept={data_dir: "the data folder"},  # whatever its name: --data-dir tables guards tables/
    )


def _release_stray(folder: Path, expected: frozenset[str]) -> str | None:
    """The first entry that makes ``folder`` no release: a name a build does not write, or a folder or
    link that bears one ('claims.csv' made a folder); None when every entry is a file a build writes."""
    with os.scandir(folder) as listing:
        entries = sorted((entry.name, entry.is_file(follow_symlinks=False)) for entry in listing)
    return next((name for name, is_file in entries if name not in expected or not is_file), None)


def enclosing_release(target: Path) -> Path | None:
    """The folder above ``target`` that a build wrote (it holds the build's mark), if any."""
    for parent in target.parents:
        try:
            if (parent / MARKER).is_file():
                return parent
        except OSError:  # a folder above that cannot be looked into holds no mark we can see
            continue
    return None


def check_output(
    out: Path,
    root: Path,
    *,
    ours: Callable[[Path], bool],
    writer: str,
    product: str,
    kept: Mapping[Path, str] | None = None,
    expected: frozenset[str] = frozenset(),
    strays: Callable[[Path], str | None] | None = None,
    replaces: str = "replaces the whole folder",
) -> Path:
    """``out`` with links resolved, when ``writer`` (a build, the site) may replace it whole:
    a new folder, an empty one, or one ``ours`` recognises; OutRefused otherwise.

    Refused whatever they hold: the root of the file system, the dataset folder ``root``, its
    data and seeds folders (where their links lead) and anything inside them, the current folder,
    the home folder, any folder above the dataset or the current folder, the folders in
    ``kept`` (label by path), their insides and the folders above them, and the insides of a
    release a build wrote. ``strays`` names the entry
    (at any depth) that makes a folder not ``ours``, when the top of it does not show one.
    """
    try:
        here = Path.cwd().resolve()
    except FileNotFoundError:  # every relative path, and the guard of the current folder, start there
        raise OutRefused(
            "the current folder no longer exists (it was removed while the command ran in it); "
            "run the command from an existing folder"
        ) from None
    try:
        target = out.resolve()
        curated = [(root / name).resolve() for name in ("data", "seeds")]
        root = root.resolve()
        home = Path.home().resolve()
        guarded = {path.resolve(): label for path, label in (kept or {}).items()}
    except (OSError, RuntimeError) as error:
        raise OutRefused(f"--out {out} cannot be resolved ({error}); name a folder that can") from None
    _refuse_protected(out, target, root, curated, here, home, guarded, writer)
    release = enclosing_release(target)
    if release is not None:  # the build's, the bundle's and the site's output alike
        raise OutRefused(
            f"--out {out} is inside the release {release}, which the next build there replaces whole "
            "(and refuses while it holds a folder of its own); name a folder outside it"
        )
    _refuse_too_long(out, target, writer)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        # Nothing at the resolved path, yet something may be at ``out``: /dev/stdout leads through
        # /proc to a pipe that has no path of its own.
        if os.path.exists(out) and not os.path.isdir(out):
            raise OutRefused(f"--out {out} is a file, not a folder; name a new folder") from None
        return target
    except OSError as error:
        raise OutRefused(f"--out {out} cannot be examined ({error.strerror}); name another folder") from None
    if not stat.S_ISDIR(status.st_mode):
        raise OutRefused(f"--out {out} is a file, not a folder; name a new folder")
    try:
        with os.scandir(target) as listing:
            empty = next(listing, None) is None
    except OSError as error:
        raise OutRefused(f"--out {out} cannot be listed ({error.strerror}); name another folder") from None
    if not empty and not ours(target):
        found = _stray_or_none(strays, target)
        named = repr(found) if found else _some_names(target, expected)
        raise OutRefused(
            f"--out {out} holds files that are not {product} ({named}), and {writer} "
            f"{replaces}; name a new or empty folder, or one an earlier run wrote"
        )
    return target


def _stray_or_none(strays: Callable[[Path], str | None] | None, folder: Path) -> str | None:
    if strays is None:
        return None
    try:
        return strays(folder)
    except OSError:
        return None


def _refuse_too_long(out: Path, target: Path, writer: str) -> None:
    """The folders a run writes beside ``out`` (``.<name>.staging-<16 hex>``) carry its name and more:
    a name that is legal but leaves them too long would fail only once the data is validated."""
    longest = sibling(target, STAGING, "0" * 16).name
    try:
        most = os.pathconf(target.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        most = 255  # a parent still to be made: the common bound
    if len(os.fsencode(longest)) > most:
        raise OutRefused(
            f"--out {out} has a name too long: {writer} also writes {len(os.fsencode(longest))}-byte names "
            f"beside it (.{target.name[:8]}….{STAGING}-…), and the file system holds at most {most}; "
            "name a shorter folder"
        )


def _some_names(folder: Path, expected: frozenset[str], shown: int = 3) -> str:
    """A few of the entries that make a folder not ours (those a release does not have, when there
    are any), so the user sees what would have been lost."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return "its entries cannot be listed"
    names = [name for name in names if name not in expected] or names
    listed = ", ".join(repr(name) for name in names[:shown])
    return listed + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _refuse_protected(
    out: Path,
    target: Path,
    root: Path,
    curated: list[Path],
    here: Path,
    home: Path,
    kept: dict[Path, str],
    writer: str,
) -> None:
    """``curated``: the data and seeds folders, each where its link (if it is one) leads."""
    data, seeds = curated
    named = {
        Path(target.anchor): "the root of the file system",
        root: "the dataset folder",
        data: "the data folder",
        seeds: "the seeds archive",
        here: "the current folder",
        home: "your home folder",
        **kept,
    }
    if target in named:
        raise OutRefused(f"--out {out} is {named[target]}, which {writer} must never replace; name a new folder")
    aboves = [
        (root, "the dataset"),
        (data, "the data folder"),
        (seeds, "the seeds archive"),
        (here, "the current folder"),
    ]
    for above, what in (*aboves, *kept.items()):
        if above.is_relative_to(target):
            raise OutRefused(f"--out {out} holds {what}, which {writer} must never replace; name a new folder")
    for source, name in ((data, "data"), (seeds, "seeds")):
        if target.is_relative_to(source):
            raise OutRefused(f"--out {out} is inside {name}/, which holds curated files; name a folder outside it")
    for source, what in kept.items():
        if target.is_relative_to(source):
            raise OutRefused(f"--out {out} is inside {what}; name a folder outside it")
