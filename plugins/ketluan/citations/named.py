"""Documents cited by name rather than number, and short forms a text defines for a number.

Laws (``Luật Tổ chức chính quyền địa phương``), codes (``Bộ luật Tố tụng hình sự``), the
Constitution (``Hiến pháp năm 2013``), the Party Charter (``Điều lệ Đảng``) and the
resolutions of the Party's congress and central plenums (``Nghị quyết Đại hội XIII``,
``Nghị quyết Trung ương 4 khóa XII``) are cited by name; each name stands for one document
(with the date when the text gives one), so it is a citation with its own cited-document
page like a number. The name plays the number's part:
a ``Symbol`` of form ``NamedDocument`` whose text is the name.

A short form (``Thông tư liên tịch số 06/2018``) is defined by the text itself, in
``(sau đây viết tắt là …)`` after a full citation; each use is that citation again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ketluan.core.dates import DocDate
from ketluan.core.patterns import compiled_later
from ketluan.core.text import LOWER, UPPER

FORM = "NamedDocument"
"""``Symbol.form`` of a document cited by name."""

_S = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_LAW_STOP = (
    r"ngày|năm|số|được|đã|sửa|và|hiện|có|trình|để|thì|là|với|nhằm|các|này|đó|mới|liên|khác"
    r"|về|theo|quy\s+định|tại|của|hoặc|hướng|thi|cho|trong|phải|do|thay|bãi|bổ|hết|còn|nêu"
    r"|đang"
    r"|từ|đến|khi|vào|ra|tiếp|năm"
)
_LAW_LOW = rf"(?!(?:{_LAW_STOP})(?!\w)){LOWER}+(?!\w)"
_LAW_WORD = rf"(?:{UPPER}{LOWER}*(?!\w)|{_LAW_LOW})"
_LAW_END = rf"(?=[ \t]*[,;.)]|{_S}(?:số|ngày|năm)\b)"
"""What may follow a part of a name after a comma (``Luật Thi đua, khen thưởng;``)."""
_LAW_NAME = (
    rf"{UPPER}{LOWER}*(?!\w)(?:{_S}{_LAW_WORD}){{0,9}}"
    rf"(?:[ \t]*,[ \t]*{_LAW_LOW}(?:{_S}{_LAW_LOW}){{0,6}}{_LAW_END}){{0,3}}"
)
_LOWER_LAW = rf"{LOWER}+(?:{_S}{_LAW_LOW}){{1,6}}(?={_S}ngày\s)"


# Each pattern starts with a letter and checks the word boundary after it: the regex engine
# then skips ahead to that letter instead of testing a lookbehind at every position.


class LawName:
    """A law or code cited by name: ``Luật Tổ chức chính quyền địa phương``, ``Bộ luật Tố
    tụng hình sự``, ``Luật Đầu tư công``, ``Luật Thi đua, khen thưởng``, ``Luật bảo hiểm y
    tế ngày 14 tháng 11 năm 2008`` (lower case before a date).
    Not: ``Luật số 65/2020/QH14`` (a number follows: that citation is the number's),
    ``Luật sửa đổi, bổ sung`` (an amending law named by what it amends), ``luật, pháp lệnh``,
    ``Luật Tổ chức Quốc hội số 57/2014/QH13``."""

    pattern = compiled_later(
        rf"(?P<word>B(?<!\wB)ộ{_S}luật|L(?<!\wL)uật){_S}(?P<name>(?>{_LAW_NAME}|{_LOWER_LAW}))"
        rf"(?!{_S}số\b|[ \t]*\d)"
    )


class Constitution:
    """The Constitution: ``Hiến pháp năm 2013``, ``Hiến pháp nước Cộng hòa xã hội chủ nghĩa
    Việt Nam``, ``Hiến pháp``. Not: ``hiến pháp`` (lower case: the notion), ``hợp hiến``."""

    pattern = compiled_later(
        rf"(?P<word>H(?<!\wH)iến{_S}pháp)(?:{_S}nước{_S}Cộng{_S}hòa{_S}xã{_S}hội{_S}chủ{_S}nghĩa"
        rf"{_S}Việt{_S}Nam)?(?:{_S}năm{_S}(?P<year>(?:19|20)\d\d))?(?!\w)"
    )


class PartyCharter:
    """The Party Charter: ``Điều lệ Đảng``, ``Điều lệ Đảng Cộng sản Việt Nam``.
    Not: ``điều lệ công ty``, ``Điều lệ Hội``."""

    pattern = compiled_later(
        rf"(?P<word>Đ(?<!\wĐ)iều{_S}lệ)(?P<name>{_S}Đảng(?:{_S}Cộng{_S}sản{_S}Việt{_S}Nam)?)(?!\w)"
    )


_ROMAN = r"[IVXL]{1,6}"


class CentralResolution:
    """Resolutions of the Party's national congress and central plenums, cited by name:
    ``Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng``, ``Nghị quyết Đại hội
    Đảng toàn quốc lần thứ XIV``, ``Nghị quyết Đại hội XIII của Đảng``, ``Nghị quyết Trung
    ương 4 khóa XII``, ``Nghị quyết Hội nghị Trung ương 8 khoá XIII``.
    Not: ``Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII`` (a province's congress),
    ``Nghị quyết Đại hội``, ``nghị quyết trung ương``."""

    pattern = compiled_later(
        rf"(?P<word>N(?<!\wN)ghị{_S}quyết){_S}(?:Đại{_S}hội(?:{_S}đại{_S}biểu)?(?:{_S}Đảng)?"
        rf"(?:{_S}toàn{_S}quốc{_S}lần{_S}thứ)?{_S}(?P<congress>{_ROMAN})(?:{_S}của{_S}Đảng)?"
        rf"|(?:Hội{_S}nghị{_S})?Trung{_S}ương{_S}(?P<plenum>\d{{1,2}}){_S}kh(?:óa|oá){_S}"
        rf"(?P<term>{_ROMAN}))(?!\w)"
    )

    @staticmethod
    def name(match: re.Match[str]) -> str:
        """One name per resolution, however it is spelt."""
        if match["congress"]:
            return f"Nghị quyết Đại hội {match['congress']} của Đảng"
        return f"Nghị quyết Trung ương {match['plenum']} khóa {match['term']}"


@dataclass(frozen=True)
class Named:
    """A document found by its name."""

    start: int
    end: int
    name: str
    word: str
    issuer_code: str
    """Code of the body that passes it: ``QH`` for laws and the Constitution, ``TW`` for the
    Party Charter."""
    date: DocDate | None = None


def named(text: str) -> Iterator[Named]:
    """Every document cited by name in ``text``, in order."""
    found: list[Named] = []
    # Most texts name no law: a plain substring test spares the patterns' scan.
    laws = LawName.pattern.finditer(text) if "uật" in text else ()
    for match in laws:
        word = " ".join(match["word"].split())
        name = f"{word} {' '.join(match['name'].split())}"
        found.append(Named(match.start(), match.end(), name, word, "QH"))
    for match in Constitution.pattern.finditer(text) if "Hiến" in text else ():
        year = DocDate(int(match["year"])) if match["year"] else None
        found.append(Named(match.start(), match.end(), "Hiến pháp", "Hiến pháp", "QH", year))
    for match in PartyCharter.pattern.finditer(text) if "Điều" in text else ():
        found.append(Named(match.start(), match.end(), "Điều lệ Đảng", "Điều lệ", "TW"))
    for match in CentralResolution.pattern.finditer(text):
        name = CentralResolution.name(match)
        found.append(Named(match.start(), match.end(), name, "Nghị quyết", "TW"))
    yield from sorted(found, key=lambda n: n.start)


class ShortForm:
    """A short form the text defines for the citation just before it:
    ``(sau đây viết tắt là Thông tư liên tịch số 06/2018)``, ``(sau đây gọi tắt là Thông tư
    số 02/2018)``, ``(sau đây gọi là Thông tư liên tịch số 01/2017)``.
    Not: ``(sau đây gọi tắt là Kế hoạch)`` (no number), ``số 06/2018/TTLT-BCA`` (a number)."""

    definition = compiled_later(
        r"\(\s*sau\s+đây\s+(?:viết\s+tắt|gọi\s+tắt|gọi)\s+là\s+(?P<use>[^()]{0,60}?"
        r"(?<!\w)số\s+(?P<short>\d{1,5}/(?:19|20)\d\d))\s*\)"
    )

    @classmethod
    def uses(cls, text: str, short: str, after: int) -> Iterator[re.Match[str]]:
        """Every "số <short>" from ``after`` on that is not the start of a longer number."""
        use = re.compile(rf"(?<!\w)số\s+(?P<short>{re.escape(short)})(?![\d/]|\s*/\s*\w)")
        yield from use.finditer(text, after)
