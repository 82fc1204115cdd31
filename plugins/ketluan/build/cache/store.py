"""A content-addressed cache of rendered output, kept between builds (and by ``serve``).

An entry is named by the fingerprint of everything that went into it, and never changes
once written (a new input makes a new name): a build interrupted half-way can leave
entries behind, never a wrong one. Entries are hard links to the files written into the
site when the disk allows it, so the cache costs no extra space and a hit costs one link.

The folder is the build's own: a marker file says so, a build refuses a folder without it
that holds anything else, and the sweep deletes only entries of its kinds with names it
could have written. One build at a time uses it (``locks``): another waits.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ketluan.build.locks import FolderLock

KINDS = ("pages", "bodies", "search", "analysis")
"""Whole pages (HTML files), rendered Markdown bodies (JSON: HTML and headings), search
index shards (folders), and per-document search data (one JSON map per code version, from
content fingerprints to results: rewritten each build, never stale)."""
MARKER = ".ketluan-cache"
"""File at the root of a cache folder: the build made this folder and may delete in it."""
LOCK = ".lock"
"""Lock file of the cache folder (``locks``)."""
_BUCKET = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{40}(?:\.[0-9]+\.partial)?")
"""Names the cache writes: a key (a 20-byte fingerprint in hex), or a key being written."""


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


class PageCache:
    """The cache folder: ``<root>/<kind>/<key[:2]>/<key>``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._buckets: set[Path] = set()
        self.lock = FolderLock(root / LOCK, f"the build cache {root}")

    @classmethod
    def claim(cls, root: Path) -> PageCache:
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
        foreign = sorted(p.name for p in root.iterdir() if p.name not in (*KINDS, LOCK))
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

    def _bucket(self, entry: Path) -> None:
        if entry.parent not in self._buckets:
            entry.parent.mkdir(parents=True, exist_ok=True)
            self._buckets.add(entry.parent)

    def path(self, kind: str, key: str) -> Path:
        """Where the entry ``key`` of ``kind`` lives."""
        return self.root / kind / key[:2] / key

    def fetch(self, kind: str, key: str, target: Path) -> bool:
        """Put the cached entry at ``target`` (a hard link, else a copy); False if absent.
        The folder of ``target`` must exist."""
        try:
            _link_or_copy(str(self.path(kind, key)), str(target))
        except FileNotFoundError:
            return False
        return True

    def store(self, kind: str, key: str, written: Path) -> None:
        """Keep the file just written at ``written`` as entry ``key``."""
        entry = self.path(kind, key)
        self._bucket(entry)
        partial = entry.with_name(f"{key}.{os.getpid()}.partial")
        _link_or_copy(str(written), str(partial))
        os.replace(partial, entry)

    def fetch_tree(self, kind: str, key: str, target: Path) -> bool:
        """Put the cached folder ``key`` at ``target`` (file by file, linked); False if
        absent."""
        source = self.path(kind, key)
        if not source.is_dir():
            return False
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, copy_function=_link_or_copy)
        return True

    def store_tree(self, kind: str, key: str, written: Path) -> None:
        """Keep the folder just written at ``written`` as entry ``key``."""
        entry = self.path(kind, key)
        self._bucket(entry)
        partial = entry.with_name(f"{key}.{os.getpid()}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(written, partial, copy_function=_link_or_copy)
        shutil.rmtree(entry, ignore_errors=True)
        partial.rename(entry)

    def load(self, kind: str, key: str) -> Any | None:
        """The JSON entry ``key``, None if absent."""
        try:
            return json.loads(self.path(kind, key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def save(self, kind: str, key: str, value: Any) -> None:
        """Write JSON entry ``key`` (atomically: a reader never sees half of it)."""
        entry = self.path(kind, key)
        self._bucket(entry)
        partial = entry.with_name(f"{key}.{os.getpid()}.partial")
        partial.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, entry)

    def sweep(self, kind: str, keep: Iterable[str]) -> int:
        """Delete the entries of ``kind`` not in ``keep`` (those of earlier builds, and
        partial files); returns how many went. Run after a successful build only. Only
        names the cache writes are touched: anything else put in the folder stays."""
        if kind not in KINDS:
            raise ValueError(f"unknown cache kind {kind!r}")
        wanted = set(keep)
        removed = 0
        folder = self.root / kind
        if not folder.is_dir():
            return 0
        for bucket in folder.iterdir():
            if not _BUCKET.fullmatch(bucket.name) or not bucket.is_dir():
                continue
            for entry in bucket.iterdir():
                if _ENTRY.fullmatch(entry.name) and entry.name not in wanted:
                    if entry.is_dir():
                        shutil.rmtree(entry)
                    else:
                        entry.unlink()
                    removed += 1
        return removed


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link ``source`` at ``target`` (replacing it), else copy it; a missing source
    raises ``FileNotFoundError``."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        _link_or_copy(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # another disk, or links not supported
        shutil.copy2(source, target)
