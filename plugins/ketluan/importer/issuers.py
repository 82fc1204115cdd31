"""Issuers read from the letterhead that are not a province's or district's Party committee:
central Party bodies and State bodies, one or several (joint documents), with their level.

The letterhead prints the issuing body in capitals, its parent above it (``BAN CHẤP HÀNH
TRUNG ƯƠNG`` over ``ĐẢNG ĐOÀN QUỐC HỘI``), a long name over two lines (``ỦY BAN NHÂN DÂN`` /
``THÀNH PHỐ HÀ NỘI``), and the bodies of a joint document joined by hyphens (``VIỆN KIỂM SÁT
NHÂN DÂN TỐI CAO - TÒA ÁN NHÂN DÂN TỐI CAO - BỘ CÔNG AN - …``). A central body has level
``trung-uong`` and no place: places merely mentioned in its text are never its province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ketluan.core.levels import looks_central
from ketluan.core.text import fold
from ketluan.importer.casing import Casing
from ketluan.importer.places import NO_PLACES, PlaceLookup

STARTS = (
    r"(?:ỦY BAN|UỶ BAN|BỘ|BAN|VĂN PHÒNG|VIỆN|TÒA ÁN|TOÀ ÁN|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI"
    r"|HỘI ĐỒNG|ĐẢNG ĐOÀN|ĐẢNG ỦY|ĐẢNG UỶ|KIỂM TOÁN|SỞ|CỤC|TỔNG CỤC|BAN CÁN SỰ|MẶT TRẬN"
    r"|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|THỊ ỦY|THỊ UỶ|QUẬN ỦY|QUẬN UỶ"
    r"|ĐẢNG BỘ)\b"
)
"""Words a body's name starts with; a letterhead line starting otherwise continues the
name above it (``THÀNH PHỐ HÀ NỘI``, ``VÀ XÃ HỘI``)."""
_STARTS = re.compile(rf"^{STARTS}")
_JOINT = re.compile(rf"\s+-\s+(?={STARTS})")
_INCOMPLETE = re.compile(r"(?:THƯỜNG VỤ|NHÂN DÂN|CHẤP HÀNH|-)$")
"""A letterhead line that cannot end a name: the next line continues it."""
PARTY_COMMITTEE = re.compile(r"^(?:TỈNH|HUYỆN|THÀNH|THỊ|QUẬN) (?:ỦY|UỶ)|^ĐẢNG BỘ")
"""A province's or district's Party committee: read by the committee rules instead."""
CENTRAL = re.compile(
    r"^(?:chinh phu|thu tuong|quoc hoi|uy ban thuong vu quoc hoi|van phong (?:chinh phu|quoc"
    r" hoi|trung uong|chu tich nuoc)|bo (?!chi huy)|vien kiem sat nhan dan toi cao"
    r"|toa an nhan dan toi cao|kiem toan nha nuoc|ban chap hanh trung uong|bo chinh tri"
    r"|ban bi thu|dang doan quoc hoi|ban can su dang chinh phu|hoi dong dan toc"
    r"|uy ban .* cua quoc hoi|ban .* trung uong)"
)
"""Central bodies (folded): Government, Prime Minister, National Assembly and its bodies,
ministries, the supreme court and procuracy, the Party's central bodies."""
_PLACE = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã) (\w[\w ]*)$", re.IGNORECASE)


@dataclass
class Issuer:
    """Who issued a document according to its letterhead."""

    names: list[str]
    level: str | None = None
    province: str | None = None
    district: str | None = None
    lines: list[str] = field(default_factory=list)
    """The letterhead lines the names were read from."""


def letterhead_bodies(lines: list[str]) -> list[list[str]]:
    """The bodies of a letterhead, top to bottom; a hyphen-joined entry is a list of
    several (a joint document). ``[["CHÍNH PHỦ"]]``, ``[["BAN CHẤP HÀNH TRUNG ƯƠNG"],
    ["ĐẢNG ĐOÀN QUỐC HỘI"]]``."""
    joined: list[str] = []
    for line in lines:
        text = " ".join(line.strip(" *\\").split())
        if not text:
            continue
        if joined and (_INCOMPLETE.search(joined[-1]) or not _STARTS.match(text)):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    entries: list[list[str]] = []
    for entry in joined:
        bodies = [b.strip(" -") for b in _JOINT.split(entry) if b.strip(" -")]
        if bodies not in entries:  # a letterhead printed twice by a PDF copy
            entries.append(bodies)
    return entries


def state_issuer(
    lines: list[str], casing: Casing, lookup: PlaceLookup = NO_PLACES
) -> Issuer | None:
    """The issuer of a letterhead naming a central or State body (the lowest entry: those
    above are its parents), None for a Party committee's letterhead or none at all."""
    entries = letterhead_bodies(lines)
    if not entries or any(PARTY_COMMITTEE.match(b) for b in entries[-1]):
        return None
    names = [_name(body, casing) for body in entries[-1]]
    issuer = Issuer(names, lines=list(lines))
    if all(CENTRAL.match(fold(n)) or looks_central(n) for n in names):
        issuer.level = "trung-uong"
        return issuer
    if match := _PLACE.search(names[0]):
        unit, place = fold(match.group(1)), match.group(2)
        if unit in ("tinh", "thanh pho") and lookup.is_place(place, "province") is not False:
            issuer.level, issuer.province = "tinh", place
        elif unit in ("huyen", "quan", "thi xa", "thanh pho"):
            issuer.level, issuer.district = "huyen", place
            issuer.province = lookup.province_of(place)
    return issuer


def _name(body: str, casing: Casing) -> str:
    """``ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI`` -> ``Ủy ban nhân dân thành phố Hà Nội``."""
    name = casing.sentence_case(body)
    return _UNIT.sub(lambda m: m.group(1).lower(), name)


_UNIT = re.compile(r"(?<=\S )(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường)(?= [A-ZĐ])")
"""A unit word before a place name is written in lower case (``thành phố Hà Nội``)."""


_ON_BEHALF = re.compile(r"^(?:T/M|TM\.)\s+(Bộ Chính trị|Ban Bí thư)$")


def on_behalf(issuer: Issuer, authority: str | None) -> Issuer:
    """The Politburo and the Secretariat print the Central Committee's letterhead
    (``BAN CHẤP HÀNH TRUNG ƯƠNG``) and sign ``T/M BỘ CHÍNH TRỊ``: the body signed for is the
    issuer (Hướng dẫn 36-HD/VPTW)."""
    match = _ON_BEHALF.match(authority or "")
    if match and issuer.names == ["Ban Chấp hành Trung ương"]:
        issuer.names = [match.group(1)]
    return issuer
