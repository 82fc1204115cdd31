"""Agencies a task is given to: the phrases that name them, and one identity per agency.

"UBND huyện" in a Sơn Động document is UBND huyện Sơn Động, "Ban Tổ chức Huyện ủy" is the
Ban Tổ chức of Huyện ủy Sơn Động: a name is read in the context of the issuing committee
(the document's province, district and commune, as its front matter and the gazetteer give
them). Spellings fold to one identity: "Ủy ban nhân dân huyện Sơn Động", "UBND huyện Sơn
Động" and "UBND huyện" (in Sơn Động) are one agency, keyed within its province as every
identity of the portal is. Groups ("các cấp ủy, chính quyền", "cấp xã") are agencies too,
of the place of the document, marked ``group``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ketluan.core.patterns import compiled_later
from ketluan.core.placenames import UY
from ketluan.core.text import UPPER, fold, new_tone_placement, slugify

if TYPE_CHECKING:
    from ketluan.core.model import Document

_W = rf"{UPPER}[\w-]*"
"""A capitalised word (a syllable of a name)."""
_NAME = rf"(?:{_W}(?:[ \t]{_W}){{0,3}})"
_LOW = (
    r"(?:chính|hoạch|nghiệp|triển|thôn|hóa|nguyên|trường|dục|tạo|động|binh|hội|tế|vụ|pháp"
    r"|dựng|thông|tải|lâm|sự|phối(?! hợp)|ủy|uỷ|lý|mới|nông|tư|dân|trị|nước|số|lượng|vận"
    r"|hành|cộng|thuế|tầng|vực|thị|niên|tộc|giáo"
    r"|án|sát|nhân|chức|giáo|tin|nghệ|học|khoa|sinh|tịch|kiểm|tra|đạo)(?![\w-])"
)
"""A lowercase syllable of a unit's name (``nguyên`` in ``Tài nguyên``): a list, as any
other lowercase word may be the verb that follows the name."""
_UNIT_WORDS = rf"(?: {_W}(?: {_LOW}){{0,3}}| và| xây dựng)*"


def _name_after(tag: str) -> str:
    """An optional place name after a level word or committee, captured as ``name<tag>``."""
    return rf"(?:[ \t](?!Huyện|Tỉnh|Thành|Thị|Về|Theo|Trong|Đối)(?P<name{tag}>{_NAME}))?"


def _level(tag: str) -> str:
    """A level word, captured as ``level<tag>``."""
    return rf"(?P<level{tag}>huyện|tỉnh|xã|thị trấn|phường|thành phố|thị xã|quận)"


_STATE = (
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|UBMTTQ|MTTQ"
    r"|Ủy ban MTTQ(?: Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?)"
)
_ROLE = (
    r"(?:(?:Phó )?Chủ tịch|Thủ trưởng|Ban cán sự đảng|Đảng đoàn|Thường trực|[Ll]ãnh đạo"
    r"|Văn phòng)"
)
_ORGAN = (
    r"(?:BTV|Ban Thường vụ|Thường trực|UBKT|Ủy ban Kiểm tra|Văn phòng|Ban Tổ chức"
    r"|Ban Tuyên giáo(?: và Dân vận)?|Ban Dân vận|Ban Nội chính|Ban Kinh tế"
    r"|Trung tâm Chính trị)"
)
_UNIT = (
    r"(?:Phòng|Sở|Công an|Ban Chỉ huy Quân sự|Bộ Chỉ huy Quân sự|Trung tâm|Văn phòng"
    r"|Ban [Qq]uản lý|Hội|Huyện đoàn|Tỉnh đoàn|Liên đoàn Lao động|Chi cục|Hạt Kiểm lâm"
    r"|Kho bạc Nhà nước|Bảo hiểm xã hội|Viện [Kk]iểm sát nhân dân|Tòa án nhân dân|Đảng ủy)"
)
_COMMITTEE = rf"(?P<committee>Huyện|Tỉnh|Thành|Thị|Quận) {UY}(?! viên)"

GROUPS = {
    "cac cap uy, chinh quyen": "Các cấp ủy, chính quyền",
    "cac cap uy, to chuc dang": "Các cấp ủy, tổ chức đảng",
    "cac cap, cac nganh, dia phuong": "Các cấp, các ngành, địa phương",
    "cac cap, cac nganh, cac dia phuong": "Các cấp, các ngành, địa phương",
    "cac co quan, don vi, dia phuong": "Các cơ quan, đơn vị, địa phương",
    "cac so, ban, nganh": "Các sở, ban, ngành",
    "cac xa, thi tran": "Các xã, thị trấn",
    "cap xa": "Cấp xã",
    "cac dong chi huyen uy vien": "Huyện ủy viên",
    "huyen uy vien": "Huyện ủy viên",
    "cac dong chi tinh uy vien": "Tỉnh ủy viên",
    "thu truong cac co quan, don vi thuoc ubnd huyen": "Thủ trưởng các cơ quan, đơn vị",
    "truong ban chi dao cac xa": "Trưởng ban chỉ đạo các xã",
    "dang uy cac xa, thi tran": "Đảng ủy các xã, thị trấn",
    "cac huyen, thanh pho": "Các huyện, thành phố",
    "cac huyen uy, thanh uy": "Các huyện ủy, thành ủy",
    "cac doan the chinh tri - xa hoi": "Các đoàn thể chính trị - xã hội",
    "cac doan the": "Các đoàn thể",
    "cac chi bo thon": "Các chi bộ thôn",
    "cac chi bo truc thuoc": "Các chi bộ trực thuộc",
    "cac chi, dang bo co so": "Các chi, đảng bộ cơ sở",
    "cac to chuc co so dang": "Các tổ chức cơ sở đảng",
    "cac thon, to dan pho": "Các thôn, tổ dân phố",
}
"""Groups of agencies, by folded spelling: their one label."""
_GROUP = "|".join(
    sorted(
        {
            r"[Cc]ác cấp ủy, chính quyền",
            r"[Cc]ác cấp ủy, tổ chức đảng",
            r"[Cc]ác cấp, các ngành, (?:các )?địa phương",
            r"[Cc]ác cơ quan, đơn vị, địa phương",
            r"[Cc]ác sở, ban, ngành",
            r"[Cc]ác xã, thị trấn",
            r"cấp xã",
            r"(?:[Cc]ác đồng chí )?(?:Huyện|Tỉnh) ủy viên",
            r"[Tt]hủ trưởng các cơ quan, đơn vị thuộc UBND huyện",
            r"[Tt]rưởng ban chỉ đạo các xã",
            r"Đảng ủy các xã, thị trấn",
            r"[Cc]ác huyện, thành phố",
            r"[Cc]ác huyện ủy, thành ủy",
            r"[Cc]ác đoàn thể chính trị - xã hội",
            r"[Cc]ác đoàn thể",
            r"[Cc]ác chi bộ thôn",
            r"[Cc]ác chi bộ trực thuộc",
            r"[Cc]ác chi, đảng bộ cơ sở",
            r"[Cc]ác tổ chức cơ sở đảng",
            r"[Cc]ác thôn, tổ dân phố",
        },
        key=len,
        reverse=True,
    )
)

_MANY = (
    rf"(?P<many>(?:Đảng ủy|UBND|Ủy ban nhân dân) các (?:xã|thị trấn|phường) {_NAME}"
    rf"(?:, {_NAME})*(?: và {_NAME})?)"
)
"""Agencies of several named communes at once: ``Đảng ủy các xã Mường Mùn, Pú Nhung``."""

BODY = compiled_later(
    rf"{_MANY}|(?P<group>{_GROUP})"
    rf"|(?:{_ROLE} )?(?:{_ORGAN} )?{_COMMITTEE}{_name_after('1')}"
    rf"|(?:{_ROLE} )?{_STATE}(?: {_level('2')}{_name_after('2')}|(?! {_level('4')}))"
    rf"|{_UNIT}{_UNIT_WORDS}(?: {_level('3')}{_name_after('3')})?"
    rf"|(?P<commune>(?:xã|thị trấn|phường) {_NAME})"
)
"""One agency as written. Reads: ``UBND huyện``, ``Chủ tịch UBND huyện``, ``Ban Tổ chức
Huyện ủy``, ``BTV Huyện ủy Tuần Giáo``, ``Ban cán sự đảng UBND tỉnh``, ``Thường trực Hội
đồng nhân dân tỉnh``, ``Văn phòng Điều phối xây dựng Nông thôn mới tỉnh``, ``Phòng Tài
nguyên và Môi trường huyện``, ``xã Đại Sơn``, ``các cấp ủy, chính quyền``. Not: ``Huyện ủy
viên`` alone as a committee (it is the group of its members), ``ngành chức năng``."""

_UNNAMED = re.sub(r"\(\?P<\w+>", "(?:", BODY.pattern)
BODY_LIST = compiled_later(rf"(?:{_UNNAMED})(?:(?:,|;| và|, và)[ \t]+(?:{_UNNAMED}))*")
"""Agencies one after another: ``UBND huyện, Chủ tịch UBND huyện``, ``UBND huyện và cấp
xã``, ``xã Đại Sơn, xã Vĩnh An``."""

_SHORT = (
    (r"\bỦy ban nhân dân\b", "UBND"),
    (r"\bHội đồng nhân dân\b", "HĐND"),
    (r"\bBan Thường vụ\b", "BTV"),
    (r"\bỦy ban Kiểm tra\b", "UBKT"),
    (r"\bỦy ban Mặt trận Tổ quốc Việt Nam\b", "Ủy ban MTTQ"),
    (r"\bỦy ban Mặt trận Tổ quốc\b", "Ủy ban MTTQ"),
    (r"\bỦy ban MTTQ Việt Nam\b", "Ủy ban MTTQ"),
    (r"\bUBMTTQ\b", "Ủy ban MTTQ"),
    (r"^lãnh đạo\b", "Lãnh đạo"),
)


@dataclass(frozen=True, order=True)
class Agency:
    """One agency: ``key`` its identity within its province (``bac-giang/ubnd-huyen-son-
    dong``), ``name`` as pages show it, ``group`` for a group of agencies."""

    key: str
    name: str
    group: bool = False


def _scope(doc: Document) -> str:
    if doc.location is not None:
        return doc.location.province.slug
    return slugify(doc.province) if doc.province else "trung-uong"


def _place(level: str, doc: Document) -> str | None:
    """The name of the document's own unit of ``level``: its district for huyện."""
    if level in ("huyện", "quận", "thị xã", "thành phố"):
        if doc.location is not None and doc.location.district is not None:
            return doc.location.district.name
        return doc.district
    if level == "tỉnh":
        return doc.location.province.name if doc.location is not None else doc.province
    if level in ("xã", "phường", "thị trấn") and doc.commune:
        return re.sub(r"^(?:xã|phường|thị trấn|đặc khu)\s+", "", doc.commune)
    return None


def resolve(phrase: str, doc: Document) -> Agency | None:
    """The agency ``phrase`` (one match of ``BODY``) names, read in the context of ``doc``'s
    issuing committee; None when it names none."""
    text = " ".join(new_tone_placement(phrase).split()).strip(" ,;")
    match = BODY.fullmatch(text)
    if match is None:
        return None
    folded = fold(text)
    if match["group"] is not None:
        label = GROUPS.get(folded) or GROUPS.get(folded.removeprefix("cac dong chi "), text)
        where = doc.commune or doc.district or doc.province or "Trung ương"
        if label.startswith("Các sở"):
            where = doc.province or "Trung ương"
        return Agency(f"{_scope(doc)}/{slugify(label + ' ' + where)}", f"{label} ({where})", True)
    name = text[0].upper() + text[1:]
    for pattern, short in _SHORT:
        name = re.sub(pattern, short, name)
    if doc.commune and re.search(r"Đảng ủy$", name):
        name = f"{name} {doc.commune}"
    if match["commune"] is not None:
        name = text[0].lower() + text[1:]
        if doc.district:
            name = f"{name}, huyện {doc.district}"
    elif not any(match[f"name{tag}"] for tag in "123"):
        name = _qualified(name, match, doc)
        if name.startswith("Phòng ") and match["level3"] is None and doc.district:
            name = f"{name} huyện {doc.district}"
    return Agency(f"{_scope(doc)}/{slugify(name)}", name)


def _qualified(name: str, match: re.Match[str], doc: Document) -> str:
    """``name`` with the place its bare level word or committee means in ``doc``."""
    if match["committee"] is not None:
        level = {"huyện": "huyện", "quận": "huyện", "thị": "huyện", "thành": "huyện"}
        level["tỉnh"] = "tỉnh"
        committee = match["committee"].lower()
        if committee == "thành" and doc.district is None:
            committee = "tỉnh"
        place = _place(level[committee], doc)
        return f"{name} {place}" if place else name
    level = match["level2"] or match["level3"]
    if level is not None:
        place = _place(level, doc)
        return f"{name} {place}" if place else name
    if re.search(r"(?:UBND|HĐND|MTTQ)$", name):
        own = "xã" if doc.commune else "huyện" if doc.district else "tỉnh"
        place = _place(own, doc)
        return f"{name} {own} {place}" if place else name
    return name


_EACH = compiled_later(r"^(?P<head>.+?) các (?P<kind>xã|thị trấn|phường) (?P<names>.+)$")


def split_bodies(text: str) -> list[str]:
    """The agencies of a ``BODY_LIST`` match, one phrase each; "Đảng ủy các xã Mường Mùn,
    Pú Nhung và Quài Tở" is one phrase per commune."""
    found = []
    for match in BODY.finditer(text):
        each = _EACH.match(match.group()) if match["many"] else None
        if each is None:
            found.append(match.group())
            continue
        for name in re.split(r", | và ", each["names"]):
            found.append(f"{each['head']} {each['kind']} {name}")
    return found


__all__ = ["BODY", "BODY_LIST", "GROUPS", "Agency", "fold", "resolve", "split_bodies"]
