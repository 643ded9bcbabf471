"""The curator's commands and the site read a dataset's files as validate does: a seed or table that
is a link leading out of the dataset (or out of --seeds) is refused by name, its content never shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from syria_strikes.build import build
from syria_strikes.errors import ReleaseError
from syria_strikes.site.model import read_site
from tests.support.dataset import Dataset, run_cli

SECRET = "SECRET-TOKEN-hunter2"


def _secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside.txt"
    outside.write_text(f"{SECRET}\n", encoding="utf-8")
    return outside


def _link_seed_outside(dataset: Dataset, tmp_path: Path) -> str:
    """Replace seed 000 by a link to a file outside the dataset; its source_id."""
    seed = dataset.seed("000")
    seed.chmod(0o644)
    seed.unlink()
    seed.symlink_to(_secret_outside(tmp_path))
    return "src-seed-000"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["coverage", "--format", "html"], id="coverage html"),
        pytest.param(["coverage", "src-seed-000", "--format", "json"], id="coverage json"),
        pytest.param(["locate", "src-seed-000", SECRET], id="locate by source_id"),
        pytest.param(["locate", "--fix"], id="locate --fix"),
    ],
)
def test_a_seed_linked_out_of_the_dataset_is_refused_unread(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _link_seed_outside(dataset, tmp_path)
    code, output = run_cli([*argv, "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert SECRET not in output + error
    if argv[:2] == ["locate", "--fix"]:  # --fix leaves the claims of an unreadable seed as they are
        assert code == 1 and "symbolic link that leads outside the dataset folder" in output
        return
    if argv[0] == "coverage":  # the seed is listed as not counted, as validate would reject it
        assert code == 1, output + error
        assert "000_" in output and "leads outside the dataset folder" in output and "file_inside" in output
        return
    assert code == 2, output + error
    assert "000_" in error and "leads outside the dataset folder" in error and "[rule: file_inside]" in error


def test_a_seed_path_climbing_out_of_the_dataset_is_refused(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = _secret_outside(dataset.root.parent)
    index = dataset.find("sources", source_id="src-seed-000")
    dataset.set_cell("sources", index, "seed_path", f"seeds/../../{outside.name}")
    code, output = run_cli(["coverage", "--format", "html", "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert code == 1 and SECRET not in output + error
    assert "[rule: seed_inside]" in output  # as validate words it: the cell, not a link, leads out


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["coverage", "--format", "text"], id="coverage text"),
        pytest.param(["coverage", "--format", "json"], id="coverage json"),
        pytest.param(["coverage", "--format", "html"], id="coverage html"),
        pytest.param(["locate", "--fix"], id="locate --fix"),
    ],
)
def test_an_absolute_seed_path_is_refused_as_a_listed_fault(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """A seed_path cell naming a file anywhere on the machine is the row's fault, listed with the
    rule validate gives it, not a traceback from working out where the file lies in the dataset."""
    outside = _secret_outside(tmp_path)
    index = dataset.find("sources", source_id="src-seed-000")
    dataset.set_cell("sources", index, "seed_path", str(outside))
    code, output = run_cli([*argv, "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert code == 1, output + error
    assert SECRET not in output + error
    assert "seed_inside" in output and str(outside)[:20] in output  # a long value is cut short


@pytest.mark.parametrize("seed", ["src-seed-000", "seeds/000_88ebea6c751ab514.txt"], ids=["by source_id", "by file"])
def test_coverage_of_one_seed_in_a_seeds_folder_that_is_a_loop_lists_it_as_not_counted(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], seed: str
) -> None:
    seeds = dataset.root / "seeds"
    for path in seeds.iterdir():
        path.chmod(0o644)
    shutil.rmtree(seeds)
    seeds.symlink_to(seeds)
    code, output = run_cli(
        ["coverage", str(dataset.root / seed) if "/" in seed else seed, "--data-dir", str(dataset.data_dir)]
    )
    assert code == 1, output + capsys.readouterr().err
    assert "too many levels of symbolic links [rule: file_readable]" in output


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["coverage", "--format", "json"], id="coverage"),
        pytest.param(["locate", "src-seed-000", "The state news agency blamed Israel"], id="locate"),
        pytest.param(["locate", "--fix"], id="locate --fix"),
    ],
)
def test_a_seed_linked_elsewhere_in_the_dataset_is_not_trusted_as_validate_does_not(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """The link stays inside the dataset but leads out of seeds/: validate rejects the row
    (seed_inside), so coverage must not count the seed nor locate take offsets from it."""
    seed = dataset.seed("000")
    moved = dataset.root / "elsewhere" / seed.name
    moved.parent.mkdir()
    seed.rename(moved)
    seed.symlink_to(moved)
    assert ("data/sources.csv", 2, "seed_path", "seed_inside") in [
        (p["file"], p["row"], p["column"], p["rule"]) for p in dataset.validate()[1]
    ]
    code, output = run_cli([*argv, "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert code == (2 if argv[1] == "src-seed-000" else 1), output + error
    assert "seed_inside" in output + error


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["coverage", "--format", "json"], id="coverage"),
        pytest.param(["locate", "src-seed-000", "The state news agency blamed Israel"], id="locate"),
    ],
)
def test_seeds_in_a_seeds_folder_linked_out_of_the_dataset_are_not_trusted(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    seeds = dataset.root / "seeds"
    seeds.rename(tmp_path / "elsewhere")
    seeds.symlink_to(tmp_path / "elsewhere")
    code, output = run_cli([*argv, "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert code == (2 if argv[0] == "locate" else 1), output + error
    assert "seeds/ folder that is a symbolic link leading outside the dataset folder" in output + error


def test_a_table_linked_out_of_the_dataset_is_refused_by_coverage(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = dataset.path("claims")
    claims.unlink()
    claims.symlink_to(_secret_outside(tmp_path))
    code, output = run_cli(["coverage", "--format", "json", "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert code == 2 and SECRET not in output + error
    assert "claims.csv" in error and "[rule: file_inside]" in error


def test_a_document_named_by_its_path_is_still_located(tmp_path: Path, dataset: Dataset) -> None:
    """Before archiving, a curator locates quotes in a document of their own: the path they give."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Jets struck the airbase on Tuesday.", encoding="utf-8")
    code, output = run_cli(["locate", str(draft), "on Tuesday", "--data-dir", str(dataset.data_dir)])
    assert (code, output) == (0, "24\t34\ton Tuesday\n")


def test_the_site_reads_no_seed_outside_the_seeds_folder_it_was_given(dataset: Dataset, tmp_path: Path) -> None:
    release = tmp_path / "release"
    assert build(dataset.data_dir, release) == []
    seeds = tmp_path / "seeds-given"
    seeds.mkdir()
    for path in (dataset.root / "seeds").iterdir():
        (seeds / path.name).write_bytes(path.read_bytes())
    seed = next(seeds.glob("000_*"))
    seed.unlink()
    seed.symlink_to(_secret_outside(tmp_path))
    with pytest.raises(ReleaseError) as refused:
        read_site(release, seeds)
    assert "leads outside the dataset folder" in str(refused.value) and "[rule: file_inside]" in str(refused.value)
    assert SECRET not in str(refused.value)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(["coverage", "--format", "text"], 1, id="coverage"),
        pytest.param(["coverage", "src-seed-000", "--format", "json"], 1, id="coverage of one seed"),
        pytest.param(["coverage", "src-seed-002"], 0, id="coverage of another seed"),
        pytest.param(["locate", "src-seed-000", "Homs"], 2, id="locate by source_id"),
        pytest.param(["locate", "--fix"], 1, id="locate --fix"),
    ],
)
def test_a_seed_path_with_a_nul_byte_is_a_fault_not_a_traceback(
    dataset: Dataset, capsys: pytest.CaptureFixture[str], argv: list[str], expected: int
) -> None:
    """validate refuses the cell (clean_text); the curator's commands, which run on data that does not
    validate yet, must name it too: no file can have such a name, and Python says so with a ValueError."""
    index = dataset.find("sources", source_id="src-seed-000")
    dataset.set_cell("sources", index, "seed_path", "seeds/000_\x00.txt")
    code, output = run_cli([*argv, "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert code == expected, output + error
    if argv[1] == "src-seed-002":  # the row with the NUL byte is not the seed asked for
        assert "src-seed-002 (seeds/002_" in output
        return
    assert "cannot be followed" in output + error and "file_readable" in output + error


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["validate"], id="validate"),
        pytest.param(["data-hash"], id="data-hash"),
        pytest.param(["coverage"], id="coverage"),
        pytest.param(["locate", "src-seed-000", "QUOTE"], id="locate"),
        pytest.param(["locate", "--fix"], id="locate --fix"),
    ],
)
def test_a_data_folder_that_is_a_link_is_read_by_every_command_as_validate_reads_it(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Tables kept elsewhere, data/ a link to them: the curator's commands once refused every table
    as 'a symbolic link that leads outside the dataset folder', which validate accepts."""
    tables = tmp_path / "tables"
    shutil.move(dataset.data_dir, tables)
    dataset.data_dir.symlink_to(tables)
    before = {path.name: path.read_bytes() for path in tables.iterdir()}
    quote = next(row["quote"] for row in dataset.rows("claims") if row["source_id"] == "src-seed-000")
    argv = [quote if arg == "QUOTE" else arg for arg in argv]
    code, output = run_cli([*argv, "--data-dir", str(dataset.data_dir)])
    error = capsys.readouterr().err
    assert "leads outside" not in output + error
    assert code == 0, output + error
    assert {path.name: path.read_bytes() for path in tables.iterdir()} == before
