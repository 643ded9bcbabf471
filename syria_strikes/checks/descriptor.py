"""The Frictionless descriptor is checked by frictionless itself, and against its generator.

frictionless validates rows one by one, which is too slow for a million claims; pandera does
the per-row work and frictionless judges the descriptor. The test suite also runs frictionless
over the real dataset, so both readings of the rules are kept in agreement.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from syria_strikes.datapackage import package_descriptor
from syria_strikes.files import DESCRIPTOR
from syria_strikes.problems import Problem


def check_descriptor(root: Path) -> list[Problem]:
    import frictionless

    expected = package_descriptor()
    problems = [
        Problem(DESCRIPTOR, None, None, None, "frictionless_descriptor", message)
        for message in descriptor_errors(expected, frictionless)
    ]
    path = root / DESCRIPTOR
    if not path.exists():
        return [
            *problems,
            Problem(
                DESCRIPTOR,
                None,
                None,
                None,
                "descriptor_present",
                "is missing beside data/; run `python -m syria_strikes generate` to write it",
            ),
        ]
    if path.is_file():
        try:
            on_disk = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            return [*problems, Problem(DESCRIPTOR, None, None, None, "descriptor_json", f"is not valid JSON: {error}")]
        if not isinstance(on_disk, dict):
            return [
                *problems,
                Problem(
                    DESCRIPTOR,
                    None,
                    None,
                    None,
                    "descriptor_json",
                    "is not a JSON object; a Data Package descriptor is an object",
                ),
            ]
        for message in descriptor_errors(on_disk, frictionless):
            problems.append(Problem(DESCRIPTOR, None, None, None, "frictionless_descriptor", message))
        if on_disk != expected:
            problems.append(
                Problem(
                    DESCRIPTOR,
                    None,
                    None,
                    None,
                    "descriptor_current",
                    "differs from what syria_strikes/metadata.py declares; "
                    "run `python -m syria_strikes generate` and commit the result",
                )
            )
    return problems


def descriptor_errors(descriptor: dict[str, Any], frictionless: ModuleType) -> list[str]:
    try:
        errors = list(frictionless.Package.metadata_validate(descriptor))
    except frictionless.FrictionlessException as exception:
        errors = [exception.error]
    return [error.message for error in errors]
