"""Real Word footnotes, which python-docx cannot make.

The footnotes part (word/footnotes.xml) is created when the template has none, with its
relationship, content type, Word's separator footnotes and the two footnote styles. Each citation
footnote reads: outlet (linked to its Sources entry), [title,] date, para. N: « French quote » (the
short form leaves out the title and quotes only the clause that carries the fact).
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.render.context import CitationView
from briefgen.render.wordml import ensure_styles, text_run

FOOTNOTES_URI = "/word/footnotes.xml"
# Word's separator footnotes (ids -1 and 0); citations are numbered from 1.
SEPARATORS = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
# Styles footnotes and links rely on, added only when a (user) template lacks them.
STYLES = {
    "FootnoteText": (
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:pPr><w:spacing w:after="40" w:line="240" '
        'w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>'
    ),
    "FootnoteReference": (
        f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:uiPriority w:val="99"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    ),
}


class Footnotes:
    """The document's footnotes part, open for adding citation footnotes in reading order."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.part = _footnotes_part(document)
        self.root = parse_xml(self.part.blob)
        ids = [int(f.get(qn("w:id"))) for f in self.root.iterchildren(qn("w:footnote"))]
        self.next_id = max(ids + [0]) + 1
        self.count = 0
        ensure_styles(document, STYLES)

    def add(self, citation: CitationView) -> int:
        """Append a footnote for `citation`; returns its id for the reference."""
        footnote_id = self.next_id
        self.root.append(_footnote(footnote_id, citation))
        self.next_id += 1
        self.count += 1
        return footnote_id

    def save(self) -> None:
        """Swap the raw footnotes part for an XML part holding the new tree (python-docx loads it as bytes)."""
        old = self.part
        new = XmlPart(old.partname, old.content_type, self.root, old.package)
        for rel in old.rels.values():
            new.load_rel(rel.reltype, rel.target_ref if rel.is_external else rel.target_part, rel.rId, rel.is_external)
        main = self.document.part
        main.drop_rel(next(r for r, rel in main.rels.items() if rel.reltype == RT.FOOTNOTES))
        main.relate_to(new, RT.FOOTNOTES)
        self.part = new


def _footnote(footnote_id: int, c: CitationView):
    note = parse_xml(
        f'<w:footnote {nsdecls("w")} w:id="{footnote_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r></w:p></w:footnote>'
    )
    p = note[0]
    p.append(text_run(" "))
    if c.anchor:
        link = parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="{c.anchor}"/>')
        link.append(text_run(c.outlet))
        p.append(link)
    else:
        p.append(text_run(c.outlet))
    if c.title:
        p.append(text_run(", "))
        p.append(text_run(c.title, "<w:i/>"))
    p.append(text_run(f", {c.date}, {c.para} {c.paragraph}: "))
    p.append(text_run(f"«\u00a0{c.quote}\u00a0»", '<w:lang w:val="fr-FR"/>'))
    return note


def _footnotes_part(document: Document) -> Part:
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    part = Part(PackURI(FOOTNOTES_URI), CT.WML_FOOTNOTES, SEPARATORS.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    return part
