"""The one metadata source: every table, column and vocabulary is declared here once.

The Frictionless descriptor, the pandera schemas, the Arrow types, the SQLite DDL and the
data dictionary are all generated from these declarations, so a column can never mean one
thing in the CSV and another in the Parquet. This module imports nothing beyond the standard
library because the loader reads it at run time and ``import syria_strikes`` must stay light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, cast

from syria_strikes.iso_codes import COUNTRIES, LANGUAGES

ColumnType = Literal["string", "integer", "number", "date", "list"]

# The repository's public address, used by every absolute link (README, bundle, descriptor,
# pyproject's [project.urls]; tests hold them to it). Not yet confirmed: replace it here, in
# pyproject.toml and in README.md's links once the repository is public.
REPOSITORY_URL = "https://github.com/syria-strikes/syria-strikes"

LIST_DELIMITER = "|"
SHORT_TEXT = 300
# The most bytes an archived seed may hold: the text of one document is far less, and a file past
# it (a disk image, a runaway download) is refused unread instead of filling memory.
SEED_MOST_BYTES = 64 * 1024 * 1024
# The most bytes a dataset's datapackage.json may hold: the generated one is a few dozen KiB.
DESCRIPTOR_MOST_BYTES = 16 * 1024 * 1024
# Where the dataset's dates begin, the minimum of every date column: the scope starts here, so an
# earlier date is a mistyped year (0201 or 1021 for 2021) and is refused, not stored.
EARLIEST_DATE = "1900-01-01"
LONG_TEXT = 2000


@dataclass(frozen=True)
class Vocabulary:
    """A controlled vocabulary: codes with the meaning a curator must apply."""

    name: str
    description: str
    values: tuple[tuple[str, str], ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.values)


@dataclass(frozen=True)
class CodeStandard:
    """A published list of codes that a column's cells must come from; a language tag's first
    subtag alone (``ar`` of ``ar-SY``), the rest being regions and scripts."""

    name: str
    codes: frozenset[str]
    first_subtag: bool = False


@dataclass(frozen=True)
class Column:
    """One column, declared once; ``references`` names the table whose primary key it holds."""

    name: str
    type: ColumnType
    description: str
    example: str
    required: bool = False
    unique: bool = False
    vocabulary: Vocabulary | None = None
    pattern: str | None = None
    minimum: float | str | None = None  # a date column's minimum is a day, YYYY-MM-DD
    maximum: float | None = None
    max_length: int | None = None
    references: str | None = None
    standard: CodeStandard | None = None  # beside ``pattern``: the form, then the list

    @property
    def minimum_text(self) -> str | None:
        """The minimum as the data writes it: a day for dates, a number (``0``, ``-90``) otherwise."""
        if self.minimum is None:
            return None
        return self.minimum if isinstance(self.minimum, str) else f"{self.minimum:g}"

    @property
    def text_limit(self) -> int | None:
        """Longest accepted cell; free text is bounded so a pasted document cannot slip in."""
        if self.max_length is not None:
            return self.max_length
        return SHORT_TEXT if self.type in ("string", "list") else None


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    primary_key: str
    columns: tuple[Column, ...]
    may_be_empty: bool = False

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def path(self) -> str:
        return f"data/{self.file_name}"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        near = _did_you_mean(name, self.column_names)
        raise KeyError(f"{self.name} has no column {name!r}{near}; its columns are {', '.join(self.column_names)}")


# --- ID patterns: ASCII only ([0-9], never \d, which also matches non-ASCII digits) ---------
SLUG = "[a-z0-9]+(-[a-z0-9]+)*"
ACTOR_ID = f"^act-{SLUG}$"
SOURCE_ID = f"^src-{SLUG}$"
# An event whose date the sources do not bound from below is "undated" rather than dated by its upper bound.
EVENT_ID = f"^evt-([0-9]{{4}}(-[0-9]{{2}}){{0,2}}|undated)-{SLUG}$"
# Each number of a claim or uncovered-sentence ID is three digits, or more without a leading zero: with
# zeros allowed, clm-000-0001 stood beside clm-000-001 as another ID for the same number.
_ID_NUMBER = "(?:[0-9]{3}|[1-9][0-9]{3,})"
CLAIM_ID = f"^clm-{_ID_NUMBER}-{_ID_NUMBER}$"
RELATION_ID = f"^rel-{SLUG}$"
WIKIDATA_ID = "^Q[1-9][0-9]*$"
UNCOVERED_ID = f"^unc-{_ID_NUMBER}-{_ID_NUMBER}$"
COUNTRY_CODE = "^[A-Z]{3}$"
ISO_COUNTRY = CodeStandard("ISO 3166-1 alpha-3", COUNTRIES)
SHA256 = "^[0-9a-f]{64}$"
LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
ISO_LANGUAGE = CodeStandard("ISO 639-1 or ISO 639-3", LANGUAGES, first_subtag=True)
SEED_PATH = "^seeds/[A-Za-z0-9_-][A-Za-z0-9_.-]*$"

# --- Vocabularies ---------------------------------------------------------------------------
ACTOR_KIND = Vocabulary(
    "actor_kind",
    "What sort of actor a row describes.",
    (
        ("state", "A sovereign state, as a whole."),
        ("armed_forces", "A state's armed forces or one of their services (army, air force, IRGC)."),
        ("military_unit", "A unit, command or body inside armed forces."),
        ("armed_group", "A non-state armed group or militia."),
        ("government_body", "A government, ministry, agency or other state body that is not military."),
        ("media_outlet", "A news agency, newspaper, broadcaster or online outlet."),
        ("ngo", "A non-governmental organisation, such as a monitoring group."),
        ("person", "A named individual."),
        ("unidentified", "An actor the source leaves unnamed: 'experts', 'a military source'."),
    ),
)
# The kinds that are part of another actor, and the kinds that whole may have: armed forces belong to a
# state (a service to its armed forces, forces to a ministry of defence); a unit to armed forces, to a
# body such as a ministry, to an armed group (Hezbollah's units), or to the state when no source names
# its forces; a government body to a state, to another body, or to the armed group that rules where no
# state does. Armed forces and a unit are always part of one (rule part_without_whole warns otherwise).
PART_OF_KINDS: dict[str, tuple[str, ...]] = {
    "armed_forces": ("state", "armed_forces", "government_body"),
    "military_unit": ("armed_forces", "military_unit", "government_body", "state", "armed_group"),
    "government_body": ("state", "government_body", "armed_group"),
}
ALWAYS_PART_KINDS = ("armed_forces", "military_unit")
SOURCE_KIND = Vocabulary(
    "source_kind",
    "What sort of document or report a source row describes.",
    (
        ("archived_article", "A document archived in seeds/, read and quoted by the curators."),
        ("agency_report", "A report by a news agency (SANA, TASS, AP, Reuters)."),
        ("news_article", "An article by a newspaper or online outlet."),
        ("official_statement", "A statement by a government, military or official body."),
        ("ngo_statement", "A statement by a non-governmental organisation."),
        ("photo_caption", "The caption of a photo: the words printed with an image."),
        ("imagery", "Images or video offered as evidence ('images and video of explosions', a handout image)."),
        ("media_reports", "Unspecified reports by a group of outlets ('Syrian media')."),
        ("reference", "An outside source a curator used for a curated event field."),
    ),
)
# The kinds of actor that publish each kind of source (an unidentified actor may publish any): a news
# agency's report comes from a media outlet, an NGO's statement from an NGO or one of its people. Kinds
# not listed (an archived article, a caption, imagery, a reference) may come from any actor.
PUBLISHER_KINDS = {
    "agency_report": ("media_outlet", "unidentified"),
    "news_article": ("media_outlet", "unidentified"),
    "media_reports": ("media_outlet", "unidentified"),
    "official_statement": ("state", "armed_forces", "military_unit", "government_body", "person", "unidentified"),
    "ngo_statement": ("ngo", "person", "unidentified"),
}
EVENT_CATEGORY = Vocabulary(
    "event_category",
    "Separates strikes from the events around them, so that counts of strikes stay clean.",
    (
        ("strike", "An air or missile strike in Syria: the subject of this dataset."),
        ("context", "An event that the sources cite to explain or situate a strike."),
    ),
)
EVENT_TYPE = Vocabulary(
    "event_type",
    "What happened, as coded by the curators from the sources' words.",
    (
        ("air_strike", "A strike delivered by aircraft or drones."),
        ("missile_strike", "A strike by surface-launched missiles."),
        ("air_or_missile_strike", "A strike whose sources name drones, aircraft or missiles without settling which."),
        ("rocket_attack", "An attack with rockets or missiles fired from the ground."),
        ("targeted_killing", "A strike aimed at a named person."),
        ("state_visit", "A visit by a head of state or government."),
        ("summit", "A meeting of heads of state or government."),
    ),
)
# The launch platforms an attack of a type is delivered from: an event of the type whose platform claims
# name only other platforms is coded against its claims ('F-16 jets' on a missile_strike).
EVENT_TYPE_PLATFORMS: dict[str, tuple[str, ...]] = {
    "air_strike": ("aircraft", "drone"),
    "missile_strike": ("ground_launcher", "ship"),
    "rocket_attack": ("ground_launcher", "ship"),
}
# Event types that are not attacks: an event of category 'strike' is never one, and only they take
# attribution_status 'not_applicable' ("the event is not an attack").
NON_ATTACK_EVENT_TYPES = ("state_visit", "summit")
# The kinds of source a curated event field (its dates, place, attribution) may rest on: the archived
# document itself, or a reference row with a public address; never a report known only from a seed.
CURATED_FIELD_SOURCE_KINDS = ("archived_article", "reference")
# The seed number an ID or a seed file name carries (docs/curation.md, "Choose IDs"): the archived
# source src-seed-NNN keeps its document as seeds/NNN_..., and the claims and uncovered sentences read in
# it are numbered clm-NNN-... and unc-NNN-...
SEED_NUMBERS = {
    "source_id": "^src-seed-(?P<number>[0-9]+)$",
    "seed_path": "^seeds/(?P<number>[0-9]+)_",
    "claim_id": "^clm-(?P<number>[0-9]+)-",
    "uncovered_id": "^unc-(?P<number>[0-9]+)-",
}
# The country every event of category 'strike' is in ("an air or missile strike in Syria").
STRIKE_COUNTRY = "SYR"
# The event types that are an air or missile strike whatever else is known: one in Syria is category
# 'strike'. A rocket attack or a targeted killing may be carried out from the ground, so it is not here.
AIR_OR_MISSILE_EVENT_TYPES = ("air_strike", "missile_strike", "air_or_missile_strike")
DATE_PRECISION = Vocabulary(
    "date_precision",
    "How exactly the date interval [date_start, date_end] is known.",
    (
        ("day", "The exact day is known: date_start equals date_end."),
        ("range", "The event happened on some day in the interval, which days the sources leave open."),
        ("month", "Only the month is known: the interval is that whole calendar month."),
        ("before", "Only an upper bound is known: date_start is empty."),
    ),
)
PLACE_PRECISION = Vocabulary(
    "place_precision",
    "The smallest area the sources let us place the event in; coordinates only for 'site'.",
    (
        ("site", "A known site such as an airbase."),
        ("town", "A town or city and its surroundings."),
        ("district", "A district (second-level administrative area)."),
        ("governorate", "A governorate or province (first-level administrative area)."),
        ("country", "Only the country is known."),
        ("region", "An area spanning several countries."),
        ("unknown", "The sources do not place the event."),
    ),
)
# The place columns each place_precision leaves empty: a place known only to a governorate names no
# district or locality, one known only to the country or a wider region no area within it.
PLACE_FIELDS_FINER_THAN = {
    "district": ("locality",),
    "governorate": ("admin2", "locality"),
    "country": ("admin1", "admin2", "locality"),
    "region": ("admin1", "admin2", "locality"),
    "unknown": ("admin1", "admin2", "locality"),
}
ATTRIBUTION_STATUS = Vocabulary(
    "attribution_status",
    "Where the question 'who did it' stands in the sources: a status, never a verdict.",
    (
        ("acknowledged", "The perpetrator openly claims the act."),
        ("alleged", "Others name a perpetrator who has not acknowledged the act."),
        ("unattributed", "The sources call the perpetrator unknown or unidentified."),
        ("not_applicable", "The event is not an attack."),
    ),
)
IDENTIFICATION = Vocabulary(
    "identification",
    "How the event a seed speaks of was matched to a dated real-world event.",
    (
        ("stated_in_seed", "The seed's own words date and place the event; references at most confirm them."),
        (
            "matched_by_reference",
            "The seed leaves the date open, and references that plainly report the same event close it.",
        ),
        (
            "assumed",
            "The seed's event is taken to be the one the references report, but the match is not certain "
            "(say why in identification_note).",
        ),
    ),
)
RECORD_KIND = Vocabulary(
    "record_kind",
    "Whether a row is one event or stands for several that the sources do not tell apart.",
    (
        ("single", "One event."),
        (
            "aggregate",
            "An unknown number of events the sources mention only together ('attacked ... in the past'); "
            "never counted as one strike.",
        ),
    ),
)
PREDICATE = Vocabulary(
    "predicate",
    "What a claim asserts about its event.",
    (
        ("occurred", "That the event happened."),
        ("attribution", "Who carried it out (value_actor_id)."),
        ("target", "What or whom it was aimed at."),
        ("site_occupant", "Who is based at the targeted site."),
        ("weapon", "The weapons used."),
        ("launch_platform", "What the weapons were launched from (aircraft, drones)."),
        ("munitions_fired", "How many munitions were fired (count)."),
        ("munitions_intercepted", "How many munitions were intercepted (count)."),
        ("munitions_hit", "How many munitions reached their targets (count)."),
        ("air_defence_engaged", "That air defences responded."),
        ("air_defence_system", "Which air-defence system was used."),
        ("air_defence_support", "Who assisted the air defence (value_actor_id)."),
        ("fatalities", "How many people were killed (count)."),
        ("injuries", "How many people were injured (count)."),
        ("damage", "What was damaged or destroyed."),
        ("motive", "Why it was done, or what a decision about it is tied to."),
        ("context", "Political or military background the claimant links to the event."),
        ("statement", "What a participant said at the event (the claimant reports a participant's words)."),
        (
            "time",
            "When it happened, as the claimant words it; value_text is the interval 'start/end' "
            "(ISO dates, '..' for an open start).",
        ),
        ("place", "Where it happened, as the claimant words it; value_code is the country's ISO 3166-1 alpha-3 code."),
        ("evidence", "What an image, video or document shows, where it comes from, or whether it is verified."),
    ),
)
STANCE = Vocabulary(
    "stance",
    "How the claimant stands towards the proposition.",
    (
        ("asserts", "States it as true."),
        ("denies", "States it is false."),
        ("disputes", "Offers an account that contradicts it."),
        ("questions", "Casts doubt on it without contradicting it."),
        ("no_comment", "Declines to say, or is reported as not mentioning it."),
        ("cannot_verify", "Says it cannot verify it."),
        ("reports", "Relays it without asserting it ('attributed to', 'there are reports that', 'reportedly')."),
    ),
)
# Hedges that settle the stance whatever else the claim says (docs/curation.md): "unable to verify" is
# cannot_verify; "did not mention" and "declined to comment" are no_comment. Case-blind regular expressions.
STANCE_HEDGES = {
    "cannot_verify": r"\b(?:unable|not able) to (?:independently )?verify\b|\b(?:cannot|could not|can't|couldn't) "
    r"(?:independently )?verify\b",
    "no_comment": r"\bdid not mention\b|\b(?:declined|refused) to comment\b|\bwould not comment\b|\bno comment\b",
}
# ...and the hedges that settle it only as hedges: 'questioned' and 'denied' in a quote may be anyone's.
STANCE_HEDGES_ONLY = {
    "questions": r"\b(?:questioned|casts? doubt|cast doubt|doubted)\b",
    "denies": r"\b(?:denied|denies|denying)\b",
}
# The words a stance other than 'asserts' and 'disputes' stands on, in the hedge, the attribution words
# or the quote (case-blind): broader than the hedges that settle a stance, since they only need to be
# there. 'disputes' offers another account, which no word list names.
STANCE_WORDS = {
    "denies": r"\bden(?:y|ies|ied|ying|ial)\b|\brejects?\b|\brejected\b|\bdismiss(?:es|ed)?\b|\bnot true\b|\bfalse\b"
    r"|\buntrue\b|\bbaseless\b|\bnot (?:involved|responsible)\b|\bdid not (?:carry out|conduct|launch)\b"
    r"|\bhad not\b|\bnever\b",
    "questions": r"\bquestion(?:s|ed|ing)?\b|\bdoubts?\b|\bdoubted\b|\bsceptic|\bskeptic|\bdisputed?\b",
    "no_comment": STANCE_HEDGES["no_comment"]
    + r"|\bdid not (?:immediately )?(?:say|respond|comment|address|reply)\b|\bsilent\b|\bno (?:immediate )?comment\b"
    r"|\b(?:does|do|would) not comment\b|\bneither confirm(?:ed|s)? nor den(?:y|ied|ies)\b"
    r"|\brarely (?:acknowledges|comments)\b",
    "cannot_verify": STANCE_HEDGES["cannot_verify"]
    + r"|\bunverified\b|\bnot (?:be |been )?(?:independently )?(?:verified|confirmed)\b"
    r"|\b(?:could|can) not (?:independently )?(?:verify|confirm)\b",
    "reports": r"\breport(?:s|ed|edly)?\b|\battributed to\b|\balleged(?:ly)?\b|\bclaimed\b",
}
UNIT = Vocabulary(
    "unit",
    "What a count in value, value_low and value_high counts.",
    (
        ("munitions", "Missiles, rockets, bombs or drones used as weapons."),
        ("persons", "People."),
    ),
)

LAUNCH_PLATFORM = Vocabulary(
    "launch_platform",
    "value_code of launch_platform claims: what the weapons were launched from.",
    (
        ("aircraft", "Crewed aircraft: 'planes', 'jets', 'F-16 jets'."),
        ("drone", "Uncrewed aircraft: 'drones'."),
        ("ship", "A ship or submarine."),
        ("ground_launcher", "A launcher on the ground."),
        ("unknown", "The claim names no platform."),
    ),
)
WEAPON = Vocabulary(
    "weapon",
    "value_code of weapon claims: the kind of munition (a claim naming several kinds lists them).",
    (
        ("missile", "Missiles, guided or not."),
        ("rocket", "Rockets."),
        ("bomb", "Bombs dropped from aircraft."),
        ("drone", "Drones named as the weapon, whether they carried munitions or were one."),
        ("unknown", "The claim names no kind of munition."),
    ),
)
AIR_DEFENCE_SYSTEM = Vocabulary(
    "air_defence_system",
    "value_code of air_defence_system claims: the system named.",
    (
        ("buk_m2e", "The BUK-M2E missile system, as seed 002 writes it."),
        ("unknown", "The claim names no system."),
    ),
)
VICTIM_STATUS = Vocabulary(
    "victim_status",
    "Who the people a casualty claim counts are, as far as its words say.",
    (
        ("combatant", "Members of armed forces or armed groups: 'fighters', 'militia officers', 'troops'."),
        ("civilian", "People the claim calls civilians."),
        ("unknown", "The claim does not say, or mixes them."),
    ),
)
# The words a count claim's quote counts with, per count predicate (case-blind): a claim that asserts or
# reports a count quotes its predicate's words ('4 missiles reached the target area' is munitions_hit,
# never munitions_intercepted). A claim that disputes or questions may quote another account's words.
# A site_occupant claim likewise quotes words that put someone at the site ('the base is home to').
PREDICATE_WORDS = {
    "munitions_fired": r"\bfir(?:e|es|ed|ing)\b|\blaunch(?:es|ed|ing)?\b|\bdropp(?:ed|ing)\b|\bsalvos?\b|\bbarrages?\b"
    r"|\bstruck\b|\btargeted\b|\bused\b|\bshot\b",
    "munitions_intercepted": r"\bintercept|\bshot\b.*\bdown\b|\bshoot(?:ing)? down\b|\bdown(?:ed|ing)\b"
    r"|\bbr(?:ought|inging) down\b"
    r"|\bcrushed\b|\bthwart|\brepel|\brepuls|\bdestroy|\bneutrali[sz]",
    "munitions_hit": r"\breach(?:es|ed|ing)?\b|\bhit(?:s|ting)?\b|\bstr(?:uck|iking)\b|\bland(?:ed|ing)\b|\bimpact"
    r"|\bfell\b|\bexplod",
    "fatalities": r"\bkill|\bdead\b|\bdied\b|\bdeaths?\b|\blives\b|\bbodies\b|\bmartyr|\btoll\b|\bfatalit"
    r"|\bslain\b|\bperish|\beliminat|\bassassinat",
    "injuries": r"\binjur|\bwound|\bhurt\b|\bcasualt",
    "site_occupant": r"\bhome to\b|\bhous(?:e|es|ed|ing)\b|\bhost(?:s|ed|ing)?\b|\bstationed\b|\bbased\b"
    r"|\bdeploy|\bpresen(?:ce|t)\b|\boccup(?:y|ies|ied|ying)\b|\bused by\b|\bgarrison|\bquarter"
    r"|\boperat(?:e|es|ed|ing)\b|\bcontroll?(?:s|ed|ing)?\b|\b(?:run|held|manned) by\b|\bbelong"
    r"|\bposted\b|\bposition(?:s|ed)?\b|\bfacilit(?:y|ies)\b|\bbase (?:of|for)\b|\b\w+-(?:run|held|controlled)\b",
}
# The words a relation's quote states it with, per relation (case-blind): 'close strategic allies' is an
# alliance, never backing; 'state-owned' is ownership, never leadership.
RELATION_WORDS = {
    "backed_by": r"\bback(?:s|ed|ing)?\b|-backed\b|\bsupport|\bsponsor|\bfund|\barm(?:s|ed|ing)\b|\bprox(?:y|ies)\b"
    r"|\baid(?:s|ed)?\b|\bassist|\bhelp|\bpatron",
    "allied_with": r"\ball(?:y|ies|ied|iance)\b|\bpartner|\bfriend",
    "affiliated_with": r"\baffiliat|\blinked\b|\btied\b|\bassociated\b|\bclose to\b|\baligned\b|\bloyal|\bmouthpiece"
    r"|\bwing\b",
    "cooperates_with": r"\bco-?operat|\bjoin(?:s|ed|ing)? forces\b|\bwork(?:s|ed|ing)? (?:with|together|alongside)\b"
    r"|\bcoordinat|\bcollaborat|\bjointly\b|\balongside\b|\btogether\b",
    "operates": r"\boperat|\bcrew|\bmann(?:ed|ing)\b|\bruns?\b|\bfl(?:y|ies|ew|own)\b|\bpilot",
    "leads": r"\blead|\bled\b|\bhead|\bdirector|\bchief|\bpresident|\bcommand|\bprime minister|\bking\b|\bminister"
    r"|\bchair|\bruler|\bsecretary|\bspokes",
    "owned_by": r"\bown(?:s|ed|er|ership)?\b|-owned\b|\bproperty of\b|\bsubsidiar|\bstate-run\b|\brun by\b"
    r"|\bcontrolled by\b",
}
# The words that say who a casualty claim's victims are, read in its victim_group (case-blind regular
# expressions): words only of combatants make them combatants, whatever else the claim says, and words
# only of civilians make them no combatants. Words that serve others too ('officers' of the police,
# 'personnel' of a hospital, 'guards') are not read, nor are those VICTIM_WORDS_NOT_COMBATANTS names.
VICTIM_WORDS = {
    "combatant": r"\b(?:fighters?|troops|soldiers?|militias?|militiam[ae]n|combatants?|gunmen|servicem[ae]n"
    r"|insurgents?|jihadists?)\b",
    "civilian": r"\bcivilians?\b|\bnon-?combatants?\b",
}
VICTIM_WORDS_NOT_COMBATANTS = r"\bnon-?combatants?\b|\bfire-? ?fighters?\b"
RELATION = Vocabulary(
    "relation",
    "How the subject actor stands to the object actor. Being part of an actor is parent_actor_id, never a relation.",
    (
        ("backed_by", "The subject is supported by the object ('Iranian-backed', 'supported by Iran')."),
        ("allied_with", "The subject is an ally of the object ('close strategic allies', 'its ally')."),
        ("affiliated_with", "The subject is linked to the object without being part of it ('affiliated with rebels')."),
        ("cooperates_with", "The subject works with the object in operations ('joining forces with')."),
        ("operates", "The subject operates the object, such as a unit or a system's crew."),
        ("leads", "The subject heads the object ('who heads', 'who led', 'director of', 'President')."),
        ("owned_by", "The subject is owned by the object ('state-owned')."),
    ),
)
# Relations whose subject has the country of the state it stands to: a head of state leads their own
# state, and an outlet a state owns is that state's.
SAME_COUNTRY_RELATIONS = ("leads", "owned_by")
# Relations that hold both ways: 'Iran allied with Syria' is 'Syria allied with Iran', one relation.
SYMMETRIC_RELATIONS = ("allied_with", "cooperates_with")
CODED_PREDICATES: dict[str, Vocabulary] = {
    "launch_platform": LAUNCH_PLATFORM,
    "weapon": WEAPON,
    "air_defence_system": AIR_DEFENCE_SYSTEM,
}
# The words that name each code of a coded predicate, as value_text writes them (any letter case): a
# code whose words value_text holds is one of value_code's ('rockets' coded missile, 'Unknown planes'
# coded unknown). A value_text naming none ('Tomahawks') is not judged, nor a code no word names.
CODE_WORDS: dict[str, dict[str, str]] = {
    "launch_platform": {
        "aircraft": r"\b(?:war|air|aero)?planes?\b|\bjets?\b|\baircrafts?\b|\bhelicopters?\b|\bchoppers?\b"
        r"|\bgunships?\b|\bbombers?\b",
        "drone": r"\bdrones?\b|\bUAVs?\b",
        "ship": r"\b(?:war)?ships?\b|\bsubmarines?\b|\bfrigates?\b|\bvessels?\b",
        "ground_launcher": r"\blaunchers?\b",
    },
    "weapon": {
        "missile": r"\bmissiles?\b",
        "rocket": r"\brockets?\b",
        "bomb": r"\bbombs?\b",
        "drone": r"\bdrones?\b|\bUAVs?\b",
    },
    "air_defence_system": {"buk_m2e": r"\bBUK-M2E?\b"},
}
# Words read before CODE_WORDS: an aircraft without a crew is a drone ('unmanned aircraft', 'drone
# planes'), and a modifier names no second code ('bomb-laden drone', 'drone-launched missiles').
CODE_WORDS_READ_AS = (
    (r"\b(?:unmanned|remotely[ -]piloted|pilotless|drone)[ -](?:aerial vehicles?|aircrafts?|planes?)\b", "drone"),
    (r"\b[\w]+-(?:laden|launched|armed|carrying|powered|guided|borne|fired|made)\b", " "),
)
# The names of the countries of the region and of the states in its wars, as a place's value_text
# writes them: a place whose value_text names countries is coded as one of them ('in Syria' coded IRQ).
# Adjectives ('Iraqi bases', 'near the Iraqi border') are not read, nor a country named as an owner or
# a neighbour (COUNTRY_NAMES_NOT_PLACES: "Iran's consulate", 'Iran-backed', 'the border with Iraq').
COUNTRY_NAMES: dict[str, str] = {
    "SYR": r"\bSyria\b",
    "IRQ": r"\bIraq\b",
    "ISR": r"\bIsrael\b",
    "IRN": r"\bIran\b",
    "LBN": r"\bLebanon\b",
    "JOR": r"\bJordan\b",
    "TUR": r"\bTurkey\b|\bT\u00fcrkiye\b",
    "RUS": r"\bRussia\b",
    "USA": r"\bUnited States\b",
    "SAU": r"\bSaudi Arabia\b",
    "EGY": r"\bEgypt\b",
    "CYP": r"\bCyprus\b",
}


COUNTRY_NAMES_NOT_PLACES = (
    r"\b\w+['\u2019]s\b|\b\w+-(?:backed|controlled|occupied|run|linked|led|held|allied|based|made)\b"
    r"|\bborders? with(?: the)? \w+(?: \w+)?"
)


def codes_worded(predicate: str, text: str) -> frozenset[str]:
    """The codes of a coded predicate whose words ``text`` holds (CODE_WORDS and, for a place,
    COUNTRY_NAMES): the rules and their wording read them alike."""
    if predicate == "place":
        words, text = COUNTRY_NAMES, re.sub(COUNTRY_NAMES_NOT_PLACES, " ", text, flags=re.IGNORECASE)
    else:
        words = CODE_WORDS.get(predicate, {})
        for pattern, read_as in CODE_WORDS_READ_AS:
            text = re.sub(pattern, read_as, text, flags=re.IGNORECASE)
    return frozenset(code for code, pattern in words.items() if re.search(pattern, text, re.IGNORECASE))


# place claims carry a country code in value_code; they are coded too, against COUNTRY_CODE.
VALUE_CODE_PREDICATES = (*CODED_PREDICATES, "place")
CASUALTY_PREDICATES = ("fatalities", "injuries")
UNKNOWN_PERPETRATOR = "unknown"
# The code of every coded predicate's vocabulary for a claim that names none.
UNKNOWN_CODE = "unknown"


@dataclass(frozen=True)
class Extent:
    """A box of WGS 84 degrees that every point of a country lies in."""

    south: float
    north: float
    west: float
    east: float


# Where a located event of a country can lie, for the countries whose events carry coordinates. Syria:
# the extent of EPSG area 3314 "Syria - onshore" (32.31..37.29 N, 35.61..42.38 E), widened by 0.2
# degrees so a site on the border or in the Golan is never refused; a point outside it is a slip
# (latitude and longitude swapped, a sign lost, 0,0 left for a missing value), not a place.
COUNTRY_EXTENTS: dict[str, Extent] = {"SYR": Extent(south=32.11, north=37.49, west=35.41, east=42.58)}

TIME_INTERVAL = "^([0-9]{4}-[0-9]{2}-[0-9]{2}|[.][.])/[0-9]{4}-[0-9]{2}-[0-9]{2}$"
UNCOVERED_REASON = Vocabulary(
    "uncovered_reason",
    "Why a sentence of a seed deliberately has no claim: it asserts nothing about any event.",
    (
        ("archive_header", "The line the archive added at the top of the file (' date ...')."),
        ("dateline", "The place or time the page gives for its own publication."),
        ("headline", "The document's title, when its words are repeated by a sentence that has claims."),
        ("photo_credit", "Who took or handed out an image, and the agency's notices about it."),
        ("boilerplate", "Page furniture: advertisement labels, share buttons, subscription notes, bylines."),
    ),
)

COUNT_UNITS = {
    "munitions_fired": "munitions",
    "munitions_intercepted": "munitions",
    "munitions_hit": "munitions",
    "fatalities": "persons",
    "injuries": "persons",
}
COUNT_PREDICATES = tuple(COUNT_UNITS)
ACTOR_PREDICATES = ("attribution", "air_defence_support")

VOCABULARIES = (
    ACTOR_KIND,
    SOURCE_KIND,
    EVENT_CATEGORY,
    EVENT_TYPE,
    DATE_PRECISION,
    PLACE_PRECISION,
    ATTRIBUTION_STATUS,
    PREDICATE,
    STANCE,
    UNIT,
    IDENTIFICATION,
    RECORD_KIND,
    LAUNCH_PLATFORM,
    WEAPON,
    AIR_DEFENCE_SYSTEM,
    VICTIM_STATUS,
    RELATION,
    UNCOVERED_REASON,
)


def _note(subject: str, example: str) -> Column:
    """A table's curator_note, with an example of the table's own (one table's example on every table
    showed an actor's mistranslation as a note on a source, an event or a sentence)."""
    return Column(
        "curator_note",
        "string",
        f"Why the curators coded {subject} as they did, and what they normalised.",
        example,
        max_length=LONG_TEXT,
    )


ACTORS = Table(
    "actors",
    "Actors",
    "States, armed forces and units, armed groups, government bodies, media outlets, NGOs and "
    "named persons that the sources mention, with their parent actor and the names the sources use.",
    "actor_id",
    (
        Column(
            "actor_id",
            "string",
            "Stable identifier of the actor.",
            "act-israeli-air-force",
            required=True,
            unique=True,
            pattern=ACTOR_ID,
            max_length=80,
        ),
        Column("name", "string", "Canonical English name.", "Israeli Air Force", required=True),
        Column("kind", "string", "What sort of actor this is.", "armed_forces", required=True, vocabulary=ACTOR_KIND),
        Column(
            "country",
            "string",
            "ISO 3166-1 alpha-3 code of the actor's country, when it has one.",
            "ISR",
            pattern=COUNTRY_CODE,
            standard=ISO_COUNTRY,
        ),
        Column(
            "parent_actor_id",
            "string",
            "The actor this one belongs to (Israeli Air Force -> Israel).",
            "act-israel",
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column(
            "aliases", "list", "Names exactly as the sources write them, separated by '|'.", "Israeli Air Force|IAF"
        ),
        Column(
            "wikidata_id",
            "string",
            "The actor's Wikidata item, only when a curator saw that item; never guessed. Empty for most actors.",
            "Q801",
            pattern=WIKIDATA_ID,
            max_length=20,
            unique=True,
        ),
        _note("the actor", "The seed's 'hashish fighters' is a mistranslation of Hashd (al-Shaabi)."),
    ),
)

SOURCES = Table(
    "sources",
    "Sources",
    "Documents and reports: the archived articles in seeds/ and the reports they cite, "
    "with publisher, publication interval and which source cites which.",
    "source_id",
    (
        Column(
            "source_id",
            "string",
            "Stable identifier of the source.",
            "src-seed-000",
            required=True,
            unique=True,
            pattern=SOURCE_ID,
            max_length=80,
        ),
        Column(
            "title",
            "string",
            "Curator's description of the document or report.",
            "SANA report on the attack on T4 airbase",
            required=True,
        ),
        Column(
            "kind", "string", "What sort of source this is.", "agency_report", required=True, vocabulary=SOURCE_KIND
        ),
        Column(
            "publisher_actor_id",
            "string",
            "Who published it; empty when the document does not say.",
            "act-sana",
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column(
            "published_start",
            "date",
            "Earliest day it can have been published; empty if unknown.",
            "2020-01-14",
            minimum=EARLIEST_DATE,
        ),
        Column(
            "published_end",
            "date",
            "Latest day it can have been published; empty if unknown.",
            "2020-01-15",
            minimum=EARLIEST_DATE,
        ),
        Column(
            "cites_source_ids",
            "list",
            "Sources this one cites or relays, separated by '|'.",
            "src-sana-2020-01-14-t4|src-haaretz-t4-occupants",
            references="sources",
        ),
        Column(
            "seed_path",
            "string",
            "For archived documents: the file, relative to the dataset root.",
            "seeds/000_88ebea6c751ab514.txt",
            unique=True,
            pattern=SEED_PATH,
            max_length=200,
        ),
        Column(
            "sha256",
            "string",
            "SHA-256 of the archived file's bytes, lowercase hex.",
            "41fbaff8b19e9142a9332c7dbcbf00663c5e5d2347052ff97ab008d9eecd4a2f",
            unique=True,
            pattern=SHA256,
        ),
        Column(
            "language",
            "string",
            "BCP 47 language tag of the text as archived.",
            "en",
            pattern=LANGUAGE_TAG,
            standard=ISO_LANGUAGE,
        ),
        Column("dateline", "string", "The dateline as written, when there is one.", "Yerushalayim"),
        Column(
            "url",
            "string",
            "Address of the document, only when the curators saw it; never with a user name or password. One "
            "row a document: two rows with one address are one document entered twice.",
            "https://example.org/article",
            pattern=r"^https?://[^\x00-\x20/?#@]+(?:[/?#][^\x00-\x20]*)?$",
            max_length=LONG_TEXT,
            unique=True,
        ),
        _note(
            "the source",
            "Seed 000: 'According to Haaretz, the base is home to ...'. No lower bound derivable from the text.",
        ),
    ),
)

EVENTS = Table(
    "events",
    "Events",
    "One row per dated happening the sources mention: strikes in full and the context events "
    "around them, with a date interval, a place and the state of attribution.",
    "event_id",
    (
        Column(
            "event_id",
            "string",
            "Stable identifier: evt-, the date as far as known, a slug.",
            "evt-2020-01-14-t4-airbase-strike",
            required=True,
            unique=True,
            pattern=EVENT_ID,
            max_length=80,
        ),
        Column(
            "category",
            "string",
            "Strike, or an event around strikes.",
            "strike",
            required=True,
            vocabulary=EVENT_CATEGORY,
        ),
        Column("event_type", "string", "What happened.", "air_or_missile_strike", required=True, vocabulary=EVENT_TYPE),
        Column(
            "summary",
            "string",
            "One line in the curators' own words.",
            "Strike on T4 airbase in Homs governorate, blamed on Israel by Syrian state media.",
            required=True,
        ),
        Column(
            "record_kind",
            "string",
            "One event, or an aggregate of events the sources do not tell apart (kept out of strike counts).",
            "single",
            required=True,
            vocabulary=RECORD_KIND,
        ),
        Column(
            "date_start",
            "date",
            "First day the event can have happened, in the calendar of the event's place (local time); "
            "empty when only bounded above.",
            "2020-01-14",
            minimum=EARLIEST_DATE,
        ),
        Column(
            "date_end",
            "date",
            "Last day the event can have happened, in the calendar of the event's place (local time).",
            "2020-01-14",
            required=True,
            minimum=EARLIEST_DATE,
        ),
        Column(
            "date_precision",
            "string",
            "How exactly the interval is known.",
            "day",
            required=True,
            vocabulary=DATE_PRECISION,
        ),
        Column(
            "date_source_id",
            "string",
            "The source the curated dates rest on.",
            "src-seed-000",
            required=True,
            pattern=SOURCE_ID,
            references="sources",
        ),
        Column(
            "date_note",
            "string",
            "How the interval was derived from the sources' words.",
            "'on Tuesday' in an article published Wednesday 2020-01-15.",
            required=True,
            max_length=LONG_TEXT,
        ),
        Column(
            "identification",
            "string",
            "How the seed's event was matched to a dated real-world event.",
            "stated_in_seed",
            required=True,
            vocabulary=IDENTIFICATION,
        ),
        Column(
            "identification_note",
            "string",
            "Why the match holds, or what makes it uncertain; required unless stated_in_seed.",
            "The seed's 'eight missiles' fits a strike three days earlier.",
            max_length=LONG_TEXT,
        ),
        Column("place_name", "string", "Curated name of the place.", "T4 airbase (Tiyas)", required=True),
        Column(
            "place_aliases",
            "list",
            "Names of the place as the sources write them, separated by '|'.",
            "T4 airport|T4 base",
        ),
        Column(
            "place_precision",
            "string",
            "Smallest area the sources support.",
            "site",
            required=True,
            vocabulary=PLACE_PRECISION,
        ),
        Column("country", "string", "ISO 3166-1 alpha-3 code.", "SYR", pattern=COUNTRY_CODE, standard=ISO_COUNTRY),
        Column("admin1", "string", "Governorate or province.", "Homs"),
        Column("admin2", "string", "District.", "Tadmur"),
        Column("locality", "string", "Town or village.", "Albu Kamal"),
        Column("latitude", "number", "WGS 84 latitude, only when the site is known.", "34.52", minimum=-90, maximum=90),
        Column(
            "longitude", "number", "WGS 84 longitude, only when the site is known.", "37.63", minimum=-180, maximum=180
        ),
        Column(
            "place_source_id",
            "string",
            "The source the curated place fields rest on.",
            "src-seed-000",
            required=True,
            pattern=SOURCE_ID,
            references="sources",
        ),
        Column(
            "place_note",
            "string",
            "How the place was derived.",
            "The seed names 'T4 airport' in Homs.",
            max_length=LONG_TEXT,
        ),
        Column(
            "attribution_status",
            "string",
            "Where attribution stands in the sources.",
            "alleged",
            required=True,
            vocabulary=ATTRIBUTION_STATUS,
        ),
        Column(
            "attributed_actor_id",
            "string",
            "The actor the attribution names.",
            "act-israel",
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column(
            "attribution_source_id",
            "string",
            "The source an 'acknowledged' status rests on (a reference row when the match is assumed).",
            "src-ref-thequint-2020-01-03-soleimani",
            pattern=SOURCE_ID,
            references="sources",
        ),
        _note("the event", "SANA (seed 000) blamed Israel; the seeds report no Israeli acknowledgement."),
    ),
)

CLAIMS = Table(
    "claims",
    "Claims",
    "One row per assertion: who claims what about which event, where it was read, through which "
    "reports it travelled, and the verbatim words with their offsets in the archived document.",
    "claim_id",
    (
        Column(
            "claim_id",
            "string",
            "Stable identifier: clm-, the seed number, a sequence number.",
            "clm-000-001",
            required=True,
            unique=True,
            pattern=CLAIM_ID,
            max_length=80,
        ),
        Column(
            "event_id",
            "string",
            "The event the claim is about.",
            "evt-2020-01-14-t4-airbase-strike",
            required=True,
            pattern=EVENT_ID,
            references="events",
        ),
        Column(
            "other_event_ids",
            "list",
            "Further events the same words are about ('The attacks follow ...'), separated by '|'; the claim is "
            "stored once.",
            "evt-2020-01-albu-kamal-strike",
            references="events",
        ),
        Column(
            "claimant_actor_id",
            "string",
            "Who makes the claim (not necessarily the perpetrator).",
            "act-sana",
            required=True,
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column(
            "source_id",
            "string",
            "The archived source in which the claim was read.",
            "src-seed-000",
            required=True,
            pattern=SOURCE_ID,
            references="sources",
        ),
        Column(
            "relayed_via",
            "list",
            "Sources the claim passed through, in order from the claimant to the archived source.",
            "src-tass-2021-07-homs",
            references="sources",
        ),
        Column(
            "predicate",
            "string",
            "What the claim asserts about the event.",
            "attribution",
            required=True,
            vocabulary=PREDICATE,
        ),
        Column("stance", "string", "How the claimant stands towards it.", "asserts", required=True, vocabulary=STANCE),
        Column("hedging", "string", "Hedging or attribution words as worded in the source.", "said"),
        Column("value", "integer", "The count, when the source gives an exact number.", "4", minimum=0),
        Column("value_low", "integer", "Lower bound of the count ('at least eight' gives 8).", "4", minimum=0),
        Column("value_high", "integer", "Upper bound of the count.", "4", minimum=0),
        Column("unit", "string", "What the count counts.", "munitions", vocabulary=UNIT),
        Column(
            "value_actor_id",
            "string",
            "An actor the claim names as its value.",
            "act-israel",
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column("value_text", "string", "The value in normalised words.", "drones and missiles"),
        Column(
            "value_code",
            "list",
            "The value as codes, for the predicates with a code list (launch_platform, weapon, air_defence_system: "
            "their vocabularies; place: a country code), separated by '|'.",
            "drone|missile",
        ),
        Column(
            "victim_status",
            "string",
            "For fatalities and injuries: who the people counted are.",
            "combatant",
            vocabulary=VICTIM_STATUS,
        ),
        Column(
            "victim_group", "string", "For fatalities and injuries: the victims as the source words them.", "officers"
        ),
        Column(
            "quote",
            "string",
            "The supporting words, verbatim from the archived document.",
            "The state news agency blamed Israel for the incident.",
            required=True,
            max_length=LONG_TEXT,
        ),
        Column(
            "quote_start",
            "integer",
            "Offset of the quote's first character (Unicode code points).",
            "512",
            required=True,
            minimum=0,
        ),
        Column("quote_end", "integer", "Offset just past the quote's last character.", "565", required=True, minimum=1),
        Column(
            "attribution_quote",
            "string",
            "The words naming the claimant and the hedge, verbatim from the same document; required unless the "
            "document's publisher speaks in its own voice.",
            "Syrian state media said",
            max_length=LONG_TEXT,
        ),
        Column("attribution_start", "integer", "Offset of the attribution's first character.", "123", minimum=0),
        Column("attribution_end", "integer", "Offset just past the attribution's last character.", "146", minimum=1),
        _note("the claim", "'released' is read as a mistranslation of 'activated'; quote kept verbatim."),
    ),
)

ACTOR_RELATIONS = Table(
    "actor_relations",
    "Actor relations",
    "How actors stand to one another beyond being part of one another (backed by, allied with, "
    "affiliated with, led by ...), each with the words of an archived document as evidence.",
    "relation_id",
    (
        Column(
            "relation_id",
            "string",
            "Stable identifier of the relation.",
            "rel-hashd-backed-by-iran",
            required=True,
            unique=True,
            pattern=RELATION_ID,
            max_length=80,
        ),
        Column(
            "subject_actor_id",
            "string",
            "The actor the relation is about.",
            "act-hashd-al-shaabi",
            required=True,
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column(
            "relation",
            "string",
            "How the subject stands to the object.",
            "backed_by",
            required=True,
            vocabulary=RELATION,
        ),
        Column(
            "object_actor_id",
            "string",
            "The actor the subject stands in relation to.",
            "act-iran",
            required=True,
            pattern=ACTOR_ID,
            references="actors",
        ),
        Column(
            "source_id",
            "string",
            "The archived source whose words state the relation.",
            "src-seed-000",
            required=True,
            pattern=SOURCE_ID,
            references="sources",
        ),
        Column(
            "evidence_claim_id",
            "string",
            "The claim whose quote carries the relation, when there is one: read in the same document, at words "
            "overlapping the relation's quote.",
            "clm-000-029",
            pattern=CLAIM_ID,
            references="claims",
        ),
        Column(
            "quote",
            "string",
            "The words that state the relation, verbatim from the archived document.",
            "supported by Iran",
            required=True,
            max_length=LONG_TEXT,
        ),
        Column("quote_start", "integer", "Offset of the quote's first character.", "1583", required=True, minimum=0),
        Column(
            "quote_end", "integer", "Offset just past the quote's last character.", "1600", required=True, minimum=1
        ),
        _note("the relation", "'led': past tense, as the seed reports his killing."),
    ),
)

UNCOVERED_SENTENCES = Table(
    "uncovered_sentences",
    "Uncovered sentences",
    "Sentences of the archived documents that deliberately have no claim, each with the reason, so "
    "that 'no sentence left unread' is a checked state. Sentences are split by the rule in "
    "syria_strikes/sentences.py; a sentence that asserts something never belongs here.",
    "uncovered_id",
    (
        Column(
            "uncovered_id",
            "string",
            "Stable identifier: unc-, the seed number, a sequence number.",
            "unc-002-001",
            required=True,
            unique=True,
            pattern=UNCOVERED_ID,
            max_length=80,
        ),
        Column(
            "source_id",
            "string",
            "The archived source the sentence is in.",
            "src-seed-002",
            required=True,
            pattern=SOURCE_ID,
            references="sources",
        ),
        Column(
            "sentence",
            "string",
            "The sentence, verbatim from the archived document.",
            "Sunday, July 25, 2021 at 3:58 am |",
            required=True,
            max_length=LONG_TEXT,
        ),
        Column(
            "sentence_start",
            "integer",
            "Offset of the sentence's first character (Unicode code points).",
            "33",
            required=True,
            minimum=0,
        ),
        Column(
            "sentence_end", "integer", "Offset just past the sentence's last character.", "67", required=True, minimum=1
        ),
        Column(
            "reason",
            "string",
            "Why the sentence has no claim.",
            "dateline",
            required=True,
            vocabulary=UNCOVERED_REASON,
        ),
        _note(
            "the sentence",
            "The page's own publication time stamp, recorded on the source row; it asserts nothing about an event.",
        ),
    ),
    may_be_empty=True,  # a dataset whose every sentence has a claim declares none
)

TABLES: tuple[Table, ...] = (ACTORS, SOURCES, EVENTS, CLAIMS, ACTOR_RELATIONS, UNCOVERED_SENTENCES)
# The table names as a type, so that editors complete and checkers verify ``load("claims")``;
# a test holds it equal to the names of TABLES.
TableName = Literal["actors", "sources", "events", "claims", "actor_relations", "uncovered_sentences"]
TABLE_NAMES: tuple[TableName, ...] = cast("tuple[TableName, ...]", tuple(table.name for table in TABLES))


def table(name: str) -> Table:
    """Look a table up by name, with an error that lists the valid names."""
    for candidate in TABLES:
        if candidate.name == name:
            return candidate
    raise KeyError(f"unknown table {name!r}{_did_you_mean(name, TABLE_NAMES)}; the tables are {', '.join(TABLE_NAMES)}")


def _did_you_mean(given: object, names: tuple[str, ...]) -> str:
    """The nearest name to a misspelt one (``claim``, ``Claims``, `` claims``), or nothing when none is near."""
    if not isinstance(given, str):
        return ""
    import difflib  # only on this error path: ``import syria_strikes`` stays light

    folded = {name.casefold(): name for name in names}
    near = difflib.get_close_matches(given.strip().casefold(), list(folded), n=1, cutoff=0.75)
    return f" (did you mean {folded[near[0]]!r}?)" if near else ""


# --- Crosswalk to other conflict datasets -------------------------------------------------------
@dataclass(frozen=True)
class Crosswalk:
    """How one event_type maps to ACLED and UCDP GED codes, for merging. Each certainty says how far
    that mapping can be trusted without reading the event: 'exact' (the event type decides the
    code), 'depends' (the claims must be read; the code is empty or a default), 'none' (no
    counterpart)."""

    event_type: str
    acled_event_type: str
    acled_sub_event_type: str
    acled_certainty: str
    ucdp_type_of_violence: str
    ucdp_certainty: str
    note: str


_UCDP_STRIKE = (
    "UCDP GED records only organised violence with at least one death: 1 (state-based) when the deaths "
    "belong to a state-based conflict UCDP records, 3 (one-sided) when a government or group kills "
    "civilians; not decidable from the event type."
)
CROSSWALK: tuple[Crosswalk, ...] = (
    Crosswalk(
        "air_strike",
        "Explosions/Remote violence",
        "Air/drone strike",
        "exact",
        "",
        "depends",
        "ACLED's sub-event for strikes by aircraft or drones. " + _UCDP_STRIKE,
    ),
    Crosswalk(
        "missile_strike",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "depends",
        "",
        "depends",
        "ACLED's sub-event for missiles fired from the ground; a missile fired from an aircraft is an "
        "Air/drone strike there, so read the launch_platform claims. " + _UCDP_STRIKE,
    ),
    Crosswalk(
        "air_or_missile_strike",
        "Explosions/Remote violence",
        "",
        "depends",
        "",
        "depends",
        "The sources do not settle the means, so ACLED's sub-event (Air/drone strike or "
        "Shelling/artillery/missile attack) cannot be chosen without reading the claims. " + _UCDP_STRIKE,
    ),
    Crosswalk(
        "rocket_attack",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "exact",
        "",
        "depends",
        "ACLED's sub-event for rockets fired from the ground. " + _UCDP_STRIKE,
    ),
    Crosswalk(
        "targeted_killing",
        "Explosions/Remote violence",
        "",
        "depends",
        "",
        "depends",
        "ACLED codes the means, not the aim: an air strike on a person is an Air/drone strike; other means "
        "and victims give other types. " + _UCDP_STRIKE,
    ),
    Crosswalk(
        "state_visit",
        "",
        "",
        "none",
        "",
        "none",
        "Not political violence: no ACLED violent event type and no UCDP GED event.",
    ),
    Crosswalk(
        "summit",
        "",
        "",
        "none",
        "",
        "none",
        "Not political violence: no ACLED violent event type and no UCDP GED event.",
    ),
)
CROSSWALK_COLUMNS = (
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "acled_certainty",
    "ucdp_type_of_violence",
    "ucdp_certainty",
    "note",
)
