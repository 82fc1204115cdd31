"""Tasks on the site: the "Nhiệm vụ được giao" section of each document, a page per agency
(every task given to it, lead or co-operating, from every document), a summary per place,
the index of agencies, and the feeds (``site.task_feeds``).

Each task's state is relative to the build date (``pipeline.build_day``: the day of the
build, or ``SOURCE_DATE_EPOCH``'s), which every page states: overdue when its last day has
passed, due soon within ``DUE_SOON_DAYS``, done when the office recorded it so.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ketluan.citations.tasks import Task
from ketluan.core.agencies import Agency
from ketluan.core.dates import DocDate
from ketluan.core.model import Document
from ketluan.core.task_schema import STATUSES
from ketluan.site import labels, urls
from ketluan.site.listing import ListPage
from ketluan.site.pages import DocumentPage, Page, SitePlan, TaskListPage, TasksIndexPage, listed

DUE_SOON_DAYS = 30
"""A task due within this many days of the build date is "sắp đến hạn"."""
ORDER = tuple(labels.TASK_STATES)


def state_of(task: Task, today: dt.date) -> str:
    """The task's state on ``today``: hoan-thanh, qua-han, sap-den-han or dang-thuc-hien."""
    if task.status == "hoan-thanh":
        return "hoan-thanh"
    due = task.deadline.due if task.deadline else None
    if due is None:
        return "dang-thuc-hien"
    if due < today:
        return "qua-han"
    if due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "sap-den-han"
    return "dang-thuc-hien"


@dataclass(frozen=True)
class AgencyLink:
    """An agency as a page shows it: its name and the page of its tasks."""

    name: str
    url: str


@dataclass(frozen=True)
class TaskView:
    """A task as the pages show it, with its document's title and link."""

    anchor: str
    number: int
    section: str
    sentence: str
    leads: tuple[AgencyLink, ...]
    partners: tuple[AgencyLink, ...]
    deadline: str | None
    due: str | None
    state: str
    state_label: str
    doc_url: str
    doc_label: str
    issued: str
    """The document's date of issue (ISO, first day of what is known)."""
    declared: bool
    progress: str | None
    done: str | None
    report: str | None
    role: str | None = None
    """On an agency's page: "chủ trì" or "phối hợp"."""


def _link(agency: Agency) -> AgencyLink:
    return AgencyLink(agency.name, urls.agency_tasks(agency.key))


@dataclass
class Views:
    """Each task's view made once for a build day: a task shows on its document's page,
    on the pages and feeds of every agency it names, on its place's page and in the index
    (a view per appearance was a third of planning at 10,000 documents)."""

    today: dt.date
    _made: dict[tuple[str, int, str | None], TaskView] = field(default_factory=dict)

    def __call__(self, doc: Document, task: Task, role: str | None = None) -> TaskView:
        key = (doc.source, task.number, role)
        found = self._made.get(key)
        if found is None:
            if role is None:
                found = view(doc, task, self.today)
            else:
                found = replace(self(doc, task), role=role)
            self._made[key] = found
        return found


def doc_label(doc: Document) -> str:
    """How a task names its document: "Kết luận số 604-KL/HU ngày 27/03/2024"."""
    number = f" số {doc.number}" if doc.number else ""
    return f"{doc.type.label}{number} ngày {doc.date.short()} của {doc.issuer}"


def view(doc: Document, task: Task, today: dt.date, role: str | None = None) -> TaskView:
    """The view of one task of ``doc``."""
    state = state_of(task, today)
    anchor = f"nv-{task.number}"
    return TaskView(
        anchor=anchor,
        number=task.number,
        section=task.section,
        sentence=task.sentence,
        leads=tuple(map(_link, task.leads)),
        partners=tuple(map(_link, task.partners)),
        deadline=task.deadline.label if task.deadline else None,
        due=task.deadline.due.isoformat() if task.deadline and task.deadline.due else None,
        state=state,
        state_label=labels.TASK_STATES[state],
        doc_url=f"{urls.document(doc)}#{anchor}",
        doc_label=doc_label(doc),
        issued=doc.date.first_day(),
        declared=task.declared,
        progress=STATUSES.get(task.status or ""),
        done=task.done.short() if task.done else None,
        report=task.report,
        role=role,
    )


@dataclass
class Assignment:
    """Every task of one agency: (document, task, role) in corpus order."""

    agency: Agency
    items: list[tuple[Document, Task, str]]


def assignments(documents: Iterable[Document], tasks: dict[str, list[Task]]) -> list[Assignment]:
    """Each agency with its tasks, lead or co-operating, sorted by name then key."""
    found: dict[str, Assignment] = {}
    for doc in documents:
        for task in tasks.get(doc.source, []):
            for role, agencies in (("chủ trì", task.leads), ("phối hợp", task.partners)):
                for agency in agencies:
                    entry = found.setdefault(agency.key, Assignment(agency, []))
                    entry.items.append((doc, task, role))
    return sorted(found.values(), key=lambda a: (a.agency.name, a.agency.key))


def _sorted(views: list[TaskView]) -> list[TaskView]:
    """Most urgent first: by state, then the earliest deadline, undated last."""
    return sorted(views, key=lambda v: (ORDER.index(v.state), v.due or "9999", v.doc_url))


def _counts(views: Iterable[TaskView]) -> list[tuple[str, str, int]]:
    counted = Counter(v.state for v in views)
    return [(key, labels.TASK_STATES[key], counted[key]) for key in ORDER]


@dataclass(frozen=True)
class AgencyCount:
    """An agency in the index, with the number of its tasks in each state."""

    name: str
    url: str
    group: bool
    total: int
    counts: tuple[tuple[str, str, int], ...]


def plan_tasks(
    plan: SitePlan, documents: list[Document], tasks: dict[str, list[Task]], view_of: Views,
    size: int,
) -> list[Assignment]:  # fmt: skip
    """Add the task pages to ``plan`` and each document page's section; returns the
    agencies with their tasks (the feeds need them)."""
    today = view_of.today
    as_of = DocDate(today.year, today.month, today.day)
    for doc in documents:
        page = plan.pages.get(urls.source(urls.document(doc)))
        if isinstance(page, DocumentPage) and tasks.get(doc.source):
            page.tasks = [view_of(doc, task) for task in tasks[doc.source]]
            page.tasks_as_of = as_of
    found = assignments(documents, tasks)
    index: list[AgencyCount] = []
    for entry in found:
        views = _sorted([view_of(doc, task, role) for doc, task, role in entry.items])
        key, title = entry.agency.key, f"{labels.TASKS}: {entry.agency.name}"
        for page in listed(
            TaskListPage, views, size, urls.agency_tasks(key), title,
            counts=_counts(views), as_of=as_of, calendar_url=urls.agency_calendar(key),
            feed_url=urls.agency_feed(key), description=f"{title}: {len(views)} nhiệm vụ",
        ):  # fmt: skip
            plan.add(page)
        counts = tuple(_counts(views))
        index.append(AgencyCount(entry.agency.name, urls.agency_tasks(key),
                                 entry.agency.group, len(views), counts))  # fmt: skip
    places = _plan_places(plan, documents, tasks, view_of, size)
    every = [view_of(d, t) for d in documents for t in tasks.get(d.source, [])]
    index.sort(key=lambda a: (-a.total, a.name))
    for page in listed(
        TasksIndexPage, index, size, urls.TASKS, labels.TASKS, counts=_counts(every),
        as_of=as_of, places=places, description=labels.TASKS_DESCRIPTION, first_in_nav=True,
    ):  # fmt: skip
        plan.add(page)
    return found


def _place_of(doc: Document) -> tuple[str, str]:
    """The page and label of the place a document belongs to (its district's, else its
    province's; the central bodies' page)."""
    location = doc.location
    if location is None:
        return urls.CENTRAL, labels.CENTRAL
    if location.district is not None:
        return urls.district(location.district), location.label
    return urls.province(location.province), location.label


def _plan_places(
    plan: SitePlan, documents: list[Document], tasks: dict[str, list[Task]], view_of: Views,
    size: int,
) -> list[tuple[str, str, int]]:  # fmt: skip
    """A summary page per place with tasks; returns (label, URL, count) of each."""
    today = view_of.today
    as_of = DocDate(today.year, today.month, today.day)
    by_place: dict[tuple[str, str], list[tuple[Document, Task]]] = {}
    for doc in documents:
        for task in tasks.get(doc.source, []):
            by_place.setdefault(_place_of(doc), []).append((doc, task))
    found = []
    for (place_url, label), items in sorted(by_place.items(), key=lambda kv: kv[0][1]):
        views = _sorted([view_of(doc, task) for doc, task in items])
        agencies = Counter((a.name, urls.agency_tasks(a.key)) for _, t in items for a in t.leads)
        ranked = sorted(agencies.items(), key=lambda kv: (-kv[1], kv[0]))
        url, title = urls.place_tasks(place_url), f"{labels.TASKS}: {label}"
        pages: list[Page] = listed(
            TaskListPage, views, size, url, title, counts=_counts(views),
            as_of=as_of,
            description=f"{title}: {len(views)} nhiệm vụ", trail=[(label, place_url)],
        )  # fmt: skip
        for page in pages:
            if isinstance(page, TaskListPage) and page.listing.number == 1:
                page.agencies = [(name, link, count) for (name, link), count in ranked]
            plan.add(page)
        found.append((label, url, len(views)))
    return found


def task_facets(tasks: list[Task]) -> dict[str, list[str]]:
    """Search filters of a document from its tasks: ``giao_cho`` the agencies they are
    given to, ``han`` the month of each dated deadline ("Tháng 06/2024") or the rhythm."""
    agencies = sorted({a.name for t in tasks for a in (*t.leads, *t.partners)})
    months = set()
    for task in tasks:
        deadline = task.deadline
        if deadline is None:
            continue
        due = deadline.due
        months.add(f"Tháng {due.month:02d}/{due.year}" if due else deadline.label.capitalize())
    found = {"giao_cho": agencies, "han": sorted(months)}
    return {key: values for key, values in found.items() if values}


__all__ = ["ListPage", "TaskView", "Views", "plan_tasks", "state_of", "view"]
