"""Running `briefgen weekly` on a schedule: a systemd user timer (or a crontab line) and its last result.

The timer is `Persistent=true`, so a run missed while the machine was off happens after boot. Each
weekly run records its outcome in `<out>/.briefgen-last-run.json`, which `schedule status` reads.
The library returns text and paths; the CLI prints them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError

UNIT = "briefgen-weekly"
# Weekday option -> (systemd OnCalendar name, cron day number).
WEEKDAYS = {"mon": ("Mon", 1), "tue": ("Tue", 2), "wed": ("Wed", 3), "thu": ("Thu", 4), "fri": ("Fri", 5),
            "sat": ("Sat", 6), "sun": ("Sun", 0)}  # fmt: skip
TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
LAST_RUN = ".briefgen-last-run.json"
# The crontab line's own lock: briefgen locks `.briefgen.lock` itself while writing, so flock(1)
# must hold a different file or every run would find its own folder locked.
CRON_LOCK = ".briefgen-schedule.lock"
SYSTEMCTL_TIMEOUT = 30  # seconds; systemctl answers at once or its bus is not there
ENABLE_COMMANDS = f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer"

# A run that collects first needs the network up: after boot, a missed run would start before it.
NETWORK_UNIT_LINES = ["Wants=network-online.target", "After=network-online.target"]

Systemctl = Callable[[list[str]], "subprocess.CompletedProcess[str] | None"]


@dataclass(frozen=True)
class Schedule:
    """One weekly run: every path absolute, because a timer runs far from the shell that set it up."""

    sources: Path
    out: Path
    workdir: Path  # where briefgen.toml and notes/ are looked for
    executable: Path
    weekday: str = "mon"
    time: str = "06:00"
    notes: Path | None = None
    collect: bool = False  # run `weekly --collect`: fetch new articles first


@dataclass(frozen=True)
class Installed:
    paths: list[Path]
    enabled: bool
    message: str


def make_schedule(sources: Path, out: Path, weekday: str = "mon", time: str = "06:00", notes: Path | None = None,
                  workdir: Path | None = None, executable: Path | None = None, collect: bool = False) -> Schedule:
    """Validate the options and make every path absolute."""
    weekday = weekday.lower()[:3]
    if weekday not in WEEKDAYS:
        raise ConfigError(f"Unknown weekday; use one of {', '.join(WEEKDAYS)}.")
    if not TIME.fullmatch(time):
        raise ConfigError(f"Invalid time {time!r}: use 24-hour HH:MM, e.g. 06:00.")
    if not sources.is_dir():
        raise ConfigError(f"Sources folder {sources} does not exist. Create it or pass the right --sources.")
    schedule = Schedule(sources.resolve(), out.resolve(), (workdir or Path.cwd()).resolve(),
                        executable or briefgen_executable(), weekday, time, notes.resolve() if notes else None, collect)
    for path in (schedule.sources, schedule.out, schedule.workdir, schedule.executable, schedule.notes):
        if path is not None and "\n" in str(path):
            raise ConfigError(f"Path {path!r} contains a line break; a unit file or crontab cannot hold it.")
    return schedule


def briefgen_executable() -> Path:
    """The `briefgen` script beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("briefgen")
    if beside.is_file():
        return beside.absolute()
    found = shutil.which("briefgen")
    if found is None:
        raise ConfigError("Cannot find the briefgen command; install briefgen (make brief) and run this again.")
    return Path(found).absolute()


def command(schedule: Schedule) -> list[str]:
    args = [str(schedule.executable), "weekly", str(schedule.sources), "--out", str(schedule.out), "--quiet"]
    return args + (["--notes", str(schedule.notes)] if schedule.notes else []) + (["--collect"] if schedule.collect else [])


def unit_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "systemd" / "user"


def service_text(schedule: Schedule) -> str:
    return "\n".join([
        "# Written by `briefgen schedule install`; undo with `briefgen schedule remove`.",
        "[Unit]",
        f"Description=briefgen weekly brief into {_specifiers(str(schedule.out))}",
        *(NETWORK_UNIT_LINES if schedule.collect else []),
        "",
        "[Service]",
        "Type=oneshot",
        f"WorkingDirectory={_specifiers(str(schedule.workdir))}",
        "Environment=PYTHONUTF8=1",
        f"ExecStart={' '.join(_systemd_word(arg) for arg in command(schedule))}",
        "",
    ])


def timer_text(schedule: Schedule) -> str:
    day, _ = WEEKDAYS[schedule.weekday]
    return "\n".join([
        "# Written by `briefgen schedule install`; undo with `briefgen schedule remove`.",
        "[Unit]",
        f"Description=briefgen weekly brief, {day} {schedule.time}",
        "",
        "[Timer]",
        f"OnCalendar={day} *-*-* {schedule.time}:00",
        "Persistent=true",
        f"Unit={UNIT}.service",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])


def _specifiers(text: str) -> str:
    """systemd expands %x specifiers in most settings; a literal % is written %%."""
    return text.replace("%", "%%")


def _systemd_word(arg: str) -> str:
    """One ExecStart argument: specifiers and $ escaped, quoted when it holds spaces or quotes."""
    text = _specifiers(arg).replace("$", "$$")
    if text and not re.search(r"[\s\"'\\;]", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cron_line(schedule: Schedule) -> str:
    """An equivalent crontab line; flock -n skips a run while the previous one is still going."""
    hour, minute = schedule.time.split(":")
    _, day = WEEKDAYS[schedule.weekday]
    lock = schedule.out / CRON_LOCK
    run = " ".join(shlex.quote(arg) for arg in command(schedule))
    line = f"{int(minute)} {int(hour)} * * {day} cd {shlex.quote(str(schedule.workdir))} && mkdir -p {shlex.quote(str(schedule.out))} && flock -n {shlex.quote(str(lock))} {run}"
    return line.replace("%", "\\%")  # cron turns a bare % into a newline


def run_systemctl(args: list[str]) -> subprocess.CompletedProcess[str] | None:
    """`systemctl --user ARGS`, or None when systemctl is not installed."""
    if shutil.which("systemctl") is None:
        return None
    try:
        return subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True, timeout=SYSTEMCTL_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return subprocess.CompletedProcess(args, 1, "", str(exc))


def install(schedule: Schedule, systemctl: Systemctl = run_systemctl, units: Path | None = None) -> Installed:
    """Write the service and timer, then enable the timer if a user systemd is reachable."""
    folder = units or unit_dir()
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{UNIT}.service", folder / f"{UNIT}.timer"]
    for path, text in zip(paths, (service_text(schedule), timer_text(schedule))):
        _write_atomic(path, text)
    failure = _run_all(systemctl, [["daemon-reload"], ["enable", "--now", f"{UNIT}.timer"]])
    day, _ = WEEKDAYS[schedule.weekday]
    if failure is None:
        return Installed(paths, True, f"Enabled: briefgen weekly runs every {day} at {schedule.time} (missed runs happen after boot). "
                         "To run it while you are logged out: loginctl enable-linger")
    return Installed(paths, False, f"Unit files written, but the timer is not enabled ({failure}). Run: {ENABLE_COMMANDS}")


def remove(systemctl: Systemctl = run_systemctl, units: Path | None = None) -> list[str]:
    """Disable the timer (when systemd is reachable) and delete both unit files."""
    folder = units or unit_dir()
    paths = [folder / f"{UNIT}.timer", folder / f"{UNIT}.service"]
    if not any(path.exists() for path in paths):
        return [f"No briefgen schedule installed in {folder}; nothing to remove."]
    failure = _run_all(systemctl, [["disable", "--now", f"{UNIT}.timer"]])
    messages = [f"Removed {path}" for path in paths if path.exists()]
    for path in paths:
        path.unlink(missing_ok=True)
    _run_all(systemctl, [["daemon-reload"]])
    if failure:
        messages.append(f"Could not stop the timer ({failure}); if it still runs: systemctl --user disable --now {UNIT}.timer")
    return messages


def _run_all(systemctl: Systemctl, commands: list[list[str]]) -> str | None:
    """Run each systemctl command; the first failure's reason, or None when all succeeded."""
    for args in commands:
        result = systemctl(args)
        if result is None:
            return "systemctl is not installed"
        if result.returncode != 0:
            return (result.stderr or result.stdout).strip() or f"systemctl --user {' '.join(args)} exited {result.returncode}"
    return None


def status(out: Path | None = None, systemctl: Systemctl = run_systemctl, units: Path | None = None) -> str:
    """The installed schedule, its next run and the last recorded result, as lines of text."""
    service = (units or unit_dir()) / f"{UNIT}.service"
    lines = []
    if service.exists():
        lines.append(f"Installed: {service} and {service.with_suffix('.timer').name}")
        out = out or installed_out_dir(service)
        result = systemctl(["list-timers", f"{UNIT}.timer", "--all", "--no-pager"])
        if result is not None and result.returncode == 0:
            lines.append(result.stdout.rstrip())
        else:
            reason = "systemctl is not installed" if result is None else (result.stderr or result.stdout).strip()
            lines.append(f"Timer state unknown ({reason}); {next_elapse(service.with_suffix('.timer'))}")
    else:
        lines.append(f"No briefgen timer installed in {service.parent}.")
    if out is not None:
        lines.append(describe_last_run(out))
    return "\n".join(lines)


def next_elapse(timer: Path) -> str:
    """When the timer's OnCalendar= next fires, computed by systemd-analyze (no running systemd needed)."""
    spec = next((line.removeprefix("OnCalendar=") for line in timer.read_text(encoding="utf-8").splitlines()
                 if line.startswith("OnCalendar=")), None)  # fmt: skip
    analyze = shutil.which("systemd-analyze")
    if spec is None or analyze is None:
        return "next run: unknown"
    try:
        result = subprocess.run([analyze, "calendar", spec], capture_output=True, text=True, timeout=SYSTEMCTL_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "next run: unknown"
    found = re.search(r"Next elapse:\s*(.+)", result.stdout)
    return f"next run: {found[1].strip()}" if found else "next run: unknown"


def installed_out_dir(service: Path) -> Path | None:
    """The --out folder of an installed service's ExecStart."""
    for line in service.read_text(encoding="utf-8").splitlines():
        if line.startswith("ExecStart="):
            words = shlex.split(line.removeprefix("ExecStart=").replace("$$", "$").replace("%%", "%"))
            if "--out" in words[:-1]:
                return Path(words[words.index("--out") + 1])
    return None


def record_run(out: Path, week: str | None, exit_code: int, message: str, outputs: list[Path]) -> Path:
    """Write the weekly run's outcome for `schedule status`, atomically (the folder is created if needed)."""
    out.mkdir(parents=True, exist_ok=True)
    record = {
        "finished_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "week": week,
        "exit_code": exit_code,
        "message": message,
        "outputs": [path.name for path in outputs],
    }
    path = out / LAST_RUN
    _write_atomic(path, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return path


def read_last_run(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / LAST_RUN).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def describe_last_run(out: Path) -> str:
    record = read_last_run(out)
    if record is None:
        return f"Last run: none recorded in {out}."
    outcome = "succeeded" if record.get("exit_code") == 0 else f"failed with exit code {record.get('exit_code')}"
    detail = f": {record['message']}" if record.get("message") else ""
    return f"Last run: {record.get('finished_at')}, week {record.get('week')}, {outcome}{detail}"


def _write_atomic(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    with temp.open("w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)
