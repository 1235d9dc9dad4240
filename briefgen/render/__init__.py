"""Renderers: the brief as DOCX (template, footnotes, properties), Markdown and PDF.

The public functions load on first use (PEP 562), so importing `briefgen.render.sidecar` or the CLI
does not pull in docxtpl and matplotlib.
"""

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from briefgen.config import Config
from briefgen.model import Brief

# Every output format's renderer: the brief, the configuration, the file to write.
Renderer = Callable[[Brief, Config, Path], None]

_EXPORTS = {
    "render_docx": "briefgen.render.docx",
    "render_markdown": "briefgen.render.markdown",
    "render_pdf": "briefgen.render.pdf",
    "docx_content_hash": "briefgen.render.fingerprint",
}
__all__ = sorted([*_EXPORTS, "Renderer"])


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'briefgen.render' has no attribute {name!r}")
