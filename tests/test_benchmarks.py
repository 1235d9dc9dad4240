"""The benchmark corpus generator: deterministic, N distinct articles that briefgen ingests cleanly;
and the harness that builds it in measured child processes.

No timing here (speed is measured by `make bench`, not asserted by tests).
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from briefgen.ingest import ingest
from briefgen.model import Period
from briefgen.pipeline import ANALYSIS_STAGES
from briefgen.segment import segment

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
N = 40


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus():
    return _load("corpus")


@pytest.fixture(scope="module")
def written(corpus, tmp_path_factory) -> list[Path]:
    return corpus.write_corpus(N, tmp_path_factory.mktemp("corpus"), seed=3)


def test_same_seed_same_bytes_other_seed_other_text(corpus, written, tmp_path):
    again = corpus.write_corpus(N, tmp_path / "again", seed=3)
    assert [p.name for p in again] == [p.name for p in written]
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in written]
    other = corpus.generate(N, seed=4)
    assert [a.text for a in other] != [p.read_text(encoding="utf-8") for p in written]


def test_n_distinct_articles_ingest_without_warnings(written):
    brief = segment(ingest(written))
    assert not brief.warnings, brief.warnings
    assert len(brief.sources) == N
    assert len({s.id for s in brief.sources}) == N
    assert all(s.language == "fr" and s.sentences() for s in brief.sources)


def test_metadata_varies_within_one_week(written):
    brief = ingest(written)
    weeks = {Period.containing(s.date).week for s in brief.sources}
    assert weeks == {"2025-W38"}
    assert len({s.date for s in brief.sources}) > 3
    assert len({s.outlet for s in brief.sources}) > 3
    assert all(s.title and s.place for s in brief.sources)


def test_sentences_are_repeated_across_articles(written):
    """Planted duplicates: some sentences appear verbatim in several articles, most do not."""
    brief = segment(ingest(written))
    counts = Counter(s.text for source in brief.sources for s in source.sentences())
    repeated = [text for text, n in counts.items() if n > 1]
    assert repeated
    assert len(repeated) < len(counts) / 2


def test_stories_rename_people_and_places(corpus):
    a, b = corpus.rename("Abdoulaye Diop a reçu Rudy Atallah à Moscou.", 1, 0, corpus.kept_words()), corpus.rename(
        "Abdoulaye Diop a reçu Rudy Atallah à Moscou.", 2, 0, corpus.kept_words()
    )
    assert a != b
    assert "Atallah" not in a and "Diop" not in a
    assert a.endswith("Moscou.")  # a section keyword (Russia) is kept


def test_a_child_build_reports_every_stage():
    """harness.builds_in_children, child_arguments and ChildBuild, as stage_times (and
    profile_stages) use them: a child process builds a small corpus and reports each stage."""
    result = _load("stage_times").run(articles=3, runs=1)
    [run] = result["runs"]
    assert [s["stage"] for s in run["stages"]] == ["setup", "ingest", *(name for name, _ in ANALYSIS_STAGES), "translate", "render"]
    assert sum(s["wall"] for s in run["stages"]) <= run["seconds"]
    assert run["peak_mb"] > 0
