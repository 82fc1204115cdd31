"""The heading of a published document: letterhead, number, date of issue, kind, trích yếu.

Party and State documents print the same parts (Hướng dẫn 36-HD/VPTW, Nghị định
30/2020/NĐ-CP): the issuing body (and its parent) on the left, the national motto or
``ĐẢNG CỘNG SẢN VIỆT NAM`` on the right, ``Số: …`` under the body, ``<place>, ngày …`` under
the motto, then the kind in capitals with the trích yếu under it. Copied as text, the two
columns come one after the other, in either order. A blank number or day on an unsigned copy
(``Số: /KH-UBND``, ``ngày tháng năm 2026``) is read as blank, never as another date; the
date of a ``Căn cứ …`` line is never the date of issue, because the heading ends before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ketluan.core.kinds import CATALOGUE
from ketluan.core.text import fold
from ketluan.importer.casing import is_upper
from ketluan.importer.tail import plain

DOC_WORDS = sorted(
    {k.label for k in CATALOGUE if not k.news and k.slug != "van-ban"} | {"Kế hoạch hành động"},
    key=len,
    reverse=True,
)
"""Words that open the kind heading: every kind of the catalogue."""
MOTTO = re.compile(
    r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    r"|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM)\W*$",
    re.IGNORECASE,
)
"""The national motto (quốc hiệu, tiêu ngữ) or the Party's name over the date."""
NUMBER = re.compile(
    r"^(?:[^\W\d]+(?: [^\W\d]+){0,3} )?[Ss]ố\s*:?\s*(\d[\w\s./-]{0,60}?|/[\w./-]+)[.,;]?$"
)
"""``Số 604-KL/HU``, ``Số: 604 - KL/HU``, ``Nghị quyết số: 89/2025/UBTVQH15``; ``Số: /KH-UBND``
(left blank on an unsigned copy)."""
CODE_TAIL = re.compile(r"^[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")
"""The rest of a joint number wrapped after a hyphen: ``TANDTC-BCA-BQP-BLĐTBXH``."""
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})?", re.IGNORECASE)
DATE_LINE = re.compile(r"^(?:[^\W\d][^,;.]{0,40},\s*)?ngày\b", re.IGNORECASE)
"""``Hà Nội, ngày 25 tháng 4 năm 2026``; also with blanks: ``Hà Nội, ngày tháng năm``."""
SHORT_DATE = re.compile(
    r"^(?:(?:Thứ \w+|Chủ nhật|Cập nhật|Ngày đăng)\s*[,:]?\s*)?(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*\(?GMT[+0-9:]*\)?)?)?$",
    re.IGNORECASE,
)
"""A portal's publication line: ``31/05/2023``, ``Thứ Hai, 12/06/2023 10:30``."""
OPENING_DATE = re.compile(r"^Ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})\b")
PREAMBLE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Trên cơ sở|Kính gửi)\b")
"""Where the text proper starts: never part of the heading."""
SUBJECT = re.compile(r"^(?:V/v|Về việc)\s+\S", re.IGNORECASE)
"""The subject line under the number of a Công văn, which has no kind heading."""


@dataclass
class Header:
    """What the heading of a document says, and how many paragraphs it took."""

    used: int = 0
    number: str | None = None
    number_line: str | None = None
    blank_number: bool = False
    date: dt.date | str | None = None
    blank_date: bool = False
    type_words: list[str] = field(default_factory=list)
    subtitle: list[str] = field(default_factory=list)
    headline: str | None = None
    subject: str | None = None
    letterhead: list[str] = field(default_factory=list)
    date_line: str | None = None
    removed: list[str] = field(default_factory=list)


def type_heading(para: str) -> list[str] | None:
    """Segments of a kind heading (``THÔNG BÁO**Ý KIẾN ...**``, ``THÔNG BÁO KẾT LUẬN``)."""
    segments = [s.strip() for s in re.split(r"\*\*|\n", para) if s.strip()]
    if not segments or not is_upper(segments[0]) or len(segments[0]) > 250:
        return None
    first = fold(segments[0])
    word = next((w for w in DOC_WORDS if first.startswith(fold(w) + " ") or first == fold(w)), None)
    if word is None:
        return None
    if len(segments[0]) > 40:  # THÔNG BÁO KẾT LUẬN CỦA BAN THƯỜNG VỤ … on one line
        cut = len("THÔNG BÁO") if first.startswith("thong bao ") else len(word)
        rest = segments[0][cut:].strip()
        return [segments[0][:cut], *([rest] if rest else []), *segments[1:]]
    return segments


def read_header(paras: list[str]) -> Header:
    """Consume the heading paragraphs: letterhead, motto, number, date, kind, trích yếu."""
    head = Header()
    closed = False  # a rule under the trích yếu ends it
    head.used = len(paras)
    for index, para in enumerate(paras):
        text = plain(para)
        if MOTTO.match(text):
            head.removed.append(f"national motto {text!r}")
        elif head.number is None and not head.blank_number and (match := NUMBER.match(text)):
            _number(head, match.group(1), text)
        elif head.number and head.number.endswith("-") and CODE_TAIL.match(text):
            head.number += text
        elif head.date is None and not head.blank_date and _date_line(head, text):
            pass
        elif not any(c.isalnum() for c in text):  # rules: ***, -----, ____
            closed = closed or bool(head.type_words and head.subtitle)
        elif closed or PREAMBLE.match(text) or _enacting(head, text):
            head.used = index
            break
        elif not head.type_words and (segments := type_heading(para)):
            head.type_words = [segments[0]]
            head.subtitle = segments[1:]
        elif head.type_words and _continues_subtitle(head.subtitle, text):
            head.subtitle.append(text)
        elif not head.type_words and head.number and SUBJECT.match(text) and not head.subject:
            head.subject = text
        elif not head.type_words and is_upper(text) and len(text) <= 80 and _room(head):
            head.letterhead.append(text)
        elif not head.type_words and _subtitle(text) and not head.headline:
            head.headline = text
        else:
            head.used = index
            break
    return head


MAX_LETTERHEAD = 16
"""Most capitalised lines a letterhead has (a joint one printed twice by a PDF copy has
about a dozen); more are the text itself, and reading them as bodies would take time
quadratic in their number."""


def _room(head: Header) -> bool:
    return len(head.letterhead) < MAX_LETTERHEAD


def _number(head: Header, found: str, line: str) -> None:
    number = re.sub(r"\s+", "", found)
    head.number_line = line
    if number.startswith("/"):
        head.blank_number = True
        return
    head.number = number


def _date_line(head: Header, text: str) -> bool:
    """Read a portal date line or a letterhead date line; True when ``text`` is one."""
    if match := SHORT_DATE.match(text):
        head.date = to_date(*(int(g) for g in reversed(match.groups())))
    elif len(text) < 80 and DATE_LINE.match(text) and (match := LONG_DATE.search(text)):
        day, month, year = (int(g) if g else None for g in match.groups())
        if day and month and year:
            head.date = to_date(year, month, day)
        else:
            head.blank_date = True
            head.date = str(year) if year else None
    else:
        return False
    head.date_line = text
    return True


def _continues_subtitle(subtitle: list[str], text: str) -> bool:
    """A line of the trích yếu: short, not a sentence; an ALL-CAPS trích yếu ends where a
    line in sentence case starts (the text proper)."""
    if not _subtitle(text, TITLE_LENGTH) or len(subtitle) >= 6:
        return False
    if subtitle and is_upper(subtitle[-1]) and not is_upper(text) and text[:1].isupper():
        return False
    return not (subtitle and not is_upper(subtitle[-1]) and is_upper(text))


def _enacting(head: Header, text: str) -> bool:
    """The body that enacts, printed in capitals above the preamble (``CHÍNH PHỦ``,
    ``ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI``): the letterhead again, after the trích yếu."""
    if not (head.type_words and head.subtitle and is_upper(text)):
        return False
    folded = fold(text)
    whole = fold(" ".join(head.letterhead))
    return (
        folded == whole
        or any(folded == fold(x) for x in head.letterhead)
        or (folded.startswith(("bo truong ", "thu tuong ", "chinh phu", "uy ban ", "hoi dong ")))
    )


TITLE_LENGTH = 500
"""Longest trích yếu under a kind heading (a plan on a conclusion on a directive…)."""


def _subtitle(text: str, longest: int = 250) -> bool:
    return (
        len(text) <= longest
        and not text.endswith(".")
        and not OPENING_DATE.match(text)
        and not PREAMBLE.match(text)
        and not re.match(r"^(\d+[.-]|[IVX]+[.-]\s|\(\d+\)|-|\+|Điều \d)", text)
    )


def to_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


ADOPTED = re.compile(
    r"thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE
)
"""``… khóa XV, phiên họp thứ 47 thông qua ngày 10 tháng 7 năm 2025``: the date a body
adopted a resolution, printed at its end when the heading has no date."""


def adopted_date(text: str) -> tuple[dt.date, str] | None:
    """The date of adoption stated at the end of the text, and the sentence saying it."""
    matches = list(ADOPTED.finditer(text))
    if not matches:
        return None
    day, month, year = (int(g) for g in matches[-1].groups())
    found = to_date(year, month, day)
    return (found, matches[-1].group(0)) if found else None


def opening_date(paras: list[str]) -> dt.date | None:
    """``Ngày 27/3/2024, ...`` at the start of the first paragraph."""
    for para in paras[:2]:
        if match := OPENING_DATE.match(plain(para)):
            day, month, year = (int(g) for g in match.groups())
            return to_date(year, month, day)
    return None
