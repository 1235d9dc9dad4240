"""Argos package management against a throwaway package folder (see conftest.argos_home)."""

from __future__ import annotations

import json
import socket
import zipfile

import pytest

from briefgen.errors import EngineUnavailableError
from briefgen.translate import packages


def fake_package(path, folder="translate-fr_en-9_9", version="9.9", members=None):
    """A structurally valid .argosmodel (the weights are not real: nothing loads them here)."""
    meta = {"package_version": version, "from_code": "fr", "to_code": "en", "from_name": "French", "to_name": "English"}
    members = members or {
        "metadata.json": json.dumps(meta),
        "model/model.bin": "x",
        "model/config.json": "{}",
        "sentencepiece.model": "x",
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(f"{folder}/{name}", content)
    return path


def test_install_list_find_remove(argos_home, tmp_path):
    info = packages.install_from_file(fake_package(tmp_path / "a.argosmodel"))
    assert (info.name, info.from_code, info.to_code, info.version) == ("translate-fr_en-9_9", "fr", "en", "9.9")
    assert info.path == argos_home / "translate-fr_en-9_9"
    assert [p.name for p in packages.installed_packages()] == ["translate-fr_en-9_9"]
    assert packages.find_package("fr", "en") == info
    assert packages.find_package("zh", "en") is None
    assert packages.remove_package("translate-fr_en-9_9") == info
    assert packages.installed_packages() == [] and not info.path.exists()


def test_highest_version_is_chosen(argos_home, tmp_path):
    packages.install_from_file(fake_package(tmp_path / "old.argosmodel", "translate-fr_en-1_10", "1.10"))
    packages.install_from_file(fake_package(tmp_path / "new.argosmodel", "translate-fr_en-1_9", "1.9"))
    assert packages.find_package().version == "1.10"


@pytest.mark.parametrize(
    "members",
    [
        {"metadata.json": "{}", "sentencepiece.model": "x"},  # no model
        {"metadata.json": "{}", "model/model.bin": "x"},  # no tokenizer
        {"model/model.bin": "x", "bpe.model": "x"},  # no metadata
    ],
)
def test_incomplete_archives_are_refused_before_install(argos_home, tmp_path, members):
    with pytest.raises(EngineUnavailableError, match="not a valid Argos package"):
        packages.install_from_file(fake_package(tmp_path / "bad.argosmodel", members=members))
    assert list(argos_home.iterdir()) == []


def test_not_a_zip_is_refused(argos_home, tmp_path):
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("hello")
    with pytest.raises(EngineUnavailableError, match="is not an Argos package"):
        packages.install_from_file(bad)


def test_remove_unknown_package_names_what_is_installed(argos_home):
    with pytest.raises(EngineUnavailableError, match="none installed"):
        packages.remove_package("translate-xx_yy-1_0")


def test_online_install_offline_gives_a_clear_message(argos_home, tmp_path, monkeypatch):
    from argostranslate import settings

    def refuse(*args, **kwargs):
        raise OSError("network unreachable (test)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "index.json")
    with pytest.raises(EngineUnavailableError, match="offline.*--from FILE.argosmodel.*apt-get install"):
        packages.install_online()


def test_real_package_installs_into_the_temporary_folder(zh_package):
    assert zh_package.from_code == "zh" and zh_package.to_code == "en"
    assert (zh_package.path / "model" / "model.bin").is_file()
    assert packages.find_package("zh", "en") == zh_package
