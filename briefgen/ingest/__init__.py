"""Ingest stage: files and folders -> Sources with cleaned text, paragraphs and metadata.

A file that cannot be used is recorded as a warning on the Brief with the reason; it never stops
the others.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from briefgen.ingest import metadata as md
from briefgen.ingest.clean import clean, drop_trailing_headings, is_heading, normalise, tidy
from briefgen.ingest.readers import READERS, RawDocument, UnreadableSource, reader_for
from briefgen.model import Brief, Paragraph, Source

# Larger files are not news articles (logs, dumps); reading them would only slow the build.
MAX_SOURCE_BYTES = 5 * 1024 * 1024
PARAGRAPH_SEPARATOR = "\n\n"


def ingest(paths: list[Path]) -> Brief:
    brief = Brief()
    by_id: dict[str, Source] = {}
    for path in discover(paths, brief):
        source = read_source(path, brief)
        if source is None:
            continue
        if source.id in by_id:
            brief.warn(path, f"same article as {by_id[source.id].path}; cited once, as {source.id}")
            continue
        by_id[source.id] = source
        brief.sources.append(source)
    return brief


def discover(paths: list[Path], brief: Brief) -> list[Path]:
    """Files named directly, and supported files found in folders, sorted, each once."""
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            for file in _walk(path, brief):
                found.setdefault(file.resolve(), file)
        elif path.is_file():
            found.setdefault(path.resolve(), path)
        else:
            brief.warn(path, "no such file or folder")
    return sorted(found.values(), key=lambda p: str(p))


def _walk(folder: Path, brief: Brief) -> list[Path]:
    files: list[Path] = []
    visited: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            brief.warn(root, "folder reached again through a symbolic link (a loop); skipped")
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            file = Path(root) / name
            if name.startswith("."):
                continue
            if reader_for(file) is None:
                brief.warn(file, f"unsupported file type; briefgen reads {', '.join(sorted(READERS))}")
            else:
                files.append(file)
    return files


def read_source(path: Path, brief: Brief) -> Source | None:
    reader = reader_for(path)
    if reader is None:
        brief.warn(path, f"unsupported file type; briefgen reads {', '.join(sorted(READERS))}")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise UnreadableSource(f"the file is {size / 2**20:.0f} MiB, over the {MAX_SOURCE_BYTES // 2**20} MiB limit for one article")
        data = path.read_bytes()
        document = reader(data)
    except PermissionError:
        brief.warn(path, "permission denied; make the file readable to include it")
        return None
    except (OSError, UnreadableSource) as exc:
        brief.warn(path, str(exc) if isinstance(exc, UnreadableSource) else f"cannot read the file ({exc.strerror})")
        return None
    for note in document.notes:
        brief.warn(path, note)
    return build_source(path, data, document, brief)


def build_source(path: Path, data: bytes, document: RawDocument, brief: Brief) -> Source | None:
    raw: list[str] = []
    removed_illegal = False
    for paragraph in document.paragraphs:
        text, removed = normalise(paragraph)
        removed_illegal |= removed
        raw.extend(tidy(line) for line in text.split("\n") if line.strip())
    if removed_illegal:
        brief.warn(path, "control characters (e.g. NUL) removed from the text")
    meta = _stated_metadata(document)
    meta.outlet = meta.outlet or md.find_outlet_footer(raw)
    meta.title = meta.title or md.find_title(raw)
    paragraphs = clean(raw, meta.title)
    author, paragraphs = md.take_bylines(paragraphs)
    meta.author = meta.author or author
    paragraphs = drop_trailing_headings([p for p in md.take_dateline(paragraphs, meta) if p.strip()])
    meta.date = meta.date or md.find_date_in_text(paragraphs)
    if not paragraphs:
        brief.warn(path, "no article text left after removing page furniture")
        return None
    return _assemble(path, data, paragraphs, meta)


def _stated_metadata(document: RawDocument) -> md.Metadata:
    stated = document.meta
    return md.Metadata(
        title=stated.get("title") or None,
        outlet=stated.get("outlet") or None,
        author=stated.get("author") or None,
        date=md.parse_meta_date(stated["date"]) if stated.get("date") else None,
        url=stated.get("url") or None,
    )


def _assemble(path: Path, data: bytes, paragraphs: list[str], meta: md.Metadata) -> Source:
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    source_id = "S" + hashlib.sha256(text.encode()).hexdigest()[:10]
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return Source(
        id=source_id,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        paragraphs=[
            Paragraph(source_id, n, start, p, heading=is_heading(p))
            for n, (start, p) in enumerate(zip(offsets, paragraphs), start=1)
        ],
        title=meta.title or _derived_title(paragraphs),
        outlet=meta.outlet,
        author=meta.author,
        place=meta.place,
        date=meta.date.date if meta.date else None,
        date_precision=meta.date.precision if meta.date else None,
        language=md.detect_language(text),
        url=meta.url,
    )


def _derived_title(paragraphs: list[str]) -> str:
    """No stated title: the opening words, marked with an ellipsis so nobody takes them as one."""
    first = next(p for p in paragraphs if not is_heading(p))
    words = first.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")
