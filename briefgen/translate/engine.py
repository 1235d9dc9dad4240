"""The one interface every translation engine implements, so stages and tests can swap engines."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, TypeVar

from briefgen.model import EngineInfo

T = TypeVar("T")


class Translator(Protocol):
    """French sentences in, English sentences out: exactly one output per input, same order.

    An engine may also have `terms`, (French, English) pairs the stage protects with the glossary
    (Apertium's lexicon), and `parallel_batches`, how many batches it may be given at once
    (Apertium: 3; otherwise one at a time); wrappers pass them on.
    """

    info: EngineInfo

    def translate_batch(self, sentences: list[str]) -> list[str]: ...


class NoTranslation:
    """The translator of a French-only edition: nothing may be translated, so no engine is needed."""

    info = EngineInfo("none", "", "French edition: not translated")

    def translate_batch(self, sentences: list[str]) -> list[str]:
        raise AssertionError("a French-only edition translates nothing (translate_brief returns first)")


def chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items (engines are called once per slice)."""
    step = max(1, size)
    for start in range(0, len(items), step):
        yield list(items[start : start + step])
