"""The `briefgen` command as analysts and scripts use it: through typer's runner and as the
installed console script, with the real Apertium engine.

Full builds are few (the init -> build -> preview flow, one human-readable build and one quiet
build); they share one translation cache, so only the first translates.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.cli import options as opt
from briefgen.errors import BriefgenError
from conftest import BRIEFGEN_EXE, SEEDS

runner = CliRunner()
# Section titles the flow test writes into briefgen.toml, and expects back from `preview`.
EDITED_TITLES = {"Diplomacy": "Foreign relations", "Security": "Threats and security"}
MARKING = "TEST MARKING - DO NOT FORWARD"
# Heavy libraries that `briefgen --help` must not load (they make start-up slow).
HEAVY_MODULES = ("sklearn", "argostranslate", "ctranslate2", "docxtpl", "docx", "jsonschema", "rich.progress", "briefgen.pipeline")


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One translation cache for the whole file: the first build translates, the others reuse it."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def workdir(tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder with the shared cache and a fixed generation time."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1758355200")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_installed(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BRIEFGEN_EXE), *args], cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=300)


def edit_config(path: Path) -> None:
    """What an analyst does after `init`: shorter brief, own marking, Apertium, renamed sections."""
    text = path.read_text(encoding="utf-8")
    edits = {
        r"(?m)^length = 900$": "length = 300",
        r'(?m)^marking = ".*"$': f'marking = "{MARKING}"',
        r'(?m)^formats = \["docx", "json"\]$': 'formats = ["docx", "json", "md"]',
        r'(?m)^engine = "auto"$': 'engine = "apertium"',
        **{f'(?m)^title_en = "{old}"$': f'title_en = "{new}"' for old, new in EDITED_TITLES.items()},
    }
    for pattern, replacement in edits.items():
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, f"briefgen.toml from `init` no longer has a line matching {pattern}"
    path.write_text(text, encoding="utf-8")


def test_init_edit_build_preview_as_installed_command(tmp_path: Path, cache_home: Path):
    folder = tmp_path / "briefs"
    env = {"XDG_CACHE_HOME": str(cache_home), "SOURCE_DATE_EPOCH": "1758355200"}
    init = run_installed("init", str(folder), cwd=tmp_path, **env)
    assert init.returncode == 0, init.stderr
    assert "Next:" in init.stdout
    edit_config(folder / "briefgen.toml")
    for seed in sorted(SEEDS.iterdir()):
        shutil.copy(seed, folder / "sources" / seed.name)

    build = run_installed("build", "--json", cwd=folder, **env)
    assert build.returncode == 0, build.stderr
    summary = json.loads(build.stdout)
    assert summary["sources_used"] == 5 and summary["sources_skipped"] == []
    assert summary["engine"]["name"] == "apertium"
    titles = [s["title"] for s in summary["sections"]]
    assert titles[:2] == list(EDITED_TITLES.values())
    assert summary["outputs"] == [f"outputs/brief-{summary['week']}.{ext}" for ext in ("docx", "json", "md", "manifest.json")]
    assert all((folder / p).is_file() for p in summary["outputs"])
    assert f"**{MARKING}**" in (folder / summary["outputs"][2]).read_text(encoding="utf-8")
    sidecar = json.loads((folder / summary["outputs"][1]).read_text(encoding="utf-8"))
    body = sum(len(p["en"].split()) for s in sidecar["sections"] for p in s["points"])
    assert 0 < body <= 360  # length = 300 bounds the estimated English; real English may run over a little

    preview = run_installed("preview", cwd=folder, **env)
    assert preview.returncode == 0, preview.stderr
    for title in EDITED_TITLES.values():
        assert title in preview.stdout
    assert "Key developments" in preview.stdout
    assert re.search(r"• [^•]+ \[1\]", preview.stdout)  # points carry citation numbers (lines wrap)
    assert re.search(r"(?m)^\s+\[1\] .+para\. \d+", preview.stdout)  # and the numbers are listed


def test_build_prints_a_summary_for_people(workdir: Path):
    result = runner.invoke(app, ["build", str(SEEDS), "--engine", "apertium", "--format", "json, md", "--verbose"])
    assert result.exit_code == 0, result.output
    assert "5 used" in result.stdout
    assert "Diplomacy" in result.stdout and "Russia context" in result.stdout
    assert "outputs/brief-2025-W38.json" in result.stdout and "outputs/brief-2025-W38.md" in result.stdout
    assert "briefgen preview outputs/brief-2025-W38.json" in result.stdout
    # --verbose: engine identity, each stage with its time, and the cache's share
    assert "Engine: apertium" in result.stderr
    assert re.search(r"✓ Translating.* \d+\.\d s", result.stderr)
    assert "translation cache" in result.stderr
    assert sorted(p.name for p in (workdir / "outputs").iterdir() if not p.name.startswith(".")) == ["brief-2025-W38.json", "brief-2025-W38.manifest.json", "brief-2025-W38.md"]


def test_french_edition_selects_no_engine(workdir: Path, monkeypatch: pytest.MonkeyPatch):
    def no_engine(*args, **kwargs):
        raise AssertionError("a French-only edition must not start a translation engine")

    monkeypatch.setattr("briefgen.translate.apertium.ApertiumTranslator", no_engine)  # the registry creates engines from these
    monkeypatch.setattr("briefgen.translate.argos.ArgosTranslator", no_engine)
    result = runner.invoke(app, ["build", str(SEEDS), "--lang", "fr", "--no-annex", "--footnotes", "full", "--out", "fr"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (workdir / "fr").iterdir() if not p.name.startswith(".")) == [
        "brief-2025-W38.fr.docx", "brief-2025-W38.json", "brief-2025-W38.manifest.json"]
    sidecar = json.loads((workdir / "fr" / "brief-2025-W38.json").read_text(encoding="utf-8"))
    assert sidecar["engine"]["name"] == "none" and not any(p["en"] for s in sidecar["sections"] for p in s["points"])
    again = runner.invoke(app, ["build", str(SEEDS), "--lang", "fr", "--no-annex", "--footnotes", "full", "--out", "fr"])
    assert again.exit_code == 0 and "is up to date" in again.stdout


def test_an_up_to_date_build_still_says_which_edited_brief_it_could_not_read(workdir: Path):
    french_only = ["build", str(SEEDS), "--lang", "fr", "--format", "json", "--out", "fr"]
    assert runner.invoke(app, french_only).exit_code == 0
    (workdir / "fr" / "brief-2025-W37.docx").write_bytes(b"PK\x03\x04 not really a zip")
    again = runner.invoke(app, french_only)
    assert again.exit_code == 0 and "is up to date" in again.stdout
    assert "warning: brief-2025-W37.docx is not a readable Word document" in again.stderr


def test_quiet_build_prints_nothing(workdir: Path):
    result = runner.invoke(app, ["build", str(SEEDS), "--engine", "apertium", "--format", "json", "--quiet", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    assert (workdir / "out" / "brief-2025-W38.json").is_file()


def test_sources_json_lists_every_seed(workdir: Path):
    result = runner.invoke(app, ["sources", str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    listing = json.loads(result.stdout)
    assert len(listing["sources"]) == 5
    assert {"id", "outlet", "date", "title", "words"} <= set(listing["sources"][0])
    assert listing["warnings"] == []


def test_sources_table(workdir: Path):
    result = runner.invoke(app, ["sources", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "5 sources" in result.stdout and "Sahel Tribune" in result.stdout


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# (arguments, files to create in the working folder, exit code, words the message must contain)
FAILURES = {
    "nonexistent path": (["build", "nowhere/"], {}, 3, "No usable French article found in nowhere"),
    "empty folder": (["build", "empty/"], {"empty/": ""}, 3, "No usable French article"),
    "default sources/ missing": (["build"], {}, 3, "sources: no such file or folder"),
    "sources of an empty folder": (["sources", "empty/"], {"empty/": ""}, 3, "briefgen reads .txt, .md, .html and .docx"),
    "briefgen.toml not TOML": (["build", str(SEEDS)], {"briefgen.toml": "[brief\n"}, 2, "is not valid TOML"),
    "briefgen.toml unknown key": (["build", str(SEEDS)], {"briefgen.toml": "[brief]\nlenght = 300\n"}, 2, "Did you mean 'length'?"),
    "unknown engine": (["build", str(SEEDS), "--engine", "deepl"], {}, 2, "Unknown engine 'deepl'"),
    "unknown format": (["build", str(SEEDS), "--format", "docx,odt"], {}, 2, "Unknown output format 'odt'"),
    "week escaping the folder": (["build", str(SEEDS), "--week", "../../etc"], {}, 2, "Invalid week '../../etc'"),
    "week without W": (["build", str(SEEDS), "--week", "2025-38"], {}, 2, "e.g. 2025-W38"),
    "week that does not exist": (["build", str(SEEDS), "--week", "2025-W53"], {}, 2, "2025 has weeks W01 to W52"),
    "length too short": (["build", str(SEEDS), "--length", "10"], {}, 2, "at least 50 words"),
    "missing template": (["build", str(SEEDS), "--engine", "apertium", "--template", "mine.docx"], {}, 5, "Template mine.docx not found"),
    "init onto a file": (["init", "taken"], {"taken": "x"}, 6, "is a file, not a folder"),
    "preview of a missing file": (["preview", "brief.json"], {}, 2, "brief.json does not exist"),
    "preview with no brief built": (["preview"], {}, 2, "Build one with `briefgen build`"),
    "preview of broken JSON": (["preview", "brief.json"], {"brief.json": "{"}, 2, "is not valid JSON"),
    "preview of other JSON": (["preview", "brief.json"], {"brief.json": "{}"}, 2, "is not a briefgen brief"),
}


@pytest.mark.parametrize("name", FAILURES)
def test_failures_are_plain_sentences_with_an_exit_code(name: str, workdir: Path):
    args, files, code, expected = FAILURES[name]
    for relative, text in files.items():
        if relative.endswith("/"):
            (workdir / relative).mkdir()
        else:
            _write(workdir / relative, text)
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith("Error: ") and expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert not result.stdout.strip()


def test_unexpected_error_is_one_line_and_the_traceback_needs_verbose(workdir: Path, monkeypatch: pytest.MonkeyPatch):
    def broken_ingest(paths):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("briefgen.ingest.ingest", broken_ingest)
    result = runner.invoke(app, ["sources", str(SEEDS)])
    assert result.exit_code == 1
    assert result.stderr == "Unexpected error: disk on fire. Run again with --verbose for details.\n"
    verbose = runner.invoke(app, ["sources", str(SEEDS), "--verbose"])
    assert verbose.exit_code == 1
    assert "Traceback" in verbose.stderr and "disk on fire" in verbose.stderr


def test_installed_command_reports_errors_without_traceback(tmp_path: Path):
    result = run_installed("build", "--week", "../../etc", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "Error: Invalid week '../../etc': use the ISO form YYYY-Www, e.g. 2025-W38.\n"


def test_root_help_lists_every_exit_code():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    codes = {cls.exit_code for cls in _subclasses(BriefgenError)} | {0, 1, 130}
    help_text = " ".join(result.stdout.split())
    for code in sorted(codes):
        assert f" {code} " in help_text, f"exit code {code} is not explained in `briefgen --help`"


def _subclasses(cls: type) -> list[type]:
    return [cls, *(sub for child in cls.__subclasses__() for sub in _subclasses(child))]


def _commands(command, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], object]]:
    found = [(prefix, command)]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        found += _commands(sub, (*prefix, name))
    return found


COMMANDS = _commands(typer.main.get_command(app))


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) or "briefgen" for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path: tuple[str, ...], command):
    """sqlite-utils style: a command without help text or a real example fails. Groups (`models`,
    `schedule`) need help text; their subcommands carry the examples."""
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"`briefgen {' '.join(path)}` has no help text"
    if path and getattr(command, "commands", None):
        return
    assert re.search(r"(?m)^\s*Example: briefgen ", result.stdout), f"`briefgen {' '.join(path)} --help` has no Example: line"


def _options(command: str) -> set[str]:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", result.stdout))


def test_build_and_weekly_help_list_the_same_output_options():
    output_options = {"--out", "--week", "--engine", "--length", "--format", "--template", "--glossary", "--force",
                      "--notes", "--quiet", "--verbose", "--json"}  # fmt: skip
    build, weekly = _options("build"), _options("weekly")
    assert output_options <= build and weekly - {"--context-days", "--collect"} == build


def test_a_command_sharing_the_build_options_receives_them_as_given():
    probe = typer.Typer()
    received = []

    @probe.command()
    @opt.with_build_options
    def command(name: str, *, options: opt.BuildOptions) -> None:
        received.append((name, options))

    result = runner.invoke(probe, ["seeds", "-o", "out", "--length", "600", "--format", "docx, md", "--no-annex", "--lang", "en,fr", "-q"])
    assert result.exit_code == 0, result.output
    [(name, options)] = received
    assert name == "seeds" and options.out == Path("out") and options.quiet and not options.verbose and options.notes == Path("notes")
    assert options.overrides() == {"engine": None, "length": 600, "formats": ["docx", "md"], "template": None, "glossary": None,
                                   "lang": ["en", "fr"], "annex": False, "footnotes": None}  # fmt: skip


def test_help_does_not_load_heavy_libraries():
    """`briefgen --help` stays fast because the commands import the pipeline only when they run."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from briefgen.cli import app\n"
        "for args in (['--help'], ['build', '--help'], ['preview', '--help']):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0\n"
        f"print(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _complete_bash(words: str, tmp_path: Path) -> list[str]:
    """What bash offers for `words<TAB>`, through the script `--show-completion bash` prints."""
    script = (
        'eval "$(briefgen --show-completion bash)"\n'
        f"COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n"
        "_briefgen_completion briefgen\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BRIEFGEN_EXE.parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_bash_completion_of_the_installed_command(tmp_path: Path):
    assert _complete_bash("briefgen bu", tmp_path) == ["build"]
    assert _complete_bash("briefgen pre", tmp_path) == ["preview"]
    assert "--format" in _complete_bash("briefgen build --fo", tmp_path)
    assert _complete_bash("briefgen build --engine ap", tmp_path) == ["apertium"]


def test_completion_protocol_answers_directly(tmp_path: Path):
    """The protocol the shell scripts use: _BRIEFGEN_COMPLETE with COMP_WORDS/COMP_CWORD (bash)."""
    result = run_installed(cwd=tmp_path, _BRIEFGEN_COMPLETE="complete_bash", COMP_WORDS="briefgen build --format docx,j", COMP_CWORD="3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["docx,json"]
