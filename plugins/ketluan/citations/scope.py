"""Where a cited document's issuer sits: the scope part of its identity, read in context.

``/TW`` is the centre; ``/TU`` the citing document's province as it was then, or the
city's or town's own committee when a district-level Thành ủy or Thị ủy names it; ``/HU``
the district committee of the citing document (or the one the sentence names); ``UBND`` and
``HĐND`` numbers the province (or district) the sentence or the citing document names.
Place names are read in one spelling and, for a province renamed in place (Thừa Thiên Huế,
now Huế), under its gazetteer name, so that one committee has one scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from ketluan.core.model import NATIONWIDE, Document
from ketluan.core.placenames import DISTRICT_IN_ISSUER, PROVINCE_IN_ISSUER
from ketluan.core.places import Location, PlaceError, gazetteer
from ketluan.core.symbols import Symbol
from ketluan.core.text import fold, new_tone_placement, nfc, slugify

UNKNOWN_DISTRICT = "(chưa rõ)"
UNKNOWN_PROVINCE = "(chưa rõ)"
"""The province of a local number (``/TU``, ``UBND``) cited by a central body's document
whose sentence names none."""
_NATIONAL_BODIES = {
    "CP": "Chính phủ",
    "TTG": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BXD": "Bộ Xây dựng",
    "BTC": "Bộ Tài chính",
    "BNV": "Bộ Nội vụ",
    "BYT": "Bộ Y tế",
    "BCT": "Bộ Công Thương",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BKHDT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BGDDT": "Bộ Giáo dục và Đào tạo",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TW": "Trung ương Đảng",
}


@dataclass(frozen=True, order=True)
class Scope:
    """Where a cited document's issuer sits: nowhere (national), a province, a district."""

    province: str | None = None
    district: str | None = None
    place: Location | None = field(default=None, compare=False, repr=False)
    """The gazetteer unit when the scope is the citing document's own place (it then has a
    place page, and a history after the 2025 merger); not part of the identity."""

    @cached_property
    def path(self) -> str:
        """URL segment(s): ``toan-quoc``, ``bac-giang``, ``bac-giang/son-dong``."""
        if self.province is None:
            return "toan-quoc"
        parts = [slugify(self.province)]
        if self.district == UNKNOWN_DISTRICT:
            parts.append("huyen-chua-ro")
        elif self.district is not None:  # Quận 1 is "1" in the gazetteer, "quan-1" in URLs
            parts.append(
                slugify(f"Quận {self.district}" if self.district.isdigit() else self.district)
            )
        return "/".join(parts)

    @property
    def label(self) -> str:
        """Vietnamese place: "toàn quốc", "tỉnh Bắc Giang", "huyện Sơn Động, tỉnh Bắc Giang"."""
        if self.province is None:
            return NATIONWIDE
        if self.place is not None:
            return self.place.label
        if self.district is None:
            return f"tỉnh {self.province}"
        return f"huyện {self.district}, tỉnh {self.province}"


@lru_cache(maxsize=4096)
def _name(value: str) -> str:
    """A place name in one spelling: NFC, new tone placement, each word capitalised
    ("Bắc giang", "Bắc Giang" and "bắc giang" are one scope)."""
    words = new_tone_placement(nfc(value)).split()
    return " ".join(w[:1].upper() + w[1:] for w in words)


@lru_cache(maxsize=4096)
def _province(value: str) -> str:
    """A province in one spelling: the gazetteer's name of the unit (``Thừa Thiên Huế`` and
    ``Huế`` are one province, renamed in place), else the name as written."""
    try:
        return gazetteer().province(value).name
    except PlaceError:
        return _name(value)


@lru_cache(maxsize=4096)
def _district_of(name: str, province: str) -> str | None:
    """The gazetteer name of ``name`` when it is a district of ``province`` (a city of a
    province, ``Quy Nhơn``, named like a province: ``Thành ủy Quy Nhơn``), else None."""
    g = gazetteer()
    try:
        g.province(name)
        return None
    except PlaceError:
        pass
    try:
        return g.district(name, g.province(province)).name
    except PlaceError:
        return _name(name)  # every province is in the gazetteer; not every city's district


def _place(said: str, own: str | None) -> str:
    """A place named in a sentence; the citing document's own place when the sentence names
    it followed by more capitalised words ("tỉnh Điện Biên Sở ...")."""
    if own and fold(said).startswith(fold(own) + " "):
        return _name(own)
    return _name(said)


def scope_of(symbol: Symbol, issuer: str | None, doc: Document) -> Scope:
    """The scope of a cited document, with the gazetteer unit when it is the citing
    document's own place."""
    scope = _scope_of(symbol, issuer, doc)
    where = doc.location
    if where is None or scope.province is None:
        return scope
    if fold(scope.province) != fold(where.province.name):
        return scope
    if scope.district is None:
        return replace(scope, place=Location(where.province))
    if where.district is not None and fold(scope.district) == fold(where.district.name):
        return replace(scope, place=where)
    return scope


@lru_cache(maxsize=4096)
def _named_places(said: str) -> tuple[str | None, str | None, bool]:
    """The province and the district an issuer names, and whether it says "huyện": read
    once per issuer (a long issuer shared by a list of citations is not reread for each)."""
    province = PROVINCE_IN_ISSUER.search(said)
    district = DISTRICT_IN_ISSUER.search(said)
    return (
        province[1] if province else None,
        district[1] if district else None,
        "huyen" in fold(said),
    )


def _scope_of(symbol: Symbol, issuer: str | None, doc: Document) -> Scope:
    """The scope of a cited document, read from its symbol, the issuer the sentence names
    and, for what neither says, the citing document's place at the time it was issued."""
    province, district, says_district = _named_places(issuer or "")
    if (
        province
        and doc.province
        and (city := _district_of(_place(province, doc.province), doc.province))
    ):
        province, district, says_district = None, city, True
    if not district and _own_city(issuer, doc):
        district = doc.district
    own_province = _province(doc.province) if doc.province is not None else UNKNOWN_PROVINCE
    province_name = _province(_place(province, doc.province)) if province else own_province
    district_name = (
        _place(district, doc.district)
        if district
        else (_name(doc.district) if doc.district else UNKNOWN_DISTRICT)
    )
    code = symbol.issuer_code
    if symbol.party:
        if code.endswith("TW"):
            return Scope()
        if code.endswith("TU"):  # a district-level Thành ủy or Thị ủy numbers with /TU too
            return Scope(province_name, district_name if district else None)
        if code.endswith(("HU", "QU")):
            return Scope(province_name, district_name)
        return Scope(province_name, _name(doc.district) if doc.district else None)
    parts = code.split("-")
    if any(p in ("UBND", "HDND") or (p.startswith("S") and len(p) <= 5) for p in parts):
        if says_district or district:
            return Scope(province_name, district_name)
        return Scope(province_name)
    return Scope()


def _own_city(issuer: str | None, doc: Document) -> bool:
    """True when a district-level Thành ủy or Thị ủy document names its own committee
    without a place (``của Thành ủy``, ``của Ban Thường vụ Thị ủy``)."""
    if not issuer or not doc.district or not doc.issuer:
        return False
    committee = ("thanh uy", "thi uy")
    said = fold(issuer)
    return any(c in fold(doc.issuer) for c in committee) and said.endswith(committee)


def issuer_group(symbol: Symbol, scope: Scope) -> str:
    """The body a cited document belongs to, for grouping: Tỉnh ủy Bắc Giang, Bộ Xây dựng."""
    code = symbol.issuer_code
    place = scope.district if scope.district else scope.province
    if symbol.party:
        if scope.province is None:
            return "Trung ương Đảng"
        if code.endswith("TU"):
            return f"Thành ủy {scope.district}" if scope.district else f"Tỉnh ủy {scope.province}"
        if code.endswith(("HU", "QU")):
            return f"Huyện ủy {scope.district}"
        return f"Cấp ủy {place} ({symbol.text.split('/')[-1]})"
    level = "huyện" if scope.district else "tỉnh"
    parts = code.split("-")
    if "HDND" in parts:
        return f"HĐND {level} {place}"
    if scope.province is not None:
        return f"UBND {level} {place}"
    for part in parts:
        body = _NATIONAL_BODIES.get(part) or _national(part)
        if body:
            return body
    return parts[-1]


def _national(code: str) -> str | None:
    if code.startswith("UBTVQH"):
        return "Ủy ban Thường vụ Quốc hội"
    if code.startswith("QH"):
        return "Quốc hội"
    return None
