"""briefgen never touches the network: a full build passes with every connection attempt refused
in-process (socket guard) and in a process that has no network at all (`unshare -n`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen.cli import app
from briefgen.render.sidecar import validate

WEEK_FILES = ["brief-2025-W38.docx", "brief-2025-W38.json", "brief-2025-W38.manifest.json"]


def test_socket_guard_catches_connections(socket_guard):
    import socket
    import urllib.request

    with pytest.raises(OSError, match="network disabled"):
        urllib.request.urlopen("http://example.invalid/", timeout=1)
    with pytest.raises(OSError, match="network disabled"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    socket_guard.clear()  # these attempts were the point of this test


def test_full_build_with_the_network_refused(socket_guard, isolated_home, seeds_dir):
    """The user's command, default engine choice (Argos if installed, else Apertium), in-process."""
    out = isolated_home / "outputs"
    result = CliRunner().invoke(app, ["build", str(seeds_dir), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / WEEK_FILES[1]).read_text(encoding="utf-8"))
    validate(data)
    assert data["engine"]["name"] in ("argos", "apertium")
    assert all(p["en"] for p in data["key_judgements"])
    for command in (["sources", str(seeds_dir)], ["doctor"]):
        assert CliRunner().invoke(app, command).exit_code == 0, command


def _network_namespace() -> list[str] | None:
    """`unshare -n` (root) or `unshare -rn` (user namespaces), whichever works here."""
    if not shutil.which("unshare"):
        return None
    for command in (["unshare", "-n"], ["unshare", "-r", "-n"]):
        if subprocess.run([*command, "true"], capture_output=True).returncode == 0:
            return command
    return None


NO_NETWORK = _network_namespace()


@pytest.mark.skipif(NO_NETWORK is None, reason="`unshare -n` is not permitted here")
def test_full_build_in_a_process_without_network(briefgen_exe, isolated_env, seeds_dir, tmp_path):
    """Subprocesses too (Apertium, LibreOffice) run without network, so nothing can reach out."""
    connect = "import socket; socket.create_connection(('1.1.1.1', 53), 2)"
    probe = subprocess.run([*NO_NETWORK, "python3", "-c", connect], capture_output=True, text=True)
    assert probe.returncode != 0 and "Network is unreachable" in probe.stderr  # the namespace really is offline
    out = tmp_path / "outputs"
    result = subprocess.run(
        [*NO_NETWORK, str(briefgen_exe), "build", str(seeds_dir), "--out", str(out)],
        env=isolated_env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == WEEK_FILES
    validate(json.loads((out / WEEK_FILES[1]).read_text(encoding="utf-8")))


@pytest.fixture
def argos_package_dir(tmp_path: Path, argosmodel_file: Path) -> Path:
    """The small real Argos test model, unpacked, not installed."""
    with zipfile.ZipFile(argosmodel_file) as archive:
        archive.extractall(tmp_path / "argos")
    return next((tmp_path / "argos").rglob("metadata.json")).parent


def test_argos_translates_without_network(socket_guard, argos_package_dir):
    """argostranslate's own translate() would fetch sentence-splitter models; our engine must not."""
    from briefgen.translate.argos import ArgosTranslator

    translator = ArgosTranslator(argos_package_dir)
    (english,) = translator.translate_batch(["我们明天见。"])
    assert english.strip()
