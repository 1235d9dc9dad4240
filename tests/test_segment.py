"""French sentence splitting: quotations whole, abbreviations and initials not split, offsets exact."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.ingest import ingest
from briefgen.segment import segment, split_sentences

SEEDS = Path(__file__).parent.parent / "seeds"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il est arrivé. Il est reparti.", ["Il est arrivé.", "Il est reparti."]),
        ("M. Stevens a parlé. Mme Diop aussi.", ["M. Stevens a parlé.", "Mme Diop aussi."]),
        ("Le Lt-col. Atallah est venu. Le gén. Camara non.", ["Le Lt-col. Atallah est venu.", "Le gén. Camara non."]),
        ("William B. Stevens est venu. Il a parlé.", ["William B. Stevens est venu.", "Il a parlé."]),
        (
            "Il a déclaré: « Je suis ici. Je suis venu offrir nos services. » Puis il est parti.",
            ["Il a déclaré: « Je suis ici. Je suis venu offrir nos services. »", "Puis il est parti."],
        ),
        ("« Nous avons des forces. » Il a souri.", ["« Nous avons des forces. »", "Il a souri."]),
        ("D'aller au-delà ? Quid du partenariat ?", ["D'aller au-delà ?", "Quid du partenariat ?"]),
        ("Une offre de service... dont les conditions manquent.", ["Une offre de service... dont les conditions manquent."]),
        ("Le coup d'État de 2021. Le pays a changé.", ["Le coup d'État de 2021.", "Le pays a changé."]),
        ("Le projet, etc. Ensuite rien.", ["Le projet, etc. Ensuite rien."]),
        ("Pas de ponctuation finale", ["Pas de ponctuation finale"]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_seeds_offsets_exact_and_headings_skipped():
    brief = segment(ingest([SEEDS]))
    for source in brief.sources:
        for paragraph in source.paragraphs:
            if paragraph.heading:
                assert paragraph.sentences == []
            for sentence in paragraph.sentences:
                assert source.text[sentence.start : sentence.end] == sentence.text
                assert sentence.paragraph == paragraph.number and sentence.source_id == source.id
    quote = next(s.text for s in brief.sources[3].sentences() if s.text.startswith("Il a déclaré: « Je suis ici"))
    assert quote.endswith("lutter contre le terrorisme ».")


def test_long_unpunctuated_sentence_is_one_sentence():
    text = " ".join(["mot"] * 5000)
    assert split_sentences(text) == [(0, len(text))]


@given(st.text())
def test_any_text_gives_ordered_trimmed_spans_inside_the_text(text):
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    assert " ".join(text[s:e] for s, e in split_sentences(text)).split() == text.split()
