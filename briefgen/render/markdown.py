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
        _title(view), _new_this_week(view), _key_judgements(view), _assessment(view.w), *(_section(s, view.w) for s in view.sections),
        _timeline(view), _actors(view), _discrepancies(view), _analyst_notes(view.w), _sources(view), _methodology(view),
        *([_annex(view)] if view.show_annex else []),
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
    w = view.w
    lines = [f"> **{md(view.marking)}**", ""] if view.marking else []
    return lines + [
        f"# {md(view.title)}",
        "",
        f"- **{w['coverage']}:** {md(view.period.coverage)}",
        f"- **{w['period']}:** {w['iso_week']} {md(view.period.week)} ({md(view.period.dates)})",
        f"- **{w['sources']}:** {md(view.sources_summary)}",
        f"- **{w['generated']}:** {md(view.generated)}",
        f"- **{w['translation']}:** {md(view.engine.label)}" + (f". {md(view.engine.notice)}" if view.engine.notice else ""),
        "",
        f"_{md(view.w['intro'] if view.show_annex else view.w['intro_no_annex'])}_",
    ]


def _notes(point: PointView) -> str:
    """ _(reported by 3 sources)_, and a warning when the English is missing."""
    notes = [point.reported] if point.reported else []
    if not point.translated:
        notes.append("(French original: not translated)")  # an English edition only: French points are French
    return "".join(f" _{md(n)}_" for n in notes)


def _new_this_week(view: BriefView) -> list[str]:
    if not view.compared:
        return []
    w = view.w
    lines = [f"## {w['new_this_week']}", ""]
    if not view.previous_week:
        return lines + [f"_{w['first_brief']}_"]
    intro = w["compared"].format(week=md(view.previous_week), new=len(view.new_points), total=len(view.annex))
    return lines + [intro, ""] + [f"- {md(p.en)} — {w['see']} [{md(p.section_title)}](#{p.section_anchor})"
                                  for p in view.new_points]


def _key_judgements(view: BriefView) -> list[str]:
    """Key developments (event records in English), or the top points when no record was extracted."""
    w = view.w
    lines = [f"## {w['key_developments']}", ""]
    if view.developments:
        return lines + [f"{n}. {md(d.en)}{_refs(d.citations)}" for n, d in enumerate(view.developments, start=1)]
    if not view.key_judgements:
        return lines + [f"_{w['no_key_developments']}_"]
    if view.developments_note:
        lines += [f"_{md(view.developments_note)}_", ""]
    for n, kj in enumerate(view.key_judgements, start=1):
        where = f" — {w['see']} [{md(kj.section_title)}](#{kj.section_anchor})" if kj.section_anchor else _refs(kj.citations)
        lines.append(f"{n}. {md(kj.en)}{_notes(kj)}{where}")
    return lines


def _section(section: SectionView, w: dict[str, str]) -> list[str]:
    lines = [f"## {md(section.title)}", ""]
    if not section.points:
        return lines + [f"_{w['no_material']}_"]
    return lines + [
        f'- <a id="{p.anchor}"></a>{md(p.en)}{_notes(p)}{_refs(p.citations)}' for p in section.points
    ]


def _timeline(view: BriefView) -> list[str]:
    w = view.w
    lines = [f"## {w['timeline']}", ""]
    if not view.timeline:
        return lines + [f"_{w['no_events']}_"]
    rows = [[md(e.date), md(e.label) + (f" _({w['background']})_" if e.background else ""),
             "; ".join(_link(s) for s in e.sources)] for e in view.timeline]
    return lines + _table([w["date"], w["event"], w["sources"]], rows)


def _actors(view: BriefView) -> list[str]:
    w = view.w
    lines = [f"## {w['key_actors']}", ""]
    if not view.actors:
        return lines + [f"_{w['no_actors']}_"]
    rows = [
        [f"**{md(a.name)}**" + (f" ({w['also']} {md(a.variants)})" if a.variants else ""), md(a.kind), md(a.role),
         str(a.mentions), "; ".join(_link(s) for s in a.sources)]
        for a in view.actors
    ]
    headings = [w["name"], w["type"], w["role"], w["mentions"], w["sources"]]
    return lines + _table(headings, rows) + _note(view.actors_note)


def _discrepancies(view: BriefView) -> list[str]:
    w = view.w
    lines = [f"## {w['discrepancies']}", ""]
    if not view.discrepancies:
        return lines + [f"_{w['no_discrepancies']}_"]
    rows = [
        [md(d.topic) if i == 0 else "", md(v.value),
         "; ".join(f"{_link(SourceLink(c.anchor, c.label))}{c.ref}" for c in v.citations)]
        for d in view.discrepancies for i, v in enumerate(d.versions)
    ]
    headings = [w["topic"], w["version"], w["reported_by_heading"]]
    return lines + [w["discrepancies_intro"], ""] + _table(headings, rows) + _note(view.discrepancies_note)


def _note(note: str) -> list[str]:
    return ["", f"_{md(note)}_"] if note else []


def _assessment(w: dict[str, str]) -> list[str]:
    return [f"## {w['assessment']}", "", f"_{w['assessment_placeholder']}_"]


def _analyst_notes(w: dict[str, str]) -> list[str]:
    return [f"## {w['analyst_notes']}", "", f"_{w['notes_placeholder']}_"]


def _sources(view: BriefView) -> list[str]:
    w = view.w
    lines = [f"## {w['sources']}", ""]
    for s in view.sources:
        author = f", {md(s.author)}" if s.author else ""
        url = f" <{s.url}>" if SAFE_URL.match(s.url) else (f" {md(s.url)}" if s.url else "")
        title = f"_{md(s.title)}_" if s.title else f"{w['no_title']} « {md(s.opening)} »"
        file = f" <sub>({w['file']} {md(s.file)})</sub>" if not s.known_outlet else ""
        lines.append(f'{s.n}. <a id="{s.anchor}"></a>**{md(s.outlet)}** — {title}, {md(s.date)}{author}.{url}{file}')
    return lines


def _annex(view: BriefView) -> list[str]:
    w = view.w
    lines = [f"## {w['annex']}", ""]
    if not view.annex:
        return lines + [f"_{w['no_points']}_"]
    rows = [[str(r.n), md(r.fr), md(r.en)] for r in view.annex]
    return lines + _table(["#", w["french"], w["english"]], rows)


def _methodology(view: BriefView) -> list[str]:
    w = view.w
    lines = [
        f"## {w['methodology']}", "",
        f"**{w['translation']}.** {md(view.engine.label)}. {md(view.engine.limits)}", "",
        f"**{w['selection']}.** {w['selection_text']}", "",
        w["built_by"].format(version=md(view.briefgen_version), when=md(view.generated)),
    ]
    if view.memory_note:
        lines[4:4] = [md(view.memory_note), ""]  # after the translation paragraph
    if view.warnings:
        lines += ["", f"### {w['input_warnings']}", ""] + [f"- **{md(w.source)}**: {md(w.message)}" for w in view.warnings]
    return lines


def _footnote(n: int, c: CitationView) -> str:
    title = f", _{md(c.title)}_" if c.title else ""
    return f"[^{n}]: {md(c.outlet)}{title}, {md(c.date)}, {c.para} {c.paragraph}: « {md(c.quote)} »"
