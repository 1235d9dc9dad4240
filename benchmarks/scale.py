"""Scale: the full build over synthetic corpora of 50, 500 and 2,000 French articles.

Run: .venv/bin/python benchmarks/scale.py [--sizes 50 500 2000]

Each size is one `briefgen build CORPUS --out DIR --json --verbose` child process, exactly as a
user runs it (DOCX + JSON, engine auto), with a cold translation cache (a fresh XDG_CACHE_HOME).
Wall time and peak memory are the child's; the time per stage is read from the lines
`--verbose` prints ("✓ Finding actors 0.4 s"), so a stage gone superlinear shows up by name. The
growth exponent is the log-log slope of time against the number of articles. Targets (2 cores):
exponent <= 1.2, 500 articles <= 3 min, 2,000 <= 30 s (issue 16), peak <= 2 GB.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import BRIEFGEN, measure, slope, table  # noqa: E402

SIZES = (50, 500, 2000)
SEED = 0
TARGETS_S = {500: 180, 2000: 30}
EXPONENT_TARGET = 1.2
PEAK_TARGET_MB = 2048
# One build's time limit. A size predicted (from the smaller ones) to
# take longer is not run, so `make bench` stays within about half an hour; the table says so.
SIZE_LIMIT_S = 900
MIN_STAGE_S = 0.2  # --verbose prints tenths of a second
# "✓ Translating (53 sentences) 3.5 s": a finished stage, as `briefgen build --verbose` reports it.
STAGE_LINE = re.compile(r"^✓ (?P<label>.+?)(?: \(.*\))? (?P<seconds>\d+(?:\.\d+)?) s$")


def corpus_size(paths: list[Path]) -> tuple[int, int]:
    """(sentences, words) of the corpus as briefgen reads it."""
    from briefgen.ingest import ingest
    from briefgen.segment import segment

    brief = segment(ingest(paths))
    return sum(len(s.sentences()) for s in brief.sources), sum(s.words for s in brief.sources)


def build(corpus: Path, out: Path, cache_home: Path) -> dict | None:
    """One measured `briefgen build`; None when it hit SIZE_LIMIT_S."""
    m = measure([BRIEFGEN, "build", corpus, "--out", out, "--json", "--verbose"], env={"XDG_CACHE_HOME": str(cache_home)}, timeout=SIZE_LIMIT_S)
    if m.timed_out:
        return None
    m.check(f"briefgen build {corpus}")
    stages = {match["label"]: float(match["seconds"]) for match in map(STAGE_LINE.match, m.stderr.splitlines()) if match}
    summary = json.loads(m.stdout)
    sidecar = next(out.glob("brief-*.json"))
    with sidecar.open(encoding="utf-8") as f:
        brief = json.load(f)
    engine = summary.get("engine", {})
    return {
        "seconds": round(m.seconds, 2),
        "peak_mb": round(m.peak_mb),
        "stages": stages,
        "engine": engine.get("name", "?") if isinstance(engine, dict) else str(engine),
        "points": sum(len(section.get("points", [])) for section in brief.get("sections", [])),
        "timeline": len(brief.get("timeline", [])),
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
            paths = write_corpus(n, Path(tmp) / f"corpus-{n}", SEED)
            result = build(Path(tmp) / f"corpus-{n}", Path(tmp) / f"out-{n}", Path(tmp) / f"cache-{n}")
            if result is None:
                rows.append({"n": n, "stopped_s": SIZE_LIMIT_S})
                continue
            sentences, words = corpus_size(paths)
            rows.append({"n": n, "sentences": sentences, "words": words, **result})
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
            body.append([r["n"], "", "", f"> {r['stopped_s']} (stopped at the {SIZE_LIMIT_S // 60} min limit)", "", "", ""])
            continue
        verdict = ""
        if target:
            limit = f"{target // 60} min" if target >= 60 else f"{target} s"
            verdict = f" ({'ok' if r['seconds'] <= target else '**over**'} ≤ {limit})"
        body.append([r["n"], f"{r['sentences']:,}", f"{r['words']:,}", f"{r['seconds']:.1f}{verdict}", r["peak_mb"], r["points"], r["timeline"]])
    stages = [[r["n"], *(f"{r['stages'].get(name, 0):.2f}" for name in stage_names)] for r in rows]
    exponents = []
    if len(rows) >= 2:
        for name in stage_names:
            values = [r["stages"].get(name, 0.0) for r in rows]
            if min(values) >= MIN_STAGE_S:  # shorter ones are rounding noise in the --verbose output
                exponents.append(f"{name} {slope([r['n'] for r in rows], values):.2f}")
    peak = max((r["peak_mb"] for r in result["rows"] if "peak_mb" in r), default=0)
    exponent = result["exponent"]
    return "\n".join(
        [
            f"`briefgen build CORPUS --json --verbose` (engine {rows[0]['engine'] if rows else '?'}, DOCX + JSON, cold translation "
            "cache), one child process per size, synthetic corpora from `benchmarks/corpus.py` (seed 0). Wall time includes "
            "interpreter start-up and imports.",
            "",
            table(["articles", "sentences", "French words", "wall s", "peak MB", "points", "timeline entries"], body),
            "",
            f"Growth exponent (log-log slope of wall time over the measured sizes): **{exponent}** "
            f"(target ≤ {EXPONENT_TARGET}: {'yes' if exponent <= EXPONENT_TARGET else '**no**'}). "
            f"Peak memory {peak} MB (target ≤ {PEAK_TARGET_MB} MB: {'yes' if peak <= PEAK_TARGET_MB else '**no**'}).",
            "",
            "Seconds per stage, as `briefgen build --verbose` reports them (\"Starting\" = imports, configuration "
            "and engine selection; \"Writing the brief\" = DOCX + JSON + manifest):",
            "",
            table(["articles", *stage_names], stages),
            "",
            f"Per-stage exponents (log-log slope over the measured sizes, for stages taking ≥ {MIN_STAGE_S} s at every size): " + ", ".join(exponents) + ".",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    print(markdown(run(tuple(args.sizes))))


if __name__ == "__main__":
    main()
