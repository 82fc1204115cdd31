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
from functools import cached_property
from typing import ClassVar

from .dates import DocDate
from .text import fold, slugify


@dataclass(frozen=True)
class Kind:
    """A type of cited document: slug (used in URLs and front matter) and Vietnamese label."""

    slug: str
    label: str


KINDS: dict[str, Kind] = {
    slugify(label): Kind(slugify(label), label)
    for label in (
        *("Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Quyết định", "Đề án", "Kế hoạch"),
        *("Thông báo", "Hướng dẫn", "Chương trình", "Công văn", "Thông tư", "Thông tư liên tịch"),
        *("Nghị định", "Luật", "Báo cáo", "Tờ trình", "Quy chế", "Công điện", "Thông tri"),
        "Văn bản",
    )
}
"""Kinds of cited documents by slug (``nghi-quyet``): what ``type:`` in references takes."""

# Type code in a symbol (folded, upper case) -> kind slug. QĐ is Quyết định unless the word
# before the number says Quy định; QĐi is always Quy định.
_CODES = {
    "NQ": "nghi-quyet",
    "CT": "chi-thi",
    "KL": "ket-luan",
    "QD": "quyet-dinh",
    "QDI": "quy-dinh",
    "DA": "de-an",
    "KH": "ke-hoach",
    "TB": "thong-bao",
    "HD": "huong-dan",
    "CTR": "chuong-trinh",
    "CV": "cong-van",
    "TT": "thong-tu",
    "TTLT": "thong-tu-lien-tich",
    "ND": "nghi-dinh",
    "BC": "bao-cao",
    "TTR": "to-trinh",
    "QC": "quy-che",
    "CD": "cong-dien",
    "TTRI": "thong-tri",
}
_MORE_WORDS = {"Thông báo kết luận": "thong-bao", "Chương trình hành động": "chuong-trinh"}
_WORDS = {fold(k.label): k.slug for k in KINDS.values()} | {
    fold(w): k for w, k in _MORE_WORDS.items()
}


def _class_of(predicate: str) -> str:
    chars = [chr(c) for c in range(0x41, 0x1EFF)]
    return "[" + "".join(re.escape(c) for c in chars if getattr(c, predicate)()) + "]"


UPPER = _class_of("isupper")
"""Regex class of upper-case letters, Vietnamese included."""
_UP = UPPER
_LO = _class_of("islower")
_SP = r"[ \t]"  # inline space only: masked Markdown markup (\x1f) ends a phrase
_DASHES = "\\-\u2010\u2011\u2013"
DASH = f"[{_DASHES}]"
"""Hyphen, and the dashes word processors put in its place (en dash, non-breaking hyphen)."""


@dataclass(frozen=True)
class Symbol:
    """A số ký hiệu found in text: its normalised spelling and the codes it is made of."""

    text: str
    """Spelling with stray spaces removed: ``TT- BXD`` -> ``TT-BXD``."""
    form: str
    """Name of the matcher class that found it."""
    type_code: str | None
    """Folded upper-case type code (``NQ``, ``QD``), None when the symbol has none."""
    issuer_code: str
    """Folded upper-case issuer code: ``TU``, ``HU``, ``TW``, ``UBND``, ``BXD``..."""
    year: int | None = None
    """Year part of a State number (``45/2018/QĐ-UBND`` -> 2018)."""

    @cached_property
    def key(self) -> str:
        """Comparable form: folded, upper case, no spaces (``96-QĐ/TW`` -> ``96-QD/TW``)."""
        return fold(self.text).upper().replace(" ", "")

    @property
    def party(self) -> bool:
        """True for Party symbols (number-TYPE/COMMITTEE)."""
        return self.form == PartySymbol.__name__


def _squeeze(value: str) -> str:
    """Stray spaces out, every dash spelt "-": ``TT– BXD`` -> ``TT-BXD``."""
    return re.sub(DASH, "-", re.sub(r"\s+", "", value))


def _code(value: str) -> str:
    return fold(value).upper()


class SymbolForm:
    """A form of số ký hiệu; subclasses give a regex (named groups prefixed by ``tag``)."""

    tag: ClassVar[str]
    pattern: ClassVar[str]

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        raise NotImplementedError


class PartySymbol(SymbolForm):
    """Party documents: number-TYPE/COMMITTEE.

    ``04-NQ/TU``, ``96-QĐ/TW``, ``16-ĐA/TU``, ``65-KH/TU``, ``120-KL/TU``, ``08-QĐi/TW``,
    ``27 - NQ/HU``, ``01-NQ/TƯ`` (TƯ is TW). Not: ``Covid-19``, ``2021 - 2025``, ``T/M``.
    """

    tag = "p"
    pattern = (
        rf"(?P<p_n>\d{{1,4}}[a-z]?)\s{{0,2}}{DASH}\s{{0,2}}"
        rf"(?P<p_t>[A-ZĐ]{{1,3}}(?:i|r|ri)?)\s{{0,2}}/\s{{0,2}}(?P<p_i>{_UP}{{2,8}}\d{{0,2}})"
    )

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        issuer = re.sub("TƯ$", "TW", match["p_i"])  # Trung ương is spelt both ways
        text = f"{match['p_n']}-{match['p_t']}/{issuer}"
        return Symbol(text, cls.__name__, _code(match["p_t"]), _code(issuer))


_STATE_PART = rf"{_UP}{{1,8}}[a-zđ]?[{_UP[1:-1]}0-9]{{0,6}}"


class StateYearSymbol(SymbolForm):
    """State documents with the year in the number: number/year/TYPE-ISSUER.

    ``45/2018/QĐ-UBND``, ``04/2022/TT-BXD``, ``04/2022/TT- BXD``, ``05/2019/NQ-HĐND``,
    ``66.7/2025/NQ-CP``, ``76/2025/UBTVQH15``, ``59/2020/QH14``.
    Not: ``21/4/2024`` (a date), ``12/17 chỉ tiêu``.
    """

    tag = "y"
    pattern = (
        r"(?P<y_n>\d{1,5}(?:\.\d{1,3})?)\s?/\s?(?P<y_y>(?:19|20)\d\d)\s?/\s?"
        rf"(?P<y_c>{_STATE_PART}(?:\s?{DASH}\s?{_STATE_PART}){{0,2}})"
    )

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        parts = [_code(p) for p in _squeeze(match["y_c"]).split("-")]
        type_code = parts[0] if len(parts) > 1 and parts[0] in _CODES else None
        issuer = "-".join(parts[1:] if type_code else parts)
        text = f"{match['y_n']}/{match['y_y']}/{_squeeze(match['y_c'])}"
        return Symbol(text, cls.__name__, type_code, issuer, int(match["y_y"]))


class StateSymbol(SymbolForm):
    """State documents without a year: number/TYPE-ISSUER, or number/ISSUER-UNIT (công văn).

    ``03/CT-UBND``, ``1360/UBND-NN``, ``123/QĐ-TTg``, ``45/TB-VPCP``.
    Not: ``37/84 hộ``, ``6/2023``, ``13/16``, ``15/TB`` (no issuer part).
    """

    tag = "s"
    pattern = (
        rf"(?P<s_n>\d{{1,5}})\s?/\s?(?P<s_c>{_STATE_PART}(?:\s?{DASH}\s?{_STATE_PART}){{1,2}})"
    )

    @classmethod
    def symbol(cls, match: re.Match[str]) -> Symbol:
        parts = [_code(p) for p in _squeeze(match["s_c"]).split("-")]
        type_code = parts[0] if parts[0] in _CODES else None
        issuer = "-".join(parts[1:] if type_code else parts)
        text = f"{match['s_n']}/{_squeeze(match['s_c'])}"
        return Symbol(text, cls.__name__, type_code, issuer)


FORMS: tuple[type[SymbolForm], ...] = (PartySymbol, StateYearSymbol, StateSymbol)
_SYMBOLS = re.compile(
    rf"(?<![\w./{_DASHES}])(?:"
    + "|".join(f"(?P<{f.tag}>{f.pattern})" for f in FORMS)
    + rf")(?![\w/]|{DASH}\w)"
)

_LABELS = sorted(
    (
        re.escape(label).replace(r"\ ", r"\s+")
        for label in [*(k.label for k in KINDS.values() if k.slug != "van-ban"), *_MORE_WORDS]
    ),
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
_NOT_PLACE = r"(?!(?:Quy|Nghị|Chỉ|Kết|Kế|Đề|Thông|Quyết|Về|Ban|Tại|Theo|Trong|Đối|Giao)\b)"
_PLACE = (
    rf"(?:{_SP}(?:tỉnh|huyện|thành\s+phố|thị\s+xã|quận))?"
    rf"(?:{_SP}{_NOT_PLACE}{_UP}{_LO}*(?:-{_UP}{_LO}*)?){{0,3}}"
)
ISSUER = rf"(?:{_LEAD})?{_BODY}{_PLACE}"


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


def kind_of(word: str | None, symbol: Symbol) -> str:
    """The kind of a cited document: the symbol's type code decides, except that the word
    before the number tells Quyết định from Quy định (both QĐ); no code: the word decides."""
    from_word = _WORDS.get(fold(word)) if word else None
    from_code = _CODES.get(symbol.type_code or "")
    if from_code == "quyet-dinh" and from_word == "quy-dinh":
        return from_word
    if from_code:
        return from_code
    if from_word and from_word != "van-ban":
        return from_word
    return "cong-van" if symbol.form == StateSymbol.__name__ else "van-ban"


def extract(text: str) -> list[Citation]:
    """Every citation in ``text`` in order; an issuer after a list applies to all of it."""
    found: list[Citation] = []
    for match in _SYMBOLS.finditer(text):
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
            Citation(start, match.end(), symbol, kind_of(word, symbol), word, date, issuer, tail)
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


def parse_symbol(value: str) -> Symbol | None:
    """The symbol when ``value`` is exactly one (``"04-NQ/TU"``), else None."""
    match = _SYMBOLS.fullmatch(value.strip())
    if match is None:
        return None
    form = next(f for f in FORMS if match[f.tag] is not None)
    return form.symbol(match)
