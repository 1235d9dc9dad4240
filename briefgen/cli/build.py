"""`briefgen build` and `briefgen sources`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.errors import reported_errors

PathsArg = Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (.txt .md .html .docx). Default: sources/ in the working folder.", show_default=False)]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show details and tracebacks.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors (for cron and systemd).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the summary as JSON, for scripts.")]


def _paths(paths: Optional[list[Path]]) -> list[Path]:
    return paths or [Path("sources")]


def build(
    paths: PathsArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    week: Annotated[Optional[str], typer.Option(help="ISO week to name the brief, e.g. 2025-W38. Default: week of the newest source.")] = None,
    engine: Annotated[Optional[str], typer.Option(help="Translation engine: auto, argos or apertium.")] = None,
    length: Annotated[Optional[int], typer.Option(help="Most English words in the body of the brief.")] = None,
    formats: Annotated[Optional[str], typer.Option("--format", help="Comma-separated output formats: docx,json,md,pdf.")] = None,
    template: Annotated[Optional[Path], typer.Option(help="Word template (docxtpl) to use instead of the shipped one.")] = None,
    glossary: Annotated[Optional[Path], typer.Option(help="Extra glossary TOML (French -> English).")] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
) -> None:
    """Build the brief from French articles.

    Example: briefgen build seeds/ --out outputs/
    """
    from briefgen.cli.display import StageReporter
    from briefgen.config import load_config
    from briefgen.output import default_renderers, write_brief
    from briefgen.pipeline import run
    from briefgen.translate import select_engine

    started = time.monotonic()
    with reported_errors(verbose):
        config = load_config(
            overrides={
                "engine": engine,
                "length": length,
                "formats": formats.split(",") if formats else None,
                "template": str(template) if template else None,
                "glossary": str(glossary) if glossary else None,
            }
        )
        translator = select_engine(config)
        with StageReporter(enabled=not quiet) as reporter:
            brief = run(_paths(paths), config, translator, week=week, report=reporter.stage)
            reporter.stage("render")
            written = write_brief(brief, config, out, default_renderers())
    _print_warnings(brief, quiet)
    summary = _summary(brief, written, time.monotonic() - started)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    elif not quiet:
        from briefgen.cli.display import print_summary

        print_summary(summary)


def _print_warnings(brief, quiet: bool) -> None:
    if quiet:
        return
    for warning in brief.warnings:
        where = f"{warning.source}: " if warning.source else ""
        typer.echo(f"warning: {where}{warning.message}", err=True)


def _summary(brief, written: list[Path], seconds: float) -> dict:
    skipped = sorted({w.source for w in brief.warnings if w.source and not any(str(s.path) == w.source for s in brief.sources)})
    return {
        "week": brief.period.week,
        "sources_used": len(brief.sources),
        "sources_skipped": skipped,
        "points": {s.key: len(s.points) for s in brief.sections},
        "key_judgements": len(brief.key_judgements),
        "engine": f"{brief.engine.name} {brief.engine.version} ({brief.engine.model})" if brief.engine else "none",
        "outputs": [str(p) for p in written],
        "warnings": len(brief.warnings),
        "seconds": round(seconds, 1),
    }


def sources(paths: PathsArg = None, as_json: AsJson = False, verbose: Verbose = False) -> None:
    """List what briefgen reads from the given articles: id, outlet, date, title, words, warnings.

    Example: briefgen sources seeds/
    """
    from briefgen.ingest import ingest
    from briefgen.render.sidecar import source_dict

    with reported_errors(verbose):
        brief = ingest(_paths(paths))
    rows = [source_dict(s) for s in brief.sources]
    warnings = [{"source": w.source, "message": w.message} for w in brief.warnings]
    if as_json:
        typer.echo(json.dumps({"sources": rows, "warnings": warnings}, ensure_ascii=False, indent=2))
        return
    from briefgen.cli.display import print_sources

    print_sources(rows, warnings)


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(sources)
