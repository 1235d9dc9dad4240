"""Segment stage: French sentences with exact offsets into the cleaned source text.

Rule-based on purpose: French news has a small set of traps (« … » quotations spanning several
sentences, abbreviations such as M., Mme, Lt-col., gén., initials such as William B. Stevens), and
rules keep every sentence verbatim and every offset exact, which the citations depend on.
"""

from __future__ import annotations

import re

from briefgen.model import Brief, Paragraph, Sentence

# Words after which a period does not end a sentence (compared lowercased, without the period).
ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr pr me st ste gén gal col lt lt-col lieut cdt cne adj sgt
    cap capt mgr prof etc cf p pp vol art al env av apr ex n no nº réf tél fig éd ass dép
    sen min gouv adm ann ch chap coll hab ibid id op sq sqq vs ca""".split()
)
# A sentence ends at . ! ? or … (possibly followed by closing quotes/brackets), then space, then
# something that can start a sentence.
BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])(?:\s?[»\"”’)\]])*(?=\s+[«\"“(\[]?\s*[A-ZÀ-ÖØ-Ý0-9])")
# Characters looked back for the word before a period: longer than any abbreviation, so that
# checking a boundary does not depend on the paragraph's length.
ABBREVIATION_WINDOW = 64
WORD_BEFORE = re.compile(r"([\w'’-]+)\.?$")
# Open/close marks for quotations that must stay whole.
OPENING, CLOSING = "«“", "»”"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one paragraph, whitespace trimmed.

    Linear in the paragraph's length: the quotation depth is carried forward from one candidate
    boundary to the next instead of being recounted from the sentence start.
    """
    spans: list[tuple[int, int]] = []
    start = scanned = depth = 0
    for match in BOUNDARY.finditer(text):
        end = match.end()
        depth = _quotation_depth(text[scanned:end], depth)
        scanned = end
        if depth > 0 or _after_abbreviation(text, match):
            continue
        spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def _quotation_depth(chunk: str, depth: int) -> int:
    for ch in chunk:
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
    return depth


def _after_abbreviation(text: str, match: re.Match[str]) -> bool:
    if match.group(0)[0] != ".":
        return False
    word = WORD_BEFORE.search(text[max(0, match.start() - ABBREVIATION_WINDOW) : match.start()])
    if not word:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isalpha():  # an initial: "William B. Stevens", "J.-C."
        return True
    return token.lower() in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment_paragraph(paragraph: Paragraph) -> list[Sentence]:
    if paragraph.heading:
        return []
    return [
        Sentence(paragraph.source_id, paragraph.number, paragraph.start + s, paragraph.start + e, paragraph.text[s:e])
        for s, e in split_sentences(paragraph.text)
    ]


def segment(brief: Brief) -> Brief:
    for source in brief.sources:
        for paragraph in source.paragraphs:
            paragraph.sentences = segment_paragraph(paragraph)
    return brief
