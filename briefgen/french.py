"""French text normalisation shared by the summarisation stages: folding, content tokens, stems.

Hand-written on purpose: the stages need the same cheap, deterministic notion of "the same
words" for classification, cross-source merging and the timeline, without any model download.
"""

from __future__ import annotations

import re
import unicodedata

# Function words that carry no topic: articles, pronouns, auxiliaries, common verbs/adverbs.
# Written out (scikit-learn ships no French list); all accent-folded and lower-case.
STOP_WORDS = frozenset(
    """
    a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur
    leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se
    ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etee etes etre
    est sont sera seront serait etait etaient ont avait avaient aura aurait ai as avons avez
    fait faire plus moins tres tout tous toute toutes autre autres aussi ainsi alors apres avant
    comme donc deja encore entre depuis lors car si sans sous vers chez selon dont ou ci la
    cela celle celui ceux celles leur quand quoi quel quelle quels quelles peut peuvent pourrait
    pourraient doit ne ni non oui bien deux trois egalement notamment dit cas fois ans an jour
    jours mois annee cette afin part parts cadre
    """.split()
)
# Sentences opening on a pronoun or demonstrative lean on context the reader of a brief lacks.
# An aside between dashes (« de 2021 - qui avait marqué un durcissement ... -, la coopération »),
# the space before it included: without it the sentence reads whole.
DASH_ASIDE = r"\s[-–—]\s[^-–—]+?\s[-–—](?=[\s,.])"
ANAPHORIC = re.compile(r"^(?:il|elle|ils|elles|ce|cet|cette|ces|cela|ceci|celle|celui|lesdits|ladite)\b", re.I)
# « C'est ainsi que », « C'est pourquoi », « Ainsi, », « Mais », « De leur côté, »: a connective tying
# the sentence to the one before; a point opening on one dangles. Left out of the English (the quote keeps it).
DANGLING = re.compile(
    r"^(?:c['’]est\s+(?:ainsi|pourquoi|dans\s+ce\s+(?:cadre|contexte))(?:\s*,\s*|\s+)(?:que\s+|qu['’])?|ainsi,?\s+|mais\s+|et\s+"
    r"|or,\s+|en\s+effet,\s+|de\s+ce\s+fait,\s+|dès\s+lors,\s+|d['’]ailleurs,\s+|par\s+ailleurs,\s+"
    r"|de\s+(?:leur|son)\s+côté,\s+|pour\s+(?:leur|sa)\s+part,\s+)",
    re.I,
)
# Word characters: letters (with accents), digits, hyphen and apostrophe inside a word.
WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
# French elided prefixes stripped before stemming: l'armée -> armée, d'or -> or.
ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]")
# Stems are word prefixes: long enough to separate topics, short enough to join inflections
# (renseignement/renseignements, sécuritaire/sécurité fall together at 7 characters).
STEM_LENGTH = 7
# Words that are a person's title (« le ministre », « l'émissaire », « Rudy Atallah, directeur adjoint
# ... »): as a subject it stands for a person named earlier (attribution), after a name or before one
# it only describes them (excerpt).
PERSON_TITLES = frozenset(
    """ambassadeur ambassadrice chef colonel commandant conseiller conseillère coordinateur coordinatrice
    diplomate directeur directrice émissaire envoyé envoyée général ministre porte-parole président présidente
    représentant représentante responsable secrétaire""".split()
)
# One of them in a pattern, « sous- » before it included (« sous-secrétaire »).
PERSON_TITLE = rf"(?:sous-)?(?:{'|'.join(sorted(PERSON_TITLES))})"
# Job titles that open an apposition after a name ("Rudy Atallah, directeur adjoint ... nationale,").
# Only after a capitalised word: "Le 17 juin dernier, le président a posé..." is the main clause.
# Not PERSON_TITLES: with « général », « le ministre de la Défense, le général Sadio Camara » would
# lose the name as a title apposed to « Défense » (measured: the seeds' brief lost its point that
# Atallah met neither Goïta nor Camara).
TITLES = (
    "conseiller|conseillère|directeur|directrice|sous-secrétaire|secrétaire|ambassadeur|ambassadrice|"
    "envoyé|envoyée|chef|porte-parole|lieutenant-colonel|colonel|commandant|représentant|représentante|"
    "chargé|chargée|président|présidente|ministre"
)
APPOSED_TITLE = re.compile(
    rf"(?P<name>(?<![\w’'-])[A-ZÀ-Ý][\w’'-]*),\s+(?:le |la |l['’])?(?i:{TITLES})\b[^,;:«»()]*?(?=,|\.\s*$|$)"
)


# The combining marks of the Latin, Greek and Cyrillic scripts (the accents NFKD splits off): one
# regex pass is 4x faster than testing each character with unicodedata.combining.
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case without accents: 'Goïta' and 'Goita' compare equal."""
    return COMBINING.sub("", unicodedata.normalize("NFKD", text.lower())).replace("’", "'")


def without_titles(text: str) -> str:
    """The text minus job titles apposed to names: a title's words ("sécurité nationale",
    "lutte contre le terrorisme") say who someone is, not what the sentence is about."""
    return APPOSED_TITLE.sub(r"\g<name>", text)


def words(text: str) -> list[str]:
    """Folded words without elided articles."""
    return [ELISION.sub("", w) for w in WORD.findall(fold(text))]


def stems(text: str) -> list[str]:
    """Content stems: folded words minus stop words, cut to STEM_LENGTH characters."""
    return [w[:STEM_LENGTH] for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def normalise(text: str) -> str:
    """Whitespace-collapsed text, used to compare quotes with the source."""
    return " ".join(text.split())


# A quote of up to this many French words reads as one statement (see well_formed).
IDEAL_WORDS = 45


def well_formed(text: str, named: bool = False) -> tuple[int, int, int]:
    """How well a sentence stands alone as a quote: (quality flags, shortness beyond 45 words,
    length up to 45): of two long versions of one fact the shorter one spends less budget.
    `named`: the pronoun it opens on is a speaker the English names ("[Atallah] ...")."""
    n = len(text.split())
    flags = sum(
        (
            named or not ANAPHORIC.match(text),
            not DANGLING.match(text),
            text.rstrip().endswith("."),
            12 <= n <= IDEAL_WORDS,
            text.count("«") == text.count("»"),
        )
    )
    return flags, -max(n - IDEAL_WORDS, 0), min(n, IDEAL_WORDS)
