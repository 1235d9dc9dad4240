"""Timeline stage: dated events, resolved against each article's own date, each cited.

Every sentence with a date expression (see `briefgen.dates.find_dates`) yields an event at that
date. Sentences from any source that give the same date and share enough content words are one
entry carrying every citation, quoted by the best-formed sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefgen.attribution import hedge_of, read
from briefgen.dates import DateMention, DateRef, find_dates
from briefgen.french import stems
from briefgen.model import Brief, Citation, Sentence, Source, TimelineEntry
from briefgen.select import well_formed

# Two sentences at the same date describe the same event when this share of the smaller one's
# content stems also occurs in the other one (overlap coefficient).
SAME_EVENT_OVERLAP = 0.3
# A dateline ("Bamako, 16 septembre 2025 - ...") gives the publication date, not an event.
DATELINE_BEFORE = re.compile(r"^\s*[A-ZÀ-Ý][\w'’ -]{0,40},\s*$")
DATELINE_AFTER = re.compile(r"^\s*[-–—]")
PRECISION_ORDER = {"range": 0, "day": 1, "month": 2}


@dataclass
class _Dated:
    mention: DateMention
    sentence: Sentence
    stems: frozenset[str]


def build_timeline(brief: Brief) -> Brief:
    """Fill `brief.timeline`, sorted by date (then precision, then text)."""
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
    entries = [_entry(iso, precision, event, sources) for (iso, precision), events in groups.items() for event in events]
    brief.timeline = sorted(entries, key=lambda e: (e.date[:10], PRECISION_ORDER[e.precision], e.date, e.fr))
    return brief


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
