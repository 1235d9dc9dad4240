"""Events stage: event records from the parsed French, per event type, with French sentences written
for the tests (negation, conditional, passive voice, dates written out, relative dates); and their
English from templates (english.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from briefs import make_brief, make_source

from briefgen.actors import find_actors
from briefgen.config import load_config
from briefgen.english import write_english
from briefgen.events import extract_events
from briefgen.parse import parse

JULY_10 = dt.date(2025, 7, 10)


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    return load_config(tmp_path_factory.mktemp("events"))


def events(config, *sources, translate=lambda french: ""):
    """The real chain from parse to English: every sentence is a candidate; `translate` stands in for
    the engine on the records' free-text objects."""
    for source in sources:
        for sentence in source.sentences():
            sentence.scores = {"diplomacy": 1.0}
    brief = extract_events(find_actors(parse(make_brief(*sources), config)), config)
    for event in brief.events:
        event.object_en = translate(event.object_fr)
    return write_english(brief, config.key_judgements)


def only(brief, kind):
    [event] = [e for e in brief.events if e.kind == kind]
    return event


def test_a_visit_reported_by_two_outlets_is_one_record_with_the_range_and_the_exonym(config):
    brief = events(
        config,
        make_source("A", [["Du 8 au 11 juillet 2025, Rudolph Atallah, directeur adjoint principal, a effectué "
                           "une visite officielle à Moscou."]]),  # fmt: skip
        make_source("B", [["Rudy Atallah, conseiller de Donald Trump, s'est rendu à Moscou le mercredi 9 juillet."]],
                    JULY_10),  # fmt: skip
    )
    visit = only(brief, "visit")
    assert visit.actors == ["Rudolph Atallah"] and visit.place == "Moscou"
    assert (visit.start, visit.end, visit.precision) == (dt.date(2025, 7, 8), dt.date(2025, 7, 11), "range")
    assert {c.source for c in visit.citations} == {"A", "B"}
    assert visit.en == "Principal Deputy Director Rudolph Atallah visited Moscow on 8–11 July 2025 (2 sources)."
    assert visit.label == "Atallah visits Moscow"


def test_a_negated_meeting_is_a_notable_non_meeting_with_the_pronoun_resolved(config):
    brief = events(config, make_source("A", [[
        "L'envoyé américain Rudolph Atallah a séjourné à Bamako.",
        "Il n'a toutefois pas rencontré le ministre de la Défense Sadio Camara.",
    ]]))  # fmt: skip
    meeting = only(brief, "meeting")
    assert meeting.negated and meeting.actors == ["Rudolph Atallah"] and meeting.others == ["Sadio Camara"]
    assert meeting.en == "US Envoy Rudolph Atallah did not meet Defence Minister Sadio Camara."
    visit = only(brief, "visit")
    assert visit.en.endswith("He did not meet Defence Minister Sadio Camara.")


def test_passive_voice_and_a_relative_date(config):
    brief = events(config, make_source("A", [[
        "Rudy Atallah a été reçu mercredi 9 juillet par le ministre des Affaires étrangères Abdoulaye Diop."
    ]], JULY_10))  # fmt: skip
    meeting = only(brief, "meeting")
    assert (meeting.actors, meeting.others) == (["Rudy Atallah"], ["Abdoulaye Diop"])
    assert (meeting.start, meeting.precision, meeting.negated) == (dt.date(2025, 7, 9), "day", False)
    assert meeting.en == "Rudy Atallah met Foreign Minister Abdoulaye Diop on 9 July 2025."


def test_a_conditional_strike_is_hedged_and_marked_unconfirmed(config):
    brief = events(config, make_source("A", [[
        "Selon des sources médiatiques, cette coopération aurait permis une frappe de drone ciblant des "
        "dirigeants de l'EIGS au Mali à la fin du mois de juillet."
    ]], dt.date(2025, 9, 16)), translate=lambda french: "ISGS leaders")  # fmt: skip
    strike = only(brief, "attack")
    assert strike.hedged and strike.action == "frappe de drone"
    assert (strike.start, strike.precision) == (dt.date(2025, 7, 1), "month")
    assert strike.en == "A drone strike reportedly targeted ISGS leaders in Mali in July 2025."
    assert "unconfirmed" not in strike.label  # the timeline says so by the date, once


def test_an_announcement_with_an_inverted_speaker_and_a_date_written_out(config):
    brief = events(config, make_source("A", [[
        "Le 22 juillet dernier, les États-Unis ont annoncé la création d'une Chambre de commerce américaine à "
        "Bamako, a précisé William Stevens, envoyé spécial pour le Sahel."
    ]], dt.date(2025, 8, 5)), translate=lambda french: "the creation of an American Chamber of Commerce")  # fmt: skip
    announcement = only(brief, "announcement")
    assert announcement.object_fr.startswith("la création d'une Chambre de commerce américaine")
    assert (announcement.start, announcement.precision) == (dt.date(2025, 7, 22), "day")
    assert announcement.en.endswith("announced the creation of an American Chamber of Commerce in Bamako on 22 July 2025.")


def test_a_statement_keeps_its_speaker_and_quote(config):
    brief = events(config, make_source("A", [[
        "« La lutte contre le terrorisme est une responsabilité partagée », a déclaré William Stevens."
    ]]), translate=lambda french: "the fight against terrorism is a shared responsibility")  # fmt: skip
    statement = only(brief, "statement")
    assert statement.actors == ["William Stevens"]
    assert statement.object_fr == "La lutte contre le terrorisme est une responsabilité partagée"
    assert statement.en == 'William Stevens said: "the fight against terrorism is a shared responsibility"'


def test_suspension_and_resumption_of_named_programmes_recalled_as_background(config):
    brief = events(config, make_source("A", [[
        "Le Mali a participé aux programmes Juniper Shield et Obsidian Mosaic.",
        "Ces initiatives avaient été mises en sommeil après le coup d'État de 2021, avant de connaître un début "
        "de réactivation cette année.",
    ]], dt.date(2025, 7, 20)), translate=lambda french: french)  # fmt: skip
    suspension = only(brief, "suspension")
    assert suspension.object_fr == "Juniper Shield et Obsidian Mosaic"
    assert (suspension.start.year, suspension.precision, suspension.background) == (2021, "year", True)
    assert only(brief, "resumption").object_fr == "Juniper Shield et Obsidian Mosaic"


def test_an_agreement_between_two_named_parties(config):
    brief = events(config, make_source("A", [[
        "Le ministre des Affaires étrangères Abdoulaye Diop et l'envoyé américain Rudolph Atallah ont convenu "
        "d'une feuille de route technique.",
    ]]), translate=lambda french: "a technical roadmap")  # fmt: skip
    agreement = only(brief, "agreement")
    assert agreement.object_fr == "une feuille de route technique"
    assert agreement.en == "Foreign Minister Abdoulaye Diop and US Envoy Rudolph Atallah agreed on a technical roadmap."


def test_an_agreement_beside_no_formal_agreement_is_one_record(config):
    brief = events(config, make_source("A", [[
        "Bien que la visite de l'envoyé américain n'ait pas abouti à la signature d'accords formels, les deux parties "
        "ont convenu d'une feuille de route technique, incluant des réunions au niveau des experts en sécurité."
    ]]), translate={"une feuille de route technique, incluant des réunions au niveau des experts en sécurité":
                    "a technical roadmap, including meetings of security experts"}.get)  # fmt: skip
    agreement = only(brief, "agreement")
    assert (agreement.negated, agreement.unsigned, agreement.actors) == (False, "accords formels", ["les deux parties"])
    assert agreement.en == ("The two sides agreed on a technical roadmap, including meetings of security experts; "
                            "no formal agreement was signed.")  # fmt: skip
    assert agreement.label == "Two sides agree on a technical roadmap"


def test_no_formal_agreement_alone_is_written_from_the_template(config):
    brief = events(config, make_source("A", [[
        "La visite de l'envoyé américain Rudolph Atallah n'a pas abouti à la signature d'accords formels le 11 juillet 2025."
    ]]))  # fmt: skip
    agreement = only(brief, "agreement")
    assert agreement.negated and agreement.object_fr == "accords formels"
    assert (agreement.en, agreement.label) == ("No formal agreement was signed on 11 July 2025.", "No formal agreement signed")


def test_an_expected_agreement_is_marked_as_such_not_as_done(config):
    brief = events(config, make_source("A", [[
        "On s'attend à voir aboutir la signature de nouveaux accords bilatéraux, notamment un accord final de "
        "coopération sur l'utilisation pacifique de l'énergie nucléaire, après des mois de négociations."
    ]]), translate=lambda french: "new bilateral agreements, including a final agreement on civil nuclear energy")  # fmt: skip
    agreement = only(brief, "agreement")
    assert agreement.expected and not agreement.negated and agreement.start is None
    assert agreement.object_fr == ("nouveaux accords bilatéraux, notamment un accord final de coopération sur "
                                   "l'utilisation pacifique de l'énergie nucléaire")  # fmt: skip
    assert agreement.en == ("New bilateral agreements, including a final agreement on civil nuclear energy are "
                            "expected to be signed.")  # fmt: skip
    assert agreement.label == "New bilateral agreements expected"


def test_an_agreement_to_do_something_between_unnamed_parties(config):
    brief = events(config, make_source("A", [[
        "Les autorités maliennes et la délégation américaine ont convenu de maintenir un dialogue régulier."
    ]]), translate=lambda french: "to maintain a regular dialogue" if french.startswith("de ") else "")  # fmt: skip
    agreement = only(brief, "agreement")
    assert (agreement.actors, agreement.object_fr) == (["Les autorités maliennes", "la délégation américaine"],
                                                       "de maintenir un dialogue régulier")  # fmt: skip
    assert agreement.en == "The Malian authorities and the US delegation agreed to maintain a regular dialogue."


def test_an_inverted_speaker_after_the_date_states_what_he_said_and_ends_his_visit(config):
    brief = events(
        config,
        make_source("A", [[
            "Les États-Unis restent engagés dans la lutte contre le terrorisme et prêts à collaborer avec le Mali "
            "dans celle-ci, a annoncé, le 22 juillet dernier, le sous-secrétaire d'État adjoint pour l'Afrique de "
            "l'Ouest, William Stevens, au terme d'une visite de travail au Mali."
        ]], dt.date(2025, 7, 25)),
        make_source("B", [["William Stevens s'est rendu à Bamako les 21 et 22 juillet 2025."]], dt.date(2025, 7, 24)),
        translate=lambda french: "The United States remain committed to counterterrorism and ready to work with Mali",
    )  # fmt: skip
    statement = only(brief, "statement")
    assert statement.actors == ["William Stevens"] and not statement.quoted
    assert statement.object_fr == ("Les États-Unis restent engagés dans la lutte contre le terrorisme et prêts à "
                                   "collaborer avec le Mali")  # fmt: skip
    assert statement.en.endswith("William Stevens announced on 22 July 2025 that the United States remain committed "
                                 "to counterterrorism and ready to work with Mali.")  # fmt: skip
    visit = only(brief, "visit")  # his visit's end, and another outlet's dates of it: one record
    assert (visit.start, visit.end, visit.corroboration) == (dt.date(2025, 7, 21), dt.date(2025, 7, 22), 2)


def test_reported_speech_is_said_that_without_its_aside_never_quoted(config):
    brief = events(config, make_source("A", [[
        "La ministre Haoua Amadou a précisé que le second projet, financé par la Banque mondiale, sera lancé à Zinder."
    ]]), translate=lambda french: "The second project will be launched in Zinder")  # fmt: skip
    statement = only(brief, "statement")
    assert statement.object_fr == "le second projet sera lancé à Zinder" and not statement.quoted
    assert statement.en.endswith("Haoua Amadou said that the second project will be launched in Zinder.")


def test_a_delegation_of_a_named_body_is_not_the_person_in_context(config):
    brief = events(config, make_source("A", [[
        "Le ministre des Pêches, Fatou Diouf, a déclaré que le gouvernement entendait protéger la ressource.",
        "La délégation de l'Union européenne à Dakar s'est dite « disposée à poursuivre le dialogue ».",
    ]]), translate=lambda french: "ready to continue the dialogue")  # fmt: skip
    assert not [e for e in brief.events if "poursuivre" in e.object_fr]


def test_a_quotation_inside_a_reported_clause_is_reported_speech(config):
    brief = events(config, make_source("A", [[
        "Le ministre des Pêches, Fatou Diouf, a déclaré que le gouvernement entendait « protéger la ressource »."
    ]]), translate=lambda french: "the government intended to protect the resource")  # fmt: skip
    statement = only(brief, "statement")
    assert statement.object_fr == "le gouvernement entendait protéger la ressource" and not statement.quoted
    assert statement.en.endswith("Fatou Diouf said that the government intended to protect the resource.")


def test_unnamed_parties_counted_or_of_a_named_body_are_written_from_the_gazetteer(config):
    brief = events(config, make_source("A", [[
        "Le président américain recevait cinq chefs d'États africains.",
        "La sous-secrétaire d'État américaine avait rencontré des officiels de la Minusma.",
    ]]))  # fmt: skip
    assert sorted(e.en for e in brief.events) == [
        "The US President met five African heads of state.",
        "The US Under Secretary of State met officials of MINUSMA (UN mission in Mali).",
    ]
    assert sorted(e.label for e in brief.events) == [  # a headline leaves the explanation in brackets out
        "US President meets five African heads of state", "US Under Secretary of State meets officials of MINUSMA"]


def test_a_strike_keeps_the_whole_name_of_its_target_and_the_place_of_its_verb(config):
    brief = events(config, make_source("A", [[
        "Cette coopération aurait permis une frappe de drone ciblant des dirigeants d'Al-Qaïda au Maghreb islamique "
        "(AQMI) au Mali en juillet 2025."
    ]]), translate=lambda french: "leaders of Al-Qaeda in the Islamic Maghreb (AQIM)")  # fmt: skip
    strike = only(brief, "attack")
    assert (strike.object_fr, strike.place) == ("dirigeants d'Al-Qaïda au Maghreb islamique (AQMI)", "Mali")
    assert strike.en == "A drone strike reportedly targeted leaders of Al-Qaeda in the Islamic Maghreb (AQIM) in Mali in July 2025."
    assert strike.label == "Drone strike on leaders of AQIM in Mali"  # the abbreviation does in a headline


def test_an_announcement_in_two_places_names_both(config):
    brief = events(config, make_source("A", [[
        "Les autorités ont annoncé la construction de deux usines de conditionnement à Saint-Louis et à Ziguinchor."
    ]]), translate=lambda french: "the building of two packaging plants")  # fmt: skip
    announcement = only(brief, "announcement")
    assert announcement.place == "Saint-Louis et Ziguinchor"
    assert announcement.en == "The authorities announced the building of two packaging plants in Saint-Louis and Ziguinchor."


def test_an_undated_report_is_background_when_its_partys_dated_reports_are(config):
    brief = events(config, make_source("A", [[
        "Du 8 au 11 juillet 2025, Rudolph Atallah a effectué une visite officielle à Bamako.",
        "Rudolph Atallah a souligné que les États-Unis respectent la souveraineté du Mali.",
    ]], dt.date(2025, 9, 16)), translate=lambda french: "the United States respect the sovereignty of Mali")  # fmt: skip
    assert [(e.kind, e.background) for e in brief.events] == [("visit", True), ("statement", True)]
    assert brief.developments == []


def test_commentary_and_questions_report_no_event(config):
    brief = events(config, make_source("A", [[
        "Les analystes estiment que la visite de Rudolph Atallah à Bamako confirme un retour de Washington.",
        "Les analystes qui se sont exprimés sur ce revirement, estiment que la visite de Rudolph Atallah compte.",
        "De facto, Assimi Goïta relance la coopération avec les États-Unis par pragmatisme.",
        "Rudolph Atallah a-t-il rencontré le ministre Abdoulaye Diop ?",
    ]]))  # fmt: skip
    assert brief.events == []


def test_key_developments_rank_corroborated_named_events_and_absorb_the_visitors_meetings(config):
    brief = events(
        config,
        make_source("A", [["Rudolph Atallah, directeur adjoint principal, s'est rendu à Bamako du 8 au 11 juillet 2025.",
                           "Il a rencontré le ministre des Affaires étrangères Abdoulaye Diop le 9 juillet 2025."]],
                    dt.date(2025, 7, 14)),
        make_source("B", [["L'envoyé Rudolph Atallah a effectué une visite à Bamako du 8 au 11 juillet 2025."]]),
        make_source("C", [["Des officiers américains avaient rencontré des officiers maliens en février 2021."]],
                    dt.date(2025, 7, 12)),
    )  # fmt: skip
    assert [e.kind for e in brief.developments] == ["visit"]  # the meeting is told by the visit; 2021 is background
    assert brief.developments[0].en.endswith("Rudolph Atallah visited Bamako on 8–11 July 2025. He met Foreign "
                                             "Minister Abdoulaye Diop (2 sources).")  # fmt: skip
    assert [e.background for e in brief.events if e.start.year == 2021] == [True]


# French words a sentence may start with, which the English check (lower-case words only) would miss.
FRENCH_CAPITALS = {"Le", "La", "Les", "Des", "Du", "De", "Un", "Une", "Cette", "Ces", "Il", "Elle"}


def test_other_news_records_cite_their_sources_and_read_in_english(tmp_path):
    """The real chain with the real pivot engine on French news the rules were not written for."""
    from briefgen.pipeline import run
    from briefgen.translate.apertium import ApertiumTranslator

    from conftest import ROOT
    from translate.test_lexicon import foreign_words  # Apertium's analysers: not English, but Catalan or French

    folder = ROOT / "tests" / "data" / "other_news"
    config = load_config(tmp_path)
    brief = run(sorted(folder.glob("*.txt")), config, ApertiumTranslator())
    written = [e for e in brief.events if e.en]
    assert len(written) >= 5 and {"attack", "announcement", "statement"} <= {e.kind for e in written}
    for event in brief.events:
        for citation in event.citations:
            assert brief.source(citation.source).text[citation.start : citation.end] == citation.quote
    english = [e.en for e in written] + [e.label for e in written]
    assert foreign_words(english) == set()
    assert not [text for text in english if set(text.split()) & FRENCH_CAPITALS]
    attack = next(e for e in written if e.kind == "attack" and e.corroboration == 2)
    assert attack.en == "At least 30 soldiers were killed in Djibo on 17 May 2025 (2 sources; figures differ)."
    assert brief.developments and all(d.en for d in brief.developments)


@pytest.fixture(scope="module")
def seeds_brief(tmp_path_factory):
    """The sample brief's content: the real chain, the real pivot engine."""
    from briefgen.pipeline import run
    from briefgen.translate.apertium import ApertiumTranslator

    from conftest import SEEDS

    return run(sorted(SEEDS.glob("*.txt")), load_config(tmp_path_factory.mktemp("seeds")), ApertiumTranslator())


def test_seed_key_developments_are_templated_cited_and_not_section_points(seeds_brief):
    developments = seeds_brief.developments
    assert 3 <= len(developments) <= 5
    points = {text for p in seeds_brief.points() for text in (p.fr, p.en)}
    for event in developments:
        assert event.citations and event.en and event.en not in points
    assert developments[0].en.startswith("Rudolph Atallah visited Mali on 8–11 July 2025. He met Foreign Minister "
                                         "Abdoulaye Diop")  # fmt: skip
    assert "but not Defence Minister Sadio Camara" in developments[0].en and "dates differ" in developments[0].en


def test_seed_records_hold_both_us_visits_the_non_meeting_and_goitas_meeting_with_putin(seeds_brief):
    def found(kind, actor, other=None, negated=False):
        return [e for e in seeds_brief.events if e.kind == kind and actor in e.actors and e.negated == negated
                and (other is None or other in e.others) and not e.background]  # fmt: skip

    assert found("visit", "Rudolph Atallah") and found("visit", "William Stevens")
    assert found("meeting", "Rudolph Atallah", "Sadio Camara", negated=True)
    assert found("meeting", "Assimi Goïta", "Vladimir Poutine")
    assert [e.place for e in found("visit", "Assimi Goïta")] == ["Moscou"]


def test_seed_records_cite_their_sources_and_read_in_english(seeds_brief):
    """Every record of the sample, re-found in its source and written without French or Catalan; the
    agreements the reader listed among them: the roadmap beside no formal agreement, the expected one."""
    from translate.test_lexicon import foreign_words

    for event in seeds_brief.events:
        for citation in event.citations:
            assert seeds_brief.source(citation.source).text[citation.start : citation.end] == citation.quote
    written = [e for e in seeds_brief.events if e.en]
    english = [e.en for e in written] + [e.label for e in written]
    assert foreign_words(english) == set() and not [text for text in english if set(text.split()) & FRENCH_CAPITALS]
    agreements = {e.en for e in written if e.kind == "agreement"}
    assert ("The two sides agreed on a technical roadmap, including meetings at the level of the security experts; no "
            "formal agreement was signed.") in agreements  # fmt: skip
    assert [e.expected for e in written if e.kind == "agreement" and "nuclear energy" in e.en] == [True]
    stevens = [e for e in written if e.kind == "statement" and e.start == dt.date(2025, 7, 22)]
    assert [e.actors for e in stevens] == [["William Stevens"]] and " announced on 22 July 2025 that " in stevens[0].en


def test_seed_timeline_has_one_row_per_event_with_short_labels(seeds_brief):
    rows = seeds_brief.timeline
    records = [r.event for r in rows if r.event]
    assert len(set(records)) == len(records) and len(records) >= len(rows) - 1  # 2022's visit names no party
    atallah = [r for r in rows if "Atallah" in r.label]
    assert [(r.date, r.label) for r in atallah] == [("2025-07-08/2025-07-11", "Atallah visits Mali")]
    assert [r.label for r in rows if "Stevens" in r.label] == ["Stevens visits Bamako"]  # his 22 July statement: the visit's row
    assert all(r.label and len(r.label.split()) <= 13 for r in rows if r.event)  # 12 words, and "…"
    background = {e.id for e in seeds_brief.events if e.background}
    assert any(r.event in background for r in rows) and not any(r.event in background for r in rows if r.date.startswith("2025-07"))


def test_seed_actors_have_english_roles_and_one_row_per_entity(seeds_brief):
    listed = seeds_brief.listed_actors(25)
    people = [a for a in listed if a.kind == "person"]
    assert sum(bool(a.role_en) for a in people) >= 0.9 * len(people)
    names = [a.name_en or a.name for a in listed]
    assert len(names) == len(set(names))
    assert "US" not in names and not [n for n in names if n.endswith("de l’Information")]
    assert "US National Security Council" in names and "Alliance of Sahel States" in names
    assert "Conseil de Sécurité" not in names


PLANT = ("Le 17 juin dernier, le président malien a posé la première pierre d'une nouvelle usine de traitement d'or "
         "à Bamako, la capitale, un projet conjoint entre le Mali et la Russie.")


def test_a_long_label_ends_at_a_whole_phrase_never_mid_phrase(config):
    phrase = "the foundation stone of a new gold processing plant in Bamako, the capital, a joint project between Mali"
    brief = events(config, make_source("A", [[PLANT]], dt.date(2025, 7, 1)), translate=lambda french: phrase if french else "")
    [plant] = [e for e in brief.events if e.action == "poser"]
    assert plant.label == "Malian President lays the foundation stone of a new gold processing plant"
    assert len(plant.label.split()) <= 12 and "…" not in plant.label


def test_a_label_with_no_phrase_boundary_is_left_to_the_timeline(config):
    phrase = "the biggest newest brightest shiniest gold processing plant anybody anywhere ever built"
    brief = events(config, make_source("A", [[PLANT]], dt.date(2025, 7, 1)), translate=lambda french: phrase if french else "")
    [plant] = [e for e in brief.events if e.action == "poser"]
    assert plant.en and plant.label == ""  # the timeline writes "Plant launched: … (Bamako)" (render/labels.py)


def test_a_record_only_background_articles_report_is_no_key_development(config):
    visit = "Du 8 au 11 juillet 2025, Rudolph Atallah a effectué une visite officielle à Bamako."
    moscow = "Du 23 au 26 juin 2025, Assimi Goïta a effectué une visite officielle à Moscou."
    old, week = make_source("old", [[moscow]], dt.date(2025, 6, 28)), make_source("week", [[visit]], JULY_10)
    assert {e.place for e in events(config, old, week).developments} == {"Moscou", "Bamako"}
    old.background = True
    assert [e.place for e in events(config, old, week).developments] == ["Bamako"]
