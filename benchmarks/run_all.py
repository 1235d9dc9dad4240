"""`make bench`: run every benchmark and rewrite our sections of benchmarks/results.md.

Run: BRIEFGEN_TEST_ARGOSMODEL=<zh->en .argosmodel> .venv/bin/python benchmarks/run_all.py [--quick]

Order: machine facts, the sample brief (cold/warm), the translation helper's
`translate_throughput.py` and the summarisation helper's `quality.py` (as child processes, when
present; they keep their own sections), the peer pipeline, scale, profile. About 15-25 minutes on
2 cores; `--quick` uses small corpora (for trying the harness, not for the record).

results.md is shared: it is re-read just before writing and only the sections listed in OWNED are
replaced (or appended); every other section stays byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import peer_pipeline  # noqa: E402
import profile_stages  # noqa: E402
import sample_brief  # noqa: E402
import scale  # noqa: E402
from harness import RESULTS, ROOT, python, table  # noqa: E402

OWNED = ("Machine", "Sample brief", "Against the peer pipeline", "Scale", "Profile")
HELPER_SCRIPTS = ("translate_throughput.py", "quality.py")  # other helpers' benchmarks, run as they are
PACKAGES = ("argos-translate-lt", "ctranslate2", "sentencepiece", "numpy", "scipy", "scikit-learn", "rapidfuzz", "docxtpl", "python-docx", "typer")
DEBIAN_PACKAGES = ("apertium", "apertium-fra-cat", "apertium-eng-cat", "lttoolbox", "libreoffice-writer-nogui")
QUICK = {"peer": (5, 20), "scale": (20, 60), "profile": 60}
TITLE = "# Benchmarks\n\nWritten by `make bench` (`benchmarks/run_all.py`); see benchmarks/README.md for what each measures.\n"


def machine() -> str:
    cpu = _command(["lscpu"])
    model = re.search(r"Model name:\s*(.+)", cpu)
    with open("/proc/meminfo", encoding="ascii") as f:
        mem_kib = int(re.search(r"MemTotal:\s*(\d+)", f.read())[1])
    dpkg = _command(["dpkg-query", "-W", "-f=${Package} ${Version}\n", *DEBIAN_PACKAGES]).strip().splitlines()
    rows = [
        ["CPU", model[1].strip() if model else platform.processor() or "?"],
        ["cores available", str(len(os.sched_getaffinity(0)))],
        ["RAM", f"{mem_kib / 2**20:.1f} GiB"],
        ["OS", f"{platform.system()} {platform.release()} ({_os_name()})"],
        ["Python", platform.python_version()],
        ["Python packages", ", ".join(f"{p} {_version(p)}" for p in PACKAGES)],
        ["Apertium", _command(["apertium", "-V"]).strip() + "; " + ", ".join(dpkg)],
        ["date", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")],
    ]
    return table(["", "this run"], rows)


def _command(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _os_name() -> str:
    try:
        return platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        return ""


def helper_scripts() -> str:
    """Run the other helpers' benchmarks as they are and quote their output (their sections stay theirs)."""
    blocks = []
    for name in HELPER_SCRIPTS:
        script = ROOT / "benchmarks" / name
        if not script.is_file():
            blocks.append(f"`{name}`: not present, not run.")
            continue
        print(f"== {name}", flush=True)
        m = python(script)
        print(m.stdout + m.stderr[-3000:], flush=True)
        state = "" if m.returncode == 0 else f" **failed** (exit {m.returncode}):"
        output = (m.stdout if m.returncode == 0 else m.stderr[-1500:]).strip()
        blocks.append(f"`benchmarks/{name}`, {m.seconds:.0f} s, peak {m.peak_mb:.0f} MB:{state}\n\n```\n{output}\n```")
    return "\n\n".join(blocks)


def split_sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(text before the first '## ' heading, [(heading title, section text including heading)])."""
    parts = re.split(r"(?m)^(?=## )", text)
    head = parts[0] if parts and not parts[0].startswith("## ") else ""
    sections = [(p.splitlines()[0][3:].strip(), p) for p in parts if p.startswith("## ")]
    return head, sections


def write_sections(new: dict[str, str], path: Path = RESULTS) -> None:
    """Replace our sections in place (or append them); everyone else's stay as they are."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    head, sections = split_sections(text)
    done = set()
    out = []
    for title, body in sections:
        if title in new:
            out.append(_section(title, new[title]))
            done.add(title)
        else:
            out.append(body if body.endswith("\n\n") else body.rstrip("\n") + "\n\n")
    missing = [_section(title, new[title]) for title in OWNED if title in new and title not in done]
    if missing and "Machine" in new and "Machine" not in done:
        out.insert(0, missing.pop(0))  # what the numbers were measured on comes first
    out += missing
    path.write_text((head or TITLE + "\n") + "".join(out).rstrip("\n") + "\n", encoding="utf-8")


def _section(title: str, body: str) -> str:
    return f"## {title}\n\n{body.strip()}\n\n"


def attempt(title: str, produce: Callable[[], str]) -> str:
    """A benchmark that fails is reported in its section, and the others still run."""
    print(f"== {title}", flush=True)
    started = time.monotonic()
    try:
        body = produce()
    except Exception:  # noqa: BLE001 - the report must say what failed, whatever it was
        body = "Not measured in this run; the benchmark failed:\n\n```\n" + traceback.format_exc()[-2000:] + "```"
    print(f"   {time.monotonic() - started:.0f} s", flush=True)
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, to try the harness (not for the record)")
    parser.add_argument("--only", nargs="+", choices=OWNED, help="run only these sections")
    args = parser.parse_args()
    peer_sizes = QUICK["peer"] if args.quick else peer_pipeline.SIZES
    scale_sizes = QUICK["scale"] if args.quick else scale.SIZES
    profile_articles = QUICK["profile"] if args.quick else profile_stages.ARTICLES
    wanted = set(args.only or OWNED)
    started = time.monotonic()
    new: dict[str, str] = {}
    if "Machine" in wanted:
        new["Machine"] = attempt("Machine", machine)
    if "Sample brief" in wanted:
        new["Sample brief"] = attempt("Sample brief", lambda: sample_brief.markdown(sample_brief.run()))
    helpers = helper_scripts() if not args.only else ""
    if "Against the peer pipeline" in wanted:
        body = attempt("Against the peer pipeline", lambda: peer_pipeline.markdown(peer_pipeline.run(peer_sizes)))
        quoted = f"\n\nThe engines' own throughput and the summary's quality in this same run, as printed by the other helpers' benchmarks (their sections of this file are theirs):\n\n{helpers}"
        new["Against the peer pipeline"] = body + (quoted if helpers else "")
    if "Scale" in wanted:
        new["Scale"] = attempt("Scale", lambda: scale.markdown(scale.run(scale_sizes)))
    if "Profile" in wanted:
        new["Profile"] = attempt("Profile", lambda: profile_stages.markdown(profile_stages.run(profile_articles)))
    if args.quick:
        new = {title: "_Quick run (small corpora), not for the record._\n\n" + body for title, body in new.items()}
    write_sections(new)
    print(f"benchmarks/results.md updated ({', '.join(new)}) in {(time.monotonic() - started) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
