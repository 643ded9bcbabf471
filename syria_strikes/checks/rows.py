"""Rules that relate columns of the same row: date order, count bounds, precision codes.

Each rule returns True where a row passes; a missing value never fails a rule here (the
``required`` flag in the metadata catches that), so one fault gives one message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from syria_strikes.columnar import arrow_strings, cell_text, is_missing
from syria_strikes.intervals import WEEKDAYS, days_written, time_intervals, url_days
from syria_strikes.metadata import (
    ACTOR_PREDICATES,
    AIR_OR_MISSILE_EVENT_TYPES,
    CASUALTY_PREDICATES,
    CODE_WORDS,
    CODE_WORDS_READ_AS,
    CODED_PREDICATES,
    COUNT_PREDICATES,
    COUNT_UNITS,
    COUNTRY_CODE,
    COUNTRY_EXTENTS,
    ISO_COUNTRY,
    LIST_DELIMITER,
    NON_ATTACK_EVENT_TYPES,
    PLACE_FIELDS_FINER_THAN,
    PREDICATE_WORDS,
    RELATION_WORDS,
    STANCE_HEDGES,
    STANCE_HEDGES_ONLY,
    STANCE_WORDS,
    STRIKE_COUNTRY,
    UNKNOWN_CODE,
    UNKNOWN_PERPETRATOR,
    VALUE_CODE_PREDICATES,
    VICTIM_WORDS,
    VICTIM_WORDS_NOT_COMBATANTS,
    codes_worded,
)
from syria_strikes.rules import RuleId, relation_id_misread

Frame = pd.DataFrame


@dataclass(frozen=True)
class RowRule:
    """``reads`` lists the columns the rule looks at: a row whose cells there already failed a
    cell rule is not judged again, so one fault gives one message. Those cells, as text, are the
    context of the rule's wording in syria_strikes.rules."""

    table: str
    rule: RuleId
    column: str | Callable[[pd.Series], str]
    reads: tuple[str, ...]
    passes: Callable[[Frame], pd.Series]

    def column_for(self, row: pd.Series) -> str:
        return self.column if isinstance(self.column, str) else self.column(row)

    def context(self, row: pd.Series) -> dict[str, str | None]:
        """The context of the rule's wording: the cells it reads, as text, by column name."""
        return {name: cell_text(row[name]) for name in self.reads}


def _ok(condition: pd.Series) -> pd.Series:
    return condition.fillna(True).astype(bool)


def _ordered(first: pd.Series, second: pd.Series) -> pd.Series:
    """first <= second where both are given; a missing side is another rule's business."""
    return first.isna() | second.isna() | _ok(first <= second)


def _present(series: pd.Series) -> pd.Series:
    return series.notna()


def _month_bounds(frame: Frame) -> pd.Series:
    start, end = frame["date_start"], frame["date_end"]
    first = start.dt.is_month_start
    last = end.dt.is_month_end
    same = (start.dt.year == end.dt.year) & (start.dt.month == end.dt.month)
    bounds: pd.Series = first & last & same
    return bounds


def counts_in_order(frame: Frame) -> pd.Series:
    """value_low <= value <= value_high where given (count_bounds); other rules judge only such counts."""
    low, value, high = frame["value_low"], frame["value"], frame["value_high"]
    return _ordered(low, value) & _ordered(value, high) & _ordered(low, high)


def exact_counts_bounded(frame: Frame) -> pd.Series:
    """An exact count is its own bounds: value given, value_low and value_high hold it too, as the
    curation guide writes 'eight' (8, 8, 8); the derived views compare the three as given, so one
    exact eight written (8, , ) would differ from another written (8, 8, 8). Bounds that meet
    ( , 8, 8) are an exact count too, so they give it as value."""
    low, value, high = frame["value_low"], frame["value"], frame["value_high"]
    bounds_meet = (low == high).fillna(False).astype(bool)
    given = ((low == value).fillna(False) & (high == value).fillna(False)).astype(bool)
    return (value.isna() & ~bounds_meet) | given


def _exact_bound_column(row: pd.Series) -> str:
    """The bound that does not hold the exact count: the low one unless only the high one misses;
    value itself when bounds that meet leave it empty."""
    low, value = row["value_low"], row["value"]
    if pd.isna(value):
        return "value"
    return "value_high" if pd.notna(low) and low == value else "value_low"


def _bound_column(row: pd.Series) -> str:
    """Name the bound that breaks the order: the low one unless only the high one is wrong."""
    low, value, high = row["value_low"], row["value"], row["value_high"]
    if pd.notna(value) and pd.notna(high) and value > high and not (pd.notna(low) and low > value):
        return "value_high"
    return "value_low"


def _id_names_relation(frame: Frame) -> pd.Series:
    """A relation's ID that reads subject, relation, object names the row's relation and actors in
    that order (``rules.relation_id_misread``): else the row was typed, swapped or pasted wrong."""
    columns = ("relation_id", "relation", "subject_actor_id", "object_actor_id")
    named = [relation_id_misread(*cells) is None for cells in zip(*(frame[name] for name in columns), strict=True)]
    return pd.Series(named, index=frame.index, dtype=bool)


def _is(series: pd.Series, codes: tuple[str, ...] | list[str]) -> pd.Series:
    return series.isin(list(codes)).fillna(False).astype(bool)


def _code_fits(predicate: object, cell: object) -> bool:
    """Every '|'-separated code of the cell belongs to the predicate's code list, and 'unknown' (the
    claim names none) stands alone: beside a code it says the claim names one and names none."""
    if is_missing(cell) or predicate not in VALUE_CODE_PREDICATES:
        return True
    items = str(cell).split(LIST_DELIMITER)
    if predicate == "place":
        return all(re.fullmatch(COUNTRY_CODE, item) and item in ISO_COUNTRY.codes for item in items)
    if len(items) > 1 and UNKNOWN_CODE in items:
        return False
    return all(item in CODED_PREDICATES[str(predicate)].codes for item in items)


def _codes_allowed(frame: Frame) -> pd.Series:
    """Only the coded rows are looked at, each distinct (predicate, codes) pair once: codes
    repeat, and the rest pass in one vectorised step."""
    coded = (frame["value_code"].notna() & _is(frame["predicate"], VALUE_CODE_PREDICATES)).to_numpy()
    result = np.ones(len(frame), dtype=bool)
    rows = frame.loc[coded, ["predicate", "value_code"]]
    pairs = list(zip(rows["predicate"], rows["value_code"], strict=True))
    fits = {pair: _code_fits(*pair) for pair in set(pairs)}
    result[coded] = [fits[pair] for pair in pairs]
    return pd.Series(result, index=frame.index)


def _code_worded(predicate: object, text: object, cell: object) -> bool:
    """A value_text that names codes has them among its codes (a place: is coded as one of the
    countries it names); one that names none is not judged, nor a code no word of it names."""
    if is_missing(cell) or is_missing(text) or predicate not in VALUE_CODE_PREDICATES:
        return True
    worded = codes_worded(str(predicate), str(text))
    codes = set(str(cell).split(LIST_DELIMITER))
    if not worded:
        return True
    return bool(codes & worded) if predicate == "place" else worded <= codes


def _codes_worded(frame: Frame, places: bool) -> pd.Series:
    """Each distinct (predicate, value_text, codes) triple of the coded rows is judged once: the
    words repeat, and the rest pass in one vectorised step."""
    kinds = ["place"] if places else list(CODED_PREDICATES)
    coded = (frame["value_code"].notna() & frame["value_text"].notna() & _is(frame["predicate"], kinds)).to_numpy()
    return _each_distinct(frame, coded, ("predicate", "value_text", "value_code"), _code_worded)


def _each_distinct(
    frame: Frame, judged: np.ndarray, columns: tuple[str, str, str], passes: Callable[[object, object, object], bool]
) -> pd.Series:
    """``passes`` of each ``judged`` row's cells in ``columns``, asked once per distinct triple (the words
    repeat); every other row passes."""
    result = np.ones(len(frame), dtype=bool)
    rows = frame.loc[judged, list(columns)]
    triples = list(zip(*(rows[column] for column in columns), strict=True))
    fits = {triple: passes(*triple) for triple in set(triples)}
    result[judged] = [fits[triple] for triple in triples]
    return pd.Series(result, index=frame.index)


# Words of a value_text that name nothing of their own beside its code words ('drones and missiles').
_LINKING_WORDS = frozenset({"and", "or", "the", "a", "an", "of", "unknown", "unidentified"})


def _text_quoted(predicate: object, text: object, quote: object) -> bool:
    """A platform, weapon or air defence claim's value_text names no code (CODE_WORDS) that its quote
    leaves out while the quote names another: 'eight missiles fired' given as 'rockets'. A value_text
    with words of its own that the quote writes ('F-16 jets' for 'F-16s fired missiles at a drone
    base', 'Tomahawk missiles') rests on those, and a quote that names no code is not judged."""
    if is_missing(text) or is_missing(quote) or predicate not in CODED_PREDICATES:
        return True
    quoted = codes_worded(str(predicate), str(quote))
    if not quoted or codes_worded(str(predicate), str(text)) <= quoted:
        return True
    bare = str(text)
    for pattern in CODE_WORDS[str(predicate)].values():
        bare = re.sub(pattern, " ", bare, flags=re.IGNORECASE)
    own = [word for word in re.findall(r"\w[\w-]*", bare.casefold()) if word not in _LINKING_WORDS]
    # As the start of a whole word of the quote: 'F-16' in 'F-16s', 'Tomahawk' in 'Tomahawks', never 'two'
    # in 'network'.
    return any(re.search(rf"(?<!\w){re.escape(word)}", str(quote), re.IGNORECASE) for word in own)


def _texts_quoted(frame: Frame) -> pd.Series:
    """Each distinct (predicate, value_text, quote) triple of the coded rows whose quote holds a code word
    at all is judged once; Arrow finds those quotes, so a large table's others cost one pass."""
    given = (
        frame["value_text"].notna() & frame["quote"].notna() & _is(frame["predicate"], list(CODED_PREDICATES))
    ).to_numpy(dtype=bool)
    quotes = arrow_strings(frame["quote"])
    predicates = frame["predicate"].astype("string")
    coded = np.zeros(len(frame), dtype=bool)  # a quote that names no code is not judged (_text_quoted)
    # The words read as a code too ('unmanned aircraft' is a drone: CODE_WORDS_READ_AS).
    read_as = [pattern for pattern, code in CODE_WORDS_READ_AS if code.strip()]
    for predicate, words in CODE_WORDS.items():
        at = np.flatnonzero((predicates == predicate).fillna(False).to_numpy(dtype=bool) & given)
        if len(at):
            naming = "|".join([*words.values(), *read_as])
            says = pc.match_substring_regex(quotes.take(pa.array(at)), naming, ignore_case=True)
            coded[at] = pc.fill_null(says, False).to_numpy(zero_copy_only=False)
    return _each_distinct(frame, coded, ("predicate", "value_text", "quote"), _text_quoted)


def _time_interval(frame: Frame) -> pd.Series:
    """A time claim's value_text is 'start/end' (start may be '..'), with start <= end."""
    timed = _is(frame["predicate"], ["time"])
    result = pd.Series(True, index=frame.index)
    if not timed.any():  # only time claims are parsed: the rest of a large table is not
        return result
    result[timed] = time_intervals(frame.loc[timed, "value_text"]).ordered
    return result


def _weekday_kept(frame: Frame) -> pd.Series:
    """A time claim whose quote names a day of the week ('on Tuesday') and whose interval is closed and
    shorter than a week holds one of the days it names: the calendar alone tells a Monday given for
    'on Tuesday'. Each quote's days and each interval's are seven bits, worked out for every row at once."""
    timed = _is(frame["predicate"], ["time"]) & _present(frame["quote"]) & _present(frame["value_text"])
    result = pd.Series(True, index=frame.index)
    if not timed.any():
        return result
    intervals = time_intervals(frame.loc[timed, "value_text"])
    closed = (intervals.ordered & ~intervals.open_start).to_numpy(dtype=bool)
    quotes = arrow_strings(frame.loc[timed, "quote"])
    named = np.zeros(len(closed), dtype=np.int64)
    for day, weekday in enumerate(WEEKDAYS):
        says = pc.fill_null(pc.match_substring_regex(quotes, f"\\b{weekday}\\b", ignore_case=True), False)
        named |= says.to_numpy(zero_copy_only=False).astype(np.int64) << day
    start = intervals.start.to_numpy(dtype="datetime64[D]").astype(np.int64)
    length = intervals.end.to_numpy(dtype="datetime64[D]").astype(np.int64) - start
    held = np.zeros(len(closed), dtype=np.int64)
    for k in range(7):  # 1970-01-01 was a Thursday, day 3 as date.weekday() counts
        held |= (length >= k).astype(np.int64) << ((start + k + 3) % 7)
    judged = closed & (named != 0) & (length < 7)
    result[timed[timed].index[judged & ((named & held) == 0)]] = False
    return result


# Words that count from a day the quote writes ('a day after February 24, 2020') or give it in another
# clock than the place's ('22:30 GMT on February 23'): the claim's days are then not the day written.
COUNTED_FROM_THE_DAY = (
    r"(?i)\b(?:after|before|later|earlier|since|until|till|ago|following|prior|preceding|next|previous|eve)\b"
    r"|\b(?:GMT|UTC|Zulu)\b|\b\d{1,2}[:.h]\d{2}\b"
)


def _days_kept(frame: Frame) -> pd.Series:
    """A time claim whose quote writes a whole calendar day ('on February 24, 2020') starts or ends
    its interval on that day: a day typed over in value_text ('../2020-03-24') passed, as every
    interval in order does. Only the rows whose quote writes a day with its year are read, and not
    those that count from it or give an hour (COUNTED_FROM_THE_DAY)."""
    timed = _is(frame["predicate"], ["time"]) & _present(frame["quote"]) & _present(frame["value_text"])
    result = pd.Series(True, index=frame.index)
    if not timed.any():
        return result
    quotes = frame.loc[timed, "quote"]
    dated = pc.fill_null(pc.match_substring_regex(arrow_strings(quotes), r"\d{4}"), False)
    quotes = quotes[dated.to_numpy(zero_copy_only=False)]
    if quotes.empty:
        return result
    intervals = time_intervals(frame.loc[quotes.index, "value_text"])
    for line, quote, ordered, start, end in zip(
        quotes.index, quotes, intervals.ordered, intervals.start, intervals.end, strict=True
    ):
        ends = {moment.date() for moment in (start, end) if not pd.isna(moment)}
        if (
            ordered
            and not re.search(COUNTED_FROM_THE_DAY, str(quote))
            and any(day not in ends for _, day in days_written(str(quote)))
        ):
            result[line] = False
    return result


def _url_dated(frame: Frame) -> pd.Series:
    """A day a source's address writes lies in its publication interval: an address typed over, or
    a publication day copied from another row, passed. Only addresses that write digits are read."""
    given = _present(frame["url"]) & (_present(frame["published_start"]) | _present(frame["published_end"]))
    result = pd.Series(True, index=frame.index)
    if not given.any():
        return result
    rows = frame.loc[given, ["url", "published_start", "published_end"]]
    for line, url, start, end in zip(
        rows.index, rows["url"], rows["published_start"], rows["published_end"], strict=True
    ):
        first = None if pd.isna(start) else start.date()
        last = None if pd.isna(end) else end.date()
        if any((first is not None and day < first) or (last is not None and day > last) for day in url_days(str(url))):
            result[line] = False
    return result


def _victims_quoted(frame: Frame) -> pd.Series:
    """A casualty claim's victim_group (the victims as the source words them) is words of its quote, in
    any letter case: 'militia officers' recoded 'civilians', or words of the next sentence, passed."""
    given = _present(frame["victim_group"]) & _present(frame["quote"])
    quoted: list[bool] = [
        str(group).casefold() in str(quote).casefold()
        for group, quote in zip(
            frame.loc[given, "victim_group"].tolist(), frame.loc[given, "quote"].tolist(), strict=True
        )
    ]
    # One assignment: a row at a time cost pandas' indexing for each casualty claim.
    judged = pd.Series(quoted, index=given.index[given.to_numpy(dtype=bool)], dtype=bool)
    return judged.reindex(frame.index, fill_value=True)


# The stances whose quote is the claimant's account of the count: one that disputes or questions may
# quote the account it disputes ('indicate the airstrikes ... hit their targets' against interceptions).
COUNTING_STANCES = ("asserts", "reports")


def predicate_worded(predicate: object, stance: object, quote: object) -> bool:
    """The plain reading of predicate_worded, one row; ``_predicates_worded`` reads every row at once."""
    if predicate not in PREDICATE_WORDS or stance not in COUNTING_STANCES or not isinstance(quote, str):
        return True
    return re.search(PREDICATE_WORDS[str(predicate)], quote, re.IGNORECASE) is not None


def _predicates_worded(frame: Frame) -> pd.Series:
    """A count or site_occupant claim that asserts or reports quotes its predicate's words
    (metadata.PREDICATE_WORDS): 'killed eight' recorded as injuries, or '4 missiles reached the target
    area' as interceptions, passed."""
    counting = _is(frame["stance"], COUNTING_STANCES).to_numpy(dtype=bool)
    return _quotes_worded(frame["predicate"], frame["quote"], PREDICATE_WORDS, counting)


def _quotes_worded(labels: pd.Series, quote: pd.Series, words: dict[str, str], judged: np.ndarray) -> pd.Series:
    """Whether each ``judged`` row's quote holds the words of its label (a predicate, a relation) that
    ``words`` lists; each pattern is tried, in Arrow, on its label's quotes alone."""
    codes = labels.astype("string")
    quotes = arrow_strings(quote)
    wrong = np.zeros(len(labels), dtype=bool)
    for label, pattern in words.items():
        rows = np.flatnonzero((codes == label).fillna(False).to_numpy(dtype=bool) & judged)
        if not len(rows):
            continue
        says = pc.match_substring_regex(quotes.take(pa.array(rows)), pattern, ignore_case=True)
        wrong[rows] = ~pc.fill_null(says, True).to_numpy(zero_copy_only=False)
    return pd.Series(~wrong, index=labels.index)


def _relations_worded(frame: Frame) -> pd.Series:
    """A relation's quote holds its relation's words (metadata.RELATION_WORDS): an alliance ('close
    strategic allies') recorded as backing, or ownership ('state-owned') as leadership, passed."""
    return _quotes_worded(frame["relation"], frame["quote"], RELATION_WORDS, np.ones(len(frame), dtype=bool))


def victims_worded(status: object, group: object) -> bool:
    """The plain reading of victim_status_worded, one row; ``_victims_as_worded`` reads every row at once."""
    if not isinstance(status, str) or not isinstance(group, str):
        return True
    combatant = re.search(
        VICTIM_WORDS["combatant"], re.sub(VICTIM_WORDS_NOT_COMBATANTS, " ", group, flags=re.IGNORECASE), re.IGNORECASE
    )
    civilian = re.search(VICTIM_WORDS["civilian"], group, re.IGNORECASE)
    if status == "combatant":
        return not (civilian and not combatant)
    return not (combatant and not civilian)  # civilian or unknown: 'fighters' alone say otherwise


def _victims_as_worded(frame: Frame) -> pd.Series:
    """A casualty claim's victim_status is what its victim_group's words say (metadata.VICTIM_WORDS):
    'militia officers' recoded civilian or unknown passed. The quote is not read: its other words may name
    the target or the attacker. Each pattern is tried, in Arrow, on the rows with a group alone."""
    rows = np.flatnonzero((_present(frame["victim_status"]) & _present(frame["victim_group"])).to_numpy(dtype=bool))
    passes = np.ones(len(frame), dtype=bool)
    if not len(rows):
        return pd.Series(passes, index=frame.index)
    groups = arrow_strings(frame["victim_group"]).take(pa.array(rows))
    fighting = pc.replace_substring_regex(groups, f"(?i){VICTIM_WORDS_NOT_COMBATANTS}", " ")
    combatant = pc.match_substring_regex(fighting, VICTIM_WORDS["combatant"], ignore_case=True).to_numpy(
        zero_copy_only=False
    )
    civilian = pc.match_substring_regex(groups, VICTIM_WORDS["civilian"], ignore_case=True).to_numpy(
        zero_copy_only=False
    )
    status = frame["victim_status"].astype("string").to_numpy(dtype=object)[rows]
    wrong = np.where(status == "combatant", civilian & ~combatant, combatant & ~civilian)
    passes[rows] = ~wrong
    return pd.Series(passes, index=frame.index)


def _stance_as_hedged(frame: Frame) -> pd.Series:
    """A claim whose hedge settles its stance ('UNABLE TO INDEPENDENTLY VERIFY', 'did not mention',
    'have questioned') takes that stance."""
    return _stance_as_written(frame, ("hedging",), {**STANCE_HEDGES, **STANCE_HEDGES_ONLY})


def _stance_as_quoted(frame: Frame) -> pd.Series:
    """A claim whose attribution words or quote hold words that settle a stance takes it, or says why
    not: an emptied hedge let 'UNABLE TO INDEPENDENTLY VERIFY THIS IMAGE' pass as asserted, but such words
    in a quote may be about something else ('did not mention casualties'), hence a warning."""
    return _stance_as_written(frame, ("attribution_quote", "quote"), STANCE_HEDGES)


def _stance_has_words(frame: Frame) -> pd.Series:
    """A claim whose stance needs words (metadata.STANCE_WORDS: denies, questions, no_comment, cannot_verify,
    reports) has them in its hedge, attribution words or quote: 'According to Haaretz' recorded as a
    denial passed. A relay ('reports') is worded by any attribution words too. Each pattern is tried, in
    Arrow, on the rows taking its stance alone."""
    stances = frame["stance"].astype("string")
    wrong = np.zeros(len(frame), dtype=bool)
    for stance, pattern in STANCE_WORDS.items():
        rows = np.flatnonzero((stances == stance).fillna(False).to_numpy(dtype=bool))
        if not len(rows):
            continue
        taken = pa.array(rows)
        # Whoever's words a claim relays, naming them ('SANA said') words the relay.
        worded = np.zeros(len(rows), dtype=bool)
        if stance == "reports":
            worded |= _present(frame["attribution_quote"]).to_numpy(dtype=bool)[rows]
        for column in ("hedging", "attribution_quote", "quote"):
            says = pc.match_substring_regex(arrow_strings(frame[column]).take(taken), pattern, ignore_case=True)
            worded = worded | pc.fill_null(says, False).to_numpy(zero_copy_only=False)
        wrong[rows] = ~worded
    return pd.Series(~wrong, index=frame.index)


def _stance_as_written(frame: Frame, columns: tuple[str, ...], settling: dict[str, str]) -> pd.Series:
    """Rows whose ``columns`` hold no words that settle another stance than theirs; each pattern is
    tried on every cell at once, in Arrow."""
    wrong = np.zeros(len(frame), dtype=bool)
    stances = frame["stance"].astype("string")
    for column in columns:
        texts = arrow_strings(frame[column])
        for stance, pattern in settling.items():
            says = pc.fill_null(pc.match_substring_regex(texts, pattern, ignore_case=True), False)
            wrong |= says.to_numpy(zero_copy_only=False) & (stances != stance).fillna(False).to_numpy(dtype=bool)
    return pd.Series(~wrong, index=frame.index)


def _placed_in(frame: Frame) -> pd.Series:
    """The country an event is in: its country, or Syria for a strike that names none."""
    strike = _is(frame["category"], ["strike"]) & frame["country"].isna()
    return frame["country"].where(~strike, STRIKE_COUNTRY)


def inside_country(frame: Frame) -> pd.Series:
    """Coordinates of an event whose country has a declared extent lie in it; others pass, except 0,0,
    which is in no country (it is what a spreadsheet leaves for a missing value)."""
    latitude, longitude, placed = frame["latitude"], frame["longitude"], _placed_in(frame)
    result = ~(latitude.eq(0) & longitude.eq(0)).fillna(False).astype(bool)
    for country, box in COUNTRY_EXTENTS.items():
        judged = _is(placed, [country]) & latitude.notna() & longitude.notna()
        inside = latitude.between(box.south, box.north) & longitude.between(box.west, box.east)
        result &= ~judged | _ok(inside)
    return result


def _outside_column(row: pd.Series) -> str:
    """Name the longitude when the latitude is in the box (so only the longitude is out), else the latitude
    (as at 0,0 in a country without a box)."""
    box = COUNTRY_EXTENTS.get(str(row["country"]) if pd.notna(row["country"]) else STRIKE_COUNTRY)
    return "longitude" if box is not None and box.south <= row["latitude"] <= box.north else "latitude"


def _finer_than_precision(frame: Frame) -> pd.Series:
    """Rows whose place_precision leaves empty every place column finer than itself."""
    result = pd.Series(True, index=frame.index)
    for precision, columns in PLACE_FIELDS_FINER_THAN.items():
        given = pd.Series(False, index=frame.index)
        for column in columns:
            given |= _present(frame[column])
        result &= ~(_is(frame["place_precision"], [precision]) & given)
    return result


def _finest_place_column(row: pd.Series) -> str:
    """The finest place column given that the precision leaves empty."""
    columns = PLACE_FIELDS_FINER_THAN[str(row["place_precision"])]
    return next(column for column in reversed(columns) if not is_missing(row[column]))


def _strike_column(row: pd.Series) -> str:
    """Name the category of a strike in Syria filed as context; of a strike, the event_type when it is
    not an attack, else the country."""
    if row["category"] != "strike":
        return "category"
    return "event_type" if row["event_type"] in NON_ATTACK_EVENT_TYPES else "country"


def _victim_column(row: pd.Series) -> str:
    is_casualty = row["predicate"] in CASUALTY_PREDICATES
    return "victim_status" if is_casualty or pd.notna(row["victim_status"]) else "victim_group"


def _attribution_missing(row: pd.Series) -> str:
    """Name the part that is missing when the words are given, else the words themselves."""
    if pd.isna(row["attribution_quote"]):
        return "attribution_quote"
    return "attribution_start" if pd.isna(row["attribution_start"]) else "attribution_end"


def _attribution_parts(frame: Frame) -> pd.Series:
    given = [frame[name].notna() for name in ("attribution_quote", "attribution_start", "attribution_end")]
    return (given[0] == given[1]) & (given[1] == given[2])


# The date an event ID carries: a year, a month or a day ("evt-2020-01-albu-kamal-strike": January 2020).
ID_DATE = r"^evt-(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2}))?(?:-(?P<day>[0-9]{2}))?-"


def _id_date_overlaps(frame: Frame) -> pd.Series:
    """The days an event's ID names (a year, a month or a day) share one with its interval; an ID
    that carries no date ('undated') passes, one whose date is no day in the calendar fails. Dates
    out of order are date_order's."""
    parts = frame["event_id"].astype("string").str.extract(ID_DATE)
    dated = parts["year"].notna().to_numpy(dtype=bool)
    month, day = parts["month"].fillna("01"), parts["day"].fillna("01")
    first = pd.to_datetime(parts["year"] + "-" + month + "-" + day, format="%Y-%m-%d", errors="coerce")
    last = first.where(parts["day"].notna(), first + pd.offsets.MonthEnd(0))
    last = last.where(parts["month"].notna(), first + pd.offsets.YearEnd(0))
    start = frame["date_start"].astype("datetime64[s]")
    end = frame["date_end"].astype("datetime64[s]")
    overlaps = (start.isna() | (start <= last)) & (end.isna() | (first <= end))
    in_order = _ordered(start, end).to_numpy(dtype=bool)
    return pd.Series(~dated | ~in_order | overlaps.fillna(False).to_numpy(dtype=bool), index=frame.index)


ROW_RULES: tuple[RowRule, ...] = (
    RowRule(
        "actors",
        "parent_not_self",
        "parent_actor_id",
        ("actor_id", "parent_actor_id"),
        lambda f: _ok(f["parent_actor_id"] != f["actor_id"]),
    ),
    RowRule(
        "sources",
        "published_order",
        "published_end",
        ("published_start", "published_end"),
        lambda f: _ordered(f["published_start"], f["published_end"]),
    ),
    RowRule(
        "sources",
        "seed_hash_pair",
        "sha256",
        ("seed_path", "sha256"),
        lambda f: _present(f["seed_path"]) == _present(f["sha256"]),
    ),
    RowRule(
        "sources",
        "archived_has_seed",
        "seed_path",
        ("kind", "seed_path"),
        lambda f: (f["kind"] == "archived_article") == _present(f["seed_path"]),
    ),
    RowRule(
        "sources",
        "url_dated",
        "url",
        ("url", "published_start", "published_end"),
        _url_dated,
    ),
    RowRule(
        "sources",
        "dateline_archived",
        "dateline",
        ("dateline", "seed_path"),
        lambda f: ~_present(f["dateline"]) | _present(f["seed_path"]),
    ),
    RowRule(
        "events",
        "date_order",
        "date_end",
        ("date_start", "date_end"),
        lambda f: _ordered(f["date_start"], f["date_end"]),
    ),
    RowRule(
        "events",
        "event_id_date",
        "event_id",
        ("event_id", "date_start", "date_end"),
        _id_date_overlaps,
    ),
    RowRule(
        "actor_relations",
        "relation_worded",
        "relation",
        ("relation", "quote"),
        _relations_worded,
    ),
    RowRule(
        "actor_relations",
        "relation_id_names",
        "relation_id",
        ("relation_id", "relation", "subject_actor_id", "object_actor_id"),
        _id_names_relation,
    ),
    RowRule(
        "events",
        "precision_day",
        "date_precision",
        ("date_precision", "date_start", "date_end"),
        lambda f: (f["date_precision"] != "day") | _ordered(f["date_end"], f["date_start"]),
    ),
    RowRule(
        "events",
        "precision_month",
        "date_precision",
        ("date_precision", "date_start", "date_end"),
        lambda f: (
            (f["date_precision"] != "month")
            | f["date_start"].isna()
            | f["date_end"].isna()
            | ~_ordered(f["date_start"], f["date_end"])
            | _month_bounds(f)
        ),
    ),
    RowRule(
        "events",
        "precision_range",
        "date_precision",
        ("date_precision", "date_start", "date_end"),
        lambda f: (f["date_precision"] != "range") | ~(f["date_start"] == f["date_end"]).fillna(False).astype(bool),
    ),
    RowRule(
        "events",
        "precision_before",
        "date_start",
        ("date_precision", "date_start"),
        lambda f: (f["date_precision"] == "before") == f["date_start"].isna(),
    ),
    RowRule(
        "events",
        "coordinates_pair",
        "latitude",
        ("latitude", "longitude"),
        lambda f: _present(f["latitude"]) == _present(f["longitude"]),
    ),
    RowRule(
        "events",
        "coordinates_site",
        "latitude",
        ("latitude", "place_precision"),
        lambda f: ~_present(f["latitude"]) | (f["place_precision"] == "site"),
    ),
    RowRule(
        "events",
        "place_precision_fields",
        _finest_place_column,
        ("place_precision", "admin1", "admin2", "locality"),
        _finer_than_precision,
    ),
    RowRule(
        "events",
        "coordinates_in_country",
        _outside_column,
        ("latitude", "longitude", "country", "category"),
        inside_country,
    ),
    RowRule(
        "events",
        "attributed_actor",
        "attributed_actor_id",
        ("attribution_status", "attributed_actor_id"),
        lambda f: f["attribution_status"].isin(["acknowledged", "alleged"]) == _present(f["attributed_actor_id"]),
    ),
    RowRule(
        "events",
        "strike_category",
        _strike_column,
        ("category", "event_type", "country"),
        lambda f: (
            (
                ~_is(f["category"], ["strike"])
                | (
                    ~_is(f["event_type"], NON_ATTACK_EVENT_TYPES)
                    & (f["country"].isna() | _is(f["country"], [STRIKE_COUNTRY]))
                )
            )
            & ~(
                _is(f["category"], ["context"])
                & _is(f["event_type"], AIR_OR_MISSILE_EVENT_TYPES)
                & _is(f["country"], [STRIKE_COUNTRY])
            )
        ),
    ),
    RowRule(
        "events",
        "attribution_applicable",
        "attribution_status",
        ("event_type", "attribution_status"),
        lambda f: (
            f["event_type"].isna()
            | f["attribution_status"].isna()
            | (_is(f["event_type"], NON_ATTACK_EVENT_TYPES) == _is(f["attribution_status"], ["not_applicable"]))
        ),
    ),
    RowRule(
        "claims",
        "count_bounds",
        _bound_column,
        ("value", "value_low", "value_high"),
        counts_in_order,
    ),
    RowRule("claims", "count_exact", _exact_bound_column, ("value", "value_low", "value_high"), exact_counts_bounded),
    RowRule(
        "claims",
        "count_has_unit",
        "unit",
        ("predicate", "unit"),
        lambda f: f["predicate"].isin(COUNT_PREDICATES) == _present(f["unit"]),
    ),
    RowRule(
        "claims",
        "unit_matches_predicate",
        "unit",
        ("predicate", "unit"),
        lambda f: (
            ~_present(f["unit"])
            | ~f["predicate"].isin(COUNT_PREDICATES)
            | (f["unit"] == f["predicate"].map(COUNT_UNITS)).fillna(True).astype(bool)
        ),
    ),
    RowRule(
        "claims",
        "count_only_for_counts",
        "value",
        ("predicate", "value", "value_low", "value_high"),
        lambda f: (
            f["predicate"].isin(COUNT_PREDICATES)
            | ~(_present(f["value"]) | _present(f["value_low"]) | _present(f["value_high"]))
        ),
    ),
    RowRule(
        "claims",
        "actor_value",
        "value_actor_id",
        ("predicate", "value_actor_id", "value_text"),
        lambda f: ~f["predicate"].isin(ACTOR_PREDICATES) | _present(f["value_actor_id"]) | _present(f["value_text"]),
    ),
    RowRule(
        "claims",
        "quote_offsets",
        "quote_end",
        ("quote_start", "quote_end"),
        lambda f: _ok(f["quote_start"] < f["quote_end"]),
    ),
)


# Rules of the data model's second version: coded values, victims, time, attribution, identification.
MODEL_RULES: tuple[RowRule, ...] = (
    RowRule(
        "claims",
        "value_code_given",
        "value_code",
        ("predicate", "value_code"),
        lambda f: _is(f["predicate"], VALUE_CODE_PREDICATES) == _present(f["value_code"]),
    ),
    RowRule(
        "claims",
        "value_code_vocabulary",
        "value_code",
        ("predicate", "value_code"),
        _codes_allowed,
    ),
    RowRule(
        "claims",
        "value_code_worded",
        "value_code",
        ("predicate", "value_text", "value_code"),
        lambda f: _codes_worded(f, places=False),
    ),
    RowRule(
        "claims",
        "value_text_quoted",
        "value_text",
        ("predicate", "value_text", "quote"),
        _texts_quoted,
    ),
    RowRule(
        "claims",
        "place_code_worded",
        "value_code",
        ("predicate", "value_text", "value_code"),
        lambda f: _codes_worded(f, places=True),
    ),
    RowRule(
        "claims",
        "victim_fields",
        _victim_column,
        ("predicate", "victim_status", "victim_group"),
        lambda f: (
            (_is(f["predicate"], CASUALTY_PREDICATES) == _present(f["victim_status"]))
            & (_is(f["predicate"], CASUALTY_PREDICATES) | ~_present(f["victim_group"]))
        ),
    ),
    RowRule(
        "claims",
        "time_interval",
        "value_text",
        ("predicate", "value_text"),
        _time_interval,
    ),
    RowRule(
        "claims",
        "victim_group_worded",
        "victim_group",
        ("victim_group", "quote"),
        _victims_quoted,
    ),
    RowRule(
        "claims",
        "predicate_worded",
        "predicate",
        ("predicate", "stance", "quote"),
        _predicates_worded,
    ),
    RowRule(
        "claims",
        "victim_status_worded",
        "victim_status",
        ("victim_status", "victim_group"),
        _victims_as_worded,
    ),
    RowRule(
        "claims",
        "stance_worded",
        "stance",
        ("hedging", "stance"),
        _stance_as_hedged,
    ),
    RowRule(
        "claims",
        "stance_quoted",
        "stance",
        ("attribution_quote", "quote", "stance"),
        _stance_as_quoted,
    ),
    RowRule(
        "claims",
        "stance_unworded",
        "stance",
        ("stance", "hedging", "attribution_quote", "quote"),
        _stance_has_words,
    ),
    RowRule(
        "claims",
        "time_weekday",
        "value_text",
        ("predicate", "quote", "value_text"),
        _weekday_kept,
    ),
    RowRule(
        "claims",
        "time_day_written",
        "value_text",
        ("predicate", "quote", "value_text"),
        _days_kept,
    ),
    RowRule(
        "claims",
        "attribution_unknown",
        "value_text",
        ("predicate", "value_actor_id", "value_text"),
        lambda f: (
            ~_is(f["predicate"], ["attribution"])
            | _present(f["value_actor_id"])
            | ~_present(f["value_text"])
            | _ok(f["value_text"] == UNKNOWN_PERPETRATOR)
        ),
    ),
    RowRule(
        "claims",
        "attribution_complete",
        _attribution_missing,
        ("attribution_quote", "attribution_start", "attribution_end"),
        _attribution_parts,
    ),
    RowRule(
        "claims",
        "attribution_offsets",
        "attribution_end",
        ("attribution_start", "attribution_end"),
        lambda f: _ok(f["attribution_start"] < f["attribution_end"]),
    ),
    RowRule(
        "events",
        "identification_noted",
        "identification_note",
        ("identification", "identification_note"),
        lambda f: _is(f["identification"], ["stated_in_seed"]) | _present(f["identification_note"]),
    ),
    RowRule(
        "events",
        "acknowledged_has_source",
        "attribution_source_id",
        ("attribution_status", "attribution_source_id"),
        lambda f: ~_is(f["attribution_status"], ["acknowledged"]) | _present(f["attribution_source_id"]),
    ),
    RowRule(
        "sources",
        "reference_has_url",
        "url",
        ("kind", "url"),
        lambda f: ~_is(f["kind"], ["reference"]) | _present(f["url"]),
    ),
    RowRule(
        "actor_relations",
        "relation_not_self",
        "object_actor_id",
        ("subject_actor_id", "object_actor_id"),
        lambda f: _ok(f["subject_actor_id"] != f["object_actor_id"]),
    ),
    RowRule(
        "actor_relations",
        "quote_offsets",
        "quote_end",
        ("quote_start", "quote_end"),
        lambda f: _ok(f["quote_start"] < f["quote_end"]),
    ),
)


def rules_for(table: str) -> tuple[RowRule, ...]:
    return tuple(rule for rule in (*ROW_RULES, *MODEL_RULES) if rule.table == table)
