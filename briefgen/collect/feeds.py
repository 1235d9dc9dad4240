"""A feed's bytes -> the articles it links to (RSS 0.9x, 1.0, 2.0 and Atom, by feedparser).

feedparser is only ever given bytes: given a string it would fetch it as a URL itself, around
the fetcher's limits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from briefgen.errors import BriefgenError
from briefgen.render.text import plural


# Query parameters feeds add to count clicks ("?utm_source=rss", "?xtor=RSS-3"): the same article
# without them, so that it is fetched and logged once. (courlan's normalize_url would also drop
# SPIP's valueless "?article10457", which names the article.)
TRACKING = re.compile(r"utm_\w+|xtor|at_\w+|fbclid|gclid|mc_cid|mc_eid", re.IGNORECASE)


class FeedError(BriefgenError):
    """The feed cannot be read; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None  # used when the page itself does not state it
    date: dt.date | None = None
    feed: str | None = None  # the feed that listed it (None: given directly)


@dataclass
class Feed:
    entries: list[FeedEntry]
    note: str | None = None  # e.g. a malformed feed read in part


def parse_feed(data: bytes, feed_url: str) -> Feed:
    import feedparser  # loaded only by `collect`

    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        reason = f" ({_first_line(problem)})" if problem else ""
        raise FeedError(f"not an RSS or Atom feed{reason}")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if link:
            entries.append(FeedEntry(without_tracking(urljoin(feed_url, link.strip())), entry.get("title") or None, _date(entry), feed_url))
    note = f"the feed is malformed ({_first_line(problem)}); {plural(len(entries), 'entry', 'entries')} read" if problem and parsed.get("bozo") else None
    return Feed(entries, note)


def without_tracking(url: str) -> str:
    """`url` without click-counting parameters and fragment; every other parameter kept as written."""
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.fullmatch(k)]
    query = parts.query if len(kept) == len(parse_qsl(parts.query, keep_blank_values=True)) else urlencode(kept)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _date(entry) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*stamp[:3]) if stamp else None


def _first_line(problem: object) -> str:
    return str(problem).strip().split("\n")[0] or type(problem).__name__
