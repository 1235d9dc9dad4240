"""The timeline picture: a real PNG, the same bytes every time, nothing about when it was made."""

from __future__ import annotations

import io
import struct

from matplotlib import image

from briefgen.model import TimelineEntry
from briefgen.render.figure import DPI, MAX_HEIGHT_IN, WIDTH_IN, timeline_png

from .helpers import part_xml

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunks(png: bytes) -> list[bytes]:
    out, pos = [], len(PNG_SIGNATURE)
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos: pos + 8])
        out.append(kind)
        pos += 12 + length
    return out


def entries(n: int = 4) -> list[TimelineEntry]:
    base = [
        TimelineEntry("2025-07-09", "day", "fr", [], "Visit $5 million_ *not math*"),
        TimelineEntry("2025-07-08/2025-07-11", "range", "fr", [], "Official visit"),
        TimelineEntry("2025-07", "month", "fr", [], ""),
        TimelineEntry("sometime", "day", "À une date inconnue", [], ""),
    ]
    return (base * (n // len(base) + 1))[:n]


def test_png_is_deterministic_and_carries_no_metadata(brief):
    first, second = timeline_png(brief.timeline), timeline_png(brief.timeline)
    assert first == second and first.startswith(PNG_SIGNATURE)
    assert not {b"tEXt", b"iTXt", b"zTXt", b"tIME"} & set(chunks(first))
    assert b"matplotlib" not in first.lower()


def test_size_follows_the_number_of_events():
    small = image.imread(io.BytesIO(timeline_png(entries(4))))
    assert small.shape[1] == round(WIDTH_IN * DPI)
    huge = image.imread(io.BytesIO(timeline_png(entries(60))))
    assert small.shape[0] < huge.shape[0] <= round(MAX_HEIGHT_IN * DPI)


def test_odd_dates_and_text_do_not_break_the_figure():
    png = timeline_png(entries(4))
    assert image.imread(io.BytesIO(png)).shape[2] in (3, 4)


def test_the_picture_in_the_docx_has_alt_text(rendered):
    brief, path, _ = rendered
    body = part_xml(path, "word/document.xml")
    pictures = body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    assert [p.get("descr") for p in pictures] == [
        f"Dated events reported in the sources ({len(brief.timeline)} events)."
    ]
