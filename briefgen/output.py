"""Writing a brief's files so that a crash, a kill or a second run never leaves a broken one.

Every format is rendered to a temporary file in the output folder first; only when all are
complete are they moved into place with os.replace (atomic on POSIX), under the folder's lock
(outdir.locked).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from briefgen.assessment import assessment_files
from briefgen.config import Config
from briefgen.errors import OutputError
from briefgen.manifest import ScannedFile, build_manifest, explain_rebuild, read_manifest, write_manifest
from briefgen.model import Brief
from briefgen.outdir import MANIFEST_EXTENSION, output_path
from briefgen.registry import FORMATS, FormatSpec
from briefgen.render import Renderer
from briefgen.render.edits import safe_target



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


def write_brief(
    brief: Brief,
    config: Config,
    out_dir: Path,
    renderers: Mapping[str, Renderer],
    *,
    force: bool = False,
    notes: Sequence[Path] = (),
    scan: list[ScannedFile] | None = None,
    window: dict[str, str] | None = None,
    formats: Mapping[str, FormatSpec] = FORMATS,
) -> tuple[list[Path], list[str]]:
    """Render every format and the manifest to temporary files, then publish them together.

    The caller holds `outdir.locked(out_dir)`. A format people edit (FormatSpec.edit_safe: the
    DOCX) goes to an edit-safe name: a brief someone edited is never overwritten unless `force`.
    `renderers` come from registry.renderers(notes, out_dir=out_dir), the flags from `formats`;
    `notes`, `scan` (see uptodate.py), `window` and the analyst's saved assessment go into the
    manifest. On any failure nothing is replaced. Returns the written paths and messages for the user.
    """
    assert brief.period is not None
    messages: list[str] = []
    pending: list[tuple[Path, Path]] = []
    try:
        for fmt, lang in editions(config):
            final = output_path(out_dir, brief.period.week, fmt if lang == "en" or fmt == "json" else f"{lang}.{fmt}")
            edition = replace(config, languages=(lang,))
            render = renderers[fmt]
            if formats[fmt].edit_safe:
                final, note = safe_target(final, force)
                if note:
                    messages.append(note)
            pending.append((render_to_temp(final, lambda temp, r=render, c=edition: r(brief, c, temp)), final))
        manifest_path = output_path(out_dir, brief.period.week, MANIFEST_EXTENSION)
        manifest = build_manifest(brief, config, notes, {final.name: temp for temp, final in pending}, scan, window,
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
