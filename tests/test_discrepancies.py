"""Discrepancies: different dates or figures for the same event, side by side with citations."""

from __future__ import annotations

import datetime as dt

from briefs import make_brief, make_source

from briefgen.actors import find_actors
from briefgen.discrepancies import find_discrepancies


def discrepancies(*sources):
    return find_discrepancies(find_actors(make_brief(*sources))).discrepancies


def test_disputed_visit_dates_are_listed_side_by_side():
    found = discrepancies(
        make_source("A", [["Le ministre a reçu mercredi 9 juillet l'envoyé Rudy Atallah, conseiller de Donald Trump.",
                           "Une visite de trois jours qui témoigne d'un intérêt nouveau."]],
                    dt.date(2025, 7, 1), "month"),  # fmt: skip
        make_source("B", [["Du 8 au 11 juillet 2025, Rudolph Atallah a effectué une visite officielle à Bamako."]]),
        make_source("C", [["L'envoyé Rudolph Atallah a conclu dimanche 13 juillet 2025 sa visite à Bamako."]]),
    )
    [dispute] = found
    assert "Atallah" in dispute.topic
    assert [v.value_en for v in dispute.versions] == ["8–11 July 2025", "9 July 2025", "ended 13 July 2025", "three days"]
    assert dispute.versions[0].value == "Du 8 au 11 juillet 2025 (2025-07-08/2025-07-11)"  # as written
    for version in dispute.versions:
        assert version.citations


def test_an_end_date_alone_is_not_a_competing_start_date():
    found = discrepancies(
        make_source("A", [["Du 8 au 13 juillet 2025, Rudolph Atallah a effectué une visite officielle à Bamako."]]),
        make_source("B", [["L'envoyé Rudolph Atallah a conclu dimanche 13 juillet 2025 sa visite à Bamako."]]),
    )
    assert found == []  # 13 July ends the 8-13 July visit: both hold


def test_an_end_date_that_is_not_the_ranges_last_day_is_a_discrepancy():
    [dispute] = discrepancies(
        make_source("A", [["Du 8 au 11 juillet 2025, Rudolph Atallah a effectué une visite officielle à Bamako."]]),
        make_source("B", [["L'envoyé Rudolph Atallah a conclu dimanche 13 juillet 2025 sa visite à Bamako."]]),
    )
    assert [v.value_en for v in dispute.versions] == ["8–11 July 2025", "ended 13 July 2025"]


def test_several_days_fits_any_duration():
    found = discrepancies(
        make_source("A", [["Rudy Atallah, conseiller de Donald Trump, s'est rendu au Mali pour une visite de trois jours."]]),
        make_source("B", [["L'envoyé Rudolph Atallah a achevé sa visite de plusieurs jours à Bamako."]]),
    )
    assert found == []


def test_consistent_dates_are_not_a_discrepancy():
    found = discrepancies(
        make_source("A", [["William Stevens, envoyé spécial, s'est rendu à Bamako les 21 et 22 juillet 2025."]]),
        make_source("B", [["Le 22 juillet 2025, au terme d'une visite, William Stevens a annoncé une aide."]]),
    )
    assert found == []


def test_different_figures_for_the_same_attack():
    found = discrepancies(
        make_source("A", [["Au moins 30 soldats ont été tués samedi dans l'attaque du camp militaire de Djibo."]]),
        make_source("B", [["Selon une source militaire, 47 soldats ont été tués dans l'attaque du camp de Djibo."]]),
    )
    [dispute] = found
    assert dispute.topic == "Number of soldiers reported"
    assert [v.value for v in dispute.versions] == ["30", "47"]
    assert {c.source for v in dispute.versions for c in v.citations} == {"A", "B"}


def test_a_visit_sentence_naming_several_people_is_dated_once(monkeypatch):
    import briefgen.discrepancies as module

    dated = []
    original = module.find_dates
    monkeypatch.setattr(module, "find_dates", lambda text, reference: dated.append(text) or original(text, reference))
    sentence = "Rudy Atallah et William Stevens ont effectué une visite à Bamako du 8 au 11 juillet 2025."
    found = discrepancies(
        make_source("A", [[sentence]]),
        make_source("B", [["Rudolph Atallah a conclu dimanche 13 juillet 2025 sa visite à Bamako."]]),
        make_source("C", [["William Stevens, envoyé spécial, a conclu le 20 juillet 2025 sa visite à Bamako."]]),
    )
    assert {d.topic for d in found} == {"Dates of Rudolph Atallah's visit", "Dates of William Stevens's visit"}
    assert dated.count(sentence) == 1  # dated once for both people: the work grows with the mentions
