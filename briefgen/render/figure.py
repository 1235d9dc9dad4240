"""The timeline as a picture: the period's events at a glance (the table under it has every event).

Only the period's events are drawn (TimelineEntry.background: a 2022 visit the sources recall would
squeeze the rest into the last sliver of the axis); each row is the event's short label. A dot is a
single day, a bar several days, a pale bar a month whose day is not stated; a hollow or hatched mark
is an event the sources report as unconfirmed. The legend says so.

Deterministic: Agg backend through the object API (no pyplot state), fixed size and resolution, no
date or software metadata in the PNG, so the same timeline gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from matplotlib import dates as mdates
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from briefgen.render import text

WIDTH_IN = 6.5  # the figure is printed at 165 mm: 1 inch of figure is 1 inch on paper
ROW_IN = 0.22  # height per event: 8 pt labels need 0.17 in
AXIS_IN = 0.4  # the date axis under the rows
LEGEND_IN = 0.3  # the legend under the axis
MAX_HEIGHT_IN = 7.0  # a long timeline gets tighter rows rather than a page-long figure
DPI = 200  # sharp in print; 40-100 KB per figure
FONT_PT = 8  # printed at 100 %: the size of the table text beside it
FONTS = ("Carlito", "Calibri")  # the document's body font when installed; else matplotlib's default
NAVY, ACCENT, PALE, MUTED = "#1F3864", "#2E74B5", "#9DC3E6", "#595959"
LEGEND = {
    "en": ("single day", "several days", "month (day not stated)", "unconfirmed"),
    "fr": ("un jour", "plusieurs jours", "mois (jour non précisé)", "non confirmé"),
}
LONG_AXIS_DAYS = 120  # beyond this the axis names months, not days


@dataclass(frozen=True)
class FigureRow:
    label: str
    start: dt.date
    end: dt.date
    precision: str  # "day", "range" or "month"
    hedged: bool = False


def timeline_png(rows: list[FigureRow], lang: str = "en") -> bytes:
    """PNG of `rows`, earliest at the top, with a legend for the marks it uses."""
    rows = sorted(rows, key=lambda r: (r.start, r.end, r.label))
    height = min(MAX_HEIGHT_IN, AXIS_IN + LEGEND_IN + ROW_IN * max(len(rows), 2))
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    font = _font()
    for y, row in enumerate(rows):
        _mark(ax, y, row)
    _style_axes(ax, [r.label for r in rows], font)
    if rows:
        _date_axis(ax, rows, font, lang)
    _legend(fig, rows, font, lang)
    fig.tight_layout(pad=0.3, rect=(0, LEGEND_IN / height, 1, 1))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _mark(ax, y: int, row: FigureRow) -> None:
    if row.precision == "day":
        ax.plot([row.start], [y], "o", markersize=6, zorder=3, color=NAVY,
                markerfacecolor="white" if row.hedged else NAVY, markeredgewidth=1.4)
        return
    colour = PALE if row.precision == "month" else ACCENT
    ax.barh(y, (row.end - row.start).days + 1, left=row.start, height=0.5, zorder=2, color=colour,
            edgecolor=NAVY if row.hedged else colour, hatch="////" if row.hedged else None, linewidth=0.8)


def _font() -> str:
    """The first of FONTS that is installed (asking for a missing one logs a warning per label)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in FONTS if f in installed), "DejaVu Sans")


def _style_axes(ax, labels: list[str], font: str) -> None:
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=FONT_PT, color="#222222", family=font)
    for tick in ax.get_yticklabels():
        tick.set_parse_math(False)  # "$" in a label is a dollar, not TeX
    ax.set_ylim(max(len(labels), 1) - 0.5, -0.6)
    ax.grid(axis="x", color="#D9D9D9", linewidth=0.6, zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(MUTED)
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize=FONT_PT, colors=MUTED)


def _date_axis(ax, rows: list[FigureRow], font: str, lang: str) -> None:
    first, last = min(r.start for r in rows), max(r.end for r in rows)
    pad = max(dt.timedelta(days=2), (last - first) * 0.04)
    ax.set_xlim(first - pad, last + pad + dt.timedelta(days=1))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    long_axis = (last - first).days > LONG_AXIS_DAYS

    def label(value: float, _position: int) -> str:
        day = mdates.num2date(value).date()
        months = text.SHORT_MONTHS[lang]
        return f"{months[day.month - 1]} {day.year}" if long_axis else f"{day.day} {months[day.month - 1]}"

    ax.xaxis.set_major_formatter(FuncFormatter(label))
    for tick in ax.get_xticklabels():
        tick.set_family(font)


def _legend(fig: Figure, rows: list[FigureRow], font: str, lang: str) -> None:
    """A legend entry for each kind of mark the figure uses, in one row at the bottom."""
    names = LEGEND[lang]
    used = {r.precision for r in rows}
    handles = []
    if "day" in used:
        handles.append(Line2D([], [], marker="o", linestyle="", color=NAVY, markersize=6, label=names[0]))
    if "range" in used:
        handles.append(Patch(color=ACCENT, label=names[1]))
    if "month" in used:
        handles.append(Patch(color=PALE, label=names[2]))
    if any(r.hedged for r in rows):
        handles.append(Patch(facecolor="white", edgecolor=NAVY, hatch="////", label=names[3]))
    if handles:
        fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False,
                   prop={"family": font, "size": FONT_PT})
