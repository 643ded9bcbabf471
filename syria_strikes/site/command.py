"""`syria-strikes site`: check the output folder, then write the site; exit codes as for every command."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from syria_strikes.errors import ReleaseError
from syria_strikes.site.output import UnsafeOutput, check_output

USAGE_ERROR = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--release",
        type=Path,
        default=None,
        metavar="DIR",
        help="release folder (default: the release bundled with the package)",
    )
    parser.add_argument(
        "--seeds",
        type=Path,
        default=Path("seeds"),
        metavar="DIR",
        help="folder of the archived documents the claims quote (default: ./seeds)",
    )
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder to write; replaced whole (e.g. site/)"
    )


def run(args: argparse.Namespace) -> int:
    from syria_strikes.build import default_release_dir

    release = (args.release or default_release_dir()).resolve()
    seeds = args.seeds.resolve()
    if not seeds.is_dir():
        print(
            f"error: no archived documents at {args.seeds}: run from the repository root or pass --seeds DIR",
            file=sys.stderr,
        )
        return USAGE_ERROR
    root = seeds.parent
    protected = {
        "dataset root": root,
        "data folder": root / "data",
        "seeds folder": seeds,
        "release folder": release,
        "current folder": Path.cwd(),
    }
    try:
        out = check_output(args.out, protected)
    except UnsafeOutput as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return USAGE_ERROR
    try:
        import jinja2  # noqa: F401  (only to say what is missing before any work is done)
    except ImportError:
        print("error: the site needs Jinja2: pip install 'syria-strikes[site]'", file=sys.stderr)
        return USAGE_ERROR
    from syria_strikes.site import write_site

    try:
        written = write_site(release, seeds, out)
    except ReleaseError as error:
        print(f"error: {error}; nothing was written", file=sys.stderr)
        return 1
    print(f"wrote {written} files of the site to {out}; open {out / 'index.html'}")
    return 0
