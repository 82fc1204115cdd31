"""Read front matter fields from a published document's own words.

The heading (``Số 604-KL/HU``, ``KẾT LUẬN``, ``THÔNG BÁO`` + subtitle), the opening
paragraph (``Ngày 27/3/2024, Ban Chấp hành Đảng bộ huyện ... họp kỳ thứ 22``), the
recipients after ``Nơi nhận:`` and the signature block are where a document states what it
is. Each detector returns None when the text does not say, and the importer reports it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ketluan.core.model import TypeInfo
from ketluan.core.placenames import NAME_WORD as CAP
from ketluan.core.placenames import UY
from ketluan.core.text import fold
from ketluan.importer.casing import Casing, is_upper
from ketluan.importer.header import DOC_WORDS, Header
from ketluan.importer.tail import plain

BODY = re.compile(
    rf"(?:(?P<organ>Ban Thường vụ|BTV|Thường trực) (?P<lvl1>Tỉnh|Huyện|Thành|Thị|Quận) {UY}"
    rf"|Ban Chấp hành Đảng bộ (?P<lvl2>tỉnh|huyện|thành phố|thị xã|quận)"
    rf"|(?P<lvl3>Tỉnh|Huyện|Thành|Thị|Quận) {UY})"
)
"""A Party committee: Ban Thường vụ / Thường trực + Tỉnh ủy/Huyện ủy, or the committee."""
ANY_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def doc_type(head: Header, types: dict[str, TypeInfo]) -> TypeInfo | None:
    """The type whose label begins the heading (``THÔNG BÁO`` + ``Ý KIẾN...``); a Công
    văn, which has no heading, by its ``V/v …`` subject line under the number."""
    combined = fold(" ".join(head.type_words + head.subtitle))
    if not head.type_words and head.subject:
        combined = "cong van"
    for info in sorted(types.values(), key=lambda t: -len(t.label)):
        if not info.news and combined.startswith(fold(info.label)):
            return info
    return None


def title(head: Header, casing: Casing) -> str | None:
    """Trích yếu: the subtitle under ``THÔNG BÁO``, or type + subtitle (``Kết luận của...``)."""
    if head.type_words:
        heading = head.type_words[0]
        label = next((w for w in DOC_WORDS if fold(w) == fold(plain(heading))), None)
        heading = label or heading  # THÔNG TƯ -> Thông tư (TƯ is also an acronym)
        words = heading.split()
        notice = fold(heading).startswith("thong bao") and head.subtitle
        if notice and (len(words) > 2 or _party_notice(head.subtitle)):
            heading = " ".join(words[2:])  # THÔNG BÁO KẾT LUẬN / của …: Kết luận của …
        subtitle = plain(" ".join(head.subtitle))
        if subtitle and not is_upper(subtitle) and heading:
            subtitle = _lower_first(subtitle)  # NGHỊ QUYẾT / Về … -> Nghị quyết về …
        text = " ".join(x for x in (plain(heading), subtitle) if x)
        return casing.sentence_case(text) if text else None
    return head.subject or head.headline


def _party_notice(subtitle: list[str]) -> bool:
    """``THÔNG BÁO`` / ``Kết luận của …`` (or ``Ý kiến …``): a Party notice of conclusions,
    whose title is its subtitle; a State ``THÔNG BÁO`` / ``Về việc …`` keeps its kind."""
    return bool(subtitle) and fold(subtitle[0]).startswith(("ket luan", "y kien"))


def _lower_first(text: str) -> str:
    """The first word of a trích yếu in lower case unless it is a name (``Về`` -> ``về``;
    ``Kế hoạch`` as a name of a plan keeps its capital after the first word only)."""
    first = text.split(" ", 1)[0]
    return text if is_upper(first) and len(first) > 1 else text[:1].lower() + text[1:]


LETTERHEAD = re.compile(r"^((?:ĐẢNG BỘ|ĐẢNG ỦY|(?:TỈNH|HUYỆN|THÀNH|THỊ) (?:ỦY|UỶ)))\s+(.+)$")


def letterhead(line: str, casing: Casing) -> str:
    """``HUYỆN ỦY SƠN ĐỘNG`` -> ``Huyện ủy Sơn Động``: the body, then a proper name."""
    if match := LETTERHEAD.match(line):
        name = " ".join(w.capitalize() for w in match.group(2).split())
        return f"{casing.sentence_case(match.group(1))} {name}"
    return casing.sentence_case(line)


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
    "thi": ("Thị ủy", "huyen", "thị xã"),
    "thi xa": ("Thị ủy", "huyen", "thị xã"),
    "quan": ("Quận ủy", "huyen", "quận"),
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
