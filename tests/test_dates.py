"""French dates: publication dates for ingest, event dates resolved against the article's date."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.dates import DateRef, find_dates, find_durations, parse_full_date, parse_iso_date

JULY_2025 = DateRef(dt.date(2025, 7, 1), "month")  # "date 2025-07": written some time in July


def test_publication_date_parsers_keep_their_behaviour():
    assert parse_full_date("Bamako, 16 septembre 2025 - Les relations") == DateRef(dt.date(2025, 9, 16), "day")
    assert parse_full_date("le 1er juillet 2025") == DateRef(dt.date(2025, 7, 1), "day")
    assert parse_full_date("31 février 2025") is None
    assert parse_iso_date("date 2025-07 Rudy") == DateRef(dt.date(2025, 7, 1), "month")
    assert parse_iso_date("2025-07-09") == DateRef(dt.date(2025, 7, 9), "day")


@pytest.mark.parametrize(
    "text, reference, iso, precision",
    [
        ("reçu mercredi 9 juillet par le ministre", JULY_2025, "2025-07-09", "day"),
        ("Du 8 au 11 juillet 2025, Rudolph Atallah", None, "2025-07-08/2025-07-11", "range"),
        ("du 28 juin au 2 juillet", JULY_2025, "2025-06-28/2025-07-02", "range"),
        ("les 21 et 22 juillet de cette année", JULY_2025, "2025-07-21/2025-07-22", "range"),
        ("a conclu dimanche 13 juillet 2025 sa visite", None, "2025-07-13", "day"),
        ("a annoncé, le 22 juillet dernier, le", JULY_2025, "2025-07-22", "day"),
        ("En février dernier, des officiers", JULY_2025, "2025-02", "month"),
        ("à la fin du mois de juillet", JULY_2025, "2025-07", "month"),
        ("fin juillet", JULY_2025, "2025-07", "month"),
        ("au début du mois du directeur", JULY_2025, "2025-07", "month"),
        ("remontait à octobre 2022", None, "2022-10", "month"),
        ("en novembre dernier", DateRef(dt.date(2025, 6, 4), "day"), "2024-11", "month"),
    ],
)
def test_event_dates_are_resolved(text, reference, iso, precision):
    [mention] = find_dates(text, reference)
    assert (mention.iso, mention.precision) == (iso, precision)
    assert text[mention.start : mention.end] == mention.text


def test_weekday_picks_the_year_it_falls_in():
    # 9 July was a Wednesday in 2025, not in 2024: an article of January 2026 still means 2025.
    [mention] = find_dates("mercredi 9 juillet", DateRef(dt.date(2026, 1, 15), "day"))
    assert mention.first == dt.date(2025, 7, 9)


def test_without_a_reference_only_dates_with_a_year_resolve():
    assert find_dates("mercredi 9 juillet", None) == []
    assert [m.iso for m in find_dates("le 9 juillet 2025 puis en février dernier", None)] == ["2025-07-09"]


def test_durations():
    found = find_durations("Une visite de trois jours ; sa visite de plusieurs jours ; un séjour de 4 jours")
    assert [days for days, _, _ in found] == [3, None, 4]
