"""Translation quality: chrF (sacrebleu) against our own references, with and without the glossary.

    .venv/bin/python benchmarks/translation_quality.py [--engine apertium|argos|auto]

References: tests/data/translation_refs.tsv, 30 sentences copied verbatim from seeds/ with English
translations written by the team. Three settings, same engine:
  plain     the engine alone (no placeholders, no glossary);
  names     names and acronyms protected by placeholders, empty glossary;
  glossary  names protected and the shipped glossary applied (what `briefgen build` does).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "tests" / "data" / "translation_refs.tsv"


def load_references(path: Path = REFERENCES) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["fr"], row["en"]) for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def main(argv: list[str] | None = None) -> int:
    from sacrebleu.metrics import CHRF

    from briefgen.config import Config
    from briefgen.translate import select_engine
    from briefgen.translate.glossary import Glossary, load_glossary
    from briefgen.translate.stage import translate_protected

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="apertium", choices=("auto", "argos", "apertium"))
    args = parser.parse_args(argv)
    pairs = load_references()
    french, references = [fr for fr, _ in pairs], [en for _, en in pairs]
    engine = select_engine(Config(engine=args.engine))
    batch = len(french)
    outputs = {
        "plain": engine.translate_batch(french),
        "names": _ordered(translate_protected(french, engine, Glossary(()), batch), french),
        "glossary": _ordered(translate_protected(french, engine, load_glossary(), batch), french),
    }
    chrf = CHRF()
    print(f"Engine: {engine.info.name} {engine.info.version}, model {engine.info.model}; {len(pairs)} sentences")
    for name, hypotheses in outputs.items():
        print(f"  chrF {name:9s} {chrf.corpus_score(hypotheses, [references]).score:.1f}")
    return 0


def _ordered(translations: dict[str, str], french: list[str]) -> list[str]:
    return [translations[fr] for fr in french]


if __name__ == "__main__":
    raise SystemExit(main())
