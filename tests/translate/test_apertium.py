"""Real Apertium (fra-cat | cat-eng): alignment, special characters, one process per batch."""

from __future__ import annotations

import re
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from briefgen.errors import EngineUnavailableError
from briefgen.translate import apertium
from briefgen.translate.apertium import SEPARATOR_WORD, ApertiumTranslator
from briefgen.translate.glossary import load_glossary
from briefgen.translate.stage import translate_protected

pytestmark = pytest.mark.skipif(not apertium.apertium_available(), reason="Apertium fra-cat/cat-eng not installed")

# Copied from seeds/: they carry glossary terms, names and acronyms.
SEED_SENTENCES = [
    "Rudy Atallah, conseiller de Donald Trump pour la lutte antiterroriste, s'est rendu au Mali où il a été "
    "reçu mercredi 9 juillet par le ministre des Affaires étrangères Abdoulaye Diop.",
    "Du 8 au 11 juillet 2025, Rudolph Atallah, directeur adjoint principal pour la lutte contre le terrorisme "
    "au Conseil de sécurité nationale des États-Unis, a effectué une visite officielle à Bamako.",
    "Cette coopération aurait potentiellement permis une frappe de drone ciblant des dirigeants d'Al-Qaïda au "
    "Maghreb islamique (AQMI) au Mali à la fin du mois de juillet.",
    "Quid du partenariat de l'armée malienne avec l'Africa Corps russe ?",
    "C’est pourquoi, dit-il, son pays encourage la création de la force conjointe de l’AES pour mutualiser "
    "les ressources et le renseignement.",
]


@pytest.fixture(scope="module")
def engine() -> ApertiumTranslator:
    return ApertiumTranslator()


MARKER = re.compile(r"Mkp[a-z]")
# Each sentence carries its own unknown word (Mkpa, Mkpb, ...) so we can see where it ended up.
NASTY = [
    "Le ministre a reçu\nle président Mkpa.",
    "Mkpb coûte 5 * 3 # 2 @ midi",
    "",
    "Mkpc <b>gras</b> et ^mot$ entre [crochets]",
    "Mkpd a\\b c/d {e} et la fin",
    "   ",
    "Mkpe\n\nparagraphe\n\nsuivant",
    "Mkpf ^$[]{}<>@#*\\/",
    "Mkpg",
]


def test_alignment_is_exact_with_special_characters(engine):
    out = engine.translate_batch(NASTY)
    assert len(out) == len(NASTY)
    assert out[2] == "" and out[5] == ""
    for source, english in zip(NASTY, out):
        assert MARKER.findall(english) == MARKER.findall(source)
        assert "\n" not in english
    assert "*" in out[1] and "#" in out[1] and "@" in out[1]
    assert "^word$" in out[3] and "[" in out[3] and "<b>" in out[3]
    assert "a\\b" in out[4].replace("has\\b", "a\\b") and "c/d" in out[4] and "{e}" in out[4]
    assert "^$[]{}<>@#*\\/" in out[7]


def test_separator_word_inside_a_sentence_keeps_alignment(engine):
    out = engine.translate_batch([f"Le mot {SEPARATOR_WORD} est ici.", "Bonjour Mkpz."])
    assert len(out) == 2 and SEPARATOR_WORD in out[0] and "Mkpz" in out[1]


def test_one_process_pipeline_per_batch(engine, monkeypatch):
    calls = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):
        calls.append(args)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(apertium.subprocess, "run", counting_run)
    out = engine.translate_batch([f"Le Mkp{c} est parti." for c in "abcdefghij"])
    assert len(out) == 10 and len(calls) == 1


def test_batched_matches_one_at_a_time(engine):
    batched = engine.translate_batch(SEED_SENTENCES)
    single = [engine.translate_batch([s])[0] for s in SEED_SENTENCES]
    for b, s in zip(batched, single):
        assert fuzz.ratio(b, s) > 85  # the tagger sees the previous sentence: a word may differ


def test_batches_at_once_translate_as_one_after_the_other(engine, monkeypatch):
    running, most = [], []
    real_run = apertium.subprocess.run

    def counting_run(*args, **kwargs):  # how many pipelines run at the same moment
        running.append(1)
        most.append(len(running))
        try:
            return real_run(*args, **kwargs)
        finally:
            running.pop()

    monkeypatch.setattr(apertium.subprocess, "run", counting_run)
    glossary = load_glossary()
    at_once = translate_protected(SEED_SENTENCES, engine, glossary, batch_size=2)
    assert engine.parallel_batches > 1 and max(most) > 1
    monkeypatch.setattr(engine, "parallel_batches", 1)
    assert translate_protected(SEED_SENTENCES, engine, glossary, batch_size=2) == at_once


def test_placeholders_and_glossary_through_real_apertium(engine):
    out = translate_protected(SEED_SENTENCES, engine, load_glossary(), batch_size=32)
    english = [out[s] for s in SEED_SENTENCES]
    assert "Rudy Atallah" in english[0] and "Donald Trump" in english[0] and "Abdoulaye Diop" in english[0]
    assert "counterterrorism" in english[0] and "Minister of Foreign Affairs" in english[0]
    assert "National Security Council" in english[1] and "Rudolph Atallah" in english[1]
    assert "Al-Qaeda in the Islamic Maghreb (AQIM)" in english[2]
    assert "Africa Corps" in english[3]
    assert "Alliance of Sahel States (AES)" in english[4]
    assert not any("XK" in e for e in english)


def test_missing_apertium_explains_how_to_install(monkeypatch):
    monkeypatch.setattr(apertium, "apertium_pairs", lambda: set())
    with pytest.raises(EngineUnavailableError, match="apt-get install apertium apertium-fra-cat apertium-eng-cat"):
        ApertiumTranslator()


SPECIAL = list("*#@<>^$[]\\/{}\n\t «»'\"") + ["le ", "maison ", "de ", ". ", "\n\n", "Zbgsep"]


@settings(max_examples=4, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SPECIAL), max_size=12).map("".join), min_size=1, max_size=12))
def test_any_batch_stays_aligned(engine, junk):
    """Whatever surrounds it, each sentence's own marker comes back in its own slot, once."""
    sentences = [f"{text} Mkp{chr(ord('a') + i)} {text}" for i, text in enumerate(junk)]
    out = engine.translate_batch(sentences)
    assert [MARKER.findall(e) for e in out] == [MARKER.findall(s) for s in sentences]


def test_a_quoted_word_stays_between_its_marks(engine):
    """The pivot moves words across quotation marks (here "the thus restarted « dialogue »": the quote
    changed); translated on its own, the quoted word stays between its marks."""
    sentence = "Le ministre salue le dialogue ainsi « renoué » avec le Ghana."
    assert "« restarted »" not in engine._translate([sentence])[0]  # the pivot alone
    english = engine.translate_batch([sentence, "Le parti dénonce une « mascarade » électorale.",
                                      "Le XKA salue le dialogue ainsi « renoué » avec le Ghana."])
    assert "thus « restarted » with Ghana" in english[0], english[0]
    assert "a « *mascarade* »" in english[1], english[1]
    assert "XKA" in english[2] and "thus « restarted » with Ghana" in english[2], english[2]  # a caller's placeholder
    assert not any(re.search(r"«\s*»", e) for e in english)
