"""Atomic outputs: every file is either the previous one or a complete new one, never a partial one,
and names stay inside the output folder."""

from __future__ import annotations

import errno
import fcntl
import os
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from briefgen.config import Config, load_config
from briefgen.errors import BuildLockedError, OutputError
from briefgen.model import Brief, EngineInfo, Period
from briefgen.outdir import LOCK_NAME, locked, output_path, remove_stale_temps
from briefgen.output import editions, write_brief
from briefgen.pipeline import run
from briefgen.registry import renderers
from briefgen.schedule import LAST_RUN

WEEK = "2025-W38"
# Atomicity does not depend on the format; the DOCX-specific edit safety is tested in test_edits.py.
CONFIG = Config(formats=("md", "json"))


def write(brief: Brief, config: Config, out: Path, renderers: dict) -> list[Path]:
    """What a command does: hold the folder's lock, then write."""
    with locked(out):
        return write_brief(brief, config, out, renderers)[0]


def _brief() -> Brief:
    return Brief(period=Period.from_week(WEEK))


def _renderers(fail_on: str | None = None, error: BaseException | None = None) -> dict:
    def make(fmt: str):
        def render(brief: Brief, config: Config, out: Path) -> None:
            out.write_text(f"new {fmt}\n" * 100)  # written in several steps: a partial file would show
            if fmt == fail_on:
                raise error or OSError(errno.EIO, "Input/output error")

        return render

    return {fmt: make(fmt) for fmt in ("docx", "json", "md", "pdf")}


@pytest.fixture
def previous(tmp_path: Path) -> dict[Path, bytes]:
    """Last week's good outputs, which no failure may touch."""
    out = tmp_path / "outputs"
    out.mkdir()
    files = {output_path(out, WEEK, fmt): f"previous {fmt}\n".encode() for fmt in ("md", "json")}
    for path, data in files.items():
        path.write_bytes(data)
    return files


def _unchanged(previous: dict[Path, bytes]) -> bool:
    return all(path.read_bytes() == data for path, data in previous.items())


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_every_format_and_nothing_else(tmp_path):
    out = tmp_path / "outputs"
    written = write(_brief(), CONFIG, out, _renderers())
    assert written == [out / "brief-2025-W38.md", out / "brief-2025-W38.json", out / "brief-2025-W38.manifest.json"]
    assert (out / "brief-2025-W38.json").read_text().startswith("new json")
    assert sorted(p.name for p in out.iterdir()) == [LOCK_NAME, "brief-2025-W38.json", "brief-2025-W38.manifest.json", "brief-2025-W38.md"]


def test_new_files_get_normal_permissions(tmp_path):
    out = tmp_path / "outputs"
    (docx, _, _) = write(_brief(), CONFIG, out, _renderers())
    mask = os.umask(0)
    os.umask(mask)
    assert docx.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600


@pytest.mark.parametrize("week", ["../../etc", "2025-W38/../../x", "..", "2025-W38\n", "2025-W3", "/etc/passwd", "2025-W38.json"])
def test_output_names_cannot_leave_the_folder(tmp_path, week):
    with pytest.raises(OutputError, match="Invalid week"):
        output_path(tmp_path, week, "json")
    with pytest.raises(OutputError, match="Invalid week"):
        write(Brief(period=Period(week, None, None)), CONFIG, tmp_path / "out", _renderers())
    assert not (tmp_path / "out").exists() or _leftovers(tmp_path / "out") == []


@pytest.mark.parametrize("failing", ["md", "json"])
def test_a_failing_format_replaces_nothing(previous, failing):
    out = next(iter(previous)).parent
    with pytest.raises(OutputError, match="Nothing was replaced"):
        write(_brief(), CONFIG, out, _renderers(fail_on=failing))
    assert _unchanged(previous)
    assert _leftovers(out) == []


def test_full_disk_says_so_and_replaces_nothing(previous):
    out = next(iter(previous)).parent
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    with pytest.raises(OutputError, match="disk is full") as caught:
        write(_brief(), CONFIG, out, _renderers(fail_on="json", error=full))
    assert "brief-2025-W38.json" in str(caught.value)
    assert _unchanged(previous)
    assert _leftovers(out) == []


def test_a_renderer_bug_replaces_nothing_and_is_not_disguised(previous):
    out = next(iter(previous)).parent
    with pytest.raises(KeyError):  # not an OS problem: the real error reaches the developer
        write(_brief(), CONFIG, out, _renderers(fail_on="json", error=KeyError("bug")))
    assert _unchanged(previous)
    assert _leftovers(out) == []


def test_interrupt_while_rendering_replaces_nothing(previous):
    out = next(iter(previous)).parent
    with pytest.raises(KeyboardInterrupt):
        write(_brief(), CONFIG, out, _renderers(fail_on="json", error=KeyboardInterrupt()))
    assert _unchanged(previous)
    assert _leftovers(out) == []


def test_output_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="Cannot write to the output folder"):
        write(_brief(), CONFIG, blocker / "outputs", _renderers())


def test_unwritable_output_folder(previous, monkeypatch):
    """Tests run as root in CI, where permissions do not block writes, so the refusal is simulated
    at the call that creates the temporary file."""
    out = next(iter(previous)).parent

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(OutputError, match="Permission denied.*Nothing was replaced"):
        write(_brief(), CONFIG, out, _renderers())
    assert _unchanged(previous)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_read_only_output_folder(previous):
    out = next(iter(previous)).parent
    (out / LOCK_NAME).touch()
    out.chmod(0o555)
    try:
        with pytest.raises(OutputError):
            write(_brief(), CONFIG, out, _renderers())
    finally:
        out.chmod(0o755)
    assert _unchanged(previous)


def test_a_folder_in_the_way_fails_before_anything_is_replaced(previous):
    out = next(iter(previous)).parent
    json_path = output_path(out, WEEK, "json")
    json_path.unlink()
    json_path.mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write(_brief(), CONFIG, out, _renderers())
    assert output_path(out, WEEK, "md").read_bytes() == b"previous md\n"
    assert _leftovers(out) == []


def test_corrupted_previous_outputs_are_simply_replaced(previous):
    out = next(iter(previous)).parent
    for path in previous:
        path.write_bytes(b"\x00\xff{ truncated")
    write(_brief(), CONFIG, out, _renderers())
    assert output_path(out, WEEK, "json").read_text().startswith("new json")


def test_symlinked_output_is_replaced_not_followed(tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("keep me")
    output_path(out, WEEK, "json").symlink_to(victim)
    write(_brief(), CONFIG, out, _renderers())
    assert victim.read_text() == "keep me"
    assert not output_path(out, WEEK, "json").is_symlink()


def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    with (out / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildLockedError, match="Another briefgen run"):
            write(_brief(), CONFIG, out, _renderers())
    assert write(_brief(), CONFIG, out, _renderers())


def test_temporary_files_of_a_killed_run_are_cleaned_by_the_next(tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    stale = [out / ".brief-2025-W38.docx.k1ll3d.tmp", out / ".brief-2025-W37.json.abcdef.tmp"]
    for path in stale:
        path.write_bytes(b"half a fi")
    unrelated = out / "notes.tmp"
    unrelated.write_text("the user's own file")
    write(_brief(), CONFIG, out, _renderers())
    assert not any(path.exists() for path in stale)
    assert unrelated.exists()


def test_taking_the_lock_removes_stale_temps(tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    (out / ".brief-2025-W38.docx.x.tmp").write_bytes(b"")
    with locked(out):
        assert remove_stale_temps(out) == []  # already removed on entry


# --- Through the command: --week is the only part of an output name a user controls. ---

HOSTILE_WEEKS = ["../../etc", "2025-W38/../../x", "../brief", "2025-W99", "/etc/passwd"]


def _build_with_week(week: str, tmp_path: Path, seeds_dir: Path, fake_translator, monkeypatch):
    from typer.testing import CliRunner

    from briefgen.cli import app

    monkeypatch.setattr("briefgen.translate.select_engine", lambda config: fake_translator)
    out = tmp_path / "deep" / "outputs"
    return CliRunner().invoke(app, ["build", str(seeds_dir), "--out", str(out), "--week", week], env={"COLUMNS": "1000"})


@pytest.mark.parametrize("week", HOSTILE_WEEKS)
def test_hostile_week_writes_no_file_anywhere(week, tmp_path, seeds_dir, fake_translator, isolated_home, monkeypatch):
    result = _build_with_week(week, tmp_path, seeds_dir, fake_translator, monkeypatch)
    assert result.exit_code != 0
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.name.startswith(("brief", ".brief"))]
    assert written in ([], [tmp_path / "deep" / "outputs" / LAST_RUN])  # at most the failed run's record, inside --out


@pytest.mark.parametrize("week", HOSTILE_WEEKS)
def test_hostile_week_is_an_invalid_option(week, tmp_path, seeds_dir, fake_translator, isolated_home, monkeypatch):
    result = _build_with_week(week, tmp_path, seeds_dir, fake_translator, monkeypatch)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ") and repr(week) in result.stderr


class FailingTranslator:
    """A French-only edition must never reach a translation engine."""

    info = EngineInfo("failing", "0", "must not be called")

    def translate_batch(self, sentences: list[str]) -> list[str]:
        raise AssertionError(f"translator called with {len(sentences)} sentences")


def test_french_edition_builds_without_translating(seeds_dir: Path, tmp_path: Path, isolated_home: Path):
    config = replace(load_config(), languages=("fr",), formats=("docx", "json"))
    brief = run([seeds_dir], config, FailingTranslator())
    assert brief.engine == FailingTranslator.info and not any(p.en for p in brief.points())
    written = write(brief, config, tmp_path, renderers())
    assert [p.name for p in written] == ["brief-2025-W38.fr.docx", "brief-2025-W38.json", "brief-2025-W38.manifest.json"]
    document = docx.Document(str(written[0]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["Points clés", "Évaluation", "Diplomatie", "Sécurité"]
    assert "Chronologie" in headings and "Méthodologie" in headings
    assert not any("Annex" in h or "Annexe" in h for h in headings)  # nothing to set the French beside
    text = "\n".join(p.text for p in document.paragraphs)
    assert brief.points()[0].fr in text and "Key judgements" not in text
    meta = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert meta[0] == ["Période", "semaine ISO 2025-W38 (15–21 septembre 2025)"]
    assert meta[-1] == ["Traduction", "Aucune : édition française, non traduite"]
    assert document.paragraphs[2].text == "Sources publiées 9 juil. – 16 sept. 2025 · événements rapportés 17 juin – 22 juil. 2025"


def test_every_document_format_is_written_once_per_edition_and_the_json_once():
    config = Config(formats=("docx", "json", "md"), languages=("en", "fr"))
    assert editions(config) == [("docx", "en"), ("docx", "fr"), ("json", "en"), ("md", "en"), ("md", "fr")]
