"""Translation quality: chrF and BLEU (sacrebleu) against our own references, setting by setting.

    .venv/bin/python benchmarks/translation_quality.py [--engine apertium|argos|auto] [--dump DIR]

References (English written by the team, French copied verbatim):
  seeds     tests/data/translation_refs.tsv: 68 sentences of seeds/;
  news      tests/data/translation_refs_news.tsv: 40 sentences of tests/data/other_news/, news the
            brief is not built from (the lexicon audit read them, so they are not held out);
  held-out  tests/data/translation_refs_heldout.tsv: 22 sentences of general West African news
            written after the lexicon was built and never used to tune it;
  held-out2 tests/data/translation_refs_heldout2.tsv: 25 more, written before the grammar rules
            (grammar.py) were first measured on them;
  held-out3 tests/data/translation_refs_heldout3.tsv: 25 more, written before the second round of
            rules (coordinated complements, ni ... ni, on s'attend, senses keyed to context);
  held-out4 tests/data/translation_refs_heldout4.tsv: 25 more, written during the third round before
            any of its rules was run on them (the third round read held-out3).
Settings, same engine:
  plain     the engine alone (no placeholders, no glossary, no lexicon);
  glossary  names protected and the shipped glossary applied (`briefgen build` before the lexicon);
  lexicon   the same plus Apertium's domain lexicon and grammar rules (what `briefgen build` does now).
`--dump DIR` writes each setting's English next to the French, for reading.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REFERENCE_SETS = {
    "seeds": DATA / "translation_refs.tsv",
    "news": DATA / "translation_refs_news.tsv",
    "held-out": DATA / "translation_refs_heldout.tsv",
    "held-out2": DATA / "translation_refs_heldout2.tsv",
    "held-out3": DATA / "translation_refs_heldout3.tsv",
    "held-out4": DATA / "translation_refs_heldout4.tsv",
}
REFERENCES = REFERENCE_SETS["seeds"]


def load_references(path: Path = REFERENCES) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["fr"], row["en"]) for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def main(argv: list[str] | None = None) -> int:
    from sacrebleu.metrics import BLEU, CHRF

    from briefgen.config import Config
    from briefgen.translate import select_engine

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="apertium", choices=("auto", "argos", "apertium"))
    parser.add_argument("--dump", type=Path, help="write each setting's English to this folder")
    args = parser.parse_args(argv)
    engine = select_engine(Config(engine=args.engine))
    print(f"Engine: {engine.info.name} {engine.info.version}, model {engine.info.model}")
    print(f"| references | sentences | setting | chrF | BLEU |\n|---|---|---|---|---|")
    for set_name, path in REFERENCE_SETS.items():
        pairs = load_references(path)
        french, references = [fr for fr, _ in pairs], [en for _, en in pairs]
        for setting, hypotheses in settings(engine, french).items():
            chrf = CHRF().corpus_score(hypotheses, [references]).score
            bleu = BLEU().corpus_score(hypotheses, [references]).score
            print(f"| {set_name} | {len(pairs)} | {setting} | {chrf:.1f} | {bleu:.1f} |")
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                lines = [f"{fr}\n  -> {en}\n" for fr, en in zip(french, hypotheses)]
                (args.dump / f"{set_name}.{setting}.txt").write_text("\n".join(lines), encoding="utf-8")
    return 0


def settings(engine, french: list[str]) -> dict[str, list[str]]:
    """Each setting's English for `french`, in order."""
    from briefgen.translate.apertium import ApertiumTranslator
    from briefgen.translate.glossary import Glossary, load_glossary
    from briefgen.translate.stage import translate_protected

    batch = len(french)
    if isinstance(engine, ApertiumTranslator):
        lexicon = engine.lexicon
        bare = ApertiumTranslator(replace(lexicon, terms=(), demonyms=(), senses=(), pivot=(), grammar=False))
    else:
        bare = engine
    out = {
        "plain": bare.translate_batch(french),
        "glossary": _ordered(translate_protected(french, bare, load_glossary(), batch), french),
    }
    if bare is not engine:
        out["lexicon"] = _ordered(translate_protected(french, engine, load_glossary(None, engine.terms), batch), french)
    return out


def _ordered(translations: dict[str, str], french: list[str]) -> list[str]:
    return [translations[fr] for fr in french]


if __name__ == "__main__":
    raise SystemExit(main())
