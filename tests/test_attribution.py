"""Speakers, hedges and references on French written for each case, parsed by the real parser."""

from __future__ import annotations

import pytest
from briefs import make_source

from briefgen import attribution
from briefgen.model import EnglishFrame, Sentence
from briefgen.parse import MODEL, _entities, _tokens, load_parser

NAMED = "Le conseiller américain Rudolph Atallah a rencontré le ministre malien des Affaires étrangères à Bamako."


@pytest.fixture(scope="module")
def nlp():
    return load_parser(MODEL)


@pytest.fixture
def article(nlp):
    """The sentences of a one-article source, each paragraph a list of sentences, all parsed."""

    def build(*paragraphs: list[str]) -> list[Sentence]:
        sentences = make_source("S1", list(paragraphs)).sentences()
        for sentence in sentences:
            doc = nlp(sentence.text)
            sentence.tokens, sentence.entities = _tokens(doc), _entities(doc)
        return sentences

    return build


def english(frame: EnglishFrame) -> str:
    """The frame composed with a stand-in translation, the French itself ended by "|" to show
    where each piece went."""
    return attribution.compose(frame, {piece: f"{piece}|" for piece in frame.french})


def test_pronoun_speaker_is_named_from_the_sentence_before(article):
    sentences = article([NAMED, "Revenant sur la Russie, il a déclaré : « C'est une décision souveraine que nous respectons »."])
    reading = attribution.read(sentences[1], sentences, "Africa-Press")
    assert reading.needs_speaker and reading.speaker == attribution.Speaker("Atallah") and reading.alone
    assert english(reading.frame) == "Revenant sur la Russie|, [Atallah] said: « C'est une décision souveraine que nous respectons ».|"


def test_speaker_is_found_through_a_chain_of_pronouns_and_titles(article):
    sentences = article(
        [NAMED, "Il a ensuite rencontré le ministre de la Sécurité.", "L'émissaire a salué la reprise du dialogue avec Washington."],
        ["Il a ajouté que les États-Unis voulaient aider le Mali face aux groupes armés."],
    )
    reading = attribution.read(sentences[3], sentences, None)
    assert reading.speaker == attribution.Speaker("Atallah")
    assert english(reading.frame) == "[Atallah] added that les États-Unis voulaient aider le Mali face aux groupes armés.|"


@pytest.mark.parametrize("title", ["L'émissaire", "Le diplomate", "Le représentant américain", "Le coordinateur"])
def test_a_subject_pronoun_looks_through_any_persons_title_to_the_name(article, title):
    """Each word of french.PERSON_TITLES stands for a person named earlier; a subject that is no
    title (« La visite ») would be what « Il » stands for."""
    sentences = article([NAMED, f"{title} a salué la reprise du dialogue avec Washington.", "Il a ensuite rencontré le ministre de la Sécurité."])
    assert attribution.speaker_of(sentences[2], sentences) == attribution.Speaker("Atallah")


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("C'est pourquoi, dit-il, son pays encourage la création d'une force conjointe.",
         "[Atallah] said: son pays encourage la création d'une force conjointe.|"),
        ("Les États-Unis resteront engagés au Sahel, a-t-il ajouté.", "Les États-Unis resteront engagés au Sahel|, [Atallah] added."),
        ("Selon lui, les États-Unis veulent renforcer la coopération avec Bamako.",
         "According to [Atallah], les États-Unis veulent renforcer la coopération avec Bamako.|"),
        ("Il n'a toutefois pas rencontré le ministre de la Défense Sadio Camara.",
         "[Atallah] n'a toutefois pas rencontré le ministre de la Défense Sadio Camara.|"),  # {0:predicate}
    ],
)
def test_incises_and_selon_lui_name_the_speaker_in_brackets(article, quote, expected):
    sentences = article([NAMED, quote])
    reading = attribution.read(sentences[1], sentences, None)
    assert reading.speaker == attribution.Speaker("Atallah")
    assert english(reading.frame) == expected


def test_a_speaker_no_sentence_names_leaves_the_sentence_unable_to_stand_alone(article):
    sentences = article(["Il a déclaré que la coopération avec le Mali était une priorité pour son pays."])
    reading = attribution.read(sentences[0], sentences, None)
    assert reading.needs_speaker and reading.speaker is None and not reading.alone
    plural = article([NAMED, "Ils ont déclaré que les États-Unis cherchaient à rester proches du Mali."])
    assert not attribution.read(plural[1], plural, None).alone  # « ils »: a group, no person to name


def test_a_pronoun_standing_for_a_thing_is_not_given_a_speaker(article):
    sentences = article([NAMED, "La visite a duré trois jours à Bamako.", "Elle comprend des discussions sur la sécurité et l'énergie."])
    reading = attribution.read(sentences[2], sentences, None)
    assert reading.speaker is None and not reading.alone


def test_the_articles_usual_spelling_of_the_speaker_is_used(article):
    sentences = article(
        ["Atallah a rencontré le ministre des Affaires étrangères.", "Rudy Atallah a salué le dialogue renoué avec le Mali."],
        ["D'après Attalah, l'expertise américaine vise des réponses efficaces.", "C'est pourquoi, dit-il, son pays encourage la force conjointe."],
    )
    assert attribution.speaker_of(sentences[3], sentences) == attribution.Speaker("Atallah")


def test_a_similar_surname_of_another_person_is_not_the_speakers_spelling(article):
    """Konaté and Konaré (folded ratio 83) are two people: names.near_spelling tells them apart."""
    sentences = article(
        ["L'ancien président Alpha Oumar Konaré a reçu la délégation américaine à Bamako.",
         "Selon Alpha Konaré, la visite marque une étape importante."],
        ["Le ministre Moussa Konaté a rencontré l'émissaire américain.", "C'est pourquoi, dit-il, son pays encourage la force conjointe."],
    )
    assert attribution.speaker_of(sentences[3], sentences) == attribution.Speaker("Konaté")


@pytest.mark.parametrize(
    ("text", "kind", "unconfirmed", "expected"),
    [
        ("Cette frappe aurait potentiellement visé des dirigeants d'AQMI au Mali à la fin du mois de juillet.",
         "conditional", True, "Reportedly, cette frappe a potentiellement visé des dirigeants d'AQMI au Mali à la fin du mois de juillet.|"),
        ("Selon des sources médiatiques, la CIA aurait récemment augmenté le partage de renseignements avec Bamako.",
         "sources", True, "According to des sources médiatiques|, la CIA a récemment augmenté le partage de renseignements avec Bamako.|"),
        ("La rencontre a porté sur les investissements et la sécurité, selon un communiqué publié par le Kremlin.",
         "attributed", False, "According to un communiqué publié par le Kremlin|, la rencontre a porté sur les investissements et la sécurité|."),
        ("Les analystes estiment que le Mali cherche à diversifier ses partenaires sans dépendre d'un seul axe.",
         "reading", True, "According to Africa-Press, les analystes estiment que le Mali cherche à diversifier ses partenaires sans dépendre d'un seul axe.|"),
        ("Bamako pourrait rejeter toute coopération militaire avec les États-Unis pour le moment.", "possibility", True,
         "Bamako pourrait rejeter toute coopération militaire avec les États-Unis pour le moment.|"),
    ],
)
def test_hedges_are_kept_in_the_english(article, text, kind, unconfirmed, expected):
    [sentence] = article([text])
    hedge = attribution.hedge_of(sentence, "Africa-Press")
    assert hedge is not None and hedge.kind == kind and hedge.unconfirmed is unconfirmed
    assert english(attribution.read(sentence, [sentence], "Africa-Press").frame) == expected


def test_the_conditional_of_reported_speech_and_plain_facts_are_not_hedges(article):
    reported, plain = article(
        ["Le ministre a précisé qu'un second projet, de 30 mégawatts, serait lancé à Zinder avant la fin de l'année.",
         "La CIA a augmenté le partage de renseignements avec le gouvernement malien en juillet."]
    )
    assert attribution.hedge_of(reported, None) is None
    assert attribution.hedge_of(plain, None) is None


def test_an_aside_is_not_the_sentences_hedge_and_de_facto_is_the_outlets_reading(article):
    aside, de_facto = article(
        ["Suspendue après le coup d'État de 2021 - qui avait, selon certains analystes, précipité le rapprochement avec "
         "la Russie -, la coopération militaire a repris cette année.",
         "De facto, le Mali relance la coopération avec les États-Unis par pragmatisme."]
    )  # fmt: skip
    assert attribution.hedge_of(aside, None) is None
    assert attribution.hedge_of(de_facto, "Africa-Press") == attribution.Hedge("reading", "Africa-Press")


@pytest.mark.parametrize(
    "text",
    [
        "Cette coopération aurait potentiellement permis une frappe de drone au Mali.",
        "À cette occasion, les deux parties ont convenu d'une feuille de route technique.",
        "Ces experts pensent que le Mali pourrait tirer profit de la concurrence internationale.",
    ],
)
def test_a_demonstrative_opening_is_a_reference_to_the_sentence_before(article, text):
    [sentence] = article([text])
    reading = attribution.read(sentence, [sentence], None)
    assert reading.reference and not reading.alone


def test_a_referring_setting_is_left_out_of_the_english_and_the_statement_stands_alone(article):
    [sentence] = article(["Dans cet entretien, le général Assimi Goïta a affirmé que la Russie avait livré des armes au Mali."])
    reading = attribution.read(sentence, [sentence], None)
    assert reading.alone and not reading.reference
    assert reading.frame.french == ["le général Assimi Goïta a affirmé que la Russie avait livré des armes au Mali."]
    assert attribution.compose(reading.frame, {reading.frame.french[0]: "the general said so."}) == "The general said so."


def test_the_english_leaves_out_a_title_and_an_aside_but_keeps_the_attribution(article):
    [sentence] = article([
        "Suspendue après le coup d'État de 2021 - qui avait, selon certains analystes, précipité le rapprochement "
        "avec la Russie -, la coopération militaire américaine portait sur la formation des soldats, "
        "selon l'ambassade des États-Unis à Bamako."
    ])
    reading = attribution.read(sentence, [sentence], "RFI")
    assert reading.frame.template == "According to {0:lower}, {1:lower}."
    assert reading.frame.french == [
        "l'ambassade des États-Unis à Bamako",
        "Suspendue après le coup d'État de 2021, la coopération militaire américaine portait sur la formation des soldats",
    ]


def test_a_dangling_connective_is_left_out_of_the_english_only(article):
    [sentence] = article(["C'est ainsi que le mercredi 9 juillet s'est rendue au Mali une mission américaine de haut niveau."])
    frame = attribution.read(sentence, [sentence], None).frame
    assert frame.french == ["le mercredi 9 juillet s'est rendue au Mali une mission américaine de haut niveau."]
    assert english(frame) == "Le mercredi 9 juillet s'est rendue au Mali une mission américaine de haut niveau.|"


def test_unparsed_sentences_fall_back_to_surface_forms():
    [sentence] = make_source("S1", [["Selon des sources sécuritaires, trente soldats auraient été tués à Djibo samedi."]]).sentences()
    assert sentence.tokens is None
    reading = attribution.read(sentence, [sentence], None)
    assert reading.hedge == attribution.Hedge("sources", "des sources sécuritaires")
    assert reading.frame.french[1] == "trente soldats ont été tués à Djibo samedi."


def test_a_predicate_after_the_bracketed_speaker_loses_the_pronoun_an_engine_adds(article):
    sentences = article([NAMED, "Il a également discuté des opportunités de coopération économique avec les responsables maliens."])
    frame = attribution.read(sentences[1], sentences, None).frame
    assert frame.template == "[Atallah] {0:predicate}"
    assert attribution.compose(frame, {frame.french[0]: "it has argued equally of the opportunities"}) == (
        "[Atallah] has argued equally of the opportunities"
    )


def test_the_note_of_differing_dates_is_editorial_english():
    assert attribution.dates_note(["2025-07-08/2025-07-11", "2025-07-13"]) == (
        "[Sources differ on the date: also 8–11 July 2025; 13 July 2025.]"
    )


def test_the_two_people_of_the_sentence_before_are_a_reference(article):
    [sentence] = article(["Les deux personnalités ont aussi abordé le respect de la souveraineté des États et la paix."])
    assert attribution.read(sentence, [sentence], None).reference


def test_bilateral_agreements_name_the_pair_of_countries_their_paragraph_names(article):
    expected = "D'ailleurs on s'attend à la signature de nouveaux accords bilatéraux, notamment sur le nucléaire civil."
    joint = "Le président a posé la première pierre d'une usine, un projet conjoint entre le Mali et la Russie."
    sentences = article([expected, joint])
    reading = attribution.read(sentences[0], sentences, None)
    assert attribution.pair_of(sentences[0], sentences) == ("Mali", "Russie")
    assert english(reading.frame) == (
        "D'ailleurs on s'attend à la signature de nouveaux accords bilatéraux| [between Mali and Russia], "
        "notamment sur le nucléaire civil.|"
    )


@pytest.mark.parametrize(
    "text",
    [
        # It names the pair itself.
        "Washington et Bamako entendent renforcer leurs relations bilatérales dans la santé et le commerce.",
        # Its paragraph names no pair.
        "D'ailleurs on s'attend à la signature de nouveaux accords bilatéraux dans les prochains mois.",
    ],
)
def test_bilateral_stays_as_written_without_an_unnamed_pair_and_a_named_one(article, text):
    sentences = article([text, "Le président a inauguré une usine d'or à Bamako."])
    reading = attribution.read(sentences[0], sentences, None)
    assert attribution.pair_of(sentences[0], sentences) is None and "[" not in english(reading.frame)


def test_each_item_of_a_list_is_translated_alone_and_its_markers_kept(article):
    listed = "Les autorités maliennes ont insisté sur trois points : a) la souveraineté du Mali, b) ses choix stratégiques, c) ses intérêts."
    reading = attribution.read(article([listed])[0], [], None)
    assert reading.frame.french == ["Les autorités maliennes ont insisté sur trois points :", "la souveraineté du Mali", "ses choix stratégiques", "ses intérêts."]
    assert english(reading.frame) == (
        "Les autorités maliennes ont insisté sur trois points :| a) la souveraineté du Mali|, b) ses choix stratégiques|, c) ses intérêts.|"
    )


def test_a_title_without_a_name_is_named_from_the_sentence_giving_it_one(article):
    stevens = "Le sous-secrétaire d'État adjoint et envoyé spécial pour le Sahel, William Stevens, s'est rendu à Bamako."
    atallah = "Rudolph Atallah, conseiller de Donald Trump, a rencontré le ministre Abdoulaye Diop."
    emissary = "L'émissaire américain a indiqué la feuille de route de Washington dans la lutte antiterroriste."
    sentences = article([atallah], [stevens], [emissary])
    reading = attribution.read(sentences[2], sentences, None)
    assert reading.speaker == attribution.Speaker("Stevens") and reading.alone
    assert english(reading.frame) == "L'émissaire américain| [Stevens] a indiqué la feuille de route de Washington dans la lutte antiterroriste.|"


def test_a_title_after_its_verb_is_named_too(article):
    minister = "La ministre de la Pêche, Fatou Diouf, a annoncé un plan pour protéger les pêcheurs artisanaux."
    promised = "Un audit de la flotte industrielle sera publié avant la fin juillet, a promis la ministre."
    sentences = article([minister, promised])
    reading = attribution.read(sentences[1], sentences, None)
    assert reading.speaker == attribution.Speaker("Diouf")
    assert english(reading.frame) == "Un audit de la flotte industrielle sera publié avant la fin juillet, a promis la ministre| [Diouf]."


def test_a_title_no_earlier_sentence_names_is_left_as_written(article):
    sentences = article(["Rudolph Atallah a rencontré le ministre Abdoulaye Diop à Bamako.", "L'ambassadeur a salué la reprise du dialogue avec Washington."])
    reading = attribution.read(sentences[1], sentences, None)
    assert reading.speaker is None and "[" not in english(reading.frame)


def test_a_demonstrative_inside_the_sentence_is_the_in_english_but_not_in_a_quotation(article):
    text = ("Washington a renforcé la lutte contre ces groupes terroristes depuis ces dernières années, "
            "estimant que « ces groupes menacent la région ».")
    reading = attribution.read(article([text])[0], [], None)
    assert reading.frame.french == [
        "Washington a renforcé la lutte contre les groupes terroristes depuis ces dernières années, "
        "estimant que « ces groupes menacent la région »."
    ]
