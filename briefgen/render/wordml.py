"""Small WordprocessingML builders shared by the post-rendering steps."""

from __future__ import annotations

import copy
import re

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.run import Run
from lxml import etree

# Word ignores raw tabs and newlines inside w:t; they are elements of their own.
LAYOUT_ELEMENTS = {"\t": "tab", "\n": "br"}
LAYOUT_CHARS = re.compile("([\t\n])")


def new_run(rpr: etree._Element | None = None, style: str | None = None) -> etree._Element:
    """An empty run with a copy of `rpr`, its character style replaced by `style` if given."""
    run = parse_xml(f'<w:r {nsdecls("w")}/>')
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    if style:
        props = run.find(qn("w:rPr"))
        if props is None:
            props = parse_xml(f'<w:rPr {nsdecls("w")}/>')
            run.insert(0, props)
        for old in props.findall(qn("w:rStyle")):
            props.remove(old)
        props.insert(0, parse_xml(f'<w:rStyle {nsdecls("w")} w:val="{style}"/>'))
    return run


def text_element(value: str) -> etree._Element:
    t = parse_xml(f'<w:t {nsdecls("w")} xml:space="preserve"/>')
    t.text = value
    return t


def append_text(run: etree._Element, value: str) -> etree._Element:
    """Add `value` to `run`; tabs and newlines become Word tabs and line breaks, as in the body."""
    for piece in LAYOUT_CHARS.split(value):
        if piece in LAYOUT_ELEMENTS:
            run.append(parse_xml(f'<w:{LAYOUT_ELEMENTS[piece]} {nsdecls("w")}/>'))
        elif piece:
            run.append(text_element(piece))
    return run


def text_run(value: str, props: str = "") -> etree._Element:
    """A run showing `value`; `props` is run-property XML such as "<w:i/>"."""
    return append_text(new_run(parse_xml(f'<w:rPr {nsdecls("w")}>{props}</w:rPr>') if props else None), value)


def italicise(root: etree._Element, pattern: re.Pattern) -> None:
    """Each match of `pattern` in the runs under `root` becomes a run of its own, in italics, showing the
    pattern's first group (`*mutualiser*` -> mutualiser in italics); the rest keeps its run's formatting."""
    for run in [r for r in root.iter(qn("w:r")) if any(pattern.search(t.text or "") for t in r.iter(qn("w:t")))]:
        rpr = run.find(qn("w:rPr"))
        pieces = [new_run(rpr)]
        for child in run:
            if child is rpr:
                continue
            if child.tag != qn("w:t") or not pattern.search(child.text or ""):
                pieces[-1].append(copy.deepcopy(child))
                continue
            cursor = 0
            for m in pattern.finditer(child.text):
                if m.start() > cursor:
                    pieces[-1].append(text_element(child.text[cursor : m.start()]))
                italic = new_run(rpr)
                Run(italic, None).italic = True  # python-docx puts <w:i/> where the schema wants it
                pieces += [append_text(italic, m.group(1)), new_run(rpr)]
                cursor = m.end()
            if cursor < len(child.text):
                pieces[-1].append(text_element(child.text[cursor:]))
        has_content = int(rpr is not None)  # a run holding only its properties shows nothing
        for piece in pieces:
            if len(piece) > has_content:
                run.addprevious(piece)
        run.getparent().remove(run)


def ensure_styles(document: Document, definitions: dict[str, str]) -> None:
    """Add each style (id -> <w:style> XML) the document lacks; a template's own styles win."""
    styles = document.styles.element
    for style_id, xml in definitions.items():
        if styles.get_by_id(style_id) is None:
            styles.append(parse_xml(xml))


# On/off properties the schema allows only "on" or "off" for (CT_OnOffOnly). LibreOffice writes
# "true" there (<w:cantSplit w:val="true"/>), which Word's SDK rejects: a template restyled in
# LibreOffice would pass it on to every brief.
ON_OFF_ONLY = ("cantSplit", "tblHeader", "hidden", "noWrap", "hideMark", "tcFitText", "bidiVisual", "qFormat",
               "semiHidden", "unhideWhenUsed", "locked", "autoRedefine", "personal", "personalCompose",
               "personalReply")
ON_OFF = {"true": "on", "1": "on", "false": "off", "0": "off"}


def normalise_on_off(root: etree._Element) -> None:
    """Write every ON_OFF_ONLY property's value as "on" or "off", as Word does."""
    for element in root.iter(*(qn(f"w:{name}") for name in ON_OFF_ONLY)):
        value = element.get(qn("w:val"))
        if value in ON_OFF:
            element.set(qn("w:val"), ON_OFF[value])
