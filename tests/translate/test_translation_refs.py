"""The quality benchmark's references: verbatim seed sentences with hand-written English."""

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_references_are_verbatim_seed_sentences():
    with (ROOT / "tests" / "data" / "translation_refs.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert len(rows) >= 30
    assert len({r["fr"] for r in rows}) == len(rows)
    for row in rows:
        assert any(row["fr"] in text for text in seeds), row["fr"]
        assert row["en"].strip() and row["en"] != row["fr"]
