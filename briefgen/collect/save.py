"""An Article -> a Markdown file with a front-matter block, written atomically into the sources.

The file is written under a hidden temporary name (which `build` never reads), flushed to disk and
renamed into place: a killed collect or a full disk leaves no half-written article.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import unicodedata
from pathlib import Path

from briefgen.collect.extract import Article
from briefgen.ingest.frontmatter import front_matter

# Enough of the title to recognise the article in a file listing, short enough for any file system.
SLUG_WORDS = 8


def save(article: Article, folder: Path, collected_at: dt.datetime) -> Path:
    path = _free_name(folder, _file_name(article))
    fields = {
        "title": article.title, "outlet": article.outlet, "author": article.author,
        "date": article.date.isoformat() if article.date else None, "url": article.url,
        "collected_at": collected_at.isoformat(timespec="seconds"), "language": article.language,
    }
    write_atomic(path, f"{front_matter(fields)}\n{article.text}\n")
    return path


def write_atomic(path: Path, text: str) -> None:
    """`text` into `path` whole or not at all (hidden temporary file, fsync, rename)."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any file
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _file_name(article: Article) -> str:
    """"2025-09-16-lecho-du-sahel-mali-bamako-et-washington-relancent-le-dialogue.md"."""
    parts = [article.date.isoformat() if article.date else "undated", _slug(article.outlet or ""),
             _slug(" ".join((article.title or "").split()[:SLUG_WORDS]))]
    return "-".join(p for p in parts if p) + ".md"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name-2.md, name-3.md, …: two articles never share a file."""
    path, n = folder / name, 1
    while path.exists():
        n += 1
        path = folder / f"{name.removesuffix('.md')}-{n}.md"
    return path
