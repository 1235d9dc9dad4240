"""run: a whole collect from the local site, hostile endpoints included; then a second collect."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

import pytest

from briefgen.collect import collect
from briefgen.collect.log import LOG_NAME
from briefgen.config import CollectSettings
from briefgen.errors import ConfigError
from briefgen.ingest import ingest

from .conftest import TEST_LIMITS, with_addresses

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
FEEDS = ["/feeds/rss20.xml", "/feeds/atom.xml", "/feeds/rss10.rdf", "/feeds/rss091.xml", "/feeds/empty.xml",
         "/feeds/malformed.xml", "/feeds/truncated.xml", "/feeds/missing.xml"]
HOSTILE = {
    "/hostile/stall": "no answer within 1 s (connect) / 0.5 s (read)",
    "/hostile/trickle": "the page took more than 2 s to arrive",
    "/hostile/huge": "the page is 50.0 MiB, over the 1 MiB limit",
    "/hostile/huge-undeclared": "the page is over the 1 MiB limit",
    "/hostile/loop-a": "redirect loop (",
    "/hostile/to-file": "redirected to 'file:///etc/passwd': only http and https are fetched, not file:",
    "/hostile/404": "HTTP 404 Not Found",
    "/hostile/500": "HTTP 500 Internal Server Error after 3 attempts",
    "/hostile/429-long": "HTTP 429 Too Many Requests; the server asks to wait 3600 s",
    "/prive/secret.html": "disallowed by the site's robots.txt",
}
REFUSED = {
    "/hostile/pdf": "the address serves a PDF document, not an article page",
    "/hostile/png-as-html": "the address serves a PNG image, not an article page",
    "/hostile/empty": "the page is empty",
    "/site/english.html": "not in French (language: en)",
    "/site/paywall.html": "behind a paywall: only 49 words are free",
    "/site/index-page.html": "no article text on the page (34 words; a list of links or a teaser?)",
}


@pytest.fixture(scope="module")
def first_and_second(site, tmp_path_factory):
    settings = with_addresses(CollectSettings(into=tmp_path_factory.mktemp("c") / "sources", **TEST_LIMITS), site,
                              feeds=FEEDS, urls=[*HOSTILE, "/hostile/pdf", "/hostile/png-as-html", "/hostile/empty"])
    started = time.monotonic()
    first = collect(settings, NOW)
    seconds = time.monotonic() - started
    mark = len(site.requests)
    second = collect(settings, NOW + dt.timedelta(days=1))
    return settings, first, seconds, second, site.requests[mark:]


def by_path(report, site):
    return {o.url.removeprefix(site.base): o for o in report.outcomes}


def test_the_first_collect_saves_every_french_article_once(first_and_second, site):
    settings, first, _, _, _ = first_and_second
    counts = first.as_dict()["counts"]
    assert counts == {"new": 13, "had": 1, "skipped": 6, "failed": 10}  # the feed's dead link is /hostile/404 too
    saved = sorted(p.name for p in settings.into.glob("*.md"))
    assert len(saved) == 13 and all(name.startswith("2025-09-") for name in saved)
    assert sorted(p.name for p in settings.into.iterdir() if p.name.startswith(".")) == [LOG_NAME]  # no temporary file left
    amp, standard = by_path(first, site)["/site/amp.html"], by_path(first, site)["/site/standard-page-of-amp.html"]
    assert (amp.status, standard.status) == ("new", "had")
    assert standard.reason == f"same article as {amp.path.name}"  # same canonical address, other page


def test_every_failure_and_refusal_is_reported_with_its_reason(first_and_second, site):
    _, first, seconds, _, _ = first_and_second
    outcomes = by_path(first, site)
    for path, reason in HOSTILE.items():
        assert (outcomes[path].status, outcomes[path].reason[: len(reason)]) == ("failed", reason)
    for path, reason in REFUSED.items():
        assert (outcomes[path].status, outcomes[path].reason) == ("skipped", reason)
    feeds = {path: (o.status, o.reason) for path, o in outcomes.items() if o.kind == "feed"}
    assert feeds["/feeds/empty.xml"] == ("new", "the feed has no entries")
    assert feeds["/feeds/malformed.xml"][0] == "failed" and feeds["/feeds/malformed.xml"][1].startswith("not an RSS or Atom feed")
    assert feeds["/feeds/truncated.xml"][1].endswith("1 entry read")
    assert feeds["/feeds/missing.xml"] == ("failed", "HTTP 404 Not Found")
    assert seconds < 30  # every hostile endpoint within its limit: nothing waits for the 5 s stall or the 50 MB


def test_the_saved_articles_build_with_their_real_metadata(first_and_second):
    settings, *_ = first_and_second
    brief = ingest([settings.into])
    assert len(brief.sources) == 13 and brief.warnings == []
    echo = next(s for s in brief.sources if s.title == "Mali : Bamako et Washington relancent le dialogue sécuritaire")
    assert (echo.outlet, echo.author, echo.date, echo.url) == (
        "L'Écho du Sahel", "Aminata Koné", dt.date(2025, 9, 16),
        "https://www.echodusahel.example/politique/2025/09/16/mali-bamako-washington-dialogue-securitaire")
    assert all(s.outlet and s.date and s.url for s in brief.sources)


def test_a_second_collect_fetches_nothing_new(first_and_second, site):
    settings, first, _, second, requests = first_and_second
    assert second.as_dict()["counts"]["new"] == 0
    fetched = [path for path, _ in requests]
    assert not [p for p in fetched if p.startswith("/site/")]  # no article page again
    feeds = [(p, h) for p, h in requests if p.startswith("/feeds/") and p.endswith(("rss20.xml", "atom.xml", "rss10.rdf", "rss091.xml"))]
    assert len(feeds) == 4 and all("if-none-match" in h for _, h in feeds)  # conditional GETs: 304
    assert {o.reason for o in second.outcomes if o.kind == "feed" and o.status == "had"} == {"unchanged since the last collect"}
    retried = {o.url.removeprefix(site.base) for o in second.outcomes if o.status == "failed" and o.kind == "article"}
    assert retried == set(HOSTILE)  # failures are tried again (/hostile/404 too, listed by an unchanged feed)
    assert sorted(p.name for p in settings.into.glob("*.md")) == sorted(o.path.name for o in first.articles("new"))


def test_a_page_given_twice_under_one_address_is_fetched_once(settings, site):
    report = collect(with_addresses(settings, site, urls=["/site/microdata.html", "/site/microdata.html"]), NOW)
    assert [o.status for o in report.outcomes] == ["new"]


def test_progress_is_reported_as_each_address_is_done(settings, site):
    seen = []
    report = collect(with_addresses(settings, site, urls=["/site/wordpress.html", "/hostile/404"]), NOW, progress=seen.append)
    assert seen == report.outcomes and [o.status for o in seen] == ["new", "failed"]


def test_nothing_to_collect_is_a_configuration_error(settings):
    with pytest.raises(ConfigError, match="Nothing to collect"):
        collect(replace(settings, feeds=(), urls=()), NOW)


def test_an_unchanged_feed_still_gets_its_failed_articles_tried_again(settings, site):
    settings = with_addresses(settings, site, feeds=["/feeds/rss20.xml"])
    collect(settings, NOW)
    again = collect(settings, NOW)
    assert [(o.kind, o.status, o.url.removeprefix(site.base)) for o in again.outcomes] == [
        ("feed", "had", "/feeds/rss20.xml"), ("article", "failed", "/hostile/404")]


def test_a_page_that_breaks_the_extractor_fails_alone(settings, site, monkeypatch):
    import trafilatura

    def broken(html, **kwargs):
        if "Mopti" in html:
            raise RecursionError("maximum recursion depth exceeded")
        return real(html, **kwargs)

    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    report = collect(with_addresses(settings, site, urls=["/site/wordpress.html", "/site/opengraph.html"]), NOW)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        ("failed", "the page could not be read (RecursionError: maximum recursion depth exceeded)"), ("new", "")]
