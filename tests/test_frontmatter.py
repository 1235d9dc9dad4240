"""ingest.frontmatter: what a user or `collect` states at the top of a file beats inference."""

from __future__ import annotations

import datetime as dt

import docx

from briefgen.ingest import ingest
from briefgen.ingest.frontmatter import front_matter, take_front_matter

ARTICLE = "Le ministre des Affaires étrangères a reçu l'envoyé spécial à Bamako, le 16 septembre 2025."


def test_stated_fields_replace_what_briefgen_would_infer(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\ntitle: La visite de l'envoyé\noutlet: 'L''Écho du Sahel'\nauthor: \"Aminata \\\"Mina\\\" Koné\"\n"
        "date: 2025-09-16\nurl: https://www.echodusahel.example/a?b=1\ncollected_at: 2026-12-01T09:00:00+00:00\n"
        "language: fr-FR\n---\nBamako, 2 janvier 2020 - " + ARTICLE + "\n",
        encoding="utf-8",
    )
    brief = ingest([tmp_path])
    source = brief.sources[0]
    assert (source.title, source.outlet, source.author, source.date, source.url, source.language) == (
        "La visite de l'envoyé", "L'Écho du Sahel", 'Aminata "Mina" Koné', dt.date(2025, 9, 16),
        "https://www.echodusahel.example/a?b=1", "fr")
    assert source.text == ARTICLE  # the block is not text; the dateline's date lost to the stated one
    assert brief.warnings == []


def test_markdown_and_word_files_take_the_same_block(tmp_path):
    block = "---\noutlet: Sahel Tribune\ndate: 2025-09-15\n---\n"
    (tmp_path / "a.md").write_text(block + "# Un titre\n\n" + ARTICLE + "\n", encoding="utf-8")
    document = docx.Document()
    for line in [*block.strip().split("\n"), ARTICLE.replace("Bamako", "Niamey")]:
        document.add_paragraph(line)
    document.core_properties.identifier = "https://sahel-tribune.example/niamey"
    document.save(tmp_path / "b.docx")
    by_name = {s.path.name: s for s in ingest([tmp_path]).sources}
    assert [(s.outlet, s.date) for s in by_name.values()] == [("Sahel Tribune", dt.date(2025, 9, 15))] * 2
    assert by_name["a.md"].title == "Un titre"
    assert by_name["b.docx"].url == "https://sahel-tribune.example/niamey"
    assert by_name["b.docx"].text.startswith("Le ministre")


def test_html_meta_tags_state_the_same_fields(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><meta name='DC.publisher' content='Le Courrier du Liptako'><meta name='DC.creator' content='Salif Sawadogo'>"
        "<meta name='DC.date' content='2025-09-09'><meta name='language' content='fr'>"
        f"<link rel='canonical' href='https://courrier.example/spip.php?article1'></head><body><p>{ARTICLE}</p></body></html>",
        encoding="utf-8",
    )
    source = ingest([tmp_path]).sources[0]
    assert (source.outlet, source.author, source.date, source.url) == (
        "Le Courrier du Liptako", "Salif Sawadogo", dt.date(2025, 9, 9), "https://courrier.example/spip.php?article1")


def test_unknown_keys_are_reported_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text("---\ntitel: Faute de frappe\noutlet: RFI\n---\n" + ARTICLE, encoding="utf-8")
    brief = ingest([tmp_path])
    assert brief.sources[0].outlet == "RFI"
    assert [w.message for w in brief.warnings] == [
        "front matter key 'titel' is not one briefgen reads (title, outlet, author, date, url, collected_at, language); ignored"]


def test_text_between_two_rules_is_not_taken_for_front_matter():
    """Nothing is lost: a block is fields only if every line is `key: value` and one key is known."""
    for lines in (["---", "Une ligne", "et une autre"], ["---", "Date : hier soir", "Un paragraphe entier.", "---", "Suite"],
                  ["---", "note: sans clé connue", "---"], ["Texte", "---", "title: x", "---"]):
        assert take_front_matter(lines) == ({}, lines, [])


def test_the_written_block_reads_back_to_the_same_fields():
    fields = {"title": 'Un "titre" : deux-points', "outlet": "L'Écho", "author": None, "date": "2025-09-16",
              "url": "https://x.example/a#b", "collected_at": "2026-12-01T09:00:00+00:00", "language": "fr"}
    stated, rest, notes = take_front_matter(front_matter(fields).split("\n"))
    assert stated == {k: v for k, v in fields.items() if v} and rest == [""] and notes == []
