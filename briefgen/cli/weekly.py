"""`briefgen weekly` and `briefgen schedule install|status|remove`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli import options as opt
from briefgen.cli.errors import reported_errors
from briefgen.cli.run import report_summary, report_up_to_date, run_build


schedule_app = typer.Typer(help="Run `briefgen weekly` every week (systemd user timer, or a crontab line).", no_args_is_help=True)


@opt.with_build_options
def weekly(
    sources_dir: Annotated[Path, typer.Argument(help="Folder of French articles; only those of the week (and look-back) are used.")],
    week: Annotated[Optional[str], typer.Option(help="ISO week to brief, e.g. 2025-W38. Default: the last complete week.")] = None,
    collect: Annotated[bool, typer.Option("--collect", help="First collect new articles from [collect] feeds and urls into the sources folder.")] = False,
    context_days: Annotated[int, typer.Option(help="Also use articles this many days older than the look-back, for the background sections (Russia context) only.")] = 0,
    *,
    options: opt.BuildOptions,
) -> None:
    """Build the brief for one ISO week, keeping analysts' edits and notes, and say what is new.

    Example: briefgen weekly sources/ --out outputs/ --week 2025-W38
    """
    with reported_errors(options.verbose):
        result, seconds = run_build([sources_dir], options, week=week, weekly=True, context_days=context_days, collect=collect)
    if result.brief is None:
        report_up_to_date(result, options.quiet, options.as_json)
    elif options.as_json or options.quiet:
        report_summary(result.summary(seconds), options.quiet, options.verbose, options.as_json)
    else:
        from briefgen.cli.display import print_week

        print_week(result, options.verbose)


@schedule_app.command("install")
def install(
    sources: Annotated[Path, typer.Option(help="Folder of French articles the weekly run reads.")],
    out: opt.Out,
    weekday: Annotated[str, typer.Option(help="Day of the run: mon, tue, wed, thu, fri, sat or sun.")] = "mon",
    time: Annotated[str, typer.Option(help="Time of the run, 24-hour HH:MM (local time).")] = "06:00",
    notes: Annotated[Optional[Path], typer.Option(help="Analyst notes folder. Default: notes/ in this folder.")] = None,
    cron: Annotated[bool, typer.Option("--cron", help="Print an equivalent crontab line instead of installing a timer.")] = False,
    collect: Annotated[bool, typer.Option("--collect", help="Each run first collects new articles ([collect] in briefgen.toml).")] = False,
    verbose: opt.Verbose = False,
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
