"""Timeline stage: dated events, resolved against each article's own date, each cited.

When the events stage found dated records, each is one row (every outlet's report of a visit is
one row, its label written from the record, see english.py). Besides them (and alone without a
parser) every sentence with a date expression (see `briefgen.dates.find_dates`) that no record
cites and whose date no record covers yields an event at that date. Sentences from any source that
give the same date and share enough content words are one entry carrying every citation, quoted
by the best-formed sentence.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.attribution import hedge_of, read
from briefgen.dates import DateMention, DateRef, event_span, find_dates
from briefgen.french import stems, well_formed
from briefgen.model import Brief, Citation, Event, Sentence, Source, TimelineEntry

# Two sentences at the same date describe the same event when this share of the smaller one's
# content stems also occurs in the other one (overlap coefficient).
SAME_EVENT_OVERLAP = 0.3
# A dateline ("Bamako, 16 septembre 2025 - ...") gives the publication date, not an event.
DATELINE_BEFORE = re.compile(r"^\s*[A-ZÀ-Ý][\w'’ -]{0,40},\s*$")
DATELINE_AFTER = re.compile(r"^\s*[-–—]")
PRECISION_ORDER = {"range": 0, "day": 1, "month": 2, "year": 3}


@dataclass
class _Dated:
    mention: DateMention
    sentence: Sentence
    stems: frozenset[str]


def build_timeline(brief: Brief) -> Brief:
    """Fill `brief.timeline`, sorted by date (then precision, then text): a row per dated record,
    and a row per dated sentence no record cites whose dates no record's span covers (« la dernière
    visite ... remontait à octobre 2022 », which names no party); none resting only on a weekly
    brief's background articles."""
    records = [_event_entry(e, e.start) for e in brief.events if e.start and not _during_visit(e, brief.events)]
    cited = {(c.source, c.start) for e in brief.events for c in e.citations}
    spans = [span for r in records if (span := event_span(r))]
    entries = records + [
        entry for entry in _sentence_entries(brief)
        if not any((c.source, c.start) in cited for c in entry.citations) and not _covered(entry, spans)
    ]
    current = brief.current()
    brief.timeline = sorted((e for e in entries if current(e.citations)),
                            key=lambda e: (e.date[:10], PRECISION_ORDER[e.precision], e.date, e.fr))
    return brief


def _covered(entry: TimelineEntry, spans: list[tuple[dt.date, dt.date]]) -> bool:
    span = event_span(entry)
    return bool(span) and any(span[0] <= last and first <= span[1] for first, last in spans)


def _sentence_entries(brief: Brief) -> list[TimelineEntry]:
    """A row per date and event the sentences state, each report of it cited."""
    dated = [d for source in brief.sources for d in _dated_sentences(source)]
    groups: dict[tuple[str, str], list[list[_Dated]]] = {}
    for item in dated:
        events = groups.setdefault((item.mention.iso, item.mention.precision), [])
        same = next((e for e in events if _same_event(item, e)), None)
        if same is None:
            events.append([item])
        elif all(other.sentence is not item.sentence for other in same):
            same.append(item)
    sources = {source.id: source for source in brief.sources}
    return [_entry(iso, precision, event, sources) for (iso, precision), events in groups.items() for event in events]


def _dated_sentences(source: Source) -> list[_Dated]:
    reference = DateRef.of_article(source.date, source.date_precision)
    out = []
    for sentence in source.sentences():
        for mention in find_dates(sentence.text, reference):
            before, after = sentence.text[: mention.start], sentence.text[mention.end :]
            if DATELINE_BEFORE.match(before) and DATELINE_AFTER.match(after):
                continue
            out.append(_Dated(mention, sentence, frozenset(stems(sentence.text))))
    return out


def _same_event(item: _Dated, event: Sequence[_Dated]) -> bool:
    first = event[0].stems
    smaller = min(len(item.stems), len(first)) or 1
    return len(item.stems & first) / smaller >= SAME_EVENT_OVERLAP


def _entry(iso: str, precision: str, event: Sequence[_Dated], sources: Mapping[str, Source]) -> TimelineEntry:
    """One event, quoted by its best-formed report; unconfirmed when every report hedges it."""
    sentences = sorted({id(d.sentence): d.sentence for d in event}.values(), key=lambda s: (s.source_id, s.start))
    best = max(sentences, key=lambda s: (well_formed(s.text), -len(s.text), s.source_id, -s.start))
    citations = [Citation(s.source_id, s.paragraph, s.text, s.start, s.end) for s in sentences]
    hedges = [hedge_of(s, sources[s.source_id].outlet) for s in sentences]
    hedged = all(h is not None and h.unconfirmed for h in hedges)
    frame = read(best, sources[best.source_id].sentences(), sources[best.source_id].outlet).frame
    return TimelineEntry(iso, precision, best.text, citations, hedged=hedged, frames=[frame])


def _during_visit(event: Event, events: Sequence[Event]) -> bool:
    """A meeting held, or a statement made, during its party's visit is told by the visit's row (the
    meeting by its English too)."""
    return event.kind in ("meeting", "statement") and any(
        v.kind == "visit" and v.actors[:1] == event.actors[:1] and v.start and v.start <= event.start <= (v.end or v.start)
        for v in events
    )


def _event_entry(event: Event, start: dt.date) -> TimelineEntry:
    """One row for a dated record, quoted by its best-formed report."""
    if event.precision == "range" and event.end and event.end != start:
        date, precision = f"{start.isoformat()}/{event.end.isoformat()}", "range"
    elif event.precision in ("month", "year"):
        date, precision = start.isoformat()[: 7 if event.precision == "month" else 4], event.precision
    else:
        date, precision = start.isoformat(), "day"
    best = max(event.citations, key=lambda c: (well_formed(c.quote), -len(c.quote), c.source, -c.start))
    return TimelineEntry(date=date, precision=precision, fr=best.quote, citations=list(event.citations),
                         hedged=event.hedged, event=event.id)
