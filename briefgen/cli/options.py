"""Options `build` and `weekly` share, declared once so both commands offer the same ones.

Engine and format names, their help and their completion come from the registries.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from briefgen.registry import FORMATS, engine_names

ENGINE_HELP = f"Translation engine: {', '.join(engine_names())} (auto: the first installed of {', '.join(engine_names()[1:])})."


def complete_engine(incomplete: str) -> list[str]:
    return [name for name in engine_names() if name.startswith(incomplete)]


def complete_format(incomplete: str) -> list[str]:
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in FORMATS if name.startswith(last) and name not in done.split(",")]


Out = Annotated[Path, typer.Option("--out", "-o", help="Output folder (also holds the previous briefs and the last-run record).")]
Engine = Annotated[Optional[str], typer.Option(help=ENGINE_HELP, autocompletion=complete_engine)]
Length = Annotated[Optional[int], typer.Option(help="Most English words in the body of the brief.")]
Formats = Annotated[Optional[str], typer.Option("--format", help=f"Comma-separated output formats: {','.join(FORMATS)}.", autocompletion=complete_format)]
Template = Annotated[Optional[Path], typer.Option(help="Word template (docxtpl) to use instead of the configured one.")]
Glossary = Annotated[Optional[Path], typer.Option(help="Extra glossary TOML (French = English).")]
Force = Annotated[bool, typer.Option("--force", help="Rebuild even if up to date, and overwrite the DOCX even if someone edited it (otherwise a .v2.docx is written).")]
Notes = Annotated[Path, typer.Option("--notes", help="Folder of analyst notes merged into the brief: standing.docx and <week>.docx.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors (for cron and systemd).")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show stage timings, every warning, and tracebacks on errors.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout, for scripts.")]


def overrides(engine: str | None, length: int | None, formats: str | None, template: Path | None, glossary: Path | None) -> dict[str, Any]:
    """CLI options as load_config overrides; options not given stay None (briefgen.toml decides)."""
    return {
        "engine": engine,
        "length": length,
        "formats": [f.strip() for f in formats.split(",") if f.strip()] if formats else None,
        "template": str(template) if template else None,
        "glossary": str(glossary) if glossary else None,
    }
