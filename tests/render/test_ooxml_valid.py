"""Word opens every DOCX briefgen writes without offering to repair it.

Word validates what it opens; LibreOffice and python-docx do not. So each file is checked the way the
Open XML SDK checks it, with openxml-audit: schema (elements, attributes, their order), semantics
(required parts and relationships, ids, references) and Word's app-compatibility rules. Any error
fails the test; warnings (e.g. "this hyperlink points outside the document") are printed.

A new kind of DOCX output is one entry in OUTPUTS: a function from the `Outputs` builder to the
file's path.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openxml_audit.errors import ValidationSeverity
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.config import SHIPPED_TEMPLATE, Config
from briefgen.model import Citation, Point, Section
from briefgen.render import render_docx
from conftest import ROOT, SEEDS

from .conftest import MARKING, SECTIONS, build_brief, make_source
from .helpers import RESAVED, part_xml, word_findings

runner = CliRunner()
SAMPLE = "brief-2025-W38.docx"
WEEK = "2025-W38"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Text that has broken documents elsewhere: XML syntax, Jinja and docxtpl syntax, control characters,
# lone surrogates, bidirectional controls, emoji (astral plane), a word longer than a line.
HOSTILE = [
    "a < b & c > d « guillemets » \"quoted\" 'single'",
    "end of CDATA ]]> here <![CDATA[ and ]]>",
    "control\x0bchars\x00and\x1fmore\x0c\x7f\x85",
    "lone \ud800 surrogates \udfff",
    "RTL \u200f mark \u202e override \u2066isolate\u2069 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u05e2\u05d1\u05e8\u05d9\u05ea",
    "emoji 🇲🇱 👩🏽‍⚕️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and \ufeff BOM \ufffd",
    "{{ 7*7 }} {% for x in y %}loop{% endfor %} {_{ x }_} {%p if x %} {{r y }} {%tr for z %}",
    '<w:p><w:r><w:t>injected</w:t></w:r></w:p> &amp; &#0; &#x1F;',
    "Anticonstitutionnellement" * 200,
    "tab\there, line\r\nbreak, CR\ronly, form\x0cfeed, NEL\x85 LS\u2028 PS\u2029",
]
# Source addresses as pages state them; a hyperlink's relationship target must be a well-formed URI.
HOSTILE_URLS = [
    "https://www.example.org/mali/article?a=1&b=2#top",
    "https://exemple.fr/actualité/Mali et États-Unis/",
    'https://example.org/"quoted"<tag>{braces}|pipe\\back^caret`tick',
    "javascript:alert(1)",
    "www.example.org/no-scheme",
    "https://example.org/%zz-bad-escape/%41",
    "https://[::1/broken-host",
]

# An absolute http(s) URI made only of the characters RFC 3986 allows.
URI = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def assert_opens_in_word(path: Path) -> None:
    findings = word_findings(path)
    for finding in findings:
        if finding.severity != ValidationSeverity.ERROR:
            print(f"{path.name}: {finding.source_class.value} {finding.severity.value}: {finding}")
    errors = [f for f in findings if f.severity == ValidationSeverity.ERROR]
    assert not errors, f"{path.name}: Word would repair or refuse it:\n" + "\n".join(
        f"  [{e.source_class.value}] {e}" for e in errors)  # fmt: skip


class Outputs:
    """Briefs built from the seeds with the real `briefgen build`, each folder built once per module."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache = root / "cache"
        self.built: set[str] = set()

    def build(self, name: str, *args: str) -> Path:
        """The output folder of `briefgen build seeds/ --engine apertium *args` (built on first use)."""
        out = self.root / name
        if name not in self.built:
            self.run("build", str(SEEDS), "--engine", "apertium", "--out", str(out), *args)
            self.built.add(name)
        return out

    def run(self, *args: str) -> None:
        env = {"XDG_CACHE_HOME": str(self.cache), "SOURCE_DATE_EPOCH": "1758355200"}
        result = runner.invoke(app, list(args), env=env)
        assert result.exit_code == 0, result.output

    def notes(self) -> Path:
        """An analyst's notes folder: a standing file with a table as LibreOffice marks it, a week's file
        shaped as Word saves it."""
        folder = self.root / "notes"
        if folder.exists():
            return folder
        folder.mkdir()
        standing = docx.Document()
        paragraph = standing.add_paragraph("Standing caveat: ")
        run = paragraph.add_run("sources are pro-government")
        run.bold, run.font.size, run.font.highlight_color = True, Pt(14), WD_COLOR_INDEX.YELLOW
        standing.add_paragraph("First bullet", style="List Bullet")
        table = standing.add_table(rows=2, cols=2)
        table.style = "Table Grid"
        table.cell(0, 0).text = "Actor"
        for row in table.rows:  # "don't split this row" as LibreOffice writes it
            row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")} w:val="true"/>'))
        standing.save(str(folder / "standing.docx"))
        week = docx.Document()
        week.add_heading("This week", level=2)
        week.add_paragraph("Step one", style="List Number")
        week.add_paragraph("Step two", style="List Number")
        week.save(str(folder / f"{WEEK}.docx"))
        _as_word_saves_it(folder / f"{WEEK}.docx")
        return folder


def _as_word_saves_it(path: Path) -> None:
    """Give every paragraph the w14:paraId/w14:textId Word 2010+ writes, declared ignorable as Word does."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    old = etree.fromstring(parts["word/document.xml"])
    root = etree.Element(old.tag, nsmap={**old.nsmap, "mc": MC, "w14": W14})
    root.set(f"{{{MC}}}Ignorable", "w14")
    root.extend(list(old))
    for n, paragraph in enumerate(root.iter(f"{{{W}}}p"), start=1):
        paragraph.set(f"{{{W14}}}paraId", f"{0x1000 + n:08X}")
        paragraph.set(f"{{{W14}}}textId", f"{0x2000 + n:08X}")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def sample_brief(outputs: Outputs) -> Path:
    return outputs.build("sample") / SAMPLE


def french_edition(outputs: Outputs) -> Path:
    """`--lang fr` with the annex left out: French headings, dates and footnotes."""
    return outputs.build("french", "--lang", "fr", "--no-annex") / f"brief-{WEEK}.fr.docx"


def brief_with_notes(outputs: Outputs) -> Path:
    return outputs.build("notes", "--notes", str(outputs.notes())) / SAMPLE


def rebuilt_after_an_edit(outputs: Outputs) -> Path:
    """An analyst edits the brief in place; the next build keeps it and writes brief-<week>.v2.docx."""
    out = outputs.root / "edited"
    shutil.copytree(outputs.build("sample"), out)
    document = docx.Document(str(out / SAMPLE))
    document.add_paragraph("Analyst's comment added by hand.")
    document.save(str(out / SAMPLE))
    outputs.run("build", str(SEEDS), "--engine", "apertium", "--out", str(out))
    return out / f"brief-{WEEK}.v2.docx"


def hand_made_brief(outputs: Outputs) -> Path:
    """Every table, discrepancies, input warnings and web links (the seeds have no URLs)."""
    path = outputs.root / "hand-made.docx"
    render_docx(build_brief(), _config(), path)
    return path


def from_a_template_restyled_in_libreoffice(outputs: Outputs) -> Path:
    """LibreOffice writes some properties in a form Word's SDK rejects; the brief must not inherit them."""
    path = outputs.root / "from-libreoffice-template.docx"
    render_docx(build_brief(), replace(_config(), template=RESAVED), path)
    return path


OUTPUTS: dict[str, Callable[[Outputs], Path]] = {
    "template": lambda outputs: SHIPPED_TEMPLATE,
    "sample brief": sample_brief,
    "French edition": french_edition,
    "brief with analyst notes": brief_with_notes,
    "brief rebuilt as .v2 after an edit": rebuilt_after_an_edit,
    "hand-made brief with every table and link": hand_made_brief,
    "brief from a template restyled in LibreOffice": from_a_template_restyled_in_libreoffice,
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    return Outputs(tmp_path_factory.mktemp("ooxml"))


@pytest.mark.parametrize("name", OUTPUTS)
def test_word_opens_it_without_repair(outputs, name):
    path = OUTPUTS[name](outputs)
    assert path.is_file()
    assert_opens_in_word(path)


def test_the_check_catches_what_word_repairs(tmp_path):
    """The finding of issue 20 (table borders out of schema order) fails the check: it can fail."""
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(SHIPPED_TEMPLATE) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b"<w:tblBorders><w:top ", b"<w:tblBorders><w:insideV w:val=\"nil\"/><w:top ", 1)
            dst.writestr(item, data)
    with pytest.raises(AssertionError, match="Unexpected element"):
        assert_opens_in_word(broken)


def test_the_shipped_template_is_what_the_builder_writes():
    """The validated template is the one build_template.py makes: run it after changing the script."""
    spec = importlib.util.spec_from_file_location("build_template", ROOT / "templates" / "build_template.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    with zipfile.ZipFile(io.BytesIO(builder.build())) as built, zipfile.ZipFile(SHIPPED_TEMPLATE) as shipped:
        assert {n: built.read(n) for n in built.namelist()} == {n: shipped.read(n) for n in shipped.namelist()}


def _config() -> Config:
    return Config(marking=MARKING, author="Sahel desk", sections=SECTIONS)


def hostile_brief(value: str, url: str | None = None):
    """A brief whose every field that reaches the DOCX holds `value`, and every source the address `url`."""
    brief = build_brief()
    for other in brief.sources:
        other.url = url
    source = replace(make_source("rfi"), title=value, outlet=value, author=value, url=url)
    citation = Citation(source.id, 1, value)
    point = Point("p-hostile", value, [citation], "diplomacy", 1.0, value)
    brief.sources[0] = source
    brief.sections[0] = Section("diplomacy", value, value, [point, *brief.sections[0].points])
    brief.key_judgements.insert(0, point)
    brief.timeline[0] = replace(brief.timeline[0], fr=value, en=value)
    brief.actors[0] = replace(brief.actors[0], name=value, role=value, variants=[value])
    brief.discrepancies[0].topic = value
    brief.discrepancies[0].versions[0]["value"] = value
    brief.warnings[0] = replace(brief.warnings[0], source=value, message=value)
    return brief


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_still_opens_in_word(tmp_path, value):
    path = tmp_path / "hostile.docx"
    render_docx(hostile_brief(value), replace(_config(), marking=value), path)
    assert_opens_in_word(path)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_any_source_address_still_opens_in_word(tmp_path, url):
    """Web addresses become links with a well-formed target; anything else stays visible as text."""
    path = tmp_path / "url.docx"
    render_docx(hostile_brief("Titre", url=url), _config(), path)
    assert_opens_in_word(path)
    rels = part_xml(path, "word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels if r.get("Type").endswith("/hyperlink")]
    assert all(URI.fullmatch(t) for t in targets), targets
    assert bool(targets) == (url.startswith("https://") and "[::1/" not in url)
    assert url in "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# Any code point, lone surrogates and controls included, with the characters of XML and Jinja syntax often.
ANY_CHARACTER = st.characters(exclude_categories=()) | st.sampled_from(list("<>&\"'{}%#]\u200f\u202e\x00\x0b"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(ANY_CHARACTER, min_size=1, max_size=200))
def test_any_text_still_opens_in_word(tmp_path, value):
    path = tmp_path / "any.docx"
    render_docx(hostile_brief(value), _config(), path)
    assert_opens_in_word(path)
