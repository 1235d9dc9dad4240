"""Selection: facts merged across sources into one cited Point, budget, sections, key judgements."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest
from briefs import make_brief, make_source
from scipy.sparse import csr_matrix

import briefgen.select as select_module
from briefgen.classify import classify
from briefgen.config import load_config
from briefgen.french import fold, normalise
from briefgen.model import Citation, EnglishFrame, Point
from briefgen.parse import parse
from briefgen.select import Candidate, body_words, choose, english_words, is_background, point_id, point_words, select

CHAMBER = "Les États-Unis vont créer une Chambre de commerce américaine à Bamako pour encourager les investissements."
CHAMBER_2 = (
    "Les États-Unis vont créer une Chambre de commerce américaine à Bamako afin d'encourager "
    "les investissements privés."
)
DRONE = "Une frappe de drone a ciblé des dirigeants d'Al-Qaïda au Maghreb islamique dans le nord du Mali."
VISIT = "L'envoyé spécial William Stevens a effectué une visite officielle à Bamako et a rencontré le ministre Diop."
MOSCOW = "Le président malien Assimi Goïta s'est rendu à Moscou où il a rencontré Vladimir Poutine au Kremlin."
ATTACK = "Des hommes armés ont attaqué un poste de l'armée près de Djibo, tuant plusieurs soldats burkinabè."


@pytest.fixture
def config(tmp_path):
    return load_config(tmp_path)


def run(config, *sources):
    brief = make_brief(*sources)
    return select(classify(brief, config), config)


def test_same_fact_from_two_outlets_is_one_point_with_both_citations(config):
    brief = run(
        config,
        make_source("A", [[CHAMBER, DRONE]], dt.date(2025, 7, 22)),
        make_source("B", [[VISIT], [CHAMBER_2]], dt.date(2025, 7, 23)),
    )
    chamber = [p for p in brief.points() if "Chambre" in p.fr]
    assert len(chamber) == 1
    point = chamber[0]
    assert point.corroboration == 2
    assert point.fr in (CHAMBER, CHAMBER_2)  # verbatim, never stitched
    assert {c.quote for c in point.citations} == {CHAMBER, CHAMBER_2}
    assert point.section == "economy"


def test_citations_point_at_the_exact_sentence(config):
    brief = run(config, make_source("A", [[DRONE], [VISIT, CHAMBER]]), make_source("B", [[MOSCOW]]))
    for point in brief.points():
        for citation in point.citations:
            text = brief.source(citation.source).text
            assert text[citation.start : citation.end] == citation.quote
            assert citation.paragraph >= 1


def test_point_id_is_a_stable_hash_of_the_normalised_french_text():
    assert point_id("Une  phrase  Éloquente.") == point_id("une phrase eloquente.")
    assert point_id("Une phrase.") != point_id("Une autre phrase.")
    assert point_id(CHAMBER) == point_id(normalise(CHAMBER))
    assert fold("Goïta") == "goita"


def test_sections_follow_config_order_and_stay_empty_without_material(config):
    brief = run(config, make_source("A", [[CHAMBER, DRONE, VISIT, ATTACK]]))
    assert [s.key for s in brief.sections] == [spec.key for spec in config.sections]
    russia = next(s for s in brief.sections if s.key == "russia")
    assert russia.points == []
    assert all(p.section == s.key for s in brief.sections for p in s.points)


def test_body_respects_the_length_budget(config):
    sources = [make_source(f"S{i}", [[CHAMBER if i == 0 else VISIT, DRONE, MOSCOW, ATTACK]]) for i in range(3)]
    small = dataclasses.replace(config, length=50)
    brief = run(small, *sources)
    assert 0 < body_words(brief) <= 50
    assert english_words("un deux trois quatre") == 5  # 4 French words x 1.06, rounded up


def test_no_two_points_say_the_same_thing(config):
    brief = run(config, *(make_source(f"S{i}", [[MOSCOW, DRONE]]) for i in range(4)))
    texts = [p.fr for p in brief.points()]
    assert len(texts) == len(set(texts)) == 2
    assert all(p.corroboration == 4 for p in brief.points())


def test_key_judgements_are_the_top_ranked_selected_points_across_sections(config):
    sources = [
        make_source("A", [[MOSCOW, DRONE, CHAMBER]]),
        make_source("B", [[MOSCOW, DRONE]]),
        make_source("C", [[MOSCOW, VISIT, ATTACK]]),
    ]
    brief = run(dataclasses.replace(config, key_judgements=3), *sources)
    points = {p.id: p for p in brief.points()}
    judgements = brief.key_judgements
    assert len(judgements) == 3
    assert all(points[p.id] is p for p in judgements)  # the same objects as in the sections
    assert judgements[0].fr == MOSCOW and judgements[0].corroboration == 3
    assert [p.score for p in judgements] == sorted((p.score for p in judgements), reverse=True)
    assert len({p.section for p in judgements}) >= 2


def test_selection_is_deterministic(config):
    def ids():
        brief = run(config, make_source("A", [[CHAMBER, DRONE]]), make_source("B", [[VISIT, MOSCOW, ATTACK]]))
        return [(s.key, [p.id for p in s.points]) for s in brief.sections], [p.id for p in brief.key_judgements]

    assert ids() == ids()


def test_questions_and_fragments_are_not_points(config):
    question = "Quid du partenariat de l'armée malienne avec l'Africa Corps russe ?"
    brief = run(config, make_source("A", [[question, "Dialogue rénové", MOSCOW]]))
    assert [p.fr for p in brief.points()] == [MOSCOW]


def test_no_material_gives_empty_sections_and_no_judgements(config):
    brief = run(config, make_source("A", [["Bonjour."]]))
    assert [(s.key, s.points) for s in brief.sections] == [(spec.key, []) for spec in config.sections]
    assert brief.key_judgements == []


def test_a_fact_goes_to_the_section_its_reports_score_best_in_on_average(config):
    aside = CHAMBER_2.replace("privés.", "privés, un domaine où la Russie est moins présente.")
    brief = run(
        config,
        make_source("A", [[aside, DRONE]]),
        make_source("B", [[CHAMBER, VISIT]]),
        make_source("C", [[MOSCOW]]),
    )
    [chamber] = [p for p in brief.points() if "Chambre" in p.fr]
    assert chamber.section == "economy" and chamber.corroboration == 2


def test_a_visit_and_a_meeting_with_the_same_people_are_one_encounter(config):
    meeting = "Au Kremlin, Assimi Goïta a rencontré Vladimir Poutine pour parler d'investissements et d'énergie nucléaire."
    visit = (
        "À son retour d'une visite officielle sur invitation de Vladimir Poutine, le chef de l'État a accordé "
        "une interview à la télévision publique malienne."
    )
    envoy = "William Stevens a effectué une visite officielle à Bamako les 21 et 22 juillet pour parler de sécurité."
    other = "L'envoyé Rudolph Atallah s'est rendu à Bamako du 8 au 11 juillet, où il a été reçu par Abdoulaye Diop."
    brief = run(config, make_source("A", [[meeting, envoy]]), make_source("B", [[visit, other]]))
    texts = [p.fr for p in brief.points()]
    assert (meeting in texts) != (visit in texts)  # one encounter of Goïta and Putin
    assert envoy in texts and other in texts  # two envoys visiting one city: two visits


def test_a_trip_abroad_and_the_meeting_held_there_are_one_encounter(config):
    # "Assimi Goita" and "Goïta" are one person: the trip names fewer people, all of them met.
    trip = "Le président malien, le général Assimi Goita, s'est rendu à Moscou du 23 au 26 juin 2025 pour une visite."
    meeting = "La rencontre de Goïta avec le président russe Vladimir Poutine a porté sur les investissements et l'énergie."
    brief = run(config, make_source("A", [[trip], [meeting]]))
    texts = [p.fr for p in brief.points()]
    assert (trip in texts) != (meeting in texts)


def test_who_an_envoy_did_not_meet_is_a_fact_apart_from_his_visit(config):
    visit = "L'envoyé Rudy Atallah s'est rendu à Bamako du 8 au 11 juillet pour une visite de travail sur la sécurité."
    not_met = (
        "S'il a rencontré le ministre des Affaires étrangères Abdoulaye Diop, Rudy Atallah n'a toutefois pas "
        "rencontré le ministre de la Défense, Sadio Camara, connu pour ses liens avec la Russie."
    )
    brief = run(config, make_source("A", [[visit], [not_met]]))
    texts = [p.fr for p in brief.points()]
    assert visit in texts and not_met in texts


RECEIVED = (
    "Rudy Atallah, conseiller de Donald Trump pour la lutte antiterroriste, s'est rendu au Mali où il a été "
    "reçu mercredi 9 juillet par le ministre des Affaires étrangères Abdoulaye Diop."
)
MISSION = (
    "C'est ainsi que le mercredi 9 juillet 2025 s'est rendue au Mali une mission de haut niveau dirigée par "
    "le lieutenant-colonel à la retraite Rudy Atallah, directeur adjoint de la lutte contre le terrorisme."
)
FILLER = [DRONE, CHAMBER, ATTACK]  # other facts, so the corpus has more than the visit


def test_one_visit_told_by_two_outlets_in_other_words_is_one_point(config):
    july = dt.date(2025, 7, 12)
    brief = run(config, make_source("A", [[RECEIVED]], july), make_source("B", [[MISSION], FILLER], july))
    [visit] = [p for p in brief.points() if "Atallah" in p.fr]
    assert visit.corroboration == 2
    assert {c.quote for c in visit.citations} == {RECEIVED, MISSION}


def test_visits_of_one_person_weeks_apart_stay_two_facts(config):
    august = MISSION.replace("9 juillet", "6 août")
    brief = run(
        config,
        make_source("A", [[RECEIVED]], dt.date(2025, 7, 12)),
        make_source("B", [[august], FILLER], dt.date(2025, 8, 8)),
    )
    visits = [p for p in brief.points() if "Atallah" in p.fr]
    assert visits and all(p.corroboration == 1 for p in visits)


def test_a_meeting_recalled_from_another_year_is_not_cited_for_this_one(config):
    meeting = (
        "Par ailleurs, la rencontre de Goïta avec le président russe Vladimir Poutine a porté sur les "
        "investissements, la coopération commerciale et économique, selon un communiqué publié par le Kremlin."
    )
    recalled = (
        "Pour rappel, Goita a rencontré le président russe Vladimir Poutine en juillet 2023 lors du sommet "
        "Russie-Afrique à Saint-Pétersbourg."
    )
    brief = run(config, make_source("A", [[meeting], [recalled]], dt.date(2025, 7, 14)), make_source("B", [FILLER]))
    cited = [{c.quote for c in point.citations} for point in brief.points()]
    assert any(meeting in quotes for quotes in cited)
    assert not any({meeting, recalled} <= quotes for quotes in cited)


def test_a_fact_reported_everywhere_does_not_push_the_others_below_the_floor(config):
    moscow = [make_source(f"M{i:02d}", [[MOSCOW]]) for i in range(40)]
    others = [
        DRONE,
        CHAMBER,
        ATTACK,
        "Le gouvernement a inauguré une centrale solaire de cinquante mégawatts à la périphérie de Niamey.",
        "La CIA aurait récemment augmenté le partage de renseignements avec le gouvernement malien.",
    ]
    brief = run(config, *moscow, make_source("A", [others]))
    [top] = [p for p in brief.points() if p.corroboration == 40]
    assert len(brief.points()) >= 4 and top.fr == MOSCOW


def test_background_is_told_from_reported_events():
    assert is_background("Les combattants de l'État islamique restent actifs dans le nord du pays.")
    assert is_background("Moscou est également fortement présent au sein de l'Alliance des États du Sahel.")
    assert is_background("Pour rappel, Goita a rencontré Vladimir Poutine en juillet 2023 à Saint-Pétersbourg.")
    for event in (
        VISIT,
        MOSCOW,
        "Selon des sources médiatiques, la CIA aurait récemment augmenté le partage de renseignements.",
        "À l'issue de la rencontre, l'émissaire a, face à la presse, souligné la volonté américaine.",
        "Les États-Unis vont créer une Chambre de commerce américaine à Bamako.",
        "Le communiqué du ministère se félicite du dialogue politique rénové avec Washington.",
        "Le Fonds monétaire international prévoit une croissance de 6 % pour le Niger cette année.",
        "La dernière visite d'une délégation américaine remontait à octobre 2022.",
        "On s'attend à la signature d'un accord de coopération sur l'énergie nucléaire civile avec la Russie.",
    ):
        assert not is_background(event), event


def test_background_is_scored_down(config, monkeypatch):
    background = "Les combattants d'Al-Qaïda et de l'État islamique restent actifs dans le centre du Mali."

    def score():
        [point] = run(config, make_source("A", [[background]])).points()
        return point.score

    scaled = score()
    monkeypatch.setattr(select_module, "BACKGROUND_PENALTY", 1.0)
    assert 0 < scaled < score()


def test_commentary_framing_is_scored_down(config):
    framed = "La visite de l'envoyé intervient dans un contexte d'escalade des attaques de groupes armés au Mali depuis 2012."
    plain = "La visite de l'envoyé intervient lors d'une escalade des attaques de groupes armés au Mali depuis 2012."
    [framed_point] = run(config, make_source("A", [[framed]])).points()
    [plain_point] = run(config, make_source("A", [[plain]])).points()
    assert framed_point.score < 0.8 * plain_point.score  # W_OPINION off a score of about 1.6


def _candidate(index: int, score: float, paragraph: int, sources: str = "A") -> Candidate:
    """A 20-word candidate citing `paragraph` of each of `sources`, quoting the first one's."""
    citations = [Citation(source, paragraph, f"phrase {index}", 0, 8) for source in sources]
    point = Point(f"P{index}", f"phrase {index}", citations, "security", score)
    return Candidate(point, index, 20, frozenset(), frozenset(), (sources[0], paragraph))


def test_a_second_point_of_a_paragraph_waits_for_the_other_paragraphs():
    # P1 is worth almost as much as P0 but tells the same paragraph's event: P2 goes first.
    candidates = [_candidate(0, 3.0, 1), _candidate(1, 2.9, 1), _candidate(2, 2.0, 2)]
    chosen = choose(candidates, csr_matrix(np.eye(3)), ["security"], budget=40)
    assert [c.point.id for c in chosen] == ["P0", "P2"]
    chosen = choose(candidates, csr_matrix(np.eye(3)), ["security"], budget=60)
    assert [c.point.id for c in chosen] == ["P0", "P1", "P2"]


def test_a_fact_two_outlets_report_goes_in_before_single_outlet_ones():
    # P1 ranks below P0 but two outlets report it: it goes first, and P0, the same paragraph of
    # outlet A, now waits for P2.
    candidates = [_candidate(0, 3.0, 1), _candidate(1, 2.5, 1, sources="AB"), _candidate(2, 2.0, 2)]
    chosen = choose(candidates, csr_matrix(np.eye(3)), ["security"], budget=40)
    assert [c.point.id for c in chosen] == ["P1", "P2"]


def test_a_paragraph_only_cited_in_a_footnote_keeps_its_other_facts_as_news():
    # P0 quotes outlet A and cites B's report of it: P1, another fact of B's paragraph, does not wait.
    candidates = [_candidate(0, 3.0, 1, sources="AB"), _candidate(1, 2.5, 1, sources="B"), _candidate(2, 2.0, 2, sources="C")]
    chosen = choose(candidates, csr_matrix(np.eye(3)), ["security"], budget=40)
    assert [c.point.id for c in chosen] == ["P0", "P1"]


def test_two_reports_of_one_creation_are_one_point(config):
    announced = "Les États-Unis ont annoncé la création d'une Chambre de commerce américaine au Mali pour les investisseurs."
    opening = (
        "L'envoyé a discuté des opportunités de coopération économique, annonçant l'ouverture prochaine de la "
        "Chambre de commerce américaine."
    )
    brief = run(config, make_source("A", [[announced, DRONE]]), make_source("B", [[opening, VISIT]]))
    [chamber] = [p for p in brief.points() if "Chambre" in p.fr]
    assert chamber.corroboration == 2  # the anchor "chambre/launch" joins the two wordings


def parsed_run(config, *sources):
    """`run` with the real French parser: speakers and hedges read the parse."""
    brief = parse(classify(make_brief(*sources), config), config)
    return select(brief, config)


CIA = "Selon des sources médiatiques, la CIA aurait récemment augmenté le partage de renseignements avec le gouvernement malien."
COOPERATION = "Cette coopération aurait potentiellement permis une frappe de drone ciblant des dirigeants d'AQMI au Mali fin juillet."


def test_a_referring_sentence_is_quoted_with_the_sentence_it_refers_to(config):
    source = make_source("A", [[CIA], [COOPERATION], FILLER])
    brief = parsed_run(config, source)
    [point] = [p for p in brief.points() if COOPERATION in p.fr]
    assert point.fr.startswith(CIA) and point.fr.endswith(COOPERATION)
    [citation] = point.citations
    assert normalise(source.text[citation.start : citation.end]) == normalise(point.fr)  # one verbatim span
    assert point.hedged and point.hedge == "sources" and len(point.frames) == 2
    assert not any(p.fr == COOPERATION for p in brief.points())


@pytest.mark.parametrize("names_the_source", [True, False])
def test_according_to_this_source_is_joined_only_to_the_sentence_naming_the_source(config, names_the_source):
    informant = "Quarante-sept militaires ont perdu la vie lors de l'attaque du camp de Djibo, a indiqué mardi une source au sein de l'armée."
    no_toll = "Le bilan officiel de l'attaque du camp de Djibo n'a pas été communiqué par l'état-major."
    this_source = "Selon cette source, 47 soldats ont été tués samedi 17 mai dans l'attaque revendiquée par le JNIM."
    first = [no_toll, informant] if names_the_source else [informant, no_toll]
    brief = parsed_run(config, make_source("A", [first, [this_source], FILLER]))
    joined = [p for p in brief.points() if this_source in p.fr]
    assert [p.fr.startswith(first[1]) for p in joined] == ([True] if names_the_source else [])


def test_a_speaker_no_earlier_sentence_names_is_not_a_point(config):
    said = "Il a déclaré que la coopération avec le Mali est une priorité absolue pour les États-Unis dans la lutte antiterroriste."
    brief = parsed_run(config, make_source("A", [[said], FILLER]))
    assert brief.points() and all(p.fr != said for p in brief.points())


def test_a_resolved_speaker_is_kept_on_the_point(config):
    named = "Le conseiller américain Rudolph Atallah a rencontré le ministre malien des Affaires étrangères à Bamako mardi."
    said = "Revenant sur la Russie, il a déclaré : « C'est une décision souveraine que nous respectons, mais le Mali reste important »."
    brief = parsed_run(config, make_source("A", [[named, said], FILLER]))
    [point] = [p for p in brief.points() if p.fr == said]
    assert point.speaker == "Atallah" and not point.hedged
    assert point.frames[0].template == "{0}, [Atallah] said: {1}"


def test_a_merged_point_keeps_the_other_dates_its_sources_give(config):
    july = dt.date(2025, 7, 12)
    ranged = "Du 8 au 11 juillet 2025, Rudy Atallah, conseiller de Donald Trump, a effectué une visite officielle au Mali."
    brief = run(config, make_source("A", [[RECEIVED]], july), make_source("B", [[ranged], FILLER], july))
    [visit] = [p for p in brief.points() if "Atallah" in p.fr]
    assert visit.corroboration == 2
    assert visit.dates_differ == (["2025-07-08/2025-07-11"] if visit.fr == RECEIVED else ["2025-07-09"])


def test_a_dangling_connective_loses_to_a_plain_report_as_the_quote(config):
    july = dt.date(2025, 7, 12)
    plain = MISSION.replace("C'est ainsi que le mercredi 9 juillet 2025 s'est rendue", "Le mercredi 9 juillet 2025 s'est rendue")
    brief = run(config, make_source("A", [[MISSION], FILLER], july), make_source("B", [[plain]], july))
    [visit] = [p for p in brief.points() if "Atallah" in p.fr]
    assert visit.fr == plain and visit.corroboration == 2


def test_a_point_costs_the_english_it_states_not_its_whole_quote():
    quote = ("« Nous avons des équipements adéquats », a déclaré Rudy Atallah, directeur adjoint principal de la "
             "lutte contre le terrorisme au Conseil de Sécurité nationale à la Maison Blanche.")
    stated = "« Nous avons des équipements adéquats », a déclaré Rudy Atallah"
    point = Point("P1", quote, [], frames=[EnglishFrame("According to {0}, {1}.", ["RFI", stated])])
    assert point_words(point) == english_words(f"RFI {stated}") + 2  # "According to": editorial English
    assert point_words(Point("P2", quote, [])) == english_words(quote)


def test_a_point_only_background_articles_report_explains_but_never_headlines(config):
    def sources(background: bool):
        old = make_source("old", [[MOSCOW]], dt.date(2025, 8, 20))
        old.background = background
        return old, make_source("week", [[CHAMBER, DRONE, VISIT]], dt.date(2025, 9, 16))

    assert MOSCOW in [p.fr for p in run(config, *sources(False)).key_judgements]  # news of the week: it headlines
    brief = run(config, *sources(True))
    assert [p.fr for p in brief.points() if p.section == "russia"] == [MOSCOW]  # background may explain ...
    assert MOSCOW not in [p.fr for p in brief.key_judgements] and brief.key_judgements  # ... not headline


def test_whom_an_envoy_did_not_meet_is_one_fact_whichever_outlet_tells_it(config):
    fuller = ("Rudolph Atallah n'a toutefois pas rencontré le président de transition Assimi Goïta ni le ministre "
              "de la Défense Sadio Camara, connu pour ses liens étroits avec la Russie.")
    shorter = "Durant son séjour de trois jours, l'émissaire de Washington n'a pas rencontré le général Sadio Camara."
    brief = run(config, make_source("A", [[fuller, DRONE]]), make_source("B", [[shorter, CHAMBER]]))
    assert len([p for p in brief.points() if "Camara" in p.fr]) == 1


def test_a_minister_met_is_one_person_whether_named_or_not(config):
    by_portfolio = "L'envoyé américain a rencontré à Bamako les ministres maliens des Affaires étrangères et de la Sécurité."
    by_name = ("La délégation américaine s'est réunie avec la partie malienne conduite par le ministre des Affaires "
               "étrangères, Abdoulaye Diop, et son collègue de la sécurité.")
    brief = run(config, make_source("A", [[by_portfolio], [DRONE]]), make_source("B", [[by_name], [CHAMBER]]))
    assert len([p for p in brief.points() if "Affaires étrangères" in p.fr]) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # one formal offer
            "L'envoyé spécial a conclu sa visite à Bamako par une offre officielle de coopération sécuritaire aux autorités maliennes.",
            "Selon des fuites, les envoyés américains ont fait une offre officielle de renforcement de la formation des soldats maliens.",
        ),
        (  # one suspension in 2021
            "Suspendue après le putsch de 2021, l'aide militaire américaine portait surtout sur l'instruction des recrues.",
            "Les programmes Juniper Shield et Obsidian Mosaic avaient été mis en sommeil au lendemain du coup d'État de 2021.",
        ),
    ],
)
def test_one_offer_and_one_suspension_make_one_point(config, first, second):
    brief = run(config, make_source("A", [[first], [DRONE]]), make_source("B", [[second], [CHAMBER]]))
    assert sum(p.fr in (first, second) for p in brief.points()) == 1


def test_what_two_sides_agreed_is_one_outcome(config):
    regular = "Les autorités maliennes et la délégation américaine ont convenu de maintenir un dialogue régulier sur la sécurité."
    roadmap = ("Sans accord formel, les deux parties ont convenu d'une feuille de route technique, avec des "
               "réunions d'experts en sécurité.")
    brief = run(config, make_source("A", [[regular], [DRONE]]), make_source("B", [[roadmap], [CHAMBER]]))
    [agreed] = [p for p in brief.points() if "convenu" in p.fr]
    assert agreed.corroboration == 2


def test_what_one_side_insisted_on_is_one_position_however_each_outlet_lists_it(config):
    communique = ("Durant les échanges, les autorités maliennes de transition ont insisté sur leur « reprise en main "
                  "de la défense », leur alliance au sein de l'AES et le soutien de certains pays aux terroristes.")
    listed = ("De leur côté, les autorités maliennes ont insisté sur trois points clés pour toute coopération extérieure: "
              "a) le respect de la souveraineté du Mali, b) le respect de ses choix stratégiques.")
    other_side = "Les autorités américaines ont insisté sur le partage de renseignements et la lutte contre le terrorisme au Sahel."
    brief = run(config, make_source("A", [[communique], [DRONE]]), make_source("B", [[listed], [CHAMBER]]),
                make_source("C", [[other_side], [VISIT]]))
    [malian] = [p for p in brief.points() if "maliennes ont insisté" in p.fr or "transition ont insisté" in p.fr]
    assert malian.corroboration == 2
    assert any(p.fr == other_side for p in brief.points())  # another side's position stays a fact of its own


def test_the_visit_a_paragraph_just_told_is_not_a_second_point(config):
    meeting = "Le président Assimi Goïta a rencontré Vladimir Poutine au Kremlin pour parler des investissements russes."
    going_on = "La visite se poursuivra jusqu'au 26 juin, selon la télévision malienne, avec des entretiens sur l'énergie."
    brief = run(config, make_source("A", [[meeting, going_on], [DRONE, CHAMBER]]))
    assert sum(p.fr in (meeting, going_on) for p in brief.points()) == 1


def test_of_two_reports_of_one_suspension_the_one_with_this_years_news_is_chosen(config):
    past = ("Suspendue après le putsch de 2021, l'aide militaire américaine au Mali portait jusqu'alors surtout "
            "sur l'instruction des recrues maliennes, selon l'ambassade des États-Unis.")
    news = ("Les programmes antiterroristes Juniper Shield et Obsidian Mosaic de l'armée américaine avaient été mis "
            "en sommeil après le coup d'État de 2021, avant de connaître un début de réactivation cette année.")
    brief = run(config, make_source("A", [[past], [DRONE]], dt.date(2025, 7, 10)),
                make_source("B", [[news], [CHAMBER]], dt.date(2025, 7, 22)))
    texts = [p.fr for p in brief.points()]
    assert news in texts and past not in texts


def test_a_quotation_the_paragraph_calls_an_offer_is_that_offer_again(config):
    offer = ("L'envoyé spécial Rudy Atallah a conclu sa visite à Bamako par une offre officielle de coopération "
             "sécuritaire aux autorités maliennes.")
    pitch = "« Nous avons des équipements adéquats, des connaissances et des forces », a déclaré Rudy Atallah à Bamako."
    comment = "Les paroles du lieutenant-colonel américain ressemblent à une offre de service."
    brief = run(config, make_source("A", [[offer], [DRONE]]), make_source("B", [[pitch, comment], [CHAMBER]]))
    assert sum(p.fr in (offer, pitch) for p in brief.points()) == 1
