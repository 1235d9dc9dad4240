"""Who said a sentence and how sure it is: speakers, hedges, references, and the English frame
that says so around the machine-translated French.

Pure functions over parsed sentences (Sentence.tokens, filled by the parse stage; unparsed
sentences fall back to the surface forms below). The select stage calls them to decide whether a
sentence can stand alone as a point, the translate stage composes the English they describe.

- A speaker: « il a déclaré », « dit-il », « a-t-il ajouté », « selon lui » have a pronoun where
  the reader needs a name. `speaker_of` finds it in the sentences before, in its article: the
  nearest named person who is the subject of a verb (or is named at all), through a chain of
  pronouns; else the person the article names most. The English names them in brackets, as an
  editorial insertion: "[Atallah] said: « ... »". A subject that is a title without a name
  (« L'envoyé américain a confirmé ») is named too, from the nearest earlier sentence giving that
  title a name (`titled_speaker`): a brief with two envoys must say which one ("The American envoy
  [Stevens] has confirmed").
- A hedge: the French press's conditional (« aurait permis »), an adverb of possibility, « selon
  ... » / « d'après ... », « de sources ... », an outlet's or analysts' reading. `hedge_of` says
  which; the English says it with "Reportedly," or "According to <source>,".
- A reference: a sentence opening on « Cette coopération », « Ces experts », « Dans cet entretien »
  or a pronoun leans on the sentence before it (`opens_with_reference`); the select stage joins
  that sentence to it, or leaves it out. « De nouveaux accords bilatéraux » in a sentence naming
  no one stand for the pair of countries its paragraph names (`pair_of`): the English names them
  in brackets, "new bilateral agreements [between Mali and Russia]".

Editorial English (the speaker, "said", "Reportedly,") is written here from templates, never
machine-translated; the French pieces between them are (see `frames`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen import syntax
from briefgen.excerpt import stated
from briefgen.french import DANGLING, DASH_ASIDE, PERSON_TITLES, STOP_WORDS, fold
from briefgen.gazetteer import load_gazetteer
from briefgen.model import EnglishFrame, Sentence, Token
from briefgen.names import near_spelling
from briefgen.render.text import event_date

# Verbs of saying, in the forms a report uses (past participle, present), with the English verb
# the brief writes. Nuances beyond these ("martelé", "confié") read as "said".
SPEECH_VERBS = {
    "said": "déclaré déclare dit affirmé affirme indiqué indique précisé précise assuré assure estimé estime "
    "confié confie lancé lance martelé martèle",
    "stressed": "souligné souligne",
    "added": "ajouté ajoute",
    "explained": "expliqué explique",
    "announced": "annoncé annonce",
    "recalled": "rappelé rappelle",
    "insisted": "insisté insiste",
    "went on": "poursuivi poursuit",
    "confirmed": "confirmé confirme",
    "noted": "noté note",
    "promised": "promis promet",
    "replied": "répondu répond",
    "reaffirmed": "réaffirmé réaffirme",
    "acknowledged": "reconnu reconnaît",
    "warned": "averti avertit prévenu prévient",
}
SPEECH = {form: english for english, forms in SPEECH_VERBS.items() for form in forms.split()}
PRONOUNS = r"il|elle|ils|elles"
ADVERBS = r"(?:[a-zà-ÿ]+ment|également|aussi|encore|toutefois|ensuite|enfin|alors|déjà|pour sa part)"
# « il a (également) déclaré : », « elle souligne que »: a pronoun subject before the verb.
PREPOSED = re.compile(
    rf"(?<![\w-])(?P<pron>(?i:{PRONOUNS}))\s+(?:(?:a|avait|ont|avaient)\s+)?(?:{ADVERBS}\s+)*(?P<verb>[a-zà-ÿ]+)\b"
    rf"(?P<sep>(?:\s+{ADVERBS})*(?:\s*:|\s+qu['’]|\s+que\b))?"
)
# « , dit-il, », « , a-t-il ajouté. », « , souligne-t-elle, »: the speaker after the verb, between commas.
INCISE = re.compile(
    rf",\s*(?:(?:a|avait)-t-(?P<pron>{PRONOUNS})\s+(?P<verb>[a-zà-ÿ]+)|(?P<verb2>[a-zà-ÿ]+)-(?:t-)?(?P<pron2>{PRONOUNS}))"
    r"\s*(?:,\s*|(?=[.!…»]))"
)
# « Selon lui, ... », « ..., d'après elle. »
ACCORDING_TO_HIM = re.compile(rf"(?:^|,\s*)(?i:selon|d['’]après)\s+(?:lui|elle|eux|elles)\s*(?:,\s*|(?=[.!…]))")
# A sentence whose subject is a pronoun (« Il n'a toutefois pas rencontré ... »), unless impersonal.
PRONOUN_SUBJECT = re.compile(
    rf"^(?P<pron>(?:{PRONOUNS}))\s+(?!importe|faut|convient|s['’]agit|semble|y a|reste|suffit|est (?:\w+ )?"
    r"(?:possible|clair|important|probable|nécessaire|temps|vrai|certain|évident|question)\b)",
    re.I,
)
# « Cette coopération », « Ces experts », « Dans cet entretien », « À cette occasion », « Ce dernier »,
# « Les deux personnalités »: a demonstrative (or « les deux » + who) in the sentence's first words
# refers to what the previous sentence said.
DEMONSTRATIVE = re.compile(
    r"^(?:(?:dans|à|a|lors\s+de|au\s+cours\s+de|après|avant|pour|selon|par|suite\s+à|en)\s+)?"
    r"(?:ce|cet|cette|ces|ledit|ladite|lesdits|lesdites|celui-ci|celle-ci|ceux-ci|cela|ceci"
    r"|les\s+deux\s+(?:personnalités|parties|hommes|dirigeants|présidents|chefs|ministres|délégations|pays))\b",
    re.I,
)
# « selon X, ... » or « ..., selon X. »: who the statement is attributed to.
ATTRIBUTION = re.compile(
    r"(?:^(?i:selon|d['’]après)\s+(?P<lead>[^,]{2,120}?),\s+|,\s*(?i:selon|d['’]après)\s+(?P<tail>[^,]{2,120}?)\s*(?=[.!…]\s*$))"
)
# « de sources sécuritaires », « selon des sources médiatiques »: sources the outlet does not name.
UNNAMED_SOURCES = re.compile(r"^(?:des\s+|de\s+|plusieurs\s+|certaines?\s+)?(?:sources?|médias|témoins|informations)\b", re.I)
FROM_SOURCES = re.compile(r"\bde\s+sources?\s+\w+", re.I)
# An outlet's or analysts' own reading rather than what an actor said or did.
READING = re.compile(
    r"\b(?:analystes?|analyses|experts?|observateurs?|spécialistes)\b.{0,40}\b(?:estiment|pensent|jugent|ont précisé"
    r"|soulignent|considèrent|croient|affirment|expliquent|notent)\b|\bselon (?:certains |des |les )?(?:analystes|experts|observateurs)\b"
    r"|^il importe de|^de facto\b|\bsemble(?:nt)?\b",
    re.I,
)
# An aside between dashes (« - qui avait, selon certains analystes, précipité ... - ») is not the
# sentence's own hedge.
ASIDE = re.compile(DASH_ASIDE)
# Journalistic conditional of avoir/être (« aurait augmenté », « serait lancé »): a report the
# outlet does not confirm. The indicative replaces it in the French that is translated, and the
# English says "reportedly" (an English "would have" reads as an unreal condition).
INDICATIVE = {"aurait": "a", "auraient": "ont", "serait": "est", "seraient": "sont"}
CONDITIONAL = re.compile(r"\b(?:aurai(?:t|ent)|serai(?:t|ent))\b", re.I)
HEDGE_ADVERB = re.compile(rf"\b(?:{'|'.join(sorted(syntax.HEDGE_ADVERBS))})\b", re.I)
# After a verb of saying and « que », a conditional is the tense of reported speech (« a précisé
# qu'un second projet serait lancé »), not a hedge.
REPORTED_SPEECH = re.compile(rf"\b(?:{'|'.join(sorted(SPEECH))})\s+(?:[^.]{{0,40}}\s)?qu(?:e\b|['’])", re.I)
# How far back in its article a pronoun's speaker is looked for (sentences).
LOOKBACK = 6
# A sentence ends like a statement (headings do not): where a speaker can be named.
STATEMENT_END = re.compile(r"[.!…»”\"]\s*$")
# A subject pronoun an engine puts before a subjectless French verb (« a discuté » -> "it has discussed").
MT_SUBJECT = re.compile(r"^(?:it|he|she|they)\s+", re.I)
# « accords bilatéraux », « entre les deux pays »: a pair of countries a sentence leaves unnamed,
# which a sentence of its paragraph names (« un projet conjoint entre le Mali et la Russie »).
UNNAMED_PAIR = re.compile(r"\bbilatéra(?:l|le|ux|les)\b|\bles\s+deux\s+pays\b", re.I)
ARTICLE = r"(?:(?:le|la|les)\s+|l['’])?"
NAMED_PAIR = re.compile(rf"\bentre\s+{ARTICLE}([A-ZÀ-Ý][\w-]+)\s+et\s+{ARTICLE}([A-ZÀ-Ý][\w-]+)")
# « ... trois points clés : a) le respect ..., b) ... » (lists are joined to their lead-in at ingest).
LIST_MARKER = re.compile(r"(?<=[\s:])((?:[a-z]|\d{1,2})\))\s")
# A capitalised word after a sentence's first: it names someone or somewhere itself.
NAMES_ANY = re.compile(r"(?<=[\s(«'’])[A-ZÀ-Ý]")
# « ... dans la lutte contre ces groupes terroristes »: inside a sentence, a demonstrative points to
# what the article said before, which the reader of one point has not read: "the" in English. Not
# « ces dernières années », « ces jours-ci » (recent times), nor inside a quotation.
THESE_INSIDE = re.compile(r"(?<=\s)ces(?=\s+(?!derni|années|jours|mois|semaines|temps)[a-zà-ÿ])")
# Titles an article gives a person once by name, then alone (« L'envoyé américain a confirmé »).
TITLE = r"émissaire|envoyée?|ministre|ambassadeur|ambassadrice|diplomate|conseill(?:er|ère)"
# « L'envoyé américain a confirmé », « La ministre a précisé »: a title and at most two adjectives,
# no name, as the subject of a verb in a compound tense.
TITLE_SUBJECT = re.compile(rf"^(?:l['’]|le\s+|la\s+)(?P<title>{TITLE})(?:\s+(?!a\b|avait\b)[a-zà-ÿ-]+){{0,2}}(?=\s+(?:a|avait)\s)", re.I)
# « ..., a promis le ministre. »: the same title as the subject after its verb, closing the sentence.
TITLE_AFTER_VERB = re.compile(
    rf",\s+(?:a|avait)\s+[a-zà-ÿ]+\s+(?:l['’]|le\s+|la\s+)(?P<title>{TITLE})(?:\s+[a-zà-ÿ-]+){{0,2}}(?=\s*[.!…]?\s*$)", re.I
)
# Titles that name one function: an envoy is also an emissary.
SAME_TITLE = {"émissaire": "envoy", "envoyé": "envoy", "envoyée": "envoy", "ambassadrice": "ambassadeur", "conseillère": "conseiller"}
TITLE_WORD = re.compile(rf"\b(?:{TITLE})\b", re.I)
# Hedge kinds the brief marks unconfirmed; "attributed" (to a named source) is reported, not doubted.
UNCONFIRMED = frozenset({"conditional", "possibility", "sources", "reading"})


@dataclass(frozen=True)
class Speaker:
    """Who a pronoun stands for: the person's surname as the article spells it ("Atallah")."""

    name: str


@dataclass(frozen=True)
class Hedge:
    kind: str  # "conditional", "possibility", "sources", "reading" or "attributed" (to a named source)
    source: str | None = None  # the French words naming the source (« un communiqué publié par le Kremlin »), or the outlet

    @property
    def unconfirmed(self) -> bool:
        return self.kind in UNCONFIRMED


@dataclass(frozen=True)
class Reading:
    """What the select stage needs of one sentence, and the English frame of it."""

    speaker: Speaker | None
    needs_speaker: bool  # a pronoun stands where the reader needs a name
    hedge: Hedge | None
    frame: EnglishFrame
    reference: bool  # opens on a demonstrative (see opens_with_reference)

    @property
    def alone(self) -> bool:
        """It can be a point on its own: no reference to the sentence before, no unnamed speaker."""
        return not self.reference and not (self.needs_speaker and self.speaker is None)


def speech_frame(text: str) -> tuple[re.Match[str], str, str] | None:
    """(match, "preposed"/"incise"/"according", English verb) of a pronoun speaker in `text`."""
    for match in INCISE.finditer(text):
        verb = match["verb"] or match["verb2"]
        if verb.lower() in SPEECH:
            return match, "incise", SPEECH[verb.lower()]
    for match in PREPOSED.finditer(text):
        if match["verb"].lower() in SPEECH and not _inside_quote(text, match.start()):
            return match, "preposed", SPEECH[match["verb"].lower()]
    match = ACCORDING_TO_HIM.search(text)
    return (match, "according", "") if match else None


def needs_speaker(sentence: Sentence) -> bool:
    """A pronoun is the speaker or the subject: the reader needs the name."""
    return speech_frame(sentence.text) is not None or _pronoun_subject(sentence) is not None


def speaker_of(sentence: Sentence, article: Sequence[Sentence]) -> Speaker | None:
    """Who speaks or acts in `sentence`: the person its pronoun speaker or subject stands for,
    found in the sentences before it in `article` (its article's sentences, in order), else its
    own named subject; None when no person can be named (a plural pronoun stands for a group)."""
    pronoun = _pronoun(sentence)
    if pronoun is None:
        return _named_subject(sentence)
    if pronoun.lower() not in ("il", "elle", "lui"):
        return None
    speaking = speech_frame(sentence.text) is not None
    before = _preceding(sentence, article)
    for earlier in reversed(before):
        if not earlier.tokens or not STATEMENT_END.search(earlier.text):
            continue  # unparsed, or a heading
        found = _antecedent(earlier, pronoun, speaking)
        if found is not None:
            return _usual_spelling(found, article) if found.name else None
    found = _most_named(article) if speaking else None
    return _usual_spelling(found, article) if found else None


def hedge_of(sentence: Sentence, outlet: str | None) -> Hedge | None:
    """Why the sentence is not stated as fact by its outlet, or None (see Hedge.kind)."""
    text = ASIDE.sub(" ", sentence.text.strip())
    text = text[stated(text).start :]  # « Durant les échanges, selon le communiqué, ... »
    attributed = ATTRIBUTION.search(text)
    if attributed and not ACCORDING_TO_HIM.search(text):
        source = attributed["lead"] or attributed["tail"]
        if READING.search(f"selon {source}"):
            return Hedge("reading", outlet)
        return Hedge("sources" if UNNAMED_SOURCES.match(source) else "attributed", source)
    if FROM_SOURCES.search(text):
        return Hedge("sources", FROM_SOURCES.search(text)[0])
    if READING.search(text):
        return Hedge("reading", outlet)
    if _conditional(sentence):
        return Hedge("conditional")
    if _possibility(sentence):
        return Hedge("possibility")
    return None


def opens_with_reference(sentence: Sentence) -> bool:
    """The sentence opens on a demonstrative (« Cette coopération », « Dans cet entretien »)."""
    text = sentence.text.strip()
    return bool(DEMONSTRATIVE.match(DANGLING.sub("", text[stated(text).start :])))


def pair_of(sentence: Sentence, article: Sequence[Sentence]) -> tuple[str, str] | None:
    """The two countries « accords bilatéraux » or « les deux pays » stand for, as the nearest
    sentence of its paragraph names them; None when the sentence names anyone itself
    (« Washington et Bamako entendent renforcer leurs relations bilatérales »)."""
    if not UNNAMED_PAIR.search(sentence.text) or NAMES_ANY.search(sentence.text):
        return None
    paragraph = [s for s in article if s.paragraph == sentence.paragraph]
    for other in sorted(paragraph, key=lambda s: abs(s.start - sentence.start)):
        if found := NAMED_PAIR.search(other.text):
            return found[1], found[2]
    return None


def titled_speaker(sentence: Sentence, article: Sequence[Sentence]) -> Speaker | None:
    """Who « L'envoyé américain » of `sentence` is: the person named nearest to the same title in
    the nearest earlier sentence of `article` giving it a name (« ... et envoyé spécial pour le Sahel,
    William B. Stevens »); None when no earlier sentence does (a title is never guessed)."""
    text = sentence.text.strip()
    subject = TITLE_SUBJECT.match(text) or TITLE_AFTER_VERB.search(text)
    if subject is None:
        return None
    title = _title_kind(subject["title"])
    before = _preceding(sentence, article)
    for earlier in reversed(before):
        people = [e for e in earlier.entities if e.label == "PER"]
        titles = [m.start() for m in TITLE_WORD.finditer(earlier.text) if _title_kind(m.group()) == title]
        if people and titles:
            nearest = min(people, key=lambda e: min(abs(earlier.tokens[e.start].start - at) for at in titles))
            return _usual_spelling(Speaker(_surname(nearest.text)), article)
    return None


def _preceding(sentence: Sentence, article: Sequence[Sentence]) -> list[Sentence]:
    """The sentences of `article` before `sentence` where a pronoun's or a title's person is sought."""
    return [s for s in article if s.start < sentence.start][-LOOKBACK:]


def _title_kind(word: str) -> str:
    word = word.lower()
    return SAME_TITLE.get(word, word)


def read(sentence: Sentence, article: Sequence[Sentence], outlet: str | None) -> Reading:
    """Speaker, hedge and the English frame of `sentence` (see EnglishFrame)."""
    needs = needs_speaker(sentence)
    speaker = speaker_of(sentence, article) if needs else titled_speaker(sentence, article)
    hedge = hedge_of(sentence, outlet)
    frame = _frame(sentence, speaker, hedge, pair_of(sentence, article))
    return Reading(speaker, needs, hedge, frame, opens_with_reference(sentence))


def compose(frame: EnglishFrame, english: dict[str, str]) -> str:
    """The frame's English: its template filled with the translations of its French pieces."""
    text = frame.template.format(*(_English(english.get(piece, "")) for piece in frame.french)).strip()
    return text[:1].upper() + text[1:]


def dates_note(dates: Sequence[str]) -> str:
    """The editorial note of a merged point whose sources give other dates (TimelineEntry.date format)."""
    days = "; ".join(event_date(d, "range" if "/" in d else "day") for d in dates)
    return f"[Sources differ on the date: also {days}.]"


class _English(str):
    """A translated piece; "{0:lower}" in a template lower-cases its first letter (after
    editorial words: "Reportedly, the CIA ..."), "{0:predicate}" drops the subject pronoun an
    engine may add to a French verb whose subject was cut off ("[Stevens] it has discussed")."""

    def __format__(self, spec: str) -> str:
        if spec == "predicate":  # after "[Atallah]": the engine may give the subjectless verb a pronoun
            return MT_SUBJECT.sub("", self, count=1)
        return self[:1].lower() + self[1:] if spec == "lower" else str(self)


def _frame(sentence: Sentence, speaker: Speaker | None, hedge: Hedge | None, pair: tuple[str, str] | None = None) -> EnglishFrame:
    text = sentence.text.strip()
    part = stated(text)
    start = part.start + _dangling_end(text[part.start :])
    edits = _indicative_edits(sentence) if hedge and hedge.kind in ("conditional", "sources", "attributed") else []
    edits += [(a, b, "") for a, b in part.elided]
    edits += [(m.start(), m.end(), "les") for m in THESE_INSIDE.finditer(text)
              if not _inside_quote(text, m.start()) and not any(a <= m.start() < b for a, b in part.elided)]
    pieces: list[str] = []
    literals = _literals(text, pair, speaker)

    def piece(a: int, b: int, lower: bool = False, predicate: bool = False) -> str:
        cut = next(((at, resume, words) for at, resume, words in literals if a < at < b), None)
        if cut:  # English written here between two translated pieces
            at, resume, words = cut
            if not text[resume:b].strip(" .!…"):  # nothing after it but the full stop
                return f"{piece(a, at, lower, predicate)} {words}{text[resume:b].strip()}"
            before = "," if text[a:at].rstrip().endswith(",") else ""
            after = "," if text[resume:b].lstrip().startswith(",") else ""
            return f"{piece(a, at, lower, predicate)}{before} {words}{after} {piece(resume, b)}"
        french = _apply(text, a, b, edits).strip(" ,")
        if not french:
            return ""
        pieces.append(french)
        spec = ":lower" if lower and not _starts_with_name(sentence, text, a) else ":predicate" if predicate else ""
        return "{" + f"{len(pieces) - 1}{spec}" + "}"

    prefix, end = "", part.end
    if hedge and hedge.kind in ("attributed", "sources"):
        match = ATTRIBUTION.search(text[part.start :])  # as hedge_of found it
        if match and (match["lead"] or match["tail"]):
            at = part.start
            source = match.span("lead") if match["lead"] else match.span("tail")
            prefix = f"According to {piece(at + source[0], at + source[1], lower=True)}, "
            start, end = (at + match.end(), end) if match["lead"] else (start, min(end, at + match.start()))
    elif hedge and hedge.kind == "reading":
        prefix = f"According to {_literal(hedge.source)}, " if hedge.source else "In the outlet's reading, "
    elif hedge and hedge.kind == "conditional":
        prefix = "Reportedly, "
    body = _speaker_body(text, start, end, speaker, piece, lower=bool(prefix))
    stop = text.rstrip()[-1] if end < len(text) and text.rstrip()[-1] in ".!…" else ""  # « ..., selon X. », a cut ending
    return EnglishFrame(prefix + body + stop, pieces)


def _literals(text: str, pair: tuple[str, str] | None, speaker: Speaker | None) -> list[tuple[int, int, str]]:
    """(start, end, English) of what the English writes itself inside a sentence: the pair of
    countries « bilatéraux » stands for ("new bilateral agreements [between Mali and Russia]"),
    the name of a title after its verb ("..., promised the minister [Diouf]."), and list markers,
    so that each item of « trois points clés : a) ..., b) ... » is translated alone."""
    literals = [(m.start(), m.end(), m[1]) for m in LIST_MARKER.finditer(text)]
    if pair and (unnamed := UNNAMED_PAIR.search(text)):
        names = " and ".join(_literal(load_gazetteer().place(country)) for country in pair)
        literals.append((unnamed.end(), unnamed.end(), f"[between {names}]"))
    if speaker and (inverted := TITLE_AFTER_VERB.search(text)):
        literals.append((inverted.end(), inverted.end(), f"[{_literal(speaker.name)}]"))
    return sorted(literals)


def _speaker_body(text: str, start: int, end: int, speaker: Speaker | None, piece, lower: bool) -> str:
    """The template of text[start:end] with a pronoun speaker replaced by the bracketed name."""
    found = speech_frame(text[:end]) if speaker else None
    if speaker is None:
        return piece(start, end, lower)
    name = "[" + _literal(speaker.name) + "]"
    if found is None:
        titled = TITLE_SUBJECT.match(text[start:end])
        if titled:  # "The American envoy [Stevens] has confirmed ..."
            return f"{piece(start, start + titled.end(), lower)} {name} {piece(start + titled.end(), end, predicate=True)}"
        subject = PRONOUN_SUBJECT.match(text[start:end])
        if subject is None:
            return piece(start, end, lower)
        return f"{name} {piece(start + subject.end(), end, predicate=True)}"
    match, kind, verb = found
    before = piece(start, match.start(), lower) if match.start() > start else ""
    if kind == "incise":
        rest = text[match.end() : end]
        if not rest.strip(" ,.!…"):  # « ..., a-t-il ajouté. »
            return f"{before}, {name} {verb}{rest.strip(' ,')}"
        after = piece(match.end(), end)
        return f"{before}, {name} {verb}, {after}" if before else f"{name} {verb}: {after}"
    if kind == "according":
        return f"{before}, according to {name}, {piece(match.end(), end)}" if before else f"According to {name}, {piece(match.end(), end, True)}"
    sep = (match["sep"] or "").strip()
    joiner = ": " if sep == ":" else " that " if sep else " "
    return f"{before}, {name} {verb}{joiner}{piece(match.end(), end)}" if before else f"{name} {verb}{joiner}{piece(match.end(), end)}"


def _starts_with_name(sentence: Sentence, text: str, at: int) -> bool:
    """The word at `at` is a name, which keeps its capital after editorial words ("According to
    media sources, Washington ..."): a proper noun for the parser, else not a function word."""
    at += len(text[at:]) - len(text[at:].lstrip(" ,«»“\""))
    offset = len(sentence.text) - len(sentence.text.lstrip())
    token = next((t for t in sentence.tokens or [] if t.start - offset == at), None)
    if token is not None:
        return token.pos == "PROPN"
    word = text[at:].split()[0] if text[at:].split() else ""
    return fold(word) not in STOP_WORDS and word[:1].isupper()


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _dangling_end(text: str) -> int:
    match = DANGLING.match(text)
    return match.end() if match else 0


def _apply(text: str, start: int, end: int, edits: Sequence[tuple[int, int, str]]) -> str:
    out, at = [], start
    for a, b, replacement in sorted(edits):
        if start <= a and b <= end:
            out += [text[at:a], replacement]
            at = b
    return "".join(out) + text[at:end]


def _indicative_edits(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Replace the journalistic conditional by the indicative (see INDICATIVE)."""
    text = sentence.text.strip()
    offset = len(sentence.text) - len(sentence.text.lstrip())
    if sentence.tokens:
        verbs = _conditional_verbs(sentence.tokens)
        return [
            (t.start - offset, t.start - offset + len(t.text), _same_case(t.text, INDICATIVE[t.text.lower()]))
            for t in (sentence.tokens[i] for i in verbs)
            if t.text.lower() in INDICATIVE
        ]
    return [(m.start(), m.end(), _same_case(m[0], INDICATIVE[m[0].lower()])) for m in CONDITIONAL.finditer(text)]


def _same_case(original: str, replacement: str) -> str:
    return replacement.capitalize() if original[:1].isupper() else replacement


def _conditional_verbs(tokens: Sequence[Token]) -> list[int]:
    """Conditional avoir/être of the main verb (or of the verbs coordinated with it)."""
    main = syntax.root(tokens)
    verbs = [main, *(i for i in syntax.children(tokens, main) if tokens[i].dep == "conj")]
    found = []
    for verb in verbs:
        for i in [verb, *syntax.children(tokens, verb)]:
            if tokens[i].morph.get("Mood") == "Cnd" and tokens[i].lemma in ("avoir", "être") and (i == verb or tokens[i].pos == "AUX"):
                found.append(i)
    return found


def _conditional(sentence: Sentence) -> bool:
    if _reported_speech(sentence.text):
        return False
    if sentence.tokens:
        return bool(_conditional_verbs(sentence.tokens))
    return bool(CONDITIONAL.search(sentence.text))


def _possibility(sentence: Sentence) -> bool:
    """An adverb of possibility, or a conditional other than avoir/être (« pourrait »), outside
    reported speech."""
    if HEDGE_ADVERB.search(sentence.text):
        return True
    if sentence.tokens and not _reported_speech(sentence.text):
        return syntax.is_conditional(sentence.tokens, syntax.root(sentence.tokens))
    return False


def _reported_speech(text: str) -> bool:
    """A verb of saying and « que » come before the first conditional (« a précisé qu'un projet
    serait lancé »): the tense of reported speech, which the speaker asserts."""
    first = re.search(r"\b\w+(?:rait|raient)\b", text)
    return bool(first and REPORTED_SPEECH.search(text[: first.start()]))


def _inside_quote(text: str, at: int) -> bool:
    return text[:at].count("«") > text[:at].count("»")


def _pronoun_subject(sentence: Sentence) -> re.Match[str] | None:
    """A pronoun opening the sentence, or the clause after « Selon X, » (« Selon le Bureau ...,
    elle a exposé la vision du pays »)."""
    text = sentence.text.strip()
    text = text[_dangling_end(text) :]
    lead = ATTRIBUTION.match(text)
    return PRONOUN_SUBJECT.match(text[lead.end() :] if lead and lead["lead"] else text)


def _pronoun(sentence: Sentence) -> str | None:
    """The pronoun standing for the speaker or the subject, if any."""
    found = speech_frame(sentence.text)
    if found is not None:
        match, kind, _ = found
        return match["pron"] or match["pron2"] if kind == "incise" else match["pron"] if kind == "preposed" else match[0].split()[-1].strip(",.")
    subject = _pronoun_subject(sentence)
    return subject["pron"] if subject else None


def _named_subject(sentence: Sentence) -> Speaker | None:
    """The person named in the subject of the sentence's main verb (« L'envoyé spécial des
    États-Unis, Rudolph Atallah, a conclu »)."""
    if not sentence.tokens:
        return None
    subject = syntax.subject(sentence.tokens, syntax.root(sentence.tokens))
    phrase = set(syntax.subtree(sentence.tokens, subject)) if subject is not None else set()
    named = [e for e in sentence.entities if e.label == "PER" and any(i in phrase for i in range(e.start, e.end))]
    return Speaker(_surname(named[0].text)) if named else None


def _antecedent(sentence: Sentence, pronoun: str, speaking: bool) -> Speaker | None:
    """What an earlier sentence says a pronoun stands for: the person named in its subject; else,
    for a speaker, the first person it names; Speaker("") when the pronoun stands for its subject,
    which is no person (« La visite ... Elle comprend ... »); None to look further back (a
    pronoun or a title for its subject, a subject of the other gender)."""
    named = _named_subject(sentence)
    if named is not None:
        return named
    tokens = sentence.tokens or []
    people = [e for e in sentence.entities if e.label == "PER"]
    subject = syntax.subject(tokens, syntax.root(tokens)) if tokens else None
    head = tokens[subject] if subject is not None else None
    if head is not None and (head.pos == "PRON" or head.lemma.lower() in PERSON_TITLES):
        return None
    if head is not None and not speaking:
        gender = head.morph.get("Gender")
        agrees = gender is None or gender == ("Fem" if pronoun.lower() == "elle" else "Masc")
        return Speaker("") if agrees else None
    return Speaker(_surname(people[0].text)) if people and speaking else None


def _usual_spelling(speaker: Speaker, article: Sequence[Sentence]) -> Speaker:
    """The article's most frequent spelling of the name (« Attalah » once, « Atallah » thrice)."""
    counts = Counter(_surname(e.text) for s in article for e in s.entities if e.label == "PER")
    folded = fold(speaker.name)
    similar = [name for name in counts if fold(name) == folded or near_spelling(fold(name), folded)]
    return Speaker(max(similar, key=lambda name: (counts[name], name))) if similar else speaker


def _most_named(article: Sequence[Sentence]) -> Speaker | None:
    """The person the article names most often (at least twice): who it is about."""
    counts = Counter(_surname(e.text) for s in article for e in s.entities if e.label == "PER")
    best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return Speaker(best[0][0]) if best and best[0][1] >= 2 else None


def _surname(name: str) -> str:
    words = [w for w in name.replace("’", "'").split() if not re.fullmatch(r"(?:M|Mme|Dr)\.?", w)]
    return words[-1] if words else name
