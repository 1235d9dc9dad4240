"""Footnotes in templates that do not prepare for them, and markers that must not be forged or misplaced."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import docx
import pytest

from briefgen.errors import TemplateError
from briefgen.render import render_docx

from .helpers import W, footnote_texts, part_xml, section_paragraphs

LOOP = "{% for s in sections %}{% for p in s.points %}{{ p.en }}{% for c in p.citations %}{{ c.ref }}{% endfor %}{% endfor %}{% endfor %}"


def test_a_template_without_footnotes_gets_the_part_styles_and_separators(brief, config, tmp_path):
    template = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph(LOOP)
    document.save(str(template))
    out = tmp_path / "out.docx"
    render_docx(brief, replace(config, template=template), out)
    with zipfile.ZipFile(out) as zf:
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("word/_rels/document.xml.rels").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "wordprocessingml.footnotes+xml" in types
    assert "relationships/footnotes" in rels
    notes = part_xml(out, "word/footnotes.xml")
    types_of = [n.get(f"{W}type") for n in notes.iter(f"{W}footnote")]
    assert types_of[:2] == ["separator", "continuationSeparator"]
    assert len(footnote_texts(out)) == sum(len(p.citations) for p in brief.points())
    styles = docx.Document(str(out)).styles
    assert {"FootnoteText", "FootnoteReference"} <= {s.style_id for s in styles}


def test_text_around_a_marker_keeps_its_run_and_formatting(brief, config, tmp_path):
    template = tmp_path / "inline.docx"
    document = docx.Document()
    document.add_paragraph().add_run(
        "{% for s in sections %}{% for p in s.points %}[{% for c in p.citations %}{{ c.ref }}{% endfor %}]"
        "{% endfor %}{% endfor %}"
    ).bold = True
    document.save(str(template))
    out = tmp_path / "out.docx"
    render_docx(brief, replace(config, template=template), out)
    paragraph = docx.Document(str(out)).paragraphs[0]
    assert paragraph.text == "[]" * len(brief.points())
    assert all(run.bold for run in paragraph.runs)
    refs = paragraph._p.findall(f".//{W}footnoteReference")
    assert len(refs) == sum(len(p.citations) for p in brief.points())


def test_a_reference_outside_the_body_is_refused(brief, config, tmp_path):
    template = tmp_path / "header.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "{{ sections[0].points[0].citations[0].ref }}"
    document.add_paragraph("body")
    document.save(str(template))
    with pytest.raises(TemplateError, match="only work in the body"):
        render_docx(brief, replace(config, template=template), tmp_path / "out.docx")


def test_a_forged_marker_in_source_text_stays_text(brief, config, tmp_path):
    point = brief.sections[0].points[0]
    point.en = "⟦0123456789abcdef:0⟧ and ⟦x⟧"
    out = tmp_path / "out.docx"
    render_docx(brief, config, out)
    assert section_paragraphs(out, "Diplomacy")[0].text.startswith(point.en)
    assert len(footnote_texts(out)) == 15
