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

from pathlib import Path

from syria_strikes.outguard import check_output
from syria_strikes.swap import Marker, replacing

MARKER = ".syria-strikes-site"
MARKER_TEXT = "This folder was written by `syria-strikes site`; the command replaces it whole.\n"
SITE_MARKER = Marker(MARKER, MARKER_TEXT)


def check_site_output(out: Path, seeds: Path, release: Path) -> Path:
    """The resolved folder to write, or ``OutRefused`` naming the reason; nothing is touched.

    The guard is the build's (``syria_strikes.outguard``): the dataset (the folder holding
    ``seeds``), its data and seeds, the current and home folders and everything above them are
    refused, and so are the release the site is read from, its insides and the folders above it.
    """
    return check_output(
        out,
        seeds.resolve().parent,
        ours=lambda folder: (folder / MARKER).is_file(),
        writer="the site command",
        product="a site `syria-strikes site` wrote",
        kept={release: "the release folder"},
    )


def write_all_or_nothing(target: Path, contents: dict[str, bytes]) -> None:
    """Write ``contents`` (relative path -> bytes) into a staging folder, then swap it in for ``target``."""
    with replacing(target, SITE_MARKER) as staging:
        for relative, data in contents.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
