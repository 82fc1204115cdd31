"""Deadlines of assigned tasks: the phrases that set them, normalised to a date or a period.

A conclusion says when a task is due in a few fixed ways: a day ("trước ngày 30/9/2024",
"vào ngày 21/4/2024"), a month ("trong tháng 6/2024", "trước tháng 9 năm 2024"), a quarter
("trong quý II/2024"), a year ("trong năm 2024"), a rhythm ("định kỳ hằng quý") or
"thường xuyên". Each form is one class whose docstring lists what it reads and what it
leaves alone (``tests/test_task_extraction.py`` runs them). The phrase must open with a word
that makes it a limit (trước, trong, vào, đến, chậm nhất, xong…): a bare "năm 2024" or a
cited "ngày 20/3/2024" sets nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
LIMIT = (
    r"(?<![\w])(?P<lead>trước|trong|vào|đến|cuối|hết|xong|chậm\s+nhất|đảm\s+bảo|bảo\s+đảm"
    r"|hoàn\s+thành|về\s+đích)"
)
"""Words that make the period after them a limit; ``trước`` (before) moves it back."""


@dataclass(frozen=True, order=True)
class Deadline:
    """When a task is due: ``due`` is the last day (None for a rhythm or ``thường xuyên``);
    ``period`` the normalised value (2024-09-30, 2024-06, 2024-Q2, 2024, hang-quy,
    thuong-xuyen); ``text`` the phrase as written."""

    due: dt.date | None
    period: str
    text: str

    def __fingerprint__(self) -> tuple[str, str]:
        """What names it for the build cache: ``due`` follows from ``period``."""
        return (self.period, self.text)

    @property
    def kind(self) -> str:
        """date, month, quarter, year, recurring or ongoing."""
        if self.period == "thuong-xuyen":
            return "ongoing"
        if self.period.startswith("hang-"):
            return "recurring"
        if "-Q" in self.period:
            return "quarter"
        return {10: "date", 7: "month", 4: "year"}[len(self.period)]

    @property
    def label(self) -> str:
        """Vietnamese, for pages: 30/09/2024, tháng 6/2024, quý II/2024, năm 2024, hằng quý."""
        kind = self.kind
        if kind == "date":
            assert self.due is not None
            return self.due.strftime("%d/%m/%Y")
        if kind == "month":
            return f"tháng {int(self.period[5:])}/{self.period[:4]}"
        if kind == "quarter":
            roman = {v: k for k, v in ROMAN.items()}[int(self.period[-1])]
            return f"quý {roman}/{self.period[:4]}"
        if kind == "year":
            return f"năm {self.period}"
        return RHYTHMS.get(self.period, "thường xuyên")


RHYTHMS = {
    "hang-tuan": "hằng tuần",
    "hang-thang": "hằng tháng",
    "hang-quy": "hằng quý",
    "hang-nam": "hằng năm",
}


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _year(text: str | None, default: int) -> int:
    return int(text) if text else default


class DayForm:
    """A day: ``trước ngày 30/9/2024``, ``vào ngày 21/4/2024``, ``chậm nhất ngày 15/5``,
    ``trước 31/12/2024``, ``xong trước ngày 30 tháng 6 năm 2024``.
    Not: ``Công văn số 1360/UBND-NN ngày 20/3/2024`` (a citation's date: no limit word)."""

    pattern = re.compile(
        LIMIT + r"(?:\s+trước)?\s+(?:ngày\s+)?(?P<d>\d{1,2})(?:[/.-]|\s+tháng\s+)(?P<m>\d{1,2})"
        r"(?:(?:[/.-]|\s+năm\s+)(?P<y>\d{4}))?(?!\d)"
    )

    def read(self, match: re.Match[str], year: int) -> Deadline | None:
        try:
            day = dt.date(_year(match["y"], year), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        return Deadline(day, day.isoformat(), match.group())


class MonthForm:
    """A month: ``trong tháng 6/2024``, ``đảm bảo tháng 6/2024 xử lý xong``,
    ``trước tháng 9 năm 2024`` (due 31/8/2024), ``trong tháng 10``.
    Not: ``quý I/2024``, ``6 tháng đầu năm`` (no limit word before the month)."""

    pattern = re.compile(
        LIMIT + r"(?:\s+trong)?\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>\d{4}))?(?!\d)"
    )

    def read(self, match: re.Match[str], year: int) -> Deadline | None:
        month, year = int(match["m"]), _year(match["y"], year)
        if not 1 <= month <= 12:
            return None
        if match["lead"] == "trước":
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
        return Deadline(_month_end(year, month), f"{year:04d}-{month:02d}", match.group())


class QuarterForm:
    """A quarter: ``trong quý II/2024``, ``báo cáo … trong quý II/2024``,
    ``trước quý IV năm 2024`` (due 30/9/2024), ``hết quý 3``.
    Not: ``quý I/2024 còn một số khó khăn`` (no limit word)."""

    pattern = re.compile(
        LIMIT + r"\s+quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*(?P<y>\d{4}))?(?![\w/])"
    )

    def read(self, match: re.Match[str], year: int) -> Deadline | None:
        quarter = ROMAN.get(match["q"]) or int(match["q"])
        year = _year(match["y"], year)
        if match["lead"] == "trước":
            quarter, year = (quarter - 1, year) if quarter > 1 else (4, year - 1)
        return Deadline(_month_end(year, quarter * 3), f"{year:04d}-Q{quarter}", match.group())


class YearForm:
    """A year: ``trong năm 2024``, ``hoàn thành năm 2025``, ``cuối năm 2024``,
    ``trước năm 2025`` (due 31/12/2024).
    Not: ``ngân sách năm 2024``, ``giai đoạn 2021-2025`` (no limit word before the year)."""

    pattern = re.compile(LIMIT + r"\s+năm\s+(?P<y>\d{4})(?!\d)")

    def read(self, match: re.Match[str], year: int) -> Deadline | None:
        value = int(match["y"]) - (1 if match["lead"] == "trước" else 0)
        return Deadline(dt.date(value, 12, 31), f"{value:04d}", match.group())


class RhythmForm:
    """A rhythm: ``định kỳ hằng quý``, ``hằng tháng tổ chức``, ``hàng tuần``.
    Not: ``thường xuyên`` (see OngoingForm), ``tháng 6`` (a month)."""

    pattern = re.compile(r"(?<!\w)(?:định\s+kỳ\s+)?h[ằà]ng\s+(?P<u>tuần|tháng|quý|năm)(?!\w)")

    def read(self, match: re.Match[str], year: int) -> Deadline | None:
        unit = {"tuần": "tuan", "tháng": "thang", "quý": "quy", "năm": "nam"}[match["u"]]
        return Deadline(None, f"hang-{unit}", match.group())


class OngoingForm:
    """Standing work: ``thường xuyên theo dõi``, ``Thường xuyên giám sát``.
    Not: ``xuyên suốt``."""

    pattern = re.compile(r"(?<!\w)[Tt]hường\s+xuyên(?!\w)")

    def read(self, match: re.Match[str], year: int) -> Deadline | None:
        return Deadline(None, "thuong-xuyen", match.group())


FORMS = (DayForm(), MonthForm(), QuarterForm(), YearForm(), RhythmForm(), OngoingForm())
"""Most precise first: the first form that reads the sentence sets its deadline."""


def find_deadline(sentence: str, year: int) -> Deadline | None:
    """The deadline ``sentence`` sets, if any; ``year``: of the document, for a day or
    month written without one."""
    for form in FORMS:
        for match in form.pattern.finditer(sentence):
            found = form.read(match, year)
            if found is not None:
                return found
    return None


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?$")


def parse_deadline(value: str) -> Deadline | None:
    """A deadline as front matter writes it: 2024-09-30, 2024-06, 2024-Q2, 2024, hang-quy,
    thuong-xuyen (and the Vietnamese "thường xuyên", "hằng quý"). None when unreadable."""
    text = value.strip()
    rhythm = {label: key for key, label in RHYTHMS.items()}
    if text in RHYTHMS or text == "thuong-xuyen":
        return Deadline(None, text, text)
    if text in rhythm:
        return Deadline(None, rhythm[text], text)
    if text == "thường xuyên":
        return Deadline(None, "thuong-xuyen", text)
    match = _PERIOD.match(text)
    if not match:
        return None
    year = int(match[1])
    if match[2] and not 1 <= int(match[2]) <= 12:
        return None
    try:
        if match[3]:
            day = dt.date(year, int(match[2]), int(match[3]))
            return Deadline(day, day.isoformat(), text)
        if match[2]:
            return Deadline(_month_end(year, int(match[2])), text, text)
    except ValueError:
        return None
    if match[4]:
        return Deadline(_month_end(year, int(match[4]) * 3), text, text)
    return Deadline(dt.date(year, 12, 31), text, text)
