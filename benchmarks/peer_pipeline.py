"""Ours vs the peer pipeline: "translate every sentence of every article, then summarise".

Run: .venv/bin/python benchmarks/peer_pipeline.py [--sizes 5 50 500]

The peer is what a user of argos-translate-files would do: translate every article whole, then
summarise the translations. Both sides use the same engine (Apertium: no French->English Argos
package can be installed on this machine) and the same summariser, so the difference is what
gets translated:

* ours: `briefgen.pipeline.run` (ingest, analysis, then translate only the selected points and
  timeline entries, through a cold cache);
* peer, file by file: as argos-translate-files does, one engine call per article (split into
  `batch_size` chunks), every sentence, duplicates included, no cache, no glossary masking;
* peer, batched: the same sentences sent across articles in `batch_size` chunks, the best case
  for the peer (a file translator does not do this); reported so the speed-up is not flattered
  by Apertium's start-up cost per call (about 1-2 s for its two-stage pipeline).

The peer's summarising is our analysis stages on the same corpus, i.e. the same work as ours, so
it is timed once (in our run) and added to the peer's time rather than run again. Rendering is
left out of all sides. Each side at each size runs in its own child process (its peak memory is
its own). When a peer variant would take longer than PEER_LIMIT_S (predicted from its throughput
at the previous size), it translates a sample (SAMPLE_ARTICLES articles, or SAMPLE_SENTENCES
sentences) and its time is extrapolated by sentence count; the table says so.
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
SAMPLE_ARTICLES = 50  # file by file: articles translated to measure the peer's throughput
SAMPLE_SENTENCES = 1000  # batched: sentences translated to measure the peer's throughput
MODES = ("files", "batched")
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


def child_peer(corpus: Path, mode: str, sample: int | None) -> dict:
    """Ingest, segment and translate everything (or a sample); the summarising is added by the parent."""
    from briefgen.config import load_config
    from briefgen.ingest import ingest
    from briefgen.segment import segment
    from briefgen.translate import select_engine
    from briefgen.translate.engine import chunks

    config = load_config(ROOT, overrides={"engine": "apertium"})
    translator = select_engine(config)
    started = time.perf_counter()
    brief = segment(ingest(sorted(corpus.iterdir())))
    articles = [[s.text for s in source.sentences()] for source in brief.sources]
    total = sum(map(len, articles))
    if mode == "files":
        calls = [part for article in articles[:sample] for part in chunks(article, config.batch_size)]
    else:
        flat = [s for article in articles for s in article]
        calls = list(chunks(flat[:sample], config.batch_size))
    done = sum(map(len, calls))
    translate_started = time.perf_counter()
    for batch in calls:
        translator.translate_batch(batch)
    return {
        "sentences": total,
        "sampled": done if sample else None,
        "calls": len(calls),
        "translate_s": (time.perf_counter() - translate_started) * total / max(1, done),
        "read_s": translate_started - started,
    }


def run(sizes: tuple[int, ...] = SIZES) -> dict:
    from corpus import write_corpus

    rows = []
    rates: dict[str, float] = {}  # mode -> sentences per second at the previous size
    with tempfile.TemporaryDirectory(prefix="briefgen-peer-") as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}"
            write_corpus(n, corpus, SEED)
            cache = Path(tmp) / f"cache-{n}.sqlite"
            ours = python(__file__, "--child", "ours", "--corpus", corpus, "--cache", cache, timeout=CHILD_LIMIT_S).check(f"ours at {n}")
            row = {"n": n, "ours": ours.json(), "ours_mb": round(ours.peak_mb)}
            for mode in MODES:
                predicted = _predicted_peer_s(corpus, rates.get(mode))
                sample = (SAMPLE_ARTICLES if mode == "files" else SAMPLE_SENTENCES) if predicted > PEER_LIMIT_S else None
                args = ["--sample", str(sample)] if sample else []
                peer = python(__file__, "--child", "peer", "--mode", mode, "--corpus", corpus, *args, timeout=CHILD_LIMIT_S).check(f"peer ({mode}) at {n}")
                result = peer.json()
                result["total_s"] = result["read_s"] + result["translate_s"] + row["ours"]["summarise_s"]
                result["mb"] = round(peer.peak_mb)
                rates[mode] = result["sentences"] / result["translate_s"]
                row[mode] = result
            rows.append(row)
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
        o = r["ours"]
        cells = [r["n"], f"{r['files']['sentences']:,}", f"{o['summarise_s']:.1f}", f"{o['sentences_translated']} / {o['translate_s']:.1f} / {o['total_s']:.1f}", r["ours_mb"]]
        for mode in MODES:
            p = r[mode]
            note = f" (extrapolated from {p['sampled']:,} sentences)" if p["sampled"] else ""
            cells += [f"{p['calls']:,} / {p['translate_s']:.1f}{note} / {p['total_s']:.1f}", f"**{p['total_s'] / o['total_s']:.1f}×** ({p['translate_s'] / max(o['translate_s'], 1e-6):.0f}×)"]
        cells.append(max(r[mode]["mb"] for mode in MODES))
        rows.append(cells)
    at50 = next((r for r in result["rows"] if r["n"] == 50), None)
    verdict = ""
    if at50:
        files, batched = (at50[mode]["total_s"] / at50["ours"]["total_s"] for mode in MODES)
        verdict = (
            f"At 50 articles ours is **{files:.1f}×** faster end to end than the file-by-file peer (target ≥ {RATIO_TARGET}×: "
            f"{'yes' if files >= RATIO_TARGET else '**no**'}) and {batched:.1f}× faster than the batched peer. "
        )
    return "\n".join(
        [
            "Same engine on all sides (Apertium fra→cat→eng), same summariser (our analysis stages, timed once in our "
            "run and added to each peer's total), synthetic corpora from `benchmarks/corpus.py` (seed 0), rendering "
            "excluded. Ours = select first, translate the selected points and timeline entries only (cold cache). "
            "Peer = translate every sentence of every article (no cache, duplicates included), then summarise: "
            "*file by file* as argos-translate-files does (one engine call per article), and *batched* across "
            "articles in chunks of 32 (the peer's best case). Each cell is one child process; the peers' peak "
            "memory excludes their summarising step. Speed-ups: end to end (translation only).",
            "",
            table(
                ["articles", "sentences", "summarise s (all)", "ours: translated / translate s / total s", "ours MB", "peer file by file: engine calls / translate s / total s", "speed-up", "peer batched: engine calls / translate s / total s", "speed-up", "peers MB"],
                rows,
            ),
            "",
            verdict
            + f"Our translation time grows with exponent {result['ours_translate_exponent']} in the number of "
            "articles (0 = flat): it is bounded by the brief's length, not by the corpus. Apertium costs about "
            "1–2 s per engine call (its two-stage pipeline starting) plus a few ms per sentence here, so our ~50 "
            "sentences, sent in calls of `batch_size` = 32, are dominated by start-up.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("ours", "peer"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--mode", choices=MODES, default="files")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    if args.child == "ours":
        emit(child_ours(args.corpus, args.cache))
    elif args.child == "peer":
        emit(child_peer(args.corpus, args.mode, args.sample))
    else:
        print(markdown(run(tuple(args.sizes))))


if __name__ == "__main__":
    main()
