"""The domain lexicon of the rule-based engine: fixes for what the French->Catalan->English pivot gets wrong.

Four kinds of entries (briefgen/data/lexicon.toml, built and checked by benchmarks/lexicon_audit.py):
  terms     French words and phrases -> English, protected by placeholders like glossary terms
            (titles, institutions, nouns whose Catalan has the wrong English sense);
  demonyms  French adjective forms the pivot leaves in Catalan ("malienc") or misreads
            (« sécuritaire »): each is swapped before translation for the same form of a carrier
            adjective both stages know ("norvégiens"), so Apertium still orders and agrees it
            ("the Norwegian soldiers"), then the carrier's English is replaced ("the Malian soldiers");
  senses    French stem -> {wrong English: right English}: applied to the English only when the
            French sentence holds a word with that stem ("rencontré" gives "found": "met"); the wrong
            English is a regular expression, most often a plain word;
  pivot     Catalan words the cat-eng stage does not know -> English.
Words neither stage knows are never shown as Catalan: they come back as the French word between
asterisks (`*mutualiser*`, Markdown's emphasis; italics in the DOCX), counted by `untranslated`.
Constructions (possessives, tenses, lists, prepositions) are grammar.py's, applied around the entries.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from briefgen.model import UNTRANSLATED
from briefgen.translate import grammar, protect
from briefgen.translate.protect import PLACEHOLDER

LEXICON_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicon.toml"
# Apertium's marks (run without -u): `*` unknown to a stage's analyser (`**` to both), `@` no
# bilingual entry, `#` no generated form. A word may carry several from the two stages.
MARKED = re.compile(r"(?<![\w*#@])([*#@]+)(\w[\w'’·-]*)")  # "·": Catalan "intranquil·lament"
# fra-cat does not know a sentence-initial "À" (it knows "A", as French often writes it): "À Djibo, ..."
# would stay French.
CAPITAL_A_GRAVE = re.compile(r"^À (?=\w)")
# Shorter marked tokens are letters or symbols ("<b>", "x"), not words a reader needs translated.
MIN_WORD = 3
# Code that shapes the engine's English besides the entries and grammar.py: the pre- and post-edits
# here, the placeholders and the engine's own (short quotations, apertium.py). The cache key covers
# it all (see Lexicon.digest).
EDIT_FILES = (__file__, protect.__file__, str(Path(__file__).with_name("apertium.py")))
# "n'a toutefois pas rencontré" comes out "does not have however not found": the auxiliary is read
# as the verb "avoir" once an adverb separates it from "pas". Put the negation back on the auxiliary.
NEGATED_AUX = re.compile(
    r"\b(?P<aux>does|do) not have,? (?P<adv>however|nevertheless|therefore|yet|thus|also|still|never|ever|"
    r"always|already|truly|really|even|nonetheless)(?:,? not)? ",
    re.IGNORECASE,
)
# "du 8 au 11 juillet 2025" comes out "of the 8 at the July 11, 2025"; "du 3 au 14 février" (no year)
# "of the 3 at 14 February".
DATE_RANGE = re.compile(
    rf"\b([Oo]f) the (?P<first>\d{{1,2}}) at (?:the (?P<month>{grammar.MONTHS}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}}) (?P<month2>{grammar.MONTHS})\b)"
)
NEGATED_BE = re.compile(r"\b(?P<be>is|are|was|were) not\s+(?P<adv>however|nevertheless|therefore|yet|thus) not ")
# What the negated adverb becomes after the auxiliary: "never" and "still" carry the negation themselves.
NEGATED_ADVERB = {"never": "never", "still": "not yet", "ever": "never", "always": "not always"}


@dataclass(frozen=True)
class Demonym:
    english: str  # adjective; the plural noun adds "s" unless it ends in "ese" or "è"
    forms: tuple[str, str, str, str]  # masculine singular, feminine singular, masculine plural, feminine plural

    def plural(self) -> str:
        return self.english if self.english.endswith(("ese", "è", "s")) else self.english + "s"


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[tuple[str, str], ...]
    demonyms: tuple[Demonym, ...]
    carriers: tuple[Demonym, ...]  # adjectives both Apertium stages translate right
    senses: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (French stem, ((wrong, right), ...))
    pivot: tuple[tuple[str, str], ...]  # (Catalan, English)
    grammar: bool = True  # the construction rules of grammar.py (off only to measure the engine alone)

    def __len__(self) -> int:
        """Entries, counting each inflected form and each sense fix."""
        return len(self.terms) + 4 * len(self.demonyms) + sum(len(f) for _, f in self.senses) + len(self.pivot)

    def digest(self) -> str:
        demonyms = [[(d.english, d.forms) for d in kind] for kind in (self.demonyms, self.carriers)]
        payload = json.dumps([self.terms, demonyms, self.senses, self.pivot]).encode("utf-8")
        # The rules decide the output as much as the entries: a changed rule must miss the cache.
        files = (grammar.__file__, *EDIT_FILES) if self.grammar else EDIT_FILES
        rules = b"".join(Path(f).read_bytes() for f in files)
        return hashlib.sha256(payload + rules).hexdigest()[:12]


@dataclass(frozen=True)
class PreEdited:
    text: str  # the French sent to Apertium
    carried: tuple[tuple[str, Demonym], ...]  # (carrier English, the demonym it stands for)
    also: int = 0  # « également » taken out after an auxiliary, put back as "also" (grammar.py)


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    with path.open("rb") as f:
        data = tomllib.load(f)
    return Lexicon(
        terms=tuple(sorted(data["terms"].items())),
        demonyms=tuple(Demonym(en, tuple(forms)) for en, forms in sorted(data["demonyms"].items())),
        carriers=tuple(Demonym(en, tuple(forms)) for en, forms in data["carriers"].items()),
        senses=tuple(
            # Longest wrong English first: "throw benefit of" before "throw benefit".
            (stem, tuple(sorted(entry["fix"].items(), key=lambda fix: (-len(fix[0]), fix[0]))))
            for stem, entry in sorted(data["senses"].items())
        ),
        pivot=tuple(sorted(data["pivot"].items())),
    )


def pre_edit(sentence: str, lexicon: Lexicon) -> PreEdited:
    """The French for Apertium: grammar.py's edits, then each demonym of the lexicon swapped for a
    carrier adjective's form (one carrier per demonym)."""
    sentence = CAPITAL_A_GRAVE.sub("A ", sentence)
    also = 0
    if lexicon.grammar:
        sentence, also = grammar.pre_edit(sentence)
    free = [c for c in lexicon.carriers if not _mentions(sentence, c)]
    carried = []
    for demonym in lexicon.demonyms:
        # A carrier with the same agreement pattern: « sécuritaire » (one form for both genders)
        # carried by « norvégien » would make « la coopération norvégien », which the pivot misreads.
        fitting = [c for c in free if _same_gender_forms(c) == _same_gender_forms(demonym)]
        if not fitting or not _mentions(sentence, demonym):
            continue
        carrier = fitting[0]
        free.remove(carrier)
        for form, carrier_form in zip(demonym.forms, carrier.forms):
            sentence = re.sub(
                rf"(?<![\w-]){re.escape(form)}(?![\w-])",
                lambda m, c=carrier_form: c.capitalize() if m.group()[0].isupper() else c,
                sentence,
                flags=re.IGNORECASE,
            )
        carried.append((carrier.english, demonym))
    return PreEdited(sentence, tuple(carried), also)


def post_edit(english: str, french: str, edited: PreEdited, lexicon: Lexicon, back: dict[str, str]) -> str:
    """Apertium's marked output -> clean English: carriers, senses, negation, dates, unknown words, grammar."""
    for carrier_english, demonym in edited.carried:
        english = re.sub(rf"\b{carrier_english}s\b", demonym.plural(), english)
        english = re.sub(rf"\b{carrier_english}\b", demonym.english, english)
    english = _unmark(english, french, dict(lexicon.pivot), back)
    for stem, fixes in lexicon.senses:
        if re.search(rf"(?<!\w){re.escape(stem)}", french, re.IGNORECASE):
            for wrong, right in fixes:
                english = _replace_word(english, wrong, right)
    english = fix_dates(fix_negation(english))
    return grammar.post_edit(english, french, edited.also) if lexicon.grammar else english


def fix_dates(english: str) -> str:
    """"the 22 of July" -> "22 July"; "Of the 8 at the July 11, 2025" -> "From 8 to 11 July 2025"."""
    english = re.sub(rf"^The (\d{{1,2}}) of ({grammar.MONTHS})\b", r"On \1 \2", english)
    english = re.sub(rf"\b(?:[Tt]he )?(\d{{1,2}}) of ({grammar.MONTHS})\b", r"\1 \2", english)
    # « en août 2023 » came out "at the August 2023".
    english = re.sub(rf"\b(?:at|in) the (?=(?:{grammar.MONTHS}) \d{{4}}\b)", "in ", english)
    return DATE_RANGE.sub(lambda m: f"{'F' if m.group(1)[0] == 'O' else 'f'}rom {m['first']} to "
                          + (f"{m['day']} {m['month']} {m['year']}" if m["month"] else f"{m['day2']} {m['month2']}"),
                          english)


def fix_negation(english: str) -> str:
    """"does not have however not found" -> "has not, however, found" (and "never", "not yet")."""

    def aux(m: re.Match) -> str:
        have = "has" if m.group("aux").lower() == "does" else "have"
        have = have.capitalize() if m.group("aux")[0].isupper() else have
        adverb = m.group("adv").lower()
        if adverb in NEGATED_ADVERB:
            return f"{have} {NEGATED_ADVERB[adverb]} "
        return f"{have} not, {adverb}, "

    english = NEGATED_AUX.sub(aux, english)
    return NEGATED_BE.sub(lambda m: f"{m.group('be')} not, {m.group('adv')}, ", english)


def untranslated(english: str) -> list[str]:
    """The French words left untranslated in `english` (written `*word*`)."""
    return UNTRANSLATED.findall(english)


def catalan_unknowns(english: str, french: str, lexicon: Lexicon) -> set[str]:
    """Marked words that are Catalan (not French, not a placeholder) and that the lexicon lacks."""
    pivot = dict(lexicon.pivot)
    return {
        word
        for marks, word in MARKED.findall(english)
        if _kind(marks, word, _words(french)) == "catalan" and word.casefold() not in pivot
    }


def _unmark(english: str, french: str, pivot: dict[str, str], back: dict[str, str]) -> str:
    """`back` maps Catalan words the lexicon lacks to French (Apertium's cat-fra)."""
    french_words = _words(french)

    def clean(m: re.Match) -> str:
        marks, word = m.groups()
        kind = _kind(marks, word, french_words)
        if kind == "keep":
            return word
        if kind == "french":
            return f"*{word}*"
        english_word = pivot.get(word.casefold())
        if english_word is not None:
            return english_word.capitalize() if word[0].isupper() and english_word.islower() else english_word
        return f"*{back.get(word, word)}*"  # Catalan never reaches the reader: show the French

    return MARKED.sub(clean, english)


def _kind(marks: str, word: str, french_words: set[str]) -> str:
    """"keep" (placeholder, name, English lemma), "french" (left untranslated) or "catalan"."""
    if PLACEHOLDER.fullmatch(word) or marks == "#" or len(word) < MIN_WORD or any(c.isdigit() for c in word):
        return "keep"
    if word.casefold() in french_words:
        return "keep" if word[0].isupper() else "french"
    return "catalan"


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w[\w'’-]*", text)}


def _replace_word(english: str, wrong: str, right: str) -> str:
    """Whole-word replacement keeping an initial capital, with "a"/"an" agreeing with the new word."""

    def keep_case(m: re.Match) -> str:
        word = right[:1].upper() + right[1:] if m.group("wrong")[0].isupper() else right
        article = m.group("article")
        if article:
            article = article[0] + ("n" if word[0].lower() in "aeio" else "")
        return f"{article} {word}" if article else word

    pattern = rf"(?:(?<![\w-])(?P<article>an?) )?(?P<wrong>{wrong_pattern(wrong)})"
    return re.sub(pattern, keep_case, english, flags=re.IGNORECASE)


def wrong_pattern(wrong: str) -> str:
    """A sense entry's wrong English as a whole-word regular expression (use it case-insensitively)."""
    before = r"(?<![\w-])" if wrong[0].isalnum() else ""
    after = r"(?![\w-])" if wrong[-1].isalnum() else ""
    return f"{before}{wrong}{after}"


def _same_gender_forms(adjective: Demonym) -> bool:
    return adjective.forms[0] == adjective.forms[1]


def _mentions(sentence: str, demonym: Demonym) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", sentence, re.IGNORECASE) for f in demonym.forms)
