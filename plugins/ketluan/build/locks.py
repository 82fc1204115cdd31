"""An exclusive lock on a folder a build writes: the site folder, the build cache.

Two builds of one site at once would each delete what the other is writing (the staging
folders of "killed" builds, the cache entries "no build uses"). So a build locks the folders
it writes for as long as it writes them, and a second build waits for the first.

The lock is ``flock`` on a lock file that is never deleted (deleting it would let two builds
lock two different files). The kernel drops the lock when its process dies, so a killed
build never leaves a stale lock behind: holding the lock is proof that a build is alive.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path


class FolderLock:
    """The lock file ``path``, standing for ``what`` in messages ("the site folder …")."""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.what = what
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self, log: Callable[[str], None]) -> None:
        """Take the lock; if another process holds it, say so with ``log`` and wait. Taking
        a lock this object already holds does nothing (``serve`` rebuilds in one process)."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log(
                    f"{self.what} is in use by the build of {_holder(fd)}; waiting for it to "
                    "finish (Ctrl+C to stop waiting)"
                )
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        """Let the next build in (closing the file drops the lock)."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


def _holder(fd: int) -> str:
    """Who holds the lock, as its holder wrote it: "process 1234"."""
    try:
        pid = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"process {pid}" if pid.isdigit() else "another process"
