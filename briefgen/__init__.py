"""briefgen: French news articles in, cited English policy brief out, offline."""

__version__ = "0.1.0"
