"""The issuing committees of the generated corpus: a provincial committee per former
province and per current (post-merger) province, a district committee per real former
district, each with its officials per term and how citations name it."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import phrases as ph

from ketluan.citations.matchers import IssuerPhrase
from ketluan.core.places import District, Gazetteer, Province
from ketluan.core.text import fold, slugify

MERGER = dt.date(2025, 7, 1)
LAST = dt.date(2026, 6, 30)
"""Last day of the corpus (post-merger documents run a year)."""
TERMS = {
    "district": (dt.date(2015, 6, 15), dt.date(2020, 6, 15)),
    "province": (dt.date(2015, 10, 15), dt.date(2020, 10, 15)),
    "merged": (MERGER,),
}
"""Party congresses: numbering restarts at each (district, province, post-merger committees)."""
WORDS = {"Huyện": ("Huyện ủy", "HU"), "Quận": ("Quận ủy", "QU"), "Thị xã": ("Thị ủy", "TU")}


def roman(n: int) -> str:
    """Congress and quarter numbers as printed: 26 -> XXVI."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def resolver_place(name: str) -> str:
    """The place the citation resolver reads after "Tỉnh ủy"/"Huyện ủy": capitalised words
    only, at most four ("Bà Rịa - Vũng Tàu" -> "bà rịa", "Quận 1" -> "quận"), folded.
    Used to keep two committees the resolver cannot tell apart from sharing a key."""
    words = []
    for word in name.split()[:4]:
        if not word[:1].isupper():
            break
        words.append(word)
    return fold(" ".join(words))


@dataclass
class Committee:
    """A Party committee that issues documents and numbers them per term."""

    key: str
    name: str
    """Full name, also the base of every issuer: "Huyện ủy Sơn Động"."""
    word: str
    """How its own texts call it: "Huyện ủy", "Tỉnh ủy", "Thành ủy"."""
    code: str
    """Committee part of its numbers: HU, QU, TU."""
    level: str
    """"district", "province" (former map) or "merged" (since 1 July 2025)."""
    province: str
    """``province:`` of its documents."""
    district: str | None
    """``district:`` of its documents (with the unit type when the name is not unique)."""
    place: str
    """Name of its unit in prose: "Sơn Động"."""
    unit: str
    """Unit in prose with its type: "huyện Sơn Động", "tỉnh Bắc Giang"."""
    cap: str
    """Type word of its unit: "huyện", "tỉnh", "thành phố"."""
    folder: str
    simple: bool
    """True when "của Huyện ủy" in its own texts resolves to it (else cite the full name)."""
    namespace: str
    """Scope the citation resolver gives its documents (a collision there is one document)."""
    mentions: str = ""
    """Scope the resolver gives citations of it: ``namespace`` when it is ``citable``."""
    mountain: bool = False
    weight: float = 1.0
    parent: Committee | None = None
    """The provincial committee above a district committee."""
    officials: dict[dt.date, dict[str, str]] = field(default_factory=dict, repr=False)

    def term(self, day: dt.date) -> dt.date:
        """Start of the term ``day`` falls in (numbering restarts there)."""
        return max(start for start in TERMS[self.level] if start <= day)

    @property
    def readable(self) -> bool:
        """True when the citation matcher reads its full name whole after "của" (not so
        with an apostrophe, "Cư M'gar"; a word that starts a type word, "Quy Nhơn"; or more
        than three words, "Thành phố Hồ Chí Minh")."""
        found = IssuerPhrase.patterns[0].match(f" của {self.name} về")
        return found is not None and found["issuer"] == self.name

    @property
    def citable(self) -> bool:
        """True when a later document can name it so that the citation resolves to it."""
        return self.simple or self.readable

    def phrases(self) -> tuple[str, ...]:
        """How its own later documents name it after "của"."""
        leads = ("", "Ban Thường vụ ", "BTV ", "Thường trực ", "Ban Thường vụ (BTV) ")
        generic = tuple(lead + self.word for lead in leads)
        if self.simple:
            return generic + ((self.name,) if self.readable else ())
        return self.named() if self.readable else generic

    def named(self) -> tuple[str, ...]:
        """How documents of a neighbouring committee (the province above, or the province
        visiting) name it: by its full name when the matcher reads it whole, else by the
        word alone, which the resolver reads as the citing document's own place."""
        if self.readable:
            return (self.name, "Ban Thường vụ " + self.name)
        return (self.word, "Ban Thường vụ " + self.word)

    def official(self, role: str, day: dt.date, seed: int) -> str:
        """Name of the Bí thư, Phó Bí thư, Chánh Văn phòng... of the term of ``day``."""
        term = self.term(day)
        if term not in self.officials:
            rng = random.Random(f"{seed}|{self.key}|{term}")
            roles = ("bi-thu", "pho-bi-thu", "pho-bi-thu-2", "chanh-vp", "pho-chanh-vp")
            self.officials[term] = {r: person(rng, self.mountain) for r in roles}
        return self.officials[term][role]


def person(rng: random.Random, mountain: bool) -> str:
    """A Vietnamese full name; in the northern mountains often a name of an ethnic minority."""
    female = rng.random() < 0.3
    if mountain and rng.random() < 0.4:
        family, middle = rng.choice(ph.ETHNIC_SURNAMES), rng.choice(ph.ETHNIC_MIDDLE)
        return f"{family} {middle} {rng.choice(ph.GIVEN_MALE)}"
    middle = ph.MIDDLE_FEMALE if female else ph.MIDDLE_MALE
    given = ph.GIVEN_FEMALE if female else ph.GIVEN_MALE
    return f"{rng.choice(ph.SURNAMES)} {rng.choice(middle)} {rng.choice(given)}"


def provincial(p: Province, level: str) -> Committee:
    """The committee of a province: Tỉnh ủy, or Thành ủy of a city under the centre."""
    place = p.former_names[0] if p.former_names and level == "province" else p.name
    city = p.kind == "Thành phố" and place == p.name
    word = "Thành ủy" if city else "Tỉnh ủy"
    full = f"Thành phố {place}" if place == "Hồ Chí Minh" else place
    simple = full == p.name and "-" not in full
    return Committee(
        key=f"{level}/{p.slug}",
        name=f"{word} {full}",
        word=word,
        code="TU",
        level=level,
        province=place,
        district=None,
        place=place,
        unit=f"{'thành phố' if city else 'tỉnh'} {place}",
        cap="thành phố" if city else "tỉnh",
        folder=p.slug,
        simple=simple,
        namespace="TU:" + resolver_place(full),
        mentions="TU:" + fold(p.name),
        mountain=p.name in ph.MOUNTAIN_PROVINCES,
    )


def district_committee(d: District, p: Province, unique: bool) -> Committee:
    """The committee of a former district: Huyện ủy, Quận ủy, Thị ủy or Thành ủy."""
    word, code = WORDS.get(d.kind, ("Thành ủy", "TU"))
    name = f"{word} {d.short}"
    simple = (code != "TU" and not d.name.isdigit()) or d.kind == "Thị xã"
    if code == "TU":
        namespace = "TU:" + (fold(p.name) if d.kind == "Thị xã" else resolver_place(d.short))
        mentions = "TU:" + fold(p.name)
    else:
        namespace = f"{code}:{fold(p.name)}:{resolver_place(d.short)}"
        mentions = f"{code}:{fold(p.name)}:{fold(d.short)}"
    return Committee(
        key=f"district/{p.slug}/{d.slug}",
        name=name,
        word=word,
        code=code,
        level="district",
        province=p.former_names[0] if p.former_names else p.name,
        district=d.short if unique else d.label,
        place=d.short,
        unit=d.title if d.name.isdigit() else d.label,
        cap=d.kind.lower(),
        folder=f"{p.slug}/{d.slug}",
        simple=simple,
        namespace=namespace,
        mentions=mentions,
        mountain=p.name in ph.MOUNTAIN_PROVINCES,
    )


def build(
    g: Gazetteer, rng: random.Random
) -> tuple[list[Committee], list[Committee], list[Committee]]:
    """Provincial (former), district and post-merger committees, each with a skewed
    activity weight: a few committees publish much more than the rest, as on the portals."""
    provinces, districts = [], []
    for p in g.former.values():
        committee = provincial(p, "province")
        committee.weight = rng.paretovariate(1.5)
        provinces.append(committee)
        units = g.districts_of(p)
        names = [d.name for d in units]
        for d in units:
            child = district_committee(d, p, names.count(d.name) == 1)
            child.weight = committee.weight * rng.paretovariate(1.2)
            child.parent = committee
            districts.append(child)
    merged = [provincial(p, "merged") for p in g.current.values()]
    for committee in merged:
        committee.weight = rng.paretovariate(1.5)
        committee.folder = slugify(committee.province)
    for committee in provinces + districts + merged:
        if committee.citable:
            committee.mentions = committee.namespace
    return provinces, districts, merged
