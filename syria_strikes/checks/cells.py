"""Per-cell rules derived from the metadata source, for pandera.

Each rule is a pandera check whose ``error`` is a short rule name; ``RULE_WORDS`` turns it into
plain words for the curator. Cell hygiene (spaces, control characters, spreadsheet formula
prefixes) is one combined pattern, because on a million rows one pass per column matters;
the message for a failing cell is worked out from the cell itself.
"""

from __future__ import annotations

import re

import pandera.pandas as pa

from syria_strikes.metadata import LIST_DELIMITER, Column

UNCLEAN = r"^[\s=+\-@]|\s$|[\x00-\x1f\x7f-\x9f]"
LIST_GAP = r"(?:^|\|)(?:\||$)|\s\||\|\s"


def hygiene_words(value: str) -> str:
    """Say exactly what is wrong with a cell that failed the combined hygiene pattern."""
    control = re.search(r"[\x00-\x1f\x7f-\x9f]", value)
    if control:
        return (f"contains the control character {control.group()!r}; cells hold one line of plain text "
                "(line breaks and tabs are not allowed)")
    if value != value.strip():
        return "has leading or trailing whitespace; remove it"
    return (f"starts with {value[0]!r}, which spreadsheets run as a formula; rephrase so the cell "
            "starts with another character")


def column_checks(column: Column) -> list[pa.Check]:
    checks: list[pa.Check] = []
    if column.type in ("string", "list"):
        checks.append(pa.Check(lambda s: ~s.str.contains(UNCLEAN, regex=True), error="clean_text"))
    if column.vocabulary is not None:
        checks.append(pa.Check.isin(list(column.vocabulary.codes), error="enum"))
    if column.pattern is not None:
        pattern = column.pattern.removeprefix("^").removesuffix("$")
        checks.append(pa.Check(lambda s, p=pattern: s.str.fullmatch(p), error="pattern"))
    if column.type == "list":
        checks.append(pa.Check(lambda s: ~s.str.contains(LIST_GAP, regex=True), error="list_items"))
    limit = column.text_limit
    if limit is not None:
        checks.append(pa.Check(lambda s, n=limit: s.str.len() <= n, error="max_length"))
    if column.minimum is not None:
        checks.append(pa.Check.ge(column.minimum, error="minimum"))
    if column.maximum is not None:
        checks.append(pa.Check.le(column.maximum, error="maximum"))
    return checks


def cell_words(rule: str, column: Column, value: object) -> str:
    """Plain words for a failed per-cell rule."""
    if rule == "clean_text":
        return hygiene_words(str(value))
    if rule == "required":
        return "is required but empty"
    if rule == "enum":
        assert column.vocabulary is not None
        return f"is not one of the allowed values: {', '.join(column.vocabulary.codes)}"
    if rule == "pattern":
        return f"does not have the required form {column.pattern} (for example {column.example})"
    if rule == "list_items":
        return f"has an empty item or spaces around the {LIST_DELIMITER!r} separator"
    if rule == "max_length":
        return f"is {len(str(value))} characters long; the limit for this column is {column.text_limit}"
    if rule == "minimum":
        reason = "; counts and offsets cannot be negative" if column.type == "integer" else ""
        return f"is below the minimum {column.minimum:g}{reason}"
    if rule == "maximum":
        return f"is above the maximum {column.maximum:g}"
    return rule


def pandas_dtype(column: Column) -> str:
    return {"integer": "Int64", "number": "Float64", "date": "datetime64[s]"}.get(column.type, "str")
