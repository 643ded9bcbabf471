"""syria_strikes.reading.encoding: what a table's bytes are when they are not UTF-8, named so a
curator knows which program wrote them, at the line and bytes where they stop being UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

from syria_strikes.reading import read_table
from syria_strikes.reading.encoding import encoding_fault
from syria_strikes.rules import rule
from tests.support.frames import THINGS

TEXT = "thing_id,count,share,day,tags\nt-1,4,0.5,2020-01-14,caf\u00e9\n"


@pytest.mark.parametrize(
    ("encoding", "found"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_a_wide_encoding_is_named_for_the_whole_file_with_its_header_read_in_it(encoding: str, found: str) -> None:
    """UTF-32's byte-order marks begin with UTF-16's, and without one ASCII has NULs in both; the
    file is what it is from its first byte, wherever its first non-ASCII letter stands."""
    assert encoding_fault(TEXT.encode(encoding)) == (
        1,
        "thing_id,count,share,day,tags",
        {"byte": 0, "found": found, "bad": ""},
    )


def test_windows_1252_is_shown_as_the_spreadsheet_showed_it_and_its_byte_named_in_hex() -> None:
    assert encoding_fault(TEXT.encode("cp1252")) == (
        2,
        "t-1,4,0.5,2020-01-14,caf\u00e9",
        {"byte": 54, "found": "Windows-1252", "bad": "E9"},
    )


def test_a_surrogate_pair_written_as_six_bytes_is_named_as_cesu_8_not_windows_1252() -> None:
    """Java's modified UTF-8 writes an emoji as its two UTF-16 halves; every byte of them also reads as
    Windows-1252, which would send the curator to the wrong fix."""
    raw = "a,b\nx,\U0001f600 y\n".encode("utf-16-le").decode("utf-16-le").encode("utf-8")
    cesu = raw.replace("\U0001f600".encode(), b"\xed\xa0\xbd\xed\xb8\x80")
    line, shown, context = encoding_fault(cesu) or (0, "", {})
    assert (line, context) == (2, {"byte": 6, "found": "CESU-8", "bad": "ED A0 BD ED B8 80"})
    assert shown == "x," + "\ufffd" * 6 + " y"
    lone = encoding_fault(b"a,b\nx,\xed\xa0\xbd\n")
    assert lone is not None and lone[2]["bad"] == "ED A0 BD"


def test_bytes_of_no_known_encoding_are_shown_in_hex_and_the_text_around_them_as_utf_8() -> None:
    """0x81 is no Windows-1252 character; the letters around it are UTF-8 and shown as such, the window
    cut at whole characters and at the line."""
    raw = ("x" * 40 + "\n" + "\u00e9" * 30).encode() + b"\x81" + ("\u00e9" * 30 + "\nnext").encode()
    line, shown, context = encoding_fault(raw) or (0, "", {})
    assert (line, context["found"], context["bad"]) == (2, "", "81")
    assert shown == "\u00e9" * 12 + "\ufffd" + "\u00e9" * 12


def test_utf_8_text_has_no_fault() -> None:
    assert encoding_fault(TEXT.encode()) is None
    assert encoding_fault(b"") is None


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (TEXT.encode("utf-32"), "the file is UTF-32, not UTF-8"),
        (TEXT.encode("utf-16-le"), "the file is UTF-16, which Excel writes for 'Unicode Text'"),
        (b"a,b\nx,\xed\xa0\xbd\xed\xb8\x80\n", "bytes from 6 (ED A0 BD ED B8 80) write a character beyond U+FFFF"),
        (TEXT.encode("cp1252"), "byte 54 (E9) is not valid UTF-8; the file looks like Windows-1252"),
        (b"a,b\nx,\x81\n", "byte 6 (81) is not valid UTF-8; re-save the file as UTF-8"),
    ],
    ids=["UTF-32", "UTF-16", "CESU-8", "Windows-1252", "unknown"],
)
def test_the_wording_names_the_encoding_found(raw: bytes, says: str) -> None:
    fault = encoding_fault(raw)
    assert fault is not None
    assert rule("utf8").message(**fault[2]).startswith(says)


def test_the_reader_reports_the_value_once_escaped(tmp_path: Path) -> None:
    """A value is quoted back with repr once; bytes given as Python's escapes would show '\\\\xe9'."""
    path = tmp_path / "things.csv"
    path.write_bytes(TEXT.encode("cp1252"))
    _, problems = read_table(path, THINGS)
    assert [(p.row, p.value, p.rule) for p in problems] == [(2, "t-1,4,0.5,2020-01-14,caf\u00e9", "utf8")]
    assert "\\" not in problems[0].to_text()
