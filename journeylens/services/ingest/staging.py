"""The importer's working folders inside the private staging directory, and their cleanup.

Each prepared upload gets one folder, `ingest-<pid>-<random>`, removed when the upload is loaded or
forgotten. A process killed mid-upload (SIGKILL, power loss) cannot remove its own, so every start
(the app's store, the CLI's ingest) removes the folders whose owning process is gone. A folder of a
live process is never touched, whatever its age: a browser session may keep a checked upload open
for hours.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

log = logging.getLogger("journeylens")

PREFIX = "ingest-"
_OWNER = re.compile(r"^ingest-(\d+)-")
# Folders from before the owner was in the name: removed once they are this old.
UNOWNED_MAX_AGE_SECONDS = 24 * 3600


def staging_dir() -> Path:
    from journeylens.storage.store import staging_dir as root

    return root()


def tempdir(root: Path | None = None) -> str:
    """A new working folder owned by this process."""
    return tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=root or staging_dir())


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def is_stale(folder: Path, now: float | None = None) -> bool:
    match = _OWNER.match(folder.name)
    if match:
        return not _alive(int(match.group(1)))
    try:
        age = (time.time() if now is None else now) - folder.stat().st_mtime
    except OSError:
        return False
    return age > UNOWNED_MAX_AGE_SECONDS


def clean_stale(root: Path | None = None) -> list[Path]:
    """Remove the working folders left by processes that are gone; returns what was removed."""
    root = root or staging_dir()
    removed: list[Path] = []
    try:
        candidates = sorted(root.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for folder in candidates:
        if folder.is_symlink() or not folder.is_dir() or not is_stale(folder):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    if removed:
        log.info("removed %d stale staging folder(s) from %s", len(removed), root)
    return removed


def link_into(path: str, tmp: str) -> str:
    """The store's DuckDB may only read the staging directory: a file the user pointed at is
    linked there (hard link, else symlink, else a copy), never read in place."""
    source = Path(path).resolve()
    if source.parent == Path(tmp).resolve():
        return path
    target = Path(tmp) / ("source" + source.suffix.lower())
    try:
        os.link(source, target)
    except OSError:
        try:
            os.symlink(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return str(target)
