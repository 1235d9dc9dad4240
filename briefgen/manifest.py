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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.config import SHIPPED_GLOSSARY, Config
from briefgen.model import Brief, EngineInfo
from briefgen.render.fingerprint import docx_content_hash
from briefgen.render.sidecar import engine_dict
from briefgen.translate.glossary import load_glossary

SCHEMA_ID = "briefgen/manifest@1"
# Distributions whose version can change a brief: translation, selection, rendering.
PACKAGES = ("briefgen", "argos-translate-lt", "ctranslate2", "sentencepiece", "scikit-learn", "numpy",
            "rapidfuzz", "docxtpl", "python-docx", "docxcompose", "lxml", "matplotlib", "jsonschema")
# Config fields that name files on this machine: represented by their content hash, or irrelevant
# to the output (the translation cache), so moving a working folder does not change the manifest.
PATH_FIELDS = ("template", "glossary", "cache")
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class ScannedFile:
    """An input as uptodate.scan_inputs saw it before a build: no file is read to make one."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class FileDigest:
    name: str
    sha256: str


@dataclass(frozen=True)
class InputFile:
    path: str
    sha256: str
    source: str  # Source.id
    background: bool


@dataclass(frozen=True)
class Manifest:
    """What one brief was built from; `as_dict()` is the manifest file (schema briefgen/manifest@1)."""

    week: str
    generated_at: str | None
    inputs: list[InputFile]
    notes: list[FileDigest]
    assessments: list[FileDigest]  # the analyst's saved assessments merged in (assessment.py)
    translation_memory: dict[str, Any] | None  # {"entries", "sha256"} of the analysts' English used; None: older manifest
    config_sha256: str
    config: dict[str, Any]  # config_values(): JSON values, no machine-local paths
    template: FileDigest
    glossary: dict[str, Any]  # glossary_identity(): {"digest", "files": [{"name", "sha256"}]}
    engine: EngineInfo | None
    packages: dict[str, str]
    outputs: dict[str, str]  # final file name -> output_hash
    scan: list[ScannedFile] | None = None
    window: dict[str, str] | None = None  # weekly: {"start", "context_start"} of the sources used
    schema: str = field(default=SCHEMA_ID)

    def as_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "week": self.week,
            "generated_at": self.generated_at,
            "inputs": [dataclasses.asdict(i) for i in self.inputs],
            "notes": [dataclasses.asdict(n) for n in self.notes],
            "assessments": [dataclasses.asdict(a) for a in self.assessments],
            "translation_memory": self.translation_memory,
            "config": {"sha256": self.config_sha256, "values": self.config},
            "template": dataclasses.asdict(self.template),
            "glossary": self.glossary,
            "engine": engine_dict(self.engine) if self.engine else None,
            "packages": self.packages,
            "outputs": self.outputs,
            **({"scan": [dataclasses.asdict(f) for f in self.scan]} if self.scan is not None else {}),
            **({"window": self.window} if self.window is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Manifest:
        """Raises KeyError or TypeError when `data` lacks a member or has one of the wrong shape."""
        engine, scan = data["engine"], data.get("scan")
        return cls(
            week=str(data["week"]),
            generated_at=data["generated_at"],
            inputs=[InputFile(**i) for i in data["inputs"]],
            notes=[FileDigest(**n) for n in data["notes"]],
            assessments=[FileDigest(**a) for a in data.get("assessments", [])],
            translation_memory=data.get("translation_memory"),
            config_sha256=data["config"]["sha256"],
            config=dict(data["config"]["values"]),
            template=FileDigest(**data["template"]),
            glossary=dict(data["glossary"]),
            engine=EngineInfo(engine["name"], engine["version"], engine["model"]) if engine else None,
            packages=dict(data["packages"]),
            outputs=dict(data["outputs"]),
            scan=[ScannedFile(**f) for f in scan] if scan is not None else None,
            window=data.get("window"),
            schema=data["schema"],
        )


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


def engine_identity(engine: EngineInfo) -> EngineInfo:
    """What names an engine's output in a manifest: name, version and model."""
    return EngineInfo(engine.name, engine.version, engine.model)


def notes_identity(notes: Sequence[Path]) -> list[FileDigest]:
    return [FileDigest(path.name, file_sha256(path)) for path in notes]


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
    scan: list[ScannedFile] | None = None,
    window: dict[str, str] | None = None,
    assessments: Sequence[Path] = (),
) -> Manifest:
    """The manifest of `brief`; `outputs` maps each output's final file name to the file to hash;
    `scan` is what uptodate.scan_inputs saw before the build, recorded so the next build can be
    skipped, `window` the days a weekly brief's sources were chosen from, and `assessments` the
    analyst's saved assessments merged in (assessment.py)."""
    if brief.period is None:
        raise ValueError("the brief has no period; run the pipeline first")
    values = config_values(config)
    return Manifest(
        week=brief.period.week,
        generated_at=brief.generated_at.isoformat() if brief.generated_at else None,
        inputs=sorted(
            (InputFile(s.path.as_posix(), s.sha256, s.id, s.background) for s in brief.sources), key=lambda item: item.path
        ),
        notes=notes_identity(notes),
        assessments=[FileDigest(f"{path.parent.name}/{path.name}", file_sha256(path)) for path in assessments],
        translation_memory=_memory_identity(brief),
        config_sha256=_digest(values),
        config=values,
        template=FileDigest(config.template.name, file_sha256(config.template)),
        glossary=glossary_identity(config),
        engine=engine_identity(brief.engine) if brief.engine else None,
        packages=package_versions(),
        outputs={name: output_hash(name, path) for name, path in sorted((outputs or {}).items())},
        scan=scan,
        window=window,
    )


def _memory_identity(brief: Brief) -> dict[str, Any]:
    """How many French texts took an analyst's English from the translation memory, and which English."""
    used = {" ".join(item.fr.split()): item.en for item in [*brief.points(), *brief.timeline]}
    used |= {" ".join(a.role.split()): a.role_en for a in brief.actors if a.role and a.role_en}
    remembered = sorted((fr, en) for fr, en in used.items() if fr in brief.from_memory)
    return {"entries": len(remembered), "sha256": _digest(remembered)}


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def to_text(manifest: Manifest) -> str:
    return json.dumps(manifest.as_dict(), ensure_ascii=False, indent=2) + "\n"


def write_manifest(manifest: Manifest, out: Path) -> None:
    out.write_text(to_text(manifest), encoding="utf-8")


def read_manifest(path: Path) -> Manifest | None:
    """The manifest at `path`, or None when there is none or it is not a briefgen manifest."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        return None
    try:
        return Manifest.from_dict(data)
    except (KeyError, TypeError, AttributeError):  # a manifest@1 someone truncated or edited by hand
        return None


def compare_manifests(old: Manifest, new: Manifest) -> list[str]:
    """Why two builds may differ, one sentence per difference; [] means built from the same things."""
    reasons = _compare_inputs(old.inputs, new.inputs)
    reasons += _compare_named("notes", old.notes, new.notes)
    reasons += _compare_named("assessment", old.assessments, new.assessments)
    for key in ("week", "generated_at"):
        if getattr(old, key) != getattr(new, key):
            reasons.append(f"{key}: {getattr(old, key)} -> {getattr(new, key)}")
    for key in sorted(set(old.config) | set(new.config)):
        if old.config.get(key) != new.config.get(key):
            reasons.append(f"configuration {key}: {old.config.get(key)!r} -> {new.config.get(key)!r}")
    for key in ("template", "glossary", "engine", "translation_memory"):
        if getattr(old, key) != getattr(new, key):
            reasons.append(f"{key} changed: {_short(getattr(old, key))} -> {_short(getattr(new, key))}")
    for name in sorted(set(old.packages) | set(new.packages)):
        if old.packages.get(name) != new.packages.get(name):
            reasons.append(f"{name} {old.packages.get(name, 'absent')} -> {new.packages.get(name, 'absent')}")
    return reasons


def outputs_match(old: Manifest, new: Manifest) -> bool:
    """True when every output both builds recorded has the same hash."""
    shared = set(old.outputs) & set(new.outputs)
    return bool(shared) and all(old.outputs[name] == new.outputs[name] for name in shared)


def explain_rebuild(old: Manifest | None, new: Manifest) -> str | None:
    """One line comparing a rebuild of a week with its previous build (None for a first build)."""
    if old is None:
        return None
    week = new.week
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


def _compare_inputs(old: list[InputFile], new: list[InputFile]) -> list[str]:
    before = {item.path: item.sha256 for item in old}
    after = {item.path: item.sha256 for item in new}
    reasons = [f"source added: {path}" for path in sorted(set(after) - set(before))]
    reasons += [f"source removed: {path}" for path in sorted(set(before) - set(after))]
    reasons += [f"source changed: {path}" for path in sorted(set(before) & set(after)) if before[path] != after[path]]
    return reasons


def _compare_named(kind: str, old: list[FileDigest], new: list[FileDigest]) -> list[str]:
    before = {item.name: item.sha256 for item in old}
    after = {item.name: item.sha256 for item in new}
    names = sorted(set(before) | set(after))
    return [f"{kind} {name}: {'added' if name not in before else 'removed' if name not in after else 'changed'}"
            for name in names if before.get(name) != after.get(name)]


def _short(value: Any) -> str:
    """A compact rendering of a manifest member for a one-line reason."""
    if isinstance(value, EngineInfo):
        return f"{value.name} {value.version} {value.model}"
    if isinstance(value, FileDigest):
        value = dataclasses.asdict(value)
    if isinstance(value, dict):
        if "digest" in value:
            return str(value["digest"])[:12]
        if "sha256" in value:
            return f"{value.get('name', '')} {str(value['sha256'])[:12]}".strip()
        return " ".join(str(v) for v in value.values())
    return str(value)
