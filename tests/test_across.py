"""Each rule across tables looks at no table, and no column, but those it declares: the validation
cache answers a rule again while those are unchanged, so an undeclared read would go stale."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from syria_strikes import validate
from syria_strikes.checks.across import Across, across
from syria_strikes.checks.agreement import AGREEMENT_RULES
from syria_strikes.checks.model_rules import MODEL_RULES
from syria_strikes.checks.relations import RELATION_RULES
from syria_strikes.metadata import TABLES, table
from syria_strikes.problems import Problem, problem, sort_problems
from syria_strikes.reading import read_table
from tests.support.cell_edits import CELL_EDITS
from tests.support.dataset import REPO, Dataset, copy_dataset
from tests.support.structural_edits import STRUCTURAL_EDITS

RULES = (*RELATION_RULES, *MODEL_RULES, *AGREEMENT_RULES)
# The rules that judge the rows of one table each alone: the cache judges again only changed blocks.
ROW_RULES = [rule for rule in RULES if rule.rows is not None]


class Watched(Mapping[str, pd.DataFrame]):
    """The tables, noting every name a rule asks for or asks about."""

    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self.frames = frames
        self.asked: set[str] = set()

    def __getitem__(self, name: str) -> pd.DataFrame:
        self.asked.add(name)
        return self.frames[name]

    def __contains__(self, name: object) -> bool:
        self.asked.add(str(name))
        return name in self.frames

    def __iter__(self) -> Iterator[str]:
        self.asked.update(self.frames)
        return iter(self.frames)

    def __len__(self) -> int:
        self.asked.update(self.frames)
        return len(self.frames)


def _read(data_dir: Path) -> dict[str, pd.DataFrame]:
    read = {declared.name: read_table(data_dir / declared.file_name, declared)[0] for declared in TABLES}
    return {name: frame for name, frame in read.items() if frame is not None}


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return _read(REPO / "data")


def test_every_rule_has_a_name_of_its_own() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_a_rule_asks_only_for_the_tables_it_declares(rule: Across, frames: dict[str, pd.DataFrame]) -> None:
    watched = Watched(frames)
    assert rule.judge(watched) == rule.run(frames)
    assert watched.asked <= rule.reads, f"{rule.name} reads {sorted(watched.asked - rule.reads)} undeclared"


def test_a_rule_is_handed_its_declared_tables_and_no_other(frames: dict[str, pd.DataFrame]) -> None:
    handed: list[set[str]] = []
    rule = Across(
        "probe", frozenset({"claims"}), frozenset({"claims", "events"}), lambda f: handed.append(set(f)) or []
    )
    assert rule.applies({"claims": frames["claims"]}) and not rule.applies({"events": frames["events"]})
    rule.run(frames)
    rule.run({"claims": frames["claims"]})
    assert handed == [{"claims", "events"}, {"claims"}]


def test_a_rule_that_declares_columns_is_handed_those_alone(frames: dict[str, pd.DataFrame]) -> None:
    """A table whose columns are not declared is handed whole."""
    handed: list[dict[str, list[str]]] = []

    def note(given: Mapping[str, pd.DataFrame]) -> list:
        handed.append({name: list(frame.columns) for name, frame in given.items()})
        return []

    rule = across("probe", {"claims", "events"}, note, columns={"claims": {"stance", "claim_id"}})
    rule.run(frames)
    assert handed == [{"claims": ["claim_id", "stance"], "events": list(frames["events"].columns)}]
    assert rule.columns_of("claims") == {"claim_id", "stance"} and rule.columns_of("events") is None


def test_a_rule_that_reaches_for_an_undeclared_column_fails_instead_of_going_stale(
    frames: dict[str, pd.DataFrame],
) -> None:
    rule = across("probe", {"claims"}, lambda f: list(f["claims"]["quote"]) and [], columns={"claims": {"claim_id"}})
    assert [p.rule for p in rule.run(frames)] == ["rule_failed"]


@pytest.mark.parametrize("rule", [rule for rule in RULES if rule.columns], ids=[r.name for r in RULES if r.columns])
def test_a_rule_handed_its_columns_answers_as_on_whole_tables(rule: Across, frames: dict[str, pd.DataFrame]) -> None:
    """A rule that looked at a whole row (unique_key compares a repeated ID's rows) would answer other
    words when cut to its columns, without failing: such a rule reads its tables whole."""
    whole = {name: frames[name] for name in rule.reads if name in frames}
    assert rule.run(frames) == rule.judge(whole)


def test_columns_are_declared_only_for_tables_read() -> None:
    with pytest.raises(ValueError, match="declares columns of tables it does not read: \\['events'\\]"):
        across("probe", {"claims"}, lambda f: [], columns={"events": {"event_id"}})


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_every_declared_column_is_a_column_of_its_table(rule: Across) -> None:
    """A misspelt column would hand the rule nothing under that name: it would fail on every run."""
    for name, columns in rule.columns:
        assert columns and columns <= set(table(name).column_names), f"{rule.name}: {sorted(columns)}"


def test_the_checks_of_seeds_and_quotes_are_named_apart_from_the_rules(frames: dict[str, pd.DataFrame]) -> None:
    """They share the cache's entry of rules, by name."""
    from syria_strikes.validate import SEED_CHECK, _quote_checks

    quote_checks = set(_quote_checks(frames))
    assert quote_checks and SEED_CHECK not in quote_checks
    assert not {SEED_CHECK, *quote_checks} & {rule.name for rule in RULES}


def test_a_rule_that_raises_is_reported_never_a_pass_nor_a_traceback(
    warm_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule's own fault makes the data invalid with words, not a traceback and not a pass."""

    def stops(frames: Mapping[str, pd.DataFrame]) -> list:
        raise KeyError("a fault of the validator")

    target = RELATION_RULES[0]
    broken = Across(target.name, target.needs, target.reads, stops)
    assert broken.run({}) == [
        problem(
            "rule_failed",
            min(target.reads),
            None,
            None,
            None,
            check=target.name,
            error="KeyError('a fault of the validator')",
        )
    ]
    monkeypatch.setattr(validate, "RELATION_RULES", (broken, *RELATION_RULES[1:]))
    code, report = warm_dataset.report(cold=True)
    assert code == 1
    assert [p["rule"] for p in report["problems"]] == ["rule_failed"]


@pytest.fixture(scope="module")
def texts(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    from syria_strikes.checks.provenance import check_seeds

    return check_seeds(frames["sources"], REPO, True)[1]


@pytest.mark.parametrize("name", sorted(validate.QUOTE_COLUMNS))
def test_a_check_of_quoted_words_handed_its_columns_answers_as_on_whole_tables(
    name: str, frames: dict[str, pd.DataFrame], texts: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each column it declares is one it reads: dropping any of them changes its answer or stops it."""
    cut = validate._quote_checks(frames)[name][1](texts)
    for table_name, columns in validate.QUOTE_COLUMNS[name].items():
        assert columns and columns <= set(table(table_name).column_names), f"{name}: {sorted(columns or ())}"
        for column in sorted(columns):
            fewer = {**validate.QUOTE_COLUMNS[name], table_name: columns - {column}}
            monkeypatch.setitem(validate.QUOTE_COLUMNS, name, fewer)
            try:
                without = validate._quote_checks(frames)[name][1](texts)
            except KeyError:
                continue
            finally:
                monkeypatch.undo()
            assert without != cut, f"{name} does not read {table_name}.{column}"
    monkeypatch.setitem(validate.QUOTE_COLUMNS, name, {})
    assert validate._quote_checks(frames)[name][1](texts) == cut


def test_a_check_of_quoted_words_that_reaches_for_an_undeclared_column_is_reported(
    dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a traceback, and not a pass the cache would keep."""
    monkeypatch.setitem(validate.QUOTE_COLUMNS, "quotes", {"claims": frozenset({"source_id", "quote"})})
    code, report = dataset.report(cold=True)
    assert code == 1
    failed = [p for p in report["problems"] if p["rule"] == "rule_failed"]
    assert len(failed) == 1 and "quotes" in failed[0]["message"], report["problems"]


def test_a_rule_judging_rows_alone_declares_the_columns_of_its_table() -> None:
    with pytest.raises(ValueError, match="judges the rows of claims, whose columns it does not declare"):
        across("probe", {"claims", "events"}, lambda frames: [], columns={"events": {"event_id"}}, rows="claims")
    assert ROW_RULES, "no rule declares that it judges rows alone: the cache's row blocks are never used"


# Rules whose problems are named otherwise than the rule, or also otherwise.
ALSO_RAISED = {"time_after_report": {"time_ends_after_report"}}


def _raised(rule: Across) -> set[str]:
    """The rule ids a rule's problems carry: its name before any ':table', and any it also raises."""
    return {rule.name.split(":")[0], *ALSO_RAISED.get(rule.name, set())}


@pytest.fixture(scope="module")
def structural_plants(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    """Each kind that is more than one cell's edit, planted once, with the rule id it expects: the
    rule it plants is known only once it is applied, and every rule judging rows picks its own."""
    folder = tmp_path_factory.mktemp("structural")
    plants = []
    for k, mutation in enumerate(STRUCTURAL_EDITS):
        dataset = copy_dataset(folder / str(k))
        plants.append((mutation.apply(dataset).rule, dataset.data_dir))
    return plants


def _planted(rule: Across, folder: Path, plants: list[tuple[str, Path]]) -> list[dict[str, pd.DataFrame]]:
    """The tables with every one-cell kind of the rule's own planted in them at once, then once
    more for each other kind of its own, which may change rows of several tables."""
    raised = _raised(rule)
    dataset = copy_dataset(folder)
    for kind in CELL_EDITS:
        if kind.rule in raised:
            kind.apply(dataset)
    return [_read(dataset.data_dir), *(_read(data_dir) for planted, data_dir in plants if planted in raised)]


def _subsets(lines: pd.Index, reported: list[int]) -> list[pd.Index]:
    """Rows to judge alone: each reported row, alternate rows, halves and a few random draws."""
    chosen = np.random.default_rng(0)
    half = len(lines) // 2
    return [
        *(pd.Index([line]) for line in reported),
        lines[0::2],
        lines[1::2],
        lines[:half],
        lines[half:],
        lines[:0],
        *(lines[chosen.random(len(lines)) < 0.3] for _ in range(3)),
    ]


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sort_problems(problems)


@pytest.mark.parametrize("rule", ROW_RULES, ids=[rule.name for rule in ROW_RULES])
def test_a_rule_judging_rows_alone_says_of_any_rows_what_it_says_of_them_among_all(
    rule: Across, tmp_path: Path, structural_plants: list[tuple[str, Path]]
) -> None:
    """Judged on some of its rows, the rule reports of them exactly what it reports of them when
    judging every row, and each problem names one row: what the cache's blocks of rows rely on."""
    assert rule.rows is not None
    reported = False
    for planted in _planted(rule, tmp_path / "dataset", structural_plants):
        whole = rule.run(planted)
        reported = reported or bool(whole)
        table_lines = planted[rule.rows].index
        assert all(p.table == rule.rows and p.row in table_lines for p in whole), whole
        for lines in _subsets(table_lines, sorted({p.row for p in whole if p.row is not None})):
            cut = {**planted, rule.rows: planted[rule.rows].loc[lines]}
            expected = [p for p in whole if p.row in set(lines.tolist())]
            assert _ordered(rule.run(cut)) == _ordered(expected), list(lines)
    assert reported, f"no planted kind of {rule.name} is reported: this test could not fail"
