"""The quality benchmark's references: verbatim French with hand-written English, 100 sentences or more."""

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _check(rows: list[dict[str, str]], texts: list[str] | None) -> None:
    assert len({r["fr"] for r in rows}) == len(rows)
    for row in rows:
        assert texts is None or any(row["fr"] in text for text in texts), row["fr"]
        assert row["en"].strip() and row["en"] != row["fr"]


def test_references_are_verbatim_sentences_of_their_articles():
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    other_news = [p.read_text(encoding="utf-8") for p in sorted((DATA / "other_news").glob("*.txt"))]
    seed_rows, news_rows, held_out = _rows("translation_refs.tsv"), _rows("translation_refs_news.tsv"), _rows("translation_refs_heldout.tsv")
    _check(seed_rows, seeds)
    _check(news_rows, other_news)
    held_out += sum((_rows(f"translation_refs_heldout{n}.tsv") for n in (2, 3, 4)), [])
    _check(held_out, None)  # written for the benchmark: in no article
    assert len(seed_rows) >= 60 and len(news_rows) + len(held_out) >= 60
    assert len(seed_rows) + len(news_rows) + len(held_out) >= 100
