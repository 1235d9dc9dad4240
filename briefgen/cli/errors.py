"""How every command reports a failure: one or two plain sentences and an exit code."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator

import typer

from briefgen.errors import BriefgenError


@contextlib.contextmanager
def reported_errors(verbose: bool = False) -> Iterator[None]:
    """Turn library errors into `Error: …` on stderr and the error's exit code."""
    try:
        yield
    except BriefgenError as exc:
        if verbose:
            traceback.print_exc()
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
