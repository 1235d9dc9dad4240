"""Writing a brief's files so that a crash, a kill or a second run never leaves a broken one.

Every format is rendered to a temporary file in the output folder first; only when all are
complete are they moved into place with os.replace (atomic on POSIX), under an exclusive lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from briefgen.config import Config
from briefgen.errors import BuildLockedError, OutputError
from briefgen.model import Brief

WEEK_PATTERN = re.compile(r"\d{4}-W\d{2}")
LOCK_NAME = ".briefgen.lock"
# Hidden temporary files render_to_temp makes: "." + final name + random part + ".tmp".
TEMP_PATTERN = ".brief-*.tmp"
MANIFEST_EXTENSION = "manifest.json"

Renderer = Callable[[Brief, Config, Path], None]


def output_path(out_dir: Path, week: str, extension: str) -> Path:
    """brief-<week>.<ext> inside out_dir; a week that is not YYYY-Www cannot escape the folder."""
    if not WEEK_PATTERN.fullmatch(week):
        raise OutputError(f"Invalid week {week!r}: use the ISO form YYYY-Www, e.g. 2025-W38.")
    return out_dir / f"brief-{week}.{extension}"


def briefs_by_week(out_dir: Path, extension: str = "json") -> dict[str, Path]:
    """The `brief-<week>.<extension>` files in `out_dir` by ISO week, oldest first (week names
    sort in time order); `extension` "json" finds the sidecars, "manifest.json" the manifests."""
    suffix = f".{extension}"
    found = {}
    for path in out_dir.glob(f"brief-*{suffix}"):
        week = path.name[len("brief-") : -len(suffix)]
        if WEEK_PATTERN.fullmatch(week):
            found[week] = path
    return dict(sorted(found.items()))


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock; a concurrent run gets BuildLockedError at once.

    Temporary files left by a run that was killed are removed once the lock is held: no other run
    can be writing them then.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = (out_dir / LOCK_NAME).open("a")
    except OSError as exc:
        raise OutputError(f"Cannot write to the output folder {out_dir} ({exc.strerror}). Choose another with --out.") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildLockedError(f"Another briefgen run is writing to {out_dir}. Wait for it to finish, then run again.") from exc
        remove_stale_temps(out_dir)
        yield


def remove_stale_temps(out_dir: Path) -> list[Path]:
    """Delete the hidden temporary files of interrupted runs (see render_to_temp); returns them."""
    stale = sorted(out_dir.glob(TEMP_PATTERN))
    for temp in stale:
        with contextlib.suppress(OSError):
            temp.unlink()
    return stale


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def render_to_temp(final: Path, render: Callable[[Path], None]) -> Path:
    """Render into a hidden temporary file beside `final`, flushed to disk; returns its path."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    except OSError as exc:
        raise _not_written(final, exc) from exc
    os.close(fd)
    temp = Path(name)
    try:
        render(temp)
        with temp.open("rb+") as f:
            os.fsync(f.fileno())
        os.chmod(temp, _umask_mode())
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        # A renderer may report the OS error itself; the message should still name the final file.
        cause = exc.__cause__ if isinstance(exc, OutputError) else exc
        if isinstance(cause, OSError):
            raise _not_written(final, cause) from cause
        raise
    return temp


def _not_written(final: Path, exc: OSError) -> OutputError:
    hint = " The disk is full; free some space." if exc.errno == errno.ENOSPC else ""
    return OutputError(f"Could not write {final} ({exc.strerror or exc}).{hint} Nothing was replaced.")


def publish(pending: list[tuple[Path, Path]]) -> list[Path]:
    """Move every completed temporary file onto its final name, then sync the folder.

    Checked first so that a name taken by a folder fails before any file is replaced; each
    os.replace is atomic, so every file is always either the previous or the new one.
    """
    for _, final in pending:
        if final.is_dir():
            raise OutputError(f"{final} is a folder; move it away so the brief can be written there. Nothing was replaced.")
    try:
        for temp, final in pending:
            os.replace(temp, final)
        if pending:
            folder = os.open(pending[0][1].parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as exc:
        raise OutputError(f"Could not move the new brief into place in {pending[0][1].parent} ({exc.strerror or exc}).") from exc
    return [final for _, final in pending]


def default_renderers() -> dict[str, Renderer]:
    """Format name -> renderer; imported here, not at start-up, because they load heavy libraries."""
    from briefgen.render import render_docx, render_markdown
    from briefgen.render.sidecar import write_json

    return {
        "json": lambda brief, config, out: write_json(brief, out),
        "docx": render_docx,
        "md": render_markdown,
        "pdf": pdf_of(render_docx),
    }


def pdf_of(docx: Renderer) -> Renderer:
    """A renderer converting what `docx` renders to PDF (LibreOffice): the PDF shows what the DOCX shows."""

    def pdf(brief: Brief, config: Config, out: Path) -> None:
        from briefgen.render import render_pdf

        with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as tmp:
            document = Path(tmp) / out.with_suffix(".docx").name
            docx(brief, config, document)
            render_pdf(document, out)

    return pdf


def write_brief(
    brief: Brief,
    config: Config,
    out_dir: Path,
    renderers: dict[str, Renderer],
    *,
    force: bool = False,
    notes: Sequence[Path] = (),
    scan: list[dict] | None = None,
) -> tuple[list[Path], list[str]]:
    """Render every format and the manifest to temporary files, then publish them together.

    The caller holds `locked(out_dir)`. The DOCX goes to an edit-safe name (a brief someone edited
    is never overwritten unless `force`), with the analyst's assessment and notes merged in; a PDF is
    converted from the DOCX with them merged in too. `scan` (see uptodate.py) goes into the manifest. On any
    failure nothing is replaced. Returns the written paths and messages for the user.
    """
    from briefgen.assessment import assessment_files
    from briefgen.edits import safe_target
    from briefgen.manifest import build_manifest, explain_rebuild, read_manifest, write_manifest

    assert brief.period is not None
    messages: list[str] = []
    pending: list[tuple[Path, Path]] = []
    try:
        for fmt, lang in editions(config):
            final = output_path(out_dir, brief.period.week, fmt if lang == "en" or fmt == "json" else f"{lang}.{fmt}")
            edition = replace(config, languages=(lang,))
            render = renderers[fmt]
            if fmt == "docx":
                final, note = safe_target(final, force)
                if note:
                    messages.append(note)
                render = _with_notes(render, notes, out_dir)
            elif fmt == "pdf" and (notes or assessment_files(out_dir, brief.period.week)):
                render = pdf_of(_with_notes(renderers["docx"], notes, out_dir))  # convert the merged DOCX
            pending.append((render_to_temp(final, lambda temp, r=render, c=edition: r(brief, c, temp)), final))
        manifest_path = output_path(out_dir, brief.period.week, MANIFEST_EXTENSION)
        manifest = build_manifest(brief, config, notes, {final.name: temp for temp, final in pending}, scan,
                                  assessment_files(out_dir, brief.period.week))
        explained = explain_rebuild(read_manifest(manifest_path), manifest)
        if explained:
            messages.append(explained)
        pending.append((render_to_temp(manifest_path, lambda temp: write_manifest(manifest, temp)), manifest_path))
        return publish(pending), messages
    finally:
        for temp, _ in pending:  # already moved into place after a successful publish
            temp.unlink(missing_ok=True)


def editions(config: Config) -> list[tuple[str, str]]:
    """(format, language) of every file to write: each document format once per edition; the JSON,
    which holds both languages, once (always brief-<week>.json). A French edition is named
    brief-<week>.fr.<format>."""
    return [(fmt, lang) for fmt in config.formats for lang in (config.languages[:1] if fmt == "json" else config.languages)]


def _with_notes(render: Renderer, notes: Sequence[Path], out_dir: Path) -> Renderer:
    """`render`, then the analyst's assessment (assessment.py) and notes merged in."""

    def render_and_merge(brief: Brief, config: Config, out: Path) -> None:
        from briefgen.assessment import merge_assessment
        from briefgen.notes import merge_notes

        render(brief, config, out)
        assert brief.period is not None
        merge_assessment(out, out_dir, brief.period.week, config.languages[0])
        merge_notes(out, list(notes))

    return render_and_merge
