"""The JSON sidecar: the brief as data, a public contract described by brief.schema.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen import __version__
from briefgen.model import Brief, Citation, Point, Source

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


def brief_dict(brief: Brief) -> dict[str, Any]:
    from briefgen.history import changes_dict  # loads the similarity code: not needed by `sources`

    if brief.period is None or brief.generated_at is None:
        raise ValueError("the brief has no period or generation time; run the pipeline first")
    engine = brief.engine
    return {
        "schema": SCHEMA_ID,
        "briefgen_version": __version__,
        "period": {"week": brief.period.week, "start": brief.period.start.isoformat(), "end": brief.period.end.isoformat()},
        "generated_at": brief.generated_at.isoformat(),
        "engine": {"name": engine.name, "version": engine.version, "model": engine.model} if engine else {"name": "none", "version": "", "model": ""},
        "sources": [source_dict(s) for s in brief.sources],
        "key_judgements": [point_dict(p) for p in brief.key_judgements],
        "sections": [
            {"key": s.key, "title": {"en": s.title_en, "fr": s.title_fr}, "points": [point_dict(p) for p in s.points]}
            for s in brief.sections
        ],
        "timeline": [
            {"date": t.date, "precision": t.precision, "fr": t.fr, "en": t.en, "hedged": t.hedged,
             "citations": [citation_dict(c) for c in t.citations]}
            for t in brief.timeline
        ],
        "actors": [
            {"name": a.name, "name_en": a.name_en, "kind": a.kind, "role": a.role, "role_en": a.role_en, "sources": a.sources, "mentions": a.mentions, "variants": a.variants}
            for a in brief.actors
        ],
        "discrepancies": [
            {
                "topic": d.topic,
                "versions": [{"value": v["value"], "value_en": v.get("value_en"), "citations": [citation_dict(c) for c in v["citations"]]} for v in d.versions],
            }
            for d in brief.discrepancies
        ],
        "changes": changes_dict(brief),
        "warnings": [{"source": w.source, "message": w.message} for w in brief.warnings],
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
