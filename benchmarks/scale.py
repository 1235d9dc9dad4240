"""Scale: the full build over synthetic corpora of 50, 500 and 2,000 French articles.

Run: .venv/bin/python benchmarks/scale.py [--sizes 50 500 2000]

Each size is one child process doing what `briefgen build` does (select the engine, run the
pipeline, write DOCX + JSON) with a cold translation cache, timing each stage on the way. Wall
time (parent side, interpreter start included) and peak memory are the child's. The growth
exponent is the log-log slope of time against the number of articles. Targets (2 cores):
exponent <= 1.2, 500 articles <= 3 min, 2,000 <= 15 min, peak <= 2 GB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import ROOT, emit, python, slope, table  # noqa: E402

SIZES = (50, 500, 2000)
SEED = 0
TARGETS_S = {500: 180, 2000: 900}
EXPONENT_TARGET = 1.2
PEAK_TARGET_MB = 2048
# One build's time limit: the 2,000-article target. A size predicted (from the smaller ones) to
# take longer is not run, so `make bench` stays within about half an hour; the table says so.
SIZE_LIMIT_S = 900


def child_build(corpus: Path, out: Path, cache: Path) -> dict:
    """The body of `briefgen build`, with a timestamp at every stage."""
    from briefgen.config import load_config
    from briefgen.output import default_renderers, write_brief
    from briefgen.pipeline import run
    from briefgen.translate import select_engine

    marks: list[tuple[str, float]] = [("setup", time.perf_counter())]
    config = load_config(ROOT, overrides={"cache": str(cache)})
    translator = select_engine(config)
    brief = run(sorted(corpus.iterdir()), config, translator, report=lambda stage: marks.append((stage, time.perf_counter())))
    marks.append(("render", time.perf_counter()))
    write_brief(brief, config, out, default_renderers())
    marks.append(("end", time.perf_counter()))
    stages = {name: round(marks[i + 1][1] - start, 3) for i, (name, start) in enumerate(marks[:-1])}
    return {
        "articles": len(brief.sources),
        "sentences": sum(len(s.sentences()) for s in brief.sources),
        "words": sum(s.words for s in brief.sources),
        "points": len(brief.points()),
        "timeline": len(brief.timeline),
        "engine": brief.engine.name if brief.engine else "none",
        "stages": stages,
    }


def run(sizes: tuple[int, ...] = SIZES) -> dict:
    from corpus import write_corpus

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="briefgen-scale-") as tmp:
        for n in sizes:
            predicted = _predicted_s(rows, n)
            if predicted > SIZE_LIMIT_S:
                rows.append({"n": n, "predicted_s": round(predicted)})
                continue
            corpus = Path(tmp) / f"corpus-{n}"
            write_corpus(n, corpus, SEED)
            m = python(__file__, "--child", "--corpus", corpus, "--out", Path(tmp) / f"out-{n}", "--cache", Path(tmp) / f"cache-{n}.sqlite", timeout=SIZE_LIMIT_S)
            if m.timed_out:
                rows.append({"n": n, "stopped_s": round(m.seconds), "peak_mb": round(m.peak_mb)})
                continue
            m.check(f"build at {n}")
            rows.append({"n": n, "seconds": round(m.seconds, 2), "peak_mb": round(m.peak_mb), **m.json()})
    measured = [r for r in rows if "seconds" in r]
    exponent = slope([r["n"] for r in measured], [r["seconds"] for r in measured]) if len(measured) > 1 else float("nan")
    return {"rows": rows, "exponent": round(exponent, 2)}


def _predicted_s(rows: list[dict], n: int) -> float:
    """Time at n articles extrapolated from the measured sizes (their own exponent, at least linear)."""
    measured = [r for r in rows if "seconds" in r]
    if not measured:
        return 0.0
    if any("stopped_s" in r for r in rows):
        return float("inf")
    last = measured[-1]
    exponent = max(1.0, slope([r["n"] for r in measured], [r["seconds"] for r in measured])) if len(measured) > 1 else 1.0
    return last["seconds"] * (n / last["n"]) ** exponent


def markdown(result: dict) -> str:
    rows = [r for r in result["rows"] if "seconds" in r]
    stage_names = list(dict.fromkeys(name for r in rows for name in r["stages"]))
    body = []
    for r in result["rows"]:
        target = TARGETS_S.get(r["n"])
        if "predicted_s" in r:
            body.append([r["n"], "", "", f"not run: predicted {r['predicted_s'] / 60:.0f} min from the smaller sizes (limit {SIZE_LIMIT_S // 60} min)", "", "", ""])
            continue
        if "stopped_s" in r:
            body.append([r["n"], "", "", f"> {r['stopped_s']} (stopped at the {SIZE_LIMIT_S // 60} min limit)", r["peak_mb"], "", ""])
            continue
        verdict = f" ({'ok' if r['seconds'] <= target else '**over**'} ≤ {target // 60} min)" if target else ""
        body.append([r["n"], f"{r['sentences']:,}", f"{r['words']:,}", f"{r['seconds']:.1f}{verdict}", r["peak_mb"], r["points"], r["timeline"]])
    stages = [[r["n"], *(f"{r['stages'].get(name, 0):.2f}" for name in stage_names)] for r in rows]
    exponents = []
    if len(rows) >= 2:
        for name in stage_names:
            values = [max(r["stages"].get(name, 0), 1e-3) for r in rows]
            exponents.append(f"{name} {slope([r['n'] for r in rows], values):.2f}")
    peak = max((r["peak_mb"] for r in result["rows"] if "peak_mb" in r), default=0)
    exponent = result["exponent"]
    return "\n".join(
        [
            f"Full build (engine: {rows[0]['engine'] if rows else '?'}, DOCX + JSON, cold translation cache), one child process per "
            "size, synthetic corpora from `benchmarks/corpus.py` (seed 0).",
            "",
            table(["articles", "sentences", "French words", "wall s", "peak MB", "points", "timeline entries"], body),
            "",
            f"Growth exponent (log-log slope of wall time over the measured sizes): **{exponent}** "
            f"(target ≤ {EXPONENT_TARGET}: {'yes' if exponent <= EXPONENT_TARGET else '**no**'}). "
            f"Peak memory {peak} MB (target ≤ {PEAK_TARGET_MB} MB: {'yes' if peak <= PEAK_TARGET_MB else '**no**'}).",
            "",
            "Seconds per stage (`setup` = config + engine selection; `render` = DOCX + JSON):",
            "",
            table(["articles", *stage_names], stages),
            "",
            "Per-stage exponents (log-log slope over the measured sizes; stages under ~0.1 s are noise): " + ", ".join(exponents) + ".",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    if args.child:
        emit(child_build(args.corpus, args.out, args.cache))
    else:
        print(markdown(run(tuple(args.sizes))))


if __name__ == "__main__":
    main()
