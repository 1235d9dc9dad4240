"""The explicit list of stages, and `run()`: sources in, translated Brief out, nothing written.

Each stage takes the Brief and fills in the fields it owns (see model.py). The translator comes in
as a parameter so tests can pass a fake and the CLI the real engine. build.py wraps this in the
use case (lock, up-to-date check, weekly window, history, notes, writing). A stage's name is also
its key in registry.STAGES, which gives its progress label.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from briefgen.actors import find_actors
from briefgen.classify import classify
from briefgen.config import Config
from briefgen.coverage import cover
from briefgen.discrepancies import find_discrepancies
from briefgen.errors import NoUsableSourcesError
from briefgen.events import extract_events
from briefgen.ingest import ingest
from briefgen.model import Brief, Period
from briefgen.parse import parse
from briefgen.segment import segment
from briefgen.select import select
from briefgen.timeline import build_timeline
from briefgen.translate import Translator, translate_brief

Stage = Callable[[Brief, Config], Brief]
# Analysis stages, in order; each is (name shown to the user, function).
ANALYSIS_STAGES: list[tuple[str, Stage]] = [
    ("segment", lambda brief, config: segment(brief)),
    ("classify", classify),
    ("parse", parse),
    ("select", select),
    ("actors", lambda brief, config: find_actors(brief)),
    ("events", extract_events),
    ("timeline", lambda brief, config: build_timeline(brief)),
    ("coverage", cover),
    ("discrepancies", lambda brief, config: find_discrepancies(brief)),
]

Report = Callable[[str], None]


def generation_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that two builds can be byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def choose_period(brief: Brief, now: dt.datetime) -> Period:
    """The ISO week of the newest dated source, else this week (when no week is asked for)."""
    dates = [s.date for s in brief.sources if s.date]
    if dates:
        return Period.containing(max(dates))
    brief.warn("", "no source states a date; the brief is named after the current week")
    return Period.containing(now.date())


def analyse(
    paths: list[Path],
    config: Config,
    report: Report = lambda stage: None,
    keep: Callable[[Brief], Brief] = lambda brief: brief,
    stages: list[tuple[str, Stage]] = ANALYSIS_STAGES,
) -> Brief:
    """Everything up to translation: ingest, `keep` the sources to brief, then the analysis stages."""
    report("ingest")
    brief = ingest(paths)
    if not brief.sources:
        raise NoUsableSourcesError(_nothing_usable(paths, brief))
    brief = keep(brief)
    for name, stage in stages:
        report(name)
        brief = stage(brief, config)
    return brief


def run(paths: list[Path], config: Config, translator: Translator, period: Period | None = None, report: Report = lambda stage: None) -> Brief:
    """Build the whole Brief in memory (nothing written), for `period` or the newest source's week.

    build.py does the same around its weekly window, then compares, merges notes and writes."""
    brief = analyse(paths, config, report)
    brief.generated_at = generation_time()
    brief.period = period or choose_period(brief, brief.generated_at)
    report("translate")
    return translate_brief(brief, translator, config)


def _nothing_usable(paths: list[Path], brief: Brief) -> str:
    listed = "; ".join(f"{w.source}: {w.message}" for w in brief.warnings[:5])
    where = ", ".join(str(p) for p in paths) or "(no paths given)"
    detail = f" Problems: {listed}." if listed else ""
    return f"No usable French article found in {where}.{detail} Nothing was written."
