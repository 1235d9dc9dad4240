"""Text as it may appear in a rendered brief: cleaned of what XML cannot hold, dates in English.

Every string from a source passes through `clean` before any renderer sees it: one XML-illegal
character (e.g. a vertical tab) makes docxtpl silently drop escaped text, and lxml refuses it.
"""

from __future__ import annotations

import datetime as dt
import re

# Characters XML 1.0 cannot carry (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word has no carriage return inside a paragraph and XML parsers turn a raw CR into a newline anyway.
LINE_BREAKS = re.compile("\r\n?")
# English month names, independent of the process locale (strftime's %B is not).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def clean(text: str | None) -> str:
    """`text` without XML-illegal characters, with CR and CRLF as plain newlines ("" for None)."""
    if not text:
        return ""
    return LINE_BREAKS.sub("\n", XML_ILLEGAL.sub("", text))


def day(date: dt.date) -> str:
    """16 September 2025"""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def month(date: dt.date) -> str:
    """September 2025"""
    return f"{MONTHS[date.month - 1]} {date.year}"


def date_span(start: dt.date, end: dt.date) -> str:
    """8–14 September 2025; 29 September – 5 October 2025; 29 December 2025 – 4 January 2026."""
    if start == end:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def source_date(date: dt.date | None, precision: str | None) -> str:
    """A source's publication date at the precision it was stated with."""
    if date is None:
        return "undated"
    return month(date) if precision == "month" else day(date)


def event_date(value: str, precision: str) -> str:
    """A timeline date ("2025-07-09", "2025-07" or "2025-07-08/2025-07-11") for reading."""
    try:
        if precision == "range" and "/" in value:
            start, end = (dt.date.fromisoformat(part) for part in value.split("/", 1))
            return date_span(start, end)
        if precision == "month":
            return month(dt.date.fromisoformat(f"{value[:7]}-01"))
        if precision == "year":
            return value[:4]
        return day(dt.date.fromisoformat(value))
    except ValueError:
        return clean(value)


def timestamp(moment: dt.datetime) -> str:
    """20 September 2025, 06:00 UTC"""
    utc = moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment
    return f"{day(utc.date())}, {utc:%H:%M} UTC"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 source', '3 sources'"""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"
