"""`briefgen init`: a working folder an analyst can start from without reading the code."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefgen.config import CONFIG_NAME, DEFAULTS_PATH, SHIPPED_TEMPLATE

STARTER_GLOSSARY = '''# Your glossary: French term = English rendering. Added to the one shipped with briefgen.
# Terms are matched case-sensitively as whole words and kept intact through translation.
[terms]
"Conseil national de transition" = "National Transitional Council"
"Forces armées maliennes" = "Malian Armed Forces (FAMa)"
'''
FOLDERS = ("sources", "notes", "outputs")


def init_workspace(folder: Path) -> tuple[list[Path], list[Path]]:
    """Create the working folder's files; existing files are left alone. Returns (created, kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    kept: list[Path] = []
    for name in FOLDERS:
        path = folder / name
        if not path.exists():
            path.mkdir()
            created.append(path)
    config = DEFAULTS_PATH.read_text(encoding="utf-8")
    config = config.replace('template = ""', 'template = "brief.docx"').replace('glossary = ""', 'glossary = "glossary.toml"')
    files = {
        CONFIG_NAME: lambda path: path.write_text(config, encoding="utf-8"),
        "glossary.toml": lambda path: path.write_text(STARTER_GLOSSARY, encoding="utf-8"),
        "brief.docx": lambda path: shutil.copyfile(SHIPPED_TEMPLATE, path),
    }
    for name, write in files.items():
        path = folder / name
        if path.exists():
            kept.append(path)
        else:
            write(path)
            created.append(path)
    return created, kept
