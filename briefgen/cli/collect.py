"""`briefgen collect`: fetch French articles from feeds and pages into the sources folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.errors import reported_errors

def collect(
    feed: Annotated[Optional[list[str]], typer.Option("--feed", metavar="URL", help="RSS or Atom feed to collect (repeatable). Default: [collect] feeds in briefgen.toml.")] = None,
    url: Annotated[Optional[list[str]], typer.Option("--url", metavar="URL", help="Article page to collect (repeatable). Default: [collect] urls.")] = None,
    into: Annotated[Optional[Path], typer.Option("--into", metavar="DIR", help="Sources folder to save into. Default: [collect] into (sources/).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome of every address as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks on errors.")] = False,
) -> None:
    """Collect French news articles from feeds and pages into the sources folder, as Markdown with
    their title, outlet, author, date and link. Polite: robots.txt, a delay per site, limits.
    A second run fetches only what is new (collection log: .briefgen-collect.sqlite).

    Example: briefgen collect --feed https://www.example.org/rss.xml --into sources/
    """
    with reported_errors(verbose):
        settings = collect_settings(feed, url, into)
        from briefgen.collect import collect as run_collect

        show = not quiet and not as_json and sys.stderr.isatty()
        report = run_collect(settings, progress=_print_progress if show else None)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    elif not quiet:
        typer.echo(summary(report))


def collect_settings(feeds: list[str] | None, urls: list[str] | None, into: Path | None):
    """[collect] from briefgen.toml, with the command line's feeds, pages and folder instead."""
    from dataclasses import replace

    from briefgen.config import load_config

    settings = load_config().collect
    if feeds or urls:
        settings = replace(settings, feeds=tuple(feeds or ()), urls=tuple(urls or ()))
    return replace(settings, into=into) if into else settings


def _print_progress(outcome) -> None:
    reason = f" ({outcome.reason})" if outcome.reason and outcome.status != "new" else ""
    label = "FAILED" if outcome.status == "failed" else outcome.status  # failures stand out as they scroll by
    typer.echo(f"{label:>8} {outcome.kind} {outcome.url}{reason}", err=True)


def summary(report) -> str:
    """What the run did, in a few lines: counts, then every failure with its reason."""
    counts = report.as_dict()["counts"]
    feeds = [o for o in report.outcomes if o.kind == "feed"]
    unread = sum(o.status == "failed" for o in feeds)
    lines = [f"Collected into {report.into}/: {counts['new']} new, {counts['had']} already had, "
             f"{counts['skipped']} skipped, {counts['failed']} failed"
             f"{f'; {unread} of {len(feeds)} feeds unreadable' if unread else ''} ({report.requests} requests)."]
    lines += [f"  feed     {o.url}: {o.reason}" for o in report.outcomes if o.kind == "feed" and o.status != "failed"]
    lines += [f"  new      {o.path.name}" for o in report.articles("new")]
    lines += [f"  skipped  {o.url}: {o.reason}" for o in report.articles("skipped")]
    lines += [f"  failed   {o.url}: {o.reason}" for o in report.failures()]
    lines += [f"  note     {note}" for note in report.notes]
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    app.command()(collect)
