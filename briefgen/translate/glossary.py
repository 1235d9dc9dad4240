"""The FR->EN glossary: the shipped domain terms plus the user's, found in French text as whole words."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.config import SHIPPED_GLOSSARY
from briefgen.errors import ConfigError

# Bump when matching or placeholder handling changes: cached translations made under the old
# rules must not be reused (the version is part of the glossary digest, hence of the cache key).
RULES_VERSION = "2"
APOSTROPHES = "'\u2019"
ACRONYM = re.compile(r"^[A-Z0-9]{2,}$")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    english: str


@dataclass(frozen=True)
class Glossary:
    """Terms as (french, english); acronyms match exactly, other terms case-insensitively."""

    terms: tuple[tuple[str, str], ...]
    _pattern: re.Pattern = field(init=False, repr=False, compare=False)
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        longest_first = sorted(self.terms, key=lambda t: (-len(t[0]), t[0]))
        parts = [_term_regex(fr) for fr, _ in longest_first] or [r"(?!x)x"]
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
        lookup = {_key(fr): en for fr, en in self.terms}
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_lookup", lookup)

    def digest(self) -> str:
        """Identifies the glossary (and matching rules) in the translation cache key."""
        payload = json.dumps([RULES_VERSION, sorted(self.terms)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def matches(self, text: str) -> list[Match]:
        """Non-overlapping glossary terms in `text`, leftmost-longest, in order."""
        found = []
        for m in self._pattern.finditer(text):
            english = self._lookup.get(_key(m.group())) or self._lookup.get(_key(m.group()).casefold())
            if english is not None:
                found.append(Match(m.start(), m.end(), english))
        return found

    def english_for(self, french: str) -> str | None:
        return self._lookup.get(_key(french)) or self._lookup.get(_key(french).casefold())


def load_glossary(extra: Path | None = None, engine_terms: tuple[tuple[str, str], ...] = ()) -> Glossary:
    """The shipped glossary, with `extra` (the user's `--glossary FILE`) overriding it term by term;
    both override `engine_terms` (the rule-based engine's lexicon terms)."""
    terms = dict(engine_terms)
    terms.update(_read_terms(SHIPPED_GLOSSARY))
    if extra is not None:
        terms.update(_read_terms(extra))
    return Glossary(tuple(sorted(terms.items())))


def _read_terms(path: Path) -> dict[str, str]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError as exc:
        raise ConfigError(f"Glossary {path} does not exist. Fix the path given with --glossary.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Glossary {path} is not valid TOML ({exc}).") from exc
    terms = data.get("terms")
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in terms.values()):
        raise ConfigError(f'Glossary {path} needs a [terms] table of "French" = "English" strings.')
    return {" ".join(fr.split()): en.strip() for fr, en in terms.items() if fr.strip() and en.strip()}


def is_acronym(word: str) -> bool:
    return bool(ACRONYM.match(word)) and any(c.isalpha() for c in word)


def _term_regex(french: str) -> str:
    """Whitespace and apostrophe variants match; acronyms keep their case."""
    pieces = []
    for char in french:
        if char.isspace():
            pieces.append(r"\s+")
        elif char in APOSTROPHES:
            pieces.append(f"[{APOSTROPHES}]")
        else:
            pieces.append(re.escape(char))
    body = "".join(pieces)
    return body if is_acronym(french) else f"(?i:{body})"


def _key(text: str) -> str:
    """Normal form used to look a matched term up: acronyms exact, other terms casefolded."""
    normal = " ".join(text.split()).replace("\u2019", "'")
    return normal if is_acronym(normal) else normal.casefold()
