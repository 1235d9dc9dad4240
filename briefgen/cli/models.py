"""Translation commands: `models install|list|remove`, `doctor` and `translate`.

Thin wrappers: parse options, call briefgen.translate, print. Library modules are imported inside
the commands so that `briefgen --help` never loads argostranslate or CTranslate2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.errors import reported_errors

EngineOption = Annotated[
    Optional[str], typer.Option("--engine", help="auto (Argos if installed, else Apertium), argos or apertium.")
]
GlossaryOption = Annotated[
    Optional[Path], typer.Option("--glossary", help="Extra TOML glossary (French = English) added to the shipped one.")
]


def install(
    source: Annotated[
        Optional[str], typer.Option("--from", help="Install from a .argosmodel file (offline) or an http(s) URL.")
    ] = None,
) -> None:
    """Install the French->English Argos package (from the Argos package index, or with --from).

    Example: briefgen models install --from translate-fr_en-1_9.argosmodel
    """
    from briefgen.translate.packages import install_from_file, install_from_url, install_online, is_url

    with reported_errors():
        if source is None:
            info = install_online()
        else:
            info = install_from_url(source) if is_url(source) else install_from_file(Path(source))
    typer.echo(f"Installed {info.name} ({info.from_code}->{info.to_code} {info.version}) in {info.path.parent}")


def list_packages() -> None:
    """List installed Argos packages and available engines.

    Example: briefgen models list
    """
    from briefgen.config import load_config
    from briefgen.translate.status import engine_report

    with reported_errors():
        report = engine_report(load_config())
    packages = report["packages"]
    typer.echo(f"Argos packages in {report['engines']['argos']['packages_dir']}:")
    for p in packages:
        typer.echo(f"  {p['name']}  {p['from']}->{p['to']}  version {p['version']}")
    if not packages:
        typer.echo("  (none)")
    for name, engine in report["engines"].items():
        typer.echo(f"Engine {name}: {'available' if engine['available'] else 'not available'}")


def remove(name: Annotated[str, typer.Argument(help="Package folder name, as shown by `models list`.")]) -> None:
    """Remove an installed Argos package.

    Example: briefgen models remove translate-fr_en-1_9
    """
    from briefgen.translate.packages import remove_package

    with reported_errors():
        info = remove_package(name)
    typer.echo(f"Removed {info.name}")


def doctor(as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False) -> None:
    """Report translation engines, models, versions, cache location and network needs.

    Example: briefgen doctor --json
    """
    from briefgen.config import load_config
    from briefgen.translate.status import engine_report

    with reported_errors():
        report = engine_report(load_config())
    if as_json:
        typer.echo(json.dumps(report, indent=2, sort_keys=True))
        return
    argos, apertium = report["engines"]["argos"], report["engines"]["apertium"]
    typer.echo(f"Argos:    {'yes' if argos['available'] else 'no'} (argos-translate-lt {argos['version']}, "
               f"ctranslate2 {argos['ctranslate2']}, package {argos['package'] or 'none'}, in {argos['packages_dir']})")
    typer.echo(f"Apertium: {'yes' if apertium['available'] else 'no'} (version {apertium['version'] or 'not installed'}, "
               f"pairs {', '.join(apertium['pairs']) or 'none'})")
    typer.echo(f"Engine:   {report['selected_engine'] or 'none'} (requested: {report['requested_engine']})")
    typer.echo(f"Cache:    {report['cache']}")
    typer.echo(f"Network needed: {'yes' if report['network_needed'] else 'no'}")
    if report["advice"]:
        typer.echo(report["advice"])


def translate(
    file: Annotated[Path, typer.Argument(help="UTF-8 French text file, translated line by line.")],
    engine: EngineOption = None,
    glossary: GlossaryOption = None,
) -> None:
    """Translate FILE to English on stdout: one output line per input line, blank lines kept.

    Example: briefgen translate article.txt --engine apertium > article.en.txt
    """
    from briefgen.config import load_config
    from briefgen.model import Brief
    from briefgen.translate import select_engine, translate_file

    notes = Brief()  # collects warnings only (e.g. a rebuilt cache)
    with reported_errors():
        config = load_config(overrides={"engine": engine, "glossary": glossary})
        lines = translate_file(file, select_engine(config), config, notes)
    for warning in notes.warnings:
        typer.echo(f"Warning: {warning.message}", err=True)
    for line in lines:
        typer.echo(line)


def register(app: typer.Typer) -> None:
    """Add the `models` sub-app and the `doctor` and `translate` commands to the root app."""
    models_app = typer.Typer(help="Install, list and remove Argos translation packages.", no_args_is_help=True)
    models_app.command("install")(install)
    models_app.command("list")(list_packages)
    models_app.command("remove")(remove)
    app.add_typer(models_app, name="models")
    app.command("doctor")(doctor)
    app.command("translate")(translate)
