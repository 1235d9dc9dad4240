"""The JSON sidecar keeps its public contract (briefgen/brief@1)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest

from briefgen.errors import ConfigError
from briefgen.model import Actor, Brief, Citation, Discrepancy, EngineInfo, Event, Period, Point, Section, Source, TimelineEntry, Version
from briefgen.render.sidecar import brief_dict, read_sidecar, to_json, validate, write_json


def small_brief() -> Brief:
    text = "Le ministre a reçu l'envoyé. Il a parlé."
    source = Source(id="S0123456789", path=Path("seeds/a.txt"), sha256="0" * 64, text=text, date=dt.date(2025, 7, 9), date_precision="day")
    citation = Citation(source.id, 1, "Le ministre a reçu l'envoyé.", 0, 28)
    point = Point(id="p1", fr=citation.quote, citations=[citation], section="diplomacy", en="The minister received the envoy.")
    return Brief(
        sources=[source],
        sections=[Section("diplomacy", "Diplomacy", "Diplomatie", [point]), Section("economy", "Economy", "Économie", [])],
        key_judgements=[point],
        timeline=[TimelineEntry("2025-07-09", "day", citation.quote, [citation], "The minister received the envoy.")],
        period=Period.from_week("2025-W28"),
        generated_at=dt.datetime(2025, 7, 14, 6, 0, tzinfo=dt.timezone.utc),
        engine=EngineInfo("apertium", "3.8.3", "fra-cat|cat-eng"),
    )


def test_contract_fields_and_schema():
    data = brief_dict(small_brief())
    validate(data)
    assert data["schema"] == "briefgen/brief@1"
    assert data["period"] == {"week": "2025-W28", "start": "2025-07-07", "end": "2025-07-13"}
    assert set(data["sources"][0]) >= {"id", "path", "sha256", "title", "outlet", "author", "date", "language", "words"}
    point = data["sections"][0]["points"][0]
    assert set(point) >= {"id", "fr", "en", "citations"}
    assert point["citations"][0] == {"source": "S0123456789", "paragraph": 1, "quote": "Le ministre a reçu l'envoyé."}
    assert data["sections"][1]["points"] == []


def test_points_and_events_say_who_said_it_and_how_sure():
    brief = small_brief()
    point = brief.sections[0].points[0]
    point.speaker, point.hedge, point.hedged, point.dates_differ = "Atallah", "conditional", True, ["2025-07-13"]
    brief.timeline[0].hedged = True
    data = brief_dict(brief)
    validate(data)
    shown = data["sections"][0]["points"][0]
    assert (shown["speaker"], shown["hedge"], shown["hedged"], shown["dates_differ"]) == ("Atallah", "conditional", True, ["2025-07-13"])
    assert data["timeline"][0]["hedged"] is True
    point.hedge = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        validate(brief_dict(brief))


def test_schema_rejects_a_broken_contract():
    data = brief_dict(small_brief())
    del data["sections"][0]["points"][0]["citations"]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
    data = brief_dict(small_brief())
    data["period"]["week"] = "W28"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_json_is_stable_text():
    assert to_json(small_brief()) == to_json(small_brief())
    assert json.loads(to_json(small_brief()))["engine"]["name"] == "apertium"


def test_iso_weeks_come_from_isocalendar():
    assert Period.containing(dt.date(2027, 1, 1)).week == "2026-W53"
    assert Period.containing(dt.date(2025, 9, 16)).week == "2025-W38"
    assert Period.from_week("2026-W53").end == dt.date(2027, 1, 3)


def test_read_sidecar_gives_back_the_brief_written(tmp_path):
    brief = small_brief()
    citation = brief.key_judgements[0].citations[0]
    brief.actors = [Actor("Abdoulaye Diop", "person", "ministre", ["S0123456789"], 2, ["A. Diop"], "minister")]
    brief.discrepancies = [Discrepancy("Date of the visit", [Version("9 July", [citation]), Version("10 July", [citation])])]
    visit = Event("E1", "visit", ["Abdoulaye Diop"], [], "Moscou", dt.date(2025, 7, 9), dt.date(2025, 7, 10), "range", [citation],
                  versions=brief.discrepancies[0].versions, en="Abdoulaye Diop visited Moscow on 9–10 July 2025.", label="Diop in Moscow")
    signing = Event("E2", "agreement", [], [], None, None, None, "", [citation], expected=True, object_fr="un accord",
                    en="An agreement is expected to be signed.", label="An agreement expected")
    brief.events, brief.developments = [visit, signing], [visit]
    brief.warn("seeds/b.txt", "empty file; skipped")
    brief.previous_week, brief.new_this_week = "2025-W27", ["p1"]
    path = tmp_path / "brief-2025-W28.json"
    write_json(brief, path)
    again = read_sidecar(path)
    assert brief_dict(again) == json.loads(path.read_text(encoding="utf-8")) | {
        "sources": [{**brief_dict(brief)["sources"][0], "words": 0}]  # the sidecar holds no source text
    }
    assert again.discrepancies[0].versions[1] == Version("10 July", [Citation(citation.source, 1, citation.quote)])
    assert again.developments[0].start == dt.date(2025, 7, 9) and again.developments[0].versions == again.discrepancies[0].versions
    assert [e.expected for e in again.events] == [False, True]


@pytest.mark.parametrize("content, reason", [("{", "is not valid JSON"), ("{}", "is not a briefgen brief (top level")])
def test_read_sidecar_says_why_a_file_is_not_a_brief(tmp_path, content, reason):
    path = tmp_path / "brief.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(reason)):
        read_sidecar(path)
