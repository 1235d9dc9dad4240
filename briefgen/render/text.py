"""Text as it may appear in a rendered brief: cleaned of what XML cannot hold, dates in English or French.

Every string from a source passes through `clean` before any renderer sees it: one XML-illegal
character (e.g. a vertical tab) makes docxtpl silently drop escaped text, and lxml refuses it.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.dates import MONTH_NAMES

# Characters XML 1.0 cannot carry (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word has no carriage return inside a paragraph and XML parsers turn a raw CR into a newline anyway.
LINE_BREAKS = re.compile("\r\n?")
# Month names per edition language, independent of the process locale (strftime's %B is not).
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": MONTH_NAMES,
}
# Short names for the period line, where two spans share one line.
SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}


def clean(text: str | None) -> str:
    """`text` without XML-illegal characters, with CR and CRLF as plain newlines ("" for None)."""
    if not text:
        return ""
    return LINE_BREAKS.sub("\n", XML_ILLEGAL.sub("", text))


def day(date: dt.date, lang: str = "en") -> str:
    """16 September 2025 / 1er septembre 2025"""
    first = "1er" if lang == "fr" and date.day == 1 else str(date.day)
    return f"{first} {MONTHS[lang][date.month - 1]} {date.year}"


def month(date: dt.date, lang: str = "en") -> str:
    """September 2025"""
    return f"{MONTHS[lang][date.month - 1]} {date.year}"


def date_span(start: dt.date, end: dt.date, lang: str = "en") -> str:
    """8–14 September 2025; 29 September – 5 October 2025; 29 December 2025 – 4 January 2026."""
    if start == end:
        return day(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end, lang)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[lang][start.month - 1]} – {day(end, lang)}"
    return f"{day(start, lang)} – {day(end, lang)}"


def short_span(start: dt.date, end: dt.date, lang: str = "en") -> str:
    """9 Jul – 16 Sep 2025; 8–11 Jul 2025; 30 Dec 2024 – 2 Jan 2025."""
    def short(d: dt.date, year: bool) -> str:
        return f"{d.day} {SHORT_MONTHS[lang][d.month - 1]}" + (f" {d.year}" if year else "")

    if start == end:
        return short(end, True)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{short(end, True)}"
    return f"{short(start, start.year != end.year)} – {short(end, True)}"


def source_date(date: dt.date | None, precision: str | None, lang: str = "en") -> str:
    """A source's publication date at the precision it was stated with."""
    if date is None:
        return "undated" if lang == "en" else "non daté"
    return month(date, lang) if precision == "month" else day(date, lang)


def event_date(value: str, precision: str, lang: str = "en") -> str:
    """A timeline date ("2025-07-09", "2025-07" or "2025-07-08/2025-07-11") for reading."""
    try:
        if precision == "range" and "/" in value:
            start, end = (dt.date.fromisoformat(part) for part in value.split("/", 1))
            return date_span(start, end, lang)
        if precision == "month":
            return month(dt.date.fromisoformat(f"{value[:7]}-01"), lang)
        if precision == "year":
            return value[:4]
        return day(dt.date.fromisoformat(value), lang)
    except ValueError:
        return clean(value)


def timestamp(moment: dt.datetime, lang: str = "en") -> str:
    """20 September 2025, 06:00 UTC"""
    utc = moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment
    return f"{day(utc.date(), lang)}, {utc:%H:%M} UTC"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 source', '3 sources'"""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"
