"""Front matter ``tasks:`` applied to the tasks read in the text: additions, corrections,
removals and progress. A ``match:`` phrase must name exactly one task; a problem names the
file, the item's line and what to write instead."""

from __future__ import annotations

from dataclasses import replace

from ketluan.citations.tasks import Task, extract_tasks
from ketluan.core.agencies import Agency, resolve
from ketluan.core.model import Document
from ketluan.core.problems import Problem
from ketluan.core.task_schema import DeclaredTask
from ketluan.core.text import fold, slugify


def declared_agency(name: str, doc: Document) -> Agency:
    """The agency a front matter name means in ``doc``'s place; a name the agency forms do
    not read is kept as written, within the document's province."""
    found = resolve(name, doc)
    if found is not None:
        return found
    scope = doc.location.province.slug if doc.location else slugify(doc.province or "")
    return Agency(f"{scope or 'trung-uong'}/{slugify(name)}", name)


def _corrected(task: Task, declared: DeclaredTask, doc: Document) -> Task:
    changes: dict[str, object] = {"declared": True}
    if declared.bodies:
        changes["leads"] = tuple(declared_agency(n, doc) for n in declared.bodies)
    if declared.partners:
        changes["partners"] = tuple(declared_agency(n, doc) for n in declared.partners)
    if declared.deadline is not None:
        changes["deadline"] = declared.deadline
    if declared.section:
        changes["section"] = declared.section
    if declared.text:
        changes["sentence"] = declared.text
    if declared.status or declared.done or declared.report:
        changes.update(status=declared.status, done=declared.done, report=declared.report)
        changes["declared"] = bool(declared.bodies or declared.partners or declared.deadline)
    return replace(task, **changes)  # type: ignore[arg-type]


def _problem(doc: Document, declared: DeclaredTask, what: str, fix: str) -> Problem:
    line = doc.lines.get(declared.where, doc.lines.get("tasks", 1))
    return Problem(doc.source, line, f"{declared.where}.match", what, fix)


def document_tasks(doc: Document) -> tuple[list[Task], list[Problem]]:
    """The tasks of ``doc``: read in its text, then as its front matter corrects them;
    numbered again from 1 in text order (added tasks last)."""
    tasks = extract_tasks(doc)
    problems = []
    removed: set[int] = set()
    for declared in doc.tasks:
        if declared.match is None:
            continue
        phrase = fold(declared.match)
        hits = [t for t in tasks if phrase in fold(t.sentence)]
        if len(hits) != 1:
            what = (
                f"no task read in the text contains {declared.match!r}"
                if not hits
                else f"{declared.match!r} is in {len(hits)} tasks "
                f"({', '.join(str(t.number) for t in hits)})"
            )
            fix = (
                "Copy a longer phrase of the task's sentence as the page shows it"
                if hits
                else "Copy a phrase of the task's sentence as the document page lists it "
                "under 'Nhiệm vụ được giao', or remove 'match:' to add the task"
            )
            problems.append(_problem(doc, declared, what, fix))
            continue
        (hit,) = hits
        if declared.remove:
            removed.add(hit.number)
        else:
            tasks[hit.number - 1] = _corrected(hit, declared, doc)
    for declared in doc.tasks:
        if declared.done is not None and declared.done.first_day() < doc.date.first_day():
            line = doc.lines.get(f"{declared.where}.done", doc.lines.get(declared.where, 1))
            what = f"{declared.done.iso()} is before the date of issue {doc.date.iso()}"
            fix = "Write the day the task was done, on or after the document's date"
            problems.append(Problem(doc.source, line, f"{declared.where}.done", what, fix))
    kept = [t for t in tasks if t.number not in removed]
    for declared in doc.tasks:
        if declared.match is None and declared.text:
            added = Task(0, declared.section or "", "giao", (), (), declared.text, None)
            kept.append(replace(_corrected(added, declared, doc), declared=True))
    return [replace(t, number=n) for n, t in enumerate(kept, 1)], problems
