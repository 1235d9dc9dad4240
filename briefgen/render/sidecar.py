"""The JSON sidecar: the brief as data, a public contract described by brief.schema.json.

Written by `write_json` and read back by `read_sidecar` only: preview and the comparison with the
previous week's brief both get a schema-checked, typed `Brief`, never a hand-parsed dict.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.errors import ConfigError
from briefgen.model import (
    CARRIED_OVER, Actor, Brief, Citation, Discrepancy, EngineInfo, Event, Period, Point, Section, Source, SourceWarning,
    TimelineEntry, Version,
)

SCHEMA_ID = "briefgen/brief@1"
SCHEMA_PATH = Path(__file__).parent.parent / "data" / "brief.schema.json"


def citation_dict(citation: Citation) -> dict[str, Any]:
    return {"source": citation.source, "paragraph": citation.paragraph, "quote": citation.quote}


def point_dict(point: Point) -> dict[str, Any]:
    return {
        "id": point.id,
        "fr": point.fr,
        "en": point.en,
        "section": point.section,
        "status": point.status,
        "corroboration": point.corroboration,
        "speaker": point.speaker,
        "hedged": point.hedged,
        "hedge": point.hedge,
        "dates_differ": point.dates_differ,
        "citations": [citation_dict(c) for c in point.citations],
    }


def event_dict(event: Event) -> dict[str, Any]:
    """An event record: its English (from templates), parties, place, dates, hedge, versions, reports."""
    return {
        "id": event.id,
        "kind": event.kind,
        "en": event.en,
        "label": event.label,
        "actors": event.actors,
        "others": event.others,
        "place": event.place,
        "date": {
            "start": event.start.isoformat() if event.start else None,
            "end": event.end.isoformat() if event.end else None,
            "precision": event.precision,
        },
        "negated": event.negated,
        "expected": event.expected,
        "hedged": event.hedged,
        "background": event.background,
        "versions": [version_dict(v) for v in event.versions],
        "citations": [citation_dict(c) for c in event.citations],
    }


def version_dict(version: Version) -> dict[str, Any]:
    return {"value": version.value, "value_en": version.value_en, "citations": [citation_dict(c) for c in version.citations]}


def source_dict(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "path": source.path.as_posix(),
        "sha256": source.sha256,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "place": source.place,
        "date": source.date.isoformat() if source.date else None,
        "date_precision": source.date_precision,
        "language": source.language,
        "url": source.url,
        "words": source.words,
        "background": source.background,
    }


def changes_summary(brief: Brief) -> str:
    """One sentence for the top of the brief ("New this week")."""
    if brief.previous_week is None:
        return "First brief in this folder: there is no previous brief to compare with, so every point is new."
    new = len(brief.new_this_week)
    carried = len(brief.unique_points()) - new
    return f"{new} new point{'s' if new != 1 else ''} since the brief for {brief.previous_week}; {carried} carried over."


def changes_dict(brief: Brief) -> dict[str, Any]:
    """The JSON sidecar's "changes" member."""
    return {
        "previous_week": brief.previous_week,
        "new": list(brief.new_this_week),
        "carried_over": [p.id for p in brief.unique_points() if p.status == CARRIED_OVER],
        "summary": changes_summary(brief),
    }


def engine_dict(engine: EngineInfo) -> dict[str, str]:
    """An engine as the sidecar, the manifest and `build --json` name it."""
    return {"name": engine.name, "version": engine.version, "model": engine.model}


def warning_dict(warning: SourceWarning) -> dict[str, str]:
    return {"source": warning.source, "message": warning.message}


def brief_dict(brief: Brief) -> dict[str, Any]:
    if brief.period is None or brief.generated_at is None:
        raise ValueError("the brief has no period or generation time; run the pipeline first")
    engine = brief.engine
    return {
        "schema": SCHEMA_ID,
        "briefgen_version": __version__,
        "period": {"week": brief.period.week, "start": brief.period.start.isoformat(), "end": brief.period.end.isoformat()},
        "generated_at": brief.generated_at.isoformat(),
        "engine": engine_dict(engine) if engine else {"name": "none", "version": "", "model": ""},
        "sources": [source_dict(s) for s in brief.sources],
        "key_judgements": [point_dict(p) for p in brief.key_judgements],
        "developments": [event_dict(e) for e in brief.developments if e.en],
        "events": [event_dict(e) for e in brief.events],
        "sections": [
            {"key": s.key, "title": {"en": s.title_en, "fr": s.title_fr}, "points": [point_dict(p) for p in s.points]}
            for s in brief.sections
        ],
        "timeline": [
            {"date": t.date, "precision": t.precision, "fr": t.fr, "en": t.en, "label": t.label, "hedged": t.hedged,
             "event": t.event, "citations": [citation_dict(c) for c in t.citations]}
            for t in brief.timeline
        ],
        "actors": [
            {"name": a.name, "name_en": a.name_en, "kind": a.kind, "role": a.role, "role_en": a.role_en, "sources": a.sources, "mentions": a.mentions, "variants": a.variants}
            for a in brief.actors
        ],
        "discrepancies": [
            {
                "topic": d.topic,
                "versions": [version_dict(v) for v in d.versions],
            }
            for d in brief.discrepancies
        ],
        "changes": changes_dict(brief),
        "warnings": [warning_dict(w) for w in brief.warnings],
    }


def to_json(brief: Brief) -> str:
    """Stable text: same brief, same bytes (sorted keys are avoided to keep a readable order)."""
    return json.dumps(brief_dict(brief), ensure_ascii=False, indent=2) + "\n"


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if `data` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, load_schema(), format_checker=jsonschema.FormatChecker())


def write_json(brief: Brief, out: Path) -> None:
    out.write_text(to_json(brief), encoding="utf-8")


def read_sidecar(path: Path) -> Brief:
    """The brief a sidecar holds, checked against the schema first; a ConfigError says why not.

    Source texts are not in the sidecar: a source comes back with its metadata and an empty text.
    """
    import jsonschema

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path} does not exist. Name a brief-*.json written by `briefgen build`.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read {path} ({getattr(exc, 'strerror', None) or exc}).") from exc
    except ValueError as exc:
        raise ConfigError(f"{path} is not valid JSON ({exc}). Rebuild it with `briefgen build`.") from exc
    try:
        validate(data)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "top level"
        raise ConfigError(f"{path} is not a briefgen brief ({where}: {exc.message}). Rebuild it with `briefgen build`.") from exc
    return brief_from_dict(data)


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """The inverse of brief_dict for a schema-valid sidecar."""
    period, engine, changes = data["period"], data["engine"], data.get("changes") or {}
    return Brief(
        sources=[_source(s) for s in data["sources"]],
        warnings=[SourceWarning(w["source"], w["message"]) for w in data["warnings"]],
        sections=[Section(s["key"], s["title"]["en"], s["title"]["fr"], [_point(p) for p in s["points"]]) for s in data["sections"]],
        key_judgements=[_point(p) for p in data["key_judgements"]],
        developments=[_event(e) for e in data.get("developments", [])],
        events=[_event(e) for e in data.get("events", [])],
        timeline=[TimelineEntry(t["date"], t.get("precision", "day"), t["fr"], _citations(t["citations"]), t.get("en", "")) for t in data["timeline"]],
        actors=[
            Actor(a["name"], a["kind"], a.get("role"), list(a["sources"]), a.get("mentions", 0), list(a.get("variants", [])),
                  a.get("role_en"), a.get("name_en"))
            for a in data["actors"]
        ],
        discrepancies=[
            Discrepancy(d["topic"], [_version(v) for v in d["versions"]]) for d in data["discrepancies"]
        ],
        period=Period(period["week"], dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])),
        generated_at=dt.datetime.fromisoformat(data["generated_at"]),
        engine=None if engine["name"] == "none" else EngineInfo(engine["name"], engine["version"], engine["model"]),
        previous_week=changes.get("previous_week"),
        new_this_week=list(changes.get("new", [])),
    )


def _citations(items: list[dict[str, Any]]) -> list[Citation]:
    return [Citation(c["source"], c["paragraph"], c["quote"]) for c in items]


def _point(item: dict[str, Any]) -> Point:
    return Point(item["id"], item["fr"], _citations(item["citations"]), item.get("section", ""), en=item.get("en", ""), status=item.get("status", ""))


def _version(item: dict[str, Any]) -> Version:
    return Version(item["value"], _citations(item["citations"]), item.get("value_en"))


def _event(item: dict[str, Any]) -> Event:
    date = item["date"]
    start, end = date.get("start"), date.get("end")
    return Event(
        id=item["id"], kind=item["kind"], actors=list(item["actors"]), others=list(item.get("others", [])), place=item["place"],
        start=dt.date.fromisoformat(start) if start else None, end=dt.date.fromisoformat(end) if end else None,
        precision=date.get("precision", ""), citations=_citations(item["citations"]), negated=item.get("negated", False),
        expected=item.get("expected", False), hedged=item["hedged"], background=item.get("background", False), versions=[_version(v) for v in item["versions"]],
        en=item["en"], label=item.get("label", ""),
    )


def _source(item: dict[str, Any]) -> Source:
    date = item.get("date")
    return Source(
        id=item["id"], path=Path(item["path"]), sha256=item.get("sha256", ""), text="", title=item.get("title"),
        outlet=item.get("outlet"), author=item.get("author"), place=item.get("place"),
        date=dt.date.fromisoformat(date) if date else None, date_precision=item.get("date_precision"),
        language=item.get("language", "fr"), url=item.get("url"), background=bool(item.get("background", False)),
    )
