"""PDF through LibreOffice (headless), the same engine that checks our DOCX opens."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from briefgen.config import Config
from briefgen.errors import OutputError
from briefgen.model import Brief
from briefgen.render import Renderer

SOFFICE = "soffice"
TIMEOUT_S = 180  # a cold LibreOffice start plus a 15-page brief takes ~5-20 s; a hang must not block a weekly job
INSTALL_HINT = "Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or drop pdf from --format."


def render_pdf(docx_path: Path, out: Path) -> None:
    """Convert `docx_path` to PDF at `out` with a fresh LibreOffice profile (safe alongside a running office)."""
    soffice = shutil.which(SOFFICE)
    if soffice is None:
        raise OutputError(f"Cannot write {out.name}: LibreOffice ({SOFFICE}) is not installed. {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as tmp:
        tmpdir = Path(tmp)
        source = tmpdir / "brief.docx"  # a known name and extension, whatever the caller's temp file is called
        try:
            shutil.copyfile(docx_path, source)
        except OSError as exc:
            raise OutputError(f"Cannot read {docx_path} ({exc.strerror or exc}).") from exc
        command = [
            soffice, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(tmpdir / "out"), str(source),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise OutputError(f"LibreOffice did not convert {docx_path.name} within {TIMEOUT_S} s.") from exc
        produced = tmpdir / "out" / "brief.pdf"
        if result.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            detail = (result.stderr or result.stdout).strip()[-300:] or f"exit code {result.returncode}"
            raise OutputError(f"LibreOffice could not convert {docx_path.name} to PDF: {detail}")
        try:
            shutil.move(produced, out)
        except OSError as exc:
            raise OutputError(f"Cannot write {out} ({exc}).") from exc


def pdf_of(docx: Renderer) -> Renderer:
    """A renderer converting what `docx` renders to PDF: the PDF shows what the DOCX shows."""

    def pdf(brief: Brief, config: Config, out: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="briefgen-pdf-") as tmp:
            document = Path(tmp) / out.with_suffix(".docx").name
            docx(brief, config, document)
            render_pdf(document, out)

    return pdf
