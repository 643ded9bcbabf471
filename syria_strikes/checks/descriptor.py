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
    import frictionless

    expected = package_descriptor()
    problems = [
        problem("frictionless_descriptor", DESCRIPTOR, None, None, None, error=message)
        for message in descriptor_errors(expected, frictionless)
    ]
    on_disk, refused = read_descriptor(root)
    if refused is not None:
        return [*problems, refused]
    if on_disk is None:
        return [*problems, problem("descriptor_present", DESCRIPTOR, None, None, None)]
    if on_disk == expected:  # judged above already: the same descriptor gives the same errors
        return problems
    try:
        for message in descriptor_errors(on_disk, frictionless):
            problems.append(problem("frictionless_descriptor", DESCRIPTOR, None, None, None, error=message))
    except RecursionError:  # nesting within the reader's bound can still be too deep for frictionless
        problems.append(problem("descriptor_json", DESCRIPTOR, None, None, None, too_deep=True))
    problems.append(problem("descriptor_current", DESCRIPTOR, None, None, None))
    return problems


def descriptor_errors(descriptor: dict[str, Any], frictionless: ModuleType) -> list[str]:
    try:
        errors = list(frictionless.Package.metadata_validate(descriptor))
    except frictionless.FrictionlessException as exception:
        errors = [exception.error]
    return [error.message for error in errors]
