"""The extension points: translation engines, output formats and the stages' progress labels.

Each entry is data plus a factory that imports its implementation only when called, so that
configuration checks, `--help` and shell completion read these tables without loading a model,
docxtpl or LibreOffice. Everything that lists engines or formats reads them from here: config
validation, help text, completion, the Methodology section, `doctor`, engine selection and
`write_brief`. docs/architecture.md says which two files a new engine, format or stage touches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.render import Renderer
    from briefgen.translate.engine import Translator

# `--engine auto`: the first registered engine that is available, in registration order.
AUTO = "auto"


@dataclass(frozen=True)
class EngineStatus:
    """What `doctor` says about one engine: usable or not, one line, and details for --json."""

    available: bool
    summary: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EngineSpec:
    name: str  # as in --engine, the config and the JSON sidecar's engine.name
    title: str  # as the brief names it
    limits: str  # the Methodology's note on what the English is good for
    create: Callable[[Config], Translator]  # raises EngineUnavailableError saying what to install
    available: Callable[[], bool]  # cheap: no model is loaded
    status: Callable[[], EngineStatus]
    notice: str = ""  # said on page 1 of a brief this engine translated ("" for none)


@dataclass(frozen=True)
class FormatSpec:
    name: str  # as in --format and the file extension
    description: str
    # The renderer for a brief whose analyst notes are `notes` and whose analyst's saved assessment
    # is in the output folder given (None: none); formats that show neither ignore them.
    make: Callable[[Sequence[Path], Path | None], Renderer]
    # People edit this format: a file edited since briefgen wrote it is kept (render/edits.py).
    edit_safe: bool = False


@dataclass(frozen=True)
class StageSpec:
    label: str  # shown while the stage runs
    unit: str = "items"  # what its progress(done, total) counts


ENGINES: dict[str, EngineSpec] = {}
FORMATS: dict[str, FormatSpec] = {}


def register_engine(spec: EngineSpec) -> EngineSpec:
    ENGINES[spec.name] = spec
    return spec


def register_format(spec: FormatSpec) -> FormatSpec:
    FORMATS[spec.name] = spec
    return spec


def engine_names() -> list[str]:
    """What --engine and `[translation] engine` accept."""
    return [AUTO, *ENGINES]


def renderers(notes: Sequence[Path] = (), formats: Mapping[str, FormatSpec] = FORMATS, out_dir: Path | None = None) -> dict[str, Renderer]:
    """Format name -> renderer, with `notes` and the assessment saved in `out_dir` merged where a format shows them."""
    return {name: spec.make(notes, out_dir) for name, spec in formats.items()}


# Stage name (as reported by the pipeline and the build) -> what the terminal shows, in run order.
STAGES: dict[str, StageSpec] = {
    "load": StageSpec("Starting"),
    "ingest": StageSpec("Reading sources", "sources"),
    "segment": StageSpec("Splitting sentences"),
    "classify": StageSpec("Sorting into sections", "sentences"),
    "parse": StageSpec("Parsing French"),
    "select": StageSpec("Selecting points"),
    "actors": StageSpec("Finding actors"),
    "events": StageSpec("Extracting events"),
    "timeline": StageSpec("Dating events"),
    "coverage": StageSpec("Checking what the sources cover"),
    "discrepancies": StageSpec("Comparing sources"),
    "translate": StageSpec("Translating", "sentences"),
    "render": StageSpec("Writing the brief"),
}


def _argos(config: Config) -> Translator:
    from briefgen.errors import EngineUnavailableError
    from briefgen.translate.argos import ArgosTranslator
    from briefgen.translate.packages import FROM_CODE, NO_ENGINE_HINT, TO_CODE, find_package

    package = find_package(FROM_CODE, TO_CODE)
    if package is None:
        raise EngineUnavailableError(f"No French->English Argos package is installed. {NO_ENGINE_HINT}")
    return ArgosTranslator(package.path, beam_size=config.beam_size, batch_size=config.batch_size)


def _argos_available() -> bool:
    from briefgen.translate.packages import FROM_CODE, TO_CODE, find_package

    return find_package(FROM_CODE, TO_CODE) is not None


def _argos_status() -> EngineStatus:
    from briefgen.translate.status import argos_status

    return argos_status()


def _apertium(config: Config) -> Translator:
    from briefgen.translate.apertium import ApertiumTranslator

    return ApertiumTranslator()  # explains how to install Apertium if it is missing


def _apertium_available() -> bool:
    from briefgen.translate.apertium import apertium_available

    return apertium_available()


def _apertium_status() -> EngineStatus:
    from briefgen.translate.status import apertium_status

    return apertium_status()


register_engine(EngineSpec(
    "argos", "Argos Translate",
    "Argos Translate neural machine translation (OpenNMT model run by CTranslate2): fluent, but it "
    "can drop negations, mistranslate names or numbers and smooth over uncertainty; check the French.",
    _argos, _argos_available, _argos_status,
))
register_engine(EngineSpec(
    "apertium", "Apertium",
    "Apertium rule-based translation (French→Catalan→English pivot): gist quality. Word order "
    "and idioms are often literal; names and figures are kept but check nuance against the French.",
    _apertium, _apertium_available, _apertium_status,
    # Issue 14: the reader must know, on page 1, when the rule-based fallback made the English.
    notice="Gist-quality machine translation from the offline fallback engine. For fluent English, "
    "install the neural model with `briefgen models install` and rebuild.",
))


def _json(notes: Sequence[Path], out_dir: Path | None) -> Renderer:
    from briefgen.render.sidecar import write_json

    return lambda brief, config, out: write_json(brief, out)


def _docx(notes: Sequence[Path], out_dir: Path | None) -> Renderer:
    from briefgen.assessment import with_assessment
    from briefgen.render import render_docx
    from briefgen.render.notes import with_notes

    return with_notes(with_assessment(render_docx, out_dir), notes)


def _markdown(notes: Sequence[Path], out_dir: Path | None) -> Renderer:
    from briefgen.render import render_markdown

    return render_markdown


def _pdf(notes: Sequence[Path], out_dir: Path | None) -> Renderer:
    from briefgen.render.pdf import pdf_of

    return pdf_of(_docx(notes, out_dir))  # the PDF shows what the DOCX shows, assessment and analyst notes included


register_format(FormatSpec("docx", "Word document with footnotes, the analyst's assessment and notes", _docx, edit_safe=True))
register_format(FormatSpec("json", "the JSON sidecar (brief.schema.json)", _json))
register_format(FormatSpec("md", "Markdown", _markdown))
register_format(FormatSpec("pdf", "PDF converted from the DOCX by LibreOffice", _pdf))
