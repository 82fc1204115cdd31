"""Province and district of an imported document, read from the names its text mentions.

The text names places as ``tỉnh Điện Biên``, ``huyện Tuần Giáo``, ``Huyện ủy Sơn Động``.
Some documents never name their own province (a provincial portal writes "tỉnh" alone) or
name two districts equally often; a gazetteer then decides from the districts and communes
mentioned. The gazetteer is a small protocol (``PlaceLookup``): ``default_lookup`` adapts the
project's place data (``ketluan.core.places``, districts only), ``DictPlaces`` takes mappings (also
communes), and with ``NO_PLACES`` only names written in the text are used.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from ketluan.core.placenames import (
    COMMUNE,
    DISTRICT,
    DISTRICT_COMMITTEE,
    NAME,
    PROVINCE,
    PROVINCE_COMMITTEE,
    UY,
)
from ketluan.core.places import compact, gazetteer
from ketluan.core.text import fold

_NOT_NAMES = {"ủy", "uỷ", "Ủy", "Uỷ"}


class PlaceLookup(Protocol):
    """What the importer asks of a gazetteer (historical units, before 1 July 2025)."""

    def province_of(self, district: str) -> str | None:
        """Province a district belonged to, or None when unknown or ambiguous."""

    def district_of(self, commune: str, province: str | None) -> str | None:
        """District a commune or town belonged to, or None when unknown or ambiguous."""

    def is_place(self, name: str, level: str) -> bool | None:
        """Whether ``name`` is a province (level "province") or district ("district");
        None when the gazetteer cannot say."""


class _NoPlaces:
    def province_of(self, district: str) -> str | None:
        return None

    def district_of(self, commune: str, province: str | None) -> str | None:
        return None

    def is_place(self, name: str, level: str) -> bool | None:
        return None


NO_PLACES: PlaceLookup = _NoPlaces()
"""No gazetteer: places come only from names written in the text."""


@dataclass
class DictPlaces:
    """A gazetteer from two mappings, keyed by folded name (for tests and small data)."""

    districts: dict[str, str] = field(default_factory=dict)
    """district name -> province name"""
    communes: dict[str, str] = field(default_factory=dict)
    """commune or town name -> district name"""

    def province_of(self, district: str) -> str | None:
        return {fold(k): v for k, v in self.districts.items()}.get(fold(district))

    def district_of(self, commune: str, province: str | None) -> str | None:
        return {fold(k): v for k, v in self.communes.items()}.get(fold(commune))

    def is_place(self, name: str, level: str) -> bool | None:
        return None


class GazetteerPlaces:
    """PlaceLookup over the project's gazetteer (``ketluan.core.places``: districts with their
    former province). It has no communes, so ``district_of`` knows nothing."""

    def __init__(self, gazetteer: Any) -> None:
        found: dict[str, set[str]] = {}
        for district in gazetteer.districts.values():
            found.setdefault(compact(district.name), set()).add(district.province.name)
        self._province = {key: names.pop() for key, names in found.items() if len(names) == 1}
        self._names = {
            "district": set(found),
            "province": {
                key
                for province in gazetteer.former.values()
                for key in (compact(province.name), *province.aliases)
            },
        }

    def province_of(self, district: str) -> str | None:
        """The province of a district name found in one province only."""
        return self._province.get(compact(district))

    def district_of(self, commune: str, province: str | None) -> str | None:
        return None

    def is_place(self, name: str, level: str) -> bool | None:
        """Whether a former province or a district has this name (tỉnh Quyết định is none)."""
        return compact(name) in self._names[level]


def default_lookup() -> PlaceLookup:
    """The project's gazetteer (``ketluan.core.places``) as a PlaceLookup."""
    return GazetteerPlaces(gazetteer())


@dataclass
class Places:
    """Detected province and district, with why a value is missing when it is."""

    province: str | None = None
    district: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    """Why a needed place is missing, by field."""
    found: list[str] = field(default_factory=list)
    """How a place the text does not write out was found (gazetteer)."""


def _names(
    pattern: re.Pattern[str], text: str, lookup: PlaceLookup = NO_PLACES, level: str = ""
) -> Counter[str]:
    """Names the pattern finds, counted; those the gazetteer says are no place left out."""
    found: Counter[str] = Counter()
    for match in pattern.finditer(text):
        name = match.group(1).strip()
        if name.split()[0] not in _NOT_NAMES:
            found[name] += 1
    if level:
        for name in [n for n in found if lookup.is_place(n, level) is False]:
            del found[name]
    return found


def _best(counts: Counter[str]) -> tuple[str | None, list[str]]:
    """The most mentioned name, or None and the tied names."""
    if not counts:
        return None, []
    ranked = counts.most_common()
    tied = [name for name, n in ranked if n == ranked[0][1]]
    return (tied[0], tied) if len(tied) == 1 else (None, tied)


LETTERHEAD = re.compile(rf"^(?:(Tỉnh|Huyện|Thành|Thị|Quận) {UY}|Đảng bộ (tỉnh|huyện)) (.+)$")


def letterhead_places(lines: list[str], places: Places, lookup: PlaceLookup) -> Places:
    """The letterhead (``Tỉnh ủy Điện Biên``, ``Huyện ủy Sơn Động``) names the issuer's
    place outright: it wins over names counted in the text."""
    for line in lines:
        if match := LETTERHEAD.match(line):
            level = fold(match.group(1) or match.group(2))
            name = match.group(3).strip()
            if level == "tinh":
                places.province = name
                places.notes.pop("province", None)
            else:
                places.district = name
                places.notes.pop("district", None)
                if places.province is None and (province := lookup.province_of(name)):
                    places.province = province
                    places.notes.pop("province", None)
    return places


def find_places(text: str, unit: str | None, lookup: PlaceLookup = NO_PLACES) -> Places:
    """Province and district of a document.

    The district is set when the text names a district committee (``Huyện ủy X``) and that
    district leads the count of mentions, a committee counting double (a provincial text
    citing one committee in passing among other districts keeps none), or when
    the issuer is a district-level body (``unit`` is then ``huyện`` or ``thành phố``: the
    most mentioned ``huyện X``); a provincial document that merely mentions districts
    (``unit`` None) keeps none.
    """
    result = Places()
    province, tied = _best(_names(PROVINCE, text, lookup, "province"))
    if province is None and not tied:
        province, tied = _best(_names(PROVINCE_COMMITTEE, text, lookup, "province"))
    districts = _names(DISTRICT, text, lookup, "district")
    if province is None:
        votes = Counter(
            p for p in (lookup.province_of(d) for d in districts.elements()) if p is not None
        )
        province, tied_lookup = _best(votes)
        if province:
            named = ", ".join(sorted(set(districts)))
            result.found.append(f"province {province!r} from the gazetteer (districts {named})")
        if province is None:
            names = tied or tied_lookup
            result.notes["province"] = (
                f"several provinces named equally often ({', '.join(names)})"
                if names
                else "the text names no province"
            )
    result.province = province
    committees = _names(DISTRICT_COMMITTEE, text, lookup, "district")
    committee, _ = _best(committees + committees + districts)  # a committee counts double
    if committee in committees:
        result.district = committee
    elif unit:
        own = re.compile(rf"\b(?:{unit}|{unit.capitalize()}) {NAME}")
        district, tied = _best(_names(own, text, lookup, "district"))
        if district is None and len(tied) > 1:
            votes = Counter(
                d
                for d in (lookup.district_of(c, province) for c in _names(COMMUNE, text).elements())
                if d is not None and d in tied
            )
            district, _ = _best(votes)
            if district:
                result.found.append(f"district {district!r} from the gazetteer (its communes)")
        if district is None:
            result.notes["district"] = (
                f"several districts named equally often ({', '.join(tied)})"
                if tied
                else "the text names no district"
            )
        result.district = district
    return result


def fill_from_hints(places: Places, hints: Places | None) -> list[str]:
    """Fill a province or district the text left open from the importing office's own
    (``--province``/``--district``); a place the text names is never overridden."""
    notes = []
    if hints and hints.province and places.province is None:
        places.province = hints.province
        places.notes.pop("province", None)
        notes.append(f"province {hints.province!r} from --province (the text names none)")
    if hints and hints.district and "district" in places.notes:
        places.district = hints.district
        places.notes.pop("district", None)
        notes.append(f"district {hints.district!r} from --district (the text does not decide)")
    return notes
