"""save: Markdown with front matter that ingest reads back; atomic, never overwriting."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from briefgen.collect import save as save_module
from briefgen.collect.extract import Article
from briefgen.collect.save import save
from briefgen.ingest import ingest

AT = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
TEXT = ("Le ministre des Affaires étrangères a reçu mardi à Bamako une délégation « de haut niveau ».\n\n"
        "Les deux parties ont convenu de poursuivre le dialogue sur la sécurité et le commerce.")


def article(**fields) -> Article:
    values = dict(url="https://www.echodusahel.example/politique/dialogue?id=3", text=TEXT,
                  title='Mali : le "dialogue" reprend', outlet="L'Écho du Sahel", author="Aminata Koné",
                  date=dt.date(2025, 9, 16), language="fr")
    return Article(**(values | fields))


def test_the_saved_article_is_read_back_with_its_metadata(tmp_path):
    path = save(article(), tmp_path, AT)
    assert path.name == "2025-09-16-l-echo-du-sahel-mali-le-dialogue-reprend.md"
    assert path.read_text(encoding="utf-8").startswith('---\ntitle: "Mali : le \\"dialogue\\" reprend"\noutlet: "L\'Écho du Sahel"\n')
    source = ingest([tmp_path]).sources[0]
    assert (source.title, source.outlet, source.author, source.date, source.url, source.language) == (
        'Mali : le "dialogue" reprend', "L'Écho du Sahel", "Aminata Koné", dt.date(2025, 9, 16),
        "https://www.echodusahel.example/politique/dialogue?id=3", "fr")
    assert [p.text for p in source.paragraphs] == TEXT.split("\n\n")


def test_two_articles_never_share_a_file(tmp_path):
    first, second = save(article(), tmp_path, AT), save(article(text=TEXT + " Fin."), tmp_path, AT)
    assert second.name == first.name.replace(".md", "-2.md")
    assert first.read_text(encoding="utf-8") != second.read_text(encoding="utf-8")


def test_an_undated_article_without_outlet_still_gets_a_name(tmp_path):
    assert save(article(date=None, outlet=None, title=None), tmp_path, AT).name == "undated.md"


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(save_module.os, "fsync", full_disk)
    with pytest.raises(OSError):
        save(article(), tmp_path, AT)
    assert os.listdir(tmp_path) == []
