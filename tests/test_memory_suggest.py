"""Glossary suggestions from phrases analysts corrected the same way several times."""

from __future__ import annotations

from briefgen.memory import MemoryEntry
from briefgen.memory_suggest import suggest


def _entry(n: int, fr: str, machine: str, en: str) -> MemoryEntry:
    return MemoryEntry(fr, en, machine, "point", f"P{n}", "brief-2025-W38.docx", "Jane Analyst", "2025-09-22", n)


def test_a_correction_made_twice_is_proposed_with_its_french_term():
    entries = [
        _entry(1, "Le Conseil national de transition a voté le budget mardi.",
               "The National Council of transition voted the budget Tuesday.",
               "The National Transitional Council voted the budget Tuesday."),
        _entry(2, "Selon Bamako, le Conseil national de transition siégera en octobre.",
               "According to Bamako, the National Council of transition will sit in October.",
               "According to Bamako, the National Transitional Council will sit in October."),
        _entry(3, "Les FAMa ont riposté.", "The FAMa have riposted.", "The FAMa struck back."),
    ]
    [suggestion] = suggest(entries)
    assert (suggestion.fr, suggestion.en, suggestion.machine) == (
        "Conseil national de transition", "National Transitional Council", "National Council of transition")
    assert suggestion.count == 2 and suggestion.entries == (1, 2)
    assert suggestion.toml() == ('"Conseil national de transition" = "National Transitional Council"  '
                                 '# corrected 2 times from "National Council of transition"')


def test_one_off_rewordings_are_not_proposed():
    entries = [_entry(1, "Les FAMa ont riposté.", "The FAMa have riposted.", "The FAMa struck back."),
               _entry(2, "Le ministre est arrivé.", "The minister has arrived.", "The minister arrived.")]
    assert suggest(entries) == []


def test_a_common_word_correction_is_not_widened_to_the_names_around_it():
    entries = [
        _entry(1, "« Nous avons des équipements », a déclaré Rudy Atallah.",
               "« We have equipment », has declared Rudy Atallah.", "« We have equipment », said Rudy Atallah."),
        _entry(2, "Revenant sur la Russie, il a déclaré: « c'est souverain ».",
               "Returning on Russia, has declared: « it is sovereign ».", "Returning on Russia, said: « it is sovereign »."),
    ]
    [suggestion] = suggest(entries)
    assert (suggestion.machine, suggestion.en, suggestion.count) == ("has declared", "said", 2)
    assert suggestion.fr in {"déclaré", "a déclaré"}
