"""Summarisation quality on the real chain: fact recall, length, duplicates, quote fidelity; and the
same chain on other French news (tests/data/other_news) to check it is not tuned to the seeds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.french import fold

ROOT = Path(__file__).parent.parent
# Issue 4 asks for 90 % of the checklist facts, in the right section, within 900 English words.
# Measured: 22/24 = 92 % (see benchmarks/results.md).
RECALL_TARGET = 0.90
LENGTH = 900


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
    assert result.recall >= RECALL_TARGET, f"missing facts: {result.missing}"


def test_no_point_restates_another(seeds_run):
    result, brief = seeds_run
    assert len({p.id for p in brief.points()}) == len(brief.points())
    assert result.near_duplicates == 0
    assert result.duplicate_points == 0


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
