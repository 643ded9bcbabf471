"""Put a finished folder in place in one atomic step, one writer at a time: build and site alike.

A command writes into a staging folder beside its output and then exchanges the two folders with
``renameat2(RENAME_EXCHANGE)``: at every instant the output is the old folder or the new one,
complete. Where the platform cannot exchange folders, the output becomes a symbolic link to a
folder beside it, and the link is replaced in one rename. A lock file beside the output keeps a
second run from writing the same output at the same time, and the staging and retired folders
that a killed run leaves behind are removed by the next one. A ``Marker`` file names each
folder as the command's own, so a clean-up never removes a folder it did not make.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from syria_strikes.terminal import escape

AT_FDCWD = -100
RENAME_EXCHANGE = 2
UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}
STAGING, RETIRED, KEPT = "staging", "retired", "release"
# What a lock file this tool made holds: a run that finds it left by a killed run may remove it, and
# a file of that name holding anything else (the user's) is never removed.
LOCK_TEXT = b"syria-strikes: the lock of one run writing the folder beside this file\n"
# The token of a run's sibling folder: 16 lowercase hex digits, and nothing else is one.
TOKEN_BYTES = 8
TOKEN = re.compile(f"[0-9a-f]{{{2 * TOKEN_BYTES}}}")


@dataclass(frozen=True)
class Marker:
    """The file a command leaves in every folder it writes, and the sentence it holds."""

    name: str
    text: str


class OutputBusy(Exception):
    """Another run holds the lock for this output; the message is the sentence to show."""


def sibling(out: Path, kind: str, token: str = "") -> Path:
    """A hidden folder beside ``out`` that belongs to its writers: ``.release.staging-3f2a…``."""
    return out.with_name(f".{out.name}.{kind}-{token}")


def _sibling_of(out: Path, name: str, kinds: tuple[str, ...]) -> bool:
    """Whether ``name`` is one of ``out``'s hidden siblings of these kinds: its token is exactly what
    ``new_token`` makes, so a folder a user named alike (``.release.retired-2024backup``, a copy kept
    by hand) is never taken for a run's and removed or moved."""
    for kind in kinds:
        prefix = sibling(out, kind).name
        if name.startswith(prefix) and TOKEN.fullmatch(name[len(prefix) :]):
            return True
    return False


def new_token() -> str:
    return secrets.token_hex(TOKEN_BYTES)


@contextmanager
def replacing(
    out: Path,
    marker: Marker,
    recheck: Callable[[], object] = lambda: None,
    ours: Callable[[Path], bool] = lambda folder: True,
) -> Iterator[Path]:
    """Yield an empty, marked staging folder; when the block ends normally, swap it in for ``out``.

    Under the lock, ``recheck`` runs first (the output may have changed since it was checked),
    then the leftovers of killed runs are recovered or removed. If the block raises, the staging
    folder is removed and ``out`` is as it was. The folder swapped out is removed only when it is
    still empty or ``ours`` (what ``recheck`` accepted): files saved into it while the run wrote
    are the user's, and it is left, with a warning, instead.
    """
    place = operated_path(out)
    place.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(place):
        recheck()
        recover(place, marker)
        clean_leftovers(place, marker)
        staging = new_staging(place, marker, like=place)
        old: Path | None = None
        swapped = False
        try:
            yield staging
            _give_mode_of_an_empty_folder(place, staging)
            old = put_in_place(staging, place)
            swapped = True
        finally:
            if not swapped and os.path.lexists(staging):
                # A staging folder that cannot be removed is a run's leftover, removed next time; the
                # error that stopped the run is the one to report.
                with contextlib.suppress(OSError):
                    remove_folder(staging, marker)
        # Swapped: from here an interruption leaves the folder swapped out as it is, never removed.
        _after_the_swap(old, marker, place, ours)


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``.<out>.lock`` beside ``out``; OutputBusy when another run holds it."""
    import fcntl

    path = out.with_name(f".{out.name}.lock")
    while True:
        descriptor, ours = _open_lock_file(path, out)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            raise OutputBusy(
                f"another syria-strikes command is writing {out} right now; wait for it to finish and run again"
            ) from None
        except BaseException:
            os.close(descriptor)
            raise
        # The holder before us removes the file as it lets go: a lock on a file no longer at the path
        # guards nothing, so open the path afresh.
        if _same_file(descriptor, path):
            break
        os.close(descriptor)
    # A lock file a killed run of this tool made says so; it is ours to remove once we hold it.
    ours = ours or os.pread(descriptor, len(LOCK_TEXT) + 1, 0) == LOCK_TEXT
    try:
        yield
    finally:
        # A lock file this run made is removed while still held, so the folder is left as it was
        # found; a run waiting on it sees it gone and opens a new one (above). A file that was there
        # before (an older version's lock file, or the user's) is left.
        if ours:
            with contextlib.suppress(OSError):
                os.unlink(path)
        os.close(descriptor)


def _open_lock_file(path: Path, out: Path) -> tuple[int, bool]:
    """The lock file's descriptor, and whether this run created it (and wrote LOCK_TEXT in it)."""
    flags = os.O_RDWR | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    while True:
        try:
            descriptor = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            pass
        else:
            try:
                os.write(descriptor, LOCK_TEXT)
            except BaseException:
                os.close(descriptor)
                with contextlib.suppress(OSError):
                    os.unlink(path)
                raise
            return descriptor, True
        try:
            descriptor = os.open(path, flags | os.O_NONBLOCK)
        except FileNotFoundError:  # removed between the two opens by the run that held it: again
            continue
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                raise _not_a_lock_file(path, out) from None
            raise
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a named pipe or a device
            os.close(descriptor)
            raise _not_a_lock_file(path, out)
        return descriptor, False


def _not_a_lock_file(path: Path, out: Path) -> OutputBusy:
    return OutputBusy(
        f"{escape(str(path))} stands where the lock of {escape(str(out))} goes and is not a file (a link, a folder "
        "or a pipe); move it away and run again"
    )


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        at_path = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (at_path.st_dev, at_path.st_ino) == (held.st_dev, held.st_ino)


def new_staging(out: Path, marker: Marker, like: Path | None = None) -> Path:
    """An empty staging folder beside ``out``, marked at once so a clean-up can recognise it; it takes
    the owner, group and extended attributes of ``like`` when that is an empty folder (the user's)."""
    staging = sibling(out, STAGING, new_token())
    staging.mkdir(mode=0o755)
    staging.chmod(0o755)  # whatever the umask: the published folder is readable by all
    if like is not None:
        with contextlib.suppress(OSError):  # a courtesy to the user's folder, not a condition of the run
            _take_attributes_of_an_empty_folder(like, staging)
    (staging / marker.name).write_text(marker.text, encoding="utf-8")
    return staging


def operated_path(out: Path) -> Path:
    """The path a run swaps: ``out`` itself when it is this tool's link-mode link, else ``out``
    with every link resolved, so a user's own link keeps pointing at the new folder."""
    here = out.parent.resolve() / out.name
    return here if _link_target(here) is not None else out.resolve()


def clean_leftovers(out: Path, marker: Marker) -> list[Path]:
    """Remove the staging and retired folders of runs that were killed, and in link mode the
    folders the link no longer names. Only hidden folders named after ``out`` and holding the
    marker (or nothing, if killed before it was written) are touched."""
    current = _link_target(out)
    removed = []
    kinds = (STAGING, RETIRED, KEPT, "link")
    with os.scandir(out.parent) as listing:
        entries = sorted((entry for entry in listing if _sibling_of(out, entry.name, kinds)), key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        if (
            entry.is_symlink()
            and _sibling_of(out, entry.name, ("link",))
            and _sibling_of(out, os.readlink(path), (KEPT,))
        ):
            path.unlink()  # a link made for a flip that never happened: it names a release folder beside it
            removed.append(path)
        elif (
            path != current
            and entry.is_dir(follow_symlinks=False)
            and _ours(path, marker)
            and _removed_or_told(path, marker, out, "a folder an earlier run left")
        ):
            removed.append(path)
    return removed


def _removed_or_told(folder: Path, marker: Marker, out: Path, what: str = "") -> bool:
    """Remove a folder a run left or replaced; when the system refuses (a folder made read-only), say
    where what is left of it stays instead of failing a run whose new output is, or will be, complete."""
    what = what or f"the {out.name} replaced"
    try:
        if not any(os.scandir(folder)):  # an empty folder (a user's --out) needs no marker to go
            folder.rmdir()
            return True
        if not (folder / marker.name).is_file():
            (folder / marker.name).write_text(marker.text, encoding="utf-8")
        remove_folder(folder, marker)
        return True
    except OSError as error:
        reason = error.strerror or str(error)
        _warn(f"{what} could not be removed entirely ({reason}); what is left of it is in {escape(str(folder))}")
        return False


def _warn(sentence: str, advice: str = "remove it yourself") -> None:
    print(f"warning: {sentence}: {advice}", file=sys.stderr)


def _ours(folder: Path, marker: Marker) -> bool:
    """A folder a run made: it holds the marker, or nothing (killed before the marker was written)."""
    return (folder / marker.name).is_file() or not any(folder.iterdir())


def remove_folder(folder: Path, marker: Marker) -> None:
    """Delete an output or staging folder, its marker last, so a removal cut short still leaves a
    folder the next clean-up recognises."""
    for path in folder.iterdir():
        if path.name == marker.name:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    (folder / marker.name).unlink(missing_ok=True)
    folder.rmdir()


def _link_target(out: Path) -> Path | None:
    """The folder ``out`` links to when it is this tool's link-mode link, else None."""
    if not out.is_symlink():
        return None
    target = os.readlink(out)
    if os.sep in target or not _sibling_of(out, target, (KEPT,)):
        return None
    return out.parent / target


def _renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without renameat2 (glibc before 2.28, musl before 1.2.3)
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders' names in one step; False where the platform or file system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_into_place(
    staging: Path, out: Path, marker: Marker, ours: Callable[[Path], bool] = lambda folder: True
) -> None:
    """Make the complete folder in ``staging`` appear at ``out`` in one atomic step, and remove the
    folder it replaced unless that changed since it was judged (``ours``)."""
    _after_the_swap(put_in_place(staging, out), marker, out, ours)


def _after_the_swap(old: Path | None, marker: Marker, out: Path, ours: Callable[[Path], bool]) -> None:
    """Remove the folder swapped out, unless it changed since it was judged, and make the swap durable."""
    if old is not None:
        _removed_unless_changed(old, marker, out, ours)
    _sync(out.parent)


def put_in_place(staging: Path, out: Path) -> Path | None:
    """Make the complete folder in ``staging`` appear at ``out`` in one atomic step; the path that
    now holds the folder it replaced, if any."""
    _sync_tree(staging)
    if not os.path.lexists(out):
        os.rename(staging, out)
        return None
    if _link_target(out) is None and exchange(staging, out):
        return staging  # it now holds the old folder
    return _flip_link(staging, out)


def _removed_unless_changed(folder: Path, marker: Marker, out: Path, ours: Callable[[Path], bool]) -> bool:
    """Remove the folder swapped out, unless files were saved into it while the run wrote (it was
    judged before): those are the user's, so the folder stays, and the run says where."""
    try:
        replaceable = not any(entry.name != marker.name for entry in os.scandir(folder)) or ours(folder)
    except OSError:
        replaceable = False
    if not replaceable:
        # Without the marker it is no run's leftover: no later run removes it.
        with contextlib.suppress(OSError):
            (folder / marker.name).unlink(missing_ok=True)
        _warn(
            f"files were saved into {escape(str(out))} while this run wrote it; the folder they are in was "
            f"replaced, and is left in {escape(str(folder))}",
            "move them back",
        )
        return False
    return _removed_or_told(folder, marker, out)


def _empty_folder(path: Path) -> os.stat_result | None:
    try:
        status = os.stat(path, follow_symlinks=False)
        return status if stat.S_ISDIR(status.st_mode) and not any(os.scandir(path)) else None
    except OSError:
        return None


def _take_attributes_of_an_empty_folder(out: Path, staging: Path) -> None:
    """Give the new folder the owner, group, extended attributes (ACLs) and set-group-ID bit of the
    empty folder it will replace, before anything is written in it, so that its files take that
    group and default ACL: an empty folder named as ``--out`` (``/var/www/html``, a shared folder) is
    the user's. Its full mode is given once the files are written (``_give_mode_of_an_empty_folder``):
    a read-only one would not let them be. The owner, or else the group, is given where the system
    allows it. A folder a run wrote keeps the run's own mode."""
    status = _empty_folder(out)
    if status is None:
        return
    try:
        os.chown(staging, status.st_uid, status.st_gid)
    except OSError:  # only root may give a folder away; a member of the group may give it that
        with contextlib.suppress(OSError):
            os.chown(staging, -1, status.st_gid)
    shutil.copystat(out, staging, follow_symlinks=False)
    os.chmod(staging, stat.S_IMODE(status.st_mode) | stat.S_IRWXU)
    os.utime(staging)  # its times are its own


def _give_mode_of_an_empty_folder(out: Path, staging: Path) -> None:
    status = _empty_folder(out)
    if status is not None:
        os.chmod(staging, stat.S_IMODE(status.st_mode))


def _flip_link(staging: Path, out: Path) -> Path:
    """Link mode: the folder lives in ``.<out>.release-<token>`` and ``out`` is a link to it,
    replaced by one rename. An old folder that is a real folder moves beside it first; if the
    run is killed in between, the next run puts it back (``recover``), so nothing is lost."""
    kept = sibling(out, KEPT, new_token())
    os.rename(staging, kept)
    link = sibling(out, "link", new_token())
    os.symlink(kept.name, link)
    previous = _link_target(out)
    if previous is None:
        previous = sibling(out, RETIRED, new_token())
        os.rename(out, previous)
    os.replace(link, out)
    return previous


def recover(out: Path, marker: Marker) -> None:
    """If a link-mode run was killed after moving the old folder aside, put the newest one back.
    Only a folder holding the marker is a run's: another, put in place, would be replaced (and so
    removed) by the very run that recovered it."""
    if os.path.lexists(out):
        return
    candidates = sorted(
        (
            path
            for path in out.parent.iterdir()
            if _sibling_of(out, path.name, (RETIRED, KEPT))
            and path.is_dir()
            and not path.is_symlink()
            and (path / marker.name).is_file()
        ),
        key=lambda path: path.stat().st_mtime_ns,
    )
    if candidates:
        os.rename(candidates[-1], out)


def _sync_tree(folder: Path) -> None:
    """Flush every file of the folder to disk, so the swap never publishes names without data."""
    for directory, _, names in os.walk(folder):
        for name in names:
            _sync(Path(directory) / name)
        _sync(Path(directory))


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
