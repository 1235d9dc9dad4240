"""`briefgen init` creates a usable working folder and never overwrites a user's files."""

from __future__ import annotations

from briefgen.config import load_config
from briefgen.workspace import init_workspace


def test_init_creates_everything_and_config_loads(tmp_path):
    created, kept = init_workspace(tmp_path / "work")
    names = sorted(p.name for p in created)
    assert names == ["brief.docx", "briefgen.toml", "glossary.toml", "notes", "outputs", "sources"]
    assert kept == []
    config = load_config(tmp_path / "work")
    assert config.template == (tmp_path / "work" / "brief.docx").resolve()
    assert config.glossary == (tmp_path / "work" / "glossary.toml").resolve()
    text = (tmp_path / "work" / "briefgen.toml").read_text(encoding="utf-8")
    assert "# Most English words in the body" in text  # options are documented in place


def test_init_keeps_existing_files(tmp_path):
    (tmp_path / "briefgen.toml").write_text("[brief]\nlength = 400\n", encoding="utf-8")
    created, kept = init_workspace(tmp_path)
    assert [p.name for p in kept] == ["briefgen.toml"]
    assert load_config(tmp_path).length == 400
