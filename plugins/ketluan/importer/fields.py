"""Read front matter fields from a published document's own words.

The heading (``Số 604-KL/HU``, ``KẾT LUẬN``, ``THÔNG BÁO`` + subtitle), the opening
paragraph (``Ngày 27/3/2024, Ban Chấp hành Đảng bộ huyện ... họp kỳ thứ 22``), the
recipients after ``Nơi nhận:`` and the signature block are where a document states what it
is. Each detector returns None when the text does not say, and the importer reports it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ketluan.core.model import TypeInfo
from ketluan.core.placenames import NAME_WORD as CAP
from ketluan.core.placenames import UY
from ketluan.core.text import fold
from ketluan.importer.casing import Casing, is_upper
from ketluan.importer.tail import plain

DOC_WORDS = (
    "thông báo",
    "kết luận",
    "nghị quyết",
    "quyết định",
    "chỉ thị",
    "báo cáo",
    "kế hoạch",
    "quy định",
    "hướng dẫn",
    "công văn",
    "tờ trình",
)
"""Words that open the type heading of a Party document."""


BODY = re.compile(
    rf"(?:(?P<organ>Ban Thường vụ|BTV|Thường trực) (?P<lvl1>Tỉnh|Huyện|Thành) {UY}"
    rf"|Ban Chấp hành Đảng bộ (?P<lvl2>tỉnh|huyện|thành phố)"
    rf"|(?P<lvl3>Tỉnh|Huyện|Thành) {UY})"
)
"""A Party committee: Ban Thường vụ / Thường trực + Tỉnh ủy/Huyện ủy, or the committee."""
NUMBER = re.compile(r"^Số\s*:?\s*(\d[\w\s./-]{0,30}?)[.,;]?$")
"""``Số 604-KL/HU``, ``Số: 604 - KL/HU`` (spaces are dropped from the number)."""
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
SHORT_DATE = re.compile(
    r"^(?:(?:Thứ \w+|Chủ nhật|Cập nhật|Ngày đăng)\s*[,:]?\s*)?(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*\(?GMT[+0-9:]*\)?)?)?$",
    re.IGNORECASE,
)
"""A portal's publication line: ``31/05/2023``, ``Thứ Hai, 12/06/2023 10:30``."""
OPENING_DATE = re.compile(r"^Ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})\b")
ANY_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass
class Header:
    """What the heading of a document says, and how many paragraphs it took."""

    used: int = 0
    number: str | None = None
    date: dt.date | None = None
    type_words: list[str] = field(default_factory=list)
    subtitle: list[str] = field(default_factory=list)
    headline: str | None = None
    letterhead: list[str] = field(default_factory=list)
    date_line: str | None = None


def _type_heading(para: str) -> list[str] | None:
    """Segments of a type heading (``THÔNG BÁO**Ý KIẾN ...**``), or None."""
    segments = [s.strip() for s in re.split(r"\*\*|\n", para) if s.strip()]
    if not segments or not is_upper(segments[0]) or len(segments[0]) > 40:
        return None
    first = fold(segments[0])
    return segments if any(first.startswith(fold(w)) for w in DOC_WORDS) else None


def read_header(paras: list[str]) -> Header:
    """Consume the heading paragraphs: number, letterhead date, type, subtitle, headline."""
    head = Header()
    for index, para in enumerate(paras):
        text = plain(para)
        if match := NUMBER.match(text):
            head.number = re.sub(r"\s+", "", match.group(1))
        elif match := SHORT_DATE.match(text) or (len(text) < 80 and LONG_DATE.search(text)):
            day, month, year = (int(g) for g in match.groups())
            head.date = _date(year, month, day)
            head.date_line = text
        elif not any(c.isalpha() for c in text):  # separator lines: ***, -----
            pass
        elif not head.type_words and (segments := _type_heading(para)):
            head.type_words = [segments[0]]
            head.subtitle = segments[1:]
        elif head.type_words and _subtitle(text) and len(head.subtitle) < 3:
            head.subtitle.append(text)
        elif not head.type_words and is_upper(text) and len(text) <= 80:
            head.letterhead.append(text)
        elif not head.type_words and _subtitle(text) and not head.headline:
            head.headline = text
        else:
            head.used = index
            return head
    head.used = len(paras)
    return head


def _subtitle(text: str) -> bool:
    return (
        len(text) <= 250
        and not text.endswith(".")
        and not OPENING_DATE.match(text)
        and not re.match(r"^(\d+[.-]|[IVX]+[.-]\s|\(\d+\)|-|\+)", text)
    )


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def doc_type(head: Header, types: dict[str, TypeInfo]) -> TypeInfo | None:
    """The type whose label begins the heading (``THÔNG BÁO`` + ``Ý KIẾN...``)."""
    combined = fold(" ".join(head.type_words + head.subtitle))
    for info in sorted(types.values(), key=lambda t: -len(t.label)):
        if not info.news and combined.startswith(fold(info.label)):
            return info
    return None


def title(head: Header, casing: Casing) -> str | None:
    """Trích yếu: the subtitle under ``THÔNG BÁO``, or type + subtitle (``Kết luận của...``)."""
    if head.type_words:
        heading = head.type_words[0]
        if fold(heading).startswith("thong bao") and head.subtitle:
            heading = heading.split(None, 2)[2] if len(heading.split()) > 2 else ""
        text = plain(" ".join([heading, *head.subtitle]))
        return casing.sentence_case(text) if text else None
    return head.headline


LETTERHEAD = re.compile(r"^((?:ĐẢNG BỘ|ĐẢNG ỦY|(?:TỈNH|HUYỆN|THÀNH|THỊ) (?:ỦY|UỶ)))\s+(.+)$")


def letterhead(line: str, casing: Casing) -> str:
    """``HUYỆN ỦY SƠN ĐỘNG`` -> ``Huyện ủy Sơn Động``: the body, then a proper name."""
    if match := LETTERHEAD.match(line):
        name = " ".join(w.capitalize() for w in match.group(2).split())
        return f"{casing.sentence_case(match.group(1))} {name}"
    return casing.sentence_case(line)


def opening_date(paras: list[str]) -> dt.date | None:
    """``Ngày 27/3/2024, ...`` at the start of the first paragraph."""
    for para in paras[:2]:
        if match := OPENING_DATE.match(plain(para)):
            day, month, year = (int(g) for g in match.groups())
            return _date(year, month, day)
    return None


def latest_year(text: str) -> int | None:
    """Year of the latest full date written in the text (for undated news reports)."""
    years = [int(m.group(3)) for m in ANY_DATE.finditer(text) if 1 <= int(m.group(2)) <= 12]
    return max(years) if years else None


@dataclass
class Body:
    """A committee as named in the text, normalised: organ + committee, and its level."""

    name: str
    level: str  # "tinh" or "huyen"
    unit: str | None = None  # what the text calls the district-level unit: huyện, thành phố


_COMMITTEES = {
    "tinh": ("Tỉnh ủy", "tinh", None),
    "huyen": ("Huyện ủy", "huyen", "huyện"),
    "thanh": ("Thành ủy", "huyen", "thành phố"),
    "thanh pho": ("Thành ủy", "huyen", "thành phố"),
}
"""Committee and level by the word naming it; a city's Thành ủy is filed like a district's."""


def committee(match: re.Match[str]) -> Body:
    """``BTV Tỉnh ủy`` -> Ban Thường vụ Tỉnh ủy; ``Ban Chấp hành Đảng bộ huyện`` -> Huyện ủy."""
    word = fold(match.group("lvl1") or match.group("lvl2") or match.group("lvl3") or "")
    base, level, unit = _COMMITTEES[word]
    organ = match.group("organ")
    organ = "Ban Thường vụ" if organ == "BTV" else organ
    return Body(f"{organ} {base}" if organ else base, level, unit)


def issuing_body(
    title_text: str | None, body: str, authority: str | None, letterhead: str = ""
) -> Body | None:
    """Who issued the document: the committee the title names (``Ý kiến của Thường trực
    Tỉnh ủy``), the letterhead, the working delegation's committee, the headline's subject,
    the committee a news report's hosts work with, or the signature's ``T/M`` line."""
    title_text = title_text or ""
    candidates = [
        re.match(rf"^[^,]{{0,40}}? của ({BODY.pattern})", title_text),
        re.match(rf"^({BODY.pattern})", letterhead),
        re.search(rf"Đoàn công tác của ({BODY.pattern})", body),
        re.match(rf"^({BODY.pattern})", title_text),
    ]
    for match in candidates:
        if match:
            inner = BODY.match(match.group(1))
            if inner:
                return committee(inner)
    for match in re.finditer(rf"làm việc với ({BODY.pattern})", body):
        found = committee(BODY.match(match.group(1)))  # type: ignore[arg-type]
        if found.level == "tinh":
            return found
    if authority and (match := BODY.search(authority)):
        return committee(match)
    return None


def number_unit(number: str | None) -> str | None:
    """``604-KL/HU`` -> huyện: a district committee's number; None otherwise."""
    suffix = (number or "").rsplit("/", 1)[-1].upper()
    return "huyện" if suffix == "HU" else None


ABBREVIATIONS = [
    (re.compile("Hội đồng nhân dân"), "HĐND"),
    (re.compile("(?:Ủy|Uỷ) ban nhân dân"), "UBND"),
]
"""Names a meeting line writes short, as the documents' own recipient lists do."""


def meeting(title_text: str | None, paras: list[str], issuer: Body | None) -> str | None:
    """The occasion: ``Kỳ họp thứ 22 <committee>``, ``Buổi làm việc của X với Y``,
    ``Hội nghị giao ban của X với ...``, or the title's ``tại ...`` phrase."""
    opening = plain(paras[0]) if paras else ""
    text = "\n".join(plain(p) for p in paras)
    title_text = title_text or ""
    found = None
    if match := re.search(
        r"(?:^|, )([^,(]+?(?: \([^)]*\))?) họp (kỳ|phiên) thứ (\S+?)[ ,.]", opening
    ):
        found = f"{match.group(2).capitalize()} họp thứ {match.group(3)} {match.group(1)}"
    elif "buoi lam viec" in fold(title_text + " " + text):
        found = _working_session(title_text, text, issuer)
    if not found and (match := re.search(r"chủ trì (Hội nghị [^;.]*?) với ([^;.]+)", text)):
        of = f" của {issuer.name}" if issuer else ""
        found = f"{match.group(1)}{of} với {match.group(2)}"
    if not found and (match := re.search(r" tại (?:cuộc )?(.+)$", title_text)):
        found = match.group(1)
    if not found:
        return None
    for long, short in ABBREVIATIONS:
        found = long.sub(short, found)
    return found[:1].upper() + found[1:]


_HOST = rf"(?:Ban Thường vụ|Thường trực) (?:Huyện|Thành) {UY} {CAP}(?: {CAP})*"


def _working_session(title_text: str, text: str, issuer: Body | None) -> str | None:
    host = None
    if match := re.search(r"buổi làm việc với (.+)$", title_text):
        host = match.group(1)
    else:
        hosts = Counter(m.group(0) for m in re.finditer(_HOST, text))
        host = hosts.most_common(1)[0][0] if hosts else None
    if not host:
        return None
    visitor = issuer.name if issuer else None
    if match := re.search(rf"Đoàn công tác của ({BODY.pattern})", text):
        visitor = "Đoàn công tác " + committee(BODY.match(match.group(1))).name  # type: ignore[arg-type]
    return f"Buổi làm việc của {visitor} với {host}" if visitor else f"Buổi làm việc với {host}"


def news_title(meeting_text: str | None) -> str | None:
    """A headline for an untitled news report: ``X làm việc với Y`` from its meeting."""
    if meeting_text and (match := re.match(r"^Buổi làm việc của (.+?) với (.+)$", meeting_text)):
        return f"{match.group(1)} làm việc với {match.group(2)}"
    return None
