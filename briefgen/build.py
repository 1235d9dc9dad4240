"""The use case behind `briefgen build` and `briefgen weekly`: one request in, one brief on disk.

    lock the output folder
    -> harvest analysts' corrections and assessments from the edited briefs there (harvest.py)
    -> up to date? (same sources, configuration, notes, engine, packages; outputs as written;
       nothing harvested) -> done
    -> ingest -> [weekly: keep the week's sources] -> analysis stages
    -> translate (an analyst's English from the translation memory first)
    -> mark points new / carried over against the previous brief
    -> render every format to temporary files (assessment and analyst notes merged) -> manifest
    -> publish together
    -> last-run record (`schedule status` reads it), whatever the outcome

`build` briefs every source and names the brief after the newest one's week; `weekly` briefs one
ISO week (default: the last complete one) from the sources dated in it, its look-back and, with
`context_days`, older background articles confined to the sections configured `background = true`.
A crash or kill before publishing leaves the previous brief untouched (see output.py).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.config import Config
from briefgen.coverage import warn_outside_week
from briefgen.errors import BriefgenError, OutputError
from briefgen.harvest import harvest, harvest_messages
from briefgen.history import load_previous, mark_changes
from briefgen.manifest import Manifest
from briefgen.memory import known_translations
from briefgen.model import WEEK_PATTERN, Brief, EngineInfo, Period, SourceWarning, parse_week
from briefgen.outdir import locked
from briefgen.output import write_brief
from briefgen.pipeline import Report, analyse, choose_period, generation_time
from briefgen.registry import FORMATS, FormatSpec, renderers
from briefgen.render.notes import notes_for_week
from briefgen.render.sidecar import changes_summary, engine_dict
from briefgen.schedule import record_run
from briefgen.translate import Translator, translate_brief
from briefgen.uptodate import current_brief, scan_inputs
from briefgen.weekly import last_complete_week, select_week_sources, week_window

# Exit code recorded for a failure that is not a BriefgenError (the CLI's "unexpected error").
UNEXPECTED_EXIT_CODE = 1
INTERRUPTED_EXIT_CODE = 130


@dataclass(frozen=True)
class BuildRequest:
    """What to build: `build` and `weekly` differ only in `weekly` and its `context_days`."""

    paths: list[Path]
    out: Path
    config: Config
    week: str | None = None  # YYYY-Www as typed; None: newest source's week (build), last complete week (weekly)
    weekly: bool = False  # brief only the sources dated in the week and its look-back
    context_days: int = 0  # weekly: also older articles, as background for the background sections
    notes: Path = Path("notes")  # folder of standing.docx and <week>.docx
    force: bool = False  # rebuild even if up to date, overwrite an edited DOCX


@dataclass(frozen=True)
class SectionCount:
    key: str
    title: str
    points: int


@dataclass(frozen=True)
class BuildSummary:
    """What a build did, for people (the CLI's table) and scripts (`--json`, via as_dict)."""

    week: str
    start: str
    end: str
    sources_used: int
    sources_skipped: list[str]
    sections: list[SectionCount]
    key_judgements: int
    key_developments: int  # developments written in English (0: the top points stand in for them)
    engine: EngineInfo | None
    outputs: list[str]
    messages: list[str]
    warnings: list[SourceWarning]
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "period": {"start": self.start, "end": self.end},
            "sources_used": self.sources_used,
            "sources_skipped": self.sources_skipped,
            "sections": [dataclasses.asdict(s) for s in self.sections],
            "key_judgements": self.key_judgements,
            "key_developments": self.key_developments,
            "engine": engine_dict(self.engine) if self.engine else None,
            "outputs": self.outputs,
            "messages": self.messages,
            "warnings": [dataclasses.asdict(w) for w in self.warnings],
            "seconds": self.seconds,
        }


@dataclass
class BuildResult:
    week: str
    written: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # an edited file kept, a rebuild explained, what the harvest learnt
    details: list[str] = field(default_factory=list)  # for --verbose: what the harvest read from each edited brief
    brief: Brief | None = None  # None when the brief on disk was up to date
    up_to_date: Manifest | None = None  # the manifest of that brief

    def record_message(self) -> str:
        """One line for the last-run record."""
        if self.brief is None:
            return f"Brief {self.week} is up to date; nothing rewritten."
        return " ".join([changes_summary(self.brief), *self.messages])

    def summary(self, seconds: float) -> BuildSummary:
        """The summary of a build that ran (not of an up-to-date skip)."""
        brief = self.brief
        assert brief is not None and brief.period is not None
        used = {str(s.path) for s in brief.sources}
        return BuildSummary(
            week=brief.period.week,
            start=brief.period.start.isoformat(),
            end=brief.period.end.isoformat(),
            sources_used=len(brief.sources),
            sources_skipped=sorted({w.source for w in brief.warnings if w.source and w.source not in used}),
            sections=[SectionCount(s.key, s.title_en, len(s.points)) for s in brief.sections],
            key_judgements=len(brief.key_judgements),
            key_developments=len([e for e in brief.developments if e.en]),
            engine=brief.engine,
            outputs=[str(p) for p in self.written],
            messages=list(self.messages),
            warnings=list(brief.warnings),
            seconds=round(seconds, 1),
        )


def build_brief(
    request: BuildRequest,
    translator: Translator,
    formats: Mapping[str, FormatSpec] = FORMATS,
    report: Report = lambda stage: None,
) -> BuildResult:
    """Build and write the brief `request` asks for; `formats` is the output-format registry."""
    with recorded(request.out) as record:
        period = parse_week(request.week) if request.week else None
        if request.weekly and period is None:
            period = last_complete_week(generation_time().date())
        record.week = period.week if period else None
        with locked(request.out):
            result = _build_locked(request, period, translator, formats, report)
        record.result = result
        return result


def _build_locked(
    request: BuildRequest, period: Period | None, translator: Translator, formats: Mapping[str, FormatSpec], report: Report
) -> BuildResult:
    config, out = request.config, request.out
    harvested = harvest(out)
    learnt = harvest_messages(harvested)
    scan = scan_inputs(request.paths)
    window = _window(request, period)
    current = None if request.force or harvested.changed else current_brief(
        out, period.week if period else None, scan, config, request.notes, translator.info, window
    )
    if current is not None:
        return BuildResult(current.week, [out / name for name in current.outputs], learnt, harvested.details, up_to_date=current)
    brief = _analyse(request, period, report)
    brief.generated_at = generation_time()
    brief.period = period or choose_period(brief, brief.generated_at)
    if request.weekly:
        brief.weekly = True
        warn_outside_week(brief, config)
    report("translate")
    brief = translate_brief(brief, translator, config, known_translations(out))
    mark_changes(brief, load_previous(out, brief))
    report("render")
    notes = notes_for_week(request.notes, brief.period.week)
    written, messages = write_brief(
        brief, config, out, renderers(notes, formats, out), force=request.force, notes=notes, scan=scan, window=window, formats=formats
    )
    return BuildResult(brief.period.week, written, [*learnt, *messages], harvested.details, brief)


def _window(request: BuildRequest, period: Period | None) -> dict[str, str] | None:
    """The days a weekly brief's sources come from, recorded in its manifest (None for `build`)."""
    if not request.weekly or period is None:
        return None
    window = week_window(period, request.config.lookback_days, request.context_days)
    return {"start": window.start.isoformat(), "context_start": window.context_start.isoformat()}


def _analyse(request: BuildRequest, period: Period | None, report: Report) -> Brief:
    """The analysis stages, on the week's sources (older ones as background) for a weekly brief."""
    if not request.weekly:
        return analyse(request.paths, request.config, report)
    assert period is not None  # build_brief names a weekly run's week
    keep = functools.partial(select_week_sources, period=period, lookback_days=request.config.lookback_days,
                             context_days=request.context_days)
    return analyse(request.paths, request.config, report, keep)


@dataclass
class Record:
    """A run's outcome as it becomes known: its week, then its result."""

    week: str | None = None
    result: BuildResult | None = None


@contextmanager
def recorded(out: Path, week: str | None = None) -> Iterator[Record]:
    """Write the run's outcome to the output folder's last-run record (`schedule status` reads it).

    A failure is always recorded; success only once `result` is set, so that a caller can record
    the failures of its own set-up (configuration, engine) around build_brief, which records the rest.
    """
    record = Record(week if week and WEEK_PATTERN.fullmatch(week) else None)
    outcome: tuple[int, str] | None = (UNEXPECTED_EXIT_CODE, "unexpected error (run with --verbose for details)")
    try:
        yield record
        outcome = (0, record.result.record_message()) if record.result else None
    except BriefgenError as exc:
        outcome = (exc.exit_code, str(exc))
        raise
    except KeyboardInterrupt:
        outcome = (INTERRUPTED_EXIT_CODE, "interrupted")
        raise
    finally:
        if outcome is not None:
            _write_record(out, record, *outcome)


def _write_record(out: Path, record: Record, code: int, message: str) -> None:
    result = record.result
    try:
        record_run(out, record.week or (result.week if result else None), code, message, result.written if result else [])
    except OSError as exc:
        if code == 0:  # otherwise the folder's problem is already the error being reported
            raise OutputError(f"Could not write the last-run record in {out} ({exc.strerror or exc}).") from exc
