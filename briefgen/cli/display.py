"""What the terminal shows: progress while a brief is built, then tables.

Progress and warnings go to stderr so that stdout stays clean for `--json` and pipes. Progress
bars appear only on a terminal and only once a run has lasted SHOW_AFTER_SECONDS, so quick
commands and cron logs stay clean.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from briefgen.model import Brief, EngineInfo, Event, Point, SourceWarning
from briefgen.registry import STAGES, StageSpec
from briefgen.render.sidecar import changes_summary
from briefgen.render.text import plural

if TYPE_CHECKING:
    from briefgen.build import BuildResult, BuildSummary
    from briefgen.translate.engine import Translator

# Shorter runs finish before a progress display would help; showing one would only flicker.
SHOW_AFTER_SECONDS = 1.0
# Warnings listed on a terminal without --verbose; the rest are counted (logs and the JSON get all).
WARNINGS_SHOWN = 5


class _CountColumn(ProgressColumn):
    """`37/120 sentences`, or `37 sentences` while the total is unknown; blank until counted."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("counted"):
            return Text("")
        total = f"/{task.total:.0f}" if task.total is not None else ""
        return Text(f"{task.completed:.0f}{total} {task.fields['unit']}", style="progress.download")


class _RateColumn(ProgressColumn):
    """`12.3 sentences/s` for counted stages."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not task.fields.get("counted") or not speed:
            return Text("")
        return Text(f"{speed:.1f} {task.fields['unit']}/s", style="progress.data.speed")


class StageReporter:
    """Progress of a run, fed by the pipeline: `stage(name)` when a stage starts, and
    `progress(done, total)` from stages that count their items (total None when unknown).

    enabled=False (--quiet) shows nothing; verbose adds a line per finished stage with its time,
    and `note()` lines, on a terminal or not.
    """

    def __init__(self, enabled: bool = True, verbose: bool = False, console: Console | None = None, show_after: float = SHOW_AFTER_SECONDS) -> None:
        self.console = console or Console(stderr=True)
        self.verbose = enabled and verbose
        self._bars = Progress(
            SpinnerColumn(finished_text="[green]✓[/]"),
            TextColumn("{task.description}"),
            BarColumn(),
            _CountColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        show = enabled and self.console.is_terminal
        self._timer = threading.Timer(show_after, self._bars.start) if show else None
        self._task = None
        self._current: str | None = None
        self._started = 0.0

    def __enter__(self) -> StageReporter:
        if self._timer is not None:
            self._timer.daemon = True
            self._timer.start()
        return self

    def stage(self, name: str) -> None:
        self._finish()
        self._current, self._started = name, time.monotonic()
        spec = _stage(name)
        self._task = self._bars.add_task(spec.label, total=None, unit=spec.unit, counted=False)

    def progress(self, done: int, total: int | None) -> None:
        """Items of the current stage done so far, out of `total` (None while unknown)."""
        if self._task is not None:
            self._bars.update(self._task, completed=done, total=total, counted=True)

    def note(self, message: str) -> None:
        """A detail shown only with --verbose."""
        if self.verbose:
            self.console.print(f"  {escape(message)}", highlight=False, soft_wrap=True, emoji=False)

    def _finish(self) -> None:
        if self._task is None:
            return
        task = next(t for t in self._bars.tasks if t.id == self._task)
        size = task.total or task.completed or 1  # a stage that never counted shows as one full step
        self._bars.update(self._task, total=size, completed=size)
        if self.verbose:
            elapsed = time.monotonic() - self._started
            counted = f" ({task.completed:.0f} {task.fields['unit']})" if task.fields.get("counted") else ""
            self.console.print(f"[green]✓[/] {_stage(self._current or '').label}{counted} [dim]{elapsed:.1f} s[/]", highlight=False, soft_wrap=True, emoji=False)
        self._task = None

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._finish()
        if self._timer is not None:
            self._timer.cancel()
            self._timer.join()  # a display being started must be up before it is stopped
        if self._bars.live.is_started:
            self._bars.stop()


def _stage(name: str) -> StageSpec:
    """The registered stage, or one labelled by its name (a stage added without a label)."""
    return STAGES.get(name) or StageSpec(name)


class CountingTranslator:
    """Wraps the engine to report sentences translated so far as progress(done, None).

    Sentences served by the translation cache never reach the engine, so they are not counted.
    """

    def __init__(self, translator: Translator, progress: Callable[[int, int | None], None]) -> None:
        self._translator = translator
        self._progress = progress
        self.info: EngineInfo = translator.info
        self.terms = getattr(translator, "terms", ())  # the engine's own protected terms (stage.py)
        self.parallel_batches = getattr(translator, "parallel_batches", 1)  # batches at once (stage.py)
        self.translated = 0
        self._lock = threading.Lock()  # batches may finish in parallel threads

    def translate_batch(self, sentences: list[str]) -> list[str]:
        english = self._translator.translate_batch(sentences)
        with self._lock:
            self.translated += len(sentences)
            self._progress(self.translated, None)
        return english


def engine_label(engine: EngineInfo | None) -> str:
    """`apertium 3.8.3 (fra-cat+cat-eng …)`, or "none"."""
    if engine is None:
        return "none"
    return f"{engine.name} {engine.version} ({engine.model})"


def print_warnings(warnings: list[SourceWarning], verbose: bool, console: Console | None = None) -> None:
    """Every warning in logs and with --verbose; on a terminal, the first WARNINGS_SHOWN and a count."""
    console = console or Console(stderr=True)
    capped = console.is_terminal and not verbose
    shown = warnings[:WARNINGS_SHOWN] if capped else warnings
    for warning in shown:
        where = f"{escape(warning.source)}: " if warning.source else ""
        console.print(f"[yellow]warning:[/] {where}{escape(warning.message)}", highlight=False, soft_wrap=True, emoji=False)
    if len(warnings) > len(shown):
        console.print(f"[yellow]warning:[/] … and {len(warnings) - len(shown)} more; run with --verbose to see them all.", highlight=False)


def print_summary(summary: BuildSummary) -> None:
    console = Console()
    table = Table(title=f"Brief {summary.week} ({summary.start} to {summary.end})", title_justify="left", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    skipped = summary.sources_skipped
    table.add_row("Sources", f"{summary.sources_used} used" + (f", {len(skipped)} skipped: {', '.join(skipped)}" if skipped else ""))
    table.add_row("Points", " · ".join(f"{s.title} {s.points}" for s in summary.sections))
    developments = summary.key_developments
    table.add_row("Key developments", str(developments) if developments else f"none extracted; {summary.key_judgements} top points")
    table.add_row("Engine", engine_label(summary.engine))
    table.add_row("Warnings", str(len(summary.warnings)))
    table.add_row("Outputs", "\n".join(summary.outputs))
    table.add_row("Time", f"{summary.seconds} s")
    console.print(table, highlight=False)
    sidecar = next((p for p in summary.outputs if p.endswith(".json")), None)
    if sidecar:
        console.print(f"Look at it in the terminal: briefgen preview {escape(sidecar)}", highlight=False)


def print_sources(rows: list[dict], warnings: list[SourceWarning]) -> None:
    console = Console()
    table = Table(title=f"{len(rows)} sources")
    for column in ("id", "outlet", "date", "title", "words"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["id"], row["outlet"] or "—", row["date"] or "—", row["title"] or "—", str(row["words"]))
    console.print(table)
    print_warnings(warnings, verbose=True)


def print_brief(brief: Brief, french: bool = False) -> None:
    """The brief as text: points carry [n] citation numbers listed at the end, as in the DOCX."""
    console = Console()
    sources = {s.id: s for s in brief.sources}
    notes: list[str] = []

    def cite(point: Point | Event) -> str:
        marks = []
        for citation in point.citations:
            source = sources.get(citation.source)
            label = (source.outlet or source.path.as_posix()) if source else citation.source
            date = source.date.isoformat() if source and source.date else "undated"
            notes.append(f"{label}, {date}, para. {citation.paragraph}")
            marks.append(f"[{len(notes)}]")
        return "".join(marks)

    def show(point: Point | Event) -> None:
        told = point.corroboration > 1 and isinstance(point, Point)  # a development's English counts its sources itself
        corroboration = f" (reported by {point.corroboration} sources)" if told else ""
        french_text = point.fr if isinstance(point, Point) else ""
        console.print(f"  • {escape(point.en or french_text)}{corroboration} {cite(point)}", highlight=False)
        if french and french_text:
            console.print(f"    [dim]{escape(french_text)}[/]", highlight=False)

    assert brief.period is not None and brief.generated_at is not None  # read_sidecar checked the schema
    period = brief.period
    console.rule(f"Brief {period.week} ({period.start.isoformat()} – {period.end.isoformat()})")
    console.print(f"{len(brief.sources)} sources · engine {engine_label(brief.engine)} · generated {brief.generated_at.isoformat()}", highlight=False)
    console.print("\n[bold]Key developments[/]")
    for point in brief.developments or brief.key_judgements:  # top points when no record was extracted
        show(point)
    for section in brief.sections:
        console.print(f"\n[bold]{escape(section.title_en)}[/]")
        if not section.points:
            console.print("  No material this week.")
        for point in section.points:
            show(point)
    console.print("\n[bold]Citations[/]")
    for number, note in enumerate(notes, start=1):
        console.print(f"  [{number}] {escape(note)}", highlight=False)
    if brief.warnings:
        console.print("\n[bold yellow]Warnings[/]")
        for warning in brief.warnings:
            console.print(f"  {escape(warning.source or 'build')}: {escape(warning.message)}", highlight=False)


def print_week(result: BuildResult, verbose: bool) -> None:
    """What `weekly` prints: sources and points, what is new, what was written."""
    brief = result.brief
    assert brief is not None and brief.period is not None
    print_warnings(brief.warnings, verbose)
    background = sum(s.background for s in brief.sources)
    typer.echo(f"Brief {brief.period.week}: {plural(len(brief.sources), 'source')}"
               f"{f' ({background} background)' if background else ''}, {plural(len(brief.unique_points()), 'point')}.")
    typer.echo(changes_summary(brief))
    for message in result.messages:
        typer.echo(message)
    for path in result.written:
        typer.echo(f"Written: {path}")
