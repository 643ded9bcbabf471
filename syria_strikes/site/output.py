"""Where the site may be written, and writing it all or nothing.

The output folder is replaced as a whole, so a wrong ``--out`` could wipe someone's files. A
folder is accepted only when it is new, empty, or a site this command wrote (it holds the
marker file); the dataset's own folders, the release, the current and home folders and every
folder above them are refused whatever they hold, by the same guard as ``build --out``. The
site is written to a staging folder beside the target and swapped into place as a release is
(``syria_strikes.swap``: one atomic exchange, one writer at a time), so a failed or killed run
leaves the previous site as it was.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from syria_strikes.companions import COMPANION_FILES, DERIVED_FILES
from syria_strikes.errors import ReleaseError
from syria_strikes.files import DESCRIPTOR, release_file_names
from syria_strikes.metadata import TABLES
from syria_strikes.outguard import check_output
from syria_strikes.safefiles import read_file
from syria_strikes.swap import Marker, replacing

MARKER = ".syria-strikes-site"
MARKER_TEXT = "This folder was written by `syria-strikes site`; the command replaces it whole.\n"
# Everything the site writes at its top (a test keeps it equal to what is written). A marked folder
# may also hold pages an older version wrote; anything else (a .git, a CNAME, notes) is not ours.
PAGE_SUFFIXES = (".html", ".js", ".json", ".css")
SITE_ENTRIES = frozenset(
    {
        MARKER,
        "index.html",
        "actors.html",
        "sources.html",
        "search.html",
        "dictionary.html",
        "download.html",
        "search-index.json",
        "search-index.js",
        "style.css",
        "search.js",
    }
)
# The folders of pages and downloads; SITE_ENTRIES lists them beside the files.
SITE_FOLDERS = frozenset({"events", "actors", "sources", "download"})
SITE_ENTRIES |= SITE_FOLDERS
# What download/ holds: the release's files (and its descriptor), the README, dictionary, citation and
# licences that go with them, a zip of them all, and excel/ copies.
DOWNLOADS = release_file_names() | {DESCRIPTOR} | frozenset(COMPANION_FILES) | frozenset(DERIVED_FILES)
EXCEL_COPIES = frozenset(f"{table.name}.csv" for table in TABLES) | frozenset(DERIVED_FILES)
SITE_ZIP = re.compile(r"syria-strikes-[^/]+\.zip")


# The marker lists every file the site wrote, after this line: only those are the site's to replace.
WRITTEN = "Files it wrote:\n"
# A site of a million claims lists some 150,000 files: a few MiB.
MARKER_MOST_BYTES = 1 << 28


def site_marker(paths: Iterable[str]) -> Marker:
    """The marker of a site holding ``paths``: its sentence, and the list of them."""
    return Marker(MARKER, MARKER_TEXT + WRITTEN + "".join(f"{path}\n" for path in sorted(paths)))


def is_site(folder: Path) -> bool:
    """Whether ``folder`` is a site this command wrote: its marker, and nothing but what a site holds."""
    try:
        return (folder / MARKER).is_file() and stray(folder) is None
    except OSError:
        return False


def stray(folder: Path) -> str | None:
    """The first entry at or below the top of ``folder`` that the site there did not write, by its path
    in it: the folder is replaced whole, so a page, stylesheet or zip saved into it would go with it.
    A site lists what it wrote in its marker; one of an older version, without the list, is judged by
    the names a site writes."""
    written = _written(folder)
    if written is not None:
        return _not_written(folder, written)
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if not _site_entry(entry):
            return entry.name
        if entry.name in SITE_FOLDERS:
            inner = _stray_inside(Path(entry.path), entry.name)
            if inner is not None:
                return f"{entry.name}/{inner}"
    return None


def _written(folder: Path) -> frozenset[str] | None:
    """The files the marker says the site wrote; None for the marker of an older version, which lists
    none. A marker that cannot be read, or is neither, lists nothing: every file is then a stray."""
    try:
        text = read_file(folder / MARKER, folder, most=MARKER_MOST_BYTES)[0].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    if text == MARKER_TEXT:
        return None
    if not text.startswith(MARKER_TEXT + WRITTEN):
        return frozenset()
    return frozenset(text[len(MARKER_TEXT + WRITTEN) :].splitlines())


def _not_written(folder: Path, written: frozenset[str]) -> str | None:
    """The first file, link or other entry below ``folder`` that is not one of ``written`` (nor the
    marker), or a folder that holds none of them."""
    folders = {str(PurePosixPath(path).parent) for path in written} - {"."}
    folders |= {str(parent) for path in folders for parent in PurePosixPath(path).parents} - {"."}
    for top, names, files in os.walk(folder, onerror=_unreadable):
        names.sort()
        relative = PurePosixPath(os.path.relpath(top, folder))  # '.' at the top, which joins to nothing
        for name in sorted(names):
            path = str(relative / name)
            if path not in folders or os.path.islink(os.path.join(top, name)):
                return path
        for name in sorted(files):
            path = str(relative / name)
            if path != MARKER and (path not in written or os.path.islink(os.path.join(top, name))):
                return path
    return None


def _unreadable(error: OSError) -> None:
    raise error


def _stray_inside(folder: Path, name: str) -> str | None:
    """In events/, actors/ and sources/, pages; in download/, the release's files, its zip and the
    spreadsheet copies in excel/; each a file, never a link."""
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if name == "download" and entry.name == "excel" and entry.is_dir(follow_symlinks=False):
            inner = next(
                (
                    copy.name
                    for copy in sorted(os.scandir(entry.path), key=lambda copy: copy.name)
                    if copy.name not in EXCEL_COPIES or not copy.is_file(follow_symlinks=False)
                ),
                None,
            )
            if inner is not None:
                return f"excel/{inner}"
            continue
        if name == "download":
            ours = entry.name in DOWNLOADS or SITE_ZIP.fullmatch(entry.name) is not None
        else:
            ours = entry.name.endswith(PAGE_SUFFIXES) and not entry.name.startswith(".")
        if not (ours and entry.is_file(follow_symlinks=False)):
            return entry.name
    return None


def _site_entry(entry: os.DirEntry[str]) -> bool:
    """An entry a site writes: one of its folders as a folder, or one of its files (or a page) as a
    file; never a link, nor a folder that merely bears a page's name."""
    if entry.name in SITE_FOLDERS:
        return entry.is_dir(follow_symlinks=False)
    if entry.name in SITE_ENTRIES:
        return entry.is_file(follow_symlinks=False)
    page = entry.name.endswith(PAGE_SUFFIXES) and not entry.name.startswith(".")
    return page and entry.is_file(follow_symlinks=False)


def check_site_output(out: Path, seeds: Path, release: Path) -> Path:
    """The resolved folder to write, or ``OutRefused`` naming the reason; nothing is touched.

    The guard is the build's (``syria_strikes.outguard``): the dataset (the folder holding
    ``seeds``), its data and seeds, the current and home folders and everything above them are
    refused, and so are the release the site is read from and the seeds folder, whatever its name,
    their insides and the folders above them.
    """
    return check_output(
        out,
        seeds.resolve().parent,
        ours=is_site,
        expected=SITE_ENTRIES,
        strays=stray,
        writer="the site command",
        product="a site `syria-strikes site` wrote",
        kept={release: "the release folder", seeds: "the seeds archive"},
    )


def write_all_or_nothing(
    target: Path, contents: dict[str, bytes], recheck: Callable[[], object] = lambda: None
) -> None:
    """Write ``contents`` (relative path -> bytes) into a staging folder, then swap it in for ``target``;
    ``recheck`` runs again under the lock, as the build's guard does."""
    for relative in contents:
        parts = PurePosixPath(relative).parts
        if not parts or PurePosixPath(relative).is_absolute() or ".." in parts or "\x00" in relative:
            raise ReleaseError(
                f"the release names a page {relative!r} outside the site, or that no file can be (an ID with "
                "'..', a leading '/' or a NUL byte); it is not a release a build wrote"
            )
    with replacing(target, site_marker(contents), recheck, ours=is_site) as staging:
        for relative, data in contents.items():
            path = staging / relative
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except OSError as error:  # a full disk, named by the folder the user gave, not the staging one
                raise OSError(error.errno, error.strerror, str(target / relative)) from None
