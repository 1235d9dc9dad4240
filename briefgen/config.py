"""One frozen Config, built at the boundary: packaged defaults -> briefgen.toml -> CLI options."""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError
from briefgen.registry import FORMATS, engine_names

DEFAULTS_PATH = Path(__file__).parent / "data" / "defaults.toml"
SHIPPED_TEMPLATE = Path(__file__).parent / "data" / "brief.docx"
SHIPPED_GLOSSARY = Path(__file__).parent / "data" / "glossary.toml"
CONFIG_NAME = "briefgen.toml"
# The brief opens with this many key judgements: fewer is not a summary, more is not a summary either.
KEY_JUDGEMENTS_RANGE = (3, 5)
INTEGER_KEYS = ("length", "key_judgements", "max_actors", "max_discrepancies", "beam_size", "batch_size", "lookback_days")
FOOTNOTE_FORMS = ("short", "full")
LANGUAGES = ("en", "fr")
SECTION_KEYS = ("key", "title_en", "title_fr", "description", "keywords", "examples", "claim", "background")


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title_en: str
    title_fr: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    # Share (0-1] of a sentence's best section score at which this section takes the sentence
    # anyway: for a section defined by one subject (Russia's role) that a sentence can be about
    # while other sections' words outnumber it. None: the highest score decides.
    claim: float | None = None
    # Weekly briefs with --context-days: this section may also cite background articles (older
    # than the look-back), which explain the week (Russia's role) without headlining it.
    background: bool = False


@dataclass(frozen=True)
class CollectSettings:
    """[collect]: what `briefgen collect` fetches and how politely (see defaults.toml)."""

    feeds: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    into: Path = Path("sources")
    user_agent: str = "briefgen"
    host_delay: float = 2.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 2.0
    max_retry_wait: float = 60.0


COLLECT_NUMBERS = ("host_delay", "connect_timeout", "read_timeout", "total_timeout", "max_bytes", "max_redirects", "retries", "backoff", "max_retry_wait")


@dataclass(frozen=True)
class Config:
    length: int = 900
    key_judgements: int = 4
    max_actors: int = 20
    max_discrepancies: int = 15
    marking: str = ""
    author: str = "briefgen"
    formats: tuple[str, ...] = ("docx", "json")
    template: Path = SHIPPED_TEMPLATE
    footnotes: str = "short"
    annex: bool = True
    languages: tuple[str, ...] = ("en",)  # editions to write; the first is the one a renderer renders
    engine: str = "auto"
    beam_size: int = 2
    batch_size: int = 32
    glossary: Path | None = None
    cache: Path = Path()
    lookback_days: int = 7
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)
    collect: CollectSettings = CollectSettings()


def default_cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefgen" / "translations.sqlite"


def load_config(workdir: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Merge the packaged defaults, `briefgen.toml` in `workdir` (if any) and CLI overrides.

    `overrides` uses the flat field names of Config; None values are ignored.
    """
    with DEFAULTS_PATH.open("rb") as f:
        defaults = tomllib.load(f)
    merged = _flatten(defaults)
    user_file = (workdir or Path.cwd()) / CONFIG_NAME
    if user_file.is_file():
        try:
            with user_file.open("rb") as f:
                user = tomllib.load(f)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{user_file} is not valid TOML ({exc}). Fix the file or delete it.") from exc
        _check_keys(user, defaults, user_file)
        merged.update(_flatten(user))
        base = user_file.parent
        for key in ("template", "glossary", "cache", "into"):
            if merged.get(key) and key in _flatten(user):
                merged[key] = str((base / merged[key]).resolve())
    merged.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return _build(merged)


def _flatten(data: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(value)
        else:
            flat[key] = value
    return flat


def _check_keys(user: dict[str, Any], defaults: dict[str, Any], path: Path) -> None:
    for table, value in user.items():
        if table not in defaults:
            raise ConfigError(_unknown(f"table [{table}]", table, list(defaults), path))
        if table == "sections":
            for spec in value:
                for key in spec:
                    if key not in SECTION_KEYS:
                        raise ConfigError(_unknown(f"key '{key}' in [[sections]]", key, list(SECTION_KEYS), path))
        elif isinstance(value, dict):
            for key in value:
                if key not in defaults[table]:
                    raise ConfigError(_unknown(f"key '{key}' in [{table}]", key, list(defaults[table]), path))


def _unknown(what: str, name: str, valid: list[str], path: Path) -> str:
    close = difflib.get_close_matches(name, valid, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else f" Valid: {', '.join(valid)}."
    return f"{path}: unknown {what}.{hint}"


def _build(flat: dict[str, Any]) -> Config:
    for key in INTEGER_KEYS:
        if isinstance(flat[key], bool) or not isinstance(flat[key], int):
            try:
                flat[key] = int(str(flat[key]))
            except ValueError:
                raise ConfigError(f"{key} must be a whole number, not {flat[key]!r}.") from None
    low, high = KEY_JUDGEMENTS_RANGE
    if not low <= flat["key_judgements"] <= high:
        raise ConfigError(f"key_judgements must be {low} to {high}, not {flat['key_judgements']}.")
    formats = tuple(flat["formats"])
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ConfigError(f"Unknown output format {bad[0]!r}. Choose from: {', '.join(FORMATS)}.")
    if flat["footnotes"] not in FOOTNOTE_FORMS:
        raise ConfigError(f"Unknown footnotes form {flat['footnotes']!r}. Choose short or full.")
    languages = tuple(dict.fromkeys(flat["lang"]))
    if not languages or any(lang not in LANGUAGES for lang in languages):
        raise ConfigError(f"Unknown language in {list(flat['lang'])!r}. Choose en, fr or both (en,fr).")
    if flat["engine"] not in engine_names():
        raise ConfigError(f"Unknown engine {flat['engine']!r}. Choose from: {', '.join(engine_names())}.")
    if int(flat["length"]) < 50:
        raise ConfigError("length must be at least 50 words.")
    for key in ("max_actors", "max_discrepancies"):
        if int(flat[key]) < 0:
            raise ConfigError(f"{key} must be 0 (list all) or more.")
    sections = tuple(
        SectionSpec(
            key=s["key"],
            title_en=s["title_en"],
            title_fr=s["title_fr"],
            description=s.get("description", ""),
            keywords=tuple(s.get("keywords", ())),
            examples=tuple(s.get("examples", ())),
            claim=float(s["claim"]) if s.get("claim") is not None else None,
            background=bool(s.get("background", False)),
        )
        for s in flat["sections"]
    )
    if not sections:
        raise ConfigError("The configuration defines no [[sections]]; define at least one.")
    return Config(
        length=int(flat["length"]),
        key_judgements=flat["key_judgements"],
        max_actors=int(flat["max_actors"]),
        max_discrepancies=int(flat["max_discrepancies"]),
        marking=str(flat["marking"]),
        author=str(flat["author"]),
        formats=formats,
        template=Path(flat["template"]) if flat["template"] else SHIPPED_TEMPLATE,
        footnotes=flat["footnotes"],
        annex=bool(flat["annex"]),
        languages=languages,
        engine=flat["engine"],
        beam_size=int(flat["beam_size"]),
        batch_size=int(flat["batch_size"]),
        glossary=Path(flat["glossary"]) if flat["glossary"] else None,
        cache=Path(flat["cache"]) if flat["cache"] else default_cache_path(),
        lookback_days=int(flat["lookback_days"]),
        sections=sections,
        collect=_collect_settings(flat),
    )


def _collect_settings(flat: dict[str, Any]) -> CollectSettings:
    for key in COLLECT_NUMBERS:
        if not isinstance(flat[key], (int, float)) or flat[key] < 0:
            raise ConfigError(f"[collect] {key} must be a number, 0 or more.")
    for key in ("feeds", "urls"):
        if not isinstance(flat[key], list) or not all(isinstance(u, str) for u in flat[key]):
            raise ConfigError(f"[collect] {key} must be a list of addresses, e.g. [\"https://www.example.org/rss\"].")
    return CollectSettings(
        feeds=tuple(flat["feeds"]), urls=tuple(flat["urls"]), into=Path(flat["into"]), user_agent=str(flat["user_agent"]),
        **{key: type(getattr(CollectSettings, key))(flat[key]) for key in COLLECT_NUMBERS},
    )
