"""The weekly schedule: systemd user units (verified by systemd where available), crontab line, status."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefgen import schedule
from briefgen.cli import app
from briefgen.errors import ConfigError

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


class FakeSystemctl:
    """Records `systemctl --user` calls; answers like a reachable (or unreachable) user systemd."""

    def __init__(self, returncode: int = 0, stderr: str = "") -> None:
        self.calls: list[list[str]] = []
        self.returncode, self.stderr = returncode, stderr

    def __call__(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(args)
        stdout = "NEXT LEFT LAST PASSED UNIT ACTIVATES\nMon 2025-09-29 06:00:00 UTC 5 days left - - briefgen-weekly.timer\n"
        return subprocess.CompletedProcess(args, self.returncode, stdout if args[0] == "list-timers" else "", self.stderr)


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An XDG config home of the test's own: nothing is installed in the real user's systemd."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "systemd" / "user"


@pytest.fixture
def plan(tmp_path: Path, briefgen_exe: Path) -> schedule.Schedule:
    sources = tmp_path / "my sources 100%"  # spaces and % must survive systemd and cron quoting
    sources.mkdir()
    return schedule.make_schedule(sources, tmp_path / "out $HOME", "fri", "18:30", workdir=tmp_path, executable=briefgen_exe)


def test_the_timer_runs_weekly_and_catches_up_after_boot(plan):
    timer = schedule.timer_text(plan)
    assert "OnCalendar=Fri *-*-* 18:30:00\n" in timer
    assert "Persistent=true\n" in timer
    assert "Unit=briefgen-weekly.service\n" in timer
    assert "WantedBy=timers.target\n" in timer


def test_the_service_runs_briefgen_weekly_with_absolute_paths(plan, tmp_path, briefgen_exe):
    service = schedule.service_text(plan)
    assert "Type=oneshot\n" in service
    assert f"WorkingDirectory={tmp_path}\n" in service
    [exec_line] = [line for line in service.splitlines() if line.startswith("ExecStart=")]
    assert exec_line == (f'ExecStart={briefgen_exe} weekly "{tmp_path}/my sources 100%%" --out "{tmp_path}/out $$HOME" --quiet')
    units = tmp_path / "units"
    schedule.install(plan, FakeSystemctl(), units)
    assert schedule.installed_out_dir(units / "briefgen-weekly.service") == tmp_path / "out $HOME"


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(plan, tmp_path):
    units = tmp_path / "units"
    schedule.install(plan, FakeSystemctl(), units)
    result = subprocess.run([SYSTEMD_ANALYZE, "verify", "briefgen-weekly.timer", "briefgen-weekly.service"],
                            cwd=units, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "briefgen-weekly" not in result.stderr  # no warning about our units either
    calendar = subprocess.run([SYSTEMD_ANALYZE, "calendar", "Fri *-*-* 18:30:00"], capture_output=True, text=True, timeout=60)
    assert "Normalized form: Fri *-*-* 18:30:00" in calendar.stdout


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed")
def test_next_run_is_computed_from_the_timer_without_a_running_systemd(plan, units):
    schedule.install(plan, FakeSystemctl(1, "Failed to connect to bus"))
    text = schedule.status(systemctl=FakeSystemctl(1, "Failed to connect to bus"))
    assert re.search(r"next run: Fri \d{4}-\d{2}-\d{2} 18:30:00", text), text


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed")
def test_systemd_verify_catches_a_broken_unit(plan, tmp_path):
    """The check above can fail: a mangled unit is reported."""
    units = tmp_path / "units"
    schedule.install(plan, FakeSystemctl(), units)
    timer = units / "briefgen-weekly.timer"
    timer.write_text(timer.read_text().replace("OnCalendar=Fri", "OnCalendar=Fry"))
    result = subprocess.run([SYSTEMD_ANALYZE, "verify", "briefgen-weekly.timer"], cwd=units, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0


def test_cron_line_is_equivalent_and_locked(plan, tmp_path, briefgen_exe):
    line = schedule.cron_line(plan)
    fields = line.split(" ", 5)
    assert fields[:5] == ["30", "18", "*", "*", "5"]
    assert "%" not in line.replace("\\%", "")  # a bare % would end the cron command
    words = shlex.split(fields[5].replace("\\%", "%"))
    assert words[:2] == ["cd", str(tmp_path)]
    run = words[words.index("flock") :]
    assert run[:3] == ["flock", "-n", str(tmp_path / "out $HOME" / ".briefgen-schedule.lock")]
    assert run[3:] == [str(briefgen_exe), "weekly", str(tmp_path / "my sources 100%"), "--out", str(tmp_path / "out $HOME"), "--quiet"]


@pytest.mark.parametrize(
    ("weekday", "time", "says"),
    [("mox", "06:00", "Unknown weekday"), ("mon", "6am", "24-hour"), ("mon", "24:00", "24-hour"), ("mon", "06:60", "24-hour")],
)
def test_invalid_options_are_refused(tmp_path, weekday, time, says):
    with pytest.raises(ConfigError, match=says):
        schedule.make_schedule(tmp_path, tmp_path / "out", weekday, time)


def test_a_missing_sources_folder_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        schedule.make_schedule(tmp_path / "nope", tmp_path / "out")


def test_install_enables_the_timer_when_systemd_is_reachable(plan, units):
    systemctl = FakeSystemctl()
    installed = schedule.install(plan, systemctl)
    assert installed.paths == [units / "briefgen-weekly.service", units / "briefgen-weekly.timer"]
    assert installed.enabled
    assert systemctl.calls == [["daemon-reload"], ["enable", "--now", "briefgen-weekly.timer"]]
    assert "every Fri at 18:30" in installed.message


def test_install_without_a_user_systemd_says_what_to_run(plan, units):
    installed = schedule.install(plan, FakeSystemctl(1, "Failed to connect to bus: No medium found"))
    assert not installed.enabled
    assert all(path.is_file() for path in installed.paths)
    assert "Failed to connect to bus" in installed.message
    assert "systemctl --user daemon-reload && systemctl --user enable --now briefgen-weekly.timer" in installed.message


def test_status_shows_next_run_and_last_result(plan, units, tmp_path):
    assert "No briefgen timer installed" in schedule.status(systemctl=FakeSystemctl())
    schedule.install(plan, FakeSystemctl())
    assert "Last run: none recorded" in schedule.status(systemctl=FakeSystemctl())
    schedule.record_run(plan.out, "2025-W38", 0, "3 new points since the brief for 2025-W37; 9 carried over.", [plan.out / "brief-2025-W38.docx"])
    text = schedule.status(systemctl=FakeSystemctl())
    assert "Mon 2025-09-29 06:00:00 UTC" in text
    assert "week 2025-W38, succeeded: 3 new points since the brief for 2025-W37" in text
    schedule.record_run(plan.out, "2025-W39", 75, "Another briefgen run is writing.", [])
    assert "week 2025-W39, failed with exit code 75" in schedule.status(systemctl=FakeSystemctl(1, "no bus"))
    assert "Timer state unknown (no bus); next run: " in schedule.status(systemctl=FakeSystemctl(1, "no bus"))


def test_remove_undoes_install(plan, units):
    schedule.install(plan, FakeSystemctl())
    systemctl = FakeSystemctl()
    messages = schedule.remove(systemctl)
    assert messages == [f"Removed {units / 'briefgen-weekly.timer'}", f"Removed {units / 'briefgen-weekly.service'}"]
    assert list(units.iterdir()) == []
    assert systemctl.calls == [["disable", "--now", "briefgen-weekly.timer"], ["daemon-reload"]]
    assert schedule.remove(FakeSystemctl()) == [f"No briefgen schedule installed in {units}; nothing to remove."]


def test_cli_install_status_remove_without_systemctl(tmp_path, units, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no systemctl: nothing touches the real user's systemd
    sources = tmp_path / "sources"
    sources.mkdir()
    runner = CliRunner()
    result = runner.invoke(app, ["schedule", "install", "--sources", str(sources), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "the timer is not enabled (systemctl is not installed)" in result.output
    assert (units / "briefgen-weekly.timer").is_file()
    result = runner.invoke(app, ["schedule", "status"])
    assert "Timer state unknown (systemctl is not installed); next run: unknown" in result.output  # no systemd-analyze on PATH either
    assert f"Last run: none recorded in {tmp_path / 'out'}" in result.output
    result = runner.invoke(app, ["schedule", "install", "--sources", str(sources), "--out", str(tmp_path / "out"), "--cron"])
    assert result.output.startswith("0 6 * * 1 cd ")
    assert "Removed" in runner.invoke(app, ["schedule", "remove"]).output
    assert not (units / "briefgen-weekly.timer").exists()
    result = runner.invoke(app, ["schedule", "install", "--sources", str(tmp_path / "missing"), "--out", str(tmp_path)])
    assert result.exit_code == 2


def test_a_collecting_schedule_runs_weekly_collect_once_the_network_is_up(tmp_path, briefgen_exe):
    sources = tmp_path / "sources"
    sources.mkdir()
    plan = schedule.make_schedule(sources, tmp_path / "out", workdir=tmp_path, executable=briefgen_exe, collect=True)
    service = schedule.service_text(plan)
    assert schedule.command(plan)[-1] == "--collect" and " --quiet --collect\n" in service
    assert "Wants=network-online.target\nAfter=network-online.target\n" in service
    assert "network-online" not in schedule.service_text(replace(plan, collect=False))
    assert schedule.cron_line(plan).rstrip().endswith("--collect")
