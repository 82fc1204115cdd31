"""The feeds of tasks: per agency an Atom feed (written by ``fragments/tasks-atom.html``)
and an iCalendar feed of its deadlines (the ``icalendar`` library), and the open-data
manifest ``api/tasks.json`` (documented in docs/du-lieu-mo.md).

Everything is reproducible: entries and events come in a fixed order, and the calendar's
time stamps are the build date's (``SOURCE_DATE_EPOCH`` when set), never the clock.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import icalendar

from ketluan.citations.tasks import Task
from ketluan.core.model import Document
from ketluan.site import labels, urls
from ketluan.site.feeds import atom_time
from ketluan.site.pages import SitePlan
from ketluan.site.plan import SiteOptions
from ketluan.site.tasks import Assignment, TaskView, plan_tasks, state_of, view

MANIFEST_VERSION = 1
PRODID = "-//ketluan//Nhiem vu duoc giao//VI"


@dataclass(frozen=True)
class TaskFeed:
    """The Atom feed of one agency's tasks, newest document first."""

    path: str
    title: str
    page_url: str
    entries: list[TaskView]

    @property
    def id(self) -> str:
        return f"urn:ketluan:feed:{self.path}"

    @property
    def updated(self) -> str:
        return atom_time(max((v.issued for v in self.entries), default="1970-01-01"))

    @property
    def depth(self) -> int:
        return self.path.count("/")

    def entry_id(self, entry: TaskView) -> str:
        """Stable id of an entry: the task's place in its document."""
        return f"urn:ketluan:task:{entry.doc_url.replace('#', ':')}"


def task_feeds(found: list[Assignment], today: dt.date) -> list[TaskFeed]:
    """One Atom feed per agency."""
    feeds = []
    for entry in found:
        views = [view(doc, task, today, role) for doc, task, role in entry.items]
        views.sort(key=lambda v: (v.issued, v.doc_url), reverse=True)
        key = entry.agency.key
        title = labels.TASK_FEED.format(entry.agency.name)
        feeds.append(TaskFeed(urls.agency_feed(key), title, urls.agency_tasks(key), views))
    return feeds


def calendar(entry: Assignment, today: dt.date, base_url: str) -> str:
    """The iCalendar text of an agency's deadlines: one all-day event on the last day of
    each dated task (rhythms and "thường xuyên" have no day and are left out); its URL
    only with an absolute ``site_url`` (iCalendar has no relative links)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", labels.TASK_FEED.format(entry.agency.name))
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    for doc, task, role in entry.items:
        if task.deadline is None or task.deadline.due is None:
            continue
        shown = view(doc, task, today, role)
        event = icalendar.Event()
        event.add("uid", f"{doc.id}/nv-{task.number}/{entry.agency.key}@ketluan")
        event.add("dtstamp", stamp)
        event.add("dtstart", task.deadline.due)
        event.add("dtend", task.deadline.due + dt.timedelta(days=1))
        event.add("summary", f"Hạn: {_short(task.sentence)}")
        event.add("description", f"{task.sentence}\n\n{shown.doc_label} ({shown.state_label})")
        if base_url.startswith(("http://", "https://")):
            event.add("url", f"{base_url}{shown.doc_url}")
        event.add("categories", [shown.state_label])
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def _short(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def tasks_manifest(
    documents: list[Document], tasks: dict[str, list[Task]], today: dt.date, base_url: str
) -> str:
    """``api/tasks.json``: every task with its document, agencies, deadline and state as of
    the build date."""
    entries = []
    for doc in documents:
        for task in tasks.get(doc.source, []):
            deadline = task.deadline
            entries.append(
                {
                    "document": doc.id,
                    "url": f"{base_url}{urls.document(doc)}#nv-{task.number}",
                    "number": task.number,
                    "section": task.section,
                    "verb": task.verb,
                    "sentence": task.sentence,
                    "leads": [_agency(a) for a in task.leads],
                    "partners": [_agency(a) for a in task.partners],
                    "deadline": None
                    if deadline is None
                    else {
                        "period": deadline.period,
                        "due": deadline.due.isoformat() if deadline.due else None,
                        "label": deadline.label,
                    },
                    "state": state_of(task, today),
                    "status": task.status,
                    "done": task.done.iso() if task.done else None,
                    "report": task.report,
                    "declared": task.declared,
                }
            )
    data = {"version": MANIFEST_VERSION, "as_of": today.isoformat(), "count": len(entries)}
    data["tasks"] = entries
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _agency(agency: object) -> dict[str, object]:
    key, name, group = agency.key, agency.name, agency.group  # type: ignore[attr-defined]
    return {"key": key, "name": name, "group": group, "page": urls.agency_tasks(key)}


def plan_task_outputs(
    plan: SitePlan,
    documents: list[Document],
    tasks: dict[str, list[Task]],
    today: dt.date,
    options: SiteOptions,
) -> None:
    """The task pages, each agency's feeds and ``api/tasks.json``, added to ``plan``."""
    found = plan_tasks(plan, documents, tasks, today, options.page_size)
    plan.task_feeds = task_feeds(found, today)
    for entry in found:
        text = calendar(entry, today, options.base_url)
        plan.files[urls.agency_calendar(entry.agency.key)] = text
    plan.files[urls.TASKS_JSON] = tasks_manifest(documents, tasks, today, options.base_url)
