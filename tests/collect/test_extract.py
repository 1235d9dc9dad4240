"""extract: each French page layout of tests/data/collect/site gives its real metadata and text."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from briefgen.collect.extract import NoArticle, PageStatements, decode_page, extract
from briefgen.collect.fetch import Response

from .local_site import DATA, MISLABELLED, PDF, PNG

BASE = "http://127.0.0.1:8000"
TODAY = dt.date(2026, 12, 1)
EXPECTED = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))
SECOND_BATCH = tomllib.loads((DATA / "heldout.toml").read_text(encoding="utf-8"))


def page(name: str) -> Response:
    body = (DATA / ("heldout" if name in SECOND_BATCH else "site") / name).read_bytes()
    return Response(f"{BASE}/site/{name}", 200, {"content-type": MISLABELLED.get(name, "text/html")}, body)


@pytest.mark.parametrize("name", sorted(EXPECTED | SECOND_BATCH))
def test_every_layout_gives_its_stated_metadata(name):
    article = extract(page(name), TODAY)
    found = {"title": article.title, "outlet": article.outlet, "author": article.author or "",
             "date": article.date.isoformat() if article.date else "", "url": article.url, "language": article.language}
    expected = {key: value.replace("{base}", BASE) for key, value in (EXPECTED | SECOND_BATCH)[name].items()}
    assert found == expected
    assert article.words >= 80


def test_bylines_and_datelines_leave_the_text():
    text = extract(page("byline-in-text.html"), TODAY).text
    assert text.startswith("Plus de quarante écoles fermées depuis 2023")
    assert "Par Fatoumata" not in text and "Publié le" not in text
    dispatch = extract(page("outlet-dateline.html"), TODAY).text
    assert dispatch.startswith("Le Conseil des ministres a adopté") and not dispatch.endswith("Moussa Keïta")


def test_the_live_blog_keeps_every_update_and_the_wordpress_page_no_comments():
    live = extract(page("liveblog.html"), TODAY).text
    assert all(update in live for update in ("force unifiée de 5 000 hommes", "banque confédérale", "passeports biométriques", "Tiani a ouvert"))
    assert "Que Dieu protège" not in extract(page("wordpress.html"), TODAY).text


def test_a_misdeclared_or_undeclared_encoding_is_read_right_and_noted():
    article = extract(page("cp1252-declared-utf8.html"), TODAY)
    assert "l’électricité" in article.title and "\ufffd" not in article.text
    assert article.notes == ["the page is not in the encoding it states (utf-8); read as Windows-1252"]
    assert decode_page(page("latin1-no-charset.html"))[1] == ["the page states no encoding and is not UTF-8; read as Windows-1252"]
    utf8_labelled_latin1 = Response(f"{BASE}/p", 200, {"content-type": "text/html; charset=iso-8859-1"}, "<p>Sévaré, l’été</p>".encode())
    assert decode_page(utf8_labelled_latin1) == ("<p>Sévaré, l’été</p>", [])


@pytest.mark.parametrize(("name", "reason"), [
    ("paywall.html", "behind a paywall: only 49 words are free"),
    ("index-page.html", "no article text on the page (34 words; a list of links or a teaser?)"),
])
def test_pages_without_an_article_are_refused_with_the_reason(name, reason):
    with pytest.raises(NoArticle) as refused:
        extract(page(name), TODAY)
    assert str(refused.value) == reason


@pytest.mark.parametrize(("body", "content_type", "reason"), [
    (PDF, "application/pdf", "the address serves a PDF document, not an article page"),
    (PNG, "text/html", "the address serves a PNG image, not an article page"),
    (b'{"articles": []}', "application/json", "the address serves application/json, not an article page"),
    (b"", "text/html", "the page is empty"),
])
def test_what_is_not_a_web_page_is_refused(body, content_type, reason):
    with pytest.raises(NoArticle) as refused:
        extract(Response(f"{BASE}/x", 200, {"content-type": content_type}, body), TODAY)
    assert str(refused.value) == reason


def test_a_date_after_today_is_not_taken_for_the_publication_date():
    html = (DATA / "site" / "opengraph.html").read_text(encoding="utf-8").replace("2025-09-12", "2027-01-05")
    article = extract(Response(f"{BASE}/p", 200, {"content-type": "text/html"}, html.encode()), TODAY)
    assert article.date != dt.date(2027, 1, 5)


def test_a_theme_lang_attribute_does_not_override_a_french_text():
    """WordPress themes ship lang="en-US" on French sites: the text decides when it clearly can."""
    html = (DATA / "site" / "wordpress.html").read_text(encoding="utf-8").replace('lang="fr-FR"', 'lang="en-US"')
    page_lang = PageStatements.read(html, BASE).lang
    article = extract(Response(f"{BASE}/p", 200, {"content-type": "text/html"}, html.encode()), TODAY)
    assert (page_lang, article.language) == ("en-US", "fr")
