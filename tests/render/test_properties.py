"""Document properties are the brief's own: nothing inherited from python-docx or the template."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import docx
from docx.oxml.ns import nsmap

from briefgen import __version__
from briefgen.render import docx_content_hash, render_docx
from briefgen.render.properties import CORE_NS, CUSTOM_NS, read_custom_properties, set_custom_properties

from .helpers import all_parts_text, part_xml


def test_core_properties_are_set_on_purpose(rendered):
    _, path, _ = rendered
    core = docx.Document(str(path)).core_properties
    assert core.title == "Press Brief 2025-W38"
    assert core.subject == "French-language press, Sources published 11 Jul – 16 Sep 2025 · events reported 8–22 Jul 2025"
    assert core.author == core.last_modified_by == "Sahel desk"
    assert core.keywords == "briefgen; 2025-W38; Diplomacy; Security; Economy; Russia context"
    assert core.language == "en"
    assert core.created.isoformat() == core.modified.isoformat() == "2025-09-20T06:00:00+00:00"
    assert core.revision == 0 and core.last_printed is None and core.category == ""


def test_no_default_leaks_anywhere_in_the_package(rendered):
    _, path, _ = rendered
    everything = all_parts_text(path)
    for leak in ("python-docx", "2013-12-23", "Microsoft Macintosh Word", "briefgen template"):
        assert leak not in everything
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    assert "docProps/thumbnail.jpeg" not in names


def test_custom_properties_carry_version_week_and_content_hash(rendered):
    _, path, _ = rendered
    props = read_custom_properties(docx.Document(str(path)))
    assert props == {
        "briefgen_content_hash": docx_content_hash(path),
        "briefgen_version": __version__,
        "briefgen_week": "2025-W38",
    }
    custom = part_xml(path, "docProps/custom.xml")
    assert [p.get("pid") for p in custom] == ["2", "3", "4"]


def test_existing_custom_properties_are_kept(tmp_path):
    document = docx.Document()
    set_custom_properties(document, {"department": "Sahel desk", "briefgen_week": "old"})
    set_custom_properties(document, {"briefgen_week": "2025-W38"})
    document.save(str(tmp_path / "d.docx"))
    assert read_custom_properties(docx.Document(str(tmp_path / "d.docx"))) == {
        "department": "Sahel desk", "briefgen_week": "2025-W38",
    }


def test_docxcompose_namespace_rebinding_is_undone(brief, config, tmp_path, monkeypatch):
    """docxcompose (imported by docxtpl when installed) rebinds "cp" to the custom-properties namespace."""
    monkeypatch.setitem(nsmap, "cp", CUSTOM_NS)
    out = tmp_path / "out.docx"
    render_docx(brief, replace(config, author="Desk"), out)
    core = part_xml(out, "docProps/core.xml")
    assert core.tag == f"{{{CORE_NS}}}coreProperties"
    assert [e.tag for e in core if e.tag.startswith(f"{{{CUSTOM_NS}}}")] == []
    assert len(core.findall(f"{{{CORE_NS}}}keywords")) == 1
    assert docx.Document(str(out)).core_properties.author == "Desk"
