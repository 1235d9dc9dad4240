"""A hash of what a reader sees in a DOCX, so a later run can tell whether a person edited it.

Only visible text counts (body, then footnotes, in order): re-saving in Word or LibreOffice changes
the XML and the zip but not this hash; changing a word does.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from briefgen.errors import OutputError

# The DOCX custom property holding content_hash, stamped by render.docx and checked by render.edits.
HASH_PROPERTY = "briefgen_content_hash"
# Footnotes that are layout, not content.
SEPARATOR_TYPES = {"separator", "continuationSeparator", "continuationNotice"}
# A footnote reference is visible as a number; Word renumbers ids on save, so all read the same.
REFERENCE_MARK = "[*]"
TEXT, TAB, BREAK, CR, REFERENCE, PARAGRAPH, RUN = (
    qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:footnoteReference"), qn("w:p"), qn("w:r")
)


def visible_text(document: Document) -> str:
    """Body paragraphs, then footnote paragraphs, one per line."""
    lines = [_paragraph_text(p) for p in document.element.body.iter(PARAGRAPH)]
    footnotes = _footnotes(document)
    if footnotes is not None:
        for note in footnotes.iterchildren(qn("w:footnote")):
            if note.get(qn("w:type")) not in SEPARATOR_TYPES:
                lines.extend(_paragraph_text(p) for p in note.iter(PARAGRAPH))
    return "\n".join(lines)


def content_hash(document: Document) -> str:
    return hashlib.sha256(visible_text(document).encode("utf-8")).hexdigest()


def docx_content_hash(path: Path) -> str:
    """sha256 of the visible text of the DOCX at `path`."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise OutputError(f"{path} is not a readable Word document ({exc}).") from exc
    return content_hash(document)


def _paragraph_text(paragraph: etree._Element) -> str:
    chunks = []
    for node in paragraph.iter(TEXT, TAB, BREAK, CR, REFERENCE):
        if node.tag == TEXT:
            chunks.append(node.text or "")
        elif node.getparent().tag != RUN:
            continue  # a tab stop definition in the paragraph properties, not a tab character
        elif node.tag == REFERENCE:
            chunks.append(REFERENCE_MARK)
        else:
            chunks.append("\t" if node.tag == TAB else "\n")
    return "".join(chunks)


def _footnotes(document: Document) -> etree._Element | None:
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return etree.fromstring(rel.target_part.blob)
    return None
