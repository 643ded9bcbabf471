"""A descriptor is parsed as untrusted input: every odd shape is refused with words, never a traceback."""

from __future__ import annotations

import pytest

from syria_strikes.jsonfile import JsonRefused, parse_object


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"name": "a", "name": "b"}', "appears twice"),
        (b"[" * 100_000 + b"]" * 100_000, "levels deep"),
        (b'{"a":' * 200 + b"1" + b"}" * 200, "levels deep"),
        (b"[]", "a list"),
        (b'"text"', "a string"),
        (b"null", "null"),
        (b'{"a": NaN}', "NaN"),
        (b'{"a": ', "not valid JSON"),
        (b"\xff{}", "not UTF-8"),
        (b'{"a": ' + b"9" * 10_000 + b"}", "not valid JSON"),
    ],
)
def test_bad_json_is_refused_with_words(data: bytes, words: str) -> None:
    with pytest.raises(JsonRefused, match=words):
        parse_object(data)


def test_an_object_is_read() -> None:
    assert parse_object(b'{"name": "syria-strikes", "resources": [{"a": 1}]}') == {
        "name": "syria-strikes",
        "resources": [{"a": 1}],
    }
