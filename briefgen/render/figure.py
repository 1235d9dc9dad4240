"""The timeline as a picture: when things happened, at a glance (the table beside it has the detail).

Deterministic: Agg backend through the object API (no pyplot state), fixed size and resolution, no
date or software metadata in the PNG, so the same timeline gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap

from matplotlib import dates as mdates
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from briefgen.model import TimelineEntry
from briefgen.render import text

WIDTH_IN = 6.7  # fits the A4 text width of the shipped template
ROW_IN = 0.34  # height per event
MAX_HEIGHT_IN = 8.0  # a long timeline gets tighter rows rather than a page-long figure
DPI = 200  # sharp in print; 40-100 KB per figure
LABEL_CHARS = 46  # event labels are shortened: the table under the figure gives the full text
FONTS = ("Carlito", "Calibri")  # the document's body font when installed; else matplotlib's default
NAVY, ACCENT, MUTED = "#1F3864", "#2E74B5", "#595959"


def timeline_png(entries: list[TimelineEntry]) -> bytes:
    """PNG of `entries` as a dot (day), bar (month or range) per row, earliest at the top."""
    spans = sorted((_span(e), text.clean(e.label or e.en or e.fr)) for e in entries)
    height = min(MAX_HEIGHT_IN, 0.9 + ROW_IN * len(spans))
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for row, ((start, end, exact), _) in enumerate(spans):
        if start == dt.date.min:
            continue  # unreadable date: listed, not placed
        if exact:
            ax.plot([start], [row], "o", color=NAVY, markersize=6, zorder=3)
        else:
            ax.barh(row, (end - start).days + 1, left=start, height=0.45, color=ACCENT, alpha=0.55, zorder=2)
    font = _font()
    _style_axes(ax, [label for _, label in spans], font)
    _date_axis(ax, [s for s, _ in spans], font)
    fig.tight_layout(pad=0.4)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _font() -> str:
    """The first of FONTS that is installed (asking for a missing one logs a warning per label)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in FONTS if f in installed), "DejaVu Sans")


def _span(entry: TimelineEntry) -> tuple[dt.date, dt.date, bool]:
    """(first day, last day, is a single known day) of an entry's date."""
    try:
        if entry.precision == "range" and "/" in entry.date:
            start, end = (dt.date.fromisoformat(p) for p in entry.date.split("/", 1))
            return start, end, False
        if entry.precision == "month":
            start = dt.date.fromisoformat(f"{entry.date[:7]}-01")
            following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return start, following - dt.timedelta(days=1), False
        day = dt.date.fromisoformat(entry.date[:10])
        return day, day, True
    except ValueError:
        return dt.date.min, dt.date.min, True


def _style_axes(ax, labels: list[str], font: str) -> None:
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels([textwrap.shorten(label, LABEL_CHARS, placeholder="…") for label in labels],
                       fontsize=7.5, color="#222222", family=font)
    for tick in ax.get_yticklabels():
        tick.set_parse_math(False)  # "$" in a label is a dollar, not TeX
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="x", color="#D9D9D9", linewidth=0.6, zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(MUTED)
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize=7.5, colors=MUTED)


def _date_axis(ax, spans: list[tuple[dt.date, dt.date, bool]], font: str) -> None:
    known = [s for s in spans if s[0] != dt.date.min]
    if not known:
        return
    first = min(s[0] for s in known)
    last = max(s[1] for s in known)
    pad = max(dt.timedelta(days=2), (last - first) * 0.04)
    ax.set_xlim(first - pad, last + pad)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for label in ax.get_xticklabels():
        label.set_family(font)
