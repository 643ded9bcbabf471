"""`syria-strikes archive`: a byte-for-byte, read-only copy with its source row, or nothing at all."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
from pathlib import Path

import pytest

from syria_strikes import archive as archive_module
from syria_strikes.checks.seed_list import README_MOST_BYTES, listed_hashes
from syria_strikes.leftovers import temporary_beside
from syria_strikes.metadata import SEED_MOST_BYTES
from syria_strikes.paths import RELEASE_MARKER_FILE
from tests.support.attacks import in_process
from tests.support.dataset import Dataset, file_contents, run_cli
from tests.support.killed import aged, killed_at, temporary_files
from tests.support.unprivileged import forked_unprivileged

# A made-up document used only by these tests; it is never part of the real seeds/.
FIXTURE = (
    "TEST FIXTURE \u2013 not a real report.\n\nA made-up agency said on Monday that \u201cnothing happened\u201d.\n"
)


def _archive(dataset: Dataset, document: Path, *extra: str) -> int:
    return run_cli(["archive", str(document), "--data-dir", str(dataset.data_dir), *extra])[0]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "fixture.txt"
    path.parent.mkdir()
    path.write_bytes(FIXTURE.encode("utf-8"))
    return path


def test_archive_copies_registers_and_locks_the_document(dataset: Dataset, document: Path) -> None:
    sources_before = dataset.raw("sources")
    readme_before = (dataset.root / "seeds" / "README.md").read_text(encoding="utf-8")

    assert _archive(dataset, document, "--key", "fixture-key") == 0

    seed = dataset.root / "seeds" / "003_fixture-key.txt"
    assert seed.read_bytes() == document.read_bytes()
    assert not os.stat(seed).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    digest = hashlib.sha256(document.read_bytes()).hexdigest()
    sources_after = dataset.raw("sources")
    assert sources_after.startswith(sources_before)
    assert sources_after[len(sources_before) :].decode() == (
        f"src-seed-003,,archived_article,,,,,seeds/003_fixture-key.txt,{digest},,,,\n"
    )
    readme_after = (dataset.root / "seeds" / "README.md").read_text(encoding="utf-8")
    assert f"| `003_fixture-key.txt` | `src-seed-003` |  | `{digest}` |\n" in readme_after
    assert readme_after.replace(f"| `003_fixture-key.txt` | `src-seed-003` |  | `{digest}` |\n", "") == readme_before
    # The line is the one seed_listed reads the hash back from.
    assert listed_hashes(dataset.root / "seeds", dataset.root)["003_fixture-key.txt"] == digest
    # What is left to the curator is what the validator asks for, on that row only: the title, and
    # the language of a document that reads as English.
    code, problems = dataset.validate()
    assert code == 1
    assert {(p["file"], p["column"], p["rule"]) for p in problems} == {
        ("data/sources.csv", "title", "required"),
        ("data/sources.csv", "language", "language_written"),
    }


def test_the_default_key_is_the_start_of_the_hash(dataset: Dataset, document: Path) -> None:
    assert _archive(dataset, document) == 0
    digest = hashlib.sha256(document.read_bytes()).hexdigest()
    assert (dataset.root / "seeds" / f"003_{digest[:16]}.txt").is_file()


def _refused(dataset: Dataset, capsys: pytest.CaptureFixture, document: Path, *extra: str) -> str:
    before = file_contents(dataset.root)
    assert _archive(dataset, document, *extra) == 2
    assert file_contents(dataset.root) == before
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("error: ") and "Traceback" not in error
    return error


def test_a_duplicate_is_refused_naming_the_archived_file(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture
) -> None:
    existing = dataset.root / "seeds" / "000_88ebea6c751ab514.txt"
    assert "already archived as seeds/000_88ebea6c751ab514.txt (source src-seed-000)" in _refused(
        dataset, capsys, existing
    )
    assert _archive(dataset, document) == 0
    capsys.readouterr()
    assert "already archived as seeds/003_" in _refused(dataset, capsys, document)


def test_non_utf8_empty_and_missing_files_are_refused_with_a_hint(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\u00e9 \u2013 ".encode("cp1252"))
    assert "is not UTF-8 (byte 3 is 0xe9)" in _refused(dataset, capsys, latin1)
    assert "iconv" in _refused(dataset, capsys, latin1)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "is empty" in _refused(dataset, capsys, empty)
    assert "no such file" in _refused(dataset, capsys, tmp_path / "absent.txt")
    huge = tmp_path / "disk-image.txt"
    huge.write_bytes(b"text")
    os.truncate(huge, SEED_MOST_BYTES + 1)  # sparse: no room taken on disk
    before = file_contents(dataset.root)
    assert f"holds more than {SEED_MOST_BYTES} bytes" in _refused(dataset, capsys, huge)
    assert file_contents(dataset.root) == before


def test_a_seeds_readme_that_is_not_utf8_is_refused_before_anything_is_written(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture
) -> None:
    readme = dataset.root / "seeds" / "README.md"
    readme.write_bytes(readme.read_bytes() + "caf\u00e9\n".encode("cp1252"))
    error = _refused(dataset, capsys, document)
    assert "README.md: is not UTF-8 (byte " in error and "0xe9" in error


def test_a_seeds_readme_larger_than_any_list_of_seeds_is_refused_unread(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture
) -> None:
    """seeds/README.md was read whole: a sparse file of many gigabytes there (its table intact at the
    start) was held in memory before the archive could add its line. It is refused at the bound
    validate reads it with, in one line naming the file and the limit."""
    readme = dataset.root / "seeds" / "README.md"
    os.truncate(readme, README_MOST_BYTES + 1)  # sparse: its table still at the start, the rest NUL bytes
    error = _refused(dataset, capsys, document)
    assert f"{readme}: holds more than {README_MOST_BYTES} bytes" in error and "list of seeds" in error, error
    assert "archived document" not in error


def test_a_bad_key_is_refused(dataset: Dataset, document: Path, capsys: pytest.CaptureFixture) -> None:
    assert "--key '../escape'" in _refused(dataset, capsys, document, "--key", "../escape")
    for key in ("a" * 101, "\u00c4\u00d6"):
        assert "use 1 to 100 ASCII letters" in _refused(dataset, capsys, document, "--key", key)


def test_a_failure_while_moving_files_into_place_restores_everything(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    real_replace = os.replace
    calls = []

    def replace_then_fail(source: Path, target: Path) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(archive_module.os, "replace", replace_then_fail)
    before = file_contents(dataset.root)
    assert _archive(dataset, document) == 3  # the system's refusal, as for every command
    assert file_contents(dataset.root) == before
    error = capsys.readouterr().err
    assert error.startswith("error: permission denied (") and error.count("\n") == 1
    assert "the command stopped and changed nothing it had not finished" in error
    assert not list(dataset.root.glob(".archive-staging-*"))


def test_a_file_that_cannot_be_replaced_is_left_untouched_and_the_new_seed_removed(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """An immutable sources.csv refuses the rename and any write. The roll-back wrote the file it had
    never replaced back in place, failed as well, and stopped before removing the new seed: validate
    then failed on a seed nothing names, and archiving the document again was refused."""
    refused = (dataset.data_dir / "sources.csv").resolve()
    real_replace, real_write = os.replace, Path.write_bytes

    def immutable(target: object) -> None:
        if Path(str(target)).resolve() == refused:
            raise PermissionError(1, "Operation not permitted", str(target))

    def replace(source: Path, target: Path) -> None:
        immutable(target)
        real_replace(source, target)

    def write_bytes(path: Path, data: bytes) -> int:
        immutable(path)
        return real_write(path, data)

    monkeypatch.setattr(archive_module.os, "replace", replace)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    before = file_contents(dataset.root)
    assert _archive(dataset, document) == 3
    assert file_contents(dataset.root) == before
    assert "the command stopped and changed nothing it had not finished" in capsys.readouterr().err


def test_an_interrupt_while_the_files_are_moved_into_place_leaves_all_or_none_of_them(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C, SIGTERM or SIGHUP landing just after the seed was linked into seeds/ (before the roll-back
    knew it was there) left a seed no sources row or README line names. The three files change while
    interrupts wait; the interrupt then ends the command, the archive whole."""
    real_link = os.link

    def link_then_interrupted(source: str, target: str) -> None:
        real_link(source, target)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(archive_module.os, "link", link_then_interrupted)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal, whatever the runner set
    try:
        with pytest.raises(KeyboardInterrupt):
            _archive(dataset, document)
    finally:
        signal.signal(signal.SIGINT, previous)
    seeds = sorted(path.name for path in (dataset.root / "seeds").iterdir() if path.name.startswith("003_"))
    rows = [row["seed_path"] for row in dataset.rows("sources") if row["source_id"] == "src-seed-003"]
    readme = (dataset.root / "seeds" / "README.md").read_text(encoding="utf-8")
    assert len(seeds) == 1 and rows == [f"seeds/{seeds[0]}"] and f"`{seeds[0]}`" in readme
    assert [path.name for path in dataset.root.rglob(".*") if path.suffix == ".tmp"] == []


@pytest.mark.parametrize("digits", [72, 4301])
@pytest.mark.parametrize("where", ["sources.csv", "seeds/"])
def test_a_seed_number_longer_than_a_source_id_holds_is_refused_naming_where_it_is(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture, digits: int, where: str
) -> None:
    """Python refuses to read a number of over 4,300 digits (a traceback), and one a source_id cannot
    hold gave a next seed whose row validate rejects, or a file name longer than the system allows."""
    number = "1" * digits
    if where == "sources.csv":
        rows = dataset.rows("sources")
        rows.append({**{column: "" for column in rows[0]}, "source_id": f"src-seed-{number}"})
        dataset.write_rows("sources", rows)
    else:  # a file name holds at most 255 bytes
        digits = min(digits, 200)
        (dataset.root / "seeds" / f"{'1' * digits}_x.txt").write_bytes(b"x")
    error = _refused(dataset, capsys, document)
    assert f"carries a seed number of {digits:,} digits" in error and "(rule max_length)" in error
    assert ("sources.csv: source_id src-seed-111" if where == "sources.csv" else "_x.txt: the file name") in error


def test_no_seed_number_is_given_beyond_the_longest_a_source_id_holds(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture
) -> None:
    rows = dataset.rows("sources")
    longest = "9" * archive_module.SEED_NUMBER_MOST_DIGITS
    rows.append({**{column: "" for column in rows[0]}, "source_id": f"src-seed-{longest}"})
    dataset.write_rows("sources", rows)
    assert len(f"src-seed-{longest}") == archive_module.SOURCE_ID_MOST == 80
    assert "no seed number is left that a source_id of 80 characters holds" in _refused(dataset, capsys, document)


def test_an_existing_file_of_the_same_name_is_never_overwritten(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(archive_module, "_next_number", lambda seeds_dir, sources_path, rows: 0)
    error = _refused(dataset, capsys, document, "--key", "88ebea6c751ab514")
    assert "000_88ebea6c751ab514.txt: already exists; it is never overwritten" in error


def test_an_unreadable_seed_of_the_documents_size_stops_the_duplicate_check_with_its_rule(
    dataset: Dataset, document: Path
) -> None:
    """Whether the document is a copy of that seed cannot be told: the command stops, naming the
    file and the rule, and changes nothing."""
    seed = dataset.root / "seeds" / "000_88ebea6c751ab514.txt"
    document.write_bytes(FIXTURE.encode("utf-8").ljust(seed.stat().st_size, b"."))
    seed.chmod(0)
    before = file_contents(dataset.root)
    result = forked_unprivileged("archive", str(document), "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    seed.chmod(0o444)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(seed) in result.stderr and "[rule: file_readable]" in result.stderr
    assert file_contents(dataset.root) == before


def test_an_unreadable_seed_of_another_size_cannot_be_a_copy_and_is_left_to_validate(
    dataset: Dataset, document: Path
) -> None:
    seed = dataset.root / "seeds" / "000_88ebea6c751ab514.txt"
    assert seed.stat().st_size != document.stat().st_size
    seed.chmod(0)
    result = forked_unprivileged("archive", str(document), "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    seed.chmod(0o444)
    assert result.returncode == 0, result.stderr
    assert (dataset.root / "seeds" / f"003_{hashlib.sha256(document.read_bytes()).hexdigest()[:16]}.txt").exists()


def test_a_copy_lying_in_seeds_without_a_row_is_refused_and_a_file_of_its_size_is_not(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture
) -> None:
    same_size = dataset.root / "seeds" / "notes.txt"
    same_size.write_bytes(b"x" * document.stat().st_size)
    copy = dataset.root / "seeds" / "009_unregistered.txt"
    copy.write_bytes(document.read_bytes())
    error = _refused(dataset, capsys, document)
    assert f"has the same bytes as {copy}, which no source row names yet" in error
    copy.unlink()
    assert _archive(dataset, document) == 0


def test_an_archive_waits_while_another_changes_the_dataset(dataset: Dataset, document: Path) -> None:
    """Two archives at once would both number their document after the same last seed, and the
    second would write sources.csv without the first one's row."""
    import threading

    from syria_strikes.archive import archive, changing_dataset

    archived: list[object] = []
    with changing_dataset(dataset.root):
        running = threading.Thread(target=lambda: archived.append(archive(document, dataset.data_dir)))
        running.start()
        running.join(timeout=1.0)
        assert running.is_alive() and archived == [], "it went on while the dataset was locked"
        assert not list((dataset.root / "seeds").glob("003_*"))
    running.join()
    assert len(archived) == 1 and list((dataset.root / "seeds").glob("003_*"))


def test_an_archive_that_must_wait_says_so_once_and_then_goes_on(
    dataset: Dataset, document: Path, capsys: pytest.CaptureFixture
) -> None:
    import threading
    import time

    from syria_strikes.archive import changing_dataset

    codes: list[int] = []
    told = ""
    with changing_dataset(dataset.root):
        running = threading.Thread(target=lambda: codes.append(_archive(dataset, document)))
        running.start()
        deadline = time.monotonic() + 30  # however slow the machine, the note comes before the wait
        while not told and time.monotonic() < deadline:
            running.join(timeout=0.05)
            told += capsys.readouterr().err
        assert running.is_alive()
    assert told == f"note: another archive is changing {dataset.root}; waiting for it to finish\n"
    running.join()
    assert codes == [0]
    assert capsys.readouterr().err == ""
    other = document.with_name("other.txt")
    other.write_text("Another document, archived with nobody else at work.\n", encoding="utf-8")
    assert _archive(dataset, other) == 0
    assert capsys.readouterr().err == ""  # nobody held the dataset: no note


def test_a_file_system_without_hard_links_still_gets_the_seed_and_never_an_overwrite(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_hard_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(archive_module.os, "link", no_hard_links)
    assert _archive(dataset, document, "--key", "fixture-key") == 0
    seed = dataset.root / "seeds" / "003_fixture-key.txt"
    assert seed.read_bytes() == document.read_bytes()
    assert not os.stat(seed).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert {problem["rule"] for problem in dataset.validate()[1]} == {"required", "language_written"}
    taken = dataset.root / "seeds" / "004_taken.txt"
    taken.write_bytes(b"someone's file")
    with pytest.raises(FileExistsError):
        archive_module._place_new(taken, b"another document")
    assert taken.read_bytes() == b"someone's file"


def test_a_seed_that_cannot_be_written_whole_is_not_left_behind(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """Without hard links the seed is created and then written; a full disk half way removes it,
    as the message that nothing was changed says."""

    def no_hard_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    real_fsync = os.fsync
    synced: list[int] = []

    def full_on_the_seed(descriptor: int) -> None:
        synced.append(descriptor)
        if len(synced) == 4:  # the two replacements and the staged seed are on disk; the seed itself is not
            raise OSError(28, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(archive_module.os, "link", no_hard_links)
    monkeypatch.setattr(archive_module.os, "fsync", full_on_the_seed)
    before = file_contents(dataset.root)
    assert _archive(dataset, document) == 3  # the system's refusal, as for every command
    assert file_contents(dataset.root) == before
    error = capsys.readouterr().err
    assert error.startswith("error: the disk is full") and "changed nothing it had not finished" in error


@pytest.mark.skipif(
    not Path("/dev/shm").is_dir() or not os.access("/dev/shm", os.W_OK), reason="needs a second file system"
)
def test_a_data_folder_linked_to_another_file_system_is_archived_into(dataset: Dataset, document: Path) -> None:
    import tempfile

    with tempfile.TemporaryDirectory(dir="/dev/shm") as elsewhere:
        tables = Path(elsewhere) / "tables"
        shutil.move(dataset.data_dir, tables)
        dataset.data_dir.symlink_to(tables)
        assert _archive(dataset, document, "--key", "fixture-key") == 0
        digest = hashlib.sha256(document.read_bytes()).hexdigest()
        assert (
            (tables / "sources.csv").read_text(encoding="utf-8").endswith(f"seeds/003_fixture-key.txt,{digest},,,,\n")
        )


@pytest.mark.parametrize("saved", ["data/sources.csv", "seeds/README.md"])
def test_an_edit_saved_while_the_archive_ran_is_kept_and_nothing_is_archived(
    dataset: Dataset, document: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, saved: str
) -> None:
    """The archive reads sources.csv and seeds/README.md, then replaces them with its line added: an
    edit a curator saved from an editor in between was thrown away with the old text."""
    edited = dataset.root / saved
    readme_with = archive_module._readme_with  # the last of the reads

    def curator_saves(*args: object) -> bytes:
        planned = readme_with(*args)  # type: ignore[arg-type]
        edited.write_bytes(edited.read_bytes() + b"Saved from an editor while the archive ran.\n")
        return planned

    monkeypatch.setattr(archive_module, "_readme_with", curator_saves)
    before = file_contents(dataset.root)
    assert _archive(dataset, document) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and f"{saved}: was changed while the archive ran" in error, error
    after = file_contents(dataset.root)
    assert after.pop(saved).endswith(b"while the archive ran.\n")
    before.pop(saved)
    assert after == before


def test_the_next_archive_removes_the_temporary_files_a_killed_one_left(dataset: Dataset, document: Path) -> None:
    """An archive killed (not interrupted: SIGKILL waits for nothing) once sources.csv, README.md and the
    seed were written beside their targets left three hidden files for the curator to remove by
    hand, one of them read-only in seeds/, and the seed's copy made archiving the document again
    fail as a duplicate. The document is archived at once; the files are removed by the next
    archive once they cannot be a live run's."""
    killed_at("link", "archive", str(document), "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    assert not list((dataset.root / "seeds").glob("003_*"))
    leftovers = temporary_files(dataset.data_dir) + temporary_files(dataset.root / "seeds")
    assert sorted(path.name.split(".syria-strikes-")[0] for path in leftovers) == [
        f".003_{hashlib.sha256(document.read_bytes()).hexdigest()[:16]}.txt",
        ".README.md",
        ".sources.csv",
    ]
    assert _archive(dataset, document) == 0
    assert len(list((dataset.root / "seeds").glob("003_*"))) == 1
    assert temporary_files(dataset.data_dir) + temporary_files(dataset.root / "seeds") == leftovers  # too fresh
    aged(leftovers)
    other = document.with_name("other.txt")
    other.write_text("Another document, archived a minute later.\n", encoding="utf-8")
    assert _archive(dataset, other) == 0
    assert temporary_files(dataset.data_dir) == temporary_files(dataset.root / "seeds") == []


def test_an_archive_refused_for_a_readme_linked_out_of_the_dataset_removes_nothing_there(
    dataset: Dataset, document: Path, tmp_path: Path
) -> None:
    """Leftovers are removed only beside files the archive has read as its own: a README.md that is
    a link out of the dataset is refused, and the folder it leads to is not touched."""
    elsewhere = tmp_path / "decoy-folder"
    elsewhere.mkdir()
    readme = dataset.root / "seeds" / "README.md"
    (elsewhere / "README.md").write_bytes(readme.read_bytes())
    readme.unlink()
    readme.symlink_to(elsewhere / "README.md")
    abandoned = temporary_beside(elsewhere / "README.md")
    abandoned.close()
    aged([abandoned.path])
    assert _archive(dataset, document) == 2
    assert abandoned.path.exists()


@pytest.mark.parametrize(
    "command",
    [["archive", "DOCUMENT"], ["validate"], ["build", "--out", "OUT"], ["coverage"], ["data-hash"], ["locate", "x"]],
)
def test_a_release_is_refused_as_a_data_folder_before_anything_is_written(
    dataset: Dataset, document: Path, tmp_path: Path, command: list[str]
) -> None:
    """`--out release` is the build's own example: passed back as --data-dir, archive appended its row to
    the release's checksummed sources.csv and its seed to the dataset's seeds/, leaving both invalid."""
    release = dataset.root / "release"
    assert run_cli(["build", "--data-dir", str(dataset.data_dir), "--out", str(release)])[0] == 0
    before = file_contents(dataset.root)
    argv = [{"DOCUMENT": str(document), "OUT": str(tmp_path / "other")}.get(word, word) for word in command]
    assert run_cli([*argv, "--data-dir", str(release)])[0] == 2
    assert file_contents(dataset.root) == before
    assert not (tmp_path / "other").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["archive", "DOCUMENT"],
        ["validate"],
        ["build", "--out", "OUT"],
        ["coverage"],
        ["data-hash"],
        ["locate", "--fix"],
    ],
)
def test_an_unzipped_bundle_is_refused_as_a_data_folder_before_anything_is_written(
    dataset: Dataset, document: Path, tmp_path: Path, command: list[str]
) -> None:
    """The zip carries no build marker: its tables sit beside their descriptor, which a dataset keeps
    beside data/. Archive appended its row to the unzipped release's checksummed sources.csv."""
    release = tmp_path / "release"
    assert run_cli(["build", "--data-dir", str(dataset.data_dir), "--out", str(release)])[0] == 0
    unzipped = tmp_path / "syria-strikes-data"
    shutil.copytree(release, unzipped, ignore=shutil.ignore_patterns(RELEASE_MARKER_FILE))
    assert (unzipped / "sources.csv").is_file() and not (unzipped / RELEASE_MARKER_FILE).exists()
    before = file_contents(dataset.root), file_contents(unzipped)
    argv = [{"DOCUMENT": str(document), "OUT": str(tmp_path / "other")}.get(word, word) for word in command]
    ran = in_process(*argv, "--data-dir", str(unzipped))
    assert ran.returncode == 2 and "an unzipped bundle" in ran.stderr
    assert (file_contents(dataset.root), file_contents(unzipped)) == before
    assert not (tmp_path / "other").exists()


def test_a_dataset_root_given_as_its_data_folder_is_told_which_folder_to_pass(dataset: Dataset) -> None:
    before = file_contents(dataset.root)
    ran = in_process("archive", str(dataset.root / "seeds" / "README.md"), "--data-dir", str(dataset.root))
    assert ran.returncode == 2
    assert (
        f"is a dataset's root, which holds data/ beside seeds/ and datapackage.json: pass --data-dir {dataset.data_dir}"
        in ran.stderr
    )
    assert file_contents(dataset.root) == before
