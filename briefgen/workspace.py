"""`briefgen init`: a working folder an analyst can start from without reading the code."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from briefgen.config import CONFIG_NAME, DEFAULTS_PATH, SHIPPED_TEMPLATE
from briefgen.errors import OutputError

STARTER_GLOSSARY = '''# Your glossary: French term = English rendering. Added to the one shipped with briefgen.
# Terms are matched case-sensitively as whole words and kept intact through translation.
[terms]
"Conseil national de transition" = "National Transitional Council"
"Forces armées maliennes" = "Malian Armed Forces (FAMa)"
'''
# Appended to the copied defaults: the schedule is set by a command, not by a key in the file.
SCHEDULE_NOTE = '''
# Weekly schedule: not set here. To rebuild the brief every Monday at 06:00 from this folder, run
#   briefgen schedule install --sources sources/ --out outputs/ --weekday mon --time 06:00
# and `briefgen schedule status` / `briefgen schedule remove` to check or stop it.
'''
FOLDERS = ("sources", "notes", "outputs")
TEMPLATE_NAME = "brief.docx"
GLOSSARY_NAME = "glossary.toml"


def starter_config() -> str:
    """The packaged defaults, pointing at the folder's own template and glossary."""
    config = DEFAULTS_PATH.read_text(encoding="utf-8")
    config = config.replace('template = ""', f'template = "{TEMPLATE_NAME}"').replace('glossary = ""', f'glossary = "{GLOSSARY_NAME}"')
    return config + SCHEDULE_NOTE


def init_workspace(folder: Path) -> tuple[list[Path], list[Path]]:
    """Create the working folder's files; existing files are left alone. Returns (created, kept)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is a file, not a folder. Choose a folder name for the working folder.")
    try:
        return _create(folder)
    except OSError as exc:
        raise OutputError(f"Cannot set up {folder} ({exc.strerror or exc}). Choose a folder you can write to.") from exc


def _create(folder: Path) -> tuple[list[Path], list[Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    kept: list[Path] = []
    for name in FOLDERS:
        path = folder / name
        if not path.exists():
            path.mkdir()
            created.append(path)
    files: dict[str, Callable[[Path], object]] = {
        CONFIG_NAME: lambda path: path.write_text(starter_config(), encoding="utf-8"),
        GLOSSARY_NAME: lambda path: path.write_text(STARTER_GLOSSARY, encoding="utf-8"),
        TEMPLATE_NAME: lambda path: shutil.copyfile(SHIPPED_TEMPLATE, path),
    }
    for name, write in files.items():
        path = folder / name
        if path.exists():
            kept.append(path)
        else:
            write(path)
            created.append(path)
    return created, kept
