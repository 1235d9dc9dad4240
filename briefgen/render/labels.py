"""Short event labels for the timeline figure and table, made from templates, never cut from a sentence.

The key-developments stage may give each entry an English `label`; when it has none, the label is
built here from the French sentence: what kind of event (a word list), who (the brief's actors named
in it) and where (known places), e.g. "Visit: Rudolph Atallah (Bamako)". A template gives correct
English from structured pieces, where a shortened machine translation gives "It is as well as the…".
"""

from __future__ import annotations

import re

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
# Places the brief's region names, French -> English: the city named first in the sentence is shown,
# else the country or region named first.
CITIES = {
    "Bamako": "Bamako", "Moscou": "Moscow", "Saint-Pétersbourg": "St Petersburg", "Washington": "Washington",
    "Niamey": "Niamey", "Ouagadougou": "Ouagadougou", "Paris": "Paris", "Kidal": "Kidal", "Gao": "Gao",
    "Tombouctou": "Timbuktu", "Mopti": "Mopti",
}
COUNTRIES = {"Burkina Faso": "Burkina Faso", "Niger": "Niger", "Mali": "Mali", "Russie": "Russia", "Sahel": "Sahel"}
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
    place = _place(text, CITIES, lang) or _place(text, COUNTRIES, lang)
    while True:
        label = kind[0] if lang == "en" else kind[1]
        if names:
            label += (": " if lang == "en" else "\u00a0: ") + (" and " if lang == "en" else " et ").join(names)
        if place:
            label += f" ({place})"
        if len(label.split()) <= MAX_WORDS or not (names or place):
            return label
        names, place = (names[:-1], place) if len(names) > 1 or not place else (names, "")


def _place(text: str, places: dict[str, str], lang: str) -> str:
    found = [(m.start(), fr, en) for fr, en in places.items() if (m := re.search(rf"\b{re.escape(fr)}\b", text))]
    return min(found)[2 if lang == "en" else 1] if found else ""


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
