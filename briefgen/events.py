"""Events stage: event records (who did what, with or to whom, where, when) from the parsed French.

In the spirit of CAMEO/ACLED event coding: a trigger word (« s'est rendu », « a rencontré »,
« a annoncé », « frappe », « mises en sommeil ») found by its lemma in a parsed sentence gives an
event of one kind; its subject, objects, place and dates come from the parse, named parties from
the actors stage (so « Il » and « L'émissaire » resolve to the person the article is about), and
dates from `dates.find_dates` against the article's date. Every report of the same event, from
every outlet, is merged into one record (same kind, same party, dates that fit). The English is
written later from templates (english.py); records need only names, places, dates and, for what
was announced or said, a short French phrase.

Also ranks the candidate key developments (by corroboration, kind and recency); english.py keeps
the first 3-5 it can write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from briefgen import syntax
from briefgen.attribution import hedge_of
from briefgen.config import Config
from briefgen.dates import EVENT_WINDOW_DAYS, MONTH_NAMES, WEEKDAYS, DateMention, DateRef, find_dates
from briefgen.french import fold, stems
from briefgen.gazetteer import Gazetteer, load_gazetteer
from briefgen.model import Actor, Brief, Citation, Event, Sentence, Token

# Verbs whose lemma alone gives the kind of event.
VERB_KINDS = {
    "visiter": "visit", "séjourner": "visit",
    "rencontrer": "meeting", "recevoir": "meeting", "réunir": "meeting", "entretenir": "meeting",
    "déclarer": "statement", "affirmer": "statement", "souligner": "statement", "dire": "statement",
    "assurer": "statement", "préciser": "statement", "expliquer": "statement",
    "annoncer": "announcement", "inaugurer": "announcement", "lancer": "announcement",
    "convenir": "agreement", "signer": "agreement",
    "attaquer": "attack", "tuer": "attack", "revendiquer": "attack",
    "suspendre": "suspension", "interrompre": "suspension",
    "reprendre": "resumption", "relancer": "resumption", "réactiver": "resumption",
}  # fmt: skip
# Verbs that make an event of their object: « a effectué une visite », « a conclu sa visite »,
# « a tenu une série de réunions », « vont procéder à la création », « ont été mises en sommeil ».
VERB_OBJECT_KINDS = {
    ("effectuer", "visite"): "visit", ("conclure", "visite"): "visit", ("entamer", "visite"): "visit",
    ("achever", "visite"): "visit", ("tenir", "réunion"): "meeting", ("tenir", "série"): "meeting",
    ("procéder", "création"): "announcement", ("mettre", "sommeil"): "suspension",
    ("aboutir", "signature"): "agreement", ("connaître", "début"): "resumption",
    ("poser", "pierre"): "announcement",
}  # fmt: skip
# Nouns that are events by themselves when the sentence reports rather than comments.
NOUN_KINDS = {"frappe": "attack", "attaque": "attack", "assaut": "attack", "embuscade": "attack", "visite": "visit",
              "rencontre": "meeting"}
# Verbs ending an event: their date is its last day.
ENDING = frozenset({"conclure", "achever", "terminer"})
# Kinds whose verb the French may put before its subject (« ..., a annoncé X », « s'est rendue au Mali une mission »).
INVERTING = ("statement", "announcement", "visit")
# Nouns ending one: « au terme d'une visite », « à l'issue de sa visite » (the date of the verb they hang on).
ENDING_NOUNS = frozenset({"terme", "issue", "fin"})
# Verbs making the infinitive under them an expected event, not a past one (« on s'attend à voir aboutir »).
EXPECTING = frozenset({"attendre", "prévoir", "envisager", "espérer"})
# Speakers who are commentators, not parties: their « estiment » is analysis, not an event.
COMMENTATORS = frozenset({"analyste", "analystes", "expert", "experts", "observateur", "observateurs"})
# An infinitive reports an event only in a near future (« vont procéder »), not an aim (« visait à relancer »).
NEAR_FUTURE = frozenset({"aller", "devoir"})
# How far after its verb the parser may have left an event noun (« a conclu dimanche 13 juillet 2025 sa visite »).
OBJECT_REACH = 8
WEEKDAYS_AND_MONTHS = frozenset((*WEEKDAYS, *MONTH_NAMES))
# Nouns of launching something: the object of « procéder à la création de ... ».
LAUNCH_NOUNS = frozenset({"création", "ouverture", "lancement", "inauguration", "construction"})
# Subjects that stand for the person the article is telling about (pronouns and their roles).
ANAPHORIC_HEADS = frozenset({"il", "elle", "émissaire", "envoyé", "diplomate", "délégation", "mission"})
YEAR = re.compile(r"\b(?:en|de|depuis)\s+((?:19|20)\d\d)\b")
# A free-text object (what was announced or said) is cut to this many words: a phrase, not a sentence.
OBJECT_MAX_WORDS = 16
# ...a reported clause (« Les États-Unis restent engagés ..., a annoncé X ») has its own subject and verb.
CLAUSE_MAX_WORDS = 20
# An abbreviation after a name: « Al-Qaïda au Maghreb islamique (AQMI) ».
ABBREVIATION = re.compile(r"\s*\([A-Z]{2,}\)")
# Words opening what a phrase includes: kept with it (« une feuille de route, incluant des réunions »).
INCLUDING = r"notamment|incluant|dont|y compris"
# Events that end more than this many days before the oldest article are recalled background, not
# the news the sources cover (« la dernière visite ... remontait à octobre 2022 », « en février
# dernier »); nor is what a reminder sentence recalls (« Pour rappel, ... »).
BACKGROUND_DAYS = 45
REMINDER = re.compile(r"^(?:pour (?:rappel|mémoire)|rappelons que|il convient de rappeler)\b", re.I)
# Key developments: importance of each kind, then corroboration (log2 of sources), recency.
KIND_WEIGHT = {"visit": 1.0, "meeting": 0.8, "agreement": 0.9, "attack": 1.0, "announcement": 0.8,
               "suspension": 0.6, "resumption": 0.7, "statement": 0.4}  # fmt: skip
W_CORROBORATION, W_NAMED, W_RECENT, HEDGE_PENALTY = 1.0, 0.5, 0.5, 0.3
RECENT_DAYS = 30  # an event this close to the newest one counts as recent
# Two reports of a statement or announcement are one when they share this share of content stems.
SAME_OBJECT_OVERLAP = 0.3
# Reports dated (or, undated, published) further apart than this are of different events.
HALF_YEAR_DAYS = 183
LAUNCH_SHARED_STEMS = 3  # ...and an announcement by another party when they share this many


@dataclass
class _Party:
    """Who takes part, as found in one sentence: a named actor, or an unnamed noun phrase."""

    name: str
    named: bool


def extract_events(brief: Brief, config: Config) -> Brief:
    """Fill `brief.events` (merged records, dated first) and `brief.developments` (never a record only
    a weekly brief's background articles report)."""
    gazetteer = load_gazetteer()
    names = _NameIndex(brief.actors, [s for source in brief.sources for s in source.sentences() if s.tokens])
    found: list[Event] = []
    for source in brief.sources:
        reference = DateRef.of_article(source.date, source.date_precision)
        last_person: str | None = None
        previous = None
        for sentence in source.sentences():
            told = events_in(sentence, reference, names, gazetteer, last_person, previous) if sentence.tokens else []
            found.extend(told)
            named = [a for e in told if e.kind in ("visit", "meeting") for a in e.actors if names.named(a)]
            last_person = next(iter(named), None) or names.subject_person(sentence) or last_person
            previous = sentence
    events = merge(found, {s.id: s.date for s in brief.sources if s.date})
    news_from = _news_start(brief)
    for event in events:
        event.background = bool(news_from and event.end and event.end < news_from) or all(
            REMINDER.match(c.quote) for c in event.citations
        )
    _undated_background(events)
    brief.events = sorted(events, key=lambda e: (e.start or dt.date.max, e.kind, e.id))
    gazetteer_names = lambda party: bool(gazetteer.find_organisations(party) or gazetteer.is_place(party))  # noqa: E731
    current = brief.current()
    brief.developments = developments([e for e in brief.events if current(e.citations)],
                                      lambda p: names.named(p) or gazetteer_names(p))
    return brief


def _undated_background(events: Sequence[Event]) -> None:
    """An undated report is as old as its party's dated reports in the same articles: what Atallah
    « a souligné » in an article telling of his July visit is background when the visit is."""
    dated: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        if event.start:
            for actor in event.actors:
                for source in {c.source for c in event.citations}:
                    dated[actor, source].append(event)
    for event in events:
        if event.start is None and not event.background:
            around = [d for a in event.actors for c in event.citations for d in dated[a, c.source]]
            event.background = bool(around) and all(d.background for d in around)


class _NameIndex:
    """Named people by their surname (spelling variants too): the actors stage's, and the parser's
    PER entities it missed."""

    def __init__(self, actors: Sequence[Actor], parsed: Sequence[Sentence]) -> None:
        self.by_surname: dict[str, str] = {}
        for actor in actors:
            if actor.kind == "person":
                for name in (actor.name, *actor.variants):
                    self.by_surname.setdefault(fold(name.split()[-1]), actor.name)
        for sentence in parsed:  # people the rules missed (« a déclaré William Stevens »): the parser's
            for entity in sentence.entities:
                words = entity.text.split()
                if entity.label == "PER" and len(words) >= 2 and all(w[:1].isupper() for w in words):
                    self.by_surname.setdefault(fold(words[-1]), entity.text)
        self.known = set(self.by_surname.values()) | {a.name for a in actors}

    def named(self, party: str) -> bool:
        return party in self.known

    def people(self, tokens: Sequence[Token], indices: Sequence[int]) -> list[str]:
        out: list[str] = []
        for i in indices:
            name = self.by_surname.get(fold(tokens[i].text)) if tokens[i].text[:1].isupper() else None
            if name and name not in out:
                out.append(name)
        return out

    def subject_person(self, sentence: Sentence) -> str | None:
        """The named person the sentence is about: its main verb's subject (a mission it leads too)."""
        if not sentence.tokens:
            return None
        tokens = sentence.tokens
        subject = syntax.subject(tokens, syntax.root(tokens))
        if subject is None:
            return None
        led = [i for c in syntax.children(tokens, subject) if tokens[c].dep == "acl" for i in syntax.subtree(tokens, c)]
        return next(iter(self.people(tokens, [*_heads(tokens, subject), *led])), None)

    def named_subject(self, sentence: Sentence, besides: int) -> str | None:
        """A person named as the subject of another verb of the sentence (« S'il ..., Rudy Atallah n'a pas »)."""
        tokens = sentence.tokens or []
        for i, token in enumerate(tokens):
            if token.dep in syntax.SUBJECT and i != besides:
                found = self.people(tokens, _heads(tokens, i))
                if found:
                    return found[0]
        return None


def events_in(
    sentence: Sentence, reference: DateRef | None, names: _NameIndex, gazetteer: Gazetteer,
    last_person: str | None, previous: Sentence | None = None,
) -> list[Event]:  # fmt: skip
    """The events one parsed sentence reports (commentary and questions report none). A reporting
    verb with its speaker after it (« ..., a annoncé William Stevens ») gives its speaker to the
    events of the clause it reports instead of being an event of its own."""
    tokens = sentence.tokens or []
    triggers = _triggers(tokens)
    if not triggers or sentence.text.rstrip().endswith("?") or _commentators_say(tokens):
        return []  # nothing happens, a question, analysts' reading (« les analystes ... estiment »)
    hedge = hedge_of(sentence, None)
    if hedge and hedge.kind == "reading":
        return []  # the outlet's or analysts' reading (« De facto, ... »)
    context = _Context(sentence, reference, names, gazetteer, last_person, previous, bool(hedge and hedge.unconfirmed))
    triggered = [(i, e) for i, kind in triggers if (e := _event(context, i, kind)) is not None]
    found = [e for _, e in triggered]
    bare = [(i, e) for i, e in triggered if e.kind in ("statement", "announcement") and not e.object_fr]
    for i, event in bare:  # « Les États-Unis restent engagés ..., a annoncé X »: no event in the clause, the clause is what he said
        inside = set(syntax.subtree(tokens, i))
        if all(j in inside for j, _ in triggered if j not in dict(bare)):
            event.kind, event.object_fr, event.place = "statement", _reported_clause(context, i), None
    reporting = [e for _, e in bare if not e.object_fr]
    reported = [e for e in found if e not in reporting]
    not_met = {o for e in found if e.kind == "meeting" and e.negated for o in e.others}
    for event in found:  # « S'il a rencontré X, il n'a pas rencontré Y »: the parser may hang Y on the first verb
        if event.kind == "meeting" and not event.negated:
            event.others = [o for o in event.others if o not in not_met]
    for event in found:  # « mises en sommeil ..., avant de connaître un début de réactivation »
        event.object_fr = event.object_fr or next((e.object_fr for e in found if e.kind == "suspension"), "")
    unsigned = [e for e in found if e.kind == "agreement" and e.negated]
    agreed = [e for e in found if e.kind == "agreement" and not e.negated and e.object_fr]
    if unsigned and agreed:  # « Bien que ... n'ait pas abouti à la signature d'accords formels, ils ont convenu de X »
        agreed[0].unsigned = unsigned[0].object_fr
        found, reported = [e for e in found if e not in unsigned], [e for e in reported if e not in unsigned]
    if not reported:
        return [e for e in found if e.object_fr]
    for event in reported:
        if not event.actors and reporting:
            event.actors = reporting[0].actors
    return [e for e in reported if e.object_fr or e.kind not in ("suspension", "resumption")]  # what resumed is the news


def _commentators_say(tokens: Sequence[Token]) -> bool:
    """The main verb's subject is a commentator (« Les analystes qui se sont exprimés ..., estiment »)."""
    subject = syntax.subject(tokens, syntax.root(tokens)) if tokens else None
    return subject is not None and tokens[subject].lemma in COMMENTATORS


def _reported_clause(context: _Context, verb: int) -> str:
    """What a reporting verb set after its clause reports (« Les États-Unis restent engagés ..., a
    annoncé X »): the clause it hangs on, without the verb's own words; "" when the verb reports no
    clause or it is too long."""
    tokens = context.tokens
    head = tokens[verb].head
    if tokens[verb].dep != "parataxis" or head == verb:
        return ""
    text = _clause(context, head, set(syntax.subtree(tokens, verb)))
    return text if len(text.split()) <= CLAUSE_MAX_WORDS else ""


def _clause(context: _Context, head: int, left_out: Collection[int] = ()) -> str:
    """The words of `head`'s subtree without `left_out`, asides between commas (« un second projet,
    de 30 mégawatts, serait lancé »), a pronoun's complement (« dans celle-ci ») and a second clause
    (« ..., et qu'il ouvrirait des négociations »): what was said, short enough to translate well."""
    tokens, span = context.tokens, syntax.subtree(context.tokens, head)
    out = set(left_out)
    for i, (first, last) in _word_bounds(tokens, span).items():
        if i == head:
            continue
        if 0 < first and last + 1 < len(tokens) and tokens[first - 1].text == tokens[last + 1].text == ",":
            out.update(range(first - 1, last + 2))  # an aside, with its commas
        elif tokens[i].pos == "PRON" and tokens[i].dep.startswith("obl") or (
            tokens[i].head == head and tokens[i].dep == "conj" and tokens[i].pos == "VERB"
        ):
            out.update(syntax.subtree(tokens, i))
    kept = [i for i in span if i not in out]
    runs: list[list[int]] = []
    for i in kept:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    words = " ".join(syntax.text_of(context.sentence.text, tokens, run) for run in runs)
    return " ".join(re.sub(r"[«»]", " ", words).split()).strip(" ,;:")  # reported speech: the words, not the quotation marks


def _word_bounds(tokens: Sequence[Token], span: Sequence[int]) -> dict[int, tuple[int, int]]:
    """First and last word (punctuation aside) of each token's subtree within `span`, in one pass."""
    inside, bounds = set(span), {}
    for j in span:
        if tokens[j].pos == "PUNCT":
            continue
        i = j
        while i in inside:
            first, last = bounds.get(i, (j, j))
            bounds[i] = (min(first, j), max(last, j))
            if tokens[i].head == i:
                break
            i = tokens[i].head
    return bounds


@dataclass
class _Context:
    sentence: Sentence
    reference: DateRef | None
    names: _NameIndex
    gazetteer: Gazetteer
    last_person: str | None  # the person the article was last telling about
    previous: Sentence | None  # the sentence before, for « Ces initiatives »
    hedged: bool  # conditional, a hedging adverb or unnamed sources (attribution.hedge_of)

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens or []


def _event(context: _Context, trigger: int, kind: str) -> Event | None:
    sentence, tokens = context.sentence, context.tokens
    noun = tokens[trigger].pos == "NOUN"
    verb = _governing_verb(tokens, trigger) if noun else trigger
    scope = syntax.subtree(tokens, trigger)
    ended = _ended_visit(tokens, trigger)  # « au terme d'une visite »: the verb's party and date
    if noun and not ended:  # « la visite officielle du Général Assimi Goïta en Russie »: its people are its parties
        actors = [_Party(n, True) for n in context.names.people(tokens, scope)][:1]
    elif ended:  # the speaker of the verb: « a annoncé ... William Stevens, au terme d'une visite »
        actors = _subject_parties(context, verb) or _inverted_subject(context, verb)
    else:
        actors = _subject_parties(context, verb) or (_inverted_subject(context, verb) if kind in INVERTING else [])
        if kind == "attack" and tokens[verb].lemma in ("revendiquer", "tuer"):  # the subject is what was claimed, or the victims
            actors = _agents(context, verb)
        if kind in ("suspension", "resumption"):
            actors = [p for p in actors if p.named and p.name[:1].isupper()]  # what was suspended is no party
    if kind in ("visit", "meeting", "statement") and not any(p.named for p in actors):
        return None  # an unnamed « on » or a commentator is no party to a brief's event
    names = [p.name for p in actors]
    nested = {j for i in scope if i != trigger and tokens[i].lemma in VERB_KINDS for j in syntax.subtree(tokens, i)}
    root = syntax.root(tokens)
    dated = [i for i in (syntax.subtree(tokens, verb) if ended else scope if verb != root else range(len(tokens))) if i not in nested]
    start, end, precision = _span(_dates(sentence, tokens, dated, context.reference), sentence.text if verb == root else "")
    event = Event(
        id="",
        kind=kind,
        actors=names,
        others=_others(context, trigger, kind, [i for i in scope if i not in nested], names) if kind != "visit" else [],
        place=_place(tokens, scope, sentence, context.gazetteer) if kind in ("visit", "meeting", "attack", "announcement") else None,
        start=start,
        end=end,
        precision=precision,
        citations=[Citation(sentence.source_id, sentence.paragraph, sentence.text, sentence.start, sentence.end)],
        negated=syntax.is_negated(tokens, verb) or any(tokens[i].lemma == "ni" for i in scope),
        hedged=context.hedged,
        ends=tokens[verb].lemma in ENDING or ended,
        object_fr=_object(context, trigger, kind) if kind not in ("visit", "meeting") else "",
        expected=_expected(tokens, verb),
        action=_attack_noun(sentence, tokens, trigger) if noun and kind == "attack" else tokens[verb].lemma,
    )
    if kind == "announcement" and any(tokens[c].dep == "ccomp" and tokens[c].pos == "VERB" for c in syntax.children(tokens, trigger)):
        event.kind, event.place = "statement", None  # « a annoncé qu'il ne renouvellerait pas »: what was said
    if noun and kind == "attack" and event.place is None:  # « permis une frappe ... au Mali »: the place is the verb's
        event.place = _place(tokens, [i for i in syntax.subtree(tokens, verb) if i not in nested], sentence, context.gazetteer)
    event.quoted = event.kind == "statement" and bool(event.object_fr and re.search(rf"«\s*{re.escape(event.object_fr)}", sentence.text))
    if kind == "statement" and not event.object_fr:
        return None if actors and not any(p.named for p in actors) else event
    if kind == "attack" and not (event.object_fr or event.actors or event.place):
        return None  # « l'état-major a confirmé l'attaque »: nothing a reader learns
    return event


def _others(context: _Context, trigger: int, kind: str, scope: Sequence[int], actors: list[str]) -> list[str]:
    """Whom they met, whom it struck: people in the trigger's clause outside its subject; for a
    meeting the parser cut off its verb, those named up to the next trigger, else the unnamed
    parties its objects name (« des officiers maliens »). A visit has none: its meetings are records
    of their own."""
    tokens, names = context.tokens, context.names
    subject = _subject(tokens, trigger) if tokens[trigger].pos != "NOUN" else None
    told = set(syntax.subtree(tokens, subject)) if subject is not None else set()
    others = [n for n in names.people(tokens, [i for i in scope if i not in told]) if n not in actors]
    if kind == "meeting" and not others:
        after = next((i for i in range(trigger + 1, len(tokens)) if tokens[i].lemma in VERB_KINDS), len(tokens))
        others = [n for n in names.people(tokens, range(trigger + 1, after)) if n not in actors]
    return others or (_unnamed_objects(context, trigger) if kind == "meeting" else [])


def _attack_noun(sentence: Sentence, tokens: Sequence[Token], noun: int) -> str:
    """« frappe de drone », « attaque »: the noun and the kind it names (english.py writes it)."""
    kind = [c for c in syntax.children(tokens, noun) if tokens[c].dep == "nmod" and tokens[c].pos == "NOUN"][:1]
    return syntax.text_of(sentence.text, tokens, [noun, *kind]).lower()


def _subject(tokens: Sequence[Token], verb: int) -> int | None:
    """The verb's subject, or its governing verb's for an infinitive or a present participle
    (« Les États-Unis vont procéder », « Il a discuté ..., annonçant »)."""
    found = syntax.subject(tokens, verb)
    if found is None and tokens[verb].dep in ("xcomp", "advcl") and tokens[verb].head != verb:
        return syntax.subject(tokens, tokens[verb].head)
    if found is None:  # « Abdoulaye Diop et Rudolph Atallah ont convenu »: a subject the parser cut off as a root
        return next((i for i in range(verb) if tokens[i].head == i and tokens[i].pos == "PROPN"), None)
    return found


def _heads(tokens: Sequence[Token], i: int) -> list[int]:
    """A noun phrase's own naming tokens: its head, names apposed or flat to it, coordinated
    phrases (« X et Y »); not the people its complements name (« conseiller de Donald Trump »)."""
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo += [c for c in syntax.children(tokens, j) if tokens[c].dep in ("conj", "appos", "flat:name", "flat")
                 or tokens[c].dep == "nmod" and tokens[c].pos == tokens[j].pos == "PROPN"]  # « Assimi Goita »
    return sorted(out)


def _subject_parties(context: _Context, verb: int) -> list[_Party]:
    """Who did it: the people the subject names, else a listed organisation or a place, else the
    person in context for a pronoun or a role noun (« Il », « L'émissaire »), else the noun phrase."""
    sentence, tokens, names, gazetteer = context.sentence, context.tokens, context.names, context.gazetteer
    subject = _subject(tokens, verb)
    if subject is None:
        return []
    people = names.people(tokens, _heads(tokens, subject))
    if people:
        return [_Party(n, True) for n in people]
    span = syntax.subtree(tokens, subject)
    text = syntax.text_of(sentence.text, tokens, span)
    organisations = gazetteer.find_organisations(text)
    if organisations and tokens[subject].pos == "PROPN":
        return [_Party(text[s:e], True) for s, e, _ in organisations]
    head = tokens[subject]
    if head.lemma in COMMENTATORS or head.text.lower() in ("ils", "elles", "on", "nous", "qui"):
        return []
    if head.text.lower() in ANAPHORIC_HEADS or head.lemma in ANAPHORIC_HEADS:
        if any(tokens[c].dep == "nmod" and any(tokens[j].pos == "PROPN" for j in syntax.subtree(tokens, c)) for c in syntax.children(tokens, subject)):
            return []  # « La délégation de l'Union européenne »: not the person in context, and not a person
        led = [i for c in syntax.children(tokens, subject) if tokens[c].dep == "acl" for i in syntax.subtree(tokens, c)]
        person = next(iter(names.people(tokens, led)), None) or names.named_subject(sentence, subject) or context.last_person
        return [_Party(person, True)] if person else []  # « une mission dirigée par X », « S'il ..., X »
    if head.pos == "PROPN" and gazetteer.is_place(head.text):
        return [_Party(head.text, True)]
    if head.pos == "PRON":
        return []
    heads = [subject, *(c for c in syntax.children(tokens, subject) if tokens[c].dep == "conj" and tokens[c].pos == "NOUN")]
    parties = []  # « Les autorités maliennes et la délégation américaine »: each its own party
    for head in heads:
        own = [i for i in syntax.children(tokens, head) if tokens[i].dep in ("det", "amod", "nummod")]
        phrase = syntax.text_of(sentence.text, tokens, [*own, head])
        parties.append(_Party(phrase, gazetteer.noun_phrase(phrase) is not None or gazetteer.role(phrase) is not None))
    return parties


def _agents(context: _Context, verb: int) -> list[_Party]:
    """Who did it, for a passive verb: « revendiqué par le JNIM »."""
    tokens, gazetteer = context.tokens, context.gazetteer
    for child in syntax.children(tokens, verb):
        if tokens[child].dep == "obl:agent":
            text = syntax.text_of(context.sentence.text, tokens, syntax.subtree(tokens, child))
            found = context.names.people(tokens, _heads(tokens, child)) or [text[s:e] for s, e, _ in gazetteer.find_organisations(text)]
            return [_Party(n, True) for n in found[:1]]
    return []


def _unnamed_objects(context: _Context, verb: int) -> list[str]:
    """The unnamed parties a verb's objects name, when the gazetteer can write them in English:
    « des officiers maliens », « cinq chefs d'États africains », « des officiels de la Minusma »."""
    tokens, text, gazetteer, out = context.tokens, context.sentence.text, context.gazetteer, []
    for child in syntax.children(tokens, verb):
        if tokens[child].dep in ("obj", "obl:arg") and tokens[child].pos == "NOUN":
            own = [i for i in syntax.children(tokens, child) if tokens[i].dep in ("det", "amod", "nummod")]
            nmods = [c for c in syntax.children(tokens, child) if tokens[c].dep == "nmod"][:1]
            body = [c for c in nmods if tokens[c].pos == "PROPN" and gazetteer.organisation(tokens[c].text)]
            phrases = [syntax.text_of(text, tokens, [*own, child, *syntax.subtree(tokens, c)]) for c in nmods]
            for phrase in [*phrases, syntax.text_of(text, tokens, [*own, child])]:
                if gazetteer.noun_phrase(phrase) or gazetteer.role(phrase):
                    out.append(phrases[0] if body else phrase)
                    break
    return out


def _inverted_subject(context: _Context, verb: int) -> list[_Party]:
    """« ..., a annoncé William Stevens », « s'est rendue au Mali une mission dirigée par X », « a
    annoncé, le 22 juillet, le sous-secrétaire ..., William Stevens, au terme de »: the parser reads a
    subject after the verb as its object or as a modifier; it is a noun phrase with no preposition."""
    tokens = context.tokens
    for child in syntax.children(tokens, verb):
        unmarked = tokens[child].pos in ("NOUN", "PROPN") and not any(tokens[c].dep == "case" for c in syntax.children(tokens, child))
        if child > verb and (tokens[child].dep in ("obj", "nsubj") or unmarked and tokens[child].dep in ("obl:mod", "obl", "nmod", "appos")):
            led = [i for c in syntax.children(tokens, child) if tokens[c].dep == "acl" for i in syntax.subtree(tokens, c)]
            people = context.names.people(tokens, [*_heads(tokens, child), *led])
            if people:
                return [_Party(people[0], True)]
    return []


def _triggers(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """(token index, kind) of every event trigger; a noun inside another trigger's clause is its object."""
    found = []
    for i, token in enumerate(tokens):
        kind = None
        if token.pos in ("VERB", "AUX") and _asserted(tokens, i):
            kind = VERB_KINDS.get(token.lemma)
            if token.lemma == "rendre" and _reflexive(tokens, i):
                kind = "visit"
            for child in [*syntax.children(tokens, i), *_next_noun(tokens, i)]:
                kind = VERB_OBJECT_KINDS.get((token.lemma, tokens[child].lemma), kind)
        elif token.pos == "NOUN" and token.lemma in NOUN_KINDS and tokens[token.head].pos == "VERB" or _ended_visit(tokens, i):
            kind = NOUN_KINDS[token.lemma]
        if kind:
            found.append((i, kind))
    covered = {j for i, _ in found if tokens[i].pos != "NOUN" for j in syntax.subtree(tokens, i) if j != i}
    return [(i, kind) for i, kind in found if tokens[i].pos != "NOUN" or i not in covered or _ended_visit(tokens, i)]


def _ended_visit(tokens: Sequence[Token], i: int) -> bool:
    """« au terme d'une visite de travail », « à l'issue de sa visite »: a visit that ended then."""
    return tokens[i].lemma == "visite" and tokens[tokens[i].head].lemma in ENDING_NOUNS


def _next_noun(tokens: Sequence[Token], verb: int) -> list[int]:
    """The first noun within OBJECT_REACH tokens after a verb: the parser sometimes cuts the object
    off its verb (« a conclu dimanche 13 juillet 2025 sa visite »)."""
    return next(([i] for i in range(verb + 1, min(verb + OBJECT_REACH, len(tokens))) if tokens[i].pos == "NOUN"
                 and tokens[i].lemma not in WEEKDAYS_AND_MONTHS), [])  # fmt: skip


def _asserted(tokens: Sequence[Token], verb: int) -> bool:
    """Finite or participle; an infinitive only in a near future, after « avant de », or expected."""
    if tokens[verb].morph.get("VerbForm") != "Inf":
        return True
    marks = {tokens[c].lemma for c in syntax.children(tokens, verb)}
    near = tokens[verb].head != verb and tokens[tokens[verb].head].lemma in NEAR_FUTURE
    return "avant" in marks or near or _expected(tokens, verb)


def _expected(tokens: Sequence[Token], verb: int) -> bool:
    """An infinitive under a verb of expecting, directly or through « voir » (« on s'attend de voir aboutir »)."""
    for _ in range(2):
        if tokens[verb].morph.get("VerbForm") != "Inf" or tokens[verb].head == verb:
            return False
        verb = tokens[verb].head
        if tokens[verb].lemma in EXPECTING:
            return True
    return False


def _governing_verb(tokens: Sequence[Token], i: int) -> int:
    """The nearest verb above a token (« au terme d'une visite » hangs on « a annoncé » through nouns)."""
    while tokens[i].head != i and tokens[tokens[i].head].pos not in ("VERB", "AUX"):
        i = tokens[i].head
    return tokens[i].head


def _reflexive(tokens: Sequence[Token], verb: int) -> bool:
    """« s'est rendu »: the parser lemmatises the elided « s’ » as itself."""
    return any(fold(tokens[c].text) in ("se", "s'") for c in syntax.children(tokens, verb))


def _dates(sentence: Sentence, tokens: Sequence[Token], scope: Sequence[int], reference: DateRef | None) -> list[DateMention]:
    """Date mentions inside the trigger's clause (the whole sentence for the main verb)."""
    if not scope:
        return []
    first, last = tokens[min(scope)].start, tokens[max(scope)].start + len(tokens[max(scope)].text)
    return [m for m in find_dates(sentence.text, reference) if first <= m.start < last]


def _span(dates: list[DateMention], text: str) -> tuple[dt.date | None, dt.date | None, str]:
    """The most precise date: a range, else a day, else a month, else a year (« en 2021 »)."""
    for precision in ("range", "day", "month"):
        for mention in dates:
            if mention.precision == precision:
                return mention.first, mention.last, precision
    year = YEAR.search(text)
    if year:
        return dt.date(int(year[1]), 1, 1), dt.date(int(year[1]), 12, 31), "year"
    return None, None, ""


def _place(tokens: Sequence[Token], scope: Sequence[int], sentence: Sentence, gazetteer: Gazetteer) -> str | None:
    """The known place after « à », « au », « en » nearest the trigger: its own complements first
    (« s'est rendu à Moscou »), then deeper ones (« une visite officielle à Bamako »)."""
    inside = set(scope)
    by_depth = sorted(scope, key=lambda i: (_depth(tokens, i, inside), i))
    for i in by_depth:
        token = tokens[i]
        if token.pos != "PROPN":
            continue
        entity = next((e for e in sentence.entities if e.start <= i < e.end and e.label == "LOC"), None)
        name = entity.text if entity else token.text
        prepositions = {tokens[c].text.lower() for c in syntax.children(tokens, i)}
        if prepositions & {"à", "au", "en", "aux"} and gazetteer.is_place(name):
            more = [tokens[c].text for c in syntax.children(tokens, i) if tokens[c].dep == "conj" and gazetteer.is_place(tokens[c].text)]
            return " et ".join([name, *more])  # « à Saint-Louis et à Ziguinchor »
    return None


def _depth(tokens: Sequence[Token], i: int, inside: set[int]) -> int:
    depth = 0
    while tokens[i].head != i and tokens[i].head in inside:
        i, depth = tokens[i].head, depth + 1
    return depth


def _object(context: _Context, trigger: int, kind: str) -> str:
    """What was announced, said, agreed, suspended or struck, as a short French phrase ("" if none
    fits in OBJECT_MAX_WORDS: a cut phrase reads worse than none)."""
    sentence, tokens = context.sentence, context.tokens
    quote = re.search(r"«\s*([^«»]{10,}?)\s*»", sentence.text)
    if kind == "statement" and quote and tokens[trigger].dep != "ccomp" and not _quote_inside_clause(context, trigger, quote.start()):
        return _phrase(quote[1])
    if kind == "attack" and tokens[trigger].lemma == "tuer":  # « Au moins 30 soldats ont été tués »: the victims
        victims = [c for c in syntax.children(tokens, trigger) if tokens[c].dep in ("nsubj:pass", "nsubj")]
        return syntax.text_of(sentence.text, tokens, syntax.subtree(tokens, victims[0])) if victims else ""
    if tokens[trigger].pos == "NOUN":  # « une frappe de drone ciblant des dirigeants d'AQMI »: the target
        head = tokens[trigger].head
        aimed = [c for c in [*syntax.subtree(tokens, trigger), head] if tokens[c].lemma in ("cibler", "viser")]
        targets = [c for a in aimed for c in syntax.children(tokens, a) if tokens[c].dep == "obj"]
        return _phrase(_whole_names(context, syntax.subtree(tokens, targets[0]))) if targets else ""
    if kind == "agreement":
        agreed = _agreed(context, trigger)
        if agreed:
            return agreed
    transitive = any(tokens[c].dep == "obj" for c in syntax.children(tokens, trigger))  # « Goïta relance la coopération »
    wanted = ("nsubj:pass", "nsubj") if kind in ("suspension", "resumption") and not transitive else ("obj", "ccomp", "obl:arg", "xcomp")
    child = next((c for c in syntax.children(tokens, trigger) if (tokens[c].dep in wanted or tokens[c].lemma in LAUNCH_NOUNS)
                  and tokens[c].lemma not in ("sommeil", "début") and tokens[c].pos != "PROPN"), None)  # fmt: skip
    if child is None and kind in ("suspension", "resumption"):  # « Suspendue après ..., la coopération ... »
        child = next((i for i, t in enumerate(tokens) if t.dep == "nsubj" and t.pos == "NOUN" and i > trigger), None)
    if child is None or tokens[child].dep == "ccomp" and tokens[child].pos not in ("VERB", "AUX", "ADJ"):
        return ""  # « a précisé qu'un second projet, ..., serait lancé » parsed without its verb: no clause
    phrase = syntax.text_of(sentence.text, tokens, syntax.subtree(tokens, child))
    if tokens[child].text.lower() in ("ces", "cette", "ce", "cet") or any(
        tokens[i].dep == "det" and tokens[i].text.lower() in ("ces", "cette", "ce", "cet") for i in syntax.children(tokens, child)
    ):
        return _named_in(context.previous) or phrase  # « Ces initiatives »: what the sentence before named
    return _phrase(_clause(context, child) if tokens[child].dep == "ccomp" else phrase)


def _whole_names(context: _Context, span: Sequence[int]) -> str:
    """The text of `span`, running on to the end of a listed organisation's name it cuts and its
    abbreviation: the parser splits « Al-Qaïda | au Maghreb islamique (AQMI) »."""
    text, tokens = context.sentence.text, context.tokens
    first, last = tokens[min(span)].start, tokens[max(span)].start + len(tokens[max(span)].text)
    for start, end, _ in context.gazetteer.find_organisations(text):
        if first <= start < last < end:
            last = end
    abbreviation = ABBREVIATION.match(text, last)
    return text[first : abbreviation.end() if abbreviation else last]


def _quote_inside_clause(context: _Context, verb: int, at: int) -> bool:
    """The quotation is part of a reported clause (« a déclaré que le gouvernement entendait « protéger
    ... » »), not the speaker's statement on its own: the clause is what was said."""
    tokens = context.tokens
    for child in syntax.children(tokens, verb):
        if tokens[child].dep == "ccomp":
            words = [i for i in syntax.subtree(tokens, child) if tokens[i].dep != "mark" and tokens[i].pos != "PUNCT"]
            return bool(words) and tokens[min(words)].start < at
    return False


def _agreed(context: _Context, verb: int) -> str:
    """What was agreed or signed: « de maintenir un dialogue » (kept with its « de »: "to maintain"),
    the agreements of « la signature de nouveaux accords », and what it names among them
    (« notamment un accord final de coopération ... »)."""
    tokens, text = context.tokens, context.sentence.text
    for child in syntax.children(tokens, verb):
        if tokens[child].pos == "VERB" and tokens[child].morph.get("VerbForm") == "Inf" and tokens[child].dep in ("xcomp", "advcl"):
            marks = {c for c in syntax.children(tokens, child) if tokens[c].dep == "mark"}
            clause = _phrase(_clause(context, child, marks))
            return f"de {clause}" if clause else ""
        if tokens[child].lemma == "signature" and tokens[child].dep in ("obj", "obl:arg"):
            what = [c for c in syntax.children(tokens, child) if tokens[c].dep == "nmod"][:1]
            named = [c for c in syntax.children(tokens, verb) if any(tokens[g].lemma in INCLUDING.split("|") for g in syntax.children(tokens, c))]
            parts = [syntax.text_of(text, tokens, syntax.subtree(tokens, c)) for c in [*what, *named]]
            return _phrase(", ".join(parts)) if what else ""
    return ""


def _named_in(sentence: Sentence | None) -> str:
    """The names of things (programmes, operations) a sentence gives: « Juniper Shield et Obsidian Mosaic »."""
    if sentence is None:
        return ""
    things = [e.text for e in sentence.entities if e.label in ("MISC", "ORG") and e.text[:1].isupper()]
    return " et ".join(things[:3])


def _phrase(text: str) -> str:
    """A clause cut to its first part, without « que », or "" when still too long."""
    text = re.sub(r"^(?:qu['’]|que\s+|des\s+|de\s+|d['’])", "", text.strip(" ,;:«»"))  # « des dirigeants »: leaders
    first = re.split(rf"[,;:]\s(?!{INCLUDING})", text)[0]
    return first.strip(" ,;:«»") if len(first.split()) <= OBJECT_MAX_WORDS else ""


def _news_start(brief: Brief) -> dt.date | None:
    """The first day of the news the sources cover: BACKGROUND_DAYS before the oldest article."""
    dates = [s.date for s in brief.sources if s.date and not s.background]
    return min(dates) - dt.timedelta(days=BACKGROUND_DAYS) if dates else None


def merge(events: list[Event], published: dict[str, dt.date]) -> list[Event]:
    """One record per event: reports of the same kind about the same party, with dates that fit
    (or none, the article's date standing in) and, for what was said or announced, the same words.

    A report is compared only with the records sharing one of its keys (kind and party, kind and
    day, kind and object word), so the work grows with the reports, not their square."""
    merged: list[Event] = []
    words: dict[int, frozenset[str]] = {}
    index: dict[tuple, list[Event]] = defaultdict(list)
    for event in events:
        words[id(event)] = frozenset(stems(event.object_fr))
        near = {id(m): m for k in _keys(event, words[id(event)]) for m in index[k]}.values()
        same = next((m for m in near if _same_event(m, event, published, words)), None)
        if same is None:
            merged.append(same := event)
        else:
            _absorb(same, event)
            words[id(same)] = words[id(same)] or words[id(event)]
        for k in _keys(same, words[id(same)]):
            if same not in index[k]:
                index[k].append(same)
    for event in merged:
        event.id = _event_id(event)
    return merged


def _keys(event: Event, object_words: frozenset[str]) -> list[tuple]:
    kind = (event.kind, event.negated)
    return [(*kind, "party", a) for a in event.actors] + [(*kind, "day", event.start)] + [
        (*kind, "word", w) for w in object_words
    ]


def _absorb(same: Event, event: Event) -> None:
    """Merge the report `event` into the record `same`."""
    same.citations = sorted({(c.source, c.start): c for c in [*same.citations, *event.citations]}.values(),
                            key=lambda c: (c.source, c.start))  # fmt: skip
    same.actors += [a for a in event.actors if a not in same.actors]
    same.others += [o for o in event.others if o not in same.others and o not in same.actors]
    same.place = same.place or event.place
    same.hedged = same.hedged and event.hedged  # one outlet reporting it plainly confirms it
    if _more_precise(event, same):
        same.start, same.end, same.precision, same.ends = event.start, event.end, event.precision, event.ends
    same.object_fr = same.object_fr or event.object_fr


def _same_event(a: Event, b: Event, published: dict[str, dt.date], words: dict[int, frozenset[str]]) -> bool:
    if a.kind != b.kind or a.negated != b.negated or a.quoted != b.quoted or _years_apart(a, b, published):
        return False
    sa, sb = words[id(a)], words[id(b)]
    same_object = bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= SAME_OBJECT_OVERLAP
    if a.kind == "announcement" and same_object and len(sa & sb) >= LAUNCH_SHARED_STEMS:
        return True  # « la création d'une Chambre de commerce américaine », whoever announced it
    if a.kind == "attack" and a.start and b.start:  # one attack: same day, same place (or one unstated)
        return a.start == b.start and (not a.place or not b.place or a.place == b.place) and a.action == b.action
    if not set(a.actors) & set(b.actors):
        return False
    window = EVENT_WINDOW_DAYS + 31 * (a.precision == "month" or b.precision == "month")
    if a.start and b.start and abs((a.start - b.start).days) > window:
        return False
    if a.kind in ("visit", "meeting"):
        return a.kind == "visit" or not a.others or not b.others or bool(set(a.others) & set(b.others))
    return same_object


def _years_apart(a: Event, b: Event, published: dict[str, dt.date]) -> bool:
    """Dated (or, undated, published) half a year apart or more: « Goïta a rencontré Poutine en
    juillet 2023 » is not the meeting an article of July 2025 reports without a date."""
    first, second = a.start or published.get(a.citations[0].source), b.start or published.get(b.citations[0].source)
    return bool(first and second) and abs((first - second).days) > HALF_YEAR_DAYS


PRECISION_RANK = {"range": 0, "day": 1, "month": 2, "year": 3, "": 4}


def _more_precise(new: Event, old: Event) -> bool:
    """A start-and-end range beats a day, a day beats a month; an end date alone never replaces a start."""
    if new.ends and old.start:
        return False
    return PRECISION_RANK[new.precision] < PRECISION_RANK[old.precision] or (old.ends and not new.ends and bool(new.start))


def _event_id(event: Event) -> str:
    key = "|".join([event.kind, str(event.negated), *sorted(event.actors), str(event.start), event.citations[0].quote])
    return "E" + hashlib.sha256(fold(key).encode()).hexdigest()[:10]


def developments(events: Sequence[Event], named: Callable[[str], bool]) -> list[Event]:
    """The records that may be key developments, most important first: corroborated, of a weighty
    kind, with `named` parties (people, organisations, countries), recent; one per party and kind,
    background left out. The English writer keeps the first few it can write (english.py)."""
    candidates = [e for e in events if not e.background and (any(named(a) for a in e.actors) or e.kind == "attack")]
    newest = max((e.end or e.start for e in candidates if e.start), default=None)
    for event in candidates:
        recent = bool(newest and event.start and (newest - (event.end or event.start)).days <= RECENT_DAYS)
        event.score = round(
            KIND_WEIGHT[event.kind]
            + W_CORROBORATION * math.log2(event.corroboration)
            + W_NAMED * bool(event.others)
            + W_RECENT * recent
            - HEDGE_PENALTY * event.hedged,
            4,
        )
    visitors = {e.actors[0] for e in candidates if e.kind == "visit"}
    chosen: list[Event] = []
    for event in sorted(candidates, key=lambda e: (-e.score, e.id)):
        if event.kind == "meeting" and event.actors[0] in visitors:
            continue  # the visit's English tells whom the visitor met (english.py)
        if not any(set(event.actors) & set(c.actors) and event.kind == c.kind for c in chosen):
            chosen.append(event)
    return chosen
