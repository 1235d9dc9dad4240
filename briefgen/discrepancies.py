"""Discrepancies stage: where sources give different dates or numbers for the same event.

Two kinds, both shown side by side with citations so the analyst can judge:

* the dates of a person's visit or trip: every day/range date and stated duration in sentences
  that name the person and a visit word (or directly follow such a sentence in its paragraph),
  grouped into events of nearby dates; an event is reported when two versions cannot both be
  true (disjoint days, or a duration that does not fit a stated range);
* different figures for the same thing ("30 soldats" / "47 soldats") in closely related sentences
  of different sources.

A date reported as the end of a visit (« a conclu dimanche 13 juillet sa visite ») is an end
date, not a competing start date; "several days" fits any duration and is no version. A version's
"value" is as written with its normalised form ("mercredi 9 juillet (2025-07-09)"), its
"value_en" written here from the dates ("9 July 2025", "ended 13 July 2025", "three days"). A
visit's versions are also given to its event record (Event.versions).

Needs `find_actors` to have run for the first kind (it reads `brief.actors`), and the events stage
for the records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from briefgen.dates import EVENT_WINDOW_DAYS, MONTH_NAMES, DateRef, find_dates, find_durations
from briefgen.english import date_phrase
from briefgen.french import fold
from briefgen.gazetteer import load_gazetteer
from briefgen.merge import candidate_pairs, vectorise
from briefgen.model import Actor, Brief, Citation, Discrepancy, Event, Sentence, Source, Version
from briefgen.names import SurnameIndex

VISIT = re.compile(r"\b(?:visite|rendue?|reçue?|séjour|passage|mission|conclu|déplacement|voyage)\b", re.I)
# Related sentences (content cosine) whose differing figures are reported as a discrepancy.
SAME_EVENT_SIMILARITY = 0.3
FIGURE = re.compile(r"\b(\d{1,3}(?:[ \u202f.]\d{3})*|\d+)\s+([a-zà-ÿ]{4,})\b")
# Words before a date that make it the end of a visit (« a conclu dimanche 13 juillet », « jusqu'au »).
ENDED = re.compile(r"\b(?:a|ont|avait)\s+(?:conclu|achevé|terminé|clôturé)\b[^.;]{0,40}$|\bjusqu['’]\s*(?:au|à)\s*$", re.I)
NUMBER_NAMES = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 10: "ten"}
# Nouns after a number that are units of time or ordinals, not counted things.
NOT_COUNTED = frozenset(("jours", "mois", "semaines", "heures", "minutes", "ans", *MONTH_NAMES))


@dataclass(frozen=True)
class _Version:
    key: str  # ISO date/range or "N days"
    label: str  # as written, e.g. "mercredi 9 juillet"
    english: str  # e.g. "9 July 2025", "ended 13 July 2025", "three days"
    first: dt.date | None
    last: dt.date | None
    days: int | None
    sentence: Sentence
    ends: bool = False  # the day the visit ended, not when it took place


def find_discrepancies(brief: Brief) -> Brief:
    """Fill `brief.discrepancies`: visit dates per person, then figures, in a stable order."""
    sentences = [s for source in brief.sources for s in source.sentences()]
    visits = _VisitVersions(sentences, brief.sources)
    found = []
    for actor in (a for a in brief.actors if a.kind == "person"):
        for discrepancy, first, last in _visit_discrepancies(actor, visits.of(actor)):
            found.append(discrepancy)
            for event in brief.events:
                if event.kind == "visit" and event.actors[:1] == [actor.name] and _overlaps(event, first, last):
                    event.versions = discrepancy.versions
    figures = _figure_discrepancies(sentences)
    for discrepancy in figures:  # « 30 soldats » / « 47 soldats »: the attack's record says figures differ
        quoted = {(c.source, c.start) for v in discrepancy.versions for c in v.citations}
        for event in brief.events:
            if event.action == "tuer" and quoted & {(c.source, c.start) for c in event.citations}:
                event.versions = discrepancy.versions
    found.extend(figures)
    brief.discrepancies = found
    return brief


class _VisitVersions:
    """The dates and durations of visits the sentences give, per person.

    A person's visit sentences are those naming them and the sentence right after (same
    paragraph), with a visit word. They come from the surname index, not a scan of every source
    the person appears in, and each sentence is dated once, however many people it names: the
    work grows with the mentions, not with people times sources.
    """

    def __init__(self, sentences: list[Sentence], sources: list[Source]) -> None:
        self.sentences = sentences
        self.index = SurnameIndex(sentences)
        self.references = {source.id: DateRef.of_article(source.date, source.date_precision) for source in sources}
        self._versions: dict[int, list[_Version]] = {}

    def of(self, actor: Actor) -> list[_Version]:
        """In corpus order (sources, then sentences), from the sources citing `actor`."""
        cited = set(actor.sources)
        named = self.index.naming(actor.name)
        told = sorted(named | {i + 1 for i in named if self._same_paragraph(i, i + 1)})
        return [version for i in told if self.sentences[i].source_id in cited for version in self._versions_of(i)]

    def _same_paragraph(self, i: int, j: int) -> bool:
        if j >= len(self.sentences):
            return False
        a, b = self.sentences[i], self.sentences[j]
        return (a.source_id, a.paragraph) == (b.source_id, b.paragraph)

    def _versions_of(self, i: int) -> list[_Version]:
        """The dates and durations sentence i gives, if it speaks of a visit."""
        if i not in self._versions:
            sentence = self.sentences[i]
            told = VISIT.search(sentence.text)
            self._versions[i] = _versions_in(sentence, self.references[sentence.source_id]) if told else []
        return self._versions[i]


def _overlaps(event: Event, first: dt.date, last: dt.date) -> bool:
    window = dt.timedelta(days=EVENT_WINDOW_DAYS)
    return event.start is not None and event.start <= last + window and (event.end or event.start) >= first - window


def _visit_discrepancies(actor: Actor, versions: list[_Version]) -> list[tuple[Discrepancy, dt.date, dt.date]]:
    """Each conflicting visit with the first and last day its versions name."""
    dated = sorted((v for v in versions if v.first), key=lambda v: (v.first, v.last))
    events: list[list[_Version]] = []
    for version in dated:
        if events and (version.first - max(v.last for v in events[-1])).days <= EVENT_WINDOW_DAYS:
            events[-1].append(version)
        else:
            events.append([version])
    durations = [v for v in versions if not v.first]
    out = []
    for event in events:
        if len(events) == 1:
            event = event + durations
        if _conflicting(event):
            days = [d for v in event if v.first and v.last for d in (v.first, v.last)]
            out.append((Discrepancy(f"Dates of {actor.name}'s visit", _side_by_side(event)), min(days), max(days)))
    return out


def _versions_in(sentence: Sentence, reference: DateRef | None) -> list[_Version]:
    out = []
    for m in find_dates(sentence.text, reference):
        if m.precision in ("day", "range"):
            ends = bool(ENDED.search(sentence.text[: m.start]))
            when = date_phrase(m.first, m.last, m.precision).removeprefix("on ")
            out.append(_Version(f"end {m.iso}" if ends else m.iso, m.text, f"ended {when}" if ends else when,
                                m.first, m.last, None, sentence, ends))  # fmt: skip
    for days, start, end in find_durations(sentence.text):
        if days:  # "plusieurs jours" fits any stated duration
            out.append(_Version(f"{days} days", sentence.text[start:end], f"{NUMBER_NAMES.get(days, days)} days",
                                None, None, days, sentence))  # fmt: skip
    return out


def _conflicting(event: list[_Version]) -> bool:
    """True when two versions cannot both hold: disjoint dates, an end date that is not the last
    day of a stated range (or comes before a stated day), or a duration that does not fit."""
    dated = [v for v in event if v.first and not v.ends]
    ended = [v for v in event if v.ends]
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.last < b.first or b.last < a.first:
                return True
    for end in ended:
        if any(end.last != v.last if v.first != v.last else end.last < v.first for v in dated):
            return True
    if len({v.last for v in ended}) > 1:
        return True
    spans = {(v.last - v.first).days + 1 for v in dated if v.first != v.last}
    days = {v.days for v in event if v.days}
    return len(days) > 1 or bool(days and spans and days != spans)


def _side_by_side(event: list[_Version]) -> list[Version]:
    by_key: dict[str, list[_Version]] = defaultdict(list)
    for version in event:
        by_key[version.key].append(version)
    ordered = sorted(by_key.items(), key=lambda kv: (kv[1][0].first or dt.date.max, kv[0]))
    return [Version(f"{versions[0].label} ({key})", _citations([v.sentence for v in versions]), versions[0].english)
            for key, versions in ordered]


def _citations(sentences: list[Sentence]) -> list[Citation]:
    unique = {(s.source_id, s.start): s for s in sentences}
    return [Citation(s.source_id, s.paragraph, s.text, s.start, s.end) for _, s in sorted(unique.items())]


def _figure_discrepancies(sentences: list[Sentence]) -> list[Discrepancy]:
    """Different numbers before the same noun in related sentences of different sources."""
    figures = [_figures(s.text) for s in sentences]
    with_figures = [i for i, f in enumerate(figures) if f]
    if len(with_figures) < 2:
        return []
    matrix = vectorise([sentences[i].text for i in with_figures])
    rows, cols, cosine = candidate_pairs(matrix)
    disputes: dict[str, dict[str, list[Sentence]]] = defaultdict(lambda: defaultdict(list))
    for a, b in zip(rows[cosine >= SAME_EVENT_SIMILARITY], cols[cosine >= SAME_EVENT_SIMILARITY]):
        sa, sb = sentences[with_figures[a]], sentences[with_figures[b]]
        if sa.source_id == sb.source_id:
            continue
        for noun, value_a in figures[with_figures[a]].items():
            value_b = figures[with_figures[b]].get(noun)
            if value_b is not None and value_b != value_a:
                disputes[noun][value_a].append(sa)
                disputes[noun][value_b].append(sb)
    return [
        Discrepancy(
            f"Number of {_counted(noun)} reported",
            [Version(value, _citations(found)) for value, found in sorted(values.items())],
        )
        for noun, values in sorted(disputes.items())
    ]


def _figures(text: str) -> dict[str, str]:
    """{folded noun: number as written} for "30 soldats", "1 200 déplacés"."""
    out = {}
    for match in FIGURE.finditer(text):
        if match[2].lower() not in NOT_COUNTED:
            out.setdefault(fold(match[2]), re.sub(r"[ \u202f.]", "", match[1]))
    return out


def _counted(noun: str) -> str:
    """The counted thing in English (« soldats » -> soldiers), else quoted as the sources write it."""
    return load_gazetteer().nouns.get(noun) or f"« {noun} »"
