"""English for event records, from templates: who did what, where and when, whatever the engine.

Names are kept (or their English spelling from the gazetteer), roles, institutions and places come
from the gazetteer, dates and counts are formatted here; only a record's free-text object (what was
announced, said, suspended) comes from machine translation, as a short phrase (Event.object_en).
Runs after translation (translate/stage.py calls `write_english`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.gazetteer import LEADING_ARTICLE, Gazetteer, key, load_gazetteer
from briefgen.model import Actor, Brief, Event

LABEL_WORDS = 12  # a timeline label is a headline, not a sentence
# Words a shortened label may end before: a headline keeps whole phrases ("… gold processing plant",
# not "… gold processing plant in…"), so it ends before a preposition, a conjunction or a relative.
PHRASE_STARTS = frozenset(
    "in of for to at with on from between by during after before against about into over under near "
    "and or but which that who whose where while as".split()
)
ROLE_MAX_WORDS = 6  # a longer role ("Principal Deputy Director for Counterterrorism at ...") is for the actors table
# Counts of casualties: « au moins 30 soldats », « quarante-sept militaires burkinabè ».
COUNT = re.compile(r"(?i)(au moins|plus de|près de|environ)?\s*(\d[\d\s]*|[a-zé-]+)\s+([a-zéèêàç]+)(?:\s+[a-zéèêàç]+)?")
QUALIFIERS = {"au moins": "at least", "plus de": "more than", "pres de": "nearly", "environ": "about"}
NUMBER_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
                "vingt": 20, "trente": 30, "quarante": 40, "quarante sept": 47, "cinquante": 50, "cent": 100}
ANNOUNCING = {"poser": "laid", "inaugurer": "inaugurated", "lancer": "launched", "signer": "signed"}
HEADLINE = {"poser": "lays", "inaugurer": "inaugurates", "lancer": "launches", "signer": "signs"}
# A name with its abbreviation, which alone does in a headline: "Al-Qaeda in the Islamic Maghreb (AQIM)".
ABBREVIATED = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|in|the|for|and))*\s+\(([A-Z]{2,})\)")
# An explanation in brackets, which a headline leaves out: "MINUSMA (UN mission in Mali)".
PARENTHESIS = re.compile(r"\s*\([^()]*\)")
# An unnamed party of a named body: « des officiels de la Minusma ».
OF_BODY = re.compile(r"(.+?)\s+(?:de la|de l['’]|du|des|de)\s*(.+)$")
# Verbs reporting speech, for reported (unquoted) statements; the others read "said".
REPORTING = {"annoncer": "announced", "souligner": "stressed", "expliquer": "explained", "assurer": "gave assurance"}
# Words an engine capitalises at the start of a clause that, after "that", are lower-case.
CLAUSE_OPENERS = frozenset({"The", "A", "An", "It", "This", "These", "Those", "Its", "Their", "Our", "We", "They", "He", "She"})


def write_english(brief: Brief, developments: int) -> Brief:
    """Fill Event.en and Event.label, the label and hedge of timeline rows made from records, and
    keep as key developments the first `developments` candidates whose English could be written."""
    writer = _Writer(brief.actors, load_gazetteer())
    for event in brief.events:
        event.en = writer.sentence(event, brief.events)
        event.label = writer.label(event)
    brief.developments = [e for e in brief.developments if e.en][:developments]
    labels = {e.id: e for e in brief.events}
    for entry in brief.timeline:
        if entry.event in labels:
            entry.label, entry.hedged = labels[entry.event].label, labels[entry.event].hedged
    return brief


def date_phrase(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """"on 9 July 2025", "on 8–11 July 2025", "in July 2025", "in 2021", or "" when undated."""
    if start is None:
        return ""
    if precision == "year":
        return f"in {start.year}"
    if precision == "month":
        return f"in {start:%B} {start.year}"
    if precision == "range" and end and end != start:
        if (start.year, start.month) == (end.year, end.month):
            return f"on {start.day}–{end.day} {end:%B} {end.year}"
        return f"on {start.day} {start:%B}–{end.day} {end:%B} {end.year}"
    return f"on {start.day} {start:%B} {start.year}"


def joined(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}" if items else ""


@dataclass(frozen=True)
class _Slots:
    """A template's slots, in English: who, when (" on 9 July 2025"), where (" in Moscow"), the
    hedge ("reportedly "), and what (the engine's phrase)."""

    who: str
    when: str
    where: str
    maybe: str
    what: str


class _Writer:
    def __init__(self, actors: Sequence[Actor], gazetteer: Gazetteer) -> None:
        self.actors = {a.name: a for a in actors}
        self.gazetteer = gazetteer

    def party(self, name: str, with_role: bool = False) -> str | None:
        """A party in English: a person (their role before the name when asked), an organisation,
        a place, an unnamed group (« des officiers américains » -> US officers), or None."""
        actor = self.actors.get(name)
        if actor is not None:
            english = actor.name_en or actor.name
            role = self._role(actor)
            return f"{role} {english}" if with_role and role else english
        member = OF_BODY.match(name)  # « des officiels de la Minusma » -> "officials of MINUSMA (UN mission in Mali)"
        if member and self.gazetteer.noun_phrase(member[1]) and self.gazetteer.organisation(member[2]):
            return f"{self.gazetteer.noun_phrase(member[1])} of {self.gazetteer.organisation(member[2])}"
        known = self.gazetteer.organisation(name) or next((e for _, _, e in self.gazetteer.find_organisations(name)), None)
        if known:
            return known
        if self.gazetteer.is_place(name):
            return self.gazetteer.place(LEADING_ARTICLE.sub("", name.strip()))
        group = self.gazetteer.noun_phrase(name)
        if group:
            return group
        role = self.gazetteer.role(name)
        if role:
            return f"the {role}"
        words = name.split()
        named = len(words) >= 2 and all(w[:1].isupper() for w in words) and not LEADING_ARTICLE.match(key(name))
        return name if named else None  # a name is kept; « Le Sénégal » is no name

    def _role(self, actor: Actor) -> str | None:
        """A short English role the gazetteer writes (never the engine's: the top lines stay clean)."""
        if actor.kind != "person":
            return None
        role = (self.gazetteer.role(actor.role) if actor.role else None) or self.gazetteer.person(actor.name).get("role")
        return role if role and len(role.split()) <= ROLE_MAX_WORDS else None

    def parties(self, names: Sequence[str], with_role: bool = False) -> list[str]:
        found = [self.party(n, with_role) for n in names]
        return list(dict.fromkeys(p for p in found if p))

    def sentence(self, event: Event, events: Sequence[Event]) -> str:
        """One or two English sentences for the record ("" when a slot it needs cannot be written),
        with "(N sources; dates differ)"."""
        who = joined(self.parties(self._speakers(event), with_role=True))
        if not who and event.kind in ("visit", "meeting", "statement"):
            return ""
        slots = _Slots(who, date_phrase(event.start, event.end, event.precision),
                       f" {self._in(event.place)}" if event.place else "", "reportedly " if event.hedged else "",
                       event.object_en.strip().rstrip("."))  # fmt: skip
        text = getattr(self, f"_{event.kind}")(event, slots).strip()
        if not text:
            return ""
        text = _capital(text) + ("" if text.endswith(('"', ".")) else ".")
        if event.kind == "visit":
            text += self._meetings(event, events)
        notes = [f"{event.corroboration} sources"] if event.corroboration > 1 else []
        if event.versions:
            notes.append("figures differ" if event.kind == "attack" else "dates differ")
        return f"{text[:-1]} ({'; '.join(notes)})." if notes and text.endswith(".") else text

    def _visit(self, event: Event, s: _Slots) -> str:
        verb = "ended a visit to" if event.ends else "visited"
        return f"{s.who} {s.maybe}{verb} {self._place(event.place) or 'the country'} {s.when}"

    def _meeting(self, event: Event, s: _Slots) -> str:
        others = joined(self.parties(event.others, with_role=True), "or" if event.negated else "and")
        verb = "did not meet" if event.negated else f"{s.maybe}met"
        return f"{s.who} {verb} {others}{s.where} {s.when}" if others else ""  # whom, or nothing worth a line

    def _statement(self, event: Event, s: _Slots) -> str:
        if not s.what:
            return ""
        if event.quoted:
            return f'{s.who} said: "{s.what}"'
        first, _, rest = s.what.partition(" ")
        clause = f"{first.lower() if first in CLAUSE_OPENERS else first} {rest}".strip()
        return f"{s.who} {s.maybe}{REPORTING.get(event.action, 'said')}{' ' + s.when if s.when else ''} that {clause}"

    def _announcement(self, event: Event, s: _Slots) -> str:
        if not s.what:
            return ""
        verb = f"did not sign {s.what}" if event.negated else f"{s.maybe}{ANNOUNCING.get(event.action, 'announced')} {s.what}"
        where = s.where if event.place and self._place(event.place) not in s.what else ""
        return f"{s.who or 'The authorities'} {verb}{where} {s.when}"

    def _agreement(self, event: Event, s: _Slots) -> str:
        """"The two sides agreed on X; no formal agreement was signed", "X are expected to be signed"."""
        if event.negated and not (s.who and s.what):  # « la visite n'a pas abouti à la signature d'accords formels »
            return f"{_capital(_no_agreement(event.object_fr))} {s.when}"
        if not s.what:
            return ""
        if event.expected:  # « on s'attend à voir aboutir la signature de ... »
            plural = s.what.split(",")[0].split()[-1].endswith("s")  # "new bilateral agreements, including ..."
            return f"{_capital(s.what)} {'are' if plural else 'is'} expected to be signed"
        if event.negated:
            return f"{s.who} did not sign {s.what} {s.when}"
        agreed = s.what if s.what.startswith("to ") else f"on {s.what}"  # « de maintenir » -> "to maintain"
        unsigned = f"; {_no_agreement(event.unsigned)}" if event.unsigned else ""
        return f"{s.who or 'The parties'} {s.maybe}agreed {agreed} {s.when}".rstrip() + unsigned

    def _attack(self, event: Event, s: _Slots) -> str:
        if event.action == "tuer":  # « Au moins 30 soldats ont été tués »
            victims = self._count(event.object_fr) or s.what
            return f"{_capital(victims)} were {s.maybe}killed{s.where} {s.when}" if victims else ""
        if event.action == "revendiquer":
            return f"{s.who} claimed the attack {s.when}" if s.who else ""
        strike = self.gazetteer.nouns.get(event.action, "attack")  # « une frappe de drone ciblant X »
        if not (s.what or event.place or s.who):
            return ""  # « Des frappes de drones ont visé ... » whose target the engine could not write
        target = f" {s.maybe}targeted {s.what}" if s.what else f" {'was reportedly carried out' if event.hedged else 'took place'}"
        article = "" if strike.endswith("s") else ("a " if s.who else "A ")
        return f"{s.who + ' carried out ' if s.who else ''}{article}{strike}{'' if s.who and not s.what else target}{s.where} {s.when}"

    def _suspension(self, event: Event, s: _Slots) -> str:
        plural = " et " in event.object_fr or event.object_fr.lower().startswith(("les ", "des ", "ces "))
        return f"{_capital(s.what)} {'were' if plural else 'was'} {s.maybe}suspended {s.when}" if s.what else ""

    def _resumption(self, event: Event, s: _Slots) -> str:
        verb = "began to be reactivated" if event.action == "connaître" else "resumed"  # « connaître un début de réactivation »
        return f"{_capital(s.what)} {s.maybe}{verb} {s.when}" if s.what else ""

    def _meetings(self, visit: Event, events: Sequence[Event]) -> str:
        """" He met X and Y, but not Z.": the visitor's meetings reported around the visit."""
        person = visit.actors[0]
        mine = [e for e in events if e.kind == "meeting" and e.actors[:1] == [person] and _around(e, visit)]
        notmet = [o for e in mine if e.negated for o in e.others]
        met = [o for e in mine if not e.negated for o in e.others if o not in notmet]
        met_en, notmet_en = self.parties(met, with_role=True), self.parties(notmet, with_role=True)
        if not met_en and not notmet_en:
            return ""
        pronoun = "He" if self.actors.get(person) else "They"
        if met_en and notmet_en:
            return f" {pronoun} met {joined(met_en)}, but not {joined(notmet_en, 'or')}."
        if met_en:
            return f" {pronoun} met {joined(met_en)}."
        return f" {pronoun} did not meet {joined(notmet_en, 'or')}."

    def label(self, event: Event) -> str:
        """<= LABEL_WORDS words for the timeline: "Atallah visits Mali", "Goïta does not meet ..."."""
        if not event.en:
            return ""
        who = self._short(self._speakers(event))
        what = event.object_en.strip().rstrip(".")
        place = self._place(event.place)
        if event.kind == "visit":
            label = f"{who} {'visit' if who.endswith('s') and not self.actors.get(event.actors[0]) else 'visits'} {place or 'the country'}"
        elif event.kind == "meeting":
            others = joined([self._short([o]) for o in event.others], "or" if event.negated else "and") or "officials"
            plural = who.endswith("s") and not self.actors.get(event.actors[0] if event.actors else "")
            label = f"{who} {'do' if plural else 'does'} not meet {others}" if event.negated else f"{who} {'meet' if plural else 'meets'} {others}"
        elif event.kind in ("suspension", "resumption"):
            label = f"{what} {'suspended' if event.kind == 'suspension' else 'resuming'}"
        elif event.kind == "attack" and event.action == "tuer":
            label = f"{self._count(event.object_fr) or what} killed {self._in(event.place)}"
        elif event.kind == "attack" and event.action == "revendiquer":
            label = f"{who} claims the attack"
        elif event.kind == "attack" and event.action in self.gazetteer.nouns:
            label = f"{self.gazetteer.nouns[event.action]} {'on ' + what if what else ''} {self._in(event.place)}"
        elif event.kind == "statement":
            label = f"{who} statement"
        elif event.kind == "agreement" and event.negated:
            label = _no_agreement(event.object_fr).replace(" was ", " ")  # "no formal agreement signed"
        elif event.kind == "agreement" and event.expected:
            label = f"{what.split(',')[0]} expected"
        elif event.kind == "agreement":
            agreed = what.split(",")[0]  # "a technical roadmap, including ...": the roadmap
            label = f"{who} agree {'' if agreed.startswith('to ') else 'on '}{agreed}" if who else agreed
        else:
            label = f"{who} {HEADLINE.get(event.action, 'announces')} {what}" if who else what
        label = PARENTHESIS.sub("", ABBREVIATED.sub(r"\1", label))  # "JNIM (Group for the Support of ...)": JNIM
        # The timeline marks an unconfirmed event by its date, in the edition's language (render).
        return _capital(_headline(" ".join(label.split()).removeprefix("the "), LABEL_WORDS))

    def _count(self, french: str) -> str:
        """« Au moins 30 soldats » -> "at least 30 soldiers"; "" when the words are not all known."""
        match = COUNT.fullmatch(french.strip())
        if not match or key(match[3]) not in self.gazetteer.nouns:
            return ""
        number = match[2] if match[2][0].isdigit() else str(NUMBER_WORDS.get(key(match[2]), ""))
        if not number:
            return ""
        return " ".join(filter(None, [QUALIFIERS.get(key(match[1] or ""), ""), number, self.gazetteer.nouns[key(match[3])]]))

    def _speakers(self, event: Event) -> list[str]:
        """Who to name: for an announcement several outlets attribute to a person and to a country,
        the person (« William Stevens » rather than « William Stevens and the United States »)."""
        people = [a for a in event.actors if (actor := self.actors.get(a)) and actor.kind == "person"]
        return people[:1] if event.kind == "announcement" and people else event.actors

    def _short(self, names: Sequence[str]) -> str:
        """Surnames for people, English names for the rest: "Atallah", "US officers"."""
        out = []
        for name in names:
            actor = self.actors.get(name)
            if actor is not None and actor.kind == "person":
                out.append((actor.name_en or actor.name).split()[-1])
            else:
                english = self.party(name)
                if english:
                    out.append(english)
        return joined(out)

    def _place(self, place: str | None) -> str:
        """The English of a place, or of places (« Saint-Louis et Ziguinchor », see events._place)."""
        return joined([self.gazetteer.place(p) for p in place.split(" et ")]) if place else ""

    def _in(self, place: str | None) -> str:
        return f"in {self._place(place)}" if place else ""


def _around(meeting: Event, visit: Event) -> bool:
    """Undated, or within the visit's days (a day's slack for time zones and late reports)."""
    if meeting.start is None or visit.start is None:
        return True
    return (visit.start - dt.timedelta(days=1)) <= meeting.start <= ((visit.end or visit.start) + dt.timedelta(days=1))


def _no_agreement(french: str) -> str:
    """« accords formels » -> "no formal agreement was signed": templated, the engine not needed."""
    return f"no {'formal ' if 'formel' in french else ''}agreement was signed"


def _headline(text: str, budget: int) -> str:
    """`text` if it has at most `budget` words, else its longest start within the budget that ends
    at a comma or before a new phrase; "" when there is none (the timeline then builds its own)."""
    words = text.split()
    if len(words) <= budget:
        return text
    for end in range(budget, 1, -1):
        if words[end - 1].endswith((",", ";", ":")) or words[end].lower() in PHRASE_STARTS:
            return " ".join(words[:end]).rstrip(",;:")
    return ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
