"""The Frictionless descriptor is checked by frictionless itself, and against its generator.

frictionless validates rows one by one, which is too slow for a million claims; pandera does
the per-row work and frictionless judges the descriptor. The test suite also runs frictionless
over the real dataset, so both readings of the rules are kept in agreement.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from syria_strikes.datafiles import read_descriptor
from syria_strikes.datapackage import package_descriptor
from syria_strikes.files import DESCRIPTOR
from syria_strikes.problems import Problem, problem


def check_descriptor(root: Path) -> list[Problem]:
    """The descriptor on disk against the one the metadata generates, and frictionless's words on it
    when they differ. The generated descriptor's own verdict is the package's, not the data's: the
    tests hold frictionless to accepting it, so a current descriptor is judged without importing
    frictionless, a fifth of a cold run's CPU on the real data."""
    expected = package_descriptor()
    on_disk, refused = read_descriptor(root)
    if refused is not None:
        return [refused]
    if on_disk is None:
        return [problem("descriptor_present", DESCRIPTOR, None, None, None)]
    if same_json(on_disk, expected):
        return []
    import frictionless

    problems: list[Problem] = []
    try:
        for message in descriptor_errors(on_disk, frictionless):
            problems.append(problem("frictionless_descriptor", DESCRIPTOR, None, None, None, error=message))
    except RecursionError:  # nesting within the reader's bound can still be too deep for frictionless
        problems.append(problem("descriptor_json", DESCRIPTOR, None, None, None, too_deep=True))
    where, declared, found = first_difference(expected, on_disk)
    problems.append(
        problem("descriptor_current", DESCRIPTOR, None, None, None, where=where, declared=declared, found=found)
    )
    return problems


MISSING = object()


def same_json(left: object, right: object) -> bool:
    """JSON equality that tells the types apart: Python's == takes ``1`` and ``1.0`` for ``true``,
    where frictionless refuses a number in place of a boolean."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_json(value, right[key]) for key, value in left.items())
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(same_json(a, b) for a, b in zip(left, right, strict=True))
    return left == right


def first_difference(expected: object, found: object, where: str = "") -> tuple[str, object, object]:
    """Where two JSON values first differ (a path such as resources[0].schema.fields[2].type) and the
    value on each side there; MISSING stands for a key or item one side lacks. The two must differ."""
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in [*expected, *(key for key in found if key not in expected)]:
            if not same_json(expected.get(key, MISSING), found.get(key, MISSING)):
                step = f"{where}.{key}" if where else str(key)
                return first_difference(expected.get(key, MISSING), found.get(key, MISSING), step)
    if isinstance(expected, list) and isinstance(found, list):
        for index in range(max(len(expected), len(found))):
            left = expected[index] if index < len(expected) else MISSING
            right = found[index] if index < len(found) else MISSING
            if not same_json(left, right):
                return first_difference(left, right, f"{where}[{index}]")
    return where or "the top level", expected, found


# The profiles frictionless knows by name; any other value of "profile" is a JSON Schema it fetches
# from the address, or reads from the file relative to the current folder, that the value names.
_NAMED_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}


def descriptor_errors(descriptor: dict[str, Any], frictionless: ModuleType) -> list[str]:
    """Frictionless's words on the descriptor, judged offline: a profile it would fetch or read is
    left out (the descriptor the metadata declares names none, so descriptor_current reports it)."""
    try:
        errors = list(frictionless.Package.metadata_validate(_offline(descriptor)))
    except frictionless.FrictionlessException as exception:
        errors = [exception.error]
    return [error.message for error in errors]


def _offline(descriptor: dict[str, Any]) -> dict[str, Any]:
    """The descriptor without the profiles of the package and of its resources that frictionless would
    fetch or read: a dataset's descriptor could send validate to any address, or have it print what
    a JSON file in the current folder requires."""
    resources = descriptor.get("resources")
    if isinstance(resources, list):
        resources = [_without_profiles(item) if isinstance(item, dict) else item for item in resources]
        return {**_without_profiles(descriptor), "resources": resources}
    return _without_profiles(descriptor)


def _without_profiles(holder: dict[str, Any]) -> dict[str, Any]:
    """``holder`` without a profile other than a named one (a schema given in place may itself name
    another by its "$ref")."""
    profile = holder.get("profile")
    if profile is None or (isinstance(profile, str) and profile in _NAMED_PROFILES):
        return holder
    return {key: value for key, value in holder.items() if key != "profile"}
