"""Select stage: sentences -> merged fact Points -> sections within the length budget -> key judgements.

A Point is one fact: the sentences that state it (across outlets or repeated in one article) are
merged by `briefgen.merge` (words plus anchors: the same person in the same kind of event, see
`_event_keys`), then reports of one visit or meeting that outlets tell in other words and date
within days of each other are joined (see EVENT_MERGE_SIMILARITY). Every sentence is kept as a
Citation, and the best-formed one is quoted verbatim. Each statement is first read for who said it
and how sure it is (`briefgen.attribution`): one whose pronoun speaker no earlier sentence names,
or that opens on a reference (« Cette coopération... »), is joined to the sentence before it or
left out, and the point carries its speaker, hedge and English frame. The fact goes to the section its
sentences score best in on average (a section's `claim` included). Points are ranked by section
fit, informativeness (named things, figures), corroboration (distinct sources), echoes in other
outlets, centrality, attribution and lead position, less a penalty for commentary; background
(no reported event, no attribution, no date or figure) is scaled down. The budget is then filled
with the facts several outlets report first, section by section with diminishing returns
(coverage) and, within an article's paragraph, diminishing returns too (one event per paragraph
first), never taking two points that are worded alike, name the same participant in the same
kind of event, create the same thing, or report one visit or meeting with mostly the same
participants (novelty).
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from briefgen.attribution import READING, Reading, read
from briefgen.config import Config, SectionSpec
from briefgen.dates import CALENDAR_WORDS, EVENT_WINDOW_DAYS, DateMention, DateRef, find_dates
from briefgen.french import ANAPHORIC, DASH_ASIDE, IDEAL_WORDS, STEM_LENGTH, STOP_WORDS, fold, normalise, well_formed
from briefgen.names import NOT_NAME
from briefgen.sections import best_section
from briefgen.merge import Pairs, candidate_pairs, clusters, vectorise, with_anchors
from briefgen.model import Brief, Citation, EnglishFrame, Point, Section, Sentence, Source

# English words per French word, measured on the five seeds (4,318 French words -> 4,566 English
# words through Apertium fra->cat->eng, ratio 1.057). Whitespace-counted French merges elided
# articles ("l'armée" = 1 word, "the army" = 2), so English runs a little longer.
EN_PER_FR_WORD = 1.06
# Statements shorter than this are headings, fragments or asides ("Ceci prouve que la visite a été
# payante."); longer ones eat the budget of two facts.
MIN_WORDS, MAX_WORDS = 12, 80
# Below this best-section score a sentence is off-topic for every section (scores: 1.0 = a
# typical keyword sentence of the section, similarity alone gives 0.05-0.3).
MIN_SECTION_SCORE = 0.3
# Points scoring below this share of a top score are filler: a thin section stays short (or
# empty) rather than padded with them. The top score is the FLOOR_PERCENTILE-th percentile, not the
# best, which a fact reported by many outlets lifts far above the rest (log2 of 20 sources is 4.3):
# the floor must not rise with it.
MIN_RELATIVE_SCORE = 0.35
FLOOR_PERCENTILE = 90
# Two selected points with content cosine at or above this say the same thing.
NOVELTY_SIMILARITY = 0.35
# Two points naming the same participant in the same kind of event (a visit, a meeting, an
# attack) report the same event however differently they are worded: keep one. Participants are
# capitalised words other than the corpus's ubiquitous ones (in more than this share of
# statements, e.g. the country every article is about).
EVENT_KINDS = {
    "visit": re.compile(r"\b(?:visite|rendue?|séjour|passage|déplacement|tournée)\b", re.I),
    # Not "entretien": as often an interview given to the press as talks held with someone.
    "meeting": re.compile(r"\b(?:rencontr\w*|réuni\w*|entrevue|entretenu)\b", re.I),
    "attack": re.compile(r"\b(?:attaqu\w*|assaut|embuscade|tués)\b", re.I),
    # An envoy's offer, told as a fact or in his own words (« une offre officielle », « Je suis venu
    # offrir nos services », « Nous avons des équipements adéquats » is its argument, not an offer).
    "offer": re.compile(r"\b(?:offre|offrir|offert|offrant)\b", re.I),
}
# Kinds that keep a second point on the same person's event out of the brief but do not anchor a
# merge: an offer is one of the things a visit is told with, and as an anchor it pulled the
# outlets' reports of Atallah's visit apart (4 outlets became 2).
NOVELTY_ONLY = frozenset({"offer", "suspension", "minister"})
# Named or not, a formal offer of the week is one offer (« une offre officielle aux autorités
# maliennes », « les deux envoyés ont fait une offre officielle de renforcement ... »), and a
# cooperation suspended in a given year is one suspension (« Suspendue après le coup d'État de
# 2021, la coopération... », « Ces initiatives avaient été mises en sommeil après le coup d'État de
# 2021 »), and what two sides agreed is one outcome however it is told (« ont convenu de maintenir
# un dialogue régulier », « les deux parties ont convenu d'une feuille de route technique »): a
# second point on any of them restates the first.
FORMAL_OFFER = re.compile(r"\boffre\s+(?:officielle|formelle)\b", re.I)
SUSPENDED = re.compile(r"\b(?:suspendue?s?|suspension|mis(?:es?)?\s+en\s+sommeil|gelée?s?)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A minister met is identified by the portfolio when the name is not given (« S'il a rencontré les
# ministres maliens des Affaires étrangères et de la Sécurité », « la partie malienne conduite par
# le ministre des Affaires étrangères ..., Abdoulaye Diop »): two meetings with the same portfolio's
# minister in one week are one meeting.
PORTFOLIO = re.compile(
    r"\bministres?\s+(?:[a-zà-ÿ]+\s+)?(?:des|du|de\s+la|de\s+l['’])\s*([A-ZÀ-Ý][\w-]+(?:\s+[a-zà-ÿ]+)?)"
    r"(?:\s+et\s+(?:des|du|de\s+la|de\s+l['’])\s*([A-ZÀ-Ý][\w-]+))?"
)
AGREED = re.compile(r"\b(?:ont|avaient|auraient)\s+(?:\w+\s+)?convenu\b", re.I)
# What one side insisted on in talks is its position, one fact however each outlet lists it
# (« les autorités maliennes de transition ont insisté sur leur « reprise en main ... » », « les
# autorités maliennes ont insisté sur trois points clés ... : a) ... »): keyed by the side.
INSISTED = re.compile(
    r"\b(?i:les|la|le|l['’])\s*([a-zà-ÿ]+\s+[a-zà-ÿ]+)(?:\s+de\s+transition)?\s+(?:a|ont|avait|avaient)\s+(?:\w+\s+)?insisté\b"
)
# The creation of something is identified by what is created, named or not ("la création d'une
# Chambre de commerce", "l'ouverture prochaine de la Chambre de commerce"): its first word, folded
# and cut like a stem, is the anchor "<word>/launch".
LAUNCH = re.compile(
    r"\b(?:création|créer|ouverture|ouvrir|lancement|lancer|inauguration|inaugurer|mise en place)\s+"
    r"(?:prochaine\s+|officielle\s+)?(?:de\s+la|de\s+l['’]|du|des|d['’]une?|de|la|le|les|l['’]|une?)\s*([\w-]+)",
    re.I,
)
# A visit or meeting that did not happen (« n'a toutefois pas rencontré Goïta ») is no encounter
# with its participants: it must not stand in for the meeting Goïta did have (with Putin).
NOT_DONE = re.compile(r"\bn['’](?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:pas|jamais)\s+(?:\w+\s+)?(?:rencontr|visit|reçu)\w*[^.;]*", re.I)
# « La visite se poursuivra ... », « Cette rencontre a porté sur ... »: the visit or meeting just told.
THE_ENCOUNTER = re.compile(r"^(?:la|cette|le|cet)\s+(?:visite|rencontre|réunion|séjour|tournée|entrevue)\b(?!\s+d(?:e|u|['’]))", re.I)
# « Les paroles du lieutenant-colonel ... ressemblent à une offre de service », « Ces propos ... »: a
# comment on the quotation before it.
QUOTE_COMMENT = re.compile(r"^(?:les|ces|ses|leurs)\s+(?:paroles|propos|déclarations|mots)\b", re.I)
UBIQUITOUS_SHARE = 0.15
UBIQUITOUS_MIN = 3  # ...and in more than this many: in a handful of statements nothing is ubiquitous
# A visit and a meeting report one encounter when this share of the participant words of the one
# naming fewer belong to people the other names too, a person being a whole name that shares a
# word with one of the other's (first name and surname, or the surname alone): "Assimi Goita"
# (in Moscow) and "Goïta, Vladimir Poutine, Kremlin" are one encounter (2 words of 2); so are
# "Vladimir Poutine, Ortm" and the latter (2 of 3); "Rudy Atallah, Sadio Camara" and "Rudy
# Atallah, Donald Trump, Abdoulaye Diop" are two meetings of one visit (2 of 4).
ENCOUNTER = ("visit", "meeting")
SAME_ENCOUNTER = 0.6
# Outlets tell one visit in words that share little ("s'est rendu au Mali où il a été reçu
# mercredi 9 juillet", "a conclu dimanche 13 juillet 2025 sa visite de plusieurs jours à Bamako":
# content cosine, anchors included, 0.16-0.28 on the seeds, under MERGE_SIMILARITY). Two groups
# of sentences join as one fact when two of their sentences, from different outlets, report a
# visit or meeting of the same person on dates at most EVENT_WINDOW_DAYS apart, neither being
# commentary, and the groups are this similar on average. Dates make it safe: a sentence that
# names the person in passing ("la visite de William Stevens intervient après le passage de
# Rudolph Atallah"), although closer in words (0.31), dates no visit of his.
EVENT_MERGE_SIMILARITY = 0.2
# A sentence continues the previous sentence's statement when its verb is "ajouter"/"poursuivre"
# ("Il a ajouté qu'« ... »", "L'émissaire a ajouté que...") or when it is a bare quotation with no
# speaker of its own ("« Si le Mali décide... »."): it means little without its head sentence, so
# it is not quoted as a point of its own.
CONTINUATION = re.compile(
    r"^(?:[^.«»]{0,60}\b(?:a|ont) (?:également |aussi |encore )?(?:ajouté|poursuivi|renchéri)\b|et de poursuivre"
    r"|aussi,|de plus,|«[^«»]*»\s*[.!…]?\s*$)",
    re.I,
)
# Each further point in a section counts this much less: spreads the budget over sections
# (coverage) while still letting the richest section take more.
COVERAGE_DECAY = 0.9
# Each further point quoting a paragraph already quoted counts this much less: a paragraph tells
# one event, and its second sentence mostly elaborates or restates it ("La visite se poursuivra
# jusqu'au 26 juin..." after the meeting with Putin). Other events come first. Measured on the
# seeds: 0.5-0.6 gave +2 checklist facts at 900 words over no decay, 0.8 only +1; since the English
# leaves descriptions out (briefgen/excerpt.py), 0.6-0.7 fit one fact more than 0.4-0.5. Only the
# quoted paragraph counts: another outlet's report of the fact, cited in a footnote, leaves its
# paragraph's other facts as news as they were (the communiqué's « dialogue politique rénové »
# beside its list of Mali's conditions, which a merged point cites).
PARAGRAPH_DECAY = 0.6
# Greedy value per cost: score / words**COST_EXPONENT. 0 favours long sentences (more words, more
# named things); 1 (value per estimated word) fitted the most checklist facts into 900 words on
# the seeds (0.5 and 0.8 did no better), while MIN_WORDS keeps fragments out.
COST_EXPONENT = 1.0
# ...but a short point costs at least this many words in that ratio: below it, brevity is no
# merit: a 13-word fragment is not worth twice a 26-word statement (measured: +1 fact at 600
# words, same at 900; 30 and above starve the budget of short facts).
MIN_COST_WORDS = 20
# Ranking weights: section fit (classify score, capped), informativeness (named things, numbers,
# dates: 0-1), corroboration (log2 of distinct sources), echo (log2 of 1 + other sources with a
# related sentence), centrality (cosine to the corpus centroid, 0-1), lead (fact stated in an
# article's first two paragraphs), opinion (commentary rather than a reported fact).
W_SECTION, W_INFO, W_CORROBORATION, W_ECHO, W_CENTRAL, W_LEAD, W_OPINION = 1.0, 1.0, 1.0, 0.3, 0.5, 0.3, 0.8
# Attribution (a named source said or announced it): what an analyst cites as a reported fact.
W_ATTRIBUTED = 0.6
ATTRIBUTED = re.compile(
    r"\b(?:a|ont|avait|avaient) (?:également |aussi )?(?:déclaré|annoncé|souligné|indiqué|confirmé|affirmé"
    r"|ajouté|précisé|assuré|expliqué|détaillé|réaffirmé|promis|proposé)\b|\bselon\b|\bd['’]après\b"
    r"|\bdit-il\b|\ba-t-il\b",
    re.I,
)
# Reported events: an actor did, said or will do something ("a rencontré", "s'est rendu", "ont
# convenu", "aurait augmenté", "vont créer", "se félicite"). A compound tense (auxiliary, a few
# adverbs, a participle), a near future, or a present-tense verb of declaring or intending. What
# has none of these, no attribution and no date or figure is background ("Les combattants ...
# restent actifs", "Moscou est fortement présent", "Les relations connaissent un renouveau"),
# which a brief of events can leave out: its score is scaled by BACKGROUND_PENALTY (0.3 and 0.5
# measured alike on the seeds; 0.7 lets the context sentences back in). An expected signing
# (« on s'attend à voir aboutir la signature ») is an event to come, not background.
BACKGROUND_PENALTY = 0.5
PARTICIPLE = r"(?:été\s+)?[a-zà-ÿ]+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|it|ite|ert|erte|ort|eint|aint)"
ADVERB = r"(?:[a-zà-ÿ]+ment|également|aussi|déjà|toutefois|pas|jamais|encore|ainsi|notamment|alors|depuis|bien|d['’]ailleurs)"
REPORTED_EVENT = re.compile(
    rf"\b(?:a|ont|avait|avaient|aurait|auraient|aura|auront|s['’](?:est|était)|se (?:sont|seraient|seront))"
    rf"(?:\s+{ADVERB}|,[^,.]{{1,40}},)*\s+{PARTICIPLE}\b"
    r"|\b(?:va|vont|allait|allaient|doit|doivent)\s+(?:[a-zà-ÿ]+ment\s+)?[a-zà-ÿ]+(?:er|ir|re)\b"
    r"|\b(?:se félicit|salu|annonc|déclar|affirm|dénonc|réclam|accus|entend|promet|s['’]engag)(?:e|ent|ont)\b"
    r"|\bprévoi(?:t|ent)\b|\bs['’]attend(?:ent)?\b"
    r"|[a-zà-ÿ]+(?:ra|ront)\b(?=\s+(?:jusqu|le |la |les |l['’]|à |au |en |d[eu]s? ))",
    re.I,
)
# « Selon cette source », « D'après ces sources », « De même source »: the informant told just before.
THIS_SOURCE = re.compile(r"^(?:selon|d['’]après|de)\s+(?:cette|ces|la\s+même|les\s+mêmes|même)\s+sources?\b", re.I)
SOURCE_WORD = re.compile(r"\bsources?\b", re.I)
# Words dating a statement to the time of its article (« cette année », « récemment ») or measuring
# from it (« remontait à octobre 2022, il y a presque trois ans »: how long the gap has lasted).
NOW = re.compile(r"\b(?:cette\s+(?:année|semaine)|ce\s+mois|aujourd['’]hui|hier|récemment|actuellement|désormais|il\s+y\s+a)\b", re.I)
# A sentence that opens as a reminder recalls the past for context: background, however dated.
REMINDER = re.compile(r"^(?:pour (?:rappel|mémoire)|rappelons que|il convient de rappeler|faut-il rappeler)\b", re.I)
# Dates and figures anchor a statement in fact ("en octobre 2022", "6 % de croissance").
ANCHOR = re.compile(rf"\d|\b(?:{CALENDAR_WORDS})\b", re.I)
# A French piece's place in an English frame ("{0}", "{1:lower}"), and a word of editorial English.
PLACEHOLDER = re.compile(r"\{\d+(?::\w+)?\}")
WORD = re.compile(r"\w+")
SECTION_FIT_CAP = 2.0
LEAD_PARAGRAPHS = 2
# Cosine at which a sentence in another source counts as echoing (not restating) a fact.
ECHO_SIMILARITY = 0.25
# Commentary markers: analysts' views and framing, as opposed to what actors said or did.
# Experts are commentary when they give a view (attribution.READING: « les analystes estiment »),
# not when they are the subject (« des réunions au niveau des experts en sécurité »).
OPINION = re.compile(
    rf"{READING.pattern}|\b(?:estiment|pensent|selon eux|il importe de|dans (?:ce|un) contexte"
    r"|de facto|certes|on constate|on croit savoir|semble|pourrait|pourraient|certainement|apparemment"
    r"|prouve|témoigne)\b",
    re.I,
)
# An aside between dashes or brackets ("- qui avait, selon certains analystes, précipité... -") does
# not make the statement around it commentary.
ASIDE = re.compile(rf"{DASH_ASIDE}|\([^()]*\)")
ANAPHORA_PENALTY = 0.7
STATEMENT_END = re.compile(r"[.!…»”\"]\s*$")
# Named things and figures: capitalised words after the first, acronyms, numbers.
NAMED = re.compile(r"(?<=[\s(«'’])[A-ZÀ-Ý][\w’'-]+|\b\d+")
PARTICIPANT = re.compile(r"(?<=[\s(«'’])[A-ZÀ-Ý][\w-]+")
NAME = re.compile(r"(?<=[\s(«'’])[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)*")
# A place is where a visit or meeting happens, not who takes part: two envoys visiting Bamako are
# two visits. An attack, though, is identified by where it happened.
LOCATED = {"attack"}
PLACE = re.compile(r"\b(?i:à|au|aux|en|vers|depuis)\s+(?:la\s+|l['’])?([A-ZÀ-Ý][\w-]+)")


@dataclass(frozen=True)
class Signals:
    """What a fact's rank rests on, besides its text (see _rank)."""

    central: float  # cosine to the corpus centroid
    fit: float  # score in its section
    echo: int  # other sources holding a related sentence
    lead: bool  # cited in an article's first paragraphs
    background: bool  # a reminder of the past, not the week's news


@dataclass
class Candidate:
    point: Point
    row: int  # matrix row of the quoted sentence
    words: int  # estimated English words
    events: frozenset[tuple[str, str]]  # (named participant, kind of event), see _event_keys
    met: frozenset[frozenset[str]]  # names taking part in a visit or meeting it reports (see _same_encounter)
    paragraph: tuple[str, int]  # (source id, paragraph number) of the quoted sentence


def select(brief: Brief, config: Config) -> Brief:
    """Fill `brief.sections` (config order, possibly empty) and `brief.key_judgements` (never a point
    only a weekly brief's background articles report: they may explain, not headline the week)."""
    order = [spec.key for spec in config.sections]
    statements = [s for source in brief.sources for s in source.sentences() if is_statement(s, config.sections)]
    statements, readings = standing_alone(statements, brief)
    copies = exact_copies(statements)
    candidates, matrix = build_points(copies, config.sections, {source.id: source for source in brief.sources}, readings)
    chosen = choose(candidates, matrix, order, config.length)
    brief.sections = [
        Section(spec.key, spec.title_en, spec.title_fr, [c.point for c in chosen if c.point.section == spec.key])
        for spec in config.sections
    ]
    current = brief.current()
    brief.key_judgements = key_judgements([c.point for c in chosen if current(c.point.citations)], config.key_judgements)
    return brief


def is_statement(sentence: Sentence, specs: Sequence[SectionSpec]) -> bool:
    """A complete, on-topic, self-standing declarative sentence of a reasonable length."""
    text = sentence.text.strip()
    if CONTINUATION.match(text):
        return False
    n = len(text.split())
    if not MIN_WORDS <= n <= MAX_WORDS or not STATEMENT_END.search(text) or text.rstrip("»”\" ").endswith("?"):
        return False
    if not (text[0].isupper() or text[0] in "«“\"") or re.match(r"^[a-z]\)", text):
        return False
    return best_section(sentence.scores, specs)[1] >= MIN_SECTION_SCORE


def standing_alone(statements: Sequence[Sentence], brief: Brief) -> tuple[list[Sentence], dict[tuple, list[Reading]]]:
    """The statements that can be points on their own, and how each is attributed (see
    attribution.py), keyed by (source id, start, end).

    A statement that leans on the sentence before it (« Cette coopération aurait... », a pronoun
    speaker no earlier sentence names) is joined to that sentence, as one quote of both, when
    the earlier one is no heading and stands alone, and together they are a statement's
    length; otherwise it is left out: a point never refers to a point the reader has not read.
    The earlier sentence may close the paragraph before (one-line paragraphs are common online).
    The earlier sentence stays a statement of its own too (the joined quote is longer); a
    referring sentence that only comments is not worth joining and is left out.
    """
    kept: list[Sentence] = []
    readings: dict[tuple, list[Reading]] = {}
    sources = {source.id: source for source in brief.sources}
    articles: dict[str, list[Sentence]] = {}
    for sentence in statements:
        source = sources[sentence.source_id]
        if source.id not in articles:
            articles[source.id] = source.sentences()
        article = articles[source.id]
        reading = read(sentence, article, source.outlet)
        if reading.alone:
            kept.append(sentence)
            readings[_key(sentence)] = [reading]
            continue
        i = next(k for k, s in enumerate(article) if s is sentence)
        before = article[i - 1] if i else None
        if before is None or source.paragraphs[before.paragraph - 1].heading:
            continue
        earlier = read(before, article, source.outlet)
        text = normalise(source.text[before.start : sentence.end])  # one line, even across a paragraph break
        if earlier.alone and len(text.split()) <= MAX_WORDS and _reports(sentence.text) and _source_named(before, sentence):
            scores = {k: max(before.scores.get(k, 0.0), v) for k, v in sentence.scores.items()}
            joined = Sentence(source.id, before.paragraph, before.start, sentence.end, text, scores)
            kept.append(joined)
            readings[_key(joined)] = [earlier, reading]
    return kept, readings


def _source_named(before: Sentence, sentence: Sentence) -> bool:
    """« Selon cette source, ... » joined to the sentence before needs that sentence to name the
    source (« a indiqué une source au sein de l'armée »): joined to any other, the English would
    still say "According to this source" of no source the reader has read."""
    return not THIS_SOURCE.match(sentence.text) or bool(SOURCE_WORD.search(before.text))


def _reports(text: str) -> bool:
    """Reports something (see is_background) rather than comment on it (« Cette visite intervient
    dans un contexte... »): worth joining to the sentence it refers to."""
    return not is_background(text) and not OPINION.search(ASIDE.sub(" ", text))


def _key(sentence: Sentence) -> tuple[str, int, int]:
    return sentence.source_id, sentence.start, sentence.end


def attribute(point: Point, readings: Sequence[Reading]) -> None:
    """Fill the point's speaker, hedge and English frames from the readings of its quote."""
    point.frames = [r.frame for r in readings]
    point.speaker = next((r.speaker.name for r in readings if r.speaker), None)
    hedges = [r.hedge for r in readings if r.hedge]
    point.hedge = hedges[0].kind if hedges else None
    point.hedged = any(h.unconfirmed for h in hedges)


def english_words(french: str) -> int:
    """Estimated English length of a French text (see EN_PER_FR_WORD)."""
    return math.ceil(len(french.split()) * EN_PER_FR_WORD)


def point_words(point: Point) -> int:
    """Estimated English length of a point: of the French its English states (its frames, which
    leave out what only describes, see briefgen.excerpt) and of the editorial words around it."""
    if not point.frames:
        return english_words(point.fr)
    editorial = PLACEHOLDER.sub(" ", " ".join(frame.template for frame in point.frames))
    return english_words(_stated_french(point.frames)) + len(WORD.findall(editorial))


def _stated_french(frames: Sequence[EnglishFrame]) -> str:
    """The French pieces the English of these frames translates (see briefgen.excerpt)."""
    return " ".join(piece for frame in frames for piece in frame.french)


def point_id(french: str) -> str:
    """Stable id: hash of the accent-folded, whitespace-normalised French text."""
    return "P" + hashlib.sha256(normalise(fold(french)).encode()).hexdigest()[:10]


def exact_copies(statements: Sequence[Sentence]) -> list[list[Sentence]]:
    """Statements grouped by identical (folded, whitespace-normalised) text, in first-seen order.

    Syndicated and repeated copies are common in news; collapsing them first keeps the similarity
    work proportional to the distinct sentences.
    """
    groups: dict[str, list[Sentence]] = {}
    for sentence in statements:
        groups.setdefault(normalise(fold(sentence.text)), []).append(sentence)
    return list(groups.values())


def build_points(
    copies: Sequence[Sequence[Sentence]],
    specs: Sequence[SectionSpec],
    sources: Mapping[str, Source],
    readings: Mapping[tuple, Sequence[Reading]] | None = None,
) -> tuple[list[Candidate], csr_matrix]:
    """One scored Candidate per group of sentences stating the same fact, and the matrix of the
    statements' content vectors with their anchors (row i: `copies[i]`), which novelty compares.

    `copies[i]` are identical statements (see `exact_copies`); `sources`
    maps source ids to their Source: its date resolves the dates of visits (see
    EVENT_MERGE_SIMILARITY), and its language tells whether the French background cues apply. A fact
    goes to the section its sentences score best in on average: one outlet's aside ("a field
    where Russia is less present") does not move a fact the others report plainly.
    """
    if not copies:
        return [], csr_matrix((0, 1))
    readings = readings or {}
    statements = [group[0] for group in copies]
    ubiquitous = _ubiquitous_participants([s.text for s in statements])
    speakers = [" ".join(r.speaker.name for r in readings.get(_key(s), []) if r.speaker) for s in statements]
    told = [f"{s.text} {speaker}".strip() for s, speaker in zip(statements, speakers)]
    events = [_event_keys(text, ubiquitous) for text in told]
    context = [_context(text, keys, s, sources) for text, keys, s in zip(told, events, statements)]
    told = [f"{text} {words}" if words else text for text, words in zip(told, context)]
    events = [_event_keys(text, ubiquitous) if words else keys for text, words, keys in zip(told, context, events)]
    anchors = [[f"{p}/{kind}" for p, kind in keys if kind not in NOVELTY_ONLY] for keys in events]
    matrix = with_anchors(vectorise([s.text for s in statements]), anchors)
    centroid = np.asarray(matrix.sum(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = matrix @ centroid
    pairs = candidate_pairs(matrix)
    echoes = _echoes(statements, pairs)
    groups = clusters(matrix, _not_years_apart(statements, events, pairs, sources))
    reports = _event_reports(statements, events, pairs, sources)
    groups = clusters(matrix, reports, EVENT_MERGE_SIMILARITY, start=groups)
    candidates = []
    for group in groups:
        best = _fullest(group, statements, readings, max(group, key=lambda i: (well_formed(statements[i].text, _named(statements[i], readings)), -i)))
        quoted = statements[best]
        section, fit = best_section(_mean_scores([statements[i] for i in group]), specs)
        cited = _not_overlapping(sorted((s for i in group for s in copies[i]), key=lambda s: (s.source_id, s.start)), quoted)
        point = Point(point_id(quoted.text), quoted.text, [_citation(s) for s in cited], section)
        attribute(point, readings.get(_key(quoted), []))
        point.dates_differ = dates_differ(quoted, cited, sources)
        signals = Signals(
            central=float(centrality[best]),
            fit=fit,
            echo=len(set().union(*(echoes[i] for i in group)) - {c.source for c in point.citations}),
            lead=any(s.paragraph <= LEAD_PARAGRAPHS for s in cited),
            background=sources[quoted.source_id].language == "fr" and (is_background(quoted.text) or _past(quoted, sources)),
        )
        point.score = round(_rank(point, signals), 4)
        reported = [told[i] for i in group if _is_encounter(events[i])]
        # Who an envoy did not meet (« n'a toutefois pas rencontré ... Camara ») is a fact of its own,
        # not a second report of his visit.
        encounter = _is_encounter(events[best]) and not NOT_DONE.search(quoted.text)
        met = _encounter_names(reported, ubiquitous) if encounter else frozenset()
        paragraph = (quoted.source_id, quoted.paragraph)
        candidates.append(Candidate(point, best, point_words(point), events[best], met, paragraph))
    return candidates, matrix


def _context(text: str, keys: frozenset[tuple[str, str]], sentence: Sentence, sources: Mapping[str, Source]) -> str:
    """What its paragraph says of a statement (`text`, its events `keys`), as words for its events:

    - a visit or meeting naming no one, or told as « la visite » (« La visite se poursuivra jusqu'au
      26 juin »), takes the names of the sentence before (« la rencontre de Goïta avec le président
      russe Vladimir Poutine »): it elaborates that visit;
    - a quotation takes the kind of event the paragraph's comment on it names (« « Nous avons des
      équipements adéquats » ... Les paroles du lieutenant-colonel ... ressemblent à une offre de
      service »): it is that offer, in the speaker's words.
    """
    paragraph = sources[sentence.source_id].paragraphs[sentence.paragraph - 1].sentences
    words: list[str] = []
    told_of = any(EVENT_KINDS[kind].search(NOT_DONE.sub(" ", text)) for kind in ENCOUNTER)
    if told_of and (not _is_encounter(keys) or THE_ENCOUNTER.match(text)):
        before = [s for s in paragraph if s.end <= sentence.start]
        words += PARTICIPANT.findall(before[-1].text) if before else []
    if "«" in sentence.text:
        comments = [s.text for s in paragraph if s.start >= sentence.end and QUOTE_COMMENT.match(s.text)]
        words += [m[0] for c in comments for pattern in EVENT_KINDS.values() if (m := pattern.search(c))]
    return " ".join(words)


def _not_overlapping(sentences: Sequence[Sentence], quoted: Sentence) -> list[Sentence]:
    """The sentences less those overlapping the quote in its own source (a joined quote and the
    sentence it starts with): a footnote quotes what the point says, once."""
    return [s for s in sentences if s is quoted or s.source_id != quoted.source_id
            or s.end <= quoted.start or quoted.end <= s.start]


def _named(sentence: Sentence, readings: Mapping[tuple, Sequence[Reading]]) -> bool:
    return any(r.speaker for r in readings.get(_key(sentence), []))


def _fullest(group: Sequence[int], statements: Sequence[Sentence], readings: Mapping[tuple, Sequence[Reading]], best: int) -> int:
    """The quote that joins `best` to the sentence after it (see standing_alone), if the group has
    it and it is no longer than a well-formed quote (IDEAL_WORDS): it says the same and what the
    next sentence adds (« ... Cette coopération aurait permis »); a longer one spends the budget
    of another fact."""
    quoted = statements[best]
    longer = [i for i in group if statements[i].source_id == quoted.source_id and statements[i].start == quoted.start
              and statements[i].end > quoted.end and _stated_words(statements[i], readings) <= IDEAL_WORDS]
    return max(longer, key=lambda i: statements[i].end) if longer else best


def _stated_words(sentence: Sentence, readings: Mapping[tuple, Sequence[Reading]]) -> int:
    """French words the English of `sentence` states (see briefgen.excerpt)."""
    frames = [r.frame for r in readings.get(_key(sentence), [])]
    return len((_stated_french(frames) if frames else sentence.text).split())


def _event_reports(
    statements: Sequence[Sentence],
    events: Sequence[frozenset[tuple[str, str]]],
    pairs: Pairs,
    sources: Mapping[str, Source],
) -> Pairs:
    """The pairs that report one visit or meeting (see EVENT_MERGE_SIMILARITY), or the creation of
    one thing (« la création d'une Chambre de commerce », « l'ouverture prochaine de la Chambre de
    commerce »): each outlet reporting it counts towards its corroboration."""
    rows, cols, cosine = pairs
    outlet = np.array([s.source_id for s in statements])
    near = (cosine >= EVENT_MERGE_SIMILARITY) & (outlet[rows] != outlet[cols])
    rows, cols, cosine = rows[near], cols[near], cosine[near]
    dated = {i: _dated_encounter(statements[i], events[i], sources) for i in {*rows.tolist(), *cols.tolist()}}
    linked = np.array(
        [_one_event(dated[a], dated[b]) or _merge_keys(events[a]) & _merge_keys(events[b]) for a, b in zip(rows, cols)],
        dtype=bool,
    )
    return rows[linked], cols[linked], cosine[linked]


def _merge_keys(events: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The keys that make two outlets' reports one fact however they word it: what was created,
    what two sides agreed, what one side insisted on."""
    return frozenset(key for key in events if key[1] in ("launch", "agreement", "position"))


DatedEncounter = tuple[frozenset[tuple[str, str]], list[DateMention]]


def _dated_encounter(
    sentence: Sentence, events: frozenset[tuple[str, str]], sources: Mapping[str, Source]
) -> DatedEncounter:
    """The visit and meeting keys a sentence reports (none for commentary) and the days it dates."""
    if OPINION.search(ASIDE.sub(" ", sentence.text)):
        return frozenset(), []
    keys = frozenset(key for key in events if key[1] in ENCOUNTER)
    source = sources[sentence.source_id]
    reference = DateRef.of_article(source.date, source.date_precision)
    days = [m for m in find_dates(sentence.text, reference) if m.precision in ("day", "range")] if keys else []
    return keys, days


def _one_event(a: DatedEncounter, b: DatedEncounter) -> bool:
    """Both report a visit or meeting of the same person, on dates at most EVENT_WINDOW_DAYS apart."""
    (keys_a, days_a), (keys_b, days_b) = a, b
    return bool(keys_a & keys_b) and any(
        (max(x.first, y.first) - min(x.last, y.last)).days <= EVENT_WINDOW_DAYS for x in days_a for y in days_b
    )


def _not_years_apart(
    statements: Sequence[Sentence],
    events: Sequence[frozenset[tuple[str, str]]],
    pairs: Pairs,
    sources: Mapping[str, Source],
) -> Pairs:
    """The pairs less those of two visits or meetings in different years: "Goïta a rencontré Poutine
    en juillet 2023" recalls an earlier meeting, not the one "la rencontre de Goïta avec Poutine"
    of this week's news reports, however alike the words. A sentence without a year is dated by
    its article."""
    rows, cols, cosine = pairs
    encounter = np.array([_is_encounter(e) for e in events], dtype=bool)
    both = np.flatnonzero(encounter[rows] & encounter[cols])
    years = {i: _years(statements[i], sources) for i in {*rows[both].tolist(), *cols[both].tolist()}}
    apart = np.zeros(len(rows), dtype=bool)
    for k in both:
        a, b = years[rows[k]], years[cols[k]]
        apart[k] = bool(a and b) and not a & b
    return rows[~apart], cols[~apart], cosine[~apart]


def _years(sentence: Sentence, sources: Mapping[str, Source]) -> frozenset[int]:
    """The years a sentence dates, else its article's year (none if the article is undated)."""
    source = sources[sentence.source_id]
    reference = DateRef.of_article(source.date, source.date_precision)
    stated = frozenset(m.first.year for m in find_dates(sentence.text, reference))
    return stated or (frozenset({source.date.year}) if source.date else frozenset())


def dates_differ(quoted: Sentence, cited: Sequence[Sentence], sources: Mapping[str, Source]) -> list[str]:
    """The days other outlets give the event the quote dates ("2025-07-08/2025-07-11"), when the
    outlets disagree: a merged point says so rather than hide it behind one outlet's date."""
    def days(sentence: Sentence) -> set[str]:
        source = sources[sentence.source_id]
        reference = DateRef.of_article(source.date, source.date_precision)
        return {m.iso for m in find_dates(sentence.text, reference) if m.precision in ("day", "range")}

    stated = days(quoted)
    if not stated:
        return []
    others = set().union(*(days(s) for s in cited if s.source_id != quoted.source_id)) - stated
    return sorted(others)


def _mean_scores(sentences: Sequence[Sentence]) -> dict[str, float]:
    keys = sorted({k for s in sentences for k in s.scores})
    return {k: sum(s.scores.get(k, 0.0) for s in sentences) / len(sentences) for k in keys}


def _participants(text: str) -> set[str]:
    """Capitalised words naming someone or something specific (not "Affaires", "Sécurité")."""
    return {fold(w) for w in PARTICIPANT.findall(text)} - STOP_WORDS - NOT_NAME


def _is_encounter(events: frozenset[tuple[str, str]]) -> bool:
    return any(kind in ENCOUNTER for _, kind in events)


def _encounter_names(reports: Sequence[str], ubiquitous: set[str]) -> frozenset[frozenset[str]]:
    """Everyone the reports of a visit or meeting name: a fact several outlets tell is compared
    with the others by all its reports, not by the wording of the one quoted."""
    return frozenset().union(*(_names(text, ubiquitous) for text in reports))


def _names(text: str, ubiquitous: set[str]) -> frozenset[frozenset[str]]:
    """The people and bodies a text names, each as the set of its participant words ("Assimi Goïta"
    -> {assimi, goita}), places where something happens left out (see _event_keys)."""
    text = NOT_DONE.sub(" ", text)
    left_out = STOP_WORDS | NOT_NAME | ubiquitous | {fold(w) for w in PLACE.findall(text)}
    found = ({fold(w) for w in name.split()} - left_out for name in NAME.findall(text))
    return frozenset(frozenset(name) for name in found if name)


def _ubiquitous_participants(texts: Sequence[str]) -> set[str]:
    counts = Counter(p for text in texts for p in _participants(text))
    return {p for p, n in counts.items() if n > max(UBIQUITOUS_MIN, UBIQUITOUS_SHARE * len(texts))}


def _event_keys(text: str, ubiquitous: set[str]) -> frozenset[tuple[str, str]]:
    # Whom someone did not meet is a fact of its own, the same whichever outlet reports it.
    snubbed = {(p, "snub") for match in NOT_DONE.finditer(text) for p in _participants(match[0]) - ubiquitous}
    text = NOT_DONE.sub(" ", text)
    kinds = [kind for kind, pattern in EVENT_KINDS.items() if pattern.search(text)]
    named = _participants(text) - ubiquitous
    places = {fold(w) for w in PLACE.findall(text)}
    launched = {(fold(w)[:STEM_LENGTH], "launch") for w in LAUNCH.findall(text)}
    offered = {("offre officielle", "offer")} if FORMAL_OFFER.search(text) else set()
    suspended = {(year, "suspension") for year in YEAR.findall(text)} if SUSPENDED.search(text) else set()
    agreed = {("convenu", "agreement")} if AGREED.search(text) else set()
    insisted = {(fold(side), "position") for side in INSISTED.findall(text)}
    ministers = {(fold(p), "minister") for m in PORTFOLIO.finditer(text) for p in m.groups() if p} if set(kinds) & set(ENCOUNTER) else set()
    unnamed = launched | offered | suspended | agreed | insisted | ministers | snubbed
    return frozenset((p, kind) for kind in kinds for p in (named if kind in LOCATED else named - places)) | unnamed


def _echoes(statements: Sequence[Sentence], pairs: Pairs) -> list[set[str]]:
    """For each statement, the other sources holding a related sentence."""
    echoes: list[set[str]] = [set() for _ in statements]
    rows, cols, cosine = pairs
    for a, b in zip(rows[cosine >= ECHO_SIMILARITY], cols[cosine >= ECHO_SIMILARITY]):
        echoes[a].add(statements[b].source_id)
        echoes[b].add(statements[a].source_id)
    return [e - {s.source_id} for e, s in zip(echoes, statements)]


def _citation(sentence: Sentence) -> Citation:
    return Citation(sentence.source_id, sentence.paragraph, sentence.text, sentence.start, sentence.end)


def _rank(point: Point, signals: Signals) -> float:
    informative = min(len(set(NAMED.findall(point.fr))), 5) / 5
    score = (
        W_SECTION * min(signals.fit, SECTION_FIT_CAP)
        + W_INFO * informative
        + W_CORROBORATION * math.log2(point.corroboration)
        + W_ECHO * math.log2(1 + signals.echo)
        + W_CENTRAL * signals.central
        + W_LEAD * signals.lead
        + W_ATTRIBUTED * bool(ATTRIBUTED.search(point.fr))
        - W_OPINION * bool(OPINION.search(ASIDE.sub(" ", point.fr)))
    )
    score *= BACKGROUND_PENALTY if signals.background else 1.0
    leaning = ANAPHORIC.match(point.fr) and not point.speaker  # a resolved speaker reads "[Atallah] ..."
    return max(score, 0.0) * (ANAPHORA_PENALTY if leaning else 1.0)


def _past(sentence: Sentence, sources: Mapping[str, Source]) -> bool:
    """Dated only in years before its article's (« Suspendue après le coup d'État de 2021, la
    coopération ... relevait jusqu'alors de la formation »): the past as context, not the news of
    the week (« mises en sommeil en 2021, avant un début de réactivation cette année » is news)."""
    source = sources[sentence.source_id]
    years = [int(y) for y in YEAR.findall(sentence.text)]
    if not years or source.date is None or max(years) >= source.date.year or NOW.search(sentence.text):
        return False
    reference = DateRef.of_article(source.date, source.date_precision)
    return all(m.last.year < source.date.year for m in find_dates(sentence.text, reference))


def is_background(text: str) -> bool:
    """A reminder of the past ("Pour rappel, ..."), or neither a reported event, an attributed
    statement nor a dated or quantified fact (see BACKGROUND_PENALTY)."""
    if REMINDER.match(text):
        return True
    return not (REPORTED_EVENT.search(text) or ATTRIBUTED.search(text) or ANCHOR.search(text))


def choose(candidates: Sequence[Candidate], matrix: csr_matrix, order: Sequence[str], budget: int) -> list[Candidate]:
    """Greedy fill of the English-word budget: corroboration first, then coverage-discounted value
    per word, novelty, fit.

    Facts more outlets report go in before those fewer report (four outlets, then three, two,
    one): they are what an analyst trusts first, and placed first they claim their paragraphs and
    their visit or meeting before one outlet's elaboration of it does (PARAGRAPH_DECAY, novelty). Within each tier one max-heap per section keeps each
    step cheap; the section whose best remaining point has the highest discounted score goes next.
    A point whose paragraph was quoted meanwhile is worth less: it goes back in its heap with its
    new value (lazy greedy: values only fall). Returned in section order, then rank order.
    """
    scores = [c.point.score for c in candidates]
    floor = MIN_RELATIVE_SCORE * float(np.percentile(scores, FLOOR_PERCENTILE)) if scores else 0.0
    values = [c.point.score / max(c.words, MIN_COST_WORDS) ** COST_EXPONENT for c in candidates]
    eligible = [i for i, c in enumerate(candidates) if c.point.score >= floor]
    levels = sorted({candidates[i].point.corroboration for i in eligible}, reverse=True)
    tiers = [[i for i in eligible if candidates[i].point.corroboration == level] for level in levels]
    chosen: list[Candidate] = []
    taken = {key: 0 for key in order}
    quoted: Counter[tuple[str, int]] = Counter()
    remaining = budget
    for tier in tiers:
        queues: dict[str, list[tuple[float, str, int]]] = {key: [] for key in order}
        for index in tier:
            point = candidates[index].point
            heapq.heappush(queues[point.section], (-values[index], point.id, index))
        while heads := [(-q[0][0] * COVERAGE_DECAY ** taken[k], -order.index(k), k) for k, q in queues.items() if q]:
            key = max(heads)[2]
            stale, ident, index = heapq.heappop(queues[key])
            candidate = candidates[index]
            value = values[index] * PARAGRAPH_DECAY ** quoted[candidate.paragraph]
            if value < -stale:
                heapq.heappush(queues[key], (-value, ident, index))
            elif candidate.words <= remaining and _novel(candidate, chosen, matrix):
                chosen.append(candidate)
                taken[key] += 1
                quoted[candidate.paragraph] += 1
                remaining -= candidate.words
    return sorted(chosen, key=lambda c: (order.index(c.point.section), -c.point.score, c.point.id))


def _novel(candidate: Candidate, chosen: Sequence[Candidate], matrix: csr_matrix) -> bool:
    if not chosen:
        return True
    if any(candidate.events & c.events or _same_encounter(candidate.met, c.met) for c in chosen):
        return False
    rows = matrix[[c.row for c in chosen]]
    return float((rows @ matrix[candidate.row].T).max()) < NOVELTY_SIMILARITY


def _same_encounter(a: frozenset[frozenset[str]], b: frozenset[frozenset[str]]) -> bool:
    """A visit and a meeting with mostly the same participants are one encounter ("la rencontre
    de Goïta avec Poutine", "Assimi Goita s'est rendu à Moscou")."""
    size = {a: sum(map(len, a)), b: sum(map(len, b))}
    fewer, other = sorted((a, b), key=size.get)
    shared = sum(len(name) for name in fewer if any(name & o for o in other))
    return bool(fewer) and shared / size[fewer] >= SAME_ENCOUNTER


def key_judgements(points: Sequence[Point], count: int) -> list[Point]:
    """The `count` highest-ranked selected points (the rank counts corroboration and echoes across
    outlets), at most half of them from one section so the top of the brief spans its topics.
    Same Point objects as in the sections."""
    per_section = math.ceil(count / 2)
    chosen: list[Point] = []
    for point in sorted(points, key=lambda p: (-p.score, p.id)):
        if sum(p.section == point.section for p in chosen) < per_section:
            chosen.append(point)
    return chosen[:count]


def body_words(brief: Brief) -> int:
    """Estimated English words of the sections' points (the budgeted body)."""
    return sum(point_words(p) for p in brief.points())
