"""Harvest: what analysts corrected in the edited briefs of an output folder, before the next build.

Each translated item of a brief is wrapped in a bookmark naming its French (anchors.py). For every
brief-*.docx someone has edited (edits.py), the English inside each anchor is compared with what
briefgen wrote (the week's JSON sidecar, matched by the French text's hash); a difference is an
analyst's correction and goes to the translation memory (memory.py) with the DOCX's
last-modified-by and date. The analyst's assessment is saved too (assessment.py). Text added or
deleted outside the anchors is left alone. A DOCX that cannot be read (corrupt,
password-protected) is reported and skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from briefgen import anchors
from briefgen.assessment import save_assessment
from briefgen.errors import ConfigError
from briefgen.memory import MemoryEntry, TranslationMemory, memory_path
from briefgen.model import WEEK_PATTERN, Brief, as_shown
from briefgen.render.edits import is_edited
from briefgen.render.properties import read_custom_properties
from briefgen.render.sidecar import read_sidecar
from briefgen.render.text import clean, plural

WEEK_PROPERTY = "briefgen_week"
BRIEF_NAME = re.compile(r"brief-(\d{4}-W\d{2})(?:\.v\d+)?\.docx")
BOOKMARK_START, BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
PARAGRAPH, FOOTNOTE, HYPERLINK = qn("w:p"), qn("w:footnoteReference"), qn("w:hyperlink")
# What the shipped template writes right after an anchored English (render/context.py, templates/).
TEMPLATE_TAILS = re.compile(r"(?: ?\(reported by \d+ sources\)| — see)+$")
TEXT, TAB, BREAK, WORD_ID, NAME = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:id"), qn("w:name")
# Harvest key judgements first, so a correction of the same point in its section (read later) wins.
KIND_ORDER = (anchors.KEY_JUDGEMENT, anchors.POINT, anchors.ROLE)


@dataclass
class HarvestReport:
    stored: list[MemoryEntry] = field(default_factory=list)
    assessments: list[str] = field(default_factory=list)  # weeks whose assessment was saved
    warnings: list[str] = field(default_factory=list)  # briefs that could not be read
    details: list[str] = field(default_factory=list)  # for --verbose: what each edited brief gave

    @property
    def changed(self) -> bool:
        return bool(self.stored or self.assessments)


@dataclass(frozen=True)
class Written:
    """An item as briefgen wrote it (from the JSON sidecar)."""

    fr: str
    en: str
    item: str


def harvest(out_dir: Path) -> HarvestReport:
    """Store the corrections and assessments of every edited brief in `out_dir`; see the module docstring."""
    report = HarvestReport()
    edited = sorted(p for p in out_dir.glob("brief-*.docx") if BRIEF_NAME.fullmatch(p.name) and is_edited(p))
    found = {path.name: _read_brief(path, out_dir, report) for path in edited}
    stored: dict[str, list[MemoryEntry]] = {name: [] for name in found}
    if any(found.values()):  # the memory file is made only when there is something to keep
        with TranslationMemory(memory_path(out_dir)) as memory:
            stored = {name: [entry for entry in entries if memory.record(entry)] for name, entries in found.items()}
    for name, entries in stored.items():
        report.stored += entries
        report.details.append(f"{name}: {plural(len(entries), 'corrected item')} read into the translation memory; edits "
                              "outside the anchored points and roles are left alone.")
    return report


def _read_brief(path: Path, out_dir: Path, report: HarvestReport) -> list[MemoryEntry]:
    """The corrections in one edited brief (saving its assessment on the way); [] if unreadable."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError) as exc:
        report.warnings.append(
            f"{path.name} is not a readable Word document ({type(exc).__name__}), so its edits were not read into "
            "the translation memory. A password-protected brief must be saved without a password."
        )
        return []
    stamped = read_custom_properties(document).get(WEEK_PROPERTY) or ""
    # The property names the week even if the file was renamed; a value that is no week never names a path.
    week = stamped if WEEK_PATTERN.fullmatch(stamped) else BRIEF_NAME.fullmatch(path.name).group(1)
    modified = _modified(document, path)
    author = document.core_properties.last_modified_by or ""
    try:
        written = written_items(read_sidecar(out_dir / f"brief-{week}.json"))
    except ConfigError as exc:  # no sidecar (formats without json) or not briefgen's: nothing to compare with
        report.details.append(f"{path.name}: its corrections were not read ({exc})")
        written = {}
    entries = []
    for anchor, english in sorted(anchored_texts(document).items(), key=lambda a: KIND_ORDER.index(a[0].kind)):
        item = written.get((anchor.kind, anchor.fr_hash))
        if item is not None and english and english != anchors.normalise(as_shown(clean(item.en))):
            entries.append(MemoryEntry(item.fr, english, item.en, anchors.KINDS[anchor.kind], item.item, path.name,
                                       author, modified.isoformat()))
    if save_assessment(document, out_dir, week, modified):
        report.assessments.append(week)
    return entries


def harvest_messages(report: HarvestReport) -> list[str]:
    """What the user should see about a harvest: unreadable briefs, and what was learnt."""
    learnt = []
    if report.stored:
        learnt.append(f"{plural(len(report.stored), 'corrected translation')} from edited briefs stored in the translation memory.")
    if report.assessments:
        learnt.append(f"Assessment kept from the edited brief of {', '.join(report.assessments)}.")
    return [f"warning: {w}" for w in report.warnings] + learnt


def anchored_texts(document: Document) -> dict[anchors.Anchor, str]:
    """The English of each briefgen anchor, whitespace-normalised, as the document reads with its
    tracked changes accepted (deleted text is w:delText, not w:t, so it is left out).

    Word and LibreOffice put text typed over the first or last words of a bookmark just outside it
    (measured: LibreOffice 7.4 replacing "The quick" at a bookmark's start). So an anchor also owns
    the text before it in its paragraph and after it up to the next footnote, link or anchor; the
    template starts each anchored value its paragraph or cell, and the tails it adds there ("(reported
    by 3 sources)", "— see") are removed.
    """
    texts: dict[anchors.Anchor, list[str]] = {}
    inside: dict[str, anchors.Anchor] = {}  # open bookmarks by w:id
    before: list[str] = []  # text since the paragraph start or the last boundary
    after: anchors.Anchor | None = None  # the anchor that just closed and owns what follows
    for element in document.element.body.iter(PARAGRAPH, BOOKMARK_START, BOOKMARK_END, TEXT, TAB, BREAK, FOOTNOTE):
        if element.tag == PARAGRAPH:
            before, after = [], None
        elif element.tag == BOOKMARK_START:
            anchor = anchors.parse_anchor(element.get(NAME) or "")
            if anchor is not None and anchor not in texts:  # a repeat of the same French: the first one
                inside[element.get(WORD_ID)] = anchor
                texts[anchor] = before
                before, after = [], None
        elif element.tag == BOOKMARK_END:
            closed = inside.pop(element.get(WORD_ID), None)
            after = closed or after
        elif element.tag == FOOTNOTE or any(a.tag == HYPERLINK for a in element.iterancestors(HYPERLINK)):
            before, after = [], None
        else:
            piece = (element.text or "") if element.tag == TEXT else " "
            owners = list(inside.values()) or ([after] if after else [])
            for anchor in owners:
                texts[anchor].append(piece)
            if not owners:
                before.append(piece)
    return {anchor: TEMPLATE_TAILS.sub("", anchors.normalise("".join(pieces))) for anchor, pieces in texts.items()}


def written_items(brief: Brief) -> dict[tuple[str, str], Written]:
    """(anchor kind, French hash) -> the item as briefgen wrote it (the brief its JSON sidecar holds)."""
    items = {(anchors.POINT, p.fr): Written(p.fr, p.en, p.id) for p in brief.points()}
    items |= {(anchors.KEY_JUDGEMENT, p.fr): Written(p.fr, p.en, p.id) for p in brief.key_judgements}
    items |= {(anchors.ROLE, a.role): Written(a.role, a.role_en or "", a.name) for a in brief.actors if a.role}
    return {(kind, anchors.fr_hash(fr)): item for (kind, fr), item in items.items()}


def _modified(document: Document, path: Path) -> dt.datetime:
    """When the DOCX was last saved: its own property, else the file's time (UTC)."""
    stamp = document.core_properties.modified
    if stamp is None:
        return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).replace(microsecond=0)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
