"""The build manifest: what a brief was built from, and why two builds differ."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from briefgen.config import SHIPPED_TEMPLATE, Config
from briefgen.manifest import (
    FileDigest,
    build_manifest,
    compare_manifests,
    explain_rebuild,
    file_sha256,
    read_manifest,
    to_text,
    write_manifest,
)
from briefgen.model import Brief, EngineInfo, Period, Source

GENERATED = dt.datetime(2025, 9, 22, 6, tzinfo=dt.timezone.utc)


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Brief, Config]:
    sources = []
    for name, text in (("b.txt", "Le ministre a reçu l'envoyé."), ("a.txt", "Une frappe de drone a visé Tombouctou.")):
        path = tmp_path / "sources" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sources.append(Source(f"S{name[0]}", path, file_sha256(path), text))
    brief = Brief(sources=sources, period=Period.from_week("2025-W38"), generated_at=GENERATED,
                  engine=EngineInfo("apertium", "3.8.3", "fra-cat+cat-eng"))  # fmt: skip
    return brief, Config(cache=tmp_path / "cache.sqlite")


def test_the_manifest_records_inputs_config_engine_and_packages(inputs, tmp_path):
    brief, config = inputs
    out = tmp_path / "brief-2025-W38.json"
    out.write_text("{}\n", encoding="utf-8")
    manifest = build_manifest(brief, config, outputs={"brief-2025-W38.json": out})
    assert manifest.schema == "briefgen/manifest@1"
    assert [(i.path, i.source) for i in manifest.inputs] == [
        ((tmp_path / "sources/a.txt").as_posix(), "Sa"), ((tmp_path / "sources/b.txt").as_posix(), "Sb"),
    ]  # fmt: skip
    assert manifest.inputs[0].sha256 == file_sha256(tmp_path / "sources/a.txt")
    assert manifest.config["length"] == 900
    assert "cache" not in manifest.config  # machine-local, does not change the brief
    assert manifest.template == FileDigest(SHIPPED_TEMPLATE.name, file_sha256(SHIPPED_TEMPLATE))
    assert len(manifest.glossary["digest"]) == 16
    assert manifest.engine == EngineInfo("apertium", "3.8.3", "fra-cat+cat-eng")
    packages = manifest.packages
    assert {"python", "briefgen", "argos-translate-lt", "ctranslate2", "docxtpl", "python-docx"} <= set(packages)
    assert packages["python-docx"][0].isdigit()
    assert manifest.outputs == {"brief-2025-W38.json": f"bytes:{file_sha256(out)}"}


def test_same_build_same_manifest_bytes(inputs, tmp_path):
    brief, config = inputs
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    write_manifest(build_manifest(brief, config), first)
    write_manifest(build_manifest(brief, config), second)
    assert first.read_bytes() == second.read_bytes()
    assert read_manifest(first) == build_manifest(brief, config)
    assert compare_manifests(read_manifest(first), build_manifest(brief, config)) == []


def test_a_moved_working_folder_changes_nothing(inputs, tmp_path):
    brief, config = inputs
    template = Path(shutil.copy(SHIPPED_TEMPLATE, tmp_path / "brief.docx"))
    moved = Config(template=template, cache=tmp_path / "elsewhere.sqlite")
    assert compare_manifests(build_manifest(brief, config), build_manifest(brief, moved)) == []


def test_differences_are_explained(inputs, tmp_path):
    brief, config = inputs
    old = build_manifest(brief, config)
    (tmp_path / "sources/a.txt").write_text("Texte corrigé.", encoding="utf-8")
    brief.sources[0].sha256 = file_sha256(tmp_path / "sources/b.txt")  # unchanged
    brief.sources[1].sha256 = file_sha256(tmp_path / "sources/a.txt")
    brief.sources.append(Source("Sc", tmp_path / "sources/c.txt", "c" * 64, "x"))
    brief.engine = EngineInfo("argos", "1.9", "translate-fr_en-1_9")
    new = build_manifest(brief, Config(length=600))
    new.packages["ctranslate2"] = "9.9.9"
    reasons = compare_manifests(old, new)
    assert reasons == [
        f"source added: {(tmp_path / 'sources/c.txt').as_posix()}",
        f"source changed: {(tmp_path / 'sources/a.txt').as_posix()}",
        "configuration length: 900 -> 600",
        "engine changed: apertium 3.8.3 fra-cat+cat-eng -> argos 1.9 translate-fr_en-1_9",
        f"ctranslate2 {old.packages['ctranslate2']} -> 9.9.9",
    ]
    assert explain_rebuild(old, new).startswith("Rebuilt 2025-W38; since the last build: source added: ")


def test_rebuild_explanations(inputs, tmp_path):
    brief, config = inputs
    out = tmp_path / "brief.json"
    out.write_text("{}\n", encoding="utf-8")
    old = build_manifest(brief, config, outputs={"brief-2025-W38.json": out})
    assert explain_rebuild(None, old) is None
    assert explain_rebuild(old, copy.deepcopy(old)) == (
        "Rebuilt 2025-W38 from the same inputs, configuration, engine and packages: identical outputs."
    )
    later = dataclasses.replace(old, generated_at="2025-09-23T06:00:00+00:00", outputs={"brief-2025-W38.json": "bytes:other"})
    assert "only the generation time differs (set SOURCE_DATE_EPOCH" in explain_rebuild(old, later)
    broken = dataclasses.replace(old, outputs={"brief-2025-W38.json": "bytes:other"})
    assert "yet the outputs differ" in explain_rebuild(old, broken)


@pytest.mark.parametrize("content", ["", "{", "[]", '{"schema": "briefgen/brief@1"}'])
def test_a_missing_or_foreign_manifest_reads_as_none(tmp_path, content):
    path = tmp_path / "brief-2025-W38.manifest.json"
    assert read_manifest(path) is None
    path.write_text(content, encoding="utf-8")
    assert read_manifest(path) is None


def test_manifest_text_is_json_with_a_final_newline(inputs):
    text = to_text(build_manifest(*inputs))
    assert text.endswith("}\n") and text.startswith('{\n  "schema": "briefgen/manifest@1"')
