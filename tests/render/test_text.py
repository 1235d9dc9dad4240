"""Cleaning and English dates shared by every renderer."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.render.text import clean, date_span, event_date, source_date, timestamp


def test_clean_drops_only_what_xml_cannot_hold():
    assert clean("a\x00b\x0bc\x0cd\x1fe\ufffef\uffff") == "abcdef"
    assert clean("tab\tnew\nline « é » 😀 \u200b") == "tab\tnew\nline « é » 😀 \u200b"
    assert clean("crlf\r\nand\rcr") == "crlf\nand\ncr"
    assert clean(None) == clean("") == ""


@pytest.mark.parametrize(("start", "end", "label"), [
    (dt.date(2025, 9, 15), dt.date(2025, 9, 21), "15–21 September 2025"),
    (dt.date(2025, 9, 29), dt.date(2025, 10, 5), "29 September – 5 October 2025"),
    (dt.date(2025, 12, 29), dt.date(2026, 1, 4), "29 December 2025 – 4 January 2026"),
    (dt.date(2025, 7, 9), dt.date(2025, 7, 9), "9 July 2025"),
])
def test_date_span(start, end, label):
    assert date_span(start, end) == label


def test_event_and_source_dates_keep_their_precision():
    assert event_date("2025-07-09", "day") == "9 July 2025"
    assert event_date("2025-07", "month") == "July 2025"
    assert event_date("2025-07-08/2025-07-11", "range") == "8–11 July 2025"
    assert event_date("fin juillet\x0b", "day") == "fin juillet"
    assert source_date(dt.date(2025, 7, 1), "month") == "July 2025"
    assert source_date(None, None) == "undated"


def test_timestamp_is_utc():
    paris = dt.timezone(dt.timedelta(hours=2))
    assert timestamp(dt.datetime(2025, 9, 20, 8, 0, tzinfo=paris)) == "20 September 2025, 06:00 UTC"
