"""Document properties set on purpose: core (docProps/core.xml) and custom (docProps/custom.xml).

Whatever the template carried (python-docx's "python-docx" author and 2013 dates, a user's name,
a revision count) is dropped, so File > Properties describes this brief and nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap
from lxml import etree

CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_URI = "/docProps/custom.xml"
# The format id every custom document property carries (fixed by the OOXML spec); pids start at 2.
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
FIRST_PID = 2
# The longest text core property python-docx writes; it raises beyond (a long title must not fail the build).
MAX_PROPERTY_CHARS = 255


def restore_core_namespace() -> None:
    """Undo docxcompose's rebinding of the "cp" prefix.

    docxtpl imports docxcompose when it is installed, and `docxcompose.utils` does
    `nsmap.update({"cp": <custom-properties namespace>})` on python-docx's process-wide map; core
    properties set afterwards land in the wrong namespace and Word reports the file as corrupt
    (docxtpl issue #471, docxcompose issue #101). Putting the core namespace back is harmless
    when docxcompose is absent.
    """
    nsmap["cp"] = CORE_NS


def set_core_properties(
    document: Document, *, title: str, subject: str, author: str, keywords: str, comments: str,
    created: dt.datetime,
) -> None:
    """Replace every core property with these; created = modified = `created` (UTC)."""
    restore_core_namespace()
    props = document.core_properties
    element = props._element  # python-docx has no API to clear leftovers such as revision or lastPrinted
    for child in list(element):
        element.remove(child)
    utc = created.astimezone(dt.timezone.utc).replace(tzinfo=None) if created.tzinfo else created
    props.title = _fit(title)
    props.subject = _fit(subject)
    props.author = _fit(author)
    props.last_modified_by = _fit(author)
    props.keywords = _fit(keywords)
    props.comments = _fit(comments)
    props.language = "en"
    props.created = utc
    props.modified = utc


def _fit(value: str) -> str:
    """`value` cut to MAX_PROPERTY_CHARS, with an ellipsis when cut."""
    return value if len(value) <= MAX_PROPERTY_CHARS else value[: MAX_PROPERTY_CHARS - 1] + "…"


def set_custom_properties(document: Document, values: Mapping[str, str]) -> None:
    """Write `values` as text custom properties, keeping any others the template already had."""
    package = document.part.package
    rel_id, existing = _custom_part(document)
    if existing is not None:
        root = parse_xml(existing.blob)
    else:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for prop in list(root):
        if prop.get("name") in values:
            root.remove(prop)
    for name in sorted(values):
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid="0", name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = values[name]
    for pid, prop in enumerate(root, start=FIRST_PID):
        prop.set("pid", str(pid))
    if rel_id:
        package.rels.pop(rel_id)
    part = XmlPart(PackURI(CUSTOM_URI), CT.OFC_CUSTOM_PROPERTIES, root, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_custom_properties(document: Document) -> dict[str, str]:
    """Text of every custom property, by name (empty when there are none)."""
    _, part = _custom_part(document)
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    return {p.get("name"): "".join(p.itertext()) for p in root if p.get("name")}


def _custom_part(document: Document) -> tuple[str | None, Part | None]:
    for rel_id, rel in document.part.package.rels.items():
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            return rel_id, rel.target_part
    return None, None
