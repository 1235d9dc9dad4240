"""Faults during a real `briefgen build`: kill -9, full disk, unwritable or corrupted outputs,
corrupted cache, no translation engine. The last good outputs always survive and the next run works.

Builds run as subprocesses of the installed command with the real Apertium engine. To kill at an
exact moment, a build is started through a tiny wrapper that pauses at one named point and says so
(a file appears); the test then sends SIGKILL. Other kills land at fixed delays, and the assertions
hold wherever they land.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefgen.render.sidecar import validate
from briefgen.schedule import LAST_RUN

WEEK = "2025-W38"
NAMES = [f"brief-{WEEK}.docx", f"brief-{WEEK}.json", f"brief-{WEEK}.manifest.json"]
PREVIOUS = {name: f"previous {name}: last week's good output\n".encode() for name in NAMES}
# Longest a build of the seeds may take before a test gives up waiting (Apertium: a few seconds).
BUILD_TIMEOUT = 120
# Seconds after start at which the real command is killed: start-up, analysis, rendering (roughly).
KILL_DELAYS = (0.5, 2.0)
# Where the wrapper can pause: (module, attribute to wrap, run the real call first, and the text
# the call's second argument must contain, "" for any call). os.replace is also used by libraries
# (matplotlib's font cache), hence the filter on the destination's name.
PAUSE_POINTS = {
    "translate": ("briefgen.build", "translate_brief", False, ""),  # before any output file exists
    "rendered": ("briefgen.output", "publish", False, ""),  # every temporary file complete, none published
    "half-published": ("briefgen.output", "os.replace", True, NAMES[0]),  # the .docx replaced, the .json not yet
}
PAUSING_BUILD = textwrap.dedent(
    """
    import functools, importlib, sys, time
    from pathlib import Path
    module, attribute, run_first, match, signal_file = sys.argv[1:6]
    *path, name = attribute.split(".")
    owner = functools.reduce(getattr, path, importlib.import_module(module))
    real = getattr(owner, name)
    def pause(*args, **kwargs):
        if match and (len(args) < 2 or match not in str(args[1])):
            return real(*args, **kwargs)
        if run_first == "1":
            real(*args, **kwargs)
        Path(signal_file).write_text("paused")
        time.sleep(600)
    setattr(owner, name, pause)
    sys.argv = ["briefgen", *sys.argv[6:]]
    from briefgen.cli import main
    main()
    """
)


def build_args(out: Path, seeds: Path) -> list[str]:
    # --force: the previous files here are stand-ins, not briefs briefgen stamped (edit safety is
    # tested in test_edits.py); these tests are about atomicity.
    return ["build", str(seeds), "--out", str(out), "--engine", "apertium", "--quiet", "--force"]


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One translation cache for the module's builds: Apertium runs once, later builds are quicker
    (and every kill also lands on a cache in use; SQLite's journal keeps it consistent)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def env(isolated_env: dict[str, str], shared_cache: Path) -> dict[str, str]:
    return {**isolated_env, "XDG_CACHE_HOME": str(shared_cache)}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding last week's outputs (sentinels: any change to them shows)."""
    folder = tmp_path / "outputs"
    folder.mkdir()
    for name, data in PREVIOUS.items():
        (folder / name).write_bytes(data)
    return folder


def assert_complete_or_previous(out: Path) -> None:
    """Each output is either exactly the previous file or a complete new one, never a partial one."""
    for name in NAMES:
        data = (out / name).read_bytes()
        if data == PREVIOUS[name]:
            continue
        if name.endswith(".manifest.json"):
            assert json.loads(data)["week"] == WEEK
        elif name.endswith(".json"):
            validate(json.loads(data))
        else:
            import docx

            docx.Document(str(out / name))


def assert_next_run_succeeds(briefgen_exe: Path, out: Path, seeds: Path, env: dict[str, str]) -> None:
    result = subprocess.run([briefgen_exe, *build_args(out, seeds)], env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert all((out / name).read_bytes() != PREVIOUS[name] for name in NAMES)
    assert_complete_or_previous(out)
    assert sorted(p.name for p in out.iterdir()) == [LAST_RUN, ".briefgen.lock", *NAMES]  # no temporary file left behind


def wait_for(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not path.exists():
        if process.poll() is not None:
            pytest.fail(f"the build ended ({process.returncode}) before pausing: {process.stderr.read()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the build never reached its pause point")
        time.sleep(0.01)


def kill_at_pause_point(point: str, out: Path, seeds: Path, env: dict[str, str], tmp_path: Path) -> None:
    module, attribute, run_first, match = PAUSE_POINTS[point]
    signal_file = tmp_path / f"paused-{point}"
    wrapper = [sys.executable, "-c", PAUSING_BUILD, module, attribute, "1" if run_first else "0", match, str(signal_file)]
    process = subprocess.Popen(
        [*wrapper, *build_args(out, seeds)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_for(signal_file, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL


def test_kill_9_at_each_known_moment_then_the_next_run_succeeds(out, seeds_dir, briefgen_exe, env, tmp_path):
    """The moments in order of a build; the folder is shared, so each kill also meets the
    leftovers (temporary files, the lock) of the one before."""
    kill_at_pause_point("translate", out, seeds_dir, env, tmp_path)
    assert all((out / name).read_bytes() == data for name, data in PREVIOUS.items())
    kill_at_pause_point("rendered", out, seeds_dir, env, tmp_path)
    assert all((out / name).read_bytes() == data for name, data in PREVIOUS.items())
    assert len(list(out.glob(".brief-*.tmp"))) == len(NAMES)  # complete but unpublished: left for the next run
    kill_at_pause_point("half-published", out, seeds_dir, env, tmp_path)
    assert (out / NAMES[0]).read_bytes() != PREVIOUS[NAMES[0]]  # the pause really was between the two renames
    assert (out / NAMES[1]).read_bytes() == PREVIOUS[NAMES[1]]
    assert_complete_or_previous(out)
    assert_next_run_succeeds(briefgen_exe, out, seeds_dir, env)


def test_kill_9_of_the_real_command_at_any_moment(out, seeds_dir, briefgen_exe, env):
    """Fixed delays land in different stages from machine to machine; the guarantee holds at all."""
    for delay in KILL_DELAYS:
        process = subprocess.Popen([briefgen_exe, *build_args(out, seeds_dir)], env=env, stderr=subprocess.PIPE)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=BUILD_TIMEOUT)
        assert_complete_or_previous(out)
    process = subprocess.Popen([briefgen_exe, *build_args(out, seeds_dir)], env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not list(out.glob(".brief-*.tmp")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)  # kill as soon as a temporary file appears
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert_complete_or_previous(out)
    assert_next_run_succeeds(briefgen_exe, out, seeds_dir, env)


def _unshare_mount_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "--mount", "--map-root-user", "true"], capture_output=True)
    plain = subprocess.run(["unshare", "--mount", "true"], capture_output=True)
    return probe.returncode == 0 or plain.returncode == 0


@pytest.mark.skipif(not _unshare_mount_works(), reason="needs `unshare --mount` to mount a private tiny filesystem")
def test_full_disk_is_a_clear_error_and_replaces_nothing(seeds_dir, briefgen_exe, env, out, tmp_path):
    """A real full disk: a 64 KiB tmpfs, mounted in a private mount namespace (nothing leaks out),
    holding last week's outputs and other files that leave too little room for the new brief."""
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    one_seed = seeds_dir / "001_acd4907f2525db7b.txt"  # dated in 2025-W38, like the previous outputs
    command = " ".join(shlex.quote(str(a)) for a in [briefgen_exe, *build_args(tiny, one_seed)])
    script = f"""
        mount -t tmpfs -o size=64k tmpfs {shlex.quote(str(tiny))} || exit 99
        cp {shlex.quote(str(out))}/brief-* {shlex.quote(str(tiny))}/
        head -c 40000 /dev/zero > {shlex.quote(str(tiny))}/other-files
        {command}; code=$?
        cp -r {shlex.quote(str(tiny))} {shlex.quote(str(tmp_path / "after"))}
        exit $code
    """
    namespace = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--mount", "--map-root-user"]
    result = subprocess.run([*namespace, "sh", "-c", script], env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert result.returncode == 6, result.stderr
    assert result.stderr.startswith("Error: Could not write ") and "No space left on device" in result.stderr
    assert "The disk is full" in result.stderr and "Nothing was replaced" in result.stderr and ".tmp" not in result.stderr
    after = tmp_path / "after"
    assert sorted(p.name for p in after.iterdir()) == [LAST_RUN, ".briefgen.lock", *NAMES, "other-files"]  # no partial file
    assert json.loads((after / LAST_RUN).read_text(encoding="utf-8"))["exit_code"] == 6
    assert all((after / name).read_bytes() == data for name, data in PREVIOUS.items())


@pytest.fixture
def cli_with_fake_engine(monkeypatch, fake_translator, isolated_home):
    """Run `briefgen` in-process (typer's CliRunner) with the fake translator: for faults that are
    not about translation."""
    from typer.testing import CliRunner

    from briefgen.cli import app

    monkeypatch.setattr("briefgen.translate.select_engine", lambda config: fake_translator)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "1000"})


def test_output_folder_that_cannot_exist(cli_with_fake_engine, seeds_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the output folder should be")
    result = cli_with_fake_engine("build", seeds_dir, "--out", blocker / "outputs")
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: Cannot write to the output folder") and "--out" in result.stderr


def test_corrupted_translation_cache_is_rebuilt_with_a_warning(cli_with_fake_engine, seeds_dir, out, isolated_home):
    cache = isolated_home / "cache" / "briefgen" / "translations.sqlite"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 2000)
    result = cli_with_fake_engine("build", seeds_dir, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = json.loads((out / NAMES[1]).read_text())["warnings"]
    assert any("translation cache" in w["message"] and "rebuilt" in w["message"] for w in warnings)
    assert "translation cache" in result.stderr and "rebuilt" in result.stderr


def test_corrupted_previous_brief_does_not_stop_the_build(cli_with_fake_engine, seeds_dir, out):
    corrupt = out / "brief-2025-W37.json"
    corrupt.write_bytes(b'{"schema": "briefgen/brief@1", "period": {"wee\x00\xff')
    result = cli_with_fake_engine("build", seeds_dir, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    validate(json.loads((out / NAMES[1]).read_text()))
    assert corrupt.read_bytes().endswith(b"\x00\xff")  # not ours to repair or delete


def test_no_translation_engine_exits_4_and_says_how_to_install_one(briefgen_exe, isolated_env, out, tmp_path):
    """No Apertium on PATH and an empty Argos package folder. The sources folder does not exist
    either: the engine is checked first, so no time is lost reading and analysing sources."""
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**isolated_env, "PATH": str(empty), "ARGOS_PACKAGES_DIR": str(empty), "XDG_DATA_HOME": str(empty)}
    command = [briefgen_exe, "build", tmp_path / "no-such-folder", "--out", out]  # engine: auto
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert result.returncode == 4, result.stderr
    assert result.stderr.startswith("Error: No translation engine is available.")
    assert "briefgen models install" in result.stderr and "apt" in result.stderr
    assert all((out / name).read_bytes() == data for name, data in PREVIOUS.items())
