"""Telling people's names from other capitalised words, and finding a surname's spellings.

Shared by the actors, selection and discrepancy stages, which must agree on what a name is; it
lives below them so that no stage borrows another's helpers.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz, process

from briefgen.french import fold
from briefgen.model import Sentence

# Capitalised words that start or make up places and institutions, never a person's name.
NOT_NAME = frozenset(
    fold(w)
    for w in """Affaires Afrique Africa Alliance Armée Assemblée Banque Blanche Bureau Burkina Centre Chambre
    Command Commission Confédération Conseil Coopération Corps Cour Défense Département Est État Etat États
    Etats Faso Fonds Force Forces Grand Groupe Information Islamique Maison Ministère Mission Nations Nord
    Office Ouest Presse Press République Sahara Sahel Saint Sécurité Sud Today Tribune Union Unis
    Le La Les Un Une Des Du De Pour Selon Dans Par Sur Avec Mais Et Ou Quant Cette Ces Ce Il Elle Ils Elles
    Général Lieutenant Président Ministre Monsieur Madame Lutte Accueil Blog""".split()
)  # fmt: skip
CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\w-]+")
# Surnames this similar (rapidfuzz ratio, folded) are spelling variants of one name.
SURNAME_SIMILARITY = 85


class OneSpelling:
    """Near spellings of these surnames spelt as given ("Attalah" -> "Atallah", "Goita" -> "Goïta"):
    one person, one name, whichever outlet's spelling the sentence had.

    Built once per brief: the surnames are folded once and grouped by initial, and each word's
    answer is kept, so a brief of 2,000 articles (thousands of surnames) is not folded again for
    every capitalised word of every English text."""

    def __init__(self, surnames: list[str]) -> None:
        self._by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for surname in surnames:
            folded = fold(surname)
            if folded:
                self._by_initial[folded[0]].append((folded, surname))
        self._usual: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        return CAPITALISED.sub(self._spelling, text) if self._by_initial else text

    def _spelling(self, match: re.Match[str]) -> str:
        word = match[0]
        if word not in self._usual:
            folded = fold(word)
            candidates = self._by_initial.get(folded[:1], [])
            self._usual[word] = next(
                (surname for spelt, surname in candidates if word != surname and near_spelling(folded, spelt)), word
            )
        return self._usual[word]


def near_spelling(word: str, surname: str) -> bool:
    """Two folded spellings of one surname: same initial, lengths within two letters, rapidfuzz
    ratio at least SURNAME_SIMILARITY; a word of four letters or fewer is too short to tell."""
    return (len(word) > 4 and word[0] == surname[0] and abs(len(word) - len(surname)) <= 2
            and fuzz.ratio(word, surname) >= SURNAME_SIMILARITY)


class SurnameIndex:
    """Which sentences name a surname, spelling slips included, without rescanning the corpus.

    Built once per brief: each sentence is folded and split once; a surname is looked up in the
    vocabulary (exact, or a near spelling of the same initial and length) and its sentences read
    from an inverted index, so finding every actor's mentions stays linear in corpus size.
    """

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self._index: dict[str, list[int]] = defaultdict(list)
        for i, sentence in enumerate(sentences):
            for word in set(re.findall(r"[a-z-]+", fold(sentence.text))):
                self._index[word].append(i)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self._index):
            self._by_initial[word[0]].append(word)

    def forms(self, name: str) -> set[str]:
        """The corpus spellings of the surname of `name` ("Atallah" -> {"atallah", "attalah"})."""
        surname = fold(name.split()[-1])
        near = process.extract(
            surname, self._by_initial.get(surname[0], []), scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=None
        )
        spellings = {w for w, _, _ in near if near_spelling(w, surname)}
        return spellings | ({surname} & self._index.keys())

    def naming(self, name: str) -> set[int]:
        """Indexes of the sentences naming `name`'s surname."""
        return {i for form in self.forms(name) for i in self._index[form]}
