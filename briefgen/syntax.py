"""Reading a parsed French sentence: heads, children, subjects, mood, negation, hedging adverbs.

Pure helpers over Sentence.tokens (filled by the parse stage) for every stage that reads the parse,
so that none borrows them from another stage. Each takes the token list of one sentence and token
indices into it; callers check `sentence.tokens is not None` first (unparsed sentences are common:
only candidates are parsed).
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.model import Token

SUBJECT = ("nsubj", "nsubj:pass", "expl:subj")
# Adverbs that make a statement a possibility, not a fact (« aurait potentiellement permis »).
HEDGE_ADVERBS = frozenset({"potentiellement", "apparemment", "vraisemblablement", "probablement", "peut-être", "visiblement"})


def children(tokens: Sequence[Token], head: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head]


def subtree(tokens: Sequence[Token], head: int) -> list[int]:
    """`head` and every token below it, in sentence order."""
    found, todo = {head}, [head]
    while todo:
        for child in children(tokens, todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return sorted(found)


def root(tokens: Sequence[Token]) -> int:
    """The main verb: the parser sometimes gives a sentence two roots (a subject noun phrase cut off
    from its verb); the verbal one is the statement's."""
    roots = [i for i, t in enumerate(tokens) if t.head == i]
    return next((i for i in roots if tokens[i].pos in ("VERB", "AUX")), roots[0] if roots else 0)


def subject(tokens: Sequence[Token], verb: int) -> int | None:
    """The subject of `verb`, or of the verb it is coordinated with (« il est arrivé et a rencontré »)."""
    for i in children(tokens, verb):
        if tokens[i].dep in SUBJECT:
            return i
    if tokens[verb].dep == "conj" and tokens[verb].head != verb:
        return subject(tokens, tokens[verb].head)
    return None


def is_conditional(tokens: Sequence[Token], verb: int) -> bool:
    """The verb or its auxiliary is in the conditional mood (« aurait permis », « serait », « pourrait »)."""
    verbs = [verb, *(i for i in children(tokens, verb) if tokens[i].pos == "AUX")]
    return any(tokens[i].morph.get("Mood") == "Cnd" for i in verbs)


def is_negated(tokens: Sequence[Token], verb: int) -> bool:
    """A negation word depends on the verb (« n'a pas rencontré », « ne s'est jamais rendu »)."""
    return any(tokens[i].morph.get("Polarity") == "Neg" for i in children(tokens, verb))


def text_of(sentence_text: str, tokens: Sequence[Token], indices: Sequence[int]) -> str:
    """The sentence's own text from the first to the last of `indices` (spacing and quotes kept)."""
    first, last = tokens[min(indices)], tokens[max(indices)]
    return sentence_text[first.start : last.start + len(last.text)]
