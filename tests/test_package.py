"""The package stays light to import, and its generated files match the metadata source."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pytest

from syria_strikes.generate import generated_files, stale_files
from syria_strikes.metadata import TABLES
from tests.support.dataset import REPO
from tests.support.interpreter import fresh_python


def test_import_does_not_load_heavy_dependencies() -> None:
    heavy = "{'pandera', 'frictionless', 'pandas', 'pyarrow'}"
    code = f"import sys, syria_strikes; print(sorted({heavy} & set(sys.modules)))"
    result = fresh_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_generated_files_are_current() -> None:
    assert stale_files(REPO) == [], "run `python -m syria_strikes generate` and commit the result"


def test_staleness_is_detected(tmp_path) -> None:
    for path, content in generated_files().items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(content, encoding="utf-8")
    assert stale_files(tmp_path) == []
    (tmp_path / "datapackage.json").write_text("{}", encoding="utf-8")
    assert stale_files(tmp_path) == ["datapackage.json"]


def test_generate_writes_the_contents_it_found_stale_working_them_out_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syria_strikes import generate

    made = []
    real = generate.generated_files
    monkeypatch.setattr(generate, "generated_files", lambda: made.append(1) or real())
    assert sorted(generate.write_generated(tmp_path)) == sorted(real())
    assert len(made) == 1
    assert generate.stale_files(tmp_path, real()) == []


def test_frictionless_validates_the_real_dataset() -> None:
    report = frictionless.Package(str(REPO / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_reads_the_same_rules(dataset) -> None:
    dataset.set_cell("claims", 0, "stance", "assert")
    report = frictionless.Package(str(dataset.root / "datapackage.json")).validate()
    assert not report.valid
    assert sorted({error.type for task in report.tasks for error in task.errors}) == ["constraint-error"]


def test_descriptor_declares_keys_for_every_reference() -> None:
    descriptor = json.loads(generated_files()["datapackage.json"])
    for resource, table in zip(descriptor["resources"], TABLES, strict=True):
        declared = {key["fields"][0]: key["reference"]["resource"] for key in resource["schema"]["foreignKeys"]}
        expected = {c.name: c.references for c in table.columns if c.references and c.type != "list"}
        assert declared == expected


def test_one_version_everywhere() -> None:
    from syria_strikes import __version__

    citation = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert f"\nversion: {__version__}\n" in citation
    assert f"## {__version__} " in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["version"] == __version__


@pytest.mark.parametrize("distribution", ["pandas", "pyarrow", "pandera", "frictionless", "no-such-distribution"])
def test_an_installed_major_version_is_read_as_importlib_metadata_reads_it(distribution: str) -> None:
    """extras reads it from the metadata folder's name, sparing every command importlib.metadata."""
    from importlib.metadata import PackageNotFoundError, version

    from syria_strikes import extras

    extras._major.cache_clear()
    try:
        expected = int(version(distribution).split(".", 1)[0])
    except PackageNotFoundError:
        expected = 0
    assert extras._major(distribution) == expected
