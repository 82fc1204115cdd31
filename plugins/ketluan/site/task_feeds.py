"""The feeds of tasks: per agency an Atom feed (written by ``fragments/tasks-atom.html``)
and an iCalendar feed of its deadlines (the ``icalendar`` library), and the open-data
manifest ``api/tasks.json`` (documented in docs/du-lieu-mo.md).

Feeds and calendars are planned as data (``TaskFeed``, ``TaskCalendar``) and made text
only when written, so a build writes only those whose data changed.
Everything is reproducible: entries and events come in a fixed order, and the calendar's
time stamps are the build date's (``SOURCE_DATE_EPOCH`` when set), never the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import icalendar

from ketluan.citations.tasks import Task
from ketluan.core.model import Document
from ketluan.site import labels, urls
from ketluan.site.feeds import AtomFeed, atom_time
from ketluan.site.manifest import dump_json
from ketluan.site.pages import SitePlan
from ketluan.site.plan import SiteOptions
from ketluan.site.tasks import Assignment, TaskView, Views, plan_tasks, state_of

MANIFEST_VERSION = 1
PRODID = "-//ketluan//Nhiem vu duoc giao//VI"


@dataclass(frozen=True)
class TaskFeed(AtomFeed):
    """The Atom feed of one agency's tasks, newest document first
    (``fragments/tasks-atom.html``)."""

    entries: list[TaskView]

    @property
    def updated(self) -> str:
        return atom_time(max((v.issued for v in self.entries), default="1970-01-01"))

    def entry_id(self, entry: TaskView) -> str:
        """Stable id of an entry: the task's place in its document."""
        return f"urn:ketluan:task:{entry.doc_url.replace('#', ':')}"


def task_feeds(found: list[Assignment], view_of: Views, size: int) -> list[TaskFeed]:
    """One Atom feed per agency: its ``size`` newest tasks, as a feed reader needs them
    (the agency's page and calendar have them all; whole feeds were a quarter of the
    output at 10,000 documents)."""
    feeds = []
    for entry in found:
        views = [view_of(doc, task, role) for doc, task, role in entry.items]
        views.sort(key=lambda v: (v.issued, v.doc_url), reverse=True)
        del views[size:]
        key = entry.agency.key
        title = labels.TASK_FEED.format(entry.agency.name)
        feeds.append(TaskFeed(urls.agency_feed(key), title, urls.agency_tasks(key), views))
    return feeds


@dataclass(frozen=True)
class Event:
    """One deadline in a calendar: an all-day event on the task's last day."""

    uid: str
    due: dt.date
    summary: str
    description: str
    url: str | None
    category: str


@dataclass(frozen=True)
class TaskCalendar:
    """The iCalendar feed of one agency's deadlines, as data (``text`` writes it)."""

    path: str
    name: str
    stamp: dt.date
    """The build date: every event's DTSTAMP."""
    events: tuple[Event, ...]

    def text(self) -> str:
        """The iCalendar text (the ``icalendar`` library folds and escapes)."""
        cal = icalendar.Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("x-wr-calname", self.name)
        stamp = dt.datetime.combine(self.stamp, dt.time(), tzinfo=dt.UTC)
        for one in self.events:
            event = icalendar.Event()
            event.add("uid", one.uid)
            event.add("dtstamp", stamp)
            event.add("dtstart", one.due)
            event.add("dtend", one.due + dt.timedelta(days=1))
            event.add("summary", one.summary)
            event.add("description", one.description)
            if one.url is not None:
                event.add("url", one.url)
            event.add("categories", [one.category])
            cal.add_component(event)
        return cal.to_ical().decode("utf-8")


def calendar(entry: Assignment, view_of: Views, base_url: str) -> TaskCalendar:
    """An agency's deadlines: one all-day event on the last day of each dated task
    (rhythms and "thường xuyên" have no day and are left out); its URL only with an
    absolute ``site_url`` (iCalendar has no relative links)."""
    absolute = base_url.startswith(("http://", "https://"))
    events = []
    for doc, task, role in entry.items:
        if task.deadline is None or task.deadline.due is None:
            continue
        shown = view_of(doc, task, role)
        events.append(
            Event(
                uid=f"{doc.id}/nv-{task.number}/{entry.agency.key}@ketluan",
                due=task.deadline.due,
                summary=f"Hạn: {_short(task.sentence)}",
                description=f"{task.sentence}\n\n{shown.doc_label} ({shown.state_label})",
                url=f"{base_url}{shown.doc_url}" if absolute else None,
                category=shown.state_label,
            )
        )
    name = labels.TASK_FEED.format(entry.agency.name)
    return TaskCalendar(urls.agency_calendar(entry.agency.key), name, view_of.today, tuple(events))


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
    return dump_json(data)


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
    view_of = Views(today)
    found = plan_tasks(plan, documents, tasks, view_of, options.page_size)
    plan.task_feeds = task_feeds(found, view_of, options.feed_size)
    plan.calendars = [calendar(entry, view_of, options.base_url) for entry in found]
    plan.files[urls.TASKS_JSON] = tasks_manifest(documents, tasks, today, options.base_url)
