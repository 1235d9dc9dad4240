"""The Markdown mirror: same sections, `[^n]` footnotes, and source text that stays text when rendered."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from markdown_it import MarkdownIt

from briefgen.model import Event
from briefgen.render import render_markdown
from briefgen.render.context import DEVELOPMENT_NOTES
from briefgen.render.text import clean

from .conftest import footnoted_citations
from .test_docx import HOSTILE, ORDER, one_point_brief

REFERENCE = re.compile(r"\[\^(\d+)\](?!:)")
DEFINITION = re.compile(r"^\[\^(\d+)\]: (.*)$", re.MULTILINE)


def to_html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_headings_mirror_the_docx(rendered):
    _, _, path = rendered
    text = path.read_text(encoding="utf-8")
    assert re.findall(r"^## (.*)$", text, re.MULTILINE) == ORDER
    assert text.count("_No material this week._") == 1


def test_one_footnote_per_citation_each_defined_once(rendered):
    brief, _, path = rendered
    text = path.read_text(encoding="utf-8")
    expected = footnoted_citations(brief)
    references = [int(n) for n in REFERENCE.findall(text)]
    definitions = DEFINITION.findall(text)
    assert references == list(range(1, len(expected) + 1))
    assert [int(n) for n, _ in definitions] == references
    for (_, note), citation in zip(definitions, expected):
        assert f"para. {citation.paragraph}:" in note
        assert html.unescape(to_html(note)).count(citation.quote) == 1


def test_points_and_annex_rows_are_all_there(rendered):
    brief, _, path = rendered
    page = html.unescape(to_html(path.read_text(encoding="utf-8")))
    for point in brief.points():
        assert page.count(point.en) >= 2  # in its section and in the annex (and maybe a key judgement)
        assert point.fr in page
    annex = page[page.index("Annex: French original"):]
    assert annex.count("<tr>") == len(brief.points()) + 1


def test_hostile_text_stays_text(config, tmp_path):
    text = " | ".join(HOSTILE)
    path = tmp_path / "hostile.md"
    render_markdown(one_point_brief(text, fr=text, quote=text), config, path)
    page = to_html(path.read_text(encoding="utf-8"))
    assert "<w:p>" not in page and "<b>" not in page
    flat = " ".join(clean(text).split())
    assert flat in html.unescape(re.sub(r"<[^>]+>", "", page))


def test_a_weekly_brief_opens_with_what_is_new(brief, config, tmp_path):
    brief.previous_week = "2025-W37"
    brief.new_this_week = ["p-drone"]
    path = tmp_path / "weekly.md"
    render_markdown(brief, config, path)
    text = path.read_text(encoding="utf-8")
    assert re.findall(r"^## (.*)$", text, re.MULTILINE) == ["New this week", *ORDER]
    assert "Compared with the brief for 2025-W37: 1 of 7 points are new." in text
    assert f"- {brief.sections[1].points[1].en} — see [Security](#pt_5)" in text


def test_long_tables_say_how_many_they_list(tmp_path, brief, config):
    render_markdown(brief, replace(config, max_actors=1, max_discrepancies=1), tmp_path / "brief.md")
    text = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert "_The 1 most-mentioned of 4 actors are listed; the JSON sidecar lists them all._" in text
    assert "most widely reported" not in text  # one discrepancy: all listed, no note


def test_actors_show_their_other_spellings_and_mentions(rendered):
    brief, _, path = rendered
    text = path.read_text(encoding="utf-8")
    atallah = brief.actors[0]
    row = next(line for line in text.splitlines() if line.startswith("| **Rudolph Atallah**"))
    assert row.startswith("| **Rudolph Atallah** (also Rudy Atallah) |")
    assert f"| {atallah.mentions} |" in row


def test_key_developments_are_numbered_with_their_footnotes(brief, config, tmp_path):
    visit = brief.sections[0].points[0]
    brief.developments = [Event("E1", "visit", ["Rudolph Atallah"], [], "Bamako", None, None, "", visit.citations,
                                en="Rudolph Atallah visited Bamako on 8–11 July 2025 (2 sources).")]  # fmt: skip
    path = tmp_path / "developments.md"
    render_markdown(brief, config, path)
    text = path.read_text(encoding="utf-8")
    block = text.split("## Key developments\n\n", 1)[1].split("\n\n## ", 1)[0]
    assert block == "1. Rudolph Atallah visited Bamako on 8–11 July 2025 (2 sources)." + "".join(
        f"[^{n}]" for n in range(1, min(len(visit.citations), DEVELOPMENT_NOTES) + 1)
    )
