"""The gazetteer: English for French places, roles and institutions, one spelling for every caller."""

from __future__ import annotations

from briefgen.gazetteer import load_gazetteer


def test_places_are_cities_or_countries_with_one_english_spelling():
    gazetteer = load_gazetteer()
    assert gazetteer.place("Saint-Pétersbourg") == "Saint Petersburg" and gazetteer.place("Sahel") == "the Sahel"
    assert gazetteer.is_place("Moscou") and gazetteer.is_place("le Mali")
    assert gazetteer.place("Kati") == "Kati"  # not listed: its French spelling, a proper name


def test_find_places_in_order_longest_first_written_with_a_capital():
    found = load_gazetteer().find_places("Du Burkina Faso à Saint Petersbourg, puis à Moscou et aux paris de Tombouctou.")
    assert [(p.french, p.english, p.city) for p in found] == [
        ("Burkina Faso", "Burkina Faso", False),
        ("Saint Petersbourg", "Saint Petersburg", True),
        ("Moscou", "Moscow", True),
        ("Tombouctou", "Timbuktu", True),
    ]
    assert found[0].start == 3


def test_unnamed_parties_with_a_number_and_demonyms():
    gazetteer = load_gazetteer()
    assert gazetteer.noun_phrase("cinq chefs d’États africains") == "five African heads of state"
    assert gazetteer.noun_phrase("des officiers américains") == "US officers"
    assert gazetteer.noun_phrase("les deux parties") == "the two sides"  # a listed phrase beats its number
    assert gazetteer.noun_phrase("cinq chefs de village") is None  # a word it does not know
