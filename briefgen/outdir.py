"""The output folder: what its files are called, and the lock that lets one run write there at a time.

Light on purpose (no analysis or rendering imports): anything that only names or finds briefs
(preview, history, the up-to-date check) reads it without loading the pipeline.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from briefgen.errors import BuildLockedError, OutputError
from briefgen.model import WEEK_PATTERN

LOCK_NAME = ".briefgen.lock"
# Hidden temporary files output.render_to_temp makes: "." + final name + random part + ".tmp".
TEMP_PATTERN = ".brief-*.tmp"
MANIFEST_EXTENSION = "manifest.json"


def output_path(out_dir: Path, week: str, extension: str) -> Path:
    """brief-<week>.<ext> inside out_dir; a week that is not YYYY-Www cannot escape the folder."""
    if not WEEK_PATTERN.fullmatch(week):
        raise OutputError(f"Invalid week {week!r}: use the ISO form YYYY-Www, e.g. 2025-W38.")
    return out_dir / f"brief-{week}.{extension}"


def briefs_by_week(out_dir: Path, extension: str = "json") -> dict[str, Path]:
    """The `brief-<week>.<extension>` files in `out_dir` by ISO week, oldest first (week names
    sort in time order); `extension` "json" finds the sidecars, "manifest.json" the manifests."""
    suffix = f".{extension}"
    found = {}
    for path in out_dir.glob(f"brief-*{suffix}"):
        week = path.name[len("brief-") : -len(suffix)]
        if WEEK_PATTERN.fullmatch(week):
            found[week] = path
    return dict(sorted(found.items()))


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock; a concurrent run gets BuildLockedError at once.

    Temporary files left by a run that was killed are removed once the lock is held: no other run
    can be writing them then.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = (out_dir / LOCK_NAME).open("a")
    except OSError as exc:
        raise OutputError(f"Cannot write to the output folder {out_dir} ({exc.strerror}). Choose another with --out.") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildLockedError(f"Another briefgen run is writing to {out_dir}. Wait for it to finish, then run again.") from exc
        remove_stale_temps(out_dir)
        yield


def remove_stale_temps(out_dir: Path) -> list[Path]:
    """Delete the hidden temporary files of interrupted runs (see output.render_to_temp); returns them."""
    stale = sorted(out_dir.glob(TEMP_PATTERN))
    for temp in stale:
        with contextlib.suppress(OSError):
            temp.unlink()
    return stale
