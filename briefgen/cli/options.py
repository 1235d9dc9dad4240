"""Options `build` and `weekly` share, declared once (BuildOptions) so both commands offer the same
ones and receive them as one value: typer reads a command's options from its signature, which
`with_build_options` extends with BuildOptions' fields (typer has no mechanism of its own for this).

Engine and format names, their help and their completion come from the registries.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, Optional, get_type_hints

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


@dataclass(frozen=True)
class BuildOptions:
    """The options `build` and `weekly` share, as the command receives them (see `with_build_options`)."""

    out: Out = Path("outputs")
    engine: Engine = None
    length: Length = None
    formats: Formats = None
    template: Template = None
    glossary: Glossary = None
    force: Force = False
    notes: Notes = Path("notes")
    lang: Lang = None
    annex: Annex = None
    footnotes: Footnotes = None
    quiet: Quiet = False
    verbose: Verbose = False
    as_json: AsJson = False

    def overrides(self) -> dict[str, Any]:
        """The options as load_config overrides; options not given stay None (briefgen.toml decides)."""
        return {
            "engine": self.engine,
            "length": self.length,
            "formats": _listed(self.formats),
            "template": str(self.template) if self.template else None,
            "glossary": str(self.glossary) if self.glossary else None,
            "lang": _listed(self.lang),
            "annex": self.annex,
            "footnotes": self.footnotes,
        }


def with_build_options(command: Callable[..., None]) -> Callable[..., None]:
    """`command` offering BuildOptions' fields as options of its own after its parameters (typer
    reads a command's options from its signature), and called with them as one `options`."""
    hints = get_type_hints(command, include_extras=True) | get_type_hints(BuildOptions, include_extras=True)
    own = [p.replace(annotation=hints[p.name]) for p in inspect.signature(command).parameters.values() if p.name != "options"]
    names = [f.name for f in fields(BuildOptions)]
    added = [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name]) for f in fields(BuildOptions)]

    @functools.wraps(command)
    def with_options(**given: Any) -> None:
        command(options=BuildOptions(**{name: given.pop(name) for name in names}), **given)

    with_options.__signature__ = inspect.Signature(own + added)  # type: ignore[attr-defined]
    with_options.__annotations__ = {p.name: p.annotation for p in own + added}
    return with_options


def _listed(option: str | None) -> list[str] | None:
    """"docx, json" -> ["docx", "json"]; None when the option was not given."""
    return [part.strip() for part in option.split(",") if part.strip()] if option else None
