"""One collect run: feeds -> article addresses -> fetch -> extract -> deduplicate -> save, with
every address's outcome recorded in the collection log and reported.

Nothing here prints: each outcome goes to the `progress` callback and into the returned report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefgen.collect.extract import Article, NoArticle, extract
from briefgen.collect.feeds import FeedEntry, FeedError, parse_feed
from briefgen.collect.fetch import Fetcher, FetchError
from briefgen.collect.log import DUPLICATE, FAILED, SAVED, SKIPPED, CollectionLog, opened
from briefgen.collect.save import save
from briefgen.config import CollectSettings, Config
from briefgen.errors import ConfigError
from briefgen.render.text import plural

NEW, HAD = "new", "had"  # the other outcomes are SKIPPED and FAILED, as in the log


@dataclass
class Outcome:
    url: str
    status: str  # new, had, skipped or failed (feeds: new means read, had means unchanged)
    reason: str = ""
    path: Path | None = None
    kind: str = "article"  # or "feed"


@dataclass
class CollectReport:
    into: Path
    outcomes: list[Outcome] = field(default_factory=list)
    requests: int = 0
    notes: list[str] = field(default_factory=list)

    def articles(self, status: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind == "article" and o.status == status]

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    def as_dict(self) -> dict:
        return {
            "into": str(self.into),
            "counts": {status: len(self.articles(status)) for status in (NEW, HAD, SKIPPED, FAILED)},
            "requests": self.requests,
            "outcomes": [{"url": o.url, "kind": o.kind, "status": o.status, "reason": o.reason,
                          "path": str(o.path) if o.path else None} for o in self.outcomes],
            "notes": self.notes,
        }


Progress = Callable[[Outcome], None]


def collect(settings: CollectSettings, now: dt.datetime | None = None, progress: Progress | None = None) -> CollectReport:
    """Collect `settings.feeds` and `settings.urls` into `settings.into`."""
    if not settings.feeds and not settings.urls:
        raise ConfigError("Nothing to collect: give --feed or --url, or list feeds/urls under [collect] in briefgen.toml.")
    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        settings.into.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"Cannot create {settings.into} ({exc.strerror}); choose another --into.") from exc
    report = CollectReport(settings.into)
    with opened(settings.into) as log:
        report.notes += [log.note] if log.note else []
        run = _Run(settings, Fetcher(settings), log, report, now, progress or (lambda outcome: None))
        entries = [FeedEntry(url) for url in settings.urls]
        for feed in settings.feeds:
            entries += run.read_feed(feed)
        seen: set[str] = set()
        for entry in entries:
            if entry.url not in seen:
                seen.add(entry.url)
                run.article(entry)
    report.requests = run.fetcher.requests
    return report


def collect_into(folder: Path, config: Config) -> CollectReport:
    """`weekly --collect`: the configured feeds and pages, into the folder the week is built from."""
    return collect(replace(config.collect, into=folder))


@dataclass
class _Run:
    settings: CollectSettings
    fetcher: Fetcher
    log: CollectionLog
    report: CollectReport
    now: dt.datetime
    progress: Progress

    def _done(self, outcome: Outcome) -> None:
        self.report.outcomes.append(outcome)
        self.progress(outcome)

    def read_feed(self, feed: str) -> list[FeedEntry]:
        etag, last_modified = self.log.validators(feed)
        try:
            response = self.fetcher.get(feed, etag, last_modified)
            if response.status == 304:
                self._done(Outcome(feed, HAD, "unchanged since the last collect", kind="feed"))
                return [FeedEntry(url, feed=feed) for url in self.log.failed_from(feed)]
            parsed = parse_feed(response.body, feed)
        except (FetchError, FeedError) as exc:
            self._done(Outcome(feed, FAILED, str(exc), kind="feed"))
            return []
        self.log.record_feed(feed, response.headers.get("etag"), response.headers.get("last-modified"), self.now)
        reason = parsed.note or ("the feed has no entries" if not parsed.entries else plural(len(parsed.entries), "entry", "entries"))
        self._done(Outcome(feed, NEW, reason, kind="feed"))
        return parsed.entries

    def article(self, entry: FeedEntry) -> None:
        if known := self.log.done(entry.url):
            reason = f"{known.status} on {known.at[:10]}" + (f": {known.reason}" if known.reason else "")
            self._done(Outcome(entry.url, HAD, reason, Path(known.file) if known.file else None))
            return
        try:
            article = _with_feed_hints(extract(self.fetcher.get(entry.url), self.now.date()), entry)
        except FetchError as exc:
            return self._logged(entry, FAILED, str(exc))
        except NoArticle as exc:
            return self._logged(entry, SKIPPED, str(exc))
        except Exception as exc:  # noqa: BLE001  a page that breaks the extractor must not sink the others
            return self._logged(entry, FAILED, f"the page could not be read ({type(exc).__name__}: {exc})")
        if article.language != "fr":
            return self._logged(entry, SKIPPED, f"not in French (language: {article.language})")
        content_hash = hashlib.sha256(" ".join(article.text.split()).encode()).hexdigest()
        if earlier := self.log.saved_as(article.url, content_hash):
            return self._logged(entry, DUPLICATE, f"same article as {Path(earlier).name}", canonical=article.url)
        try:
            path = save(article, self.settings.into, self.now)
        except OSError as exc:
            return self._logged(entry, FAILED, f"cannot write into {self.settings.into} ({exc.strerror})")
        self._logged(entry, SAVED, "; ".join(article.notes), canonical=article.url, content_hash=content_hash, file=path)

    def _logged(self, entry: FeedEntry, status: str, reason: str, canonical: str | None = None,
                content_hash: str | None = None, file: Path | None = None) -> None:
        self.log.record(entry.url, status, self.now, reason or None, canonical, content_hash, str(file) if file else None, entry.feed)
        self._done(Outcome(entry.url, {SAVED: NEW, DUPLICATE: HAD}.get(status, status), reason, file))


def _with_feed_hints(article: Article, entry: FeedEntry) -> Article:
    """What the feed said about the article fills what the page did not state."""
    return replace(article, title=article.title or entry.title, date=article.date or entry.date)
