"""Front matter ``tasks:``: the office adds, corrects or suppresses the tasks read in the
text and records their progress (documented in docs/huong-dan/soan-thao.md).

Each item either names a detected task by a phrase of its sentence (``match:``) and
corrects it (``bodies``, ``partners``, ``deadline``), removes it (``remove: true``) or
records its progress (``status``, ``done``, ``report``); or, without ``match:``, adds a task
the text states in a form the build does not read (``text`` and ``bodies`` required).
Whether a phrase names exactly one task is checked once the text is read
(``citations.task_overrides``), with the line of the item.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from ketluan.core.dates import DateError, DocDate, parse_doc_date
from ketluan.core.deadlines import Deadline, parse_deadline
from ketluan.core.schema import Context, Field, Invalid, _shown

STATUSES = {
    "chua-thuc-hien": "Chưa thực hiện",
    "dang-thuc-hien": "Đang thực hiện",
    "hoan-thanh": "Đã hoàn thành",
}
"""Progress an office may record, by slug: its label."""
FIELDS = (
    "match",
    "text",
    "bodies",
    "partners",
    "deadline",
    "section",
    "remove",
    "status",
    "done",
    "report",
)


@dataclass(frozen=True)
class DeclaredTask:
    """One item of ``tasks:``; ``index`` its position (its line is ``lines[where]``)."""

    index: int
    match: str | None = None
    text: str | None = None
    bodies: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    deadline: Deadline | None = None
    section: str | None = None
    remove: bool = False
    status: str | None = None
    done: DocDate | None = None
    report: str | None = None

    @property
    def where(self) -> str:
        """Its dotted field path, for problems: ``tasks[2]``."""
        return f"tasks[{self.index}]"


class Tasks(Field):
    """Tasks stated in front matter: a list of mappings (see the module)."""

    def check(self, value: Any, dotted: str, ctx: Context) -> list[DeclaredTask]:
        if not isinstance(value, list):
            raise Invalid(
                f"expected a list, got {_shown(value)}",
                "Write one task per item, e.g. '- match: đấu giá quyền sử dụng đất' with "
                "'done: 2024-08-20' indented below it",
            )
        found = []
        for index, item in enumerate(value):
            task = _task(index, item, f"{dotted}[{index}]", ctx)
            if task is not None:
                found.append(task)
        return found


def _task(index: int, item: Any, where: str, ctx: Context) -> DeclaredTask | None:
    if not isinstance(item, dict):
        ctx.report(
            where,
            f"expected a mapping, got {_shown(item)}",
            "Write e.g. '- match: a phrase of the task' and its fields below it, indented",
        )
        return None
    count = len(ctx.problems)
    for key in item:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            fix = f"Did you mean '{close[0]}'?" if close else f"Known: {', '.join(FIELDS)}"
            ctx.report(f"{where}.{key}", "unknown field", fix)
    texts = {name: _text(item, name, where, ctx) for name in ("match", "text", "section")}
    texts["report"] = _text(item, "report", where, ctx)
    lists = {name: _names(item, name, where, ctx) for name in ("bodies", "partners")}
    deadline = _deadline(item, where, ctx)
    status = _status(item, where, ctx)
    done = _done(item, where, ctx)
    remove = item.get("remove", False)
    if not isinstance(remove, bool):
        ctx.report(f"{where}.remove", f"expected true or false, got {_shown(remove)}", "")
    _consistent(item, texts, lists, status, where, ctx)
    if len(ctx.problems) > count:
        return None
    if done is not None and status is None:
        status = "hoan-thanh"
    return DeclaredTask(
        index, texts["match"], texts["text"], lists["bodies"], lists["partners"], deadline,
        texts["section"], bool(remove), status, done, texts["report"],
    )  # fmt: skip


def _consistent(
    item: dict[str, Any],
    texts: dict[str, str | None],
    lists: dict[str, tuple[str, ...]],
    status: str | None,
    where: str,
    ctx: Context,
) -> None:
    """A removed task has nothing else; an added one has a text and its agencies; a done
    date goes with the status hoàn thành."""
    if item.get("remove") is True and set(item) - {"match", "remove"}:
        ctx.report(
            f"{where}.remove",
            "a removed task takes no other field",
            "Keep 'match:' and 'remove: true' only",
        )
    if "match" not in item:
        for name in ("text", "bodies"):
            if name not in item:
                ctx.report(
                    where,
                    f"a task added without 'match:' needs '{name}:'",
                    "Add it, or write 'match:' with a phrase of the task in the text",
                )
        if item.get("remove") is True:
            ctx.report(f"{where}.remove", "nothing to remove without 'match:'", "Add 'match:'")
    if "done" in item and status not in (None, "hoan-thanh"):
        ctx.report(
            f"{where}.status",
            f"'done:' records completion, but the status is {status!r}",
            "Write 'status: hoan-thanh' or remove 'done:'",
        )


def _text(item: dict[str, Any], name: str, where: str, ctx: Context) -> str | None:
    value = item.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        ctx.report(f"{where}.{name}", f"expected text, got {_shown(value)}", "")
        return None
    return " ".join(value.split())


def _names(item: dict[str, Any], name: str, where: str, ctx: Context) -> tuple[str, ...]:
    value = item.get(name)
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        ctx.report(
            f"{where}.{name}",
            f"expected agency names, got {_shown(value)}",
            f"Write one agency per item, e.g. '{name}: [UBND huyện]'",
        )
        return ()
    return tuple(" ".join(v.split()) for v in values)


def _deadline(item: dict[str, Any], where: str, ctx: Context) -> Deadline | None:
    value = item.get("deadline")
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    found = parse_deadline(text)
    if found is None:
        ctx.report(
            f"{where}.deadline",
            f"unreadable deadline {_shown(value)}",
            "Write a day (2024-09-30), month (2024-09), quarter (2024-Q3), year (2024), "
            "hang-thang, hang-quy or thuong-xuyen",
        )
    return found


def _status(item: dict[str, Any], where: str, ctx: Context) -> str | None:
    value = item.get("status")
    if value is None:
        return None
    if isinstance(value, str) and value.strip() in STATUSES:
        return value.strip()
    close = difflib.get_close_matches(str(value), list(STATUSES), n=1)
    fix = f"Did you mean '{close[0]}'?" if close else f"Use one of {', '.join(STATUSES)}"
    ctx.report(f"{where}.status", f"unknown status {_shown(value)}", fix)
    return None


def _done(item: dict[str, Any], where: str, ctx: Context) -> DocDate | None:
    value = item.get("done")
    if value is None:
        return None
    try:
        day = parse_doc_date(value)
    except DateError as exc:
        ctx.report(f"{where}.done", f"{exc}, got {_shown(value)}", "Write YYYY-MM-DD")
        return None
    if not day.day:
        ctx.report(f"{where}.done", f"expected a day, got {_shown(value)}", "Write YYYY-MM-DD")
        return None
    return day
