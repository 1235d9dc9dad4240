"""Summarisation quality on the seeds: fact recall, body length, duplicate points, quote fidelity.

Run: .venv/bin/python benchmarks/quality.py [--length 900] [--markdown]

The checklist (tests/data/facts.toml) lists the facts an analyst would put in the brief, with
the section each belongs in and regexes recognising it in a Point's French text and, where the
English can lose it (a speaker, a hedge), in its English: the brief is translated with Apertium
(the offline engine every machine of the project has), so a fact counts only when the reader of
the English gets it. tests/test_quality.py enforces the same figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from briefgen.actors import find_actors
from briefgen.classify import classify
from briefgen.config import Config, load_config
from briefgen.discrepancies import find_discrepancies
from briefgen.french import fold, normalise
from briefgen.ingest import ingest
from briefgen.model import Brief, Citation
from briefgen.parse import parse
from briefgen.segment import segment
from briefgen.select import body_words, select
from briefgen.timeline import build_timeline
from briefgen.translate import translate_brief
from briefgen.translate.apertium import ApertiumTranslator

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FACTS = ROOT / "tests" / "data" / "facts.toml"
# Two points whose folded texts match at this rapidfuzz ratio are worded as the same sentence.
NEAR_DUPLICATE_RATIO = 80
OTHER_NEWS = ROOT / "tests" / "data" / "other_news"


@dataclass
class Fact:
    id: str
    sections: list[str]
    what: str
    match: list[list[str]]
    english: list[list[str]] = dataclasses.field(default_factory=list)  # on Point.en; none: French only

    def found_in(self, text: str) -> bool:
        return _matches(self.match, text)

    def stated_in_english(self, text: str) -> bool:
        return not self.english or _matches(self.english, text)


def _matches(alternatives: list[list[str]], text: str) -> bool:
    return any(all(re.search(rx, text, re.IGNORECASE) for rx in alternative) for alternative in alternatives)


@dataclass
class Quality:
    facts: int
    found: list[str]
    missing: list[str]
    body_words: int
    found_any_section: list[str]  # facts present, whatever the section
    points: int
    duplicate_points: int  # points recognised as a fact that another point already states
    near_duplicates: int  # pairs of points worded almost identically (rapidfuzz ratio >= 80)
    quotes: int
    quotes_refound: int
    seconds: float

    @property
    def recall(self) -> float:
        return len(self.found) / self.facts if self.facts else 1.0

    @property
    def duplicate_rate(self) -> float:
        return self.duplicate_points / self.points if self.points else 0.0


def load_facts(path: Path = FACTS) -> list[Fact]:
    with path.open("rb") as f:
        return [Fact(**fact) for fact in tomllib.load(f)["facts"]]


def build(paths: list[Path], config: Config) -> Brief:
    """The summarisation chain as the pipeline runs it, translated by Apertium (no rendering).
    Translations go to a cache of their own: the user's cache is left alone."""
    brief = parse(classify(segment(ingest(paths)), config), config)
    brief = find_discrepancies(find_actors(build_timeline(select(brief, config))))
    with tempfile.TemporaryDirectory() as cache:
        return translate_brief(brief, ApertiumTranslator(), dataclasses.replace(config, cache=Path(cache) / "cache.sqlite"))


def citations(brief: Brief) -> list[Citation]:
    """Every citation the brief shows: points, key judgements, timeline, discrepancies."""
    found = [c for p in [*brief.points(), *brief.key_judgements] for c in p.citations]
    found += [c for entry in brief.timeline for c in entry.citations]
    found += [c for d in brief.discrepancies for v in d.versions for c in v["citations"]]
    return found


def quote_refound(brief: Brief, citation: Citation) -> bool:
    """The quote is the cited span of the source's cleaned text (whitespace-normalised)."""
    text = brief.source(citation.source).text
    return normalise(text[citation.start : citation.end]) == normalise(citation.quote) and bool(citation.quote)


def evaluate(brief: Brief, facts: list[Fact], seconds: float = 0.0) -> Quality:
    found, missing, anywhere, duplicates = [], [], [], 0
    points = brief.points()
    for fact in facts:
        recognised = [p for p in points if fact.found_in(p.fr)]
        stated = any(p.section in fact.sections and fact.stated_in_english(p.en) for p in recognised)
        (found if stated else missing).append(fact.id)
        anywhere += [fact.id] if recognised else []
        duplicates += max(0, len(recognised) - 1)
    quoted = citations(brief)
    folded = [fold(p.fr) for p in points]
    near = sum(
        fuzz.ratio(a, b) >= NEAR_DUPLICATE_RATIO for i, a in enumerate(folded) for b in folded[i + 1 :]
    )
    return Quality(
        facts=len(facts),
        found=found,
        missing=missing,
        body_words=body_words(brief),
        found_any_section=anywhere,
        points=len(points),
        duplicate_points=duplicates,
        near_duplicates=near,
        quotes=len(quoted),
        quotes_refound=sum(quote_refound(brief, c) for c in quoted),
        seconds=seconds,
    )


def run(length: int) -> tuple[Quality, Brief]:
    config = dataclasses.replace(load_config(SEEDS), length=length)
    start = time.perf_counter()
    brief = build(sorted(SEEDS.glob("*.txt")), config)
    return evaluate(brief, load_facts(), time.perf_counter() - start), brief


def markdown(results: list[Quality], lengths: list[int]) -> str:
    rows = [
        "| budget (EN words) | facts in right section | recall | facts in any section | body words (est. EN) "
        "| points | points restating a fact | near-identical pairs | quotes re-found | time (s) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for length, q in zip(lengths, results):
        rows.append(
            f"| {length} | {len(q.found)}/{q.facts} | {q.recall:.0%} | {len(q.found_any_section)}/{q.facts} "
            f"| {q.body_words} | {q.points} | {q.duplicate_points} ({q.duplicate_rate:.0%}) | {q.near_duplicates} "
            f"| {q.quotes_refound}/{q.quotes} | {q.seconds:.2f} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, action="append", help="body budget(s) in English words")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    lengths = args.length or [900]
    results = [run(length)[0] for length in lengths]
    if args.markdown:
        print(markdown(results, lengths))
        return
    for length, q in zip(lengths, results):
        print(
            f"length {length}: recall {len(q.found)}/{q.facts} = {q.recall:.0%} "
            f"(any section {len(q.found_any_section)}), body {q.body_words} words, {q.points} points, "
            f"restating {q.duplicate_points}, near-identical {q.near_duplicates}, "
            f"quotes {q.quotes_refound}/{q.quotes}, {q.seconds:.2f} s"
        )
        if q.missing:
            print("  missing:", ", ".join(q.missing))


if __name__ == "__main__":
    sys.exit(main())
