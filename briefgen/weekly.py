"""Which sources a weekly brief uses: those dated in its ISO week, a look-back, optional older context.

A folder of articles grows week after week; `briefgen weekly` briefs one ISO week from it. A source
counts from the day it is dated (a month-precision date covers the whole month); an undated source
counts from its file's modification day, with a warning naming it, so nothing is dropped silently.
Older articles can be kept as background (`context_days`, `Source.background`): the stages that
read them confine them to the sections configured `background = true` (Russia context), never a
key judgement, a key development, another section or the timeline (classify, select, events,
timeline; `Brief.current`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ConfigError, NoUsableSourcesError
from briefgen.model import Brief, Period, Source


@dataclass(frozen=True)
class Window:
    """The days whose sources a brief uses: [start, period.end], plus [context_start, start) as background."""

    period: Period
    start: dt.date
    context_start: dt.date

    def describe(self) -> str:
        return f"{self.start.isoformat()} to {self.period.end.isoformat()}"


def last_complete_week(today: dt.date) -> Period:
    """The ISO week before the one containing `today`: what a Monday-morning run should brief."""
    return Period.containing(today - dt.timedelta(days=7))


def week_window(period: Period, lookback_days: int, context_days: int = 0) -> Window:
    if lookback_days < 0 or context_days < 0:
        raise ConfigError("lookback_days and context_days must be 0 or more.")
    start = period.start - dt.timedelta(days=lookback_days)
    return Window(period, start, start - dt.timedelta(days=context_days))


def source_days(source: Source) -> tuple[dt.date, dt.date] | None:
    """First and last day the source may date from: one day, or a whole month for "date 2025-07"."""
    if source.date is None:
        return None
    if source.date_precision == "month":
        last = calendar.monthrange(source.date.year, source.date.month)[1]
        return source.date.replace(day=1), source.date.replace(day=last)
    return source.date, source.date


def modification_day(path: Path) -> dt.date:
    """The file's modification day in UTC (UTC so that every machine places it in the same week)."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).date()


def select_week_sources(brief: Brief, period: Period, lookback_days: int = 7, context_days: int = 0) -> Brief:
    """Keep the sources of `period` (with the look-back); older ones within `context_days` as background.

    Undated sources are placed by file modification day, with a warning naming each one kept.
    Raises NoUsableSourcesError when no source falls in the week or its look-back.
    """
    window = week_window(period, lookback_days, context_days)
    kept: list[Source] = []
    for source in brief.sources:
        days, fallback = _days(source)
        if days is None:
            continue
        first, last = days
        if last < window.context_start or first > period.end:
            continue
        source.background = last < window.start
        kept.append(source)
        if fallback:
            brief.warn(source.path, f"no publication date found; placed by its file modification date {first.isoformat()} (UTC)")
    if not any(not s.background for s in kept):
        raise NoUsableSourcesError(_nothing_in_window(brief, window))
    brief.sources = kept
    return brief


def _days(source: Source) -> tuple[tuple[dt.date, dt.date] | None, bool]:
    days = source_days(source)
    if days is not None:
        return days, False
    try:
        day = modification_day(source.path)
    except OSError:
        return None, False  # the file vanished since it was read: nothing left to date it by
    return (day, day), True


def _nothing_in_window(brief: Brief, window: Window) -> str:
    return (
        f"No source is dated in {window.period.week} or its look-back ({window.describe()}) among the "
        f"{len(brief.sources)} article(s) read. Add articles for that week, choose another with --week, or "
        "use `briefgen build` to brief every article regardless of date. Nothing was written."
    )
