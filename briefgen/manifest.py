"""`brief-<week>.manifest.json`: everything a brief was built from, to show a rebuild identical or explain it.

Inputs (source files, notes, template) by content hash, the configuration values that shape the
brief, the glossary digest, the translation engine and model, and the versions of the packages
whose behaviour reaches the output. No wall-clock time other than the brief's own generation
time (which honours SOURCE_DATE_EPOCH), so the same build gives the same manifest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import platform
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefgen.config import SHIPPED_GLOSSARY, Config
from briefgen.model import Brief
from briefgen.render.fingerprint import docx_content_hash
from briefgen.translate.glossary import load_glossary

SCHEMA_ID = "briefgen/manifest@1"
# Distributions whose version can change a brief: translation, selection, rendering.
PACKAGES = ("briefgen", "argos-translate-lt", "ctranslate2", "sentencepiece", "scikit-learn", "numpy",
            "rapidfuzz", "docxtpl", "python-docx", "docxcompose", "lxml", "matplotlib", "jsonschema")
# Config fields that name files on this machine: represented by their content hash, or irrelevant
# to the output (the translation cache), so moving a working folder does not change the manifest.
PATH_FIELDS = ("template", "glossary", "cache")
UNREADABLE = "unreadable"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 16), b""):
                digest.update(block)
    except OSError:
        return UNREADABLE
    return digest.hexdigest()


def config_values(config: Config) -> dict[str, Any]:
    """The configuration as plain JSON values, without machine-local paths."""
    values = json.loads(json.dumps(dataclasses.asdict(config), default=str))
    return {key: value for key, value in values.items() if key not in PATH_FIELDS}


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def glossary_identity(config: Config) -> dict[str, Any]:
    """The effective glossary's digest (terms + matching rules) and the files it came from."""
    files = [SHIPPED_GLOSSARY, *([config.glossary] if config.glossary else [])]
    return {
        "digest": load_glossary(config.glossary).digest(),
        "files": [{"name": path.name, "sha256": file_sha256(path)} for path in files],
    }


def output_hash(name: str, path: Path) -> str:
    """Output `name` (content at `path`): a DOCX by its visible text, which is what a rebuild must
    reproduce (zip bytes also change with the timestamps); any other file by its bytes."""
    return f"text:{docx_content_hash(path)}" if name.endswith(".docx") else f"bytes:{file_sha256(path)}"


def build_manifest(
    brief: Brief,
    config: Config,
    notes: Sequence[Path] = (),
    outputs: dict[str, Path] | None = None,
    scan: list[dict[str, Any]] | None = None,
    assessments: Sequence[Path] = (),
) -> dict[str, Any]:
    """The manifest of `brief`; `outputs` maps each output's final file name to the file to hash;
    `scan` is what uptodate.scan_inputs saw before the build, recorded so the next build can be skipped;
    `assessments` are the analyst's saved assessments merged in (assessment.py)."""
    if brief.period is None:
        raise ValueError("the brief has no period; run the pipeline first")
    values = config_values(config)
    engine = brief.engine
    return {
        "schema": SCHEMA_ID,
        "week": brief.period.week,
        "generated_at": brief.generated_at.isoformat() if brief.generated_at else None,
        "inputs": sorted(
            ({"path": s.path.as_posix(), "sha256": s.sha256, "source": s.id, "background": s.background} for s in brief.sources),
            key=lambda item: item["path"],
        ),
        "notes": [{"name": path.name, "sha256": file_sha256(path)} for path in notes],
        "assessments": [{"name": f"{path.parent.name}/{path.name}", "sha256": file_sha256(path)} for path in assessments],
        "translation_memory": _memory_identity(brief),
        "config": {"sha256": _digest(values), "values": values},
        "template": {"name": config.template.name, "sha256": file_sha256(config.template)},
        "glossary": glossary_identity(config),
        "engine": {"name": engine.name, "version": engine.version, "model": engine.model} if engine else None,
        "packages": package_versions(),
        "outputs": {name: output_hash(name, path) for name, path in sorted((outputs or {}).items())},
        **({"scan": scan} if scan is not None else {}),
    }


def _memory_identity(brief: Brief) -> dict[str, Any]:
    """How many French texts took an analyst's English from the translation memory, and which English."""
    used = {" ".join(item.fr.split()): item.en for item in [*brief.points(), *brief.timeline]}
    used |= {" ".join(a.role.split()): a.role_en for a in brief.actors if a.role and a.role_en}
    remembered = sorted((fr, en) for fr, en in used.items() if fr in brief.from_memory)
    return {"entries": len(remembered), "sha256": _digest(remembered)}


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def to_text(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def write_manifest(manifest: dict[str, Any], out: Path) -> None:
    out.write_text(to_text(manifest), encoding="utf-8")


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at `path`, or None when there is none or it is not a manifest."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("schema") == SCHEMA_ID else None


def compare_manifests(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Why two builds may differ, one sentence per difference; [] means built from the same things."""
    reasons = _compare_inputs(old.get("inputs", []), new.get("inputs", []))
    reasons += _compare_named("notes", old.get("notes", []), new.get("notes", []))
    reasons += _compare_named("assessment", old.get("assessments", []), new.get("assessments", []))
    for key in ("week", "generated_at"):
        if old.get(key) != new.get(key):
            reasons.append(f"{key}: {old.get(key)} -> {new.get(key)}")
    old_values, new_values = old.get("config", {}).get("values", {}), new.get("config", {}).get("values", {})
    for key in sorted(set(old_values) | set(new_values)):
        if old_values.get(key) != new_values.get(key):
            reasons.append(f"configuration {key}: {old_values.get(key)!r} -> {new_values.get(key)!r}")
    for key in ("template", "glossary", "engine", "translation_memory"):
        if old.get(key) != new.get(key):
            reasons.append(f"{key} changed: {_short(old.get(key))} -> {_short(new.get(key))}")
    old_packages, new_packages = old.get("packages", {}), new.get("packages", {})
    for name in sorted(set(old_packages) | set(new_packages)):
        if old_packages.get(name) != new_packages.get(name):
            reasons.append(f"{name} {old_packages.get(name, 'absent')} -> {new_packages.get(name, 'absent')}")
    return reasons


def outputs_match(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """True when every output both builds recorded has the same hash."""
    shared = set(old.get("outputs", {})) & set(new.get("outputs", {}))
    return bool(shared) and all(old["outputs"][name] == new["outputs"][name] for name in shared)


def explain_rebuild(old: dict[str, Any] | None, new: dict[str, Any]) -> str | None:
    """One line comparing a rebuild of a week with its previous build (None for a first build)."""
    if old is None:
        return None
    week = new.get("week")
    reasons = compare_manifests(old, new)
    content = [r for r in reasons if not r.startswith("generated_at")]
    if content:
        return f"Rebuilt {week}; since the last build: " + "; ".join(content) + "."
    same = f"Rebuilt {week} from the same inputs, configuration, engine and packages"
    if outputs_match(old, new):
        return f"{same}: identical outputs."
    if reasons:
        return f"{same}; only the generation time differs (set SOURCE_DATE_EPOCH for byte-identical files)."
    return f"{same}, yet the outputs differ: please report this as a bug."


def _compare_inputs(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    before = {item["path"]: item["sha256"] for item in old}
    after = {item["path"]: item["sha256"] for item in new}
    reasons = [f"source added: {path}" for path in sorted(set(after) - set(before))]
    reasons += [f"source removed: {path}" for path in sorted(set(before) - set(after))]
    reasons += [f"source changed: {path}" for path in sorted(set(before) & set(after)) if before[path] != after[path]]
    return reasons


def _compare_named(kind: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    before = {item["name"]: item["sha256"] for item in old}
    after = {item["name"]: item["sha256"] for item in new}
    names = sorted(set(before) | set(after))
    return [f"{kind} {name}: {'added' if name not in before else 'removed' if name not in after else 'changed'}"
            for name in names if before.get(name) != after.get(name)]


def _short(value: Any) -> str:
    """A compact rendering of a manifest member for a one-line reason."""
    if isinstance(value, dict):
        if "digest" in value:
            return str(value["digest"])[:12]
        if "sha256" in value:
            return f"{value.get('name', '')} {str(value['sha256'])[:12]}".strip()
        return " ".join(str(v) for v in value.values())
    return str(value)
