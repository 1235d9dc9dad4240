"""Offline French -> English translation: engines, glossary protection, cache and the pipeline stage."""

from briefgen.translate.engine import Translator
from briefgen.translate.selection import edition_engine, select_engine
from briefgen.translate.stage import translate_brief, translate_file, translate_texts

__all__ = ["Translator", "edition_engine", "select_engine", "translate_brief", "translate_file", "translate_texts"]
