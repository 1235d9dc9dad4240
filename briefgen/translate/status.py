"""What `briefgen doctor` reports: engines, packages, versions, cache, and whether the network is needed.

Nothing here loads a model or touches the network, so the report is instant and safe offline.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from briefgen.config import Config
from briefgen.translate.apertium import DEBIAN_PACKAGES, PAIRS, apertium_pairs, apertium_version
from briefgen.translate.packages import FROM_CODE, NO_ENGINE_HINT, TO_CODE, find_package, installed_packages, packages_dir


def engine_report(config: Config) -> dict:
    """A JSON-ready description of the translation setup for `config`."""
    argos_package = find_package(FROM_CODE, TO_CODE)
    pairs = apertium_pairs()
    apertium_ok = all(p in pairs for p in PAIRS)
    selected = _selected(config.engine, argos_package is not None, apertium_ok)
    return {
        "engines": {
            "argos": {
                "available": argos_package is not None,
                "version": _version("argos-translate-lt"),
                "ctranslate2": _version("ctranslate2"),
                "packages_dir": str(packages_dir()),
                "package": argos_package.name if argos_package else None,
            },
            "apertium": {
                "available": apertium_ok,
                "version": apertium_version() if pairs else None,
                "pairs": sorted(p for p in pairs if p in PAIRS),
                "debian_packages": list(DEBIAN_PACKAGES),
            },
        },
        "packages": [
            {"name": p.name, "from": p.from_code, "to": p.to_code, "version": p.version, "path": str(p.path)}
            for p in installed_packages()
        ],
        "requested_engine": config.engine,
        "selected_engine": selected,
        "cache": str(config.cache),
        "network_needed": selected is None,
        "advice": None if selected else NO_ENGINE_HINT,
    }


def _selected(requested: str, argos_ok: bool, apertium_ok: bool) -> str | None:
    if requested in ("auto", "argos") and argos_ok:
        return "argos"
    if requested in ("auto", "apertium") and apertium_ok:
        return "apertium"
    return None


def _version(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None
