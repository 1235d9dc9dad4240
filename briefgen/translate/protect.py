"""Carry glossary terms, names and acronyms through MT untouched, using placeholders.

Before MT each protected span becomes a placeholder such as `XKA`: capitals, no digits, no
repeated letter, not a word in any language. Measured: Apertium (`-u`) passed all 111 placeholders
of the seed sentences through; the OPUS-MT model of our Argos test package (zh->en) kept all five
placeholders in 38 of 40 sentences (`QQKA`-style ones: 29 of 40, as subword models re-split repeated
letters into "QQQKA"). After MT each placeholder must appear exactly
once; then it is replaced by the English rendering (glossary) or the original text (names). If
one went missing, the caller translates the plain sentence instead and `repair` puts back what
it can: acronym capitals and glossary terms the engine passed through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_uppercase

from briefgen.translate.glossary import Glossary, Match, is_acronym

PLACEHOLDER_PREFIX = "XK"
PLACEHOLDER = re.compile(rf"(?<!\w){PLACEHOLDER_PREFIX}[A-Z]+(?!\w)", re.IGNORECASE)
# A capitalised word (hyphenated parts allowed: "Al-Qaïda", "Saint-Pétersbourg").
CAP_WORD = r"[A-ZÀ-ÖØ-Þ][\w-]*"
# Two or more capitalised words in a row: people, places, organisations ("Rudy Atallah").
NAME_RUN = re.compile(rf"(?<!\w){CAP_WORD}(?:[ \u00a0]{CAP_WORD})+(?!\w)")
ARTICLE_BEFORE_PLACEHOLDER = re.compile(rf"\b(?P<a>[Aa]n?) (?P<token>{PLACEHOLDER.pattern})", re.IGNORECASE)
ACRONYM_WORD = re.compile(r"(?<!\w)[A-Z][A-Z0-9]+(?!\w)")
# Capitalised French function words that start sentences: never the first word of a name.
NOT_NAME_START = frozenset(
    "Le La Les L Un Une Des Du De D Au Aux En Dans Selon Pour Par Sur Sous Avec Sans Mais Et Ou "
    "Il Elle Ils Elles Ce Cet Cette Ces Son Sa Ses Leur Leurs Si Lors Après Avant Depuis Pendant "
    "Nous Vous On Quid Pas Toutefois Ainsi Alors Enfin Car Donc Or Ni Entre Vers Chez Contre "
    "Durant Malgré Outre Quant Comme Même Tous Toutes Tout Cependant Pourtant Aujourd".split()
)

# « renoué »: a quotation of at most QUOTE_WORDS words. Apertium moves words across quotation marks
# (« ainsi « renoué » avec » came out "restarted « » with"), so the rule-based engine translates
# such a quotation on its own and carries it through the sentence as a placeholder, like a name.
SHORT_QUOTE = re.compile(r"«\s*(?P<words>[^«»,.;:!?]+?)\s*»")
QUOTE_WORDS = 3  # longer quotations are clauses: the engine keeps them between their marks


@dataclass(frozen=True)
class Masked:
    source: str  # the original French sentence
    text: str  # the sentence sent to the engine
    slots: tuple[tuple[str, str], ...]  # (placeholder, text that replaces it after MT)


def placeholder(index: int) -> str:
    """XKA, XKB, ... XKZ, XKBA, ...: letters only, so engines treat it as one unknown word."""
    letters = ""
    while True:
        index, rest = divmod(index, len(ascii_uppercase))
        letters = ascii_uppercase[rest] + letters
        if index == 0:
            return PLACEHOLDER_PREFIX + letters


def protected_spans(sentence: str, glossary: Glossary) -> list[Match]:
    """Glossary terms first, then names and acronyms that do not overlap a term."""
    spans = [_in_parentheses(sentence, m) for m in glossary.matches(sentence)]
    for start, end in _names(sentence):
        if all(end <= s.start or start >= s.end for s in spans):
            spans.append(Match(start, end, sentence[start:end]))
    return sorted(spans, key=lambda s: s.start)


def mask(sentence: str, glossary: Glossary) -> Masked:
    spans = protected_spans(sentence, glossary)
    if PLACEHOLDER.search(sentence):  # the text already looks like a placeholder: do not mask
        spans = []
    parts, slots, cursor = [], [], 0
    for index, span in enumerate(spans):
        token = placeholder(index)
        parts += [sentence[cursor : span.start], token]
        slots.append((token, span.english))
        cursor = span.end
    parts.append(sentence[cursor:])
    return Masked(sentence, "".join(parts), tuple(slots))


def mask_quotes(sentence: str) -> Masked:
    """Short quotations as placeholders (ones the sentence does not hold); the slots keep their French."""
    used = {m.group().upper() for m in PLACEHOLDER.finditer(sentence)}
    free = (token for token in map(placeholder, range(len(used) + len(sentence))) if token not in used)
    slots: list[tuple[str, str]] = []

    def carry(m: re.Match) -> str:
        if len(m["words"].split()) > QUOTE_WORDS:
            return m.group()
        slots.append((next(free), m["words"]))
        return slots[-1][0]

    return Masked(sentence, SHORT_QUOTE.sub(carry, sentence), tuple(slots))


def unmask(translation: str, masked: Masked) -> str | None:
    """The translation with placeholders replaced, or None if any did not survive exactly once."""
    found = [m.group().upper() for m in PLACEHOLDER.finditer(translation)]
    expected = [token for token, _ in masked.slots]
    if sorted(found) != sorted(expected):
        return None
    replacement = dict(masked.slots)

    def fill(m: re.Match) -> str:
        text = replacement[m.group().upper()]
        return text[:1].upper() + text[1:] if m.start() == 0 else text

    def article(m: re.Match) -> str:
        """The engine chose "a" or "an" for a placeholder; the English that replaces it decides."""
        vowel = replacement[m["token"].upper()].lstrip("« *")[:1].lower() in "aeiou"  # a quotation's first word
        return m["a"][0] + ("n" if vowel else "") + " " + m["token"]

    return PLACEHOLDER.sub(fill, ARTICLE_BEFORE_PLACEHOLDER.sub(article, translation))


def repair(translation: str, source: str, glossary: Glossary) -> str:
    """Best effort for a plain (unmasked) translation: acronym capitals back, passed-through terms."""
    for acronym in sorted({m.group() for m in ACRONYM_WORD.finditer(source)}):
        translation = re.sub(rf"(?<!\w){re.escape(acronym)}(?!\w)", acronym, translation, flags=re.IGNORECASE)
    for match in reversed(glossary.matches(translation)):
        translation = translation[: match.start] + match.english + translation[match.end :]
    return translation


def _in_parentheses(sentence: str, match: Match) -> Match:
    """"(AES)" after the full name stays "(AES)", not "(Alliance of Sahel States (AES))"."""
    french = sentence[match.start : match.end]
    enclosed = sentence[match.start - 1 : match.start] == "(" and sentence[match.end : match.end + 1] == ")"
    if enclosed and f"({french})" in match.english:
        return Match(match.start, match.end, french)
    return match


def _names(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for m in NAME_RUN.finditer(sentence):
        words = m.group().split()
        start = m.start()
        while words and words[0] in NOT_NAME_START:
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) >= 2:
            spans.append((start, m.end()))
    spans += [(m.start(), m.end()) for m in ACRONYM_WORD.finditer(sentence) if is_acronym(m.group())]
    return _without_overlaps(spans)


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
