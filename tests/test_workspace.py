"""`briefgen init` creates a usable working folder and never overwrites a user's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import load_config
from briefgen.errors import OutputError
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


def test_init_config_documents_every_option_an_analyst_sets(tmp_path):
    init_workspace(tmp_path)
    text = (tmp_path / "briefgen.toml").read_text(encoding="utf-8")
    for option in ("length", "marking", "author", "engine", "glossary", "template", "[[sections]]", "lookback_days"):
        assert option in text
    assert "briefgen schedule install" in text  # the schedule is a command; the file says which


def test_init_onto_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        init_workspace(tmp_path / "taken")


def test_init_where_nothing_can_be_written_is_a_clear_error():
    with pytest.raises(OutputError, match="Cannot set up .* Choose a folder you can write to"):
        init_workspace(Path("/proc/briefgen-test"))  # /proc refuses new folders, even to root
