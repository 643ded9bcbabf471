"""Read a JSON object from bytes that may be anything, without a traceback.

A datapackage.json is edited by hand and shipped inside an installed release, so it can hold a
repeated key (which ``json`` silently resolves to the last one), absurd nesting (which exhausts
the interpreter's stack), ``NaN`` or a list where an object belongs. Each is refused with words
that say which; none of them echoes the file's content.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 64
_KINDS = {
    list: "a list",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


class JsonRefused(ValueError):
    """The bytes are not a JSON object this project can trust; the message says why."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise JsonRefused(f"the key {key!r} appears twice in one object, so which value holds is ambiguous")
        document[key] = value
    return document


def _no_constant(name: str) -> object:
    raise JsonRefused(f"it holds {name}, which is not standard JSON")


def _depth(document: object) -> int:
    """How deeply lists and objects nest, counted without recursion."""
    deepest = 0
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                return depth
            stack.extend((item, depth + 1) for item in value)
    return deepest


def parse_object(data: bytes) -> dict[str, Any]:
    """The JSON object in ``data``; raises JsonRefused for anything else."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonRefused(f"it is not UTF-8 (byte {error.start})") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError:
        raise JsonRefused(f"it nests lists or objects more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError as error:
        raise JsonRefused(f"it is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except ValueError as error:  # JsonRefused from a hook, or an integer too long to convert
        if isinstance(error, JsonRefused):
            raise
        raise JsonRefused(f"it is not valid JSON: {error}") from None
    if not isinstance(document, dict):
        raise JsonRefused(f"it holds {_KINDS.get(type(document), 'a value')}, where an object belongs")
    if _depth(document) > MAX_DEPTH:
        raise JsonRefused(f"it nests lists or objects more than {MAX_DEPTH} levels deep")
    return document
