"""Persistent SQLite translation cache, so a rebuild of the same sources translates nothing.

Keyed by engine name, model identity, glossary digest and the French sentence: a new model or a
changed glossary misses the cache instead of serving stale English. A file SQLite cannot read is
moved aside (kept for inspection) and a fresh cache is built; the caller records a warning.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from briefgen.model import EngineInfo

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    glossary TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (engine, model, glossary, source)
)
"""
# SQLite's variable limit is 32766 in current builds; stay well below it for old ones.
LOOKUP_CHUNK = 500


class TranslationCache:
    """Open with `with TranslationCache(path) as cache:`; `recovered_from` names a moved-aside file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered_from: Path | None = None
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> TranslationCache:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = _open(self.path)
        except sqlite3.DatabaseError:
            self.recovered_from = _move_aside(self.path)
            self._db = _open(self.path)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get_many(self, engine: EngineInfo, glossary: str, sources: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(sources))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), LOOKUP_CHUNK):
            part = wanted[start : start + LOOKUP_CHUNK]
            rows = self._conn().execute(
                "SELECT source, target FROM translations WHERE engine = ? AND model = ? AND glossary = ? "
                f"AND source IN ({', '.join('?' * len(part))})",
                (engine.name, engine.model, glossary, *part),
            )
            found.update(rows.fetchall())
        return found

    def put_many(self, engine: EngineInfo, glossary: str, pairs: dict[str, str]) -> None:
        with self._conn():  # one transaction
            self._conn().executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?)",
                [(engine.name, engine.model, glossary, fr, en) for fr, en in sorted(pairs.items())],
            )

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("TranslationCache used outside its `with` block")
        return self._db


def _open(path: Path) -> sqlite3.Connection:
    """Open and check the file; raises sqlite3.DatabaseError if it is not a healthy SQLite database."""
    db = sqlite3.connect(path)
    try:
        status = db.execute("PRAGMA quick_check").fetchone()
        if status is None or status[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {status}")
        db.execute(SCHEMA)
        db.execute("SELECT engine, model, glossary, source, target FROM translations LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _move_aside(path: Path) -> Path:
    """Rename the bad file to `<name>.corrupt`, `<name>.corrupt-2`, ... and return the new path."""
    target = path.with_name(path.name + ".corrupt")
    number = 2
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{number}")
        number += 1
    path.rename(target)
    for suffix in ("-journal", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return target
