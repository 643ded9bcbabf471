"""The one retry every reader of releases makes when a build replaced a release meanwhile."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from syria_strikes.errors import ReleaseError
from syria_strikes.rebuilds import once_more_if_rebuilt


def _reader(failures: int) -> tuple[list[str], Callable[[str], str]]:
    """A read that fails ``failures`` times, then answers with the descriptor it was handed."""
    seen: list[str] = []

    def read(descriptor: str) -> str:
        seen.append(descriptor)
        if len(seen) <= failures:
            raise ReleaseError(f"damaged at read {len(seen)}")
        return descriptor

    return seen, read


def test_a_read_that_fails_while_the_descriptor_changed_is_made_once_more_against_the_new_one() -> None:
    descriptors = iter(["old", "new"])
    seen, read = _reader(failures=1)
    assert once_more_if_rebuilt(lambda: next(descriptors), read) == "new"
    assert seen == ["old", "new"]


def test_a_read_that_fails_while_the_descriptor_stayed_is_damage() -> None:
    seen, read = _reader(failures=1)
    with pytest.raises(ReleaseError, match="damaged at read 1"):
        once_more_if_rebuilt(lambda: "same", read)
    assert seen == ["same"]


def test_the_second_read_is_the_last_whatever_it_meets() -> None:
    descriptors = iter(["one", "two", "three"])
    seen, read = _reader(failures=2)
    with pytest.raises(ReleaseError, match="damaged at read 2"):
        once_more_if_rebuilt(lambda: next(descriptors), read)
    assert seen == ["one", "two"]


def test_a_read_that_passes_reads_the_descriptors_once() -> None:
    calls: list[str] = []

    def descriptors() -> str:
        calls.append("read")
        return "only"

    _, read = _reader(failures=0)
    assert once_more_if_rebuilt(descriptors, read) == "only"
    assert calls == ["read"]
