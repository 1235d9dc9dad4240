"""`models`, `doctor` and `translate` through typer's CliRunner on a throwaway root app."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from briefgen.cli.models import register
from briefgen.translate import apertium

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
    monkeypatch.setattr(apertium, "apertium_available", lambda: False)
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
