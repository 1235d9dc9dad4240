"""fetch: the polite, bounded client against the local site's hostile endpoints."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from briefgen.collect.fetch import Fetcher, FetchError

from .local_site import GOOD_PAGE, Site, serve


def fetch(settings, site, path: str, **kwargs):
    return Fetcher(settings, **kwargs).get(site.url(path))


def test_a_page_is_fetched_with_briefgen_named_and_robots_txt_asked_first(settings, site):
    response = fetch(settings, site, f"/site/{GOOD_PAGE}")
    assert response.status == 200 and response.body.startswith(b"<!DOCTYPE html>")
    asked = [(path, headers) for path, headers in site.requests[-2:]]
    assert [path for path, _ in asked] == ["/robots.txt", f"/site/{GOOD_PAGE}"]
    assert all(headers["user-agent"] == "briefgen-tests/1.0" for _, headers in asked)


@pytest.mark.parametrize(("path", "reason"), [
    ("/hostile/stall", "no answer within 1 s (connect) / 0.5 s (read)"),
    ("/hostile/trickle", "the page took more than 2 s to arrive"),
    ("/hostile/huge", "the page is 50.0 MiB, over the 1 MiB limit"),
    ("/hostile/huge-undeclared", "the page is over the 1 MiB limit"),
    ("/hostile/loop-a", "redirect loop"),
    ("/hostile/to-file", "redirected to 'file:///etc/passwd': only http and https are fetched, not file:"),
    ("/hostile/to-ftp", "only http and https are fetched, not ftp:"),
    ("/hostile/chain-0", "more than 5 redirects"),
    ("/hostile/404", "HTTP 404 Not Found"),
    ("/hostile/500", "HTTP 500 Internal Server Error after 3 attempts"),
    ("/hostile/429-long", "HTTP 429 Too Many Requests; the server asks to wait 3600 s, more than the 2 s briefgen waits"),
    ("/prive/secret.html", "disallowed by the site's robots.txt"),
])
def test_hostile_endpoints_fail_with_their_reason_within_the_limits(settings, site, path, reason):
    started = time.monotonic()
    with pytest.raises(FetchError) as failure:
        fetch(settings, site, path)
    assert reason in str(failure.value)
    assert time.monotonic() - started < settings.total_timeout + 1.5


def test_other_schemes_are_refused_before_any_connection(settings, site):
    before = len(site.requests)
    with pytest.raises(FetchError, match="only http and https are fetched, not file:"):
        Fetcher(settings).get("file:///etc/passwd")
    assert len(site.requests) == before


def test_5xx_and_429_are_retried_with_backoff_and_retry_after(settings, site):
    waits: list[float] = []
    for path in ("/hostile/500-once", "/hostile/429-once"):
        response = fetch(settings, site, path, sleep=waits.append)
        assert response.status == 200 and b"Bamako et Washington" in response.body
    assert waits == [settings.backoff, 1.0]  # the backoff, then what Retry-After said


def test_redirects_are_followed_to_the_page(settings, site):
    response = fetch(settings, site, "/hostile/moved")
    assert response.url == site.url(f"/site/{GOOD_PAGE}") and response.status == 200


def test_requests_to_one_host_are_spaced_by_the_delay(settings, site):
    now, waits = [100.0], []

    def sleep(seconds: float) -> None:  # a clock that moves only when briefgen waits
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(replace(settings, host_delay=3.0), sleep=sleep, clock=lambda: now[0])
    fetcher.get(site.url(f"/site/{GOOD_PAGE}"))
    fetcher.get(site.url("/site/opengraph.html"))
    assert waits == [3.0, 3.0]  # after robots.txt, and between the two pages


def test_conditional_get_answers_304_when_the_feed_is_unchanged(settings, site):
    fetcher = Fetcher(settings)
    first = fetcher.get(site.url("/feeds/rss20.xml"))
    again = fetcher.get(site.url("/feeds/rss20.xml"), etag=first.headers["etag"])
    assert (first.status, again.status, again.body) == (200, 304, b"")
    assert site.requests[-1][1]["if-none-match"] == first.headers["etag"]


@pytest.mark.parametrize(("robots", "reason"), [
    (503, "robots.txt could not be read (HTTP 503 Service Unavailable after 3 attempts); the site is not fetched"),
    (b"User-agent: briefgen-tests\nDisallow: /\n", "disallowed by the site's robots.txt"),
])
def test_a_site_whose_robots_txt_fails_or_forbids_is_not_fetched(settings, robots, reason):
    other, server = serve(Site(robots=robots))
    try:
        with pytest.raises(FetchError) as refused:
            Fetcher(settings).get(other.url(f"/site/{GOOD_PAGE}"))
        assert str(refused.value) == reason
        assert [path for path, _ in other.requests if path != "/robots.txt"] == []
    finally:
        server.shutdown()
        server.server_close()


def test_a_missing_robots_txt_allows_everything(settings):
    other, server = serve(Site(robots=404))
    try:
        assert Fetcher(settings).get(other.url("/site/opengraph.html")).status == 200
    finally:
        server.shutdown()
        server.server_close()
