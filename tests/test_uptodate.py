"""A build is skipped only when it would reproduce the brief on disk exactly."""

from __future__ import annotations

import dataclasses
import os
import shutil

import docx
import pytest

from briefgen.config import load_config
from briefgen.model import EngineInfo
from briefgen.outdir import locked
from briefgen.output import write_brief
from briefgen.registry import renderers
from briefgen.pipeline import run
from briefgen.uptodate import current_brief, scan_inputs


@pytest.fixture
def built(tmp_path, seeds_dir, fake_translator, isolated_home):
    """A brief of the seeds (copied, so their times can change) in an output folder."""
    sources = tmp_path / "sources"
    shutil.copytree(seeds_dir, sources)
    out = tmp_path / "out"
    config = load_config(tmp_path)
    scan = scan_inputs([sources])
    with locked(out):
        brief = run([sources], config, fake_translator)
        write_brief(brief, config, out, renderers(), scan=scan)
    return sources, out, config, fake_translator.info


def test_an_unchanged_build_is_recognised(built, tmp_path):
    sources, out, config, engine = built
    manifest = current_brief(out, None, scan_inputs([sources]), config, tmp_path / "notes", engine)
    assert manifest is not None and manifest.week == "2025-W38"
    assert current_brief(out, "2025-W38", scan_inputs([sources]), config, tmp_path / "notes", engine) is not None
    assert current_brief(out, "2025-W37", scan_inputs([sources]), config, tmp_path / "notes", engine) is None


def test_a_touched_or_new_source_means_rebuild(built, tmp_path):
    sources, out, config, engine = built
    first = sorted(sources.iterdir())[0]
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 1_000_000_000))
    assert current_brief(out, None, scan_inputs([sources]), config, tmp_path / "notes", engine) is None


def test_other_configuration_engine_or_notes_mean_rebuild(built, tmp_path):
    sources, out, config, engine = built
    scan = scan_inputs([sources])
    notes = tmp_path / "notes"
    assert current_brief(out, None, scan, dataclasses.replace(config, length=400), notes, engine) is None
    assert current_brief(out, None, scan, config, notes, EngineInfo("apertium", "3.8.3", "fra-cat+cat-eng")) is None
    notes.mkdir()
    docx.Document().save(notes / "standing.docx")
    assert current_brief(out, None, scan, config, notes, engine) is None


def test_an_edited_or_missing_output_means_rebuild(built, tmp_path):
    sources, out, config, engine = built
    scan = scan_inputs([sources])
    document = docx.Document(out / "brief-2025-W38.docx")
    document.add_paragraph("An analyst's comment.")
    document.save(out / "brief-2025-W38.docx")
    assert current_brief(out, None, scan, config, tmp_path / "notes", engine) is None
    (out / "brief-2025-W38.docx").unlink()
    assert current_brief(out, None, scan, config, tmp_path / "notes", engine) is None


def test_the_command_skips_an_unchanged_build(tmp_path, seeds_dir, briefgen_exe, isolated_env):
    import subprocess

    out = tmp_path / "out"
    command = [str(briefgen_exe), "build", str(seeds_dir), "--out", str(out), "--engine", "apertium", "--format", "json"]
    first = subprocess.run(command, env=isolated_env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    written = (out / "brief-2025-W38.json").stat().st_mtime_ns
    second = subprocess.run(command, env=isolated_env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0 and "is up to date" in second.stdout
    assert (out / "brief-2025-W38.json").stat().st_mtime_ns == written  # nothing rewritten
    forced = subprocess.run([*command, "--force"], env=isolated_env, capture_output=True, text=True, timeout=300)
    assert forced.returncode == 0 and "is up to date" not in forced.stdout
    assert (out / "brief-2025-W38.json").stat().st_mtime_ns != written
