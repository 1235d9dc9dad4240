"""Build templates/brief.docx, the shipped docxtpl (Jinja2-in-Word) template.

The template is a binary, so it is generated from this script: every style, the header, the footer
and every Jinja tag is written here as WordprocessingML, then checked (well-formed XML, opens in
python-docx) and zipped with fixed timestamps so the file is byte-for-byte reproducible.

    .venv/bin/python templates/build_template.py            # writes templates/brief.docx

docs/template.md lists the variables the tags below use. Users restyle the result in Word or
LibreOffice; they do not need this script.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

OUT = Path(__file__).with_name("brief.docx")
ZIP_TIME = (2025, 1, 1, 0, 0, 0)  # fixed member timestamps: same script -> same bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_DECL = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_BASE = "application/vnd.openxmlformats-officedocument"

# Palette and geometry (twentieths of a point unless noted).
NAVY = "1F3864"  # headings, table header rows
ACCENT = "2E74B5"  # subheadings, rules
MUTED = "595959"  # captions, notes, header/footer text
MARKING_RED = "A50021"  # the marking line
KJ_FILL = "EEF2F8"  # key-judgement box
META_FILL = "F2F4F7"  # title-block table
PAGE_W, PAGE_H = 11906, 16838  # A4
MARGIN = 1134  # 2 cm
TEXT_W = PAGE_W - 2 * MARGIN  # 9638: usable width for tables
FONT = "Calibri"  # metric-compatible Carlito is used where Calibri is missing

# --------------------------------------------------------------------------- styles


def _rpr(size: float | None = None, color: str | None = None, bold: bool = False, italic: bool = False,
         caps: bool = False, spacing: int | None = None) -> str:
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        half = int(size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>" if parts else ""


def _pstyle(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal", nxt: str = "",
            extra: str = "") -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    next_style = f'<w:next w:val="{nxt}"/>' if nxt else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="{int(sid in CUSTOM)}" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/>{based_on}{next_style}{extra}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr>{rpr}</w:style>"
    )


def _cstyle(sid: str, name: str, rpr: str) -> str:
    return (
        f'<w:style w:type="character" w:customStyle="{int(sid in CUSTOM)}" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
        f"{rpr}</w:style>"
    )


CUSTOM = {"Overline", "KeyJudgement", "TableText", "TableHeading", "SourceEntry", "Note", "SourceLink",
          "Figure", "BriefTable", "MetaTable"}


# The order CT_TblBorders prescribes: any other is a schema error, the kind Word offers to repair.
BORDER_ORDER = ("top", "left", "bottom", "right", "insideH", "insideV")


def _borders(**sides: str) -> str:
    """<w:top …/><w:left …/>… in schema order, whatever order the caller named them in."""
    return "".join(f"<w:{side} {sides[side]}/>" for side in BORDER_ORDER if side in sides)


def _table_style(sid: str, name: str, borders: str, fill: str = "") -> str:
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tcPr>{shd}</w:tcPr></w:style>"
    )


def styles_xml() -> str:
    rule = f'w:val="single" w:sz="6" w:space="0" w:color="{NAVY}"'
    thin = 'w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"'
    none = 'w:val="nil"'
    brief_borders = _borders(top=rule, left=none, bottom=rule, right=none, insideH=thin, insideV=none)
    meta_borders = _borders(top=none, left=none, bottom=none, right=none, insideH=none, insideV=none)
    heading_ppr = '<w:keepNext/><w:keepLines/>'
    styles = [
        _pstyle("Normal", "Normal", '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>',
                _rpr(10.5, "222222"), based=""),
        _pstyle("Title", "Title", '<w:spacing w:before="0" w:after="40"/><w:contextualSpacing/>',
                _rpr(24, NAVY, bold=True), nxt="Subtitle"),
        _pstyle("Subtitle", "Subtitle", '<w:spacing w:after="200"/>', _rpr(13, MUTED)),
        _pstyle("Overline", "Overline", '<w:spacing w:after="60"/>',
                _rpr(8.5, ACCENT, bold=True, caps=True, spacing=20)),
        _pstyle("Heading1", "heading 1",
                f'{heading_ppr}<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="{ACCENT}"/></w:pBdr>'
                '<w:spacing w:before="320" w:after="120"/><w:outlineLvl w:val="0"/>',
                _rpr(14, NAVY, bold=True), nxt="Normal"),
        _pstyle("Heading2", "heading 2", f'{heading_ppr}<w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/>',
                _rpr(11.5, ACCENT, bold=True), nxt="Normal"),
        _pstyle("ListBullet", "List Bullet",
                '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/><w:ind w:left="284" w:hanging="284"/>'),
        _pstyle("KeyJudgement", "Key Judgement",
                f'<w:numPr><w:numId w:val="2"/></w:numPr><w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="{NAVY}"/></w:pBdr>'
                f'<w:shd w:val="clear" w:color="auto" w:fill="{KJ_FILL}"/><w:spacing w:before="0" w:after="80" w:line="276" w:lineRule="auto"/>'
                '<w:ind w:left="510" w:right="113" w:hanging="340"/>', _rpr(10.5, "1A1A1A")),
        _pstyle("Caption", "caption", '<w:spacing w:before="60" w:after="200"/><w:jc w:val="center"/>',
                _rpr(9, MUTED, italic=True), nxt="Normal"),
        _pstyle("Figure", "Figure", '<w:keepNext/><w:spacing w:before="120" w:after="0"/><w:jc w:val="center"/>'),
        _pstyle("TableText", "Table Text", '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
                _rpr(8)),
        _pstyle("TableHeading", "Table Heading", '<w:keepNext/><w:spacing w:before="0" w:after="0"/>',
                _rpr(9, "FFFFFF", bold=True), based="TableText"),
        _pstyle("SourceEntry", "Source Entry", '<w:spacing w:after="80"/><w:ind w:left="454" w:hanging="454"/>',
                _rpr(9.5)),
        _pstyle("Note", "Note", "", _rpr(10, MUTED, italic=True)),
        _pstyle("FootnoteText", "footnote text", '<w:spacing w:after="20" w:line="240" w:lineRule="auto"/>',
                _rpr(7.5)),
        _pstyle("Header", "header", '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs>'
                '<w:spacing w:after="0"/>', _rpr(8.5, MUTED)),
        _pstyle("Footer", "footer", '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs>'
                '<w:spacing w:after="0"/>', _rpr(8.5, MUTED)),
        _cstyle("FootnoteReference", "footnote reference", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
        _cstyle("Hyperlink", "Hyperlink", '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
        _cstyle("SourceLink", "Source Link", f'<w:rPr><w:color w:val="{NAVY}"/></w:rPr>'),
        _table_style("BriefTable", "Brief Table", brief_borders),
        _table_style("MetaTable", "Meta Table", meta_borders, META_FILL),
    ]
    defaults = (
        f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr>'
        '</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
    )
    base = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/></w:style>'
    )
    # Mark Normal as the default paragraph style.
    body = "".join(styles).replace('w:styleId="Normal"', 'w:default="1" w:styleId="Normal"', 1)
    return f"{XML_HEAD}<w:styles {NS_DECL}>{defaults}{base}{body}</w:styles>"


def numbering_xml() -> str:
    """numId 1: bullets for List Bullet; numId 2: 1. 2. 3. for key judgements."""
    bullet = (
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr>'
        f'<w:rPr><w:color w:val="{ACCENT}"/></w:rPr></w:lvl></w:abstractNum>'
    )
    decimal = (
        '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="510" w:hanging="340"/></w:pPr>'
        f'<w:rPr><w:b/><w:color w:val="{NAVY}"/></w:rPr></w:lvl></w:abstractNum>'
    )
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    return f"{XML_HEAD}<w:numbering {NS_DECL}>{bullet}{decimal}{nums}</w:numbering>"


# --------------------------------------------------------------------------- body building blocks


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def styled(style: str) -> str:
    return f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>'


def para(style: str, *runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{"".join(runs)}</w:p>'


def tag_para(tag: str) -> str:
    """A paragraph holding only a docxtpl paragraph-level tag ({%p ... %}); it vanishes on rendering."""
    return f"<w:p>{run(tag)}</w:p>"


def refs(citations: str) -> str:
    """Footnote references for every citation in `citations` (a Jinja expression), as ¹,²,³."""
    return (
        run(f"{{% for c in {citations} %}}")
        + run("{{ c.ref }}{% if not loop.last %},{% endif %}", styled("FootnoteReference"))
        + run("{% endfor %}")
    )


def source_links(sources: str) -> str:
    """Links to the Sources list for every source in `sources` (a Jinja expression)."""
    return run(f"{{% for s in {sources} %}}{{{{ s.link }}}}{{% if not loop.last %}}; {{% endif %}}{{% endfor %}}")


def cell(width: int, *paras: str, fill: str = "") -> str:
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr>{"".join(paras)}</w:tc>'


def row(*cells: str, header: bool = False) -> str:
    trpr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def tag_row(tag: str, ncols: int, widths: list[int]) -> str:
    """A table row holding only a docxtpl row-level tag ({%tr ... %}); it vanishes on rendering."""
    cells = [cell(widths[0], para("TableText", run(tag)))] + [cell(w, para("TableText")) for w in widths[1:ncols]]
    return row(*cells)


def table(style: str, widths: list[int], *rows: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def data_table(widths: list[int], headings: list[str], loop: str, cells: list[str]) -> str:
    """A BriefTable: shaded header row, one row per item of `loop` ("x in xs")."""
    head = row(*(cell(w, para("TableHeading", run(h)), fill=NAVY) for w, h in zip(widths, headings)), header=True)
    body = row(*(cell(w, c) for w, c in zip(widths, cells)))
    n = len(widths)
    return table("BriefTable", widths, head, tag_row(f"{{%tr for {loop} %}}", n, widths), body,
                 tag_row("{%tr endfor %}", n, widths))


def heading(text: str, level: int = 1, ppr: str = "") -> str:
    return para(f"Heading{level}", run(text), ppr=ppr)


# --------------------------------------------------------------------------- the brief


def title_block() -> str:
    label_w, value_w = 1800, TEXT_W - 1800
    meta_rows = [
        ("{{ w.coverage }}", "{{ period.coverage }}"),
        ("{{ w.period }}", "{{ w.iso_week }} {{ period.week }} ({{ period.dates }})"),
        ("{{ w.sources }}", "{{ sources_summary }}"),
        ("{{ w.generated }}", "{{ generated }}"),
        ("{{ w.translation }}", "{{ engine.label }}{% if engine.notice %}. {{ engine.notice }}{% endif %}"),
    ]
    rows = [
        row(cell(label_w, para("TableText", run(k, "<w:rPr><w:b/></w:rPr>"))), cell(value_w, para("TableText", run(v))))
        for k, v in meta_rows
    ]
    # A weekly brief's subtitle is its week: the coverage gets a row. A built brief's subtitle is its coverage.
    rows = [tag_row("{%tr if weekly %}", 2, [label_w, value_w]), rows[0], tag_row("{%tr endif %}", 2, [label_w, value_w]),
            *rows[1:]]
    return (
        para("Overline", run("{{ w.overline }}"))
        + para("Title", run("{{ name }}"))
        + para("Subtitle", run("{{ period.label }}"))
        + table("MetaTable", [label_w, value_w], *rows)
        + para("Note", run("{% if show_annex %}{{ w.intro }}{% else %}{{ w.intro_no_annex }}{% endif %}"),
               ppr='<w:spacing w:before="120"/>')
    )


def point_tail(var: str) -> str:
    """After a point's English text: its notes and one footnote reference per citation."""
    return point_tail_note(var) + refs(f"{var}.citations")


def point_tail_note(var: str) -> str:
    """ (reported by 3 sources), and a warning when the English is missing."""
    return run(f"{{% if {var}.reported %}} {{{{ {var}.reported }}}}{{% endif %}}"
               f"{{% if not {var}.translated %}} {{{{ w.not_translated }}}}{{% endif %}}",
               f'<w:rPr><w:i/><w:color w:val="{MUTED}"/></w:rPr>')


def new_this_week() -> str:
    """Only in briefs compared with the previous week's (briefgen weekly)."""
    return (
        tag_para("{%p if compared %}")
        + heading("{{ w.new_this_week }}")
        + tag_para("{%p if previous_week %}")
        + para("Normal", run("{{ w.compared.format(week=previous_week, new=new_points|length, total=annex|length) }}"))
        + tag_para("{%p for p in new_points %}")
        + para("ListBullet", run("{{ p.en }} — {{ w.see }} {{ p.section_link }}"))
        + tag_para("{%p endfor %}")
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.first_brief }}"))
        + tag_para("{%p endif %}")
        + tag_para("{%p endif %}")
    )


def key_judgements() -> str:
    see = (
        point_tail_note("kj")
        + run("{% if kj.section_anchor %} — {{ w.see }} {{ kj.section_link }}{% else %}")
        + refs("kj.citations") + run("{% endif %}")
    )
    return (
        heading("{{ w.key_developments }}")
        + tag_para("{%p if developments %}")
        + tag_para("{%p for d in developments %}")
        + para("KeyJudgement", run("{{ d.en }}"), refs("d.citations"))
        + tag_para("{%p endfor %}")
        + tag_para("{%p elif key_judgements %}")
        + tag_para("{%p if developments_note %}")
        + para("Note", run("{{ developments_note }}"))
        + tag_para("{%p endif %}")
        + tag_para("{%p for kj in key_judgements %}")
        + para("KeyJudgement", run("{{ kj.en }}"), see)
        + tag_para("{%p endfor %}")
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.no_key_developments }}"))
        + tag_para("{%p endif %}")
    )


def assessment() -> str:
    """Left for the analyst: briefgen merges back what they write here (briefgen/assessment.py)."""
    return heading("{{ w.assessment }}") + para("Note", run("{{ w.assessment_placeholder }}"))


def sections() -> str:
    point = para("ListBullet", run("{{ p.bookmark }}{{ p.en }}"), point_tail("p"))
    return (
        tag_para("{%p for section in sections %}")
        + heading("{{ section.title }}")
        + tag_para("{%p for p in section.points %}")
        + point
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.no_material }}"))
        + tag_para("{%p endfor %}")
        + tag_para("{%p endfor %}")
    )


def timeline() -> str:
    widths = [2000, 5238, 2400]
    cells = [
        para("TableText", run("{{ e.date }}", "<w:rPr><w:b/></w:rPr>")),
        para("TableText", run("{{ e.label }}"),
             run("{% if e.background %} ({{ w.background }}){% endif %}", f'<w:rPr><w:i/><w:color w:val="{MUTED}"/></w:rPr>')),
        para("TableText", source_links("e.sources")),
    ]
    caption = para(
        "Caption",
        run("{{ w.figure }} "),
        _field("SEQ Figure \\* ARABIC", "1"),
        run(". {{ timeline_caption }}"),
    )
    return (
        heading("{{ w.timeline }}")
        + tag_para("{%p if timeline %}")
        + tag_para("{%p if timeline_figure %}")
        + para("Figure", run("{{ timeline_figure }}"))
        + caption
        + tag_para("{%p endif %}")
        + data_table(widths, ["{{ w.date }}", "{{ w.event }}", "{{ w.sources }}"], "e in timeline", cells)
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.no_events }}"))
        + tag_para("{%p endif %}")
    )


def listed_note(variable: str) -> str:
    """A Note paragraph saying how many rows a long table lists, only when it leaves some out."""
    return tag_para(f"{{%p if {variable} %}}") + para("Note", run(f"{{{{ {variable} }}}}")) + tag_para("{%p endif %}")


def actors() -> str:
    widths = [2200, 1150, 3088, 900, 2300]
    cells = [
        para("TableText", run("{{ a.name }}", "<w:rPr><w:b/></w:rPr>"),
             run("{% if a.variants %} ({{ w.also }} {{ a.variants }}){% endif %}")),
        para("TableText", run("{{ a.kind }}")),
        para("TableText", run("{{ a.role }}")),
        para("TableText", run("{{ a.mentions }}")),
        para("TableText", source_links("a.sources")),
    ]
    return (
        heading("{{ w.key_actors }}")
        + tag_para("{%p if actors %}")
        + data_table(widths, ["{{ w.name }}", "{{ w.type }}", "{{ w.role }}", "{{ w.mentions }}", "{{ w.sources }}"], "a in actors", cells)
        + listed_note("actors_note")
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.no_actors }}"))
        + tag_para("{%p endif %}")
    )


def discrepancies() -> str:
    widths = [2600, 4238, 2800]
    head = row(*(cell(w, para("TableHeading", run(h)), fill=NAVY)
                 for w, h in zip(widths, ["{{ w.topic }}", "{{ w.version }}", "{{ w.reported_by_heading }}"])), header=True)
    reported_by = (
        run("{% for c in v.citations %}{{ c.link }}")
        + run("{{ c.ref }}", styled("FootnoteReference"))
        + run("{% if not loop.last %}; {% endif %}{% endfor %}")
    )
    body = row(
        cell(widths[0], para("TableText", run("{% if loop.first %}{{ d.topic }}{% endif %}", "<w:rPr><w:b/></w:rPr>"))),
        cell(widths[1], para("TableText", run("{{ v.value }}"))),
        cell(widths[2], para("TableText", reported_by)),
    )
    tbl = table(
        "BriefTable", widths, head,
        tag_row("{%tr for d in discrepancies %}", 3, widths), tag_row("{%tr for v in d.versions %}", 3, widths),
        body,
        tag_row("{%tr endfor %}", 3, widths), tag_row("{%tr endfor %}", 3, widths),
    )
    return (
        heading("{{ w.discrepancies }}")
        + tag_para("{%p if discrepancies %}")
        + para("Normal", run("{{ w.discrepancies_intro }}"))
        + tbl
        + listed_note("discrepancies_note")
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.no_discrepancies }}"))
        + tag_para("{%p endif %}")
    )


def analyst_notes() -> str:
    return heading("{{ w.analyst_notes }}") + para("Note", run("{{ w.notes_placeholder }}"))


def sources() -> str:
    entry = para(
        "SourceEntry",
        run("{{ s.bookmark }}[{{ s.n }}]"), "<w:r><w:tab/></w:r>",
        run("{{ s.outlet }}", "<w:rPr><w:b/></w:rPr>"),
        run(" — {% if s.title %}{{ s.title }}{% endif %}", "<w:rPr><w:i/></w:rPr>"),
        run("{% if not s.title %}{{ w.no_title }} « {{ s.opening }} »{% endif %}"),
        run(", {{ s.date }}{% if s.author %}, {{ s.author }}{% endif %}.{% if s.url %} {{ s.web_link }}{% endif %}"),
        run("{% if not s.known_outlet %} ({{ w.file }} {{ s.file }}){% endif %}", _rpr(7.5, MUTED)),
        ppr='<w:tabs><w:tab w:val="left" w:pos="454"/></w:tabs>',
    )
    return (
        heading("{{ w.sources }}")
        + tag_para("{%p for s in sources %}")
        + entry
        + tag_para("{%p endfor %}")
    )


def annex() -> str:
    widths = [500, 4569, 4569]
    small = _rpr(8)
    cells = [
        para("TableText", run("{{ row.n }}", _rpr(8, MUTED))),
        para("TableText", run("{{ row.fr }}", small.replace("</w:rPr>", '<w:lang w:val="fr-FR"/></w:rPr>'))),
        para("TableText", run("{{ row.en }}", small)),
    ]
    return (
        tag_para("{%p if show_annex %}")
        + heading("{{ w.annex }}", ppr="<w:pageBreakBefore/>")
        + para("Normal", run("{{ w.annex_intro }}"))
        + tag_para("{%p if annex %}")
        + data_table(widths, ["#", "{{ w.french }}", "{{ w.english }}"], "row in annex", cells)
        + tag_para("{%p else %}")
        + para("Note", run("{{ w.no_points }}"))
        + tag_para("{%p endif %}")
        + tag_para("{%p endif %}")
    )


def methodology() -> str:
    return (
        heading("{{ w.methodology }}")
        + heading("{{ w.translation }}", 2)
        + para("Normal", run("{{ engine.label }}. {{ engine.limits }}"))
        + tag_para("{%p if memory_note %}")
        + para("Normal", run("{{ memory_note }}"))
        + tag_para("{%p endif %}")
        + heading("{{ w.selection }}", 2)
        + para("Normal", run("{{ w.selection_text }}"))
        + para("Normal", run("{{ w.built_by.format(version=briefgen_version, when=generated) }}"))
        + tag_para("{%p if warnings %}")
        + heading("{{ w.input_warnings }}", 2)
        + tag_para("{%p for warning in warnings %}")
        + para("ListBullet", run("{{ warning.source }}", "<w:rPr><w:b/></w:rPr>"), run(": {{ warning.message }}"))
        + tag_para("{%p endfor %}")
        + tag_para("{%p endif %}")
    )


def section_properties() -> str:
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
        '<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="1247" w:right="{MARGIN}" w:bottom="1134" w:left="{MARGIN}" w:header="567" '
        'w:footer="454" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )


def document_xml() -> str:
    body = (
        title_block() + new_this_week() + key_judgements() + assessment() + sections() + timeline() + actors()
        + discrepancies() + analyst_notes() + sources() + methodology() + annex() + section_properties()
    )
    return f"{XML_HEAD}<w:document {NS_DECL}><w:body>{body}</w:body></w:document>"


def header_xml() -> str:
    marking = para(
        "Header", run("{{ marking }}", _rpr(8.5, MARKING_RED, bold=True, caps=True, spacing=10)),
        ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{ACCENT}"/></w:pBdr><w:jc w:val="center"/>',
    )
    return f"{XML_HEAD}<w:hdr {NS_DECL}>{marking}</w:hdr>"


def _field(instr: str, cached: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{cached}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml() -> str:
    line = para(
        "Footer",
        run("{{ title }}"),
        "<w:r><w:tab/></w:r><w:r><w:tab/></w:r>",
        run("{{ w.page }} "), _field("PAGE", "1"), run(" {{ w.of }} "), _field("NUMPAGES", "1"),
        ppr=f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{ACCENT}"/></w:pBdr>',
    )
    marking = para("Footer", run("{{ marking }}", _rpr(8.5, MARKING_RED, bold=True, caps=True, spacing=10)),
                   ppr='<w:jc w:val="center"/>')
    return f"{XML_HEAD}<w:ftr {NS_DECL}>{line}{marking}</w:ftr>"


def footnotes_xml() -> str:
    """Separator footnotes only: briefgen adds one footnote per citation when rendering."""
    sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
           'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>')
    cont = ('<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    return f"{XML_HEAD}<w:footnotes {NS_DECL}>{sep}{cont}</w:footnotes>"


def settings_xml() -> str:
    """Word's settings, in CT_Settings order; compatibilityMode 15 is Word 2013 and later (no compatibility mode)."""
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" w:val="{value}"/>'
        for name, value in (("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                            ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1))
    )
    scheme = " ".join(f'w:{k}="{v}"' for k, v in (
        ("bg1", "light1"), ("t1", "dark1"), ("bg2", "light2"), ("t2", "dark2"),
        *((f"accent{i}", f"accent{i}") for i in range(1, 7)),
        ("hyperlink", "hyperlink"), ("followedHyperlink", "followedHyperlink"),
    ))
    return (
        f'{XML_HEAD}<w:settings {NS_DECL}><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        f'<w:compat>{compat}</w:compat><w:themeFontLang w:val="en-GB"/><w:clrSchemeMapping {scheme}/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def web_settings_xml() -> str:
    return f"{XML_HEAD}<w:webSettings {NS_DECL}><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>"


# Fonts the document names, as Word records them (panose, family, Unicode and code-page coverage):
# Word substitutes a missing font by these, and writes this table for every document it saves.
FONTS = {
    FONT: ("020F0502020204030204", "swiss",
           'w:usb0="E4002EFF" w:usb1="C000247B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"'),
    "Times New Roman": ("02020603050405020304", "roman",
                        'w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" '
                        'w:csb1="00000000"'),
}


def font_table_xml() -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:panose1 w:val="{panose}"/><w:charset w:val="00"/><w:family w:val="{family}"/>'
        f'<w:pitch w:val="variable"/><w:sig {sig}/></w:font>'
        for name, (panose, family, sig) in FONTS.items()
    )
    return f"{XML_HEAD}<w:fonts {NS_DECL}>{fonts}</w:fonts>"


def theme_xml() -> str:
    """The document theme: the brief's palette as theme colours, Calibri as heading and body font.

    Word writes a theme with every document; restyling in Word (Design > Colours, Fonts) edits it.
    """
    colours = {"accent1": ACCENT, "accent2": NAVY, "accent3": "A5A5A5", "accent4": "C9A227",
               "accent5": "5B9BD5", "accent6": "70AD47", "hlink": "0563C1", "folHlink": "954F72"}
    scheme = (
        '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
        f'<a:dk2><a:srgbClr val="{NAVY}"/></a:dk2><a:lt2><a:srgbClr val="{META_FILL}"/></a:lt2>'
        + "".join(f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>' for k, v in colours.items())
    )
    font = f'<a:latin typeface="{FONT}" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/>'
    phase = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    lines = "".join(
        f'<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{phase}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'
        for w in (6350, 12700, 19050)
    )
    formats = (
        f"<a:fillStyleLst>{phase * 3}</a:fillStyleLst><a:lnStyleLst>{lines}</a:lnStyleLst>"
        "<a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3 + "</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{phase * 3}</a:bgFillStyleLst>"
    )
    return (
        f'{XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="briefgen">'
        f'<a:themeElements><a:clrScheme name="briefgen">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="briefgen"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont></a:fontScheme>'
        f'<a:fmtScheme name="briefgen">{formats}</a:fmtScheme></a:themeElements>'
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


# --------------------------------------------------------------------------- package


def content_types() -> str:
    overrides = {
        "/word/document.xml": f"{CT_BASE}.wordprocessingml.document.main+xml",
        "/word/styles.xml": f"{CT_BASE}.wordprocessingml.styles+xml",
        "/word/numbering.xml": f"{CT_BASE}.wordprocessingml.numbering+xml",
        "/word/settings.xml": f"{CT_BASE}.wordprocessingml.settings+xml",
        "/word/webSettings.xml": f"{CT_BASE}.wordprocessingml.webSettings+xml",
        "/word/fontTable.xml": f"{CT_BASE}.wordprocessingml.fontTable+xml",
        "/word/theme/theme1.xml": f"{CT_BASE}.theme+xml",
        "/word/footnotes.xml": f"{CT_BASE}.wordprocessingml.footnotes+xml",
        "/word/header1.xml": f"{CT_BASE}.wordprocessingml.header+xml",
        "/word/footer1.xml": f"{CT_BASE}.wordprocessingml.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{CT_BASE}.extended-properties+xml",
    }
    items = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        f"{items}</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    rels = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'


def package_rels() -> str:
    return _rels([
        ("rId1", f"{REL_BASE}/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"),
        ("rId3", f"{REL_BASE}/extended-properties", "docProps/app.xml"),
    ])


def document_rels() -> str:
    return _rels([
        ("rIdStyles", f"{REL_BASE}/styles", "styles.xml"),
        ("rIdNumbering", f"{REL_BASE}/numbering", "numbering.xml"),
        ("rIdSettings", f"{REL_BASE}/settings", "settings.xml"),
        ("rIdWebSettings", f"{REL_BASE}/webSettings", "webSettings.xml"),
        ("rIdFontTable", f"{REL_BASE}/fontTable", "fontTable.xml"),
        ("rIdTheme", f"{REL_BASE}/theme", "theme/theme1.xml"),
        ("rIdFootnotes", f"{REL_BASE}/footnotes", "footnotes.xml"),
        ("rIdHeader1", f"{REL_BASE}/header", "header1.xml"),
        ("rIdFooter1", f"{REL_BASE}/footer", "footer1.xml"),
    ])


def core_xml() -> str:
    """Neutral template properties; render_docx replaces them with the brief's own."""
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>Weekly Press Brief (briefgen template)</dc:title><dc:creator>briefgen</dc:creator>"
        '<dc:language>en-GB</dc:language></cp:coreProperties>'
    )


def app_xml() -> str:
    return (
        f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>briefgen</Application></Properties>"
    )


def parts() -> dict[str, str]:
    return {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": package_rels(),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": document_rels(),
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/webSettings.xml": web_settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/theme/theme1.xml": theme_xml(),
        "word/footnotes.xml": footnotes_xml(),
        "word/header1.xml": header_xml(),
        "word/footer1.xml": footer_xml(),
    }


def build() -> bytes:
    """The template as bytes; every part is checked to be well-formed XML first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts().items():
            etree.fromstring(xml.encode("utf-8"))  # raises on malformed XML
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, xml.encode("utf-8"))
    data = buffer.getvalue()
    docx.Document(io.BytesIO(data))  # raises if python-docx cannot open it
    return data


def main() -> None:
    OUT.write_bytes(build())
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
