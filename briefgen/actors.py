"""Actors stage: people and organisations, their role as the sources state it, name variants merged.

Rule-based on purpose (no NER model is installed offline): a person is a run of two to four
capitalised words that at least one source introduces with a title or role ("le ministre ...",
"..., directeur adjoint") or as the subject of a verb; organisations are acronyms and names
headed by an institutional noun. Variants are merged on the accent-folded surname, tolerating a
spelling slip ("Attalah"), dropped initials ("William B. Stevens") and short first names ("Rudy").

English names and roles come from the gazetteer (data/gazetteer.toml) where it knows them:
« Vladimir Poutine » -> Vladimir Putin, « ministre de la Défense » -> Defence Minister, and every
spelling of one organisation (AES, « Alliance des États du Sahel », « Confédération AES ») is one
row under its English name. Roles the gazetteer cannot write go through the translation engine.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefgen.french import fold
from briefgen.gazetteer import Gazetteer, load_gazetteer
from briefgen.names import NOT_NAME, SURNAME_SIMILARITY, SurnameIndex
from briefgen.model import Actor, Brief, Sentence

NAME = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
FULL_NAME = re.compile(rf"\b{NAME}(?:\s+[A-Z]\.)?(?:\s+{NAME}){{1,3}}\b")
# Words that introduce or describe a person's role, in French news.
ROLE_WORDS = (
    "conseiller conseillère directeur directrice ministre président présidente ambassadeur ambassadrice envoyé "
    "envoyée sous-secrétaire secrétaire chef porte-parole général générale lieutenant-colonel colonel commandant "
    "émissaire représentant représentante diplomate chargé chargée premier première collègue dirigeant "
    "gouverneur maire responsable"
).split()
ROLE_START = re.compile(rf"\b(?:{'|'.join(map(re.escape, ROLE_WORDS))})\b", re.IGNORECASE)
# "X, directeur adjoint principal ..., a déclaré": the apposition right after a name.
APPOSITION = re.compile(r"^\s*,\s*(?:le |la |l['’])?([^,«»()]{4,160}?)\s*(?:,|\.\s*$|$)")
SUBJECT_VERB = re.compile(r"^\s+(?:a|avait|est|sera|ont|n['’]a)\b")
PERSON_CUE = re.compile(r"\b(?:M\.|Mme|Dr)\s*$")
# Organisations: acronyms, and names headed by an institutional noun.
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
ORG_NAME = re.compile(
    r"\b(?:Conseil|Chambre|Groupe|Confédération|Alliance|Office|Bureau|Maison|Département|Ministère|Agence|"
    r"Banque|Fonds|Organisation|Union|Commission|Mission)(?:\s+(?:de la|de l['’]|des|du|de|d['’])?\s*"
    r"[A-ZÀ-Ý][\w’'-]+)+|\b[A-ZÀ-Ý][\w-]+\s+(?:Corps|Command)\b"
)
ROLE_MAX_WORDS = 18
DANGLING = re.compile(r"\b(?:de|du|des|d['’]|pour|à|au|aux|par|avec)$", re.IGNORECASE)
# Roman numerals and words in capitals that are no organisation; "US" in French text is only ever
# part of a name (« l'US Africa Command »), which the gazetteer finds whole.
ACRONYM_STOP = frozenset({"II", "III", "IV", "VI", "XX", "OK", "TV", "US"})
# « accompagné de son collègue de la sécurité »: a colleague holds the same office as the person
# named before him (a minister's colleague is a minister).
COLLEAGUE = re.compile(r"^coll[eè]gue\b", re.I)


@dataclass
class _Mention:
    name: str
    sentence: Sentence
    role: str | None
    apposed: bool  # role stated right after the name
    cued: bool  # introduced as a person (title, role, verb)


def find_actors(brief: Brief) -> Brief:
    """Fill `brief.actors`: people first, then organisations, each by mentions then name."""
    sentences = [s for source in brief.sources for s in source.sentences()]
    gazetteer = load_gazetteer()
    people = _people(SurnameIndex(sentences), {source.id: i for i, source in enumerate(brief.sources)})
    for person in people:
        known = gazetteer.person(person.name)
        person.name_en = known.get("name")
        person.role_en = (gazetteer.role(person.role) if person.role else None) or known.get("role")
    organisations = _organisations(sentences, gazetteer)
    brief.actors = sorted(people, key=lambda a: (-a.mentions, a.name)) + sorted(
        organisations, key=lambda a: (-a.mentions, a.name)
    )
    return brief


def _people(index: SurnameIndex, order: dict[str, int]) -> list[Actor]:
    sentences = index.sentences
    position = {id(s): i for i, s in enumerate(sentences)}
    mentions = [m for s in sentences for m in _name_mentions(s)]
    groups = _group_by_surname(mentions)
    actors = []
    for surname_mentions in groups:
        if not any(m.cued for m in surname_mentions):
            continue
        full = Counter(m.name for m in surname_mentions if len(m.name.split()) > 1)
        name = max(full, key=lambda n: (full[n], len(n), n))
        hits = {position[id(m.sentence)] for m in surname_mentions} | index.naming(name)
        cited = [sentences[i] for i in sorted(hits)]
        actors.append(
            Actor(
                name=name,
                kind="person",
                role=_role(surname_mentions, order),
                sources=sorted({s.source_id for s in cited}),
                mentions=len(cited),
                variants=sorted(set(full) - {name}),
            )
        )
    return actors


def _name_mentions(sentence: Sentence) -> list[_Mention]:
    out = []
    for match in FULL_NAME.finditer(sentence.text):
        name, start = _without_title_words(match[0], match.start())
        words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
        if len(words) < 2 or any(fold(w) in NOT_NAME for w in words):
            continue
        before, after = sentence.text[:start], sentence.text[match.end() :]
        apposed = APPOSITION.match(after)
        role_after = apposed[1] if apposed and ROLE_START.match(apposed[1]) else None
        role_before = _role_before(before)
        cued = bool(role_after or role_before or SUBJECT_VERB.match(after) or PERSON_CUE.search(before))
        role = role_after or role_before
        if role and COLLEAGUE.match(role):
            role = _colleague(before, role)
        out.append(_Mention(name, sentence, role, bool(role_after), cued))
    return out


def _without_title_words(name: str, start: int) -> tuple[str, int]:
    """« Défense Sadio Camara » (after « le ministre de la ») -> « Sadio Camara »: the capitalised
    words of an office that run into the name are not part of it. Returns the name and its offset."""
    while name.split() and fold(name.split()[0]) in NOT_NAME:
        first = name.split()[0]
        rest = name[name.index(first) + len(first) :].lstrip()
        start += len(name) - len(rest)
        name = rest
    return name, start


def _colleague(before: str, role: str) -> str | None:
    """« le ministre des Affaires étrangères ..., accompagné de son collègue de la sécurité »: ministre de la sécurité."""
    offices = [m[0].lower() for m in ROLE_START.finditer(before) if not COLLEAGUE.match(m[0])]
    return COLLEAGUE.sub(offices[-1], role) if offices else None


def _role_before(before: str) -> str | None:
    """'le ministre de la Défense, le général ' + NAME -> 'ministre de la Défense'."""
    clause = re.split(r"[.;:«»()]", before)[-1][-120:]
    named = list(FULL_NAME.finditer(clause))  # « le ministre X et l'envoyé » + NAME: the role after X
    clause = clause[named[-1].end() :] if named else clause
    start = ROLE_START.search(clause)
    if not start:
        return None
    role = clause[start.start() :].split(",")[0].strip()
    if DANGLING.search(role) or not 0 < len(role.split()) <= ROLE_MAX_WORDS or FULL_NAME.search(role):
        return None  # "conseiller de" + NAME: the name completes someone else's role
    return role


def _group_by_surname(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions whose surnames (last word, folded) are equal or near-equal, first names compatible.

    A name seen before goes straight to its group; a new one is compared with the groups whose
    surname has the same initial only, so the work grows with the distinct names, not the mentions.
    """
    groups: list[list[_Mention]] = []
    buckets: dict[str, list[tuple[tuple[str, str], list[_Mention]]]] = defaultdict(list)
    by_name: dict[str, list[_Mention]] = {}
    for mention in sorted(mentions, key=lambda m: (-len(m.name), m.name)):
        group = by_name.get(mention.name)
        if group is None:
            parts = _name_parts(mention.name)
            bucket = buckets[fold(mention.name.split()[-1])[0]]
            group = next((g for known, g in bucket if _same_person(known, parts)), None)
            if group is None:
                group = []
                groups.append(group)
                bucket.append((parts, group))
            by_name[mention.name] = group
        group.append(mention)
    return groups


def _name_parts(name: str) -> tuple[str, str]:
    """(first name, surname), folded, initials ("B.") left out."""
    first, *_, last = [fold(w) for w in name.split() if not w.endswith(".")]
    return first, last


def _same_person(a: tuple[str, str], b: tuple[str, str]) -> bool:
    (first_a, last_a), (first_b, last_b) = a, b
    if last_a != last_b and fuzz.ratio(last_a, last_b) < SURNAME_SIMILARITY:
        return False
    return first_a[:3] == first_b[:3]


def _role(mentions: list[_Mention], order: dict[str, int]) -> str | None:
    """The role most sources state: the most frequent head word, first stated, apposition first."""
    roles = [m for m in mentions if m.role]
    if not roles:
        return None
    heads = Counter(fold(m.role.split()[0]) for m in roles)
    head = max(heads, key=lambda h: (heads[h], h))
    ordered = sorted(
        (m for m in roles if fold(m.role.split()[0]) == head),
        key=lambda m: (not m.apposed, order[m.sentence.source_id], m.sentence.start),
    )
    return ordered[0].role


def _organisations(sentences: list[Sentence], gazetteer: Gazetteer) -> list[Actor]:
    """Listed organisations (gazetteer) under their English name, then other institutional names and
    acronyms; a name inside a listed one (« Conseil de Sécurité » in « Conseil de Sécurité
    nationale ») is that one."""
    found: dict[str, list[Sentence]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    english: dict[str, str] = {}
    expansions: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        listed = gazetteer.find_organisations(sentence.text)
        for start, end, name_en in listed:
            key = f"en:{name_en}"
            found[key].append(sentence)
            spellings[key][sentence.text[start:end]] += 1
            english[key] = name_en
        inside = [(s, e) for s, e, _ in listed]

        def free(match: re.Match[str]) -> bool:
            return all(match.end() <= s or match.start() >= e for s, e in inside)

        for match in filter(free, ORG_NAME.finditer(sentence.text)):
            found[match[0]].append(sentence)
            acronym = re.match(r"\s*\(([A-Z]{2,6})\)", sentence.text[match.end() :])
            if acronym:
                expansions[acronym[1]].add(match[0])
        for match in filter(free, ACRONYM.finditer(sentence.text)):
            if match[0] not in ACRONYM_STOP:
                found[match[0]].append(sentence)
    for acronym, names in expansions.items():
        for name in names:
            found[acronym].extend(found.pop(name, []))
    actors = []
    for key, hits in found.items():
        forms = spellings.get(key)
        name = max(forms, key=lambda f: (forms[f], len(f), f)) if forms else key
        actors.append(Actor(
            name=name,
            kind="organisation",
            role=None,
            sources=sorted({s.source_id for s in hits}),
            mentions=len({id(s) for s in hits}),
            variants=_distinct(sorted((set(forms) - {name}) if forms else expansions.get(key, set())), name),
            name_en=english.get(key),
        ))  # fmt: skip
    return actors


def _distinct(spellings: list[str], name: str) -> list[str]:
    """Spellings that differ from the name and each other by more than case and apostrophes."""
    seen = {fold(name)}
    return [s for s in spellings if fold(s) not in seen and not seen.add(fold(s))]
