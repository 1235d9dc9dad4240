"""Whether a build would only reproduce the brief already in the output folder.

Rebuilding an unchanged brief should feel instant: like make, briefgen compares what the last
build's manifest recorded (the input files' sizes and modification times, configuration,
template, glossary, notes, engine and package versions) with what is there now, and checks that
the outputs on disk are still the ones it wrote. Only then is the build skipped.
"""

from __future__ import annotations

from pathlib import Path

from briefgen.config import Config
from briefgen.errors import OutputError
from briefgen.ingest import discover, printable_name
from briefgen.manifest import (
    Manifest,
    ScannedFile,
    config_values,
    engine_identity,
    file_sha256,
    glossary_identity,
    notes_identity,
    output_hash,
    package_versions,
    read_manifest,
)
from briefgen.model import EngineInfo, WarningList
from briefgen.outdir import MANIFEST_EXTENSION, briefs_by_week
from briefgen.render.notes import notes_for_week


def scan_inputs(paths: list[Path]) -> list[ScannedFile]:
    """Every file a build would read, by path, size and modification time (no file is read).

    A file that cannot be reached is left out; the build itself reports it as a warning.
    """
    scanned = []
    for path in discover(paths, WarningList()):
        try:
            status = path.stat()
        except OSError:
            continue
        scanned.append(ScannedFile(printable_name(path.as_posix()), status.st_size, status.st_mtime_ns))
    return scanned


def latest_manifest(out_dir: Path, week: str | None) -> Manifest | None:
    """The manifest of `week`'s brief, or of the newest brief in `out_dir` when no week is named."""
    manifests = briefs_by_week(out_dir, MANIFEST_EXTENSION)
    if week is not None:
        manifests = {name: path for name, path in manifests.items() if name == week}
    return read_manifest(list(manifests.values())[-1]) if manifests else None


def current_brief(
    out_dir: Path,
    week: str | None,
    scan: list[ScannedFile],
    config: Config,
    notes_dir: Path,
    engine: EngineInfo,
    window: dict[str, str] | None = None,
) -> Manifest | None:
    """The manifest of the brief a build would reproduce exactly, or None when it must run.

    `window` is a weekly build's (see manifest.build_manifest); None for `build`.
    """
    manifest = latest_manifest(out_dir, week)
    if manifest is None or manifest.scan != scan or manifest.window != window:
        return None
    same_build = (
        manifest.config == config_values(config)
        and manifest.template.sha256 == file_sha256(config.template)
        and manifest.glossary == glossary_identity(config)
        and manifest.notes == notes_identity(notes_for_week(notes_dir, manifest.week))
        and manifest.engine == engine_identity(engine)
        and manifest.packages == package_versions()
    )
    return manifest if same_build and _outputs_unchanged(out_dir, manifest.outputs) else None


def _outputs_unchanged(out_dir: Path, outputs: dict[str, str]) -> bool:
    """Every output the manifest lists is on disk as it was written (a person's edit means rebuild)."""
    for name, recorded in outputs.items():
        path = out_dir / name
        try:
            if not path.is_file() or output_hash(name, path) != recorded:
                return False
        except (OSError, OutputError):  # unreadable or no longer a DOCX: rebuild it
            return False
    return bool(outputs)
