"""Extension points: an engine and a format registered here, in the test suite only, are usable
everywhere the shipped ones are: config validation, selection, the build, the Methodology text,
`doctor` and completion. Nothing else in briefgen is changed for them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.cli.options import complete_engine, complete_format
from briefgen.model import Brief, EngineInfo
from briefgen.registry import ENGINES, FORMATS, STAGES, EngineSpec, EngineStatus, FormatSpec
from conftest import SEEDS

TOY_LIMITS = "Toy engine: upper-cases the French; for tests only."


class Shouting:
    """A translation engine of sorts: the French, upper-cased."""

    info = EngineInfo("shout", "0.1", "upper()")

    def translate_batch(self, sentences: list[str]) -> list[str]:
        return [s.upper() for s in sentences]


def render_points(brief: Brief, config, out: Path) -> None:
    """The toy format: one point per line."""
    out.write_text("".join(f"{p.id}\t{p.en}\n" for p in brief.points()), encoding="utf-8")


@pytest.fixture
def toys(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = EngineSpec("shout", "Shouting", TOY_LIMITS, lambda config: Shouting(), lambda: True,
                        lambda: EngineStatus(True, "always there", {"version": "0.1"}))
    monkeypatch.setitem(ENGINES, engine.name, engine)
    monkeypatch.setitem(FORMATS, "tsv", FormatSpec("tsv", "points, one per line", lambda notes, out_dir: render_points))


def test_a_registered_engine_and_format_build_a_brief(toys, isolated_home):
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--engine", "shout", "--format", "tsv,json,md", "--out", "out", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["engine"] == {"name": "shout", "version": "0.1", "model": "upper()"}
    assert sorted(Path(p).name for p in summary["outputs"]) == ["brief-2025-W38.json", "brief-2025-W38.manifest.json", "brief-2025-W38.md", "brief-2025-W38.tsv"]
    toy = (isolated_home / "out" / "brief-2025-W38.tsv").read_text(encoding="utf-8")
    sidecar = json.loads((isolated_home / "out" / "brief-2025-W38.json").read_text(encoding="utf-8"))
    assert toy == "".join(f"{p['id']}\t{p['en']}\n" for s in sidecar["sections"] for p in s["points"])
    assert sum(c.isupper() for c in toy) > 2 * sum(c.islower() for c in toy)  # shouted (glossary terms are not)
    markdown = (isolated_home / "out" / "brief-2025-W38.md").read_text(encoding="utf-8")
    assert "Shouting 0.1 (upper())" in markdown and TOY_LIMITS in markdown  # the Methodology reads the registry


def test_a_registered_engine_is_offered_and_reported(toys, isolated_home):
    assert complete_engine("sh") == ["shout"] and complete_format("docx,t") == ["docx,tsv"]
    doctor = CliRunner().invoke(app, ["doctor", "--json"])
    assert doctor.exit_code == 0, doctor.output
    assert json.loads(doctor.stdout)["engines"]["shout"] == {"available": True, "version": "0.1"}


def test_unregistered_names_are_refused(isolated_home):
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--engine", "shout"])
    assert result.exit_code == 2 and "Unknown engine 'shout'. Choose from: auto, argos, apertium." in result.stderr


def test_every_stage_the_pipeline_reports_has_a_label():
    from briefgen.pipeline import ANALYSIS_STAGES

    assert {name for name, _ in ANALYSIS_STAGES} | {"load", "ingest", "translate", "render"} == set(STAGES)
