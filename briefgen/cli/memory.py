"""`briefgen memory list|export|import|forget|suggest`: the translation memory of an output folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from briefgen.cli.errors import reported_errors
from briefgen.render.text import plural

memory_app = typer.Typer(
    help="The translation memory: analysts' corrected English, learnt from edited briefs in the output folder.",
    no_args_is_help=True,
)
OutDir = Annotated[Path, typer.Option("--out", "-o", help="Output folder whose memory to use (translation-memory.sqlite).")]
# Characters of French and English shown per entry in the list; the exports hold the full text.
SHOWN = 70


def _memory(out: Path):
    from briefgen.memory import TranslationMemory, memory_path

    return TranslationMemory(memory_path(out))


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


@memory_app.command("list")
def list_entries(out: OutDir = Path("outputs"), as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False) -> None:
    """List the entries: id, who corrected it and when, French and English.

    Example: briefgen memory list --out outputs/
    """
    with reported_errors(False), _memory(out) as memory:
        entries = memory.entries()
    if as_json:
        typer.echo(json.dumps([vars(e) for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        typer.echo(f"The translation memory of {out} is empty: edit the English of a brief there, then build again.")
    for e in entries:
        typer.echo(f"#{e.id}  {e.kind or 'entry'} · {e.author or 'unknown'} · {e.modified[:10] or 'undated'} · {e.brief or 'imported'}")
        typer.echo(f"    fr: {_short(e.fr)}")
        typer.echo(f"    en: {_short(e.en)}")


@memory_app.command("export")
def export(
    file: Annotated[Path, typer.Argument(help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="tmx (TMX 1.4, for CAT tools) or json.")] = "tmx",
    out: OutDir = Path("outputs"),
) -> None:
    """Write the memory to a TMX 1.4 or JSON file.

    Example: briefgen memory export --format tmx team-memory.tmx
    """
    from briefgen.memory_files import export_entries

    with reported_errors(False), _memory(out) as memory:
        entries = memory.entries()
        export_entries(entries, fmt, file)
    typer.echo(f"Wrote {plural(len(entries), 'entry', 'entries')} to {file}.")


@memory_app.command("import")
def import_(file: Annotated[Path, typer.Argument(help="A TMX file (French -> English) or a briefgen JSON export.")], out: OutDir = Path("outputs")) -> None:
    """Add the entries of a TMX or JSON file; an entry newer than the one stored for the same French replaces it.

    Example: briefgen memory import team-memory.tmx
    """
    from briefgen.memory_files import read_entries

    with reported_errors(False):
        entries = read_entries(file)
        with _memory(out) as memory:
            added = sum(memory.record(entry) for entry in entries)
    typer.echo(f"Imported {added} of {plural(len(entries), 'entry', 'entries')} from {file} "
               "(the others were already known, older or forgotten).")


@memory_app.command("forget")
def forget(entry_id: Annotated[int, typer.Argument(help="The entry's id, as `memory list` shows it.")], out: OutDir = Path("outputs")) -> None:
    """Remove an entry; later harvests will not bring the same correction back.

    Example: briefgen memory forget 3
    """
    from briefgen.errors import ConfigError

    with reported_errors(False), _memory(out) as memory:
        entry = memory.forget(entry_id)
        if entry is None:
            raise ConfigError(f"No entry #{entry_id} in the translation memory of {out}; `briefgen memory list` shows the ids.")
    typer.echo(f"Forgot #{entry_id}: {_short(entry.fr)}")


@memory_app.command("suggest")
def suggest(out: OutDir = Path("outputs")) -> None:
    """Propose glossary entries: phrases analysts corrected the same way in several entries.

    Example: briefgen memory suggest >> glossary-suggestions.toml
    """
    from briefgen.memory_suggest import MIN_REPEATS, suggest as find

    with reported_errors(False), _memory(out) as memory:
        suggestions = find(memory.entries())
    if not suggestions:
        typer.echo(f"# No phrase was corrected the same way in {MIN_REPEATS} or more entries yet.")
    for s in suggestions:
        typer.echo(s.toml() if s.fr else f"# corrected {s.count} times: \"{s.machine}\" -> \"{s.en}\" (no shared French term)")


def register(app: typer.Typer) -> None:
    app.add_typer(memory_app, name="memory")
