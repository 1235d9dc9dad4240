"""Ingest stage: files and folders -> Sources with cleaned text, paragraphs and metadata.

A file that cannot be used is recorded as a warning on the Brief with the reason; it never stops
the others.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path

from briefgen.ingest import metadata as md
from briefgen.ingest.outlets import self_named_outlet
from briefgen.ingest.clean import clean, drop_trailing_headings, is_heading, normalise, tidy
from briefgen.ingest.readers import READERS, RawDocument, UnreadableSource, reader_for
from briefgen.model import Brief, Paragraph, Source

# Larger files are not news articles (logs, dumps); reading them would only slow the build.
MAX_SOURCE_BYTES = 5 * 1024 * 1024
PARAGRAPH_SEPARATOR = "\n\n"
# Names never read: hidden files and Office lock files ("~$article.docx"), which are not documents.
IGNORED_PREFIXES = (".", "~$")
# briefgen's own outputs ("brief-2025-W38.docx", "brief-2025-W38 (edited).md"): found when --out is
# inside a sources folder, they would be read back as an English "article" citing itself.
OWN_OUTPUT = re.compile(r"brief-\d{4}-W\d{2}\b.*")
PERMISSION_DENIED = "permission denied; make the file readable to include it"
UNSUPPORTED = f"unsupported file type; briefgen reads {', '.join(sorted(READERS))}"


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
    _make_names_printable(brief)
    _drop_repeated_warnings(brief)
    return brief


def _drop_repeated_warnings(brief: Brief) -> None:
    """A path named twice (directly and inside a named folder) is reported once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for warning in brief.warnings:
        if (warning.source, warning.message) not in seen:
            seen.add((warning.source, warning.message))
            kept.append(warning)
    brief.warnings = kept


def _make_names_printable(brief: Brief) -> None:
    """A file name that is not valid UTF-8 (say, from an old Windows zip) is read all the same,
    but shown with U+FFFD, since JSON and DOCX cannot carry the raw bytes."""
    for warning in brief.warnings:
        warning.source = printable_name(warning.source)
    for source in brief.sources:
        name = printable_name(str(source.path))
        if name != str(source.path):
            source.path = Path(name)
            brief.warn(name, "the file name is not valid UTF-8; it is shown with � in the brief")


def printable_name(name: str) -> str:
    """A file name as text that can be written anywhere: undecodable bytes shown as �."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def discover(paths: list[Path], brief: Brief) -> list[Path]:
    """Files named directly, and supported files found in folders, sorted, each once.

    Anything that is not a regular file (a pipe would block the read forever, a device never ends)
    or cannot be reached (broken or looping links) is recorded with its reason.
    """
    found: dict[str, Path] = {}
    for path in paths:
        for file in _walk(path, brief) if _is_dir(path) else [path]:
            if _is_regular_file(file, brief):
                found.setdefault(os.path.realpath(file), file)
    return sorted(found.values(), key=str)


def _is_dir(path: Path) -> bool:
    """Whether to walk `path`; a path that cannot even be inspected is reported as a file would be."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_regular_file(path: Path, brief: Brief) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        brief.warn(path, _missing_reason(path, exc))
        return False
    if not stat.S_ISREG(mode):
        brief.warn(path, "not a regular file (a pipe, device or socket); skipped")
        return False
    return True


def _missing_reason(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop; skipped"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist); skipped" if path.is_symlink() else "no such file or folder"
    if exc.errno == errno.EACCES:
        return PERMISSION_DENIED
    return f"cannot read the file ({exc.strerror})"


def _walk(folder: Path, brief: Brief) -> list[Path]:
    files: list[Path] = []
    visited: set[str] = set()

    def unreadable(exc: OSError) -> None:
        brief.warn(exc.filename, f"cannot open the folder ({exc.strerror}); skipped")

    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in visited:
            brief.warn(root, "folder reached again through a symbolic link (a loop); skipped")
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if not n.startswith(IGNORED_PREFIXES)):
            file = Path(root) / name
            if reader_for(file) is None:
                brief.warn(file, UNSUPPORTED)
            elif OWN_OUTPUT.fullmatch(name):
                brief.warn(file, "a brief written by briefgen, not an article; skipped (keep --out outside the sources)")
            else:
                files.append(file)
    return files


def read_source(path: Path, brief: Brief) -> Source | None:
    reader = reader_for(path)
    if reader is None:
        brief.warn(path, UNSUPPORTED)
        return None
    try:
        data = read_limited(path)
        document = reader(data)
    except PermissionError:
        brief.warn(path, PERMISSION_DENIED)
        return None
    except UnreadableSource as exc:
        brief.warn(path, str(exc))
        return None
    except OSError as exc:
        brief.warn(path, f"cannot read the file ({exc.strerror or exc})")
        return None
    for note in document.notes:
        brief.warn(path, note)
    source = build_source(path, data, document, brief)
    if source is not None and source.language == "en":
        brief.warn(path, "the article is in English; its sentences are quoted as they are, not translated")
    elif source is not None and source.language != "fr":
        brief.warn(path, f"the article is stated to be in {source.language!r}, not French; it is translated as if French")
    return source


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing before reading anything when it is over the size limit.

    The size is checked again on what was read, so a file that grows while it is read cannot
    make the build hold more than the limit in memory.
    """
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        data = f.read(MAX_SOURCE_BYTES + 1) if size <= MAX_SOURCE_BYTES else b""
    if size > MAX_SOURCE_BYTES or len(data) > MAX_SOURCE_BYTES:
        size = max(size, len(data))
        raise UnreadableSource(
            f"the file is {size / 2**20:.1f} MiB, over the {MAX_SOURCE_BYTES // 2**20} MiB limit for one article; skipped"
        )
    return data


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
    meta.outlet = meta.outlet or self_named_outlet(paragraphs)
    if not paragraphs:
        brief.warn(path, "no article text left after removing page furniture")
        return None
    return _assemble(path, data, paragraphs, meta)


def _stated_metadata(document: RawDocument) -> md.Metadata:
    """Meta tags and document properties, cleaned like the text (they reach the DOCX too)."""
    stated = {key: tidy(normalise(value)[0]) for key, value in document.meta.items()}
    return md.Metadata(
        title=stated.get("title") or None,
        outlet=stated.get("outlet") or None,
        author=stated.get("author") or None,
        date=md.parse_meta_date(stated["date"]) if stated.get("date") else None,
        url=stated.get("url") or None,
        language=_language_code(stated.get("language")),
    )


def _language_code(stated: str | None) -> str | None:
    """"fr-FR", "fr_FR", "FR" -> "fr": the JSON and the translation stage compare two-letter codes."""
    code = re.split(r"[-_]", stated or "")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


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
        language=meta.language or md.detect_language(text),
        url=meta.url,
    )


def _derived_title(paragraphs: list[str]) -> str:
    """No stated title: the opening words, marked with an ellipsis so nobody takes them as one."""
    first = next(p for p in paragraphs if not is_heading(p))
    words = first.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "")
