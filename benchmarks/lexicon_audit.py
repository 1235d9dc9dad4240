"""Audit the French->Catalan->English pivot word by word, in context, against FreeDict fra-eng.

    .venv/bin/python benchmarks/lexicon_audit.py [--all] [FILE_OR_DIR ...]

How briefgen/data/lexicon.toml is built and checked. For every content word (noun, verb,
adjective, adverb) of French news text (by default seeds/, tests/data/other_news/ and the French
side of tests/data/translation_refs.tsv), the script runs Apertium's own lexical stages on the
whole sentence (analysis, tagger, bilingual dictionary, lexical selection: what the real
translation uses), takes the Catalan word fra-cat chose and the English word cat-eng chose for
that Catalan word in the Catalan sentence, and looks the French lemma up in the FreeDict
French-English dictionary (Debian dict-freedict-fra-eng). A rendering that is none of the
dictionary's senses is flagged, as is a Catalan word cat-eng does not know (it would reach the
reader as Catalan). Flags already handled by the lexicon are marked; the rest are for review.
Output: one line per flagged (lemma, Catalan, English) with its count and an example sentence.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [ROOT / "seeds", ROOT / "tests" / "data" / "other_news", ROOT / "tests" / "data" / "translation_refs.tsv"]
MODES = Path("/usr/share/apertium/modes")
FREEDICT = Path("/usr/share/dictd/freedict-fra-eng.dict.dz")
# Apertium's lexical stages end with lexical selection (lrx-proc); transfer only reorders and inflects.
LAST_LEXICAL_STAGE = "lrx-proc"
CONTENT_TAGS = ("n", "vblex", "adj", "adv")
SEPARATOR = "Zbgsepz"
LEXICAL_UNIT = re.compile(r"\^([^$]*)\$")
HEADWORD = re.compile(r"^(\S[^/<\n]*?) /[^/]*/ <[^>]*>$", re.MULTILINE)


def lexical_pipeline(pair: str) -> str:
    """The pair's mode file up to lexical selection: analysis, tagging, bilingual lookup."""
    stages = (MODES / f"{pair}.mode").read_text(encoding="utf-8").replace("$1", "").replace("$2", "").split(" | ")
    last = next(i for i, stage in enumerate(stages) if LAST_LEXICAL_STAGE in stage)
    return " | ".join(stages[: last + 1])


def run(command: str, text: str) -> str:
    return subprocess.run(["bash", "-c", command], input=text, capture_output=True, text=True, check=True).stdout


def units(stream: str) -> list[list[tuple[str, str, str]]]:
    """Per sentence: (source lemma, first tag, target lemma) for each lexical unit; an unknown
    word has the tag "unknown" and no target."""
    sentences: list[list[tuple[str, str, str]]] = [[]]
    for m in LEXICAL_UNIT.finditer(stream):
        parts = m.group(1).split("/")
        if SEPARATOR in parts[0]:
            sentences.append([])
            continue
        if parts[0].startswith("*"):
            sentences[-1].append((parts[0][1:], "unknown", ""))
            continue
        lemma, _, tags = parts[0].partition("<")
        target = parts[1].split("<")[0] if len(parts) > 1 else ""
        sentences[-1].append((lemma, tags.split(">")[0], target))
    return sentences


def load_freedict(path: Path = FREEDICT) -> dict[str, str]:
    """French headword (casefolded) -> the text of its senses."""
    text = gzip.open(path).read().decode("utf-8")
    entries: dict[str, str] = defaultdict(str)
    heads = list(HEADWORD.finditer(text))
    for m, nxt in zip(heads, heads[1:] + [None]):
        entries[m.group(1).casefold()] += " " + text[m.end() : nxt.start() if nxt else len(text)]
    return entries


def french_sentences(inputs: list[Path]) -> list[str]:
    from briefgen.segment import split_sentences

    found: list[str] = []
    for path in inputs:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".tsv":
                with file.open(encoding="utf-8", newline="") as f:
                    found += [row["fr"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
            elif file.suffix in (".txt", ".md"):
                paragraphs = file.read_text(encoding="utf-8").split("\n\n")
                found += [para[a:b] for para in paragraphs for a, b in split_sentences(para)]
    return list(dict.fromkeys(" ".join(s.split()) for s in found if s.strip()))


def audit(sentences: list[str]) -> list[tuple[str, str, str, int, str, str]]:
    """(French lemma, Catalan, English, count, verdict, example) for every flagged rendering."""
    from briefgen.translate.lexicon import load_lexicon

    joined = f"\n\n{SEPARATOR}.\n\n".join(sentences)
    french = units(run(lexical_pipeline("fra-cat"), joined))
    catalan_text = run("apertium -u fra-cat", joined)
    catalan = units(run(lexical_pipeline("cat-eng"), catalan_text))
    if len(french) != len(sentences) or len(catalan) != len(sentences):
        raise SystemExit("sentence alignment lost; audit fewer files at a time")
    senses = load_freedict()
    lexicon = load_lexicon()
    handled = {fr.casefold() for fr, _ in lexicon.terms} | {f for d in lexicon.demonyms for f in d.forms}
    pivot = {ca for ca, _ in lexicon.pivot}
    stems = [stem.casefold() for stem, _ in lexicon.senses]
    counts: Counter = Counter()
    examples: dict[tuple, str] = {}
    for sentence, fr_units, ca_units in zip(sentences, french, catalan):
        english_of = {ca: en for ca, tag, en in ca_units if tag != "unknown"}
        unknown = [ca for ca, tag, _ in ca_units if tag == "unknown"]
        for lemma, tag, ca in fr_units:
            if tag not in CONTENT_TAGS or not lemma or lemma[0].isupper():
                continue  # function words, and names (kept as they are)
            if ca in english_of:
                en = english_of[ca]
            elif any(word.startswith(ca[:-1]) for word in unknown):
                en = ""  # cat-eng does not know the Catalan fra-cat wrote
            else:
                continue  # a multi-word unit on one side only: cannot align
            verdict = _verdict(lemma, en, senses, handled | ({lemma.casefold()} if ca in pivot else set()), stems)
            if verdict:
                key = (lemma, ca, en or f"*{ca}", verdict)
                counts[key] += 1
                examples.setdefault(key, sentence)
    return [(*key[:3], n, key[3], examples[key]) for key, n in counts.most_common()]


def _verdict(lemma: str, english: str, senses: dict[str, str], handled: set[str], stems: list[str]) -> str:
    covered = lemma.casefold() in handled or any(lemma.casefold().startswith(s) for s in stems)
    if not english:
        return "catalan left (in lexicon)" if covered else "catalan left"
    entry = senses.get(lemma.casefold())
    if entry is None or re.search(rf"(?<!\w){re.escape(english.casefold())}(?!\w)", entry.casefold()):
        return ""  # not in the dictionary (cannot judge), or one of its senses
    return "not a dictionary sense (in lexicon)" if covered else "not a dictionary sense"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--all", action="store_true", help="also list the flags the lexicon already handles")
    args = parser.parse_args(argv)
    sentences = french_sentences(args.inputs)
    flagged = audit(sentences)
    shown = [f for f in flagged if args.all or "in lexicon" not in f[4]]
    for lemma, ca, en, n, verdict, example in shown:
        print(f"{n:3d}  {lemma} -> {ca} -> {en}  [{verdict}]  {example[:90]}")
    handled = sum(1 for f in flagged if "in lexicon" in f[4])
    print(f"{len(sentences)} sentences; {len(flagged)} flagged renderings, {handled} handled by the lexicon, "
          f"{len(flagged) - handled} to review")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
