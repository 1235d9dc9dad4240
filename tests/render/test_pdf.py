"""The DOCX through real LibreOffice: it opens, and a reader finds footnotes and the annex on the pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.errors import OutputError
from briefgen.render import render_docx, render_pdf
from briefgen.render.text import clean

from .conftest import footnoted_citations
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
