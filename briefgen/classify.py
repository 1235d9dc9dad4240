"""Classify stage: a score per configured section for every sentence.

Two transparent signals, both driven by the `[[sections]]` config so sections can be renamed,
added or dropped without code changes:

* keywords (French stems matched at word starts, accent-insensitive), each weighted by its
  inverse document frequency in this corpus, so specific words ("Moscou", "drone") outweigh
  words every article uses ("visite");
* TF-IDF cosine similarity of the sentence to the section's description and example sentences,
  which catches sentences phrased without any listed keyword.

Measured against the alternatives (see README): spaCy fr_core_news_md and multilingual sentence
embeddings are not installed offline by default, weigh hundreds of MB and added nothing the
keyword + TF-IDF scores missed on the seed checklist.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from sklearn.feature_extraction.text import TfidfVectorizer

from briefgen.config import Config, SectionSpec
from briefgen.french import fold, stems, without_titles
from briefgen.model import Brief, Sentence

# Weight of the example/description similarity (cosine 0-1, typically 0.05-0.3) relative to the
# keyword score (1.0 = a typical keyword sentence of that section): enough to break ties and to
# place keyword-less sentences, not enough to outvote a keyword.
SIMILARITY_WEIGHT = 1.0
# Scores are rounded so that the JSON sidecar is byte-stable across platforms.
SCORE_DIGITS = 4


def classify(brief: Brief, config: Config) -> Brief:
    """Fill `Sentence.scores` (section key -> score >= 0) for every sentence of the brief."""
    sentences = [s for source in brief.sources for s in source.sentences()]
    if not sentences or not config.sections:
        return brief
    for sentence, scores in zip(sentences, score_sentences([s.text for s in sentences], config.sections)):
        sentence.scores = scores
    return brief


def score_sentences(texts: Sequence[str], specs: Sequence[SectionSpec]) -> list[dict[str, float]]:
    """Pure scoring: one {section key: score} dict per text."""
    texts = [without_titles(t) for t in texts]
    folded = [fold(t) for t in texts]
    keyword_hits = [_keyword_hits(folded, spec) for spec in specs]
    similarity = _profile_similarity(texts, specs)
    results = []
    for i in range(len(texts)):
        scores = {}
        for j, spec in enumerate(specs):
            score = keyword_hits[j][i] + SIMILARITY_WEIGHT * similarity[i][j]
            scores[spec.key] = round(score, SCORE_DIGITS)
        results.append(scores)
    return results


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str]:
    """One alternation, group i = keyword i, matched at word starts.

    A trailing space in the config means "whole word" ("or " is gold, not "organisation").
    Longer keywords are tried first so "armée" is not counted again as "armé".
    """
    alternatives = {}
    for i, keyword in enumerate(keywords):
        end = r"(?![a-z0-9])" if keyword.endswith(" ") else ""
        alternatives[i] = f"(?P<k{i}>{re.escape(fold(keyword.strip()))}{end})"
    order = sorted(alternatives, key=lambda i: (-len(keywords[i].strip()), i))
    pattern = "|".join(alternatives[i] for i in order)
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})")


def _keyword_hits(folded: Sequence[str], spec: SectionSpec) -> list[float]:
    """Sum of IDF weights of the distinct section keywords in each text, over the section's typical sum.

    Dividing by the mean over the texts where the section fires keeps a section with many broad
    keywords (security: "militaire", "armée", "défense"...) from outvoting a section with a few
    specific ones (Russia): one clear Russia mention weighs like a typical security sentence.
    """
    keywords = [k for k in spec.keywords if k.strip()]
    if not keywords:
        return [0.0] * len(folded)
    pattern = keyword_pattern(keywords)
    found = [{m.lastgroup for m in pattern.finditer(text)} for text in folded]
    document_frequency = Counter(name for names in found for name in names)
    n = len(folded)
    idf = {name: math.log((1 + n) / (1 + df)) + 1 for name, df in document_frequency.items()}
    raw = [sum(idf[name] for name in names) for names in found]
    fired = [r for r in raw if r > 0]
    typical = sum(fired) / len(fired) if fired else 1.0
    return [r / typical for r in raw]


def _profile_similarity(texts: Sequence[str], specs: Sequence[SectionSpec]) -> list[list[float]]:
    """Cosine similarity of each text to each section's description + examples + keywords."""
    profiles = [" ".join((spec.description, *spec.examples, *spec.keywords)) for spec in specs]
    vectorizer = TfidfVectorizer(analyzer=stems, sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([*texts, *profiles])
    except ValueError:  # no content word anywhere (e.g. only numbers)
        return [[0.0] * len(specs) for _ in texts]
    similarity = matrix[: len(texts)] @ matrix[len(texts) :].T
    return similarity.toarray().tolist()


def best_section(sentence: Sentence, order: Sequence[str]) -> tuple[str, float]:
    """The highest-scoring section (config order breaks ties) and its score."""
    if not sentence.scores:
        return "", 0.0
    key = max(order, key=lambda k: (sentence.scores.get(k, 0.0), -order.index(k)))
    return key, sentence.scores.get(key, 0.0)
