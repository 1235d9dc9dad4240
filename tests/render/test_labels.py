"""Timeline labels: the key-developments label when there is one, else a template, never a cut sentence."""

from __future__ import annotations

from briefgen.model import Actor, TimelineEntry
from briefgen.render.labels import MAX_WORDS, event_label
from briefgen.translate.glossary import load_glossary

ACTORS = [
    Actor("Assimi Goïta", "person", "président de la transition", ["s1"], 8, ["Assimi Goita"]),
    Actor("Vladimir Poutine", "person", "président russe", ["s1"], 3),
    Actor("Rudolph Atallah", "person", None, ["s1"], 12, ["Rudy Atallah"]),
    Actor("AQMI", "organisation", None, ["s1"], 1),
]
SUMMIT = ("Pour rappel, Goita a rencontré le président russe Vladimir Poutine en juillet 2023 lors du sommet "
          "Russie-Afrique à Saint-Pétersbourg, où Moscou a décrit le Mali comme un partenaire stratégique.")


def label(fr: str, lang: str = "en", given: str = "") -> str:
    return event_label(TimelineEntry("2023-07", "month", fr, [], label=given), ACTORS, load_glossary(), lang)


def test_the_given_label_wins_in_english():
    assert label(SUMMIT, given="Goïta meets Putin at the Russia-Africa summit") == \
        "Goïta meets Putin at the Russia-Africa summit"


def test_own_label_names_the_kind_of_event_who_and_where_in_each_language():
    assert label(SUMMIT) == "Summit: Assimi Goïta and Vladimir Putin (Saint Petersburg)"
    assert label(SUMMIT, "fr") == "Sommet\u00a0: Assimi Goïta et Vladimir Poutine (Saint-Pétersbourg)"
    assert label("C'est ainsi que le mercredi 9 juillet 2025 s'est rendue au Mali une mission dirigée par Rudy "
                 "Atallah.") == "Visit: Rudolph Atallah (Mali)"
    assert label("Cette coopération aurait permis une frappe de drone ciblant des dirigeants d'AQMI au Mali.") == \
        "Strike: AQIM (Mali)"


def test_with_no_actor_named_the_label_says_who_from_a_noun_phrase_the_gazetteer_knows():
    last = "Mais la dernière visite d'une délégation américaine au Mali remontait à octobre 2022, il y a presque trois ans."
    assert label(last) == "Visit: US delegation (Mali)"
    assert label(last, "fr") == "Visite\u00a0: délégation américaine (Mali)"


def test_a_sentence_with_nothing_recognisable_still_gets_a_whole_label():
    assert label("Il y a presque trois ans, tout a changé.") == "Event"


def test_labels_stay_short_without_cutting_a_name():
    crowded = "Goita, Rudy Atallah et Vladimir Poutine se sont rencontrés à Bamako."
    text = label(crowded)
    assert len(text.split()) <= MAX_WORDS and "…" not in text
    assert text == "Meeting: Assimi Goïta and Vladimir Putin (Bamako)"


def test_the_place_is_the_gazetteers_city_else_its_country_in_its_spelling():
    assert label("Rudy Atallah s'est rendu au Mali, puis à Tombouctou.") == "Visit: Rudolph Atallah (Timbuktu)"
    assert label("Rudy Atallah s'est rendu au Sahel.") == "Visit: Rudolph Atallah (the Sahel)"
    assert label("Rudy Atallah s'est rendu au Sahel.", "fr") == "Visite\u00a0: Rudolph Atallah (Sahel)"
    assert label("Rudy Atallah s'est rendu aux paris sportifs du Niger.") == "Visit: Rudolph Atallah (Niger)"  # « paris »: no city
