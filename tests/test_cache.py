"""The validation cache (syria_strikes/cache.py) answers exactly as a cold run would, or not at all.

A cache that is trusted when it should not be hides a fault from a curator, so each way an entry
can go wrong (truncated, corrupted, copied from another dataset, written by another version) is
tried here, and hypothesis edits a dataset at random and compares every warm answer with a cold
one, problem for problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syria_strikes import cache
from syria_strikes.cache import CACHE_DIR, RESULT_ENTRY, validate
from syria_strikes.metadata import TABLE_NAMES
from syria_strikes.problems import Problem
from tests.support.dataset import REPO, Dataset, copy_dataset, run_cli


def _cold(dataset: Dataset) -> list[Problem]:
    return validate(dataset.data_dir, use_cache=False).problems


def _entries(dataset: Dataset) -> dict[str, bytes]:
    folder = dataset.root / CACHE_DIR
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _break_a_cell(dataset: Dataset) -> None:
    dataset.set_cell("claims", 0, "predicate", "no such predicate")


def test_an_unchanged_dataset_is_answered_from_the_cache(dataset: Dataset) -> None:
    _break_a_cell(dataset)
    first = validate(dataset.data_dir)
    second = validate(dataset.data_dir)
    assert (first.source, second.source) == ("cold", "cache")
    assert second.problems == first.problems == _cold(dataset)
    assert any(problem.rule == "enum" for problem in second.problems)


def test_the_unchanged_answer_imports_no_heavy_library(dataset: Dataset) -> None:
    validate(dataset.data_dir)
    probe = (
        "import sys\n"
        "from syria_strikes.cli import main\n"
        f"code = main(['validate', '--data-dir', {str(dataset.data_dir)!r}])\n"
        "heavy = sorted({name.split('.')[0] for name in sys.modules} & "
        "{'pandas', 'pandera', 'frictionless', 'pyarrow', 'numpy', 'polars', 'duckdb'})\n"
        "print(code, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "0 []"


def test_after_one_table_changes_only_that_table_is_checked_again(dataset: Dataset) -> None:
    validate(dataset.data_dir)
    _break_a_cell(dataset)
    read = cache.inputs(dataset.data_dir, cache.Digests({}))
    tables = cache.TableCache(cache.Store.of(dataset.data_dir), read["data"], read["descriptor"])
    from syria_strikes.validate import read_and_check

    _, problems = read_and_check(dataset.data_dir, tables)
    assert sorted(tables.hits) == sorted({*TABLE_NAMES, "descriptor"} - {"claims"})
    assert problems == _cold(dataset)


def test_a_changed_seed_or_descriptor_is_not_answered_from_the_cache(dataset: Dataset) -> None:
    validate(dataset.data_dir)
    seed = dataset.seed("0")
    seed.write_bytes(seed.read_bytes() + b" ")
    after_seed = validate(dataset.data_dir)
    assert after_seed.source != "cache"
    assert any(problem.rule == "seed_hash" for problem in after_seed.problems)
    descriptor = dataset.root / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_descriptor = validate(dataset.data_dir)
    assert after_descriptor.source != "cache"
    assert after_descriptor.problems == _cold(dataset)


def test_a_seeds_folder_moved_out_of_the_dataset_behind_a_link_is_not_answered_from_the_cache(
    dataset: Dataset, tmp_path: Path
) -> None:
    """The same seeds, byte for byte, are no longer the dataset's once seeds/ is a link leading out."""
    validate(dataset.data_dir)
    seeds = dataset.root / "seeds"
    seeds.rename(tmp_path / "elsewhere")
    seeds.symlink_to(tmp_path / "elsewhere")
    after = validate(dataset.data_dir)
    assert after.source != "cache"
    assert after.problems == _cold(dataset) and any(problem.rule == "file_inside" for problem in after.problems)


def test_a_missing_descriptor_and_a_folder_in_its_place_are_told_apart(dataset: Dataset) -> None:
    descriptor = dataset.root / "datapackage.json"
    descriptor.unlink()
    cold_missing = _cold(dataset)
    descriptor.mkdir()
    cold_folder = _cold(dataset)
    assert validate(dataset.data_dir).problems == cold_folder
    descriptor.rmdir()
    missing = validate(dataset.data_dir)
    assert missing.source != "cache"
    assert missing.problems == cold_missing


def test_a_new_file_beside_the_tables_is_not_answered_from_the_cache(dataset: Dataset) -> None:
    validate(dataset.data_dir)
    (dataset.data_dir / "claims (1).csv").write_bytes(dataset.raw("claims"))
    outcome = validate(dataset.data_dir)
    assert [problem.rule for problem in outcome.problems] == ["file_declared"]


def test_an_edit_that_keeps_size_and_modification_time_is_seen(dataset: Dataset, monkeypatch) -> None:
    monkeypatch.setattr(cache, "RACY_NANOSECONDS", 0)  # trust every remembered hash at once
    validate(dataset.data_dir)
    path = dataset.path("events")
    status = path.stat()
    content = path.read_bytes()
    changed = content.replace(b"2", b"3", 1)
    assert len(changed) == len(content) and changed != content
    path.write_bytes(changed)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    outcome = validate(dataset.data_dir)
    assert outcome.source != "cache"
    assert outcome.problems == _cold(dataset)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:], id="one bit flipped"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x00\xff garbage \x80" * 10, id="not ours"),
        pytest.param(lambda data: data.replace(b"syria-strikes-cache 1", b"syria-strikes-cache 9"), id="other format"),
    ],
)
def test_a_damaged_entry_is_ignored_and_rebuilt(dataset: Dataset, damage) -> None:
    _break_a_cell(dataset)
    expected = validate(dataset.data_dir).problems
    folder = dataset.root / CACHE_DIR
    for path in folder.glob("*.json"):
        path.write_bytes(damage(path.read_bytes()))
    outcome = validate(dataset.data_dir)
    assert outcome.source == "cold"
    assert outcome.problems == expected
    assert validate(dataset.data_dir).source == "cache"


def test_an_entry_from_another_dataset_is_not_trusted(tmp_path: Path) -> None:
    """A well-formed entry under another key: copied from a dataset with other data."""
    clean, broken = copy_dataset(tmp_path / "clean"), copy_dataset(tmp_path / "broken")
    _break_a_cell(broken)
    validate(clean.data_dir)
    validate(broken.data_dir)
    for name in (RESULT_ENTRY, "table-claims.json"):
        (broken.root / CACHE_DIR / name).write_bytes((clean.root / CACHE_DIR / name).read_bytes())
    outcome = validate(broken.data_dir)
    assert outcome.source == "partly cached"  # the other three tables are the same in both
    assert outcome.problems == _cold(broken) != []


def test_an_entry_with_forged_problems_of_the_wrong_shape_is_ignored(dataset: Dataset) -> None:
    validate(dataset.data_dir)
    store = cache.Store.of(dataset.data_dir)
    key = json.loads((store.folder / RESULT_ENTRY).read_bytes().partition(b"\n")[2])["key"]
    store.write(RESULT_ENTRY, key, {"problems": [["claims", "two", None, None, "enum", "x"]]})
    outcome = validate(dataset.data_dir)
    assert outcome.source == "partly cached" and outcome.problems == []


def test_another_version_of_the_validator_does_not_reuse_the_cache(dataset: Dataset, monkeypatch) -> None:
    validate(dataset.data_dir)
    monkeypatch.setattr(cache, "fingerprint", lambda: "another validator")
    assert validate(dataset.data_dir).source == "cold"


def test_a_file_edited_during_the_run_is_not_cached(dataset: Dataset, monkeypatch) -> None:
    """The answer belongs to what was read; a file changed meanwhile may have been read either way."""
    from syria_strikes import validate as validation

    checked = validation.read_and_check

    def edit_while_checking(data_dir: Path, tables: cache.TableCache | None) -> object:
        found = checked(data_dir, tables)
        _break_a_cell(dataset)
        return found

    monkeypatch.setattr(validation, "read_and_check", edit_while_checking)
    outcome = validate(dataset.data_dir)
    assert outcome.problems == [] and outcome.note is not None and "not cached" in outcome.note
    monkeypatch.setattr(validation, "read_and_check", checked)
    assert not (dataset.root / CACHE_DIR / RESULT_ENTRY).exists()
    after = validate(dataset.data_dir)
    assert after.problems == _cold(dataset) != []


def test_validation_writes_nothing_but_its_cache(dataset: Dataset) -> None:
    _break_a_cell(dataset)

    def snapshot() -> dict[Path, tuple[bytes, int]]:
        return {
            path: (path.read_bytes(), path.stat().st_mtime_ns)
            for path in dataset.root.rglob("*")
            if path.is_file() and CACHE_DIR not in path.parts
        }

    before = snapshot()
    for _ in range(2):
        validate(dataset.data_dir)
    assert snapshot() == before
    assert (dataset.root / CACHE_DIR / ".gitignore").read_text(encoding="ascii") == "*\n"
    assert not [path for path in (dataset.root / CACHE_DIR).iterdir() if path.name.endswith(".tmp")]


def test_no_cache_neither_reads_nor_writes_it(dataset: Dataset) -> None:
    code, _ = run_cli(["validate", "--data-dir", str(dataset.data_dir), "--no-cache"])
    assert code == 0
    assert not (dataset.root / CACHE_DIR).exists()


def test_a_folder_where_the_cache_cannot_be_written_still_validates_cold(dataset: Dataset) -> None:
    """A file where the cache folder would go blocks it as a read-only folder would, even for root."""
    _break_a_cell(dataset)
    (dataset.root / CACHE_DIR).write_text("not a folder", encoding="ascii")
    result = subprocess.run(
        [sys.executable, "-m", "syria_strikes", "validate", "--data-dir", str(dataset.data_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "rule: enum" in result.stdout
    note = result.stderr.strip().splitlines()
    assert len(note) == 1 and note[0].startswith("note: could not write the validation cache")
    assert (dataset.root / CACHE_DIR).read_text(encoding="ascii") == "not a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs permissions that bind this user")
def test_a_read_only_dataset_folder_still_validates_cold(dataset: Dataset) -> None:
    os.chmod(dataset.root, 0o555)
    try:
        outcome = validate(dataset.data_dir)
    finally:
        os.chmod(dataset.root, 0o755)
    assert outcome.source == "cold" and outcome.problems == []
    assert outcome.note is not None and "\n" not in outcome.note


def test_concurrent_runs_leave_a_usable_cache(dataset: Dataset) -> None:
    _break_a_cell(dataset)
    command = [sys.executable, "-m", "syria_strikes", "validate", "--data-dir", str(dataset.data_dir)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate()[0] for run in runs]
    assert len(set(outputs)) == 1
    assert validate(dataset.data_dir).source == "cache"
    assert not [path for path in (dataset.root / CACHE_DIR).iterdir() if path.name.endswith(".tmp")]


# --- incremental answers equal cold answers, for random edits -----------------------------
EDITS = st.lists(
    st.tuples(
        st.sampled_from([*TABLE_NAMES, "seed", "descriptor"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
        st.sampled_from(["", " ", "x", "2020-02-30", "-1", "\u200b", "=1+1", "copy", "delete row", "restore"]),
    ),
    min_size=1,
    max_size=4,
)


def _edit(dataset: Dataset, target: str, row: int, column: int, value: str) -> None:
    """One edit: a cell set to a bad or borrowed value, a row deleted, a seed or descriptor touched,
    or a file restored to the original (which a warm cache must then recognise)."""
    if target == "seed":
        seed = sorted((dataset.root / "seeds").glob("*.txt"))[row % 2]
        original = REPO / "seeds" / seed.name
        seed.write_bytes(original.read_bytes() if value == "restore" else seed.read_bytes() + value.encode())
        return
    if target == "descriptor":
        path = dataset.root / "datapackage.json"
        path.write_bytes((REPO / "datapackage.json").read_bytes() + (b"" if value == "restore" else b"\n"))
        return
    if value == "restore":
        dataset.write_raw(target, (REPO / "data" / f"{target}.csv").read_bytes())
        return
    rows = dataset.rows(target)
    if not rows:
        return
    index = row % len(rows)
    if value == "delete row" and len(rows) > 1:
        del rows[index]
    else:
        name = list(rows[index])[column % len(rows[index])]
        rows[index][name] = rows[(index + 1) % len(rows)][name] if value == "copy" else value
    dataset.write_rows(target, rows)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_incremental_validation_equals_cold_validation(tmp_path_factory, edits) -> None:
    dataset = copy_dataset(tmp_path_factory.mktemp("incremental") / "dataset")
    validate(dataset.data_dir)
    for edit in edits:
        _edit(dataset, *edit)
        warm = validate(dataset.data_dir)
        assert warm.problems == _cold(dataset), edit
        assert validate(dataset.data_dir).problems == warm.problems


def test_parallel_threads_share_one_store_safely(dataset: Dataset) -> None:
    store = cache.Store.of(dataset.data_dir)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: store.write(f"entry-{n % 2}.json", "k", {"n": n}), range(40)))
    assert {store.read(f"entry-{n}.json", "k")["n"] % 2 for n in range(2)} == {0, 1}


def _validate_in_a_process(dataset: Dataset) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "syria_strikes", "validate", "--data-dir", str(dataset.data_dir)],
        capture_output=True,
        text=True,
        check=False,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_cache_folder_that_is_a_link_is_never_followed(dataset: Dataset, tmp_path: Path) -> None:
    """A link in the cache's place would let validate write wherever it leads: it runs cold instead."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / RESULT_ENTRY).write_text("precious", encoding="ascii")
    (dataset.root / CACHE_DIR).symlink_to(victim)
    _break_a_cell(dataset)
    result = _validate_in_a_process(dataset)
    assert result.returncode == 1 and "rule: enum" in result.stdout
    note = result.stderr.strip().splitlines()
    assert len(note) == 1 and note[0].startswith("note: could not write the validation cache")
    assert _snapshot(victim) == {RESULT_ENTRY: b"precious"}
    assert (dataset.root / CACHE_DIR).is_symlink()


def test_a_cache_entry_that_is_a_link_is_neither_read_nor_written_through(dataset: Dataset, tmp_path: Path) -> None:
    validate(dataset.data_dir)
    outside = tmp_path / "outside.json"
    entry = dataset.root / CACHE_DIR / RESULT_ENTRY
    outside.write_bytes(entry.read_bytes())  # a valid entry, for data that is now broken
    entry.unlink()
    entry.symlink_to(outside)
    _break_a_cell(dataset)
    before = outside.read_bytes()
    result = _validate_in_a_process(dataset)
    assert result.returncode == 1 and "rule: enum" in result.stdout
    assert outside.read_bytes() == before
    assert entry.is_symlink()


def _hashed_paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    hashed: list[str] = []
    digest = cache._file_digest

    def recording(path: str) -> str:
        hashed.append(path)
        return digest(path)

    monkeypatch.setattr(cache, "_file_digest", recording)
    return hashed


def test_a_folder_without_a_descriptor_gets_no_cache_and_nothing_hashed(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``validate --data-dir /etc`` or ``/proc`` must neither write a cache there nor open every file in it."""
    (dataset.root / "datapackage.json").unlink()
    hashed = _hashed_paths(monkeypatch)
    outcome = validate(dataset.data_dir)
    assert outcome.source == "cold" and outcome.note is None
    assert any(problem.rule == "descriptor_present" for problem in outcome.problems)
    assert hashed == []
    assert not (dataset.root / CACHE_DIR).exists()


def test_only_the_files_validation_reads_are_hashed(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray entry of data/ is keyed by name and kind: its content is never opened."""
    stray = dataset.data_dir / "notes.txt"
    stray.write_text("a curator's notes", encoding="utf-8")
    hashed = _hashed_paths(monkeypatch)
    first = validate(dataset.data_dir)
    assert first.problems == _cold(dataset)
    names = {Path(path).name for path in hashed}
    assert {f"{table}.csv" for table in TABLE_NAMES} <= names
    assert str(stray) not in hashed and "notes.txt" not in names
    assert all(Path(path).parent in (dataset.data_dir, dataset.root / "seeds", dataset.root) for path in hashed)
    stray.unlink()
    stray.mkdir()  # a file turned into a folder is another entry: not answered from the cache
    assert validate(dataset.data_dir).problems == _cold(dataset)


def test_a_device_is_never_hashed_as_a_file() -> None:
    with pytest.raises(OSError):
        cache._file_digest(os.devnull)
