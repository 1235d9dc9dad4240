"""Edit safety: a regenerated brief never replaces a DOCX a person has changed since briefgen wrote it.

briefgen stamps each DOCX with the hash of its visible text (custom property
`briefgen_content_hash`). If the file on disk no longer matches its stamp, or carries none, it
holds someone's work: the new brief goes to the next free `brief-<week>.vN.docx` instead.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from briefgen.errors import OutputError
from briefgen.render.fingerprint import HASH_PROPERTY, content_hash
from briefgen.render.properties import read_custom_properties, set_custom_properties

# "brief-2025-W38.docx" -> "brief-2025-W38.v2.docx": the first alternative version number.
FIRST_VERSION = 2
# Versions tried before giving up: far more than anyone keeps, and a bound on the search.
MAX_VERSION = 999
VERSION_SUFFIX = re.compile(r"\.v\d+$")


def is_edited(path: Path) -> bool:
    """True unless `path` is a DOCX whose visible text still matches the hash briefgen stamped in it.

    A file that is not a readable DOCX, or has no stamp, counts as edited: it is not ours to replace.
    """
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, OSError):
        return True
    stamped = read_custom_properties(document).get(HASH_PROPERTY)
    return stamped is None or stamped != content_hash(document)


def stamp(document: Document) -> None:
    """Record the hash of `document`'s visible text, as the renderer does; call after changing its text."""
    set_custom_properties(document, {HASH_PROPERTY: content_hash(document)})


def versioned(final: Path, version: int) -> Path:
    """brief-2025-W38.docx -> brief-2025-W38.v<version>.docx"""
    return final.with_name(f"{VERSION_SUFFIX.sub('', final.stem)}.v{version}{final.suffix}")


def safe_target(final: Path, force: bool) -> tuple[Path, str | None]:
    """Where to write the DOCX meant for `final`, and a note for the user when it is not `final`.

    `final` itself when it does not exist, is unedited, or `force` is set. Otherwise the first
    `.vN` version that does not exist or is itself an unedited briefgen file (so reruns of an
    edited week reuse one copy instead of piling up v2, v3, v4 ...).
    """
    if not final.exists() or not is_edited(final):
        return final, None
    if force:
        return final, f"{final.name} had been edited since briefgen wrote it; overwritten because of --force."
    for version in range(FIRST_VERSION, MAX_VERSION + 1):
        candidate = versioned(final, version)
        if not candidate.exists() or not is_edited(candidate):
            return candidate, (
                f"{final.name} was edited since briefgen wrote it, so it was kept; the new brief is "
                f"{candidate.name}. Use --force to overwrite the edited file."
            )
    raise OutputError(
        f"{final.parent} already holds {MAX_VERSION - 1} edited versions of {final.name}. Move some away, "
        "or use --force to overwrite the edited file."
    )
