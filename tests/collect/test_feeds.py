"""feeds: RSS 0.91, 1.0, 2.0 and Atom give their article addresses; empty and malformed feeds say so."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.collect.feeds import FeedError, parse_feed, without_tracking

from .local_site import DATA

BASE = "http://127.0.0.1:8000"


def feed(name: str):
    return parse_feed((DATA / "feeds" / name).read_bytes().replace(b"{base}", BASE.encode()), f"{BASE}/feeds/{name}")


@pytest.mark.parametrize(("name", "first", "count"), [
    ("rss20.xml", "jsonld-newsarticle.html", 7),
    ("atom.xml", "wordpress.html", 5),
    ("rss10.rdf", "byline-in-text.html", 4),
    ("rss091.xml", "agency-dispatch.html", 2),
])
def test_every_feed_format_gives_its_article_addresses(name, first, count):
    parsed = feed(name)
    assert len(parsed.entries) == count and parsed.note is None
    assert parsed.entries[0].url == f"{BASE}/site/{first}"


def test_titles_and_dates_come_along_and_relative_links_are_resolved():
    rss = feed("rss20.xml").entries[0]
    assert (rss.title, rss.date) == ("Mali : Bamako et Washington relancent le dialogue sécuritaire", dt.date(2025, 9, 16))
    atom = feed("atom.xml").entries
    assert atom[1].url == f"{BASE}/site/dublin-core.html"  # written as href="/site/dublin-core.html"
    assert feed("rss091.xml").entries[0].title == "Guinée : le référendum constitutionnel fixé au 21 décembre"  # ISO-8859-1


def test_an_empty_feed_has_no_entries_and_a_truncated_one_is_read_in_part():
    assert feed("empty.xml").entries == []
    truncated = feed("truncated.xml")
    assert [e.url for e in truncated.entries] == [f"{BASE}/site/liveblog.html"]
    assert truncated.note.startswith("the feed is malformed (") and truncated.note.endswith("1 entry read")


@pytest.mark.parametrize("data", [(DATA / "feeds" / "malformed.xml").read_bytes(), b"", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_what_is_not_a_feed_is_refused_with_the_reason(data):
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(data, f"{BASE}/feed")


def test_a_feed_that_names_a_url_is_never_fetched_by_feedparser(socket_guard):
    """Only bytes reach feedparser; a string would make it fetch the address itself."""
    with pytest.raises(FeedError):
        parse_feed(b"http://192.0.2.1/feed.xml", f"{BASE}/feed")


def test_click_counting_parameters_are_dropped_and_the_rest_kept():
    assert without_tracking("https://x.example/a?utm_source=rss&utm_medium=feed&id=3#comments") == "https://x.example/a?id=3"
    assert without_tracking("https://x.example/spip.php?article10457") == "https://x.example/spip.php?article10457"
    assert without_tracking("https://x.example/a?xtor=RSS-3") == "https://x.example/a"
