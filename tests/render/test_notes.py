"""Analyst notes merged under "Analyst notes" with their formatting, on every regeneration."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt
from lxml import etree

from briefgen.config import Config
from briefgen.render.edits import is_edited
from briefgen.errors import OutputError
from briefgen.model import Brief, EngineInfo, Period
from briefgen.render.notes import merge_notes, notes_for_week
from briefgen.output import write_brief
from briefgen.registry import renderers
from briefgen.render import render_docx
from briefgen.render.properties import CORE_NS

PLACEHOLDER = "Space for your notes"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    brief = Brief(period=Period.from_week("2025-W38"), generated_at=dt.datetime(2025, 9, 22, 6, tzinfo=dt.timezone.utc),
                  engine=EngineInfo("fake", "1", "m"))  # fmt: skip
    path = tmp_path_factory.mktemp("rendered") / "brief-2025-W38.docx"
    render_docx(brief, Config(), path)
    return path


@pytest.fixture
def brief_docx(rendered: Path, tmp_path: Path) -> Path:
    """A freshly rendered brief, as every regeneration starts from."""
    return Path(shutil.copy(rendered, tmp_path / rendered.name))


@pytest.fixture
def notes_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    standing = docx.Document()
    paragraph = standing.add_paragraph("Standing caveat: ")
    run = paragraph.add_run("sources are pro-government")
    run.bold, run.font.size = True, Pt(14)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    standing.add_paragraph("First bullet", style="List Bullet")
    standing.add_paragraph("Second bullet", style="List Bullet")
    table = standing.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(1, 1).text = "Actor", "Assessment"
    standing.save(str(folder / "standing.docx"))
    week = docx.Document()
    week.add_heading("This week", level=2)
    week.add_paragraph("Step one", style="List Number")
    week.add_paragraph("Step two", style="List Number")
    week.save(str(folder / "2025-W38.docx"))
    return folder


def _notes_section(path: Path) -> list:
    """Body elements between the "Analyst notes" heading and the next Heading 1."""
    document = docx.Document(str(path))
    body = list(document.element.body)
    paragraphs = {p._p: p for p in document.paragraphs}
    start = next(i for i, el in enumerate(body) if el in paragraphs and paragraphs[el].text == "Analyst notes")
    section = []
    for element in body[start + 1 :]:
        if element in paragraphs and paragraphs[element].style.name == "Heading 1":
            assert paragraphs[element].text == "Sources"
            break
        section.append(element)
    return section


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_notes_for_week_lists_existing_files_standing_first(notes_dir):
    assert notes_for_week(notes_dir, "2025-W38") == [notes_dir / "standing.docx", notes_dir / "2025-W38.docx"]
    assert notes_for_week(notes_dir, "2025-W39") == [notes_dir / "standing.docx"]
    assert notes_for_week(notes_dir.parent / "missing", "2025-W38") == []


def test_notes_replace_the_placeholder_in_order(brief_docx, notes_dir):
    merge_notes(brief_docx, notes_for_week(notes_dir, "2025-W38"))
    texts = [_text(el) for el in _notes_section(brief_docx)]
    assert texts == ["Standing caveat: sources are pro-government", "First bullet", "Second bullet",
                     "ActorAssessment", "This week", "Step one", "Step two"]  # fmt: skip
    assert PLACEHOLDER not in "".join(texts)


def test_formatting_is_kept(brief_docx, notes_dir):
    merge_notes(brief_docx, notes_for_week(notes_dir, "2025-W38"))
    document = docx.Document(str(brief_docx))
    paragraphs = {p.text: p for p in document.paragraphs}
    run = paragraphs["Standing caveat: sources are pro-government"].runs[1]
    assert (run.bold, run.font.size, run.font.highlight_color) == (True, Pt(14), WD_COLOR_INDEX.YELLOW)
    assert paragraphs["First bullet"].style.name == "List Bullet"
    assert paragraphs["This week"].style.name == "Heading 2"
    numbered = paragraphs["Step one"]
    assert numbered.style.name == "List Number"
    table = next(t for t in document.tables if t.cell(0, 0).text == "Actor")
    assert table.style.name == "Table Grid"
    # Every list the notes use has its numbering definition in the brief.
    numbering = document.part.numbering_part.element
    defined = {n.get(f"{W}numId") for n in numbering.iter(f"{W}num")}
    used = {n.get(f"{W}val") for n in document.element.body.iter(f"{W}numId")}
    assert used <= defined


def test_the_merged_brief_is_still_briefgens_own_and_valid(rendered, brief_docx, notes_dir):
    merge_notes(brief_docx, notes_for_week(notes_dir, "2025-W38"))
    assert not is_edited(brief_docx)  # re-stamped: the next run may replace it
    with zipfile.ZipFile(brief_docx) as package:
        core = etree.fromstring(package.read("docProps/core.xml"))
        stamps = {info.date_time for info in package.infolist()}
    assert core.tag == f"{{{CORE_NS}}}coreProperties"  # docxcompose's "cp" rebinding did not leak in
    with zipfile.ZipFile(rendered) as original:  # the renderer's fixed timestamps are kept
        assert stamps == {info.date_time for info in original.infolist()}


def test_merging_is_repeatable(brief_docx, notes_dir, tmp_path):
    """Each regeneration renders afresh and merges again: same inputs, same bytes."""
    again = Path(shutil.copy(brief_docx, tmp_path / "again.docx"))
    notes = notes_for_week(notes_dir, "2025-W38")
    merge_notes(brief_docx, notes)
    merge_notes(again, notes)
    assert brief_docx.read_bytes() == again.read_bytes()


def test_merging_twice_does_not_duplicate(brief_docx, notes_dir):
    notes = notes_for_week(notes_dir, "2025-W38")
    merge_notes(brief_docx, notes)
    once = [_text(el) for el in _notes_section(brief_docx)]
    merge_notes(brief_docx, notes)
    assert [_text(el) for el in _notes_section(brief_docx)] == once


def test_no_notes_leaves_the_placeholder(brief_docx):
    before = brief_docx.read_bytes()
    merge_notes(brief_docx, [])
    assert brief_docx.read_bytes() == before


def test_unreadable_notes_are_a_clear_error(brief_docx, tmp_path):
    broken = tmp_path / "2025-W38.docx"
    broken.write_text("not a Word file")
    before = brief_docx.read_bytes()
    with pytest.raises(OutputError, match=r"Analyst notes .*2025-W38.docx are not a readable Word document"):
        merge_notes(brief_docx, [broken])
    assert brief_docx.read_bytes() == before


def test_a_template_without_the_heading_gets_the_notes_at_the_end(tmp_path, notes_dir):
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_heading("Key judgements", level=1)
    document.add_paragraph("Something happened.")
    document.save(str(plain))
    merge_notes(plain, [notes_dir / "2025-W38.docx"])
    texts = [p.text for p in docx.Document(str(plain)).paragraphs]
    assert texts == ["Key judgements", "Something happened.", "Analyst notes", "This week", "Step one", "Step two"]


def test_libreoffice_opens_the_merged_brief_with_lists_and_table(brief_docx, notes_dir, tmp_path):
    merge_notes(brief_docx, notes_for_week(notes_dir, "2025-W38"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "txt:Text",
                    "--outdir", str(tmp_path), str(brief_docx)], check=True, capture_output=True, timeout=120)  # fmt: skip
    lines = [line.strip() for line in (tmp_path / "brief-2025-W38.txt").read_text(encoding="utf-8-sig").splitlines()]
    start = lines.index("Analyst notes")
    notes = [line for line in lines[start : lines.index("Sources", start)] if line]
    assert notes == ["Analyst notes", "Standing caveat: sources are pro-government", "• First bullet", "• Second bullet",
                     "Actor", "Assessment", "This week", "1. Step one", "2. Step two"]  # fmt: skip


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")), reason="needs LibreOffice and poppler")
def test_the_pdf_shows_the_notes_too(notes_dir, tmp_path):
    brief = Brief(period=Period.from_week("2025-W38"), generated_at=dt.datetime(2025, 9, 22, 6, tzinfo=dt.timezone.utc),
                  engine=EngineInfo("fake", "1", "m"))  # fmt: skip
    config = Config(formats=("docx", "pdf"))
    notes = notes_for_week(notes_dir, "2025-W38")
    written, _ = write_brief(brief, config, tmp_path, renderers(notes), notes=notes)
    [pdf] = [p for p in written if p.suffix == ".pdf"]
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "sources are pro-government" in printed and "Step two" in printed
    assert PLACEHOLDER not in printed
