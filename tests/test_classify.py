"""Section scores: every sentence scored for every configured section; sections come from config."""

from __future__ import annotations

import dataclasses
import datetime as dt

from briefs import make_brief, make_source

from briefgen.classify import classify, keyword_pattern, score_sentences
from briefgen.sections import best_section
from briefgen.config import SectionSpec, load_config

SENTENCES = {
    "russia": "Le président malien s'est rendu à Moscou où il a rencontré Vladimir Poutine au Kremlin.",
    "security": "Une frappe de drone a visé des dirigeants du JNIM, selon les services de renseignement.",
    "economy": "Les États-Unis vont ouvrir une Chambre de commerce à Bamako pour attirer les investissements.",
    "diplomacy": "Le ministre des Affaires étrangères a reçu l'émissaire américain pour un dialogue politique.",
}


def test_every_sentence_gets_a_score_per_section(tmp_path):
    config = load_config(tmp_path)
    brief = make_brief(make_source("A", [list(SENTENCES.values())], dt.date(2025, 7, 9)))
    classify(brief, config)
    keys = [spec.key for spec in config.sections]
    for sentence in brief.sources[0].sentences():
        assert set(sentence.scores) == set(keys)
        assert all(score >= 0 for score in sentence.scores.values())


def test_default_sections_route_typical_sentences(tmp_path):
    config = load_config(tmp_path)
    brief = make_brief(make_source("A", [list(SENTENCES.values())]))
    classify(brief, config)
    keys = [spec.key for spec in config.sections]
    got = [best_section(s.scores, config.sections)[0] for s in brief.sources[0].sentences()]
    assert got == list(SENTENCES)
    assert set(got) == set(keys)


def test_a_section_added_in_config_needs_no_code(tmp_path):
    health = SectionSpec("health", "Health", "Santé", "Epidemics and hospitals.", ("épidém", "hôpita", "vaccin"))
    config = dataclasses.replace(load_config(tmp_path), sections=(*load_config(tmp_path).sections, health))
    scores = score_sentences(["Une épidémie de choléra sature les hôpitaux de Mopti."], config.sections)[0]
    assert max(scores, key=scores.get) == "health"


def test_keywords_match_word_starts_and_trailing_space_means_whole_word():
    pattern = keyword_pattern(["or ", "russ"])
    assert pattern.search("traitement d'or a bamako")
    assert not pattern.search("organisation des elections")
    assert pattern.search("le partenaire russe")
    assert not pattern.search("la prusse")


def test_scores_are_deterministic(tmp_path):
    config = load_config(tmp_path)
    texts = list(SENTENCES.values())
    assert score_sentences(texts, config.sections) == score_sentences(texts, config.sections)


def test_a_claiming_section_takes_sentences_about_it_despite_other_words(tmp_path):
    config = load_config(tmp_path)
    weapons = (
        "Le président a affirmé que le partenaire russe a doté l'armée d'équipements militaires, "
        "de drones et de munitions pour ses soldats."
    )
    scores = score_sentences([weapons, *SENTENCES.values()], config.sections)[0]
    assert max(scores, key=scores.get) == "security"  # more security words than Russia ones...
    assert best_section(scores, config.sections)[0] == "russia"  # ...but it is about Russia's role
    unclaimed = [dataclasses.replace(spec, claim=None) for spec in config.sections]
    assert best_section(scores, unclaimed)[0] == "security"


def test_a_passing_mention_does_not_claim(tmp_path):
    config = load_config(tmp_path)
    chamber = (
        "Les États-Unis vont créer une Chambre de commerce pour attirer les investissements privés, "
        "le commerce et les entreprises, un domaine où la Russie est moins présente."
    )
    scores = score_sentences([chamber, *SENTENCES.values()], config.sections)[0]
    assert scores["russia"] > 0
    assert best_section(scores, config.sections)[0] == "economy"


def test_paragraph_context_places_a_sentence_that_says_little_by_itself(tmp_path):
    config = load_config(tmp_path)
    lead = "Le Mali a participé à des programmes de formation antiterroriste et de renseignement militaire."
    vague = "Ces initiatives avaient été mises en sommeil il y a quatre ans, avant une reprise cette année."
    alone = score_sentences([lead, vague], config.sections)[1]
    together = score_sentences([lead, vague], config.sections, paragraphs=[0, 0])[1]
    assert together["security"] > alone["security"]
    assert best_section(together, config.sections)[0] == "security"
    assert score_sentences([lead, vague], config.sections, paragraphs=[0, 1])[1] == alone  # no neighbour


def test_a_weekly_background_article_scores_only_for_background_sections(tmp_path):
    config = load_config(tmp_path)
    old = make_source("old", [list(SENTENCES.values())], dt.date(2025, 8, 20))
    week = make_source("week", [list(SENTENCES.values())], dt.date(2025, 9, 16))
    old.background = True
    classify(make_brief(old, week), config)
    allowed = {spec.key for spec in config.sections if spec.background}
    assert allowed == {"russia"}
    assert all(set(s.scores) == allowed for s in old.sentences())
    assert all(set(s.scores) == {spec.key for spec in config.sections} for s in week.sentences())
    assert [s.scores["russia"] for s in old.sentences()] == [s.scores["russia"] for s in week.sentences()]
