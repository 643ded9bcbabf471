"""`syria-strikes site`: check the output folder, then write the site; exit codes as for every command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from syria_strikes.arguments import path_argument
from syria_strikes.extras import MissingExtra, require
from syria_strikes.terminal import escape

USAGE_ERROR = 2
SYSTEM_ERROR = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--release",
        type=path_argument,
        default=None,
        metavar="DIR",
        help="release folder (default: the release bundled with the package)",
    )
    parser.add_argument(
        "--seeds",
        type=path_argument,
        default=Path("seeds"),
        metavar="DIR",
        help="folder of the archived documents the claims quote; the CITATION.cff, LICENSE and LICENSE-DATA "
        "beside it go into the download zip (default: ./seeds)",
    )
    parser.add_argument(
        "--out", type=path_argument, required=True, metavar="DIR", help="folder to write; replaced whole (e.g. site/)"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here: every command's parser lists this one, and most never write a site.
    from syria_strikes.errors import ReleaseError
    from syria_strikes.loader import release_dir  # not the build's: the site needs no curator tools
    from syria_strikes.outguard import OutRefused
    from syria_strikes.site.output import check_site_output
    from syria_strikes.swap import OutputBusy

    try:
        release = (args.release or release_dir()).resolve()
        # The last name as given, links above it followed: the citation and licences are read beside
        # the seeds folder the user named, not beside the one a link to it leads to.
        given: Path = args.seeds
        followed = given.resolve()  # a loop of links is refused here
        seeds = followed if given.name in ("", ".", "..") else given.parent.resolve() / given.name
    except (OSError, RuntimeError) as error:  # a loop of links
        _complain(f"--release or --seeds cannot be followed ({error}); name a real folder")
        return USAGE_ERROR
    if not seeds.is_dir():
        from syria_strikes.metadata import REPOSITORY_URL

        _complain(
            f"no archived documents at {args.seeds}: run from the root of a clone of {REPOSITORY_URL} "
            "(the installed package holds no seeds/) or pass --seeds DIR"
        )
        return USAGE_ERROR
    try:
        out = check_site_output(args.out, seeds, release)
    except OutRefused as refusal:
        _complain(f"{refusal}; nothing was touched")
        return USAGE_ERROR
    try:  # said before any work is done
        require("site", "`syria-strikes site`")
    except MissingExtra as missing:
        _complain(str(missing))
        return USAGE_ERROR
    from syria_strikes.site import write_site

    try:
        written = write_site(release, seeds, out)
    except ReleaseError as error:
        _complain(f"{error}; nothing was written")
        return 1
    except OutRefused as refusal:  # the output changed between the check and the lock
        _complain(f"{refusal}; nothing was touched")
        return USAGE_ERROR
    except OutputBusy as busy:  # another site or build is writing the same --out
        _complain(str(busy))
        return SYSTEM_ERROR
    print(escape(f"wrote {written} files of the site to {out}; open {out / 'index.html'}"))
    return 0


def _complain(sentence: str) -> None:
    """One line on stderr, escaped like every other output of the command."""
    print(f"error: {escape(sentence)}", file=sys.stderr)
