"""French text helpers: accent folding."""

from __future__ import annotations

import unicodedata

from briefgen.french import fold


def test_fold_removes_every_accent_of_latin_text():
    # Latin-1, Latin Extended-A/B and Latin Extended Additional: every letter an article may hold.
    letters = "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
    reference = "".join(c for c in unicodedata.normalize("NFKD", letters.lower()) if not unicodedata.combining(c))
    assert fold(letters) == reference
    assert fold("Goïta, l’État, Œuvre, déjà") == "goita, l'etat, œuvre, deja"
