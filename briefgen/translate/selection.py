"""Choose the engine: the one configured, or with "auto" the first available in the registry
(Argos when a French->English package is installed, else Apertium)."""

from __future__ import annotations

from briefgen.config import Config
from briefgen.errors import EngineUnavailableError
from briefgen.registry import AUTO, ENGINES
from briefgen.translate.engine import NoTranslation, Translator
from briefgen.translate.packages import NO_ENGINE_HINT


def select_engine(config: Config) -> Translator:
    """Build the engine named by `config.engine` (a registered engine or "auto")."""
    if config.engine != AUTO:
        return ENGINES[config.engine].create(config)
    for spec in ENGINES.values():
        if spec.available():
            return spec.create(config)
    raise EngineUnavailableError(f"No translation engine is available. {NO_ENGINE_HINT}")


def edition_engine(config: Config) -> Translator:
    """The engine a brief's editions need: none for a French-only edition (nothing is translated,
    so nothing needs to be installed), else select_engine's."""
    return select_engine(config) if "en" in config.languages else NoTranslation()
