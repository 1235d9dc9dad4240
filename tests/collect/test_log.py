"""log: what became of each address survives the run; a damaged log is put aside, not fatal."""

from __future__ import annotations

import datetime as dt

from briefgen.collect.log import DUPLICATE, FAILED, LOG_NAME, SAVED, SKIPPED, CollectionLog, opened

AT = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


def test_saved_duplicate_and_skipped_addresses_are_done_failed_ones_are_not(tmp_path):
    with opened(tmp_path) as log:
        log.record("http://a/1", SAVED, AT, canonical="https://outlet/1", content_hash="h1", file="sources/a.md")
        log.record("http://a/2", DUPLICATE, AT, "same article as a.md")
        log.record("http://a/3", SKIPPED, AT, "not in French (language: en)")
        log.record("http://a/4", FAILED, AT, "HTTP 500", feed="http://a/rss")
    with opened(tmp_path) as log:  # a new run reads what the last one wrote
        assert log.done("http://a/1").file == "sources/a.md"
        assert log.done("https://outlet/1").status == SAVED  # the canonical address counts too
        assert log.done("http://a/2").reason == "same article as a.md"
        assert log.done("http://a/3").at == "2026-12-01T09:00:00+00:00"
        assert log.done("http://a/4") is None
        assert log.failed_from("http://a/rss") == ["http://a/4"]  # to try again when the feed is unchanged
        assert log.saved_as("https://outlet/1", "other") == log.saved_as("elsewhere", "h1") == "sources/a.md"
        assert log.saved_as("elsewhere", "other") is None


def test_feed_validators_are_kept_for_the_next_conditional_get(tmp_path):
    with opened(tmp_path) as log:
        assert log.validators("http://a/rss") == (None, None)
        log.record_feed("http://a/rss", '"abc"', "Mon, 15 Sep 2025 10:00:00 GMT", AT)
    with opened(tmp_path) as log:
        assert log.validators("http://a/rss") == ('"abc"', "Mon, 15 Sep 2025 10:00:00 GMT")


def test_a_damaged_log_is_moved_aside_and_started_afresh(tmp_path):
    (tmp_path / LOG_NAME).write_bytes(b"this is not a database" * 100)
    log = CollectionLog(tmp_path)
    assert log.note.startswith("the collection log was damaged (") and log.note.endswith(f"moved to {LOG_NAME}.damaged and started afresh")
    assert (tmp_path / f"{LOG_NAME}.damaged").read_bytes().startswith(b"this is not")
    assert log.done("http://a/1") is None
    log.close()
