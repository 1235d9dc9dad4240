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
    return write_english(brief)


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
    assert strike.label.endswith("(unconfirmed)")


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


def test_commentary_and_questions_report_no_event(config):
    brief = events(config, make_source("A", [[
        "Les analystes estiment que la visite de Rudolph Atallah à Bamako confirme un retour de Washington.",
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
