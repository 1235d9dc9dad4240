"""Title, outlet, author, place, date and language, from the forms French news pages use.

Functions take the article's paragraphs and return what they found plus the paragraphs without
the lines (or line prefixes) that only carried metadata, so those never become "facts".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefgen.dates import MONTHS, WEEKDAYS, DateRef, parse_full_date, parse_iso_date
from briefgen.ingest.clean import is_heading

_MONTH = "|".join(MONTHS)
_WEEKDAY = "|".join(WEEKDAYS)
CAP = r"[A-ZÀ-ÖØ-Ý]"

# "date 2025-07 Rudy Atallah, ..." (an export format seen in the seeds)
ISO_DATELINE = re.compile(r"^date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+")
# "Bamako, 16 septembre 2025 - Les relations ..."
PLACE_DATELINE = re.compile(
    rf"^(?P<place>{CAP}[\w'’ -]{{1,30}}),\s+(?P<date>(?:(?:{_WEEKDAY})\s+)?\d{{1,2}}(?:er)?\s+(?:{_MONTH})\s+\d{{4}})\s*[-–—]\s+",
    re.IGNORECASE,
)
# "Africa-Press – Mali. L'envoyé spécial ..."
OUTLET_DATELINE = re.compile(rf"^(?P<outlet>{CAP}[\w.-]+(?: {CAP}[\w.-]+)?)\s+[-–—]\s+(?P<place>{CAP}[\w'’ -]{{1,30}})\.\s+")
# Footers naming the outlet: "En savoir plus sur Sahel Tribune", "... suivez Africa-Press"
OUTLET_FOOTER = re.compile(r"^(?:en savoir plus sur|.*\bsuivez)\s+(?P<outlet>[^.!?]{2,40}?)\s*[.!]?$", re.IGNORECASE)
# A person's name alone on a line: 2-4 capitalised words ("Anouar CHENNOUFI", "Sidi Modibo Coulibaly").
NAME_LINE = re.compile(rf"{CAP}[\w'’-]+(?: {CAP}[\w'’.-]+){{1,3}}")
# How far into the article a title or byline can be.
HEADER_PARAGRAPHS = 4
# Paragraphs searched for a publication date when there is no dateline.
DATE_SEARCH_PARAGRAPHS = 3

FRENCH_WORDS = frozenset("le la les des du de un une et est que qui dans pour pas sur au aux avec ce cette il elle ont sont été par".split())
ENGLISH_WORDS = frozenset("the of and to in is that for on with as was were by it this are be from has have an".split())


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    place: str | None = None
    date: DateRef | None = None
    url: str | None = None
    language: str | None = None  # stated (front matter, meta tag, document property), else detected


def find_outlet_footer(paragraphs: list[str]) -> str | None:
    for paragraph in reversed(paragraphs):
        match = OUTLET_FOOTER.match(paragraph)
        if match:
            return match["outlet"].strip()
    return None


def find_title(paragraphs: list[str]) -> str | None:
    """A heading-like first line, or the last crumb of a breadcrumb ("Accueil » … » Title")."""
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        if re.match(r"(accueil|home)\s*[»>›]", paragraph, re.IGNORECASE):
            return re.split(r"\s*[»>›]\s*", paragraph)[-1].strip() or None
        if re.fullmatch(r"\d{1,3}", paragraph):
            continue
        if is_heading(paragraph) and not NAME_LINE.fullmatch(paragraph):
            return paragraph.lstrip("• ").strip()
        return None
    return None


def take_bylines(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """An author's name alone on a line near the top (after the title) or as the last line."""
    for i, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        if NAME_LINE.fullmatch(paragraph):
            return paragraph, paragraphs[:i] + paragraphs[i + 1 :]
        if not is_heading(paragraph):
            break
    if len(paragraphs) > 1 and NAME_LINE.fullmatch(paragraphs[-1]):
        return paragraphs[-1], paragraphs[:-1]
    return None, paragraphs


def take_dateline(paragraphs: list[str], meta: Metadata) -> list[str]:
    """Strip a dateline prefix from the first paragraph that has one, filling place/date/outlet."""
    for i, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        if match := ISO_DATELINE.match(paragraph):
            meta.date = meta.date or parse_iso_date(match[1])
        elif match := PLACE_DATELINE.match(paragraph):
            meta.place = meta.place or match["place"].strip()
            meta.date = meta.date or parse_full_date(match["date"])
        elif match := OUTLET_DATELINE.match(paragraph):
            meta.outlet = meta.outlet or match["outlet"]
            meta.place = meta.place or match["place"].strip()
        else:
            continue
        return paragraphs[:i] + [paragraph[match.end() :]] + paragraphs[i + 1 :]
    return paragraphs


def find_date_in_text(paragraphs: list[str]) -> DateRef | None:
    """Without a dateline, the first full date near the top is the best evidence of when it ran."""
    body = [p for p in paragraphs if not is_heading(p)][:DATE_SEARCH_PARAGRAPHS]
    return next((d for d in map(parse_full_date, body) if d), None)


def parse_meta_date(value: str) -> DateRef | None:
    """Dates stated by HTML meta tags or DOCX properties: ISO forms or French words."""
    try:
        return DateRef(dt.date.fromisoformat(value[:10]), "day")
    except ValueError:
        return parse_iso_date(value) or parse_full_date(value)


def detect_language(text: str) -> str:
    """"fr" or "en" by counting very common words; ties and short texts count as French."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    french = sum(w in FRENCH_WORDS for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    return "en" if english > 2 * french and english >= 5 else "fr"
