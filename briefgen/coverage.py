"""What a brief really covers: when its sources were published and when the events they report happened.

A brief named after the week of its newest source can be made of older news (a later rewrite of a
July visit dated September). This module gives the honest spans for the title block, tells the
period's events from background the sources recall (a 2022 visit), and warns when a source's date
cannot be right or a weekly brief's sources report mainly events outside its week.
"""

from __future__ import annotations

import datetime as dt
import re

from briefgen.config import Config
from briefgen.dates import event_span, month_end
from briefgen.model import Brief, Coverage, Source, TimelineEntry

# An event that ended more than this many days before the earliest of the brief's sources was
# published is background the sources recall (the last visit in 2022, a 2021 coup), not news of the
# period: it stays in the table but off the figure's axis. A month keeps the run-up the articles
# report (the sample's sources start in July and report 17 and 23 June); its background is February
# 2025 and older. Measured from the earliest source, a later rewrite of the period's news (the
# sample's September article on the 8–11 July visit) stays news.
CURRENT_DAYS = 31
# A weekly brief warns when more than this share of its dated events fall outside the week and its
# look-back: the week's sources are then mostly retelling older news.
OUTSIDE_SHARE = 0.5
# Past tense in French news: a perfect or pluperfect ("s'est rendu", "a annoncé", "avait reçu"),
# a simple past ("se rendit") is rare in news and left out.
PAST = re.compile(r"\b(?:a|ont|est|sont|s'est|s’est|se sont|avait|avaient|était|étaient|a été|ont été)\s+"
                  r"(?:\w+\s+){0,2}?\w+(?:é|ée|és|ées|i|ie|is|it|u|ue|us)\b", re.IGNORECASE)
# An announced event is future whatever the tense of the sentence ("il a annoncé qu'il se rendra").
FUTURE = re.compile(r"\b(?:prévue?s?|doit|doivent|devrait|devraient|sera|seront|aura lieu|prochaine?s?|attendue?s?"
                    r"|se rendra|ira|annoncée? pour)\b", re.IGNORECASE)


def source_span(source: Source) -> tuple[dt.date, dt.date] | None:
    """The days a source's publication date may mean ("date 2025-07" is any day of July)."""
    if source.date is None:
        return None
    if source.date_precision == "month":
        start = source.date.replace(day=1)
        return start, month_end(start)
    return source.date, source.date


def news_since(brief: Brief) -> dt.date | None:
    """The first day of the period's news: CURRENT_DAYS before the earliest source (weekly background
    sources aside); None when no source is dated."""
    spans = [source_span(s) for s in brief.sources if not s.background]
    starts = [span[0] for span in spans if span]
    return min(starts) - dt.timedelta(days=CURRENT_DAYS) if starts else None


def is_background(entry: TimelineEntry, since: dt.date | None) -> bool:
    """Whether `entry` ended before `since` (news_since): recalled, not news of the period."""
    span = event_span(entry)
    return bool(span and since and span[1] < since)


def current_events(brief: Brief) -> list[TimelineEntry]:
    """The timeline entries that are news of the period (see is_background)."""
    since = news_since(brief)
    return [e for e in brief.timeline if event_span(e) and not is_background(e, since)]


def published_span(brief: Brief) -> tuple[dt.date, dt.date] | None:
    """First and last publication day; sources dated to the day decide when there are any (a source
    dated "July 2025" would otherwise stretch the span to the 1st)."""
    dated = [s for s in brief.sources if s.date]
    exact = [s.date for s in dated if s.date_precision != "month"] or [s.date for s in dated]
    return (min(exact), max(exact)) if exact else None


def events_span(brief: Brief) -> tuple[dt.date, dt.date] | None:
    """First and last day of the period's events; events dated to the day or a range decide when there
    are any (an event of "July 2025" would otherwise stretch the span to the 31st)."""
    current = current_events(brief)
    exact = [event_span(e) for e in current if e.precision != "month"] or [event_span(e) for e in current]
    spans = [s for s in exact if s]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def cover(brief: Brief, config: Config) -> Brief:
    """Stage: fill Brief.coverage and TimelineEntry.background, and warn about misdated sources."""
    since = news_since(brief)
    for entry in brief.timeline:
        entry.background = is_background(entry, since)
    brief.coverage = Coverage(published_span(brief), events_span(brief))
    return check_source_dates(brief, config)


def check_source_dates(brief: Brief, config: Config) -> Brief:
    """Warn about a source dated before events it reports as past (its date is wrong)."""
    sources = {s.id: s for s in brief.sources}
    later: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for entry in brief.timeline:
        span = event_span(entry)
        for c in entry.citations:
            published = source_span(sources[c.source]) if c.source in sources else None
            if span and published and span[0] > published[1] and PAST.search(c.quote) and not FUTURE.search(c.quote):
                later.setdefault(c.source, []).append(span)
    for source_id, spans in later.items():
        source = sources[source_id]
        first, last = min(s[0] for s in spans), max(s[1] for s in spans)
        brief.warn(source.path, f"dated {source.date.isoformat()} but reports as past events of "
                   f"{_iso_span(first, last)}; its date is probably an event it mentions, not its publication "
                   "date: state the date (front matter) or check the article")
    return brief


def warn_outside_week(brief: Brief, config: Config) -> None:
    """Weekly: warn when most dated events lie outside the week and its look-back."""
    assert brief.period is not None
    window_start = brief.period.start - dt.timedelta(days=config.lookback_days)
    spans = [s for s in map(event_span, brief.timeline) if s]
    outside = [s for s in spans if s[1] < window_start or s[0] > brief.period.end]
    if spans and len(outside) > OUTSIDE_SHARE * len(spans):
        first, last = min(s[0] for s in outside), max(s[1] for s in outside)
        brief.warn("", f"{len(outside)} of the {len(spans)} dated events the sources report fall outside "
                   f"{brief.period.week} and its look-back (they date from {_iso_span(first, last)}): the "
                   "brief may be mostly older news or background; check what the sources report")


def _iso_span(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
