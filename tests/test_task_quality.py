"""Task extraction on the hand-labelled set (tests/data/tasks/labels.yaml): precision and
recall of tasks, agencies and deadlines at least 90% (figures in BENCHMARKS.md)."""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

import tasks_quality


def test_precision_and_recall_on_the_labelled_set() -> None:
    score = tasks_quality.measure()
    assert score.tasks.tp + score.tasks.fn >= 80, "the whole labelled set is read"
    for name, tally in (
        ("tasks", score.tasks),
        ("agencies", score.bodies),
        ("deadlines", score.deadlines),
    ):
        assert tally.precision >= 0.9, (name, score.misses)
        assert tally.recall >= 0.9, (name, score.misses)
