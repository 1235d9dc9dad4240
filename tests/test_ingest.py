"""Ingest on the real seeds: junk gone, facts kept, metadata found, ids stable."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from briefgen.ingest import ingest
from briefgen.ingest.clean import join_lists
from briefgen.ingest.readers import decode, lines_to_paragraphs

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def sources():
    brief = ingest([SEEDS])
    assert brief.warnings == []
    return {s.path.name[:3]: s for s in brief.sources}


def test_all_five_seeds_are_read(sources):
    assert sorted(sources) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize(
    "seed, junk, facts",
    [
        ("000", ["date 2025-07"], ["reçu mercredi 9 juillet par le ministre des Affaires étrangères Abdoulaye Diop", "Victoria Nuland"]),
        ("001", ["AK12", "Bamako, 16 septembre 2025 -"], ["Du 8 au 11 juillet 2025, Rudolph Atallah", "frappe de drone"]),
        (
            "002",
            ["Accueil", "0 comments", "155 views", "En savoir plus", "Subscribe to get", "Veuillez laisser", "error:", "protégé", "Sidi Modibo Coulibaly"],
            ["Rachna Sachdeva Korhonen", "Daoud Aly Mohammedine", "reprise en main de la défense"],
        ),
        (
            "003",
            ["Anouar CHENNOUFI", "LAISSER UN COMMENTAIRE", "Please enter your", "suivez Africa-Press", "Africa-Press – Mali."],
            ["a conclu dimanche 13 juillet 2025", "Chambre de commerce américaine", "du 23 au 26 juin 2025"],
        ),
        ("004", ["date 2025-07"], ["Juniper Shield et Obsidian Mosaic", "le 22 juillet dernier"]),
    ],
)
def test_boilerplate_removed_and_facts_kept(sources, seed, junk, facts):
    text = sources[seed].text
    for item in junk:
        assert item not in text, f"{item!r} should have been cleaned from seed {seed}"
    for fact in facts:
        assert fact in text, f"{fact!r} must survive cleaning in seed {seed}"


def test_stray_numerals_and_repeated_titles_dropped(sources):
    paragraphs = [p.text for p in sources["003"].paragraphs]
    assert "1" not in paragraphs
    assert "Assimi Goïta Renoue avec les États-Unis" not in paragraphs


def test_repeated_paragraphs_dropped_including_run_together_repeats(sources):
    text = sources["001"].text
    assert text.count("Cette évolution des relations entre le Mali et les États-Unis pourrait") == 1
    assert text.count("Cette intensification de la coopération entre les États-Unis et le Mali intervient") == 1
    assert text.count("En proposant une assistance sécuritaire") == 1
    assert "Une concurrence géopolitique au Sahel" not in text  # heading of a section that was only repeats


@pytest.mark.parametrize(
    "seed, title, outlet, author, place, date, precision",
    [
        ("000", None, "RFI", None, None, dt.date(2025, 7, 1), "month"),  # « précisions apportées à RFI »
        ("001", None, None, None, "Bamako", dt.date(2025, 9, 16), "day"),
        ("002", "Lutte contre le terrorisme : Donald Trump propose son appui à Assimi Goïta", "Sahel Tribune", "Sidi Modibo Coulibaly", None, dt.date(2025, 7, 9), "day"),
        ("003", "Assimi Goïta Renoue avec les États-Unis", "Africa-Press", "Anouar CHENNOUFI", "Mali", dt.date(2025, 7, 13), "day"),
        ("004", None, None, None, None, dt.date(2025, 7, 1), "month"),
    ],
)
def test_metadata(sources, seed, title, outlet, author, place, date, precision):
    source = sources[seed]
    if title:
        assert source.title == title
    else:  # no stated title: the opening words, marked as such
        assert source.title.endswith("…") and source.text.startswith(source.title[:-1])
    assert (source.outlet, source.author, source.place) == (outlet, author, place)
    assert (source.date, source.date_precision) == (date, precision)
    assert source.language == "fr"


def test_paragraph_offsets_and_numbers(sources):
    for source in sources.values():
        for number, paragraph in enumerate(source.paragraphs, start=1):
            assert paragraph.number == number
            assert source.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text


def test_headings_are_marked(sources):
    headings = [p.text for p in sources["003"].paragraphs if p.heading]
    assert "• William B. Stevens prend la relève à Rudolph Atallah à Bamako" in headings
    assert all(not p.heading for p in sources["004"].paragraphs)


def test_a_list_is_one_paragraph_with_the_line_introducing_it(sources):
    [conditions] = [p.text for p in sources["003"].paragraphs if "trois points clés" in p.text]
    assert conditions.endswith(
        "extérieure: a) le respect de la pleine souveraineté du Mali, b) le respect de ses choix stratégiques, "
        "c) et la priorité absolue accordée aux intérêts du peuple malien."
    )


@pytest.mark.parametrize(
    "paragraphs, joined",
    [
        (["Trois points:", "- le premier,", "- le second."], ["Trois points: - le premier, - le second."]),
        (["Deux demandes :", "1. la souveraineté ;", "2. les intérêts.", "Le ministre a conclu."],
         ["Deux demandes : 1. la souveraineté ; 2. les intérêts.", "Le ministre a conclu."]),
        # No colon: a bullet after a sentence is a heading of its own, not a list item.
        (["Le ministre a conclu.", "• Washington craindrait le rapprochement"], ["Le ministre a conclu.", "• Washington craindrait le rapprochement"]),
    ],
)
def test_join_lists(paragraphs, joined):
    assert join_lists(paragraphs) == joined


def test_source_ids_are_stable_and_content_derived(tmp_path, sources):
    copy = tmp_path / "renamed.txt"
    shutil.copy(SEEDS / "003_383812e2435e21cc.txt", copy)
    again = ingest([copy]).sources[0]
    assert again.id == sources["003"].id
    assert ingest([SEEDS]).sources[3].id == sources["003"].id


def test_same_article_twice_is_cited_once(tmp_path):
    for name in ("a.txt", "b copy.txt"):
        shutil.copy(SEEDS / "000_c28de2cecfdcdb92.txt", tmp_path / name)
    brief = ingest([tmp_path])
    assert len(brief.sources) == 1
    assert "same article as" in brief.warnings[0].message and "b copy.txt" in brief.warnings[0].source


@pytest.mark.parametrize(
    "data, expected, noted",
    [
        ("Élysée".encode("utf-8"), "Élysée", False),
        (b"\xef\xbb\xbf" + "Élysée".encode("utf-8"), "Élysée", False),
        ("\ufeffÉlysée à Paris".encode("utf-16-le"), "Élysée à Paris", False),
        ("Élysée à Paris".encode("utf-16-le"), "Élysée à Paris", True),
        ("Élysée – « ok »".encode("cp1252"), "Élysée – « ok »", True),
    ],
)
def test_decoding(data, expected, noted):
    text, notes = decode(data)
    assert text.lstrip("\ufeff") == expected
    assert bool(notes) == noted


def test_hard_wrapped_lines_are_joined_but_one_line_paragraphs_kept():
    text = "Le ministre a reçu\nl'envoyé américain.\nUne relance\nLes relations sont bonnes."
    assert lines_to_paragraphs(text) == ["Le ministre a reçu l'envoyé américain.", "Une relance", "Les relations sont bonnes."]


def test_html_and_markdown_and_docx(tmp_path):
    import docx

    (tmp_path / "a.html").write_text(
        "<html><head><title>Titre</title><meta property='og:site_name' content='Le Journal'>"
        "<meta property='article:published_time' content='2025-07-10T08:00:00Z'><script>var x = 1;</script></head>"
        "<body><nav>Accueil » Monde</nav><article><h1>Titre</h1><p>Le ministre a reçu l'envoyé spécial à Bamako.</p></article>"
        "<footer>Tous droits réservés</footer></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("# Un titre\n\nLe **ministre** a reçu [l'envoyé](http://x) à Niamey.\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Le ministre a reçu l'envoyé à Ouagadougou.")
    document.save(tmp_path / "c.docx")
    by_name = {s.path.name: s for s in ingest([tmp_path]).sources}
    html = by_name["a.html"]
    assert (html.title, html.outlet, html.date) == ("Titre", "Le Journal", dt.date(2025, 7, 10))
    assert html.text == "Le ministre a reçu l'envoyé spécial à Bamako."
    assert by_name["b.md"].title == "Un titre"
    assert by_name["b.md"].text == "Le ministre a reçu l'envoyé à Niamey."
    assert by_name["c.docx"].text == "Le ministre a reçu l'envoyé à Ouagadougou."
