"""The one document model every pipeline stage reads and fills in.

Stdlib only. A stage owns some fields and fills only those:

    ingest    -> Brief.sources (Source, Paragraph), Brief.warnings
    segment   -> Paragraph.sentences
    classify  -> Sentence.scores
    parse     -> Sentence.tokens, Sentence.entities (candidate sentences only)
    select    -> Brief.sections, Brief.key_judgements
    actors    -> Brief.actors (names and roles in English from the gazetteer where it knows them)
    events    -> Brief.events, Brief.developments
    timeline  -> Brief.timeline
    coverage  -> Brief.coverage, TimelineEntry.background (and warns about sources dated before what
                 they report)
    discrepancies -> Brief.discrepancies (Version.value_en where it writes them), Event.versions
    translate -> Point.en, TimelineEntry.en and .label, Actor.role_en/name_en (where the gazetteer has
                 none), Version.value_en, Event.object_en, .en and .label, Brief.untranslated, Brief.engine,
                 Brief.from_memory
    weekly    -> Brief.sources (the week's), Source.background, Brief.weekly (before the analysis stages,
                 which keep background articles to the background sections: Brief.current)
    history   -> Point.status, Brief.previous_week, Brief.new_this_week
    render    -> files on disk (reads only)

Week names (YYYY-Www) are parsed here too: every module that names or reads a week shares one rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from briefgen.errors import ConfigError

T = TypeVar("T")

WEEK_PATTERN = re.compile(r"\d{4}-W\d{2}")
# An English field marks a French word the engine left untranslated as `*word*` (Markdown's
# emphasis); the DOCX shows it in italics without the asterisks (`as_shown`).
UNTRANSLATED = re.compile(r"(?<![\w*])\*(\w[\w'’-]*)\*(?![\w*])")
# Point.status against the previous brief (history marks them; "" when not compared).
NEW = "new"
CARRIED_OVER = "carried over"


@dataclass
class SourceWarning:
    """A problem with one input that was recorded instead of aborting the build."""

    source: str  # file path as given by the user, or "" for a build-wide warning
    message: str


class WarningSink(Protocol):
    """Where a problem with one input is recorded: a Brief, or a WarningList outside a build."""

    def warn(self, source: str | Path, message: str) -> None: ...


class WarningList(list[SourceWarning]):
    """Warnings collected where there is no Brief yet (an input scan, `briefgen translate FILE`)."""

    def warn(self, source: str | Path, message: str) -> None:
        self.append(SourceWarning(str(source), message))


@dataclass(slots=True)  # read in tight loops (events.py): slots keep that fast once unpickled from the parser process
class Token:
    """One word of a parsed sentence, as the French parser analyses it (Universal Dependencies)."""

    text: str
    lemma: str
    pos: str  # universal part of speech: VERB, AUX, PROPN, PRON, NOUN...
    dep: str  # relation to its head: nsubj, obj, ccomp, advmod...
    head: int  # index of the head token in Sentence.tokens (the root heads itself)
    morph: dict[str, str]  # morphology, e.g. {"Mood": "Cnd", "Tense": "Pres"}; "Polarity": "Neg" on ne/pas
    start: int  # character offset in Sentence.text


@dataclass(slots=True)
class Entity:
    """A named entity the parser found: tokens [start, end) of the sentence."""

    text: str
    label: str  # PER, LOC, ORG or MISC
    start: int
    end: int


@dataclass
class Sentence:
    source_id: str
    paragraph: int  # 1-based paragraph number in the cleaned text
    start: int  # character offsets of `text` in Source.text
    end: int
    text: str
    scores: dict[str, float] = field(default_factory=dict)  # section key -> score
    tokens: list[Token] | None = None  # None: not parsed (not a candidate, or no parser installed)
    entities: list[Entity] = field(default_factory=list)


@dataclass
class Paragraph:
    source_id: str
    number: int  # 1-based
    start: int  # offset of the paragraph in Source.text
    text: str
    heading: bool = False  # a section heading inside the article: numbered, never quoted
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Source:
    id: str  # stable: derived from the content hash
    path: Path
    sha256: str  # of the raw bytes
    text: str  # cleaned text: paragraphs joined by a blank line
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None  # "day" or "month" (e.g. "date 2025-07")
    language: str = "fr"
    url: str | None = None
    background: bool = False  # weekly: older than the look-back, used only for context sections

    @property
    def words(self) -> int:
        return len(self.text.split())

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Citation:
    source: str  # Source.id
    paragraph: int
    quote: str  # the exact French sentence from the cleaned source text
    start: int = 0  # offsets of quote in Source.text
    end: int = 0


@dataclass
class EnglishFrame:
    """How the English of one quoted sentence is composed: editorial words written in English (a
    speaker in brackets, "Reportedly,") around the translations of French pieces. `template` is a
    str.format string whose {0}, {1}... are the translations of `french`; "{0:lower}" lower-cases
    the first letter of one (see attribution.compose)."""

    template: str
    french: list[str]


@dataclass
class Point:
    """One fact for the brief: a verbatim French quote plus every source reporting it."""

    id: str
    fr: str
    citations: list[Citation]
    section: str = ""
    score: float = 0.0
    en: str = ""
    status: str = ""  # NEW or CARRIED_OVER (against the previous brief); "" when not compared
    speaker: str | None = None  # who a pronoun in the quote stands for, resolved from the article ("Atallah")
    hedge: str | None = None  # why it is not stated as fact: "conditional", "possibility", "sources", "reading", "attributed"
    hedged: bool = False  # unconfirmed: a hedge other than attribution to a named source
    frames: list[EnglishFrame] = field(default_factory=list)  # one per quoted sentence; empty: translate `fr` whole
    dates_differ: list[str] = field(default_factory=list)  # other dates its sources give the event (TimelineEntry.date format)

    @property
    def corroboration(self) -> int:
        """Number of distinct sources reporting this fact."""
        return len({c.source for c in self.citations})


@dataclass
class Section:
    key: str
    title_en: str
    title_fr: str
    points: list[Point] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str  # ISO date, "YYYY-MM" for month precision, or "start/end" for a range
    precision: str  # "day", "month" or "range"
    fr: str
    citations: list[Citation]
    en: str = ""
    label: str = ""  # a short English label (<= 12 words) for the figure and table; "" when none was made
    hedged: bool = False  # the sources report it as unconfirmed (« aurait », « selon des sources »)
    frames: list[EnglishFrame] = field(default_factory=list)  # see Point.frames
    event: str = ""  # Event.id this row is made from ("" for a dated sentence no record covers)
    background: bool = False  # recalled by the sources, not news of the period: in the table, off the figure


@dataclass(frozen=True)
class Coverage:
    """What a brief really covers: the first and last day its sources were published, and those of
    the period's events they report (None when nothing is dated)."""

    published: tuple[dt.date, dt.date] | None = None
    events: tuple[dt.date, dt.date] | None = None


@dataclass
class Event:
    """One thing that happened, as the sources report it (an event record): who did what, with or
    to whom, where and when, with every report of it from every outlet. The English is written
    from templates (english.py), not translated whole."""

    id: str
    kind: str  # visit, meeting, statement, announcement, agreement, attack, suspension, resumption
    actors: list[str]  # who did it: Actor.name of named parties, else the French noun phrase
    others: list[str]  # whom they met, what they attacked (same form as `actors`)
    place: str | None  # French place name as written ("Moscou"); english.py writes the exonym
    start: dt.date | None
    end: dt.date | None
    precision: str  # "day", "range", "month", "year" or "" (undated)
    citations: list[Citation]
    negated: bool = False  # a notable non-event: « n'a pas rencontré », « sans signer d'accord »
    hedged: bool = False  # conditional mood, a hedging adverb or an unnamed source
    ends: bool = False  # the date is when it ended (« a conclu dimanche 13 juillet sa visite »)
    object_fr: str = ""  # free text: what was announced, said, suspended (a short French phrase)
    quoted: bool = False  # object_fr is the speaker's own words, between « » (else reported speech)
    expected: bool = False  # announced as to come (« on s'attend à voir aboutir la signature »), not done
    unsigned: str = ""  # what was not signed beside an agreement (« accords formels »), French
    action: str = ""  # the trigger's lemma (« annoncer », « poser »): which English verb the template uses
    score: float = 0.0  # importance as a key development (events.developments)
    background: bool = False  # an earlier event the articles recall, not news of the period
    versions: list[Version] = field(default_factory=list)  # conflicting dates (discrepancies)
    object_en: str = ""
    en: str = ""  # one or two English sentences from templates
    label: str = ""  # <= 12 words, for the timeline

    @property
    def corroboration(self) -> int:
        return len({c.source for c in self.citations})


@dataclass
class Actor:
    name: str
    kind: str  # "person" or "organisation"
    role: str | None
    sources: list[str]  # Source ids
    mentions: int = 0
    variants: list[str] = field(default_factory=list)
    role_en: str | None = None  # the role in English, for the actors the document lists
    name_en: str | None = None  # the English name (White House, Vladimir Putin, AES -> Alliance of Sahel States)


@dataclass
class Version:
    """One source's account in a discrepancy: the value it gives and where it says so."""

    value: str
    citations: list[Citation]
    value_en: str | None = None  # the value in English (discrepancies for dates, else translate)


@dataclass
class Discrepancy:
    topic: str
    versions: list[Version]


@dataclass
class EngineInfo:
    name: str
    version: str
    model: str
    lexicon_entries: int = 0  # the rule-based engine's domain lexicon, for the Methodology


@dataclass
class Period:
    week: str  # ISO week, e.g. "2025-W38"
    start: dt.date
    end: dt.date

    @classmethod
    def from_week(cls, week: str) -> Period:
        year, num = week.split("-W")
        start = dt.date.fromisocalendar(int(year), int(num), 1)
        return cls(week, start, start + dt.timedelta(days=6))

    @classmethod
    def containing(cls, day: dt.date) -> Period:
        year, num, _ = day.isocalendar()
        return cls.from_week(f"{year}-W{num:02d}")


@dataclass
class Brief:
    sources: list[Source] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    key_judgements: list[Point] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    developments: list[Event] = field(default_factory=list)  # top of the brief: ranked candidates, then 3-5 written
    timeline: list[TimelineEntry] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    period: Period | None = None
    generated_at: dt.datetime | None = None
    engine: EngineInfo | None = None
    previous_week: str | None = None  # week of the brief this one was compared with (None: first brief)
    new_this_week: list[str] = field(default_factory=list)  # ids of points not in the previous brief
    weekly: bool = False  # a weekly brief covers its ISO week; a built one is titled by what its sources cover
    untranslated: list[str] = field(default_factory=list)  # French words left in the English, once per use
    # French texts (whitespace-normalised) whose English is an analyst's, from the translation memory
    from_memory: set[str] = field(default_factory=set)
    coverage: Coverage = field(default_factory=Coverage)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def current(self) -> Callable[[list[Citation]], bool]:
        """Whether citations rest on the period's sources: not only on a weekly brief's background
        articles (weekly.py), which may explain, never headline (key judgements, developments, timeline)."""
        background = {s.id for s in self.sources if s.background}
        return lambda citations: not background or any(c.source not in background for c in citations)

    def points(self) -> list[Point]:
        return [p for s in self.sections for p in s.points]

    def unique_points(self) -> list[Point]:
        """Key judgements then section points, each once (a key judgement is also a section's point)."""
        return list({p.id: p for p in [*self.key_judgements, *self.points()]}.values())

    def listed_actors(self, limit: int) -> list[Actor]:
        """The `limit` most-mentioned actors (all if 0), in their order: those a document lists.
        A week of 2,000 articles names thousands of people, which no reader wants in a table."""
        return _most(self.actors, limit, lambda a: a.mentions)

    def listed_discrepancies(self, limit: int) -> list[Discrepancy]:
        """The `limit` discrepancies reported by the most outlets (all if 0), in their order."""
        return _most(self.discrepancies, limit, lambda d: len({c.source for v in d.versions for c in v.citations}))

    def warn(self, source: str | Path, message: str) -> None:
        self.warnings.append(SourceWarning(str(source), message))


def parse_week(text: str) -> Period:
    """`2025-W38` -> its Period; a malformed or non-existent week (2025-W53) is a ConfigError."""
    if not WEEK_PATTERN.fullmatch(text):  # anything else (e.g. "../../etc") never gets near a file name
        raise ConfigError(f"Invalid week {text!r}: use the ISO form YYYY-Www, e.g. 2025-W38.")
    year, number = (int(part) for part in text.split("-W"))
    try:
        return Period.from_week(f"{year:04d}-W{number:02d}")
    except (ValueError, OverflowError):
        pass
    if 1 <= year < dt.MAXYEAR:
        last = dt.date(year, 12, 28).isocalendar().week  # 28 December is always in the last ISO week
        raise ConfigError(f"Week {text!r} does not exist: {year} has weeks W01 to W{last:02d}.")
    raise ConfigError(f"Week {text!r} is outside the calendar briefgen can handle.")


def _most(items: list[T], limit: int, importance: Callable[[T], int]) -> list[T]:
    if not limit or len(items) <= limit:
        return items
    kept = set(sorted(range(len(items)), key=lambda i: (-importance(items[i]), i))[:limit])
    return [item for i, item in enumerate(items) if i in kept]


def as_shown(english: str) -> str:
    """English as the DOCX shows it: each untranslated word in italics, without its asterisks."""
    return UNTRANSLATED.sub(r"\1", english)
