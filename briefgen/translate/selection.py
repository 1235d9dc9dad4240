"""Choose the engine: the one configured, or with "auto" the first available in the registry
(Argos when a French->English package is installed, else Apertium)."""

from __future__ import annotations

from briefgen.config import Config
from briefgen.errors import EngineUnavailableError
from briefgen.registry import AUTO, ENGINES
from briefgen.translate.engine import Translator
from briefgen.translate.packages import NO_ENGINE_HINT


def select_engine(config: Config) -> Translator:
    """Build the engine named by `config.engine` (a registered engine or "auto")."""
    if config.engine != AUTO:
        return ENGINES[config.engine].create(config)
    for spec in ENGINES.values():
        if spec.available():
            return spec.create(config)
    raise EngineUnavailableError(f"No translation engine is available. {NO_ENGINE_HINT}")
