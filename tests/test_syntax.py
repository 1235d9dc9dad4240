"""Reading the parse: subjects, the conditional, negation and hedges, on French written for the case."""

from __future__ import annotations

import pytest

from briefgen import syntax
from briefgen.model import Token
from briefgen.parse import MODEL, _tokens, load_parser


@pytest.fixture(scope="module")
def tokens():
    nlp = load_parser(MODEL)
    return lambda text: _tokens(nlp(text))


def find(tokens: list[Token], word: str) -> int:
    return next(i for i, t in enumerate(tokens) if t.text == word)


def test_subject_of_a_speech_verb_and_of_a_coordinated_verb(tokens):
    words = tokens("Le ministre Abdoulaye Diop est arrivé à Moscou et a rencontré Sergueï Lavrov.")
    subject = syntax.subject(words, find(words, "rencontré"))
    assert subject is not None and words[subject].text in {"ministre", "Diop"}
    said = tokens("Revenant sur la Russie, il a déclaré que Washington respectait ce choix.")
    assert said[syntax.subject(said, find(said, "déclaré"))].text == "il"


def test_negation_of_the_verb_not_of_its_neighbours(tokens):
    words = tokens("Il n'a toutefois pas rencontré le ministre de la Défense, Sadio Camara.")
    assert syntax.is_negated(words, find(words, "rencontré"))
    met = tokens("Il a rencontré le ministre des Affaires étrangères, qui n'a pas parlé.")
    assert not syntax.is_negated(met, find(met, "rencontré"))


def test_subtree_and_its_text(tokens):
    text = "Le conseiller américain Rudolph Atallah a rencontré le ministre malien à Bamako."
    words = tokens(text)
    assert words[syntax.root(words)].text == "rencontré"
    head = syntax.subject(words, syntax.root(words))
    assert syntax.text_of(text, words, syntax.subtree(words, head)) == "Le conseiller américain Rudolph Atallah"


def test_the_verbal_root_is_the_main_verb_when_the_parser_gives_two(tokens):
    words = tokens("Le président malien Assimi Goïta s'est rendu à Moscou.")
    assert words[syntax.root(words)].text == "rendu"
