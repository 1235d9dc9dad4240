"""The Word brief: the docxtpl template filled in safely, then real footnotes and properties.

Safety: templates run in Jinja2's sandbox with autoescape and StrictUndefined; every value is
cleaned of XML-illegal characters before rendering and its braces are written as character
references, so source text is always data (docxtpl turns "{_{" back into "{{" after rendering,
which would otherwise rewrite text such as "{_{" in an article).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import docxtpl
import jinja2
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Mm
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

import briefgen
from briefgen.config import Config
from briefgen.errors import OutputError, TemplateError
from briefgen.model import UNTRANSLATED, Brief
from briefgen.render.context import BriefView, build_view, generated_at
from briefgen.render.figure import timeline_png
from briefgen.render.fingerprint import HASH_PROPERTY, content_hash
from briefgen.render.markers import Markers, replace_markers, xml_text
from briefgen.render.properties import restore_core_namespace, set_core_properties, set_custom_properties
from briefgen.render.wordml import italicise, normalise_on_off

FIGURE_WIDTH = Mm(165)  # the shipped template's text width is 170 mm
ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip member can carry
CONTEXT_LINES = 160  # characters of template text quoted in a template error

restore_core_namespace()  # docxtpl may have imported docxcompose, which rebinds "cp"


def render_docx(brief: Brief, config: Config, out: Path) -> None:
    """Render `config.template` for `brief` into `out` (a .docx)."""
    template = _load(config.template)
    markers = Markers()
    view = build_view(brief, config, markers)
    figure = docxtpl.InlineImage(template, io.BytesIO(timeline_png(view.figure_rows, view.lang)), width=FIGURE_WIDTH) \
        if view.figure_rows else ""
    context = view.as_context() | {"timeline_figure": figure}
    try:
        template.render(context, jinja_env=environment())
    except jinja2.TemplateError as exc:
        raise TemplateError(_describe(config.template, exc)) from exc
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise TemplateError(f"Template {config.template} produced an invalid document ({exc}).") from exc
    document = template.docx
    replace_markers(document, markers)
    if view.lang == "en":  # the English's untranslated French words: `*word*` in the JSON, italics here
        italicise(document.element.body, UNTRANSLATED)
    for root in (document.element, document.styles.element):
        normalise_on_off(root)
    _describe_pictures(document, view.timeline_caption)
    _set_properties(document, brief, view)
    buffer = io.BytesIO()
    template.save(buffer)
    _write_zip(buffer.getvalue(), out, generated_at(brief))


def environment() -> SandboxedEnvironment:
    """The only Jinja environment templates run in."""
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_as_xml_text)


def _as_xml_text(value: Any) -> Any:
    """Escape a value for WordprocessingML, braces included (see the module docstring)."""
    if hasattr(value, "__html__"):  # already markup: markers (render/markers.py), the inline figure
        return value
    return xml_text(value)


def _load(path: Path) -> docxtpl.DocxTemplate:
    if not path.is_file():
        raise TemplateError(f"Template {path} not found. Pass an existing .docx with --template, or leave "
                            "the template setting empty to use the shipped one.")
    template = docxtpl.DocxTemplate(str(path))
    try:
        template.get_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise TemplateError(f"Template {path} is not a Word .docx file ({exc}). Save it from Word or "
                            "LibreOffice as .docx.") from exc
    return template


def _describe(path: Path, exc: jinja2.TemplateError) -> str:
    near = " ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
    where = f" near: {near[:CONTEXT_LINES]}" if near else ""
    return f"Template {path}: {exc.message or type(exc).__name__}{where}. See docs/template.md for the tags."


def _describe_pictures(document: Document, description: str) -> None:
    """Alt text for screen readers on pictures that have none (python-docx leaves it empty)."""
    for picture in document.element.body.iter(qn("wp:docPr")):
        if not picture.get("descr"):
            picture.set("descr", description)


def _set_properties(document: Document, brief: Brief, view: BriefView) -> None:
    title = next((p.text for p in document.paragraphs if p.style.style_id == "Title" and p.text.strip()), view.title)
    if view.period.week and view.period.week not in title:
        title = f"{title} {view.period.week}"
    sections = "; ".join(s.title for s in view.sections)
    set_core_properties(
        document,
        title=title,
        subject=f"French-language press, {view.period.label}",
        author=view.author,
        keywords="; ".join(k for k in ("briefgen", view.period.week, sections) if k),
        comments=f"Generated by briefgen {briefgen.__version__} from {view.sources_summary}; "
        f"translation: {view.engine.label}.",
        created=generated_at(brief),
    )
    set_custom_properties(document, {
        "briefgen_version": briefgen.__version__,
        "briefgen_week": view.period.week,
        HASH_PROPERTY: content_hash(document),
    })


def _write_zip(data: bytes, out: Path, when: dt.datetime) -> None:
    """Re-zip `data` with every member stamped `when`, so the same brief gives the same bytes."""
    stamp = max(when.astimezone(dt.timezone.utc).replace(tzinfo=None) if when.tzinfo else when, ZIP_EPOCH)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                info = zipfile.ZipInfo(item.filename, stamp.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                dst.writestr(info, src.read(item.filename))
    except OSError as exc:
        raise OutputError(f"Cannot write {out} ({exc.strerror or exc}). Check the folder exists and is writable.") from exc
