"""French date expressions -> dates, with their precision.

Shared by ingest (publication dates) and the timeline (event dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_MONTH = "|".join(MONTHS)
# "16 septembre 2025", "1er juillet 2025", "dimanche 13 juillet 2025"
FULL_DATE = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
# "date 2025-07" (month precision) or an ISO day "2025-07-09"
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


@dataclass(frozen=True)
class DateRef:
    date: dt.date
    precision: str  # "day" or "month"


def parse_full_date(text: str) -> DateRef | None:
    """First absolute French day date ("16 septembre 2025") in `text`."""
    match = FULL_DATE.search(text)
    if not match:
        return None
    day, month, year = int(match[1]), MONTHS[match[2].lower()], int(match[3])
    try:
        return DateRef(dt.date(year, month, day), "day")
    except ValueError:
        return None


def parse_iso_date(text: str) -> DateRef | None:
    """First ISO date in `text`; "2025-07" gives month precision (first of the month)."""
    match = ISO_DATE.search(text)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    day = int(match[3]) if match[3] else 1
    try:
        return DateRef(dt.date(year, month, day), "day" if match[3] else "month")
    except ValueError:
        return None
