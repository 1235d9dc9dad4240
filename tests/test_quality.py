"""Summarisation quality on the real chain: fact recall, length, duplicates, quote fidelity; and the
same chain on other French news (tests/data/other_news) to check it is not tuned to the seeds."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.french import fold

ROOT = Path(__file__).parent.parent
# Issue 15 asks for 90 % of the extended checklist (30 facts, stated in the French and, with their
# speaker and hedge, in the English) within 900 English words and no restating point. Measured:
# 27/30 = 90 % and none restating (see benchmarks/results.md).
RECALL_FLOOR = 0.90
MOST_RESTATING = 0
LENGTH = 900
# Verbs of saying with a pronoun for the speaker, and the journalistic conditional outside reported speech.
PRONOUN_SPEAKER = re.compile(r"(?:^|[,:]\s*)(?:il|elle) (?:a|avait) (?:déclaré|affirmé|souligné|ajouté|précisé|indiqué|dit)\b|dit-il|a-t-il|selon lui", re.I)
CONDITIONAL = re.compile(r"\b(?:aurai(?:t|ent)|serai(?:t|ent))\b", re.I)
REPORTED = re.compile(r"\b(?:a|ont) (?:annoncé|précisé|indiqué|déclaré) [^.]*qu", re.I)
THIS_SOURCE = re.compile(r"\b(?:cette|ces|la même|les mêmes) sources?\b", re.I)
REFERRING_ENGLISH = re.compile(r"^(?:This|These|That|Those|At this|In this|It|He|She|They)\b")


def _load_quality():
    """benchmarks/ is a folder of scripts, not a package: load the quality script by path."""
    spec = importlib.util.spec_from_file_location("benchmarks_quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


quality = _load_quality()


@pytest.fixture(scope="module")
def seeds_run():
    return quality.run(LENGTH)


@pytest.fixture(scope="module")
def other_news():
    config = load_config(quality.OTHER_NEWS)
    return quality.build(sorted(quality.OTHER_NEWS.glob("*.txt")), config)


def test_fact_recall_meets_the_issue_target_within_the_length_budget(seeds_run):
    result, _ = seeds_run
    assert result.body_words <= LENGTH
    assert result.recall >= RECALL_FLOOR, f"missing facts: {result.missing}"


def test_no_point_restates_another(seeds_run):
    result, brief = seeds_run
    assert len({p.id for p in brief.points()}) == len(brief.points())
    assert result.near_duplicates == 0
    assert result.duplicate_points <= MOST_RESTATING


def test_every_quote_is_refound_in_its_source(seeds_run):
    result, brief = seeds_run
    assert result.quotes > 0 and brief.timeline and brief.key_judgements
    assert result.quotes_refound == result.quotes


def test_key_judgements_are_points_of_the_body(seeds_run):
    _, brief = seeds_run
    assert 3 <= len(brief.key_judgements) <= 5
    assert {p.id for p in brief.key_judgements} <= {p.id for p in brief.points()}


def test_seed_actors_and_the_visit_date_discrepancy(seeds_run):
    _, brief = seeds_run
    people = {a.name: a for a in brief.actors if a.kind == "person"}
    assert "Rudy Atallah" in people["Rudolph Atallah"].variants
    assert "Assimi Goita" in people["Assimi Goïta"].variants
    assert {"William Stevens", "William B. Stevens"} <= {n for a in people.values() for n in [a.name, *a.variants]}
    [visit] = [d for d in brief.discrepancies if "Atallah" in d.topic]
    assert len(visit.versions) >= 3


def test_other_news_gives_a_sensible_brief(other_news):
    brief = other_news
    sections = {s.key: s for s in brief.sections}
    assert sections["russia"].points == []  # no Russia content in these articles
    assert sections["security"].points and sections["economy"].points
    for point in brief.points():
        assert "russ" not in fold(point.fr) and "moscou" not in fold(point.fr)
    result = quality.evaluate(brief, [])
    assert result.quotes_refound == result.quotes > 0
    assert any(d.topic.startswith("Number of") for d in brief.discrepancies)


def attribution_problems(brief) -> list[str]:
    """Points a reader would misread: a pronoun speaker left unnamed, a conditional stated as fact,
    English opening on a reference to nothing, « selon cette source » with no source before it."""
    problems = []
    for point in brief.points():
        if PRONOUN_SPEAKER.search(point.fr) and not (point.speaker and f"[{point.speaker}]" in point.en):
            problems.append(f"unnamed speaker: {point.fr}")
        if CONDITIONAL.search(point.fr) and not REPORTED.search(point.fr) and not re.search(r"Reportedly|According to", point.en):
            problems.append(f"unhedged conditional: {point.fr}")
        if REFERRING_ENGLISH.match(point.en):
            problems.append(f"opens on a reference: {point.en}")
        if (this := THIS_SOURCE.search(point.fr)) and "source" not in point.fr[: this.start()]:
            problems.append(f"refers to a source it does not name: {point.fr}")
    return problems


def test_points_keep_their_speaker_and_hedge_in_the_english(seeds_run, other_news):
    _, brief = seeds_run
    assert attribution_problems(brief) == []
    assert attribution_problems(other_news) == []
    assert any(p.speaker == "Atallah" and p.en.startswith("Returning") and "[Atallah] said:" in p.en for p in brief.points())
    # Two US envoys in one brief: « L'envoyé américain a confirmé » says which one.
    assert any(p.speaker == "Stevens" and p.en.startswith("The American envoy [Stevens]") for p in brief.points())
    [cia] = [p for p in brief.points() if "CIA" in p.fr]
    assert cia.hedged and "drone" in cia.fr and "Reportedly" in cia.en  # « Cette coopération » joined to its antecedent
    assert any(entry.hedged and "drone" in entry.fr for entry in brief.timeline)


def test_merged_points_say_when_their_sources_date_the_event_differently(seeds_run):
    _, brief = seeds_run
    [visit] = [p for p in brief.points() if "Atallah" in p.fr and p.corroboration >= 4]
    assert visit.dates_differ and "[Sources differ on the date: also" in visit.en
    assert not visit.fr.startswith("C’est ainsi")
    [chamber] = [p for p in brief.points() if "Chambre de commerce" in p.fr]
    assert chamber.corroboration == 2  # 003 and 004 both report it
