"""The descriptor check (syria_strikes/checks/descriptor.py): a current descriptor is judged without
frictionless, because the tests hold frictionless to accepting the one the metadata generates."""

from __future__ import annotations

import json

import frictionless

from syria_strikes.checks.descriptor import check_descriptor, descriptor_errors
from syria_strikes.datapackage import package_descriptor
from tests.support.dataset import Dataset
from tests.support.interpreter import fresh_python


def test_frictionless_accepts_the_descriptor_the_metadata_generates() -> None:
    assert descriptor_errors(package_descriptor(), frictionless) == []


def test_a_current_descriptor_passes_without_frictionless_being_imported(dataset: Dataset) -> None:
    probe = (
        "import sys\n"
        "from syria_strikes.cli import main\n"
        f"code = main(['validate', '--no-cache', '--data-dir', {str(dataset.data_dir)!r}])\n"
        "print(code, 'frictionless' in sys.modules)\n"
    )
    result = fresh_python(probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 False"


def test_a_descriptor_that_differs_is_judged_by_frictionless_and_against_the_metadata(dataset: Dataset) -> None:
    descriptor = package_descriptor()
    descriptor["resources"][0]["schema"]["fields"][0]["type"] = "no-such-type"
    (dataset.root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    rules = [problem.rule for problem in check_descriptor(dataset.root)]
    assert "frictionless_descriptor" in rules
    assert rules[-1] == "descriptor_current"


def test_a_missing_descriptor_is_one_problem_and_frictionless_is_not_asked(dataset: Dataset) -> None:
    (dataset.root / "datapackage.json").unlink()
    assert [problem.rule for problem in check_descriptor(dataset.root)] == ["descriptor_present"]
