"""The outlet an article names as itself, for articles whose page gave no outlet.

French outlets name themselves in the third person when their journalists obtained a statement:
« a déclaré à RFI », « selon les précisions apportées à RFI par l'ambassade », « interrogé par
France 24 », « au micro de RFI ». An article citing another outlet's reporting names that outlet
differently: « selon RFI », « rapporte Jeune Afrique », « a déclaré à nos confrères de RFI »,
« selon Russia Today ». So an outlet is taken as the article's own only when a statement is given
*to* it and the article never cites it as someone else's report, and only one outlet qualifies.
"""

from __future__ import annotations

import re

# Outlets that report on the Sahel in French and interview people themselves. News agencies (AFP,
# Reuters, AP) are left out: « a déclaré à l'AFP » appears in every paper that runs the dispatch.
KNOWN_OUTLETS = (
    "RFI", "France 24", "Jeune Afrique", "Le Monde", "TV5Monde", "Le Figaro", "Libération", "Le Point",
    "BBC Afrique", "VOA Afrique", "DW", "Studio Tamani", "Sahel Tribune", "Africa-Press", "Maliweb", "Mali Actu",
    "ORTM", "Radio Oméga", "Aljazeera", "Anadolu",
)
_OUTLET = "|".join(re.escape(o) for o in KNOWN_OUTLETS)
_SAID = r"déclaré|confié|indiqué|expliqué|affirmé|précisé|assuré|dit|raconté|annoncé|répondu|souligné"
# A statement given to the outlet: its own reporting.
GIVEN_TO = re.compile(
    rf"(?:(?:{_SAID})e?s?|(?:précisions|déclarations|confidences|propos|réponses)\s+(?:\w+\s+)?"
    rf"(?:apportée?s?|faite?s?|tenus|accordée?s?|donnée?s?))\s+à\s+(?P<outlet>{_OUTLET})\b"
    rf"|(?:interrogée?s?|contactée?s?|jointe?s?|sollicitée?s?)\s+par\s+(?P<outlet2>{_OUTLET})\b"
    rf"|(?:au micro|à l['’]antenne|sur l['’]antenne)\s+de\s+(?P<outlet3>{_OUTLET})\b",
    re.IGNORECASE,
)
# The outlet cited as the source of someone else's report.
CITED = re.compile(
    rf"(?:\bselon|\bd['’]après|\brapporte|\ba rapporté|\bcité(?:e?s?)\s+par|\brelayée?s?\s+par|\bconfrères\s+de|"
    rf"\bconsœurs\s+de|\bsur le site de|\brévélé par)\s+(?:l['’]|le\s+|la\s+)?(?P<outlet>{_OUTLET})\b"
    rf"|\b(?P<outlet2>{_OUTLET})\s+(?:rapporte|a rapporté|révèle|a révélé|indique|affirme)\b",
    re.IGNORECASE,
)


def self_named_outlet(paragraphs: list[str]) -> str | None:
    """The one outlet the text shows as its own reporter, or None when none or several qualify."""
    text = "\n".join(paragraphs)
    given = {_canonical(_group(m)) for m in GIVEN_TO.finditer(text)}
    cited = {_canonical(_group(m)) for m in CITED.finditer(text)}
    own = given - cited
    return own.pop() if len(own) == 1 else None


def _group(match: re.Match) -> str:
    return next(v for k, v in match.groupdict().items() if v)


def _canonical(name: str) -> str:
    return next(o for o in KNOWN_OUTLETS if o.casefold() == name.casefold())
