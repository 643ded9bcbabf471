"""Attacks on `generate`: it writes only into a dataset folder, and never through a link (the command
runs in this process, its streams captured)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.attacks import assert_clean_failure, fingerprint, in_process
from tests.support.dataset import Dataset
from tests.support.killed import aged, killed_at, temporary_files


def test_generate_refuses_a_folder_that_is_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    before = fingerprint(tmp_path)
    result = in_process("generate", "--root", str(tmp_path))
    assert_clean_failure(result, 2)
    assert "is not a dataset folder" in result.stderr
    assert fingerprint(tmp_path) == before


def test_generate_refuses_a_folder_whose_data_holds_none_of_the_tables(tmp_path: Path) -> None:
    """Another project's folder may well hold data/ and seeds/: generate there overwrote its
    datapackage.json and docs/ with this dataset's."""
    for folder in ("data", "seeds", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "data" / "train.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / "datapackage.json").write_text('{"name": "another-project"}', encoding="utf-8")
    (tmp_path / "docs" / "data-policy.md").write_text("Their own policy.\n", encoding="utf-8")
    before = fingerprint(tmp_path)
    result = in_process("generate", "--root", str(tmp_path))
    assert_clean_failure(result, 2)
    assert "is not a dataset folder" in result.stderr and "claims.csv" in result.stderr
    assert fingerprint(tmp_path) == before


def test_generate_refuses_a_generated_file_that_is_a_link(dataset: Dataset, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("not the project's", encoding="utf-8")
    (dataset.root / "docs").mkdir()
    (dataset.root / "docs" / "data-dictionary.md").symlink_to(outside)
    before = fingerprint(dataset.root)
    result = in_process("generate", "--root", str(dataset.root))
    assert_clean_failure(result, 2)
    assert "data-dictionary.md is a symbolic link" in result.stderr and "nothing was written" in result.stderr
    assert outside.read_text(encoding="utf-8") == "not the project's"
    assert (dataset.root / "docs" / "data-dictionary.md").is_symlink()
    assert fingerprint(dataset.root) == before


@pytest.mark.parametrize("check", [False, True])
def test_generate_refuses_a_folder_that_leads_outside(dataset: Dataset, tmp_path: Path, check: bool) -> None:
    """``ln -s /tmp/victim schemas; generate`` overwrote the victim's files."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "events.schema.json").write_text("precious", encoding="utf-8")
    (dataset.root / "schemas").symlink_to(victim)
    before = fingerprint(dataset.root), fingerprint(victim)
    result = in_process("generate", "--root", str(dataset.root), *(["--check"] if check else []))
    assert_clean_failure(result, 2)
    assert "leads outside the dataset folder" in result.stderr
    assert (fingerprint(dataset.root), fingerprint(victim)) == before


def test_generate_follows_a_folder_link_that_stays_inside(dataset: Dataset) -> None:
    (dataset.root / "generated-docs").mkdir()
    (dataset.root / "docs").symlink_to("generated-docs")
    result = in_process("generate", "--root", str(dataset.root))
    assert result.returncode == 0, result.stderr
    assert (dataset.root / "generated-docs" / "data-dictionary.md").is_file()
    assert in_process("generate", "--root", str(dataset.root), "--check").returncode == 0


def test_generate_refuses_a_folder_where_it_writes_a_file_before_writing_anything(dataset: Dataset) -> None:
    """A folder where a generated file belongs cannot be replaced by a rename: the command stopped
    half way, other files rewritten, naming its temporary file instead of the folder in the way."""
    (dataset.root / "docs" / "data-dictionary.md").mkdir(parents=True)
    before = fingerprint(dataset.root)
    result = in_process("generate", "--root", str(dataset.root))
    assert_clean_failure(result, 2)
    assert "data-dictionary.md is a folder" in result.stderr and "nothing was written" in result.stderr
    assert fingerprint(dataset.root) == before


def test_generate_refuses_a_file_where_it_writes_into_a_folder_before_writing_anything(dataset: Dataset) -> None:
    """A file named schemas where the schemas' folder belongs: the command stopped with exit 3 and
    a system error naming a schema file."""
    shutil.rmtree(dataset.root / "schemas", ignore_errors=True)
    (dataset.root / "schemas").write_text("not a folder\n", encoding="utf-8")
    before = fingerprint(dataset.root)
    result = in_process("generate", "--root", str(dataset.root))
    assert_clean_failure(result, 2)
    assert "schemas is a file, and generate writes schemas/" in result.stderr
    assert fingerprint(dataset.root) == before


def test_a_disk_full_half_way_leaves_every_generated_file_as_it_was(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from syria_strikes import files

    (dataset.root / "docs").mkdir()
    for stale in ("datapackage.json", "docs/data-dictionary.md", "docs/data-policy.md"):
        (dataset.root / stale).write_text("stale\n", encoding="utf-8")
    before = fingerprint(dataset.root)
    write_beside = files.write_beside
    calls: list[Path] = []

    def full_at_the_second(target: Path, *args: object) -> str:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return write_beside(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "write_beside", full_at_the_second)
    result = in_process("generate", "--root", str(dataset.root))
    assert_clean_failure(result, 3)
    assert "the disk is full" in result.stderr
    assert len(calls) == 2
    assert fingerprint(dataset.root) == before


def test_the_next_generate_removes_the_temporary_files_a_killed_one_left(dataset: Dataset) -> None:
    """A generate killed once every stale file was written beside itself, before the first rename,
    left one hidden ``.tmp`` file per stale file beside the descriptor and in docs/ for the curator
    to remove by hand. The next generate removes them."""
    (dataset.root / "datapackage.json").write_text("stale\n", encoding="utf-8")
    killed_at("replace", "generate", "--root", str(dataset.root), cwd=dataset.root)
    assert (dataset.root / "datapackage.json").read_text(encoding="utf-8") == "stale\n"
    leftovers = aged(temporary_files(dataset.root) + temporary_files(dataset.root / "docs"))
    assert leftovers[0].name.startswith(".datapackage.json.syria-strikes-")
    result = in_process("generate", "--root", str(dataset.root))
    assert result.returncode == 0, result.stderr
    assert temporary_files(dataset.root) == temporary_files(dataset.root / "docs") == []


def test_a_generated_file_grown_huge_is_stale_unread(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sparse file of many gigabytes ended `generate --check` with 'the input is too large for the memory
    available', naming no file: a file of another size than its content is stale without being read."""
    (dataset.root / "docs").mkdir(exist_ok=True)
    in_process("generate", "--root", str(dataset.root))
    huge = dataset.root / "docs" / "data-policy.md"
    with huge.open("r+b") as handle:
        handle.truncate(1 << 40)  # a terabyte, sparse
    read = Path.read_bytes

    def never_huge(path: Path) -> bytes:
        assert path != huge, "the huge file was read"
        return read(path)

    monkeypatch.setattr(Path, "read_bytes", never_huge)
    result = in_process("generate", "--check", "--root", str(dataset.root))
    assert result.returncode == 1
    assert "docs/data-policy.md is out of date" in result.stdout + result.stderr
