"""The rendered DOCX read back as a person sees it: python-docx and docx2python, not our own code."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from briefgen.config import SHIPPED_TEMPLATE, Config
from briefgen.errors import TemplateError
from briefgen.model import Brief, Citation, Event, Point, Section, as_shown
from briefgen.render import render_docx
from briefgen.render.context import DEVELOPMENT_NOTES
from briefgen.render.wording import words
from briefgen.render.text import clean

from .conftest import GENERATED_AT, MARKING, SECTIONS, footnoted_citations, make_source
from .helpers import RESAVED, W, all_parts_text, footnote_texts, headings, part_xml, section_paragraphs

ORDER = [
    "Key developments", "Assessment", "Diplomacy", "Security", "Economy", "Russia context", "Timeline", "Key actors",
    "Discrepancies", "Analyst notes", "Sources", "Methodology", "Annex: French original and English translation",
]
HOSTILE = [
    "a < b & c > d",
    "end of CDATA ]]> here",
    "control\x0bchars\x00and\x1fmore\x0c",
    "{{ 7*7 }}",
    "{% for x in y %}loop{% endfor %}",
    "{_{ docxtpl escapes }_} {_% too %_}",
    "{%p if x %} {{r y }} {%tr for z in w %}",
    '<w:p><w:r><w:t>injected</w:t></w:r></w:p> "quoted" \'single\'',
    "⟦deadbeefdeadbeef:0⟧ looks like a footnote marker",
    "x" * 5000,
    "tab\there, line\r\nbreak and CR\ronly",
]


def test_headings_follow_the_brief_order(rendered):
    _, path, _ = rendered
    assert headings(path) == ORDER
    assert headings(path, 2) == ["Translation", "Selection and citation", "Input warnings"]


def test_every_point_is_in_its_section_with_its_corroboration(rendered):
    brief, path, _ = rendered
    for section in brief.sections:
        paragraphs = section_paragraphs(path, section.title_en)
        if not section.points:
            assert [p.text for p in paragraphs] == ["No material this week."]
            continue
        assert len(paragraphs) == len(section.points)
        for point, paragraph in zip(section.points, paragraphs):
            assert paragraph.style.name == "List Bullet"
            assert paragraph.text.startswith(point.en)
            assert ("(reported by" in paragraph.text) == (point.corroboration > 1)
            if point.corroboration > 1:
                assert f"(reported by {point.corroboration} sources)" in paragraph.text


def test_key_developments_carry_a_footnote_per_report(brief, config, tmp_path):
    visit = brief.sections[0].points[0]
    brief.developments = [Event("E1", "visit", ["Rudolph Atallah"], [], "Bamako", None, None, "", visit.citations,
                                en="Rudolph Atallah visited Bamako on 8–11 July 2025 (2 sources).")]  # fmt: skip
    out = tmp_path / "developments.docx"
    render_docx(brief, config, out)
    [paragraph] = section_paragraphs(out, "Key developments")
    assert paragraph.style.name == "Key Judgement"
    assert paragraph.text.startswith("Rudolph Atallah visited Bamako on 8–11 July 2025 (2 sources).")
    assert len(paragraph._p.findall(f".//{W}footnoteReference")) == min(len(visit.citations), DEVELOPMENT_NOTES)


def test_without_records_the_top_points_stand_in_and_say_so(rendered):
    brief, path, _ = rendered
    note, *paragraphs = section_paragraphs(path, "Key developments")
    assert note.text == words("en")["no_records"]
    assert [p.style.name for p in paragraphs] == ["Key Judgement"] * len(brief.key_judgements)
    in_sections = {p.id for p in brief.points()}
    for kj, paragraph in zip(brief.key_judgements, paragraphs):
        assert paragraph.text.startswith(kj.en)
        refs = paragraph._p.findall(f".//{W}footnoteReference")
        if kj.id in in_sections:
            assert "— see Diplomacy" in paragraph.text and not refs
        else:
            assert len(refs) == len(kj.citations)


def test_one_footnote_per_citation_quoting_the_french(rendered):
    brief, path, _ = rendered
    expected = footnoted_citations(brief)
    notes = footnote_texts(path)
    assert len(notes) == len(expected) == 15
    for note, citation in zip(notes, expected):
        source = brief.source(citation.source)
        assert f"«\u00a0{citation.quote}\u00a0»" in note
        assert f"para. {citation.paragraph}:" in note
        assert (source.outlet or "Outlet not stated") in note and source.title in note


def test_footnote_references_resolve_in_reading_order(rendered):
    _, path, _ = rendered
    body = part_xml(path, "word/document.xml")
    notes = part_xml(path, "word/footnotes.xml")
    refs = [int(r.get(f"{W}id")) for r in body.iter(f"{W}footnoteReference")]
    ids = [int(n.get(f"{W}id")) for n in notes.iter(f"{W}footnote")]
    assert ids[:2] == [-1, 0]  # Word's separator and continuation separator
    assert refs == ids[2:] == list(range(1, len(refs) + 1))
    for ref in body.iter(f"{W}footnoteReference"):
        assert ref.getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
    assert "⟦" not in all_parts_text(path)


def test_annex_has_one_row_per_point_french_beside_english(rendered):
    brief, path, _ = rendered
    document = docx.Document(str(path))
    annex = next(t for t in document.tables if t.rows[0].cells[1].text == "French (source)")
    rows = annex.rows[1:]
    assert len(rows) == len(brief.points())
    for row, point in zip(rows, brief.points()):
        assert [c.text for c in row.cells[1:]] == [point.fr, point.en]
    assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, len(rows) + 1)]  # the points' numbers


def test_tables_are_well_formed(rendered):
    brief, path, _ = rendered
    document = docx.Document(str(path))
    by_heading = {t.rows[0].cells[0].text: t for t in document.tables}
    assert set(by_heading) == {"Period", "Date", "Name", "Topic", "#"}
    for table in document.tables:
        width = len(table.columns)
        assert all(len(row.cells) == width for row in table.rows)
        assert all(any(cell.text.strip() for cell in row.cells) for row in table.rows)  # no leftover tag rows
        assert not any("{%" in cell.text or "{{" in cell.text for row in table.rows for cell in row.cells)
    assert len(by_heading["Date"].rows) == len(brief.timeline) + 1
    assert len(by_heading["Name"].rows) == len(brief.actors) + 1
    assert len(by_heading["Topic"].rows) == 1 + sum(len(d.versions) for d in brief.discrepancies)
    names = [a.name + (f" (also {'; '.join(a.variants)})" if a.variants else "") for a in brief.actors]
    assert [r.cells[0].text for r in by_heading["Name"].rows[1:]] == names
    assert [r.cells[3].text for r in by_heading["Name"].rows[1:]] == [str(a.mentions) for a in brief.actors]


def test_a_long_actor_table_says_how_many_it_lists(tmp_path, brief):
    config = Config(sections=SECTIONS, max_actors=2)
    path = tmp_path / "brief.docx"
    render_docx(brief, config, path)
    names = [t for t in docx.Document(str(path)).tables if t.rows[0].cells[0].text == "Name"][0]
    assert [r.cells[0].text for r in names.rows[1:]] == [
        "Rudolph Atallah (also Rudy Atallah)", "William B. Stevens (also William Stevens)"
    ]
    assert [p.text for p in section_paragraphs(path, "Key actors")] == [
        "The 2 most-mentioned of 4 actors are listed; the JSON sidecar lists them all."
    ]


def test_links_land_on_bookmarks_and_urls_are_external(rendered):
    brief, path, _ = rendered
    body, notes = part_xml(path, "word/document.xml"), part_xml(path, "word/footnotes.xml")
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for root in (body, notes) for h in root.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    assert anchors and set(anchors) <= bookmarks
    assert {f"src_{n}" for n in range(1, len(brief.sources) + 1)} <= bookmarks
    document = docx.Document(str(path))
    external = sorted(r.target_ref for r in document.part.rels.values() if r.is_external)
    assert external == sorted(s.url for s in brief.sources if s.url)


def test_title_block_header_footer_and_figure(rendered):
    brief, path, _ = rendered
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == ["Press Brief"]
    meta = document.tables[0]
    assert meta.cell(0, 1).text == "ISO week 2025-W38 (15–21 September 2025)"
    assert meta.cell(1, 1).text == "5 French-language articles from 4 outlets"
    assert meta.cell(2, 1).text == "20 September 2025, 06:00 UTC"
    assert meta.cell(3, 1).text == ("Apertium 3.9.4 (fra-cat + cat-eng). Gist-quality machine translation from the "
                                    "offline fallback engine. For fluent English, install the neural model with "
                                    "`briefgen models install` and rebuild.")
    section = document.sections[0]
    assert section.header.paragraphs[0].text == MARKING
    footer = part_xml(path, "word/footer1.xml")
    assert [i.text.strip() for i in footer.iter(f"{W}instrText")] == ["PAGE", "NUMPAGES"]
    assert len(document.inline_shapes) == 1
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ["Figure 1. The period's events reported in the sources (5)."]
    methodology = " ".join(p.text for p in section_paragraphs(path, "Methodology"))
    assert "Apertium rule-based translation (French→Catalan→English pivot): gist quality" in methodology
    assert "/data/broken.html: no article text found (only scripts)" in methodology


def test_same_brief_gives_the_same_bytes(brief, config, tmp_path):
    render_docx(brief, config, tmp_path / "a.docx")
    render_docx(brief, config, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as zf:
        assert {i.date_time for i in zf.infolist()} == {(2025, 9, 20, 6, 0, 0)}


def one_point_brief(en: str, fr: str = "Texte.", quote: str | None = None) -> Brief:
    source = make_source("rfi")
    citation = Citation(source.id, 1, quote if quote is not None else fr)
    point = Point("p1", fr, [citation], "diplomacy", 1.0, en)
    return Brief(sources=[source], sections=[Section("diplomacy", "Diplomacy", "Diplomatie", [point])],
                 generated_at=GENERATED_AT)


def test_hostile_text_comes_out_verbatim(config, tmp_path):
    text = " | ".join(HOSTILE)
    brief = one_point_brief(text, fr=text, quote=text)
    brief.sources[0].title = HOSTILE[3] + HOSTILE[0]
    path = tmp_path / "hostile.docx"
    render_docx(brief, replace(config, marking="{{ marking }} <b>&"), path)
    expected = clean(text)
    assert "\x0b" not in expected and "{{ 7*7 }}" in expected and "x" * 5000 in expected
    document = docx.Document(str(path))
    (point,) = section_paragraphs(path, "Diplomacy")
    assert point.text == expected
    assert document.tables[-1].rows[1].cells[1].text == expected  # annex, French
    (note,) = footnote_texts(path)
    assert "{{ 7*7 }}" in note and "<w:p>" in note and "]]>" in note
    assert document.sections[0].header.paragraphs[0].text == "{{ marking }} <b>&"
    assert "49" not in point.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_any_text_is_recoverable_from_the_docx(config, tmp_path, value):
    path = tmp_path / "any.docx"
    render_docx(one_point_brief(value, fr=value, quote=value), config, path)
    (point,) = section_paragraphs(path, "Diplomacy") or [None]
    expected = clean(value)
    assert f"«\u00a0{expected}\u00a0»" in footnote_xml_text(path, 1)
    if not expected.strip():
        assert point is None  # an empty point paragraph has no visible text
        return
    shown = as_shown(expected)  # a `*word*` is an untranslated word: shown in italics, without asterisks
    assert point.text == shown
    annex = docx.Document(str(path)).tables[-1].rows[1].cells
    assert annex[1].text == shown and annex[2].text == shown


def test_an_untranslated_french_word_is_in_italics_without_its_asterisks(config, tmp_path):
    path = tmp_path / "italics.docx"
    render_docx(one_point_brief("The countries want to *mutualiser* the means."), config, path)
    (point,) = section_paragraphs(path, "Diplomacy")
    assert point.text == "The countries want to mutualiser the means."
    italic = [run.text for run in point.runs if run.italic and run.text]
    assert italic == ["mutualiser"], [(run.text, run.italic) for run in point.runs]


def test_the_french_edition_keeps_the_text_as_it_is(config, tmp_path):
    path = tmp_path / "fr.docx"
    render_docx(one_point_brief("", fr="Un *mot* en relief."), replace(config, languages=("fr",)), path)
    assert "*mot*" in all_parts_text(path)


def footnote_xml_text(path: Path, footnote_id: int) -> str:
    """Text of one footnote read straight from the XML (tabs and line breaks included)."""
    notes = part_xml(path, "word/footnotes.xml")
    note = next(n for n in notes.iter(f"{W}footnote") if n.get(f"{W}id") == str(footnote_id))
    pieces = {f"{W}t": lambda e: e.text or "", f"{W}tab": lambda e: "\t", f"{W}br": lambda e: "\n"}
    return "".join(pieces[e.tag](e) for e in note.iter(*pieces))


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "user.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(("tag", "named"), [
    ("{{ no_such_variable }}", "no_such_variable"),
    ("{% for s in sections %}unclosed", "endfor"),
    ("{{ sections.__class__.__mro__ }}", "__class__"),
])
def test_template_errors_name_the_template_and_the_tag(brief, config, tmp_path, tag, named):
    template = _template(tmp_path, "Brief", tag)
    with pytest.raises(TemplateError) as caught:
        render_docx(brief, replace(config, template=template), tmp_path / "out.docx")
    assert str(template) in str(caught.value) and named in str(caught.value)
    assert not (tmp_path / "out.docx").exists()


def test_missing_or_broken_template_is_a_template_error(brief, config, tmp_path):
    with pytest.raises(TemplateError, match="not found"):
        render_docx(brief, replace(config, template=tmp_path / "nope.docx"), tmp_path / "out.docx")
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    with pytest.raises(TemplateError, match="not a Word .docx file"):
        render_docx(brief, replace(config, template=broken), tmp_path / "out.docx")


def test_a_plain_user_template_renders(brief, config, tmp_path):
    template = _template(
        tmp_path, "{{ title }} — {{ period.label }}",
        "{% for s in sections %}{{ s.title }}: {{ s.points|length }} points. {% endfor %}",
    )
    out = tmp_path / "out.docx"
    render_docx(brief, replace(config, template=template), out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts == ["Press Brief 2025-W38 — Sources published 11 Jul – 16 Sep 2025 · events reported 8–22 Jul 2025",
                     "Diplomacy: 3 points. Security: 3 points. Economy: 1 points. Russia context: 0 points. "]


def test_sections_come_from_the_brief_not_the_config(brief, tmp_path):
    brief.sections = brief.sections[:2]
    out = tmp_path / "two.docx"
    render_docx(brief, Config(sections=SECTIONS), out)
    assert headings(out)[:4] == ["Key developments", "Assessment", "Diplomacy", "Security"]
    assert headings(out)[4] == "Timeline"


def test_an_untranslated_point_shows_its_french_and_says_so(brief, config, tmp_path):
    point = brief.sections[2].points[0]
    point.en = ""
    out = tmp_path / "out.docx"
    render_docx(brief, config, out)
    (paragraph,) = section_paragraphs(out, "Economy")
    assert paragraph.text == f"{point.fr} (French original: not translated)"


def test_shipped_template_keeps_tags_out_of_attributes():
    """Word validates attributes (ids, relationship ids) when it opens a file: tags live in text only."""
    with zipfile.ZipFile(SHIPPED_TEMPLATE) as zf:
        for name in zf.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(zf.read(name))
                values = [v for e in root.iter() for v in e.attrib.values()]
                assert not [v for v in values if "{{" in v or "{%" in v], name


def test_a_template_resaved_by_libreoffice_still_renders(brief, config, tmp_path):
    """tests/data/render/brief-resaved-by-libreoffice.docx: the shipped template opened and saved as
    .docx by LibreOffice 7.4 (soffice --convert-to docx), as a user restyling it would. It predates
    the Key developments box: a user's older template keeps working, with its Key judgements."""
    out = tmp_path / "out.docx"
    render_docx(brief, replace(config, template=RESAVED), out)
    assert headings(out) == ORDER
    assert len(footnote_texts(out)) == len(footnoted_citations(brief))
    body = part_xml(out, "word/document.xml")
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert {h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")} <= bookmarks


def test_a_weekly_brief_opens_with_what_is_new(brief, config, tmp_path):
    brief.previous_week = "2025-W37"
    brief.new_this_week = ["p-drone", "p-chamber"]
    out = tmp_path / "weekly.docx"
    render_docx(brief, config, out)
    assert headings(out) == ["New this week", *ORDER]
    intro, *items = [p.text for p in section_paragraphs(out, "New this week")]
    assert intro == "Compared with the brief for 2025-W37: 2 of 7 points are new."
    assert items == [f"{brief.sections[1].points[1].en} — see Security", f"{brief.sections[2].points[0].en} — see Economy"]


def test_a_first_weekly_brief_says_there_is_nothing_to_compare(brief, config, tmp_path):
    for point in brief.points():
        point.status = "new"
    out = tmp_path / "first.docx"
    render_docx(brief, config, out)
    assert [p.text for p in section_paragraphs(out, "New this week")] == [
        "This is the first brief: there is no previous one to compare with."
    ]


def test_a_template_printing_the_english_twice_anchors_it_once(brief, config, tmp_path):
    template = _template(tmp_path, "{% for s in sections %}{% for p in s.points %}{{ p.en }} / {{ p.en }}. "
                                   "{% endfor %}{% endfor %}")
    out = tmp_path / "twice.docx"
    render_docx(brief, replace(config, template=template), out)
    body = part_xml(out, "word/document.xml")
    names = [b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")]
    assert len(names) == len(set(names)) == sum(1 for p in brief.points() if p.en)
    assert len(list(body.iter(f"{W}bookmarkEnd"))) == len(names)
