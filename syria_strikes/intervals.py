"""The days a time claim's value_text gives: 'start/end' (metadata.TIME_INTERVAL), where the
start may be '..', open before. The validator's rules and the derived summaries read them alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.columnar import arrow_strings, one_array
from syria_strikes.metadata import TIME_INTERVAL
from syria_strikes.written_numbers import MONTHS

# TIME_INTERVAL with its two parts named, for Arrow's extract_regex.
_PARTS = TIME_INTERVAL.replace("^(", "^(?P<start>", 1).replace("/", "/(?P<end>", 1).replace("$", ")$")
_NOT_A_DAY = np.datetime64("NaT", "s")
# The days of the week, in the order of date.weekday(), as English writes them.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


# Each day's name folded, to its date.weekday() number: a case-blind match may hold letters that fold to
# ASCII (a long s in 'Tuesday') or do not (a dotted capital I in 'Friday'), which name no day here.
_DAY_NUMBERS = {day.casefold(): number for number, day in enumerate(WEEKDAYS)}


def weekdays_named(text: str) -> set[int]:
    """The days of the week ``text`` names as words ('on Tuesday'), as date.weekday() numbers them."""
    return {_DAY_NUMBERS[day] for found in _WEEKDAY.findall(text) if (day := found.casefold()) in _DAY_NUMBERS}


# The months as English writes them, whole or cut short ('Feb.', 'Sept'), to their numbers.
_MONTHS = {
    name: number
    for number, month in enumerate(MONTHS, start=1)
    for name in {month.casefold(), month[:3].casefold(), *(["sept"] if number == 9 else [])}
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# A whole calendar day: 'February 24, 2020', '24 February 2020', '24th of Feb. 2020', '2020-02-24'.
_WRITTEN_DAY = re.compile(
    rf"\b(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<month2>{_MONTH}),?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))(?!\w)",
    re.IGNORECASE,
)


def days_written(text: str) -> list[tuple[str, date]]:
    """Each whole calendar day ``text`` writes, with its words: a day with no year, or none the
    calendar has (February 30), is not one."""
    found = []
    for match in _WRITTEN_DAY.finditer(text):
        try:
            if match["iso"]:
                day = date.fromisoformat(match["iso"])
            else:
                month = (match["month"] or match["month2"]).rstrip(".").casefold()
                day = date(int(match["year"] or match["year2"]), _MONTHS[month], int(match["day"] or match["day2"]))
        except (ValueError, KeyError):
            continue
        found.append((match.group(), day))
    return found


# A day a page's address writes: '/2020/01/15/', '2020-01-15', or eight digits alone ('/20200115/'); a
# longer run of digits is a serial number or a video's ID, whatever its first eight digits look like.
URL_DAY = re.compile(
    r"/(?P<y1>(?:19|20)\d\d)/(?P<m1>[01]\d)/(?P<d1>[0-3]\d)(?:/|$)"
    r"|(?<!\d)(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?!\d)"
    r"|(?<![\d\w])(?P<y3>(?:19|20)\d\d)(?P<m3>[01]\d)(?P<d3>[0-3]\d)(?!\d)"
)
# The address of a page in a web archive, whose first digits are the day of the copy, not of the page:
# the page's own address follows ('https://web.archive.org/web/20200116093012/https://...').
ARCHIVED_PAGE = re.compile(
    r"^https?://(?:web\.)?archive\.org/web/[^/]*/(?P<page>.*)$"
    r"|^https?://archive\.(?:ph|today|is|li|md|vn|fo)/(?:[^/]*/)?(?P<page2>https?://.*)$",
    re.IGNORECASE,
)


def url_days(url: str) -> list[date]:
    """The days ``url`` writes, as URL_DAY finds them, in the page's own address when it is a web
    archive's copy (none when the copy's address does not give it); digits the calendar has no day for
    are none."""
    archived = ARCHIVED_PAGE.match(url)
    if archived is not None:
        url = archived["page"] or archived["page2"] or ""
    elif re.match(r"^https?://archive\.(?:ph|today|is|li|md|vn|fo)/", url, re.IGNORECASE):
        return []
    found = []
    for match in URL_DAY.finditer(url):
        year, month, day = (next(match[f"{part}{k}"] for k in "123" if match[f"{part}{k}"]) for part in "ymd")
        try:
            found.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


# A quote that is nothing but a time word relative to its document's day ('on Tuesday', 'last week'):
# the days it gives are read against the publication day, as the curation guide reads them.
RELATIVE_WORDS = (
    r"(?:on )?(?P<weekday>" + "|".join(WEEKDAYS) + r")|(?P<day>today|yesterday)"
    r"|(?P<which>this|last) (?P<span>week|month|year)|(?P<past>in the past|previously|earlier)"
)
_RELATIVE = re.compile(RELATIVE_WORDS, re.IGNORECASE)


def relative_days(quote: str, published: date) -> tuple[date | None, date] | None:
    """The days a quote that is only a relative time word gives, read in a document of ``published``;
    None for any other quote. A week may start on Sunday or Monday, so a week's days cover both: 'last
    week' on Wednesday 2020-01-15 is 2020-01-05..2020-01-12. A weekday is the latest on or before the
    day ('on Tuesday' on a Wednesday is the day before). 'in the past' gives no first day (None): any
    time up to the document's."""
    found = _RELATIVE.fullmatch(quote.strip())
    if found is None or not found.group().isascii():  # 'last week' with a long s is no time word of ours
        return None
    if found["past"]:
        return None, published
    if found["weekday"]:
        back = (published.weekday() - _DAY_NUMBERS[found["weekday"].casefold()]) % 7
        return published - timedelta(days=back), published - timedelta(days=back)
    if found["day"]:
        back = 0 if found["day"].lower() == "today" else 1
        return published - timedelta(days=back), published - timedelta(days=back)
    last = found["which"].lower() == "last"
    span = found["span"].lower()
    if span == "week":
        monday = published - timedelta(days=published.weekday())
        sunday = published - timedelta(days=(published.weekday() + 1) % 7)
        if last:
            return min(monday, sunday) - timedelta(days=7), max(monday, sunday) - timedelta(days=1)
        return min(monday, sunday), published
    if span == "month":
        first = published.replace(day=1)
        if last:
            end = first - timedelta(days=1)
            return end.replace(day=1), end
        return first, published
    if last:
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    return date(published.year, 1, 1), published


@dataclass(frozen=True)
class Intervals:
    """Per cell: whether it has the interval's form, whether its start is open ('..'), and its
    start and end days, NaT where it has not the form or a part is no real day (2020-02-30)."""

    shaped: pd.Series
    open_start: pd.Series
    start: pd.Series
    end: pd.Series

    @property
    def ordered(self) -> pd.Series:
        """Whether the cell is an interval whose start is open or not after its end."""
        return self.shaped & self.end.notna() & (self.open_start | (self.start <= self.end).fillna(False).astype(bool))


def time_intervals(cells: pd.Series) -> Intervals:
    """Each cell read as a time interval. The parts are found by Arrow and each distinct day is
    read once: a few dozen cells cost pandas' string and date machinery milliseconds a call."""
    parts = pc.extract_regex(one_array(arrow_strings(cells)).cast(pa.large_string()), _PARTS)
    start, end = pc.struct_field(parts, "start"), pc.struct_field(parts, "end")
    shaped = parts.is_valid().to_numpy(zero_copy_only=False)
    open_start = pc.fill_null(pc.equal(start, ".."), False).to_numpy(zero_copy_only=False)
    index = cells.index
    return Intervals(
        pd.Series(shaped, index=index),
        pd.Series(open_start, index=index),
        pd.Series(_days(start), index=index),
        pd.Series(_days(end), index=index),
    )


def _days(texts: pa.Array) -> np.ndarray:
    """The day each 'YYYY-MM-DD' text names (datetime64[s]); NaT for a missing text, '..', or no
    real day. The calendar judges each distinct text once."""
    encoded = pc.dictionary_encode(texts)
    days = np.array([*map(_day, encoded.dictionary.to_pylist()), _NOT_A_DAY], dtype="datetime64[s]")
    positions = pc.fill_null(encoded.indices, len(encoded.dictionary)).to_numpy(zero_copy_only=False)
    found: np.ndarray = days[positions]
    return found


def _day(text: str) -> np.datetime64:
    try:
        return np.datetime64(date.fromisoformat(text), "s")
    except ValueError:  # '..', or 2020-02-30
        return _NOT_A_DAY
