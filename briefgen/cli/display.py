"""What the terminal shows: the stage being run, then tables. Progress goes to stderr so that
stdout stays clean for `--json` and pipes."""

from __future__ import annotations

import time

from rich.console import Console
from rich.markup import escape
from rich.table import Table

STAGE_LABELS = {
    "ingest": "Reading sources",
    "segment": "Splitting sentences",
    "classify": "Sorting into sections",
    "select": "Selecting points",
    "timeline": "Dating events",
    "actors": "Finding actors",
    "discrepancies": "Comparing sources",
    "translate": "Translating",
    "render": "Writing the brief",
}


class StageReporter:
    """A spinner naming the current stage, with the time each finished stage took."""

    def __init__(self, enabled: bool = True) -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self._status = None
        self._current: str | None = None
        self._started = 0.0

    def __enter__(self) -> StageReporter:
        if self.enabled:
            self._status = self.console.status("Starting…")
            self._status.__enter__()
        return self

    def stage(self, name: str) -> None:
        self._finish()
        self._current, self._started = name, time.monotonic()
        if self._status is not None:
            self._status.update(STAGE_LABELS.get(name, name) + "…")

    def _finish(self) -> None:
        if self._current and self.enabled:
            elapsed = time.monotonic() - self._started
            self.console.print(f"[green]✓[/] {STAGE_LABELS.get(self._current, self._current)} [dim]{elapsed:.1f} s[/]")

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._finish()
        if self._status is not None:
            self._status.__exit__(exc_type, exc, tb)


def print_summary(summary: dict) -> None:
    console = Console()
    table = Table(title=f"Brief {summary['week']}", show_header=False, box=None)
    table.add_row("Sources used", str(summary["sources_used"]))
    if summary["sources_skipped"]:
        table.add_row("Sources skipped", ", ".join(summary["sources_skipped"]))
    table.add_row("Points", ", ".join(f"{k} {n}" for k, n in summary["points"].items()))
    table.add_row("Key judgements", str(summary["key_judgements"]))
    table.add_row("Engine", summary["engine"])
    table.add_row("Warnings", str(summary["warnings"]))
    table.add_row("Time", f"{summary['seconds']} s")
    for path in summary["outputs"]:
        table.add_row("Written", path)
    console.print(table)


def print_sources(rows: list[dict], warnings: list[dict]) -> None:
    console = Console()
    table = Table(title=f"{len(rows)} sources")
    for column in ("id", "outlet", "date", "title", "words"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["id"], row["outlet"] or "—", row["date"] or "—", row["title"] or "—", str(row["words"]))
    console.print(table)
    for warning in warnings:
        Console(stderr=True).print(f"[yellow]warning:[/] {escape(warning['source'])}: {escape(warning['message'])}", highlight=False)


def print_brief(data: dict, french: bool = False) -> None:
    """The brief as text: points carry [n] citation numbers listed at the end, as in the DOCX."""
    console = Console()
    sources = {s["id"]: s for s in data["sources"]}
    notes: list[str] = []

    def cite(point: dict) -> str:
        marks = []
        for citation in point["citations"]:
            source = sources.get(citation["source"], {})
            notes.append(f"{source.get('outlet') or source.get('path', citation['source'])}, {source.get('date') or 'undated'}, para. {citation['paragraph']}")
            marks.append(f"[{len(notes)}]")
        return "".join(marks)

    def show(point: dict) -> None:
        count = len({c["source"] for c in point["citations"]})
        corroboration = f" (reported by {count} sources)" if count > 1 else ""
        console.print(f"  • {escape(point['en'] or point['fr'])}{corroboration} {cite(point)}", highlight=False)
        if french:
            console.print(f"    [dim]{escape(point['fr'])}[/]", highlight=False)

    period = data["period"]
    engine = data["engine"]
    console.rule(f"Brief {period['week']} ({period['start']} – {period['end']})")
    console.print(f"{len(data['sources'])} sources · engine {engine['name']} {engine['version']} · generated {data['generated_at']}", highlight=False)
    console.print("\n[bold]Key judgements[/]")
    for point in data["key_judgements"]:
        show(point)
    for section in data["sections"]:
        console.print(f"\n[bold]{escape(section['title']['en'])}[/]")
        if not section["points"]:
            console.print("  No material this week.")
        for point in section["points"]:
            show(point)
    console.print("\n[bold]Citations[/]")
    for number, note in enumerate(notes, start=1):
        console.print(f"  [{number}] {escape(note)}", highlight=False)
    if data["warnings"]:
        console.print("\n[bold yellow]Warnings[/]")
        for warning in data["warnings"]:
            console.print(f"  {escape(warning['source'] or 'build')}: {escape(warning['message'])}", highlight=False)
