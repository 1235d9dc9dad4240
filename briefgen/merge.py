"""Cross-source fact merging: group sentences that state the same fact, without all-pairs comparison.

Sentences become TF-IDF vectors over content stems. Candidate pairs come from *blocking*: two
sentences are compared only if they share at least one rare stem (a stem found in at most
BLOCK_MAX_DF sentences), computed as one sparse product. Each block holds at most BLOCK_MAX_DF
sentences, so the work grows with the number of sentences, not its square (issue 8); stems too
common to block on ("mali", "etats") are exactly those that say nothing about *which* fact it is.
Candidate pairs at cosine >= MERGE_SIMILARITY are joined by average linkage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from briefgen.french import stems, without_titles

# A stem shared by more sentences than this is too common to say two sentences report the same
# fact; it also bounds each block, which keeps the candidate pairs linear in corpus size.
BLOCK_MAX_DF = 60
# Cosine over content stems at or above which two sentences report the same fact. Measured on
# the seeds: two outlets' accounts of one fact score 0.35-0.47 (Atallah's visit 0.46, the
# Camara snub 0.43), while different facts naming the same person reach 0.44; with average
# linkage, 0.4 kept the most checklist facts (0.3: 13/24, 0.35: 15, 0.4: 16, 0.5: 15).
MERGE_SIMILARITY = 0.4

# Norm of a sentence's anchors (see `with_anchors`) against 1 for its words.
ANCHOR_WEIGHT = 0.7

Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, cols, cosine of the compared pairs


def vectorise(texts: Sequence[str]) -> csr_matrix:
    """L2-normalised TF-IDF rows over content stems, job titles left out (see `without_titles`)."""
    vectorizer = TfidfVectorizer(analyzer=stems, sublinear_tf=True, dtype=np.float64)
    try:
        return vectorizer.fit_transform([without_titles(t) for t in texts]).tocsr()
    except ValueError:  # empty vocabulary
        return csr_matrix((len(texts), 1))


def with_anchors(matrix: csr_matrix, anchors: Sequence[Iterable[str]], weight: float = ANCHOR_WEIGHT) -> csr_matrix:
    """The rows extended with one column per anchor, then L2-normalised again.

    Anchors are what identifies a fact beyond its wording (the same person in the same kind of
    event, the same figure): two outlets paraphrasing one visit share few words but the anchor
    "atallah/visit". The anchor part of a row has norm `weight` against 1 for the words, so a
    shared anchor lifts the cosine of two paraphrases without making every mention of a person
    the same fact; anchor columns also join the blocks of `candidate_pairs`.
    """
    vocabulary = {a: j for j, a in enumerate(sorted({a for row in anchors for a in row}))}
    if not vocabulary:
        return matrix
    rows, cols = [], []
    for i, row in enumerate(anchors):
        for anchor in sorted(set(row)):
            rows.append(i)
            cols.append(vocabulary[anchor])
    extra = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(matrix.shape[0], len(vocabulary)))
    extra = normalize(extra) * weight
    return normalize(hstack([matrix, extra]).tocsr())


def candidate_pairs(matrix: csr_matrix) -> Pairs:
    """(rows, cols, cosine) for i < j sharing a rare stem: the blocked comparison."""
    present = (matrix > 0).astype(np.int32).tocsc()
    document_frequency = np.diff(present.indptr)
    rare = np.flatnonzero((document_frequency >= 2) & (document_frequency <= BLOCK_MAX_DF))
    block = present[:, rare].tocsr()
    shared = (block @ block.T).tocoo()
    upper = shared.row < shared.col
    rows, cols = shared.row[upper], shared.col[upper]
    if rows.size == 0:
        return rows, cols, np.zeros(0)
    cosine = np.asarray(matrix[rows].multiply(matrix[cols]).sum(axis=1)).ravel()
    return rows, cols, cosine


def clusters(
    matrix: csr_matrix, pairs: Pairs, threshold: float | None = None, start: Sequence[Sequence[int]] | None = None
) -> list[list[int]]:
    """Groups of row indices reporting the same fact, each sorted, ordered by first member.

    Average linkage over the candidate pairs, strongest first: two groups join only if their
    members are similar *on average*, so a chain A~B~C cannot glue two different facts A and C
    through a sentence B that mentions both. `start`: groups to begin from (default: every row
    alone), e.g. the result of a first pass, joined further over other pairs.
    """
    threshold = MERGE_SIMILARITY if threshold is None else threshold
    n = matrix.shape[0]
    rows, cols, cosine = pairs
    keep = cosine >= threshold
    order = np.lexsort((cols[keep], rows[keep], -cosine[keep]))
    members = {min(group): sorted(group) for group in start} if start is not None else {i: [i] for i in range(n)}
    label = list(range(n))  # row -> label (first row of its group)
    for first, group in members.items():
        for index in group:
            label[index] = first
    total = _group_sums(matrix, [group for group in members.values() if len(group) > 1])
    for a, b in zip(rows[keep][order], cols[keep][order]):
        la, lb = label[a], label[b]
        if la == lb:
            continue
        sum_a = total[la] if la in total else matrix[la]
        sum_b = total[lb] if lb in total else matrix[lb]
        if sum_a.multiply(sum_b).sum() / (len(members[la]) * len(members[lb])) < threshold:
            continue
        moved = members.pop(lb)
        for index in moved:
            label[index] = la
        members[la].extend(moved)
        total[la] = sum_a + sum_b
        total.pop(lb, None)
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


def _group_sums(matrix: csr_matrix, groups: Sequence[Sequence[int]]) -> dict[int, csr_matrix]:
    """First row of each group -> sum of the group's rows (one sparse product for all groups)."""
    if not groups:
        return {}
    rows = [k for k, group in enumerate(groups) for _ in group]
    cols = [i for group in groups for i in group]
    indicator = csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(groups), matrix.shape[0]))
    sums = (indicator @ matrix).tocsr()
    return {group[0]: sums[k] for k, group in enumerate(groups)}
