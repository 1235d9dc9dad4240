"""The JSON sidecar keeps its public contract (briefgen/brief@1)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from briefgen.model import Brief, Citation, EngineInfo, Period, Point, Section, Source, TimelineEntry
from briefgen.render.sidecar import brief_dict, to_json, validate


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
