"""The translate stage: fills Point.en, TimelineEntry.en, Actor.role_en and name_en, the discrepancy
Version.value_en, Event.object_en, Brief.untranslated, Brief.from_memory and Brief.engine; then the
English of event records from templates (english.py).

Each distinct French text is translated once, through the cache, with glossary terms and names
protected by placeholders (see protect.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from briefgen.anchors import normalise
from briefgen.attribution import compose, dates_note
from briefgen.names import OneSpelling
from briefgen.config import Config
from briefgen.english import write_english
from briefgen.errors import BriefgenError, EngineUnavailableError
from briefgen.model import Brief, Event, Point, TimelineEntry, Version, WarningSink
from briefgen.translate.cache import TranslationCache
from briefgen.translate.engine import Translator, chunks
from briefgen.translate.glossary import Glossary, load_glossary
from briefgen.translate.lexicon import untranslated
from briefgen.translate.protect import mask, repair, unmask

# discrepancies.py writes a version as "<French words> (<normalised value>)": only the words are French.
VALUE_KEY = re.compile(r" \([^()]*\)$")


def translate_brief(brief: Brief, translator: Translator, config: Config, memory: Mapping[str, str] | None = None) -> Brief:
    """Fill in the English of every point, timeline entry, listed actor's role and organisation
    name, and listed discrepancy value (those the document shows: translation stays bounded by the
    brief, not the corpus); what only English sources state is kept as is. People keep their
    names unless the glossary gives an English form (Vladimir Poutine: Vladimir Putin). Names, roles
    and discrepancy values the analysis stages already wrote in English (the gazetteer) are kept;
    event records' free-text objects are translated as short phrases. A French-only edition
    (config.languages) translates nothing; the brief records the translator it was given
    (translate.NoTranslation from the CLI). A French text the translation
    `memory` holds (normalised French -> an analyst's English, exact match only) takes that English
    instead of the engine's."""
    if "en" not in config.languages:
        brief.engine = translator.info
        return brief
    english_sources = {s.id for s in brief.sources if s.language == "en"}
    items = _items(brief)
    actors = brief.listed_actors(config.max_actors)
    roles = [a for a in actors if a.role and not a.role_en]  # the gazetteer's come first
    organisations = [a for a in actors if a.kind != "person" and not a.name_en]
    versions = [v for d in brief.listed_discrepancies(config.max_discrepancies) for v in d.versions if v.value_en is None]
    objects = [e for e in brief.events if e.object_fr]  # short phrases: what was announced, said, suspended
    memory = memory or {}
    # A point the analyst corrected is taken whole, frame included; its pieces are not translated.
    recalled = {id(item): memory[normalise(item.fr)] for item in items if normalise(item.fr) in memory}
    todo = [piece for item in items if id(item) not in recalled
            and not _only_english([c.source for c in item.citations], english_sources) for piece in _pieces(item)]
    todo += [a.role for a in roles if not _only_english(a.sources, english_sources)]
    todo += [a.name for a in organisations if not _only_english(a.sources, english_sources)]
    todo += [_value_words(v) for v in versions]
    todo += [e.object_fr for e in objects]
    remembered = {text: memory[normalise(text)] for text in todo if normalise(text) in memory}
    english = translate_texts([t for t in todo if t not in remembered], translator, config, brief) | remembered
    brief.from_memory = {normalise(text) for text in remembered} | {normalise(i.fr) for i in items if id(i) in recalled}
    one_spelling = OneSpelling([a.name.split()[-1] for a in brief.actors if a.kind == "person"])
    for item in items:
        stated_in_english = _only_english([c.source for c in item.citations], english_sources)
        item.en = item.fr if stated_in_english else recalled.get(id(item)) or one_spelling(_english(item, english))
    glossary = load_glossary(config.glossary)
    for actor in actors:
        stated_in_english = _only_english(actor.sources, english_sources)
        if actor in roles:
            actor.role_en = actor.role if stated_in_english else english.get(actor.role)
        if actor.name_en:
            continue  # the gazetteer's (« Vladimir Poutine » -> Vladimir Putin, AES -> Alliance of Sahel States)
        if actor.kind == "person" or stated_in_english:
            actor.name_en = glossary.english_for(actor.name) or actor.name
        else:
            actor.name_en = english.get(actor.name, actor.name)
    for version in versions:
        words = _value_words(version)
        version.value_en = english.get(words, words) + version.value[len(words):]
    for event in objects:  # a phrase the engine left French words in is dropped: the top lines hold none
        event.object_en = "" if untranslated(english.get(event.object_fr, "")) else english.get(event.object_fr, "")
    write_english(brief, config.key_judgements)
    shown = [item.en for item in items] + [a.role_en or "" for a in actors] + [a.name_en or "" for a in actors]
    shown += [v.value_en or "" for d in brief.listed_discrepancies(config.max_discrepancies) for v in d.versions]
    brief.untranslated = [word for text in shown + [e.en for e in brief.developments] for word in untranslated(text)]
    brief.engine = translator.info
    return brief


def translate_texts(texts: list[str], translator: Translator, config: Config, brief: WarningSink | None = None) -> dict[str, str]:
    """French -> English for each distinct non-blank text, using the glossary and the cache.

    A corrupted cache is rebuilt; the warning goes to `brief` when one is given.
    """
    # An engine may bring its own terms to protect (Apertium's lexicon, see lexicon.py).
    glossary = load_glossary(config.glossary, getattr(translator, "terms", ()))
    distinct = list(dict.fromkeys(t for t in texts if t.strip()))
    with TranslationCache(config.cache) as cache:
        if cache.recovered_from is not None and brief is not None:
            brief.warn(
                "",
                f"The translation cache {config.cache} was unreadable; it was moved to "
                f"{cache.recovered_from} and rebuilt.",
            )
        done = cache.get_many(translator.info, glossary.digest(), distinct)
        missing = [t for t in distinct if t not in done]
        fresh = translate_protected(missing, translator, glossary, config.batch_size)
        cache.put_many(translator.info, glossary.digest(), fresh)
    return {**done, **fresh}


def translate_file(path: Path, translator: Translator, config: Config, brief: WarningSink | None = None) -> list[str]:
    """One English line per line of the UTF-8 file `path`; blank lines stay blank.

    Warnings (a rebuilt cache) go to `brief` when one is given.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefgenError(f"Cannot read {path} as UTF-8 text ({exc}).") from exc
    lines = [line.rstrip("\r") for line in text.split("\n")] if text else []
    if text.endswith("\n"):
        lines.pop()  # the final newline ends the last line; it does not start a new one
    english = translate_texts(lines, translator, config, brief)
    return [" ".join(english[line].split()) if line.strip() else "" for line in lines]


def translate_protected(sentences: list[str], translator: Translator, glossary: Glossary, batch_size: int) -> dict[str, str]:
    """Translate with placeholders; sentences whose placeholders did not survive are redone plain."""
    masked = [mask(s, glossary) for s in sentences]
    outputs = _call(translator, [m.text for m in masked], batch_size)
    result: dict[str, str] = {}
    failed = []
    for item, output in zip(masked, outputs):
        restored = unmask(output, item)
        if restored is None:
            failed.append(item.source)
        else:
            result[item.source] = restored
    for source, output in zip(failed, _call(translator, failed, batch_size)):
        result[source] = repair(output, source, glossary)
    return result


def _call(translator: Translator, sentences: list[str], batch_size: int) -> list[str]:
    """The batches in order; an engine whose `parallel_batches` is above 1 (Apertium: a process
    pipeline per batch) gets that many batches at once, each translated exactly as alone."""
    batches = list(chunks(sentences, batch_size))
    with ThreadPoolExecutor(max_workers=getattr(translator, "parallel_batches", 1)) as pool:
        results = list(pool.map(translator.translate_batch, batches))
    out: list[str] = []
    for batch, translated in zip(batches, results):
        if len(translated) != len(batch):
            raise EngineUnavailableError(
                f"The {translator.info.name} engine returned {len(translated)} translations for "
                f"{len(batch)} sentences; its output cannot be aligned."
            )
        out += translated
    return out


def _pieces(item: Point | TimelineEntry) -> list[str]:
    """The French to translate: the pieces of its English frames (see attribution.py), or all of it."""
    return [piece for frame in item.frames for piece in frame.french] if item.frames else [item.fr]


def _english(item: Point | TimelineEntry, english: dict[str, str]) -> str:
    """The translation, composed with its editorial words; a point whose sources date its event
    differently says so."""
    text = " ".join(compose(frame, english) for frame in item.frames) if item.frames else english.get(item.fr, "")
    differ = getattr(item, "dates_differ", [])
    return f"{text} {dates_note(differ)}" if differ and text else text


def _items(brief: Brief) -> list[Point | TimelineEntry]:
    """Every point (once, even if it is also a key judgement) and every timeline entry."""
    seen: set[int] = set()
    items: list[Point | TimelineEntry] = []
    for item in [*brief.points(), *brief.key_judgements, *brief.timeline]:
        if id(item) not in seen:
            seen.add(id(item))
            items.append(item)
    return items


def _value_words(version: Version) -> str:
    """A discrepancy value's French words, without the normalised value in parentheses after them."""
    return VALUE_KEY.sub("", version.value)


def _only_english(source_ids: list[str], english_sources: set[str]) -> bool:
    return bool(source_ids) and set(source_ids) <= english_sources
