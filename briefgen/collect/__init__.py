"""`briefgen collect`: French news from RSS/Atom feeds and article pages, saved as Markdown with
their real metadata into the sources folder. The only part of briefgen that uses the network.

    fetch.py    polite, bounded HTTP (robots.txt, per-host delay, limits, retries)
    feeds.py    feed bytes -> article addresses (feedparser)
    extract.py  page -> Article: text and metadata (trafilatura, checked against the markup)
    log.py      SQLite collection log: what became of every address; feed validators
    save.py     Article -> Markdown with front matter, written atomically
    run.py      one run: the steps above, each address's outcome reported
"""

from briefgen.collect.run import CollectReport, Outcome, collect, collect_into

__all__ = ["CollectReport", "Outcome", "collect", "collect_into"]
