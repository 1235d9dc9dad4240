"""Glossary suggestions: an English phrase analysts replaced the same way in several memory entries.

For each entry the engine's English and the analyst's are compared word by word (difflib); every
replaced phrase (engine words -> analyst words) is counted across entries. One made in at least
MIN_REPEATS entries is proposed with the French term it most likely translates: the longest
word sequence that all those entries' French share (a glossary entry is French = English).
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from briefgen.memory import MemoryEntry

# Two analysts' edits agreeing is a pattern; one could be a one-off rewording.
MIN_REPEATS = 2
# French terms in a glossary are names and institutions: a few words, never a clause.
MAX_TERM_WORDS = 6
PUNCTUATION = ",.;:«»\"'()"


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
        Suggestion(_shared_term([e.fr for e in group]), en, machine, len(group), tuple(e.id for e in group))
        for (machine, en), group in seen.items() if len(group) >= MIN_REPEATS
    ]
    return sorted(found, key=lambda s: (-s.count, s.machine))


def _words(text: str) -> list[str]:
    return [w.strip(PUNCTUATION) for w in text.split() if w.strip(PUNCTUATION)]


def _replacements(machine: str, edited: str) -> list[tuple[str, str]]:
    before, after = _words(machine), _words(edited)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    return [(" ".join(before[i1:i2]), " ".join(after[j1:j2]))
            for op, i1, i2, j1, j2 in matcher.get_opcodes() if op == "replace"]


def _shared_term(french: list[str]) -> str:
    """The longest run of at most MAX_TERM_WORDS words found in every French text ("" if none)."""
    first = _words(french[0])
    others = [f" {' '.join(_words(text))} " for text in french[1:]]
    for size in range(min(MAX_TERM_WORDS, len(first)), 0, -1):
        for start in range(len(first) - size + 1):
            term = " ".join(first[start : start + size])
            if all(f" {term} " in other for other in others) and any(w[:1].isupper() or len(w) > 3 for w in term.split()):
                return term
    return ""
