"""The translation memory: analysts' corrected English for French texts, learnt from edited briefs.

One SQLite file per output folder (`<out>/translation-memory.sqlite`), shared by every brief built
there. An entry pairs a French text with the English an analyst wrote for it, with who edited it,
when, and in which brief and item. One English per French: a later edit replaces an earlier one,
never the reverse (an old edited DOCX still in the folder cannot undo a newer correction). An entry
removed with `forget` is remembered as forgotten so that the next harvest does not bring it back.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from briefgen.anchors import normalise
from briefgen.errors import OutputError

MEMORY_NAME = "translation-memory.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY,
    fr TEXT NOT NULL UNIQUE,
    en TEXT NOT NULL,
    machine TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL DEFAULT '',
    brief TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS forgotten (fr TEXT NOT NULL, en TEXT NOT NULL, PRIMARY KEY (fr, en));
"""


@dataclass(frozen=True)
class MemoryEntry:
    fr: str  # the French text, whitespace-normalised
    en: str  # the analyst's English
    machine: str = ""  # the English briefgen had written (engine output), for glossary suggestions
    kind: str = ""  # what was edited: "point", "key judgement", "actor role", or "" when imported
    item: str = ""  # the item's id in its brief (a point id; "" for items without one)
    brief: str = ""  # the DOCX the correction was read from
    author: str = ""  # the DOCX's last-modified-by
    modified: str = ""  # when the DOCX was last modified, ISO 8601 UTC
    id: int = 0  # assigned by the memory


def memory_path(out_dir: Path) -> Path:
    return out_dir / MEMORY_NAME


def known_translations(out_dir: Path) -> dict[str, str]:
    """The memory of `out_dir` as normalised French -> English ({} when there is none yet)."""
    if not memory_path(out_dir).is_file():
        return {}
    with TranslationMemory(memory_path(out_dir)) as memory:
        return memory.lookup()


class TranslationMemory:
    """The SQLite memory of one output folder; use as a context manager."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path)
            self.db.executescript(SCHEMA)
        except sqlite3.OperationalError as exc:  # full disk, unwritable folder
            raise OutputError(f"Could not write {path} ({exc}). Free some space or choose another --out.") from exc
        except (sqlite3.DatabaseError, OSError) as exc:
            raise OutputError(
                f"The translation memory {path} cannot be read ({exc}). Move it away (briefgen starts a new one); "
                "`briefgen memory import` reloads an export."
            ) from exc

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def record(self, entry: MemoryEntry) -> bool:
        """Store `entry` unless it is forgotten, already known, or not newer than the stored English
        (one DOCX holds a point twice, as a key judgement and in its section: the first edit read wins).

        Returns whether the memory changed."""
        fr, en = normalise(entry.fr), normalise(entry.en)
        if not fr or not en or self.db.execute("SELECT 1 FROM forgotten WHERE fr = ? AND en = ?", (fr, en)).fetchone():
            return False
        known = self.db.execute("SELECT en, machine, modified FROM entries WHERE fr = ?", (fr,)).fetchone()
        if known and (known[0] == en or known[2] >= entry.modified):
            return False
        machine = known[1] if known and known[1] else entry.machine  # keep the engine's first English
        values = asdict(entry) | {"fr": fr, "en": en, "machine": machine}
        del values["id"]
        with self.db:
            self.db.execute(
                f"INSERT INTO entries ({', '.join(values)}) VALUES ({', '.join('?' * len(values))}) "
                f"ON CONFLICT (fr) DO UPDATE SET {', '.join(f'{k} = excluded.{k}' for k in values if k != 'fr')}",
                tuple(values.values()),
            )
        return True

    def entries(self) -> list[MemoryEntry]:
        names = [f.name for f in fields(MemoryEntry)]
        rows = self.db.execute(f"SELECT {', '.join(names)} FROM entries ORDER BY id")
        return [MemoryEntry(**dict(zip(names, row))) for row in rows]

    def lookup(self) -> dict[str, str]:
        """Normalised French -> the analyst's English, for the translation stage."""
        return dict(self.db.execute("SELECT fr, en FROM entries"))

    def forget(self, entry_id: int) -> MemoryEntry | None:
        """Remove an entry for good (a harvest will not store the same pair again); None if unknown."""
        entry = next((e for e in self.entries() if e.id == entry_id), None)
        if entry is not None:
            with self.db:
                self.db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
                self.db.execute("INSERT OR IGNORE INTO forgotten (fr, en) VALUES (?, ?)", (entry.fr, entry.en))
        return entry
