"""Bytes on disk -> raw paragraphs and stated metadata, one reader per file format.

Readers know formats, not journalism: boilerplate and metadata heuristics live in clean.py and
metadata.py and apply to every format alike.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefgen.errors import BriefgenError
from briefgen.ingest.frontmatter import take_front_matter

# Share of decoded characters that may be control/replacement characters before a file is
# judged binary; real text has almost none, binary garbage has a lot.
MAX_CONTROL_SHARE = 0.05
# File signatures of formats that are never articles even if renamed to .txt.
BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (e.g. a .docx saved under another name)",
}
# Most a .docx may unpack to. Word XML compresses about tenfold, so a genuine article under the
# 5 MiB file limit stays well below; a "zip bomb" declares gigabytes.
MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024


class UnreadableSource(BriefgenError):
    """This file cannot be turned into text; the message says why. The build skips it."""


@dataclass
class RawDocument:
    paragraphs: list[str]
    meta: dict[str, str] = field(default_factory=dict)  # frontmatter.FIELDS: title, outlet, author, date, url, …
    notes: list[str] = field(default_factory=list)  # non-fatal remarks, e.g. encoding fallback


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode text the way a careful person would: BOMs first, UTF-8, then cp1252 with a note."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    bomless_utf16 = _bomless_utf16(data)
    if bomless_utf16:
        return data.decode(bomless_utf16, errors="replace"), [f"decoded as {bomless_utf16.upper()} without BOM"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), ["not valid UTF-8; decoded as Windows-1252 (cp1252)"]


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM shows NUL in every other byte for Latin text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def check_not_binary(data: bytes) -> None:
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableSource(f"the file is {what}, not text")


def check_text(text: str) -> None:
    if not text.strip():
        raise UnreadableSource("the file is empty or only whitespace")
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r") or ch == "\ufffd")
    if bad > MAX_CONTROL_SHARE * len(text):
        raise UnreadableSource("the file looks like binary data, not text")


# A line ending with one of these ends its paragraph even if the next line starts lowercase.
LINE_ENDS = tuple(".!?…:»\"")


def lines_to_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single newline does too, unless it only wraps a sentence.

    A line break followed by a lowercase letter, after a line that does not end a sentence, is a
    hard wrap and is joined; articles pasted from the web put one paragraph per line.
    """
    paragraphs: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and classic Mac line ends
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if current and not current.endswith(LINE_ENDS) and line[0].islower():
                current += " " + line
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def read_text(data: bytes) -> RawDocument:
    check_not_binary(data)
    text, notes = decode(data)
    stated, lines, front_notes = take_front_matter(text.replace("\r\n", "\n").split("\n"))
    text = "\n".join(lines)
    check_text(text)
    return RawDocument(lines_to_paragraphs(text), stated, notes + front_notes)


# Inner parts never cross their own opening mark ("[", "(", "*"), so a line full of unmatched
# marks is scanned once, not once per mark (quadratic: minutes for a 100 KB line of "*a ").
MARKDOWN_MARKUP = [
    (re.compile(r"^\s{0,3}#{1,6}\s*"), ""),  # heading markers
    (re.compile(r"!\[[^\[\]]*\]\([^()]*\)"), ""),  # images
    (re.compile(r"\[([^\[\]]+)\]\([^()]*\)"), r"\1"),  # links -> their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italic
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s*[-*+]\s+"), "• "),  # bullets
]


def read_markdown(data: bytes) -> RawDocument:
    doc = read_text(data)
    title = ""
    paragraphs = []
    for paragraph in doc.paragraphs:
        if not title and paragraph.startswith("# "):
            title = paragraph[2:].strip()
        for pattern, repl in MARKDOWN_MARKUP:
            paragraph = pattern.sub(repl, paragraph)
        if paragraph.strip() and not re.fullmatch(r"[-*_\s]{3,}", paragraph):
            paragraphs.append(paragraph.strip())
    doc.paragraphs = paragraphs
    if title:
        doc.meta.setdefault("title", title)
    return doc


class _ArticleTarget:
    """Collects visible text by block, skipping scripts, navigation, forms and page chrome.

    An lxml parser target: libxml2 parses broken HTML in linear time, where the standard library's
    HTMLParser takes minutes on a page of unclosed tags ("<a <a <a …").
    """

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "template"}
    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "section", "article", "tr", "figcaption"}
    META = {
        "og:site_name": "outlet",
        "og:title": "title",
        "author": "author",
        "article:author": "author",
        "article:published_time": "date",
        "date": "date",
        "og:url": "url",
        # Dublin Core, as SPIP and older news sites state it.
        "dc.title": "title",
        "dc.creator": "author",
        "dc.publisher": "outlet",
        "dc.date": "date",
        "dc.language": "language",
        # Plain names, for a user stating what briefgen cannot infer in a saved page.
        "outlet": "outlet",
        "url": "url",
        "language": "language",
        "content-language": "language",
    }

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self._current: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._title = ""

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("http-equiv") or "").lower()
            if key in self.META and attributes.get("content"):
                self.meta.setdefault(self.META[key], attributes["content"])
        elif tag == "link" and attributes.get("rel") == "canonical" and attributes.get("href"):
            self.meta.setdefault("url", attributes["href"])
        elif tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self._skip_depth += 1
        elif tag in self.BLOCKS:
            self._flush()

    def end(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in self.BLOCKS:
            self._flush()

    def data(self, data: str) -> None:
        if self._in_title:
            self._title += data
        elif not self._skip_depth:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        self._flush()
        if self._title.strip():
            self.meta.setdefault("title", " ".join(self._title.split()))


def read_html(data: bytes) -> RawDocument:
    from lxml import etree  # imported here, like python-docx, so that `briefgen --help` stays fast

    check_not_binary(data)
    text, notes = decode(data)
    check_text(text)
    target = _ArticleTarget()
    parser = etree.HTMLParser(target=target, recover=True, no_network=True)
    parser.feed(text)
    parser.close()
    if not target.blocks:
        raise UnreadableSource("the HTML page has no visible text (only scripts, styles or markup)")
    return RawDocument(target.blocks, target.meta, notes)


def read_docx(data: bytes) -> RawDocument:
    import docx  # python-docx: imported here so that `briefgen --help` stays fast

    check_docx_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except _docx_errors() as exc:
        raise UnreadableSource(f"the Word file is corrupt or not a .docx ({exc.__class__.__name__})") from exc
    stated, paragraphs, notes = take_front_matter([p.text.strip() for p in document.paragraphs if p.text.strip()])
    if not paragraphs:
        raise UnreadableSource("the Word document contains no text")
    props = document.core_properties
    url = props.identifier if re.match(r"https?://", props.identifier or "") else ""
    meta = {"title": props.title, "author": props.author, "language": props.language, "url": url}
    return RawDocument(paragraphs, {k: v for k, v in meta.items() if v} | stated, notes)


def check_docx_size(data: bytes) -> None:
    """Refuse a .docx whose parts would unpack to more than the limit (a "zip bomb").

    zipfile never returns more than a member's declared size, so the declared sizes bound memory.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise UnreadableSource(f"the Word file is corrupt or not a .docx ({exc.__class__.__name__})") from exc
    if unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise UnreadableSource(
            f"the Word file would unpack to {unpacked / 2**20:.0f} MiB, over the {MAX_DOCX_UNPACKED_BYTES // 2**20} MiB limit; skipped"
        )


def _docx_errors() -> tuple[type[BaseException], ...]:
    """What a damaged .docx raises: each layer (zip, deflate, XML, OPC package) has its own error."""
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    return (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError, ValueError, LxmlError, OpcError)


READERS: dict[str, Callable[[bytes], RawDocument]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
}


def reader_for(path: Path) -> Callable[[bytes], RawDocument] | None:
    return READERS.get(path.suffix.lower())
