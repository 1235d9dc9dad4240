"""What changed since the last brief: new and carried-over points by fact identity, and the last brief found."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.history import load_previous, mark_changes, previous_sidecar
from briefgen.model import CARRIED_OVER, NEW
from briefgen.render.sidecar import changes_dict, changes_summary
from briefgen.model import Brief, Citation, Period, Point, Section
from briefgen.render.sidecar import to_json

# Two outlets reporting one event in different words (seeds 001 and 003), and an unrelated fact.
VISIT = "Le ministre des Affaires étrangères Abdoulaye Diop a reçu mercredi à Bamako l'envoyé spécial américain Rudy Atallah."
VISIT_REWORDED = "Rudy Atallah, envoyé spécial américain, a été reçu à Bamako par le ministre des Affaires étrangères Abdoulaye Diop."
GOLD = "Le président a posé la première pierre d'une usine de traitement d'or à Sénou."
DRONE = "Une frappe de drone a visé des chefs du JNIM près de Tombouctou."


def _point(pid: str, fr: str, source: str = "S1") -> Point:
    return Point(pid, fr, [Citation(source, 1, fr)], "diplomacy")


def _brief(week: str, *points: Point, key_judgements: int = 0) -> Brief:
    brief = Brief(period=Period.from_week(week), generated_at=dt.datetime(2025, 9, 22, 6, tzinfo=dt.timezone.utc))
    brief.sections = [Section("diplomacy", "Diplomacy", "Diplomatie", list(points))]
    brief.key_judgements = list(points[:key_judgements])
    return brief


def _write(out: Path, brief: Brief) -> Path:
    out.mkdir(exist_ok=True)
    path = out / f"brief-{brief.period.week}.json"
    path.write_text(to_json(brief), encoding="utf-8")
    return path


def test_first_brief_has_no_previous_one(tmp_path):
    brief = mark_changes(_brief("2025-W38", _point("P1", VISIT)), load_previous(tmp_path, _brief("2025-W38")))
    assert brief.previous_week is None
    assert [p.status for p in brief.points()] == [NEW]
    assert brief.new_this_week == ["P1"]
    assert changes_summary(brief) == "First brief in this folder: there is no previous brief to compare with, so every point is new."


def test_points_are_matched_by_fact_not_by_exact_text(tmp_path):
    _write(tmp_path, _brief("2025-W37", _point("Pvisit", VISIT), _point("Pgold", GOLD)))
    brief = _brief(
        "2025-W38",
        _point("Pvisit", VISIT),  # same point
        _point("Pother-id", GOLD, source="S9"),  # same sentence, now chosen from another article
        _point("Preworded", VISIT_REWORDED, source="S3"),  # the same event told by another outlet
        _point("Pdrone", DRONE),
        key_judgements=1,
    )
    brief.points()[2].citations.append(Citation("S4", 2, "« Nous avons des équipements adéquats », a déclaré Rudy Atallah."))
    mark_changes(brief, load_previous(tmp_path, brief))
    assert {p.id: p.status for p in brief.points()} == {
        "Pvisit": CARRIED_OVER, "Pother-id": CARRIED_OVER, "Preworded": CARRIED_OVER, "Pdrone": NEW,
    }  # fmt: skip
    assert brief.key_judgements[0].status == CARRIED_OVER
    assert brief.previous_week == "2025-W37"
    assert brief.new_this_week == ["Pdrone"]
    assert changes_summary(brief) == "1 new point since the brief for 2025-W37; 3 carried over."
    assert changes_dict(brief) == {
        "previous_week": "2025-W37", "new": ["Pdrone"], "carried_over": ["Pvisit", "Pother-id", "Preworded"],
        "summary": changes_summary(brief),
    }  # fmt: skip


def test_a_shared_subject_alone_is_not_the_same_fact(tmp_path):
    _write(tmp_path, _brief("2025-W37", _point("Pvisit", VISIT)))
    other = "Abdoulaye Diop a annoncé la réouverture de la frontière avec l'Algérie."
    brief = _brief("2025-W38", _point("Pborder", other))
    mark_changes(brief, load_previous(tmp_path, brief))
    assert brief.points()[0].status == NEW


def test_the_newest_earlier_brief_is_the_previous_one(tmp_path):
    for week in ("2025-W30", "2025-W36", "2025-W38", "2025-W40"):
        _write(tmp_path, _brief(week))
    for name in ("brief-latest.json", "brief-2025-W37.manifest.json", "brief-2025-W37.v2.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert previous_sidecar(tmp_path, "2025-W38") == tmp_path / "brief-2025-W36.json"  # a skipped week is fine
    assert previous_sidecar(tmp_path, "2025-W30") is None  # never the brief itself or a later one
    assert previous_sidecar(tmp_path, "2026-W01") == tmp_path / "brief-2025-W40.json"


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b'{"period": {"week": "2025-W37"}}', b'{"period": 3, "sections": []}',
     b'{"period": {"week": "2025-W37"}, "sections": [{"points": [{"id": "P1", "citations": ["x"]}]}]}', b"[]", b""],
)
def test_a_corrupted_previous_brief_is_a_warning_and_everything_is_new(tmp_path, content):
    (tmp_path / "brief-2025-W37.json").write_bytes(content)
    brief = _brief("2025-W38", _point("P1", VISIT))
    mark_changes(brief, load_previous(tmp_path, brief))
    assert brief.previous_week is None
    assert brief.new_this_week == ["P1"]
    [warning] = brief.warnings
    assert warning.source == str(tmp_path / "brief-2025-W37.json")
    assert "previous brief unreadable" in warning.message


def test_the_previous_brief_is_read_from_the_json_contract(tmp_path):
    path = _write(tmp_path, _brief("2025-W37", _point("Pvisit", VISIT), key_judgements=1))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["key_judgements"][0]["id"] == "Pvisit"
    week, facts = load_previous(tmp_path, _brief("2025-W38"))
    assert week == "2025-W37"
    assert [(f.id, f.quotes) for f in facts] == [("Pvisit", (VISIT,))]  # a key judgement is also its section's point: one fact
