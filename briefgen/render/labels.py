"""Short event labels for the timeline figure and table, made from templates, never cut from a sentence.

The key-developments stage may give each entry an English `label`; when it has none, the label is
built here from the French sentence: what kind of event (a word list), who (the brief's actors named
in it) and where (the gazetteer's places), e.g. "Visit: Rudolph Atallah (Bamako)". A template gives correct
English from structured pieces, where a shortened machine translation gives "It is as well as the…".
"""

from __future__ import annotations

import re

from briefgen.gazetteer import load_gazetteer
from briefgen.model import Actor, TimelineEntry
from briefgen.translate.glossary import Glossary

# What happened, by French cue (checked in order: the first found names the event) -> (English, French).
KINDS: tuple[tuple[str, str, str], ...] = (
    (r"frappe", "Strike", "Frappe"),
    (r"attaqu", "Attack", "Attaque"),
    (r"coup d.[ÉE]tat", "Coup", "Coup d'État"),
    (r"sommet", "Summit", "Sommet"),
    (r"première pierre|usine", "Plant launched", "Pose de première pierre"),
    (r"chambre de commerce", "Chamber of Commerce", "Chambre de commerce"),
    (r"accord|signature|sign[ée]", "Agreement", "Accord"),
    (r"visite|s.est rendue?|se rendra|séjour|mission", "Visit", "Visite"),
    (r"rencontr|entretien|reçu|audience", "Meeting", "Rencontre"),
    (r"suspend", "Suspension", "Suspension"),
    (r"élection", "Election", "Élection"),
    (r"annonc|déclar|communiqué|affirm", "Statement", "Déclaration"),
    (r"coopération", "Cooperation", "Coopération"),
)
DEFAULT_KIND = ("Event", "Événement")
# An article and one or two lower-case words: « une délégation américaine », « des officiers maliens ».
PARTY = re.compile(r"(?<![\w'’])(?:d['’])?(?P<phrase>(?:une?|des|la|le|les|l['’])\s*(?P<words>[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?))")
MAX_WORDS = 12  # a label is read at a glance beside the figure's axis
MAX_NAMES = 2
SURNAME_CHARS = 4  # a surname alone ("Goita") identifies a person when it is at least this long


def event_label(entry: TimelineEntry, actors: list[Actor], glossary: Glossary, lang: str = "en") -> str:
    """`entry.label` (English) when set, else a label built from the French sentence."""
    if entry.label and lang == "en":
        return entry.label
    text = entry.fr
    kind = next(((en, fr) for cue, en, fr in KINDS if re.search(cue, text, re.IGNORECASE)), DEFAULT_KIND)
    names = [_name(a.name, glossary, lang) for a in actors if a.kind == "person" and _named(a, text)][:MAX_NAMES]
    if not names:
        names = [_name(a.name, glossary, lang) for a in actors if a.kind != "person" and _named(a, text)][:1]
    if not names:
        names = _unnamed_party(text, lang)
    place = _place(text, lang)
    while True:
        label = kind[0] if lang == "en" else kind[1]
        if names:
            label += (": " if lang == "en" else "\u00a0: ") + (" and " if lang == "en" else " et ").join(names)
        if place:
            label += f" ({place})"
        if len(label.split()) <= MAX_WORDS or not (names or place):
            return label
        names, place = (names[:-1], place) if len(names) > 1 or not place else (names, "")


def _unnamed_party(text: str, lang: str) -> list[str]:
    """Who, when no actor is named: the first noun phrase the gazetteer knows (« la dernière visite
    d'une délégation américaine » -> "US delegation"), so that the label says who visited."""
    for match in PARTY.finditer(text):
        english = load_gazetteer().noun_phrase(match["phrase"])
        if english:
            return [english.removeprefix("the ") if lang == "en" else match["words"]]
    return []


def _place(text: str, lang: str) -> str:
    """The gazetteer's city named first in `text`, else its country or region named first ("" if none)."""
    found = load_gazetteer().find_places(text)
    place = next((p for p in found if p.city), found[0] if found else None)
    if place is None:
        return ""
    return place.english if lang == "en" else place.french


def _named(actor: Actor, text: str) -> bool:
    for name in [actor.name, *actor.variants]:
        if _word_in(name, text):
            return True
        surname = name.split()[-1] if name.split() else ""  # a blank name (hostile input) names no one
        if actor.kind == "person" and len(surname) >= SURNAME_CHARS and _word_in(surname, text):
            return True
    return False


def _word_in(word: str, text: str) -> bool:
    """`word` as a whole word in `text`. The substring test first: every label checks every actor
    (2,781 at 2,000 articles), and a pattern per name overflows the `re` module's cache."""
    return word in text and re.search(rf"\b{re.escape(word)}\b", text) is not None


def _name(name: str, glossary: Glossary, lang: str) -> str:
    return (glossary.english_for(name) or name) if lang == "en" else name
