from __future__ import annotations

from dataclasses import replace

import pytest

from briefgen.errors import EngineUnavailableError
from briefgen.translate import apertium, packages
from briefgen.translate.selection import select_engine


@pytest.fixture
def no_apertium(monkeypatch):
    monkeypatch.setattr(apertium, "apertium_pairs", lambda: set())
    monkeypatch.setattr(apertium, "apertium_available", lambda: False)


def test_nothing_installed_names_both_ways_to_get_an_engine(argos_home, no_apertium, config):
    with pytest.raises(EngineUnavailableError) as excinfo:
        select_engine(config)
    message = str(excinfo.value)
    assert "briefgen models install" in message and "--from FILE.argosmodel" in message
    assert "apt-get install apertium apertium-fra-cat apertium-eng-cat" in message
    assert excinfo.value.exit_code == 4


def test_argos_requested_but_missing(argos_home, config):
    with pytest.raises(EngineUnavailableError, match="No French->English Argos package"):
        select_engine(replace(config, engine="argos"))


def test_apertium_requested_but_missing(no_apertium, config):
    with pytest.raises(EngineUnavailableError, match="apt-get install"):
        select_engine(replace(config, engine="apertium"))


@pytest.mark.skipif(not apertium.apertium_available(), reason="Apertium not installed")
def test_auto_falls_back_to_apertium(argos_home, config):
    engine = select_engine(config)
    assert engine.info.name == "apertium"
    assert "fra-cat+cat-eng" in engine.info.model


def test_auto_prefers_an_installed_argos_package(zh_package, monkeypatch, config):
    """The real zh->en package stands in for fr->en: selection only looks at the language codes."""
    monkeypatch.setattr(packages, "FROM_CODE", "zh")
    engine = select_engine(replace(config, beam_size=1, batch_size=8))
    assert engine.info.name == "argos"
    assert engine.beam_size == 1 and engine.batch_size == 8
