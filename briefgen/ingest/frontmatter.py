"""A front-matter block stating an article's metadata, at the top of a text, Markdown or Word file:

    ---
    title: "Mali : Bamako et Washington relancent le dialogue"
    outlet: L'Écho du Sahel
    date: 2025-09-16
    url: https://www.echodusahel.example/politique/…
    ---

`briefgen collect` writes one on every article it saves; a user writes one to state what briefgen
cannot infer. What it states is preferred to inference. A small reader of `key: value` lines (plain,
"double-quoted" with JSON escapes or 'single-quoted'), not YAML: nothing else is needed. Text
between two rules that is not all `key: value` lines stays text, so nothing is lost.
"""

from __future__ import annotations

import json
import re

FIELDS = ("title", "outlet", "author", "date", "url", "collected_at", "language")
FENCE = "---"
# A block longer than this is not front matter but text that happens to start with a rule.
MAX_LINES = 40
LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)")
EMPTY_VALUES = ("", "~", "null")


def take_front_matter(lines: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """(stated fields, the lines after the block, notes). Without a block: ({}, lines, [])."""
    if not lines or lines[0].strip() != FENCE:
        return {}, lines, []
    end = next((i for i, line in enumerate(lines[1 : MAX_LINES + 2], start=1) if line.strip() == FENCE), None)
    if end is None:
        return {}, lines, []
    matches = [LINE.fullmatch(line.strip()) for line in lines[1:end] if line.strip() and not line.lstrip().startswith("#")]
    if not all(matches) or not any(m["key"].lower() in FIELDS for m in matches):
        return {}, lines, []  # text between two rules, not a block of fields: it stays text
    fields: dict[str, str] = {}
    notes: list[str] = []
    for match in matches:
        if (key := match["key"].lower()) not in FIELDS:
            notes.append(f"front matter key {match['key']!r} is not one briefgen reads ({', '.join(FIELDS)}); ignored")
        elif (value := _value(match["value"].strip())) is not None:
            fields[key] = value
    return fields, lines[end + 1 :], notes


def _value(raw: str) -> str | None:
    if raw.startswith('"') and raw.endswith('"') and len(raw) > 1:
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = raw[1:-1]
    elif raw.startswith("'") and raw.endswith("'") and len(raw) > 1:
        raw = raw[1:-1].replace("''", "'")
    raw = raw.strip()
    return None if raw in EMPTY_VALUES else raw


def front_matter(fields: dict[str, str | None]) -> str:
    """The block for `fields` (in FIELDS order, empty ones left out), every value double-quoted."""
    lines = [f"{key}: {json.dumps(fields[key], ensure_ascii=False)}" for key in FIELDS if fields.get(key)]
    return "\n".join([FENCE, *lines, FENCE]) + "\n"
