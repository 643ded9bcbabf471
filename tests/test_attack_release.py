"""Attacks on a release: a damaged, malformed or replaced file is named, by `info` and by the loader.

`info` runs in this process (its streams captured), on a copy of the session's release."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import syria_strikes
from syria_strikes.column_types import arrow_schema
from syria_strikes.loader import load
from syria_strikes.metadata import DESCRIPTOR_MOST_BYTES, table
from syria_strikes.version import __version__
from tests.support.attacks import assert_clean_failure, in_process, out_of_memory_reading
from tests.support.dataset import REPO, Dataset


@pytest.fixture
def copied(release: Path, tmp_path: Path) -> Path:
    """A copy of the session's release, to damage."""
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    return copy


def _descriptor(release: Path) -> dict:
    return json.loads((release / "datapackage.json").read_text(encoding="utf-8"))


def test_info_verifies_every_file_and_names_each_damaged_one(copied: Path) -> None:
    assert in_process("info", "--release", str(copied)).returncode == 0
    for name in ("events.csv", "syria-strikes.sqlite"):
        data = bytearray((copied / name).read_bytes())
        data[-10] ^= 0x01
        (copied / name).write_bytes(bytes(data))
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "events.csv in " in result.stderr and "syria-strikes.sqlite in " in result.stderr
    assert result.stdout == ""


def test_info_as_json(copied: Path) -> None:
    result = in_process("info", "--release", str(copied), "--format", "json")
    assert result.returncode == 0
    summary = json.loads(result.stdout)
    # The release's own version: the code's, with a local label until its data is recorded.
    assert summary["version"] == _descriptor(copied)["version"]
    assert summary["version"].partition("+local.")[0] == syria_strikes.__version__
    by_path = {file["path"]: file for file in summary["files"]}
    assert by_path["claims.parquet"]["rows"] > 0
    assert by_path["claims.csv"]["rows"] == by_path["claims.parquet"]["rows"]
    assert {file["sha256"] for file in summary["files"]} == {
        resource["hash"].removeprefix("sha256:") for resource in _descriptor(copied)["resources"]
    }


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        ('{"name": "syria-strikes", "name": "x"}', "appears twice"),
        ("[" * 50_000 + "]" * 50_000, "levels deep"),
        ("[]", "a list"),
        ('{"version": "0.1.0", "resources": [{"path": "claims.parquet"}]}', "lacks a file name, a sha256 hash"),
        ('{"version": "0.1.0", "resources": "all"}', "lists no resources"),
        ("{", "not valid JSON"),
    ],
    ids=["duplicate key", "absurdly deep", "a list", "a resource half described", "resources not a list", "cut short"],
)
def test_a_malformed_release_descriptor_is_named(copied: Path, damage: str, words: str) -> None:
    (copied / "datapackage.json").write_text(damage, encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "datapackage.json in " in result.stderr and words in result.stderr
    with pytest.raises(syria_strikes.ReleaseError, match=words):
        load("claims", root=copied)


def test_a_descriptor_that_is_a_folder_is_named(copied: Path) -> None:
    (copied / "datapackage.json").unlink()
    (copied / "datapackage.json").mkdir()
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "datapackage.json in " in result.stderr and "a folder" in result.stderr


def _rewritten(release: Path, name: str, table: pa.Table) -> None:
    """``name`` replaced by ``table`` and its checksum recorded: a release tampered with by hand."""
    path = release / name
    pq.write_table(table, path)
    descriptor = _descriptor(release)
    for resource in descriptor["resources"]:
        if resource["path"] == name:
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            resource["bytes"] = path.stat().st_size
    (release / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def test_a_parquet_file_with_another_schema_is_named(copied: Path) -> None:
    _rewritten(copied, "actors.parquet", pa.table({"actor_id": ["act-x"], "extra": [1]}))
    with pytest.raises(syria_strikes.ReleaseError, match=r"actors\.parquet in .* does not hold the columns"):
        load("actors", root=copied)


def _with_wide_dictionaries(table: pa.Table, index: pa.DataType) -> pa.Table:
    """``table`` with every dictionary column's indices of type ``index``."""
    fields = [
        field.with_type(pa.dictionary(index, field.type.value_type)) if pa.types.is_dictionary(field.type) else field
        for field in table.schema
    ]
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))


@pytest.mark.parametrize("backend", ["pandas", "pyarrow"])
def test_dictionaries_read_with_int32_indices_load_with_the_declared_types(copied: Path, backend: str) -> None:
    """pyarrow 14, the oldest the install accepts, reads every Parquet dictionary with int32 indices:
    the loader refused the installed release there as 'written by another version'."""
    events = pq.read_table(copied / "events.parquet")
    _rewritten(copied, "events.parquet", _with_wide_dictionaries(events, pa.int32()))
    loaded = load("events", root=copied, backend=backend)  # type: ignore[call-overload]
    if backend == "pyarrow":
        assert loaded.schema.equals(arrow_schema(table("events")), check_metadata=False)
    else:
        assert str(loaded["category"].dtype) == "category" and len(loaded) == events.num_rows


def test_a_dictionary_longer_than_its_declared_indices_number_is_named(copied: Path) -> None:
    """Rows that use a code at an index int8 cannot number: a ReleaseError naming the file, not pyarrow's error."""
    claims = pq.read_table(copied / "claims.parquet")
    position = claims.schema.get_field_index("stance")
    stances = claims.column(position).to_pylist()
    entries = pa.array([*(f"unused-{n}" for n in range(200)), *dict.fromkeys(stances)], type=pa.string())
    forged = pa.DictionaryArray.from_arrays(
        pa.array([entries.to_pylist().index(s) for s in stances], pa.int32()), entries
    )
    field = claims.schema.field(position).with_type(forged.type)
    _rewritten(copied, "claims.parquet", claims.set_column(position, field, forged))
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet in .* cannot be read with the types"):
        load("claims", root=copied)


@pytest.mark.parametrize("backend", ["pandas", "pyarrow"])
def test_a_code_outside_its_vocabulary_is_refused_not_loaded_as_missing(copied: Path, backend: str) -> None:
    """The schema holds (a dictionary of strings) but one stance reads 'bogus': pandas' categorical
    would turn it into a missing value without a word, so the loader refuses the file instead."""
    claims = pq.read_table(copied / "claims.parquet")
    position = claims.schema.get_field_index("stance")
    field = claims.schema.field(position)
    stances = ["bogus", *claims.column(position).to_pylist()[1:]]
    forged = pa.array(stances, type=pa.string()).dictionary_encode().cast(field.type)
    _rewritten(copied, "claims.parquet", claims.set_column(position, field, forged))
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet in .* 'bogus' in column stance"):
        load("claims", root=copied, backend=backend)  # type: ignore[call-overload]


@pytest.mark.parametrize("backend", ["pandas", "pyarrow", "polars"])
@pytest.mark.parametrize(
    ("days", "outside"),
    [(2_932_897, "after 9999-12-31"), (-719_163, "before 0001-01-01"), (2**31 - 1, "after 9999-12-31")],
)
def test_a_day_no_python_date_holds_is_refused(copied: Path, backend: str, days: int, outside: str) -> None:
    """A date32 column holds any day of five million years; Python's dates, and the validator's, run
    from 0001 to 9999, pandas' to about 294000. A release put together by hand with a later day gave
    pandas' OutOfBoundsDatetime from load(), and the site an OverflowError from the rows it read."""
    events = pq.read_table(copied / "events.parquet")
    position = events.schema.get_field_index("date_end")
    field = events.schema.field(position)
    ends = [
        days,
        *(None if day is None else day.toordinal() - 719_163 for day in events.column(position).to_pylist()[1:]),
    ]
    forged = pa.array(ends, type=pa.int32()).cast(pa.date32())
    _rewritten(copied, "events.parquet", events.set_column(position, field, forged))
    with pytest.raises(
        syria_strikes.ReleaseError,
        match=rf"events\.parquet in .* holds a day {outside} in column date_end, where dates run",
    ):
        load("events", root=copied, backend=backend)  # type: ignore[call-overload]


def _with_text_not_utf8(release: Path) -> None:
    """One event's summary made of bytes that are not UTF-8 (and an escape sequence), the checksum
    recorded: Parquet's writer stores a string column's bytes as given, and its reader does not check."""
    events = pq.read_table(release / "events.parquet")
    position = events.schema.get_field_index("summary")
    summaries = [None if text is None else text.encode() for text in events.column(position).to_pylist()]
    summaries[0] = b"bad \xff\x1b[2J text"
    forged = pa.array(summaries, type=pa.binary()).view(pa.string())
    _rewritten(release, "events.parquet", events.set_column(position, events.schema.field(position), forged))


@pytest.mark.parametrize("backend", ["pandas", "pyarrow", "polars"])
def test_text_that_is_not_utf8_in_a_parquet_file_is_refused(copied: Path, backend: str) -> None:
    """load() gave a UnicodeDecodeError (pandas), or a table whose first read of the cell panicked in
    polars' Rust code."""
    _with_text_not_utf8(copied)
    with pytest.raises(syria_strikes.ReleaseError, match=r"events\.parquet in .* not UTF-8"):
        load("events", root=copied, backend=backend)  # type: ignore[call-overload]


@pytest.mark.parametrize("command", [["info", "--deep"], ["site", "--seeds", str(REPO / "seeds"), "--out"]])
def test_text_that_is_not_utf8_in_a_parquet_file_is_one_line(copied: Path, tmp_path: Path, command: list[str]) -> None:
    """``info --deep`` and ``site`` ended in a UnicodeDecodeError traceback."""
    _with_text_not_utf8(copied)
    argv = [*command, str(tmp_path / "site")] if command[0] == "site" else command
    result = in_process(*argv, "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "events.parquet in" in result.stderr and "not UTF-8" in result.stderr and result.stderr.count("\n") == 1


def _with_a_column_name_not_utf8(release: Path) -> None:
    """A byte of claims.parquet's footer changed so a column's name is not UTF-8, the checksum recorded."""
    path = release / "claims.parquet"
    data = bytearray(path.read_bytes())
    data[data.index(b"\x11attribution_start") + 1] = 0x9E
    path.write_bytes(bytes(data))
    descriptor = _descriptor(release)
    for resource in descriptor["resources"]:
        if resource["path"] == "claims.parquet":
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    (release / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def test_a_column_name_that_is_not_utf8_is_a_release_error(copied: Path) -> None:
    """pyarrow reads the names in Python: load() raised a bare UnicodeDecodeError."""
    _with_a_column_name_not_utf8(copied)
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet in .* cannot be read as Parquet"):
        load("claims", root=copied)


@pytest.mark.parametrize("command", [["info"], ["info", "--deep"]])
def test_a_column_name_that_is_not_utf8_is_one_line(copied: Path, command: list[str]) -> None:
    """``info`` ended in a UnicodeDecodeError traceback."""
    _with_a_column_name_not_utf8(copied)
    result = in_process(*command, "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "claims.parquet" in result.stderr and "cannot be read as Parquet" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_file_replaced_after_a_first_load_is_caught(copied: Path, tmp_path: Path) -> None:
    path = copied / "claims.parquet"
    assert len(load("claims", root=copied)) > 0
    status = path.stat()
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    replacement = tmp_path / "replacement.parquet"
    replacement.write_bytes(bytes(damaged))
    os.utime(replacement, ns=(status.st_atime_ns, status.st_mtime_ns))  # same path, size and mtime
    os.replace(replacement, path)
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet .* damaged or was modified"):
        load("claims", root=copied)


def test_a_file_grown_larger_is_refused_without_being_read_whole(copied: Path) -> None:
    """A file far larger than its record (a sparse terabyte, say) must not be read into memory to be
    hashed: it is refused by its size, unread."""
    path = copied / "claims.parquet"
    recorded = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(recorded + (64 << 20))
    with pytest.raises(syria_strikes.ReleaseError, match=rf"claims\.parquet .* holds more than the {recorded} bytes"):
        load("claims", root=copied)


def test_a_file_whose_record_is_larger_than_memory_is_a_release_error(
    copied: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A descriptor may record any size, and the file is read whole up to it: a size no memory holds
    (a sparse 64 GiB file recorded as such) ended load with a bare MemoryError."""
    from syria_strikes import loader

    out_of_memory_reading(monkeypatch, loader, lambda path: path.suffix == ".parquet")
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet .* too large to load into the memory"):
        load("claims", root=copied)


@pytest.mark.parametrize(
    "command",
    [["info", "--release", "{release}"], ["diff", "{release}", "{release}"], ["site", "--release", "{release}"]],
    ids=["info", "diff", "site"],
)
def test_a_descriptor_grown_huge_is_refused_by_its_size_unread(
    copied: Path, tmp_path: Path, command: list[str]
) -> None:
    """Nothing bounds a release's own record of its descriptor: one grown to a sparse terabyte was read
    whole into memory (then decoded, twice its size again) before being found malformed."""
    path = copied / "datapackage.json"
    with path.open("r+b") as handle:
        handle.truncate(DESCRIPTOR_MOST_BYTES + 1)
    argv = [part.format(release=copied) for part in command]
    result = in_process(
        *argv, *(["--seeds", str(REPO / "seeds"), "--out", str(tmp_path / "site")] if argv[0] == "site" else [])
    )
    assert_clean_failure(result, 1)
    assert f"more than {DESCRIPTOR_MOST_BYTES} bytes" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    with pytest.raises(syria_strikes.ReleaseError, match=f"more than {DESCRIPTOR_MOST_BYTES} bytes"):
        load("claims", root=copied)


@pytest.mark.parametrize("recorded", [-3, 2**63, 10**14], ids=["negative", "past 64 bits", "a hundred terabytes"])
def test_a_byte_count_edited_in_the_descriptor_gives_one_line(copied: Path, recorded: int) -> None:
    """The byte count bounds what verify reads: a negative or absurd one must neither raise nor
    make the reader reserve that much memory."""
    descriptor = _descriptor(copied)
    for resource in descriptor["resources"]:
        resource["bytes"] = recorded if resource["path"] == "events.csv" else resource["bytes"]
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert ("lacks a file name, a sha256 hash or a byte count" if recorded < 0 else "events.csv") in result.stderr


def test_a_file_rewritten_in_place_with_its_old_mtime_is_caught(copied: Path) -> None:
    path = copied / "events.parquet"
    assert len(load("events", root=copied)) > 0
    status = path.stat()
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    with path.open("r+b") as handle:
        handle.write(bytes(damaged))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    with pytest.raises(syria_strikes.ReleaseError, match=r"events\.parquet .* damaged or was modified"):
        load("events", root=copied)


def test_a_verified_file_is_verified_again_against_a_descriptor_that_records_another_hash(copied: Path) -> None:
    """What this process verified before vouches for the file's bytes, not for the descriptor: a
    descriptor rewritten to record another hash (a release put together by hand) no longer matches."""
    assert in_process("info", "--release", str(copied)).returncode == 0
    descriptor = _descriptor(copied)
    resource = next(r for r in descriptor["resources"] if r["path"] == "claims.parquet")
    resource["hash"] = "sha256:" + "0" * 64
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "claims.parquet in " in result.stderr and "0" * 64 in result.stderr
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet in "):
        load("claims", root=copied)


def test_the_site_checks_the_files_against_the_descriptor_it_republishes(
    copied: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The descriptor the site reads to republish differs from the one on disk a moment later (it was
    being rewritten): the files must be checked against the bytes published, so the site refuses
    instead of publishing a checksum its files do not match."""
    from syria_strikes.site import model

    read = model.read_file

    def read_mid_rewrite(path: Path, folder: Path, **options: bool) -> tuple[bytes, object]:
        data, key = read(path, folder, **options)
        if path.name == "datapackage.json":
            descriptor = json.loads(data)
            next(r for r in descriptor["resources"] if r["path"] == "claims.parquet")["hash"] = "sha256:" + "0" * 64
            data = json.dumps(descriptor).encode()
        return data, key

    monkeypatch.setattr(model, "read_file", read_mid_rewrite)
    with pytest.raises(syria_strikes.ReleaseError, match="0" * 64):
        model.read_site(copied, REPO / "seeds")


def test_a_resource_path_with_a_nul_byte_is_named(copied: Path) -> None:
    """A descriptor written by hand may name a file no file system can hold; it is a damaged release,
    reported as one, not a ValueError from the path."""
    descriptor = _descriptor(copied)
    descriptor["version"] = "0.5.0"  # of another version, whose files are not known here: each is looked for
    next(r for r in descriptor["resources"] if r["path"] == "claims.parquet")["path"] = "claims\x00.parquet"
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "claims\\x00.parquet in " in result.stderr
    result = in_process("diff", str(copied), str(copied))
    assert_clean_failure(result, 1)


def test_a_line_break_in_a_file_name_of_the_release_cannot_forge_a_line_of_info(copied: Path) -> None:
    """A release's descriptor may list any file of its folder, whose name may hold a line break: info
    prints one line per file, escaped, so the name cannot add a line such as another version."""
    name = "notes\nsyria-strikes 9.9.9"
    (copied / name).write_bytes(b"x")
    descriptor = _descriptor(copied)
    descriptor["version"] = "0.5.0"  # of another version, whose files are not known here: each is listed
    digest = "sha256:" + hashlib.sha256(b"x").hexdigest()
    descriptor["resources"].append({"name": "notes", "path": name, "hash": digest, "bytes": 1})
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("syria-strikes 9.9.9")]
    assert "notes\\x0asyria-strikes 9.9.9" in result.stdout


def test_a_file_no_build_of_this_version_writes_is_refused(copied: Path) -> None:
    """``info`` listed it and exited 0, where ``site`` refused the same release."""
    (copied / "evil.txt").write_bytes(b"x")
    descriptor = _descriptor(copied)
    digest = "sha256:" + hashlib.sha256(b"x").hexdigest()
    descriptor["resources"].append({"name": "evil", "path": "evil.txt", "hash": digest, "bytes": 1})
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert f"it lists 'evil.txt', which no build of {__version__} writes" in result.stderr
    with pytest.raises(syria_strikes.ReleaseError, match="which no build of"):
        syria_strikes.release_info(copied)


def test_a_descriptor_edited_by_hand_is_named_where_it_differs_from_the_build(copied: Path) -> None:
    """Every vocabulary replaced by ['evil'] passed: the descriptor is the schema users of Frictionless
    and R validate against, and diff reported vocabulary added."""
    descriptor = _descriptor(copied)
    for resource in descriptor["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            if "enum" in field.get("constraints", {}):
                field["constraints"]["enum"] = ["evil"]
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for command in (["info"], ["diff", str(copied), str(copied)]):
        result = in_process(*command, "--release", str(copied)) if command == ["info"] else in_process(*command)
        assert_clean_failure(result, 1)
        assert (
            f"differs from what a build of {__version__} writes at resources[0].schema.fields[2].constraints.enum"
            in result.stderr
        )
    with pytest.raises(syria_strikes.ReleaseError, match="differs from what a build"):
        load("actors", root=copied)


def test_a_local_build_relabelled_as_the_tagged_version_is_refused(copied: Path) -> None:
    """A build of other data is labelled '+local'; relabelled by hand as the tagged version, it was
    cited as that version's data."""
    path = copied / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"Syria", b"Syrja", 1))
    descriptor = _descriptor(copied)
    for resource in descriptor["resources"]:
        if resource["path"] == "actors.csv":
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            resource["bytes"] = path.stat().st_size
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert descriptor["version"] == syria_strikes.__version__
    with pytest.raises(
        syria_strikes.ReleaseError, match=r"labels the release .*, the tagged data, but its actors\.csv"
    ):
        syria_strikes.release_info(copied)
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)


def test_a_descriptor_listing_thousands_of_files_is_refused_before_any_is_looked_for(copied: Path) -> None:
    """Each file was looked up in the list of resources, for every resource: a descriptor of 16 MiB
    listing 200,000 files kept info busy for hours (and then printed a line naming each)."""
    descriptor = _descriptor(copied)
    descriptor["resources"] += [{"path": f"x{i}.csv", "hash": "sha256:0", "bytes": 1} for i in range(3000)]
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert f"it lists {len(descriptor['resources'])} files" in result.stderr and result.stderr.count("\n") == 1
    with pytest.raises(syria_strikes.ReleaseError, match="files, far more than a build writes"):
        load("claims", root=copied)


def test_a_file_listed_twice_in_the_descriptor_is_refused(copied: Path) -> None:
    """Each file was verified against the first resource naming it, yet described by the last: a
    second entry for claims.csv with another hash made ``info`` print that hash as the file's, exit 0,
    and the site republish the descriptor."""
    descriptor = _descriptor(copied)
    twin = {**next(r for r in descriptor["resources"] if r["path"] == "claims.csv"), "name": "claims-again"}
    descriptor["resources"].append({**twin, "hash": "sha256:" + "0" * 64})
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "lists claims.csv twice" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    with pytest.raises(syria_strikes.ReleaseError, match=r"lists claims\.csv twice"):
        load("claims", root=copied)


def test_a_dataset_folder_given_as_a_release_is_named_as_such(dataset: Dataset) -> None:
    """The repository root holds a datapackage.json too, one with no checksums: it is no damaged
    release, and a build into it is refused, so the message must not advise one."""
    result = in_process("info", "--release", str(dataset.root))
    assert_clean_failure(result, 1)
    assert "is a dataset folder (data/, seeds/), not a release" in result.stderr
    assert f"--out {dataset.root}" not in result.stderr
    with pytest.raises(syria_strikes.ReleaseError, match=r"is a dataset folder .*, not a release") as refused:
        load("claims", root=dataset.root)
    assert "malformed" not in str(refused.value)


@pytest.mark.parametrize("path", ["", ".", ".."], ids=["empty", "the folder", "the folder above"])
def test_a_resource_path_that_names_no_file_is_a_malformed_descriptor(copied: Path, path: str) -> None:
    """``copied / "."`` is the release folder itself: read as a file of the folder above, the message
    named the wrong file and advised a build into the folder above the release."""
    descriptor = _descriptor(copied)
    descriptor["resources"].append({"name": "extra", "path": path, "hash": "sha256:" + "0" * 64, "bytes": 1})
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "lacks a file name" in result.stderr
    assert f"--out {copied.parent}`" not in result.stderr


@pytest.mark.parametrize("left_out", [("claims.csv", "claims.parquet"), ("syria-strikes.sqlite",)])
def test_a_file_every_build_writes_left_out_of_the_descriptor_is_named(copied: Path, left_out: tuple[str, ...]) -> None:
    """A descriptor edited to leave a table out, its files removed, was verified as whole: ``info``
    listed the other tables and exited 0, ``release_info()`` returned them, and ``diff`` counted the
    table's rows as removed, as if the release predated it."""
    descriptor = _descriptor(copied)
    descriptor["resources"] = [r for r in descriptor["resources"] if r["path"] not in left_out]
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for name in left_out:
        (copied / name).unlink()
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert f"lists no {left_out[0]}, which every build of {descriptor['version']} writes" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    with pytest.raises(syria_strikes.ReleaseError, match=f"lists no {left_out[0]}"):
        syria_strikes.release_info(copied)
    assert_clean_failure(in_process("diff", str(copied), str(REPO / "data")), 1)


def test_a_release_of_another_version_is_verified_with_the_files_it_lists(copied: Path) -> None:
    """Which files a build of another version writes is that version's business: a release that
    predates a table is described with the files it lists (``diff`` compares such a release)."""
    descriptor = _descriptor(copied)
    descriptor["version"] = "0.0.1"
    left_out = ("uncovered_sentences.csv", "uncovered_sentences.parquet")
    descriptor["resources"] = [r for r in descriptor["resources"] if r["path"] not in left_out]
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert result.returncode == 0, result.stderr
    assert "uncovered_sentences" not in result.stdout and "claims.parquet" in result.stdout


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        *(
            ("created", created, "its build date")
            for created in ({"date": "2024-01-01"}, 1700000000, True, "yesterday", "2023-11-14T22:13:20Z\n2099-01-01")
        ),
        *(("version", version, "its version") for version in ("", "0.4.1 ", "0.3.0/../x", "0.3.0 <b>", "0.4.1\n")),
    ],
)
def test_a_build_date_or_version_no_build_writes_is_a_malformed_descriptor(
    copied: Path, key: str, value: object, words: str
) -> None:
    """Both were handed on unchecked: ``release_info().build_date``, declared a str or None, came back a
    dict, a number or a boolean; ``version`` came back empty or as '0.3.0/../x'; ``info`` printed either
    as the release's; and '0.4.1 ' (a space after it) escaped the check of the files every build of
    0.4.1 writes."""
    descriptor = _descriptor(copied)
    descriptor[key] = value
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert f"is malformed: {words}" in result.stderr and result.stderr.count("\n") == 1
    with pytest.raises(syria_strikes.ReleaseError, match=words):
        syria_strikes.release_info(copied)
    with pytest.raises(syria_strikes.ReleaseError, match=words):
        load("claims", root=copied)


def test_the_build_date_a_dated_build_writes_is_read_back(copied: Path) -> None:
    descriptor = _descriptor(copied)
    descriptor["created"] = "2023-11-14T22:13:20Z"
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert syria_strikes.release_info(copied).build_date == "2023-11-14T22:13:20Z"


def test_a_file_info_needs_no_bytes_of_is_verified_without_being_held_whole(
    copied: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file a release lists was read whole into memory to check its sha256: a release listing a
    sparse file of many gigabytes (its checksum known to its author, its zip a few kilobytes) made
    ``info``, the command that verifies a download, take that much memory. Only the Parquet files,
    whose rows it counts, are read whole now; a wrong checksum is still named."""
    from syria_strikes import loader

    padding = copied / "padding.bin"
    with padding.open("wb") as handle:  # sparse: no disk space
        handle.truncate(64 << 20)
    digest = hashlib.sha256()
    with padding.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    descriptor = _descriptor(copied)
    descriptor["version"] = "0.5.0"  # of another version, whose files are not known here: each is verified
    descriptor["resources"].append(
        {"name": "padding", "path": padding.name, "hash": f"sha256:{digest.hexdigest()}", "bytes": 64 << 20}
    )
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    held: list[str] = []
    read_file = loader.read_file

    def recording(path: Path, *args: object, **bounds: object) -> tuple[bytes, object]:
        held.append(path.name)
        return read_file(path, *args, **bounds)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_file", recording)
    assert in_process("info", "--release", str(copied)).returncode == 0
    assert padding.name not in held and "syria-strikes.sqlite" not in held and "claims.parquet" in held
    descriptor["resources"][-1]["hash"] = "sha256:" + "0" * 64
    (copied / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = in_process("info", "--release", str(copied))
    assert_clean_failure(result, 1)
    assert "padding.bin in " in result.stderr and "is damaged or was modified" in result.stderr
