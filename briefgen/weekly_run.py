"""The weekly run: a week's sources through the pipeline, compared with the last brief, written safely.

The caller holds the output folder's lock (output.locked) around build_week, taken before the heavy
modules load so that a second run gets BuildLockedError (exit 75) at once. Order:
harvest the analysts' corrections and assessment from the folder's edited briefs (harvest.py)
-> ingest -> keep the week's sources -> analysis stages (background articles confined to the context
sections) -> translate (the translation memory first) -> mark new/carried-over points
-> render every format to temporary files (the DOCX to an edit-safe name, with the assessment and analyst notes merged)
-> manifest -> move all into place together. A crash or kill before the last step leaves the
previous brief untouched; its temporary files are removed by the next run (output.locked).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.config import Config
from briefgen.coverage import warn_outside_week
from briefgen.harvest import harvest, harvest_messages
from briefgen.history import load_previous, mark_changes
from briefgen.memory import known_translations
from briefgen.model import Brief, Citation, Period
from briefgen.output import Renderer, write_brief
from briefgen.pipeline import ANALYSIS_STAGES, Report, Stage, analyse, generation_time
from briefgen.select import key_judgements
from briefgen.translate import Translator, translate_brief
from briefgen.weekly import select_week_sources

# Sections that may cite background sources older than the look-back (see confine_background).
CONTEXT_SECTIONS = ("russia",)


@dataclass
class WeeklyResult:
    brief: Brief
    written: list[Path]
    messages: list[str]  # what the user should know: an edited file kept, a rebuild explained
    details: list[str]  # for --verbose: what the harvest read from each edited brief


def analyse_week(sources: Path, config: Config, period: Period, context_days: int = 0, report: Report = lambda stage: None) -> Brief:
    """Ingest `sources`, keep the week's articles, run the analysis stages on them."""
    def keep(brief: Brief) -> Brief:
        return select_week_sources(brief, period, config.lookback_days, context_days)

    return analyse([sources], config, report, keep, week_stages())


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
    harvested = harvest(out_dir)
    brief = analyse_week(sources, config, period, context_days, report)
    brief.generated_at = generation_time()
    brief.period = period
    brief.weekly = True
    warn_outside_week(brief, config)
    report("translate")
    brief = translate_brief(brief, translator, config, known_translations(out_dir))
    mark_changes(brief, load_previous(out_dir, brief))
    report("render")
    written, messages = write_brief(brief, config, out_dir, renderers, force=force, notes=notes or [])
    return WeeklyResult(brief, written, [*harvest_messages(harvested), *messages], harvested.details)


def confine_background(brief: Brief, config: Config) -> Brief:
    """After classification: background sentences may only score for the context sections.

    So selection never spends the length budget on an old article's point for another section.
    """
    for source in brief.sources:
        if source.background:
            for sentence in source.sentences():
                sentence.scores = {key: score for key, score in sentence.scores.items() if key in CONTEXT_SECTIONS}
    return brief


def restrict_background(brief: Brief, config: Config) -> Brief:
    """After selection and timeline: key judgements, key developments and timeline entries rest on the week's sources.

    Background articles may explain (e.g. Russia's role), not headline the week; key judgements are
    chosen again among the points the week's own sources support.
    """
    background = {s.id for s in brief.sources if s.background}
    if not background:
        return brief

    def current(citations: list[Citation]) -> bool:
        return any(c.source not in background for c in citations)

    if not all(current(p.citations) for p in brief.key_judgements):
        brief.key_judgements = key_judgements([p for p in brief.points() if current(p.citations)], config.key_judgements)
    brief.timeline = [t for t in brief.timeline if current(t.citations)]
    brief.developments = [e for e in brief.developments if current(e.citations)]
    return brief
