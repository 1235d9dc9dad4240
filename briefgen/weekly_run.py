"""The weekly run: a week's sources through the pipeline, compared with the last brief, written safely.

The caller holds the output folder's lock (output.locked) around build_week, taken before the heavy
modules load so that a second run gets BuildLockedError (exit 75) at once. Order:
ingest -> keep the week's sources -> analysis stages -> translate -> mark new/carried-over points
-> render every format to temporary files (the DOCX to an edit-safe name, with analyst notes merged)
-> manifest -> move all into place together. A crash or kill before the last step leaves the
previous brief untouched; its temporary files are removed by the next run (output.locked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefgen.config import Config
from briefgen.edits import safe_target
from briefgen.history import load_previous, mark_changes
from briefgen.ingest import ingest
from briefgen.manifest import build_manifest, explain_rebuild, read_manifest, write_manifest
from briefgen.model import Brief, Period
from briefgen.notes import merge_notes
from briefgen.output import output_path, publish, render_to_temp
from briefgen.pipeline import ANALYSIS_STAGES, Report, generation_time
from briefgen.translate import Translator, translate_brief
from briefgen.weekly import confine_background, restrict_background, select_week_sources

Renderer = Callable[[Brief, Config, Path], None]
Stage = Callable[[Brief, Config], Brief]
MANIFEST_EXTENSION = "manifest.json"


@dataclass
class WeeklyResult:
    brief: Brief
    written: list[Path]
    messages: list[str]  # what the user should know: an edited file kept, a rebuild explained


def analyse_week(sources: Path, config: Config, period: Period, context_days: int = 0, report: Report = lambda stage: None) -> Brief:
    """Ingest `sources`, keep the week's articles, run the analysis stages on them."""
    report("ingest")
    brief = select_week_sources(ingest([sources]), period, config.lookback_days, context_days)
    for name, stage in week_stages():
        report(name)
        brief = stage(brief, config)
    return brief


def week_stages() -> list[tuple[str, Stage]]:
    """The pipeline's analysis stages, with background sources confined to the context sections."""
    stages = []
    for name, stage in ANALYSIS_STAGES:
        stages.append((name, stage))
        if name == "classify":
            stages.append(("background", confine_background))
    return stages + [("background", restrict_background)]


def build_week(
    sources: Path,
    out_dir: Path,
    config: Config,
    translator: Translator,
    period: Period,
    renderers: dict[str, Renderer],
    *,
    force: bool = False,
    notes: list[Path] | None = None,
    context_days: int = 0,
    report: Report = lambda stage: None,
) -> WeeklyResult:
    """Build and write the brief for `period` (hold `output.locked(out_dir)`; see the module docstring)."""
    brief = analyse_week(sources, config, period, context_days, report)
    brief.generated_at = generation_time()
    brief.period = period
    report("translate")
    brief = translate_brief(brief, translator, config)
    mark_changes(brief, load_previous(out_dir, brief))
    report("render")
    written, messages = write_week(brief, config, out_dir, renderers, force=force, notes=notes or [])
    return WeeklyResult(brief, written, messages)


def write_week(brief: Brief, config: Config, out_dir: Path, renderers: dict[str, Renderer], *, force: bool,
               notes: list[Path]) -> tuple[list[Path], list[str]]:
    """Render every format and the manifest to temporary files, then publish them together.

    The caller holds the output folder's lock. Returns the written paths and messages for the user.
    """
    assert brief.period is not None
    messages: list[str] = []
    pending: list[tuple[Path, Path]] = []
    try:
        for fmt in config.formats:
            final = output_path(out_dir, brief.period.week, fmt)
            render = renderers[fmt]
            if fmt == "docx":
                final, note = safe_target(final, force)
                if note:
                    messages.append(note)
                render = _with_notes(render, notes)
            pending.append((render_to_temp(final, lambda temp, r=render: r(brief, config, temp)), final))
        manifest_path = output_path(out_dir, brief.period.week, MANIFEST_EXTENSION)
        manifest = build_manifest(brief, config, notes, {final.name: temp for temp, final in pending})
        explained = explain_rebuild(read_manifest(manifest_path), manifest)
        if explained:
            messages.append(explained)
        pending.append((render_to_temp(manifest_path, lambda temp: write_manifest(manifest, temp)), manifest_path))
        return publish(pending), messages
    finally:
        for temp, _ in pending:  # already moved into place after a successful publish
            temp.unlink(missing_ok=True)


def _with_notes(render: Renderer, notes: list[Path]) -> Renderer:
    def render_and_merge(brief: Brief, config: Config, out: Path) -> None:
        render(brief, config, out)
        merge_notes(out, notes)

    return render_and_merge

