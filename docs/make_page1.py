"""Render page 1 of a brief (DOCX) to a PNG for the README: DOCX -> PDF (LibreOffice) -> PNG (pdftoppm).

    .venv/bin/python docs/make_page1.py outputs/brief-2025-W38.docx            # writes docs/page1.png
    .venv/bin/python docs/make_page1.py BRIEF.docx --out page.png --dpi 100
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

DEFAULT_OUT = Path(__file__).with_name("page1.png")
DEFAULT_DPI = 80  # ~660 px wide for A4: readable in a README without a huge file


def make_page1(docx_path: Path, out: Path, dpi: int = DEFAULT_DPI) -> None:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm is missing: install poppler-utils.")
    with tempfile.TemporaryDirectory(prefix="briefgen-page1-") as tmp:
        pdf = Path(tmp) / "brief.pdf"
        render_pdf(docx_path, pdf)
        stem = Path(tmp) / "page1"
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                       check=True)
        shutil.move(stem.with_suffix(".png"), out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docx", type=Path, help="the rendered brief")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"PNG to write (default {DEFAULT_OUT})")
    parser.add_argument("--dpi", type=int, default=DEFAULT_DPI)
    args = parser.parse_args()
    try:
        make_page1(args.docx, args.out, args.dpi)
    except BriefgenError as exc:
        sys.exit(f"Error: {exc}")
    print(args.out)


if __name__ == "__main__":
    main()
