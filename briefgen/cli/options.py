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
Lang = Annotated[Optional[str], typer.Option("--lang", help="Editions: en (translated), fr (French, no translation at all) or en,fr. A French edition is brief-<week>.fr.docx.")]
Annex = Annotated[Optional[bool], typer.Option("--annex/--no-annex", help="Include the annex setting each point's French beside its English.", show_default=False)]
Footnotes = Annotated[Optional[str], typer.Option("--footnotes", help="Footnote form: short (outlet, date, paragraph, the clause that carries the fact) or full.")]


def overrides(
    engine: str | None, length: int | None, formats: str | None, template: Path | None, glossary: Path | None,
    lang: str | None, annex: bool | None, footnotes: str | None,
) -> dict[str, Any]:
    """CLI options as load_config overrides; options not given stay None (briefgen.toml decides)."""
    return {
        "engine": engine,
        "length": length,
        "formats": _listed(formats),
        "template": str(template) if template else None,
        "glossary": str(glossary) if glossary else None,
        "lang": _listed(lang),
        "annex": annex,
        "footnotes": footnotes,
    }


def _listed(option: str | None) -> list[str] | None:
    """"docx, json" -> ["docx", "json"]; None when the option was not given."""
    return [part.strip() for part in option.split(",") if part.strip()] if option else None
