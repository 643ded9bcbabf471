"""Attacks on `generate`: it writes only into a dataset folder, and never through a link."""

from __future__ import annotations

from pathlib import Path

from tests.support.attacks import assert_clean_failure, command, fingerprint
from tests.support.dataset import Dataset


def test_generate_refuses_a_folder_that_is_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    before = fingerprint(tmp_path)
    result = command("generate", "--root", str(tmp_path))
    assert_clean_failure(result, 2)
    assert "is not a dataset folder" in result.stderr
    assert fingerprint(tmp_path) == before


def test_generate_replaces_a_link_instead_of_writing_through_it(dataset: Dataset, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("not the project's", encoding="utf-8")
    (dataset.root / "docs").mkdir()
    (dataset.root / "docs" / "data-dictionary.md").symlink_to(outside)
    result = command("generate", "--root", str(dataset.root))
    assert result.returncode == 0, result.stderr
    assert outside.read_text(encoding="utf-8") == "not the project's"
    assert not (dataset.root / "docs" / "data-dictionary.md").is_symlink()
    assert command("generate", "--root", str(dataset.root), "--check").returncode == 0
    assert [path.name for path in (dataset.root / "docs").iterdir() if path.name.startswith(".")] == []
