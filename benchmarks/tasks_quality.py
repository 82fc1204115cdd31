"""Precision and recall of task extraction (issue 18) on the hand-labelled set.

``tests/data/tasks/labels.yaml`` lists, per document, each task a reader would follow up:
a phrase of its sentence, its lead and co-operating agencies and its deadline. An extracted
task matches a labelled one when its sentence holds the phrase (the best agency overlap
first, each used once). Reported: tasks (matched / extracted, matched / labelled), agencies
(leads and partners of matched tasks, as names) and deadlines (of matched tasks; a
deadline is correct when its normalised period is the labelled one).

Run: ``.venv/bin/python benchmarks/tasks_quality.py`` (``--misses`` lists the differences;
``--time`` also times ``extract_tasks`` on the body of 604-KL/HU repeated to about 20 KB).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import timeit
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ketluan.citations.tasks import Task, extract_tasks
from ketluan.core.corpus import read_document
from ketluan.core.model import BUILTIN_TYPES
from ketluan.core.text import fold

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "tests" / "data" / "tasks" / "labels.yaml"


@dataclass
class Tally:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Score:
    """The three measures, and what differed (for ``--misses``)."""

    tasks: Tally = field(default_factory=Tally)
    bodies: Tally = field(default_factory=Tally)
    deadlines: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)


def _period(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _names(task: Task) -> set[str]:
    return {fold(a.name) for a in (*task.leads, *task.partners)}


def _match(label: dict[str, Any], found: list[Task], used: set[int]) -> Task | None:
    quote = fold(label["quote"])
    wanted = {fold(n) for n in [*label["bodies"], *label.get("partners", [])]}
    candidates = [t for t in found if t.number not in used and quote in fold(t.sentence)]
    if not candidates:
        return None
    return max(candidates, key=lambda t: len(_names(t) & wanted) - len(_names(t) ^ wanted))


def score_document(path: Path, labels: list[dict[str, Any]], score: Score) -> None:
    """Add one document's comparison to ``score``."""
    doc, problems = read_document(path, str(path.relative_to(REPO)), BUILTIN_TYPES)
    assert doc is not None, problems
    found = extract_tasks(doc)
    used: set[int] = set()
    for label in labels:
        task = _match(label, found, used)
        if task is None:
            score.tasks.fn += 1
            score.misses.append(f"{path.name}: missed task {label['quote']!r}")
            continue
        used.add(task.number)
        score.tasks.tp += 1
        wanted = {fold(n) for n in [*label["bodies"], *label.get("partners", [])]}
        got = _names(task)
        score.bodies.tp += len(got & wanted)
        score.bodies.fp += len(got - wanted)
        score.bodies.fn += len(wanted - got)
        if got != wanted:
            score.misses.append(f"{path.name}: {label['quote']!r} agencies {sorted(got)}")
        _deadline(label, task, score, path.name)
    for task in found:
        if task.number not in used:
            score.tasks.fp += 1
            score.misses.append(f"{path.name}: extra task {task.sentence[:80]!r}")


def _deadline(label: dict[str, Any], task: Task, score: Score, name: str) -> None:
    wanted = _period(label.get("deadline"))
    got = task.deadline.period if task.deadline else None
    if got == wanted:
        score.deadlines.tp += got is not None
        return
    score.deadlines.fp += got is not None
    score.deadlines.fn += wanted is not None
    score.misses.append(f"{name}: {label['quote']!r} deadline {got} (labelled {wanted})")


def measure() -> Score:
    """Score the whole labelled set."""
    score = Score()
    for entry in yaml.safe_load(LABELS.read_text(encoding="utf-8")):
        score_document(REPO / entry["file"], entry["tasks"], score)
    return score


def main(argv: list[str]) -> None:
    score = measure()
    print("| measure | labelled | extracted | matched | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, tally in (("tasks", score.tasks), ("agencies", score.bodies)):
        print(
            f"| {name} | {tally.tp + tally.fn} | {tally.tp + tally.fp} | {tally.tp} "
            f"| {tally.precision:.1%} | {tally.recall:.1%} |"
        )
    tally = score.deadlines
    print(
        f"| deadlines | {tally.tp + tally.fn} | {tally.tp + tally.fp} | {tally.tp} "
        f"| {tally.precision:.1%} | {tally.recall:.1%} |"
    )
    if "--misses" in argv:
        print("\n".join(score.misses))
    if "--time" in argv:
        timing()


def timing() -> None:
    """Min and median per call of 20 rounds of 20 calls, on a 20 KB body."""
    path = REPO / "conclusions" / "bac-giang" / "son-dong" / "604-kl-hu.md"
    doc, _ = read_document(path, "604.md", BUILTIN_TYPES)
    assert doc is not None
    body = doc.body
    while len(body.encode()) < 20_000:
        body += "\n\n" + doc.body
    doc = replace(doc, body=body)
    rounds = timeit.repeat(lambda: extract_tasks(doc), number=20, repeat=20)
    per_call = sorted(r / 20 * 1000 for r in rounds)
    found = len(extract_tasks(doc))
    print(
        f"extract_tasks on {len(body.encode())} bytes ({found} tasks): "
        f"min {per_call[0]:.2f} ms, median {statistics.median(per_call):.2f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
