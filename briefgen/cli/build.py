"""`briefgen build` and `briefgen sources`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from briefgen.cli.errors import reported_errors
from briefgen.config import ENGINES, FORMATS


PathsArg = Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (.txt .md .html .docx). Default: sources/ in the working folder.", show_default=False)]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show stage timings, every warning, and tracebacks on errors.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors (for cron and systemd).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout, for scripts.")]
Lang = Annotated[Optional[str], typer.Option("--lang", help="Editions: en (translated), fr (French, no translation at all) or en,fr. A French edition is brief-<week>.fr.docx.")]
Annex = Annotated[Optional[bool], typer.Option("--annex/--no-annex", help="Include the annex setting each point's French beside its English.", show_default=False)]
Footnotes = Annotated[Optional[str], typer.Option("--footnotes", help="Footnote form: short (outlet, date, paragraph, the clause that carries the fact) or full.")]


def _paths(paths: Optional[list[Path]]) -> list[Path]:
    return paths or [Path("sources")]


def _complete_engine(incomplete: str) -> list[str]:
    return [name for name in ENGINES if name.startswith(incomplete)]


def _complete_format(incomplete: str) -> list[str]:
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in FORMATS if name.startswith(last) and name not in done.split(",")]


def build(
    paths: PathsArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    week: Annotated[Optional[str], typer.Option(help="ISO week to name the brief, e.g. 2025-W38. Default: week of the newest source.")] = None,
    engine: Annotated[Optional[str], typer.Option(help="Translation engine: auto, argos or apertium.", autocompletion=_complete_engine)] = None,
    length: Annotated[Optional[int], typer.Option(help="Most English words in the body of the brief.")] = None,
    formats: Annotated[Optional[str], typer.Option("--format", help="Comma-separated output formats: docx,json,md,pdf.", autocompletion=_complete_format)] = None,
    template: Annotated[Optional[Path], typer.Option(help="Word template (docxtpl) to use instead of the configured one.")] = None,
    glossary: Annotated[Optional[Path], typer.Option(help="Extra glossary TOML (French = English).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the DOCX even if someone edited it (otherwise a .v2.docx is written).")] = False,
    notes: Annotated[Path, typer.Option("--notes", help="Folder of analyst notes merged into the brief: standing.docx and <week>.docx.")] = Path("notes"),
    lang: Lang = None,
    annex: Annex = None,
    footnotes: Footnotes = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
) -> None:
    """Build the brief from French articles. Options override briefgen.toml in the current folder.

    Example: briefgen build seeds/ --out outputs/ --format docx,json,md --lang en,fr
    """
    started = time.monotonic()
    with reported_errors(verbose):
        from briefgen.cli.display import CountingTranslator, StageReporter

        with StageReporter(enabled=not quiet, verbose=verbose) as reporter:
            reporter.stage("load")
            from briefgen.config import CONFIG_NAME, load_config
            from briefgen.output import locked
            from briefgen.translate import edition_engine
            from briefgen.uptodate import current_brief, scan_inputs
            from briefgen.weekly import parse_week

            reporter.note(f"Configuration: {CONFIG_NAME if Path(CONFIG_NAME).is_file() else 'defaults (no briefgen.toml here)'}")
            config = load_config(overrides=_overrides(engine, length, formats, template, glossary)
                                 | edition_overrides(lang, annex, footnotes))
            week = parse_week(week).week if week else None
            translator = CountingTranslator(edition_engine(config), reporter.progress)
            reporter.note(f"Engine: {translator.info.name} {translator.info.version} ({translator.info.model})")
            with locked(out):
                from briefgen.harvest import harvest, harvest_messages

                harvested = harvest(out)
                for detail in harvested.details:
                    reporter.note(detail)
                scan = scan_inputs(_paths(paths))
                current = None if force or harvested.changed else current_brief(out, week, scan, config, notes, translator.info)
                if current is None:
                    from briefgen.notes import notes_for_week
                    from briefgen.output import default_renderers, write_brief
                    from briefgen.pipeline import run

                    brief = run(_paths(paths), config, translator, week=week, report=reporter.stage, previous_dir=out)
                    reporter.stage("render")
                    written, messages = write_brief(
                        brief, config, out, default_renderers(), force=force,
                        notes=notes_for_week(notes, brief.period.week), scan=scan,
                    )
        if current is not None:
            _report_up_to_date(current, out, quiet, as_json)
            return
        reporter.note(f"{translator.translated} sentences translated by the engine; any others came from the translation cache {config.cache}.")
        messages = [*harvest_messages(harvested), *messages]
        _report(build_summary(brief, written, messages, time.monotonic() - started), quiet, verbose, as_json)


def _report_up_to_date(manifest: dict, out: Path, quiet: bool, as_json: bool) -> None:
    outputs = [str(out / name) for name in manifest["outputs"]]
    if as_json:
        typer.echo(json.dumps({"week": manifest["week"], "up_to_date": True, "outputs": outputs}, indent=2))
    elif not quiet:
        typer.echo(
            f"Brief {manifest['week']} is up to date: same sources, configuration, notes, engine and packages "
            "as its last build, and its files are as briefgen wrote them. Nothing rewritten; --force rebuilds."
        )
        for path in outputs:
            typer.echo(f"  {path}")


def _report(summary: dict, quiet: bool, verbose: bool, as_json: bool) -> None:
    """Warnings on stderr (unless --quiet), then the summary as JSON or as a table."""
    from briefgen.cli.display import print_summary, print_warnings

    if not quiet:
        print_warnings(summary["warnings"], verbose)
        for message in summary["messages"]:
            typer.echo(message, err=True)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    elif not quiet:
        print_summary(summary)


def _overrides(engine: str | None, length: int | None, formats: str | None, template: Path | None, glossary: Path | None) -> dict:
    """CLI options as load_config overrides; options not given stay None (briefgen.toml decides)."""
    return {
        "engine": engine,
        "length": length,
        "formats": [f.strip() for f in formats.split(",") if f.strip()] if formats else None,
        "template": str(template) if template else None,
        "glossary": str(glossary) if glossary else None,
    }


def edition_overrides(lang: str | None, annex: bool | None, footnotes: str | None) -> dict:
    """--lang, --annex/--no-annex and --footnotes as load_config overrides (build and weekly)."""
    return {
        "lang": [part.strip() for part in lang.split(",") if part.strip()] if lang else None,
        "annex": annex,
        "footnotes": footnotes,
    }


def build_summary(brief, written: list[Path], messages: list[str], seconds: float) -> dict:
    """What a build did, for people (print_summary) and scripts (--json)."""
    used = {str(s.path) for s in brief.sources}
    return {
        "week": brief.period.week,
        "period": {"start": brief.period.start.isoformat(), "end": brief.period.end.isoformat()},
        "sources_used": len(brief.sources),
        "sources_skipped": sorted({w.source for w in brief.warnings if w.source and w.source not in used}),
        "sections": [{"key": s.key, "title": s.title_en, "points": len(s.points)} for s in brief.sections],
        "key_judgements": len(brief.key_judgements),
        "key_developments": len([e for e in brief.developments if e.en]),
        "engine": {"name": brief.engine.name, "version": brief.engine.version, "model": brief.engine.model} if brief.engine else None,
        "outputs": [str(p) for p in written],
        "messages": messages,
        "warnings": [{"source": w.source, "message": w.message} for w in brief.warnings],
        "seconds": round(seconds, 1),
    }


def sources(paths: PathsArg = None, as_json: AsJson = False, verbose: Verbose = False) -> None:
    """List what briefgen reads from the given articles: id, outlet, date, title, words, warnings.

    Example: briefgen sources seeds/ --json
    """
    with reported_errors(verbose):
        from briefgen.errors import NoUsableSourcesError
        from briefgen.ingest import ingest
        from briefgen.render.sidecar import source_dict

        brief = ingest(_paths(paths))
        rows = [source_dict(s) for s in brief.sources]
        warnings = [{"source": w.source, "message": w.message} for w in brief.warnings]
        if as_json:
            typer.echo(json.dumps({"sources": rows, "warnings": warnings}, ensure_ascii=False, indent=2))
        elif rows:
            from briefgen.cli.display import print_sources

            print_sources(rows, warnings)
        if not rows:
            problems = "".join(f" {w['source']}: {w['message']}." for w in warnings[:5])
            where = ", ".join(str(p) for p in _paths(paths))
            raise NoUsableSourcesError(f"No usable French article found in {where}.{problems} briefgen reads .txt, .md, .html and .docx files.")


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(sources)
