"""How every command reports a failure: one or two plain sentences and an exit code.

Library errors (BriefgenError) carry their own message and exit code. Anything else is a bug or an
environment problem the library did not foresee: it is named in one line, with exit code 1, and
its traceback is shown only with --verbose.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator

import typer

from briefgen.errors import BriefgenError

UNEXPECTED_EXIT_CODE = 1
UNEXPECTED_HINT = "Run again with --verbose for details."


def unexpected_message(exc: BaseException) -> str:
    detail = str(exc) or type(exc).__name__
    return f"Unexpected error: {detail}. {UNEXPECTED_HINT}"


@contextlib.contextmanager
def reported_errors(verbose: bool = False) -> Iterator[None]:
    """Turn a failure into `Error: …` (or `Unexpected error: …`) on stderr and an exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise  # typer's own exits and usage errors already say what to do
    except BriefgenError as exc:
        if verbose:
            traceback.print_exc()
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:
        if verbose:
            traceback.print_exc()
        typer.echo(unexpected_message(exc), err=True)
        raise typer.Exit(UNEXPECTED_EXIT_CODE) from None
