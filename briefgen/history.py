"""What changed since the last brief: each point is new or carried over, by fact identity.

The last brief is the newest `brief-<week>.json` in the output folder for a week before this one
(normally the previous week; a skipped week does not make everything "new"). A point is carried
over when it states a fact the last brief stated, even in other words or from another article:
same point id, a shared cited sentence, or sentences that selection itself would merge as one
fact (TF-IDF cosine over content stems at or above merge.MERGE_SIMILARITY).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.french import fold, normalise
from briefgen.merge import MERGE_SIMILARITY, vectorise
from briefgen.model import CARRIED_OVER, NEW, Brief, Point
from briefgen.outdir import briefs_by_week
from briefgen.render.sidecar import read_sidecar


@dataclass(frozen=True)
class Fact:
    """What identifies a previous point: its id and its French statements (its text and cited quotes)."""

    id: str
    quotes: tuple[str, ...]


def previous_sidecar(out_dir: Path, week: str) -> Path | None:
    """The newest brief JSON in `out_dir` for a week before `week` (ISO week names sort in time order)."""
    earlier = [path for name, path in briefs_by_week(out_dir).items() if name < week]
    return earlier[-1] if earlier else None


def load_previous(out_dir: Path, brief: Brief) -> tuple[str, list[Fact]] | None:
    """(week, facts) of the last brief, or None; an unreadable one is a warning on `brief`, not a failure."""
    assert brief.period is not None
    path = previous_sidecar(out_dir, brief.period.week)
    if path is None:
        return None
    try:
        previous = read_sidecar(path)
    except ConfigError as exc:
        brief.warn(path, f"previous brief unreadable ({exc}); every point is marked new")
        return None
    assert previous.period is not None  # the schema requires it
    return previous.period.week, [_fact(point) for point in previous.unique_points()]


def mark_changes(brief: Brief, previous: tuple[str, list[Fact]] | None) -> Brief:
    """Fill Point.status, Brief.previous_week and Brief.new_this_week (in brief order)."""
    week, facts = previous if previous else (None, [])
    brief.previous_week = week
    points = brief.unique_points()
    carried = carried_over(points, facts)
    for point in [*brief.key_judgements, *brief.points()]:
        point.status = CARRIED_OVER if point.id in carried else NEW
    brief.new_this_week = [p.id for p in points if p.id not in carried]
    return brief


def carried_over(points: list[Point], facts: list[Fact]) -> set[str]:
    """Ids of `points` that state one of `facts`: same id, a shared sentence, or a merge-level match."""
    if not facts:
        return set()
    ids = {fact.id for fact in facts}
    previous = sorted({q for fact in facts for q in fact.quotes})
    known = {_key(q) for q in previous}
    carried = {p.id for p in points if p.id in ids or any(_key(q) in known for q in _statements(p))}
    current = [(p.id, q) for p in points if p.id not in carried for q in _statements(p)]
    if not current:
        return carried
    matrix = vectorise([q for _, q in current] + previous)
    similarity = (matrix[: len(current)] @ matrix[len(current) :].T).toarray()
    for (point_id, _), row in zip(current, similarity):
        if row.max(initial=0.0) >= MERGE_SIMILARITY:
            carried.add(point_id)
    return carried


def _statements(point: Point) -> list[str]:
    return sorted({q for q in (point.fr, *(c.quote for c in point.citations)) if q.strip()})


def _key(text: str) -> str:
    """Folded, whitespace-normalised: typography differences do not hide a shared sentence."""
    return normalise(fold(text))


def _fact(point: Point) -> Fact:
    return Fact(point.id, tuple(_statements(point)))
