import pytest

from briefgen.errors import ConfigError
from briefgen.translate.glossary import Glossary, load_glossary


def english_of(glossary: Glossary, text: str) -> list[str]:
    return [m.english for m in glossary.matches(text)]


def test_shipped_terms_from_the_issue():
    g = load_glossary()
    assert english_of(g, "le ministre des Affaires étrangères Abdoulaye Diop") == ["Minister of Foreign Affairs"]
    assert english_of(g, "au Conseil de Sécurité nationale à la Maison Blanche") == [
        "National Security Council",
        "White House",
    ]
    assert english_of(g, "la lutte contre le terrorisme") == ["counterterrorism"]
    assert english_of(g, "l'AES, l’AQMI, l'EIGS et le JNIM") == ["Alliance of Sahel States (AES)", "AQIM", "ISGS", "JNIM"]
    assert english_of(g, "l'Africa Corps russe") == ["Africa Corps"]


def test_acronyms_match_exactly_and_as_whole_words():
    g = load_glossary()
    assert english_of(g, "les aes et les AESX") == []
    assert english_of(g, "AES.") == ["Alliance of Sahel States (AES)"]


def test_longest_term_wins_and_whitespace_varies():
    g = Glossary((("Conseil", "Council"), ("Conseil de sécurité", "Security Council")))
    assert english_of(g, "le conseil  de\nsécurité") == ["Security Council"]


def test_user_glossary_adds_and_overrides(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[terms]\n"AES" = "AES"\n"Goïta" = "Goita"\n', encoding="utf-8")
    g = load_glossary(extra)
    assert english_of(g, "Goïta et l'AES") == ["Goita", "AES"]
    assert g.digest() != load_glossary().digest()


def test_digest_is_stable():
    assert load_glossary().digest() == load_glossary().digest()


@pytest.mark.parametrize("content", ["not toml [", '[other]\n"a" = "b"\n', '[terms]\n"a" = 3\n'])
def test_bad_user_glossary_is_a_config_error(tmp_path, content):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml"):
        load_glossary(path)


def test_missing_user_glossary_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_glossary(tmp_path / "nope.toml")
