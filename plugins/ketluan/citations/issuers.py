"""Issuing bodies named around a citation: recognised by their structure, not a closed list.

A body is a head word (Bộ, Ban, Ủy ban, Sở, Tòa án, Viện kiểm sát…, or a Party committee)
followed by its capitalised name (``Bộ Công Thương``, ``Ủy ban Pháp luật và Tư pháp của
Quốc hội``, ``Ban Chỉ đạo Trung ương``), optionally led by an office (``Bộ trưởng``, ``Chánh
án``, ``Chủ tịch``) and followed by a place (``tỉnh Bắc Giang``, ``Thành phố Hà Nội``).
Several bodies joined by commas or "và" are one issuer (joint documents). Text in capitals
(headings) is read with the same patterns, case-insensitively.
"""

from __future__ import annotations

import re

from ketluan.core.patterns import compiled_later
from ketluan.core.placenames import PLACE_AFTER_BODY
from ketluan.core.symbols import Symbol
from ketluan.core.text import LOWER, UPPER

_S = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
"""Space inside a name: blanks and at most one line break (masked markup ends a name)."""
_HEADS = (
    r"Bộ|Ban|Sở|Ủy|Uỷ|Viện|Tòa|Toà|Cục|Kết\s+luận|Nghị\s+(?:quyết|định)|Quyết\s+định"
    r"|Chỉ\s+thị|Thông\s+(?:tư|báo|tri)|Kế\s+hoạch(?!\s+và)|Đề\s+án|Quy\s+(?:định|chế)"
    r"|Về|Theo|Tại|Trong|Căn|Xét|Điều|Chương|Luật|Hiến"
)
_CAP = rf"(?!(?:{_HEADS})(?!\w)){UPPER}{LOWER}*(?!\w)"
"""A capitalised syllable of a name; not one that starts another body or phrase."""
_STOP = (
    "về|quy|sửa|ban|hướng|tại|đã|được|để|có|là|năm|ngày|khóa|khoá|thực|theo|trong|nêu|gửi"
    "|phê|trình|chủ|bổ|bãi|thay|kèm|cho|với|ở|từ|như|số|các|một|thì|nay|này|đó|và|của|xem"
    "|triển\\s+khai|lãnh|tiếp|hoàn|đối|nhằm|cụ|quản|thi|trên|tổ|giao\\s+nhiệm|nhiệm|ký|lần|thứ"
)
_LOW = rf"(?!(?:{_STOP})(?!\w)){LOWER}+(?!\w)"
"""A lower-case syllable continuing a name (``tế`` in ``Bộ Y tế``); not a word that starts
the next phrase (``về``, ``quy định``, ``ban hành``…)."""
_WORDS = rf"{_CAP}(?:{_S}{_LOW}){{0,3}}"
NAME = rf"{_WORDS}(?:(?:[ \t]+|[ \t]*,{_S}|{_S}-{_S}|{_S}và{_S}){_WORDS}){{0,4}}"
"""The name of a body: ``Công Thương``, ``Văn hoá, Thể thao và Du lịch``, ``Lao động -
Thương binh và Xã hội``, ``Chỉ đạo Trung ương``; stops before ``về``, ``quy định``…"""

_PARTY = (
    rf"[TtHh](?:ỉnh|uyện){_S}(?:ủy|uỷ)|Thành{_S}(?:ủy|uỷ)|Thị{_S}(?:ủy|uỷ)|Quận{_S}(?:ủy|uỷ)"
    rf"|Đảng{_S}(?:ủy|uỷ)|Đảng{_S}bộ(?:{_S}(?:tỉnh|huyện))?|Trung{_S}ương(?:{_S}Đảng)?|TW|TƯ"
)
_STATE = (
    rf"UBND|HĐND|(?:Ủy|Uỷ){_S}ban{_S}nhân{_S}dân|Hội{_S}đồng{_S}nhân{_S}dân"
    rf"|Thủ{_S}tướng(?:{_S}Chính{_S}phủ)?|Chính{_S}phủ|Quốc{_S}hội"
    rf"|(?:Tòa|Toà){_S}án{_S}nhân{_S}dân(?:{_S}tối{_S}cao)?"
    rf"|Viện{_S}kiểm{_S}sát{_S}nhân{_S}dân(?:{_S}tối{_S}cao)?"
    rf"|Kiểm{_S}toán{_S}nhà{_S}nước|Ngân{_S}hàng{_S}Nhà{_S}nước(?:{_S}Việt{_S}Nam)?"
)
_CENTRAL = (
    rf"Bộ{_S}Chính{_S}trị(?!\w)|Ban{_S}Bí{_S}thư(?:{_S}Trung{_S}ương(?:{_S}Đảng)?)?(?!\w)"
    rf"|Ban{_S}Chấp{_S}hành{_S}Trung{_S}ương(?:{_S}Đảng)?(?!\w)"
)
"""The Party's central bodies, read before the structural rule (which, in a table whose
cells are lines, would run on into the next cell: ``Bộ Chính trị ⏎Kỳ họp``)."""
_NAMED = rf"(?:Bộ|Ban|Sở|(?:Ủy|Uỷ){_S}ban|Cục|Tổng{_S}cục){_S}{NAME}(?:{_S}của{_S}Quốc{_S}hội)?"
"""Bodies known by their structure: ``Bộ Công Thương``, ``Ban Chỉ đạo Trung ương``,
``Ủy ban Văn hóa và Xã hội của Quốc hội``, ``Sở Xây dựng``, ``Bộ Chính trị``."""
_LEAD = (
    rf"(?:(?:Phó{_S})?Chủ{_S}tịch|Thường{_S}trực|Ban{_S}Thường{_S}vụ|BTV|Ban{_S}Chấp{_S}hành"
    rf"|BCH|Ban{_S}cán{_S}sự{_S}đảng|Đảng{_S}đoàn|Văn{_S}phòng|(?:Ủy|Uỷ){_S}ban{_S}Kiểm{_S}tra"
    rf"|UBKT|Bộ{_S}trưởng|Chánh{_S}án|Viện{_S}trưởng|Thống{_S}đốc|Trưởng{_S}ban|Chủ{_S}nhiệm)"
    rf"(?:[ \t]*\([^()\n]{{1,12}}\))?{_S}"
)
ISSUER = rf"(?:{_LEAD})?(?:{_CENTRAL}|{_PARTY}|{_STATE}|{_NAMED}){PLACE_AFTER_BODY}"
"""One issuing body, with its office and place."""
ISSUERS = rf"{ISSUER}(?:(?:[ \t]*,{_S}|{_S}và{_S}){ISSUER}){{0,7}}"
"""Several bodies of one joint document: ``Bộ Công an, Bộ Quốc phòng và Bộ Tư pháp``."""


def _compiled(pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern as written and its case-insensitive twin, for headings in capitals."""
    return compiled_later(pattern), compiled_later(pattern, re.IGNORECASE)


def _shouting(text: str, pos: int) -> bool:
    """True when the words after ``pos`` are written in capitals (a heading)."""
    letters = [c for c in text[pos : pos + 40].split("\n", 1)[0] if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def clean(issuer: str) -> str:
    """An issuer on one line, with single spaces."""
    return " ".join(issuer.split())


class IssuerPhrase:
    """The issuer after the number or date: ``của Tỉnh ủy``, ``của Ban Thường vụ (BTV) Tỉnh
    ủy``, ``của Bộ Chính trị``, ``của Chủ tịch UBND tỉnh Bắc Giang``, ``của Hội đồng nhân dân
    tỉnh``, ``của Bộ trưởng Bộ Công Thương``, ``của Chánh án Tòa án nhân dân tối cao``,
    ``của Ủy ban Pháp luật và Tư pháp``, ``của Ban Chỉ đạo Trung ương``, ``của UBND Thành
    phố``, ``CỦA BỘ TRƯỞNG BỘ CÔNG AN``, ``của Bộ Công an, Bộ Quốc phòng``; and the bare
    level after a State number: ``45/2018/QĐ-UBND tỉnh``.
    Not: ``của người dân``, ``của huyện`` (no issuing body), ``của Bộ trưởng``.
    Several bodies are one issuer only after a joint (liên tịch) number such as
    06/2018/TTLT-BCA-BQP; after any other, the first body is the issuer and what follows a
    comma is the sentence's own subject (129-KL/TU của Ban Thường vụ Tỉnh ủy Bình Dương, Ban
    Thường vụ Thành ủy thống nhất …)."""

    patterns = _compiled(rf"\)?\s*+(?:,\s*+)?(?:của|do)\s++(?P<issuer>{ISSUER})")
    joint = _compiled(rf"\)?\s*+(?:,\s*+)?(?:của|do)\s++(?P<issuer>{ISSUERS})")
    level = compiled_later(r"[ \t](?P<level>tỉnh|huyện)\b")

    @classmethod
    def match(cls, text: str, pos: int, symbol: Symbol) -> tuple[str, int] | None:
        """The issuer starting at ``pos`` and where it ends, if any."""
        several = (symbol.type_code or "").endswith("LT")
        pattern = (cls.joint if several else cls.patterns)[_shouting(text, pos)]
        if found := pattern.match(text, pos):
            return clean(found["issuer"]), found.end()
        local = {"UBND", "HDND"} & set(symbol.issuer_code.split("-"))
        if local and (found := cls.level.match(text, pos)):
            body = "UBND" if "UBND" in local else "HĐND"
            return f"{body} {found['level']}", found.end()
        return None


class IssuerBefore:
    """An issuer written before the numbers it sent, applying to each of them up to the next
    such issuer or the end of the clause: ``Theo đề nghị của Bộ trưởng Bộ Y tế tại Tờ trình
    số 609/TTr-BYT``, ``Xét đề nghị của Chính phủ tại Tờ trình số 357/TTr-CP và Đề án số
    358/ĐA-CP``, ``Theo đề nghị của Bộ Y tế tại Tờ trình số 1/TTr-BYT; của Chủ tịch Ủy ban
    nhân dân thành phố Hà Nội tại Tờ trình số 82/TTr-UBND`` (the second goes on from the first).
    Not: ``của Bộ Y tế về Tờ trình số 609`` (no "tại"), ``giao Bộ Y tế tại Tờ trình``,
    ``Chương trình của Chính phủ tại Nghị quyết số 140/NQ-CP`` (no request: whose program)."""

    _SENT = rf"của\s++(?P<issuer>{ISSUERS})\s++tại\s"
    request = compiled_later(  # a letter first: the engine skips to it (see ``named``)
        rf"(?:đ(?<!\wđ)ề\s+(?:nghị|xuất)|k(?<!\wk)iến\s+nghị|ý(?<!\wý)\s+kiến)\s+{_SENT}"
    )
    going_on = compiled_later(rf"[\s;,]*+(?:và\s+)?{_SENT}")
    clause_end = compiled_later(r";[ \t]*\n|\.(?=\s)")
    next_sent = compiled_later(r"[;,]\s*(?:và\s+)?của\s")

    @classmethod
    def spans(cls, text: str) -> list[tuple[int, int, str]]:
        """(start, end, issuer) of every region whose numbers the issuer sent: after a
        request (``đề nghị của … tại``), and each issuer continuing it (``…; của … tại``).
        Requests are rare words: the long issuer pattern runs only after one."""
        spans: list[tuple[int, int, str]] = []
        requests = list(cls.request.finditer(text))
        for index, asked in enumerate(requests):
            limit = requests[index + 1].start() if index + 1 < len(requests) else len(text)
            match: re.Match[str] | None = asked
            while match is not None:
                stop = cls.clause_end.search(text, match.end(), limit)
                end = stop.start() if stop else limit
                following = None
                for joint in cls.next_sent.finditer(text, match.end(), end):
                    if found := cls.going_on.match(text, joint.start()):
                        following, end = found, joint.start()
                        break
                spans.append((match.end(), end, clean(match["issuer"])))
                match = following
        return spans
