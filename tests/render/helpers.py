"""Reading a rendered DOCX back the way a person (or Word) would see it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx2python import docx2python
from lxml import etree
from openxml_audit import OpenXmlValidator
from openxml_audit.errors import FileFormat, ValidationError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTE_PREFIX = re.compile(r"^footnote\d+\)\t\s*")
# The shipped template opened and saved as .docx by LibreOffice 7.4 (soffice --convert-to docx), as a
# user restyling it would.
RESAVED = Path(__file__).parents[1] / "data" / "render" / "brief-resaved-by-libreoffice.docx"
# Word 2019 and later (Microsoft 365 included) with the security checks (dangerous link schemes).
WORD_VALIDATOR = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0, security_validation=True)


def footnote_texts(path: Path) -> list[str]:
    """Text of every real footnote, in id order, via docx2python (an independent reader)."""
    with docx2python(path) as doc:
        flat = [p for table in doc.footnotes for row in table for cell in row for p in cell]
    return [FOOTNOTE_PREFIX.sub("", p) for p in flat if p.startswith("footnote")]


def headings(path: Path, level: int = 1) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def section_paragraphs(path: Path, title: str) -> list[docx.text.paragraph.Paragraph]:
    """Body paragraphs between the Heading 1 `title` and the next Heading 1."""
    out, inside = [], False
    for p in docx.Document(str(path)).paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == title
        elif inside and p.text.strip():
            out.append(p)
    return out


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def all_parts_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if not n.endswith(".png"))


def word_findings(path: Path) -> list[ValidationError]:
    """What Word's own SDK would find in the DOCX at `path` (schema, semantics, app compatibility)."""
    return WORD_VALIDATOR.validate(path).errors
