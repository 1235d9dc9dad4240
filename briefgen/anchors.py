"""Names of the bookmarks that anchor each translated item in the DOCX, so analysts' edits can be read back.

Measured with LibreOffice 7.4 driven through its own API (open a DOCX, retype words inside the
anchored text, save as Word 2007+): a bookmark keeps its name and still wraps the edited text; a
content control (w:sdt) loses its tag and alias. So items are anchored by bookmarks.

A name is "bg" + kind + "_" + the first hex digits of the French text's SHA-256 (+ "_2", "_3"…
when the same French is anchored twice): Word's rules (at most 40 characters, letters, digits
and underscores, starting with a letter), and the French text's identity travels with the anchor,
so a harvest pairs an edited English with the right French whatever was rebuilt since.

Key developments and timeline labels are not anchored: their English is written from an event
record (english.py), not translated from one French text, so the translation memory (one English
per French) has no key for it, and a sentence's translation must not be replaced by a headline.
Learning them needs a store keyed by record, read by english.py.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

POINT, KEY_JUDGEMENT, ROLE = "p", "k", "r"
KINDS = {POINT: "point", KEY_JUDGEMENT: "key judgement", ROLE: "actor role"}
# 16 hex digits (64 bits): no two French texts of a workspace collide, and the name stays short.
HASH_DIGITS = 16
NAME = re.compile(rf"bg([{''.join(KINDS)}])_([0-9a-f]{{{HASH_DIGITS}}})(?:_\d+)?")


@dataclass(frozen=True)
class Anchor:
    kind: str  # one of KINDS
    fr_hash: str


def fr_hash(fr: str) -> str:
    """The identity of a French text: its SHA-256 prefix, whitespace-normalised (lone surrogates from a
    broken source are hashed, not refused)."""
    return hashlib.sha256(normalise(fr).encode("utf-8", "surrogatepass")).hexdigest()[:HASH_DIGITS]


def normalise(text: str) -> str:
    """Runs of whitespace as one space: what Word and LibreOffice may change without anyone editing."""
    return " ".join(text.split())


def anchor_name(kind: str, fr: str, occurrence: int = 1) -> str:
    suffix = f"_{occurrence}" if occurrence > 1 else ""
    return f"bg{kind}_{fr_hash(fr)}{suffix}"


def parse_anchor(name: str) -> Anchor | None:
    """The anchor a bookmark name stands for; None for any other bookmark (links, the analyst's own)."""
    match = NAME.fullmatch(name)
    return Anchor(match.group(1), match.group(2)) if match else None
