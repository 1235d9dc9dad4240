"""Stage times: where the wall and CPU time of one build go, stage by stage, the minimum of several runs.

Run: .venv/bin/python benchmarks/stage_times.py [--articles 2000] [--runs 3]

Each run is one child process doing what `briefgen build` does (pipeline.analyse with a report
callback, then translate with a cold cache, then write DOCX + JSON), with time.perf_counter and
resource.getrusage read at every stage change: wall seconds, and CPU seconds of the process and
of the children it has waited for (Apertium's pipelines). The parser's own process (parse.py)
loads the model beside ingest and classify and parses while the parse stage waits for it: its CPU
is in the run's total (the child's wait4 rusage) and in no stage. On a shared machine wall times
are noisy: the minimum over the runs is reported for each stage, CPU beside it. The issue-16
target (2,000 articles within 30 s) is judged by scale.py on an idle machine, not here.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import SEED, ChildBuild, builds_in_children, child_arguments, emit, table  # noqa: E402

ARTICLES = 2000
RUNS = 3
LIMIT_S = 900  # one run; a stage gone quadratic must not stall the benchmark


def child(corpus: Path, out: Path, cache: Path) -> dict:
    started = time.perf_counter()
    from briefgen.pipeline import analyse

    build = ChildBuild.setup(out, cache)
    marks = [("setup", started, 0.0)]  # imports, configuration, engine: CPU from the process start

    def report(stage: str) -> None:
        marks.append((stage, time.perf_counter(), _cpu()))

    brief = analyse(sorted(corpus.iterdir()), build.config, report)
    report("translate")
    brief = build.translate(brief)
    report("render")
    build.write(brief)
    report("end")
    stages = [(name, end - start, cpu_end - cpu) for (name, start, cpu), (_, end, cpu_end) in zip(marks, marks[1:])]
    return {"stages": [{"stage": name, "wall": round(wall, 2), "cpu": round(cpu, 2)} for name, wall, cpu in stages]}


def _cpu() -> float:
    own, waited = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime


def run(articles: int = ARTICLES, runs: int = RUNS) -> dict:
    results = [
        {**m.json(), "seconds": round(m.seconds, 2), "cpu_s": round(m.cpu_s, 2), "peak_mb": round(m.peak_mb)}
        for m in builds_in_children(__file__, articles, runs, LIMIT_S)
    ]
    return {"articles": articles, "runs": results}


def markdown(result: dict) -> str:
    runs = result["runs"]
    names = [s["stage"] for s in runs[0]["stages"]]
    rows = [[name, f"{min(s['wall'] for r in runs for s in r['stages'] if s['stage'] == name):.2f}",
             f"{min(s['cpu'] for r in runs for s in r['stages'] if s['stage'] == name):.2f}"] for name in names]
    rows.append(["whole run (child process)", f"{min(r['seconds'] for r in runs):.2f}", f"{min(r['cpu_s'] for r in runs):.2f}"])
    return "\n".join([
        f"{result['articles']} synthetic articles (seed {SEED}), {len(runs)} runs, minimum per stage; peak "
        f"{max(r['peak_mb'] for r in runs)} MB.",
        "",
        table(["stage", "wall s", "CPU s"], rows),
    ])


def main() -> None:
    parser = child_arguments(__doc__.splitlines()[0], ARTICLES)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    if args.child:
        emit(child(args.corpus, args.out, args.cache))
    else:
        print(markdown(run(args.articles, args.runs)))


if __name__ == "__main__":
    main()
