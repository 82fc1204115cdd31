"""Issuer levels: central, provincial, district, commune and bloc committees and bodies, and
what the front matter of each must say about its place.

A document of the Bộ Chính trị has no province; a Huyện ủy's has a province and a district
(until 30 June 2025, when districts were abolished); an Đảng ủy xã, phường or đặc khu has a
commune; an Đảng ủy khối sits in a province. ``level:`` in front matter names the level; a
v1 file without it is provincial or district-level, read from its issuer (``derive``), and
keeps every rule it had.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ketluan.core.dates import DocDate
from ketluan.core.text import fold

REQUIRED, OPTIONAL, FORBIDDEN = "required", "optional", "forbidden"


@dataclass(frozen=True)
class Level:
    """A level of issuing bodies and what its documents' front matter holds."""

    slug: str
    """Value of ``level:`` in front matter (``trung-uong``)."""
    label: str
    """Vietnamese name, as the metadata panel and the search filter show it."""
    province: str
    """``province:`` is REQUIRED or FORBIDDEN."""
    district: str
    """``district:`` is REQUIRED, OPTIONAL (the district a provincial document concerns) or
    FORBIDDEN."""
    commune: str
    """``commune:`` is REQUIRED or FORBIDDEN."""
    until: str | None = None
    """Last day the level existed, ISO (districts: 2025-06-30)."""

    @property
    def central(self) -> bool:
        """True for central bodies: no province, URLs under their own scope."""
        return self.province == FORBIDDEN


CENTRAL = Level("trung-uong", "Trung ương", FORBIDDEN, FORBIDDEN, FORBIDDEN)
"""Bộ Chính trị, Ban Bí thư, Ban Chấp hành Trung ương, central boards, Đảng đoàn Quốc hội,
Ban cán sự đảng Chính phủ, Chính phủ, Thủ tướng, the ministries."""
PROVINCE = Level("tinh", "Cấp tỉnh", REQUIRED, OPTIONAL, FORBIDDEN)
"""Tỉnh ủy, Thành ủy of a city under the centre, UBND and HĐND tỉnh; a district the
document concerns may be named."""
DISTRICT = Level("huyen", "Cấp huyện", REQUIRED, REQUIRED, FORBIDDEN, until="2025-06-30")
"""Huyện ủy, Quận ủy, Thị ủy, Thành ủy of a city within a province, until 30 June 2025."""
COMMUNE = Level("xa", "Cấp xã", REQUIRED, OPTIONAL, REQUIRED)
"""Đảng ủy xã, phường, đặc khu, UBND xã; before 1 July 2025 a commune of a district."""
BLOC = Level("khoi", "Đảng ủy khối", REQUIRED, FORBIDDEN, FORBIDDEN)
"""Đảng ủy Khối các cơ quan tỉnh, Đảng ủy Khối Doanh nghiệp tỉnh."""

LEVELS: dict[str, Level] = {
    level.slug: level for level in (CENTRAL, PROVINCE, DISTRICT, COMMUNE, BLOC)
}
"""Every level by its slug, central first."""


class ProvinceCommittee:
    """An issuer of the provincial Party committee: ``Tỉnh ủy Điện Biên``, ``Thường trực
    Tỉnh ủy Bắc Kạn``, ``Ban Thường vụ Tỉnh ủy``. Not: ``Huyện ủy Sơn Động``, ``Thành ủy
    Hà Nội`` (a Thành ủy is provincial or of a city within a province: ``derive`` reads
    whether it names the document's district)."""

    pattern = re.compile(r"\btinh uy\b")


class DistrictCommittee:
    """An issuer of a district Party committee: ``Huyện ủy Sơn Động``, ``Ban Thường vụ Quận
    ủy 1``, ``Thị ủy Sơn Tây``. Not: ``Tỉnh ủy Bắc Giang``, ``UBND huyện Sơn Động`` (a
    State body: its level is read from the place it names)."""

    pattern = re.compile(r"\b(huyen|quan|thi) uy\b")


class BlocCommittee:
    """An issuer of a bloc Party committee: ``Đảng ủy Khối các cơ quan tỉnh``, ``Ban Thường
    vụ Đảng ủy khối Doanh nghiệp tỉnh``. Not: ``Đảng ủy xã Tân Thịnh``, ``khối phố 3``."""

    pattern = re.compile(r"\bdang uy khoi\b")


class CentralBody:
    """An issuer that is a central body, for the hint when a province is missing:
    ``Bộ Chính trị``, ``Ban Bí thư``, ``Ban Chấp hành Trung ương Đảng``, ``Ban Tổ chức Trung
    ương``, ``Đảng đoàn Quốc hội``, ``Ban cán sự đảng Chính phủ``, ``Thủ tướng Chính phủ``.
    Not: ``Huyện ủy Sơn Động``, ``Bộ Chỉ huy Quân sự tỉnh`` (a provincial command)."""

    pattern = re.compile(
        r"^(bo chinh tri|ban bi thu|chinh phu|thu tuong|quoc hoi|uy ban thuong vu quoc hoi)\b"
        r"|\btrung uong\b|\bquoc hoi\b|\bchinh phu\b"
    )


def derive(issuer: str, district: str | None, commune: str | None) -> Level:
    """The level of a file without ``level:``: commune with a commune; a bloc for an Đảng ủy
    khối; district for a district committee, or a Thành ủy or State body naming the
    document's district; else provincial (a Tỉnh ủy's document about a district is
    provincial: Thông báo kết luận of Thường trực Tỉnh ủy Điện Biên on Tuần Giáo)."""
    name = fold(issuer)
    if commune:
        return COMMUNE
    if BlocCommittee.pattern.search(name):
        return BLOC
    if ProvinceCommittee.pattern.search(name):
        return PROVINCE
    if DistrictCommittee.pattern.search(name):
        return DISTRICT
    if district and re.search(rf"\b{re.escape(fold(district))}\b", name):
        return DISTRICT
    return PROVINCE


def looks_central(issuer: str) -> bool:
    """True when ``issuer`` names a central body (see ``CentralBody``)."""
    return bool(CentralBody.pattern.search(fold(issuer)))


COMMUNE_KINDS = ("xã", "phường", "thị trấn", "đặc khu")
"""Types of commune-level units; "đặc khu" (special zone) since 1 July 2025."""
_COMMUNE_KIND = re.compile(r"^(xa|phuong|thi tran|dac khu)\s+")


def commune_parts(commune: str, issuer: str) -> tuple[str, str]:
    """(type, name) of a commune as front matter writes it: ``xã Tân Thịnh`` -> ("xã", "Tân
    Thịnh"); ``Tân Thịnh`` takes its type from the issuer (``Đảng ủy phường Tân Thịnh``),
    else "xã"."""
    if found := _COMMUNE_KIND.match(fold(commune)):
        kind = COMMUNE_KINDS[[fold(k) for k in COMMUNE_KINDS].index(found[1])]
        return kind, commune.split(None, len(kind.split()))[-1]
    said = fold(issuer)
    for kind in COMMUNE_KINDS:
        if re.search(rf"\b{fold(kind)}\s+{re.escape(fold(commune))}\b", said):
            return kind, commune
    return "xã", commune


def level_problems(
    level: Level, values: dict[str, object], date: DocDate | None
) -> list[tuple[str, str, str]]:
    """(field, what, fix) for each place field ``level`` requires or forbids, and a date
    after the level ended (``values``: the front matter as written)."""
    found = []
    for name in ("province", "district", "commune"):
        rule = getattr(level, name)
        if rule == REQUIRED and name not in values:
            found.append((name, f"is missing (required for level {level.slug})", ""))
        elif rule == FORBIDDEN and name in values:
            what = f"a document of level {level.slug} ({level.label}) has no {name}"
            found.append((name, what, f"Remove '{name}:' or correct 'level:'"))
    if level is COMMUNE and date and _before_merger(date) and "district" not in values:
        what = "is missing: before 1 July 2025 a commune belonged to a district"
        found.append(("district", what, ""))
    if level.until and date and date.after(dt.date.fromisoformat(level.until)):
        what = (
            f"level {level.slug} ended on {level.until} (districts were abolished "
            f"on 1 July 2025); a document dated {date.iso()} is of a commune or a province"
        )
        found.append(("level", what, "Write 'level: xa' or 'level: tinh'"))
    return found


def _before_merger(date: DocDate) -> bool:
    """True when the whole known period of ``date`` lies before 1 July 2025 (a bare 2025
    may be either side)."""
    return (date.year, date.month or 12) < (2025, 7) if date.year == 2025 else date.year < 2025
