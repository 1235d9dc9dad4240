"""What a brief covers: honest spans, background events, and warnings about dates that cannot be right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.config import load_config
from briefgen.coverage import check_source_dates, cover, current_events, events_span, published_span, warn_outside_week
from briefgen.model import Brief, Citation, Coverage, Period, Source, TimelineEntry
from briefgen.pipeline import analyse


def source(sid: str, date: dt.date, precision: str = "day") -> Source:
    return Source(sid, Path(f"/data/{sid}.txt"), "0" * 64, "", date=date, date_precision=precision)


def entry(date: str, precision: str, quote: str, *sources: str) -> TimelineEntry:
    return TimelineEntry(date, precision, quote, [Citation(s, 1, quote) for s in sources])


def test_the_sample_covers_july_news_published_until_september(seeds_dir: Path):
    brief = analyse([seeds_dir], load_config())
    assert published_span(brief) == (dt.date(2025, 7, 9), dt.date(2025, 9, 16))
    assert events_span(brief) == (dt.date(2025, 6, 17), dt.date(2025, 7, 22))
    background = {e.date for e in brief.timeline} - {e.date for e in current_events(brief)}
    assert {"2022-10", "2023-07", "2025-02"} <= background  # recalled, months before the articles
    warnings = [w for w in brief.warnings if "reports as past" in w.message]
    assert [(Path(w.source).name, w.message.split(";")[0]) for w in warnings] == [
        ("003_383812e2435e21cc.txt", "dated 2025-07-13 but reports as past events of 2025-07-21 to 2025-07-22")]


def test_a_source_announcing_a_later_event_is_not_misdated():
    brief = Brief(sources=[source("a", dt.date(2025, 7, 13))], timeline=[
        entry("2025-07-21/2025-07-22", "range", "Le sous-secrétaire doit se rendre à Bamako les 21 et 22 juillet.", "a"),
        entry("2025-07-25", "day", "La prochaine réunion aura lieu le 25 juillet.", "a"),
    ])
    assert not check_source_dates(brief, load_config()).warnings


def test_a_source_dated_to_the_month_may_report_any_day_of_it():
    brief = Brief(sources=[source("a", dt.date(2025, 7, 1), "month")], timeline=[
        entry("2025-07-22", "day", "Il a annoncé, le 22 juillet dernier, son soutien.", "a")])
    assert not check_source_dates(brief, load_config()).warnings


def test_weekly_warns_when_the_weeks_sources_retell_older_news():
    config = load_config()
    sources = [source("a", dt.date(2025, 9, 16))]
    old = [entry(f"2025-07-{d:02d}", "day", "La visite a eu lieu.", "a") for d in (8, 9, 13)]
    brief = Brief(sources=sources, timeline=old + [entry("2025-09-15", "day", "Le ministre a parlé.", "a")],
                  period=Period.from_week("2025-W38"))
    warn_outside_week(brief, config)
    assert [w.message for w in brief.warnings] == [
        "3 of the 4 dated events the sources report fall outside 2025-W38 and its look-back (they date from "
        "2025-07-08 to 2025-07-13): the brief may be mostly older news or background; check what the sources "
        "report"]
    brief = Brief(sources=sources, timeline=old[:1] + [entry("2025-09-15", "day", "Il a parlé.", "a")] * 2,
                  period=Period.from_week("2025-W38"))
    warn_outside_week(brief, config)
    assert not brief.warnings


def test_background_is_what_ended_a_month_before_the_earliest_source():
    brief = Brief(sources=[source("a", dt.date(2025, 7, 9)), source("b", dt.date(2025, 9, 16))], timeline=[
        entry("2022-10", "month", "La dernière visite remontait à octobre 2022.", "a"),
        entry("2025-06-07", "day", "Le 7 juin, le ministre a reçu l'ambassadeur.", "a"),
        entry("2025-06-08", "day", "Le 8 juin, le ministre a reçu l'envoyé.", "a"),
        entry("2025-07-08/2025-07-11", "range", "Du 8 au 11 juillet, il a effectué une visite.", "b"),
    ])
    assert [e.date for e in current_events(brief)] == ["2025-06-08", "2025-07-08/2025-07-11"]
    assert events_span(brief) == (dt.date(2025, 6, 8), dt.date(2025, 7, 11))


def test_the_coverage_stage_records_spans_and_background_rows_for_the_renderers():
    recalled = entry("2022-10", "month", "La dernière visite remontait à octobre 2022.", "a")
    visit = entry("2025-07-08/2025-07-11", "range", "Du 8 au 11 juillet, il a effectué une visite.", "b")
    brief = cover(Brief(sources=[source("a", dt.date(2025, 7, 9)), source("b", dt.date(2025, 9, 16))],
                        timeline=[recalled, visit]), load_config())
    assert brief.coverage == Coverage((dt.date(2025, 7, 9), dt.date(2025, 9, 16)), (dt.date(2025, 7, 8), dt.date(2025, 7, 11)))
    assert (recalled.background, visit.background) == (True, False)
