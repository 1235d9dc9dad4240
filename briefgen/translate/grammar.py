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
                groups": "They have armed groups", also in a clause after a comma, « où » or « qu'il »
                (« qu'il ne renouvellerait pas » "that it would not renew"); an English sentence starts
                with a capital;
  complements   « les domaines de la santé et du commerce » came out "the fields of the health and of
                the trade": "the fields of health and trade"; the indefinite « des » (« ont rencontré des
                officiers ») came out "met of the officers": "met officers";
  instruments   « a conclu sa visite par une offre » came out "for an offer": "with an offer" after a
                verb of opening or closing, else "by" (the agent « reçu par » is "by" already);
  speakers      « ..., a annoncé, le 22 juillet dernier, William Stevens » came out "..., announced, 22
                July, William Stevens": "..., William Stevens announced on 22 July";
  agreement     the subjunctive « ait » came out "have" whatever its subject: "has"; « les États-Unis
                perçoivent » "the United States perceive": a country named in the plural takes a
                singular verb ("perceives");
  negation      « ni l'or ni l'argent ne pouvaient » came out "or the gold or money could not":
                "neither the gold nor money could"; « ne savent ni ... ni » "do not know either ... or";
  expectation   « on s'attend à une hausse des prix » came out "it expects at one heaves of the
                prices": the French is made passive first, "a rise of the prices is expected";
  quotations    short quotations go through the pivot as placeholders (apertium.py), as it moves words
                across quotation marks (« ainsi « renoué » » came out "restarted « »"); should a word
                still land outside its marks, the word next to the empty marks goes back between
                them: a reader never sees empty quotes;
  its           « son/sa/ses » of a thing came out "his" (« le Groupe Wagner ou ses alternatives »):
                "its" when the French names no person (no person noun, pronoun or bare name);
  generic nouns « la souveraineté malienne », « les investissements » came out "the Malian
                sovereignty", "the investments": abstract nouns used generically take no article;
  names         « la feuille de route de Washington » came out "the roadmap of Washington":
                "Washington's roadmap" for a bare name (no article: a person or a city) after a noun
                of what an actor has or does; « le président russe Vladimir Poutine » "the Russian
                president Vladimir Putin": "Russian President Vladimir Putin"; the repeated "of"
                of coordinated names goes ("of al-Qaeda, the Islamic State and the Group ...");
  word order    « le dialogue rénové et constructif » came out "the dialogue renewed and
                constructive": two coordinated adjectives go before their noun; « des équipements
                de haute technologie » "equipment of high tech": "high-tech equipment";
  doter         « a doté le Mali d'équipements » came out "endowed Mali of equipment": "provided
                Mali with equipment";
  choices       « ses choix stratégiques » came out "his elect strategic" (Catalan « tries » read as a
                verb): "its strategic choices";
  dates         « à la fin du mois de juillet » came out "the end of the month of July": "of July";
                « dans les prochaines semaines » "at the next weeks": "in the coming weeks";
  fronts        « Sur le plan économique » came out "At the economic plan": "On the economic front";
  calls         « a appelé les habitants au calme » "called the inhabitants at the calm": "to calm";
  ministers     « le ministre de l'Énergie » "the minister of the Energy": "the Minister of Energy".
"""

from __future__ import annotations

import re

from briefgen.dates import CALENDAR_WORDS, MONTH_NAMES

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
# "has also concluded", "have recently increased": one adverb may stand between. A placeholder
# right after "has" is a lexicon term holding the participle ("laid the foundation stone").
PERFECT = re.compile(
    rf"\b(?P<aux>has|have)(?P<adv> (?:also|already|just|recently|finally|then|again|[a-z]+ly))?"
    rf" (?P<part>{PARTICIPLE}|XK[A-Z]+)\b",
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
# groups" from « ont des groupes armés » is not a perfect). A lexicon term may hold the participle
# (« a posé la première pierre » is « a XKA »).
FRENCH_PERFECT = re.compile(
    rf"\b{FRENCH_AUX}(?: \w+ment| pas| plus| jamais| déjà| aussi| toutefois| donc| ensuite| enfin| notamment| bien)*"
    r" (?:été )?(?:\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|int|ainte|eint|eints)|XK[A-Z]+)\b",
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
# « restent engagés » came out "stay committed": "remain" reads as the state it is.
STAY = re.compile(r"\bstay(?:s|ed)?\b")
# "continue(s)" before what is not a verb's object or infinitive: "continue active", "continues being".
CONTINUE_BEING = re.compile(r"\b(?P<verb>continue|continues|continued) being\b")
CONTINUE_AS_REMAIN = re.compile(
    r"\b(?P<verb>continue|continues|continued) (?!to |the |a |an |with |at |in |on |of |for |his |her "
    r"|its |their |this |these |that |those )(?=[a-z])"
)

# --- titles ---------------------------------------------------------------------------------
TITLE_BEFORE_NAME = re.compile(
    r"\b[Tt]he (?P<adj>(?:[A-Z][a-z]+|transitional|interim) )?"  # « le président russe »: "Russian President"
    r"(?P<title>(?i:general|president|colonel|lieutenant|captain|commander|prime minister|minister|ambassador|"
    r"imam|sheikh|senator|judge|king|prince|emir|marshal|admiral|major)) (?=[A-Z]\w)"
    r"(?P<next>XK[A-Z]+\b)?"
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
# « une visite au Mali », « en Guinée »: "a visit to Mali" (Apertium says "in").
FRENCH_PLACE = re.compile(r"(?<![\w'’])(?:à|au|aux|en) (?P<place>[A-ZÀ-Ö](?=[\w-]*[a-zà-ÿ])[\w-]+)")
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
# French word before the clause -> the English one. « qu'il ne renouvellerait pas » came out "that
# would not renew": who will not renew is lost.
CLAUSE_LEADS = {",": ",", "où": "where", "qu'": "that"}
FRENCH_CLAUSE_SUBJECT = re.compile(
    r"(?P<lead>,|\boù|\bqu['’]) ?(?<=[ '’])(?P<pronoun>ils|elles|nous|vous|il|elle|on) (?!y\b|en\b)", re.IGNORECASE)
ENGLISH_CLAUSE_VERB = re.compile(r"(?P<lead>,|\bwhere|\bthat) (?P<verb>has|have|had|is|are|was|were|will|would)\b")
# « qui a » gives "that has" too: a sentence with « qui » before a verb keeps its "that"s.
FRENCH_QUI = re.compile(r"\bqui\b", re.IGNORECASE)
# « C'est » at the start of a quotation came out "« it Is".
QUOTED_CAPITAL = re.compile(r"(?P<open>« ?)(?P<pronoun>it|this|that|there) (?P<verb>Is|Was|Are|Were|Has|Have|Will)\b")
ENGLISH_VERB_START = re.compile(r"^(?:has|have|had|is|are|was|were|will|would|can|could|must|should|may|might)\b",
                                re.IGNORECASE)


# --- complements ----------------------------------------------------------------------------
# « de la santé et du commerce »: two or more complements each with « de » and an article. The
# English keeps neither the repeated "of the" nor the articles of these generic nouns.
FRENCH_COORDINATED_DE = re.compile(
    r"\b(?:(?:de la |de l['’]|du |des )[\w-]+(?: [\w-]+)?|XK[A-Z]+)(?:, (?:de la |de l['’]|du |des )[\w-]+(?: [\w-]+)?)*"
    r" (?:et|ou) (?:de la |de l['’]|du |des )\w", re.IGNORECASE)
# Lower-case heads only: a name keeps its article ("of the Islamic State and of the ...").
COMMON_NOUNS = r"[a-z][a-z-]*(?: [a-z][a-z-]*)?"
# A term's placeholder stands for its own complement (« le ministre des Affaires étrangères et de la
# coopération » is "the XKA and of the cooperation").
ENGLISH_COORDINATED_OF = re.compile(
    rf"(?:\bof (?P<the>the )?|(?<![\w-])(?=XK[A-Z]+ ))(?P<first>{COMMON_NOUNS}|[A-Z][\w-]*(?: [A-Z][\w-]*)*)"
    rf"(?P<more>(?:, of the {COMMON_NOUNS})*) (?P<conj>and|or) of the (?P<last>{COMMON_NOUNS})\b")
# « ont rencontré des officiers »: the indefinite plural « des » after a verb or opening a clause
# came out "of the". Not after a verb that takes "of" ("accused of the attack") nor an -ed word
# that is no verb ("hundred").
FRENCH_DES = re.compile(r"(?<![\w'’])[Dd]es (?!\d)")
TAKES_OF = ("accused|informed|composed|consisted|deprived|convinced|warned|reminded|notified|acquitted|cleared|"
            "robbed|stripped|relieved|tired|ashamed|frightened|scared|assured|suspected|cured|disposed|dreamed|"
            "complained|convicted|approved|boasted|hundred|need|speed|seed|indeed|united|heard|thought|made|spoke")
# The French must show a participle or a verb in the plural right before « des » (« ont rencontré
# des officiers »; « expulsée du pays » is "expelled from the country", no article to drop).
FRENCH_VERB_DES = re.compile(r"\b\w+(?:é|ée|és|ées|i|is|u|us|it|its|ent|ons|ez) (?P<de>des|du|de la|de l['’])(?!\d)")
OF_THE_AFTER_VERB = re.compile(rf"\b(?P<verb>(?!(?:{TAKES_OF})\b)[a-z]{{2,}}ed|met|held|found|sent|saw|took) of the (?=\w)")
# A clause after a comma whose subject came out "of the officers had met": its "of the" is the
# article « des » (a sentence opening on « Des » is FRENCH_OPENS_INDEFINITE's).
OF_THE_SUBJECT = re.compile(r", of the (?=(?:[\w-]+ ){1,4}(?:have|has|had|were|are|was|will|would|could|can)\b)")

# --- instruments ----------------------------------------------------------------------------
# French words the pivot renders "for", in order: « pour » (not before an infinitive, which gives
# "to") and « par » before a determiner or a name (the means: « par une offre »).
FRENCH_FOR = re.compile(
    r"(?<![\w'’])(?:(?P<pour>[Pp]our)(?! \w+(?:er|ir|re)\b| qu)|(?P<par>[Pp]ar)(?= (?:un|une|des|le|la|les|l['’]|son|sa|ses|"
    r"leur|leurs|ce|cet|cette|ces|plusieurs|quelques|certains|certaines|\d|[A-ZÀ-Ö])))(?![\w'’])")
# "for years" stands for « depuis des années », no « pour » or « par ».
ENGLISH_FOR_BY = re.compile(r"\b(?:for|by)\b(?! (?:years|months|weeks|days|decades|more than|several (?:years|months|weeks|days))\b)")
# A participle up to four words before « par » makes it the agent: "by".
AGENT_BEFORE = re.compile(rf"\b{FRENCH_PARTICIPLE}(?: [\w'’]+){{0,4}} $", re.IGNORECASE)
# « conclure / ouvrir / commencer ... par » is "with" in English ("concluded with an offer").
WITH_VERBS = re.compile(r"\b(?:conclu|ouvert|ouvre|inaugur|commenc|termin|clos|clôtur|achev|entam|début|marqu|célébr)\w*",
                        re.IGNORECASE)

# --- speakers -------------------------------------------------------------------------------
# « ..., a annoncé, le 22 juillet dernier, William Stevens »: a reporting verb, then an aside.
FRENCH_INVERTED_SPEAKER = re.compile(
    r", (?:a|ont) (?:annoncé|déclaré|affirmé|indiqué|précisé|souligné|ajouté|expliqué|assuré|estimé|rappelé|"
    r"confié|insisté|averti|promis|reconnu|dénoncé),", re.IGNORECASE)
ENGLISH_INVERTED_SPEAKER = re.compile(
    rf", (?:has |have )?(?P<verb>announced|said|declared|affirmed|indicated|stated|stressed|added|explained|"
    rf"assured|believed|recalled|confided|insisted|warned|promised|acknowledged|denounced),"
    rf" (?:on )?(?P<date>(?:(?:{WEEKDAYS}) )?\d{{1,2}} (?:{MONTHS})(?: \d{{4}})?|(?:{WEEKDAYS})|yesterday),?"
    rf" (?P<name>(?:Mr |Ms )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)(?=[,.;]|$)")

# --- agreement ------------------------------------------------------------------------------
# French forms of « avoir » and the English has/have/had they give, aligned in order: the
# subjunctive « ait » (third person singular) came out "have".
FRENCH_AVOIR = re.compile(
    r"(?<![\w'’])(?:n['’])?(?P<form>a|ont|ait|aient|avait|avaient|aura|auront|aurait|auraient|ai|avons|avez)(?![\w'’])"
    r"(?<!y a)")
ENGLISH_HAVE = re.compile(r"\b(?:has|have|had)\b", re.IGNORECASE)
# « n'ait pas été » came out "do not have stay" (Catalan « hagi estat »).
NEGATED_SUBJUNCTIVE = re.compile(r"\b(?:do|does) not has(?: stay\b| been\b)?")
# Countries and bodies named in the plural, followed by a French plural verb (« perçoivent »).
PLURAL_NAMES = r"(?:États-Unis|Etats-Unis|Nations unies|Pays-Bas|Philippines|Émirats arabes unis|Comores|Seychelles)"
# The name must be the subject: after « Les » opening a clause, not a complement (« entre le Mali et
# les États-Unis », « les alliés des États-Unis »).
FRENCH_PLURAL_NAME_VERB = re.compile(
    rf"(?:^|[,;:] |\bque |\bqu['’]|\boù |\bdont )(?:[Ll]es )?{PLURAL_NAMES}(?: \w+ment| aussi| également| toujours| déjà| encore)?"
    r" (?:ne |n['’])?\w*(?:ent|ont)\b")
ENGLISH_PLURAL_NAME_VERB = re.compile(
    r"\b(?P<name>United States|United Nations|Netherlands|Philippines|United Arab Emirates|Comoros|Seychelles)"
    r"(?P<adv>(?: also| still| already| again| now| [a-z]+ly)?) (?P<verb>[a-z]+)\b")
# English words after such a name that are no present-tense plural verb.
NOT_PLURAL_VERBS = {"will", "would", "could", "can", "must", "should", "may", "might", "had", "of", "and", "or",
                    "in", "on", "at", "to", "for", "with", "by", "as", "has", "is", "was", "does"}
SINGULAR = {"have": "has", "are": "is", "were": "was", "do": "does", "go": "goes"}

# --- negation -------------------------------------------------------------------------------
FRENCH_NI_NI = re.compile(r"(?<![\w'’])[Nn]i\b(?=.*?(?<![\w'’])ni\b)")
ENGLISH_OR = re.compile(r"\b[Oo]r\b")
ENGLISH_NOT = re.compile(r"\b(?:(?:do|does|did) not|not) ")

# --- expectation ----------------------------------------------------------------------------
# « on s'attend à une hausse des prix dans ... »: the noun phrase runs to punctuation or to an
# adverbial of time or place, and becomes the subject of « est attendu(e)(s) ».
EXPECTATION_BOUNDARY = (r"(?=[,.;:()«»]|$| (?:dans|d['’]ici|au cours|après|avant|lors|pendant|dès|en (?:19|20)\d\d|"
                        r"cette|ce mois|demain|bientôt|prochainement|sous peu)\b)")
ON_EXPECTS = re.compile(
    r"\b(?P<on>[Oo]n|[Ll]['’]on) s['’]attend(?P<past>ait)? (?:à|de|d['’]) (?:voir (?:aboutir|arriver|se concrétiser|"
    r"se réaliser|se produire) )?(?P<det>la|le|les|l['’]|une|un|des|du|de nouveaux|de nouvelles|ces|cette|ce(?! qu))"
    rf"(?P<rest>[ \w'’-]*?){EXPECTATION_BOUNDARY}")
PLURAL_DETERMINERS = {"les", "des", "de nouveaux", "de nouvelles", "ces"}

# --- welcome --------------------------------------------------------------------------------
# « se félicite de », « s'est réjoui de » (the lexicon's "welcome") came out "welcomes of".
FRENCH_WELCOME_DE = re.compile(r"\b(?:félicit|réjou)\w* (?:en tout cas |aussi |également |donc |toutefois )?(?:de|du|des|d['’])\b",
                               re.IGNORECASE)
WELCOME_OF = re.compile(r"\b(?P<verb>welcome[sd]?)(?P<adv> in any (?:event|case)| also| therefore| however)? of (?=\S)")

# --- in -------------------------------------------------------------------------------------
# « l'expertise en stratégie »: « en » before a bare noun came out "at"; "in" unless the French has
# an « à » before a bare noun too (« à bord »), which may be that "at".
FRENCH_EN_BARE = re.compile(r"(?<![\w'’])en (?!\w+ant\b|(?:19|20)\d\d)(?=[a-zà-ÿ])")
FRENCH_A_BARE = re.compile(r"(?<![\w'’])à (?!la |le |les |l['’]|un |une |des |\w+(?:er|ir|re)\b)(?=[a-zà-ÿ])")
AT_BARE_NOUN = re.compile(r"\bat (?!(?:the|a|an|this|these|those|that|its|his|her|their|our|least|last|first|once|all|home|"
                          r"times?|risk|stake|war|sea|odds|present|large|most|best|worst|length|night|noon|dawn|one)\b)(?=[a-z])")

# --- its ------------------------------------------------------------------------------------
FRENCH_SON = re.compile(r"(?<![\w'’-])(?:son|sa|ses)(?![\w'’-])", re.IGNORECASE)
# What makes the owner of « son/sa/ses » possibly a person: a noun for one, a personal pronoun (not
# the impersonal « il y a », « il faut »), a civility. Names are checked apart (`_owned_by_a_thing`).
PERSON_NOUNS = (
    r"présidente?s?|ministres?|envoyée?s?|émissaires?|ambassad\w+|chefs?|général|généraux|colonels?|maires?|"
    r"porte-parole|directeur\w*|directrice\w*|secrétaires?|conseill\w+|responsables?|dirigeant\w*|hommes?|"
    r"femmes?|fils|filles?|pères?|mères?|enfants?|journalistes?|soldats?|officiers?|militant\w*|candidat\w*|"
    r"députée?s?|sénat\w+|juges?|avocat\w*|rois?|reines?|princes?|imams?|gouverneur\w*|préfet\w*|commandant\w*|"
    r"capitaines?|lieutenants?|diplomates?|représentant\w*|homologues?|collègues?|victimes?|opposant\w*|"
    r"experts?|analystes?|habitant\w*|élèves?|étudiant\w*|enseignant\w*|policiers?|médecins?|auteur\w*|joueur\w*|"
    r"entraîneur\w*|leaders?|patron\w*|émirs?|cheikhs?|chercheu\w+|agents?|délégué\w*|épou\w+|frères?|sœurs?|"
    r"acteur\w*|actrices?|artistes?|écrivain\w*|chanteu\w+|fondat\w+|coordinat\w+|sélectionneur\w*|athlètes?")
PERSON_WORD = re.compile(
    rf"(?<![\w-])(?:{PERSON_NOUNS}|il(?! y\b| faut\b| s['’]agit\b| importe\b)|elle|ils|elles|lui|je|j|me|moi|nous|vous|"
    r"celui|celle|M\.|Mme|Mlle|Dr)(?![\w-])", re.IGNORECASE)
# A capitalised word (or a placeholder: a name or a term) is a place or a body when an article or
# « au(x) » comes right before it (« le Mali », « la Guinée », « du XKA »): French names persons
# without one. Nor are words that open a sentence (« Le », « Selon »), nor acronyms.
CAPITALISED = re.compile(r"(?<![\w'’-])(?:[A-ZÀ-ÖØ-Þ][\w-]*|XK[A-Z]+)")
ARTICLE_BEFORE = re.compile(r"(?:\b(?:le|la|les|du|des|au|aux|un|une)\s|\bl['’])$", re.IGNORECASE)
NOT_A_NAME = frozenset("""Le La Les L Un Une Des Du De D Au Aux En Dans Selon Pour Par Sur Sous Avec Sans Mais Et
    Ou Ce Cet Cette Ces Son Sa Ses Leur Leurs Si Lors Après Avant Depuis Pendant On Toutefois Ainsi Alors Enfin
    Car Donc Or Ni Entre Vers Chez Contre Durant Malgré Outre Quant Comme Même Tous Toutes Tout Cependant
    Pourtant Aujourd État Etat""".split())
ENGLISH_HIS_HER = re.compile(r"\b(?:his|her)\b", re.IGNORECASE)

# --- generic nouns --------------------------------------------------------------------------
# Abstract and mass nouns a French article always precedes and English leaves bare when they are
# meant generally (« le respect de la souveraineté malienne »: "respect for Malian sovereignty").
GENERIC_NOUNS = (
    r"sovereignty|security|cooperation|terrorism|counterterrorism|intelligence(?: sharing)?|information sharing|"
    r"investments?|trade|health|education|energy|agriculture|peace|stability|democracy|development|corruption|"
    r"poverty|justice|influence|resources|current affairs|growth|inflation|unemployment|employment|migration|"
    r"production|malaria|cholera|measles|tuberculosis|food security|maritime security|climate change")
# Adjectives before the noun: a demonym or a word with an adjective's ending, "and" between two.
GENERIC_ADJECTIVE = (r"(?:[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)|[a-z]+(?:al|ic|ive|ary|ous|an|ese|ish|ed|ful|ent|ant|ern|ile|"
                     r"ible|able)|full|joint|mutual|new|security|defence|trade|energy|health)")  # nouns as modifiers too
# The bare noun must end its phrase: before "of" (« la souveraineté du Mali ») it is a definite one.
# A placeholder after it is a lexicon term holding its preposition (« au Sahel africain »).
THE_GENERIC = re.compile(
    rf"\b(?P<the>[Tt]he) (?P<noun>(?:{GENERIC_ADJECTIVE}(?:,| and| or)? ){{0,4}}(?:{GENERIC_NOUNS}))"
    r"(?=\s*(?:[,.;:)»]|$)|\s(?:and|or|with|between|in|to|for|on|against|as|at|XK[A-Z]+)\b)")

# --- names ----------------------------------------------------------------------------------
# « de Washington », « de Goïta »: a name with no article is a person or a city, an actor.
FRENCH_DE_NAME = re.compile(r"\b(?:de|d['’]) (?P<name>[A-ZÀ-ÖØ-Þ][\w-]*[a-zà-ÿ])\b")
# What an actor has or does; a place's region, city or camp keeps "of" ("the region of Tillabéri").
POSSESSED = (
    r"roadmap|meeting|visit|trip|position|statement|decision|efforts?|offer|priorities|priority|choices?|policy|"
    r"support|strategy|interests|request|proposal|message|plan|response|reaction|announcement|withdrawal|arrival|"
    r"departure|speech|remarks|comments|stance|line|call|demands?|approach|allies|ally|partners?|administration|"
    r"diplomacy|return|victory|defeat|resignation|arrest|release|campaign|regime|entourage|envoy|delegation|"
    r"government|commitment|concerns?|warning|threat|pressure|intervention|role|ambitions?|vision|agenda|promise")
ENGLISH_N_OF_NAME = re.compile(
    rf"\b(?P<the>[Tt]he) (?P<noun>(?:[a-z]+ )?(?:{POSSESSED})|XK[A-Z]+) of (?P<name>[A-ZÀ-ÖØ-Þ][\w-]*[a-zà-ÿ])\b(?!['’-])")
# « le ministre de la Défense Sadio Camara »: a title term (a placeholder) right before a name.
FRENCH_TERM_NAME = re.compile(r"\b(?:le|la) (?P<term>XK[A-Z]+) (?=XK[A-Z]+\b|[A-ZÀ-ÖØ-Þ][\w-]+ [A-ZÀ-ÖØ-Þ])")
# « de l'Al-Qaïda, de l'État islamique ... et du groupe ... »: names (placeholders or capitalised)
# lose the repeated "of" and keep their article.
NAME_ITEM = r"(?:the )?(?:XK[A-Z]+|[A-Z][\w-]*(?: (?:in the |of the |for the |of )?[A-Z][\w-]*)*)"
ENGLISH_COORDINATED_NAMES = re.compile(
    rf"\bof (?P<first>{NAME_ITEM})(?P<more>(?:, of {NAME_ITEM})*),? (?P<conj>and|or) of (?P<last>{NAME_ITEM})")

# --- word order -----------------------------------------------------------------------------
# « le dialogue (politique) rénové et constructif »: a noun, then two coordinated adjectives.
FRENCH_ADJ = (r"\w+(?:é|ée|és|ées|if|ive|ifs|ives|el|elle|els|elles|al|ale|aux|ales|ique|iques|eux|euse|euses|"
              r"ant|ante|ants|antes|ent|ente|ents|entes|ible|ibles|able|ables|aire|aires|ier|ière|iers|ières)")
FRENCH_NOUN_ADJ_ADJ = re.compile(
    rf"(?:\b(?:le|la|les|l['’]|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs)\s?|«\s?)(?!(?:a|ont|est|sont|était|sera|été)\b)"
    rf"\w+(?: {FRENCH_ADJ})? {FRENCH_ADJ} et {FRENCH_ADJ}\b", re.IGNORECASE)
ENGLISH_ADJ = r"[a-z]+(?:ed|ive|al|ic|ous|ful|ent|ant|ible|able|ary|ar)"
NOT_IN_NOUN_PHRASE = r"(?:is|are|was|were|be|been|has|have|had|will|would|remains?|seems?|and|or|of|to|in)"
ENGLISH_NOUN_ADJ_ADJ = re.compile(
    rf"(?P<lead>\b(?:the|a|an|this|that|these|those|his|her|its|their|our)\s|«\s?)"
    rf"(?P<noun>(?:(?!{NOT_IN_NOUN_PHRASE}\b)[a-z]+ )?(?!{NOT_IN_NOUN_PHRASE}\b)[a-z]+) (?P<adjs>{ENGLISH_ADJ} and {ENGLISH_ADJ})\b"
    r"(?! (?:by|in|at|on|with|to|for|from|since|during|after|before)\b)")  # a participle's complement: no adjective
FRENCH_HIGH_TECH = re.compile(r"\bde haute technologie\b", re.IGNORECASE)
FUNCTION_WORD = r"(?:of|the|a|an|with|to|in|on|for|by|at|his|her|its|their|and|or|is|are|was|were|be|been|has|have|had)"
ENGLISH_OF_HIGH_TECH = re.compile(
    rf"\b(?P<np>(?:(?!{FUNCTION_WORD}\b)[a-z]+(?<!ed) )?(?!{FUNCTION_WORD}\b)[a-z]+(?<!ed)) of high[- ]tech(?:nology)?\b")

# --- doter ----------------------------------------------------------------------------------
FRENCH_DOTER = re.compile(r"\bdot(?:é|ée|és|ées|er|e|es|ent|ait|aient|era|eront|ant)\b", re.IGNORECASE)
ENGLISH_ENDOW = re.compile(
    r"\bendow(?P<ending>ed|s|ing)? (?P<object>(?:(?:the|a|an|his|her|its|their) )?(?:XK[A-Z]+|[A-Z][\w-]*|[a-z]+)"
    r"(?: [A-Z][\w-]*)?) of (?=\w)")
PROVIDE = {"ed": "provided", "s": "provides", "ing": "providing", None: "provide"}

# --- choices --------------------------------------------------------------------------------
FRENCH_CHOIX = re.compile(r"\bchoix\b", re.IGNORECASE)
# Catalan « tries » (choices) read as the verb "elect", its adjective left after it.
ENGLISH_ELECT = re.compile(
    rf"\b(?P<det>his|her|its|their|the|these|those|our) elect(?P<adjs>(?: (?:{ENGLISH_ADJ}|politicians))*)\b", re.IGNORECASE)
ENGLISH_CHOICE_ADJ = re.compile(rf"\b(?P<det>[Tt]he|[Aa]) choice (?P<adj>{ENGLISH_ADJ})\b")

# --- dates ----------------------------------------------------------------------------------
FRENCH_MONTH_OF = re.compile(rf"\bmois d(?:e |['’])(?:{'|'.join(MONTH_NAMES)})\b", re.IGNORECASE)
MONTH_OF = re.compile(rf"\bthe month of (?=(?:{MONTHS})\b)")

# « dans les prochaines semaines » came out "at the next weeks" where the sentence also holds an « à ».
FRENCH_COMING = re.compile(r"\bdans les prochain(?:e)?s (?:jours|semaines|mois|années|ans)\b", re.IGNORECASE)
ENGLISH_NEXT = re.compile(r"\b(?:at|in) the next (?=(?:days|weeks|months|years)\b)")
# « le ministre de l'Énergie » came out "the minister of the Energy": "the Minister of Energy".
FRENCH_MINISTER_OF = re.compile(r"\bministre (?:de l['’]|de la |des )[A-ZÀ-Ö]")
ENGLISH_MINISTER_OF = re.compile(r"\b[Mm]inister of the (?!Interior\b)(?=[A-Z])")  # "the Interior" keeps it
# « Sur le plan économique » came out "At the economic plan": "On the economic front".
FRENCH_ON_THE_PLANE = re.compile(r"\b[Ss]ur le plan (?!de |d['’]|du )\w+")
ENGLISH_AT_THE_PLAN = re.compile(r"\b(?P<at>[Aa]t|[Oo]n) the (?:plan of (?P<noun>[a-z]+)|(?P<adj>[a-z]+) plan)\b")
# « a appelé les habitants au calme » came out "cried the inhabitants at the calm" (the lexicon
# makes it "called"): "called the inhabitants to calm".
FRENCH_CALL_TO = re.compile(r"\bappel\w* (?:les |la |le |l['’]|ses |leurs |[A-ZÀ-Ö])[\w-]+ (?:à|au|aux)\b", re.IGNORECASE)
ENGLISH_CALLED_AT = re.compile(r"\b(?P<call>call(?:s|ed|ing)?) (?P<who>(?:the |his |her |their |its )?[\w-]+) at (?:the )?(?=\S)")
# « le Premier ministre » came out "the Prime minister".
FRENCH_PRIME_MINISTER = re.compile(r"\bPremier ministre\b", re.IGNORECASE)

# --- to -------------------------------------------------------------------------------------
# Verbs that take "to" where the pivot gave "at" for « à » (« répondu aux questions », « consacré à »).
VERB_AT = re.compile(
    r"\b(?P<verb>(?:grant|devot|dedicat|respond|answer|belong|contribut|allocat|assign|subject|entrust|affiliat|ascrib|attribut)\w*|"
    r"linked|tied|allied|"
    r"repl(?:y|ies|ied|ying)|give[ns]?|gave|giving) at\b(?! (?:least|last|first|once|all|home|night|times?)\b)")

# --- quotations -----------------------------------------------------------------------------
EMPTY_QUOTES = re.compile(r"(?P<word>\b[\w'’-]+ )?«\s*»(?P<after> [\w'’-]+\b)?")


def pre_edit(french: str) -> tuple[str, int]:
    """French the pivot reads better, and how many "also"s to put back (see `post_edit`)."""
    french = DES_LIST.sub(_drop_repeated_des, french)
    french = ON_EXPECTS.sub(_expected, french)
    french = APPROXIMATE_NUMBER.sub(
        lambda m: f"{'E' if m['une'][0] == 'U' else 'e'}nviron {APPROXIMATE[m['noun']]} ", french)
    return ALSO_AFTER_AUX.subn(r"\g<aux> ", french)


def post_edit(english: str, french: str, also: int = 0) -> str:
    """The pivot's English with the rules of this module applied (`also` from `pre_edit`)."""
    english = _subject(english, french)
    if FRENCH_OPENS_INDEFINITE.match(french):
        english = ENGLISH_OPENS_OF_THE.sub("", english)
        english = english[:1].upper() + english[1:] if french[0] == "D" else english
    if FRENCH_ARTICLE_BEFORE_TERM.search(french):
        english = ENGLISH_ONE_BEFORE_TERM.sub(lambda m: "A " if m["o"] == "O" else "a ", english)
    if FRENCH_AGO.search(french):
        english = ENGLISH_AGO.sub(r"\g<span> ago", english)
    english = _put_back_also(english, also)
    english = _subjunctive(english, french)
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
        english = STAY.sub(lambda m: m.group().replace("stay", "remain"), english)
    english = TITLE_BEFORE_NAME.sub(lambda m: _title(m, french), english)
    if FRENCH_DANS.search(french) and not FRENCH_A.search(french):
        english = _at_to_in(english)
    if FRENCH_AGENT.search(french) and not FRENCH_PURPOSE.search(french):
        english = ENGLISH_AGENT.sub(r"\g<part> by", english)
    english = _instrument(english, french)
    if FRENCH_COORDINATED_DE.search(french):
        english = ENGLISH_COORDINATED_OF.sub(_coordinated, english)
    if FRENCH_DES.search(french):
        english = _indefinite_objects(english, french)
        english = OF_THE_SUBJECT.sub(", ", english)
    if FRENCH_INVERTED_SPEAKER.search(french):
        english = ENGLISH_INVERTED_SPEAKER.sub(r", \g<name> \g<verb> on \g<date>", english)
    if FRENCH_PLURAL_NAME_VERB.search(french):
        english = ENGLISH_PLURAL_NAME_VERB.sub(_singular, english)
    if FRENCH_NI_NI.search(french):
        english = _neither_nor(english)
    if FRENCH_WELCOME_DE.search(french):
        english = WELCOME_OF.sub(lambda m: f"{m['verb']}{m['adv'] or ''} ", english)
    if FRENCH_EN_BARE.search(french) and not FRENCH_A_BARE.search(french):
        english = AT_BARE_NOUN.sub("in ", english)
    if "«" in english and not EMPTY_QUOTES.search(french):
        english = EMPTY_QUOTES.sub(_requote, english)
    for place in {m["place"] for m in FRENCH_A_PLACE.finditer(french)}:
        english = re.sub(rf"\b(?:(?P<verb>{MOTION}|{TO_VERBS}) )?at (?={re.escape(place)}\b)",
                         lambda m: f"{m['verb']} to " if m["verb"] else "in ", english)
    for place in {m["place"] for m in FRENCH_PLACE.finditer(french)}:
        english = re.sub(rf"\b(?P<visit>visits?|trips?|journeys?) (?:at|in) (?={re.escape(place)}\b)", r"\g<visit> to ",
                         english)
    return _noun_phrases(english, french)


def _noun_phrases(english: str, french: str) -> str:
    """Possessives of things, generic nouns, names' possessives, word order, « doter », « choix »."""
    english = _its(english, french)
    if FRENCH_DOTER.search(french):
        english = ENGLISH_ENDOW.sub(lambda m: f"{PROVIDE[m['ending']]} {m['object']} with ", english)
    if FRENCH_HIGH_TECH.search(french):
        english = ENGLISH_OF_HIGH_TECH.sub(r"high-tech \g<np>", english)
    if FRENCH_CHOIX.search(french):
        english = ENGLISH_ELECT.sub(lambda m: f"{m['det']}{m['adjs'].replace('politicians', 'political')} choices",
                                    english)
        english = ENGLISH_CHOICE_ADJ.sub(r"\g<det> \g<adj> choice", english)
    if FRENCH_MONTH_OF.search(french):
        english = MONTH_OF.sub("", english)
    if FRENCH_COMING.search(french):
        english = ENGLISH_NEXT.sub("in the coming ", english)
    if FRENCH_PRIME_MINISTER.search(french):
        english = english.replace("Prime minister", "Prime Minister")
    if FRENCH_MINISTER_OF.search(french):
        english = ENGLISH_MINISTER_OF.sub("Minister of ", english)
    if FRENCH_ON_THE_PLANE.search(french):
        english = ENGLISH_AT_THE_PLAN.sub(lambda m: f"{'O' if m['at'][0] == 'A' else 'o'}n the {m['noun'] or m['adj']} front",
                                          english)
    if FRENCH_CALL_TO.search(french):
        english = ENGLISH_CALLED_AT.sub(r"\g<call> \g<who> to ", english)
    if FRENCH_A.search(french):
        english = VERB_AT.sub(r"\g<verb> to", english)
    for name in {m["name"] for m in FRENCH_DE_NAME.finditer(french)}:
        english = ENGLISH_N_OF_NAME.sub(lambda m, n=name: _possessive(m) if m["name"] == n and m.start() else m.group(),
                                        english)
    for m in FRENCH_TERM_NAME.finditer(french):
        english = re.sub(rf"\b[Tt]he (?={m['term']} (?:XK[A-Z]+\b|[A-Z]))", "", english)
    if FRENCH_COORDINATED_DE.search(french):
        english = ENGLISH_COORDINATED_NAMES.sub(
            lambda m: f"of {m['first']}{m['more'].replace(', of ', ', ')} {m['conj']} {m['last']}", english)
    if FRENCH_NOUN_ADJ_ADJ.search(french):
        count = len(FRENCH_NOUN_ADJ_ADJ.findall(french))
        english = ENGLISH_NOUN_ADJ_ADJ.sub(r"\g<lead>\g<adjs> \g<noun>", english, count=count)
    return THE_GENERIC.sub(lambda m: m["noun"][:1].upper() + m["noun"][1:] if m["the"] == "The" else m["noun"], english)


def _its(english: str, french: str) -> str:
    """Each his/her standing for a French « son/sa/ses » whose owner is no person becomes "its"."""
    owners = [_owned_by_a_thing(french, m.start()) for m in FRENCH_SON.finditer(french)]
    if not any(owners):
        return english
    found = list(ENGLISH_HIS_HER.finditer(english))
    if not all(owners) and len(found) != len(owners):  # counts that differ cannot be aligned
        return english
    for m, thing in reversed(list(zip(found, owners if not all(owners) else [True] * len(found)))):
        if thing:
            english = english[: m.start()] + ("Its" if m.group()[0].isupper() else "its") + english[m.end() :]
    return english


def _owned_by_a_thing(french: str, at: int) -> bool:
    """Whether the French names no person who may own the possessive at `at`: no person noun or
    pronoun, no name without an article. A placeholder without one may be a person's name or a term
    holding its own preposition (« au Sahel africain »): then the nearest name before the possessive
    decides (« du Groupe Wagner ou de ses alternatives »: the group's)."""
    if PERSON_WORD.search(french):
        return False
    names = [m for m in CAPITALISED.finditer(french)
             if m.group() not in NOT_A_NAME and not (m.group().isupper() and not m.group().startswith("XK"))]
    bare = [m for m in names if not ARTICLE_BEFORE.search(french[: m.start()])]
    if any(not m.group().startswith("XK") for m in bare):
        return False  # « Atallah », « Diallo »: a person (or a city, which keeps "his" too)
    before = [m for m in names if m.start() < at]
    return not bare or bool(before) and before[-1] not in bare


def _possessive(m: re.Match) -> str:
    """"the roadmap of Washington" -> "Washington's roadmap"; not at the start of a text, which an
    attribution frame may lower-case after its editorial words ("According to ..., the meeting")."""
    name = m["name"]
    return f"{name}'{'' if name.endswith('s') else 's'} {m['noun']}"


def _subject(english: str, french: str) -> str:
    """The subject pronoun Catalan dropped put back; the sentence's capital kept."""
    first = french.split(" ", 1)[0]
    if english and first[:1].isupper():
        if first.lower() in FRENCH_SUBJECT and ENGLISH_VERB_START.match(english):
            english = f"{FRENCH_SUBJECT[first.lower()]} {english[0].lower()}{english[1:]}"
        english = english[0].upper() + english[1:]
    # Clauses after a comma, « où » or « qu'il »: « Du 8 au 11 juillet, il a effectué » came out ", has made".
    for lead, english_lead in CLAUSE_LEADS.items():
        if english_lead == "that" and FRENCH_QUI.search(french):
            continue
        inner = [m for m in FRENCH_CLAUSE_SUBJECT.finditer(french) if m["lead"].lower().replace("’", "'") == lead]
        verbs = [m for m in ENGLISH_CLAUSE_VERB.finditer(english) if m["lead"].lower() == english_lead]
        if inner and len(inner) == len(verbs):  # aligned in order
            for m, fr in reversed(list(zip(verbs, inner))):
                pronoun = FRENCH_SUBJECT[fr["pronoun"].lower()].lower()
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


def _coordinated(m: re.Match) -> str:
    """The repeated "of the" dropped; the first item keeps "of", and "the" if it is a name."""
    the = (m["the"] or "") if m["first"][0].isupper() else ""
    lead = "" if m.group().startswith("XK") else f"of {the}"
    more = m["more"].replace(", of the ", ", ")
    return f"{lead}{m['first']}{more} {m['conj']} {m['last']}"


def _instrument(english: str, french: str) -> str:
    """Each "for" that stands for a French « par » (aligned in order with « pour » and « par »
    against "for" and "by") becomes "with" after a verb of opening or closing, else "by"."""
    french_words = list(FRENCH_FOR.finditer(french))
    if not any(m["par"] for m in french_words):
        return english
    english_words = list(ENGLISH_FOR_BY.finditer(english))
    if len(english_words) != len(french_words):
        return english
    for fr, en in reversed(list(zip(french_words, english_words))):
        if fr["par"] and en.group() == "for":
            before = french[: fr.start()]
            agent = AGENT_BEFORE.search(before)  # « les précisions apportées à RFI par »
            word = "with" if WITH_VERBS.search(before) and not agent else "by"
            english = english[: en.start()] + word + english[en.end() :]
    return english


def _subjunctive(english: str, french: str) -> str:
    """The English "have" aligned with a French « ait » becomes "has"."""
    forms = [m["form"] for m in FRENCH_AVOIR.finditer(french)]
    if "ait" not in forms:
        return english
    haves = list(ENGLISH_HAVE.finditer(english))
    if len(haves) != len(forms):
        return english
    for form, m in reversed(list(zip(forms, haves))):
        if form == "ait" and m.group().lower() == "have":
            english = english[: m.start()] + ("Has" if m.group()[0] == "H" else "has") + english[m.end() :]
    return NEGATED_SUBJUNCTIVE.sub(lambda m: "has not been" if m.group().endswith(("stay", "been")) else "has not", english)


def _singular(m: re.Match) -> str:
    verb = m["verb"]
    if verb in NOT_PLURAL_VERBS or verb.endswith(("ed", "ing")):
        return m.group()
    if verb in SINGULAR:
        verb = SINGULAR[verb]
    elif verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        verb += "es"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        verb = verb[:-1] + "ies"
    else:
        verb += "s"
    return f"{m['name']}{m['adv']} {verb}"


def _neither_nor(english: str) -> str:
    """« ni A ni B »: "or A or B ... not" -> "neither A nor B ..."; "not ... or A or B" -> "not ... either A or B"."""
    ors = list(ENGLISH_OR.finditer(english))
    if len(ors) < 2:
        return english
    first, second = ors[0], ors[1]
    negation = ENGLISH_NOT.search(english)
    if negation and negation.start() < first.start():
        either = "Either" if first.group()[0] == "O" else "either"
        return english[: first.start()] + either + english[first.end() :]
    neither = "Neither" if first.group()[0] == "O" else "neither"
    english = f"{english[: first.start()]}{neither}{english[first.end() : second.start()]}nor{english[second.end() :]}"
    negation = ENGLISH_NOT.search(english, first.start())
    return english[: negation.start()] + english[negation.end() :] if negation else english


def _expected(m: re.Match) -> str:
    """« on s'attend à la signature de ... » -> « la signature de ... est attendue »."""
    det = m["det"]
    if m["on"][0].isupper():
        det = det[0].upper() + det[1:]
    plural = m["det"].lower() in PLURAL_DETERMINERS
    verb = ("étaient" if plural else "était") if m["past"] else ("sont" if plural else "est")
    return f"{det}{m['rest']} {verb} attendu{'s' if plural else ''}"


def _requote(m: re.Match) -> str:
    """A quoted word the pivot moved out of « »: the word next to the empty marks goes back in."""
    if m["word"]:
        return f"« {m['word'].strip()} »" + (m["after"] or "")
    if m["after"]:
        return f"« {m['after'].strip()} »"
    return ""


def _indefinite_objects(english: str, french: str) -> str:
    """"met of the officers" -> "met officers", when each such English verb has its French verb
    before « des » and no French verb is followed by « du », « de la » (a real "of the")."""
    after_verbs = [m["de"] for m in FRENCH_VERB_DES.finditer(french)]
    if not after_verbs or any(de != "des" for de in after_verbs):
        return english
    if len(OF_THE_AFTER_VERB.findall(english)) != len(after_verbs):
        return english
    return OF_THE_AFTER_VERB.sub(r"\g<verb> ", english)


def _title(m: re.Match, french: str) -> str:
    """"the general Sadio Camara" -> "General Sadio Camara"; a placeholder after the title must
    follow a word in the French too (« le ministre a XKA » holds a verb's term, not a name)."""
    after = m["next"] or ""
    if after and re.search(rf"(?:\b(?:a|ont|avait|avaient) ){after}\b", french):
        return m.group()
    adjective = m["adj"] or ""
    return adjective[:1].upper() + adjective[1:] + m["title"].title() + " " + after
