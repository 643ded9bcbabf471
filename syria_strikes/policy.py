"""docs/data-policy.md: its prose from a template, its table of cases from the rule registry."""

from __future__ import annotations

from pathlib import Path

from syria_strikes.rules import ACCEPTED, RULES, Rule

TEMPLATE = Path(__file__).with_name("data_policy.md.template")
_HEADER = [
    "| Area | Case (example) | Decision | Rule id | What the validator tells the curator |",
    "|---|---|---|---|---|",
]


def _decision(rule: Rule) -> str:
    decision = rule.decision.capitalize()
    return f"{decision} ({rule.then})" if rule.then else decision


def rules_table() -> str:
    """One row per declared rule, grouped by area in declaration order, with the accepted cases."""
    areas = list(dict.fromkeys(rule.area for rule in RULES if rule.area != "Build"))
    lines = list(_HEADER)
    for area in areas:
        lines += [
            f"| {area} | {rule.protects} | {_decision(rule)} | `{rule.id}` | {rule.advice} |"
            for rule in RULES
            if rule.area == area
        ]
        lines += [f"| {area} | {case.case} | {case.decision} | — | — |" for case in ACCEPTED if case.area == area]
    build_rules = [rule for rule in RULES if rule.area == "Build"]
    if build_rules:
        lines += ["", "The build applies every rule above first, and these of its own:", ""]
        lines += ["| Case | Decision | Rule id | What the build tells the curator |", "|---|---|---|---|"]
        lines += [f"| {rule.protects} | {_decision(rule)} | `{rule.id}` | {rule.advice} |" for rule in build_rules]
    return "\n".join(lines)


def data_policy() -> str:
    return TEMPLATE.read_text(encoding="utf-8").replace("{rules}", rules_table())
