"""Profile: where the time goes in each stage at 500 articles, and what `briefgen --help` costs.

Run: .venv/bin/python benchmarks/profile_stages.py [--articles 500]

One child process runs the build stage by stage (ingest, the analysis stages, translate with a
cold cache, render DOCX + JSON) under pyinstrument, one profile per stage, and reports each
stage's time and its functions with the most own time (share of the stage). pyinstrument samples
the stack every millisecond, so it barely slows the code (cProfile tripled the time of the
pure-Python stages and distorted their shares).
Start-up: the median wall time of `briefgen --help`, and the heaviest imports from
`python -X importtime -c "import briefgen.cli"`.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import BRIEFGEN, PYTHON, ChildBuild, builds_in_children, child_arguments, emit, measure, table  # noqa: E402

ARTICLES = 500
TOP = 4  # hot functions listed per stage
SAMPLE_INTERVAL_S = 0.001
STAGE_FLOOR = 0.05  # share of the build below which a stage's hot spots are not listed
HELP_RUNS = 5
LIMIT_S = 1200  # the profiled build; a stage gone quadratic must not stall `make bench`
HELP_TARGET_S = 0.5
IMPORTS_SHOWN = 8
# What `briefgen build` imports before it reads anything: the pipeline and the renderers.
BUILD_IMPORTS = "import briefgen.build, briefgen.registry; briefgen.registry.renderers()"


def child_profile(corpus: Path, out: Path, cache: Path) -> dict:
    from pyinstrument import Profiler

    profiler = Profiler(interval=SAMPLE_INTERVAL_S)
    started = time.perf_counter()
    profiler.start()  # the first "stage": what `briefgen build` imports and sets up before reading
    from briefgen.ingest import ingest
    from briefgen.pipeline import ANALYSIS_STAGES

    build = ChildBuild.setup(out, cache)
    profiler.stop()
    report = [{"stage": "imports + setup", "seconds": round(time.perf_counter() - started, 3), "hot": _hot(profiler.last_session.root_frame())}]
    paths = sorted(corpus.iterdir())
    state: dict = {}
    stages = [("ingest", lambda _: ingest(paths))]
    stages += [(name, lambda brief, f=f: f(brief, build.config)) for name, f in ANALYSIS_STAGES]
    stages += [("translate", build.translate), ("render", build.write)]
    for name, stage in stages:
        profiler = Profiler(interval=SAMPLE_INTERVAL_S)
        started = time.perf_counter()
        profiler.start()
        state["brief"] = stage(state.get("brief"))
        profiler.stop()
        report.append({"stage": name, "seconds": round(time.perf_counter() - started, 3), "hot": _hot(profiler.last_session.root_frame())})
    return {"articles": len(state["brief"].sources), "engine": build.translator.info.name, "stages": report}


def _hot(root) -> list[dict]:
    """The functions with the most own (self) time, summed over every place they were called from."""
    own: Counter[tuple[str, str, int]] = Counter()

    def walk(frame) -> None:
        if not frame.is_synthetic:
            own[(frame.function, frame.file_path_short or "", frame.line_no or 0)] += frame.total_self_time
        for child in frame.children:
            walk(child)

    if root is not None:
        walk(root)
    total = sum(own.values()) or 1.0
    return [
        {"function": f"{path}:{line} {function}" if line else function, "own_s": round(seconds, 3), "share": round(seconds / total, 3)}
        for (function, path, line), seconds in own.most_common(TOP)
    ]


def startup() -> dict:
    runs = [measure([BRIEFGEN, "--help"]).check("briefgen --help") for _ in range(HELP_RUNS)]
    return {
        "help_s": round(statistics.median(r.seconds for r in runs), 3),
        "help_mb": round(max(r.peak_mb for r in runs)),
        "imports": _importtime("import briefgen.cli", by_package=False),
        "build_imports": _importtime(BUILD_IMPORTS, by_package=True),
    }


def _importtime(code: str, by_package: bool) -> list[dict]:
    """The heaviest imports in `python -X importtime -c code`, in ms.

    by_package=False: modules by cumulative time (nested imports included). by_package=True: the
    self time of every module summed per top-level package, so each library shows its own cost
    (scipy apart from the scikit-learn that imports it).
    """
    trace = measure([PYTHON, "-X", "importtime", "-c", code]).check("importtime").stderr
    totals: Counter[str] = Counter()
    for line in trace.splitlines():
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            if by_package:
                totals[parts[2].split(".")[0]] += int(parts[0])
            else:
                totals[parts[2]] = max(totals[parts[2]], int(parts[1]))
    return [{"module": name, "ms": round(us / 1000, 1)} for name, us in totals.most_common(IMPORTS_SHOWN)]


def run(articles: int = ARTICLES) -> dict:
    [m] = builds_in_children(__file__, articles, timeout=LIMIT_S)
    return {**m.json(), "peak_mb": round(m.peak_mb), "startup": startup()}


def markdown(result: dict) -> str:
    total = sum(s["seconds"] for s in result["stages"]) or 1.0
    rows = [[s["stage"], f"{s['seconds']:.2f}", f"{s['seconds'] / total:.0%}"] for s in result["stages"]]
    hot = []
    for s in sorted(result["stages"], key=lambda s: -s["seconds"]):
        if s["seconds"] / total < STAGE_FLOOR:
            continue
        for h in s["hot"]:
            hot.append([s["stage"], f"`{h['function']}`", f"{h['own_s']:.2f}", f"{h['share']:.0%}"])
    st = result["startup"]
    imports = ", ".join(f"`{i['module']}` {i['ms']} ms" for i in st["imports"])
    return "\n".join(
        [
            f"{result['articles']} synthetic articles, engine {result['engine']}, cold cache, each stage under pyinstrument "
            f"(1 ms sampling) in one child process (peak {result['peak_mb']} MB).",
            "",
            table(["stage", "s", "share of build"], rows),
            "",
            f"Functions with the most own time, per stage taking ≥ {STAGE_FLOOR:.0%} of the build (share = of that stage):",
            "",
            table(["stage", "function", "own s", "share"], hot),
            "",
            f"**Start-up**: `briefgen --help` median of {HELP_RUNS} runs **{st['help_s']:.2f} s** "
            f"(target ≤ {HELP_TARGET_S} s: {'yes' if st['help_s'] <= HELP_TARGET_S else '**no**'}), peak {st['help_mb']} MB. "
            f"Heaviest imports of `import briefgen.cli` (cumulative, `python -X importtime`): {imports}.",
            "",
            "**Imports of a build** (the pipeline and the renderers), own import time per package (`python -X importtime`, "
            "self times summed by top-level package): " + ", ".join(f"`{i['module']}` {i['ms'] / 1000:.2f} s" for i in st["build_imports"]) + ".",
        ]
    )


def main() -> None:
    args = child_arguments(__doc__.splitlines()[0], ARTICLES).parse_args()
    if args.child:
        emit(child_profile(args.corpus, args.out, args.cache))
    else:
        print(markdown(run(args.articles)))


if __name__ == "__main__":
    main()
