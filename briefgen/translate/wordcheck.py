"""Which words of machine-translated English are not English: Apertium's English analyser, offline.

The event records' English is templates plus short machine-translated phrases (what was announced,
said, suspended). The pivot engine leaves French and Catalan words it does not know in its output
(« artesanals », « malienc »); a reader must never see them in the brief's top lines. Apertium's
English morphological analyser (eng-cat.automorf.bin, from the apertium-eng-cat package the pivot
engine already needs) marks a word it does not know with "*". Capitalised words are names and are
not checked. Without the analyser (an Argos-only machine) nothing can be checked and nothing is
flagged: the neural engine writes English words.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ANALYSER = Path("/usr/share/apertium/apertium-eng-cat/eng-cat.automorf.bin")
WORD = re.compile(r"(?<![\w-])[a-zà-ÿ]+(?![\w-])")
ANALYSED = re.compile(r"\^([^/$]*)/([^$]*)\$")
TIMEOUT_S = 60


def foreign_words(phrases: list[str], analyser: Path = ANALYSER) -> dict[str, set[str]]:
    """{phrase: its lower-case words the English analyser does not know}, for the phrases with any."""
    binary = shutil.which("lt-proc")
    words = sorted({w for phrase in phrases for w in WORD.findall(phrase)})
    if binary is None or not analyser.exists() or not words:
        return {}
    result = subprocess.run(
        [binary, str(analyser)], input="\n".join(words).encode("utf-8"), capture_output=True, timeout=TIMEOUT_S, check=False
    )
    unknown = {m[1] for m in ANALYSED.finditer(result.stdout.decode("utf-8")) if m[2].startswith("*")}
    flagged = {phrase: set(WORD.findall(phrase)) & unknown for phrase in phrases}
    return {phrase: found for phrase, found in flagged.items() if found}
