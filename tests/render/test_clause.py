"""Short footnotes quote the clause that carries the fact, never more than the budget, marked "…"."""

from __future__ import annotations

from briefgen.render.clause import MAX_WORDS, short_quote

STEVENS = (
    "Les États-Unis restent engagés dans la lutte contre le terrorisme et prêts à collaborer avec le Mali dans "
    "celle-ci, a annoncé, le 22 juillet dernier, le sous-secrétaire d'État adjoint pour l'Afrique de l'Ouest au "
    "département d'État et envoyé spécial des États-Unis au Sahel, William Stevens, au terme d'une visite de "
    "travail au Mali."
)
QUOTED = (
    "« Nous avons des équipements adéquats, des connaissances et des forces », a déclaré Rudy Atallah, directeur "
    "adjoint principal de la lutte contre le terrorisme au Conseil de Sécurité nationale à la Maison Blanche."
)


def words(text: str) -> int:
    return len(text.replace("…", " ").split())


def test_a_short_sentence_is_quoted_whole():
    sentence = "Selon des sources médiatiques, la CIA aurait récemment augmenté le partage de renseignements."
    assert short_quote(sentence) == sentence


def test_a_long_sentence_keeps_the_clause_with_the_date_and_the_verb():
    short = short_quote(STEVENS)
    assert words(short) <= MAX_WORDS and "…" in short
    assert "a annoncé, le 22 juillet dernier" in short
    assert " ".join(short.strip("…").split()) in " ".join(STEVENS.split())  # a stretch of the quote, in order


def test_a_quotation_is_preferred_over_the_speakers_titles():
    short = short_quote(QUOTED)
    assert short.startswith("« Nous avons des équipements adéquats") and short.endswith("…")
    assert "a déclaré Rudy Atallah" in short and "Maison Blanche" not in short


def test_one_clause_longer_than_the_budget_is_cut_at_a_word_with_an_ellipsis():
    clause = " ".join(f"mot{i}" for i in range(60))
    short = short_quote(clause)
    assert short == " ".join(f"mot{i}" for i in range(MAX_WORDS)) + "…"


def test_a_footnote_about_someone_quotes_the_stretch_naming_them():
    both = ("La visite à Bamako du diplomate William Stevens intervient après plusieurs mois de tractations, "
            "notamment avec le passage au début du mois du directeur adjoint principal de la lutte contre le "
            "terrorisme au Conseil de sécurité nationale, Rudolph Atallah, reçu par le ministre Abdoulaye Diop.")
    assert "Stevens" in short_quote(both, about=("Stevens",))
    assert "Atallah" in short_quote(both, about=("Atallah",)) and "Stevens" not in short_quote(both, about=("Atallah",))
