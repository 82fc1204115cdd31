"""The build cache folder: the build's own, locked while a build uses it.

It holds the build state (``ketluan.build.state``: one SQLite file) and the sites of
``mkdocs serve`` (``serve/``). A marker file says the folder is the build's; a build makes
a missing or empty folder its own, adopts the cache of an earlier version (whose
content-addressed entries it deletes: only names that version wrote) and refuses any other
folder. One build at a time uses it (``locks``): another waits.
"""

from __future__ import annotations

import functools
import hashlib
import re
import shutil
import sys
from pathlib import Path

from ketluan.build.locks import FolderLock

OWN = ("state.sqlite", "state.sqlite-wal", "state.sqlite-shm", "serve", "jinja")
"""What this version keeps in the folder (besides the marker and the lock)."""
LEGACY = ("pages", "bodies", "search", "analysis")
"""Folders of the content-addressed cache of earlier versions, emptied of their entries."""
MARKER = ".ketluan-cache"
"""File at the root of a cache folder: the build made this folder and may delete in it."""
LOCK = ".lock"
"""Lock file of the cache folder (``locks``)."""
_BUCKET = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{40}(?:\.[0-9]+\.partial)?")
"""Names the earlier cache wrote: a key (a 20-byte fingerprint in hex), or a key being
written."""


class CacheFolderError(RuntimeError):
    """The configured cache folder is not the build's own; the message says what to do."""


@functools.cache
def code_salt() -> str:
    """Fingerprint of this package's files (code and data) and the Python version: what
    the core computes from a document changes only with them. Once per process: the code
    that runs is the code that was loaded."""
    h = hashlib.blake2b(digest_size=20)
    h.update(sys.version.encode())
    folder = Path(__file__).parents[2]  # the whole ketluan package
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class CacheFolder:
    """The cache folder at ``root`` and its lock."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = FolderLock(root / LOCK, f"the build cache {root}")

    @classmethod
    def claim(cls, root: Path) -> CacheFolder:
        """The cache at ``root``: a missing or empty folder is made the build's own (marked);
        a folder holding only what a cache holds (a cache of a version without the marker)
        is adopted; any other folder is refused with ``CacheFolderError``. A folder that
        cannot be written raises ``OSError``."""
        marker = root / MARKER
        if marker.is_file():
            return cls(root)
        if root.exists() and not root.is_dir():
            raise CacheFolderError(f"{root} is a file, not a folder")
        root.mkdir(parents=True, exist_ok=True)
        known = (*OWN, *LEGACY, LOCK)
        foreign = sorted(p.name for p in root.iterdir() if p.name not in known)
        if foreign:
            listed = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
            raise CacheFolderError(
                f"{root} holds files the build did not write ({listed}) and no {MARKER} file"
            )
        marker.write_text(
            "ketluan build cache: builds delete old entries here. "
            "Delete the whole folder to start cold.\n",
            encoding="utf-8",
        )
        return cls(root)

    def jinja(self) -> Path:
        """Where Jinja keeps compiled templates (by name, checked against their source)."""
        folder = self.root / "jinja"
        folder.mkdir(exist_ok=True)
        return folder

    def sweep_legacy(self) -> int:
        """Delete the entries of an earlier version's content-addressed cache; only names
        it wrote are touched: anything else put in the folder stays."""
        removed = 0
        for kind in LEGACY:
            folder = self.root / kind
            if not folder.is_dir():
                continue
            for bucket in folder.iterdir():
                if not _BUCKET.fullmatch(bucket.name) or not bucket.is_dir():
                    continue
                for entry in bucket.iterdir():
                    if _ENTRY.fullmatch(entry.name):
                        if entry.is_dir():
                            shutil.rmtree(entry)
                        else:
                            entry.unlink()
                        removed += 1
        return removed
