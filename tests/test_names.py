"""One person, one name: an outlet's spelling slip is spelt as the actors table spells it."""

from briefgen.names import OneSpelling


def test_near_spellings_of_a_surname_take_the_usual_one():
    surnames = ["Atallah", "Goïta", "Touré"]
    english = "According to Attalah, Goita met Traoré and Rudy Atallah."
    assert OneSpelling(surnames)(english) == "According to Atallah, Goïta met Traoré and Rudy Atallah."


def test_without_people_the_text_is_unchanged():
    assert OneSpelling([])("According to Attalah, the offer stands.") == "According to Attalah, the offer stands."
