"""French date expressions -> dates, with their precision.

Shared by ingest (publication dates), the timeline (event dates) and coverage (the days an entry spans).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.model import TimelineEntry

MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre")  # fmt: skip
# Month numbers, spellings without accents included (« fevrier », « aout »).
MONTHS = {name: i for i, name in enumerate(MONTH_NAMES, 1)} | {"fevrier": 2, "aout": 8, "decembre": 12}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# The calendar's words as one regex alternation: a statement naming one is dated.
CALENDAR_WORDS = "|".join((*MONTH_NAMES, *WEEKDAYS))
# Dates of one person's visit further apart than this belong to different trips, not one trip
# the outlets date differently.
EVENT_WINDOW_DAYS = 10

_MONTH = "|".join(MONTHS)
# "16 septembre 2025", "1er juillet 2025", "dimanche 13 juillet 2025"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
# "date 2025-07" (month precision) or an ISO day "2025-07-09"
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


@dataclass(frozen=True)
class DateRef:
    date: dt.date
    precision: str  # "day" or "month"

    @classmethod
    def of_article(cls, date: dt.date | None, precision: str | None) -> DateRef | None:
        """What an article's relative dates resolve against: its own date (day unless stated)."""
        return cls(date, precision or "day") if date else None


def parse_full_date(text: str) -> DateRef | None:
    """First absolute French day date ("16 septembre 2025") in `text`."""
    match = FULL_DATE.search(text)
    if not match:
        return None
    day, month, year = int(match[1]), MONTHS[match[2].lower()], int(match[3])
    try:
        return DateRef(dt.date(year, month, day), "day")
    except ValueError:
        return None


def parse_iso_date(text: str) -> DateRef | None:
    """First ISO date in `text`; "2025-07" gives month precision (first of the month)."""
    match = ISO_DATE.search(text)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    day = int(match[3]) if match[3] else 1
    try:
        return DateRef(dt.date(year, month, day), "day" if match[3] else "month")
    except ValueError:
        return None


# --- Event dates inside article text, resolved against the article's own date -----------------

_WEEKDAY = "|".join(WEEKDAYS)
_DAY = r"(\d{1,2})(?:er)?"
# "du 8 au 11 juillet 2025", "du 28 juin au 2 juillet"
RANGE = re.compile(
    rf"\bdu\s+{_DAY}(?:\s+({_MONTH}))?\s+au\s+{_DAY}\s+({_MONTH})(?:\s+(\d{{4}}))?", re.IGNORECASE
)
# "les 21 et 22 juillet", "les 21 et 22 juillet 2025"
PAIR = re.compile(rf"\b{_DAY}\s+et\s+{_DAY}\s+({_MONTH})(?:\s+(\d{{4}}))?", re.IGNORECASE)
# "mercredi 9 juillet", "dimanche 13 juillet 2025", "le 22 juillet dernier"
DAY = re.compile(
    rf"\b(?:({_WEEKDAY})\s+)?{_DAY}\s+({_MONTH})(?:\s+(\d{{4}}))?(?:\s+(dernier|prochain))?", re.IGNORECASE
)
# "octobre 2022", "en février dernier", "fin juillet", "à la fin du mois de juillet", "au début du mois"
MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_ONLY = re.compile(
    rf"\b(?:(?:en|fin|début|mi-)\s*({_MONTH})(?:\s+(dernier|prochain))?"
    rf"|(?:fin|début|milieu)\s+du\s+mois(?:\s+(?:de\s+|d['’]))?({_MONTH})?)\b",
    re.IGNORECASE,
)
NUMBER_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10}
# "une visite de trois jours", "sa visite de plusieurs jours"
DURATION = re.compile(
    r"\b(?:visite|séjour|mission|tournée|voyage)s?\s+(?:\w+\s+)?de\s+(\d+|"
    + "|".join(NUMBER_WORDS)
    + r"|plusieurs)\s+jours\b",
    re.IGNORECASE,
)
# Day-month dates without a year are placed within this many days of the reference date.
NEAREST_WINDOW_DAYS = 183


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, resolved to the days it covers."""

    start: int  # offsets in the searched text
    end: int
    first: dt.date
    last: dt.date
    precision: str  # "day", "month" or "range"
    text: str

    @property
    def iso(self) -> str:
        """"2025-07-09", "2025-07" or "2025-07-08/2025-07-11" (TimelineEntry.date format)."""
        if self.precision == "month":
            return self.first.strftime("%Y-%m")
        if self.precision == "range":
            return f"{self.first.isoformat()}/{self.last.isoformat()}"
        return self.first.isoformat()


def find_dates(text: str, reference: DateRef | None) -> list[DateMention]:
    """Every resolvable date expression in `text`, in text order, without overlaps.

    Expressions without a year are resolved against `reference` (the article's date): the year
    matching a stated weekday, "dernier" = the latest such date not after the article, otherwise
    the nearest. Without a reference only dates that state their year are returned.
    """
    found: list[DateMention] = []
    for finder in (_ranges, _pairs, _days, _month_years, _months):
        for mention in finder(text, reference):
            if all(mention.end <= m.start or mention.start >= m.end for m in found):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def find_durations(text: str) -> list[tuple[int | None, int, int]]:
    """(days, start, end) for "visite de trois jours"; days None for "plusieurs jours"."""
    out = []
    for m in DURATION.finditer(text):
        word = m[1].lower()
        days = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        out.append((days, m.start(), m.end()))
    return out


def _anchor(reference: DateRef) -> dt.date:
    """The latest day the article can have been written: end of month for month precision."""
    if reference.precision != "month":
        return reference.date
    following = (reference.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _resolve_day(day: int, month: int, year: str | None, reference: DateRef | None,
                 weekday: str | None = None, relative: str | None = None) -> dt.date | None:  # fmt: skip
    if year:
        return _safe_date(int(year), month, day)
    if reference is None:
        return None
    anchor = _anchor(reference)
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    if weekday:
        options = [d for d in options if WEEKDAYS[d.weekday()] == weekday.lower()] or options
    if relative and relative.lower() == "dernier":
        options = [d for d in options if d <= anchor] or options
    elif relative and relative.lower() == "prochain":
        options = [d for d in options if d >= reference.date] or options
    best = min(options, key=lambda d: (abs((d - anchor).days), d > anchor), default=None)
    if best is None or (not weekday and abs((best - anchor).days) > NEAREST_WINDOW_DAYS + 31):
        return None
    return best


def _resolve_month(month: int, reference: DateRef | None, relative: str | None) -> dt.date | None:
    if reference is None:
        return None
    anchor = _anchor(reference)
    options = [dt.date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if relative and relative.lower() == "dernier":  # a month before the article's month
        options = [d for d in options if d < anchor.replace(day=1)]
    return min(options, key=lambda d: (abs((d - anchor.replace(day=1)).days), d > anchor), default=None)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _ranges(text: str, reference: DateRef | None) -> list[DateMention]:
    out = []
    for m in RANGE.finditer(text):
        last_month = MONTHS[m[4].lower()]
        first_month = MONTHS[m[2].lower()] if m[2] else last_month
        last = _resolve_day(int(m[3]), last_month, m[5], reference)
        first = _resolve_day(int(m[1]), first_month, str(last.year) if last else None, reference)
        if first and last and first <= last:
            out.append(DateMention(m.start(), m.end(), first, last, "range", m[0]))
    return out


def _pairs(text: str, reference: DateRef | None) -> list[DateMention]:
    out = []
    for m in PAIR.finditer(text):
        month = MONTHS[m[3].lower()]
        last = _resolve_day(int(m[2]), month, m[4], reference)
        first = _safe_date(last.year, month, int(m[1])) if last else None
        if first and last and first < last:
            out.append(DateMention(m.start(), m.end(), first, last, "range", m[0]))
    return out


def _days(text: str, reference: DateRef | None) -> list[DateMention]:
    out = []
    for m in DAY.finditer(text):
        day = _resolve_day(int(m[2]), MONTHS[m[3].lower()], m[4], reference, m[1], m[5])
        if day:
            out.append(DateMention(m.start(), m.end(), day, day, "day", m[0]))
    return out


def _month_years(text: str, reference: DateRef | None) -> list[DateMention]:
    out = []
    for m in MONTH_YEAR.finditer(text):
        first = dt.date(int(m[2]), MONTHS[m[1].lower()], 1)
        out.append(DateMention(m.start(), m.end(), first, first, "month", m[0]))
    return out


def _months(text: str, reference: DateRef | None) -> list[DateMention]:
    out = []
    for m in MONTH_ONLY.finditer(text):
        name = m[1] or m[3]
        if name:
            first = _resolve_month(MONTHS[name.lower()], reference, m[2])
        else:  # "au début du mois": the article's own month
            first = reference.date.replace(day=1) if reference else None
        if first:
            out.append(DateMention(m.start(), m.end(), first, first, "month", m[0]))
    return out


def event_span(entry: TimelineEntry) -> tuple[dt.date, dt.date] | None:
    """First and last day of an entry's date (a month or a year spans its days); None when unreadable."""
    try:
        if entry.precision == "range" and "/" in entry.date:
            start, end = (dt.date.fromisoformat(p) for p in entry.date.split("/", 1))
            return start, end
        if entry.precision == "month":
            start = dt.date.fromisoformat(f"{entry.date[:7]}-01")
            return start, month_end(start)
        if entry.precision == "year":  # an event record dated « en 2021 »
            return dt.date(int(entry.date[:4]), 1, 1), dt.date(int(entry.date[:4]), 12, 31)
        day = dt.date.fromisoformat(entry.date[:10])
        return day, day
    except ValueError:
        return None


def month_end(first: dt.date) -> dt.date:
    """The last day of the month `first` is in."""
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
