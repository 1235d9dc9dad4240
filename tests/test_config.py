"""Config precedence (flags > briefgen.toml > defaults) and helpful errors for mistakes."""

from __future__ import annotations

import pytest

from briefgen.config import SHIPPED_TEMPLATE, load_config
from briefgen.errors import ConfigError


def test_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config.length == 900
    assert config.engine == "auto"
    assert config.formats == ("docx", "json")
    assert config.template == SHIPPED_TEMPLATE
    assert (config.footnotes, config.annex, config.languages) == ("short", True, ("en",))
    assert [s.key for s in config.sections] == ["diplomacy", "security", "economy", "russia"]


def test_user_file_then_flags(tmp_path):
    (tmp_path / "briefgen.toml").write_text('[brief]\nlength = 500\nmarking = "SECRET"\ntemplate = "my.docx"\n', encoding="utf-8")
    config = load_config(tmp_path, overrides={"length": 300, "engine": None})
    assert config.length == 300  # flag wins
    assert config.marking == "SECRET"  # file wins over default
    assert config.engine == "auto"  # None override ignored
    assert config.template == (tmp_path / "my.docx").resolve()  # relative to the config file


def test_user_sections_replace_defaults(tmp_path):
    (tmp_path / "briefgen.toml").write_text(
        '[[sections]]\nkey = "health"\ntitle_en = "Health"\ntitle_fr = "Santé"\nkeywords = ["santé", "hôpital"]\n', encoding="utf-8"
    )
    assert [s.key for s in load_config(tmp_path).sections] == ["health"]


@pytest.mark.parametrize(
    "content, hint",
    [
        ("[brief]\nlenght = 500\n", "Did you mean 'length'?"),
        ("[translaton]\nengine = 'argos'\n", "Did you mean 'translation'?"),
        ("[[sections]]\nkey = 'x'\ntitle_en = 'X'\ntitle_fr = 'X'\nkeywrds = []\n", "Did you mean 'keywords'?"),
        ("[brief\n", "not valid TOML"),
        ("[translation]\nengine = 'google'\n", "Choose auto, argos or apertium"),
        ("[brief]\nformats = ['docx', 'odt']\n", "Unknown output format 'odt'"),
        ("[brief]\nfootnotes = 'long'\n", "Unknown footnotes form 'long'. Choose short or full."),
        ("[brief]\nlang = ['de']\n", "Choose en, fr or both"),
    ],
)
def test_mistakes_are_explained(tmp_path, content, hint):
    (tmp_path / "briefgen.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=hint.replace("(", r"\(").replace("?", r"\?")):
        load_config(tmp_path)


def test_a_section_may_claim_sentences_about_its_subject(tmp_path):
    assert {s.key: s.claim for s in load_config(tmp_path).sections} == {
        "diplomacy": None, "security": None, "economy": None, "russia": 0.5
    }  # fmt: skip
    (tmp_path / "briefgen.toml").write_text(
        '[[sections]]\nkey = "china"\ntitle_en = "China"\ntitle_fr = "Chine"\nkeywords = ["chin", "pékin"]\nclaim = 0.6\n',
        encoding="utf-8",
    )
    [china] = load_config(tmp_path).sections
    assert china.claim == 0.6


def test_editions_from_the_file_and_flags(tmp_path):
    (tmp_path / "briefgen.toml").write_text('[brief]\nlang = ["fr", "en"]\nannex = false\n', encoding="utf-8")
    config = load_config(tmp_path, overrides={"footnotes": "full"})
    assert (config.languages, config.annex, config.footnotes) == (("fr", "en"), False, "full")
