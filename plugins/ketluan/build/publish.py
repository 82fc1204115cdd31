"""Atomic output: build into a staging folder beside the site, swap it in only on success.

A failed or interrupted build must leave the previously published site as it was, so a
public portal never serves half a build. Builds of one site hold its lock (``locks``) from
start to publish: a second build waits, so no build ever removes a staging folder another
live build writes to. The staging folders of killed builds (marked as the build's own) are
removed by the next build, which holds the lock and so knows their builds are dead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ketluan.build.locks import FolderLock

STAGING_MARKER = ".ketluan-staging"
"""File in a staging folder saying a ketluan build made it (removed before it is published)."""


class OutputError(RuntimeError):
    """The site folder or its parent cannot be written; the message says what to do."""


@dataclass(frozen=True)
class AtomicOutput:
    """The published folder ``target``, the ``staging`` folder this build writes to and the
    lock this build holds on ``target``."""

    target: Path
    staging: Path
    lock: FolderLock

    @classmethod
    def begin(cls, target: Path, log: Callable[[str], None]) -> AtomicOutput:
        """Lock ``target`` (waiting for a build that holds it), clear what killed builds
        left, and make a fresh staging folder next to it."""
        target = target.resolve()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            lock = FolderLock(target.parent / f".{target.name}.lock", f"the site folder {target}")
            lock.acquire(log)
        except OSError as exc:
            raise _unwritable(target, exc) from None
        try:
            _clear_leftovers(target)
            staging = target.parent / f".{target.name}.staging-{os.getpid()}"
            staging.mkdir()
            (staging / STAGING_MARKER).write_text(f"{os.getpid()}\n", encoding="ascii")
        except OSError as exc:
            lock.release()
            raise _unwritable(target, exc) from None
        except BaseException:
            lock.release()
            raise
        return cls(target, staging, lock)

    def publish(self) -> None:
        """Replace ``target`` with the finished staging folder (two renames, same disk); on
        failure the published site is left as it was and the staging folder dropped."""
        marker = self.staging / STAGING_MARKER
        if not marker.is_file():
            raise OutputError(
                f"the staging folder {self.staging} of this build disappeared before it was "
                f"published; {self.target} was left as it was. Build again."
            )
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        moved = False
        try:
            marker.unlink()
            if self.target.exists() or self.target.is_symlink():
                self.target.rename(old)
                moved = True
            try:
                self.staging.rename(self.target)
            except OSError:
                if moved:
                    old.rename(self.target)
                raise
        except OSError as exc:
            self.discard()
            raise OutputError(
                f"could not publish the site: {_reason(exc)}. {self.target} was left as it "
                f"was. Make {self.target} and {self.target.parent} writable by this user "
                "(check permissions and immutable attributes), then build again."
            ) from None
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Drop the staging folder of a failed build."""
        shutil.rmtree(self.staging, ignore_errors=True)


def _clear_leftovers(target: Path) -> None:
    """Remove the staging folders (marked) and replaced sites of killed builds. Run with
    the lock held: no live build owns them."""
    for stale in target.parent.glob(f".{target.name}.staging-*"):
        if (stale / STAGING_MARKER).is_file():
            shutil.rmtree(stale, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}.old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _unwritable(target: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write beside the site folder {target}: {_reason(exc)}. The build writes a "
        f"staging folder and a lock file in {target.parent} and swaps the finished site in: "
        "make that folder writable by this user, or set site_dir to a folder you can write."
    )


def _reason(exc: OSError) -> str:
    """What went wrong, for a message: "Permission denied: /path"."""
    where = f": {exc.filename}" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"
