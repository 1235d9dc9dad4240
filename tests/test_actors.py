"""Actors: people and organisations, role as stated, name variants merged."""

from __future__ import annotations

from briefs import make_brief, make_source

from briefgen.actors import find_actors

ARTICLE_A = [
    [
        "Rudy Atallah, conseiller de Donald Trump pour la lutte antiterroriste, s'est rendu au Mali.",
        "Il a été reçu par le ministre des Affaires étrangères Abdoulaye Diop.",
    ],
    ["Le président de transition Assimi Goïta n'a pas reçu la délégation."],
    ["Le Mali participe à des programmes tels que Juniper Shield et Obsidian Mosaic."],
]
ARTICLE_B = [
    [
        "Rudolph Atallah, directeur adjoint principal pour la lutte contre le terrorisme, a effectué une visite.",
        "D'après Attalah, la coopération reste possible.",
        "Goita a rencontré le président russe Vladimir Poutine.",
    ],
    ["Le sous-secrétaire d'État adjoint William B. Stevens s'est rendu à Bamako."],
    ["M. Stevens a déclaré que la lutte est partagée, selon la Confédération des États du Sahel (AES)."],
]
ARTICLE_C = [["Rudolph Atallah, directeur adjoint principal, a rencontré William Stevens et la CIA."]]


def actors():
    brief = make_brief(make_source("A", ARTICLE_A), make_source("B", ARTICLE_B), make_source("C", ARTICLE_C))
    return {a.name: a for a in find_actors(brief).actors}


def test_name_variants_are_merged():
    found = actors()
    atallah = found["Rudolph Atallah"]
    assert atallah.variants == ["Rudy Atallah"]
    assert atallah.mentions == 4  # includes the misspelt "Attalah"
    assert atallah.sources == ["A", "B", "C"]
    assert "Rudy Atallah" not in found
    goita = next(a for name, a in found.items() if name.startswith("Assimi"))
    assert goita.mentions == 2
    stevens = next(a for name, a in found.items() if name.endswith("Stevens"))
    assert set([stevens.name, *stevens.variants]) == {"William Stevens", "William B. Stevens"}


def test_roles_are_quoted_as_the_sources_state_them():
    found = actors()
    assert found["Rudolph Atallah"].role.startswith("directeur adjoint principal")  # 2 sources of 3
    assert found["Abdoulaye Diop"].role == "ministre des Affaires étrangères"
    assert (found["Vladimir Poutine"].kind, found["Vladimir Poutine"].role) == ("person", "président russe")


def test_programme_names_are_not_people_and_acronyms_are_organisations():
    found = actors()
    assert "Juniper Shield" not in found and "Obsidian Mosaic" not in found
    assert found["CIA"].kind == "organisation"
    aes = next(a for a in found.values() if a.name_en == "Alliance of Sahel States")
    assert {aes.name, *aes.variants} == {"Confédération des États du Sahel", "AES"}  # one row, both spellings


def test_roles_and_names_in_english_from_the_gazetteer():
    found = actors()
    assert found["Abdoulaye Diop"].role_en == "Foreign Minister"
    assert found["Vladimir Poutine"].name_en == "Vladimir Putin"
    assert found["Vladimir Poutine"].role_en == "Russian President"
    goita = next(a for name, a in found.items() if name.startswith("Assimi"))
    assert goita.role_en == "Transitional President"
    [trump] = find_actors(make_brief(make_source("T", [["Donald Trump a reçu cinq chefs d'État africains."]]))).actors
    assert (trump.role, trump.role_en) == (None, "US President")  # stated nowhere: a well-known person's role
    assert found["Rudolph Atallah"].role_en == "Principal Deputy Director for Counterterrorism"


def test_a_colleague_holds_the_office_of_the_person_before_and_organisations_are_one_row_each():
    brief = make_brief(make_source("A", [[
        "La délégation américaine s'est réunie avec la partie malienne conduite par le ministre des Affaires "
        "étrangères et de la coopération internationale, Abdoulaye Diop, accompagné de son collègue de la "
        "sécurité et de la protection civile, Daoud Aly Mohammedine.",
        "Il est directeur adjoint principal de la lutte contre le terrorisme au Conseil de Sécurité nationale, à "
        "l'US Africa Command et à la Maison Blanche, selon le Bureau de l'Information et de la Presse du ministère.",
    ]]))  # fmt: skip
    found = {a.name: a for a in find_actors(brief).actors}
    assert found["Daoud Aly Mohammedine"].role == "ministre de la sécurité et de la protection civile"
    assert found["Daoud Aly Mohammedine"].role_en == "Minister of Security and Civil Protection"
    organisations = {a.name_en for a in found.values() if a.kind == "organisation"}
    assert organisations == {"US National Security Council", "US Africa Command (AFRICOM)", "White House",
                             "Information and Press Office (Malian Foreign Ministry)"}  # no "US", no cut-off names
