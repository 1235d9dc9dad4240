"""Which sources a weekly brief uses: ISO weeks, the look-back, undated files, background context."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from briefgen.errors import ConfigError, NoUsableSourcesError
from briefgen.model import Period
from briefgen.model import parse_week
from briefgen.weekly import last_complete_week, select_week_sources, source_days, week_window
from briefs import make_brief, make_source

W38 = Period.from_week("2025-W38")  # Monday 15 to Sunday 21 September 2025


@pytest.mark.parametrize(
    ("text", "start"),
    [("2025-W38", dt.date(2025, 9, 15)), ("2026-W53", dt.date(2026, 12, 28)), ("2025-W01", dt.date(2024, 12, 30))],
)
def test_valid_weeks(text, start):
    period = parse_week(text)
    assert (period.week, period.start, period.end) == (text, start, start + dt.timedelta(days=6))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("../../etc", "YYYY-Www"),
        ("2025-W38/../../x", "YYYY-Www"),
        ("2025-w38", "YYYY-Www"),
        ("2025-38", "YYYY-Www"),
        ("2025-W5", "YYYY-Www"),
        (" 2025-W38", "YYYY-Www"),
        ("2025-W53", "2025 has weeks W01 to W52"),
        ("2025-W00", "does not exist"),
        ("0000-W01", "outside the calendar"),
    ],
)
def test_invalid_weeks_are_refused_with_the_expected_form(text, says):
    with pytest.raises(ConfigError, match=says):
        parse_week(text)


def test_week_names_follow_isocalendar_at_year_ends():
    assert Period.containing(dt.date(2027, 1, 1)).week == "2026-W53"  # not 2027-W00
    assert Period.containing(dt.date(2024, 12, 30)).week == "2025-W01"


def test_last_complete_week_is_the_one_before_today():
    assert last_complete_week(dt.date(2025, 9, 22)).week == "2025-W38"  # Monday morning run
    assert last_complete_week(dt.date(2025, 9, 21)).week == "2025-W37"  # Sunday: W38 is not over
    assert last_complete_week(dt.date(2027, 1, 4)).week == "2026-W53"


def test_month_precision_covers_the_whole_month():
    source = make_source("S1", [["Le ministre a parlé."]], dt.date(2025, 2, 1), precision="month")
    assert source_days(source) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))


def _dated(source_id: str, day: dt.date | None, precision: str = "day"):
    return make_source(source_id, [[f"Le ministre a reçu la délégation {source_id} à Bamako."]], day, precision)


def test_sources_of_the_week_and_its_look_back_are_kept():
    brief = make_brief(
        _dated("before", dt.date(2025, 9, 7)),  # one day before the 7-day look-back
        _dated("lookback", dt.date(2025, 9, 8)),  # first day of the look-back
        _dated("monday", dt.date(2025, 9, 15)),
        _dated("sunday", dt.date(2025, 9, 21)),
        _dated("after", dt.date(2025, 9, 22)),  # next week's news stays out of this brief
        _dated("month", dt.date(2025, 9, 1), "month"),  # September overlaps the week
        _dated("july", dt.date(2025, 7, 1), "month"),
    )
    kept = select_week_sources(brief, W38, lookback_days=7)
    assert [s.id for s in kept.sources] == ["lookback", "monday", "sunday", "month"]
    assert not any(s.background for s in kept.sources)
    assert kept.warnings == []


def test_look_back_is_configurable():
    brief = make_brief(_dated("lookback", dt.date(2025, 9, 8)), _dated("monday", dt.date(2025, 9, 15)))
    assert [s.id for s in select_week_sources(brief, W38, lookback_days=0).sources] == ["monday"]


def test_undated_sources_fall_back_to_the_file_date_with_a_warning_naming_them(tmp_path):
    inside, outside = _dated("inside", None), _dated("outside", None)
    for source, day in ((inside, dt.datetime(2025, 9, 17, 12)), (outside, dt.datetime(2025, 6, 2, 12))):
        source.path = tmp_path / f"{source.id}.txt"
        source.path.write_text(source.text, encoding="utf-8")
        stamp = day.replace(tzinfo=dt.timezone.utc).timestamp()
        os.utime(source.path, (stamp, stamp))
    brief = select_week_sources(make_brief(inside, outside, _dated("dated", dt.date(2025, 9, 16))), W38)
    assert [s.id for s in brief.sources] == ["inside", "dated"]
    assert [(w.source, w.message) for w in brief.warnings] == [
        (str(inside.path), "no publication date found; placed by its file modification date 2025-09-17 (UTC)")
    ]
    assert inside.date is None  # the publication date stays unknown in the brief's data


def test_older_context_is_kept_as_background_only_when_configured():
    sources = [_dated("old", dt.date(2025, 8, 20)), _dated("week", dt.date(2025, 9, 16))]
    assert [s.id for s in select_week_sources(make_brief(*sources), W38).sources] == ["week"]
    kept = select_week_sources(make_brief(*sources), W38, lookback_days=7, context_days=30)
    assert [(s.id, s.background) for s in kept.sources] == [("old", True), ("week", False)]
    assert week_window(W38, 7, 30).context_start == dt.date(2025, 8, 9)


def test_a_week_without_sources_is_a_clear_error():
    brief = make_brief(_dated("old", dt.date(2025, 7, 9)))
    with pytest.raises(NoUsableSourcesError, match=r"No source is dated in 2025-W38 or its look-back \(2025-09-08 to 2025-09-21\)"):
        select_week_sources(brief, W38)
    with pytest.raises(NoUsableSourcesError, match="briefgen build"):  # background alone makes no brief
        select_week_sources(make_brief(_dated("old", dt.date(2025, 9, 1))), W38, context_days=30)
