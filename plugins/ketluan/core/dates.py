"""Dates of issue: full ISO dates, or a year/month when the published copy gives no more."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True, order=True)
class DocDate:
    """A date of issue; ``month``/``day`` are 0 when unknown, so ordering stays total."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``: how much of the date is known."""
        return "day" if self.day else "month" if self.month else "year"

    def _spelt(self, day: str, month: str, year: str) -> str:
        """The date in the form of its precision (``{d}``, ``{m}``, ``{y}`` in the forms)."""
        form = day if self.day else month if self.month else year
        return form.format(d=self.day, m=self.month, y=self.year)

    def iso(self) -> str:
        """ISO 8601 text at the known precision: 2024-03-27, 2024-03 or 2024."""
        return self._spelt("{y:04d}-{m:02d}-{d:02d}", "{y:04d}-{m:02d}", "{y:04d}")

    def first_day(self) -> str:
        """Full ISO date of the first day of the known period (for sitemaps): 2024-01-01."""
        return f"{self.year:04d}-{self.month or 1:02d}-{self.day or 1:02d}"

    def last_day(self) -> str:
        """Full ISO date of the last day of the known period: 2024-12-31 for 2024."""
        if self.day:
            return self.first_day()
        month = self.month or 12
        following = dt.date(self.year + month // 12, month % 12 + 1, 1)
        return (following - dt.timedelta(days=1)).isoformat()

    def after(self, day: dt.date) -> bool:
        """True when the whole known period lies after ``day`` (2024-03 is after 2024-02-29,
        not after 2024-03-05)."""
        return self.first_day() > day.isoformat()

    def vietnamese(self) -> str:
        """The date as written in Vietnamese documents: "ngày 27 tháng 3 năm 2024"."""
        return self._spelt("ngày {d} tháng {m} năm {y}", "tháng {m} năm {y}", "năm {y}")

    def short(self) -> str:
        """Compact Vietnamese form for lists: 27/03/2024, 03/2024 or 2024."""
        return self._spelt("{d:02d}/{m:02d}/{y}", "{m:02d}/{y}", "{y}")


class DateError(ValueError):
    """A date value that is not ISO; ``hint`` is the corrected spelling when one is obvious."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def parse_doc_date(value: object) -> DocDate:
    """Parse a front matter date (YAML date, ``"2024-03"``, ``2024``), or raise DateError."""
    if isinstance(value, dt.datetime):
        raise DateError("expected a date without time")
    if isinstance(value, dt.date):
        _check(value.year, value.month, value.day)
        return DocDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise DateError(f"expected YYYY-MM-DD, got {type(value).__name__}")
    text = value.strip()
    if match := _ISO.match(text):
        year, month, day = (int(g) if g else 0 for g in match.groups())
        _zero_part(text, match.group(2), match.group(3))
        _check(year, month, day)
        return DocDate(year, month, day)
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        hint = None
        if month and day and _valid(year, month, day):
            hint = DocDate(year, month, day).iso()
        raise DateError("expected YYYY-MM-DD", hint)
    raise DateError("expected YYYY-MM-DD")


def _zero_part(text: str, month: str | None, day: str | None) -> None:
    """Month or day written as 00: no such date (an unknown day is left out, not zeroed)."""
    if month == "00":
        raise DateError("no such date (month 00)", f"{text[:4]} if the month is not known")
    if day == "00":
        raise DateError("no such date (day 00)", f"{text[:7]} if the day is not known")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


FIRST_YEAR = 1930
"""The Communist Party of Vietnam was founded in 1930: no document of it is older."""
LAST_YEAR = 2099
"""Latest year accepted: later ones are typos (2204 for 2024), and past 2106 the sitemap's
gzip timestamp no longer fits in its 32 bits. Dates after the build date are warnings."""


def _check(year: int, month: int, day: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"no such date (the year must be {FIRST_YEAR} to {LAST_YEAR})")
    if not _valid(year, month, day):
        raise DateError("no such date")


def build_day() -> dt.date:
    """The day the site describes (a ``valid_until`` before it has passed): the build's
    day, or ``SOURCE_DATE_EPOCH``'s when set, so a rebuild of a release is identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
