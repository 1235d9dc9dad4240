"""What every benchmark shares: run one measurement in a child process, machine facts, formatting.

Each measurement is its own child process, so its peak memory is its own: `os.wait4` returns the
child's resource usage (ru_maxrss, KiB on Linux), the per-child form of
`resource.getrusage(RUSAGE_CHILDREN)`. Engine subprocesses the child starts (Apertium) are
not counted; they are small (tens of MB) and short-lived.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
BRIEFGEN = ROOT / ".venv" / "bin" / "briefgen"
SEEDS = ROOT / "seeds"
RESULTS = ROOT / "benchmarks" / "results.md"
POLL_S = 0.1  # how often a child with a time limit is checked
SEED = 0  # of the synthetic corpus (corpus.py) the child builds read


@dataclass
class Measurement:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    cpu_s: float = 0.0  # user + system, of the child and of the processes it waited for

    def check(self, what: str) -> Measurement:
        if self.timed_out:
            raise TimeoutError(f"{what} did not finish within its time limit ({self.seconds:.0f} s)")
        if self.returncode:
            tail = "\n".join(self.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"{what} failed with exit code {self.returncode}:\n{tail}")
        return self

    def json(self) -> dict:
        """The last line of stdout, parsed: child scripts report their inner figures that way."""
        return json.loads(self.stdout.strip().splitlines()[-1])


def measure(command: Sequence[str | Path], env: dict[str, str] | None = None, cwd: Path = ROOT, timeout: float | None = None) -> Measurement:
    """Run `command` to completion; wall time, the child's peak resident memory and its CPU time.

    Output goes to temporary files (not pipes) so the child can be reaped with os.wait4, which
    returns its rusage, without a reader thread. After `timeout` seconds the child and everything
    it started (its own session) are killed and the Measurement says `timed_out`.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [str(c) for c in command], cwd=cwd, env={**os.environ, **(env or {})}, stdout=out, stderr=err, start_new_session=True
        )
        status, usage, timed_out = _reap(child.pid, started, timeout)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here; Popen must not wait again
        out.seek(0)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Measurement(seconds, usage.ru_maxrss / 1024, child.returncode, out.read(), err.read(), timed_out, cpu)


def _reap(pid: int, started: float, timeout: float | None) -> tuple[int, os.struct_rusage, bool]:
    """Wait for `pid` (polling when there is a timeout); kill its session when time is up."""
    if timeout is None:
        _, status, usage = os.wait4(pid, 0)
        return status, usage, False
    while time.perf_counter() - started < timeout:
        reaped, status, usage = os.wait4(pid, os.WNOHANG)
        if reaped:
            return status, usage, False
        time.sleep(POLL_S)
    os.killpg(pid, signal.SIGKILL)  # the child leads its own session: this reaches only what it started
    _, status, usage = os.wait4(pid, 0)
    return status, usage, True


def python(*args: str | Path, env: dict[str, str] | None = None, timeout: float | None = None) -> Measurement:
    """Run a Python script of the venv as a measured child."""
    return measure([PYTHON, *args], env, timeout=timeout)


def slope(sizes: Sequence[float], values: Sequence[float]) -> float:
    """Least-squares slope of log(value) against log(size): the growth exponent."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(v, 1e-9)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def emit(result: dict) -> None:
    """Child scripts end by printing one JSON line (read back with Measurement.json())."""
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


def builds_in_children(script: str | Path, articles: int, runs: int = 1, timeout: float | None = None) -> list[Measurement]:
    """`script --child` run `runs` times on one synthetic corpus of `articles` articles, each run a
    measured child process with its own output folder and cold translation cache."""
    from corpus import write_corpus

    name = Path(script).stem
    with tempfile.TemporaryDirectory(prefix=f"briefgen-{name}-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(articles, corpus, SEED)
        return [
            python(script, "--child", "--corpus", corpus, "--out", Path(tmp) / f"out-{i}", "--cache", Path(tmp) / f"cache-{i}.sqlite", timeout=timeout).check(name)
            for i in range(runs)
        ]


def child_arguments(description: str, articles: int) -> argparse.ArgumentParser:
    """The options of a script that builds in children: --articles, and what its child is given."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--articles", type=int, default=articles)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    for option in ("--corpus", "--out", "--cache"):
        parser.add_argument(option, type=Path, help=argparse.SUPPRESS)
    return parser


@dataclass
class ChildBuild:
    """A build set up in a child process as `briefgen build` sets it up (configuration, engine,
    renderers), with the cache it was given, for the child to run and measure stage by stage."""

    config: Any
    translator: Any
    renderers: Any
    out: Path

    @classmethod
    def setup(cls, out: Path, cache: Path) -> ChildBuild:
        """Imports all that a build imports before it reads a source, so the child measures it here."""
        from briefgen import outdir, output, pipeline, registry, translate  # noqa: F401
        from briefgen.config import load_config

        config = load_config(ROOT, overrides={"cache": str(cache)})
        return cls(config, translate.select_engine(config), registry.renderers(), out)

    def translate(self, brief: Any) -> Any:
        """What pipeline.run does after the analysis: the period, then the English."""
        from briefgen.pipeline import choose_period, generation_time
        from briefgen.translate import translate_brief

        brief.generated_at = generation_time()
        brief.period = choose_period(brief, brief.generated_at)
        return translate_brief(brief, self.translator, self.config)

    def write(self, brief: Any) -> Any:
        """What `briefgen build` does last: DOCX + JSON into the output folder, under its lock."""
        from briefgen.outdir import locked
        from briefgen.output import write_brief

        with locked(self.out):
            write_brief(brief, self.config, self.out, self.renderers)
        return brief
