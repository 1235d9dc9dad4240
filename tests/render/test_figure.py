"""The timeline picture: a real PNG at print size, a legend for its marks, the same bytes every time."""

from __future__ import annotations

import datetime as dt
import io
import struct

from matplotlib import dates as mdates
from matplotlib import image
from matplotlib.figure import Figure

from briefgen.render.docx import FIGURE_WIDTH
from briefgen.render.figure import DPI, MAX_HEIGHT_IN, WIDTH_IN, FigureRow, timeline_png

from .helpers import part_xml

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunks(png: bytes) -> list[bytes]:
    out, pos = [], len(PNG_SIGNATURE)
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos: pos + 8])
        out.append(kind)
        pos += 12 + length
    return out


def rows(n: int = 4) -> list[FigureRow]:
    base = [
        FigureRow("Visit $5 million_ *not math*", dt.date(2025, 7, 9), dt.date(2025, 7, 9), "day"),
        FigureRow("Visit: Rudolph Atallah (Bamako)", dt.date(2025, 7, 8), dt.date(2025, 7, 11), "range"),
        FigureRow("Strike: AQIM (Mali)", dt.date(2025, 7, 1), dt.date(2025, 7, 31), "month", hedged=True),
        FigureRow("Visit: William Stevens (Bamako)", dt.date(2025, 7, 21), dt.date(2025, 7, 22), "range"),
    ]
    return (base * (n // len(base) + 1))[:n]


def test_png_is_deterministic_and_carries_no_metadata():
    first, second = timeline_png(rows()), timeline_png(rows())
    assert first == second and first.startswith(PNG_SIGNATURE)
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(chunks(first))
    assert b"matplotlib" not in first.lower()


def test_size_follows_the_number_of_events_and_prints_at_the_text_width():
    small = image.imread(io.BytesIO(timeline_png(rows(4))))
    assert small.shape[1] == round(WIDTH_IN * DPI)
    huge = image.imread(io.BytesIO(timeline_png(rows(60))))
    assert small.shape[0] < huge.shape[0] <= round(MAX_HEIGHT_IN * DPI)
    assert WIDTH_IN * 25.4 <= FIGURE_WIDTH.mm + 0.5  # drawn at print size: 8 pt labels print at 8 pt


def test_legend_names_each_kind_of_mark_used_and_the_axis_spans_the_events(monkeypatch):
    drawn = {}
    original = Figure.legend

    def spy(self, *args, **kwargs):
        drawn["labels"] = [h.get_label() for h in kwargs["handles"]]
        drawn["xlim"] = self.axes[0].get_xlim()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "legend", spy)
    timeline_png(rows(4))
    assert drawn["labels"] == ["single day", "several days", "month (day not stated)", "unconfirmed"]
    first, last = (mdates.num2date(x).date() for x in drawn["xlim"])
    assert dt.date(2025, 6, 25) <= first <= dt.date(2025, 7, 1) and dt.date(2025, 7, 31) <= last <= dt.date(2025, 8, 5)
    timeline_png(rows(2), lang="fr")
    assert drawn["labels"] == ["un jour", "plusieurs jours"]


def test_the_picture_in_the_docx_has_alt_text(rendered):
    brief, path, _ = rendered
    body = part_xml(path, "word/document.xml")
    pictures = body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    assert [p.get("descr") for p in pictures] == [
        "The period's events reported in the sources (5)."
    ]
