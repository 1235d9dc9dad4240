"""What `build` and `weekly` share around the use case: configuration, engine, progress, reports.

Light at import (the commands' --help must stay fast); the library loads inside run_build.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from briefgen.build import BuildResult, BuildSummary
    from briefgen.cli.options import BuildOptions
    from briefgen.config import Config


def run_build(
    paths: list[Path], options: BuildOptions, *, week: str | None, weekly: bool = False, context_days: int = 0, collect: bool = False
) -> tuple[BuildResult, float]:
    """Load the configuration and the engine, `collect` new articles into the first path if asked,
    then build_brief with progress; returns the result and seconds."""
    started = time.monotonic()
    from briefgen.cli.display import CountingTranslator, StageReporter

    with StageReporter(enabled=not options.quiet, verbose=options.verbose) as reporter:
        reporter.stage("load")
        from briefgen.build import BuildRequest, build_brief, recorded
        from briefgen.config import CONFIG_NAME, load_config
        from briefgen.translate import edition_engine

        reporter.note(f"Configuration: {CONFIG_NAME if Path(CONFIG_NAME).is_file() else 'defaults (no briefgen.toml here)'}")
        with recorded(options.out, week):  # a bad configuration or a missing engine is a failed run too
            config = load_config(overrides=options.overrides())
            if collect:
                _collect_into(paths[0], config, options.quiet)
            translator = CountingTranslator(edition_engine(config), reporter.progress)
        reporter.note(f"Engine: {translator.info.name} {translator.info.version} ({translator.info.model})")
        request = BuildRequest(paths, options.out, config, week, weekly, context_days, options.notes, options.force)
        result = build_brief(request, translator, report=reporter.stage)
        for detail in result.details:
            reporter.note(detail)
    if result.brief is not None:
        reporter.note(f"{translator.translated} sentences translated by the engine; any others came from the translation cache {config.cache}.")
    return result, time.monotonic() - started


def _collect_into(folder: Path, config: Config, quiet: bool) -> None:
    from briefgen.cli.collect import summary
    from briefgen.collect import collect_into

    report = collect_into(folder, config)
    if not quiet:
        typer.echo(summary(report))


def report_up_to_date(result: BuildResult, quiet: bool, as_json: bool) -> None:
    """What the harvest said (an unreadable edited brief) on stderr, then the outputs left as they are."""
    outputs = [str(path) for path in result.written]
    for message in [] if quiet else result.messages:
        typer.echo(message, err=True)
    if as_json:
        typer.echo(json.dumps({"week": result.week, "up_to_date": True, "outputs": outputs}, indent=2))
    elif not quiet:
        typer.echo(
            f"Brief {result.week} is up to date: same sources, configuration, notes, engine and packages "
            "as its last build, and its files are as briefgen wrote them. Nothing rewritten; --force rebuilds."
        )
        for path in outputs:
            typer.echo(f"  {path}")


def report_summary(summary: BuildSummary, quiet: bool, verbose: bool, as_json: bool) -> None:
    """Warnings on stderr (unless --quiet), then the summary as JSON or as a table."""
    from briefgen.cli.display import print_summary, print_warnings

    if not quiet:
        print_warnings(summary.warnings, verbose)
        for message in summary.messages:
            typer.echo(message, err=True)
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    elif not quiet:
        print_summary(summary)
