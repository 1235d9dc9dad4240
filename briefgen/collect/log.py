"""The collection log: SQLite beside the sources, one row per URL with what became of it.

A URL saved, found to be a duplicate or skipped for good (not French, no article) is never fetched
again; one that failed (timeout, 5xx, robots.txt) is tried again next time. Feeds keep their
ETag and Last-Modified for conditional GETs. The file is hidden, so `build` never reads it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

LOG_NAME = ".briefgen-collect.sqlite"
SAVED, DUPLICATE, SKIPPED, FAILED = "saved", "duplicate", "skipped", "failed"
FINAL = (SAVED, DUPLICATE, SKIPPED)
SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT, canonical TEXT, content_hash TEXT, file TEXT, at TEXT NOT NULL,
    feed TEXT);
CREATE INDEX IF NOT EXISTS pages_canonical ON pages (canonical);
CREATE INDEX IF NOT EXISTS pages_hash ON pages (content_hash);
CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, at TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Entry:
    url: str
    status: str
    reason: str | None
    file: str | None
    at: str


class CollectionLog:
    def __init__(self, folder: Path) -> None:
        self.path = folder / LOG_NAME
        self.note: str | None = None  # set when a damaged log had to be put aside
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{LOG_NAME}.damaged")
            self.path.replace(aside)
            self.note = f"the collection log was damaged ({exc}); moved to {aside.name} and started afresh"
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.executescript(SCHEMA)
        return db

    def close(self) -> None:
        self._db.close()

    def done(self, url: str) -> Entry | None:
        """What became of `url` if it needs no new fetch: collected (under it or as a canonical
        address), a duplicate, or skipped for good."""
        row = self._db.execute(
            f"SELECT url, status, reason, file, at FROM pages WHERE (url = ? AND status IN ({','.join('?' * len(FINAL))}))"
            " OR (canonical = ? AND status = ?) LIMIT 1", (url, *FINAL, url, SAVED),
        ).fetchone()
        return Entry(*row) if row else None

    def saved_as(self, canonical: str, content_hash: str) -> str | None:
        """The file of an article already saved with this canonical address or this text."""
        row = self._db.execute("SELECT file FROM pages WHERE status = ? AND (canonical = ? OR content_hash = ?) LIMIT 1",
                               (SAVED, canonical, content_hash)).fetchone()
        return row[0] if row else None

    def record(self, url: str, status: str, at: dt.datetime, reason: str | None = None, canonical: str | None = None,
               content_hash: str | None = None, file: str | None = None, feed: str | None = None) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (url, status, reason, canonical, content_hash, file, at.isoformat(timespec="seconds"), feed))

    def failed_from(self, feed: str) -> list[str]:
        """Addresses this feed listed that failed: an unchanged feed (304) does not list them again."""
        return [row[0] for row in self._db.execute("SELECT url FROM pages WHERE feed = ? AND status = ? ORDER BY url", (feed, FAILED))]

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        """The feed's last ETag and Last-Modified, for a conditional GET."""
        row = self._db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def record_feed(self, feed: str, etag: str | None, last_modified: str | None, at: dt.datetime) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?)", (feed, etag, last_modified, at.isoformat(timespec="seconds")))


@contextlib.contextmanager
def opened(folder: Path):
    log = CollectionLog(folder)
    try:
        yield log
    finally:
        log.close()
