"""Atomic output: build into a staging folder beside the site, swap it in only on success.

A failed or interrupted build must leave the previously published site as it was, so a
public portal never serves half a build. Staging folders of killed builds are removed by
the next build.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AtomicOutput:
    """The published folder ``target`` and the ``staging`` folder this build writes to."""

    target: Path
    staging: Path

    @classmethod
    def begin(cls, target: Path) -> AtomicOutput:
        """Pick a fresh staging folder next to ``target`` and clear leftovers of old builds."""
        target = target.resolve()
        for stale in target.parent.glob(f".{target.name}.staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in target.parent.glob(f".{target.name}.old-*"):
            shutil.rmtree(stale, ignore_errors=True)
        staging = target.parent / f".{target.name}.staging-{os.getpid()}"
        return cls(target, staging)

    def publish(self) -> None:
        """Replace ``target`` with the finished staging folder (two renames, same disk)."""
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        if self.target.exists():
            self.target.rename(old)
        self.staging.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Drop the staging folder of a failed build."""
        shutil.rmtree(self.staging, ignore_errors=True)
