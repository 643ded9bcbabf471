"""Attacks on `validate` through the file system and the cells: each ends in problems, exit 1, no
traceback, no hang and no secret printed.

The command runs in this process; in a forked child (tests/support/forked.py) where a reader could
block on a named pipe, so a timeout can end it, or where root must meet file permissions. Faults
that cannot interact (other rows, other files) share one damaged copy, validated once.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from syria_strikes.checks.provenance import check_quotes
from tests.support.attacks import assert_clean_failure, in_process, out_of_memory_reading
from tests.support.dataset import Dataset, copy_dataset, file_contents, link_cache
from tests.support.forked import forked
from tests.support.unprivileged import forked_unprivileged

SECRET = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-fake-secret"
HANG_GUARD_SECONDS = 600  # a reader blocked on a FIFO fails the test instead of stalling the suite


def _problems(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert_clean_failure(result, 1)
    problems: list[dict[str, Any]] = json.loads(result.stdout)["problems"]
    return problems


def _validate(dataset: Dataset) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    result = in_process("validate", "--data-dir", str(dataset.data_dir), "--format", "json")
    return result, _problems(result)


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "environ"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\nclaim_id,quote\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize("name", ["data/claims.csv", "datapackage.json"])
def test_a_link_to_a_secret_is_reported_and_never_read(warm_dataset: Dataset, tmp_path: Path, name: str) -> None:
    (warm_dataset.root / name).unlink()
    (warm_dataset.root / name).symlink_to(_secret(tmp_path))
    for output in ("json", "text"):
        result = in_process("validate", "--data-dir", str(warm_dataset.data_dir), "--format", output)
        assert_clean_failure(result, 1)
        assert "wJalrXUtnFEMI" not in result.stdout + result.stderr
        assert "file_inside" in result.stdout


def test_a_seed_linked_to_a_secret_is_reported_and_never_read(warm_dataset: Dataset, tmp_path: Path) -> None:
    seed = warm_dataset.seed("000")
    seed.unlink()
    seed.symlink_to(_secret(tmp_path))
    result, problems = _validate(warm_dataset)
    assert "wJalrXUtnFEMI" not in result.stdout
    # One problem, naming the link: the row is right, the file is not.
    assert [(p["table"], p["column"], p["rule"]) for p in problems] == [("sources", "seed_path", "file_inside")]
    assert "symbolic link" in problems[0]["message"]


@pytest.mark.parametrize(("kind", "words"), [("fifo", "named pipe"), ("folder", "a folder")])
def test_a_fifo_or_folder_in_place_of_a_file_is_reported_without_hanging(
    warm_dataset: Dataset, kind: str, words: str
) -> None:
    for path in (warm_dataset.path("claims"), warm_dataset.seed("002")):
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.mkdir()
    argv = ("validate", "--data-dir", str(warm_dataset.data_dir), "--format", "json")
    # Opening a FIFO blocks until a writer comes: that run gets a process a timeout can end.
    result = forked(*argv, timeout=HANG_GUARD_SECONDS) if kind == "fifo" else in_process(*argv)
    found = {(p["table"], p["rule"]): p["message"] for p in _problems(result)}
    assert words in found["claims", "file_regular"]
    assert words in found["sources", "file_regular"]


def test_data_hash_names_a_fifo_among_the_tables_without_hanging(warm_dataset: Dataset) -> None:
    os.mkfifo(warm_dataset.data_dir / "claims (1).csv")
    result = forked("data-hash", "--data-dir", str(warm_dataset.data_dir), timeout=HANG_GUARD_SECONDS)
    assert_clean_failure(result, 1)
    assert "claims (1).csv: the file is a named pipe (FIFO)" in result.stdout
    assert "[rule: file_regular]" in result.stdout


def test_data_hash_names_a_link_out_of_the_dataset_as_validate_does(warm_dataset: Dataset, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text("not the dataset's", encoding="utf-8")
    warm_dataset.path("claims").unlink()
    warm_dataset.path("claims").symlink_to(outside)
    result = in_process("data-hash", "--data-dir", str(warm_dataset.data_dir))
    assert_clean_failure(result, 1)
    assert "claims.csv: the file is a symbolic link that leads outside" in result.stdout
    assert "[rule: file_inside]" in result.stdout and "not the dataset's" not in result.stdout


@pytest.mark.parametrize("folder", ["data", "seeds"])
def test_data_hash_hashes_a_file_whose_name_is_not_utf8(warm_dataset: Dataset, folder: str) -> None:
    """A name the file system holds as bytes that are not UTF-8 (``os.fsdecode`` gives it lone
    surrogates) is hashed by those bytes: it is data the hash must cover, not a reason to stop."""
    before = in_process("data-hash", "--data-dir", str(warm_dataset.data_dir))
    (warm_dataset.root / folder / os.fsdecode(b"stray-\xff.csv")).write_text("a stray copy\n", encoding="utf-8")
    result = in_process("data-hash", "--data-dir", str(warm_dataset.data_dir))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.split("\n")[0].startswith("sha256:")
    assert result.stdout.split("\n")[0] != before.stdout.split("\n")[0]


@pytest.mark.parametrize("folder", ["seeds", "seeds/sub"])
def test_data_hash_names_a_seeds_folder_it_cannot_list(warm_dataset: Dataset, folder: str) -> None:
    """A folder of seeds that cannot be listed was left out of the hash without a word: the hash
    printed was not that of the data it claims to cover."""
    (warm_dataset.root / "seeds" / "sub").mkdir()
    (warm_dataset.root / folder).chmod(0o311)  # entered, not listed
    result = forked_unprivileged("data-hash", "--data-dir", str(warm_dataset.data_dir), cwd=warm_dataset.root)
    (warm_dataset.root / folder).chmod(0o755)
    assert_clean_failure(result, 1)
    shown = "seeds/" if folder == "seeds" else folder  # a report names the seeds folder as seeds/
    assert f"{shown}: the folder cannot be listed: permission denied" in result.stdout
    assert "[rule: file_readable]" in result.stdout and "sha256:" not in result.stdout


def test_a_data_folder_that_cannot_be_looked_into_is_reported_by_its_rule(dataset: Dataset) -> None:
    """Telling a release or a dataset's root from a data folder looked inside it, and the refusal ended
    the command naming 'data/data', a path the user never gave."""
    dataset.data_dir.chmod(0o600)
    try:
        result = forked_unprivileged("validate", "--data-dir", str(dataset.data_dir), cwd=dataset.root)
    finally:
        dataset.data_dir.chmod(0o755)
    assert_clean_failure(result, 1)
    assert "[rule: file_readable]" in result.stdout and "data/data" not in result.stdout + result.stderr


def test_data_hash_names_a_file_in_seeds_larger_than_any_seed_unread(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file in seeds/ was read whole to hash it: a sparse file of a terabyte there stopped the
    command with "too large for the memory available", naming no file, and one of a few gigabytes
    was held in memory whole. Validation refuses such a seed unread, and so does the hash."""
    from syria_strikes import safefiles, versioning
    from syria_strikes.metadata import SEED_MOST_BYTES

    huge = warm_dataset.root / "seeds" / "099_dropped_by_mistake.txt"
    with huge.open("wb") as handle:  # sparse: no disk space, and nothing in memory unless read
        handle.truncate(SEED_MOST_BYTES + 1)
    largest: list[int] = []
    read_file = safefiles.read_file

    def recording(path: Path, folder: Path, **bounds: object) -> tuple[bytes, object]:
        data, key = read_file(path, folder, **bounds)  # type: ignore[arg-type]
        largest.append(len(data))
        return data, key

    monkeypatch.setattr(versioning, "read_file", recording)
    result = in_process("data-hash", "--data-dir", str(warm_dataset.data_dir))
    assert_clean_failure(result, 1)
    assert "099_dropped_by_mistake.txt: the seed file holds more than" in result.stdout
    assert "[rule: seed_size]" in result.stdout and "sha256:" not in result.stdout
    assert max(largest, default=0) <= SEED_MOST_BYTES


def test_data_hash_of_a_folder_without_the_tables_is_an_error(tmp_path: Path) -> None:
    """``data-hash --data-dir /etc`` printed the hash of nothing with exit 0."""
    (tmp_path / "passwd").write_text("root:x:0:0\n", encoding="utf-8")
    result = in_process("data-hash", "--data-dir", str(tmp_path))
    assert_clean_failure(result, 2)
    assert result.stdout == ""
    assert "is not a data folder" in result.stderr and "claims.csv" in result.stderr


def test_a_line_break_in_a_file_name_cannot_forge_a_line_of_the_report(warm_dataset: Dataset) -> None:
    """A name may hold a line break: printed as it is, a stray file in a pull request could add a
    line such as the verdict of valid data to the report. Each problem stays on one line."""
    forged = "valid: every table, rule, quote and seed checks out."
    (warm_dataset.data_dir / f"x\n{forged}\n.csv").write_text("copy\n", encoding="utf-8")
    (warm_dataset.root / "seeds" / f"y\n{forged}\n.txt").write_text("copy\n", encoding="utf-8")
    result = in_process("validate", "--data-dir", str(warm_dataset.data_dir))
    assert_clean_failure(result, 1)
    lines = result.stdout.splitlines()
    assert forged not in lines
    assert len(lines) == 3 and lines[-1] == "invalid: 2 problems found."
    assert all(f"\\x0a{forged}\\x0a" in line for line in lines[:2])


def _unprivileged_validate(dataset: Dataset) -> set[tuple[str, str | None, str]]:
    result = forked_unprivileged("validate", "--format", "json", cwd=dataset.root)
    assert "PermissionError" not in result.stderr
    return {(p["table"], p["column"], p["rule"]) for p in _problems(result)}


def test_unreadable_files_and_folders_are_problems_not_tracebacks(warm_dataset: Dataset) -> None:
    warm_dataset.path("events").chmod(0o000)
    warm_dataset.seed("000").chmod(0o000)
    (warm_dataset.root / "datapackage.json").chmod(0o000)
    rules = {(table, rule) for table, _, rule in _unprivileged_validate(warm_dataset)}
    assert {("events", "file_readable"), ("sources", "file_readable"), ("datapackage.json", "file_readable")} <= rules


def test_an_unreadable_data_folder_is_a_problem(warm_dataset: Dataset) -> None:
    warm_dataset.data_dir.chmod(0o300)  # can enter, cannot list
    rules = {(table, rule) for table, _, rule in _unprivileged_validate(warm_dataset)}
    assert ("data/", "file_readable") in rules


def test_an_unreadable_seeds_folder_is_a_problem_per_seed(warm_dataset: Dataset) -> None:
    (warm_dataset.root / "seeds").chmod(0o000)
    assert _unprivileged_validate(warm_dataset) == {("sources", "seed_path", "file_readable")}


def test_an_unreadable_seeds_readme_is_one_problem_not_a_list_without_lines(warm_dataset: Dataset) -> None:
    """Read as a list with no line, it would report every seed unlisted, and tell the curator to restore
    lines that are there."""
    (warm_dataset.root / "seeds" / "README.md").chmod(0o000)
    assert _unprivileged_validate(warm_dataset) == {("seeds/README.md", None, "file_readable")}


def test_the_cache_hashes_nothing_a_link_leads_to_outside_the_dataset(
    warm_dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the undamaged tables' digests in the cache, as a curator's copy has them."""
    from syria_strikes import cache

    warm_dataset.path("claims").unlink()
    warm_dataset.path("claims").symlink_to(_secret(tmp_path))
    hashed: list[Path] = []
    digest = cache._file_digest

    def recorded(path: str, *stopped: object) -> str:
        hashed.append(Path(path).resolve())
        return digest(path, *stopped)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "_file_digest", recorded)
    outcome = cache.validate(warm_dataset.data_dir)
    assert "file_inside" in {problem.rule for problem in outcome.problems}
    assert hashed and all(path.is_relative_to(warm_dataset.root.resolve()) for path in hashed)


def test_a_header_of_100000_columns_is_one_problem(warm_dataset: Dataset) -> None:
    warm_dataset.write_raw("claims", (",".join(f"c{i}" for i in range(100_000)) + "\n" + "x\n").encode())
    _, problems = _validate(warm_dataset)
    claims = [p for p in problems if p["table"] == "claims"]
    assert [(p["row"], p["rule"]) for p in claims] == [(1, "header_width")]


def test_a_40000_deep_parent_chain_validates(warm_dataset: Dataset) -> None:
    """The rules themselves, not the command: printing 40,000 problems costs seconds and has no depth."""
    from syria_strikes import cache

    rows = warm_dataset.rows("actors")
    template = rows[0]
    depth = 40_000
    for n in range(depth):
        parent = f"act-chain-{n + 1:05d}" if n + 1 < depth else "act-chain-00000"
        rows.append({**template, "actor_id": f"act-chain-{n:05d}", "name": f"Chain {n}", "parent_actor_id": parent})
    warm_dataset.write_rows("actors", rows)
    problems = cache.validate(warm_dataset.data_dir).problems
    cycles = [p for p in problems if p.rule == "parent_cycle"]
    assert len(cycles) == depth
    assert {p.rule for p in problems} == {"parent_cycle"}


# --- faults that cannot interact, planted in one copy ----------------------------------------------

STRAY_NAMES = ["claims.csv.bak", "claims.tsv", "claims .csv", "claims (1).csv"]
ESCAPING_NAME = "claims\x1b[2J\x1b]0;owned\x07.csv"
INVISIBLE_CHARS = ["\u3164", "\u061c", "\U000e0041", "\u2800", "\u034f", "\ufe0f"]
FORMULA = 'Plain alias|=HYPERLINK("http://x")'
PASTED_PAGE = "a pasted page " * 20_000


@dataclass(frozen=True)
class Faults:
    """One copy holding every fault below, and what `validate` said of it, as JSON and as text."""

    lines: dict[str, int]  # the planted fault -> the line of its row
    problems: list[dict[str, Any]]
    text: subprocess.CompletedProcess[str]

    def at(self, fault: str) -> list[tuple[int, str, str]]:
        """The problems on the row the fault was planted in (faults share no row of a table)."""
        table = fault.split(":")[0]
        return [(p["row"], p["column"], p["rule"]) for p in self.of(table) if p["row"] == self.lines[fault]]

    def of(self, table: str) -> list[dict[str, Any]]:
        return [p for p in self.problems if p["table"] == table]


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory, undamaged_cache: Path) -> Faults:
    dataset = copy_dataset(tmp_path_factory.mktemp("faults") / "dataset")
    link_cache(undamaged_cache, dataset.root / undamaged_cache.name)
    for name in STRAY_NAMES:
        (dataset.data_dir / name).write_bytes(dataset.raw("claims"))
    (dataset.data_dir / ESCAPING_NAME).write_text("copy\n", encoding="utf-8")
    formula_row = dataset.find("actors", aliases=lambda cell: cell == "")
    lines = {"actors:formula": dataset.set_cell("actors", formula_row, "aliases", FORMULA)}
    other_rows = (n for n in range(len(dataset.rows("actors"))) if n != formula_row)
    for row, char in zip(other_rows, INVISIBLE_CHARS, strict=False):
        lines[f"actors:{char}"] = dataset.set_cell("actors", row, "name", f"Name{char}")
    lines["claims:pasted"] = dataset.set_cell("claims", 0, "curator_note", PASTED_PAGE)
    lines["events:0000"] = dataset.set_cell("events", 0, "date_start", "0000-06-01")
    lines["events:0001"] = dataset.set_cell("events", 1, "date_start", "0001-06-01")
    _, problems = _validate(dataset)
    text = in_process("validate", "--data-dir", str(dataset.data_dir))
    return Faults(lines, problems, text)


def test_the_faults_of_one_copy_are_each_reported_and_nothing_else(faults: Faults) -> None:
    """What each test below finds is all there is: no fault hides another or adds a problem."""
    columns = {"actors:formula": "aliases", "claims:pasted": "curator_note"} | dict.fromkeys(
        ("events:0000", "events:0001"), "date_start"
    )
    rules = {"claims:pasted": "max_length", "events:0000": "type_date", "events:0001": "minimum"}
    expected = [(f"data/{name}", None, None, "file_declared") for name in [*STRAY_NAMES, ESCAPING_NAME]] + [
        (f"data/{fault.split(':')[0]}.csv", line, columns.get(fault, "name"), rules.get(fault, "clean_text"))
        for fault, line in faults.lines.items()
    ]
    found = [(p["file"], p["row"], p["column"], p["rule"]) for p in faults.problems]
    assert sorted(found, key=repr) == sorted(expected, key=repr)


def test_an_escape_sequence_in_a_file_name_is_printed_escaped(faults: Faults) -> None:
    assert_clean_failure(faults.text, 1)
    assert "data/claims\\x1b[2J\\x1b]0;owned\\x07.csv" in faults.text.stdout


@pytest.mark.parametrize("name", STRAY_NAMES)
def test_stray_copies_of_a_table_are_reported(faults: Faults, name: str) -> None:
    assert [(p["file"], p["rule"]) for p in faults.problems if p["file"] == f"data/{name}"] == [
        (f"data/{name}", "file_declared")
    ]


def test_a_cell_of_a_pasted_document_is_refused_as_such(faults: Faults) -> None:
    assert faults.at("claims:pasted") == [(faults.lines["claims:pasted"], "curator_note", "max_length")]
    (pasted,) = faults.of("claims")
    assert len(pasted["value"]) <= 1000


@pytest.mark.parametrize("char", INVISIBLE_CHARS)
def test_invisible_characters_at_a_cell_edge_are_refused(faults: Faults, char: str) -> None:
    line = faults.lines[f"actors:{char}"]
    assert faults.at(f"actors:{char}") == [(line, "name", "clean_text")]


def test_a_formula_in_any_list_item_is_refused(faults: Faults) -> None:
    line = faults.lines["actors:formula"]
    assert faults.at("actors:formula") == [(line, "aliases", "clean_text")]
    assert "=HYPERLINK" in next(p["message"] for p in faults.of("actors") if p["row"] == line)


def test_the_year_0000_is_refused_and_0001_read(faults: Faults) -> None:
    line = faults.lines["events:0000"]
    assert (line, "date_start", "type_date") in faults.at("events:0000")
    assert "not a real calendar date" in next(p["message"] for p in faults.problems if p["rule"] == "type_date")
    # Read as a date, the year 0001 is then judged by the column's bounds, as any early date is.
    assert faults.at("events:0001") == [(faults.lines["events:0001"], "date_start", "minimum")]


@pytest.mark.parametrize(
    ("damage", "rule"),
    [
        ('{"name": "syria-strikes", "name": "syria-strikes"}', "descriptor_json"),
        ("[" * 100_000 + "]" * 100_000, "descriptor_json"),
        ('{"resources": ' * 60 + "1" + "}" * 60, "frictionless_descriptor"),
        ("[]", "descriptor_json"),
        (None, "file_regular"),
    ],
    ids=["duplicate key", "absurdly deep", "deep but allowed", "a list", "a folder"],
)
def test_a_damaged_descriptor_is_reported(warm_dataset: Dataset, damage: str | None, rule: str) -> None:
    path = warm_dataset.root / "datapackage.json"
    path.unlink()
    if damage is None:
        path.mkdir()
    else:
        path.write_text(damage, encoding="utf-8")
    _, problems = _validate(warm_dataset)
    assert rule in {p["rule"] for p in problems if p["table"] == "datapackage.json"}


def test_a_quote_that_cuts_a_character_in_two_is_reported() -> None:
    texts = {"src-a": "Caf\u00e9 and cafe\u0301 and \U0001f1f8\U0001f1fe."}
    claims = pd.DataFrame(
        {
            "source_id": ["src-a", "src-a", "src-a"],
            "quote": ["cafe", "cafe\u0301", "\U0001f1f8"],
            "quote_start": [9, 9, 19],
            "quote_end": [13, 14, 20],
        },
        index=pd.Index([2, 3, 4], name="line"),
    )
    problems = check_quotes(claims, texts)
    assert [(p.row, p.rule) for p in problems] == [(2, "quote_grapheme"), (4, "quote_grapheme")]


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on this machine, and the paths asked of it: where a descriptor could send
    validate to fetch a document."""
    import http.server
    import threading

    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = b'{"type": "object"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", asked
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("place", ["profile", "resources[0].profile"])
def test_a_profile_the_descriptor_names_is_never_fetched_nor_read(
    warm_dataset: Dataset, tmp_path: Path, listener: tuple[str, list[str]], place: str
) -> None:
    """Frictionless judges a descriptor against the JSON Schema its profile names, fetched from any
    address or read from any file relative to the current folder: validating a dataset sent a request
    where its descriptor said, and printed what a file outside the dataset requires."""
    address, asked = listener
    here = tmp_path / "here"
    here.mkdir()
    (here / "profile.json").write_text(json.dumps({"type": "object", "required": [SECRET]}), encoding="utf-8")
    for profile in (f"{address}/beacon", "profile.json", {"$ref": f"{address}/in-place"}):
        path = warm_dataset.root / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        holder = descriptor["resources"][0] if place.startswith("resources") else descriptor
        holder["profile"] = profile
        path.write_text(json.dumps(descriptor), encoding="utf-8")
        result = in_process("validate", "--data-dir", str(warm_dataset.data_dir), cwd=here)
        assert_clean_failure(result, 1)
        assert "wJalrXUtnFEMI" not in result.stdout + result.stderr
        assert "descriptor_current" in result.stdout
    assert asked == []


def test_a_table_too_large_for_memory_is_named_as_its_files_problem(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sparse file of many gigabytes costs its author nothing; reading it ended validation with a system
    failure that named no file."""
    from syria_strikes import datafiles

    out_of_memory_reading(monkeypatch, datafiles, lambda path: path.name == "uncovered_sentences.csv")
    code, problems = dataset.validate()
    assert code == 1
    assert [(p["table"], p["rule"]) for p in problems] == [("uncovered_sentences", "file_readable")]
    assert "too large to read into the memory available" in problems[0]["message"]


@pytest.mark.parametrize(
    "argv",
    [["coverage"], ["locate", "--fix"], ["diff", "data", "data"], ["data-hash"]],
    ids=["coverage", "locate --fix", "diff", "data-hash"],
)
def test_a_table_too_large_for_memory_is_named_by_the_curators_commands(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    """They ended with 'the input is too large for the memory available', naming no file, and exit 3."""
    from syria_strikes import seedfiles, versioning

    for module in (seedfiles, versioning):
        out_of_memory_reading(monkeypatch, module, lambda path: path.name == "claims.csv")
    monkeypatch.chdir(dataset.root)
    before = file_contents(dataset.root)
    result = in_process(*argv)
    assert result.returncode == (1 if argv == ["data-hash"] else 2)
    assert "claims.csv" in result.stderr + result.stdout
    assert "too large to read into the memory available" in result.stderr + result.stdout
    assert "[rule: file_readable]" in result.stderr + result.stdout
    assert file_contents(dataset.root) == before
