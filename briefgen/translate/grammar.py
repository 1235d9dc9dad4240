"""Grammar the French->Catalan->English pivot gets wrong, fixed by rules that hold on any news text.

lexicon.py fixes words (a wrong sense, a Catalan leftover); this module fixes constructions, each
keyed to what the French sentence says, so English the pivot got right is left alone:
  coordination  « des équipements, des connaissances et des forces » came out "equipment, of the
                knowledge and of the forces": the repeated « des » of a list is dropped before
                translation (French allows it; English has no article there);
  adverbs       « a également participé à des programmes » came out "has taken part in equally of
                the programs": « également »/« aussi » after an auxiliary is taken out of the French
                and "also" put after the English auxiliary;
  possessives   « leur(s) » came out "his" (Catalan « seu » is his/her/their): each English his/her/its
                that stands for a French « leur(s) », counted in order, becomes "their";
  tense         the passé composé with a past date or time adverbial (« a conclu dimanche 13
                juillet ») is the English simple past ("concluded on Sunday 13 July"), not the
                present perfect ("has concluded Sunday July 13");
  measures      « sa visite de plusieurs jours » came out "his visit of several days": "his
                several-day visit";
  numbers       « une vingtaine de » came out "one twentieth of": "roughly twenty"; « il y a trois
                ans » "there are three years": "three years ago";
  copulas       « restent actifs » came out "continue active": "remain active";
  titles        « le général Sadio Camara » came out "the general Sadio Camara": "General Sadio Camara";
  prepositions  Catalan « en » for « dans » came out "at": "in" when the sentence has no « à »;
                « à Niamey » "at Niamey": "in Niamey" ("to Niamey" after a verb of motion or
                "visit"); the agent « reçu par le ministre » "received for the minister":
                "received by";
  subjects      Catalan drops subject pronouns: « Ils ont des groupes armés » came out "Have armed
                groups": "They have armed groups", also in a clause after a comma or « où »; an
                English sentence starts with a capital.
"""

from __future__ import annotations

import re

from briefgen.dates import CALENDAR_WORDS

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"

# --- coordination ---------------------------------------------------------------------------
# A list whose first item is « des N... »: the later items' « des » is dropped. Items stop at
# punctuation and are short, so a « des » after a verb in a later clause is not taken for one.
# An item is a noun and at most two more words, none a preposition or article that would start a
# phrase of its own (« des affrontements entre l'armée et des groupes armés » is no list).
NOT_IN_ITEM = r"(?:entre|de|du|des|la|le|les|un|une|avec|contre|pour|dans|sur|par|à|au|aux|en|et|ou|qui|que|vers)"
LIST_ITEM = rf"[\w-]+(?: (?!{NOT_IN_ITEM}\b)[\w-]+){{0,2}}"
DES_LIST = re.compile(
    rf"(?<![\w'’])(?P<first>[Dd]es {LIST_ITEM})(?P<more>(?:, des {LIST_ITEM})*)(?P<last>,? (?:et|ou) )des (?=\w)"
)

# --- numbers --------------------------------------------------------------------------------
# « une vingtaine de morts » came out "one twentieth of deaths": the pivot knows « environ vingt ».
APPROXIMATE = {"dizaine": "dix", "douzaine": "douze", "quinzaine": "quinze", "vingtaine": "vingt",
               "trentaine": "trente", "quarantaine": "quarante", "cinquantaine": "cinquante",
               "soixantaine": "soixante", "centaine": "cent"}
APPROXIMATE_NUMBER = re.compile(rf"\b(?P<une>[Uu]ne) (?P<noun>{'|'.join(APPROXIMATE)}) d(?:e |'|’)")
# « il y a presque trois ans » came out "there is almost three years": "almost three years ago".
FRENCH_AGO = re.compile(
    r"\bil y a (?:presque |près de |plus de |environ )?\w+ (?:ans|années|mois|semaines|jours|heures)\b", re.IGNORECASE
)
ENGLISH_AGO = re.compile(
    r"\b[Tt]here (?:is|are|has been|have been) (?P<span>(?:almost |nearly |more than |roughly |about )?[\w-]+ "
    r"(?:years?|months?|weeks?|days?|hours?))\b"
)

# --- adverbs --------------------------------------------------------------------------------
FRENCH_AUX = r"(?:ai|as|a|avons|avez|ont|avait|avaient|est|sont|était|étaient|sera|seront|aura|auront)"
# « a également participé »: the adverb the pivot moves after the participle's complement.
ALSO_AFTER_AUX = re.compile(rf"\b(?P<aux>{FRENCH_AUX}) (?:également|aussi) (?=\w)")
ENGLISH_AUX = re.compile(r"\b(?:has|have|had|is|are|was|were|will)\b(?: not,?)?", re.IGNORECASE)

# --- possessives ----------------------------------------------------------------------------
# French possessive determiners in order. « leur » before a verb, « en » or « y » is the pronoun
# "(to) them" ("il leur a donné"), which the pivot renders as a pronoun, not as a possessive.
FRENCH_POSSESSIVE = re.compile(
    r"(?<![\w-])(son|sa|ses|leurs|leur(?! (?:a|ont|avait|avaient|sera|seront|est|sont|en|y|ai|avons|avez)\b))(?![\w-])",
    re.IGNORECASE,
)
ENGLISH_POSSESSIVE = re.compile(r"\b(?:his|her|its)\b", re.IGNORECASE)

# --- tense ----------------------------------------------------------------------------------
# A French time adverbial that places the event in the past: a weekday, a month, a year, « hier »,
# « dernier », « il y a ». « depuis » (an ongoing state) keeps the English present perfect.
PAST_TIME = re.compile(
    rf"\b(?:{CALENDAR_WORDS}|hier|avant-hier|veille|derni(?:er|ère)s?|(?:19|20)\d\d|il y a)\b", re.IGNORECASE
)
ONGOING = re.compile(r"\bdepuis\b", re.IGNORECASE)
# Verbs whose simple past differs from the participle; every other participle is its own past
# ("concluded", "met", "said").
IRREGULAR_PAST = {
    "been": "", "taken": "took", "given": "gave", "done": "did", "gone": "went", "seen": "saw", "begun": "began",
    "written": "wrote", "spoken": "spoke", "chosen": "chose", "broken": "broke", "shown": "showed",
    "known": "knew", "grown": "grew", "drawn": "drew", "thrown": "threw", "risen": "rose", "fallen": "fell",
    "driven": "drove", "undertaken": "undertook", "withdrawn": "withdrew", "forgotten": "forgot",
    "flown": "flew", "stolen": "stole", "sworn": "swore", "torn": "tore", "beaten": "beat", "become": "became",
    "come": "came", "run": "ran", "overtaken": "overtook", "arisen": "arose", "forbidden": "forbade",
    "hidden": "hid", "ridden": "rode", "eaten": "ate", "woken": "woke", "frozen": "froze", "shaken": "shook",
}
# Participles equal to their past that do not end in -ed.
SAME_PAST = (
    "met said held made led sent left kept found built brought bought paid told lost won fought heard felt spent "
    "set put cut hit read let sold meant laid stood understood sought taught caught struck spread dealt lent fled "
    "shot stuck thought had got slept fed split quit"
).split()
PARTICIPLE = rf"(?:[a-z]+ed|{'|'.join(list(IRREGULAR_PAST) + SAME_PAST)})"
# "has also concluded", "have recently increased": one adverb may stand between.
PERFECT = re.compile(
    rf"\b(?P<aux>has|have)(?P<adv> (?:also|already|just|recently|finally|then|again|[a-z]+ly))?"
    rf" (?P<part>{PARTICIPLE})\b",
    re.IGNORECASE,
)
# « a récemment augmenté » came out "has increased recently": the adverb goes before the participle.
# Words in -ly that are no such adverb, or that qualify what follows ("roughly twenty").
NOT_ADVERBS = "only|early|supply|reply|rally|family|assembly|daily|ally|roughly|nearly|approximately"
ADVERB_AFTER_PARTICIPLE = re.compile(
    rf"\b(?P<aux>has|have|had|would have|will have) (?P<part>{PARTICIPLE}) "
    rf"(?P<adv>recently|already|(?!{NOT_ADVERBS})[a-z]+ly)\b"
)
# French perfects, to convert no more English ones than the French has (an English "have armed
# groups" from « ont des groupes armés » is not a perfect).
FRENCH_PERFECT = re.compile(
    rf"\b{FRENCH_AUX}(?: \w+ment| pas| plus| jamais| déjà| aussi| toutefois| donc| ensuite| enfin| notamment| bien)*"
    r" (?:été )?\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|int|ainte|eint|eints)\b",
    re.IGNORECASE,
)
# A bare date straight after a past verb needs "on": "concluded on Sunday 13 July".
BARE_DATE_AFTER_VERB = re.compile(
    rf"\b(?P<verb>[a-z]+ed|{'|'.join(v for v in IRREGULAR_PAST.values() if v)}|{'|'.join(SAME_PAST)}) "
    rf"(?P<date>(?:{WEEKDAYS})\b|\d{{1,2}} (?:{MONTHS})\b)"
)
# "Sunday July 13, 2025" -> "Sunday 13 July 2025", the brief's own date style.
US_DATE = re.compile(rf"\b(?P<month>{MONTHS}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?\b")

# --- measures -------------------------------------------------------------------------------
FRENCH_MEASURE = re.compile(r"\bde (?:plusieurs|quelques|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+) "
                            r"(?:jours|semaines|mois|heures|ans|années)\b", re.IGNORECASE)
ENGLISH_MEASURE = re.compile(
    r"\b(?P<det>the|a|an|his|her|its|their|this|that) (?P<noun>[a-z]+) of "
    r"(?P<count>several|two|three|four|five|six|seven|eight|nine|ten|\d+) "
    r"(?P<unit>day|week|month|hour|year)s\b(?! of)",
    re.IGNORECASE,
)
# Heads that are not measured ("the end of several days of fighting" is no "several-day end").
NOT_MEASURED = {"end", "beginning", "start", "middle", "course", "space", "result", "total", "series"}

# --- copulas --------------------------------------------------------------------------------
FRENCH_REMAIN = re.compile(r"\brest(?:e|es|ent|ait|aient|era|eront|é|ée|és|ées)\b", re.IGNORECASE)
# "continue(s)" before what is not a verb's object or infinitive: "continue active", "continues being".
CONTINUE_BEING = re.compile(r"\b(?P<verb>continue|continues|continued) being\b")
CONTINUE_AS_REMAIN = re.compile(
    r"\b(?P<verb>continue|continues|continued) (?!to |the |a |an |with |at |in |on |of |for |his |her "
    r"|its |their |this |these |that |those )(?=[a-z])"
)

# --- titles ---------------------------------------------------------------------------------
TITLE_BEFORE_NAME = re.compile(
    r"\b[Tt]he (?P<title>general|president|colonel|lieutenant|captain|commander|prime minister|minister|"
    r"ambassador|imam|sheikh|senator|judge|king|prince|emir|marshal|admiral|major) (?=[A-Z]\w)"
)

# --- prepositions ---------------------------------------------------------------------------
# « à » that can give "at": not « à travers », « à partir de », nor « à » before an infinitive ("to").
FRENCH_A = re.compile(r"(?<![\w'’])(?:à|au|aux|À|Au|Aux)(?![\w'’])(?! (?:travers|partir|\w+(?:er|ir|re))\b)")
FRENCH_DANS = re.compile(r"\b[Dd]ans\b")
AT_BEFORE_NOUN_PHRASE = re.compile(r"\bat (?=(?:the|this|these|those|that|its|his|her|their|a|an)\b|[a-z])")
# Fixed English phrases with "at" that « dans » never gives and that must not become "in".
AT_PHRASES = re.compile(r"\bat (?:least|last|first|once|all|the end|the time|the moment|the beginning|the same)\b")


# --- agents ---------------------------------------------------------------------------------
FRENCH_PARTICIPLE = r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|int|inte|ints|intes)"
# Up to four words between (« reçu mercredi 9 juillet par »), none a punctuation mark.
FRENCH_AGENT = re.compile(rf"\b{FRENCH_PARTICIPLE}(?: \w+){{0,4}} par\b", re.IGNORECASE)
FRENCH_PURPOSE = re.compile(rf"\b{FRENCH_PARTICIPLE} pour\b", re.IGNORECASE)
ENGLISH_AGENT = re.compile(
    rf"\b(?P<part>{PARTICIPLE}(?: yesterday| today| [a-z]+ly| on(?: (?:{WEEKDAYS}))?(?: \d{{1,2}} (?:{MONTHS}))?"
    rf"(?: \d{{4}})?)?) for\b"
)

# --- places ---------------------------------------------------------------------------------
# A capitalised name, not an acronym (« à RFI » is an outlet: "to RFI", not "in RFI").
FRENCH_A_PLACE = re.compile(r"(?<![\w'’])à (?P<place>[A-ZÀ-Ö](?=[\w-]*[a-zà-ÿ])[\w-]+)")
# « affiliée à Al-Qaïda », « livrées à Bamako »: "to", as after a verb of motion.
TO_VERBS = (r"(?:affiliated|linked|allied|loyal|close|opposed|attached|tied|provided|given|sent|offered|delivered|"
            r"handed|routed|addressed)")
MOTION = r"(?:gone|went|go|goes|travelled|traveled|returned|return|returns|headed|come|came|flown|flew)"

# --- subjects -------------------------------------------------------------------------------
FRENCH_SUBJECT = {"ils": "They", "elles": "They", "nous": "We", "vous": "You", "il": "It", "elle": "It", "on": "One"}
# A text that is a noun phrase opening on the indefinite « des » (« des sources médiatiques », a
# piece the attribution stage translates alone) came out "of the media sources".
FRENCH_OPENS_INDEFINITE = re.compile(r"^[Dd]es (?!\d)")
# « une frappe de drone » (a lexicon term, a placeholder the pivot cannot read as a noun) came out
# "one drone strike": the article "a" (protect.py makes it "an" where the term needs it).
FRENCH_ARTICLE_BEFORE_TERM = re.compile(r"\b(?:un|une) XK[A-Z]+\b", re.IGNORECASE)
ENGLISH_ONE_BEFORE_TERM = re.compile(r"\b(?P<o>[Oo])ne (?=XK[A-Z]+\b)")
ENGLISH_OPENS_OF_THE = re.compile(r"^[Oo]f the (?=\w)")
CLAUSE_LEADS = {",": ",", "où": "where"}  # French word before the clause -> the English one
FRENCH_CLAUSE_SUBJECT = re.compile(r"(?P<lead>,|\boù) (?P<pronoun>ils|elles|nous|vous|il|elle|on) (?!y\b|en\b)",
                                   re.IGNORECASE)
ENGLISH_CLAUSE_VERB = re.compile(r"(?P<lead>,|\bwhere) (?P<verb>has|have|had|is|are|was|were|will|would)\b")
# « C'est » at the start of a quotation came out "« it Is".
QUOTED_CAPITAL = re.compile(r"(?P<open>« ?)(?P<pronoun>it|this|that|there) (?P<verb>Is|Was|Are|Were|Has|Have|Will)\b")
ENGLISH_VERB_START = re.compile(r"^(?:has|have|had|is|are|was|were|will|would|can|could|must|should|may|might)\b",
                                re.IGNORECASE)


def pre_edit(french: str) -> tuple[str, int]:
    """French the pivot reads better, and how many "also"s to put back (see `post_edit`)."""
    french = DES_LIST.sub(_drop_repeated_des, french)
    french = APPROXIMATE_NUMBER.sub(
        lambda m: f"{'E' if m['une'][0] == 'U' else 'e'}nviron {APPROXIMATE[m['noun']]} ", french)
    return ALSO_AFTER_AUX.subn(r"\g<aux> ", french)


def post_edit(english: str, french: str, also: int = 0) -> str:
    """The pivot's English with the rules of this module applied (`also` from `pre_edit`)."""
    english = _subject(english, french)
    if FRENCH_OPENS_INDEFINITE.match(french):
        english = ENGLISH_OPENS_OF_THE.sub("", english)
    if FRENCH_ARTICLE_BEFORE_TERM.search(french):
        english = ENGLISH_ONE_BEFORE_TERM.sub(lambda m: "A " if m["o"] == "O" else "a ", english)
    if FRENCH_AGO.search(french):
        english = ENGLISH_AGO.sub(r"\g<span> ago", english)
    english = _put_back_also(english, also)
    english = ADVERB_AFTER_PARTICIPLE.sub(r"\g<aux> \g<adv> \g<part>", english)
    english = _their(english, french)
    if PAST_TIME.search(french) and not ONGOING.search(french):
        english = _simple_past(english, len(FRENCH_PERFECT.findall(french)))
    english = US_DATE.sub(_british_date, english)
    english = BARE_DATE_AFTER_VERB.sub(r"\g<verb> on \g<date>", english)
    if FRENCH_MEASURE.search(french):
        english = ENGLISH_MEASURE.sub(_measure, english)
    if FRENCH_REMAIN.search(french):
        english = CONTINUE_BEING.sub(lambda m: m["verb"].replace("continue", "remain"), english)
        english = CONTINUE_AS_REMAIN.sub(lambda m: m["verb"].replace("continue", "remain") + " ", english)
    english = TITLE_BEFORE_NAME.sub(lambda m: m["title"].title() + " ", english)
    if FRENCH_DANS.search(french) and not FRENCH_A.search(french):
        english = _at_to_in(english)
    if FRENCH_AGENT.search(french) and not FRENCH_PURPOSE.search(french):
        english = ENGLISH_AGENT.sub(r"\g<part> by", english)
    for place in {m["place"] for m in FRENCH_A_PLACE.finditer(french)}:
        english = re.sub(rf"\b(?:(?P<verb>{MOTION}|{TO_VERBS}) )?at (?={re.escape(place)}\b)",
                         lambda m: f"{m['verb']} to " if m["verb"] else "in ", english)
        english = re.sub(rf"\b(?P<visit>visits?|trips?|journeys?) (?:at|in) (?={re.escape(place)}\b)", r"\g<visit> to ",
                         english)
    return english


def _subject(english: str, french: str) -> str:
    """The subject pronoun Catalan dropped put back; the sentence's capital kept."""
    first = french.split(" ", 1)[0]
    if english and first[:1].isupper():
        if first.lower() in FRENCH_SUBJECT and ENGLISH_VERB_START.match(english):
            english = f"{FRENCH_SUBJECT[first.lower()]} {english[0].lower()}{english[1:]}"
        english = english[0].upper() + english[1:]
    # One clause after a comma or « où »: « Du 8 au 11 juillet, il a effectué » came out ", has made".
    for lead, english_lead in CLAUSE_LEADS.items():
        inner = [m for m in FRENCH_CLAUSE_SUBJECT.finditer(french) if m["lead"].lower() == lead]
        verbs = [m for m in ENGLISH_CLAUSE_VERB.finditer(english) if m["lead"].lower() == english_lead]
        if len(inner) == 1 and len(verbs) == 1:
            m, pronoun = verbs[0], FRENCH_SUBJECT[inner[0]["pronoun"].lower()].lower()
            english = f"{english[: m.start()]}{m['lead']} {pronoun} {m['verb']}{english[m.end() :]}"
    english = QUOTED_CAPITAL.sub(lambda m: f"{m['open']}{m['pronoun'].title()} {m['verb'].lower()}", english)
    return english


def _drop_repeated_des(m: re.Match) -> str:
    return m["first"] + m["more"].replace(", des ", ", ") + m["last"]


def _put_back_also(english: str, count: int) -> str:
    """"also" after the first `count` English auxiliaries (after "not" if negated)."""
    if not count:
        return english
    return ENGLISH_AUX.sub(lambda m: f"{m.group()} also", english, count=count)


def _their(english: str, french: str) -> str:
    """Each his/her/its standing for a French « leur(s) » (same rank in order) becomes their."""
    french_owners = [m.group(1).lower().startswith("leur") for m in FRENCH_POSSESSIVE.finditer(french)]
    if not any(french_owners):
        return english
    english_owners = list(ENGLISH_POSSESSIVE.finditer(english))
    # Counts that differ cannot be aligned, unless every French possessive is « leur(s) ».
    if len(english_owners) != len(french_owners) and not all(french_owners):
        return english
    if all(french_owners):
        french_owners = [True] * len(english_owners)
    for m, theirs in reversed(list(zip(english_owners, french_owners))):
        if theirs:
            word = "Their" if m.group()[0].isupper() else "their"
            english = english[: m.start()] + word + english[m.end() :]
    return english


def _simple_past(english: str, perfects: int) -> str:
    """The first `perfects` "has/have (adverb) participle" as the simple past."""

    def past(m: re.Match) -> str:
        part = m["part"].lower()
        adverb = m["adv"] or ""
        if part == "been":
            verb = "was" if m["aux"].lower() == "has" else "were"
        else:
            verb = IRREGULAR_PAST.get(part) or m["part"]
        text = f"{adverb.strip()} {verb}".strip()
        return text[:1].upper() + text[1:] if m["aux"][0].isupper() else text

    return PERFECT.sub(past, english, count=perfects) if perfects else english


def _british_date(m: re.Match) -> str:
    return f"{m['day']} {m['month']}" + (f" {m['year']}" if m["year"] else "")


def _measure(m: re.Match) -> str:
    if m["noun"].lower() in NOT_MEASURED:
        return m.group()
    det = m["det"]
    if det.lower() in ("a", "an"):
        article = "an" if m["count"][0] in "aeio" or m["count"] in ("8", "11", "18") else "a"
        det = article.capitalize() if det[0].isupper() else article
    return f"{det} {m['count'].lower()}-{m['unit'].lower()} {m['noun']}"


def _at_to_in(english: str) -> str:
    return AT_BEFORE_NOUN_PHRASE.sub(lambda m: m.group() if AT_PHRASES.match(english, m.start()) else "in ", english)
