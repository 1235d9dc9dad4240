"""Timeline: dated events resolved against each article's date, merged across sources, cited."""

from __future__ import annotations

import datetime as dt

from briefs import make_brief, make_source

from briefgen.timeline import build_timeline

RECEIVED = "Rudy Atallah a été reçu mercredi 9 juillet par le ministre des Affaires étrangères Abdoulaye Diop."
ARRIVED = "Le mercredi 9 juillet 2025, Rudy Atallah a été reçu à Bamako par le ministre Abdoulaye Diop."
RANGE = "Du 8 au 11 juillet 2025, Rudolph Atallah a effectué une visite officielle à Bamako."
FEBRUARY = "En février dernier, des officiers américains avaient déjà rencontré des officiers maliens."
STRIKE = "Une frappe de drone aurait visé des dirigeants d'AQMI à la fin du mois de juillet."
UNDATED = "La coopération sécuritaire reste une priorité."


def timeline():
    brief = make_brief(
        make_source("A", [[RECEIVED, UNDATED], [FEBRUARY]], dt.date(2025, 7, 1), "month"),
        make_source("B", [[RANGE], [STRIKE]], dt.date(2025, 9, 16)),
        make_source("C", [[ARRIVED]], dt.date(2025, 7, 9)),
    )
    return brief, build_timeline(brief).timeline


def test_dates_are_resolved_and_sorted():
    _, entries = timeline()
    assert [(e.date, e.precision) for e in entries] == [
        ("2025-02", "month"),
        ("2025-07", "month"),
        ("2025-07-08/2025-07-11", "range"),
        ("2025-07-09", "day"),
    ]


def test_same_event_same_date_from_two_sources_is_one_entry_with_both_citations():
    _, entries = timeline()
    ninth = next(e for e in entries if e.date == "2025-07-09")
    assert {c.source for c in ninth.citations} == {"A", "C"}
    assert ninth.fr in (RECEIVED, ARRIVED)


def test_every_entry_quotes_its_exact_sentence():
    brief, entries = timeline()
    for entry in entries:
        assert entry.fr in [c.quote for c in entry.citations]
        for citation in entry.citations:
            assert brief.source(citation.source).text[citation.start : citation.end] == citation.quote


def test_a_source_without_date_contributes_only_absolute_dates():
    brief = make_brief(make_source("A", [[RECEIVED, RANGE]]))
    assert [e.date for e in build_timeline(brief).timeline] == ["2025-07-08/2025-07-11"]


def test_a_weekly_brief_has_no_row_only_background_articles_report():
    old = make_source("old", [[FEBRUARY]], dt.date(2025, 7, 1), "month")
    week = make_source("week", [[RANGE]], dt.date(2025, 9, 16))
    assert len(build_timeline(make_brief(old, week)).timeline) == 2
    old.background = True
    assert [e.citations[0].source for e in build_timeline(make_brief(old, week)).timeline] == ["week"]
