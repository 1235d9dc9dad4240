"""What `briefgen doctor` reports: engines, packages, versions, cache, and whether the network is needed.

Nothing here loads a model or touches the network, so the report is instant and safe offline.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from briefgen.config import Config
from briefgen.registry import AUTO, ENGINES, EngineStatus
from briefgen.translate.apertium import DEBIAN_PACKAGES, PAIRS, apertium_pairs, apertium_version
from briefgen.translate.packages import FROM_CODE, NO_ENGINE_HINT, TO_CODE, find_package, installed_packages, packages_dir


@dataclass(frozen=True)
class EngineReport:
    """The translation setup for a configuration; `as_dict()` is `doctor --json`."""

    engines: dict[str, EngineStatus]
    packages: list[dict[str, str]]
    requested_engine: str
    selected_engine: str | None
    cache: str

    @property
    def network_needed(self) -> bool:
        return self.selected_engine is None

    @property
    def advice(self) -> str | None:
        return None if self.selected_engine else NO_ENGINE_HINT

    def as_dict(self) -> dict[str, Any]:
        return {
            "engines": {name: {"available": s.available, **s.details} for name, s in self.engines.items()},
            "packages": self.packages,
            "requested_engine": self.requested_engine,
            "selected_engine": self.selected_engine,
            "cache": self.cache,
            "network_needed": self.network_needed,
            "advice": self.advice,
        }


def engine_report(config: Config) -> EngineReport:
    """Every registered engine's status and which one `config` would use."""
    engines = {name: spec.status() for name, spec in ENGINES.items()}
    usable = [name for name, status in engines.items() if status.available]
    wanted = usable if config.engine == AUTO else [config.engine]
    return EngineReport(
        engines=engines,
        packages=[
            {"name": p.name, "from": p.from_code, "to": p.to_code, "version": p.version, "path": str(p.path)}
            for p in installed_packages()
        ],
        requested_engine=config.engine,
        selected_engine=next((name for name in wanted if name in usable), None),
        cache=str(config.cache),
    )


def argos_status() -> EngineStatus:
    package = find_package(FROM_CODE, TO_CODE)
    details = {
        "version": _version("argos-translate-lt"),
        "ctranslate2": _version("ctranslate2"),
        "packages_dir": str(packages_dir()),
        "package": package.name if package else None,
    }
    summary = (f"argos-translate-lt {details['version']}, ctranslate2 {details['ctranslate2']}, "
               f"package {details['package'] or 'none'}, in {details['packages_dir']}")
    return EngineStatus(package is not None, summary, details)


def apertium_status() -> EngineStatus:
    pairs = apertium_pairs()
    details = {
        "version": apertium_version() if pairs else None,
        "pairs": sorted(p for p in pairs if p in PAIRS),
        "debian_packages": list(DEBIAN_PACKAGES),
    }
    summary = f"version {details['version'] or 'not installed'}, pairs {', '.join(details['pairs']) or 'none'}"
    return EngineStatus(all(p in pairs for p in PAIRS), summary, details)


def _version(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None
