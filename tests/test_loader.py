"""The loader: typed, complete, offline, and loud about a damaged installation."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import syria_strikes
from syria_strikes.column_types import arrow_schema
from syria_strikes.errors import ReleaseError
from syria_strikes.extras import installed
from syria_strikes.loader import decode_parquet, release_dir
from syria_strikes.metadata import LIST_DELIMITER, TABLES, Table
from tests.support.dataset import REPO, copy_dataset
from tests.support.forgery import REBUILT_NAME, REBUILT_SUMMARY, rebuilt_while_read
from tests.support.interpreter import fresh_python


@pytest.fixture(scope="module")
def release(request: pytest.FixtureRequest) -> Path:
    """The session's release built from data/ now; with the light install (no curator tools, so
    nothing to build with), the packaged one."""
    if not installed("validate"):
        return release_dir()
    built: Path = request.getfixturevalue("release")  # conftest's, built once per test process
    return built


def test_tables_version_and_description() -> None:
    assert syria_strikes.tables() == ("actors", "sources", "events", "claims", "actor_relations", "uncovered_sentences")
    assert syria_strikes.__version__.count(".") == 2
    assert "asserts: States it as true." in syria_strikes.describe("claims", "stance")
    assert syria_strikes.describe("claims", "stance").startswith("claims.stance (string, enum stance, required)\n")
    assert "  unit (string, enum unit): What the count counts." in syria_strikes.describe("claims")
    assert "primary key: claim_id" in syria_strikes.describe("claims")
    with pytest.raises(KeyError, match="the tables are actors, sources, events, claims"):
        syria_strikes.load("strikes")


def test_help_on_load_names_every_table() -> None:
    doc = syria_strikes.load.__doc__ or ""
    assert all(f" {name}," in doc or f" {name};" in doc for name in syria_strikes.tables())


def test_describe_value_code_lists_the_codes_of_each_coded_predicate() -> None:
    from syria_strikes.metadata import CODED_PREDICATES

    text = syria_strikes.describe("claims", "value_code")
    for predicate, vocabulary in CODED_PREDICATES.items():
        block = text.split(f"allowed values when predicate is {predicate}:\n", 1)[1]
        assert all(f"  {code}: " in block for code in vocabulary.codes), predicate
    assert "when predicate is place: an ISO 3166-1 alpha-3 country code" in text


@pytest.mark.parametrize("name", ["claim", "Claims", " claims"])
def test_a_misspelt_table_name_is_answered_with_the_nearest_name(name: str) -> None:
    with pytest.raises(KeyError, match=r"\(did you mean 'claims'\?\); the tables are actors"):
        syria_strikes.load(name)


def test_a_misspelt_column_name_is_answered_with_the_nearest_name_and_every_column() -> None:
    with pytest.raises(KeyError, match=r"no column 'stanc' \(did you mean 'stance'\?\); its columns are claim_id, "):
        syria_strikes.describe("claims", "stanc")
    with pytest.raises(KeyError, match=r"no column 'zzz'; its columns are claim_id, .*, curator_note"):
        syria_strikes.describe("claims", "zzz")


def test_dtypes_follow_the_metadata(release: Path) -> None:
    for declared in TABLES:
        frame = syria_strikes.load(declared.name, root=release)
        assert list(frame.columns) == list(declared.column_names)
        for column in declared.columns:
            dtype = frame[column.name].dtype
            if column.vocabulary is not None:
                assert list(dtype.categories) == list(column.vocabulary.codes), column.name
            elif column.type == "integer":
                assert dtype == "Int64"
            elif column.type == "date":
                assert pd.api.types.is_datetime64_dtype(dtype), column.name
            elif column.type == "string":
                assert pd.api.types.is_string_dtype(dtype)


def test_unused_categories_are_still_declared(release: Path) -> None:
    claims = syria_strikes.load("claims", root=release)
    assert "denies" in claims["stance"].cat.categories


def test_csv_to_parquet_to_pandas_loses_nothing(release: Path) -> None:
    """Every cell of data/*.csv comes back from the loader with the same value."""
    for declared in TABLES:
        frame = syria_strikes.load(declared.name, root=release)
        with (REPO / declared.path).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(frame) == len(rows)
        for column in declared.columns:
            loaded = [_comparable(value, column.type) for value in frame[column.name].tolist()]
            written = [_comparable(row[column.name] or None, column.type) for row in rows]
            assert loaded == written, f"{declared.name}.{column.name}"


def _comparable(value: object, kind: str) -> object:
    """A value as plain Python, whether it came from a CSV cell or from the loader."""
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return None
    if kind == "list":
        return list(value) if not isinstance(value, str) else value.split(LIST_DELIMITER)
    if kind == "date":
        return value if isinstance(value, str) else value.strftime("%Y-%m-%d")  # a loaded date has no time
    if kind == "number":
        return float(value)
    if kind == "integer":
        return int(value)
    return str(value)


def test_load_all_and_other_backends(release: Path) -> None:
    everything = syria_strikes.load_all(root=release)
    assert set(everything) == set(syria_strikes.tables())
    arrow = syria_strikes.load("events", backend="pyarrow", root=release)
    assert arrow.schema.field("date_start").type == pa.date32()
    polars = pytest.importorskip("polars")
    assert isinstance(syria_strikes.load("events", backend="polars", root=release), polars.DataFrame)
    with pytest.raises(ValueError, match="backend"):
        syria_strikes.load("events", backend="excel", root=release)


@pytest.mark.parametrize("declared", TABLES, ids=[declared.name for declared in TABLES])
def test_the_arrow_backend_gives_the_declared_schema_to_the_names_of_list_items(release: Path, declared: Table) -> None:
    """Parquet calls a list's items "element"; the declared schema, and pandas' list dtype, say "item"."""
    arrow = syria_strikes.load(declared.name, backend="pyarrow", root=release)
    assert [(field.name, str(field.type)) for field in arrow.schema] == [
        (field.name, str(field.type)) for field in arrow_schema(declared)
    ]


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_columns_decoded_side_by_side_give_the_table_one_thread_gives(release: Path, threads: int) -> None:
    for declared in TABLES:
        data = (release / f"{declared.name}.parquet").read_bytes()
        alone = decode_parquet(data, threads=1)
        side_by_side = decode_parquet(data, threads=threads)
        assert side_by_side.schema.equals(alone.schema, check_metadata=True)
        assert side_by_side.equals(alone)


def test_columns_of_any_shape_are_decoded_side_by_side_as_one_thread_decodes_them() -> None:
    """A release that was tampered with may hold nested, twice-named or dotted columns, or one with
    nothing stored: they decode as on one thread (the schema check then refuses them), never with an
    error of the splitting."""
    import io

    import pyarrow.parquet as pq

    from tests.support.parquet_footer import without_struct_field

    nested = pa.table(
        {
            "point": pa.array([{"x": 1, "y": 2}, None], type=pa.struct([("x", pa.int64()), ("y", pa.int64())])),
            "items": pa.array([["a", "b"], []], type=pa.list_(pa.string())),
            "plain": pa.array(["one", None]),
        }
    )
    twice = pa.Table.from_arrays([pa.array([1, 2]), pa.array([3, 4]), pa.array(["a", "b"])], names=["a", "a", "b"])
    # A column named as the path to a struct's field: asked for alone, pyarrow also gives that field.
    dotted = nested.append_column("point.x", pa.array(["one", "two"]))
    emptied = pa.table({"point": pa.array([{"x": 1}, None], type=pa.struct([("x", pa.int64())])), "plain": ["a", "b"]})
    for arrow in (nested, twice, dotted, emptied):
        sink = io.BytesIO()
        pq.write_table(arrow, sink)
        data = sink.getvalue() if arrow is not emptied else without_struct_field(sink.getvalue())
        assert decode_parquet(data, threads=2).equals(decode_parquet(data, threads=1))


@pytest.mark.parametrize("missing", [0, 2], ids=["first chunk", "last chunk"])
def test_a_footer_that_contradicts_itself_is_refused_side_by_side_as_on_one_thread(
    tmp_path: Path, missing: int
) -> None:
    """A row group that lists a column chunk fewer than the schema has columns: one thread refuses it
    with a Parquet error, so must the columns decoded side by side, in a process that then exits with
    its own status (pyarrow aborts the interpreter when asked from Python for such a chunk's sizes)."""
    import io

    import pyarrow.parquet as pq

    from tests.support.parquet_footer import without_column_chunk

    schema = pa.schema([pa.field("a", pa.string(), nullable=False), ("b", pa.string()), ("c", pa.int64())])
    sink = io.BytesIO()
    pq.write_table(pa.table([["x", "y"], ["p", None], [1, 2]], schema=schema), sink)
    edited = tmp_path / "edited.parquet"
    edited.write_bytes(without_column_chunk(sink.getvalue(), missing))
    script = (
        "import pathlib, pyarrow\n"
        "from syria_strikes.loader import decode_parquet\n"
        f"data = pathlib.Path({str(edited)!r}).read_bytes()\n"
        "for threads in (1, 2):\n"
        "    try:\n"
        "        decode_parquet(data, threads=threads)\n"
        "    except (pyarrow.ArrowException, OSError):\n"
        "        print('refused')\n"
    )
    result = fresh_python(script)
    assert (result.returncode, result.stdout, result.stderr) == (0, "refused\nrefused\n", "")


def test_damaged_file_is_named(release: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    shutil.copytree(release, damaged)
    data = bytearray((damaged / "claims.parquet").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (damaged / "claims.parquet").write_bytes(bytes(data))
    with pytest.raises(syria_strikes.ReleaseError, match=r"claims\.parquet .* damaged or was modified"):
        syria_strikes.load("claims", root=damaged)
    assert len(syria_strikes.load("actors", root=damaged)) == len(syria_strikes.load("actors", root=release))


def test_a_release_replaced_between_its_descriptor_and_a_file_is_read_as_the_new_one(
    release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build replaces a release folder in one step, so a program that loads while the curator
    rebuilds can read the old descriptor and then the new file: both releases are sound, yet the
    file did not match the checksum read a moment before, and load() called the release damaged."""
    old, replaced = rebuilt_while_read(release, tmp_path, monkeypatch)
    events = syria_strikes.load("events", root=old)
    assert replaced and set(events["summary"]) == {REBUILT_SUMMARY}


def test_every_table_loaded_at_once_is_of_one_release_when_a_build_replaces_it_meanwhile(
    release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_all() read each table on its own: across a rebuild it gave the old release's actors and
    the new one's events, claims and relations, a set no build wrote."""
    old, replaced = rebuilt_while_read(release, tmp_path, monkeypatch)
    tables = syria_strikes.load_all(root=old)
    assert replaced
    assert set(tables["events"]["summary"]) == {REBUILT_SUMMARY}
    assert set(tables["actors"]["name"]) == {REBUILT_NAME}


def test_missing_release_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(syria_strikes.ReleaseError, match=r"syria-strikes build --out DIR"):
        syria_strikes.load("claims", root=tmp_path)


def test_bundled_release_loads_without_arguments() -> None:
    assert len(syria_strikes.load("claims")) > 0


def test_event_summary_marks_the_july_2021_homs_strike_contested(release: Path) -> None:
    summary = syria_strikes.event_summary(root=release)
    homs = summary[summary["event_id"] == "evt-2021-07-22-homs-strike"]
    assert homs["event_contested"].all()
    assert "munitions_intercepted" in homs["contested_predicates"].iloc[0].split("|")


@pytest.mark.parametrize("side_by_side", [False, True], ids=["one thread", "columns side by side"])
def test_a_process_that_loaded_a_table_exits_cleanly(side_by_side: bool) -> None:
    """The interpreter once aborted at exit ("terminate called without an active exception") after
    a pyarrow load; a user's script must end with its own exit status. One process loads with each
    backend and meets the error of an unknown one: an abort at exit after any of them shows here.
    The real tables are small: the path of large files is forced on for the second run."""
    script = (
        "import syria_strikes\n"
        + ("import syria_strikes.loader\nsyria_strikes.loader.PARALLEL_FROM_BYTES = 0\n" if side_by_side else "")
        + "for backend in ('pyarrow', 'pandas', 'bogus'):\n"
        "    try:\n"
        "        syria_strikes.load('claims', backend=backend)\n"
        "    except ValueError:\n"
        "        assert backend == 'bogus'\n"
    )
    result = fresh_python(script)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_release_folder_the_user_named_is_not_fixed_by_reinstalling(release: Path, tmp_path: Path) -> None:
    """Reinstalling the package repairs only the installed release; a damaged copy of the user's own
    is built or downloaded again."""
    damaged = tmp_path / "mine"
    shutil.copytree(release, damaged)
    with (damaged / "claims.parquet").open("ab") as handle:
        handle.write(b"x")
    with pytest.raises(syria_strikes.ReleaseError) as raised:
        syria_strikes.load("claims", root=damaged)
    assert f"build it again with `syria-strikes build --out {damaged}`" in str(raised.value)
    assert "pip install" not in str(raised.value)


def test_a_wrong_backend_is_named_before_any_file_is_read(tmp_path: Path) -> None:
    # An empty folder is no release: the backend, the caller's first mistake, is the one named.
    with pytest.raises(ValueError, match="backend must be 'pandas', 'pyarrow' or 'polars', not 'arrow'"):
        syria_strikes.load("claims", backend="arrow", root=tmp_path)  # type: ignore[call-overload]


def test_a_root_that_is_no_path_is_named_as_the_wrong_type() -> None:
    with pytest.raises(TypeError, match=r"root must be the path of a release folder \(a str or pathlib.Path\), not 1"):
        syria_strikes.load("claims", root=1)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="root must be the path of a release folder"):
        syria_strikes.release_info(1)  # type: ignore[arg-type]


def test_a_zip_given_as_root_is_named_as_a_file_to_unzip(tmp_path: Path) -> None:
    bundle = tmp_path / "syria-strikes-data-0.3.0.zip"
    bundle.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip
    for read in (lambda: syria_strikes.load("claims", root=bundle), lambda: syria_strikes.release_info(bundle)):
        with pytest.raises(ReleaseError, match="is a file, not a release folder: unzip a release bundle"):
            read()


def test_the_folder_a_bundle_was_unzipped_into_names_the_release_inside(release: Path, tmp_path: Path) -> None:
    """Unzipping syria-strikes-data-X.zip into a folder makes syria-strikes-data-X/ inside it; the
    outer folder, the one a user passes, said only 'no built release' without naming the inner one."""
    unzipped = tmp_path / "downloads"
    (unzipped / "notes").mkdir(parents=True)
    shutil.copytree(release, unzipped / "syria-strikes-data-0.4.0")
    inner = re.escape(str(unzipped / "syria-strikes-data-0.4.0"))
    for read in (lambda: syria_strikes.load("claims", root=unzipped), lambda: syria_strikes.release_info(unzipped)):
        with pytest.raises(ReleaseError, match=rf"no built release at .*downloads: it holds one .*: pass {inner}$"):
            read()
    with pytest.raises(ReleaseError, match="pass the folder a build wrote"):
        syria_strikes.load("claims", root=unzipped / "notes")


def test_a_dataset_clone_inside_the_folder_is_not_offered_as_its_release(tmp_path: Path) -> None:
    """A clone holds a datapackage.json too: offered as 'the release inside', it was then refused as a
    dataset folder when passed."""
    copy_dataset(tmp_path / "projects" / "clone")
    with pytest.raises(ReleaseError) as refused:
        syria_strikes.load("claims", root=tmp_path / "projects")
    assert "holds one" not in str(refused.value) and "pass the folder a build wrote" in str(refused.value)


@pytest.mark.parametrize("shape", ["one long name", "deep"])
def test_a_root_too_long_for_the_system_is_a_release_error(tmp_path: Path, shape: str) -> None:
    """The system refuses to look such a path up at all; asking whether it is a file raised that
    refusal as a bare OSError instead of the ReleaseError the loader promises."""
    root = tmp_path / ("a" * 300 if shape == "one long name" else "/".join(["a"] * 3000))
    for read in (lambda: syria_strikes.load("claims", root=root), lambda: syria_strikes.release_info(root)):
        with pytest.raises(ReleaseError, match="cannot be read: file name too long"):
            read()


def test_the_remedy_for_the_package_release_is_a_build_in_a_checkout_and_a_reinstall_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reinstalling from PyPI would replace a checkout's editable install."""
    from syria_strikes import loader

    assert loader.remedy(loader.release_dir()) == f"run `python -m syria_strikes build` in {REPO}"
    site_release = tmp_path / "site-packages" / "syria_strikes" / "release"
    site_release.mkdir(parents=True)
    monkeypatch.setattr(loader, "release_dir", lambda: site_release)
    assert loader.remedy(site_release) == loader.REINSTALL
    unzipped = tmp_path / "syria-strikes-data-0.6.0"
    unzipped.mkdir()
    # An unzipped bundle has no build's mark: the build it was told to run refused to replace it.
    assert loader.remedy(unzipped).startswith("unzip or download the release again")
    (unzipped / ".syria-strikes-release").write_text("marked\n", encoding="utf-8")
    assert loader.remedy(unzipped).startswith("build it again with `syria-strikes build --out")
