"""A small but complete hand-made Brief (the shape the pipeline produces) and rendered files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.config import Config, SectionSpec
from briefgen.model import (
    Actor, Brief, Citation, Coverage, Discrepancy, EngineInfo, Paragraph, Period, Point, Section, Source, SourceWarning,
    TimelineEntry, Version,
)
from briefgen.render import render_docx, render_markdown

GENERATED_AT = dt.datetime(2025, 9, 20, 6, 0, tzinfo=dt.timezone.utc)
MARKING = "UNCLASSIFIED — FOR INTERNAL USE"

ARTICLES = {
    "rfi": dict(
        outlet="RFI", title="Mali : un conseiller de Donald Trump en visite à Bamako", author=None,
        date=dt.date(2025, 7, 11), precision="day", url="https://www.rfi.fr/fr/afrique/20250711-mali-atallah",
        paragraphs=[
            "Rudy Atallah, conseiller de Donald Trump pour la lutte antiterroriste, s'est rendu au Mali où il a été "
            "reçu mercredi 9 juillet par le ministre des Affaires étrangères Abdoulaye Diop. Une visite de trois "
            "jours qui témoigne de l'intérêt de la nouvelle administration américaine.",
            "Suspendue après le second coup d'État militaire de 2021, la coopération militaire américaine au Mali "
            "relevait jusqu'alors essentiellement de la formation des soldats maliens.",
            "Le communiqué du ministère malien des Affaires étrangères se félicite du « dialogue politique rénové "
            "et constructif » renoué avec les États-Unis.",
        ],
    ),
    "sahel": dict(
        outlet="Sahel Tribune", title="Mali–États-Unis : un renouveau stratégique", author="Chiencoro Diarra",
        date=dt.date(2025, 9, 16), precision="day", url=None,
        paragraphs=[
            "Du 8 au 11 juillet 2025, Rudolph Atallah, directeur adjoint principal pour la lutte contre le "
            "terrorisme au Conseil de sécurité nationale des États-Unis, a effectué une visite officielle à Bamako.",
            "Selon des sources médiatiques, la CIA aurait récemment augmenté le partage de renseignements avec le "
            "gouvernement malien.",
            "Cette coopération aurait potentiellement permis une frappe de drone ciblant des dirigeants d'Al-Qaïda "
            "au Maghreb islamique (AQMI) au Mali à la fin du mois de juillet.",
        ],
    ),
    "africapress": dict(
        outlet="Africa-Press", title="Assimi Goïta renoue avec les États-Unis", author="Anouar Chennoufi",
        date=dt.date(2025, 7, 14), precision="day", url="https://www.africa-press.net/mali/goita-renoue?a=1&b=2",
        paragraphs=[
            "L'envoyé spécial des États-Unis, Rudolph Atallah, a conclu dimanche 13 juillet 2025 sa visite de "
            "plusieurs jours à Bamako.",
            "Revenant sur les relations entre le Mali et la Russie, il a déclaré: « C'est une décision souveraine "
            "que nous respectons, mais le Mali reste un pays important pour nous ».",
            "Le sous-secrétaire d'État adjoint William B. Stevens s'est rendu à son tour à Bamako les 21 et 22 "
            "juillet.",
        ],
    ),
    "studio": dict(
        outlet="Studio Tamani", title="Washington veut une Chambre américaine de commerce au Mali", author=None,
        date=dt.date(2025, 7, 1), precision="month", url=None,
        paragraphs=[
            "Les États-Unis vont procéder sous peu à la création de la Chambre américaine de commerce, permettant à "
            "leurs investisseurs de s'installer au Mali.",
            "Les États-Unis restent engagés dans la lutte contre le terrorisme, a annoncé le 22 juillet dernier "
            "William Stevens.",
        ],
    ),
    "maliweb": dict(
        outlet=None, title="Lutte contre le terrorisme : Donald Trump propose son appui à Assimi Goïta",
        author=None, date=None, precision=None, url=None,
        paragraphs=[
            "C'est ainsi que le mercredi 9 juillet 2025 s'est rendue au Mali une mission de haut niveau dirigée "
            "par Rudy Atallah.",
            "Le partenaire russe a doté le Mali d'équipements militaires de haute technologie.",
        ],
    ),
}

# Sentence ends in the fixture texts: a period after a lower-case letter (not "William B. Stevens").
SENTENCE_END = re.compile(r"(?<=[a-zé»)][.!?])\s+")

SECTIONS = (
    SectionSpec("diplomacy", "Diplomacy", "Diplomatie"),
    SectionSpec("security", "Security", "Sécurité"),
    SectionSpec("economy", "Economy", "Économie"),
    SectionSpec("russia", "Russia context", "Contexte russe"),
)


def make_source(key: str) -> Source:
    spec = ARTICLES[key]
    text = "\n\n".join(spec["paragraphs"])
    paragraphs, offset = [], 0
    for number, para in enumerate(spec["paragraphs"], start=1):
        paragraphs.append(Paragraph(key, number, offset, para))
        offset += len(para) + 2
    return Source(
        id=key, path=Path(f"/data/{key}.txt"), sha256="0" * 64, text=text, paragraphs=paragraphs,
        title=spec["title"], outlet=spec["outlet"], author=spec["author"], date=spec["date"],
        date_precision=spec["precision"], url=spec["url"],
    )


def cite(source: Source, fragment: str) -> Citation:
    """The sentence of `source` containing `fragment`, as a citation (exact quote and offsets)."""
    for p in source.paragraphs:
        for quote in SENTENCE_END.split(p.text):
            if fragment in quote:
                begin = p.start + p.text.index(quote)
                return Citation(source.id, p.number, quote, begin, begin + len(quote))
    raise AssertionError(f"{fragment!r} not in {source.id}")


def build_brief() -> Brief:
    src = {key: make_source(key) for key in ARTICLES}

    def point(pid: str, section: str, en: str, *refs: tuple[str, str]) -> Point:
        citations = [cite(src[k], frag) for k, frag in refs]
        return Point(pid, citations[0].quote, citations, section, 1.0, en)

    visit = point("p-visit", "diplomacy", "Rudy Atallah, Donald Trump's counterterrorism adviser, visited Mali and "
                  "was received on Wednesday 9 July by Foreign Minister Abdoulaye Diop.",
                  ("rfi", "reçu mercredi 9 juillet"), ("sahel", "Du 8 au 11 juillet"),
                  ("maliweb", "mission de haut niveau"))
    dialogue = point("p-dialogue", "diplomacy", "The Malian foreign ministry welcomed a \"renewed and constructive "
                     "political dialogue\" with the United States.", ("rfi", "dialogue politique"))
    stevens = point("p-stevens", "diplomacy", "Deputy Assistant Secretary William B. Stevens in turn visited "
                    "Bamako on 21 and 22 July.", ("africapress", "William B. Stevens"), ("studio", "22 juillet"))
    intel = point("p-intel", "security", "According to media sources, the CIA has recently increased intelligence "
                  "sharing with the Malian government.", ("sahel", "partage de renseignements"))
    drone = point("p-drone", "security", "This cooperation may have enabled a drone strike against leaders of "
                  "al-Qaeda in the Islamic Maghreb (AQIM) in Mali at the end of July.", ("sahel", "frappe de drone"))
    chamber = point("p-chamber", "economy", "The United States will shortly create an American Chamber of Commerce, "
                    "allowing its investors to set up in Mali.", ("studio", "Chambre américaine de commerce"))
    training = point("p-training", "security", "Suspended after the second military coup of 2021, US military "
                     "cooperation in Mali had mainly consisted of training Malian soldiers.",
                     ("rfi", "formation des soldats"))
    russia = point("p-russia", "russia", "", ("africapress", "décision souveraine"))
    sections = [
        Section("diplomacy", "Diplomacy", "Diplomatie", [visit, dialogue, stevens]),
        Section("security", "Security", "Sécurité", [intel, drone, training]),
        Section("economy", "Economy", "Économie", [chamber]),
        Section("russia", "Russia context", "Contexte russe", []),
    ]
    standalone = point("p-equipment", "russia", "The Russian partner has supplied Mali with high-technology military "
                       "equipment.", ("maliweb", "partenaire russe"))
    return Brief(
        sources=list(src.values()),
        warnings=[SourceWarning("/data/broken.html", "no article text found (only scripts)"),
                  SourceWarning("/data/old.txt", "decoded as cp1252")],
        sections=sections,
        key_judgements=[visit, stevens, standalone, replace(russia, en="Mali's relations with Russia are a sovereign "
                                                             "decision the United States respects.")],
        timeline=[
            TimelineEntry("2025-07-09", "day", visit.fr, visit.citations[:1],
                          "Atallah received by Foreign Minister Diop in Bamako"),
            TimelineEntry("2025-07-08/2025-07-11", "range", cite(src["sahel"], "Du 8 au 11").quote,
                          [cite(src["sahel"], "Du 8 au 11")], "Atallah's official visit to Bamako"),
            TimelineEntry("2025-07-13", "day", cite(src["africapress"], "dimanche 13").quote,
                          [cite(src["africapress"], "dimanche 13")], "Atallah concludes his visit"),
            TimelineEntry("2025-07-21/2025-07-22", "range", stevens.fr, stevens.citations[:1],
                          "William B. Stevens visits Bamako"),
            TimelineEntry("2025-07", "month", drone.fr, drone.citations, "Reported drone strike on AQIM leaders"),
        ],
        actors=[
            Actor("Rudolph Atallah", "person", "Principal deputy director for counterterrorism, US National Security "
                  "Council", ["rfi", "sahel", "africapress", "maliweb"], 9, ["Rudy Atallah"]),
            Actor("Abdoulaye Diop", "person", "Minister of Foreign Affairs of Mali", ["rfi", "studio"], 3),
            Actor("William B. Stevens", "person", "Deputy Assistant Secretary of State for West Africa",
                  ["africapress", "studio"], 4, ["William Stevens"]),
            Actor("Africa Corps", "organisation", None, ["rfi"], 1),
        ],
        discrepancies=[
            Discrepancy("Dates of Atallah's visit to Bamako", [
                Version("8–11 July 2025", [cite(src["sahel"], "Du 8 au 11")]),
                Version("Arrived 9 July, left Sunday 13 July 2025",
                        [cite(src["rfi"], "reçu mercredi"), cite(src["africapress"], "dimanche 13")]),
            ]),
        ],
        period=Period.from_week("2025-W38"),
        generated_at=GENERATED_AT,
        engine=EngineInfo("apertium", "3.9.4", "fra-cat + cat-eng"),
        coverage=Coverage((dt.date(2025, 7, 11), dt.date(2025, 9, 16)), (dt.date(2025, 7, 8), dt.date(2025, 7, 22))),
    )


def footnoted_citations(brief: Brief) -> list[Citation]:
    """Citations the shipped template turns into footnotes, in reading order: key judgements not
    developed in a section, section points, discrepancy versions."""
    in_sections = {p.id for p in brief.points()}
    kj = [c for p in brief.key_judgements if p.id not in in_sections for c in p.citations]
    points = [c for p in brief.points() for c in p.citations]
    versions = [c for d in brief.discrepancies for v in d.versions for c in v.citations]
    return kj + points + versions


@pytest.fixture
def brief() -> Brief:
    return build_brief()


@pytest.fixture
def config() -> Config:
    """Full footnotes: these tests check every quote reaches the page whole (test_clause.py and the
    sample brief in test_pdf.py check the short default)."""
    return Config(marking=MARKING, author="Sahel desk", sections=SECTIONS, footnotes="full")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> tuple[Brief, Path, Path]:
    """The sample brief rendered once per session: (brief, docx, markdown)."""
    out = tmp_path_factory.mktemp("rendered")
    brief = build_brief()
    config = Config(marking=MARKING, author="Sahel desk", sections=SECTIONS, footnotes="full")
    render_docx(brief, config, out / "brief.docx")
    render_markdown(brief, config, out / "brief.md")
    return brief, out / "brief.docx", out / "brief.md"
