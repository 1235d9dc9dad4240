"""The brief as renderers see it: plain, cleaned, display-ready values (the template's variables).

Built once from a Brief; the DOCX template and the Markdown writer both read it, so the two formats
say the same things in the same order. docs/template.md lists every field a template may use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol

import briefgen
from briefgen import anchors
from briefgen.config import Config
from briefgen.dates import event_span
from briefgen.model import Actor, Brief, Citation, Discrepancy, Event, Point, Section, Source, TimelineEntry
from briefgen.registry import ENGINES
from briefgen.render import text
from briefgen.excerpt import stated_text
from briefgen.render.clause import short_quote
from briefgen.render.figure import FigureRow
from briefgen.render.labels import event_label
from briefgen.render.wording import words
from briefgen.translate.glossary import load_glossary

UNKNOWN_ENGINE = "The translation engine was not recorded; treat the English as unverified."
UNTRANSLATED = "The French edition quotes the sources' own sentences: nothing was machine-translated."
TITLE = "Press Brief"


class Marks(Protocol):
    """What a renderer prints for footnote references, links and bookmarks (see render/markers.py)."""

    def footnote(self, citation: CitationView) -> Any: ...

    def link(self, label: str, anchor: str = "", url: str = "") -> Any: ...

    def bookmark(self, name: str) -> Any: ...

    def anchor(self, kind: str, fr: str, text: str) -> Any: ...


class NoMarks:
    """For formats that make footnotes, links and anchors themselves from the view's fields."""

    def footnote(self, citation: CitationView) -> str:
        return ""

    def link(self, label: str, anchor: str = "", url: str = "") -> str:
        return ""

    def bookmark(self, name: str) -> str:
        return ""

    def anchor(self, kind: str, fr: str, text: str) -> str:
        return text


@dataclass(frozen=True)
class SourceLink:
    """A pointer to one entry of the Sources list; `link` is the renderer's hyperlink."""

    anchor: str
    label: str
    link: Any = ""


@dataclass(frozen=True)
class CitationView:
    """One citation; `ref` is the renderer's footnote reference, `link` its link to the source."""

    anchor: str  # bookmark of the cited source in the Sources list
    label: str  # short source label, e.g. "RFI [2]"
    outlet: str
    title: str  # "" in short footnotes
    date: str
    paragraph: int
    quote: str  # the clause that carries the fact in short footnotes, the whole sentence in full ones
    para: str = "para."  # the edition's word for a paragraph number
    ref: Any = ""
    link: Any = ""


@dataclass(frozen=True)
class PointView:
    n: int  # 1-based over the whole brief
    anchor: str
    bookmark: Any  # the renderer's bookmark named `anchor`
    en: str  # English text (the French when not translated)
    fr: str
    translated: bool
    reported: str  # "(reported by 3 sources)" or ""
    citations: list[CitationView]
    section_title: str = ""  # key judgements: where the point is developed...
    section_anchor: str = ""  # ...the bookmark to jump to ("" if in no section)...
    section_link: Any = ""  # ...and the renderer's link there


@dataclass(frozen=True)
class DevelopmentView:
    """A key development: an event record's English, with a footnote per report."""

    kind: str
    en: str
    hedged: bool
    citations: list[CitationView]


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str
    title_fr: str
    points: list[PointView]


@dataclass(frozen=True)
class TimelineView:
    date: str
    en: str
    fr: str
    sources: list[SourceLink]
    citations: list[CitationView]
    label: str = ""  # short label in the edition's language (see render/labels.py)
    background: bool = False  # recalled by the sources, not news of the period: in the table, off the figure
    hedged: bool = False


@dataclass(frozen=True)
class ActorView:
    name: str
    kind: str
    role: str  # in English when translated, else as the sources state it
    role_fr: str
    variants: str  # the other spellings the sources use, "; "-separated ("" if none)
    mentions: int
    sources: list[SourceLink]


@dataclass(frozen=True)
class VersionView:
    value: str
    citations: list[CitationView]


@dataclass(frozen=True)
class DiscrepancyView:
    topic: str
    versions: list[VersionView]


@dataclass(frozen=True)
class SourceView:
    n: int
    id: str
    anchor: str
    bookmark: Any  # the renderer's bookmark named `anchor`
    label: str
    outlet: str  # the outlet's name, or the edition's "Outlet not stated"
    title: str  # the stated title, whole; "" when the article states none (see `opening`)
    date: str
    author: str
    url: str
    web_link: Any  # the renderer's hyperlink to `url` ("" without a URL)
    file: str = ""  # the file's name, shown small: how the analyst finds the article
    known_outlet: bool = True
    opening: str = ""  # without a stated title: the article's opening words, quoted


@dataclass(frozen=True)
class AnnexRow:
    n: int
    section: str
    fr: str
    en: str


@dataclass(frozen=True)
class EngineView:
    name: str
    version: str
    model: str
    label: str
    limits: str
    notice: str = ""  # for the title block: "" unless the English is gist quality


@dataclass(frozen=True)
class PeriodView:
    week: str
    label: str  # a weekly brief's week ("15–21 September 2025"), else what the sources cover
    start: str
    end: str
    coverage: str = ""  # "Sources published 9 Jul – 16 Sep 2025 · events reported 23 Jun – 22 Jul 2025"
    dates: str = ""  # the ISO week's days, "15–21 September 2025"


@dataclass(frozen=True)
class WarningView:
    source: str
    message: str


@dataclass(frozen=True)
class BriefView:
    title: str  # with the week: "Press Brief 2025-W38"
    marking: str
    author: str
    period: PeriodView
    generated: str
    engine: EngineView
    sources_count: int
    sources_summary: str
    compared: bool  # whether the brief was compared with a previous one (weekly runs)
    previous_week: str  # the week compared with ("" for a first brief)
    new_points: list[PointView]  # points not in the previous brief, linking to their section
    key_judgements: list[PointView]
    developments: list[DevelopmentView]  # the top of the brief: who did what, where, when (see events.py)
    developments_note: str  # says so when no record could be extracted and top points stand in
    sections: list[SectionView]
    timeline: list[TimelineView]
    timeline_caption: str
    actors: list[ActorView]
    actors_note: str  # says how many are listed when max_actors leaves some out, else ""
    discrepancies: list[DiscrepancyView]
    discrepancies_note: str  # the same for max_discrepancies
    sources: list[SourceView]
    annex: list[AnnexRow]
    warnings: list[WarningView]
    memory_note: str = ""  # how many items took an analyst's English from the translation memory ("" if none)
    name: str = TITLE  # the title without the week
    weekly: bool = False  # a weekly brief (titled by its ISO week) rather than one titled by its coverage
    lang: str = "en"  # the edition's language
    w: dict[str, str] = field(default_factory=lambda: words("en"))  # its fixed words (render/wording.py)
    show_annex: bool = True
    figure_rows: list[FigureRow] = field(default_factory=list)  # the period's events, for the figure
    briefgen_version: str = briefgen.__version__

    def as_context(self) -> dict[str, Any]:
        """Top-level template variables (renderers add their own, such as the DOCX figure)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def generated_at(brief: Brief) -> dt.datetime:
    """The build time the brief records (now, to the second, if the pipeline did not set one)."""
    return brief.generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def build_view(brief: Brief, config: Config, marks: Marks | None = None) -> BriefView:
    """Everything a template shows, in reading order; `marks` makes the renderer's footnote
    references, links and bookmarks (asked for in reading order)."""
    marks = marks or NoMarks()
    lang = config.languages[0]
    w = words(lang)
    sources = _sources(brief.sources, marks, lang)
    cite = _Citer({s.id: s for s in sources}, marks, short=config.footnotes == "short", para=w["para"])
    numbered = {p.id: n for n, p in enumerate(brief.points(), start=1)}
    home = {p.id: s for s in brief.sections for p in s.points}
    new = set(brief.new_this_week)
    actors = brief.listed_actors(config.max_actors)
    discrepancies = brief.listed_discrepancies(config.max_discrepancies)
    developments = [_development(e, cite) for e in brief.developments if e.en] if lang == "en" else []  # read first
    key_judgements = [_point(p, numbered.get(p.id, 0), cite, lang, home.get(p.id), anchors.KEY_JUDGEMENT)
                      for p in brief.key_judgements]
    sections = [
        SectionView(s.key, text.clean(s.title_en if lang == "en" else s.title_fr), text.clean(s.title_fr),
                    [_point(p, numbered[p.id], cite, lang, anchor=anchors.POINT) for p in s.points])
        for s in brief.sections
    ]
    timeline = _timeline(brief, cite, config, lang)
    title = w["title_weekly"] if brief.weekly else w["title"]
    return BriefView(
        title=f"{title} {brief.period.week}" if brief.period else title,
        marking=text.clean(config.marking),
        author=text.clean(config.author),
        period=_period(brief, lang),
        generated=text.timestamp(generated_at(brief), lang),
        engine=_engine(brief, lang),
        sources_count=len(sources),
        sources_summary=_sources_summary(sources, lang),
        compared=brief.previous_week is not None or any(p.status for p in brief.points()),
        previous_week=text.clean(brief.previous_week),
        new_points=[_point(p, numbered[p.id], cite, lang, home[p.id]) for p in brief.points() if p.id in new],
        key_judgements=key_judgements,
        developments=developments,
        developments_note=w["no_records"] if lang == "en" and key_judgements and not developments else "",
        sections=sections,
        timeline=timeline,
        timeline_caption=_timeline_caption(timeline, lang),
        actors=_actors(actors, cite, lang),
        actors_note=_listed(len(actors), len(brief.actors), "most-mentioned", "actors"),
        discrepancies=_discrepancies(discrepancies, cite, lang),
        discrepancies_note=_listed(len(discrepancies), len(brief.discrepancies), "most widely reported",
                                   "discrepancies"),
        sources=sources,
        annex=[
            AnnexRow(numbered[p.id], text.clean(s.title_en), text.clean(p.fr), text.clean(p.en))
            for s in brief.sections for p in s.points
        ],
        warnings=[WarningView(text.clean(x.source) or w["all_sources"], text.clean(x.message)) for x in brief.warnings],
        name=title,
        weekly=brief.weekly,
        lang=lang,
        w=w,
        show_annex=config.annex and lang == "en",
        figure_rows=[_figure_row(e, v.label) for e, v in zip(brief.timeline, timeline) if not v.background
                     and event_span(e)],
        memory_note=_memory_note(brief, actors) if lang == "en" else "",
    )


# Footnotes per key development: its English already counts its sources ("4 sources"); two reports
# cite it, and the page budget (3-4 body pages) keeps the box to a few lines.
DEVELOPMENT_NOTES = 2


def _development(event: Event, cite: _Citer) -> DevelopmentView:
    """The record's English with footnotes to its best-formed reports, one per outlet."""
    one_per_outlet = {c.source: c for c in sorted(event.citations, key=lambda c: len(c.quote), reverse=True)}
    cited = sorted(one_per_outlet.values(), key=lambda c: (len(c.quote), c.source))[:DEVELOPMENT_NOTES]
    about = tuple(name.split()[-1] for name in event.actors if name[:1].isupper())
    return DevelopmentView(event.kind, text.clean(event.en), event.hedged, cite.views(cited, about=about))


def _memory_note(brief: Brief, actors: list[Actor]) -> str:
    """"12 points and 1 actor role take their English from the translation memory …" ("" if none)."""
    def remembered(texts: list[str | None]) -> int:
        return sum(anchors.normalise(t) in brief.from_memory for t in texts if t)

    counts = [
        text.plural(n, what) for n, what in (
            (remembered([p.fr for p in brief.points()]), "point"),
            (remembered([a.role for a in actors if a.role_en]), "actor role"),
        ) if n
    ]
    if not counts:
        return ""
    listed = " and ".join(counts)
    verb = "takes its" if listed.startswith("1 ") and len(counts) == 1 else "take their"
    return (f"{listed} {verb} English from the translation memory: analysts’ corrections of earlier briefs, "
            "used instead of the engine’s output.")


def _timeline(brief: Brief, cite: _Citer, config: Config, lang: str) -> list[TimelineView]:
    """Events link to their sources instead of citing: the points carry the footnotes."""
    glossary = load_glossary(config.glossary)
    return [
        TimelineView(text.event_date(e.date, e.precision, lang) + (f" ({words(lang)['unconfirmed']})" if e.hedged else ""),
                     text.clean(e.en or e.fr), text.clean(e.fr),
                     cite.links(e.citations), cite.views(e.citations, with_refs=False),
                     label=text.clean(event_label(e, brief.actors, glossary, lang)),
                     background=e.background, hedged=e.hedged)
        for e in brief.timeline
    ]


def _figure_row(entry: TimelineEntry, label: str) -> FigureRow:
    start, end = event_span(entry)
    return FigureRow(label, start, end, entry.precision, entry.hedged)


def _timeline_caption(timeline: list[TimelineView], lang: str) -> str:
    w = words(lang)
    drawn = sum(not e.background for e in timeline)
    earlier = len(timeline) - drawn
    if not earlier:
        return w["caption"].format(n=drawn)
    return w["caption_also"].format(n=drawn, earlier=text.plural(earlier, w["earlier_event"], w["earlier_events"]))


def _listed(shown: int, total: int, which: str, what: str) -> str:
    if shown == total:
        return ""
    return f"The {shown} {which} of {total:,} {what} are listed; the JSON sidecar lists them all."


def _actors(actors: list[Actor], cite: _Citer, lang: str = "en") -> list[ActorView]:
    """The French edition shows roles as the sources state them."""
    w = words(lang)
    return [
        ActorView(text.clean(a.name if lang == "fr" else a.name_en or a.name), w.get(a.kind, text.clean(a.kind)),
                  _role(a, cite.marks, lang), text.clean(a.role),
                  text.clean("; ".join(_variants(a, lang))), a.mentions,
                  [cite.link(sid) for sid in sorted(set(a.sources), key=cite.order)])
        for a in actors
    ]


def _variants(actor: Actor, lang: str) -> list[str]:
    """Other spellings a reader can meet: a person's; an organisation's only when it keeps its French
    name (under its English name, « Confédération AES » and the like are for the JSON)."""
    translated = lang == "en" and actor.name_en and actor.name_en != actor.name
    return [] if actor.kind != "person" and translated else actor.variants


def _discrepancies(discrepancies: list[Discrepancy], cite: _Citer, lang: str = "en") -> list[DiscrepancyView]:
    return [
        DiscrepancyView(text.clean(d.topic), [
            VersionView(text.clean((v.value if lang == "fr" else v.value_en) or v.value), cite.views(v.citations)) for v in d.versions
        ])
        for d in discrepancies
    ]


class _Citer:
    """Turns citations into views, asking the renderer for a reference in reading order."""

    def __init__(self, sources: dict[str, SourceView], marks: Marks, short: bool = False, para: str = "para."):
        self.sources = sources
        self.marks = marks
        self.short = short  # short footnotes: no title, the clause that carries the fact
        self.para = para

    def order(self, source_id: str) -> int:
        source = self.sources.get(source_id)
        return source.n if source else len(self.sources) + 1

    def link(self, source_id: str) -> SourceLink:
        source = self.sources.get(source_id)
        if source is None:
            return SourceLink("", text.clean(source_id))
        return SourceLink(source.anchor, source.label, self.marks.link(source.label, anchor=source.anchor))

    def links(self, citations: list[Citation]) -> list[SourceLink]:
        ids = sorted({c.source for c in citations}, key=self.order)
        return [self.link(sid) for sid in ids]

    def views(self, citations: list[Citation], with_refs: bool = True, about: tuple[str, ...] = ()) -> list[CitationView]:
        """`about`: surnames of whom the citing record is about (see clause.short_quote)."""
        views = []
        for c in citations:
            source = self.sources.get(c.source)
            view = CitationView(
                anchor=source.anchor if source else "",
                label=source.label if source else text.clean(c.source),
                outlet=source.outlet if source else text.clean(c.source),
                title=source.title if source and not self.short else "",
                date=source.date if source else "undated",
                paragraph=c.paragraph,
                quote=text.clean(short_quote(stated_text(c.quote), about=about) if self.short else c.quote),
                para=self.para,
            )
            if with_refs:
                view = replace(view, ref=self.marks.footnote(view),
                               link=self.marks.link(view.label, anchor=view.anchor) if view.anchor else view.label)
            views.append(view)
        return views


def _role(actor: Actor, marks: Marks, lang: str) -> Any:
    """The role as the edition shows it; translated English is anchored for an analyst's correction."""
    if lang == "fr" or not actor.role:
        return text.clean(actor.role)
    return _anchored(marks, anchors.ROLE, actor.role, actor.role_en)


def _anchored(marks: Marks, kind: str, fr: str, en: str | None) -> Any:
    """English an analyst may correct, anchored to its French; untranslated French is shown, not anchored."""
    return marks.anchor(kind, fr, text.clean(en)) if en else text.clean(fr)


def _point(point: Point, n: int, cite: _Citer, lang: str, home: Section | None = None, anchor: str = "") -> PointView:
    """A point; a key judgement whose point is developed in a section (`home`) links there instead of
    repeating its footnotes. The French edition shows the French (`en` is the edition's text). With an
    `anchor` kind the English is anchored (briefgen/anchors.py)."""
    count = point.corroboration
    section_title = text.clean(home.title_en if lang == "en" else home.title_fr) if home else ""
    return PointView(
        n=n,
        anchor=f"pt_{n}" if n else "",
        bookmark=cite.marks.bookmark(f"pt_{n}") if n and not home else "",  # only a section's point is a target
        en=text.clean(point.fr) if lang == "fr" else (
            _anchored(cite.marks, anchor, point.fr, point.en) if anchor else text.clean(point.en or point.fr)),
        fr=text.clean(point.fr),
        translated=bool(point.en) or lang == "fr",
        reported=words(lang)["reported_by"].format(n=count) if count > 1 else "",
        citations=[] if home else cite.views(point.citations),
        section_title=section_title,
        section_anchor=f"pt_{n}" if home else "",
        section_link=cite.marks.link(section_title, anchor=f"pt_{n}") if home else "",
    )


# Words of an article's opening shown, quoted, for an article that states no title.
OPENING_WORDS = 12


def _sources(sources: list[Source], marks: Marks, lang: str = "en") -> list[SourceView]:
    """The Sources list: an article without an outlet says so in words (its file name is shown small,
    never as its label); one without a title is shown by its opening words, quoted."""
    w = words(lang)

    def order(s: Source) -> tuple:
        return (s.date or dt.date.max, s.outlet or "", s.title or "", s.id)

    views = []
    for n, s in enumerate(sorted(sources, key=order), start=1):
        url = text.clean(s.url)
        title = "" if _derived_title(s) else text.clean(s.title)
        opening = " ".join(s.text.split()[:OPENING_WORDS]) + "…" if not title else ""
        views.append(SourceView(
            n=n, id=s.id, anchor=f"src_{n}", bookmark=marks.bookmark(f"src_{n}"),
            label=f"{text.clean(s.outlet) or w['source']} [{n}]",
            outlet=text.clean(s.outlet) or w["no_outlet"], title=title,
            date=text.source_date(s.date, s.date_precision, lang), author=text.clean(s.author),
            url=url, web_link=marks.link(url, url=url) if url else "",
            file=text.clean(s.path.name), known_outlet=bool(s.outlet), opening=text.clean(opening),
        ))
    return views


def _derived_title(source: Source) -> bool:
    """Whether the title is ingest's stand-in for a missing one (the opening words with "…")."""
    title = (source.title or "").strip()
    return not title or (title.endswith("…") and " ".join(source.text.split()).startswith(title[:-1].strip()))


def _sources_summary(sources: list[SourceView], lang: str = "en") -> str:
    outlets = len({s.outlet for s in sources if s.known_outlet})
    if lang == "fr":
        articles = text.plural(len(sources), "article", "articles") + " en français"
        return f"{articles} de {text.plural(outlets, 'média', 'médias')}" if outlets else articles
    articles = text.plural(len(sources), "French-language article")
    return f"{articles} from {text.plural(outlets, 'outlet')}" if outlets else articles


def _period(brief: Brief, lang: str = "en") -> PeriodView:
    """A weekly brief is its ISO week; a built one is what it covers: when the sources were published
    and when the period's events happened (Brief.coverage), e.g. a September rewrite of July news."""
    if not brief.period:
        return PeriodView("", "Period not set", "", "")
    p = brief.period
    w = words(lang)
    published, events = brief.coverage.published, brief.coverage.events
    parts = [w["published"].format(sources=text.short_span(*published, lang))] if published else []
    parts += [w["events"].format(events=text.short_span(*events, lang))] if events else []
    line = " · ".join(parts)
    dates = text.date_span(p.start, p.end, lang)
    return PeriodView(p.week, dates if brief.weekly or not line else line, p.start.isoformat(), p.end.isoformat(),
                      line, dates)


def _engine(brief: Brief, lang: str = "en") -> EngineView:
    e = brief.engine
    if lang == "fr":
        return EngineView("", "", "", words(lang)["untranslated_engine"], UNTRANSLATED)
    if not e:
        return EngineView("", "", "", "Translation engine not recorded", UNKNOWN_ENGINE)
    spec = ENGINES.get(e.name)
    name = spec.title if spec else text.clean(e.name)
    model = f" ({text.clean(e.model)})" if e.model else ""
    label = f"{name} {text.clean(e.version)}{model}".replace("  ", " ")
    limits, notice = (spec.limits, spec.notice) if spec else (UNKNOWN_ENGINE, "")
    if e.lexicon_entries:
        left = len(brief.untranslated)
        limits += (f" briefgen's domain lexicon ({e.lexicon_entries} entries) corrects the pivot's known errors "
                   f"(ranks, institutions, demonyms, word senses) and rules fix its grammar (possessives, tenses, "
                   f"prepositions); {text.plural(left, 'French word')} "
                   f"{'was' if left == 1 else 'were'} left untranslated (a word neither Apertium stage knows is "
                   f"shown in French, in italics).")
    return EngineView(text.clean(e.name), text.clean(e.version), text.clean(e.model), label, limits, notice)
