"""Remove web boilerplate and repeats from an article's paragraphs, keeping every real sentence.

Each rule is a whole-paragraph pattern; a rule never edits inside a paragraph, so what is kept is
exactly what the outlet published (a list is joined to the line that introduces it, words unchanged).
"""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 forbids; one of them silently breaks a Word document.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Vertical tab and form feed separate words (Word's manual line break is a vertical tab in pasted
# text), so they become a space instead of gluing two words together.
BREAKS = re.compile("[\x0b\x0c]")
SPACES = re.compile(r"[ \t\u00a0\u202f\u2007\u2009\u200b]+")

# Whole paragraphs that are page furniture, never article text (case-insensitive).
BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(accueil|home)\s*[»>›/|].*",  # breadcrumbs
        r"(\d+\s+(comments?|commentaires?|views?|vues|shares?|partages?)\b[\s·|-]*)+(\d+\s+min(ute)?s?\s+(read|de lecture))?",
        r"\d+\s+min(ute)?s?\s+(read|de lecture)",
        r"laisser un commentaire.*|leave a (comment|reply).*",
        r"please enter your (comment|name|email)( here)?!?.*",
        r"veuillez laisser un (petit )?commentaire.*",
        r"subscribe to get the latest posts.*|abonnez-vous.*|inscrivez-vous à (notre|la) newsletter.*",
        r"error:\s*le contenu est protégé.*|le contenu est protégé.*",
        r"(en savoir plus sur|pour plus d.informations.*suivez|lire aussi|à lire aussi|voir aussi|read more)\b.*",
        r"(partager|share)( (sur|on) (facebook|twitter|x|whatsapp|linkedin))*\s*:?",
        r"(tous droits réservés|all rights reserved|©).*",
        r"(publicité|advertisement|sponsored)",
        r"\d{1,3}",  # stray numerals (pagination, comment counts)
    )
]
# A short run of letters and digits alone at the end of an article ("AK12"): an editor's signature.
SIGNATURE_CODE = re.compile(r"[A-Z]{1,4}\d{0,4}")
# Headings: short paragraphs that do not end like a sentence; kept for paragraph numbering but
# never quoted as facts.
HEADING_MAX_WORDS = 14
SENTENCE_END = re.compile(r"[.!?…;,:][\s»\"”)]*$")
# A list's lead-in ends with a colon; its items start with a letter, number or bullet mark
# ("a) le respect de ...", "2. ...", "• ...", "- ...").
LIST_LEAD = re.compile(r":[\s»\"”]*$")
LIST_ITEM = re.compile(r"(?:[a-zA-Z]|\d{1,2})[).]\s|[•*–—-]\s")


def normalise(text: str) -> tuple[str, bool]:
    """NFC, one kind of space, no XML-illegal characters. Returns (text, whether any were removed)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = XML_ILLEGAL.sub("", BREAKS.sub(" ", text))
    return cleaned, cleaned != text


def tidy(paragraph: str) -> str:
    return SPACES.sub(" ", paragraph).strip()


def is_boilerplate(paragraph: str) -> bool:
    return any(p.fullmatch(paragraph) for p in BOILERPLATE)


def is_heading(paragraph: str) -> bool:
    if paragraph.startswith("•"):
        return True
    return len(paragraph.split()) <= HEADING_MAX_WORDS and not SENTENCE_END.search(paragraph)


def drop_repeats(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop repeated title lines and paragraphs made only of earlier paragraphs, in order.

    Pages often repeat blocks, sometimes run together on one line (seed 001), so a paragraph that
    is an exact concatenation of earlier ones is a repeat too.
    """
    earlier: dict[int, dict[str, int]] = {}  # length -> paragraph -> order kept
    kept: list[str] = []
    for paragraph in paragraphs:
        if title and paragraph.casefold() == title.casefold():
            continue
        if _made_of(paragraph, earlier):
            continue
        earlier.setdefault(len(paragraph), {})[paragraph] = len(kept)
        kept.append(paragraph)
    return kept


def _made_of(paragraph: str, earlier: dict[int, dict[str, int]]) -> bool:
    """Whether `paragraph` is earlier paragraphs end to end, taking the first-kept one that fits.

    Earlier paragraphs are indexed by length, so each step costs one lookup per distinct length
    instead of one comparison per paragraph (a file of many thousand lines took minutes).
    """
    rest = paragraph
    while rest:
        fits = [(order[rest[:n]], n) for n, order in earlier.items() if 0 < n <= len(rest) and rest[:n] in order]
        if not fits:
            return False
        rest = rest[min(fits)[1] :].lstrip()
    return True


def join_lists(paragraphs: list[str]) -> list[str]:
    """One paragraph for a list and the line that introduces it.

    « Les autorités ont insisté sur trois points clés : » says nothing without its items, and
    « b) le respect de ses choix stratégiques, » nothing without its lead-in: apart, neither can be
    quoted as a fact, and the reader gets neither. Joined, the list is one statement.
    """
    joined: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        opened = in_list or bool(joined and LIST_LEAD.search(joined[-1]))
        in_list = opened and LIST_ITEM.match(paragraph) is not None
        if in_list:
            joined[-1] += " " + paragraph
        else:
            joined.append(paragraph)
    return joined


def strip_signature(paragraphs: list[str]) -> list[str]:
    if paragraphs and SIGNATURE_CODE.fullmatch(paragraphs[-1]):
        return paragraphs[:-1]
    return paragraphs


def drop_trailing_headings(paragraphs: list[str]) -> list[str]:
    """A heading with no text under it (its section was a repeat) heads nothing."""
    while paragraphs and is_heading(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def clean(paragraphs: list[str], title: str | None) -> list[str]:
    kept = [p for p in (tidy(p) for p in paragraphs) if p and not is_boilerplate(p)]
    return strip_signature(join_lists(drop_repeats(kept, title)))
