"""A generous deadline for steps that must take time linear in their input: a regression to
quadratic time shows as a hang, which the deadline turns into a failure (never a timing
assertion: performance is measured in BENCHMARKS.md)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

DEADLINE = 10
"""Seconds: the steps tested with it take a few hundredths; they took 20 s to hours when
quadratic."""


@contextmanager
def deadline(seconds: int = DEADLINE) -> Iterator[None]:
    """Raise TimeoutError in the block after ``seconds`` (SIGALRM: the main thread only)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: quadratic again?")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
