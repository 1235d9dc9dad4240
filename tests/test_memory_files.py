"""TMX 1.4 and JSON exports of the translation memory, and `briefgen memory` round trips."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from briefgen.errors import ConfigError
from briefgen.memory import MemoryEntry, TranslationMemory, memory_path
from briefgen.memory_files import read_entries, to_json, to_tmx

TMX_DTD = Path(__file__).parent / "data" / "tmx14.dtd"
ENTRIES = [
    MemoryEntry("M. Stevens a déclaré que « la lutte contre le terrorisme est une responsabilité partagée ».",
                "Mr Stevens said that “counterterrorism is a shared responsibility”.",
                "the gentleman Stevens has declared that « the counterterrorism is a responsibility shared ».",
                "point", "P76871cbbd4", "brief-2025-W38.docx", "Jane Analyst", "2025-09-22T10:15:00+00:00", 1),
    MemoryEntry("président de transition", "transitional president", "president of transition", "actor role",
                "Assimi Goïta", "brief-2025-W38.v2.docx", "Sam <Editor> & Co", "2025-09-23T08:00:00+00:00", 2),
]


def test_the_tmx_export_is_valid_tmx_1_4():
    document = etree.fromstring(to_tmx(ENTRIES))
    dtd = etree.DTD(str(TMX_DTD))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    header = document.find("header")
    assert (header.get("srclang"), header.get("segtype"), header.get("creationtool")) == ("fr", "sentence", "briefgen")
    first = document.find("body/tu")
    assert (first.get("changeid"), first.get("changedate")) == ("Jane Analyst", "20250922T101500Z")
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in first.findall("tuv")]
    assert langs == ["fr", "en"]


@pytest.mark.parametrize("export", [to_tmx, to_json])
def test_exports_read_back_as_the_same_entries(export, tmp_path: Path):
    path = tmp_path / "memory.export"
    path.write_bytes(export(ENTRIES))
    assert read_entries(path) == [MemoryEntry(**{**vars(e), "id": 0}) for e in ENTRIES]


def test_a_cat_tool_tmx_is_read_with_region_codes_and_inline_tags(tmp_path: Path):
    path = tmp_path / "omegat.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="OmegaT" '
        'creationtoolversion="6" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="FR-FR" '
        'datatype="plaintext"/><body>'
        '<tu creationid="kim" creationdate="20250901T080000Z"><tuv xml:lang="FR-FR"><seg>Les <bpt i="1">&lt;b&gt;</bpt>'
        'FAMa<ept i="1">&lt;/b&gt;</ept> ont riposté.</seg></tuv><tuv xml:lang="EN-GB"><seg>The <ph>{1}</ph>FAMa '
        '<hi>struck back</hi>.</seg></tuv></tu>'
        '<tu><tuv lang="fr"><seg>Seulement en français.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    [entry] = read_entries(path)
    assert (entry.fr, entry.en) == ("Les FAMa ont riposté.", "The FAMa struck back.")
    assert (entry.author, entry.modified) == ("kim", "2025-09-01T08:00:00+00:00")


@pytest.mark.parametrize("content", [b"<html><body>not a memory</body></html>", b"{\"schema\": \"other\"}", b"\x00\x01binary"])
def test_a_file_that_is_not_a_memory_is_refused_clearly(content: bytes, tmp_path: Path):
    path = tmp_path / "wrong.tmx"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match="not"):
        read_entries(path)


def test_the_memory_command_round_trips_through_tmx_into_an_empty_workspace(tmp_path: Path, briefgen_exe: Path):
    team, empty = tmp_path / "team" / "outputs", tmp_path / "new" / "outputs"
    with TranslationMemory(memory_path(team)) as memory:
        for entry in ENTRIES:
            memory.record(entry)

    def run(*args: str) -> str:
        done = subprocess.run([str(briefgen_exe), "memory", *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    exported = tmp_path / "team.tmx"
    assert "Wrote 2 entries" in run("export", "--format", "tmx", str(exported), "--out", str(team))
    assert "Imported 2 of 2 entries" in run("import", str(exported), "--out", str(empty))
    assert run("list", "--out", str(empty)) == run("list", "--out", str(team))
    with TranslationMemory(memory_path(team)) as before, TranslationMemory(memory_path(empty)) as after:
        assert after.entries() == before.entries()
    assert "Imported 0 of 2" in run("import", str(exported), "--out", str(empty))  # importing twice adds nothing
    assert "Forgot #2" in run("forget", "2", "--out", str(empty))
    failed = subprocess.run([str(briefgen_exe), "memory", "forget", "2", "--out", str(empty)], capture_output=True, text=True)
    assert failed.returncode == 2 and "No entry #2" in failed.stderr
