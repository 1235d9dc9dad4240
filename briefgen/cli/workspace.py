"""`briefgen init` and `briefgen preview`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.errors import reported_errors
from briefgen.errors import OutputError


def init(folder: Annotated[Path, typer.Argument(help="Folder to set up (created if missing).")] = Path(".")) -> None:
    """Create a working folder: briefgen.toml (every option documented), a starter glossary,
    the Word template to restyle, and sources/, notes/, outputs/.

    Example: briefgen init ~/briefs && cd ~/briefs && briefgen build
    """
    from briefgen.workspace import init_workspace

    created, kept = init_workspace(folder)
    for path in created:
        typer.echo(f"created  {path}")
    for path in kept:
        typer.echo(f"kept     {path} (already there)")
    typer.echo(f"\nNext: put French articles in {folder / 'sources'}, then run `briefgen build` in {folder}.")


def _latest_json(folder: Path) -> Path:
    candidates = sorted(folder.glob("brief-*.json"))
    if not candidates:
        raise OutputError(f"No brief-*.json in {folder}. Build one with `briefgen build`, or name the file.")
    return candidates[-1]


def preview(
    brief_json: Annotated[Optional[Path], typer.Argument(help="A brief's JSON sidecar. Default: the newest in outputs/.", show_default=False)] = None,
    french: Annotated[bool, typer.Option("--french", help="Show the French quotes under each point.")] = False,
) -> None:
    """Print a brief in the terminal: key judgements, sections, points with citation numbers, warnings.

    Example: briefgen preview outputs/brief-2025-W38.json
    """
    from briefgen.cli.display import print_brief

    with reported_errors():
        path = brief_json or _latest_json(Path("outputs"))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OutputError(f"Cannot read {path} as a brief's JSON ({exc}).") from exc
    print_brief(data, french)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(preview)
