"""The `briefgen` command: parse options, load the config, call the library, report.

No logic lives here. Library errors (BriefgenError) become a one-line message and an exit code;
tracebacks appear only with --verbose. Heavy modules are imported inside commands so that
`briefgen --help` stays fast.
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated, Optional

import typer

from briefgen import __version__

GETTING_STARTED = """Example: briefgen init work, copy French articles into work/sources/, then
in work/ run briefgen build and briefgen preview. Each command's --help has its own example."""
EXIT_CODES = """Exit codes: 0 success; 1 unexpected error; 2 invalid option or configuration;
3 no usable source; 4 no translation engine; 5 template error; 6 cannot write outputs;
75 another run holds the output folder (try again later); 130 interrupted."""

app = typer.Typer(
    name="briefgen",
    help=f"Turn French news articles into a cited English policy brief (DOCX + JSON), offline.\n\n{GETTING_STARTED}\n\n{EXIT_CODES}",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Turn French news articles into a cited English policy brief (DOCX + JSON), offline."""


from briefgen.cli import build, collect, memory, models, weekly, workspace  # noqa: E402  (after `app` exists: they register on it)

build.register(app)
workspace.register(app)
weekly.register(app)
models.register(app)
collect.register(app)
memory.register(app)

VERBOSE_FLAGS = ("--verbose", "-v")


def main() -> None:
    """The installed command. Commands report their own errors; this catches what escapes them."""
    from briefgen.cli.errors import UNEXPECTED_EXIT_CODE, unexpected_message

    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrupted; the previous outputs are untouched.", err=True)
        sys.exit(130)
    except Exception as exc:
        if any(flag in sys.argv[1:] for flag in VERBOSE_FLAGS):
            traceback.print_exc()
        typer.echo(unexpected_message(exc), err=True)
        sys.exit(UNEXPECTED_EXIT_CODE)

