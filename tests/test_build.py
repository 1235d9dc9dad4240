"""The build use case as `weekly` runs it: three consecutive weeks of dated articles (issue 6's
scenario).

Week 2 marks carried-over and new points; an edited DOCX is never overwritten; analyst notes survive
regeneration; a concurrent run is refused with exit code 75; a run killed after writing its
temporary file leaves the previous brief intact and the next run succeeds; with SOURCE_DATE_EPOCH
two builds of the same inputs are byte-identical.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from briefgen.build import BuildRequest, BuildResult, build_brief
from briefgen.cli import app
from briefgen.config import load_config
from briefgen.ingest import ingest
from briefgen.manifest import read_manifest
from briefgen.model import CARRIED_OVER, NEW
from briefgen.outdir import locked
from briefgen.render.edits import is_edited
from briefgen.render.fingerprint import docx_content_hash, visible_text

# Seed article -> publication day (September 2025): W37 is 8-14, W38 15-21, W39 22-28.
ARTICLES = {"001": 9, "002": 11, "003": 16, "004": 23}
PARAGRAPHS = 8  # enough for several points per article, small enough for a fast test
BUILD_TIMEOUT = 300


@pytest.fixture(scope="module")
def sources(tmp_path_factory, seeds_dir_module) -> Path:
    """Four dated French articles made from the seeds' own paragraphs, one or two per week."""
    folder = tmp_path_factory.mktemp("weeks") / "sources"
    folder.mkdir()
    for source in ingest([seeds_dir_module]).sources:
        key = source.path.name[:3]
        if key not in ARTICLES:
            continue
        paragraphs = [p.text for p in source.paragraphs if not p.heading][:PARAGRAPHS]
        dateline = f"Bamako, {ARTICLES[key]} septembre 2025 - "
        (folder / f"article-{key}.txt").write_text(dateline + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seeds_dir_module() -> Path:
    return Path(__file__).parent.parent / "seeds"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1758520800")  # 2025-09-22 06:00 UTC
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def _week(sources: Path, out: Path, week: str, translator, **options) -> BuildResult:
    config = load_config(out.parent, {"cache": str(out.parent / "translations.sqlite")})
    return build_brief(BuildRequest([sources], out, config, week, weekly=True, notes=out.parent / "notes", **options), translator)


def _ids(result: BuildResult) -> dict[str, set[str]]:
    """Point id -> ids of the sources it cites."""
    return {p.id: {c.source for c in p.citations} for p in [*result.brief.key_judgements, *result.brief.points()]}


def _article_id(result: BuildResult, key: str) -> str:
    return next(s.id for s in result.brief.sources if s.path.name == f"article-{key}.txt")


def test_three_weeks_mark_new_and_carried_over_points(sources, workspace, fake_translator):
    out = workspace / "outputs"
    week1 = _week(sources, out, "2025-W37", fake_translator)
    assert sorted(s.path.name for s in week1.brief.sources) == ["article-001.txt", "article-002.txt"]
    assert week1.brief.previous_week is None
    assert {p.status for p in week1.brief.points()} == {NEW}

    week2 = _week(sources, out, "2025-W38", fake_translator)
    assert sorted(s.path.name for s in week2.brief.sources) == ["article-001.txt", "article-002.txt", "article-003.txt"]
    assert week2.brief.previous_week == "2025-W37"
    fresh = _article_id(week2, "003")
    statuses = {p.id: p.status for p in week2.brief.points()}
    week1_ids = set(_ids(week1))
    assert all(statuses[pid] == CARRIED_OVER for pid in statuses if pid in week1_ids)
    new = [pid for pid, status in statuses.items() if status == NEW]
    assert not set(new) & week1_ids
    assert any(_ids(week2)[pid] == {fresh} for pid in new)  # the new article brings new facts
    assert sum(status == CARRIED_OVER for status in statuses.values()) >= 3  # last week's facts are still there
    assert week2.brief.new_this_week == [pid for pid in _ids(week2) if pid in new]

    week3 = _week(sources, out, "2025-W39", fake_translator)
    assert sorted(s.path.name for s in week3.brief.sources) == ["article-003.txt", "article-004.txt"]
    assert week3.brief.previous_week == "2025-W38"
    assert all(p.status == CARRIED_OVER for p in week3.brief.points() if p.id in set(_ids(week2)))
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        f"brief-2025-W{n}.{ext}" for n in (37, 38, 39) for ext in ("docx", "json", "manifest.json")
    ]


def test_an_edited_brief_is_never_overwritten(sources, workspace, fake_translator):
    out = workspace / "outputs"
    _week(sources, out, "2025-W37", fake_translator)
    final = out / "brief-2025-W37.docx"
    document = docx.Document(str(final))
    document.add_paragraph("Analyst comment: treat the US offer with caution.")
    document.save(str(final))
    edited = final.read_bytes()

    again = _week(sources, out, "2025-W37", fake_translator)
    assert final.read_bytes() == edited
    assert out / "brief-2025-W37.v2.docx" in again.written
    assert any("brief-2025-W37.docx was edited since briefgen wrote it, so it was kept" in m for m in again.messages)
    third = _week(sources, out, "2025-W37", fake_translator)
    assert final.read_bytes() == edited
    assert out / "brief-2025-W37.v2.docx" in third.written and not (out / "brief-2025-W37.v3.docx").exists()

    forced = _week(sources, out, "2025-W37", fake_translator, force=True)
    assert final in forced.written and not is_edited(final)


def _write_notes(folder: Path) -> None:
    folder.mkdir()
    for name, text in (("standing.docx", "Standing note: outlets are close to the transition."), ("2025-W38.docx", "W38 note: watch Kidal.")):
        document = docx.Document()
        document.add_paragraph(text, style="List Bullet")
        document.save(str(folder / name))


def test_analyst_notes_survive_every_regeneration(sources, workspace, fake_translator):
    out = workspace / "outputs"
    _write_notes(workspace / "notes")
    for _ in range(2):
        result = _week(sources, out, "2025-W38", fake_translator)
        assert result.written[0] == out / "brief-2025-W38.docx"  # never diverted to .v2: the notes are ours
        text = visible_text(docx.Document(str(out / "brief-2025-W38.docx")))
        assert "Standing note: outlets are close to the transition." in text and "W38 note: watch Kidal." in text
        assert "Space for your notes" not in text
    week3 = visible_text(docx.Document(str(_week(sources, out, "2025-W39", fake_translator).written[0])))
    assert "Standing note" in week3 and "W38 note" not in week3
    assert [n.name for n in read_manifest(out / "brief-2025-W39.manifest.json").notes] == ["standing.docx"]


def test_a_concurrent_run_is_refused_with_exit_75(sources, workspace, briefgen_exe):
    out = workspace / "outputs"
    with locked(out):
        result = subprocess.run([briefgen_exe, "weekly", str(sources), "--out", str(out), "--week", "2025-W38"],
                                capture_output=True, text=True, timeout=BUILD_TIMEOUT)  # fmt: skip
    assert result.returncode == 75
    assert "Another briefgen run is writing to" in result.stderr
    assert not list(out.glob("brief-*"))
    last = json.loads((out / ".briefgen-last-run.json").read_text(encoding="utf-8"))
    assert (last["week"], last["exit_code"]) == ("2025-W38", 75)


KILLED_RUN = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
import dataclasses
from conftest import FakeTranslator
from briefgen.build import BuildRequest, build_brief
from briefgen.config import load_config
from briefgen.registry import FORMATS

def killed_after(render):
    def docx_then_killed(brief, config, out):
        render(brief, config, out)
        os.kill(os.getpid(), signal.SIGKILL)  # as if killed once the temporary file is written
    return docx_then_killed

docx = FORMATS["docx"]
formats = {**FORMATS, "docx": dataclasses.replace(docx, make=lambda notes, out_dir: killed_after(docx.make(notes, out_dir)))}
config = load_config(Path.cwd(), {"cache": str(Path.cwd() / "translations.sqlite")})
request = BuildRequest([Path(sys.argv[1])], Path(sys.argv[2]), config, "2025-W38", weekly=True, force=True)
build_brief(request, FakeTranslator(), formats)
"""


def test_a_killed_run_leaves_the_previous_brief_and_the_next_run_succeeds(sources, workspace, fake_translator):
    out = workspace / "outputs"
    _week(sources, out, "2025-W38", fake_translator)
    previous = {path.name: path.read_bytes() for path in out.glob("brief-*")}
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, str(sources), str(out), str(Path(__file__).parent)],
                            capture_output=True, text=True, timeout=BUILD_TIMEOUT)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert {path.name: path.read_bytes() for path in out.glob("brief-*")} == previous
    assert list(out.glob(".brief-2025-W38.docx.*.tmp"))  # the dead run's complete temporary file

    result = _week(sources, out, "2025-W38", fake_translator, force=True)  # a real rebuild, not the up-to-date skip
    assert result.written == [out / "brief-2025-W38.docx", out / "brief-2025-W38.json", out / "brief-2025-W38.manifest.json"]
    assert not list(out.glob("*.tmp"))


def test_source_date_epoch_gives_identical_builds_with_the_real_engine(sources, workspace, briefgen_exe):
    env_runs = []
    for name in ("first", "second"):
        out = workspace / name
        result = subprocess.run([briefgen_exe, "weekly", str(sources), "--out", str(out), "--week", "2025-W38",
                                 "--engine", "apertium", "--quiet"], capture_output=True, text=True, timeout=BUILD_TIMEOUT)  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""  # --quiet
        env_runs.append(out)
    first, second = env_runs
    assert (first / "brief-2025-W38.json").read_bytes() == (second / "brief-2025-W38.json").read_bytes()
    assert docx_content_hash(first / "brief-2025-W38.docx") == docx_content_hash(second / "brief-2025-W38.docx")
    assert (first / "brief-2025-W38.manifest.json").read_bytes() == (second / "brief-2025-W38.manifest.json").read_bytes()
    data = json.loads((first / "brief-2025-W38.json").read_text(encoding="utf-8"))
    assert data["generated_at"] == "2025-09-22T06:00:00+00:00"
    assert data["engine"]["name"] == "apertium"


def test_the_weekly_command_says_what_is_new_and_records_the_run(sources, workspace, fake_translator):
    out = workspace / "outputs"
    _week(sources, out, "2025-W37", fake_translator)
    result = CliRunner().invoke(app, ["weekly", str(sources), "--out", str(out), "--week", "2025-W38", "--engine", "apertium"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"Brief 2025-W38: 3 sources, \d+ points\.", lines[0])
    assert re.fullmatch(r"\d+ new points? since the brief for 2025-W37; \d+ carried over\.", lines[1])
    assert lines[-3:] == [f"Written: {out / name}" for name in ("brief-2025-W38.docx", "brief-2025-W38.json", "brief-2025-W38.manifest.json")]
    last = json.loads((out / ".briefgen-last-run.json").read_text(encoding="utf-8"))
    assert (last["week"], last["exit_code"], last["message"]) == ("2025-W38", 0, lines[1])
    assert last["outputs"] == ["brief-2025-W38.docx", "brief-2025-W38.json", "brief-2025-W38.manifest.json"]


@pytest.mark.parametrize("week", ["../../etc", "2025-W53"])
def test_an_invalid_week_is_exit_2_and_writes_no_brief(sources, workspace, week):
    out = workspace / "outputs"
    result = CliRunner().invoke(app, ["weekly", str(sources), "--out", str(out), "--week", week])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "W" in result.stderr
    assert not list(out.glob("brief-*"))
    last = json.loads((out / ".briefgen-last-run.json").read_text(encoding="utf-8"))
    assert (last["week"], last["exit_code"]) == (None, 2)


def test_an_up_to_date_week_is_skipped_and_every_run_is_recorded(sources, workspace, fake_translator):
    out = workspace / "outputs"
    first = _week(sources, out, "2025-W38", fake_translator)
    again = _week(sources, out, "2025-W38", fake_translator)
    assert again.brief is None and again.up_to_date is not None
    assert again.written == first.written[:2]  # the brief's files; the manifest is not an output of itself
    last = json.loads((out / ".briefgen-last-run.json").read_text(encoding="utf-8"))
    assert (last["week"], last["exit_code"], last["message"]) == ("2025-W38", 0, "Brief 2025-W38 is up to date; nothing rewritten.")

    config = load_config(out.parent, {"cache": str(out.parent / "translations.sqlite")})
    every = build_brief(BuildRequest([sources], out, config, "2025-W38"), fake_translator)  # `build`: all sources
    assert every.brief is not None and len(every.brief.sources) == 4  # not the weekly brief's window: rebuilt
    last = json.loads((out / ".briefgen-last-run.json").read_text(encoding="utf-8"))
    assert (last["week"], last["exit_code"], last["outputs"]) == ("2025-W38", 0, [p.name for p in every.written])


def test_a_configuration_error_is_a_recorded_run_too(sources, workspace):
    out = workspace / "outputs"
    result = CliRunner().invoke(app, ["weekly", str(sources), "--out", str(out), "--week", "2025-W38", "--engine", "deepl"])
    assert result.exit_code == 2
    last = json.loads((out / ".briefgen-last-run.json").read_text(encoding="utf-8"))
    assert (last["week"], last["exit_code"]) == ("2025-W38", 2) and "Unknown engine 'deepl'" in last["message"]


def test_a_weeks_background_articles_explain_but_never_headline(sources, workspace, fake_translator):
    """W39 with 30 days of context: the W37-W38 articles are background (weekly.py); the stages keep
    them to the background sections, out of key judgements, key developments and the timeline."""
    result = _week(sources, workspace / "outputs", "2025-W39", fake_translator, context_days=30)
    brief = result.brief
    background = {s.id for s in brief.sources if s.background}
    assert background and len(background) < len(brief.sources)

    def only_background(citations) -> bool:
        return {c.source for c in citations} <= background

    background_sections = {"russia"}
    assert all(p.section in background_sections for p in brief.points() if only_background(p.citations))
    assert brief.key_judgements and not any(only_background(p.citations) for p in brief.key_judgements)
    assert not any(only_background(e.citations) for e in [*brief.developments, *brief.timeline])
