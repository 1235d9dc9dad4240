"""Analysts' edits flow back, as a person makes them: LibreOffice itself edits a brief's English and
its assessment and saves as DOCX; the next builds (same week, next week) carry the edits."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from briefgen.assessment import ASSESSMENT_HEADING, PLACEHOLDER, PREVIOUS_HEADING
from briefgen.build import BuildRequest, BuildResult, build_brief
from briefgen.config import load_config
from briefgen.harvest import anchored_texts, harvest
from briefgen.memory import TranslationMemory, memory_path
from briefgen.render.edits import is_edited
from briefgen.render.notes import region
from briefgen.render.properties import set_custom_properties

LO_EDIT = Path(__file__).parent / "tools" / "lo_edit.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-uno
LO_TIMEOUT = 180
ASSESSMENT = "Washington is testing a security reset with Bamako while Moscow stays the junta's main partner."
ADDED = "Watch for a formal agreement before October."


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1758520800")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def _week(seeds: Path, out: Path, week: str, translator) -> BuildResult:
    config = load_config(out.parent, {"cache": str(out.parent / "translations.sqlite")})
    return build_brief(BuildRequest([seeds], out, config, week, weekly=True, notes=out.parent / "notes"), translator)


def lo_edit(source: Path, target: Path, spec: dict, profile: Path) -> None:
    """Edit `source` with LibreOffice (tests/tools/lo_edit.py) and save it as DOCX at `target`."""
    edits = profile.with_suffix(".json")
    edits.write_text(json.dumps(spec), encoding="utf-8")
    subprocess.run([SYSTEM_PYTHON, str(LO_EDIT), str(source), str(target), str(edits), str(profile)],
                   check=True, timeout=LO_TIMEOUT)


def _points(result: BuildResult) -> dict[str, str]:
    return {p.fr: p.en for p in result.brief.points()}


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _section_point(result: BuildResult, also_in: set[str] = frozenset()):
    """A point long enough to edit (in `also_in`, French texts, when given); LibreOffice edits its
    first copy in the document, the key judgement when it is one."""
    return next(p for p in result.brief.points() if len(p.en.split()) > 8 and (not also_in or p.fr in also_in))


def test_libreoffice_edits_flow_into_rebuilds_and_next_week(seeds_dir, workspace, fake_translator):
    out = workspace / "outputs"
    scratch = _week(seeds_dir, workspace / "scratch" / "outputs", "2025-W39", fake_translator)
    first = _week(seeds_dir, out, "2025-W38", fake_translator)
    brief = out / "brief-2025-W38.docx"
    point = _section_point(first, {p.fr for p in scratch.brief.points()})  # one carried over to next week
    old_words = point.en[:-1].split()[-3:]  # the point's last words: an edit at the anchor's edge
    new_english = f"{point.en[: point.en.index(' '.join(old_words))]}as the analyst puts it]"
    lo_edit(brief, brief, {"author": "Jane Analyst", "edits": [
        {"replace": " ".join(old_words) + "]", "with": "as the analyst puts it]"},
        {"replace": PLACEHOLDER, "with": ASSESSMENT},
        {"after_paragraph": ASSESSMENT, "insert": ADDED, "bold": "formal agreement"},
    ]}, workspace / "lo-profile")
    edited = brief.read_bytes()

    again = _week(seeds_dir, out, "2025-W38", fake_translator)
    assert brief.read_bytes() == edited  # edit safety still holds
    rebuilt = out / "brief-2025-W38.v2.docx"
    assert rebuilt in again.written and not is_edited(rebuilt)
    assert _points(again)[point.fr] == new_english
    assert new_english in "\n".join(_paragraphs(rebuilt))
    with TranslationMemory(memory_path(out)) as memory:
        [entry] = memory.entries()
    assert (entry.fr, entry.en, entry.author, entry.brief) == (point.fr, new_english, "Jane Analyst", brief.name)
    assert entry.machine == point.en and entry.item == point.id
    assessment = [el for el in region(docx.Document(str(rebuilt)), ASSESSMENT_HEADING)]
    texts = ["".join(t.text for t in el.iter("{*}t")) for el in assessment]
    assert texts == [ASSESSMENT, ADDED]
    bold = [r.text for p in docx.Document(str(rebuilt)).paragraphs if p.text == ADDED for r in p.runs if r.bold]
    assert bold == ["formal agreement"]  # the analyst's formatting is kept
    assert "1 point takes its English from the translation memory" in "\n".join(_paragraphs(rebuilt))

    next_week = _week(seeds_dir, out, "2025-W39", fake_translator)
    carried = _points(next_week)
    assert carried.get(point.fr) == new_english  # the carried-over point keeps the analyst's wording
    text = _paragraphs(out / "brief-2025-W39.docx")
    assert f"{PREVIOUS_HEADING} (2025-W38)" in text and ASSESSMENT in text and PLACEHOLDER in text


def test_unrelated_edits_comments_and_tracked_changes_do_not_break_harvesting(seeds_dir, workspace, fake_translator):
    out = workspace / "outputs"
    first = _week(seeds_dir, out, "2025-W38", fake_translator)
    brief = out / "brief-2025-W38.docx"
    point = _section_point(first)
    middle = point.en.split()[3:6]
    lo_edit(brief, brief, {"author": "Jane Analyst", "track_changes": True, "edits": [
        {"delete_paragraph": "Every point of the brief, as quoted from the source"},
        {"replace": " ".join(middle), "with": "reworded by the analyst"},
    ]}, workspace / "lo-profile")
    commented = docx.Document(str(brief))  # LibreOffice 7.4 headless crashes on comments: python-docx adds one
    paragraph = next(p for p in commented.paragraphs if " ".join(point.en.split()[:3]) in p.text)
    commented.add_comment(paragraph.runs, text="Check this against the French.", author="Reviewer")
    commented.save(str(brief))
    with zipfile.ZipFile(brief) as saved:
        xml = saved.read("word/document.xml").decode("utf-8")
    assert "<w:del " in xml and "<w:ins " in xml and "commentRangeStart" in xml  # what the harvest must read through
    report = harvest(out)
    assert not report.warnings
    [entry] = report.stored
    assert entry.en == point.en.replace(" ".join(middle), "reworded by the analyst")
    assert harvest(out).stored == []  # harvesting again learns nothing new


def test_a_corrupt_or_password_protected_brief_in_the_folder_is_a_warning(seeds_dir, workspace, fake_translator):
    out = workspace / "outputs"
    _week(seeds_dir, out, "2025-W38", fake_translator)
    with (out / "brief-2025-W38.docx").open("rb") as plain, (out / "brief-2025-W38.v2.docx").open("wb") as locked_copy:
        OOXMLFile(plain).encrypt("secret", locked_copy)  # what Word's "Encrypt with Password" writes
    (out / "brief-2025-W37.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (out / "brief-2025-W38.manifest.json").unlink()  # not up to date: rebuilt past the unreadable briefs
    result = _week(seeds_dir, out, "2025-W38", fake_translator)
    warnings = sorted(m for m in result.messages if m.startswith("warning:"))
    assert [w.split()[1] for w in warnings] == ["brief-2025-W37.docx", "brief-2025-W38.v2.docx"]
    assert all("is not a readable Word document" in w and "password" in w for w in warnings)
    assert out / "brief-2025-W38.docx" in result.written  # the unedited brief is rebuilt in place


def test_anchors_survive_a_libreoffice_round_trip(seeds_dir, workspace, fake_translator):
    """The measurement behind anchors.py: bookmarks keep their names through LibreOffice."""
    out = workspace / "outputs"
    result = _week(seeds_dir, out, "2025-W38", fake_translator)
    brief = out / "brief-2025-W38.docx"
    before = anchored_texts(docx.Document(str(brief)))
    saved = workspace / "saved.docx"
    lo_edit(brief, saved, {}, workspace / "lo-profile")
    assert anchored_texts(docx.Document(str(saved))) == before
    kinds = {anchor.kind for anchor in before}
    assert kinds == {"p", "k", "r"} and len(before) >= len({p.fr for p in result.brief.points()})


def test_done_when_with_the_real_engine_and_the_commands(seeds_dir, isolated_home, isolated_env, briefgen_exe):
    """The issue's acceptance: edit a point (one carried over to next week) and the assessment in the
    sample brief with LibreOffice; `build` the same week and `weekly` the next; check the briefs and
    `memory list`; the edited DOCX is never overwritten."""
    def briefgen(*args: str) -> str:
        done = subprocess.run([str(briefgen_exe), *args], capture_output=True, text=True, env=isolated_env, timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    scratch, out = isolated_home / "scratch", isolated_home / "outputs"
    briefgen("weekly", str(seeds_dir), "--week", "2025-W38", "--out", str(scratch), "-q")
    briefgen("weekly", str(seeds_dir), "--week", "2025-W39", "--out", str(scratch), "-q")
    next_week = {p["fr"] for s in _json(scratch / "brief-2025-W39.json")["sections"] for p in s["points"]}
    briefgen("build", str(seeds_dir), "--out", str(out), "-q")
    this_week = _json(out / "brief-2025-W38.json")
    judged = {p["fr"] for p in this_week["key_judgements"]}
    point = next(p for s in this_week["sections"] for p in s["points"] if p["fr"] in next_week - judged)
    words = point["en"].split()
    old, new = " ".join(words[:4]), "In the analyst's words,"
    brief = out / "brief-2025-W38.docx"
    lo_edit(brief, brief, {"author": "Jane Analyst", "edits": [
        {"replace": old, "with": new}, {"replace": PLACEHOLDER, "with": ASSESSMENT}]}, isolated_home / "lo-profile")
    edited = brief.read_bytes()
    corrected = " ".join([new, *words[4:]])

    said = briefgen("build", str(seeds_dir), "--out", str(out))
    assert "1 corrected translation from edited briefs stored in the translation memory." in said
    assert "brief-2025-W38.docx was edited since briefgen wrote it, so it was kept" in said
    assert brief.read_bytes() == edited
    rebuilt = "\n".join(_paragraphs(out / "brief-2025-W38.v2.docx"))
    assert corrected in rebuilt and ASSESSMENT in rebuilt and PLACEHOLDER not in rebuilt
    listed = briefgen("memory", "list", "--out", str(out))
    assert "#1  point · Jane Analyst" in listed and "brief-2025-W38.docx" in listed

    briefgen("weekly", str(seeds_dir), "--week", "2025-W39", "--out", str(out), "-q")
    carried = {p["fr"]: p for s in _json(out / "brief-2025-W39.json")["sections"] for p in s["points"]}
    assert carried[point["fr"]]["en"] == corrected and carried[point["fr"]]["status"] == "carried over"
    following = _paragraphs(out / "brief-2025-W39.docx")
    assert corrected in "\n".join(following) and f"{PREVIOUS_HEADING} (2025-W38)" in following and ASSESSMENT in following


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_forged_week_property_never_names_a_path(seeds_dir, workspace, fake_translator):
    out = workspace / "outputs"
    _week(seeds_dir, out, "2025-W38", fake_translator)
    brief = out / "brief-2025-W38.docx"
    document = docx.Document(str(brief))
    set_custom_properties(document, {"briefgen_week": "../../escaped"})
    next(p for p in document.paragraphs if p.text == PLACEHOLDER).text = ASSESSMENT
    document.save(str(brief))
    report = harvest(out)
    assert report.assessments == ["2025-W38"] and (out / "assessments" / "2025-W38.docx").is_file()
    assert not list(workspace.rglob("escaped*"))


def test_an_edited_brief_is_compared_with_its_sidecar_as_read_sidecar_reads_it(seeds_dir, workspace, fake_translator):
    out = workspace / "outputs"
    first = _week(seeds_dir, out, "2025-W38", fake_translator)
    point = _section_point(first)
    brief = out / "brief-2025-W38.docx"
    edited = docx.Document(str(brief))
    run = next(r for p in edited.paragraphs for r in p.runs if point.en in r.text)
    run.text = run.text.replace(point.en, point.en + " Reworded.")
    edited.save(str(brief))
    sidecar = out / "brief-2025-W38.json"
    written = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(json.dumps({"schema": "something else"}), encoding="utf-8")
    report = harvest(out)
    assert report.stored == [] and any("not a briefgen brief" in d for d in report.details)  # said, not guessed
    sidecar.write_text(written, encoding="utf-8")
    assert [(e.fr, e.en) for e in harvest(out).stored] == [(point.fr, point.en + " Reworded.")]
