"""Footnotes, links and bookmarks from plain template tags.

Word needs these as structures (`<w:footnoteReference>`, `<w:hyperlink>`, `<w:bookmarkStart>`) with
ids and relationships that a Jinja tag cannot safely print, and that Word and LibreOffice rewrite
when a user restyles the template. So `{{ c.ref }}`, `{{ s.link }}`, `{{ s.bookmark }}`… print an
unguessable marker (a per-render nonce: no source text can forge one); after rendering, every
marker in the body is replaced by the real structure, keeping the formatting of the run it sat in.
"""

from __future__ import annotations

import copy
import re
import secrets
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree
from markupsafe import Markup, escape

from briefgen.anchors import anchor_name
from briefgen.errors import TemplateError
from briefgen.render.context import CitationView
from briefgen.render.footnotes import Footnotes
from briefgen.render.wordml import append_text, ensure_styles, new_run, text_element

INTERNAL_LINK_STYLE = "SourceLink"  # links to the Sources list and to points
EXTERNAL_LINK_STYLE = "Hyperlink"
# Link styles, added only when a (user) template lacks them.
LINK_STYLES = {
    INTERNAL_LINK_STYLE: (
        f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="{INTERNAL_LINK_STYLE}">'
        '<w:name w:val="Source Link"/><w:rPr><w:color w:val="1F3864"/></w:rPr></w:style>'
    ),
    EXTERNAL_LINK_STYLE: (
        f'<w:style {nsdecls("w")} w:type="character" w:styleId="{EXTERNAL_LINK_STYLE}"><w:name w:val="Hyperlink"/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    ),
}

# Web pages are the only link targets: a "javascript:" or "file:" link in a brief is a trap for its reader.
WEB_SCHEMES = ("http", "https")
# What a URI may hold unescaped (RFC 3986), in the host and after it. A relationship target must be a
# URI (ECMA-376 Part 2): a space, a quote or a bare "%" in a source's address is not.
HOST_SAFE = ":@[]!$&'()*+,;=-._~"
PATH_SAFE = "/?#:@!$&'()*+,;=-._~%"
LONE_PERCENT = re.compile("%(?![0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class Link:
    label: str
    anchor: str = ""  # a bookmark in this document...
    url: str = ""  # ...or a web address


@dataclass(frozen=True)
class Bookmark:
    name: str


@dataclass(frozen=True)
class AnchorEdge:
    """One end of a bookmark wrapping text (see briefgen/anchors.py)."""

    name: str
    start: bool


class Markers:
    """Hands out markers while the view is built; remembers what each one stands for."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.items: list[CitationView | Link | Bookmark | AnchorEdge] = []
        self.pattern = re.compile(rf"⟦{self.nonce}:(\d+)⟧")
        self.anchors: Counter[str] = Counter()

    def _add(self, item: CitationView | Link | Bookmark | AnchorEdge) -> Markup:
        self.items.append(item)
        return Markup(f"⟦{self.nonce}:{len(self.items) - 1}⟧")

    def footnote(self, citation: CitationView) -> Markup:
        return self._add(citation)

    def link(self, label: str, anchor: str = "", url: str = "") -> Markup:
        return self._add(Link(label, anchor, url))

    def bookmark(self, name: str) -> Markup:
        return self._add(Bookmark(name))

    def anchor(self, kind: str, fr: str, text: str) -> Markup:
        """`text` wrapped in a bookmark naming its French (briefgen/anchors.py), escaped for WordprocessingML."""
        first = anchor_name(kind, fr)
        self.anchors[first] += 1
        name = anchor_name(kind, fr, self.anchors[first])
        return self._add(AnchorEdge(name, True)) + xml_text(text) + self._add(AnchorEdge(name, False))


def xml_text(value: object) -> Markup:
    """`value` escaped for WordprocessingML, braces as character references (docxtpl rewrites "{_{")."""
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


def replace_markers(document: Document, markers: Markers) -> int:
    """Turn every marker in the body into its structure; returns the number of footnotes made."""
    footnotes = Footnotes(document)
    ensure_styles(document, LINK_STYLES)
    bookmark_ids = _BookmarkIds(document)
    body = document.element.body
    runs = [r for r in body.iter(qn("w:r")) if any(markers.pattern.search(t.text or "") for t in r.iter(qn("w:t")))]
    for run in runs:
        for piece in _split_run(run, markers.pattern):
            if isinstance(piece, int):
                for element in _structure(markers.items[piece], run, document, footnotes, bookmark_ids):
                    run.addprevious(element)
            else:
                run.addprevious(piece)
        run.getparent().remove(run)
    footnotes.save()
    _check_no_markers_left(document, markers)
    return footnotes.count


def _structure(
    item: CitationView | Link | Bookmark | AnchorEdge, run: etree._Element, document: Document, footnotes: Footnotes,
    ids: _BookmarkIds,
) -> list[etree._Element]:
    """The elements that replace one marker (`run` is the run it sat in, for its formatting)."""
    rpr = run.find(qn("w:rPr"))
    if isinstance(item, AnchorEdge):
        number = ids.open(item.name) if item.start else ids.close(item.name)
        if number is None:  # a template printing the same English twice: only its first copy is anchored
            return []
        tag = "bookmarkStart" if item.start else "bookmarkEnd"
        name = f' w:name="{item.name}"' if item.start else ""
        return [parse_xml(f'<w:{tag} {nsdecls("w")} w:id="{number}"{name}/>')]
    if isinstance(item, Bookmark):
        number = ids.next()
        start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}"/>')
        start.set(qn("w:name"), item.name)
        return [start, parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>')]
    if isinstance(item, Link):
        return [_hyperlink(item, rpr, document)]
    reference = new_run(rpr, style="FootnoteReference")
    reference.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{footnotes.add(item)}"/>'))
    return [reference]


def _hyperlink(link: Link, rpr: etree._Element | None, document: Document) -> etree._Element:
    """A link to a bookmark or a web page; an address that is no web page is shown as plain text."""
    element = parse_xml(f'<w:hyperlink {nsdecls("w", "r")}/>')
    if link.url:
        target = web_address(link.url)
        if target is None:
            return append_text(new_run(rpr), link.label)
        element.set(qn("r:id"), document.part.relate_to(target, RT.HYPERLINK, is_external=True))
    else:
        element.set(qn("w:anchor"), link.anchor)
    element.append(append_text(new_run(rpr, style=EXTERNAL_LINK_STYLE if link.url else INTERNAL_LINK_STYLE), link.label))
    return element


def web_address(url: str) -> str | None:
    """`url` as a hyperlink target Word accepts (other characters percent-encoded), or None when it is
    not an http(s) address with a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    after_host = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    path = quote(LONE_PERCENT.sub("%25", after_host), safe=PATH_SAFE)
    return f"{parts.scheme.lower()}://{quote(parts.netloc, safe=HOST_SAFE)}{path}"


def _split_run(run: etree._Element, pattern: re.Pattern) -> list[etree._Element | int]:
    """The run cut at each marker: copies of the run (same formatting) for the text between, and the
    index of each marker's item in its place."""
    rpr = run.find(qn("w:rPr"))
    pieces: list[etree._Element | int] = []
    current = new_run(rpr)
    for child in run:
        if child is rpr:
            continue
        if child.tag != qn("w:t") or not pattern.search(child.text or ""):
            current.append(copy.deepcopy(child))
            continue
        for i, chunk in enumerate(pattern.split(child.text)):
            if i % 2 == 0:
                if chunk:
                    current.append(text_element(chunk))
                continue
            pieces += [current, int(chunk)]
            current = new_run(rpr)
    pieces.append(current)
    has_content = int(rpr is not None)  # a run holding only its properties shows nothing
    return [p for p in pieces if isinstance(p, int) or len(p) > has_content]


class _BookmarkIds:
    """Bookmark ids after the largest one the template already uses."""

    def __init__(self, document: Document) -> None:
        used = [int(b.get(qn("w:id"))) for b in document.element.body.iter(qn("w:bookmarkStart"))
                if (b.get(qn("w:id")) or "").isdigit()]
        self.last = max(used, default=0)
        self.opened: dict[str, int] = {}  # anchors started and not yet ended
        self.named: set[str] = set()

    def next(self) -> int:
        self.last += 1
        return self.last

    def open(self, name: str) -> int | None:
        """A new id for the anchor `name`; None if a bookmark of that name was already made."""
        if name in self.named:
            return None
        self.named.add(name)
        self.opened[name] = self.next()
        return self.opened[name]

    def close(self, name: str) -> int | None:
        return self.opened.pop(name, None)


def _check_no_markers_left(document: Document, markers: Markers) -> None:
    nonce = markers.nonce.encode("ascii")
    for part in document.part.package.iter_parts():
        if nonce in part.blob:
            raise TemplateError(
                f"The template uses a footnote, link or bookmark tag (such as {{{{ c.ref }}}}) in {part.partname}; "
                "these only work in the body of the document."
            )
