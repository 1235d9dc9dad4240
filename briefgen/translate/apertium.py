"""Apertium fallback engine: French -> Catalan -> English, one process pipeline per batch.

Apertium has no French->English pair; the Catalan pivot was measured better than the Spanish one.
Both stages run without `-u`, so words a stage does not know come out marked (`*word`); the
domain lexicon (lexicon.py) edits the French before and the English after, and no marked word
reaches the reader as Catalan. A batch is sent as one text: sentences joined by a separator line
holding a word Apertium does not know (it comes out as `**Zbgsepz`). The txt deformatter escapes every
character Apertium treats specially (`^ $ [ ] \\ / @ * # < > { }`), so sentences need no escaping
of their own. Newlines inside a sentence become spaces so that only separators hold blank lines.
If the output does not split back into exactly one piece per sentence, the batch is halved and
retried, so alignment is always exact. Short quotations (« renoué ») go through as placeholders and
are translated on their own (protect.mask_quotes): the pivot moves words across quotation marks.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from briefgen.errors import EngineUnavailableError
from briefgen.model import EngineInfo
from briefgen.translate.lexicon import Lexicon, catalan_unknowns, load_lexicon, post_edit, pre_edit
from briefgen.translate.protect import PLACEHOLDER, Masked, mask_quotes, unmask

PAIRS = ("fra-cat", "cat-eng")
DEBIAN_PACKAGES = ("apertium", "apertium-fra-cat", "apertium-eng-cat")
INSTALL_HINT = "apt-get install " + " ".join(DEBIAN_PACKAGES)
# An unknown word on its own line between blank lines: never translated, never merged with a
# neighbouring sentence. Chosen so it cannot occur in French text (checked per batch anyway).
SEPARATOR_WORD = "Zbgsepz"
SEPARATOR = f"\n\n{SEPARATOR_WORD}\n\n"
SEPARATOR_OUT = re.compile(rf"[*#@]*{SEPARATOR_WORD}")
# Generous: a 32-sentence batch takes about a second; a hung pipeline must not hang the build.
TIMEOUT_S = 300
WHITESPACE = re.compile(r"\s+")
# Batches translated at once (stage.py), each exactly as alone. At 2,000 articles the brief's 134
# sentences are 5 batches, 9 pipelines with the back-translations: 7.4 s of CPU, mostly each
# pipeline's dozen processes loading their dictionaries, in 4.7 s one after another on an idle
# 2-core machine (about 1.6 cores busy). Three at once keep both cores busy: at best 3.7 s.
PARALLEL_BATCHES = 3
# One shell pipeline per batch; pipefail so a failure of the first stage is not hidden.
PIPELINE = f"set -o pipefail; apertium {PAIRS[0]} | apertium {PAIRS[1]}"
# Catalan words the lexicon lacks are shown as the French word Apertium's cat-fra gives for them.
BACK_PIPELINE = "apertium -u cat-fra"


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
    """Runs PIPELINE once per batch, between the lexicon's pre- and post-edits."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        if not apertium_available():
            raise EngineUnavailableError(
                f"Apertium with the {' and '.join(PAIRS)} pairs is not installed. Install it with: {INSTALL_HINT}"
            )
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        # The lexicon decides the output too: its digest is part of the model, hence of the cache key.
        model = f"{_package_versions()}, briefgen lexicon of {len(self.lexicon)} entries ({self.lexicon.digest()})"
        self.info = EngineInfo("apertium", apertium_version(), model, lexicon_entries=len(self.lexicon))
        self.terms = self.lexicon.terms  # protected by placeholders with the glossary (stage.py)
        self.parallel_batches = PARALLEL_BATCHES

    def translate_batch(self, sentences: list[str]) -> list[str]:
        """Short quotations are translated on their own and put back between their marks; a sentence
        whose placeholder the engine lost is translated again as it is."""
        flat = [WHITESPACE.sub(" ", s).strip() for s in sentences]
        quoted = [mask_quotes(s) for s in flat]
        words = [french for q in quoted for _, french in q.slots]
        english = self._translate([q.text for q in quoted] + words)
        quotations = iter(english[len(flat) :])
        out = []
        for q, text in zip(quoted, english):
            slots = tuple((token, f"« {next(quotations)} »") for token, _ in q.slots)
            # The caller's placeholders (names, terms) stand for themselves here.
            theirs = {m.group(): m.group() for m in PLACEHOLDER.finditer(q.source)}
            out.append(unmask(text, Masked(q.source, q.text, slots + tuple(theirs.items()))) if slots else text)
        lost = [i for i, text in enumerate(out) if text is None]
        for i, text in zip(lost, self._translate([flat[i] for i in lost])):
            out[i] = text
        return out

    def _translate(self, flat: list[str]) -> list[str]:
        todo = [i for i, s in enumerate(flat) if s]
        edited = [pre_edit(flat[i], self.lexicon) for i in todo]
        raw = self._aligned([e.text for e in edited])
        unknown = set().union(*(catalan_unknowns(r, flat[i], self.lexicon) for i, r in zip(todo, raw)))
        back = self._back_translate(sorted(unknown))
        out = [""] * len(flat)
        for i, e, text in zip(todo, edited, raw):
            out[i] = post_edit(text, flat[i], e, self.lexicon, back)
        return out

    def _back_translate(self, catalan: list[str]) -> dict[str, str]:
        if not catalan:
            return {}
        result = subprocess.run(
            ["bash", "-c", BACK_PIPELINE], input="\n".join(catalan).encode("utf-8"),
            capture_output=True, timeout=TIMEOUT_S, check=False,
        )
        french = result.stdout.decode("utf-8").split("\n")
        if result.returncode or len(french) < len(catalan):
            return {}
        return {ca: fr.strip() or ca for ca, fr in zip(catalan, french)}

    def _aligned(self, sentences: list[str]) -> list[str]:
        if not sentences:
            return []
        if len(sentences) > 1 and not any(SEPARATOR_WORD in s for s in sentences):
            pieces = SEPARATOR_OUT.split(self._run(SEPARATOR.join(sentences)))
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
