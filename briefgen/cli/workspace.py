"""`briefgen init` and `briefgen preview`."""

from __future__ import annotations

import json
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
    from briefgen.output import briefs_by_week

    candidates = list(briefs_by_week(folder).values())
    if not candidates:
        raise ConfigError(f"No brief-*.json in {folder}/. Build one with `briefgen build`, or name the file to preview.")
    return candidates[-1]


def read_brief_json(path: Path) -> dict:
    """A brief's JSON sidecar, checked against the schema so that preview never half-prints."""
    import jsonschema

    from briefgen.render.sidecar import validate

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path} does not exist. Name a brief-*.json written by `briefgen build`.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read {path} ({getattr(exc, 'strerror', None) or exc}).") from exc
    except ValueError as exc:
        raise ConfigError(f"{path} is not valid JSON ({exc}). Rebuild it with `briefgen build`.") from exc
    try:
        validate(data)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "top level"
        raise ConfigError(f"{path} is not a briefgen brief ({where}: {exc.message}). Rebuild it with `briefgen build`.") from exc
    return data


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

        data = read_brief_json(brief_json or _latest_json(Path("outputs")))
        print_brief(data, french)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(preview)
