"""The text policy of a cell: which characters, words and spellings a hand-edited cell may hold.

Character classes are spelled out code point by code point instead of with ``\\s`` or ``\\d``:
pandas runs a pattern either with Python's ``re`` or with pyarrow's RE2, whose ``\\s`` and ``\\d``
mean different things, and a rule must not change with the engine. Cell hygiene (spaces,
invisible characters, control characters, spreadsheet formula prefixes) is one combined pattern,
``UNCLEAN``, because on a million rows one pass per column matters.
"""

from __future__ import annotations

import re
import unicodedata

from syria_strikes.unicode_sets import invisible_chars, pictographs


def _chars(*ranges: tuple[int, int]) -> str:
    return "".join(chr(code) for start, end in ranges for code in range(start, end + 1))


def _class(chars: str) -> str:
    """A regex character class both engines read alike: Latin-1 as \\xHH, the rest literally, and
    runs of consecutive code points as ranges, so thousands of characters stay a short class."""
    runs: list[list[int]] = []
    for code in sorted({ord(c) for c in chars}):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])

    def literal(code: int) -> str:
        return f"\\x{code:02x}" if code < 0x100 else chr(code)

    return "[" + "".join(literal(a) if a == b else f"{literal(a)}-{literal(b)}" for a, b in runs) + "]"


# Never allowed in a cell: C0/C1 controls (tab, line breaks, NUL), the Unicode line and paragraph
# separators, and the bidirectional embedding/override/isolate controls, which make a cell display
# in an order other than the one it is stored in.
CONTROL_CHARS = _chars((0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), (0x202A, 0x202E), (0x2066, 0x2069))
# Never allowed at either edge of a cell: every Unicode space, and every invisible character: the
# Unicode database's default-ignorable and format (Cf) characters (soft hyphen, zero-width space and
# joiners, direction marks, word joiner, byte-order mark, U+061C, U+3164, variation selectors, tag
# characters) and U+2800 (see unicode_sets). Inside text, non-breaking spaces and joiners can be
# legitimate: there the invisible ones are judged by where they stand (INVISIBLE_WHERE_NEEDED below).
INVISIBLE_CHARS = invisible_chars()
EDGE_CHARS = (
    _chars(
        (0x20, 0x20),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
    )
    + INVISIBLE_CHARS
)
FORMULA_PREFIXES = "=+-@"


def _unclean(edge: str, control: str) -> str:
    return f"^{edge}|^[=+\\-@]|{edge}$|{control}"


def _ascii(chars: str) -> str:
    return "".join(char for char in chars if char.isascii())


EDGE = _class(EDGE_CHARS)
CONTROL = _class(CONTROL_CHARS)
UNCLEAN = _unclean(EDGE, CONTROL)
# In a list, each item is a cell of its own to a spreadsheet's eye: none may start a formula.
UNCLEAN_LIST = f"{UNCLEAN}|\\|[=+\\-@]"
LIST_GAP = f"(?:^|\\|)(?:\\||$)|{EDGE}\\||\\|{EDGE}"
# What each pattern can match in ASCII text: the same alternatives, their classes cut to ASCII. A
# class of thousands of code points costs RE2 most of a short column's check to compile; a column
# whose every cell is ASCII is tested with this form, which gives the same answer (columnar.matches_text).
UNCLEAN_ASCII = _unclean(_class(_ascii(EDGE_CHARS)), _class(_ascii(CONTROL_CHARS)))
UNCLEAN_LIST_ASCII = f"{UNCLEAN_ASCII}|\\|[=+\\-@]"

# Words that stand for "no value" or that a spreadsheet writes in place of one. An empty cell is
# the only spelling of missing; everything here is refused in free text and references, so that a
# literal "N/A" never reaches a researcher as if a source had said it.
PLACEHOLDERS = frozenset({"na", "n/a", "n.a.", "#n/a", "null", "none", "nil", "nan", "tbd", "todo", "?"})
SPREADSHEET_BOOLEANS = frozenset({"true", "false"})
SPREADSHEET_ERRORS = frozenset(
    {
        "#ref!",
        "#value!",
        "#name?",
        "#div/0!",
        "#num!",
        "#null!",
        "#spill!",
        "#calc!",
        "#field!",
        "#blocked!",
        "#connect!",
        "#busy!",
        "#unknown!",
        "#getting_data",
    }
)
NOT_VALUES = PLACEHOLDERS | SPREADSHEET_BOOLEANS | SPREADSHEET_ERRORS
# A quote is verbatim from its seed, which the provenance check proves; it may say anything.
VERBATIM_COLUMNS = frozenset({"quote"})

# Columns a seed's exact text fills: the anchoring rules judge them against the seed, which may say anything.
SEED_TEXT_COLUMNS = frozenset({"quote", "attribution_quote", "sentence"})
# Columns written as a seed writes them, which a rule holds to the seed (dateline_written,
# hedging_worded, alias_written): a form the seed writes is right there, and one it does not is caught.
AS_THE_SEED_WRITES = frozenset({"dateline", "hedging", "aliases"})
# UTF-8 text read as Windows-1252 and saved again as UTF-8 ("Ã©" for "é", "â€" before the rest of a curly quote): a
# character that starts a UTF-8 sequence as Windows-1252 shows it, then one that continues it. A match
# is only a hint, cheap to test on a whole column; ``mojibake`` confirms that the characters decode.
_CONTINUATIONS = "".join(bytes([byte]).decode("cp1252", errors="ignore") for byte in range(0x80, 0xC0))
# U+FFFD is what a program writes for bytes it could not decode: the character that stood there is lost.
REPLACEMENT_CHAR = "\ufffd"
MOJIBAKE_HINT = _class(_chars((0xC2, 0xF4))) + _class(_CONTINUATIONS) + "|" + REPLACEMENT_CHAR


def mojibake(value: str) -> tuple[str, str] | None:
    """The first characters of the cell that are UTF-8 bytes shown as Windows-1252, and the text
    they were ("" for U+FFFD, whose character is lost); None when every hint turns out to be text as
    meant ("café" followed by an en dash)."""
    for match in re.finditer(MOJIBAKE_HINT, value):
        if match.group() == REPLACEMENT_CHAR:
            return REPLACEMENT_CHAR, ""
        lead = ord(value[match.start()])
        length = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        garbled = value[match.start() : match.start() + length]
        try:
            return garbled, garbled.encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
    return None


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_LOOKALIKES = {
    **dict.fromkeys(_DASHES, "-"),
    # Cyrillic and Greek letters that render like Latin ones in most fonts.
    "\u0430": "a",
    "\u0435": "e",
    "\u043e": "o",
    "\u0440": "p",
    "\u0441": "c",
    "\u0443": "y",
    "\u0445": "x",
    "\u0456": "i",
    "\u0458": "j",
    "\u0455": "s",
    "\u0501": "d",
    "\u04bb": "h",
    "\u03bf": "o",
    "\u03b1": "a",
    "\u03bd": "v",
    "\u03b9": "i",
    "\u03ba": "k",
}


_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


# Invisible characters that no word needs, refused inside a cell as well as at its edges: a zero-width
# space or a soft hyphen inside a name makes it differ from the name it shows.
# The Hangul compatibility fillers too: modern Korean text does not write them, and a name made of one
# or padded with one shows as blank.
INVISIBLE_INSIDE = "\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u3164\uffa0"
# Every other invisible character is one that some script or emoji needs inside its text: joiners
# (U+200C, U+200D), direction marks, variation selectors, tag characters, Hangul fillers, the Arabic
# number signs, the combining grapheme joiner, the format controls of historic scripts. (The controls
# that reorder text are refused anywhere, as CONTROL_CHARS.) Each is refused between two letters of the
# look-alike scripts (Latin, Greek, Cyrillic: 'Ho\u200cms', 'Ho\u3164ms'): none of those scripts joins
# its letters, selects their variants or fills a syllable, and two of their letters run left to right
# whatever mark stands between them, so there it only makes the word differ from the one it shows.
INVISIBLE_WHERE_NEEDED = "".join(
    char for char in INVISIBLE_CHARS if char not in INVISIBLE_INSIDE and char not in CONTROL_CHARS
)
INVISIBLE_WHERE_NEEDED_CLASS = _class(INVISIBLE_WHERE_NEEDED)
_LOOKALIKE_LETTER = "[\\p{Latin}\\p{Greek}\\p{Cyrillic}]"
# A variation selector right after one of their letters selects nothing, whatever else the cell holds
# ('Homs\ufe0f airbase \U0001f525'): no letter of these scripts has variants to select.
VARIATION_SELECTORS = _chars((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
INVISIBLE_INSIDE_CLASS = (
    f"{_class(INVISIBLE_INSIDE)}|(?:{_LOOKALIKE_LETTER}){INVISIBLE_WHERE_NEEDED_CLASS}+(?:{_LOOKALIKE_LETTER})"
    f"|(?:{_LOOKALIKE_LETTER}){_class(VARIATION_SELECTORS)}"
)
# ...and anywhere in a cell with nothing that needs them ('T\u200c4', 'al\u200e-Shaabi', 'Homs\ufe0f'): a
# character of another script than Latin, Greek and Cyrillic (Arabic, Hebrew, Persian, Korean, Indic
# ...), or an emoji or a symbol written as one ('\u00a9\ufe0f', a keycap). The invisible characters
# themselves are left out: many belong to a script (U+061C and the number signs to Arabic, the fillers
# to Hangul) and would otherwise vouch for themselves.
NEEDS_INVISIBLE_CLASS = (
    "[^\\p{Latin}\\p{Greek}\\p{Cyrillic}\\p{Common}\\p{Inherited}"
    + _class(INVISIBLE_WHERE_NEEDED)[1:-1]
    + "]|"
    + _class(_chars((0x2600, 0x27BF), (0x1F000, 0x1FAFF)) + pictographs())
)


def _in_regex(pattern: str) -> str:
    """An RE2 pattern of script classes as the ``regex`` module writes them (\\p{Script=Latin})."""
    scripts = ("Latin", "Greek", "Cyrillic", "Common", "Inherited", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo")
    for script in scripts:
        pattern = pattern.replace(f"\\p{{{script}}}", f"\\p{{Script={script}}}")
    return pattern


# Letters and digits in a form Unicode keeps only for compatibility, that NFKC turns into plain ASCII
# ones: fullwidth (U+FF21 for 'A'), mathematical (U+1D400-1D7FF), circled and squared letters, ligatures
# copied from a PDF (U+FB02 for 'fl'), letterlike symbols, Roman numerals. They look like the plain
# letters and match nothing typed with them. Superscripts, subscripts and ordinal indicators ('m\u00b2',
# 'n\u00ba') are left alone: text writes them on purpose.
def _lookalike_forms() -> str:
    """Letters and digits (and letter-like numbers, circled and squared letters), not signs such as
    U+2116 NUMERO SIGN or U+2122 TRADE MARK SIGN, which text writes on purpose."""
    kept_on_purpose = ("SUPERSCRIPT", "SUBSCRIPT", "MODIFIER", "ORDINAL", "SQUARE ")
    forms = []
    # The blocks that hold such forms (Latin-1 to CJK compatibility, alphabetic presentation forms,
    # halfwidth and fullwidth forms, mathematical alphanumerics, enclosed alphanumerics, segmented
    # digits): scanned at import, so not the whole of Unicode.
    blocks = (
        (0x80, 0x3400),
        (0xFB00, 0xFB50),
        (0xFF00, 0xFFF0),
        (0x1D400, 0x1D800),
        (0x1F100, 0x1F200),
        (0x1FBF0, 0x1FC00),
    )
    for code in (code for start, end in blocks for code in range(start, end)):
        char = chr(code)
        plain = unicodedata.normalize("NFKC", char)
        if plain != char and plain.isascii() and plain.isalnum():
            name = unicodedata.name(char, "")
            letter_like = unicodedata.category(char)[0] in "LN" or "LATIN" in name or "DIGIT" in name
            if letter_like and not any(word in name for word in kept_on_purpose):
                forms.append(char)
    return "".join(forms)


# Latin letters of phonetic notation that pass for plain ones and have no compatibility form to tell
# them by: the small capitals ('Syri\u1d00') and the IPA letters alpha, script g and iota ('Isr\u0251el').
# No name or note is written with them. The dotless i is left out: Turkish writes it.
PHONETIC_LOOKALIKES = {
    "\u0251": "a",
    "\u0261": "g",
    "\u0269": "i",
    "\u1d00": "A",
    "\u0299": "B",
    "\u1d04": "C",
    "\u1d05": "D",
    "\u1d07": "E",
    "\ua730": "F",
    "\u0262": "G",
    "\u029c": "H",
    "\u026a": "I",
    "\u1d0a": "J",
    "\u1d0b": "K",
    "\u029f": "L",
    "\u1d0d": "M",
    "\u0274": "N",
    "\u1d0f": "O",
    "\u1d18": "P",
    "\u0280": "R",
    "\ua731": "S",
    "\u1d1b": "T",
    "\u1d1c": "U",
    "\u1d20": "V",
    "\u1d21": "W",
    "\u028f": "Y",
    "\u1d22": "Z",
}
LOOKALIKE_FORMS = _lookalike_forms() + "".join(PHONETIC_LOOKALIKES)
LOOKALIKE_FORMS_CLASS = _class(LOOKALIKE_FORMS)
# The mathematical alphanumerics and the phonetic letters are a look-alike in any text; the other forms
# are the way Chinese, Japanese and Korean text writes Latin letters and digits (fullwidth, circled), so
# a cell holding any of those scripts' characters may use them.
MATHEMATICAL_FORMS = "".join(
    char for char in LOOKALIKE_FORMS if 0x1D400 <= ord(char) <= 0x1D7FF or char in PHONETIC_LOOKALIKES
)
MATHEMATICAL_FORMS_CLASS = _class(MATHEMATICAL_FORMS)
CJK_CLASS = "[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Hangul}\\p{Bopomofo}]"


def first_lookalike_form(value: str) -> int | None:
    """Where the check of lookalike_form finds a look-alike in ``value``: the message's pointer."""
    import regex  # the curator's stack (the validate extra), as the check itself needs

    judged = MATHEMATICAL_FORMS if regex.search(_in_regex(CJK_CLASS), value) else LOOKALIKE_FORMS
    return next((index for index, char in enumerate(value) if char in judged), None)


def first_invisible(value: str) -> int | None:
    """Where INVISIBLE_INSIDE_CLASS first finds an invisible character in ``value``: the message's pointer."""
    import regex  # the curator's stack (the validate extra), as the check itself needs

    found = regex.search(_in_regex(INVISIBLE_INSIDE_CLASS), value)
    if found is None:
        if regex.search(_in_regex(NEEDS_INVISIBLE_CLASS), value):
            return None
        return next((index for index, char in enumerate(value) if char in INVISIBLE_WHERE_NEEDED), None)
    return next(
        index
        for index in range(found.start(), found.end())
        if value[index] in INVISIBLE_INSIDE + INVISIBLE_WHERE_NEEDED
    )


# Scripts whose letters look alike (Latin 'a' and Cyrillic U+0430, Latin 'o' and Greek U+03BF or Armenian
# U+0585, Cherokee U+13AA and Latin 'A'): a letter of one next to a letter of another inside a word is how
# a look-alike spelling is planted.
# RE2's script classes for the check; ``mixed_script`` finds the same pair with ``regex`` for the message.
LOOKALIKE_SCRIPTS = ("Latin", "Greek", "Cyrillic", "Armenian", "Cherokee")


def _adjacent_scripts(script_class: str) -> str:
    """Two adjacent letters of two different look-alike scripts, each written as ``script_class`` names it."""
    return "|".join(
        script_class.format(first) + script_class.format(second)
        for first in LOOKALIKE_SCRIPTS
        for second in LOOKALIKE_SCRIPTS
        if first != second
    )


MIXED_SCRIPT = _adjacent_scripts("\\p{{{}}}")


def mixed_script(value: str) -> tuple[str, str] | None:
    """The word holding the first pair that MIXED_SCRIPT finds, and its odd letter: the one of the pair
    whose script fewer of the word's letters are in; None when no word mixes them."""
    import regex  # the curator's stack (the validate extra), as the check itself needs

    pair = regex.search(_in_regex(MIXED_SCRIPT), value)
    if pair is None:
        return None
    word = next((w.group() for w in regex.finditer(r"\w+", value) if w.start() <= pair.start() < w.end()), pair.group())

    def letters(char: str) -> int:
        script = next(name for name in LOOKALIKE_SCRIPTS if regex.fullmatch(f"\\p{{Script={name}}}", char))
        return len(regex.findall(f"\\p{{Script={script}}}", word))

    first, second = pair.group()
    return word, first if letters(first) < letters(second) else second


def describe_char(char: str) -> str:
    """U+200B ZERO WIDTH SPACE: the only way to point at a character a curator cannot see."""
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(char, "(a control character)")
    return f"U+{ord(char):04X} {name}"


def id_skeleton(value: str) -> str:
    """The ASCII ID a mistyped one was most likely meant to be.

    Used to keep a damaged key usable for references (so one typo gives one message, not one per
    referencing row) and to tell the curator what the ID reads as once fixed.
    """
    text = unicodedata.normalize("NFKC", value).strip(EDGE_CHARS)
    kept = []
    for char in text:
        if char in INVISIBLE_CHARS:
            continue
        digit = unicodedata.decimal(char, None)
        kept.append(str(digit) if digit is not None else _LOOKALIKES.get(char, char))
    return "".join(kept).lower()


# A cell that is one of NOT_VALUES in any letter case. Python's re and RE2 read this alike.
NOT_VALUE = "^(?:" + "|".join(re.escape(word) for word in sorted(NOT_VALUES)) + ")$"


def whole_cell(pattern: str) -> str:
    """A metadata pattern (declared with ^ and $) as a whole-cell match, whatever alternations it holds."""
    return f"^(?:{pattern.removeprefix('^').removesuffix('$')})$"
