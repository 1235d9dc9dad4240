"""The part of a quoted sentence the English states: the fact, without what only describes it.

A brief of 900 words holds about 25 points; a news sentence often spends a third of its words on
what only describes: a person's full title after the name (the actors table gives it), a relative
clause on a programme's aims, the writer's comment (« , ce qui témoigne de ... »), a purpose or a
circumstance tacked on after a comma, an aside between dashes, the setting of a meeting, or a
reference back to the sentence before (« Dans cet entretien, »), which would leave the point
dangling. The quote itself stays whole: the footnote, the JSON and the annex give the French
sentence verbatim, and the English frame (see attribution.py) translates it less these parts. What
is cut is only ever a description: attribution (« selon ... »), speakers, quotations, dates and
figures are never cut, and a sentence that would fall under MIN_WORDS is stated whole.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen.dates import CALENDAR_WORDS
from briefgen.french import DASH_ASIDE, PERSON_TITLE

# An excerpt shorter than this is a fragment: the sentence is quoted whole (select's MIN_WORDS).
MIN_WORDS = 12
# Openings that set the scene or point back (« Dans cet entretien, », « À cette occasion, »,
# « Durant les échanges, », « Sous l'égide de l'ambassadrice ..., Rachna Korhonen, »), up to the
# comma before the statement's subject.
OPENING = re.compile(
    r"^(?:(?:dans|à|a|lors\s+d[eu]|au\s+cours\s+d[eu]|pendant|durant|en\s+marge\s+d[eu])\s+(?:ce|cet|cette|ces)\s+[\w-]+(?:\s+[\w-]+)?"
    r"|(?:sous\s+l['’]égide|en\s+marge|durant|pendant|au\s+cours|lors)\b[^,«»]*(?:,\s+(?-i:[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)*))?)"
    r"\s*,\s+",
    re.I,
)
# Endings after a comma that describe or comment rather than report: a relative clause (« , qui
# visent à ... »), the writer's comment (« , ce qui témoigne ... »), a purpose (« , afin
# d'encourager ... », « , pour faire face ... »), an extension (« , notamment dans le centre du
# Mali ... »), a circumstance (« , après des mois de ... »). Not « tout en », « sachant que »,
# « alors que »: what follows them is often a fact of its own (« tout en respectant sa souveraineté »).
ENDING = re.compile(
    r",\s+(?:ce\s+qu[ie]|qui|lesquel(?:le)?s|afin\s+(?:de\b|d['’]|que\b)|pour\s+[a-zà-ÿ]+(?:er|ir|re)\b"
    r"|notamment\s+(?:dans|en|au|aux|à)\b|après\s+des\b)",
    re.I,
)
# « ..., a déclaré Rudy Atallah, directeur adjoint principal de ... »: the title of the person just
# named, closing the sentence.
TITLE = re.compile(rf",\s+(?:(?:le|la|l['’])\s*)?{PERSON_TITLE}\b", re.I)
# ...a person's name: two capitalised words (« Rudy Atallah, directeur », not « la Défense, le général »).
NAME_BEFORE = re.compile(r"[A-ZÀ-Ý][\w-]+\s+[A-ZÀ-Ý][\w-]+$")
# What an ending must not hold: a quotation, an attribution, a date (all facts a reader needs).
KEPT = re.compile(rf"[«»“”\"]|\bselon\b|\bd['’]après\b|\d|\b(?:{CALENDAR_WORDS})\b", re.I)
# ...and an aside: a quotation or a figure (an attribution in an aside is the aside's own).
KEPT_IN_ASIDE = re.compile(r"[«»“”\"]|\d")
ASIDE = re.compile(DASH_ASIDE)
# A long title set before a name (« a annoncé, le 22 juillet, le sous-secrétaire d'État adjoint pour
# l'Afrique de l'Ouest au département d'État et envoyé spécial des États-Unis au Sahel, William
# Stevens, ... »): the name says who, the actors table gives the title. Short titles (« L'envoyé
# spécial des États-Unis, Rudolph Atallah ») tell the reader more than they cost, and stay.
TITLE_BEFORE_NAME = re.compile(
    rf"(?<=,\s)(?:le|la|l['’])\s*{PERSON_TITLE}\b[^,«»]+,\s+(?=(?-i:[A-ZÀ-Ý][\w-]+\s+(?:[A-ZÀ-Ý]\.\s+)?[A-ZÀ-Ý]))",
    re.I,
)
LONG_TITLE_WORDS = 8
# A compound verb: after an aside, the main clause going on (« ..., qui ..., a annoncé ... »).
VERB = re.compile(r"\b(?:a|ont|est|sont|avait|avaient)\s+[a-zà-ÿ]+(?:é|és|ée|ées|i|is|u|us|it)\b")
TERMINAL = ".!?…"


@dataclass(frozen=True)
class Stated:
    """What of a sentence's text the English states: text[start:end] less the `elided` asides."""

    start: int
    end: int
    elided: tuple[tuple[int, int], ...] = ()


@functools.lru_cache(maxsize=4096)
def stated(text: str) -> Stated:
    """The part of `text` (one sentence) that states its fact (see the module doc). Cached: the
    selection reads a sentence's hedge, reference and frame, each from its stated part."""
    start, end = _opening(text), _ending(text)
    asides = [m for m in ASIDE.finditer(text) if not KEPT_IN_ASIDE.search(m[0])]
    asides += [m for m in TITLE_BEFORE_NAME.finditer(text) if len(m[0].split()) >= LONG_TITLE_WORDS and not KEPT.search(m[0])]
    elided = tuple(sorted(m.span() for m in asides if start <= m.start() and m.end() <= end))
    words = len(text[start:end].split()) - sum(len(text[a:b].split()) for a, b in elided)
    if words < MIN_WORDS:
        return Stated(0, len(text))
    return Stated(start, end, elided)


def stated_text(text: str) -> str:
    """The French the English states, "…" where descriptions were left out (for a short footnote)."""
    text = text.strip()
    part = stated(text)
    pieces, at = [], part.start
    for a, b in part.elided:
        pieces.append(text[at:a].rstrip())
        at = b
    pieces.append(text[at : part.end].strip())
    body = pieces[0] + "".join(" …" + ("" if p[:1] in ",;:" else " ") + p for p in pieces[1:])
    cut_end = text[part.end :].strip() not in ("", *TERMINAL)
    return ("…" if part.start else "") + body + ("…" if cut_end else "")


def _opening(text: str) -> int:
    match = OPENING.match(text)
    if not match or KEPT.search(match[0]) or _open_quote(text, match.end()):
        return 0
    return match.end()


def _ending(text: str) -> int:
    """Where the sentence is cut: before its first descriptive ending, else at its end."""
    body = text.rstrip().rstrip(TERMINAL)
    cuts = [m.start() for m in ENDING.finditer(body)]
    cuts += [m.start() for m in TITLE.finditer(body) if NAME_BEFORE.search(body[: m.start()]) and not VERB.search(body[m.start() :])]
    for at in sorted(cuts):
        rest = body[at:]
        if not KEPT.search(rest) and not _open_quote(body, at) and not any(VERB.search(part) for part in rest.split(",")[2:]):
            return at
    return len(text)


def _open_quote(text: str, at: int) -> bool:
    return text[:at].count("«") > text[:at].count("»")
