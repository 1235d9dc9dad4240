"""Discrepancies stage: where sources give different dates or numbers for the same event.

Two kinds, both shown side by side with citations so the analyst can judge:

* the dates of a person's visit or trip: every day/range date and stated duration in sentences
  that name the person and a visit word (or directly follow such a sentence in its paragraph),
  grouped into events of nearby dates; an event is reported when two versions cannot both be
  true (disjoint days, or a duration that does not fit a stated range);
* different figures for the same thing ("30 soldats" / "47 soldats") in closely related sentences
  of different sources.

Needs `find_actors` to have run for the first kind (it reads `brief.actors`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from briefgen.dates import EVENT_WINDOW_DAYS, DateRef, find_dates, find_durations
from briefgen.french import fold
from briefgen.merge import candidate_pairs, vectorise
from briefgen.names import SurnameIndex
from briefgen.model import Actor, Brief, Citation, Discrepancy, Sentence, Source, Version

VISIT = re.compile(r"\b(?:visite|rendue?|reçue?|séjour|passage|mission|conclu|déplacement|voyage)\b", re.I)
# Related sentences (content cosine) whose differing figures are reported as a discrepancy.
SAME_EVENT_SIMILARITY = 0.3
FIGURE = re.compile(r"\b(\d{1,3}(?:[ \u202f.]\d{3})*|\d+)\s+([a-zà-ÿ]{4,})\b")
# Nouns after a number that are units of time or ordinals, not counted things.
NOT_COUNTED = frozenset(
    "jours mois semaines heures minutes ans janvier février mars avril mai juin juillet août septembre octobre "
    "novembre décembre".split()
)


@dataclass(frozen=True)
class _Version:
    key: str  # ISO date/range or "N days"
    label: str  # as written, e.g. "mercredi 9 juillet"
    first: dt.date | None
    last: dt.date | None
    days: int | None
    sentence: Sentence


def find_discrepancies(brief: Brief) -> Brief:
    """Fill `brief.discrepancies`: visit dates per person, then figures, in a stable order."""
    sentences = [s for source in brief.sources for s in source.sentences()]
    visits = _VisitVersions(sentences, brief.sources)
    found = []
    for actor in (a for a in brief.actors if a.kind == "person"):
        found.extend(_visit_discrepancies(actor, visits.of(actor)))
    found.extend(_figure_discrepancies(sentences))
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


def _visit_discrepancies(actor: Actor, versions: list[_Version]) -> list[Discrepancy]:
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
            out.append(Discrepancy(f"Dates of {actor.name}'s visit", _side_by_side(event)))
    return out


def _versions_in(sentence: Sentence, reference: DateRef | None) -> list[_Version]:
    out = [
        _Version(m.iso, m.text, m.first, m.last, None, sentence)
        for m in find_dates(sentence.text, reference)
        if m.precision in ("day", "range")
    ]
    for days, start, end in find_durations(sentence.text):
        key = f"{days} days" if days else "several days"
        out.append(_Version(key, sentence.text[start:end], None, None, days, sentence))
    return out


def _conflicting(event: list[_Version]) -> bool:
    """True when two versions cannot both hold: disjoint dates or a duration that does not fit."""
    dated = [v for v in event if v.first]
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.last < b.first or b.last < a.first:
                return True
    spans = {(v.last - v.first).days + 1 for v in dated if v.first != v.last}
    days = {v.days for v in event if v.days}
    return len(days) > 1 or bool(days and spans and days != spans)


def _side_by_side(event: list[_Version]) -> list[Version]:
    by_key: dict[str, list[_Version]] = defaultdict(list)
    for version in event:
        by_key[version.key].append(version)
    ordered = sorted(by_key.items(), key=lambda kv: (kv[1][0].first or dt.date.max, kv[0]))
    return [Version(f"{versions[0].label} ({key})", _citations([v.sentence for v in versions])) for key, versions in ordered]


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
            f"Number of « {noun} »",
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
