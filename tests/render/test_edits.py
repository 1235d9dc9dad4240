"""Edit safety: a DOCX a person changed is never replaced; the new brief goes to the next free .vN name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from briefgen.config import Config
from briefgen.render.edits import is_edited, safe_target, stamp, versioned
from briefgen.model import Brief, EngineInfo, Period
from briefgen.render import render_docx


def _generated(path: Path, text: str = "Key judgements") -> Path:
    """A DOCX as briefgen leaves it: text plus the stamp of that text."""
    document = docx.Document()
    document.add_paragraph(text)
    stamp(document)
    document.save(str(path))
    return path


def _edit(path: Path) -> None:
    document = docx.Document(str(path))
    document.add_paragraph("Analyst: the visit signals a US policy shift.")
    document.save(str(path))


def test_a_generated_file_is_ours_to_replace(tmp_path):
    final = _generated(tmp_path / "brief-2025-W38.docx")
    assert not is_edited(final)
    assert safe_target(final, force=False) == (final, None)


def test_a_missing_file_is_simply_written(tmp_path):
    final = tmp_path / "brief-2025-W38.docx"
    assert safe_target(final, force=False) == (final, None)


def test_saving_without_changing_the_text_is_not_an_edit(tmp_path):
    final = _generated(tmp_path / "brief-2025-W38.docx")
    docx.Document(str(final)).save(str(final))  # re-saved: other zip, other XML, same words
    assert not is_edited(final)


def test_an_edited_file_is_kept_and_the_brief_goes_to_v2(tmp_path):
    final = _generated(tmp_path / "brief-2025-W38.docx")
    _edit(final)
    edited = final.read_bytes()
    target, note = safe_target(final, force=False)
    assert target == tmp_path / "brief-2025-W38.v2.docx"
    assert note == ("brief-2025-W38.docx was edited since briefgen wrote it, so it was kept; the new brief is "
                    "brief-2025-W38.v2.docx. Use --force to overwrite the edited file.")  # fmt: skip
    assert final.read_bytes() == edited


def test_force_overwrites_and_says_so(tmp_path):
    final = _generated(tmp_path / "brief-2025-W38.docx")
    _edit(final)
    target, note = safe_target(final, force=True)
    assert target == final
    assert "overwritten because of --force" in note


def test_an_unedited_v2_is_reused_and_an_edited_one_skipped(tmp_path):
    final = _generated(tmp_path / "brief-2025-W38.docx")
    _edit(final)
    v2 = _generated(tmp_path / "brief-2025-W38.v2.docx")
    assert safe_target(final, force=False)[0] == v2  # reruns do not pile up v3, v4 ...
    _edit(v2)
    assert safe_target(final, force=False)[0] == tmp_path / "brief-2025-W38.v3.docx"


@pytest.mark.parametrize(
    "make",
    [
        lambda path: docx.Document().save(str(path)),  # a Word file without briefgen's stamp
        lambda path: path.write_bytes(b"PK\x03\x04 truncated"),
        lambda path: path.write_text("not a document"),
        lambda path: path.mkdir(),
    ],
    ids=["no-stamp", "corrupt-zip", "text", "folder"],
)
def test_anything_briefgen_cannot_vouch_for_counts_as_edited(tmp_path, make):
    final = tmp_path / "brief-2025-W38.docx"
    make(final)
    assert is_edited(final)
    assert safe_target(final, force=False)[0] == tmp_path / "brief-2025-W38.v2.docx"


def test_version_names():
    final = Path("out/brief-2025-W38.docx")
    assert versioned(final, 2) == Path("out/brief-2025-W38.v2.docx")
    assert versioned(Path("out/brief-2025-W38.v2.docx"), 3) == Path("out/brief-2025-W38.v3.docx")


def test_the_renderers_stamp_is_recognised(tmp_path):
    brief = Brief(period=Period.from_week("2025-W38"), generated_at=dt.datetime(2025, 9, 22, 6, tzinfo=dt.timezone.utc),
                  engine=EngineInfo("fake", "1", "m"))  # fmt: skip
    final = tmp_path / "brief-2025-W38.docx"
    render_docx(brief, Config(), final)
    assert not is_edited(final)
    _edit(final)
    assert is_edited(final)
