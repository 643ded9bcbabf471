"""Where the site may be written, and writing it all or nothing.

The output folder is replaced as a whole, so a wrong ``--out`` could wipe someone's files. A
folder is accepted only when it is new, empty, or a site this command wrote (it holds the
marker file); the dataset's own folders, the current folder and every folder above them are
refused whatever they hold. The site is written to a staging folder beside the target and
swapped into place as a release is (``syria_strikes.swap``: one atomic exchange, one writer at a
time), so a failed or killed run leaves the previous site as it was.
"""

from __future__ import annotations

from pathlib import Path

from syria_strikes.swap import Marker, replacing

MARKER = ".syria-strikes-site"
MARKER_TEXT = "This folder was written by `syria-strikes site`; the command replaces it whole.\n"
SITE_MARKER = Marker(MARKER, MARKER_TEXT)


class UnsafeOutput(ValueError):
    """The output folder is one the site must not replace; the message is one sentence saying why."""


def check_output(out: Path, protected: dict[str, Path]) -> Path:
    """The resolved folder to write, or ``UnsafeOutput`` naming the reason; nothing is touched.

    ``protected`` names folders (dataset root, data, seeds, release, current folder) that may be
    neither the output, nor inside it, nor contain it.
    """
    target = out.expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise UnsafeOutput(f"--out {out} is a file, not a folder; choose a folder such as site/")
    if target == Path(target.anchor):
        raise UnsafeOutput(f"--out {out} is the root of the file system; choose a folder such as site/")
    for label, folder in protected.items():
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise UnsafeOutput(f"--out {out} is or holds the {label} ({folder}), which the site must not replace")
        if label != "current folder" and label != "dataset root" and target.is_relative_to(folder):
            raise UnsafeOutput(f"--out {out} lies inside the {label} ({folder}); choose a folder outside it")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise UnsafeOutput(
            f"--out {out} is a non-empty folder that `syria-strikes site` did not write (it has no {MARKER}); "
            "choose a new or empty folder"
        )
    return target


def write_all_or_nothing(target: Path, contents: dict[str, bytes]) -> None:
    """Write ``contents`` (relative path -> bytes) into a staging folder, then swap it in for ``target``."""
    with replacing(target, SITE_MARKER) as staging:
        for relative, data in contents.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
