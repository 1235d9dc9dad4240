"""The translation memory (SQLite): one English per French, newer edits win, forgotten stays forgotten."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import OutputError
from briefgen.memory import MemoryEntry, TranslationMemory, known_translations, memory_path

FR = "Le Conseil  national de transition a adopté la loi."
MACHINE = "The National Council of Transition has adopted the law."


def _entry(en: str, modified: str, author: str = "Jane Analyst") -> MemoryEntry:
    return MemoryEntry(FR, en, MACHINE, "point", "P1", "brief-2025-W38.docx", author, modified)


def test_a_newer_edit_replaces_an_older_one_never_the_reverse(tmp_path: Path):
    with TranslationMemory(memory_path(tmp_path)) as memory:
        assert memory.record(_entry("The National Transitional Council adopted the law.", "2025-09-22T10:00:00+00:00"))
        assert not memory.record(_entry("An older wording.", "2025-09-21T10:00:00+00:00"))
        assert not memory.record(_entry("Same time, another copy of the point.", "2025-09-22T10:00:00+00:00"))
        assert memory.record(_entry("The Transitional Council passed the law.", "2025-09-23T08:00:00+00:00", "Sam Editor"))
        [entry] = memory.entries()
    assert (entry.en, entry.author, entry.id) == ("The Transitional Council passed the law.", "Sam Editor", 1)
    assert entry.machine == MACHINE  # the engine's English is kept from the first correction
    assert entry.fr == "Le Conseil national de transition a adopté la loi."  # whitespace-normalised
    assert known_translations(tmp_path) == {entry.fr: entry.en}


def test_a_forgotten_entry_is_not_harvested_again(tmp_path: Path):
    correction = _entry("The National Transitional Council adopted the law.", "2025-09-22T10:00:00+00:00")
    with TranslationMemory(memory_path(tmp_path)) as memory:
        memory.record(correction)
        forgotten = memory.forget(1)
        assert forgotten is not None and forgotten.en == correction.en
        assert memory.forget(1) is None
        assert not memory.record(correction)  # the same pair, read again from the edited brief
        assert memory.record(_entry("A new correction.", "2025-09-24T10:00:00+00:00"))
    assert list(known_translations(tmp_path).values()) == ["A new correction."]


def test_no_memory_file_is_created_just_to_look_up(tmp_path: Path):
    assert known_translations(tmp_path) == {}
    assert not memory_path(tmp_path).exists()


def test_an_unreadable_memory_says_what_to_do(tmp_path: Path):
    memory_path(tmp_path).write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(OutputError, match="cannot be read.*Move it away"):
        TranslationMemory(memory_path(tmp_path))
