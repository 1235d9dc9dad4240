"""The analyst's assessment: written in the brief's DOCX under "Assessment", kept across rebuilds.

The template puts an "Assessment" heading with a placeholder under the key judgements (not in the
JSON: the analysis is the analyst's). When someone writes there in an edited brief, the harvest
saves those paragraphs, formatting included (they are cut from the edited DOCX itself, with its
styles and numbering), to `<out>/assessments/<week>.docx`. Every rebuild of that week merges them
back in place of the placeholder (the analyst notes' merge, notes.py); the next week's brief, while
it has no assessment of its own, shows them under "Last week's assessment" for the analyst to update.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.document import Document
from docx.oxml.ns import qn

from briefgen.anchors import normalise
from briefgen.model import Brief, Period
from briefgen.render.notes import HEADING_STYLE, merge_under_heading, region
from briefgen.render.wording import WORDS

if TYPE_CHECKING:
    from briefgen.config import Config
    from briefgen.render import Renderer

ASSESSMENT_HEADING = WORDS["en"]["assessment"]
PLACEHOLDER = WORDS["en"]["assessment_placeholder"]  # what the template writes there; never saved as an assessment
PREVIOUS_HEADING = "Last week’s assessment"
PREVIOUS_NOTE = "What you wrote for {week}, for you to update under Assessment above; this copy is not kept."
NOTE_STYLE = "Note"  # the shipped template's style for briefgen's own remarks
FOLDER = "assessments"
SECTION_PROPERTIES = qn("w:sectPr")
# Comments belong to the edited brief's comments part, which the saved assessment does not carry.
COMMENT_TAGS = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"))


def assessment_path(out_dir: Path, week: str) -> Path:
    return out_dir / FOLDER / f"{week}.docx"


def save_assessment(document: Document, out_dir: Path, week: str, modified: dt.datetime) -> bool:
    """Save what `document` (an edited brief of `week`) holds under Assessment, unless it is only the
    placeholder or an assessment saved from a later edit exists. Returns whether it was saved."""
    elements = [e for e in region(document, ASSESSMENT_HEADING) or [] if _text(e) != normalise(PLACEHOLDER)]
    if not any(_text(e) or e.tag != qn("w:p") for e in elements):
        return False
    target = assessment_path(out_dir, week)
    if target.exists() and target.stat().st_mtime >= modified.timestamp():
        return False
    copy_document = docx.Document(io.BytesIO(_bytes(document)))
    body = copy_document.element.body
    for child in list(body):
        if child.tag != SECTION_PROPERTIES:
            body.remove(child)
    for position, element in enumerate(elements):  # before the page layout (sectPr), which stays last
        body.insert(position, copy.deepcopy(element))
    for mark in list(body.iter(*COMMENT_TAGS)):
        mark.getparent().remove(mark)
    _unstyle_placeholder(copy_document)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp")
    copy_document.save(str(temp))
    os.utime(temp, (modified.timestamp(), modified.timestamp()))  # the edit's time, to compare later edits
    os.replace(temp, target)
    return True


def with_assessment(render: Renderer, out_dir: Path | None) -> Renderer:
    """`render` (a DOCX renderer) followed by merging the assessment saved in `out_dir` (None: none)."""
    if out_dir is None:
        return render

    def render_and_merge(brief: Brief, config: Config, out: Path) -> None:
        render(brief, config, out)
        assert brief.period is not None
        merge_assessment(out, out_dir, brief.period.week, config.languages[0])

    return render_and_merge


def merge_assessment(docx_path: Path, out_dir: Path, week: str, lang: str = "en") -> None:
    """Put `week`'s saved assessment under the DOCX's Assessment heading (in the edition's `lang`), or
    else the previous week's under a "Last week's assessment" heading after it; nothing when neither
    exists."""
    heading = WORDS[lang]["assessment"]
    for path in assessment_files(out_dir, week):
        if path == assessment_path(out_dir, week):
            merge_under_heading(docx_path, heading, [docx.Document(str(path))])
        else:
            merge_under_heading(docx_path, heading, [_as_previous(path, path.stem)], replace=False)


def assessment_files(out_dir: Path, week: str) -> list[Path]:
    """The saved assessment a brief of `week` shows: its own, else last week's ([] if neither)."""
    candidates = [assessment_path(out_dir, week), assessment_path(out_dir, _previous_week(week))]
    return [path for path in candidates if path.is_file()][:1]


def _as_previous(path: Path, week: str) -> Document:
    """Last week's assessment, headed so that the analyst sees what it is."""
    document = docx.Document(str(path))
    body = document.element.body
    styles = {(style.name or "").lower(): style for style in document.styles}
    note = document.add_paragraph(PREVIOUS_NOTE.format(week=week), style=styles.get(NOTE_STYLE.lower()))
    heading = document.add_paragraph(f"{PREVIOUS_HEADING} ({week})", style=styles.get(HEADING_STYLE))
    body.insert(0, note._p)
    body.insert(0, heading._p)
    return document


def _unstyle_placeholder(document: Document) -> None:
    """Text typed over the placeholder takes its style (briefgen's grey italic remarks): make it
    body text; the formatting the analyst applied to runs stays."""
    note_ids = {s.style_id for s in document.styles if (s.name or "").lower() == NOTE_STYLE.lower()}
    for paragraph in document.paragraphs:
        if paragraph._p.style in note_ids:
            paragraph._p.style = None


def _previous_week(week: str) -> str:
    start = Period.from_week(week).start - dt.timedelta(days=7)
    return Period.containing(start).week


def _text(element) -> str:
    return normalise("".join(t.text or "" for t in element.iter(qn("w:t"))))


def _bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
