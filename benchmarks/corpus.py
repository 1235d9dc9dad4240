"""Synthetic corpora of N French news articles for the scale and peer-pipeline benchmarks.

Run: .venv/bin/python benchmarks/corpus.py 500 /tmp/corpus-500 [--seed 0]

A busy news week is many *stories*, each covered by a few outlets that share wording (wire copy,
quotes) and add background. The generator mimics that from the French text the project ships
(the seeds, and tests/data/other_news/ if present), read through briefgen's own ingest:

* a story picks paragraphs from the pool and renames the people, places and organisations in them
  (capitalised words) with invented names of its own, so stories differ where real ones differ:
  who and where. Acronyms and words matching a section keyword (Moscou, Wagner, AQMI...) are kept,
  so sections still fire;
* every article of a story repeats some of the story's paragraphs verbatim and some lightly
  reworded (planted cross-source duplicates), then adds background paragraphs from other stories;
* each article gets a title, a dateline with a date inside one ISO week, and an outlet footer.

Deterministic: the same (n, seed) always gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.config import load_config  # noqa: E402
from briefgen.dates import MONTHS, WEEKDAYS  # noqa: E402
from briefgen.french import fold  # noqa: E402
from briefgen.ingest import ingest  # noqa: E402

SEEDS = ROOT / "seeds"
OTHER_NEWS = ROOT / "tests" / "data" / "other_news"
# The week the synthetic articles are dated in: the seeds' newest article is in 2025-W38.
WEEK_START = dt.date(2025, 9, 15)
# Articles per story (outlets covering the same story), inclusive.
STORY_SIZE = (2, 6)
# Paragraphs a story draws from the pool, and how many of them each article repeats.
STORY_PARAGRAPHS = (5, 9)
SHARED_SHARE = 0.6  # share of the story's paragraphs each article carries
REWORD_SHARE = 0.3  # share of the carried paragraphs that are lightly reworded, not verbatim
BACKGROUND_PARAGRAPHS = (1, 3)  # paragraphs from other stories: context, not the story
# Invented names: two or three of these syllables, capitalised ("Kadoumasi").
SYLLABLES = "ka lo ma dou ba si ra mo ta nou ké fa yé zi bou ga li sa to di kou né wa sé bi".split()
OUTLETS = (
    "Le Courrier du Sahel", "Bamako Hebdo", "L'Écho de Ségou", "Sahel Matin", "La Voix du Niger",
    "Le Républicain du Fleuve", "Info Sahel", "Le Quotidien de Kayes", "Afrique Analyses", "Le Messager",
    "L'Observateur du Mali", "Tombouctou Presse", "Le Soir de Mopti", "Nouvelles du Liptako", "Le Phare",
)
PLACES = ("Bamako", "Niamey", "Ouagadougou", "Dakar", "Abidjan", "Paris", "Nouakchott", "Ségou", "Kayes", "Mopti")
# Light rewording of a repeated paragraph, as a second outlet rewrites wire copy.
REWORDINGS = (
    ("a déclaré", "a affirmé"), ("a indiqué", "a précisé"), ("selon", "d'après"), ("également", "aussi"),
    ("important", "majeur"), ("renforcer", "consolider"), ("la coopération", "le partenariat"),
)
# Capitalised words (with inner hyphens/apostrophes) that are not at the start of a sentence.
NAME = re.compile(r"(?<=[\w,;:»«(] )[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Ýa-zà-öø-ÿ]+)*")


@dataclass(frozen=True)
class Article:
    name: str  # file name
    text: str
    story: int
    outlet: str
    date: dt.date


def load_pool(paths: list[Path] | None = None) -> tuple[list[str], list[str]]:
    """(body paragraphs, headings) of the shipped French articles, as briefgen's ingest cleans them."""
    if paths is None:
        paths = sorted(SEEDS.iterdir()) + (sorted(OTHER_NEWS.iterdir()) if OTHER_NEWS.is_dir() else [])
    brief = ingest(paths)
    french = [s for s in brief.sources if s.language == "fr"]
    body = [p.text for s in french for p in s.paragraphs if not p.heading and len(p.text.split()) >= 12]
    headings = [p.text for s in french for p in s.paragraphs if p.heading and len(p.text.split()) >= 3]
    headings += [s.title for s in french if s.title]
    return body, [h.strip("•… ,;:") for h in headings]


def kept_words() -> tuple[str, ...]:
    """Folded section keywords: names matching one are kept so the sections still fire."""
    return tuple(fold(k.strip()) for spec in load_config(ROOT).sections for k in spec.keywords if k.strip())


def invented_name(story: int, word: str, seed: int) -> str:
    rng = random.Random(f"{seed}:{story}:{word}")
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


def rename(text: str, story: int, seed: int, keep: tuple[str, ...]) -> str:
    """Replace the story's names by invented ones; acronyms and section keywords stay."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if fold(word).startswith(keep) else invented_name(story, word, seed)

    return NAME.sub(replace, text)


def reword(text: str, rng: random.Random) -> str:
    changed = text
    for old, new in rng.sample(REWORDINGS, k=3):
        changed = changed.replace(old, new, 1)
    return changed if changed != text else text.replace(", ", " , ", 1).replace(" , ", ", puis ", 1)


def dateline(rng: random.Random) -> tuple[dt.date, str]:
    day = WEEK_START + dt.timedelta(days=rng.randrange(7))
    month = next(name for name, number in MONTHS.items() if number == day.month)
    stated = f"{WEEKDAYS[day.weekday()]} {day.day} {month} {day.year}"
    return day, f"{rng.choice(PLACES)}, {stated} - "


def generate(n: int, seed: int = 0, pool: tuple[list[str], list[str]] | None = None) -> list[Article]:
    """N distinct articles grouped into stories (see the module docstring)."""
    body, headings = pool or load_pool()
    keep = kept_words()
    rng = random.Random(seed)
    articles: list[Article] = []
    story = 0
    while len(articles) < n:
        picked = rng.sample(range(len(body)), k=min(len(body), rng.randint(*STORY_PARAGRAPHS)))
        paragraphs = [rename(body[i], story, seed, keep) for i in picked]
        title = rename(rng.choice(headings), story, seed, keep)
        for _ in range(min(rng.randint(*STORY_SIZE), n - len(articles))):
            articles.append(_article(len(articles), story, title, paragraphs, body, rng, seed, keep))
        story += 1
    return articles


def _article(index: int, story: int, title: str, paragraphs: list[str], body: list[str], rng: random.Random, seed: int, keep: tuple[str, ...]) -> Article:
    carried = rng.sample(paragraphs, k=max(2, round(len(paragraphs) * SHARED_SHARE)))
    text = [reword(p, rng) if rng.random() < REWORD_SHARE else p for p in carried]
    for _ in range(rng.randint(*BACKGROUND_PARAGRAPHS)):
        other = rng.randrange(10**6)  # background comes from an unrelated (renamed) story
        text.insert(rng.randrange(1, len(text) + 1), rename(rng.choice(body), other, seed, keep))
    day, line = dateline(rng)
    outlet = rng.choice(OUTLETS)
    # The article number in the lead keeps every article distinct even when two draw the same paragraphs.
    lead = f"{line}{text[0]}"
    document = "\n\n".join([title, lead, *text[1:], f"Article {index + 1} de la semaine.", f"En savoir plus sur {outlet}"])
    return Article(f"article_{index:05d}.txt", document + "\n", story, outlet, day)


def write_corpus(n: int, folder: Path, seed: int = 0) -> list[Path]:
    """Write N articles into `folder` (created); returns the file paths, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generate(n, seed):
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    paths = write_corpus(args.n, args.folder, args.seed)
    print(f"{len(paths)} articles in {args.folder}")


if __name__ == "__main__":
    main()
