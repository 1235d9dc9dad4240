"""`briefgen init` and `briefgen preview`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.errors import reported_errors
from briefgen.errors import ConfigError

Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show tracebacks on errors.")]


def init(
    folder: Annotated[Path, typer.Argument(help="Folder to set up (created if missing).")] = Path("."),
    verbose: Verbose = False,
) -> None:
    """Create a working folder: briefgen.toml (every option documented), a starter glossary,
    the Word template to restyle, and sources/, notes/, outputs/. Existing files are kept.

    Example: briefgen init ~/briefs && cd ~/briefs && briefgen build
    """
    from briefgen.workspace import init_workspace

    with reported_errors(verbose):
        created, kept = init_workspace(folder)
    for path in created:
        typer.echo(f"created  {path}")
    for path in kept:
        typer.echo(f"kept     {path} (already there)")
    typer.echo(f"\nNext: edit {folder / 'briefgen.toml'} if you like, put French articles in {folder / 'sources'}, "
               f"then run `briefgen build` in {folder}.")


def _latest_json(folder: Path) -> Path:
    from briefgen.outdir import briefs_by_week

    candidates = list(briefs_by_week(folder).values())
    if not candidates:
        raise ConfigError(f"No brief-*.json in {folder}/. Build one with `briefgen build`, or name the file to preview.")
    return candidates[-1]


def preview(
    brief_json: Annotated[Optional[Path], typer.Argument(help="A brief's JSON sidecar. Default: the newest in outputs/.", show_default=False)] = None,
    french: Annotated[bool, typer.Option("--french", help="Show the French quotes under each point.")] = False,
    verbose: Verbose = False,
) -> None:
    """Print a brief in the terminal: key judgements, sections, points with citation numbers, warnings.

    Example: briefgen preview outputs/brief-2025-W38.json
    """
    with reported_errors(verbose):
        from briefgen.cli.display import print_brief
        from briefgen.render.sidecar import read_sidecar

        print_brief(read_sidecar(brief_json or _latest_json(Path("outputs"))), french)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(preview)
