"""`briefgen build` and `briefgen sources`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli import options as opt
from briefgen.cli.errors import reported_errors
from briefgen.cli.run import report_summary, report_up_to_date, run_build


PathsArg = Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (.txt .md .html .docx). Default: sources/ in the working folder.", show_default=False)]


@opt.with_build_options
def build(
    paths: PathsArg = None,
    week: Annotated[Optional[str], typer.Option(help="ISO week to name the brief, e.g. 2025-W38. Default: week of the newest source.")] = None,
    *,
    options: opt.BuildOptions,
) -> None:
    """Build the brief from French articles. Options override briefgen.toml in the current folder.

    Example: briefgen build seeds/ --out outputs/ --format docx,json,md --lang en,fr
    """
    with reported_errors(options.verbose):
        result, seconds = run_build(paths or [Path("sources")], options, week=week)
    if result.brief is None:
        report_up_to_date(result, options.quiet, options.as_json)
    else:
        report_summary(result.summary(seconds), options.quiet, options.verbose, options.as_json)


def sources(paths: PathsArg = None, as_json: opt.AsJson = False, verbose: opt.Verbose = False) -> None:
    """List what briefgen reads from the given articles: id, outlet, date, title, words, warnings.

    Example: briefgen sources seeds/ --json
    """
    with reported_errors(verbose):
        from briefgen.errors import NoUsableSourcesError
        from briefgen.ingest import ingest
        from briefgen.render.sidecar import source_dict, warning_dict

        paths = paths or [Path("sources")]
        brief = ingest(paths)
        rows = [source_dict(s) for s in brief.sources]
        if as_json:
            typer.echo(json.dumps({"sources": rows, "warnings": [warning_dict(w) for w in brief.warnings]}, ensure_ascii=False, indent=2))
        elif rows:
            from briefgen.cli.display import print_sources

            print_sources(rows, brief.warnings)
        if not rows:
            problems = "".join(f" {w.source}: {w.message}." for w in brief.warnings[:5])
            where = ", ".join(str(p) for p in paths)
            raise NoUsableSourcesError(f"No usable French article found in {where}.{problems} briefgen reads .txt, .md, .html and .docx files.")


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(sources)
