"""Polite, bounded HTTP GETs: the only code in briefgen that opens a network connection.

Every request names briefgen in its User-Agent, asks robots.txt first, waits its turn per host,
and is bounded in time (connect, read, whole request), size and redirects. Only http and https
are followed, checked again after every redirect, so a page cannot send briefgen to `file:` or
elsewhere. 5xx and 429 answers are retried with backoff, honouring Retry-After up to a limit.
"""

from __future__ import annotations

import email.utils
import http
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3

from briefgen.config import CollectSettings
from briefgen.errors import BriefgenError

SCHEMES = ("http", "https")
REDIRECTS = (301, 302, 303, 307, 308)
RETRIED = (429, 500, 502, 503, 504)
CHUNK = 64 * 1024


class FetchError(BriefgenError):
    """This URL could not be fetched; the message says why (shown in the collect summary)."""


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional GET that found nothing new
    headers: dict[str, str]  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass
class Fetcher:
    """One collect run's HTTP client: it remembers each host's robots.txt and last request."""

    settings: CollectSettings
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0  # HTTP requests sent, robots.txt included (the summary reports it)
    _pool: urllib3.PoolManager = field(init=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict, init=False)
    _last: dict[str, float] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        timeout = urllib3.Timeout(connect=self.settings.connect_timeout, read=self.settings.read_timeout)
        self._pool = urllib3.PoolManager(timeout=timeout, retries=False)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at `url`, following redirects; FetchError with the reason otherwise."""
        conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return _checked(self._follow(url, conditional, ask_robots=True))

    def _follow(self, url: str, headers: dict[str, str], ask_robots: bool) -> Response:
        """The answer at the end of `url`'s redirects (each target checked like the first URL)."""
        seen = [url]
        while True:
            if ask_robots:
                self.check_allowed(url)
            response = self._get_with_retries(url, headers)
            if response.status not in REDIRECTS:
                return response
            target = urljoin(url, response.headers.get("location", ""))
            _check_scheme(target, f"redirected to {target!r}: ")
            if target in seen:
                raise FetchError(f"redirect loop ({' -> '.join(seen + [target])})")
            if len(seen) > self.settings.max_redirects:
                raise FetchError(f"more than {self.settings.max_redirects} redirects")
            seen.append(target)
            url = target

    def check_allowed(self, url: str) -> None:
        _check_scheme(url)
        robots = self._robots_for(url)
        if isinstance(robots, str):
            raise FetchError(robots)
        if not robots.can_fetch(self.settings.user_agent, url):
            raise FetchError("disallowed by the site's robots.txt")

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's robots.txt, read once per run. As RFC 9309 says: none (4xx) allows all; one
        that cannot be read (5xx, no answer) forbids all, for the site may be overloaded."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                response = self._follow(origin + "/robots.txt", {}, ask_robots=False)
                status = response.status
            except FetchError as exc:
                self._robots[origin] = f"robots.txt could not be read ({exc}); the site is not fetched"
                return self._robots[origin]
            if 400 <= status < 500:
                parser.allow_all = True
            elif status >= 500:
                self._robots[origin] = f"robots.txt answered HTTP {status}; the site is not fetched"
                return self._robots[origin]
            else:
                parser.parse(response.body.decode("utf-8", "replace").splitlines())
            self._robots[origin] = parser
        return self._robots[origin]

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> Response:
        for attempt in range(self.settings.retries + 1):
            response = self._request(url, headers)
            if response.status not in RETRIED:
                return response
            if attempt == self.settings.retries:
                raise FetchError(f"HTTP {_status_text(response.status)} after {attempt + 1} attempts")
            wait = _retry_after(response.headers.get("retry-after"), self.settings.backoff * 2**attempt)
            if wait > self.settings.max_retry_wait:
                raise FetchError(f"HTTP {_status_text(response.status)}; the server asks to wait {wait:.0f} s, "
                                 f"more than the {self.settings.max_retry_wait:.0f} s briefgen waits")
            self.sleep(wait)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(url)
        self.requests += 1
        try:
            raw = self._pool.request("GET", url, headers={"User-Agent": self.settings.user_agent, **headers},
                                     redirect=False, preload_content=False)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchError(f"no answer within {self.settings.connect_timeout:g} s (connect) / "
                             f"{self.settings.read_timeout:g} s (read)") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"cannot connect ({_root_cause(exc)})") from exc
        try:
            head = {k.lower(): v for k, v in raw.headers.items()}
            body = self._read_capped(raw, head) if raw.status == 200 else b""
            return Response(url, raw.status, head, body)
        finally:
            raw.close()  # never reused: an error page's unread body would be read as the next answer
            raw.release_conn()

    def _read_capped(self, raw: urllib3.BaseHTTPResponse, headers: dict[str, str]) -> bytes:
        """The body, refused as soon as it is known to exceed the cap or the time limit."""
        cap = self.settings.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(f"the page is {int(declared) / 2**20:.1f} MiB, over the {cap / 2**20:g} MiB limit")
        deadline = self.clock() + self.settings.total_timeout
        chunks, size = [], 0
        try:
            while chunk := raw.read1(CHUNK):  # what has arrived: a trickle cannot hold a read open
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"the page is over the {cap / 2**20:g} MiB limit")
                if self.clock() > deadline:
                    raise FetchError(f"the page took more than {self.settings.total_timeout:g} s to arrive")
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchError(f"the server stopped sending for more than {self.settings.read_timeout:g} s") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"the page was cut off ({_root_cause(exc)})") from exc
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        """At most one request per `host_delay` seconds to a host (or its robots.txt Crawl-delay)."""
        host = urlsplit(url).netloc
        robots = self._robots.get(f"{urlsplit(url).scheme}://{host}")
        crawl_delay = robots.crawl_delay(self.settings.user_agent) if isinstance(robots, urllib.robotparser.RobotFileParser) else None
        # A Crawl-delay is honoured up to the longest wait briefgen accepts from a server at all.
        delay = max(self.settings.host_delay, min(float(crawl_delay or 0), self.settings.max_retry_wait))
        if host in self._last:
            remaining = self._last[host] + delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()


def _check_scheme(url: str, context: str = "") -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError(f"{context}only http and https are fetched, not {scheme + ':' if scheme else 'a relative address'}")


def _checked(response: Response) -> Response:
    if response.status in (200, 304):
        return response
    raise FetchError(f"HTTP {_status_text(response.status)}")


def _status_text(status: int) -> str:
    try:
        return f"{status} {http.HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _retry_after(value: str | None, default: float) -> float:
    """Retry-After in seconds (a number or an HTTP date); `default` (the backoff) if absent."""
    if not value:
        return default
    if value.strip().isdigit():
        return float(value)
    when = email.utils.parsedate_to_datetime(value) if email.utils.parsedate_tz(value) else None
    return max(0.0, when.timestamp() - time.time()) if when else default


def _root_cause(exc: BaseException) -> str:
    while exc.__context__ is not None and not str(exc):
        exc = exc.__context__
    reason = getattr(exc, "reason", None)
    return str(reason or exc)
