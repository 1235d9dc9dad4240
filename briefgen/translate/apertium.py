"""Apertium fallback engine: French -> Catalan -> English, one process pipeline per batch.

Apertium has no French->English pair; the Catalan pivot was measured better than the Spanish one.
A batch is sent as one text: sentences joined by a separator line holding a word Apertium does
not know (with `-u` unknown words pass through untouched). The txt deformatter escapes every
character Apertium treats specially (`^ $ [ ] \\ / @ * # < > { }`), so sentences need no escaping
of their own. Newlines inside a sentence become spaces so that only separators hold blank lines.
If the output does not split back into exactly one piece per sentence, the batch is halved and
retried, so alignment is always exact.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from briefgen.errors import EngineUnavailableError
from briefgen.model import EngineInfo

PAIRS = ("fra-cat", "cat-eng")
DEBIAN_PACKAGES = ("apertium", "apertium-fra-cat", "apertium-eng-cat")
INSTALL_HINT = "apt-get install " + " ".join(DEBIAN_PACKAGES)
# An unknown word on its own line between blank lines: never translated, never merged with a
# neighbouring sentence. Chosen so it cannot occur in French text (checked per batch anyway).
SEPARATOR_WORD = "Zbgsepz"
SEPARATOR = f"\n\n{SEPARATOR_WORD}\n\n"
# Generous: a 32-sentence batch takes about a second; a hung pipeline must not hang the build.
TIMEOUT_S = 300
WHITESPACE = re.compile(r"\s+")
# One shell pipeline per batch; pipefail so a failure of the first stage is not hidden.
PIPELINE = f"set -o pipefail; apertium -u {PAIRS[0]} | apertium -u {PAIRS[1]}"


def apertium_pairs() -> set[str]:
    """Installed Apertium translation directions (empty if Apertium is not installed)."""
    binary = shutil.which("apertium")
    if binary is None:
        return set()
    result = subprocess.run([binary, "-l"], capture_output=True, text=True, check=False)
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


def apertium_available() -> bool:
    return all(pair in apertium_pairs() for pair in PAIRS)


def apertium_version() -> str:
    result = subprocess.run(["apertium", "-V"], capture_output=True, text=True, check=False)
    return result.stdout.strip().removeprefix("Apertium ").strip() or "unknown"


def _package_versions() -> str:
    """Versions of the linguistic data: they decide the output, so they belong in the cache key."""
    dpkg = shutil.which("dpkg-query")
    if dpkg is None:
        return "+".join(PAIRS)
    result = subprocess.run(
        [dpkg, "-W", "-f=${Package} ${Version}\n", *DEBIAN_PACKAGES[1:]],
        capture_output=True,
        text=True,
        check=False,
    )
    versions = sorted(line.strip() for line in result.stdout.splitlines() if line.strip())
    return "+".join(PAIRS) + (f" ({', '.join(versions)})" if versions else "")


class ApertiumTranslator:
    """Runs PIPELINE once per batch."""

    def __init__(self) -> None:
        if not apertium_available():
            raise EngineUnavailableError(
                f"Apertium with the {' and '.join(PAIRS)} pairs is not installed. Install it with: {INSTALL_HINT}"
            )
        self.info = EngineInfo("apertium", apertium_version(), _package_versions())

    def translate_batch(self, sentences: list[str]) -> list[str]:
        flat = [WHITESPACE.sub(" ", s).strip() for s in sentences]
        todo = [i for i, s in enumerate(flat) if s]
        out = [""] * len(sentences)
        for i, text in zip(todo, self._aligned([flat[i] for i in todo])):
            out[i] = text
        return out

    def _aligned(self, sentences: list[str]) -> list[str]:
        if not sentences:
            return []
        if len(sentences) > 1 and not any(SEPARATOR_WORD in s for s in sentences):
            pieces = self._run(SEPARATOR.join(sentences)).split(SEPARATOR_WORD)
            if len(pieces) == len(sentences):
                return [WHITESPACE.sub(" ", p).strip() for p in pieces]
        if len(sentences) == 1:
            return [WHITESPACE.sub(" ", self._run(sentences[0])).strip()]
        half = len(sentences) // 2
        return self._aligned(sentences[:half]) + self._aligned(sentences[half:])

    def _run(self, text: str) -> str:
        result = subprocess.run(
            ["bash", "-c", PIPELINE], input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S, check=False
        )
        if result.returncode:
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise EngineUnavailableError(
                f"Apertium failed ({detail[0]}). Check it with: echo bonjour | {PIPELINE.split('; ')[1]}"
            )
        return result.stdout.decode("utf-8")
