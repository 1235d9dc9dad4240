"""What of a quoted sentence the English states: descriptions at its edges and asides are left out,
facts (attribution, quotations, dates, figures) never."""

from __future__ import annotations

import pytest

from briefgen.excerpt import MIN_WORDS, stated, stated_text


def kept(text: str) -> str:
    part = stated(text)
    out, at = [], part.start
    for a, b in part.elided:
        out.append(text[at:a])
        at = b
    return "".join(out) + text[at : part.end]


@pytest.mark.parametrize(
    ("text", "english_states"),
    [
        (  # a title after the name: the actors table gives it
            "« Nous avons des équipements adéquats, des connaissances et des forces », a déclaré Rudy Atallah, "
            "directeur adjoint principal de la lutte contre le terrorisme au Conseil de Sécurité nationale.",
            "« Nous avons des équipements adéquats, des connaissances et des forces », a déclaré Rudy Atallah",
        ),
        (  # any word of french.PERSON_TITLES opens such a title
            "Washington veut relancer sa coopération sécuritaire avec Bamako, a déclaré Rudolph Atallah, l'émissaire "
            "américain venu pour trois jours.",
            "Washington veut relancer sa coopération sécuritaire avec Bamako, a déclaré Rudolph Atallah",
        ),
        (  # a long title before the name
            "Les États-Unis restent engagés dans la lutte contre le terrorisme, a annoncé, le 22 juillet, le "
            "sous-secrétaire d'État adjoint pour l'Afrique de l'Ouest et envoyé spécial au Sahel, William Stevens, à Bamako.",
            "Les États-Unis restent engagés dans la lutte contre le terrorisme, a annoncé, le 22 juillet, William Stevens, à Bamako.",
        ),
        (  # a relative clause on what the programmes aim at
            "Le Mali a participé à des programmes régionaux appuyés par les États-Unis, tels que Juniper Shield, "
            "qui visent à soutenir la lutte contre le terrorisme par des formations.",
            "Le Mali a participé à des programmes régionaux appuyés par les États-Unis, tels que Juniper Shield",
        ),
        (  # the writer's comment
            "Il n'a pas rencontré le ministre de la Défense Sadio Camara, connu pour ses liens avec la Russie, "
            "ce qui témoigne de la sensibilité de l'équilibre des forces au Mali.",
            "Il n'a pas rencontré le ministre de la Défense Sadio Camara, connu pour ses liens avec la Russie",
        ),
        (  # a setting that refers back
            "Dans cet entretien, le général Assimi Goïta a affirmé que la Russie avait livré des armes au Mali.",
            "le général Assimi Goïta a affirmé que la Russie avait livré des armes au Mali.",
        ),
        (  # an aside between dashes
            "Suspendue après le coup d'État de 2021 - qui avait marqué un durcissement de la Transition -, "
            "la coopération militaire américaine portait sur la formation des soldats maliens.",
            "Suspendue après le coup d'État de 2021, la coopération militaire américaine portait sur la formation des soldats maliens.",
        ),
    ],
)
def test_descriptions_are_left_out(text, english_states):
    assert kept(text) == english_states


@pytest.mark.parametrize(
    "text",
    [
        # attribution, a quotation, a date in the ending: facts a reader needs
        "La coopération militaire portait sur la formation des soldats maliens, selon l'ambassade des États-Unis à Bamako.",
        "Le ministre a salué la visite de l'envoyé américain à Bamako, qui a parlé d'un « dialogue rénové et constructif ».",
        "Le ministre a reçu la délégation américaine conduite par l'envoyé spécial au Sahel, qui est reparti le 22 juillet.",
        # a short title before a name tells the reader more than it costs
        "Les États-Unis restent engagés dans la lutte contre le terrorisme, a annoncé, le 22 juillet, l'envoyé spécial, William Stevens.",
        # a name after the title is the person, not a title to leave out
        "Rudy Atallah n'a toutefois pas rencontré le ministre de la Défense, le général Sadio Camara, à Bamako.",
        # not a description: « tout en » adds a fact of its own
        "Cette mission visait à relancer la coopération sécuritaire, tout en respectant la souveraineté du Mali.",
    ],
)
def test_facts_are_kept(text):
    assert kept(text) == text


def test_a_statement_is_never_cut_to_a_fragment():
    text = "Le Mali a signé un accord avec le Niger, qui prévoit des patrouilles conjointes aux frontières."
    assert len(text[: text.index(", qui")].split()) < MIN_WORDS
    assert kept(text) == text


def test_a_short_footnote_quotes_what_the_english_states_and_marks_each_cut():
    aside = ("Suspendue après le coup d'État de 2021 - qui avait marqué un durcissement de la Transition -, "
             "la coopération militaire américaine portait sur la formation des soldats maliens.")
    assert stated_text(aside) == ("Suspendue après le coup d'État de 2021 …, la coopération militaire américaine "
                                  "portait sur la formation des soldats maliens.")
    setting = "Dans cet entretien, le général Assimi Goïta a affirmé que la Russie avait livré des armes au Mali."
    assert stated_text(setting) == "…le général Assimi Goïta a affirmé que la Russie avait livré des armes au Mali."
    title = ("« Nous avons des équipements adéquats, des connaissances et des forces », a déclaré Rudy Atallah, "
             "directeur adjoint principal de la lutte contre le terrorisme au Conseil de Sécurité nationale.")
    assert stated_text(title) == "« Nous avons des équipements adéquats, des connaissances et des forces », a déclaré Rudy Atallah…"
    assert stated_text("Le Mali a signé un accord.") == "Le Mali a signé un accord."
