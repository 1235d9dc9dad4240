"""A fetched page -> an Article: text and metadata by trafilatura, checked against the page's own
statements (canonical link, JSON-LD, microdata, lang) and French bylines and datelines.

trafilatura finds the article body and most metadata; where it is known to slip (a live blog's
last update taken as its title, the hostname given as site name, a canonical URL without its
query), the page's explicit statements win.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from briefgen.collect.fetch import Response
from briefgen.dates import parse_full_date
from briefgen.errors import BriefgenError
from briefgen.ingest import metadata as md
from briefgen.ingest.readers import BINARY_SIGNATURES

# Below this many words a page is a teaser, a paywall stub or a list of links, not an article: the
# shortest agency dispatch in our layouts has about 110 words, the paywall stub about 50.
MIN_ARTICLE_WORDS = 60
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                 "BackgroundNewsArticle", "LiveBlogPosting", "BlogPosting", "Report"}
# Title suffixes naming the outlet: "Titre - Outlet", "Titre | Outlet", "Titre – Outlet".
TITLE_SEPARATOR = re.compile(r"\s+[-|–—»]\s+")
# "Par Fatoumata Maïga", "Posté par …", "Il y a 3 heures · Par Adama Traoré": a byline line.
BYLINE_PREFIX = r"(?:(?:posté|publié|écrit|rédigé|propos recueillis)\s+)?(?:par|by)\s+"
BYLINE = re.compile(rf"^(?:.{{0,40}}[·|—–,-]\s*)?{BYLINE_PREFIX}(?P<name>{md.NAME_LINE.pattern})\s*$", re.IGNORECASE)
# Longest line of page furniture searched for a byline or an outlet footer.
SHORT_LINE = 120
PUBLISHED_LINE = re.compile(r"^(?:publié|mis en ligne|mise à jour|modifié)\b.{0,80}$", re.IGNORECASE)
# Very common words per language: a page with no (or a wrong) lang attribute is judged by its text.
STOPWORDS = {
    "fr": frozenset("le la les des du de un une et est que qui dans pour pas sur au aux avec ce cette il elle ont sont été par".split()),
    "en": frozenset("the of and to in is that for on with as was were by it this are be from has have an".split()),
    "es": frozenset("el la los las del de un una y es que en por con para se su al lo como más pero".split()),
    "pt": frozenset("o a os as do da dos das de um uma e é que em no na por com para se não".split()),
    "it": frozenset("il lo la gli le del della di un una e è che in per con non si sono al".split()),
    "de": frozenset("der die das und ist den dem des ein eine nicht zu mit von auf für sich im".split()),
}
# Stopword hits a text needs before its own evidence overrides the page's lang attribute (themes
# often ship lang="en-US" on French sites).
CONFIDENT_HITS = 20


class NoArticle(BriefgenError):
    """The page holds no article briefgen can use; the message says why. It is logged, not saved."""


@dataclass
class Article:
    url: str  # canonical
    text: str  # paragraphs separated by a blank line
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: dt.date | None = None
    language: str = "fr"
    notes: list[str] = field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())


def extract(response: Response, today: dt.date) -> Article:
    """The article on `response`'s page, or NoArticle with the reason."""
    import trafilatura  # loaded only by `collect`

    _check_html(response)
    html, notes = decode_page(response)
    if not html.strip():
        raise NoArticle("the page is empty")
    page = PageStatements.read(html, response.url)
    doc = trafilatura.bare_extraction(
        html, url=response.url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True, "max_date": today.isoformat()},
    )
    paragraphs = [line.strip() for line in (doc.text if doc else "").split("\n") if line.strip()]
    in_text, paragraphs = _stated_in_text(paragraphs)
    extracted_title = doc.title if doc else None
    outlet = (page.outlet(doc.sitename if doc else None, extracted_title) or in_text.outlet
              or md.find_outlet_footer(paragraphs) or md.find_outlet_footer(page.lines))
    outlet = outlet.replace("’", "'") if outlet else None  # "L’Écho" and "L'Écho" are one outlet in the brief
    title = page.title(extracted_title, outlet)
    if paragraphs and title and _same(paragraphs[0]) == _same(title):
        paragraphs = paragraphs[1:]  # the headline, repeated as the text's first line
    article = Article(
        url=page.canonical or response.url,
        text="\n\n".join(paragraphs),
        title=title,
        outlet=outlet,
        author=_person(doc.author if doc else None) or page.author or in_text.author or page.byline(),
        date=_date(doc.date if doc else None, today) or (in_text.date.date if in_text.date else None),
        notes=notes,
    )
    article.language = page.language(article.text)
    if page.paywalled and article.words < 3 * MIN_ARTICLE_WORDS:
        raise NoArticle(f"behind a paywall: only {article.words} words are free")
    if article.words < MIN_ARTICLE_WORDS:
        raise NoArticle(f"no article text on the page ({article.words} words; a list of links or a teaser?)")
    return article


def _check_html(response: Response) -> None:
    for signature, what in BINARY_SIGNATURES.items():
        if response.body.startswith(signature):
            raise NoArticle(f"the address serves {what}, not an article page")
    if response.content_type not in HTML_TYPES:
        raise NoArticle(f"the address serves {response.content_type}, not an article page")


def decode_page(response: Response) -> tuple[str, list[str]]:
    """The page as text: UTF-8 if the bytes are valid UTF-8 (Latin-1 text almost never is, and
    old servers label UTF-8 pages ISO-8859-1), else its declared charset, else Windows-1252 (what a
    page mislabelled as UTF-8 almost always is)."""
    declared = re.search(r"charset=[\"']?([\w.:-]+)", response.headers.get("content-type", ""))
    in_page = re.search(rb"<meta[^>]+charset=[\"']?([\w.:-]+)", response.body[:4096], re.IGNORECASE)
    candidates = [m[1] if isinstance(m[1], str) else m[1].decode("ascii") for m in (declared, in_page) if m]
    for encoding in ["utf-8", *candidates]:
        try:
            return response.body.decode(encoding), []
        except (UnicodeDecodeError, LookupError):
            continue
    problem = f"is not in the encoding it states ({candidates[0]})" if candidates else "states no encoding and is not UTF-8"
    return response.body.decode("cp1252", errors="replace"), [f"the page {problem}; read as Windows-1252"]


def _stated_in_text(paragraphs: list[str]) -> tuple[md.Metadata, list[str]]:
    """"Par Fatoumata Maïga", "Publié le 8 septembre 2025 à 17h45", "Sahel Presse – Bamako.", a
    name alone on the last line, a full date in the opening lines: metadata a page states only in
    its text, as briefgen reads it in local files (taken out of the text)."""
    stated = md.Metadata()
    paragraphs = md.take_dateline(paragraphs, stated)
    author, kept = None, []
    for i, paragraph in enumerate(paragraphs):
        byline = BYLINE.match(paragraph) if i < md.HEADER_PARAGRAPHS else None
        published = parse_full_date(paragraph) if i < md.HEADER_PARAGRAPHS and PUBLISHED_LINE.match(paragraph) else None
        if byline:
            author = author or byline["name"]
        elif published:
            stated.date = stated.date or published
        else:
            kept.append(paragraph)
    if author is None:
        author, kept = md.take_bylines(kept)
    stated.author = author
    stated.date = stated.date or md.find_date_in_text(kept)
    return stated, kept


def _date(value: str | None, today: dt.date) -> dt.date | None:
    try:
        date = dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
    return date if date and date <= today else None


@dataclass
class PageStatements:
    """What the page's markup says about itself, beyond what trafilatura reports."""

    url: str
    canonical: str | None = None
    headings: list[str] = field(default_factory=list)  # h1 texts
    head_title: str = ""  # <title>
    stated_titles: list[str] = field(default_factory=list)  # JSON-LD headline, og:title
    publisher: str | None = None
    author: str | None = None
    lang: str | None = None
    paywalled: bool = False
    lines: list[str] = field(default_factory=list)  # short texts of the page's blocks, furniture included

    @classmethod
    def read(cls, html: str, url: str) -> PageStatements:
        import lxml.html

        try:
            tree = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.LxmlError):
            return cls(url)
        page = cls(url, head_title=" ".join(" ".join(tree.xpath("//title//text()")).split()))
        page.headings = [" ".join(h.text_content().split()) for h in tree.xpath("//h1")]
        blocks = (" ".join(e.text_content().split()) for e in tree.xpath("//body//*[self::p or self::div or self::span or self::footer]"))
        page.lines = [line for line in blocks if 0 < len(line) <= SHORT_LINE]
        for item in _json_ld(tree):
            page._read_json_ld(item)
        page._read_tags(tree)
        return page

    def _read_json_ld(self, item: dict) -> None:
        types = item.get("@type")
        if not set(types if isinstance(types, list) else [types]) & ARTICLE_TYPES:
            return
        if isinstance(item.get("headline"), str):
            self.stated_titles.append(item["headline"])
        self.publisher = self.publisher or _name(item.get("publisher"))
        self.author = self.author or _name(item.get("author"))
        self.lang = self.lang or _text(item.get("inLanguage"))
        self.canonical = self.canonical or self._absolute(_text(item.get("mainEntityOfPage")) or _text(item.get("url")))
        self.paywalled |= str(item.get("isAccessibleForFree", "")).lower() == "false"

    def _read_tags(self, tree) -> None:
        first = lambda xpath: next((v.strip() for v in tree.xpath(xpath) if v.strip()), None)  # noqa: E731
        self.canonical = (self._absolute(first("//link[@rel='canonical']/@href")) or self._absolute(first("//meta[@property='og:url']/@content"))
                          or self.canonical or self._absolute(first("//*[@itemprop='mainEntityOfPage']/@content")))
        self.stated_titles += tree.xpath("//meta[@property='og:title']/@content")
        self.publisher = self.publisher or first("//*[@itemprop='publisher']//*[@itemprop='name']/@content") or first("//*[@itemprop='publisher']//*[@itemprop='name']/text()")
        self.lang = (first("//meta[translate(@name,'DCLANGUE','dclangue')='dc.language']/@content")
                     or first("//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']/@content")
                     or self.lang or first("/html/@lang") or first("//meta[@property='og:locale']/@content"))

    def _absolute(self, link: str | None) -> str | None:
        if not link:
            return None
        absolute = urljoin(self.url, link)
        return absolute if urlsplit(absolute).scheme in ("http", "https") else None

    def title(self, extracted: str | None, outlet: str | None) -> str | None:
        """trafilatura's title if the page states it (as <title>, h1, headline or og:title), else
        the page's own heading; without the outlet's name appended ("Titre - Lagune Info")."""
        stated = [*self.stated_titles, *self.headings, self.head_title]
        if extracted and any(_same(extracted) in _same(s) for s in stated if s):
            title = extracted
        else:
            title = next((h for h in [*self.headings, *self.stated_titles] if h), None) or extracted
        if title and outlet and _same(title) == _same(outlet):  # a blog's name in its page heading
            title = self._head_title_without(outlet) or title
        last = list(TITLE_SEPARATOR.finditer(title or ""))[-1:]
        if title and outlet and last and _same(title[last[0].end():]) == _same(outlet):
            return title[: last[0].start()]
        return title

    def outlet(self, sitename: str | None, extracted_title: str | None) -> str | None:
        """The site name trafilatura found, unless it is only the host name; else the publisher
        the page states, or the <title>'s suffix after the headline ("Titre - Bamako Hebdo")."""
        hosts = {urlsplit(self.url).hostname or "", urlsplit(self.url).netloc}
        if sitename and sitename.lower() not in hosts:
            return sitename
        return self.publisher or self._title_suffix(extracted_title)

    def _head_title_without(self, outlet: str) -> str | None:
        """<title> without the outlet's name before or after it ("Le Blog de X: Titre")."""
        head = self.head_title
        if _same(head).startswith(_same(outlet)):
            return head[len(outlet):].lstrip(" :|-–—»").strip() or None
        if _same(head).endswith(_same(outlet)):
            return head[: len(head) - len(outlet)].rstrip(" :|-–—«").strip() or None
        return None

    def byline(self) -> str | None:
        """A byline the article text left out ("Il y a 3 heures · Par Adama Traoré" above it)."""
        return next((m["name"] for m in map(BYLINE.match, self.lines) if m), None)

    def _title_suffix(self, extracted_title: str | None) -> str | None:
        for heading in [*self.headings, *self.stated_titles, extracted_title]:
            if heading and _same(self.head_title).startswith(_same(heading)):
                rest = self.head_title[len(heading):]
                if (match := TITLE_SEPARATOR.match(rest)) and rest[match.end():].strip():
                    return rest[match.end():].strip()
        return None

    def language(self, text: str) -> str:
        """The page's stated language, unless its text clearly says otherwise."""
        stated = re.split(r"[-_]", self.lang or "")[0].lower() or None
        counts = {lang: sum(w in words for w in re.findall(r"[a-zà-ÿ]+", text.lower())) for lang, words in STOPWORDS.items()}
        best = max(counts, key=counts.__getitem__)
        if stated and (stated == best or counts[best] < CONFIDENT_HITS):
            return stated
        return best if counts[best] else (stated or "fr")


def _json_ld(tree) -> Iterator[dict]:
    """Top-level JSON-LD objects (and those of a @graph): nested ones are parts, not the page."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content(), strict=False)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                graph = item.get("@graph")
                yield from (g for g in graph if isinstance(g, dict)) if isinstance(graph, list) else [item]


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _person(author: str | None) -> str | None:
    """"Posté par Ibrahim Ag Alhassane" -> "Ibrahim Ag Alhassane"."""
    if not author:
        return None
    return re.sub(rf"^{BYLINE_PREFIX}", "", author, flags=re.IGNORECASE).strip() or None


def _same(text: str) -> str:
    return " ".join(re.sub(r"[’']", "'", text).lower().split())
