from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError, EngineUnavailableError
from briefgen.model import Actor, Brief, Citation, Discrepancy, EnglishFrame, Point, Section, Source, TimelineEntry, Version
from briefgen.translate.stage import translate_brief, translate_file, translate_texts


def source(source_id: str, language: str = "fr") -> Source:
    return Source(id=source_id, path=Path(f"{source_id}.txt"), sha256="0" * 64, text="", language=language)


def point(pid: str, fr: str, *sources: str) -> Point:
    return Point(id=pid, fr=fr, citations=[Citation(s, 1, fr) for s in sources])


def small_brief() -> Brief:
    shared = point("p1", "Le JNIM a attaqué Bamako.", "fr1")
    english = point("p3", "The envoy met the minister.", "en1")
    mixed = point("p4", "Moscou reçoit Assimi Goïta.", "fr1", "en1")
    return Brief(
        sources=[source("fr1"), source("en1", "en")],
        sections=[
            Section("security", "Security", "Sécurité", [shared, point("p2", "La lutte antiterroriste continue.", "fr1")]),
            Section("russia", "Russia", "Russie", [english, mixed]),
        ],
        key_judgements=[shared],
        timeline=[TimelineEntry("2025-07-09", "day", "Le JNIM a attaqué Bamako.", [Citation("fr1", 1, "x")])],
    )


def test_fills_every_english_field_once_per_distinct_text(fake, config):
    brief = translate_brief(small_brief(), fake, config)
    by_id = {p.id: p for p in brief.points()}
    assert by_id["p1"].en == "EN[Le JNIM a attaqué Bamako.]"
    assert by_id["p2"].en == "EN[La counterterrorism continue.]"
    assert by_id["p3"].en == "The envoy met the minister."  # all citations English: kept as is
    assert by_id["p4"].en == "EN[Moscou reçoit Assimi Goïta.]"  # one French citation: translated
    assert brief.key_judgements[0].en == by_id["p1"].en
    assert brief.timeline[0].en == by_id["p1"].en
    assert brief.engine == fake.info
    assert sorted(fake.sentences_seen) == [
        "La XKA continue.",
        "Le XKA a attaqué Bamako.",
        "Moscou reçoit XKA.",
    ]


def test_second_run_translates_nothing(fake, fake_class, config):
    translate_brief(small_brief(), fake, config)
    assert fake.calls
    again = fake_class()
    brief = translate_brief(small_brief(), again, config)
    assert again.calls == []
    assert brief.points()[0].en == "EN[Le JNIM a attaqué Bamako.]"


def test_lost_placeholders_fall_back_to_plain_translation(fake_class, config):
    lossy = fake_class(drop_placeholders=True)
    out = translate_texts(["Selon Rudy Atallah, l'AQMI recule."], lossy, config)
    assert out == {"Selon Rudy Atallah, l'AQMI recule.": "EN[Selon Rudy Atallah, l'AQIM recule.]"}
    assert lossy.calls == [["Selon XKA, l'XKB recule."], ["Selon Rudy Atallah, l'AQMI recule."]]


def test_batches_follow_config_batch_size(fake, config):
    translate_texts([f"Phrase numéro {i}." for i in range(10)], fake, config)
    assert [len(c) for c in fake.calls] == [4, 4, 2]


def test_corrupted_cache_is_rebuilt_with_a_warning(fake, config):
    config.cache.parent.mkdir(parents=True)
    config.cache.write_bytes(b"this is not a database" * 50)
    brief = translate_brief(small_brief(), fake, config)
    assert brief.points()[0].en.startswith("EN[")
    assert len(brief.warnings) == 1 and brief.warnings[0].source == ""
    assert "moved to" in brief.warnings[0].message and "rebuilt" in brief.warnings[0].message
    assert config.cache.with_name(config.cache.name + ".corrupt").exists()


def test_misaligned_engine_output_is_an_error(fake_class, config):
    class Broken(fake_class):
        def translate_batch(self, sentences):
            return super().translate_batch(sentences)[:-1]

    with pytest.raises(EngineUnavailableError, match="returned 1 translations for 2"):
        translate_texts(["Un.", "Deux."], Broken(), config)


def test_translate_file_keeps_one_line_per_line(fake, config, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Bonjour.\n\nLe JNIM.\r\n   \nBonjour.\n", encoding="utf-8")
    assert translate_file(path, fake, config) == ["EN[Bonjour.]", "", "EN[Le JNIM.]", "", "EN[Bonjour.]"]


def test_empty_file_gives_no_lines(fake, config, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert translate_file(path, fake, config) == []
    assert fake.calls == []


def test_translate_file_rejects_non_utf8(fake, config, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("élève".encode("latin-1"))
    with pytest.raises(BriefgenError, match="UTF-8"):
        translate_file(path, fake, config)


def test_the_roles_of_the_actors_the_document_lists_are_translated(fake, config):
    brief = small_brief()
    brief.actors = [
        Actor("Rudy Atallah", "person", "conseiller pour la lutte antiterroriste", ["fr1"], mentions=5),
        Actor("Jean Dupont", "person", "porte-parole du gouvernement", ["fr1"], mentions=1),
        Actor("Jane Roe", "person", "State Department spokeswoman", ["en1"], mentions=4),
    ]
    translate_brief(brief, fake, replace(config, max_actors=2))
    atallah, dupont, roe = brief.actors
    assert atallah.role_en == "EN[conseiller pour la counterterrorism]"  # through the glossary, like points
    assert dupont.role_en is None  # not listed in the document (max_actors=2): not translated
    assert roe.role_en == "State Department spokeswoman"  # stated by English sources only


def test_organisation_names_and_discrepancy_values_are_translated_people_keep_their_names(fake, config):
    brief = small_brief()
    brief.actors = [
        Actor("Maison Blanche", "organisation", None, ["fr1"], mentions=5),
        Actor("Vladimir Poutine", "person", "président russe", ["fr1"], mentions=4),
        Actor("Assimi Goïta", "person", None, ["fr1"], mentions=3),
    ]
    brief.discrepancies = [Discrepancy("Dates of the visit", [
        Version("mercredi 9 juillet (2025-07-09)", [Citation("fr1", 1, "x")]),
    ])]
    translate_brief(brief, fake, config)
    house, putin, goita = brief.actors
    assert house.name_en == "EN[White House]"  # the same path as points: glossary, then the engine
    assert putin.name_en == "Vladimir Putin" and goita.name_en == "Assimi Goïta"  # glossary only, never MT
    assert brief.discrepancies[0].versions[0].value_en == "EN[mercredi 9 juillet] (2025-07-09)"


def test_french_words_left_in_the_english_are_counted(fake_class, config):
    class LeavesOneWord(fake_class):
        def translate_batch(self, sentences):
            return [s.replace("attaqué", "*attaqué*") for s in super().translate_batch(sentences)]

    brief = translate_brief(small_brief(), LeavesOneWord(), config)
    assert brief.untranslated == ["attaqué", "attaqué"]  # the point and its timeline entry


def test_the_translation_memory_replaces_the_engine_for_exact_matches_only(fake, config):
    memory = {"Le JNIM a attaqué Bamako.": "JNIM attacked Bamako (analyst)."}
    brief = translate_brief(small_brief(), fake, config, memory)
    by_id = {p.id: p for p in brief.points()}
    assert by_id["p1"].en == "JNIM attacked Bamako (analyst)."
    assert brief.key_judgements[0].en == brief.timeline[0].en == by_id["p1"].en
    assert by_id["p2"].en == "EN[La counterterrorism continue.]"  # not in the memory: the engine's
    assert "Le XKA a attaqué Bamako." not in fake.sentences_seen  # never sent to the engine
    assert brief.from_memory == {"Le JNIM a attaqué Bamako."}


def test_the_memory_matches_whatever_the_spacing(fake, config):
    brief = small_brief()
    brief.sections[0].points[1].fr = "La lutte  antiterroriste\ncontinue."
    translated = translate_brief(brief, fake, config, {"La lutte antiterroriste continue.": "Counterterrorism goes on."})
    assert translated.sections[0].points[1].en == "Counterterrorism goes on."


def test_framed_points_translate_only_their_french_pieces(fake, config):
    framed = point("p5", "Revenant sur la Russie, il a déclaré : « C'est une décision souveraine ».", "fr1")
    framed.frames = [EnglishFrame("{0}, [Atallah] said: {1}", ["Revenant sur la Russie", "« C'est une décision souveraine »."])]
    framed.dates_differ = ["2025-07-13"]
    brief = Brief(sources=[source("fr1")], sections=[Section("russia", "Russia", "Russie", [framed])])
    translate_brief(brief, fake, config)
    assert framed.en == (
        "EN[Revenant sur la XKA], [Atallah] said: EN[« C'est une décision souveraine ».] "
        "[Sources differ on the date: also 13 July 2025.]"
    ).replace("XKA", "Russie")
    assert "Atallah" not in " ".join(fake.sentences_seen)  # editorial words are never machine-translated
