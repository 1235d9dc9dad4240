"""Render the first pages of a brief (DOCX) to PNGs for the README: DOCX -> PDF (LibreOffice) -> PNG.

    .venv/bin/python docs/make_page1.py outputs/brief-2025-W38.docx     # writes docs/page1.png, docs/page2.png
    .venv/bin/python docs/make_page1.py BRIEF.docx --out /tmp --pages 1 --dpi 100      # writes /tmp/page1.png
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.render import render_pdf

DEFAULT_OUT = Path(__file__).parent
DEFAULT_DPI = 80  # ~660 px wide for A4: readable in a README without a huge file
DEFAULT_PAGES = 2  # the README shows the opening of the brief and how it continues, footnotes included


def make_pages(docx_path: Path, out: Path, pages: int = DEFAULT_PAGES, dpi: int = DEFAULT_DPI) -> list[Path]:
    """Pages 1..`pages` as `out`/page1.png, `out`/page2.png..."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: install poppler-utils.")
    written = []
    with tempfile.TemporaryDirectory(prefix="briefgen-page1-") as tmp:
        pdf = Path(tmp) / "brief.pdf"
        render_pdf(docx_path, pdf)
        for page in range(1, pages + 1):
            stem = Path(tmp) / f"page{page}"
            subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                            str(pdf), str(stem)], check=True)
            target = out / f"page{page}.png"
            shutil.move(stem.with_suffix(".png"), target)
            written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docx", type=Path, help="the rendered brief")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for page1.png, page2.png... (default {DEFAULT_OUT})")
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help=f"how many pages (default {DEFAULT_PAGES})")
    parser.add_argument("--dpi", type=int, default=DEFAULT_DPI)
    args = parser.parse_args()
    try:
        written = make_pages(args.docx, args.out, args.pages, args.dpi)
    except BriefgenError as exc:
        sys.exit(f"Error: {exc}")
    print(*written, sep="\n")


if __name__ == "__main__":
    main()
