"""The domain lexicon against real Apertium: every entry of briefgen/data/lexicon.toml in a French
sentence, the negation and date rules, unknown words, and the sample brief read for Catalan/French."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.translate import apertium
from briefgen.translate.apertium import ApertiumTranslator
from briefgen.translate.glossary import load_glossary
from briefgen.translate.lexicon import LEXICON_FILE, fix_dates, fix_negation, load_lexicon, untranslated, wrong_pattern
from briefgen.translate.stage import translate_protected
from conftest import BRIEFGEN_EXE, SEEDS

pytestmark = pytest.mark.skipif(not apertium.apertium_available(), reason="Apertium fra-cat/cat-eng not installed")

LEXICON = load_lexicon()
RAW = tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8"))
# Each term is read in this sentence.
TERM_FRAME = "Le journal évoque {} depuis lundi."
# One sentence per demonym form, and the English each must give (Apertium puts the adjective first).
DEMONYM_FRAMES = (
    ("Le gouvernement {} a répondu.", "the {} government"),
    ("La délégation {} est arrivée.", "the {} delegation"),
    ("Les soldats {} sont partis.", "the {} soldiers"),
    ("Les autorités {} ont réagi.", "the {} authorities"),
)
APERTIUM_DATA = Path("/usr/share/apertium")
ANALYSERS = {
    "en": APERTIUM_DATA / "apertium-eng-cat" / "eng-cat.automorf.bin",
    "ca": APERTIUM_DATA / "apertium-eng-cat" / "cat-eng.automorf.bin",
    "ca-fr": APERTIUM_DATA / "apertium-fra-cat" / "cat-fra.automorf.bin",  # Catalan as fra-cat writes it
    "fr": APERTIUM_DATA / "apertium-fra-cat" / "fra-cat.automorf.bin",
}
# What the policy reader quoted from the sample brief before the lexicon (issue 14): wrong English
# and Catalan (never in a French source, so never in the DOCX either), then French left in English.
QUOTED_RENDERINGS = [
    "reversals", "a command where", "maintenance", "the silver", "does not have", "Under Secretary",
    "required", "Band Wagner", "pretend", "sheet of path", "bilateral accounts", "commands of the health",
    "the gentleman", "Tinent", "malienc", "fonts", "mediàtiques", "ègida", "dron ", "tractacions",
]
QUOTED_FRENCH = ["mutualiser", "Maison Blanche", "Conseil de Sécurité", "Bureau de l", "Alliance des Etats",
                 "Groupe Wagner", "Vladimir Poutine"]


def _term_sentences() -> list[tuple[str, str, str]]:
    """(French term, sentence, English) for every [terms] entry."""
    return [(french, TERM_FRAME.format(french), english) for french, english in RAW["terms"].items()]


def _demonym_sentences() -> list[tuple[str, str, str]]:
    return [
        (form, frame.format(form), expected.format(d.english))
        for d in LEXICON.demonyms
        for form, (frame, expected) in zip(d.forms, DEMONYM_FRAMES)
    ]


TERMS = _term_sentences()
DEMONYMS = _demonym_sentences()
SENSES = [(stem, entry["example"], entry["fix"]) for stem, entry in RAW["senses"].items()]


@pytest.fixture(scope="module")
def engine() -> ApertiumTranslator:
    return ApertiumTranslator()


@pytest.fixture(scope="module")
def english(engine) -> dict[str, str]:
    """Every test sentence translated once, as `briefgen build` does (lexicon terms protected)."""
    sentences = [s for _, s, _ in TERMS + DEMONYMS + SENSES]
    return translate_protected(sentences, engine, load_glossary(None, engine.terms), 64)


@pytest.fixture(scope="module")
def without_lexicon() -> dict[str, str]:
    """The same sentences with the glossary but no lexicon sense fixes: what those entries fix."""
    bare = ApertiumTranslator(replace(LEXICON, senses=()))
    return translate_protected([s for _, s, _ in SENSES], bare, load_glossary(None, bare.terms), 64)


def test_the_lexicon_has_several_hundred_entries():
    assert len(LEXICON) >= 300


@pytest.mark.parametrize(("french", "sentence", "english_term"), TERMS, ids=[t[0] for t in TERMS])
def test_term(english, french, sentence, english_term):
    out = english[sentence]
    assert english_term.casefold() in out.casefold(), out
    assert not untranslated(out) and "*" not in out, out


@pytest.mark.parametrize(("form", "sentence", "expected"), DEMONYMS, ids=[d[0] + str(i % 4) for i, d in enumerate(DEMONYMS)])
def test_demonym_is_english_and_before_its_noun(english, form, sentence, expected):
    out = english[sentence]
    assert expected.casefold() in out.casefold(), out
    assert "*" not in out, out


@pytest.mark.parametrize(("stem", "sentence", "fixes"), SENSES, ids=[s[0] for s in SENSES])
def test_sense_fix_is_needed_and_applied(english, without_lexicon, stem, sentence, fixes):
    before, after = without_lexicon[sentence], english[sentence]
    wrong = [w for w in fixes if re.search(wrong_pattern(w), before, re.IGNORECASE)]
    assert wrong, f"the pivot no longer says any of {list(fixes)} here: {before!r}; drop the entry"
    for w in wrong:
        assert not re.search(wrong_pattern(w), after, re.IGNORECASE), after
    assert any(fixes[w].casefold() in after.casefold() for w in wrong), after


@pytest.mark.parametrize(("catalan", "english_word"), LEXICON.pivot)
def test_pivot_word_is_unknown_to_cat_eng_and_mapped(engine, catalan, english_word):
    raw = subprocess.run(["apertium", "cat-eng"], input=catalan, capture_output=True, text=True, check=True).stdout
    assert raw.strip() == f"*{catalan}", "cat-eng knows this word now; drop the entry"
    assert dict(LEXICON.pivot)[catalan] == english_word


@pytest.mark.parametrize("carrier", LEXICON.carriers, ids=[c.english for c in LEXICON.carriers])
def test_carriers_are_known_to_both_stages(engine, carrier):
    out = engine.translate_batch([frame.format(form) for form, (frame, _) in zip(carrier.forms, DEMONYM_FRAMES)])
    expected = [english.format(carrier.english) for _, english in DEMONYM_FRAMES]
    assert [e.casefold() in line.casefold() for e, line in zip(expected, out)] == [True] * 4, out


def test_negation_with_an_adverb_is_not_a_double_negative(engine):
    out = engine.translate_batch(["Rudy Atallah n'a toutefois pas rencontré le ministre de la Défense."])[0]
    assert "has not, however, met" in out
    assert "does not have" not in out and "not found" not in out


@pytest.mark.parametrize(
    ("pivot_english", "fixed"),
    [
        ("It does not have however not found the minister.", "It has not, however, found the minister."),
        ("It does not have never found the minister.", "It has never found the minister."),
        ("It does not have still found the minister.", "It has not yet found the minister."),
        ("They do not have nevertheless signed.", "They have not, nevertheless, signed."),
        ("They are not  however not found.", "They are not, however, found."),
        ("It has not found the minister.", "It has not found the minister."),
    ],
)
def test_fix_negation(pivot_english, fixed):
    assert fix_negation(pivot_english) == fixed


@pytest.mark.parametrize(
    ("pivot_english", "fixed"),
    [
        ("The 22 of July, the minister arrived.", "On 22 July, the minister arrived."),
        ("He stays until the 26 of June.", "He stays until 26 June."),
        ("Of the 8 at the July 11, 2025, he visited.", "From 8 to 11 July 2025, he visited."),
        ("He stayed of the 3 at 14 February.", "He stayed from 3 to 14 February."),
        ("Wednesday 9 of July", "Wednesday 9 July"),
        ("The prices lowered at the August 2023 after the harvest.", "The prices lowered in August 2023 after the harvest."),
        ("Since the suspension, in the August 2023, the cuts last.", "Since the suspension, in August 2023, the cuts last."),
        ("He left at the end of August 2023.", "He left at the end of August 2023."),
    ],
)
def test_fix_dates(pivot_english, fixed):
    assert fix_dates(pivot_english) == fixed


def test_a_french_word_no_stage_knows_stays_french_in_italics_and_is_counted(engine):
    out = engine.translate_batch(["Les pays veulent mutualiser les moyens."])[0]
    assert "*mutualiser*" in out
    assert untranslated(out) == ["mutualiser"]


def test_a_catalan_word_the_lexicon_lacks_comes_back_as_french():
    bare = ApertiumTranslator(replace(LEXICON, pivot=()))
    out = bare.translate_batch(["Après des mois de tractations, un accord a été trouvé."])[0]
    assert "tractacions" not in out
    assert untranslated(out) == ["tractations"]


def test_a_sentence_starting_with_a_capital_a_grave_is_translated(engine):
    assert engine.translate_batch(["À Djibo, les habitants décrivent une ville sous tension."])[0].startswith("At Djibo, the")


def test_demonyms_of_one_sentence_each_get_their_own_carrier(engine):
    out = engine.translate_batch(["Les soldats maliens et nigériens ont rejoint les forces burkinabè."])[0]
    assert "Malian and Nigerien soldiers" in out and "Burkinabè forces" in out, out
    assert "Norwegian" not in out and "Austrian" not in out and "Icelandic" not in out


# --- the sample brief, read for foreign words -------------------------------------------------


def _unknown_to(analyser: Path, words: list[str]) -> set[str]:
    out = subprocess.run(["lt-proc", "-w", str(analyser)], input="\n".join(words), capture_output=True,
                         text=True, check=True).stdout
    return {m.group(1) for m in re.finditer(r"\^([^/$]+)/\*", out)}


def foreign_words(texts: list[str]) -> set[str]:
    """Lower-case words English does not know but Catalan or French does; and `*untranslated*` ones."""
    found = {w for t in texts for w in untranslated(t)}
    words = sorted({w for t in texts for w in re.findall(r"(?<![\w*])[a-zà-ÿ][a-zà-ÿ'-]{2,}(?![\w*])", t)})
    not_english = _unknown_to(ANALYSERS["en"], words)
    unknown_everywhere = set(not_english)
    for language in ("ca", "ca-fr", "fr"):
        unknown_everywhere &= _unknown_to(ANALYSERS[language], sorted(not_english))
    return found | (not_english - unknown_everywhere)


def test_the_detector_finds_catalan_and_french():
    assert foreign_words(["the ministers maliencs and the authorities malienques", "to mutualiser the resources",
                          "the *mutualiser* resources", "the Malian government met"]) == {
        "maliencs", "malienques", "mutualiser"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[dict, Path]:
    """The sample brief as `make brief` gives it on a machine with only Apertium."""
    out = tmp_path_factory.mktemp("sample")
    env = {**os.environ, "XDG_CACHE_HOME": str(out / "cache"), "SOURCE_DATE_EPOCH": "1758000000"}
    subprocess.run([str(BRIEFGEN_EXE), "build", str(SEEDS), "--out", str(out), "--engine", "apertium",
                    "--format", "docx,json", "--quiet"], env=env, check=True)
    return json.loads((out / "brief-2025-W38.json").read_text(encoding="utf-8")), out / "brief-2025-W38.docx"


def _english_fields(brief: dict) -> list[str]:
    points = [p["en"] for s in brief["sections"] for p in s["points"]] + [p["en"] for p in brief["key_judgements"]]
    actors = [a["name_en"] for a in brief["actors"] if a["name_en"]] + [a["role_en"] for a in brief["actors"] if a["role_en"]]
    values = [v["value_en"] for d in brief["discrepancies"] for v in d["versions"] if v["value_en"]]
    return points + [t["en"] for t in brief["timeline"]] + actors + values


def test_sample_brief_has_no_catalan_or_french_in_english_fields(sample):
    brief, docx = sample
    texts = _english_fields(brief)
    assert foreign_words(texts) == set()
    for quoted in QUOTED_RENDERINGS + QUOTED_FRENCH:
        assert not [t for t in texts if quoted in t], quoted
    listed = [a for a in brief["actors"] if a["name_en"]]
    assert {"White House", "Wagner Group", "Alliance of Sahel States", "Vladimir Putin"} <= {a["name_en"] for a in listed}


def test_sample_docx_shows_the_same_english(sample):
    from docx2python import docx2python

    brief, docx = sample
    with docx2python(docx) as document:
        body = " ".join(document.text.split())
    for text in _english_fields(brief)[:10] + [a["name_en"] for a in brief["actors"] if a["name_en"]][:10]:
        assert " ".join(text.split()) in body
    assert [q for q in QUOTED_RENDERINGS if q in body] == []
