"""Glossary suggestions: an English phrase analysts replaced the same way in several memory entries.

For each entry the engine's English and the analyst's are compared word by word (difflib); every
replaced phrase (engine words -> analyst words) is counted across entries. One made in at least
MIN_REPEATS entries is proposed with the French term it most likely translates: of the word
sequences all those entries' French share, the one closest in spelling to the engine's phrase (a
glossary entry is French = English).
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefgen.memory import MemoryEntry

# Two analysts' edits agreeing is a pattern; one could be a one-off rewording.
MIN_REPEATS = 2
# French terms in a glossary are names and institutions: a few words, never a clause.
MAX_TERM_WORDS = 6
PUNCTUATION = ",.;:«»\"'()"
# Unchanged words between two edits that still make them one correction ("Council of" -> "... Council").
MAX_GAP = 1
# Capitalised at a sentence's start, never part of a name.
ARTICLES = {"the", "a", "an"}


@dataclass(frozen=True)
class Suggestion:
    fr: str  # the French term ("" when the entries share none)
    en: str  # what analysts wrote
    machine: str  # what the engine had written
    count: int  # in how many entries
    entries: tuple[int, ...]  # their ids

    def toml(self) -> str:
        """A line for the [terms] table of a glossary file."""
        return f'"{self.fr}" = "{self.en}"  # corrected {self.count} times from "{self.machine}"'


def suggest(entries: list[MemoryEntry]) -> list[Suggestion]:
    """Replacements made in at least MIN_REPEATS entries, most frequent first."""
    seen: dict[tuple[str, str], list[MemoryEntry]] = defaultdict(list)
    for entry in entries:
        if entry.machine:
            for change in _replacements(entry.machine, entry.en):
                if entry not in seen[change]:
                    seen[change].append(entry)
    found = [
        Suggestion(_shared_term([e.fr for e in group], machine), en, machine, len(group), tuple(e.id for e in group))
        for (machine, en), group in seen.items() if len(group) >= MIN_REPEATS
    ]
    return sorted(found, key=lambda s: (-s.count, s.machine))


def _words(text: str) -> list[str]:
    text = text.replace("’", "'")  # typographic and straight apostrophes are one character to a reader
    return [w.strip(PUNCTUATION) for w in text.split() if w.strip(PUNCTUATION)]


def _replacements(machine: str, edited: str) -> list[tuple[str, str]]:
    """(engine phrase, analyst phrase) for each changed stretch: changes at most MAX_GAP words apart
    are one ("Council of transition" -> "Transitional Council"); a name the analyst wrote is widened
    to the capitalised words around it (a name is corrected as a whole: "National ...")."""
    before, after = _words(machine), _words(edited)
    changes = [op for op in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes() if op[0] != "equal"]
    stretches: list[list[int]] = []
    for _, i1, i2, j1, j2 in changes:
        if stretches and i1 - stretches[-1][1] <= MAX_GAP and j1 - stretches[-1][3] <= MAX_GAP:
            stretches[-1][1], stretches[-1][3] = i2, j2
        else:
            stretches.append([i1, i2, j1, j2])
    found = []
    for i1, i2, j1, j2 in (s for s in stretches if s[0] < s[1] and s[2] < s[3]):  # a word dropped or added is no term
        if not all(_capitalised(word) for word in after[j1:j2]):  # not a name: the phrase as changed
            found.append((" ".join(before[i1:i2]), " ".join(after[j1:j2])))
            continue
        while i1 and j1 and _capitalised(before[i1 - 1]) and before[i1 - 1] == after[j1 - 1]:
            i1, j1 = i1 - 1, j1 - 1
        while i2 < len(before) and j2 < len(after) and _capitalised(before[i2]) and before[i2] == after[j2]:
            i2, j2 = i2 + 1, j2 + 1
        found.append((" ".join(before[i1:i2]), " ".join(after[j1:j2])))
    return found


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in ARTICLES


def _shared_term(french: list[str], machine: str) -> str:
    """The run of at most MAX_TERM_WORDS words found in every French text that reads most like the
    engine's phrase (engines keep cognates: "Conseil national" -> "National Council"); "" if none."""
    first = _words(french[0])
    others = [f" {' '.join(_words(text))} " for text in french[1:]]
    shared = [
        " ".join(first[start : start + size])
        for size in range(1, min(MAX_TERM_WORDS, len(first)) + 1)
        for start in range(len(first) - size + 1)
        if all(f" {' '.join(first[start : start + size])} " in other for other in others)
    ]
    return max(shared, key=lambda term: (fuzz.token_sort_ratio(term.lower(), machine.lower()), len(term)), default="")
