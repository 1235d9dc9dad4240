"""What the terminal shows: progress only on a terminal and only for runs that last, counts and
rates for counted stages, stage timings with --verbose, and nothing with --quiet."""

from __future__ import annotations

import io

from rich.console import Console

from briefgen.build import BuildSummary, SectionCount
from briefgen.cli.display import WARNINGS_SHOWN, CountingTranslator, StageReporter, print_summary, print_warnings
from briefgen.model import EngineInfo, SourceWarning


def _console(terminal: bool) -> Console:
    return Console(file=io.StringIO(), force_terminal=terminal, width=120, color_system=None)


def _run(reporter: StageReporter) -> str:
    with reporter:
        reporter.stage("ingest")
        for done in range(1, 4):
            reporter.progress(done, 3)
        reporter.stage("translate")
        reporter.progress(32, None)
        reporter.note("Engine: fake 1.0")
    return reporter.console.file.getvalue()


def test_progress_on_a_terminal_shows_stages_with_counts():
    shown = _run(StageReporter(console=_console(terminal=True), show_after=0))
    assert "Reading sources" in shown and "3/3 sources" in shown
    assert "Translating" in shown and "32 sentences" in shown
    assert "Engine: fake" not in shown  # notes are for --verbose


def test_quick_runs_show_no_progress():
    assert _run(StageReporter(console=_console(terminal=True), show_after=60)) == ""


def test_no_progress_when_not_a_terminal_but_verbose_timings_are_logged():
    assert _run(StageReporter(console=_console(terminal=False), show_after=0)) == ""
    logged = _run(StageReporter(console=_console(terminal=False), verbose=True, show_after=0)).splitlines()
    assert logged[0].startswith("✓ Reading sources (3 sources) ") and logged[0].endswith(" s")
    assert logged[1] == "  Engine: fake 1.0"
    assert logged[2].startswith("✓ Translating (32 sentences) ")


def test_quiet_shows_nothing_even_with_verbose():
    assert _run(StageReporter(enabled=False, verbose=True, console=_console(terminal=True), show_after=0)) == ""


def test_a_failing_stage_is_not_reported_as_done():
    reporter = StageReporter(verbose=True, console=_console(terminal=False))
    try:
        with reporter:
            reporter.stage("render")
            raise OSError("disk full")
    except OSError:
        pass
    assert "Writing the brief" not in reporter.console.file.getvalue()


def test_counting_translator_counts_what_reaches_the_engine(fake_translator):
    reports = []
    counting = CountingTranslator(fake_translator, lambda done, total: reports.append((done, total)))
    assert counting.translate_batch(["un", "deux"]) == ["EN[un]", "EN[deux]"]
    counting.translate_batch(["trois"])
    assert reports == [(2, None), (3, None)]
    assert counting.translated == 3 and counting.info == fake_translator.info
    assert counting.parallel_batches == 1  # the fake translates one batch at a time


def test_warnings_are_capped_on_a_terminal_without_verbose():
    warnings = [SourceWarning(f"bad{i}.txt", "not French") for i in range(WARNINGS_SHOWN + 2)]
    terminal = _console(terminal=True)
    print_warnings(warnings, verbose=False, console=terminal)
    shown = terminal.file.getvalue()
    assert shown.count("not French") == WARNINGS_SHOWN
    assert "… and 2 more; run with --verbose" in shown
    for console, verbose in ((_console(terminal=True), True), (_console(terminal=False), False)):
        print_warnings(warnings, verbose=verbose, console=console)
        assert console.file.getvalue().count("not French") == WARNINGS_SHOWN + 2  # logs keep every warning


def test_summary_names_sections_skipped_sources_and_outputs(capsys):
    print_summary(BuildSummary(
        week="2025-W38",
        start="2025-09-15",
        end="2025-09-21",
        sources_used=4,
        sources_skipped=["sources/empty.txt"],
        sections=[SectionCount("diplomacy", "Diplomacy", 3), SectionCount("russia", "Russia context", 0)],
        key_judgements=3,
        key_developments=0,
        engine=EngineInfo("apertium", "3.8.3", "fra-cat+cat-eng"),
        outputs=["outputs/brief-2025-W38.docx", "outputs/brief-2025-W38.json"],
        messages=[],
        warnings=[SourceWarning("sources/empty.txt", "no text")],
        seconds=4.2,
    ))
    shown = capsys.readouterr().out
    assert "4 used, 1 skipped: sources/empty.txt" in shown
    assert "Diplomacy 3 · Russia context 0" in shown
    assert "none extracted; 3 top points" in shown  # no event record: the top points stand in
    assert "apertium 3.8.3 (fra-cat+cat-eng)" in shown
    assert "outputs/brief-2025-W38.docx" in shown and "4.2 s" in shown
    assert "briefgen preview outputs/brief-2025-W38.json" in shown
