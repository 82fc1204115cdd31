"""The garbage collector during a build: the corpus and the plan are millions of objects
that live to the end of the build, and every full collection walked them all again
(about 30% of a build adding one document at 10,000 documents, BENCHMARKS.md).

The phases that build long-lived data (reading the corpus, planning) run with the
collector paused (``building``); then the objects alive are moved out of its view
(``gc.freeze``), so later phases collect only what they make. Forked render workers
inherit the frozen heap and no longer touch (and copy) its pages when they collect.
``release`` gives the objects back to the collector at the end of a build, so ``mkdocs
serve`` frees one build's corpus before the next. The peak memory of a build adding one
document at 10,000 documents was the same with the collector off (1.46 GB).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building() -> Iterator[None]:
    """Pause the collector while long-lived data is built, then exclude every object alive
    from later collections (until ``release``)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def release() -> None:
    """Let the collector see (and free) what ``building`` excluded."""
    gc.unfreeze()
