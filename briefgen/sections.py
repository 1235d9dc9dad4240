"""Which section a sentence or a fact belongs to, given its section scores and the configured sections.

Below the stages: classification scores sentences, selection files facts; both read the same rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefgen.config import SectionSpec

# A section claims a sentence only if the sentence is about it at all: about one keyword mention
# (a single keyword scores 0.5-0.6), not a faint word similarity.
CLAIM_FLOOR = 0.4


def best_section(scores: Mapping[str, float], specs: Sequence[SectionSpec]) -> tuple[str, float]:
    """The section a sentence (or a fact, given its mean scores) goes to, and its score there.

    A section with a `claim` takes it when it scores at least that share of the best score (and
    at least CLAIM_FLOOR); otherwise the highest-scoring section, config order breaking ties.
    """
    if not scores or not specs:
        return "", 0.0
    best = max(scores.get(s.key, 0.0) for s in specs)
    claimed = [
        s.key for s in specs if s.claim is not None and scores.get(s.key, 0.0) >= max(CLAIM_FLOOR, s.claim * best)
    ]
    keys = claimed or [s.key for s in specs]
    key = max(keys, key=lambda k: (scores.get(k, 0.0), -keys.index(k)))
    return key, scores.get(key, 0.0)
