"""The clause of a quoted sentence that carries its fact, for short footnotes.

A footnote cites; the full French sentence stays in the annex and the JSON. A long sentence is cut
to the stretch of at most MAX_WORDS words, starting at a clause boundary (comma, semicolon, colon,
dash, parenthesis, quotation) and ending at one when it can, that holds the most names, figures,
dates, verbs and quotations; "…" marks what was left out.
"""

from __future__ import annotations

import re

from briefgen.dates import MONTH_NAMES

# About two printed lines of a footnote: enough for who did what, short enough that five footnotes
# fit under a page of text (the long form filled half of page 2 of the sample brief).
MAX_WORDS = 25
ELLIPSIS = "…"
# A stretch ends at a clause boundary when that keeps at least this share of the budget, else mid-clause.
MIN_SHARE = 0.6
# The sentence's opening usually names the subject: a stretch starting there is preferred.
OPENING_BONUS = 1.5
# A stretch naming whom the cited record is about outweighs any other (names, dates, verbs: 2-10).
ABOUT_BONUS = 20
# What makes a clause carry the fact: names (a capital not at the sentence start), figures, dates.
NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-ZÀ-Ý][\w'’-]+")
FIGURE = re.compile(r"\d")
MONTH_WORDS = re.compile(rf"\b({'|'.join(MONTH_NAMES)})\b", re.IGNORECASE)
# A sentence's main verb ("a annoncé", "s'est rendu", "ont convenu") tells what happened.
VERB = re.compile(r"\b(?:a|ont|est|sont|s'est|s’est|avait|avaient)\s+\w+(?:é|ée|és|ées|i|is|it|u|us)\b", re.IGNORECASE)


def short_quote(quote: str, max_words: int = MAX_WORDS, about: tuple[str, ...] = ()) -> str:
    """`quote` itself when it fits `max_words`; else its most informative stretch, with "…". A
    footnote citing a record about someone (`about`: surnames) quotes a stretch naming them: « La
    visite de William Stevens intervient après ... le passage de Rudolph Atallah » cites Stevens's
    visit by its first clause, not by Atallah's."""
    words = quote.split()
    if len(words) <= max_words:
        return " ".join(words)
    starts, ends = _boundaries(words)
    best: tuple[float, int, int] | None = None
    for first in starts:
        last = min(first + max_words, len(words))
        fitting = [e for e in ends if first < e <= last and e - first >= MIN_SHARE * max_words]
        last = max(fitting, default=last)
        stretch = " ".join(words[first:last])
        weight = _weight(stretch) + (OPENING_BONUS if first == 0 else 0) + ABOUT_BONUS * sum(name in stretch for name in about)
        if best is None or weight > best[0]:
            best = (weight, first, last)
    assert best is not None  # 0 is always a start
    _, first, last = best
    kept = " ".join(words[first:last]).rstrip(",;:")
    return (ELLIPSIS if first else "") + kept + (ELLIPSIS if last < len(words) else "")


def _boundaries(words: list[str]) -> tuple[list[int], list[int]]:
    """Word indices where a clause may start, and where one may end (exclusive)."""
    starts, ends = [0], [len(words)]
    for i, word in enumerate(words[:-1]):
        if word.endswith((",", ";", ":", ")")) or words[i + 1][0] in "-–—(«":
            starts.append(i + 1)
            ends.append(i + 1)
    return starts, sorted(ends)


def _weight(text: str) -> float:
    return (len(NAME.findall(text)) + len(FIGURE.findall(text)) / 2 + 2 * len(MONTH_WORDS.findall(text))
            + 2 * len(VERB.findall(text)) + 2 * text.count("«") + len(text.split()) / MAX_WORDS)
