"""`briefgen weekly` and `briefgen schedule install|status|remove`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.build import Annex, Footnotes, Lang, edition_overrides
from briefgen.cli.errors import reported_errors
from briefgen.errors import BriefgenError

Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show details and tracebacks.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors (for cron and systemd).")]
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder (also holds the previous briefs and the last-run record).")]
NotesDir = Annotated[Path, typer.Option("--notes", help="Folder of analyst notes: standing.docx and <week>.docx.")]

schedule_app = typer.Typer(help="Run `briefgen weekly` every week (systemd user timer, or a crontab line).", no_args_is_help=True)


def weekly(
    sources_dir: Annotated[Path, typer.Argument(help="Folder of French articles; only those of the week (and look-back) are used.")],
    out: OutDir = Path("outputs"),
    week: Annotated[Optional[str], typer.Option(help="ISO week to brief, e.g. 2025-W38. Default: the last complete week.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the week's DOCX even if someone edited it.")] = False,
    notes: NotesDir = Path("notes"),
    context_days: Annotated[int, typer.Option(help="Also use articles this many days older than the look-back, for the Russia context section only.")] = 0,
    engine: Annotated[Optional[str], typer.Option(help="Translation engine: auto, argos or apertium.")] = None,
    lang: Lang = None,
    annex: Annex = None,
    footnotes: Footnotes = None,
    collect: Annotated[bool, typer.Option("--collect", help="First collect new articles from [collect] feeds and urls into the sources folder.")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Build the brief for one ISO week, keeping analysts' edits and notes, and say what is new.

    Example: briefgen weekly sources/ --out outputs/ --week 2025-W38
    """
    from briefgen.output import locked
    from briefgen.weekly import last_complete_week, parse_week

    record: dict = {"week": None, "outputs": [], "message": ""}
    with reported_errors(verbose), _recorded(out, record):
        period = parse_week(week) if week else None
        record["week"] = period.week if period else None
        with locked(out):  # a second run is refused here, before the heavy modules load
            from briefgen.cli.display import StageReporter
            from briefgen.config import load_config
            from briefgen.history import summary
            from briefgen.notes import notes_for_week
            from briefgen.output import default_renderers
            from briefgen.pipeline import generation_time
            from briefgen.translate import edition_engine
            from briefgen.weekly_run import build_week

            period = period or last_complete_week(generation_time().date())
            record["week"] = period.week
            config = load_config(overrides={"engine": engine} | edition_overrides(lang, annex, footnotes))
            if collect:
                _collect_into(sources_dir, config, quiet)
            with StageReporter(enabled=not quiet) as reporter:
                result = build_week(
                    sources_dir, out, config, edition_engine(config), period, default_renderers(),
                    force=force, notes=notes_for_week(notes, period.week), context_days=context_days, report=reporter.stage,
                )
        record["outputs"] = result.written
        record["message"] = " ".join([summary(result.brief), *result.messages])
    if not quiet:
        _print_result(result, verbose)


def _collect_into(sources_dir: Path, config, quiet: bool) -> None:
    from briefgen.cli.collect import summary
    from briefgen.collect import collect_into

    report = collect_into(sources_dir, config)
    if not quiet:
        typer.echo(summary(report))


def _print_result(result, verbose: bool) -> None:
    from briefgen.cli.display import print_warnings
    from briefgen.history import summary, unique_points
    from briefgen.render.text import plural

    brief = result.brief
    print_warnings([{"source": w.source, "message": w.message} for w in brief.warnings], verbose)
    background = sum(s.background for s in brief.sources)
    typer.echo(f"Brief {brief.period.week}: {plural(len(brief.sources), 'source')}"
               f"{f' ({background} background)' if background else ''}, {plural(len(unique_points(brief)), 'point')}.")
    typer.echo(summary(brief))
    for message in result.messages:
        typer.echo(message)
    for detail in result.details if verbose else []:
        typer.echo(f"  {detail}")
    for path in result.written:
        typer.echo(f"Written: {path}")


@contextlib.contextmanager
def _recorded(out: Path, record: dict) -> Iterator[None]:
    """Write the run's outcome to <out>/.briefgen-last-run.json whatever happens, for `schedule status`."""
    from briefgen.schedule import record_run

    code, message = 1, "unexpected error (run with --verbose for details)"
    try:
        yield
        code, message = 0, record["message"]
    except BriefgenError as exc:
        code, message = exc.exit_code, str(exc)
        raise
    except KeyboardInterrupt:
        code, message = 130, "interrupted"
        raise
    finally:
        with contextlib.suppress(OSError):  # an unwritable folder is already the error being reported
            record_run(out, record["week"], code, message, record["outputs"])


@schedule_app.command("install")
def install(
    sources: Annotated[Path, typer.Option(help="Folder of French articles the weekly run reads.")],
    out: OutDir,
    weekday: Annotated[str, typer.Option(help="Day of the run: mon, tue, wed, thu, fri, sat or sun.")] = "mon",
    time: Annotated[str, typer.Option(help="Time of the run, 24-hour HH:MM (local time).")] = "06:00",
    notes: Annotated[Optional[Path], typer.Option(help="Analyst notes folder. Default: notes/ in this folder.")] = None,
    cron: Annotated[bool, typer.Option("--cron", help="Print an equivalent crontab line instead of installing a timer.")] = False,
    collect: Annotated[bool, typer.Option("--collect", help="Each run first collects new articles ([collect] in briefgen.toml).")] = False,
    verbose: Verbose = False,
) -> None:
    """Install a systemd user timer running `briefgen weekly` (this folder is its working folder).

    Example: briefgen schedule install --sources sources/ --out outputs/ --weekday mon --time 06:00
    """
    from briefgen import schedule

    with reported_errors(verbose):
        plan = schedule.make_schedule(sources, out, weekday, time, notes, collect=collect)
        if cron:
            typer.echo(schedule.cron_line(plan))
            return
        installed = schedule.install(plan)
    for path in installed.paths:
        typer.echo(f"Wrote {path}")
    typer.echo(installed.message)


@schedule_app.command("status")
def status(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder to read the last result from. Default: the installed timer's.")] = None,
) -> None:
    """Show the installed timer, its next run and the last run's result.

    Example: briefgen schedule status
    """
    from briefgen import schedule

    typer.echo(schedule.status(out))


@schedule_app.command("remove")
def remove() -> None:
    """Disable the timer and delete its unit files.

    Example: briefgen schedule remove
    """
    from briefgen import schedule

    for line in schedule.remove():
        typer.echo(line)


def register(app: typer.Typer) -> None:
    app.command()(weekly)
    app.add_typer(schedule_app, name="schedule")
