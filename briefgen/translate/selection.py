"""Choose the engine: Argos when a French->English package is installed, else Apertium."""

from __future__ import annotations

from briefgen.config import Config
from briefgen.errors import EngineUnavailableError
from briefgen.translate.apertium import ApertiumTranslator, apertium_available
from briefgen.translate.argos import ArgosTranslator
from briefgen.translate.engine import NoTranslation, Translator
from briefgen.translate.packages import FROM_CODE, NO_ENGINE_HINT, TO_CODE, find_package


def select_engine(config: Config) -> Translator:
    """Build the engine named by `config.engine` ("auto", "argos" or "apertium")."""
    if config.engine in ("auto", "argos"):
        package = find_package(FROM_CODE, TO_CODE)
        if package is not None:
            return ArgosTranslator(package.path, beam_size=config.beam_size, batch_size=config.batch_size)
        if config.engine == "argos":
            raise EngineUnavailableError(f"No French->English Argos package is installed. {NO_ENGINE_HINT}")
    if config.engine == "apertium" or apertium_available():
        return ApertiumTranslator()  # explains how to install Apertium if it is missing
    raise EngineUnavailableError(f"No translation engine is available. {NO_ENGINE_HINT}")


def edition_engine(config: Config) -> Translator:
    """The engine a brief's editions need: none for a French-only edition (nothing is translated,
    so nothing needs to be installed), else select_engine's."""
    return select_engine(config) if "en" in config.languages else NoTranslation()
