"""The English for French places, roles, institutions and well-known people, from data/gazetteer.toml.

The event templates, the actors table and the discrepancies write names and roles from this table
rather than through machine translation: the pivot engine turns « ministre de la Défense » into
"Minister of Defence" but « collègue de la sécurité » into "pal of the security". A role is
English only when every part of it is in the table (title, complements, demonyms); otherwise
`role_en` says None and the caller falls back to the engine.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from briefgen.french import fold

PATH = Path(__file__).parent / "data" / "gazetteer.toml"
# Articles a French role or name may start with; the English never carries them.
LEADING_ARTICLE = re.compile(r"^(?:(?:les|le|la|des|une|un|de|ses|son|sa|leurs|leur)\s+|l'|d')", re.I)
# What a place name starts with, when only a capitalised word is the place.
CAPITAL = "(?=[A-ZÀ-ÖØ-Þ])"
# A prefix English value ("^US") goes before the title: « ambassadrice des États-Unis » -> US Ambassador.
PREFIX = "^"


def key(text: str) -> str:
    """Match key: folded, apostrophes straightened, hyphens and runs of spaces as one space."""
    return " ".join(fold(text).replace("-", " ").split())


@dataclass(frozen=True)
class Place:
    """A listed place found in a text: where, as written, its English, and whether it is a city."""

    start: int
    french: str
    english: str
    city: bool


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, str]  # cities, countries and regions
    cities: frozenset[str]  # keys of `places` that are cities
    demonyms: dict[str, str]
    titles: dict[str, str]
    complements: dict[str, str]
    organisations: dict[str, str]
    people: dict[str, dict[str, str]]
    nouns: dict[str, str]
    numbers: dict[str, str]
    organisation_pattern: re.Pattern[str]  # every listed name, longest first, one group each (see _names_pattern)
    organisation_names: list[str]  # English name of group i
    place_pattern: re.Pattern[str]  # the same for every listed place, written with a capital
    place_names: list[str]  # French name of group i, as listed

    def place(self, french: str) -> str:
        """English name of a place; an unknown place keeps its (proper-name) French spelling."""
        return self.places.get(key(french), french)

    def is_place(self, french: str) -> bool:
        """« Le Sénégal », « Moscou », « Mali »: a listed place, article or not."""
        return key(LEADING_ARTICLE.sub("", french.strip())) in self.places

    def organisation(self, french: str) -> str | None:
        return self.organisations.get(key(french))

    def person(self, name: str) -> dict[str, str]:
        """{"name": English spelling, "role": known role} for a well-known person, else {}."""
        return self.people.get(key(name), {})

    def noun_phrase(self, french: str) -> str | None:
        """« des officiers américains » -> "US officers", « cinq chefs d'État africains » -> "five
        African heads of state": a listed noun, a number and demonyms before it; None if some word
        is none of them."""
        definite = not re.match(r"(?:des|une?|de|d')\b", key(french))  # « des officiers »: officers, not the officers
        words = LEADING_ARTICLE.sub("", key(french)).split()
        count = self.numbers.get(words[0], words[0] if words[0].isdigit() else "") if words else ""
        return self._noun_phrase(words, definite, "") or (self._noun_phrase(words[1:], False, count) if count else None)

    def _noun_phrase(self, words: list[str], definite: bool, count: str) -> str | None:
        for size in range(len(words), 0, -1):
            head = " ".join(words[:size])
            if head in self.nouns and all(w in self.demonyms for w in words[size:]):
                adjectives = [self.demonyms[w] for w in words[size:]]
                english = self.nouns[head]
                if english.startswith("the "):
                    return english
                return " ".join(["the"] * definite + [count] * bool(count) + [*adjectives, english])
        return None

    def role(self, french: str) -> str | None:
        """English for a French role, or None when some part of it is not in the table.

        « sous-secrétaire d'État adjoint aux Affaires ouest-africaines et envoyé spécial pour le
        Sahel » -> "Deputy Assistant Secretary of State for West African Affairs and Special Envoy
        for the Sahel": coordinated roles each become title + complements.
        """
        parts: list[str] = []
        for part in re.split(r"\s+et\s+", key(french)):  # « ... et envoyé spécial »: a second role
            if parts and _longest_prefix(LEADING_ARTICLE.sub("", part), self.titles) is None:
                parts[-1] += f" et {part}"  # « de la sécurité et de la protection civile »: one complement
            else:
                parts.append(part)
        english = [self._one_role(part) for part in parts]
        return " and ".join(english) if english and all(english) else None  # type: ignore[arg-type]

    def _one_role(self, text: str) -> str | None:
        text = LEADING_ARTICLE.sub("", text.strip(" ,."))
        title = _longest_prefix(text, self.titles)
        if title is None:
            return None
        rest = text[len(title) :].strip()
        before, after = [], []
        while rest:
            word = rest.split()[0]
            if word in self.demonyms:
                before.append(self.demonyms[word])
                rest = rest[len(word) :].strip()
                continue
            complement = _longest_prefix(rest, self.complements)
            if complement is None:
                return None
            english = self.complements[complement]
            (before if english.startswith(PREFIX) else after).append(english.lstrip(PREFIX))
            rest = rest[len(complement) :].strip(" ,")
        return " ".join([*before, self.titles[title], *after])

    def find_organisations(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, English name) of every listed organisation in `text`, in order, leftmost-longest.
        One regular expression for all names: a pass per text, whatever the size of the list."""
        return [(m.start(), m.end(), self.organisation_names[int(m.lastgroup[1:])])
                for m in self.organisation_pattern.finditer(text)]  # fmt: skip

    def find_places(self, text: str) -> list[Place]:
        """Every listed place in `text`, in order, leftmost-longest (« Burkina Faso » before « Burkina »)."""
        found = []
        for m in self.place_pattern.finditer(text):
            name = key(self.place_names[int(m.lastgroup[1:])])
            found.append(Place(m.start(), m.group(), self.places[name], name in self.cities))
        return found


def _longest_prefix(text: str, table: dict[str, str]) -> str | None:
    """The longest key of `table` that `text` starts with, as whole words."""
    best = None
    for candidate in table:
        if (text == candidate or text.startswith(candidate + " ")) and (best is None or len(candidate) > len(best)):
            best = candidate
    return best


def _names_pattern(names: list[str], capitalised: bool = False) -> re.Pattern[str]:
    """One alternation, group g<i> for names[i] (longest first, so the longest wins at a position):
    acronyms match exactly; names in any case, accents and apostrophes as written or not; with
    `capitalised`, only written with a capital (« Paris », never « les paris »)."""
    alternatives = []
    for i, french in enumerate(names):
        if french.isupper():
            body = re.escape(french)
        else:
            body = "(?i:" + r"[\s-]+".join(_loose(word) for word in re.split(r"[\s-]+", french)) + ")"
            body = CAPITAL + body if capitalised else body
        alternatives.append(f"(?P<g{i}>{body})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def _loose(word: str) -> str:
    """A word whose accented letters and apostrophes may be written either way."""
    letters = {"é": "[éeÉE]", "è": "[èeÈE]", "ê": "[êeÊE]", "ï": "[ïiÏI]", "É": "[ÉEée]", "'": "['’]"}
    return "".join(letters.get(c, re.escape(c)) for c in word)


@functools.lru_cache(maxsize=1)
def load_gazetteer(path: Path = PATH) -> Gazetteer:
    """The packaged gazetteer, read once per process (it is data shipped with briefgen)."""
    with path.open("rb") as f:
        data = tomllib.load(f)

    def table(name: str) -> dict[str, str]:
        return {key(k): v for k, v in data.get(name, {}).items()}

    organisations = data.get("organisations", {})
    names = sorted(organisations, key=lambda k: (-len(k), k))
    places = data.get("cities", {}) | data.get("countries", {})
    place_names = sorted(places, key=lambda k: (-len(k), k))
    return Gazetteer(
        places=table("cities") | table("countries"),
        cities=frozenset(table("cities")),
        demonyms=table("demonyms"),
        titles=table("titles"),
        complements=table("complements"),
        organisations=table("organisations"),
        people={key(k): dict(v) for k, v in data.get("people", {}).items()},
        nouns=table("nouns"),
        numbers=table("numbers"),
        organisation_pattern=_names_pattern(names),
        organisation_names=[organisations[french] for french in names],
        place_pattern=_names_pattern(place_names, capitalised=True),
        place_names=place_names,
    )
