"""`models`, `doctor` and `translate` through typer's CliRunner on a throwaway root app."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from briefgen.cli.models import register
from briefgen.translate import apertium, selection

runner = CliRunner()


@pytest.fixture
def app(monkeypatch, tmp_path) -> typer.Typer:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.chdir(tmp_path)  # no briefgen.toml here: packaged defaults only
    root = typer.Typer()

    @root.callback()
    def main() -> None:
        """Test root."""

    register(root)
    return root


def test_translate_keeps_one_line_per_line(app, argos_home, fake, monkeypatch, tmp_path):
    monkeypatch.setattr("briefgen.translate.select_engine", lambda config: fake)
    source = tmp_path / "in.txt"
    source.write_text("Bonjour.\n\n\nLe JNIM recule.\nFin", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(source)])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n") == ["EN[Bonjour.]", "", "", "EN[Le JNIM recule.]", "EN[Fin]", ""]


@pytest.mark.skipif(not apertium.apertium_available(), reason="Apertium not installed")
def test_translate_with_real_apertium(app, argos_home, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Le ministre des Affaires étrangères a reçu Rudy Atallah.\n\nIl pleut à Bamako.\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(source), "--engine", "apertium"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.split("\n")
    assert len(lines) == 4 and lines[1] == "" and lines[3] == ""
    assert "Minister of Foreign Affairs" in lines[0] and "Rudy Atallah" in lines[0]
    assert "Bamako" in lines[2]
    assert (tmp_path / "xdg-cache" / "briefgen" / "translations.sqlite").is_file()


def test_translate_without_any_engine_exits_4(app, argos_home, monkeypatch, tmp_path):
    monkeypatch.setattr(selection, "apertium_available", lambda: False)
    source = tmp_path / "in.txt"
    source.write_text("Bonjour.\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(source)])
    assert result.exit_code == 4
    assert "briefgen models install" in result.stderr and "apt-get install" in result.stderr
    assert "Traceback" not in result.output


def test_translate_unknown_engine_is_a_config_error(app, tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Bonjour.\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(source), "--engine", "google"])
    assert result.exit_code == 2 and "Unknown engine" in result.stderr


def test_models_install_bad_file_is_a_clean_error(app, argos_home, tmp_path):
    bad = tmp_path / "broken.argosmodel"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = runner.invoke(app, ["models", "install", "--from", str(bad)])
    assert result.exit_code == 4
    assert result.stderr.startswith("Error: ") and "broken.argosmodel" in result.stderr
    assert "Traceback" not in result.output


def test_models_list_install_remove_real_package(app, zh_package, argosmodel_file):
    listed = runner.invoke(app, ["models", "list"])
    assert listed.exit_code == 0
    assert "translate-zh_en-1_9  zh->en  version 1.9" in listed.stdout
    removed = runner.invoke(app, ["models", "remove", "translate-zh_en-1_9"])
    assert removed.exit_code == 0 and "Removed translate-zh_en-1_9" in removed.stdout
    assert "(none)" in runner.invoke(app, ["models", "list"]).stdout
    installed = runner.invoke(app, ["models", "install", "--from", str(argosmodel_file)])
    assert installed.exit_code == 0 and "Installed translate-zh_en-1_9 (zh->en 1.9)" in installed.stdout


def test_models_remove_unknown(app, argos_home):
    result = runner.invoke(app, ["models", "remove", "nope"])
    assert result.exit_code == 4 and "No installed Argos package named 'nope'" in result.stderr


def test_doctor_json(app, argos_home, tmp_path):
    result = runner.invoke(app, ["doctor", "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["engines"]["argos"]["available"] is False
    assert report["engines"]["argos"]["packages_dir"] == str(argos_home)
    assert report["cache"] == str(tmp_path / "xdg-cache" / "briefgen" / "translations.sqlite")
    assert report["engines"]["apertium"]["available"] == apertium.apertium_available()
    assert report["network_needed"] is not report["engines"]["apertium"]["available"]


def test_doctor_text(app, argos_home):
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0
    assert "Argos:    no" in result.stdout and "Cache:" in result.stdout and "Network needed:" in result.stdout



def test_translate_reports_a_rebuilt_cache_on_stderr(app, fake, monkeypatch, tmp_path):
    monkeypatch.setattr("briefgen.translate.select_engine", lambda config: fake)
    cache = tmp_path / "xdg-cache" / "briefgen" / "translations.sqlite"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"garbage" * 100)
    source = tmp_path / "in.txt"
    source.write_text("Bonjour.\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(source)])
    assert result.exit_code == 0
    assert result.stdout == "EN[Bonjour.]\n"
    assert result.stderr.startswith("Warning: The translation cache") and "rebuilt" in result.stderr


# --- the online install path, against a package index served on 127.0.0.1 --------------------

LOOPBACK = "127.0.0.1"


@pytest.fixture
def package_server(tmp_path, argosmodel_file):
    """An Argos-format package index and the real test model, served over HTTP on 127.0.0.1.

    The only small real model is zh->en; its metadata is relabelled fr->en so that briefgen's
    French->English install and engine selection take it (the weights are untouched).
    """
    import http.server
    import threading
    import zipfile

    root = tmp_path / "index"
    root.mkdir()
    package = root / "translate-fr_en-1_9.argosmodel"
    with zipfile.ZipFile(argosmodel_file) as source, zipfile.ZipFile(package, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("/metadata.json"):
                meta = {**json.loads(data), "from_code": "fr", "from_name": "French"}
                data = json.dumps(meta).encode()
            target.writestr(item, data)
    requests: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args) -> None:
            requests.append(self.path)

    server = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
    base = f"http://{LOOPBACK}:{server.server_address[1]}/"
    index = [{
        "type": "translate", "code": "translate-fr_en", "package_version": "1.9", "argos_version": "1.9.0",
        "from_code": "fr", "from_name": "French", "to_code": "en", "to_name": "English",
        "links": [base + package.name],
    }]
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, package.name, requests
    server.shutdown()
    server.server_close()


def _argos_env(tmp_path, index_url: str) -> dict[str, str]:
    """A private Argos home pointed at `index_url` by argostranslate's own setting; no proxy."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and not k.startswith("ARGOS_")}
    home = tmp_path / "home"
    return {**env, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"), "ARGOS_PACKAGE_INDEX": index_url, "NO_PROXY": LOOPBACK}


def _briefgen(env: dict[str, str], *args: str, cwd=None):
    import subprocess

    from conftest import BRIEFGEN_EXE

    return subprocess.run([str(BRIEFGEN_EXE), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def _translates_with_the_installed_package(env, tmp_path) -> None:
    text = tmp_path / "zh.txt"
    text.write_text("马里外交部长在巴马科会见了美国代表团。\n", encoding="utf-8")
    result = _briefgen(env, "translate", str(text), "--engine", "argos", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Bamako" in result.stdout and result.stdout.isascii()


def test_models_install_downloads_through_argos_index_from_a_local_server(package_server, tmp_path):
    base, name, requests = package_server
    env = _argos_env(tmp_path, base)
    result = _briefgen(env, "models", "install", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Installed translate-zh_en-1_9 (fr->en 1.9)" in result.stdout
    assert requests == ["/index.json", f"/{name}"]  # argostranslate's index, then its download
    assert (tmp_path / "home" / "data" / "argos-translate" / "packages" / "translate-zh_en-1_9" / "model").is_dir()
    _translates_with_the_installed_package(env, tmp_path)


def test_models_install_from_a_url(package_server, tmp_path):
    base, name, requests = package_server
    env = _argos_env(tmp_path, base + "nowhere/")
    result = _briefgen(env, "models", "install", "--from", base + name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert requests == [f"/{name}"]
    _translates_with_the_installed_package(env, tmp_path)


def test_models_install_from_a_dead_url_says_what_to_do(package_server, tmp_path):
    base, _, _ = package_server
    result = _briefgen(_argos_env(tmp_path, base), "models", "install", "--from", base + "missing.argosmodel", cwd=tmp_path)
    assert result.returncode == 4, result.stderr
    assert "Downloading" in result.stderr and "--from FILE.argosmodel" in result.stderr
