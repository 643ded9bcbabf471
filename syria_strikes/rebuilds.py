"""A release read while a build replaces it is read once more, not called damaged.

A build replaces a release folder in one step, but a reader opens its descriptor and each file by
path: a file that fails its checks while the descriptor on disk has changed since was read across
a rebuild. Every reader of releases (load, info, diff, site) retries through this one function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from syria_strikes.errors import ReleaseError

State = TypeVar("State")
Read = TypeVar("Read")


def once_more_if_rebuilt(descriptors: Callable[[], State], read: Callable[[State], Read]) -> Read:
    """``read`` of the descriptors of the releases read (``descriptors()``); when it raises
    ReleaseError and the descriptors on disk differ from those, ``read`` of the new ones, whose
    result or error stands."""
    before = descriptors()
    try:
        return read(before)
    except ReleaseError as first:
        again = descriptors()
        if again == before:
            raise first from None
    return read(again)
