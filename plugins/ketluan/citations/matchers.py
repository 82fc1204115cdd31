"""Citations of Party and State documents in body text: one matcher class per form.

A citation is found from its số ký hiệu (the symbol, the one part that is never prose),
then read outwards: the type word and "số" before it, the date and the issuer after it.
Everything here is plain text in, spans out; resolving what a citation points to is
``resolve``'s job, because that needs the citing document and the corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ketluan.core.dates import DocDate
from ketluan.core.kinds import cited_words
from ketluan.core.placenames import PLACE_AFTER_BODY
from ketluan.core.symbols import FORMS, SYMBOLS, Symbol, kind_of

_SP = r"[ \t]"  # inline space only: masked Markdown markup (\x1f) ends a phrase

_LABELS = sorted(
    (re.escape(label).replace(r"\ ", r"\s+") for label in cited_words()),
    key=len,
    reverse=True,
)
_TYPE_WORD = "|".join([*_LABELS, r"V[aă]n\s+b[aả]n"])
_TYPE_WORD_ANY_CASE = "".join(
    f"[{c}{c.lower()}]" if i == 0 or c.isupper() else c for i, c in enumerate(_TYPE_WORD)
)

_BODY = (
    r"(?:[TtHh](?:ỉnh|uyện)\s+(?:ủy|uỷ)|Thành\s+(?:ủy|uỷ)|Thị\s+(?:ủy|uỷ)|Quận\s+(?:ủy|uỷ)"
    r"|Đảng\s+(?:ủy|uỷ)|Đảng\s+bộ(?:\s+(?:tỉnh|huyện))?|Trung\s+ương(?:\s+Đảng)?|TW|TƯ"
    r"|UBND|HĐND|(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân"
    r"|(?:Ủy|Uỷ)\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Thủ\s+tướng(?:\s+Chính\s+phủ)?"
    r"|Chính\s+phủ|Quốc\s+hội|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư"
    r"|Bộ\s+(?:Xây\s+dựng|Tài\s+chính|Nội\s+vụ|Y\s+tế|Công\s+Thương|Tư\s+pháp|Công\s+an"
    r"|Quốc\s+phòng|Ngoại\s+giao|Giao\s+thông\s+vận\s+tải"
    r"|(?:Nông\s+nghiệp|Kế\s+hoạch|Tài\s+nguyên|Giáo\s+dục|Thông\s+tin|Khoa\s+học"
    r"|Dân\s+tộc)\s+và\s+\w+(?:\s+\w+)?))"
)
_LEAD = (
    r"(?:(?:Phó\s+)?Chủ\s+tịch|Thường\s+trực|Ban\s+Thường\s+vụ|BTV|Ban\s+Chấp\s+hành|BCH"
    r"|Ban\s+cán\s+sự\s+đảng|Đảng\s+đoàn|Văn\s+phòng|Ủy\s+ban\s+Kiểm\s+tra|UBKT)"
    r"(?:\s*\([^()\n]{1,12}\))?\s+"
)
ISSUER = rf"(?:{_LEAD})?{_BODY}{PLACE_AFTER_BODY}"


class TypePrefix:
    """What stands before the number: type word, an issuer before "số", "số:".

    ``Nghị quyết số ``, ``Chỉ thị ``, ``Công văn số: ``, ``Quyết định của Bộ Chính trị số ``,
    ``số ``, ``nghị quyết số ``. Not: ``Nghị quyết Đại hội ``, ``tháng ``.
    """

    pattern = re.compile(
        rf"(?:(?<!\w)(?P<word>{_TYPE_WORD_ANY_CASE})(?:\s+của\s+(?P<issuer>{ISSUER}))?\s+"
        r"(?:số\s*:?\s*)?|\b[Ss]ố\s*:?\s*)\Z"
    )
    window = 90

    @classmethod
    def match(cls, text: str, start: int) -> re.Match[str] | None:
        """The prefix ending right at ``start``, if any."""
        offset = max(0, start - cls.window)
        return cls.pattern.search(text, offset, start)


class DatePhrase:
    """The date after the number: ``, ngày 07/5/2021``, ``ngày 02/6/2023``,
    ``ngày 01-10-1997``, ``ngày 12 tháng 6 năm 2025``, ``ban hành ngày 2.2.2023``,
    ``(ngày 07/5/2021``.
    Not: ``năm 2024`` (a year alone), ``ngày 31/02/2024`` (no such day)."""

    # Runs of spaces are read possessively (``\s*+``): never split between two quantifiers,
    # which would take time quadratic in the length of a long run of blanks.
    pattern = re.compile(
        r"\s*+(?:[,(]\s*+)?(?:ban\s++hành\s++)?ngày\s*+(?:(?P<d>\d{1,2})\s*+[/.-]\s*+"
        r"(?P<m>\d{1,2})\s*+[/.-]\s*+(?P<y>(?:19|20)\d\d)|(?P<d2>\d{1,2})\s++tháng\s++"
        r"(?P<m2>\d{1,2})(?:\s*+,\s++|\s++)năm\s++(?P<y2>(?:19|20)\d\d))(?!\d)"
    )

    @classmethod
    def match(cls, text: str, pos: int) -> tuple[DocDate, int] | None:
        """The date starting at ``pos`` and where it ends, if any."""
        found = cls.pattern.match(text, pos)
        if not found:
            return None
        day, month, year = (int(found[g] or found[g + "2"]) for g in ("d", "m", "y"))
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return DocDate(year, month, day), found.end()


class IssuerPhrase:
    """The issuer after the number or date: ``của Tỉnh ủy``, ``của Ban Thường vụ (BTV) Tỉnh
    ủy``, ``của Bộ Chính trị``, ``của Chủ tịch UBND tỉnh Bắc Giang``, ``của Hội đồng nhân dân
    tỉnh``; and the bare level after a State number: ``45/2018/QĐ-UBND tỉnh``.
    Not: ``của người dân``, ``của huyện`` (no issuing body)."""

    pattern = re.compile(rf"\)?\s*+(?:,\s*+)?(?:của|do)\s++(?P<issuer>{ISSUER})")
    level = re.compile(rf"{_SP}(?P<level>tỉnh|huyện)\b")

    @classmethod
    def match(cls, text: str, pos: int, symbol: Symbol) -> tuple[str, int] | None:
        """The issuer starting at ``pos`` and where it ends, if any."""
        if found := cls.pattern.match(text, pos):
            return " ".join(found["issuer"].split()), found.end()
        local = {"UBND", "HDND"} & set(symbol.issuer_code.split("-"))
        if local and (found := cls.level.match(text, pos)):
            body = "UBND" if "UBND" in local else "HĐND"
            return f"{body} {found['level']}", found.end()
        return None


_JOINER = re.compile(r"\s*(?:,|;|và|,\s*và)\s*\Z")


@dataclass(frozen=True)
class Citation:
    """One citation in a text: the linked span (type word to symbol) and what it says."""

    start: int
    end: int
    """Span linked in the page: from the type word (when present) to the end of the symbol."""
    symbol: Symbol
    kind: str
    """Kind slug: the word before the number decides, else the type code of the symbol."""
    word: str | None
    date: DocDate | None
    issuer: str | None
    tail: int
    """End of the date and issuer that follow the symbol."""
    in_link: bool = False
    """True when the citation is the text of a link the author wrote (it is not re-linked)."""
    symbol_start: int = -1
    """Where the symbol itself starts (``start`` when there is no type word)."""


def extract(text: str) -> list[Citation]:
    """Every citation in ``text`` in order; an issuer after a list applies to all of it."""
    found: list[Citation] = []
    for match in SYMBOLS.finditer(text):
        form = next(f for f in FORMS if match[f.tag] is not None)
        symbol = form.symbol(match)
        prefix = TypePrefix.match(text, match.start())
        word = " ".join(prefix["word"].split()) if prefix and prefix["word"] else None
        issuer = " ".join(prefix["issuer"].split()) if prefix and prefix["issuer"] else None
        tail = match.end()
        date = None
        if dated := DatePhrase.match(text, tail):
            date, tail = dated
        if not issuer and (named := IssuerPhrase.match(text, tail, symbol)):
            issuer, tail = named
        start = prefix.start() if prefix and prefix["word"] else match.start()
        found.append(
            Citation(
                start,
                match.end(),
                symbol,
                kind_of(word, symbol),
                word,
                date,
                issuer,
                tail,
                symbol_start=match.start(),
            )
        )
    return _share_issuers(text, found)


def _share_issuers(text: str, found: list[Citation]) -> list[Citation]:
    """``Chỉ thị số 35-CT/TW, ngày ... và Kết luận số 118-KL/TW ... của Bộ Chính trị``:
    a citation without issuer joined to the next (same committee code) by a comma, ";" or
    "và" takes its issuer."""
    for index in range(len(found) - 2, -1, -1):
        current, following = found[index], found[index + 1]
        if current.issuer or not following.issuer:
            continue
        if current.symbol.issuer_code != following.symbol.issuer_code:
            continue  # "1-NQ/TW; 2-CT/TU của Tỉnh ủy": the issuer is the second one's only
        if (
            _JOINER.match(text[current.tail : following.start])
            or not text[current.tail : following.start].strip()
        ):
            found[index] = replace(current, issuer=following.issuer)
    return found
