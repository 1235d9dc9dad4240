"""Find, install and remove Argos packages through argostranslate's package API.

Where packages live is argostranslate's decision (`ARGOS_PACKAGES_DIR`, its settings.json, else
`$XDG_DATA_HOME/argos-translate/packages`, read once when argostranslate is imported), so `models
install` and any other Argos tool see the same packages. Nothing here loads a model.
"""

from __future__ import annotations

import json
import logging
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefgen.errors import EngineUnavailableError
from briefgen.translate.apertium import INSTALL_HINT

FROM_CODE, TO_CODE = "fr", "en"
REQUIRED_MEMBERS = ("metadata.json", "model/model.bin")
TOKENIZERS = ("sentencepiece.model", "bpe.model")
OFFLINE_HINT = (
    "Install from a file with `briefgen models install --from FILE.argosmodel`, "
    f"or install Apertium: {INSTALL_HINT}"
)
NO_ENGINE_HINT = (
    "Install a French->English Argos package with `briefgen models install` (online) or "
    f"`briefgen models install --from FILE.argosmodel`, or install Apertium: {INSTALL_HINT}"
)


@dataclass(frozen=True)
class PackageInfo:
    name: str  # folder name inside the packages directory, e.g. "translate-fr_en-1_9"
    from_code: str
    to_code: str
    version: str
    path: Path


def packages_dir() -> Path:
    from argostranslate import settings

    return Path(settings.package_data_dir)


def installed_packages() -> list[PackageInfo]:
    """Installed translation packages, sorted by name; folders without metadata.json are ignored."""
    from argostranslate import settings
    from argostranslate.package import Package

    found = []
    for directory in settings.package_dirs:
        if not Path(directory).is_dir():
            continue
        for path in sorted(Path(directory).iterdir()):
            if (path / "metadata.json").is_file():
                pkg = Package(path)
                if pkg.type == "translate":
                    found.append(PackageInfo(path.name, pkg.from_code, pkg.to_code, pkg.package_version, path))
    return sorted(found, key=lambda p: p.name)


def find_package(from_code: str = FROM_CODE, to_code: str = TO_CODE) -> PackageInfo | None:
    """The installed package for this pair with the highest version (name breaks ties)."""
    matches = [p for p in installed_packages() if (p.from_code, p.to_code) == (from_code, to_code)]
    return max(matches, key=lambda p: (_version_key(p.version), p.name), default=None)


def install_from_file(path: Path) -> PackageInfo:
    """Check that `path` is an Argos package, then install it with argostranslate (offline)."""
    from argostranslate.package import install_from_path

    top = _check_archive(path)
    install_from_path(path)
    return _info(packages_dir() / top)


def install_from_url(url: str) -> PackageInfo:
    """Download a .argosmodel with argostranslate's own downloader, then install it as a file."""
    from argostranslate import networking, settings

    with _quiet_argos():
        data = networking.get(url)
    if data is None:
        raise EngineUnavailableError(f"Downloading {url} failed (offline, or not an http(s) address). {OFFLINE_HINT}")
    downloaded = Path(settings.downloads_dir) / (PurePosixPath(url.split("?")[0]).name or "package.argosmodel")
    downloaded.write_bytes(data)
    try:
        return install_from_file(downloaded)
    finally:
        downloaded.unlink(missing_ok=True)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def install_online(from_code: str = FROM_CODE, to_code: str = TO_CODE) -> PackageInfo:
    """Download the pair from the Argos package index; fails with a clear message when offline."""
    from argostranslate import package, settings

    with _quiet_argos():
        package.update_package_index()
        if not Path(settings.local_package_index).is_file():
            raise EngineUnavailableError(f"Could not reach the Argos package index (offline?). {OFFLINE_HINT}")
        available = [
            p for p in package.get_available_packages() if (p.from_code, p.to_code) == (from_code, to_code)
        ]
        if not available:
            raise EngineUnavailableError(f"The Argos package index has no {from_code}->{to_code} package.")
        try:
            downloaded = available[0].download()
        except Exception as exc:  # argostranslate raises a bare Exception on download failure
            raise EngineUnavailableError(f"Downloading the Argos package failed ({exc}). {OFFLINE_HINT}") from exc
    installed = install_from_file(downloaded)
    downloaded.unlink(missing_ok=True)  # the installed folder is what counts; do not keep 100 MB twice
    return installed


def remove_package(name: str) -> PackageInfo:
    """Uninstall the package whose folder is `name`, e.g. "translate-fr_en-1_9"."""
    from argostranslate.package import Package, uninstall

    match = next((p for p in installed_packages() if p.name == name), None)
    if match is None:
        names = ", ".join(p.name for p in installed_packages()) or "none installed"
        raise EngineUnavailableError(f"No installed Argos package named {name!r} ({names}).")
    uninstall(Package(match.path))
    return match


def _check_archive(path: Path) -> str:
    """Name of the archive's single top-level folder, after checking the files a package needs."""
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise EngineUnavailableError(f"{path} is not an Argos package (.argosmodel zip file).")
    with zipfile.ZipFile(path) as archive:
        names = [PurePosixPath(n) for n in archive.namelist()]
    tops = {n.parts[0] for n in names if n.parts}
    members = {str(PurePosixPath(*n.parts[1:])) for n in names if len(n.parts) > 1}
    missing = [m for m in REQUIRED_MEMBERS if m not in members]
    if len(tops) != 1 or missing or not any(t in members for t in TOKENIZERS):
        raise EngineUnavailableError(
            f"{path} is not a valid Argos package: it needs one folder with "
            f"{', '.join(REQUIRED_MEMBERS)} and a tokenizer ({' or '.join(TOKENIZERS)})."
        )
    return tops.pop()


def _info(path: Path) -> PackageInfo:
    with (path / "metadata.json").open(encoding="utf-8") as f:
        meta = json.load(f)
    return PackageInfo(path.name, meta.get("from_code", ""), meta.get("to_code", ""), meta.get("package_version", ""), path)


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


@contextmanager
def _quiet_argos():
    """argostranslate logs network errors itself; we report them once, as a BriefgenError."""
    logger = logging.getLogger("argostranslate.utils")
    previous = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = previous
