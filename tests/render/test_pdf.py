"""The DOCX through real LibreOffice: it opens, and a reader finds footnotes and the annex on the pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from PIL import Image

from briefgen.config import load_config
from briefgen.errors import OutputError
from briefgen.model import Brief
from briefgen.pipeline import run
from briefgen.render import render_docx, render_pdf
from briefgen.render.text import clean
from conftest import SEEDS

from .conftest import footnoted_citations
from .helpers import footnote_texts
from .test_docx import HOSTILE, one_point_brief

needs_office = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler-utils are installed by .ci/run",
)
SNIPPET = 45  # characters of a quote looked for on the page: short enough not to straddle a page break


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])


@needs_office
def test_sample_brief_prints_with_footnotes_and_annex(rendered, tmp_path):
    brief, docx_path, _ = rendered
    pdf = tmp_path / "brief.pdf"
    render_pdf(docx_path, pdf)
    assert 3 <= page_count(pdf) <= 15
    text = pdf_text(pdf)
    for citation in footnoted_citations(brief):
        assert " ".join(citation.quote.split())[:SNIPPET] in text
    annex = text[text.index("Annex: French original and English translation"):]
    for point in brief.points():
        assert " ".join(point.fr.split())[:SNIPPET] in annex
    assert "UNCLASSIFIED — FOR INTERNAL USE" in text and "Page 1 of" in text
    assert "{{" not in text and "{%" not in text


@needs_office
def test_hostile_brief_opens_in_libreoffice(config, tmp_path):
    text = " | ".join(HOSTILE[:-2])  # the 5,000-character word is checked in the DOCX tests
    docx_path = tmp_path / "hostile.docx"
    render_docx(one_point_brief(text, fr=text, quote=text), config, docx_path)
    pdf = tmp_path / "hostile.pdf"
    render_pdf(docx_path, pdf)
    printed = pdf_text(pdf)
    for fragment in ("a < b & c > d", "]]> here", "{{ 7*7 }}", "{% for x in y %}loop{% endfor %}",
                     "<w:p><w:r><w:t>injected</w:t></w:r></w:p>", "controlcharsandmore"):
        assert fragment in printed
    assert clean(HOSTILE[2]) == "controlcharsandmore"


def test_missing_libreoffice_is_a_clear_output_error(rendered, tmp_path, monkeypatch):
    _, docx_path, _ = rendered
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OutputError, match="LibreOffice .* is not installed.*apt-get install libreoffice-writer-nogui"):
        render_pdf(docx_path, tmp_path / "brief.pdf")
    assert not (tmp_path / "brief.pdf").exists()


# The sample brief as a reader gets it: the seeds, the real Apertium engine, default options, printed
# by LibreOffice. The page budget of issue 17: body (title block to the end of the sections) on at
# most 4 A4 pages, the whole document on at most 8, and no page more than half empty but the one
# before the annex (which starts a page) and the last.
BODY_PAGES, ALL_PAGES = 4, 8
MOST_BLANK = 0.5  # the longest blank vertical stretch inside a page's text area, as a share of it
TEXT_AREA = (0.085, 0.90)  # between the header rule and the footer rule, as shares of the A4 height
FOOTNOTE_WORDS = 25


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Brief, Path, Path]:
    from briefgen.translate.apertium import ApertiumTranslator, apertium_available

    if not apertium_available():
        pytest.skip("Apertium is installed by .ci/run")
    out = tmp_path_factory.mktemp("sample")
    config = replace(load_config(), cache=out / "cache.sqlite")
    brief = run([SEEDS], config, ApertiumTranslator())
    render_docx(brief, config, out / "brief.docx")
    render_pdf(out / "brief.docx", out / "brief.pdf")
    return brief, out / "brief.docx", out / "brief.pdf"


def page_texts(pdf: Path) -> list[str]:
    return [" ".join(page.split()) for page in subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")][:-1]


def blank_share(pdf: Path, page: int, tmp: Path) -> float:
    """The longest run of blank pixel rows in the page's text area, as a share of the area."""
    subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(tmp / "page")], check=True)
    image = Image.open(tmp / "page.pgm")
    top, bottom = (round(share * image.height) for share in TEXT_AREA)
    longest = run_length = 0
    for y in range(top, bottom):
        blank = min(image.getpixel((x, y)) for x in range(image.width)) > 240
        run_length = run_length + 1 if blank else 0
        longest = max(longest, run_length)
    return longest / (bottom - top)


@needs_office
def test_sample_brief_keeps_the_page_budget(sample, tmp_path):
    brief, _, pdf = sample
    pages = page_texts(pdf)
    assert len(pages) <= ALL_PAGES
    last_point = " ".join(brief.sections[-1].points[-1].en.split())[-40:]
    assert any(last_point in page for page in pages[:BODY_PAGES])
    annex = next(n for n, page in enumerate(pages, start=1) if "Annex: French original and English translation" in page)
    for page in range(1, len(pages)):
        if page != annex - 1:
            assert blank_share(pdf, page, tmp_path) <= MOST_BLANK, f"page {page} is more than half empty"


@needs_office
def test_sample_footnotes_are_short_and_sources_are_named(sample):
    brief, docx_path, pdf = sample
    notes = footnote_texts(docx_path)
    assert notes
    for note in notes:
        quote = note[note.index("«"):]
        assert len(quote.replace("…", " ").split()) <= FOOTNOTE_WORDS + 2, note  # + the two guillemets
        assert not any(s.path.name in note for s in brief.sources)
    text = " ".join(page_texts(pdf))
    text = text[:text.index("Methodology Translation")]  # the input warnings name files on purpose
    for source in brief.sources:
        if source.outlet:
            assert source.path.name not in text  # a named outlet is its label; the file name is not shown
        else:
            assert f"(file {source.path.name})" in text
    assert "Outlet not stated" in text and "RFI" in text  # seed 000 names itself: « précisions apportées à RFI »


@needs_office
def test_sample_has_an_honest_period_and_a_figure_of_the_periods_events(sample):
    brief, docx_path, pdf = sample
    first = page_texts(pdf)[0]
    assert "Press Brief Sources published 9 Jul – 16 Sep 2025 · events reported 17 Jun – 22 Jul 2025" in first
    document = docx.Document(str(docx_path))
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0].width >= Mm(160)
    assert "The period's events reported in the sources (10); the table also lists 3 earlier events" in pdf_text(pdf)
