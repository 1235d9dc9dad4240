"""The brief as Markdown: same content and order as the DOCX, citations as `[^n]` footnotes.

Source text is escaped so it stays text: `*`, `_`, `[`, `<`, `|`, `#`… in an article never become
formatting, links, HTML or table cells.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.config import Config
from briefgen.errors import OutputError
from briefgen.model import Brief
from briefgen.render.context import (
    BriefView, CitationView, NoMarks, PointView, SectionView, SourceLink, build_view,
)

# Punctuation that can start Markdown syntax inside a line (data never starts a line, so list and
# heading markers at line start cannot occur); each is backslash-escaped in source text.
SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
WHITESPACE = re.compile(r"\s+")
SAFE_URL = re.compile(r"^[a-z][a-z0-9+.-]*://[^\s<>]+$", re.IGNORECASE)


def render_markdown(brief: Brief, config: Config, out: Path) -> None:
    """Write the Markdown mirror of the brief to `out`."""
    marks = _FootnoteNumbers()
    view = build_view(brief, config, marks)
    notes = marks.notes
    blocks = [
        _title(view), _new_this_week(view), _key_judgements(view), _assessment(), *(_section(s) for s in view.sections), _timeline(view),
        _actors(view), _discrepancies(view), _analyst_notes(), _sources(view), _annex(view), _methodology(view),
        [_footnote(n, c) for n, c in enumerate(notes, start=1)],
    ]
    document = "\n\n".join("\n".join(block) for block in blocks if block) + "\n"
    try:
        out.write_text(document, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"Cannot write {out} ({exc.strerror or exc}).") from exc


class _FootnoteNumbers(NoMarks):
    """`[^n]` in the order the view asks (reading order); links and anchors come from the view's fields."""

    def __init__(self) -> None:
        self.notes: list[CitationView] = []

    def footnote(self, citation: CitationView) -> str:
        self.notes.append(citation)
        return f"[^{len(self.notes)}]"


def md(value: str) -> str:
    """Source text as literal Markdown on one line."""
    return SPECIAL.sub(r"\\\1", WHITESPACE.sub(" ", value).strip())


def _link(link: SourceLink) -> str:
    return f"[{md(link.label)}](#{link.anchor})" if link.anchor else md(link.label)


def _refs(citations: list[CitationView]) -> str:
    return "".join(c.ref for c in citations)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(headings: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(*headings), _row(*("---" for _ in headings)), *(_row(*r) for r in rows)]


def _title(view: BriefView) -> list[str]:
    lines = [f"> **{md(view.marking)}**", ""] if view.marking else []
    return lines + [
        f"# {md(view.title)}",
        "",
        f"- **Period:** {md(view.period.label)} (ISO week {md(view.period.week)})",
        f"- **Sources:** {md(view.sources_summary)}",
        f"- **Generated:** {md(view.generated)}",
        f"- **Translation:** {md(view.engine.label)}" + (f". {md(view.engine.notice)}" if view.engine.notice else ""),
        "",
        "_English text is machine-translated from French; each footnote quotes the original sentence, and the "
        "Annex sets every point beside its French source._",
    ]


def _notes(point: PointView) -> str:
    """ _(reported by 3 sources)_, and a warning when the English is missing."""
    notes = [point.reported] if point.reported else []
    if not point.translated:
        notes.append("(French original: not translated)")
    return "".join(f" _{md(n)}_" for n in notes)


def _new_this_week(view: BriefView) -> list[str]:
    if not view.compared:
        return []
    lines = ["## New this week", ""]
    if not view.previous_week:
        return lines + ["_This is the first brief: there is no previous one to compare with._"]
    intro = f"Compared with the brief for {md(view.previous_week)}: {len(view.new_points)} of {len(view.annex)} points are new."
    return lines + [intro, ""] + [f"- {md(p.en)} — see [{md(p.section_title)}](#{p.section_anchor})" for p in view.new_points]


def _key_judgements(view: BriefView) -> list[str]:
    lines = ["## Key judgements", ""]
    if not view.key_judgements:
        return lines + ["_No key judgements this week._"]
    for n, kj in enumerate(view.key_judgements, start=1):
        where = f" — see [{md(kj.section_title)}](#{kj.section_anchor})" if kj.section_anchor else _refs(kj.citations)
        lines.append(f"{n}. {md(kj.en)}{_notes(kj)}{where}")
    return lines


def _section(section: SectionView) -> list[str]:
    lines = [f"## {md(section.title)}", ""]
    if not section.points:
        return lines + ["_No material this week._"]
    return lines + [
        f'- <a id="{p.anchor}"></a>{md(p.en)}{_notes(p)}{_refs(p.citations)}' for p in section.points
    ]


def _timeline(view: BriefView) -> list[str]:
    lines = ["## Timeline", ""]
    if not view.timeline:
        return lines + ["_No dated events were found in the sources._"]
    rows = [[md(e.date), md(e.en), "; ".join(_link(s) for s in e.sources)] for e in view.timeline]
    return lines + _table(["Date", "Event", "Sources"], rows)


def _actors(view: BriefView) -> list[str]:
    lines = ["## Key actors", ""]
    if not view.actors:
        return lines + ["_No people or organisations were identified._"]
    rows = [
        [f"**{md(a.name)}**" + (f" (also {md(a.variants)})" if a.variants else ""), md(a.kind), md(a.role),
         str(a.mentions), "; ".join(_link(s) for s in a.sources)]
        for a in view.actors
    ]
    return lines + _table(["Name", "Type", "Role (as reported)", "Mentions", "Sources"], rows) + _note(view.actors_note)


def _discrepancies(view: BriefView) -> list[str]:
    lines = ["## Discrepancies", ""]
    if not view.discrepancies:
        return lines + ["_No discrepancies were found between sources._"]
    rows = [
        [md(d.topic) if i == 0 else "", md(v.value),
         "; ".join(f"{_link(SourceLink(c.anchor, c.label))}{c.ref}" for c in v.citations)]
        for d in view.discrepancies for i, v in enumerate(d.versions)
    ]
    intro = "Where sources disagree on dates or figures for the same event, the versions are set side by side."
    return lines + [intro, ""] + _table(["Topic", "Version", "Reported by"], rows) + _note(view.discrepancies_note)


def _note(note: str) -> list[str]:
    return ["", f"_{md(note)}_"] if note else []


def _assessment() -> list[str]:
    return ["## Assessment", "", "_Write your assessment in the Word brief: briefgen keeps it in every rebuild of the week._"]


def _analyst_notes() -> list[str]:
    return ["## Analyst notes", "", "_Space for your notes: briefgen merges notes/standing.docx and notes/<week>.docx into the Word brief._"]


def _sources(view: BriefView) -> list[str]:
    lines = ["## Sources", ""]
    for s in view.sources:
        author = f", {md(s.author)}" if s.author else ""
        url = f" <{s.url}>" if SAFE_URL.match(s.url) else (f" {md(s.url)}" if s.url else "")
        lines.append(f'{s.n}. <a id="{s.anchor}"></a>**{md(s.outlet)}** — _{md(s.title)}_, {md(s.date)}{author}.{url}')
    return lines


def _annex(view: BriefView) -> list[str]:
    lines = ["## Annex: French original and English translation", ""]
    if not view.annex:
        return lines + ["_The brief has no points._"]
    rows = [[md(r.section), md(r.fr), md(r.en)] for r in view.annex]
    return lines + _table(["Section", "French (source)", "English (machine translation)"], rows)


def _methodology(view: BriefView) -> list[str]:
    lines = [
        "## Methodology", "",
        f"**Translation.** {md(view.engine.label)}. {md(view.engine.limits)}", "",
        "**Selection and citation.** Each point is a verbatim French sentence from a cited article, chosen for how "
        "central and how corroborated it is; the same fact reported by several outlets is merged into one point. "
        "Every point carries one footnote per citation giving the outlet, title, date, paragraph number and the "
        "French quote.", "",
        f"Generated by briefgen {md(view.briefgen_version)} on {md(view.generated)}.",
    ]
    if view.memory_note:
        lines[3:3] = [md(view.memory_note), ""]
    if view.warnings:
        lines += ["", "### Input warnings", ""] + [f"- **{md(w.source)}**: {md(w.message)}" for w in view.warnings]
    return lines


def _footnote(n: int, c: CitationView) -> str:
    title = f", _{md(c.title)}_" if c.title else ""
    return f"[^{n}]: {md(c.outlet)}{title}, {md(c.date)}, para. {c.paragraph}: « {md(c.quote)} »"
