"""Ours vs the peer pipeline: "translate every sentence of every article, then summarise".

Run: .venv/bin/python benchmarks/peer_pipeline.py [--sizes 5 50 500]

The peer is what a user of argos-translate-files would do: translate each article whole, then
summarise the translations. Here both sides use the same engine (Apertium: no French->English
Argos package can be installed on this machine) and the same summariser, so the difference is
what gets translated:

* peer: ingest + segment, every sentence of every article through the engine in batches of
  `batch_size` (duplicates included, no cache: a file translator has none; no glossary masking),
  then summarise. The summarising is our analysis stages on the same corpus, i.e. the same work
  as ours, so it is timed once (in our run) and added to the peer's time rather than run twice;
* ours: `briefgen.pipeline.run` (ingest, analysis, then translate only the selected points and
  timeline entries, through a cold cache).

Rendering is left out of both (it is the same work). Each side at each size runs in its own child
process (its peak memory is its own). When the peer's full translation would take longer than
PEER_LIMIT_S (predicted from its measured throughput at the previous size), it translates a
SAMPLE of sentences and its translation time is extrapolated, and the table says so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ROOT, emit, python, slope, table  # noqa: E402

SIZES = (5, 50, 500)
PEER_LIMIT_S = 600  # longer than this, the peer's translation is extrapolated from a sample
SAMPLE = 1000  # sentences translated to measure the peer's throughput when extrapolating
CHILD_LIMIT_S = 1200  # one side at one size; beyond this the run is stopped and reported
RATIO_TARGET = 10  # at 50 articles
SEED = 0


def child_ours(corpus: Path, cache: Path) -> dict:
    from briefgen.config import load_config
    from briefgen.pipeline import run
    from briefgen.translate import select_engine

    config = load_config(ROOT, overrides={"engine": "apertium", "cache": str(cache)})
    translator = select_engine(config)
    marks: list[tuple[str, float]] = []
    started = time.perf_counter()
    brief = run(sorted(corpus.iterdir()), config, translator, report=lambda stage: marks.append((stage, time.perf_counter())))
    marks.append(("end", time.perf_counter()))
    stages = {name: marks[i + 1][1] - at for i, (name, at) in enumerate(marks[:-1])}
    translated = {p.fr for p in brief.points()} | {p.fr for p in brief.key_judgements} | {t.fr for t in brief.timeline}
    return {
        "articles": len(brief.sources),
        "sentences_translated": len(translated),
        "translate_s": stages["translate"],
        "summarise_s": sum(t for name, t in stages.items() if name not in ("ingest", "segment", "translate")),
        "total_s": marks[-1][1] - started,
    }


def child_peer(corpus: Path, sample: int | None) -> dict:
    """Ingest, segment and translate everything; the summarising is the same work as ours (added by the parent)."""
    from briefgen.config import load_config
    from briefgen.ingest import ingest
    from briefgen.segment import segment
    from briefgen.translate import select_engine
    from briefgen.translate.engine import chunks

    config = load_config(ROOT, overrides={"engine": "apertium"})
    translator = select_engine(config)
    started = time.perf_counter()
    brief = segment(ingest(sorted(corpus.iterdir())))
    sentences = [s.text for source in brief.sources for s in source.sentences()]
    todo = sentences[:sample] if sample else sentences
    translate_started = time.perf_counter()
    for batch in chunks(todo, config.batch_size):
        translator.translate_batch(batch)
    translate_s = (time.perf_counter() - translate_started) * len(sentences) / max(1, len(todo))
    return {
        "articles": len(brief.sources),
        "sentences_translated": len(sentences),
        "sampled": len(todo) if sample else None,
        "translate_s": translate_s,
        "read_s": translate_started - started,
    }


def run(sizes: tuple[int, ...] = SIZES) -> dict:
    from corpus import write_corpus

    rows = []
    peer_rate = None  # sentences per second, measured at the previous size
    with tempfile.TemporaryDirectory(prefix="briefgen-peer-") as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}"
            write_corpus(n, corpus, SEED)
            cache = Path(tmp) / f"cache-{n}.sqlite"
            ours = python(__file__, "--child", "ours", "--corpus", corpus, "--cache", cache, timeout=CHILD_LIMIT_S).check(f"ours at {n}")
            predicted = _predicted_peer_s(corpus, peer_rate)
            args = ["--sample", str(SAMPLE)] if predicted > PEER_LIMIT_S else []
            peer = python(__file__, "--child", "peer", "--corpus", corpus, *args, timeout=CHILD_LIMIT_S).check(f"peer at {n}")
            o, p = ours.json(), peer.json()
            p["total_s"] = p["read_s"] + p["translate_s"] + o["summarise_s"]
            peer_rate = p["sentences_translated"] / p["translate_s"]
            rows.append({"n": n, "ours": o, "peer": p, "ours_mb": round(ours.peak_mb), "peer_mb": round(peer.peak_mb), "predicted_peer_s": round(predicted)})
    return {"rows": rows, "ours_translate_exponent": round(slope([r["n"] for r in rows], [r["ours"]["translate_s"] for r in rows]), 2)}


def _predicted_peer_s(corpus: Path, rate: float | None) -> float:
    if rate is None:
        return 0.0
    from briefgen.ingest import ingest
    from briefgen.segment import segment

    brief = segment(ingest(sorted(corpus.iterdir())))
    return sum(len(s.sentences()) for s in brief.sources) / rate


def markdown(result: dict) -> str:
    rows = []
    for r in result["rows"]:
        o, p = r["ours"], r["peer"]
        note = f" (extrapolated from {p['sampled']} sentences)" if p["sampled"] else ""
        rows.append(
            [
                r["n"],
                f"{o['summarise_s']:.1f}",
                f"{p['sentences_translated']:,} / {p['translate_s']:.1f}{note}",
                f"{p['total_s']:.1f}",
                r["peer_mb"],
                f"{o['sentences_translated']} / {o['translate_s']:.1f}",
                f"{o['total_s']:.1f}",
                r["ours_mb"],
                f"**{p['total_s'] / o['total_s']:.1f}×**",
                f"{p['translate_s'] / max(o['translate_s'], 1e-6):.0f}×",
            ]
        )
    at50 = next((r for r in result["rows"] if r["n"] == 50), None)
    verdict = ""
    if at50:
        ratio = at50["peer"]["total_s"] / at50["ours"]["total_s"]
        verdict = f"At 50 articles ours is {ratio:.1f}× faster end to end (target ≥ {RATIO_TARGET}×: {'yes' if ratio >= RATIO_TARGET else '**no**'}). "
    return "\n".join(
        [
            "Same engine on both sides (Apertium fra→cat→eng, batches of 32), same summariser (our analysis "
            "stages, timed once in our run and added to the peer's total), synthetic corpora from "
            "`benchmarks/corpus.py` (seed 0), rendering excluded. Peer = translate every sentence of every "
            "article (no cache, duplicates included), then summarise; ours = select first, translate the "
            "selected points and timeline entries only (cold cache). Each side at each size is one child process; "
            "the peer's peak memory excludes its summarising step.",
            "",
            table(
                ["articles", "summarise s (both)", "peer: sentences / translate s", "peer total s", "peer MB", "ours: sentences / translate s", "ours total s", "ours MB", "speed-up (total)", "speed-up (translation)"],
                rows,
            ),
            "",
            verdict
            + f"Our translation time grows with exponent {result['ours_translate_exponent']} in the number of "
            "articles (0 = flat; it is bounded by the brief's length, not the corpus).",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("ours", "peer"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    if args.child == "ours":
        emit(child_ours(args.corpus, args.cache))
    elif args.child == "peer":
        emit(child_peer(args.corpus, args.sample))
    else:
        print(markdown(run(tuple(args.sizes))))


if __name__ == "__main__":
    main()
