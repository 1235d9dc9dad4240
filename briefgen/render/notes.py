"""Analyst notes: Word files merged into every regenerated brief, so notes written once survive.

`notes/standing.docx` (always) and `notes/<week>.docx` (that week) replace the placeholder under
the brief's "Analyst notes" heading, keeping their formatting: paragraph and character styles,
direct formatting, lists (numbering definitions are copied), tables, images and hyperlinks.
docxcompose does the copying; the brief is regenerated from scratch on every run, so merging is
naturally repeatable: the notes live in their own files, never only in the brief.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxcompose.composer import Composer
from lxml import etree

from briefgen.config import Config
from briefgen.errors import OutputError
from briefgen.model import Brief
from briefgen.render import Renderer
from briefgen.render.edits import stamp
from briefgen.render.properties import restore_core_namespace
from briefgen.render.wordml import normalise_on_off

restore_core_namespace()  # importing docxcompose rebinds python-docx's "cp" prefix; see properties.py

NOTES_HEADING = "Analyst notes"  # the heading the shipped template puts before the notes placeholder
HEADING_STYLE = "heading 1"  # built-in style name (style ids are localised, names are not)
STANDING_NOTES = "standing.docx"
PARAGRAPH, SECTION_PROPERTIES, PARAGRAPH_PROPERTIES = qn("w:p"), qn("w:sectPr"), qn("w:pPr")
BOOKMARK_TAGS = (qn("w:bookmarkStart"), qn("w:bookmarkEnd"))
WORD_ID, NSID, ABSTRACT_NUM, ABSTRACT_NUM_ID = qn("w:id"), qn("w:nsid"), qn("w:abstractNum"), qn("w:abstractNumId")


class _NotesComposer(Composer):
    """docxcompose's Composer, without its bookmark renumbering.

    Composer numbers bookmark starts and ends separately in document order, which mismatches
    nested bookmarks (the brief links to its sources through bookmarks). The notes' bookmark ids
    are moved clear of the brief's before inserting instead (see _shift_bookmarks).
    """

    def renumber_bookmarks(self) -> None:
        return None


def notes_for_week(notes_dir: Path, week: str) -> list[Path]:
    """The notes files that exist for `week`: standing notes first, then the week's own."""
    candidates = [notes_dir / STANDING_NOTES, notes_dir / f"{week}.docx"]
    return [path for path in candidates if path.is_file()]


def merge_notes(docx_path: Path, notes: list[Path]) -> None:
    """Put the bodies of `notes` (in order) under the "Analyst notes" heading of the DOCX at `docx_path`.

    Whatever sat between that heading and the next Heading 1 (the template's placeholder) is
    replaced. Without such a heading (a custom template), the notes go at the end under a new one.
    """
    if notes:
        merge_under_heading(docx_path, NOTES_HEADING, [_open_notes(path) for path in notes])


def merge_under_heading(docx_path: Path, heading: str, documents: list[Document], replace: bool = True) -> None:
    """Put the bodies of `documents` under the Heading 1 `heading` of the DOCX at `docx_path`.

    With `replace`, whatever sat between that heading and the next Heading 1 (a placeholder) is
    removed first; otherwise they go after it. Without such a heading the documents go at the end
    under a new one. The file keeps its zip timestamps, and its content hash is re-stamped so that
    edit safety still recognises it as briefgen's own.
    """
    if not documents:
        return
    original = docx_path.read_bytes()
    document = docx.Document(io.BytesIO(original))
    index = _region_end(document, heading, replace)
    composer = _NotesComposer(document)
    body = document.element.body
    known_abstract = _abstract_ids(document)
    for note in documents:
        _strip_sections(note)
        _shift_bookmarks(note, _max_bookmark_id(document) + 1)
        before = len(body)
        composer.insert(index, note)
        index += len(body) - before
    restore_core_namespace()
    normalise_on_off(body)  # notes saved by LibreOffice carry its on/off values
    _stable_list_ids(document, known_abstract)
    stamp(document)
    _save_like(document, original, docx_path)


def region(document: Document, heading: str) -> list[etree._Element] | None:
    """The body elements between the Heading 1 `heading` and the next Heading 1 (None without it)."""
    found = _find_region(document, heading)
    return found[1] if found else None


def _find_region(document: Document, heading: str) -> tuple[int, list[etree._Element]] | None:
    """The body index of the Heading 1 `heading` and the elements up to the next Heading 1."""
    headings = _heading_style_ids(document)
    children = list(document.element.body)
    start = next((i for i, el in enumerate(children) if _is_heading(el, headings) and _text(el) == heading.lower()), None)
    if start is None:
        return None
    elements = []
    for element in children[start + 1 :]:
        if element.tag == SECTION_PROPERTIES or _is_heading(element, headings) or _ends_section(element):
            break
        elements.append(element)
    return start, elements


def _region_end(document: Document, heading: str, clear: bool) -> int:
    """The body index where documents go under `heading`, after removing what is there if `clear`."""
    found = _find_region(document, heading)
    if found is None:
        return _add_notes_heading(document, heading)
    start, elements = found
    if not clear:
        return start + 1 + len(elements)
    for element in elements:
        document.element.body.remove(element)
    return start + 1


def _add_notes_heading(document: Document, text: str) -> int:
    """A template without the heading: add one at the end of the body; return the index after it."""
    heading = document.add_heading(text, level=1)  # python-docx inserts before the final sectPr
    return document.element.body.index(heading._p) + 1


def _heading_style_ids(document: Document) -> set[str]:
    return {s.style_id for s in document.styles if (s.name or "").lower() == HEADING_STYLE}


def _is_heading(element: etree._Element, heading_ids: set[str]) -> bool:
    return element.tag == PARAGRAPH and element.style in heading_ids  # CT_P.style: the pStyle value or None


def _ends_section(element: etree._Element) -> bool:
    """A paragraph carrying section properties closes a page-layout section: keep it."""
    properties = element.find(PARAGRAPH_PROPERTIES)
    return properties is not None and properties.find(SECTION_PROPERTIES) is not None


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t"))).strip().lower()


def _open_notes(path: Path) -> Document:
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        raise OutputError(
            f"Analyst notes {path} are not a readable Word document ({exc}). Save them as .docx from Word "
            "or LibreOffice, or move them out of the notes folder. No brief was replaced."
        ) from exc


def _strip_sections(note: Document) -> None:
    """Notes must not change the brief's page layout: drop their section breaks."""
    for properties in note.element.body.iter(PARAGRAPH_PROPERTIES):
        for section in properties.findall(SECTION_PROPERTIES):
            properties.remove(section)


def _max_bookmark_id(document: Document) -> int:
    ids = [int(b.get(WORD_ID)) for b in document.element.body.iter(*BOOKMARK_TAGS) if (b.get(WORD_ID) or "").isdigit()]
    return max(ids, default=0)


def _shift_bookmarks(note: Document, offset: int) -> None:
    for bookmark in note.element.body.iter(*BOOKMARK_TAGS):
        value = bookmark.get(WORD_ID) or ""
        if value.isdigit():
            bookmark.set(WORD_ID, str(int(value) + offset))


def _abstract_ids(document: Document) -> set[str]:
    try:
        numbering = document.part.numbering_part.element
    except NotImplementedError:  # python-docx: the document has no numbering part
        return set()
    return {a.get(ABSTRACT_NUM_ID) for a in numbering.iter(ABSTRACT_NUM)}


def _stable_list_ids(document: Document, known: set[str]) -> None:
    """Replace the random list ids docxcompose gives copied lists with ones derived from their number."""
    try:
        numbering = document.part.numbering_part.element
    except NotImplementedError:
        return
    for abstract in numbering.iter(ABSTRACT_NUM):
        number = abstract.get(ABSTRACT_NUM_ID)
        nsid = abstract.find(NSID)
        if number not in known and nsid is not None:
            nsid.set(qn("w:val"), f"BF{int(number):06X}"[-8:])


def _save_like(document: Document, original: bytes, out: Path) -> None:
    """Save `document` over `out` with the zip member timestamps of `original` (the rendered brief)."""
    with zipfile.ZipFile(io.BytesIO(original)) as source:
        stamp_time = source.infolist()[0].date_time
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, stamp_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item.filename))


def with_notes(render: Renderer, notes: Sequence[Path]) -> Renderer:
    """`render` (a DOCX renderer) followed by merging `notes` into what it wrote."""
    if not notes:
        return render

    def render_and_merge(brief: Brief, config: Config, out: Path) -> None:
        render(brief, config, out)
        merge_notes(out, list(notes))

    return render_and_merge
