"""The rule registry: every rule raised is declared, and every declared rule is planted by a test."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import get_args

import pytest

from syria_strikes.checks.rows import ROW_RULES
from syria_strikes.checks.schema import pandera_schema
from syria_strikes.metadata import TABLE_NAMES
from syria_strikes.policy import rules_table
from syria_strikes.problems import Problem
from syria_strikes.rules import RULES, RuleId, declared, rule

TESTS = Path(__file__).resolve().parent


def test_the_literal_and_the_registry_name_the_same_rules_once() -> None:
    ids = [declared_rule.id for declared_rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(get_args(RuleId))


def test_a_problem_with_an_undeclared_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="not declared"):
        Problem("claims", 2, "stance", "x", "no_such_rule", "words")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="not declared"):
        declared("no_such_rule")


def test_every_check_the_schemas_run_is_a_declared_rule() -> None:
    names = {"required"}
    for name in TABLE_NAMES:
        schema = pandera_schema(name)
        names |= {check.error for column in schema.columns.values() for check in column.checks}
        names |= {check.error for check in schema.checks}
    names |= {row_rule.rule for row_rule in ROW_RULES}
    assert {name for name in names if name is not None} - {r.id for r in RULES} == set()


def _test_files() -> list[Path]:
    """The test files and the tests/support package beneath them, this file aside."""
    return [path for path in sorted(TESTS.rglob("*.py")) if path.name != Path(__file__).name]


def _quoted_in_tests() -> set[str]:
    """Every quoted word in the test files: a rule a test expects is quoted there."""
    words: set[str] = set()
    for path in _test_files():
        words |= set(re.findall(r"""["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    return words


def test_the_scan_reads_the_catalogue_of_corruptions() -> None:
    """Most rules are planted only by the catalogue's rows and functions in tests/support/."""
    support = TESTS / "support"
    assert {support / "cell_edits.py", support / "structural_edits.py"} <= set(_test_files())


def test_every_declared_rule_is_expected_by_some_test() -> None:
    expected = _quoted_in_tests()
    never = [r.id for r in RULES if not r.safety_net and r.id not in expected]
    assert never == [], "declared rules that no test plants or expects"


def test_the_policy_table_has_a_row_per_rule() -> None:
    table = rules_table()
    assert all(f"| `{declared_rule.id}` |" in table for declared_rule in RULES)
    assert rule("no_bom").then in table


def test_a_rule_that_yields_is_left_out_only_beside_the_rule_it_yields_to() -> None:
    """An edited quote's numbers prove nothing: its count is not also reported."""
    from syria_strikes.problems import one_per_fault

    anchored = Problem("claims", 5, "quote", "killed nine", "quote_anchored", "is not what the seed has there")
    count = Problem("claims", 5, "value", "8", "count_written", "is not a number the quote writes")
    elsewhere = Problem("claims", 6, "value", "8", "count_written", "is not a number the quote writes")
    assert one_per_fault([count, anchored, elsewhere]) == [anchored, elsewhere]
    assert one_per_fault([count, elsewhere]) == [count, elsewhere]
    assert one_per_fault([elsewhere, count, elsewhere]) == [elsewhere, count]


def test_a_rule_yields_only_to_declared_rules_other_than_itself() -> None:
    for declared_rule in RULES:
        assert declared_rule.id not in declared_rule.yields_to
        assert set(declared_rule.yields_to) <= set(get_args(RuleId))


def test_problems_alike_but_for_their_words_are_listed_in_one_order_whatever_order_they_were_found_in() -> None:
    """Two rules failing on one table share table, line, column and rule: the cache hands them
    back in another order than a cold run finds them, and the report must not change."""
    from syria_strikes.problems import sort_problems

    first = Problem("claims", None, None, None, "rule_failed", "the rule quotes stopped")
    second = Problem("claims", None, None, None, "rule_failed", "the rule hedging stopped")
    third = Problem("claims", None, None, "x", "rule_failed", "the rule hedging stopped")
    orders = {tuple(sort_problems(list(order))) for order in itertools.permutations([first, second, third])}
    assert orders == {(second, third, first)}
